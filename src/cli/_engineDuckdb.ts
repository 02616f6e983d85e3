/**
 * `motcua report --engine duckdb`: the report computed by embedded DuckDB with the SQL that
 * `motcua/sql` generates from the KPI definitions, reading the CSV file in place (files larger
 * than memory work). Cells are normalised in SQL with the rules of the JS reader
 * (readRecords.ts: dates YYYY-MM-DD, DD/MM/YYYY or ISO instants in Vietnamese time, channels by
 * name or national code, yes/no values in English and Vietnamese), and every row that breaks a
 * rule is reported with its record number and reason, never dropped.
 */
import { createReadStream, statSync } from 'node:fs';
import { type ErrorTexts, MotcuaError, show } from '../errors';
import { createAccumulator, type GroupKey, type SummaryPolicy } from '../kpi/accumulator';
import { COUNT_KEYS } from '../kpi/definitions';
import type { Period } from '../kpi/period';
import { checkMaxCellBytes, DEFAULT_MAX_CELL_BYTES } from '../kpi/csv';
import { emptyInputError, type MissingColumn, noDataRowsError, readCellAs, type ColumnMapping } from '../kpi/readRecords';
import { result, type Summary } from '../kpi/result';
import type { Counts, DossierRecord } from '../kpi/types';
import { DOSSIER_TABLE } from '../sql/layout';
import { countColumn, reportSql } from '../sql/reportSql';
import { calendarTableSql } from '../sql/calendarSql';
import { handlingTimeSql } from '../sql/handlingTimeSql';
import { calendarTable } from '../calendar/index';
import { type HandlingTimeState, mergeHandlingTime } from '../kpi/handlingTime766';
import { duckString, loadDuckDb } from './_duckdb';

/** Options of {@link reportWithDuckDb}. */
export interface DuckDbReportOptions {
  readonly period: Period;
  readonly asOf?: string;
  readonly groupBy: readonly GroupKey[];
  readonly policy: Partial<SummaryPolicy>;
  readonly mapping?: ColumnMapping;
  /** Optional columns a printed figure reads, and those declared absent (as for readRecords). */
  readonly require?: ReadonlyMap<keyof DossierRecord, readonly string[]>;
  readonly assume?: Readonly<Partial<Record<keyof DossierRecord, string>>>;
  readonly delimiter?: string;
  /** Threads DuckDB may use (default: all cores). */
  readonly threads?: number;
  /**
   * Told how far the work is, as `done` of `total` (per mille): the byte pre-scan of the file is
   * the first 40%, DuckDB's load of it (its own query progress) the next 40%, the checks and the
   * report the rest. Called at most once per 1%.
   */
  readonly onProgress?: (done: number, total: number) => void;
  /** The largest quoted cell in UTF-8 bytes (default 1 MiB), as for the JS engine: a file with a longer one is refused. */
  readonly maxCellBytes?: number;
  /**
   * Index 2.2 (#22): a running state of `createHandlingTime`; the result's `handling` is it with
   * the file's dossiers added, computed in SQL over the calendar table (the same figures as
   * `addHandlingTime` on the same records).
   */
  readonly handlingTime?: HandlingTimeState;
}

/** What {@link reportWithDuckDb} gives. */
export interface DuckDbReport {
  summary: Summary;
  rejected: DuckDbRejection[];
  rows: number;
  missing: string[];
  missingOptional: MissingColumn[];
  /** The header as the JS engine reads it, when a column is missing (for the JS engine's error). */
  header?: readonly string[];
  /** With `options.handlingTime`: that state with the file's dossiers added. */
  handling?: HandlingTimeState;
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

/** A field in a message, with its column when the mapping renames it (as the JS reader names it). */
function mappedLabel(f: keyof DossierRecord, mapping: ColumnMapping): string {
  const c = (mapping as Readonly<Record<string, string | undefined>>)[f];
  return typeof c === 'string' && c.normalize('NFC') !== f ? `${f} (column ${show(c.normalize('NFC'))})` : f;
}

/** The SQL of the normalised view and the rejection query over a CSV file. @internal */
export function duckDbInputSql(
  file: string,
  headers: readonly string[],
  options: { mapping?: ColumnMapping; delimiter?: string; require?: ReadonlyMap<keyof DossierRecord, readonly string[]>; assume?: Readonly<Partial<Record<keyof DossierRecord, string>>> },
): { view: string; numbered: string; rejections: string; missing: string[]; missingOptional: MissingColumn[] } {
  const mapping = options.mapping ?? {};
  const present = new Set(headers);
  const missing = REQUIRED.map((f) => mapping[f] ?? f).filter((h) => !present.has(h));
  const assume = options.assume ?? {};
  const missingOptional = [...(options.require ?? [])].filter(([f]) => !present.has(mapping[f] ?? f) && !Object.hasOwn(assume, f)).map(([f, figures]) => ({ field: f, name: mapping[f] ?? f, figures }));
  const q = (h: string) => `"${h.replaceAll('"', '""')}"`;
  const cols = DOSSIER_TABLE.map((c) => {
    const h = mapping[c.field] ?? c.field;
    const a = assume[c.field];
    const raw = present.has(h) ? `NULLIF(trim(raw.${q(h)}, ' \t'), '')` : a !== undefined && a !== '' ? duckString(a) : 'CAST(NULL AS VARCHAR)';
    return { c, raw, text: `motcua_t_${c.name}`, ...normalise(c.field, `motcua_t_${c.name}`) };
  });
  const reasons = [
    ...cols.filter((x) => x.bad !== null).map((x) =>
      `CASE WHEN ${x.bad === 'required' ? '' : `${x.text} IS NOT NULL AND `}${x.c.name} IS NULL THEN ${duckString(`${x.c.field}: ${x.bad === 'required' ? 'missing or not a valid value' : 'not a valid value'}`)} END`),
    ...(['id', 'procedureCode', 'receivedOn', 'dueOn'] as const).map((f) => {
      const x = cols.find((y) => y.c.field === f)!;
      return `CASE WHEN ${x.text} IS NULL THEN ${duckString(`${f}: is empty`)} END`;
    }),
    `CASE WHEN (finished_on IS NULL) <> (finished_as IS NULL) AND (motcua_t_finished_on IS NULL OR finished_on IS NOT NULL) AND (motcua_t_finished_as IS NULL OR finished_as IS NOT NULL) THEN ${duckString(`${mappedLabel('finishedOn', mapping)} and ${mappedLabel('finishedAs', mapping)} must be both empty or both set`)} END`,
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
  return { view, numbered, rejections, missing, missingOptional };
}

/** A refusal of `--engine duckdb` (#14): the file is one it would read otherwise than the JS engine. */
function refuse(file: string, why: ErrorTexts, field = 'engine'): MotcuaError {
  return new MotcuaError('INVALID_INPUT', { vi: `--engine duckdb không đọc được ${file} như bộ máy JS: ${why.vi}; hãy dùng --engine js`, en: `--engine duckdb cannot read ${file} as the JS engine does: ${why.en}; use --engine js` }, file, field);
}

/**
 * A quoted cell longer than the maximum (#14): the JS engine rejects its row and reads on after
 * the quote; DuckDB cannot, so the file is refused, naming the line.
 */
function cellTooLong(file: string, line: number, maxCellBytes: number): MotcuaError {
  return refuse(file, { vi: `dòng ${line}: một ô trong ngoặc kép dài hơn ${maxCellBytes} byte (--max-cell-bytes; có dấu ngoặc kép thừa?): bộ máy JS loại dòng đó và đọc tiếp sau nó`, en: `line ${line}: a quoted cell is longer than ${maxCellBytes} bytes (--max-cell-bytes; a stray quote?): the JS engine rejects that row and reads on after it` }, `line ${line}`);
}

/** Where each data record starts, when quoted line breaks make record numbers and line numbers differ. */
interface LineMap {
  /** Record numbers (1 = first data row) from which `extra[k]` more lines precede the record. */
  readonly from: number[];
  readonly extra: number[];
}

function lineOf(m: LineMap, record: number): number {
  let extra = 0;
  for (let k = 0; k < m.from.length && m.from[k]! <= record; k++) extra = m.extra[k]!;
  return record + 1 + extra;
}

/** The most records after a quoted line break the line map keeps (then the file is refused). */
const MAX_LINE_BREAKS = 100_000;

/**
 * Read the file's bytes once, as the JS reader's syntax rules see them, and refuse what DuckDB's
 * \`read_csv\` reads otherwise (#14): a NUL byte, an empty line (the JS reader rejects it as a row,
 * DuckDB skips it), text after a closing quote or a quote inside an unquoted cell (the JS reader is
 * lenient there, DuckDB is not), a carriage return not followed by a line feed, an unclosed quote,
 * a header that the JS reader trims or normalises, or names twice. Returns the header and where
 * records start when quoted cells span lines.
 */
async function prescan(file: string, delimiter: string, onBytes: (read: number) => void = () => {}, maxCellBytes = DEFAULT_MAX_CELL_BYTES): Promise<{ header: string[]; lines: LineMap; hasRows: boolean }> {
  const d = delimiter.length === 1 ? delimiter.charCodeAt(0) : -1;
  // UTF-8 (#14): continuation bytes still expected, and the range of the next one (overlongs, surrogates)
  let need = 0;
  let lo = 0x80;
  let hi = 0xbf;
  // EF BF BD, U+FFFD: 1 after EF, 2 after EF BF
  let fffd = 0;
  // raw bytes of the quoted cell being read (doubled quotes count 2), as the JS reader counts them
  let cellBytes = 0;
  if (d < 0 || d > 127 || d === 34 || d === 10 || d === 13) throw refuse(file, { vi: `ký tự phân cách ${show(delimiter, 'vi')} không phải một ký tự ASCII`, en: `the delimiter ${show(delimiter)} is not one ASCII character` }, 'delimiter');
  let state = 0; // 0 start of a cell, 1 unquoted cell, 2 quoted cell, 3 quote inside a quoted cell
  let line = 1;
  let record = 0; // 0: the header
  let recordEmpty = true;
  let recordLine = 1;
  let cr = false;
  let first = true;
  const headerBytes: number[] = [];
  const lines: LineMap = { from: [], extra: [] };
  const at = () => `line ${line}`;
  const atVi = () => `dòng ${line}`;
  let read = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    read += chunk.length;
    onBytes(read);
    let i = 0;
    if (first) {
      first = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3; // a UTF-8 byte order mark: both skip it
    }
    for (; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (record === 0 && headerBytes.length < 1_000_000) headerBytes.push(b);
      if (cr && b !== 10) throw refuse(file, { vi: `${atVi()} có ký tự CR không có LF theo sau`, en: `${at()} has a carriage return not followed by a line feed` }, at());
      cr = false;
      if (b === 0) throw refuse(file, { vi: `${atVi()} chứa byte NUL`, en: `${at()} holds a NUL byte` }, at());
      if (need > 0) {
        if (b < lo || b > hi) throw refuse(file, { vi: `${atVi()} chứa byte không phải UTF-8 hợp lệ (bộ máy JS loại dòng như vậy khi các byte này nằm trong văn bản nó đọc)`, en: `${at()} holds bytes that are not valid UTF-8 (the JS engine rejects such a row when they are in a text it reads)` }, at());
        need--;
        lo = 0x80;
        hi = 0xbf;
        if (fffd === 1) fffd = b === 0xbf ? 2 : 0;
        else if (fffd === 2) {
          if (b === 0xbd) throw refuse(file, { vi: `${atVi()} chứa U+FFFD (�), dấu hiệu của byte không phải UTF-8 hợp lệ (bộ máy JS loại dòng như vậy khi ký tự này nằm trong văn bản nó đọc)`, en: `${at()} holds U+FFFD (�), the mark of bytes that were not valid UTF-8 (the JS engine rejects such a row when it is in a text it reads)` }, at());
          fffd = 0;
        }
      } else if (b >= 0x80) {
        if (b >= 0xc2 && b <= 0xdf) need = 1;
        else if (b >= 0xe0 && b <= 0xef) {
          need = 2;
          if (b === 0xe0) lo = 0xa0;
          else if (b === 0xed) hi = 0x9f;
        } else if (b >= 0xf0 && b <= 0xf4) {
          need = 3;
          if (b === 0xf0) lo = 0x90;
          else if (b === 0xf4) hi = 0x8f;
        } else throw refuse(file, { vi: `${atVi()} chứa byte không phải UTF-8 hợp lệ (bộ máy JS loại dòng như vậy khi các byte này nằm trong văn bản nó đọc)`, en: `${at()} holds bytes that are not valid UTF-8 (the JS engine rejects such a row when they are in a text it reads)` }, at());
        fffd = b === 0xef ? 1 : 0;
      }
      if (state === 2 && b !== 34 && ++cellBytes > maxCellBytes) throw cellTooLong(file, recordLine, maxCellBytes);
      if (b === 10) {
        if (state === 2) {
          line++;
          continue;
        }
        if (recordEmpty) throw refuse(file, { vi: `${atVi()} trống`, en: `${at()} is empty` }, at());
        line++;
        record++;
        if (line - (record + 1) !== (lines.extra[lines.extra.length - 1] ?? 0)) {
          if (lines.from.length >= MAX_LINE_BREAKS) throw refuse(file, { vi: `hơn ${MAX_LINE_BREAKS} dòng nằm sau một ký tự xuống dòng trong ngoặc kép`, en: `more than ${MAX_LINE_BREAKS} rows follow a quoted line break` }, at());
          lines.from.push(record);
          lines.extra.push(line - (record + 1));
        }
        recordLine = line;
        recordEmpty = true;
        state = 0;
        continue;
      }
      if (b === 13) {
        if (state === 2) continue;
        cr = true;
        continue;
      }
      recordEmpty = false;
      if (b === 34) {
        if (state === 0) {
          state = 2;
          cellBytes = 0;
        } else if (state === 1) throw refuse(file, { vi: `${atVi()} có dấu ngoặc kép trong một ô không đặt trong ngoặc kép`, en: `${at()} has a quote inside an unquoted cell` }, at());
        else if (state === 2) state = 3;
        else {
          // a doubled quote inside a quoted cell
          state = 2;
          cellBytes += 2;
          if (cellBytes > maxCellBytes) throw cellTooLong(file, recordLine, maxCellBytes);
        }
      } else if (b === d) {
        if (state !== 2) state = 0;
      } else if (state === 3) throw refuse(file, { vi: `${atVi()} có văn bản sau dấu ngoặc kép đóng`, en: `${at()} has text after a closing quote` }, at());
      else if (state === 0) state = 1;
    }
  }
  if (cr) throw refuse(file, { vi: `${atVi()} kết thúc bằng ký tự CR`, en: `${at()} ends with a carriage return` }, at());
  if (need > 0) throw refuse(file, { vi: `${atVi()} kết thúc giữa một ký tự UTF-8`, en: `${at()} ends in the middle of a UTF-8 character` }, at());
  if (state === 2) throw refuse(file, { vi: `ô mở ngoặc kép ở dòng ${recordLine} không được đóng`, en: `a quoted cell opened on line ${recordLine} is never closed` }, `line ${recordLine}`);
  // as the JS engine: an empty file, a byte order mark alone or a header alone is an error (#14)
  if (record === 0 && recordEmpty) throw emptyInputError();
  const hasRows = !(record === 0 || (record === 1 && recordEmpty));
  // the header, split as the JS reader splits it
  const text = new TextDecoder('utf-8', { fatal: false }).decode(Uint8Array.from(headerBytes)).replace(/\r?\n$/, '');
  const header: string[] = [];
  let cell = '';
  let q = false;
  for (let k = 0; k < text.length; k++) {
    const c = text[k]!;
    if (q) {
      if (c === '"' && text[k + 1] === '"') {
        cell += '"';
        k++;
      } else if (c === '"') q = false;
      else cell += c;
    } else if (c === '"') q = true;
    else if (c === delimiter) {
      header.push(cell);
      cell = '';
    } else cell += c;
  }
  header.push(cell);
  const seen = new Set<string>();
  for (const h of header) {
    if (h.normalize('NFC').trim() !== h) throw refuse(file, { vi: `ô tiêu đề ${show(h, 'vi')} có khoảng trắng ở đầu hoặc cuối, hoặc không ở dạng NFC`, en: `the header cell ${show(h)} has spaces around it or is not in NFC form` }, 'line 1');
    if (seen.has(h)) throw refuse(file, { vi: `dòng tiêu đề có tên ${show(h, 'vi')} hai lần`, en: `the header names ${show(h)} twice` }, 'line 1');
    seen.add(h);
  }
  return { header, lines, hasRows };
}

/** Characters JavaScript's trim() removes; DuckDB's trim in the view removes only spaces and tabs. */
const JS_SPACE = '[\\x{09}-\\x{0d}\\x{20}\\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}]';

/** The most distinct values of one column the cross-check reads back (then the file is refused). */
const MAX_DISTINCT = 100_000;

/**
 * Run the report of a CSV file in embedded DuckDB. Resolves to the same `Summary` the JS path
 * gives, the rejected rows, and the number of data rows; rejected rows are left out of the
 * counts (and reported), as in the JS path.
 */
export async function reportWithDuckDb(file: string, options: DuckDbReportOptions): Promise<DuckDbReport> {
  const { DuckDBInstance } = await loadDuckDb('--engine duckdb');
  let shown = -10;
  const report = (fraction: number) => {
    const done = Math.min(1000, Math.max(0, Math.round(fraction * 1000)));
    if (options.onProgress && (done - shown >= 10 || done === 1000) && done > shown) {
      shown = done;
      options.onProgress(done, 1000);
    }
  };
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    // prescan names the unreadable file
  }
  const { header, lines, hasRows } = await prescan(file, options.delimiter ?? ',', (read) => report(size > 0 ? (0.4 * read) / size : 0.4), checkMaxCellBytes(options.maxCellBytes));
  const inst = await DuckDBInstance.create(':memory:', options.threads ? { threads: String(options.threads) } : {});
  const con = await inst.connect();
  try {
    const out = await runDuckDb(con, file, options, header, lines, report, hasRows);
    report(1);
    return out;
  } catch (e) {
    if (e instanceof MotcuaError) throw e;
    // a sniffing or parsing error of read_csv, invalid UTF-8, …: typed, one line (#14)
    throw refuse(file, { vi: `DuckDB báo ${show(String((e as Error)?.message ?? e).split('\n')[0]!.slice(0, 200), 'vi')}`, en: `DuckDB says ${show(String((e as Error)?.message ?? e).split('\n')[0]!.slice(0, 200))}` });
  } finally {
    con.closeSync();
    inst.closeSync();
  }
}

type Connection = Awaited<ReturnType<Awaited<ReturnType<typeof import('@duckdb/node-api')['DuckDBInstance']['create']>>['connect']>>;

async function runDuckDb(con: Connection, file: string, options: DuckDbReportOptions, header: readonly string[], lines: LineMap, report: (fraction: number) => void, hasRows: boolean): Promise<DuckDbReport> {
  {
    const head = await con.runAndReadAll(`DESCRIBE SELECT * FROM read_csv(${duckString(file)}, header = true, all_varchar = true, delim = ${duckString(options.delimiter ?? ',')}, quote = '"', escape = '"')`);
    const headers = head.getRowObjectsJson().map((r) => String(r.column_name));
    if (headers.length !== header.length || headers.some((h, k) => h !== header[k])) throw refuse(file, { vi: `DuckDB đọc dòng tiêu đề là ${show(headers.join(', '), 'vi')}, bộ máy JS đọc là ${show(header.join(', '), 'vi')}`, en: `DuckDB reads the header as ${show(headers.join(', '))}, the JS engine as ${show(header.join(', '))}` }, 'line 1');
    const { view, numbered, rejections, missing, missingOptional } = duckDbInputSql(file, headers, options);
    const acc = createAccumulator({ period: options.period, groupBy: options.groupBy, policy: options.policy, ...(options.asOf ? { asOf: options.asOf } : {}) });
    if (missing.length > 0 || missingOptional.length > 0) return { summary: result(acc), rejected: [], rows: 0, missing, missingOptional, header };
    // a header alone: the same error as the JS engine, after the column checks as there (#14)
    if (!hasRows) throw noDataRowsError(1);
    await con.run(view);
    // One pass over the file: the normalised rows go to a temporary table (DuckDB spills it to
    // disk when it outgrows memory), which the tally and the report then read.
    // DuckDB's own progress of the load, polled while it runs on its threads
    const poll = options.onProgress
      ? setInterval(() => {
          const p = Number(con.progress.percentage);
          if (p >= 0) report(0.4 + (0.4 * Math.min(100, p)) / 100);
        }, 200)
      : null;
    try {
      await con.run('CREATE TEMP TABLE motcua_rows AS SELECT * FROM motcua_input');
    } finally {
      if (poll) clearInterval(poll);
    }
    report(0.8);
    await crossCheck(con, file, options.mapping ?? {}, new Set(headers));
    await sameAsJsReader(con, file, options.mapping ?? {});
    report(0.9);
    const tally = (await con.runAndReadAll("SELECT count(*) AS n, count(*) FILTER (WHERE motcua_reason <> '') AS bad FROM motcua_rows")).getRowObjectsJson()[0]!;
    const rows = Number(tally.n);
    let rejected: DuckDbRejection[] = [];
    if (Number(tally.bad) > 0) {
      await con.run(numbered);
      rejected = (await con.runAndReadAll(rejections)).getRowObjectsJson().map((r) => ({ line: lineOf(lines, Number(r.line) - 1), reason: r.id == null ? String(r.reason) : `id ${show(String(r.id))}: ${r.reason}` }));
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
    const handling = options.handlingTime === undefined ? undefined : await handlingTimeInDuckDb(con, good, options.handlingTime);
    return { summary: result({ ...acc, groups }), rejected, rows, missing, missingOptional, ...(handling !== undefined ? { handling } : {}) };
  }
}

/**
 * Index 2.2 over the good rows (#22): the calendar table for the years of the dates counted (inside
 * the state's calendar, 1990-2100 by default, as `workingDaysBetween`), then the sums per
 * procedure in SQL, added to a copy of the state.
 */
async function handlingTimeInDuckDb(con: Connection, good: string, state: HandlingTimeState): Promise<HandlingTimeState> {
  // built first: it checks the dates put into the SQL
  const sql = handlingTimeSql({ dialect: 'duckdb', source: good, period: { from: state.from, to: state.to, label: `${state.from}..${state.to}` }, calendarTable: 'motcua_calendar' });
  const end = 'COALESCE(finished_on, returned_on)';
  const span = (await con.runAndReadAll(`SELECT CAST(min(year(received_on)) AS INTEGER) AS a, CAST(max(year(${end})) AS INTEGER) AS b FROM ${good} WHERE received_on >= DATE '${state.from}' AND received_on <= DATE '${state.to}' AND ${end} IS NOT NULL`)).getRowObjectsJson()[0];
  // the file's sums, one row per procedure code (user data: the keys of a Map), added to the state as any part is
  const part: HandlingTimeState = { from: state.from, to: state.to, calendar: state.calendar, byProcedure: new Map(), withSupplements: 0, waitsKnown: 0, waitsSubtracted: 0 };
  if (span?.a !== null && span?.a !== undefined) {
    const fromYear = Math.max(Number(span.a), state.calendar?.fromYear ?? 1990);
    const toYear = Math.min(Number(span.b), state.calendar?.toYear ?? 2100);
    // a table with no row when the dates are all outside the calendar's years: no working days, as in JS
    await con.run(fromYear <= toYear ? calendarTableSql(calendarTable({ fromYear, toYear }, state.calendar), { table: 'motcua_calendar' }) : calendarTableSql([], { table: 'motcua_calendar' }));
    for (const r of (await con.runAndReadAll(sql)).getRowObjectsJson()) {
      part.byProcedure.set(String(r.procedure_code), { dossiers: Number(r.dossiers), days: Number(r.days), inCalendar: Number(r.in_calendar), workingDays: Number(r.working_days), waitDays: 0, waitWorkingDays: 0 });
      part.withSupplements += Number(r.with_supplements);
    }
  }
  return mergeHandlingTime(state, part);
}

/**
 * What the JS reader does and this engine does not (#22): it counts a dossier id once (later rows
 * rejected) and reads id, procedure code, field and agency in NFC form. A file where that matters is
 * refused, naming the id or column, so the two engines never print different figures.
 */
async function sameAsJsReader(con: Connection, file: string, mapping: ColumnMapping): Promise<void> {
  const dup = (await con.runAndReadAll("SELECT id FROM motcua_rows WHERE motcua_reason = '' GROUP BY id HAVING count(*) > 1 LIMIT 1")).getRowObjectsJson()[0];
  if (dup) throw refuse(file, { vi: `mã hồ sơ ${show(String(dup.id), 'vi')} nằm trên nhiều dòng (bộ máy JS tính một lần và loại các dòng sau)`, en: `the dossier id ${show(String(dup.id))} is on more than one row (the JS engine counts it once and rejects the later rows)` }, 'id');
  const text = [['id', 'id'], ['procedureCode', 'procedure_code'], ['field', 'field'], ['agency', 'agency']] as const;
  const odd = (await con.runAndReadAll(`SELECT ${text.map(([, c]) => c).join(', ')} FROM motcua_rows WHERE ${text.map(([, c]) => `${c} <> nfc_normalize(${c})`).join(' OR ')} LIMIT 1`)).getRowObjectsJson()[0];
  if (odd) {
    const [f] = text.find(([, c]) => typeof odd[c] === 'string' && odd[c] !== String(odd[c]).normalize('NFC')) ?? text[0];
    throw refuse(file, { vi: `cột ${show(mapping[f] ?? f, 'vi')} có văn bản không ở dạng NFC (bộ máy JS chuẩn hóa, DuckDB thì không)`, en: `column ${show(mapping[f] ?? f)} has text not in NFC form (the JS engine normalises it, DuckDB does not)` }, mapping[f] ?? f);
  }
}

/**
 * Cross-check DuckDB's reading of every cell against the JS reader's (#14): each distinct text of a
 * coded, yes/no, count or date column must come out as the JS reader reads it (or be refused by
 * both), and no text may keep at its ends a space JavaScript's trim() removes. Otherwise the file is
 * refused, naming the column and the value.
 */
async function crossCheck(con: Connection, file: string, mapping: ColumnMapping, present: ReadonlySet<string>): Promise<void> {
  const cols = DOSSIER_TABLE.filter((c) => present.has(mapping[c.field] ?? c.field));
  if (cols.length === 0) return;
  const space = cols.map((c) => `regexp_matches(motcua_t_${c.name}, ${duckString(`^${JS_SPACE}|${JS_SPACE}$`)})`).join(' OR ');
  const odd = (await con.runAndReadAll(`SELECT ${cols.map((c) => `motcua_t_${c.name}`).join(', ')} FROM motcua_rows WHERE ${space} LIMIT 1`)).getRowObjectsJson()[0];
  if (odd) {
    const c = cols.find((x) => { const v = odd[`motcua_t_${x.name}`]; return typeof v === 'string' && /^\s|\s$/u.test(v); });
    throw refuse(file, { vi: `cột ${show(mapping[c?.field ?? 'id'] ?? c?.field ?? '?', 'vi')} có ${show(c ? odd[`motcua_t_${c.name}`] : '?', 'vi')}, với khoảng trắng ở cuối mà chỉ bộ máy JS bỏ đi`, en: `column ${show(mapping[c?.field ?? 'id'] ?? c?.field ?? '?')} has ${show(c ? odd[`motcua_t_${c.name}`] : '?')}, with a space at its end that only the JS engine removes` });
  }
  for (const c of cols) {
    const f = c.field;
    if (f === 'id' || f === 'procedureCode' || f === 'field' || f === 'agency') continue;
    const rows = (await con.runAndReadAll(`SELECT DISTINCT motcua_t_${c.name} AS t, CAST(${c.name} AS VARCHAR) AS v FROM motcua_rows WHERE motcua_t_${c.name} IS NOT NULL LIMIT ${MAX_DISTINCT + 1}`)).getRowObjectsJson();
    if (rows.length > MAX_DISTINCT) throw refuse(file, { vi: `cột ${show(mapping[f] ?? f, 'vi')} có hơn ${MAX_DISTINCT} giá trị khác nhau cần đối chiếu`, en: `column ${show(mapping[f] ?? f)} has more than ${MAX_DISTINCT} distinct values to cross-check` });
    for (const r of rows) {
      const t = String(r.t);
      const duck = r.v === null || r.v === undefined ? null : String(r.v);
      const js = readCellAs(f, t);
      const jsText = js.ok ? (js.value === null ? null : String(js.value)) : null;
      // DuckDB NULL from a non-empty cell is a rejection of the row: the JS reader must reject it too
      const same = duck === null ? !js.ok : js.ok && jsText === duck;
      if (!same) {
        throw refuse(file, { vi: `cột ${show(mapping[f] ?? f, 'vi')} có ${show(t, 'vi')}, bộ máy JS đọc là ${js.ok ? show(js.value, 'vi') : 'không hợp lệ'} còn DuckDB đọc là ${duck === null ? 'không hợp lệ' : show(duck, 'vi')}`, en: `column ${show(mapping[f] ?? f)} has ${show(t)}, which the JS engine reads as ${js.ok ? show(js.value) : 'invalid'} and DuckDB as ${duck === null ? 'invalid' : show(duck)}` });
      }
    }
  }
}
