import { errorNamingField, MotcuaError, show } from '../errors';
import { checkDelimiter, checkMaxCellBytes, type CsvRow, DEFAULT_MAX_CELL_BYTES, parseCsvBatches } from './csv';
import { compileDateFormat, type DateFormat, readDateCell } from './_lib/dates';
import { type CompiledValues, compileValues, DEFAULT_VALUES, defaultWords, lookupValue, readAmount, type ValueMaps } from './_lib/values';
import { endOf } from './endOf';
import { figureVi, reasonTexts, viReason } from './reasonTexts';
import type { DossierRecord } from './types';

export type { EndTarget, ValueMaps } from './_lib/values';

/** Record fields that a CSV column can fill. */
export type RecordField = keyof DossierRecord;

/**
 * The dates of the events that end a dossier, when an export gives one column per event instead
 * of the end date and kind: the record's `finishedOn`/`finishedAs` then come from {@link endOf}
 * over them and `returnedOn` (ngày từ chối, dừng, xử lý xong, rút hồ sơ).
 */
export type EndEventField = 'refusedOn' | 'stoppedOn' | 'resolvedOn' | 'withdrawnOn';

/**
 * Which CSV column holds each record field (bảng ánh xạ cột): every provincial system exports
 * differently. Default: the field names themselves (`id`, `procedureCode`, `receivedOn`, …).
 * Instead of `finishedOn` and `finishedAs`, an export may map the end event dates
 * ({@link EndEventField}).
 */
export type ColumnMapping = Readonly<Partial<Record<RecordField | EndEventField, string>>>;

/**
 * How to read the cells (cách đọc giá trị), besides where they are:
 * - `values`: value maps for your system's words, over the built-in Vietnamese defaults
 *   (`{ level: { "Cấp xã": "commune" }, channel: { "Một cửa": "direct" }, finishedAs: { "Hủy": "withdrawn" }, yesNo: { "Đã số hóa": true } }`);
 * - `dateFormat`: a pattern for dates the built-in reader does not know (`MM/dd/yyyy HH:mm`);
 *   the civil date written is taken, in Vietnamese time.
 */
export interface ValueOptions {
  readonly values?: ValueMaps;
  readonly dateFormat?: string;
  /**
   * Columns that must be present (besides the always-required ones), each with the figures it
   * feeds for the message, e.g. from `figuresByColumn(policy)`: a missing one is an error
   * (`INVALID_INPUT` naming the column and the figures) unless `assume` declares it absent.
   * JSON records: the first record is checked as a header (every key it lacks named in one
   * error), a later record without the key is rejected.
   */
  readonly require?: ReadonlyMap<RecordField, readonly string[]>;
  /**
   * Columns the export does not have, declared absent with the value every row takes
   * (`{ digitised: 'false', pausedSince: '' }`: text as a cell would hold it). An assumption
   * applies only where the column (or JSON key) is absent; a present column is read.
   */
  readonly assume?: Readonly<Partial<Record<RecordField, string>>>;
}

/** The options of the CSV readers: where the fields are, the delimiter, how to read the values. */
export interface RecordReadOptions extends ValueOptions {
  readonly mapping?: ColumnMapping;
  /** One character other than a quote, CR or LF; default `,`. A multi-character delimiter is refused (`INVALID_OPTION`). */
  readonly delimiter?: string;
  /**
   * The largest quoted cell, in UTF-8 bytes (default 1 MiB, 1 048 576 bytes): a
   * longer one is taken as a stray quote; its row is rejected and reading resumes on the line
   * after the quote, so one stray quote never swallows the rest of the file.
   */
  readonly maxCellBytes?: number;
}

/** Compiled value options, the same for every row. @internal */
export interface ReadRules {
  readonly values: CompiledValues;
  readonly require?: ReadonlyMap<RecordField, readonly string[]>;
  readonly assume?: ReadonlyMap<string, string>;
  readonly dateFormat?: DateFormat;
  /** The column header of each field, for messages. */
  readonly columns?: ReadonlyMap<string, string>;
}

const DEFAULT_RULES: ReadRules = { values: DEFAULT_VALUES };

/** Compile the value options once for a file. @throws {MotcuaError} `INVALID_OPTION`. @internal */
export function readRules(options: ValueOptions = {}, columns?: ReadonlyMap<string, string>): ReadRules {
  if (options.values === undefined && options.dateFormat === undefined && columns === undefined && options.require === undefined && options.assume === undefined) return DEFAULT_RULES;
  let assume: Map<string, string> | undefined;
  if (options.assume !== undefined) {
    assume = new Map();
    for (const [k, v] of Object.entries(options.assume)) {
      if (!(OPTIONAL as readonly string[]).includes(k)) throw new MotcuaError('INVALID_OPTION', { vi: `assume: ${show(k, 'vi')} không phải trường không bắt buộc của bản ghi (các trường: ${OPTIONAL.join(', ')})`, en: `assume: ${show(k)} is not an optional record field (known: ${OPTIONAL.join(', ')})` }, k, 'assume');
      if (typeof v !== 'string') throw new MotcuaError('INVALID_OPTION', { vi: `assume.${k} phải là nội dung của một ô, nhận được ${show(v, 'vi')}`, en: `assume.${k} must be the text of a cell, got ${show(v)}` }, v, `assume.${k}`);
      assume.set(k, v);
    }
  }
  return {
    ...(options.require !== undefined ? { require: options.require } : {}),
    ...(assume !== undefined ? { assume } : {}),
    values: options.values === undefined ? DEFAULT_VALUES : compileValues(options.values),
    ...(options.dateFormat !== undefined ? { dateFormat: compileDateFormat(options.dateFormat) } : {}),
    ...(columns !== undefined ? { columns } : {}),
  };
}

const REQUIRED: readonly RecordField[] = ['id', 'procedureCode', 'field', 'agency', 'level', 'channel', 'receivedOn', 'dueOn', 'finishedOn', 'finishedAs'];
const OPTIONAL: readonly RecordField[] = [
  'originalDueOn', 'returnedOn', 'pausedSince', 'pausedFor', 'supplements', 'extensions', 'digitised', 'eResult', 'paperResultRequired', 'feeDue', 'paidOnline', 'synced', 'complaint', 'reusedData', 'dataStored', 'componentsFromStore',
];
const END_EVENTS: readonly EndEventField[] = ['refusedOn', 'stoppedOn', 'resolvedOn', 'withdrawnOn'];

/** One row read: a record, or why the row was rejected, with its line number. */
export type ReadResult = { readonly ok: true; readonly line: number; readonly record: DossierRecord } | { readonly ok: false; readonly line: number; readonly reason: string };

/**
 * Read a civil date as exported by provincial systems ({@link readDateCell}): `YYYY-MM-DD`,
 * `YYYY/MM/DD`, `DD/MM/YYYY` or `D/M/YYYY` with or without a time, an ISO instant, an Excel serial number.
 * Returns null for an empty cell.
 * @internal
 */
export function readDate(v: string, format?: DateFormat): string | null {
  return readDateCell(v, format);
}

function convert(cells: readonly string[], at: ReadonlyMap<RecordField | EndEventField, number>, rules: ReadRules): DossierRecord {
  return convertWith((f) => {
    const i = at.get(f);
    if (i === undefined) return rules.assume?.get(f) ?? '';
    const v = cells[i] ?? '';
    const c0 = v.charCodeAt(0);
    const cl = v.charCodeAt(v.length - 1);
    return c0 === 32 || c0 === 9 || cl === 32 || cl === 9 ? v.trim() : v;
  }, rules, (f) => at.has(f));
}

/**
 * Validate and convert a record given as a plain object (e.g. from JSON), with the same rules as
 * CSV rows: dates in `YYYY-MM-DD`, `YYYY/MM/DD`, `DD/MM/YYYY` (with or without a time), ISO instants or Excel
 * serials, channels, levels and end kinds by name, Vietnamese name or national code.
 *
 * @param options - `values` and `dateFormat`, as for {@link readRecords}.
 * @throws {MotcuaError} `INVALID_INPUT` when a value is bad: its `field` names the record field
 *   (`receivedOn`), `value` holds the value as given, `message` reads `field: reason` in English
 *   and `texts.vi` in Vietnamese, the reason a CSV row would be rejected for (`messageOf(e)`);
 *   `INVALID_OPTION` for a bad value map, date format or assumption.
 *
 * @example
 * ```ts
 * import { recordFromObject } from 'motcua/kpi';
 * recordFromObject({ id: 'H1', procedureCode: '1.001193', field: 'Hộ tịch', agency: 'UBND xã A', level: 'Cấp xã',
 *   channel: 2, receivedOn: '02/01/2024 08:15', dueOn: '2024-01-05', finishedOn: null, finishedAs: null }).channel; // 'online'
 * ```
 */
export function recordFromObject(o: Readonly<Record<string, unknown>>, mapping: ColumnMapping = {}, options: ValueOptions = {}): DossierRecord {
  const rules = readRules(options);
  try {
    return recordFromObjectWith(o, mapping, rules);
  } catch (e) {
    throw e instanceof RowProblem ? rowProblemError(e) : e;
  }
}

/** {@link recordFromObject} with the value options compiled once. @internal */
export function recordFromObjectWith(o: Readonly<Record<string, unknown>>, mapping: ColumnMapping, rules: ReadRules): DossierRecord {
  if (typeof o !== 'object' || o === null) throw new RowProblem(`expected an object, got ${show(o)}`, 'record', o);
  const m = mapping as Readonly<Record<string, string | undefined>>;
  const key = (f: string) => m[f] ?? f;
  return convertWith(
    (f) => {
      const k = key(f);
      // own keys only: a record without "constructor" must not read Object.prototype.constructor
      if (!Object.hasOwn(o, k)) {
        const a = rules.assume?.get(f);
        if (a !== undefined) return a;
        const figures = rules.require?.get(f as RecordField);
        if (figures !== undefined) throw new RowProblem(missingColumn(f, k, figures, 'the record has no key'), f, undefined);
        return '';
      }
      const v = o[k];
      if (v === null || v === undefined) return '';
      if (typeof v === 'string') return v.trim();
      if (typeof v === 'boolean') return String(v);
      if (typeof v === 'number') {
        // beyond 2^53 a number in JSON has already lost digits (an id 12345678901234567891 reads as …900): refuse it
        if (!Number.isFinite(v) || Math.abs(v) > Number.MAX_SAFE_INTEGER) throw new RowProblem(`${f}: ${show(v)} is beyond the exact range of a number (±2^53); write it as a string`, f, v);
        return String(v);
      }
      throw new RowProblem(`${f}: expected text, a number or true/false, got ${show(v)}`, f, v);
    },
    rules,
    (f) => Object.hasOwn(o, key(f)),
  );
}

/** The message for a column a printed figure needs that the export lacks. @internal */
export function missingColumn(f: string, name: string, figures: readonly string[], what: string): string {
  return `${what} ${show(name)} for ${f}, which feeds ${figures.join(', ')}. Map it (--mapping), or declare it absent with the value every dossier takes, e.g. --assume ${f}=${assumeExample(f)}`;
}

/** The value an `--assume` example gives a field: `none` for a date or a pause reason, `0` for a count, else `false`. @internal */
export function assumeExample(f: string): string {
  return /On$|Since$|^pausedFor$/.test(f) ? 'none' : f === 'supplements' || f === 'extensions' ? '0' : 'false';
}

/** A column a printed figure reads that the input lacks: the field, the column (or key) looked up, the figures. @internal */
export interface MissingColumn {
  readonly field: string;
  readonly name: string;
  readonly figures: readonly string[];
}

/**
 * The one error for every column the printed figures read that the input lacks (#14): each
 * column with the figures it feeds, then how to map them in the mapping file and one
 * `--assume a=…,b=…` declaring them all absent. `what`: a CSV header or workbook (`header`),
 * or the first JSON record (`record`). @internal
 */
export function missingColumnsError(line: number, missing: readonly MissingColumn[], what: 'header' | 'record'): MotcuaError {
  const item = (m: MissingColumn, lang: 'vi' | 'en') =>
    `  - ${m.field}${m.name !== m.field ? ` (${lang === 'vi' ? 'cột' : 'column'} ${show(m.name, lang)})` : ''}: ${lang === 'vi' ? m.figures.map(figureVi).join(', ') : m.figures.join(', ')}`;
  const assume = `--assume ${missing.map((m) => `${m.field}=${assumeExample(m.field)}`).join(',')}`;
  const first = missing[0]!;
  const n = missing.length;
  const vi = [
    `dòng ${line}: ${what === 'header' ? 'dòng tiêu đề' : 'bản ghi đầu tiên'} thiếu ${n} ${what === 'header' ? 'cột' : 'khóa'} mà số liệu in ra cần đọc (trường: các số liệu dùng nó):`,
    ...missing.map((m) => item(m, 'vi')),
    `Nếu tệp xuất có ${n > 1 ? 'các cột này' : 'cột này'} dưới tên khác, ghi tên cột vào "columns" của tệp ánh xạ (--mapping), ví dụ "${first.field}": "<tên cột trong tệp>" (trong mã: mapping: { ${first.field}: '…' }).`,
    `Nếu không có, khai báo là không có, với giá trị chung cho mọi hồ sơ (trong mã: assume): ${assume}`,
  ].join('\n');
  const en = [
    `line ${line}: the ${what === 'header' ? 'header' : 'first record'} has no ${what === 'header' ? 'column' : 'key'} for ${n} field${n > 1 ? 's' : ''} the printed figures read (field: the figures that read it):`,
    ...missing.map((m) => item(m, 'en')),
    `If your export has ${n > 1 ? 'them' : 'it'} under another name, write the column under "columns" in the mapping file (--mapping), e.g. "${first.field}": "<column name>" (in code: mapping: { ${first.field}: '…' }).`,
    `If not, declare ${n > 1 ? 'them' : 'it'} absent with the value every dossier takes (in code: assume): ${assume}`,
  ].join('\n');
  return new MotcuaError('INVALID_INPUT', { vi, en }, missing.map((m) => m.name), n === 1 ? `mapping.${first.field}` : 'mapping');
}

let statusWords: string | undefined;
/**
 * What follows an unknown status in its message: the words read without a map, and how to map
 * the system's own word in the mapping file (#14). @internal
 */
export function unknownStatusTail(raw: string): string {
  const order = ['resolved', 'returned', 'refused', 'stopped', 'withdrawn', 'pending'];
  statusWords ??= defaultWords('finishedAs')
    .filter(([v]) => order.includes(v))
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([v, words]) => `${v}: ${words.map((w) => show(w.charAt(0).toUpperCase() + w.slice(1))).join(', ')}`)
    .join('; ');
  return `, nor a status read without a map (${statusWords}); map your system's word in the mapping file (--mapping): "values": { "finishedAs": { ${show(raw)}: "resolved" } }`;
}

const wordsCache = new Map<'channel' | 'level', string>();
/**
 * The names a channel or a level is read by without a value map, from the table the readers use
 * ({@link defaultWords}): `direct: "Trực tiếp", "Nộp trực tiếp", "Tại quầy"; online: …`. An
 * ASCII abbreviation is written in capitals (`"BCCI"`), the others with a capital first letter,
 * as exports write them (the lookup ignores case). @internal
 */
export function wordsOf(f: 'channel' | 'level'): string {
  let w = wordsCache.get(f);
  if (w === undefined) {
    const cap = (x: string) => (/^[a-z]+$/.test(x) ? x.toUpperCase() : x.charAt(0).toUpperCase() + x.slice(1));
    w = defaultWords(f).map(([v, words]) => `${v}: ${words.map((x) => show(cap(x))).join(', ')}`).join('; ');
    wordsCache.set(f, w);
  }
  return w;
}

/**
 * A row's problem, as the readers throw it inside: the English reason (`field: …`, the field
 * named with its column when the mapping renames it), the field and the value. `readRow` and the
 * JSON reader make it a rejection's reason; {@link recordFromObject} a {@link MotcuaError}. Never
 * seen outside motcua. @internal
 */
export class RowProblem extends Error {
  constructor(
    message: string,
    readonly field: string,
    readonly value: unknown,
  ) {
    super(message);
  }
}

/** The {@link MotcuaError} of a row's problem: `INVALID_INPUT`, its texts (the Vietnamese from the reasons' table), value and field. @internal */
export function rowProblemError(p: RowProblem): MotcuaError {
  return errorNamingField('INVALID_INPUT', reasonTexts(p.message), p.value, p.field);
}

/** The name of a field in messages: with its column when the column has another name. */
function label(f: string, rules: ReadRules): string {
  const c = rules.columns?.get(f);
  return c !== undefined && c !== f ? `${f} (column ${show(c)})` : f;
}

function bool(f: RecordField, v: string, rules: ReadRules, nullable = false): boolean | null {
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  if (v === '') return nullable ? null : false;
  const t = lookupValue(rules.values, 'yesNo', v);
  if (t !== undefined) return t === 'true';
  if (f === 'feeDue') {
    const amount = readAmount(v);
    if (amount !== null) return amount > 0;
  }
  throw new RowProblem(`${label(f, rules)}: ${show(v)} is not a yes/no value (expected true/false, 1/0, có/không${f === 'feeDue' ? ' or an amount such as 50.000' : ''}, or a value map yesNo)`, f, v);
}

function count(f: RecordField, v: string, rules: ReadRules): number {
  if (v === '') return 0;
  if (!/^\d+$/.test(v)) throw new RowProblem(`${label(f, rules)}: ${show(v)} is not a whole number`, f, v);
  return Number(v);
}

/** The years a dossier date may fall in: anything else is a typo or a date that normalised out of range (9999-12-31T23:00-12:00 is in year 10000). */
export const RECORD_YEARS = { from: 1900, to: 2100 } as const;

function date(f: string, v: string, rules: ReadRules): string | null {
  let d: string | null;
  try {
    d = readDateCell(v, rules.dateFormat);
  } catch (e) {
    throw new RowProblem(`${label(f, rules)}: ${(e as Error).message}`, f, v);
  }
  if (d !== null) {
    const y = d.length === 10 ? Number(d.slice(0, 4)) : NaN;
    if (!(y >= RECORD_YEARS.from && y <= RECORD_YEARS.to)) throw new RowProblem(`${label(f, rules)}: ${show(v)} is ${d.length === 10 ? `in the year ${y}` : `read as ${show(d)}`}, outside the years ${RECORD_YEARS.from}-${RECORD_YEARS.to} a dossier date may fall in`, f, v);
  }
  return d;
}

function convertWith(raw: (f: RecordField | EndEventField) => string, rules: ReadRules, has: (f: RecordField | EndEventField) => boolean): DossierRecord {
  const channelRaw = raw('channel');
  const channel = lookupValue(rules.values, 'channel', channelRaw) as DossierRecord['channel'] | undefined;
  if (!channel) throw new RowProblem(`${label('channel', rules)}: ${show(channelRaw)} is not a channel (direct, online, postal or 1, 2, 3, or a name read without a map: ${wordsOf('channel')})`, 'channel', channelRaw);
  const levelRaw = raw('level');
  const level = lookupValue(rules.values, 'level', levelRaw) as DossierRecord['level'] | undefined;
  if (!level) throw new RowProblem(`${label('level', rules)}: ${show(levelRaw)} is not a level (ministry, province, district, commune, or a name read without a map: ${wordsOf('level')})`, 'level', levelRaw);
  const returnedOn = date('returnedOn', raw('returnedOn'), rules);
  let finishedOn: string | null;
  let finishedAs: DossierRecord['finishedAs'];
  if (!has('finishedOn') && !has('finishedAs') && END_EVENTS.some(has)) {
    // one column per end event: the KPI end time rule over them
    const end = endOf({
      refusedOn: date('refusedOn', raw('refusedOn'), rules),
      stoppedOn: date('stoppedOn', raw('stoppedOn'), rules),
      resolvedOn: date('resolvedOn', raw('resolvedOn'), rules),
      returnedOn,
      withdrawnOn: date('withdrawnOn', raw('withdrawnOn'), rules),
    });
    finishedOn = end.finishedOn;
    finishedAs = end.finishedAs;
  } else {
    const finishedAsRaw = raw('finishedAs');
    finishedOn = date('finishedOn', raw('finishedOn'), rules);
    const target = finishedAsRaw === '' ? 'pending' : lookupValue(rules.values, 'finishedAs', finishedAsRaw);
    if (target === undefined) throw new RowProblem(`${label('finishedAs', rules)}: ${show(finishedAsRaw)} is not resolved, refused, stopped or withdrawn (or a national status code 1-10)${unknownStatusTail(finishedAsRaw)}`, 'finishedAs', finishedAsRaw);
    if (target === 'not-received') throw new RowProblem(`${label('finishedAs', rules)}: ${show(finishedAsRaw)} is a dossier that was never officially received (national status 1 or 3): it is not in Biểu II.06a`, 'finishedAs', finishedAsRaw);
    if (target === 'pending') {
      if (finishedAsRaw !== '' && finishedOn !== null) throw new RowProblem(`${label('finishedAs', rules)}: ${show(finishedAsRaw)} is a dossier still in progress, but finishedOn is ${finishedOn}`, 'finishedAs', finishedAsRaw);
      finishedAs = null;
    } else if (target === 'returned') {
      // status 10 without the end of processing (9): it ends on the return
      finishedAs = 'resolved';
      if (finishedOn === null) finishedOn = returnedOn;
    } else finishedAs = target as DossierRecord['finishedAs'];
  }
  const pausedSince = date('pausedSince', raw('pausedSince'), rules);
  const pausedForRaw = raw('pausedFor');
  let pausedFor: DossierRecord['pausedFor'] = null;
  if (pausedForRaw !== '') {
    pausedFor = lookupValue(rules.values, 'pausedFor', pausedForRaw) as DossierRecord['pausedFor'] | undefined ?? null;
    if (pausedFor === null) throw new RowProblem(`${label('pausedFor', rules)}: ${show(pausedForRaw)} is not supplement, financial-obligation or other (or a national status code 5, 6)`, 'pausedFor', pausedForRaw);
  }
  if (pausedSince !== null && pausedFor === null) throw new RowProblem(`${label('pausedFor', rules)}: is empty, but pausedSince is ${pausedSince}: say what the dossier waits for (supplement, financial-obligation or other)`, 'pausedFor', pausedForRaw);
  if (pausedSince === null && pausedFor !== null) throw new RowProblem(`${label('pausedSince', rules)}: is empty, but pausedFor is ${pausedFor}: give the date the clock was paused`, 'pausedSince', raw('pausedSince'));
  const record: DossierRecord = {
    id: raw('id').normalize('NFC'),
    procedureCode: raw('procedureCode').normalize('NFC'),
    field: raw('field').normalize('NFC'),
    agency: raw('agency').normalize('NFC'),
    level,
    channel,
    receivedOn: date('receivedOn', raw('receivedOn'), rules) as string,
    dueOn: date('dueOn', raw('dueOn'), rules) as string,
    originalDueOn: date('originalDueOn', raw('originalDueOn'), rules),
    finishedOn,
    finishedAs,
    returnedOn,
    pausedSince,
    pausedFor,
    supplements: count('supplements', raw('supplements'), rules),
    extensions: count('extensions', raw('extensions'), rules),
    digitised: bool('digitised', raw('digitised'), rules) as boolean,
    eResult: bool('eResult', raw('eResult'), rules) as boolean,
    paperResultRequired: bool('paperResultRequired', raw('paperResultRequired'), rules, true),
    feeDue: bool('feeDue', raw('feeDue'), rules) as boolean,
    paidOnline: bool('paidOnline', raw('paidOnline'), rules) as boolean,
    synced: bool('synced', raw('synced'), rules) as boolean,
    complaint: bool('complaint', raw('complaint'), rules) as boolean,
    reusedData: bool('reusedData', raw('reusedData'), rules) as boolean,
    dataStored: bool('dataStored', raw('dataStored'), rules) as boolean,
    componentsFromStore: bool('componentsFromStore', raw('componentsFromStore'), rules) as boolean,
  };
  // bytes that were not valid UTF-8 decode to U+FFFD: such texts would all merge into one group (#14)
  for (const f of TEXT_FIELDS) if (record[f].includes('\uFFFD')) throw new RowProblem(`${label(f, rules)}: ${show(record[f])} ${REPLACEMENT_REASON}`, f, record[f]);
  for (const f of ['id', 'procedureCode', 'receivedOn', 'dueOn'] as const) if (!record[f]) throw new RowProblem(`${label(f, rules)}: is empty`, f, raw(f));
  if ((record.finishedOn === null) !== (record.finishedAs === null)) throw new RowProblem(`${label('finishedOn', rules)} and ${label('finishedAs', rules)} must be both empty or both set`, record.finishedOn === null ? 'finishedOn' : 'finishedAs', record.finishedOn === null ? raw('finishedOn') : raw('finishedAs'));
  // Dates are normalised to YYYY-MM-DD here, so string order is date order. Both dates are named
  // as the file calls them (`finishedOn (column "Ngày xong")`), as every other row error does.
  const order = (f: RecordField, d: string, relation: 'before' | 'after', g: RecordField, e: string): RowProblem =>
    new RowProblem(`${label(f, rules)}: ${d} is ${relation} ${label(g, rules)} ${e}`, f, raw(f));
  if (record.dueOn < record.receivedOn) throw order('dueOn', record.dueOn, 'before', 'receivedOn', record.receivedOn);
  if (record.finishedOn !== null && record.finishedOn < record.receivedOn) throw order('finishedOn', record.finishedOn, 'before', 'receivedOn', record.receivedOn);
  if (record.returnedOn !== null && record.returnedOn !== undefined && record.returnedOn < (record.finishedOn ?? record.receivedOn)) {
    throw record.finishedOn !== null ? order('returnedOn', record.returnedOn, 'before', 'finishedOn', record.finishedOn) : order('returnedOn', record.returnedOn, 'before', 'receivedOn', record.receivedOn);
  }
  if (pausedSince !== null) {
    if (pausedSince < record.receivedOn) throw order('pausedSince', pausedSince, 'before', 'receivedOn', record.receivedOn);
    if (record.finishedOn !== null && pausedSince > record.finishedOn) throw order('pausedSince', pausedSince, 'after', 'finishedOn', record.finishedOn);
    if (record.finishedAs === 'resolved') throw new RowProblem(`${label('pausedSince', rules)}: ${pausedSince} is set, but the dossier was resolved: a resolved dossier is not waiting for the applicant`, 'pausedSince', raw('pausedSince'));
  }
  return record;
}

/**
 * Read dossier records from CSV chunks, streaming: the first row is the header; each later row
 * yields a record or a rejection with its line number and reason (dòng lỗi). Nothing is dropped
 * silently: count the rejections and report them.
 *
 * @param options - `mapping`: Record field → CSV header; unmapped fields use their own name as
 *   header. `values`: value maps for your system's words; `dateFormat`: a date pattern
 *   ({@link RecordReadOptions}). `delimiter`: default `,`.
 * @throws {MotcuaError} `INVALID_INPUT` when the header lacks a required column (naming it), or
 *   when the input is empty or a header alone (naming the line, field `header`);
 *   `INVALID_OPTION` for a bad value map or date format.
 *
 * @example
 * ```ts
 * import { readRecords } from 'motcua/kpi';
 * const csv = 'ma_ho_so,ma_tthc,linh_vuc,co_quan,cap,kenh,ngay_nhan,han,ngay_xong,ket_qua\n' +
 *   'H1,1.001193,Hộ tịch,UBND xã A,Cấp xã,Trực tuyến,02/01/2024 08:30:00,05/01/2024,04/01/2024,9\n';
 * const mapping = { id: 'ma_ho_so', procedureCode: 'ma_tthc', field: 'linh_vuc', agency: 'co_quan', level: 'cap',
 *   channel: 'kenh', receivedOn: 'ngay_nhan', dueOn: 'han', finishedOn: 'ngay_xong', finishedAs: 'ket_qua' };
 * for await (const r of readRecords([csv], { mapping })) if (r.ok) console.log(r.record.receivedOn); // '2024-01-02'
 * ```
 */
export async function* readRecords(chunks: AsyncIterable<string> | Iterable<string>, options: RecordReadOptions = {}): AsyncGenerator<ReadResult> {
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
export async function* readRecordBatches(chunks: AsyncIterable<string> | Iterable<string>, options: RecordReadOptions = {}): AsyncGenerator<ReadResult[]> {
  const mapping = options.mapping ?? {};
  // compiled before the first row, so a bad option is an error even on an empty file
  readRules(options);
  checkDelimiter(options.delimiter ?? ',');
  let header: CsvHeader | null = null;
  let headerLine = 1;
  let rowsRead = 0;
  for await (const rows of parseCsvBatches(chunks, options.delimiter ?? ',', { maxCellBytes: checkMaxCellBytes(options.maxCellBytes) })) {
    const out: ReadResult[] = [];
    for (const row of rows) {
      if (header === null) {
        header = readHeader(row, mapping, options);
        headerLine = row.line;
      } else out.push(readRow(row, header));
    }
    rowsRead += out.length;
    if (out.length) yield out;
  }
  // an input without a header row (empty, or a byte order mark alone) is an error (#14), and so is
  // a header alone, as in summarizeCsvFile, motcua report and DuckDB: never an empty report
  if (header === null) throw emptyInputError();
  if (rowsRead === 0) throw noDataRowsError(headerLine);
}

/** Where each record field is in a CSV file: the column index of each mapped field, and the header width. @internal */
export interface CsvHeader {
  readonly at: ReadonlyMap<RecordField | EndEventField, number>;
  readonly width: number;
  /** How to read the values (default: the built-in maps and dates). */
  readonly rules?: ReadRules;
  /** Set when the byte reader must leave every row to the general one (end event columns, a date format). */
  readonly general?: boolean;
}

/** The text fields of a record (read as written, in NFC): a U+FFFD in one rejects the row. */
const TEXT_FIELDS = ['id', 'procedureCode', 'field', 'agency'] as const;

/** Why a text holding U+FFFD is refused (#14). @internal */
export const REPLACEMENT_REASON =
  'holds U+FFFD (�), the mark of bytes that are not valid UTF-8 (or of characters the exporting system already lost): is the file in another encoding (--encoding windows-1258)?';

/**
 * The error for an input without a header row (an empty file, or a byte order mark alone): a
 * typed error rather than an empty report (#14). @internal
 */
export function emptyInputError(): MotcuaError {
  return new MotcuaError('INVALID_INPUT', { vi: 'dòng 1: tệp rỗng (không có dòng tiêu đề, không có dữ liệu): không có gì để báo cáo; có đúng tệp không, hay tệp xuất ra bị cắt cụt?', en: 'line 1: the file is empty (no header row, no data): nothing to report; is it the right file, or was the export cut short?' }, 1, 'header');
}

/** The error for a header with no data row after it (#14). @internal */
export function noDataRowsError(headerLine: number): MotcuaError {
  return new MotcuaError('INVALID_INPUT', { vi: `dòng ${headerLine}: tệp có dòng tiêu đề nhưng không có dòng dữ liệu nào sau đó: không có gì để báo cáo; tệp xuất ra có bị cắt cụt không?`, en: `line ${headerLine}: the file has a header row and no data row after it: nothing to report; was the export cut short?` }, headerLine, 'header');
}

/** Record fields in the order they are looked up in a header. @internal */
export const RECORD_FIELDS: readonly RecordField[] = [...REQUIRED, ...OPTIONAL];

/**
 * Read the header row of a CSV export (cells trimmed), for {@link readRow}.
 * @throws {MotcuaError} `INVALID_INPUT` when a required column is missing, naming it and the
 *   columns the header has.
 * @internal
 */
export function readHeader(row: CsvRow, mapping: ColumnMapping, options: ValueOptions = {}): CsvHeader {
  if (row.cellTooLong) throw new MotcuaError('INVALID_INPUT', { vi: `dòng ${row.line}: ${viReason(cellTooLongReason(row.cellTooLong.maxCellBytes))}`, en: `line ${row.line}: ${cellTooLongReason(row.cellTooLong.maxCellBytes)}` }, row.line, 'header');
  const header = row.cells.map((h) => h.normalize('NFC').trim());
  const broken = header.findIndex((h) => h.includes('\uFFFD'));
  if (broken >= 0) throw new MotcuaError('INVALID_INPUT', { vi: `dòng ${row.line}, cột ${broken + 1} (${show(header[broken], 'vi')}): dòng tiêu đề ${viReason(REPLACEMENT_REASON)}`, en: `line ${row.line}, column ${broken + 1} (${show(header[broken])}): the header ${REPLACEMENT_REASON}` }, header[broken], 'header');
  const at = new Map<RecordField | EndEventField, number>();
  const columns = new Map<string, string>();
  const m = mapping as Readonly<Record<string, string | undefined>>;
  const nameOf = (f: string) => (Object.hasOwn(m, f) && typeof m[f] === 'string' ? m[f]!.normalize('NFC') : f);
  const events = END_EVENTS.filter((f) => Object.hasOwn(m, f) && header.includes(nameOf(f)));
  const byEvents = events.length > 0 && !Object.hasOwn(m, 'finishedOn') && !Object.hasOwn(m, 'finishedAs');
  const missingRequired: { f: string; name: string }[] = [];
  for (const f of [...RECORD_FIELDS, ...END_EVENTS]) {
    const name = nameOf(f);
    const i = header.indexOf(name);
    if (i >= 0 && (f !== 'refusedOn' && f !== 'stoppedOn' && f !== 'resolvedOn' && f !== 'withdrawnOn' ? true : byEvents)) {
      // two columns of that name (as written, or once trimmed and in NFC): which one to read is a guess (#14)
      const j = header.indexOf(name, i + 1);
      if (j >= 0) {
        throw new MotcuaError('INVALID_INPUT', { vi: `dòng ${row.line}: dòng tiêu đề có cột ${show(name, 'vi')} hai lần (cột ${i + 1} và ${j + 1}), nên không rõ cột nào chứa ${f}; hãy đổi tên hoặc bỏ một cột (hoặc ánh xạ ${f} sang cột khác)`, en: `line ${row.line}: the header has the column ${show(name)} twice (columns ${i + 1} and ${j + 1}), so which one holds ${f} is unclear; rename or remove one (or map ${f} to another column)` }, name, `mapping.${f}`);
      }
      at.set(f, i);
      columns.set(f, name);
    } else if (REQUIRED.includes(f as RecordField) && !(byEvents && (f === 'finishedOn' || f === 'finishedAs'))) {
      missingRequired.push({ f, name });
    }
  }
  // every required column the header lacks, named at once (#14)
  if (missingRequired.length > 0) {
    const nul = header.some((h) => h.includes('\u0000'));
    const seenIn = (locale: 'vi' | 'en') => (header.length > 12 ? `${header.slice(0, 12).map((h) => show(h, locale)).join(', ')}, …` : header.map((h) => show(h, locale)).join(', '));
    const seen = seenIn('en');
    const hint = nul
      ? ' The header holds NUL characters: the file looks like UTF-16 without a byte order mark; give its encoding (--encoding utf-16le).'
      : header.length === 1 && /[;\t|]/.test(header[0]!)
        ? ' The header is one cell: is the delimiter another character (--delimiter ";")?'
        : '';
    const hintVi = nul
      ? ' Dòng tiêu đề chứa ký tự NUL: tệp có vẻ là UTF-16 không có dấu thứ tự byte (BOM); hãy cho bảng mã của tệp (--encoding utf-16le).'
      : hint === ''
        ? ''
        : ' Dòng tiêu đề chỉ có một ô: ký tự phân cách có phải là ký tự khác không (--delimiter ";")?';
    const { f, name } = missingRequired[0]!;
    if (missingRequired.length === 1) {
      throw new MotcuaError('INVALID_INPUT', { vi: `dòng ${row.line}: dòng tiêu đề không có cột ${show(name, 'vi')} cho ${f}; hãy ghi tên cột của tệp vào "columns" của tệp ánh xạ (--mapping): "${f}": "<tên cột trong tệp>" (trong mã: mapping: { ${f}: '…' }). Các cột của dòng tiêu đề là ${seenIn('vi')}.${hintVi}`, en: `line ${row.line}: the header has no column ${show(name)} for ${f}; write your export's column under "columns" in the mapping file (--mapping): "${f}": "<column name>" (in code: mapping: { ${f}: '…' }). The header's columns are ${seen}.${hint}` }, name, `mapping.${f}`);
    }
    const n = missingRequired.length;
    const vi = missingRequired.map((m) => `${show(m.name, 'vi')} cho ${m.f}`).join(', ');
    const en = missingRequired.map((m) => `${show(m.name)} for ${m.f}`).join(', ');
    throw new MotcuaError('INVALID_INPUT', { vi: `dòng ${row.line}: dòng tiêu đề thiếu ${n} cột bắt buộc: ${vi}; hãy ghi tên các cột của tệp vào "columns" của tệp ánh xạ (--mapping), ví dụ "${f}": "<tên cột trong tệp>" (trong mã: mapping: { ${f}: '…' }). Các cột của dòng tiêu đề là ${seenIn('vi')}.${hintVi}`, en: `line ${row.line}: the header has no column for ${n} required fields: ${en}; write your export's columns under "columns" in the mapping file (--mapping), e.g. "${f}": "<column name>" (in code: mapping: { ${f}: '…' }). The header's columns are ${seen}.${hint}` }, missingRequired.map((m) => m.name), 'mapping');
  }
  // the options first: a bad value map or assumption is named before a missing column
  const rules = readRules(options, columns);
  const missing: MissingColumn[] = [];
  for (const [f, figures] of options.require ?? []) if (!at.has(f) && !Object.hasOwn(options.assume ?? {}, f)) missing.push({ field: f, name: nameOf(f), figures });
  if (missing.length > 0) throw missingColumnsError(row.line, missing, 'header');
  // The byte reader reads an absent column as empty: with any other assumed value every row goes to the general reader.
  const assumedOther = Object.values(options.assume ?? {}).some((v) => v !== '' && v !== 'false' && v !== '0');
  return { at, width: header.length, rules, ...(byEvents || options.dateFormat !== undefined || assumedOther ? { general: true } : {}) };
}

/** Why a row with a quoted cell over the maximum is rejected (no line numbers: the same in a worker's range). @internal */
export function cellTooLongReason(maxCellBytes: number): string {
  return `a quoted cell on this row is longer than ${maxCellBytes} bytes (maxCellBytes; a stray quote?): the row is rejected and reading resumes on the line after the quote`;
}

/** One data row: a record, or the reason it is rejected. @internal */
export function readRow(row: CsvRow, header: CsvHeader): ReadResult {
  if (row.cellTooLong) return { ok: false, line: row.line, reason: cellTooLongReason(row.cellTooLong.maxCellBytes) };
  if (row.unclosedQuote) {
    return { ok: false, line: row.line, reason: `a quoted cell opened on this row is never closed: the rest of the file (to line ${row.line + row.cells.reduce((k, c) => k + (c.match(/\n/g)?.length ?? 0), 0)}) went into it` };
  }
  if (row.cells.length === 1 && row.cells[0] === '') return { ok: false, line: row.line, reason: 'empty line' };
  if (row.cells.length !== header.width) return { ok: false, line: row.line, reason: `${row.cells.length} cells where the header has ${header.width}` };
  try {
    return { ok: true, line: row.line, record: convert(row.cells, header.at, header.rules ?? DEFAULT_RULES) };
  } catch (e) {
    return { ok: false, line: row.line, reason: (e as Error).message };
  }
}

/**
 * How the JS reader reads one cell of a field, with the default value maps: the value, or
 * `{ ok: false }` when the row would be rejected for this cell alone. For a cross-check of another
 * engine (`motcua report --engine duckdb` refuses a file whose cells it would read otherwise, #14).
 * `text` is the cell as the CSV reader passes it (trimmed when it starts or ends with a space or tab).
 * @internal
 */
export function readCellAs(field: RecordField, text: string): { ok: true; value: string | number | boolean | null } | { ok: false } {
  const rules = DEFAULT_RULES;
  const v = text.charCodeAt(0) === 32 || text.charCodeAt(0) === 9 || text.charCodeAt(text.length - 1) === 32 || text.charCodeAt(text.length - 1) === 9 ? text.trim() : text;
  try {
    switch (field) {
      case 'level':
      case 'channel': {
        const x = lookupValue(rules.values, field, v);
        return x === undefined ? { ok: false } : { ok: true, value: x };
      }
      case 'pausedFor': {
        if (v === '') return { ok: true, value: null };
        const x = lookupValue(rules.values, 'pausedFor', v);
        return x === undefined ? { ok: false } : { ok: true, value: x };
      }
      case 'finishedAs': {
        if (v === '') return { ok: true, value: null };
        const x = lookupValue(rules.values, 'finishedAs', v);
        return x === undefined || x === 'not-received' ? { ok: false } : { ok: true, value: x };
      }
      case 'supplements':
      case 'extensions':
        return { ok: true, value: count(field, v, rules) };
      case 'receivedOn':
      case 'dueOn':
      case 'originalDueOn':
      case 'finishedOn':
      case 'returnedOn':
      case 'pausedSince':
        return { ok: true, value: date(field, v, rules) };
      case 'digitised':
      case 'eResult':
      case 'paperResultRequired':
      case 'feeDue':
      case 'paidOnline':
      case 'synced':
      case 'complaint':
      case 'reusedData':
      case 'dataStored':
      case 'componentsFromStore':
        return { ok: true, value: bool(field, v, rules, field === 'paperResultRequired') };
      default:
        return { ok: true, value: v };
    }
  } catch {
    return { ok: false };
  }
}
