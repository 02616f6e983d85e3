/**
 * Index 2.2 of Decision 766 (average handling time, thời gian giải quyết TTHC trung bình) as SQL
 * over the dossier table and the calendar table, in every dialect of `reportSql`: the sums of
 * `handlingTime766` of `motcua/kpi`, per procedure code, so that the two give the same figures.
 * `motcua report --engine duckdb` runs the same text with dialect `duckdb`.
 * @module
 */
import { tryParseDate } from '../_lib/civil/date';
import { MotcuaError, show } from '../errors';
import type { Period } from '../kpi/period';
import { type Dialect, dialectSql } from './dialect';
import { columnNames, type SqlColumnMapping, tableName } from './layout';

/** Options of {@link handlingTimeSql}. */
export interface HandlingTimeSqlOptions {
  readonly dialect: Dialect;
  /** Dossiers received in this period count (their end may fall after it), as `handlingTime766`. */
  readonly period: Period;
  /** Extraction date, if earlier than the period end: only dossiers received by then count. */
  readonly asOf?: string;
  /** The dossier table (default `dossiers`), optionally `schema.table`. */
  readonly table?: string;
  /** Instead of `table`, any relation as trusted SQL text (a subquery in parentheses, `read_csv(…)`). Inserted as is. */
  readonly source?: string;
  /** Your column names by record field (the documented layout is `DOSSIER_TABLE`). */
  readonly columns?: SqlColumnMapping;
  /** The calendar table (`calendarTableSql`, `motcua calendar export --format sql`), default `motcua_calendar`; it must cover the years of the dates counted. */
  readonly calendarTable?: string;
}

function isDate(v: unknown): v is string {
  return typeof v === 'string' && !Number.isNaN(tryParseDate(v));
}

/**
 * Decision 766 index 2.2, the average handling time of a procedure (thời gian giải quyết TTHC
 * trung bình), as the SQL of its sums, one row per procedure code: `procedure_code`, `dossiers`,
 * `days`, `in_calendar`, `working_days`, `with_supplements` (64-bit integers). Divide them per
 * procedure as `handlingTime766` does: the average in calendar days is `days / dossiers`, in
 * working days `working_days / in_calendar` (docs/sql.md). The rule is `addHandlingTime`'s, without
 * supplement waits (a dossier table does not carry them: `with_supplements` counts the dossiers
 * whose waits are included):
 * - counted: received in the period (cut at `asOf`) and ended resolved: `finished_on` with
 *   `finished_as = 'resolved'`, or no `finished_on` and a `returned_on` (10 without 9); the end is
 *   `finished_on`, else `returned_on`, not before the receipt;
 * - `days`: end − receipt in calendar days (the dialect's date difference);
 * - `working_days`: the working days in (receipt, end], the end's `working_day_ordinal` − the
 *   receipt's in the calendar table (`workingDaysBetween` of `motcua/calendar`), over the dossiers
 *   whose two dates are in the table (`in_calendar`).
 *
 * Portable to the seven dialects as `reportSql` is: sums of `CASE` (no aggregate `FILTER`), the
 * dialect's date literals and date difference, and two ordinary LEFT JOINs of the calendar table
 * (a row matches only on its own date, also where LEFT JOIN fills defaults, as ClickHouse does).
 *
 * @throws {MotcuaError} `INVALID_INPUT` naming the option (dialect, period, asOf, columns, table, source, calendarTable).
 *
 * @example
 * ```ts
 * import { period } from 'motcua/kpi';
 * import { handlingTimeSql } from 'motcua/sql';
 * const sql = handlingTimeSql({ dialect: 'bigquery', period: period('2025-Q1'), table: 'tinh.ho_so' });
 * sql.includes('DATE_DIFF(h.motcua_end, h.motcua_received, DAY)'); // true
 * sql.includes('AS working_days'); // true
 * ```
 */
export function handlingTimeSql(options: HandlingTimeSqlOptions): string {
  const d = dialectSql(options?.dialect);
  const p = options.period;
  if (typeof p !== 'object' || p === null || !isDate(p.from) || !isDate(p.to)) {
    throw new MotcuaError('INVALID_INPUT', { vi: `period: cần { from, to } là hai ngày "YYYY-MM-DD", nhận được ${show(p, 'vi')}`, en: `period: expected { from, to }, two "YYYY-MM-DD" dates, got ${show(p)}` }, p, 'period');
  }
  const asOf = options.asOf;
  if (asOf !== undefined && !isDate(asOf)) throw new MotcuaError('INVALID_INPUT', { vi: `asOf: ${show(asOf, 'vi')} không phải ngày dương lịch "YYYY-MM-DD"`, en: `asOf: ${show(asOf)} is not a civil date "YYYY-MM-DD"` }, asOf, 'asOf');
  if (options.source !== undefined && (typeof options.source !== 'string' || options.source.trim() === '')) {
    throw new MotcuaError('INVALID_INPUT', { vi: `cần câu lệnh SQL cho source, nhận được ${show(options.source, 'vi')}`, en: `expected SQL text for source, got ${show(options.source)}` }, options.source, 'source');
  }
  const to = asOf !== undefined && asOf < p.to ? asOf : p.to;
  const c = columnNames(options.columns, d.name);
  // a column declared absent (null in the mapping) is a typed NULL, not a column of s
  const col = (k: keyof typeof c) => (options.columns?.[k] === null ? c[k] : `s.${c[k]}`);
  const source = options.source ?? tableName(options.table ?? 'dossiers', 'table', d.name);
  const cal = tableName(options.calendarTable ?? 'motcua_calendar', 'calendarTable', d.name);
  const end = `COALESCE(${col('finishedOn')}, ${col('returnedOn')})`;
  const inCalendar = 'ca.date = h.motcua_received AND cb.date = h.motcua_end';
  const sum = (e: string) => `COALESCE(SUM(${d.bigint(e)}), 0)`;
  const label = typeof p.label === 'string' ? `${p.label}: ` : '';
  return `-- motcua: Decision 766 index 2.2 (Thời gian giải quyết TTHC trung bình), sums per procedure, generated by motcua/sql
-- period ${label.replaceAll('\n', ' ')}${p.from} .. ${p.to}${to !== p.to ? `, as of ${to}` : ''}; dialect ${d.name}; supplement waits not subtracted (a dossier table does not carry them)
-- average days = days / dossiers; average working days = working_days / in_calendar (per procedure, as handlingTime766)
WITH motcua_handled AS (
  SELECT ${col('procedureCode')} AS procedure_code,
    ${col('receivedOn')} AS motcua_received,
    ${end} AS motcua_end,
    CASE WHEN COALESCE(${col('supplements')}, 0) > 0 THEN 1 ELSE 0 END AS motcua_with_supplements
  FROM ${source} s
  WHERE ${col('receivedOn')} >= ${d.date(p.from)} AND ${col('receivedOn')} <= ${d.date(to)}
    AND ${end} IS NOT NULL AND ${end} >= ${col('receivedOn')}
    AND (${col('finishedOn')} IS NULL OR ${col('finishedAs')} = ${d.string('resolved')})
)
SELECT h.procedure_code AS procedure_code,
  ${sum('1')} AS dossiers,
  ${sum(d.daysBetween('h.motcua_received', 'h.motcua_end'))} AS days,
  ${sum(`CASE WHEN ${inCalendar} THEN 1 ELSE 0 END`)} AS in_calendar,
  ${sum(`CASE WHEN ${inCalendar} THEN cb.working_day_ordinal - ca.working_day_ordinal ELSE 0 END`)} AS working_days,
  ${sum('h.motcua_with_supplements')} AS with_supplements
FROM motcua_handled h
LEFT JOIN ${cal} ca ON ca.date = h.motcua_received
LEFT JOIN ${cal} cb ON cb.date = h.motcua_end
GROUP BY h.procedure_code
ORDER BY h.procedure_code;
`;
}
