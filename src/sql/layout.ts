import { MotcuaError, show } from '../errors';
import type { DossierRecord } from '../kpi/types';
import { type Dialect, dialectSql } from './dialect';

export type { Dialect } from './dialect';

/** A column of the dossier table (bảng hồ sơ): the record field, its default name and SQL type. */
export interface TableColumn {
  readonly field: keyof DossierRecord;
  readonly name: string;
  readonly type: string;
  readonly nullable: boolean;
  /** What it holds, and the national export field it usually comes from. */
  readonly description: string;
}

/**
 * The documented dossier table layout: one row per dossier, the fields of `DossierRecord` in
 * snake_case with standard SQL types. Map your own column names with `columns`.
 */
export const DOSSIER_TABLE: readonly TableColumn[] = [
  { field: 'id', name: 'id', type: 'VARCHAR(64)', nullable: false, description: 'Dossier code (mã hồ sơ)' },
  { field: 'procedureCode', name: 'procedure_code', type: 'VARCHAR(32)', nullable: false, description: 'Procedure code (mã TTHC), e.g. 1.001193' },
  { field: 'field', name: 'field', type: 'VARCHAR(200)', nullable: false, description: 'Field (lĩnh vực)' },
  { field: 'agency', name: 'agency', type: 'VARCHAR(200)', nullable: false, description: 'Agency (cơ quan giải quyết)' },
  { field: 'level', name: 'level', type: 'VARCHAR(16)', nullable: false, description: 'ministry, province, district or commune' },
  { field: 'channel', name: 'channel', type: 'VARCHAR(16)', nullable: false, description: 'direct, online or postal (kênh tiếp nhận)' },
  { field: 'receivedOn', name: 'received_on', type: 'DATE', nullable: false, description: 'Official receipt date (ngày tiếp nhận), Vietnamese civil date' },
  { field: 'dueOn', name: 'due_on', type: 'DATE', nullable: false, description: 'Due date after any extension (ngày hẹn trả)' },
  { field: 'originalDueOn', name: 'original_due_on', type: 'DATE', nullable: true, description: 'Due date before an extension' },
  { field: 'finishedOn', name: 'finished_on', type: 'DATE', nullable: true, description: 'End by the KPI end time rule (domain.md §5); NULL while pending' },
  { field: 'finishedAs', name: 'finished_as', type: 'VARCHAR(16)', nullable: true, description: 'resolved, refused, stopped or withdrawn; NULL while pending' },
  { field: 'returnedOn', name: 'returned_on', type: 'DATE', nullable: true, description: 'Result returned (status 10)' },
  { field: 'pausedSince', name: 'paused_since', type: 'DATE', nullable: true, description: 'Clock paused since (supplement request, financial obligation, other stop), still paused at extraction; NULL when not paused' },
  { field: 'pausedFor', name: 'paused_for', type: 'VARCHAR(32)', nullable: true, description: 'supplement, financial-obligation or other; NULL when not paused' },
  { field: 'supplements', name: 'supplements', type: 'INTEGER', nullable: false, description: 'Supplement requests (yêu cầu bổ sung)' },
  { field: 'extensions', name: 'extensions', type: 'INTEGER', nullable: false, description: 'Extensions (gia hạn)' },
  { field: 'digitised', name: 'digitised', type: 'BOOLEAN', nullable: false, description: 'Dossier digitised (số hóa)' },
  { field: 'eResult', name: 'e_result', type: 'BOOLEAN', nullable: false, description: 'Electronic result issued' },
  { field: 'paperResultRequired', name: 'paper_result_required', type: 'BOOLEAN', nullable: true, description: 'The procedure requires a paper result (NULL: unknown, counts as not required)' },
  { field: 'feeDue', name: 'fee_due', type: 'BOOLEAN', nullable: false, description: 'A fee or charge is due' },
  { field: 'paidOnline', name: 'paid_online', type: 'BOOLEAN', nullable: false, description: 'Paid online' },
  { field: 'synced', name: 'synced', type: 'BOOLEAN', nullable: false, description: 'Synchronised to the national portal' },
  { field: 'complaint', name: 'complaint', type: 'BOOLEAN', nullable: false, description: 'Complaint or dislike rating' },
  { field: 'reusedData', name: 'reused_data', type: 'BOOLEAN', nullable: true, description: 'Digitised data reused (766 index 4.3); NULL counts as false' },
  { field: 'dataStored', name: 'data_stored', type: 'BOOLEAN', nullable: true, description: 'Electronic result saved to the data store (766 index 4.4); NULL counts as false' },
  { field: 'componentsFromStore', name: 'components_from_store', type: 'BOOLEAN', nullable: true, description: 'Components taken from the applicant\'s data store (766 index 4.4); NULL counts as false' },
];

/**
 * Your table's column names by record field, e.g. `{ receivedOn: 'ngay_tiep_nhan' }`. A nullable
 * column your table does not have is declared absent with `null` (`{ pausedSince: null }`): it
 * reads as NULL. Leaving it out means the documented name, which must then exist.
 */
export type SqlColumnMapping = Readonly<Partial<Record<keyof DossierRecord, string | null>>>;

const PLAIN = /^[a-z_][a-z0-9_]*$/;

/**
 * Words reserved in at least one of the dialects (SQL:2016 and T-SQL keywords a column might be
 * named after): a plain name among them is quoted all the same.
 */
const RESERVED = new Set(`add all alter and any array as asc authorization backup begin between both break browse bulk by cascade case cast check checkpoint
close clustered coalesce collate column commit compute constraint contains continue convert create cross cube current current_date current_time
current_timestamp current_user cursor database dbcc deallocate declare default delete deny desc describe distinct distributed double drop dump
else end errlvl escape except exec execute exists exit external extract false fetch file fillfactor filter following for foreign freetext from full
function goto grant group grouping having holdlock identity if ilike in index inner insert intersect interval into is join key kill lateral leading
left like limit lineno load merge national natural nocheck nonclustered not null nullif of off offsets on open option or order outer over percent
partition pivot plan preceding precision primary print proc procedure public qualify raiserror range read readtext reconfigure recursive references
replication restore restrict return revert revoke right rollback rollup row rowcount rows rule save schema select semantickeydocumenttable
session_user set setuser settings shutdown some statistics system_user table tablesample textsize then to top trailing tran transaction trigger
true truncate try_convert tsequal union unique unknown unnest unpivot update updatetext use user using values varying view waitfor when where while
window with within writetext`.split(/\s+/));

/**
 * An SQL identifier, quoted in the dialect's way when it is not a plain lower-case name or is a
 * reserved word: `"…"` in DuckDB, PostgreSQL, Trino and ClickHouse, backticks in Spark SQL and
 * BigQuery (where `"…"` is a string literal), `[…]` in SQL Server.
 * @internal
 */
export function ident(name: string, field = 'identifier', dialect: Dialect = 'duckdb'): string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 128 || name.includes('\u0000')) {
    throw new MotcuaError('INVALID_INPUT', { vi: `cần một định danh SQL, nhận được ${show(name, 'vi')}`, en: `expected an SQL identifier, got ${show(name)}` }, name, field);
  }
  return PLAIN.test(name) && !RESERVED.has(name) ? name : dialectSql(dialect).quote(name);
}

/**
 * A table name, optionally qualified (`schema.table`); each part quoted when needed.
 * @internal
 */
export function tableName(name: string, field = 'table', dialect: Dialect = 'duckdb'): string {
  if (typeof name !== 'string' || name.length === 0) throw new MotcuaError('INVALID_INPUT', { vi: `cần tên một bảng, nhận được ${show(name, 'vi')}`, en: `expected a table name, got ${show(name)}` }, name, field);
  return name.split('.').map((p) => ident(p, field, dialect)).join('.');
}

/**
 * The quoted column name of each record field under a mapping.
 * @internal
 */
export function columnNames(mapping: SqlColumnMapping = {}, dialect: Dialect = 'duckdb'): Record<keyof DossierRecord, string> {
  const known = new Set(DOSSIER_TABLE.map((c) => c.field as string));
  for (const k of Object.keys(mapping)) {
    if (!known.has(k)) throw new MotcuaError('INVALID_INPUT', { vi: `không có trường bản ghi ${show(k, 'vi')} trong ánh xạ cột; cần một trong ${[...known].join(', ')}`, en: `unknown record field ${show(k)} in the column mapping; expected one of ${[...known].join(', ')}` }, k, `columns.${k}`);
  }
  const out = {} as Record<keyof DossierRecord, string>;
  for (const c of DOSSIER_TABLE) {
    const m = mapping[c.field];
    if (m === null) {
      if (!c.nullable) throw new MotcuaError('INVALID_INPUT', { vi: `cột ${c.name} (${c.field}) là bắt buộc, không thể khai báo là không có`, en: `the column ${c.name} (${c.field}) is required and cannot be declared absent` }, m, `columns.${c.field}`);
      out[c.field] = `CAST(NULL AS ${dialectSql(dialect).type(c.type, true)})`;
    } else out[c.field] = ident(m ?? c.name, `columns.${c.field}`, dialect);
  }
  return out;
}

/**
 * `CREATE TABLE` for the documented dossier layout, in a dialect's types (default: standard SQL,
 * the same text runs in DuckDB and PostgreSQL): `STRING` in Spark SQL and BigQuery, `NVARCHAR`
 * and `BIT` in SQL Server, `Nullable(…)` and a MergeTree engine sorted by `id` in ClickHouse.
 *
 * @example
 * ```ts
 * import { createDossierTableSql } from 'motcua/sql';
 * createDossierTableSql('dossiers').split('\n')[0]; // 'CREATE TABLE dossiers ('
 * createDossierTableSql('ho_so', {}, { dialect: 'bigquery' }).includes('  field STRING NOT NULL'); // true
 * ```
 */
export function createDossierTableSql(table = 'dossiers', columns: SqlColumnMapping = {}, options: { dialect?: Dialect } = {}): string {
  const d = dialectSql(options?.dialect ?? 'duckdb');
  const names = columnNames(columns, d.name);
  const lines = DOSSIER_TABLE.filter((c) => columns[c.field] !== null)
    .map((c) => `  ${names[c.field]} ${d.type(c.type, c.nullable)}${!c.nullable && d.notNull ? ' NOT NULL' : ''}`);
  return `CREATE TABLE ${tableName(table, 'table', d.name)} (\n${lines.join(',\n')}\n)${d.tableSuffix(names.id)};\n`;
}

/**
 * The column of each record field as the source (alias `s`) is read: `s."col"`, or, for a column
 * declared absent (`null` in the mapping), its typed NULL (`names` from {@link columnNames}).
 * @internal
 */
export function sourceColumns(names: Record<keyof DossierRecord, string>, mapping: SqlColumnMapping | undefined): Record<keyof DossierRecord, string> {
  const out = {} as Record<keyof DossierRecord, string>;
  for (const k of Object.keys(names) as (keyof DossierRecord)[]) out[k] = mapping?.[k] === null ? names[k] : `s.${names[k]}`;
  return out;
}

/**
 * The relation a query reads: `source` as trusted SQL text, else the table `table` (default
 * `dossiers`), quoted; a clear error for an empty or non-text `source`.
 * @internal
 */
export function relation(options: { readonly table?: string; readonly source?: string }, dialect: Dialect): string {
  if (options.source !== undefined && (typeof options.source !== 'string' || options.source.trim() === '')) {
    throw new MotcuaError('INVALID_INPUT', { vi: `cần câu lệnh SQL cho source, nhận được ${show(options.source, 'vi')}`, en: `expected SQL text for source, got ${show(options.source)}` }, options.source, 'source');
  }
  return options.source ?? tableName(options.table ?? 'dossiers', 'table', dialect);
}
