/**
 * Index 2.2 of Decision 766 (average handling time, thời gian giải quyết TTHC trung bình) as SQL
 * over the dossier table and the calendar table, for `motcua report --engine duckdb` (#22): the
 * sums of `handlingTime766` of `motcua/kpi`, per procedure code, so that the two give the same
 * figures. DuckDB only for now. @internal
 * @module
 */
import { MotcuaError, show } from '../errors';

/** Options of {@link handlingTimeSql}. @internal */
export interface HandlingTimeSqlOptions {
  /** The table or subquery of normalised dossier rows (the columns of `DOSSIER_TABLE`). */
  readonly source: string;
  /** The receipt dates counted, inclusive (`HandlingTimeState.from`, `.to`: the period, cut at `asOf`). */
  readonly from: string;
  readonly to: string;
  /** The calendar table (`calendarTableSql`), covering the years of the dates counted. */
  readonly calendarTable: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The SQL of index 2.2's sums, one row per procedure code: `procedure_code`, `dossiers`, `days`,
 * `in_calendar`, `working_days`, `with_supplements`. The same rule as `addHandlingTime` without
 * supplement waits (a dossier table does not carry them):
 * - counted: received in [from, to], ended resolved: `finished_on` with `finished_as = 'resolved'`,
 *   or no `finished_on` and a `returned_on` (10 without 9); the end is `finished_on`, else
 *   `returned_on`, not before the receipt;
 * - `days`: end − receipt in calendar days;
 * - working days in (receipt, end]: the end's `working_day_ordinal` − the receipt's (the ordinal
 *   counts the working days up to and including the day: `workingDaysBetween` of `motcua/calendar`),
 *   for the dossiers whose two dates are in the calendar table (`in_calendar`);
 * - `with_supplements`: the dossiers counted with `supplements` > 0 (their waits not subtracted).
 *
 * @internal
 */
export function handlingTimeSql(options: HandlingTimeSqlOptions): string {
  for (const k of ['from', 'to'] as const) {
    if (typeof options?.[k] !== 'string' || !DATE.test(options[k])) throw new MotcuaError('INVALID_OPTION', { vi: `cần một ngày "YYYY-MM-DD", nhận được ${show(options?.[k], 'vi')}`, en: `expected a date "YYYY-MM-DD", got ${show(options?.[k])}` }, options?.[k], k);
  }
  const end = 'COALESCE(d.finished_on, d.returned_on)';
  return `SELECT d.procedure_code AS procedure_code,
  count(*) AS dossiers,
  COALESCE(sum(date_diff('day', d.received_on, ${end})), 0) AS days,
  count(*) FILTER (WHERE ca.date IS NOT NULL AND cb.date IS NOT NULL) AS in_calendar,
  COALESCE(sum(cb.working_day_ordinal - ca.working_day_ordinal) FILTER (WHERE ca.date IS NOT NULL AND cb.date IS NOT NULL), 0) AS working_days,
  count(*) FILTER (WHERE d.supplements > 0) AS with_supplements
FROM ${options.source} d
LEFT JOIN ${options.calendarTable} ca ON ca.date = d.received_on
LEFT JOIN ${options.calendarTable} cb ON cb.date = ${end}
WHERE d.received_on >= DATE '${options.from}' AND d.received_on <= DATE '${options.to}'
  AND ${end} IS NOT NULL AND ${end} >= d.received_on
  AND (d.finished_on IS NULL OR d.finished_as = 'resolved')
GROUP BY d.procedure_code
ORDER BY d.procedure_code`;
}
