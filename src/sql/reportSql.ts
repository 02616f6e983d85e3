import { MotcuaError, show } from '../errors';
import { createAccumulator, type GroupKey, type SummaryPolicy } from '../kpi/accumulator';
import { COUNT_DEFINITIONS, COUNT_KEYS, type CountSum, DERIVED_CONDITIONS, DERIVED_TERMS, DERIVED_TEXT, INDEX_DEFINITIONS, RATE_DEFINITIONS } from '../kpi/definitions';
import type { Period } from '../kpi/period';
import { type CompileContext, sqlCond, sqlDate, sqlText } from './compile';
import { addWorkingDaysSql } from './calendarSql';
import { columnNames, type Dialect, type SqlColumnMapping, tableName } from './layout';

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
   * Where `due_on` is NULL, compute the due date from a processing limit in working days by
   * joining the calendar table (`motcua calendar export`): `addWorkingDays(received_on, days)`
   * at day level, as {@link addWorkingDaysSql}. `days` is an SQL expression over the dossier
   * table (e.g. a `limit_days` column); `calendarTable` defaults to `motcua_calendar`.
   */
  readonly dueFromLimit?: { readonly days: string; readonly calendarTable?: string };
}

/** `camelCase` → `snake_case`, the output column names. @internal */
export function snake(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

const DIALECTS: readonly Dialect[] = ['duckdb', 'postgres'];

function intDiv(dialect: Dialect, a: string, b: string): string {
  return dialect === 'duckdb' ? `((${a}) // (${b}))` : `((${a}) / (${b}))`;
}

function month(dialect: Dialect, column: string): string {
  return dialect === 'duckdb' ? `strftime(${column}, '%Y-%m')` : `to_char(${column}, 'YYYY-MM')`;
}

function sumOf(s: CountSum, floorAtZero = false): string {
  const terms = Object.entries(s).map(([k, v], i) => {
    const col = snake(k);
    if (v === 1) return i === 0 ? col : `+ ${col}`;
    if (v === -1) return i === 0 ? `-${col}` : `- ${col}`;
    return `${i === 0 ? '' : '+ '}${v} * ${col}`;
  });
  const e = terms.join(' ');
  return floorAtZero ? `CASE WHEN ${e} < 0 THEN 0 ELSE ${e} END` : `(${e})`;
}

/** Percent in hundredths, half up: floor((2·n·10000 + d) / 2d); NULL when d = 0. */
function percentHundredths(dialect: Dialect, n: string, d: string): string {
  return `CASE WHEN ${d} = 0 THEN NULL ELSE ${intDiv(dialect, `20000 * ${n} + ${d}`, `2 * ${d}`)} END`;
}

/**
 * SQL computing Biểu II.06a (every count of `Counts`, in snake_case), the standard rates and the
 * Decision 766 indices from a dossier table, one row per group plus a total row
 * (`motcua_is_total = 1`), generated from the same definitions the JS accumulator is generated
 * from (`COUNT_DEFINITIONS`, `RATE_DEFINITIONS`, `INDEX_DEFINITIONS`): the results are identical,
 * which the test suite checks in DuckDB and PostgreSQL.
 *
 * Rates come as exact integers: `rate_<name>_numerator`, `rate_<name>_denominator` and
 * `rate_<name>_percent_hundredths` (the percentage × 100, rounded half up; NULL when the
 * denominator is 0); indices as `index_<code>_…` with `index_<code>_points_hundredths`.
 * Kept to standard SQL except integer division and the month key (see docs/sql.md for Trino,
 * Spark SQL and BigQuery). 3.3's "online × sync" variant is not generated: compute it from the
 * `online`, `synced` and `received_in_period` columns.
 *
 * @throws {MotcuaError} `INVALID_INPUT` naming the option (dialect, period, groupBy, policy, columns, table).
 *
 * @example
 * ```ts
 * import { period } from 'motcua/kpi';
 * import { reportSql } from 'motcua/sql';
 * const sql = reportSql({ dialect: 'duckdb', period: period('2024-Q1'), groupBy: 'field' });
 * sql.includes('GROUPING SETS'); // true
 * ```
 */
export function reportSql(options: ReportSqlOptions): string {
  if (!options || !DIALECTS.includes(options.dialect)) {
    throw new MotcuaError('INVALID_INPUT', `expected dialect ${DIALECTS.join(' or ')}, got ${show(options?.dialect)}`, options?.dialect, 'dialect');
  }
  const { dialect } = options;
  // The accumulator validates and normalises period, asOf, grouping and policy the same way.
  const acc = createAccumulator({ period: options.period, ...(options.asOf !== undefined ? { asOf: options.asOf } : {}), ...(options.groupBy !== undefined ? { groupBy: options.groupBy } : {}), ...(options.policy ? { policy: options.policy } : {}) });
  const mapped = columnNames(options.columns);
  if (options.dueFromLimit !== undefined && (typeof options.dueFromLimit?.days !== 'string' || options.dueFromLimit.days.trim() === '')) {
    throw new MotcuaError('INVALID_INPUT', `expected an SQL expression for dueFromLimit.days, got ${show(options.dueFromLimit?.days)}`, options.dueFromLimit?.days, 'dueFromLimit.days');
  }
  const columns = options.dueFromLimit
    ? { ...mapped, dueOn: `COALESCE(s.${mapped.dueOn}, ${addWorkingDaysSql({ date: `s.${mapped.receivedOn}`, days: options.dueFromLimit.days, ...(options.dueFromLimit.calendarTable ? { table: options.dueFromLimit.calendarTable } : {}) })})` }
    : mapped;
  if (options.source !== undefined && (typeof options.source !== 'string' || options.source.trim() === '')) {
    throw new MotcuaError('INVALID_INPUT', `expected SQL text for source, got ${show(options.source)}`, options.source, 'source');
  }
  const source = options.source ?? tableName(options.table ?? 'dossiers');
  const ctx: CompileContext = { columns, from: acc.period.from, asOf: acc.asOf, policy: acc.policy, derived: { end: 'motcua_end', due: 'motcua_due', judgedEnd: 'motcua_judged_end', endKind: 'motcua_end_kind' } };

  const groupExpr: Record<GroupKey, string> = {
    field: columns.field, agency: columns.agency, level: columns.level, procedure: columns.procedureCode, channel: columns.channel, month: month(dialect, columns.receivedOn),
  };
  const groups = acc.groupBy.map((g) => ({ key: g, alias: `motcua_g_${g}`, expr: groupExpr[g] }));

  const records = [
    '  SELECT s.*,',
    ...groups.map((g) => `    ${g.expr} AS ${g.alias},`),
    `    ${sqlDate(DERIVED_TERMS.end, ctx)} AS motcua_end,`,
    `    ${sqlDate(DERIVED_TERMS.due, ctx)} AS motcua_due,`,
    `    ${sqlDate(DERIVED_TERMS.judgedEnd, ctx, true)} AS motcua_judged_end,`,
    `    ${sqlText(DERIVED_TEXT.endKind, ctx)} AS motcua_end_kind`,
    `  FROM ${source} s`,
  ];
  // Each derived condition once per row, as a column (expanded: PostgreSQL has no lateral column aliases).
  const derivedConditions = Object.keys(DERIVED_CONDITIONS).filter((k) => k !== 'inScope') as (keyof typeof DERIVED_CONDITIONS)[];
  const done = new Set<string>(derivedConditions);
  const classified = derivedConditions.map((k) => `    ${sqlCond(DERIVED_CONDITIONS[k], ctx)} AS motcua_c_${snake(k)}`);
  const classifiedCte = [
    '  SELECT r.*,',
    classified.join(',\n'),
    '  FROM motcua_records r',
    `  WHERE ${sqlCond(DERIVED_CONDITIONS.inScope, ctx)}`,
  ];
  const counting = { ...ctx, conditionColumns: done };
  const counts = COUNT_KEYS.map((k) => {
    const c = sqlCond(COUNT_DEFINITIONS[k].when, counting);
    return `    CAST(${c === 'TRUE' ? 'COUNT(*)' : `COALESCE(SUM(CASE WHEN ${c} THEN 1 ELSE 0 END), 0)`} AS BIGINT) AS ${snake(k)}`;
  });
  const grouped = groups.length > 0;
  const countsCte = [
    '  SELECT',
    ...groups.map((g) => `    ${g.alias},`),
    `    ${grouped ? `GROUPING(${groups[0]!.alias})` : '1'} AS motcua_is_total,`,
    counts.join(',\n'),
    '  FROM motcua_classified',
    ...(grouped ? [`  GROUP BY GROUPING SETS ((${groups.map((g) => g.alias).join(', ')}), ())`] : []),
  ];

  const out: string[] = [];
  for (const [key, def] of Object.entries(RATE_DEFINITIONS)) {
    const n = sumOf(def.numerator);
    const d = sumOf(def.denominator);
    const name = `rate_${snake(key)}`;
    out.push(`  ${n} AS ${name}_numerator`, `  ${d} AS ${name}_denominator`, `  ${percentHundredths(dialect, n, d)} AS ${name}_percent_hundredths`);
  }
  for (const def of INDEX_DEFINITIONS) {
    const n = sumOf(def.numerator, def.floorAtZero);
    const d = sumOf(def.denominator);
    const name = `index_${def.code.replace('.', '_')}`;
    const pct = percentHundredths(dialect, n, d);
    // scoreHundredths of definitions.ts, in SQL.
    const points = def.targetHundredths === null
      ? intDiv(dialect, `(${pct}) * ${def.points * 2} + 100`, '200')
      : `CASE WHEN (${pct}) >= ${def.targetHundredths} THEN ${def.points * 100} ELSE ${intDiv(dialect, `(${pct}) * ${def.points * 200} + ${def.targetHundredths}`, `${2 * def.targetHundredths}`)} END`;
    out.push(`  ${n} AS ${name}_numerator`, `  ${d} AS ${name}_denominator`, `  ${pct} AS ${name}_percent_hundredths`, `  ${points} AS ${name}_points_hundredths`);
  }

  const p = acc.policy;
  return [
    '-- motcua: Biểu II.06a (Thông tư 01/2020/TT-VPCP), rates and Decision 766 indices, generated by motcua/sql',
    `-- period ${acc.period.label}: ${acc.period.from} .. ${acc.period.to}, as of ${acc.asOf}; dialect ${dialect}`,
    `-- policy: withdrawn ${p.withdrawn}, refused ${p.refused}, stopped ${p.stopped}, supplements ${p.supplements}, late against original ${p.lateAgainstOriginal}`,
    'WITH motcua_records AS (',
    records.join('\n'),
    '), motcua_classified AS (',
    classifiedCte.join('\n'),
    '), motcua_counts AS (',
    countsCte.join('\n'),
    ')',
    'SELECT',
    ...groups.map((g) => `  ${g.alias} AS ${g.key},`),
    '  motcua_is_total,',
    `  ${COUNT_KEYS.map(snake).join(', ')},`,
    out.join(',\n'),
    'FROM motcua_counts',
    `ORDER BY motcua_is_total${groups.map((g) => `, ${g.alias}`).join('')};`,
    '',
  ].join('\n');
}
