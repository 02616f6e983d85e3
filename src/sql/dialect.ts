/**
 * The SQL dialects `motcua/sql` generates for, and the one place where a construct that differs
 * between engines is chosen: identifier quoting, integer division, integer casts, date literals,
 * the month key, date differences, boolean tests and typed NULLs. Everything else the generator emits is the
 * portable core (CTEs, `CASE`, `COALESCE`, `NULLIF`, `SUM`, `GROUP BY`, `UNION ALL`, joins), which
 * every dialect below accepts.
 * @internal
 * @module
 */
import { MotcuaError, show } from '../errors';

/**
 * An SQL dialect motcua generates for: the provinces' databases (PostgreSQL, SQL Server), the
 * national warehouses (Trino, Spark SQL, BigQuery, ClickHouse) and embedded DuckDB.
 */
export type Dialect = 'duckdb' | 'postgres' | 'trino' | 'spark' | 'bigquery' | 'clickhouse' | 'sqlserver';

/** Every {@link Dialect}, in the order the docs list them. */
export const DIALECTS: readonly Dialect[] = ['duckdb', 'postgres', 'trino', 'spark', 'bigquery', 'clickhouse', 'sqlserver'];

/** How one dialect writes the constructs that differ between engines. @internal */
export interface DialectSql {
  readonly name: Dialect;
  /** An identifier, always quoted (`"x"`, `` `x` `` or `[x]`). */
  quote(name: string): string;
  /**
   * Integer division of two integer expressions, never the engine's `/` on its own (float
   * division in DuckDB, Spark, BigQuery and ClickHouse). The operands the generator divides are
   * never negative, so truncating and flooring division agree.
   */
  intDiv(a: string, b: string): string;
  /** An expression cast to a 64-bit integer. */
  bigint(e: string): string;
  /** `SUM` of 0/1 flags as a 64-bit integer, without overflow on the way. */
  sumFlags(e: string): string;
  /** A civil date literal. */
  date(isoDate: string): string;
  /** The month key `YYYY-MM` of a DATE expression (text). */
  month(dateExpr: string): string;
  /** The calendar days from DATE `a` to DATE `b` (`b − a`, an integer; 0 for the same day). */
  daysBetween(a: string, b: string): string;
  /**
   * A predicate that is true when a BOOLEAN column (BIT in SQL Server) is true, false when it is
   * false or NULL (two-valued, like a missing flag in JS).
   */
  isTrue(column: string): string;
  /** The predicates that are always true and always false. */
  readonly alwaysTrue: string;
  readonly alwaysFalse: string;
  /** A NULL of the group keys' text type (the total row's group columns). */
  readonly nullText: string;
  /**
   * The dialect's type for a type of the documented layout (`VARCHAR(n)`, `DATE`, `BOOLEAN`,
   * `INTEGER`); `nullable` where the dialect marks it in the type (ClickHouse).
   */
  type(layoutType: string, nullable: boolean): string;
  /** A text literal (`N'…'` in SQL Server, for Vietnamese text in NVARCHAR columns). */
  string(text: string): string;
  /** A boolean literal for a BOOLEAN (BIT) column value. */
  boolean(value: boolean): string;
  /** DDL: whether `NOT NULL` is written (ClickHouse types are not nullable by default; Spark's v1 tables refuse it). */
  readonly notNull: boolean;
  /** DDL: whether a `PRIMARY KEY` constraint is written (not in Trino, Spark SQL, BigQuery, ClickHouse). */
  readonly primaryKey: boolean;
  /** DDL: what follows the column list (ClickHouse's table engine and sorting key). */
  tableSuffix(sortKey: string): string;
}

const doubleQuote = (n: string) => `"${n.replaceAll('"', '""')}"`;
// Spark SQL doubles a backtick inside a quoted identifier; BigQuery escapes it with a backslash, as in its strings.
const backtick = (n: string) => `\`${n.replaceAll('`', '``')}\``;
const bigqueryBacktick = (n: string) => `\`${n.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``;
const bracket = (n: string) => `[${n.replaceAll(']', ']]')}]`;
const castBoth = (type: string) => (a: string, b: string) => `(CAST(${a} AS ${type}) / CAST(${b} AS ${type}))`;
const dateKeyword = (d: string) => `DATE '${d}'`;

const asIs = (t: string) => t;
const varcharTo = (text: string, rest: Readonly<Record<string, string>> = {}) => (t: string) => (t.startsWith('VARCHAR') ? text : rest[t] ?? t);

const quoteText = (t: string) => `'${t.replaceAll("'", "''")}'`;

const common = {
  type: asIs,
  string: quoteText,
  boolean: (v: boolean) => (v ? 'TRUE' : 'FALSE'),
  notNull: true,
  primaryKey: false,
  tableSuffix: () => '',
  bigint: (e: string) => `CAST(${e} AS BIGINT)`,
  sumFlags: (e: string) => `CAST(SUM(${e}) AS BIGINT)`,
  date: dateKeyword,
  isTrue: (c: string) => `COALESCE(${c}, FALSE)`,
  alwaysTrue: '1 = 1',
  alwaysFalse: '1 = 0',
} as const;

const SPECS: Readonly<Record<Dialect, DialectSql>> = {
  // DuckDB: `/` is float division; divide() is the integer division function (the `//` operator).
  duckdb: { ...common, primaryKey: true, name: 'duckdb', daysBetween: (a, b) => `date_diff('day', ${a}, ${b})`, quote: doubleQuote, intDiv: (a, b) => `divide(${a}, ${b})`, month: (d) => `strftime(${d}, '%Y-%m')`, nullText: 'CAST(NULL AS VARCHAR)' },
  // PostgreSQL: `/` of two BIGINTs is integer division (truncating); both operands are cast so it always is.
  postgres: { ...common, primaryKey: true, name: 'postgres', daysBetween: (a, b) => `(${b} - ${a})`, quote: doubleQuote, intDiv: castBoth('BIGINT'), month: (d) => `to_char(${d}, 'YYYY-MM')`, nullText: 'CAST(NULL AS TEXT)' },
  // Trino: `/` of two BIGINTs is integer division (truncating), as in PostgreSQL.
  trino: { ...common, name: 'trino', daysBetween: (a, b) => `date_diff('day', ${a}, ${b})`, quote: doubleQuote, intDiv: castBoth('BIGINT'), month: (d) => `date_format(${d}, '%Y-%m')`, nullText: 'CAST(NULL AS VARCHAR)' },
  // Spark SQL: `/` is float division; `a DIV b` is integral division. Double quotes are string literals.
  spark: { ...common, type: varcharTo('STRING'), notNull: false, name: 'spark', daysBetween: (a, b) => `datediff(${b}, ${a})`, quote: backtick, intDiv: (a, b) => `((${a}) DIV (${b}))`, month: (d) => `date_format(${d}, 'yyyy-MM')`, nullText: 'CAST(NULL AS STRING)' },
  // BigQuery: `/` is float division; DIV(x, y) is INT64 division. Double quotes are string literals.
  bigquery: {
    ...common, type: varcharTo('STRING', { INTEGER: 'INT64', BOOLEAN: 'BOOL' }), name: 'bigquery', quote: bigqueryBacktick, intDiv: (a, b) => `DIV(${a}, ${b})`, bigint: (e) => `CAST(${e} AS INT64)`, sumFlags: (e) => `CAST(SUM(${e}) AS INT64)`,
    month: (d) => `FORMAT_DATE('%Y-%m', ${d})`, daysBetween: (a, b) => `DATE_DIFF(${b}, ${a}, DAY)`, nullText: 'CAST(NULL AS STRING)',
  },
  // ClickHouse: `/` is float division; intDiv is integer division. No DATE '…' literal in older servers: toDate.
  clickhouse: {
    ...common, name: 'clickhouse', notNull: false, tableSuffix: (key) => ` ENGINE = MergeTree ORDER BY ${key}`,
    type: (t, nullable) => {
      const base = varcharTo('String', { DATE: 'Date', BOOLEAN: 'Bool', INTEGER: 'Int32' })(t);
      return nullable ? `Nullable(${base})` : base;
    }, quote: doubleQuote, intDiv: (a, b) => `intDiv(${a}, ${b})`, bigint: (e) => `toInt64(${e})`, sumFlags: (e) => `toInt64(SUM(${e}))`,
    date: (d) => `toDate('${d}')`, daysBetween: (a, b) => `dateDiff('day', ${a}, ${b})`, month: (d) => `formatDateTime(${d}, '%Y-%m')`, nullText: 'CAST(NULL AS Nullable(String))',
  },
  // SQL Server: no BOOLEAN (flags are BIT), no TRUE/FALSE, no DATE '…' literal; `/` of two BIGINTs is
  // integer division; SUM of an INT is an INT, so flags are widened before summing.
  sqlserver: {
    ...common, name: 'sqlserver', primaryKey: true, string: (t) => `N${quoteText(t)}`, boolean: (v) => (v ? '1' : '0'), type: (t) => (t.startsWith('VARCHAR') ? `N${t}` : t === 'BOOLEAN' ? 'BIT' : t === 'INTEGER' ? 'INT' : t), quote: bracket, intDiv: castBoth('BIGINT'), sumFlags: (e) => `SUM(CAST(${e} AS BIGINT))`,
    date: (d) => `CAST('${d}' AS DATE)`, daysBetween: (a, b) => `DATEDIFF(day, ${a}, ${b})`, month: (d) => `LEFT(CONVERT(VARCHAR(10), ${d}, 23), 7)`,
    isTrue: (c) => `COALESCE(${c}, 0) = 1`, nullText: 'CAST(NULL AS NVARCHAR(400))',
  },
};

/**
 * The constructs of one dialect; a clear error naming `field` for anything else.
 * @internal
 */
export function dialectSql(dialect: unknown, field = 'dialect'): DialectSql {
  if (typeof dialect !== 'string' || !(DIALECTS as readonly string[]).includes(dialect)) {
    throw new MotcuaError('INVALID_INPUT', { vi: `cần phương ngữ SQL ${DIALECTS.join(', ')}, nhận được ${show(dialect, 'vi')}`, en: `expected dialect ${DIALECTS.join(', ')}, got ${show(dialect)}` }, dialect, field);
  }
  return SPECS[dialect as Dialect];
}
