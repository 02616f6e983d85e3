import { MotcuaError, show } from '../errors';
import { createAccumulator, type GroupKey, type SummaryPolicy } from '../kpi/accumulator';
import { COUNT_DEFINITIONS, COUNT_KEYS, type CountSum, DERIVED_CONDITIONS, DERIVED_TERMS, DERIVED_TEXT, INDEX_DEFINITIONS, RATE_DEFINITIONS } from '../kpi/definitions';
import type { Period } from '../kpi/period';
import type { Counts } from '../kpi/types';
import { type CompileContext, conditionColumn, flag, predicate, sqlCond, sqlDate, sqlText } from './compile';
import { workingDayJoinSql } from './calendarSql';
import { type Dialect, dialectSql, type DialectSql } from './dialect';
import { columnNames, ident, relation, sourceColumns, type SqlColumnMapping } from './layout';

/** Options of {@link reportSql}. */
export interface ReportSqlOptions {
  readonly dialect: Dialect;
  /** The dossier table (default `dossiers`), optionally `schema.table`. */
  readonly table?: string;
  /**
   * Instead of `table`, any relation as trusted SQL text, e.g. DuckDB's
   * `read_csv('dossiers.csv', …)` or a subquery in parentheses. It is inserted as is.
   */
  readonly source?: string;
  /** Your column names by record field (the documented layout is {@link DOSSIER_TABLE}). */
  readonly columns?: SqlColumnMapping;
  readonly period: Period;
  readonly asOf?: string;
  readonly groupBy?: GroupKey | readonly GroupKey[];
  readonly policy?: Partial<SummaryPolicy>;
  /**
   * Index 3.3 as the national portal computes it [S]: the online ratio × the sync ratio (1.4), the
   * exact fraction (online × synced) / received², as `indices766(c, { onlineTimesSync: true })`.
   * Refused for `spark` and `clickhouse`, whose BIGINT multiplication can wrap silently on large
   * counts (the other dialects raise an error on overflow).
   */
  readonly onlineTimesSync?: boolean;
  /**
   * Where `due_on` is NULL, compute the due date from a processing limit in working days by
   * joining the calendar table (`motcua calendar export`): `addWorkingDays(received_on, days)`
   * at day level, as {@link workingDayJoinSql} (an ordinary LEFT JOIN, no correlated subquery).
   * `days` is an SQL expression over the dossier table, aliased `s` (e.g. `s.limit_days`);
   * `calendarTable` defaults to `motcua_calendar`.
   */
  readonly dueFromLimit?: { readonly days: string; readonly calendarTable?: string };
}

/** `camelCase` → `snake_case`. @internal */
export function snake(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Names that differ from the count key where the form's heading says otherwise. */
const FORM_NAMES: Readonly<Partial<Record<keyof Counts, string>>> = { received: 'total' };

/**
 * The output column of a count: the form's numbering for the columns of Biểu II.06a
 * (`c03_total`, `c04_online`, … `c13_overdue`), the snake_case key for the others
 * (`received_in_period`, `withdrawn`, …).
 *
 * @example
 * ```ts
 * import { countColumn } from 'motcua/sql';
 * countColumn('received'); // 'c03_total'
 * countColumn('overdue'); // 'c13_overdue'
 * countColumn('digitised'); // 'digitised'
 * ```
 */
export function countColumn(key: keyof Counts): string {
  const def = COUNT_DEFINITIONS[key];
  if (!def) throw new MotcuaError('INVALID_INPUT', { vi: `không có số liệu ${show(key, 'vi')}; cần một trong ${COUNT_KEYS.join(', ')}`, en: `unknown count ${show(key)}; expected one of ${COUNT_KEYS.join(', ')}` }, key, 'key');
  const n = /^\((\d+)\)$/.exec(def.column ?? '');
  const name = snake(FORM_NAMES[key] ?? key);
  return n ? `c${n[1]!.padStart(2, '0')}_${name}` : name;
}

function sumOf(s: CountSum, floorAtZero = false): string {
  const terms = Object.entries(s).map(([k, v], i) => {
    const col = countColumn(k as keyof Counts);
    if (v === 1) return i === 0 ? col : `+ ${col}`;
    if (v === -1) return i === 0 ? `-${col}` : `- ${col}`;
    return `${i === 0 ? '' : '+ '}${v} * ${col}`;
  });
  const e = terms.join(' ');
  return floorAtZero ? `CASE WHEN ${e} < 0 THEN 0 ELSE ${e} END` : `(${e})`;
}

/**
 * Percent in hundredths, half up, in integers only: floor((2·n·10000 + d) / 2d); NULL when d = 0
 * (division by NULLIF(…, 0): no engine evaluates a division by zero).
 */
function percentHundredths(d: DialectSql, num: string, den: string): string {
  return d.intDiv(`20000 * ${num} + ${den}`, `NULLIF(2 * ${den}, 0)`);
}

/** A line of a SELECT list with its comment (the legal source). */
function selectList(items: readonly (readonly [string, string?])[], indent = '  '): string {
  return items.map(([e, c], i) => `${indent}${e}${i < items.length - 1 ? ',' : ''}${c ? ` -- ${c.replaceAll('\n', ' ')}` : ''}`).join('\n');
}

/**
 * SQL computing Biểu II.06a, the standard rates and the Decision 766 indices from a dossier table,
 * one row per group plus a total row (`motcua_is_total = 1`), in any of the {@link Dialect}s,
 * generated from the same definitions the JS accumulator is generated from (`COUNT_DEFINITIONS`,
 * `RATE_DEFINITIONS`, `INDEX_DEFINITIONS`): the results are identical, which the test suite
 * checks in DuckDB and PostgreSQL (and that every dialect's text parses with that dialect's
 * parser).
 *
 * The query reads: `motcua_records` (the derived terms: end, due date, end kind, group keys),
 * `motcua_conditions` (the rows in scope and each derived condition once, as 0/1),
 * `motcua_flags` (for each row, 0/1 per output count: the condition each column counts, written
 * once), `motcua_groups` (their sums per group), `motcua_counts` (the groups and, UNION ALL,
 * their sum as the total row), `motcua_ratios` (numerators and denominators) and
 * `motcua_percents` (the percentages; the final SELECT adds the 766 points). The counts are named by the form's numbering (`c03_total` …
 * `c13_overdue`, see {@link countColumn}), each with a comment naming its legal source.
 * Rates come as exact integers: `rate_<name>_numerator`, `rate_<name>_denominator` and
 * `rate_<name>_percent_hundredths` (the percentage × 100, rounded half up; NULL when the
 * denominator is 0); indices as `index_<code>_…` with `index_<code>_points_hundredths`. All
 * divisions are integer divisions of the dialect (never a bare `/`). 3.3's "online × sync"
 * variant is generated with `onlineTimesSync` (not for Spark and ClickHouse: compute it there
 * from the `c04_online`, `synced` and `received_in_period` columns).
 *
 * @throws {MotcuaError} `INVALID_INPUT` naming the option (dialect, period, groupBy, policy, columns, table).
 *
 * @example
 * ```ts
 * import { period } from 'motcua/kpi';
 * import { reportSql } from 'motcua/sql';
 * const sql = reportSql({ dialect: 'spark', period: period('2024-Q1'), groupBy: 'field' });
 * sql.includes('UNION ALL'); // true
 * ```
 */
export function reportSql(options: ReportSqlOptions): string {
  const d = dialectSql(options?.dialect);
  const dialect: Dialect = d.name;
  // The accumulator validates and normalises period, asOf, grouping and policy the same way.
  const acc = createAccumulator({ period: options.period, ...(options.asOf !== undefined ? { asOf: options.asOf } : {}), ...(options.groupBy !== undefined ? { groupBy: options.groupBy } : {}), ...(options.policy ? { policy: options.policy } : {}) });
  const mapped = columnNames(options.columns, dialect);
  if (options.onlineTimesSync !== undefined && typeof options.onlineTimesSync !== 'boolean') throw new MotcuaError('INVALID_INPUT', { vi: `cần true hoặc false, nhận được ${show(options.onlineTimesSync, 'vi')}`, en: `expected true or false, got ${show(options.onlineTimesSync)}` }, options.onlineTimesSync, 'onlineTimesSync');
  if (options.onlineTimesSync === true && (dialect === 'spark' || dialect === 'clickhouse')) {
    throw new MotcuaError('INVALID_INPUT', { vi: `chỉ số 3.3 dạng trực tuyến × đồng bộ không được sinh cho ${dialect}: phép nhân 64 bit có thể tràn số mà không báo lỗi khi số liệu lớn; hãy tính từ c04_online, synced và received_in_period`, en: `index 3.3 as online × sync is not generated for ${dialect}: its 64-bit multiplication can overflow without an error on large counts; compute it from c04_online, synced and received_in_period` }, dialect, 'onlineTimesSync');
  }
  if (options.dueFromLimit !== undefined && (typeof options.dueFromLimit?.days !== 'string' || options.dueFromLimit.days.trim() === '')) {
    throw new MotcuaError('INVALID_INPUT', { vi: `cần một biểu thức SQL cho dueFromLimit.days, nhận được ${show(options.dueFromLimit?.days, 'vi')}`, en: `expected an SQL expression for dueFromLimit.days, got ${show(options.dueFromLimit?.days)}` }, options.dueFromLimit?.days, 'dueFromLimit.days');
  }
  const source = relation(options, dialect);
  // A column declared absent (`null` in the mapping) is a typed NULL, not a column of s.
  const prefixed = sourceColumns(mapped, options.columns);
  const join = options.dueFromLimit
    ? workingDayJoinSql({ dialect, date: prefixed.receivedOn, days: options.dueFromLimit.days, ...(options.dueFromLimit.calendarTable ? { table: options.dueFromLimit.calendarTable } : {}) })
    : null;
  // In motcua_records the source's columns are read through the alias s; later CTEs read the
  // columns motcua_records passes on (the due date from the calendar as motcua_due_on).
  const recordColumns = join ? { ...prefixed, dueOn: `COALESCE(${prefixed.dueOn}, ${join.due})` } : prefixed;
  const columns = join ? { ...mapped, dueOn: 'motcua_due_on' } : mapped;
  const derived = { end: 'motcua_end', due: 'motcua_due', judgedEnd: 'motcua_judged_end', endKind: 'motcua_end_kind' };
  const base = { dialect: d, from: acc.period.from, asOf: acc.asOf, policy: acc.policy, derived };
  const recordCtx: CompileContext = { ...base, columns: recordColumns };
  const ctx: CompileContext = { ...base, columns };

  const groupExpr: Record<GroupKey, string> = {
    field: recordColumns.field, agency: recordColumns.agency, level: recordColumns.level, procedure: recordColumns.procedureCode, channel: recordColumns.channel, month: d.month(recordColumns.receivedOn),
  };
  const groups = acc.groupBy.map((g) => ({ key: g, alias: `motcua_g_${g}`, expr: groupExpr[g] }));

  const records = [
    '  SELECT s.*,',
    ...groups.map((g) => `    ${g.expr} AS ${g.alias},`),
    ...(join ? [`    ${recordColumns.dueOn} AS motcua_due_on,`] : []),
    `    ${sqlDate(DERIVED_TERMS.end, recordCtx)} AS motcua_end,`,
    `    ${sqlDate(DERIVED_TERMS.due, recordCtx)} AS motcua_due,`,
    `    ${sqlDate(DERIVED_TERMS.judgedEnd, recordCtx, true)} AS motcua_judged_end,`,
    `    ${sqlText(DERIVED_TEXT.endKind, recordCtx)} AS motcua_end_kind`,
    `  FROM ${source} s`,
    ...(join ? [join.joins.replace(/^/gm, '  ')] : []),
  ];
  // Each derived condition once per row, as a 0/1 column (expanded: PostgreSQL has no lateral column aliases).
  const derivedConditions = Object.keys(DERIVED_CONDITIONS).filter((k) => k !== 'inScope') as (keyof typeof DERIVED_CONDITIONS)[];
  const conditionsCte = [
    '  SELECT r.*,',
    derivedConditions.map((k) => `    ${flag(sqlCond(DERIVED_CONDITIONS[k], ctx))} AS ${conditionColumn(k)}`).join(',\n'),
    '  FROM motcua_records r',
    `  WHERE ${predicate(sqlCond(DERIVED_CONDITIONS.inScope, ctx), ctx)}`,
  ];
  const counting: CompileContext = { ...ctx, conditionColumns: new Set<string>(derivedConditions) };
  const flagsCte = [
    '  SELECT',
    selectList([
      ...groups.map((g) => [g.alias] as const),
      ...COUNT_KEYS.map((k) => [`${flag(sqlCond(COUNT_DEFINITIONS[k].when, counting))} AS ${countColumn(k)}`] as const),
    ], '    '),
    '  FROM motcua_conditions',
  ];
  const sums = (from: string) => COUNT_KEYS.map((k) => [`COALESCE(${from === 'flags' ? d.sumFlags(countColumn(k)) : `SUM(${countColumn(k)})`}, 0) AS ${countColumn(k)}`] as const);
  const grouped = groups.length > 0;
  const ctes: [string, string[]][] = [['motcua_records', records], ['motcua_conditions', conditionsCte], ['motcua_flags', flagsCte]];
  if (grouped) {
    // Counts add up: the total row is the sum of the groups (each row is in exactly one group),
    // the same merge of partial aggregates as a national total over provinces (docs/sql.md).
    ctes.push(['motcua_groups', [
      '  SELECT',
      selectList([...groups.map((g) => [g.alias] as const), ...sums('flags')], '    '),
      '  FROM motcua_flags',
      `  GROUP BY ${groups.map((g) => g.alias).join(', ')}`,
    ]]);
    ctes.push(['motcua_counts', [
      '  SELECT',
      selectList([...groups.map((g) => [g.alias] as const), ['0 AS motcua_is_total'], ...COUNT_KEYS.map((k) => [countColumn(k)] as const)], '    '),
      '  FROM motcua_groups',
      '  UNION ALL',
      '  SELECT',
      selectList([...groups.map((g) => [`${d.nullText} AS ${g.alias}`] as const), ['1 AS motcua_is_total'], ...sums('groups')], '    '),
      '  FROM motcua_groups',
    ]]);
  } else {
    ctes.push(['motcua_counts', ['  SELECT', selectList([['1 AS motcua_is_total'], ...sums('flags')], '    '), '  FROM motcua_flags']]);
  }

  // Numerators and denominators, then the percentages from them, then the points from those:
  // each step a CTE, so each expression is written once.
  const ratios: [string, string?][] = [];
  const percents: [string, string?][] = [];
  const out: [string, string?][] = [
    ...groups.map((g) => [`${g.alias} AS ${ident(g.key, 'groupBy', dialect)}`] as [string]),
    ['motcua_is_total'],
    ...COUNT_KEYS.map((k) => {
      const c = COUNT_DEFINITIONS[k];
      return [countColumn(k), `${c.column ? `${c.column} ` : ''}${c.vi}: ${c.source}`] as [string, string];
    }),
  ];
  const ratio = (name: string, num: string, den: string) => {
    ratios.push([`${num} AS ${name}_numerator`], [`${den} AS ${name}_denominator`]);
    percents.push([`${percentHundredths(d, `${name}_numerator`, `${name}_denominator`)} AS ${name}_percent_hundredths`]);
  };
  for (const [key, def] of Object.entries(RATE_DEFINITIONS)) {
    const name = `rate_${snake(key)}`;
    ratio(name, sumOf(def.numerator), sumOf(def.denominator));
    out.push([`${name}_numerator`, `${def.vi}: ${def.source}`], [`${name}_denominator`], [`${name}_percent_hundredths`]);
  }
  for (const def of INDEX_DEFINITIONS) {
    const name = `index_${def.code.replace('.', '_')}`;
    if (def.code === '3.3' && options.onlineTimesSync === true) {
      // (online × synced) / received², as indices766's onlineTimesSync
      const received = sumOf({ receivedInPeriod: 1 });
      ratio(name, `${d.bigint(sumOf({ online: 1 }))} * ${d.bigint(sumOf({ synced: 1 }))}`, `${d.bigint(received)} * ${d.bigint(received)}`);
    } else ratio(name, sumOf(def.numerator, def.floorAtZero), sumOf(def.denominator));
    const pct = `${name}_percent_hundredths`;
    // scoreHundredths of definitions.ts, in SQL.
    const points = def.targetHundredths === null
      ? d.intDiv(`${pct} * ${def.points * 2} + 100`, '200')
      : `CASE WHEN ${pct} >= ${def.targetHundredths} THEN ${def.points * 100} ELSE ${d.intDiv(`${pct} * ${def.points * 200} + ${def.targetHundredths}`, `${2 * def.targetHundredths}`)} END`;
    out.push([`${name}_numerator`, `${def.code} ${def.vi} ${def.basis}: ${def.source}`], [`${name}_denominator`], [pct], [`${points} AS ${name}_points_hundredths`]);
  }
  ctes.push(['motcua_ratios', ['  SELECT c.*,', selectList(ratios, '    '), '  FROM motcua_counts c']]);
  ctes.push(['motcua_percents', ['  SELECT r.*,', selectList(percents, '    '), '  FROM motcua_ratios r']]);

  const p = acc.policy;
  return [
    '-- motcua: Biểu II.06a (Thông tư 01/2020/TT-VPCP), rates and Decision 766 indices, generated by motcua/sql',
    `-- period ${acc.period.label}: ${acc.period.from} .. ${acc.period.to}, as of ${acc.asOf}; dialect ${dialect}`,
    `-- policy: withdrawn ${p.withdrawn}, refused ${p.refused}, stopped ${p.stopped}, supplements ${p.supplements}, late against original ${p.lateAgainstOriginal}${options.onlineTimesSync === true ? '; index 3.3 = online × sync' : ''}`,
    `WITH ${ctes.map(([name, body]) => `${name} AS (\n${body.join('\n')}\n)`).join(', ')}`,
    'SELECT',
    selectList(out),
    'FROM motcua_percents',
    `ORDER BY motcua_is_total${groups.map((g) => `, ${g.alias}`).join('')};`,
    '',
  ].join('\n');
}
