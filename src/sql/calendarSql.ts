import { MotcuaError, show } from '../errors';
import type { CalendarRow } from '../calendar/calendarTable';
import { type Dialect, dialectSql, type DialectSql } from './dialect';
import { ident, tableName } from './layout';

/** The columns of the calendar table, in order (snake_case of `CalendarRow`). */
export const CALENDAR_COLUMNS = ['date', 'working', 'kind', 'name', 'occasion', 'source', 'status', 'estimated', 'working_day_ordinal'] as const;

/** The values of a calendar row in {@link CALENDAR_COLUMNS} order. @internal */
export function calendarValues(r: CalendarRow): (string | number | boolean | null)[] {
  return [r.date, r.working, r.kind, r.name, r.occasion, r.source, r.status, r.estimated, r.workingDayOrdinal];
}

/** The calendar table's columns: name, layout type, nullable. */
const CALENDAR_TYPES: readonly (readonly [string, string, boolean])[] = [
  ['date', 'DATE', false], ['working', 'BOOLEAN', false], ['kind', 'VARCHAR(24)', false], ['name', 'VARCHAR(200)', true], ['occasion', 'VARCHAR(40)', true],
  ['source', 'VARCHAR(1000)', true], ['status', 'VARCHAR(12)', false], ['estimated', 'BOOLEAN', false], ['working_day_ordinal', 'INTEGER', false],
];

function sqlValue(d: DialectSql, v: string | number | boolean | null, column: string): string {
  if (v === null) return 'NULL';
  if (typeof v === 'boolean') return d.boolean(v);
  if (typeof v === 'number') return String(v);
  return column === 'date' ? d.date(v) : d.string(v);
}

/**
 * The working calendar (lịch làm việc) as SQL: `CREATE TABLE` and batched `INSERT`s of
 * `calendarTable` rows (from `motcua/calendar`), one per day, so engines compute working-day
 * deadlines by join (see {@link workingDayJoinSql}). In a dialect's types and literals (default
 * `duckdb`: standard SQL that also runs in PostgreSQL): `BIT`, `N'…'` and `CAST('…' AS DATE)` in
 * SQL Server, `STRING` in Spark SQL and BigQuery, a MergeTree engine in ClickHouse; a primary key
 * on `date` where the dialect has one.
 *
 * @example
 * ```ts
 * import { calendarTable } from 'motcua/calendar';
 * import { calendarTableSql } from 'motcua/sql';
 * calendarTableSql(calendarTable({ fromYear: 2026, toYear: 2026 })).startsWith('CREATE TABLE motcua_calendar'); // true
 * calendarTableSql(calendarTable({ fromYear: 2026, toYear: 2026 }), { dialect: 'spark' }).includes('name STRING'); // true
 * ```
 */
export function calendarTableSql(rows: readonly CalendarRow[], options: { table?: string; dialect?: Dialect } = {}): string {
  if (!Array.isArray(rows)) throw new MotcuaError('INVALID_INPUT', { vi: `cần các dòng lịch, nhận được ${show(rows, 'vi')}`, en: `expected calendar rows, got ${show(rows)}` }, rows, 'rows');
  const d = dialectSql(options?.dialect ?? 'duckdb');
  const table = tableName(options.table ?? 'motcua_calendar', 'table', d.name);
  const columns = CALENDAR_TYPES.map(([name, type, nullable]) => `  ${name} ${d.type(type, nullable)}${!nullable && d.notNull ? ' NOT NULL' : ''}${name === 'date' && d.primaryKey ? ' PRIMARY KEY' : ''}`);
  const out = [`CREATE TABLE ${table} (`, columns.join(',\n'), `)${d.tableSuffix('date')};`];
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500).map((r) => `(${calendarValues(r).map((v, k) => sqlValue(d, v, CALENDAR_COLUMNS[k]!)).join(', ')})`);
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
 * A correlated scalar subquery: for DuckDB, PostgreSQL, SQL Server and Trino. Spark SQL rejects
 * it and ClickHouse lacks it; {@link workingDayJoinSql} gives the same result as an ordinary join,
 * which every dialect runs (`reportSql` uses that one).
 *
 * @param options - `date`: an SQL expression of type DATE (a column or a literal); `days`: an SQL
 * expression of a non-negative integer; `table`: the calendar table (default `motcua_calendar`);
 * `dialect`: for identifier quoting and boolean tests (default `duckdb`).
 *
 * @example
 * ```ts
 * import { addWorkingDaysSql } from 'motcua/sql';
 * const expr = addWorkingDaysSql({ date: 'received_on', days: 'limit_days' });
 * `SELECT id, ${expr} AS due_on FROM dossiers`;
 * ```
 */
export function addWorkingDaysSql(options: { date: string; days: string; table?: string; dialect?: Dialect }): string {
  for (const k of ['date', 'days'] as const) {
    if (typeof options?.[k] !== 'string' || options[k].trim() === '') throw new MotcuaError('INVALID_INPUT', { vi: `cần một biểu thức SQL cho ${k}, nhận được ${show(options?.[k], 'vi')}`, en: `expected an SQL expression for ${k}, got ${show(options?.[k])}` }, options?.[k], k);
  }
  const d = dialectSql(options.dialect ?? 'duckdb');
  const t = tableName(options.table ?? 'motcua_calendar', 'table', d.name);
  const a = ident('motcua_c1', 'alias', d.name);
  const b = ident('motcua_c2', 'alias', d.name);
  return `(SELECT ${b}.date FROM ${t} ${a} JOIN ${t} ${b} ON ${d.isTrue(`${b}.working`)} AND ${b}.working_day_ordinal = ${a}.working_day_ordinal + (${options.days}) + CASE WHEN (${options.days}) = 0 AND NOT (${d.isTrue(`${a}.working`)}) THEN 1 ELSE 0 END WHERE ${a}.date = (${options.date}))`;
}

/** What {@link workingDayJoinSql} returns: the joins to append to a FROM clause and the due date. */
export interface WorkingDayJoin {
  /** Two `LEFT JOIN`s of the calendar table, to append after the table the expressions refer to. */
  readonly joins: string;
  /** The due date (DATE): NULL outside the calendar table's years. */
  readonly due: string;
}

/**
 * `addWorkingDays(date, days)` (n ≥ 0) as an ordinary join on the calendar table, for every
 * dialect (no correlated subquery, which Spark SQL rejects and ClickHouse lacks): the first join
 * finds the date's row, the second the working day whose ordinal is the date's ordinal + n (for
 * n = 0, the date itself if it is a working day, else the next one), exactly as `addWorkingDays`
 * of `motcua/calendar`. Each date has one row and each ordinal one working day, so the joins
 * never multiply rows. The due date is NULL when either row is missing, also in engines whose
 * LEFT JOIN fills unmatched columns with default values (ClickHouse without `join_use_nulls`).
 *
 * @param options - `date`: an SQL expression of type DATE over the joined table; `days`: an SQL
 * expression of a non-negative integer over it; `table`: the calendar table (default
 * `motcua_calendar`); `alias`: the prefix of the two calendar aliases (default `motcua_cal`).
 *
 * @example
 * ```ts
 * import { workingDayJoinSql } from 'motcua/sql';
 * const { joins, due } = workingDayJoinSql({ dialect: 'spark', date: 'd.received_on', days: 'd.limit_days' });
 * `SELECT d.id, ${due} AS due_on FROM dossiers d ${joins}`;
 * ```
 */
export function workingDayJoinSql(options: { dialect: Dialect; date: string; days: string; table?: string; alias?: string }): WorkingDayJoin {
  const d = dialectSql(options?.dialect);
  for (const k of ['date', 'days'] as const) {
    if (typeof options?.[k] !== 'string' || options[k].trim() === '') throw new MotcuaError('INVALID_INPUT', { vi: `cần một biểu thức SQL cho ${k}, nhận được ${show(options?.[k], 'vi')}`, en: `expected an SQL expression for ${k}, got ${show(options?.[k])}` }, options?.[k], k);
  }
  const t = tableName(options.table ?? 'motcua_calendar', 'table', d.name);
  const prefix = options.alias ?? 'motcua_cal';
  const a = ident(`${prefix}_from`, 'alias', d.name);
  const b = ident(`${prefix}_due`, 'alias', d.name);
  const days = `(${options.days})`;
  const joins = [
    `LEFT JOIN ${t} ${a} ON ${a}.date = (${options.date})`,
    `LEFT JOIN ${t} ${b} ON ${d.isTrue(`${b}.working`)} AND ${b}.working_day_ordinal = ${a}.working_day_ordinal + ${days} + CASE WHEN ${days} = 0 AND NOT (${d.isTrue(`${a}.working`)}) THEN 1 ELSE 0 END`,
  ].join('\n');
  const due = `CASE WHEN ${a}.date = (${options.date}) AND ${d.isTrue(`${b}.working`)} THEN ${b}.date END`;
  return { joins, due };
}
