/**
 * `motcua report --engine duckdb`: the report computed by embedded DuckDB with the SQL that
 * `motcua/sql` generates from the KPI definitions, reading the CSV file in place (files larger
 * than memory work). Cells are normalised in SQL with the rules of the JS reader
 * (readRecords.ts: dates YYYY-MM-DD, DD/MM/YYYY or ISO instants in Vietnamese time, channels by
 * name or national code, yes/no values in English and Vietnamese), and every row that breaks a
 * rule is reported with its record number and reason, never dropped.
 */
import { createAccumulator, type GroupKey, type SummaryPolicy } from '../kpi/accumulator';
import { COUNT_KEYS } from '../kpi/definitions';
import type { Period } from '../kpi/period';
import type { ColumnMapping } from '../kpi/readRecords';
import { result, type Summary } from '../kpi/result';
import type { Counts, DossierRecord } from '../kpi/types';
import { DOSSIER_TABLE } from '../sql/layout';
import { reportSql, snake } from '../sql/reportSql';
import { duckString, loadDuckDb } from './_duckdb';

/** Options of {@link reportWithDuckDb}. */
export interface DuckDbReportOptions {
  readonly period: Period;
  readonly asOf?: string;
  readonly groupBy: readonly GroupKey[];
  readonly policy: Partial<SummaryPolicy>;
  readonly mapping?: ColumnMapping;
  readonly delimiter?: string;
  /** Threads DuckDB may use (default: all cores). */
  readonly threads?: number;
}

/** A row DuckDB could not read as a dossier record. */
export interface DuckDbRejection {
  /** The data row's number counted from the header line (= the line number unless a quoted field spans lines). */
  readonly line: number;
  readonly reason: string;
}

const TRUE = ['true', '1', 'yes', 'y', 'x', 'có', 'co'];
const FALSE = ['false', '0', 'no', 'n', '', 'không', 'khong'];
const list = (xs: readonly string[]) => xs.map(duckString).join(', ');

/** A normalised cell: NULL when empty; `bad` is true when a non-empty cell breaks the rule. */
function normalise(field: keyof DossierRecord, raw: string): { value: string; bad: string } {
  const v = `NULLIF(trim(${raw}), '')`;
  switch (field) {
    case 'level':
      return { value: `CASE WHEN ${v} IN ('ministry', 'province', 'district', 'commune') THEN ${v} END`, bad: `${v} IS NULL OR ${v} NOT IN ('ministry', 'province', 'district', 'commune')` };
    case 'channel': {
      const c = `CASE WHEN lower(${v}) IN ('direct', '1', 'trực tiếp') THEN 'direct' WHEN lower(${v}) IN ('online', '2', 'trực tuyến') THEN 'online' WHEN lower(${v}) IN ('postal', '3', 'bưu chính') THEN 'postal' END`;
      return { value: c, bad: `(${c}) IS NULL` };
    }
    case 'finishedAs':
      return { value: v, bad: `${v} IS NOT NULL AND ${v} NOT IN ('resolved', 'refused', 'stopped', 'withdrawn')` };
    case 'supplements':
    case 'extensions':
      return { value: `CASE WHEN ${v} IS NULL THEN 0 WHEN regexp_full_match(${v}, '[0-9]+') THEN TRY_CAST(${v} AS INTEGER) END`, bad: `${v} IS NOT NULL AND NOT regexp_full_match(${v}, '[0-9]+')` };
    case 'receivedOn':
    case 'dueOn':
    case 'originalDueOn':
    case 'finishedOn':
    case 'returnedOn': {
      // YYYY-MM-DD; DD/MM/YYYY; an ISO instant with an offset, taken in Vietnamese time (UTC+7 since 1975).
      const d = `CASE
        WHEN regexp_full_match(${v}, '[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN TRY_CAST(${v} AS DATE)
        WHEN regexp_full_match(${v}, '[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}') THEN CAST(TRY_STRPTIME(${v}, '%d/%m/%Y') AS DATE)
        WHEN regexp_full_match(${v}, '[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})')
          THEN CAST(make_timestamp(epoch_us(TRY_CAST(${v} AS TIMESTAMPTZ)) + 25200000000) AS DATE)
      END`;
      return { value: d, bad: `${v} IS NOT NULL AND (${d}) IS NULL` };
    }
    case 'digitised':
    case 'eResult':
    case 'paperResultRequired':
    case 'feeDue':
    case 'paidOnline':
    case 'synced':
    case 'complaint':
    case 'reusedData':
    case 'dataStored': {
      const empty = field === 'paperResultRequired' ? 'NULL' : 'FALSE';
      const b = `CASE WHEN ${v} IS NULL THEN ${empty} WHEN lower(${v}) IN (${list(TRUE)}) THEN TRUE WHEN lower(${v}) IN (${list(FALSE)}) THEN FALSE END`;
      return { value: b, bad: `${v} IS NOT NULL AND lower(${v}) NOT IN (${list([...TRUE, ...FALSE])})` };
    }
    default:
      return { value: v, bad: 'FALSE' };
  }
}

const REQUIRED: readonly (keyof DossierRecord)[] = ['id', 'procedureCode', 'field', 'agency', 'level', 'channel', 'receivedOn', 'dueOn', 'finishedOn', 'finishedAs'];

/** The SQL of the normalised view and the rejection query over a CSV file. @internal */
export function duckDbInputSql(file: string, headers: readonly string[], options: { mapping?: ColumnMapping; delimiter?: string }): { view: string; rejections: string; missing: string[] } {
  const mapping = options.mapping ?? {};
  const present = new Set(headers);
  const missing = REQUIRED.map((f) => mapping[f] ?? f).filter((h) => !present.has(h));
  const q = (h: string) => `"${h.replaceAll('"', '""')}"`;
  const cols = DOSSIER_TABLE.map((c) => {
    const h = mapping[c.field] ?? c.field;
    const raw = present.has(h) ? `raw.${q(h)}` : 'CAST(NULL AS VARCHAR)';
    return { c, ...normalise(c.field, raw), raw };
  });
  const reasons = cols.filter((x) => x.bad !== 'FALSE').map((x) => `CASE WHEN ${x.bad} THEN ${duckString(`${x.c.field}: not a valid value`)} END`);
  const checks = [
    ...(['id', 'procedureCode', 'receivedOn', 'dueOn'] as const).map((f) => {
      const x = cols.find((y) => y.c.field === f)!;
      return `CASE WHEN NULLIF(trim(${x.raw}), '') IS NULL THEN ${duckString(`${f}: is empty`)} END`;
    }),
    `CASE WHEN (n.finished_on IS NULL) <> (n.finished_as IS NULL) THEN 'finishedOn and finishedAs must be both empty or both set' END`,
    `CASE WHEN n.due_on < n.received_on THEN 'dueOn: is before receivedOn' END`,
    `CASE WHEN n.finished_on < n.received_on THEN 'finishedOn: is before receivedOn' END`,
    `CASE WHEN n.returned_on < COALESCE(n.finished_on, n.received_on) THEN 'returnedOn: is before finishedOn or receivedOn' END`,
  ];
  const source = `read_csv(${duckString(file)}, header = true, all_varchar = true, delim = ${duckString(options.delimiter ?? ',')}, quote = '"', escape = '"', strict_mode = true, null_padding = false)`;
  const empties = checks.slice(0, 4);
  const crossField = checks.slice(4);
  const view = `CREATE OR REPLACE TEMP VIEW motcua_raw AS SELECT row_number() OVER () + 1 AS motcua_line, * FROM ${source};
CREATE OR REPLACE TEMP VIEW motcua_cells AS SELECT raw.motcua_line,
${cols.map((x) => `  ${x.value} AS ${x.c.name}`).join(',\n')},
  concat_ws('; ', ${[...reasons, ...empties].join(', ')}) AS motcua_bad
FROM motcua_raw raw;
CREATE OR REPLACE TEMP VIEW motcua_input AS SELECT n.*, concat_ws('; ', NULLIF(n.motcua_bad, ''), ${crossField.join(', ')}) AS motcua_reason FROM motcua_cells n;`;
  const rejections = `SELECT motcua_line AS line, id, motcua_reason AS reason FROM motcua_input WHERE motcua_reason <> '' ORDER BY motcua_line`;
  return { view, rejections, missing };
}

/**
 * Run the report of a CSV file in embedded DuckDB. Resolves to the same `Summary` the JS path
 * gives, the rejected rows, and the number of data rows; rejected rows are left out of the
 * counts (and reported), as in the JS path.
 */
export async function reportWithDuckDb(file: string, options: DuckDbReportOptions): Promise<{ summary: Summary; rejected: DuckDbRejection[]; rows: number; missing: string[] }> {
  const { DuckDBInstance } = await loadDuckDb('--engine duckdb');
  const inst = await DuckDBInstance.create(':memory:', options.threads ? { threads: String(options.threads) } : {});
  const con = await inst.connect();
  try {
    const head = await con.runAndReadAll(`DESCRIBE SELECT * FROM read_csv(${duckString(file)}, header = true, all_varchar = true, delim = ${duckString(options.delimiter ?? ',')})`);
    const headers = head.getRowObjectsJson().map((r) => String(r.column_name));
    const { view, rejections, missing } = duckDbInputSql(file, headers, options);
    const acc = createAccumulator({ period: options.period, groupBy: options.groupBy, policy: options.policy, ...(options.asOf ? { asOf: options.asOf } : {}) });
    if (missing.length > 0) return { summary: result(acc), rejected: [], rows: 0, missing };
    await con.run(view);
    const rejected = (await con.runAndReadAll(rejections)).getRowObjectsJson().map((r) => ({ line: Number(r.line), reason: r.id == null ? String(r.reason) : `id ${JSON.stringify(r.id)}: ${r.reason}` }));
    const rows = Number((await con.runAndReadAll('SELECT count(*) AS n FROM motcua_raw')).getRowObjectsJson()[0]!.n);
    const good = "(SELECT * FROM motcua_input WHERE motcua_reason = '')";
    const sql = reportSql({ dialect: 'duckdb', source: good, period: options.period, groupBy: [...options.groupBy], policy: options.policy, ...(options.asOf ? { asOf: options.asOf } : {}) });
    const out = (await con.runAndReadAll(sql)).getRowObjectsJson();
    const groups: Record<string, Counts> = {};
    for (const row of out) {
      if (options.groupBy.length > 0 && Number(row.motcua_is_total) === 1) continue;
      const key = options.groupBy.length === 0 ? '*' : options.groupBy.map((g) => String(row[g])).join(' | ');
      const counts = {} as Counts;
      for (const k of COUNT_KEYS) counts[k] = Number(row[snake(k)]);
      if (options.groupBy.length === 0 && counts.received === 0) continue;
      groups[key] = counts;
    }
    return { summary: result({ ...acc, groups }), rejected, rows, missing };
  } finally {
    con.closeSync();
    inst.closeSync();
  }
}
