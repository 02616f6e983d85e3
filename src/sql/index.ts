/**
 * `motcua/sql`: the KPIs where the data is. SQL for Biểu II.06a, the rates, the Decision 766
 * indices and index 2.2's sums per procedure (`handlingTimeSql`), generated from the same definitions as the JS accumulator (`motcua/kpi`), for DuckDB,
 * PostgreSQL, Trino, Spark SQL, BigQuery, ClickHouse and SQL Server (the constructs that differ
 * are chosen per dialect, the rest is a portable core), plus the working calendar as a table.
 * Pure string generation: no database driver is imported.
 *
 * @module sql
 */
export { countColumn, reportSql } from './reportSql';
export { DIALECTS } from './dialect';
export { handlingTimeSql } from './handlingTimeSql';
export type { HandlingTimeSqlOptions } from './handlingTimeSql';
export type { ReportSqlOptions } from './reportSql';
export { createDossierTableSql, DOSSIER_TABLE } from './layout';
export type { Dialect, SqlColumnMapping, TableColumn } from './layout';
export { addWorkingDaysSql, CALENDAR_COLUMNS, calendarTableSql, workingDayJoinSql } from './calendarSql';
export type { WorkingDayJoin } from './calendarSql';
export { COUNT_DEFINITIONS, DERIVED_CONDITIONS, DERIVED_TERMS, DERIVED_TEXT, END_KIND, INDEX_DEFINITIONS, RATE_DEFINITIONS } from '../kpi/definitions';
export type {
  Condition, CountDefinition, CountSum, DateColumn, DateTerm, DerivedCondition, DerivedTerm, DerivedText, FlagColumn, IndexDefinition, PolicyTest, RateDefinition, TextColumn, TextTerm,
} from '../kpi/definitions';
export { MotcuaError, isMotcuaError, messageOf } from '../errors';
export type { ErrorTexts } from '../errors';
export type { MotcuaErrorCode } from '../errors';
