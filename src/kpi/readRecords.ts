import { MotcuaError, show } from '../errors';
import { daysFromCivil, daysInMonth, formatDate, tryParseDate } from '../calendar/_lib/civil';
import { parseInstant, toCivilTime } from '../calendar/_lib/instant';
import { type CsvRow, parseCsvBatches } from './csv';
import type { DossierRecord } from './types';

/** Record fields that a CSV column can fill. */
export type RecordField = keyof DossierRecord;

/**
 * Which CSV column holds each record field (bảng ánh xạ cột): every provincial system exports
 * differently. Default: the field names themselves (`id`, `procedureCode`, `receivedOn`, …).
 */
export type ColumnMapping = Readonly<Partial<Record<RecordField, string>>>;

const REQUIRED: readonly RecordField[] = ['id', 'procedureCode', 'field', 'agency', 'level', 'channel', 'receivedOn', 'dueOn', 'finishedOn', 'finishedAs'];
const OPTIONAL: readonly RecordField[] = ['originalDueOn', 'returnedOn', 'supplements', 'extensions', 'digitised', 'eResult', 'paperResultRequired', 'feeDue', 'paidOnline', 'synced', 'complaint', 'reusedData', 'dataStored'];
const CHANNELS: Record<string, DossierRecord['channel']> = { direct: 'direct', online: 'online', postal: 'postal', '1': 'direct', '2': 'online', '3': 'postal', 'trực tiếp': 'direct', 'trực tuyến': 'online', 'bưu chính': 'postal' };
const LEVELS = new Set(['ministry', 'province', 'district', 'commune']);
const ENDS = new Set(['resolved', 'refused', 'stopped', 'withdrawn']);
const TRUE = new Set(['true', '1', 'yes', 'y', 'x', 'có', 'co']);
const FALSE = new Set(['false', '0', 'no', 'n', '', 'không', 'khong']);

/** One row read: a record, or why the row was rejected, with its line number. */
export type ReadResult = { readonly ok: true; readonly line: number; readonly record: DossierRecord } | { readonly ok: false; readonly line: number; readonly reason: string };

/**
 * Read a civil date as exported by provincial systems: `YYYY-MM-DD`, `DD/MM/YYYY`, or an ISO
 * instant with an offset (taken in Vietnamese time). Returns null for an empty cell.
 * @internal
 */
export function readDate(v: string): string | null {
  if (v === '') return null;
  if (v.length === 10 && tryParseDate(v) === tryParseDate(v)) return v;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)) return formatDate(daysFromCivil(y, mo, d));
    throw new Error(`${show(v)} is not a real date`);
  }
  try {
    return formatDate(toCivilTime(parseInstant(v, 'date')).day);
  } catch {
    throw new Error(`${show(v)} is not a date (YYYY-MM-DD, DD/MM/YYYY or an ISO instant with offset)`);
  }
}

function convert(cells: readonly string[], at: ReadonlyMap<RecordField, number>): DossierRecord {
  return convertWith((f) => {
    const i = at.get(f);
    if (i === undefined) return '';
    const v = cells[i] ?? '';
    const c0 = v.charCodeAt(0);
    const cl = v.charCodeAt(v.length - 1);
    return c0 === 32 || c0 === 9 || cl === 32 || cl === 9 ? v.trim() : v;
  });
}

/**
 * Validate and convert a record given as a plain object (e.g. from JSON), with the same rules as
 * CSV rows: dates in `YYYY-MM-DD`, `DD/MM/YYYY` or ISO instants, channels by name or national code.
 *
 * @throws {Error} with `field: reason` when a value is bad.
 *
 * @example
 * ```ts
 * import { recordFromObject } from 'motcua/kpi';
 * recordFromObject({ id: 'H1', procedureCode: '1.001193', field: 'Hộ tịch', agency: 'UBND xã A', level: 'commune',
 *   channel: 2, receivedOn: '02/01/2024', dueOn: '2024-01-05', finishedOn: null, finishedAs: null }).channel; // 'online'
 * ```
 */
export function recordFromObject(o: Readonly<Record<string, unknown>>, mapping: ColumnMapping = {}): DossierRecord {
  if (typeof o !== 'object' || o === null) throw new Error(`expected an object, got ${show(o)}`);
  return convertWith((f) => {
    const v = o[mapping[f] ?? f];
    return v === null || v === undefined ? '' : String(v).trim();
  });
}

function bool(f: RecordField, v: string, nullable = false): boolean | null {
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  if (v === '') return nullable ? null : false;
  const l = v.toLowerCase();
  if (TRUE.has(l)) return true;
  if (FALSE.has(l)) return false;
  throw new Error(`${f}: ${show(v)} is not a yes/no value`);
}

function count(f: RecordField, v: string): number {
  if (v === '' ) return 0;
  if (!/^\d+$/.test(v)) throw new Error(`${f}: ${show(v)} is not a whole number`);
  return Number(v);
}

function date(f: RecordField, v: string): string | null {
  try {
    return readDate(v);
  } catch (e) {
    throw new Error(`${f}: ${(e as Error).message}`);
  }
}

function convertWith(raw: (f: RecordField) => string): DossierRecord {
  const channelRaw = raw('channel');
  const channel = CHANNELS[channelRaw] ?? CHANNELS[channelRaw.toLowerCase()];
  if (!channel) throw new Error(`channel: ${show(channelRaw)} is not a channel (direct, online, postal or 1, 2, 3)`);
  const level = raw('level');
  if (!LEVELS.has(level)) throw new Error(`level: ${show(level)} is not a level (ministry, province, district, commune)`);
  const finishedAsRaw = raw('finishedAs');
  if (finishedAsRaw !== '' && !ENDS.has(finishedAsRaw)) throw new Error(`finishedAs: ${show(finishedAsRaw)} is not resolved, refused, stopped or withdrawn`);
  const record: DossierRecord = {
    id: raw('id'),
    procedureCode: raw('procedureCode'),
    field: raw('field'),
    agency: raw('agency'),
    level: level as DossierRecord['level'],
    channel,
    receivedOn: date('receivedOn', raw('receivedOn')) as string,
    dueOn: date('dueOn', raw('dueOn')) as string,
    originalDueOn: date('originalDueOn', raw('originalDueOn')),
    finishedOn: date('finishedOn', raw('finishedOn')),
    finishedAs: finishedAsRaw === '' ? null : (finishedAsRaw as DossierRecord['finishedAs']),
    returnedOn: date('returnedOn', raw('returnedOn')),
    supplements: count('supplements', raw('supplements')),
    extensions: count('extensions', raw('extensions')),
    digitised: bool('digitised', raw('digitised')) as boolean,
    eResult: bool('eResult', raw('eResult')) as boolean,
    paperResultRequired: bool('paperResultRequired', raw('paperResultRequired'), true),
    feeDue: bool('feeDue', raw('feeDue')) as boolean,
    paidOnline: bool('paidOnline', raw('paidOnline')) as boolean,
    synced: bool('synced', raw('synced')) as boolean,
    complaint: bool('complaint', raw('complaint')) as boolean,
    reusedData: bool('reusedData', raw('reusedData')) as boolean,
    dataStored: bool('dataStored', raw('dataStored')) as boolean,
  };
  for (const f of ['id', 'procedureCode', 'receivedOn', 'dueOn'] as const) if (!record[f]) throw new Error(`${f}: is empty`);
  if ((record.finishedOn === null) !== (record.finishedAs === null)) throw new Error('finishedOn and finishedAs must be both empty or both set');
  // Dates are normalised to YYYY-MM-DD here, so string order is date order.
  if (record.dueOn < record.receivedOn) throw new Error(`dueOn: ${record.dueOn} is before receivedOn ${record.receivedOn}`);
  if (record.finishedOn !== null && record.finishedOn < record.receivedOn) throw new Error(`finishedOn: ${record.finishedOn} is before receivedOn ${record.receivedOn}`);
  if (record.returnedOn !== null && record.returnedOn !== undefined && record.returnedOn < (record.finishedOn ?? record.receivedOn)) {
    throw new Error(`returnedOn: ${record.returnedOn} is before ${record.finishedOn !== null ? `finishedOn ${record.finishedOn}` : `receivedOn ${record.receivedOn}`}`);
  }
  return record;
}

/**
 * Read dossier records from CSV chunks, streaming: the first row is the header; each later row
 * yields a record or a rejection with its line number and reason (dòng lỗi). Nothing is dropped
 * silently: count the rejections and report them.
 *
 * @param options - `mapping`: Record field → CSV header; unmapped fields use their own name as header.
 * @throws {MotcuaError} `INVALID_INPUT` when the header lacks a required column (naming it).
 *
 * @example
 * ```ts
 * import { readRecords } from 'motcua/kpi';
 * const csv = 'ma_ho_so,ma_tthc,linh_vuc,co_quan,cap,kenh,ngay_nhan,han,ngay_xong,ket_qua\n' +
 *   'H1,1.001193,Hộ tịch,UBND xã A,commune,2,02/01/2024,05/01/2024,04/01/2024,resolved\n';
 * const mapping = { id: 'ma_ho_so', procedureCode: 'ma_tthc', field: 'linh_vuc', agency: 'co_quan', level: 'cap',
 *   channel: 'kenh', receivedOn: 'ngay_nhan', dueOn: 'han', finishedOn: 'ngay_xong', finishedAs: 'ket_qua' };
 * for await (const r of readRecords([csv], { mapping })) if (r.ok) console.log(r.record.receivedOn); // '2024-01-02'
 * ```
 */
export async function* readRecords(chunks: AsyncIterable<string> | Iterable<string>, options: { mapping?: ColumnMapping; delimiter?: string } = {}): AsyncGenerator<ReadResult> {
  for await (const batch of readRecordBatches(chunks, options)) yield* batch;
}

/**
 * The same as {@link readRecords}, yielding the results of each chunk as one array (one await
 * per chunk rather than per row): what `motcua report` uses on large files.
 *
 * @example
 * ```ts
 * import { readRecordBatches } from 'motcua/kpi';
 * const header = 'id,procedureCode,field,agency,level,channel,receivedOn,dueOn,finishedOn,finishedAs\n';
 * for await (const batch of readRecordBatches([header + 'H1,1.001193,Hộ tịch,UBND xã A,commune,online,2024-01-02,2024-01-05,,\n'])) {
 *   console.log(batch.length); // 1
 * }
 * ```
 */
export async function* readRecordBatches(chunks: AsyncIterable<string> | Iterable<string>, options: { mapping?: ColumnMapping; delimiter?: string } = {}): AsyncGenerator<ReadResult[]> {
  const mapping = options.mapping ?? {};
  let header: CsvHeader | null = null;
  for await (const rows of parseCsvBatches(chunks, options.delimiter ?? ',')) {
    const out: ReadResult[] = [];
    for (const row of rows) {
      if (header === null) header = readHeader(row, mapping);
      else out.push(readRow(row, header));
    }
    if (out.length) yield out;
  }
}

/** Where each record field is in a CSV file: the column index of each mapped field, and the header width. @internal */
export interface CsvHeader {
  readonly at: ReadonlyMap<RecordField, number>;
  readonly width: number;
}

/** Record fields in the order they are looked up in a header. @internal */
export const RECORD_FIELDS: readonly RecordField[] = [...REQUIRED, ...OPTIONAL];

/**
 * Read the header row of a CSV export (cells trimmed), for {@link readRow}.
 * @throws {MotcuaError} `INVALID_INPUT` when a required column is missing, naming it.
 * @internal
 */
export function readHeader(row: CsvRow, mapping: ColumnMapping): CsvHeader {
  const header = row.cells.map((h) => h.trim());
  const at = new Map<RecordField, number>();
  for (const f of RECORD_FIELDS) {
    const name = mapping[f] ?? f;
    const i = header.indexOf(name);
    if (i >= 0) at.set(f, i);
    else if (REQUIRED.includes(f)) {
      throw new MotcuaError('INVALID_INPUT', `line ${row.line}: the header has no column ${show(name)} for ${f}; map it with { mapping: { ${f}: '…' } }`, name, `mapping.${f}`);
    }
  }
  return { at, width: header.length };
}

/** One data row: a record, or the reason it is rejected. @internal */
export function readRow(row: CsvRow, header: CsvHeader): ReadResult {
  if (row.unclosedQuote) {
    return { ok: false, line: row.line, reason: `a quoted cell opened on this row is never closed: the rest of the file (to line ${row.line + row.cells.reduce((k, c) => k + (c.match(/\n/g)?.length ?? 0), 0)}) went into it` };
  }
  if (row.cells.length === 1 && row.cells[0] === '') return { ok: false, line: row.line, reason: 'empty line' };
  if (row.cells.length !== header.width) return { ok: false, line: row.line, reason: `${row.cells.length} cells where the header has ${header.width}` };
  try {
    return { ok: true, line: row.line, record: convert(row.cells, header.at) };
  } catch (e) {
    return { ok: false, line: row.line, reason: (e as Error).message };
  }
}
