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
import { countColumn, reportSql } from '../sql/reportSql';
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

/**
 * A normalised cell from its trimmed text `v` (NULL when empty), and when the cell is bad:
 * `'value'` when the value came out NULL from a non-empty cell, `'required'` when it is NULL at all.
 * Fast paths first (plain ISO dates, true/false), so most cells never reach a regular expression.
 */
function normalise(field: keyof DossierRecord, v: string): { value: string; bad: 'value' | 'required' | null } {
  switch (field) {
    case 'level':
      return { value: `CASE WHEN ${v} IN ('ministry', 'province', 'district', 'commune') THEN ${v} END`, bad: 'required' };
    case 'channel':
      return {
        value: `CASE WHEN ${v} IN ('online', 'direct', 'postal') THEN ${v} WHEN ${v} = '2' THEN 'online' WHEN ${v} = '1' THEN 'direct' WHEN ${v} = '3' THEN 'postal'
          WHEN lower(${v}) IN ('direct', 'trực tiếp') THEN 'direct' WHEN lower(${v}) IN ('online', 'trực tuyến') THEN 'online' WHEN lower(${v}) IN ('postal', 'bưu chính') THEN 'postal' END`,
        bad: 'required',
      };
    case 'finishedAs':
      return { value: `CASE WHEN ${v} IN ('resolved', 'refused', 'stopped', 'withdrawn') THEN ${v} END`, bad: 'value' };
    case 'supplements':
    case 'extensions':
      return { value: `CASE WHEN ${v} IS NULL THEN 0 WHEN regexp_full_match(${v}, '[0-9]+') THEN TRY_CAST(${v} AS INTEGER) END`, bad: 'value' };
    case 'receivedOn':
    case 'dueOn':
    case 'originalDueOn':
    case 'finishedOn':
    case 'returnedOn':
    case 'pausedSince':
      // YYYY-MM-DD; DD/MM/YYYY; an ISO instant with an offset, taken in Vietnamese time (UTC+7 since 1975).
      return {
        value: `CASE
          WHEN length(${v}) = 10 AND substr(${v}, 5, 1) = '-' AND substr(${v}, 8, 1) = '-' AND NOT contains(${v}, ' ') AND NOT contains(${v}, '+') THEN TRY_CAST(${v} AS DATE)
          WHEN length(${v}) <= 10 AND regexp_full_match(${v}, '[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}') THEN CAST(TRY_STRPTIME(${v}, '%d/%m/%Y') AS DATE)
          WHEN length(${v}) > 10 AND regexp_full_match(${v}, '[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})')
            THEN CAST(make_timestamp(epoch_us(TRY_CAST(${v} AS TIMESTAMPTZ)) + 25200000000) AS DATE)
        END`,
        bad: 'value',
      };
    case 'digitised':
    case 'eResult':
    case 'paperResultRequired':
    case 'feeDue':
    case 'paidOnline':
    case 'synced':
    case 'complaint':
    case 'reusedData':
    case 'dataStored':
    case 'componentsFromStore': {
      const empty = field === 'paperResultRequired' ? 'NULL' : 'FALSE';
      return {
        value: `CASE WHEN ${v} IS NULL THEN ${empty} WHEN ${v} = 'true' OR ${v} = '1' THEN TRUE WHEN ${v} = 'false' OR ${v} = '0' THEN FALSE
          WHEN lower(${v}) IN (${list(TRUE)}) THEN TRUE WHEN lower(${v}) IN (${list(FALSE)}) THEN FALSE END`,
        bad: 'value',
      };
    }
    case 'pausedFor':
      return {
        value: `CASE WHEN ${v} IN ('supplement', 'financial-obligation', 'other') THEN ${v} WHEN ${v} = '5' THEN 'supplement' WHEN ${v} = '6' THEN 'financial-obligation' END`,
        bad: 'value',
      };
    default:
      return { value: v, bad: null };
  }
}

const REQUIRED: readonly (keyof DossierRecord)[] = ['id', 'procedureCode', 'field', 'agency', 'level', 'channel', 'receivedOn', 'dueOn', 'finishedOn', 'finishedAs'];

/** The SQL of the normalised view and the rejection query over a CSV file. @internal */
export function duckDbInputSql(file: string, headers: readonly string[], options: { mapping?: ColumnMapping; delimiter?: string }): { view: string; numbered: string; rejections: string; missing: string[] } {
  const mapping = options.mapping ?? {};
  const present = new Set(headers);
  const missing = REQUIRED.map((f) => mapping[f] ?? f).filter((h) => !present.has(h));
  const q = (h: string) => `"${h.replaceAll('"', '""')}"`;
  const cols = DOSSIER_TABLE.map((c) => {
    const h = mapping[c.field] ?? c.field;
    const raw = present.has(h) ? `NULLIF(trim(raw.${q(h)}, ' \t'), '')` : 'CAST(NULL AS VARCHAR)';
    return { c, raw, text: `motcua_t_${c.name}`, ...normalise(c.field, `motcua_t_${c.name}`) };
  });
  const reasons = [
    ...cols.filter((x) => x.bad !== null).map((x) =>
      `CASE WHEN ${x.bad === 'required' ? '' : `${x.text} IS NOT NULL AND `}${x.c.name} IS NULL THEN ${duckString(`${x.c.field}: ${x.bad === 'required' ? 'missing or not a valid value' : 'not a valid value'}`)} END`),
    ...(['id', 'procedureCode', 'receivedOn', 'dueOn'] as const).map((f) => {
      const x = cols.find((y) => y.c.field === f)!;
      return `CASE WHEN ${x.text} IS NULL THEN ${duckString(`${f}: is empty`)} END`;
    }),
    `CASE WHEN (finished_on IS NULL) <> (finished_as IS NULL) AND (motcua_t_finished_on IS NULL OR finished_on IS NOT NULL) AND (motcua_t_finished_as IS NULL OR finished_as IS NOT NULL) THEN 'finishedOn and finishedAs must be both empty or both set' END`,
    `CASE WHEN due_on < received_on THEN 'dueOn: is before receivedOn' END`,
    `CASE WHEN finished_on < received_on THEN 'finishedOn: is before receivedOn' END`,
    `CASE WHEN returned_on < COALESCE(finished_on, received_on) THEN 'returnedOn: is before finishedOn or receivedOn' END`,
    `CASE WHEN (paused_since IS NULL) <> (paused_for IS NULL) AND (motcua_t_paused_since IS NULL OR paused_since IS NOT NULL) AND (motcua_t_paused_for IS NULL OR paused_for IS NOT NULL) THEN 'pausedSince and pausedFor must be both empty or both set' END`,
    `CASE WHEN paused_since < received_on THEN 'pausedSince: is before receivedOn' END`,
    `CASE WHEN paused_since > finished_on THEN 'pausedSince: is after finishedOn' END`,
    `CASE WHEN paused_since IS NOT NULL AND finished_as = 'resolved' THEN 'pausedSince: a resolved dossier is not waiting for the applicant' END`,
  ];
  const source = `read_csv(${duckString(file)}, header = true, all_varchar = true, delim = ${duckString(options.delimiter ?? ',')}, quote = '"', escape = '"', strict_mode = true, null_padding = false)`;
  // Line numbers (row_number in file order) serialise the scan, so the views carry them only
  // when some row is bad, which is rare: the counting runs on the views without them.
  const line = (lines: boolean) => (lines ? ' motcua_line,' : '');
  const views = (lines: boolean) => `CREATE OR REPLACE TEMP VIEW motcua_raw AS SELECT ${lines ? 'row_number() OVER () + 1 AS motcua_line, ' : ''}* FROM ${source};
CREATE OR REPLACE TEMP VIEW motcua_text AS SELECT${line(lines)}
${cols.map((x) => `  ${x.raw} AS ${x.text}`).join(',\n')}
FROM motcua_raw raw;
CREATE OR REPLACE TEMP VIEW motcua_cells AS SELECT${line(lines)} ${cols.map((x) => x.text).join(', ')},
${cols.map((x) => `  ${x.value} AS ${x.c.name}`).join(',\n')}
FROM motcua_text;
CREATE OR REPLACE TEMP VIEW motcua_input AS SELECT *, concat_ws('; ', ${reasons.join(',\n    ')}) AS motcua_reason FROM motcua_cells;`;
  const view = views(false);
  const numbered = views(true);
  const rejections = `SELECT motcua_line AS line, id, motcua_reason AS reason FROM motcua_input WHERE motcua_reason <> '' ORDER BY motcua_line`;
  return { view, numbered, rejections, missing };
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
    const { view, numbered, rejections, missing } = duckDbInputSql(file, headers, options);
    const acc = createAccumulator({ period: options.period, groupBy: options.groupBy, policy: options.policy, ...(options.asOf ? { asOf: options.asOf } : {}) });
    if (missing.length > 0) return { summary: result(acc), rejected: [], rows: 0, missing };
    await con.run(view);
    // One pass over the file: the normalised rows go to a temporary table (DuckDB spills it to
    // disk when it outgrows memory), which the tally and the report then read.
    await con.run('CREATE TEMP TABLE motcua_rows AS SELECT * FROM motcua_input');
    const tally = (await con.runAndReadAll("SELECT count(*) AS n, count(*) FILTER (WHERE motcua_reason <> '') AS bad FROM motcua_rows")).getRowObjectsJson()[0]!;
    const rows = Number(tally.n);
    let rejected: DuckDbRejection[] = [];
    if (Number(tally.bad) > 0) {
      await con.run(numbered);
      rejected = (await con.runAndReadAll(rejections)).getRowObjectsJson().map((r) => ({ line: Number(r.line), reason: r.id == null ? String(r.reason) : `id ${JSON.stringify(r.id)}: ${r.reason}` }));
    }
    const good = "(SELECT * FROM motcua_rows WHERE motcua_reason = '')";
    const sql = reportSql({ dialect: 'duckdb', source: good, period: options.period, groupBy: [...options.groupBy], policy: options.policy, ...(options.asOf ? { asOf: options.asOf } : {}) });
    const out = (await con.runAndReadAll(sql)).getRowObjectsJson();
    // group values are user data: a null-prototype object, so "__proto__" is a group like any other
    const groups = Object.create(null) as Record<string, Counts>;
    for (const row of out) {
      if (options.groupBy.length > 0 && Number(row.motcua_is_total) === 1) continue;
      const key = options.groupBy.length === 0 ? '*' : options.groupBy.map((g) => String(row[g])).join(' | ');
      const counts = {} as Counts;
      for (const k of COUNT_KEYS) counts[k] = Number(row[countColumn(k)]);
      if (options.groupBy.length === 0 && counts.received === 0) continue;
      groups[key] = counts;
    }
    return { summary: result({ ...acc, groups }), rejected, rows, missing };
  } finally {
    con.closeSync();
    inst.closeSync();
  }
}
