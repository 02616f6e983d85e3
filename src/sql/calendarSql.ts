import { MotcuaError, show } from '../errors';
import type { CalendarRow } from '../calendar/calendarTable';
import { ident, tableName } from './layout';

/** The columns of the calendar table, in order (snake_case of `CalendarRow`). */
export const CALENDAR_COLUMNS = ['date', 'working', 'kind', 'name', 'occasion', 'source', 'status', 'estimated', 'working_day_ordinal'] as const;

/** The values of a calendar row in {@link CALENDAR_COLUMNS} order. @internal */
export function calendarValues(r: CalendarRow): (string | number | boolean | null)[] {
  return [r.date, r.working, r.kind, r.name, r.occasion, r.source, r.status, r.estimated, r.workingDayOrdinal];
}

function sqlValue(v: string | number | boolean | null, column: string): string {
  if (v === null) return 'NULL';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(v);
  return column === 'date' ? `DATE '${v}'` : `'${v.replaceAll("'", "''")}'`;
}

/**
 * The working calendar (lịch làm việc) as standard SQL: `CREATE TABLE` and batched `INSERT`s of
 * `calendarTable` rows (from `motcua/calendar`), one per day, so engines compute working-day deadlines by join
 * (see {@link addWorkingDaysSql}). Runs as is in DuckDB, PostgreSQL, Trino and most others.
 *
 * @example
 * ```ts
 * import { calendarTable } from 'motcua/calendar';
 * import { calendarTableSql } from 'motcua/sql';
 * calendarTableSql(calendarTable({ fromYear: 2026, toYear: 2026 })).startsWith('CREATE TABLE motcua_calendar'); // true
 * ```
 */
export function calendarTableSql(rows: readonly CalendarRow[], options: { table?: string } = {}): string {
  if (!Array.isArray(rows)) throw new MotcuaError('INVALID_INPUT', `expected calendar rows, got ${show(rows)}`, rows, 'rows');
  const table = tableName(options.table ?? 'motcua_calendar');
  const out = [
    `CREATE TABLE ${table} (`,
    '  date DATE PRIMARY KEY,',
    '  working BOOLEAN NOT NULL,',
    '  kind VARCHAR(24) NOT NULL,',
    '  name VARCHAR(200),',
    '  occasion VARCHAR(40),',
    '  source VARCHAR(1000),',
    '  status VARCHAR(12) NOT NULL,',
    '  estimated BOOLEAN NOT NULL,',
    '  working_day_ordinal INTEGER NOT NULL',
    ');',
  ];
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500).map((r) => `(${calendarValues(r).map((v, k) => sqlValue(v, CALENDAR_COLUMNS[k]!)).join(', ')})`);
    out.push(`INSERT INTO ${table} (${CALENDAR_COLUMNS.join(', ')}) VALUES`, `${batch.join(',\n')};`);
  }
  return `${out.join('\n')}\n`;
}

/**
 * An SQL scalar expression for `addWorkingDays(date, days)` (n ≥ 0) by joining the calendar table:
 * the working day whose ordinal is the date's ordinal + n (for n = 0, the date itself if it is a
 * working day, else the next one), exactly as `addWorkingDays` of `motcua/calendar`. NULL outside
 * the table's years.
 *
 * @param options - `date`: an SQL expression of type DATE (a column or a literal); `days`: an SQL
 * expression of a non-negative integer; `table`: the calendar table (default `motcua_calendar`).
 *
 * @example
 * ```ts
 * import { addWorkingDaysSql } from 'motcua/sql';
 * const expr = addWorkingDaysSql({ date: 'received_on', days: 'limit_days' });
 * `SELECT id, ${expr} AS due_on FROM dossiers`;
 * ```
 */
export function addWorkingDaysSql(options: { date: string; days: string; table?: string }): string {
  for (const k of ['date', 'days'] as const) {
    if (typeof options?.[k] !== 'string' || options[k].trim() === '') throw new MotcuaError('INVALID_INPUT', `expected an SQL expression for ${k}, got ${show(options?.[k])}`, options?.[k], k);
  }
  const t = tableName(options.table ?? 'motcua_calendar');
  const a = ident('motcua_c1');
  const b = ident('motcua_c2');
  return `(SELECT ${b}.date FROM ${t} ${a} JOIN ${t} ${b} ON ${b}.working AND ${b}.working_day_ordinal = ${a}.working_day_ordinal + (${options.days}) + CASE WHEN (${options.days}) = 0 AND NOT ${a}.working THEN 1 ELSE 0 END WHERE ${a}.date = (${options.date}))`;
}
