// Generated CSV exports for the fast-path tests: good rows, every kind of bad row, quoting,
// line ends, a BOM, mappings with renamed, reordered and extra columns.
import fc from 'fast-check';
import type { DossierRecord } from '../../src/kpi/index';
import { type Accumulator, add, createAccumulator } from '../../src/kpi/accumulator';
import { period } from '../../src/kpi/period';
import { emptyInputError, noDataRowsError, readRecords, type ColumnMapping } from '../../src/kpi/readRecords';
import { CsvScanner } from '../../src/kpi/_lib/fastCsv';
import { recordArb } from '../kpi/_arbitraries';

export const FIELDS = [
  'id',
  'procedureCode',
  'field',
  'agency',
  'level',
  'channel',
  'receivedOn',
  'dueOn',
  'finishedOn',
  'finishedAs',
  'supplements',
  'extensions',
  'digitised',
  'eResult',
  'paperResultRequired',
  'feeDue',
  'paidOnline',
  'synced',
  'complaint',
  'returnedOn',
  'originalDueOn',
  'reusedData',
  'dataStored',
] as const;
type Field = (typeof FIELDS)[number];

const yes = (b: boolean | null | undefined, style: number) =>
  b == null ? '' : [b ? 'true' : 'false', b ? '1' : '0', b ? 'YES' : 'No', b ? 'x' : '', b ? 'có' : 'không', b ? 'True' : 'FALSE'][style]!;
const ddmmyyyy = (d: string) => `${d.slice(8)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** The cells of a record, as text, with a style for flags and dates. */
function cellsOf(r: DossierRecord, flagStyle: number, slashDates: boolean): Record<Field, string> {
  const d = (v: string | null | undefined) => (v == null ? '' : slashDates ? ddmmyyyy(v) : v);
  return {
    id: r.id,
    procedureCode: r.procedureCode,
    field: r.field,
    agency: r.agency,
    level: r.level,
    channel: r.channel,
    receivedOn: d(r.receivedOn),
    dueOn: d(r.dueOn),
    finishedOn: d(r.finishedOn),
    finishedAs: r.finishedAs ?? '',
    supplements: String(r.supplements),
    extensions: String(r.extensions),
    digitised: yes(r.digitised, flagStyle),
    eResult: yes(r.eResult, flagStyle),
    paperResultRequired: yes(r.paperResultRequired, flagStyle),
    feeDue: yes(r.feeDue, flagStyle),
    paidOnline: yes(r.paidOnline, flagStyle),
    synced: yes(r.synced, flagStyle),
    complaint: yes(r.complaint, flagStyle),
    returnedOn: d(r.returnedOn),
    originalDueOn: '',
    reusedData: yes(r.reusedData, flagStyle),
    dataStored: yes(r.dataStored, flagStyle),
  };
}

/** A change that may make a row bad (or only unusual). */
const damage = fc.oneof(
  { weight: 6, arbitrary: fc.constant(null) },
  fc.record({
    field: fc.constantFrom<Field>(...FIELDS),
    value: fc.constantFrom(
      '',
      ' ',
      'fax',
      'ONLINE',
      '2',
      '2024-02-30',
      '2024-13-01',
      '31/12/2023',
      '2024-01-05T10:00:00+07:00',
      '2024-1-5',
      'two',
      '-1',
      '007',
      '12345678901234567',
      'yes',
      'Y',
      'n',
      'maybe',
      'có',
      'x',
      'commune',
      'Province',
      'resolved',
      'withdrawn',
      'done',
      ' padded ',
      '\tA',
      'a"b',
      'toString',
      '﻿B',
      '2024,01-05',
      '2024-01\n05',
      'tr,e',
      'fa\rse',
      '1;2',
      '0|1',
      '2\t',
      '2024\u000101-05',
      'tr\u0001e',
      '1\u00010',
      '\u0001'
    ),
  }),
  fc.constant('empty' as const),
  fc.constant('short' as const),
  fc.constant('long' as const)
);

export interface GenCsv {
  readonly text: string;
  readonly mapping: ColumnMapping;
  readonly delimiter: string;
  /** The optional columns the export lacks, declared absent as `motcua report --assume` takes them. */
  readonly absent: string;
}

const OPTIONAL_COLUMNS = ['originalDueOn', 'returnedOn', 'pausedSince', 'pausedFor', 'supplements', 'extensions', 'digitised', 'eResult', 'paperResultRequired', 'feeDue', 'paidOnline', 'synced', 'complaint', 'reusedData', 'dataStored', 'componentsFromStore'];

/** A whole export. */
export const csvArb: fc.Arbitrary<GenCsv> = fc
  .record({
    records: fc.array(fc.tuple(recordArb, damage, fc.integer({ min: 0, max: 5 }), fc.boolean()), { maxLength: 40 }),
    names: fc.array(fc.constantFrom<Field>(...FIELDS), { minLength: 0, maxLength: 6 }),
    renamed: fc.boolean(),
    extra: fc.boolean(),
    order: fc.integer({ min: 0, max: 3 }),
    delimiter: fc.constantFrom(',', ',', ';', '\t', '|'),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    bom: fc.boolean(),
    quote: fc.constantFrom('never', 'some', 'all'),
    trailing: fc.constantFrom('eol', 'none', 'unclosed'),
    texts: fc.array(fc.constantFrom('Hộ tịch', 'a,b', 'say "hi"', 'two\nlines', 'cr\r\nlf', 'cr\ronly', '"', '', ' lead', 'tab\t', 'UBND xã "A"', 'x;y', 'p|q'), { minLength: 4, maxLength: 4 }),
    seed: fc.integer(),
  })
  .map((g) => {
    const optional = FIELDS.slice(10).filter((f, k) => g.order !== 3 || k % 2 === 0);
    let cols: Field[] = [...FIELDS.slice(0, 10), ...optional];
    if (g.order === 1) cols.reverse();
    if (g.order === 2) cols = [...cols.slice(7), ...cols.slice(0, 7)];
    const mapping: Record<string, string> = {};
    if (g.renamed) for (const f of g.names) mapping[f] = `col_${f}`;
    const header = cols.map((f) => mapping[f] ?? f);
    if (g.extra) header.splice(3, 0, 'ghi_chu');
    let k = g.seed;
    const rnd = () => ((k = (Math.imul(k, 1103515245) + 12345) | 0) >>> 8) % 1000;
    const enc = (v: string) => {
      const must = v.includes(g.delimiter) || /["\r\n]/.test(v);
      if (must || g.quote === 'all' || (g.quote === 'some' && rnd() < 300)) return `"${v.replaceAll('"', '""')}"`;
      return v;
    };
    const lines = [header.map(enc).join(g.delimiter)];
    for (const [r0, dmg, flagStyle, slash] of g.records) {
      const r = { ...r0, field: rnd() < 200 ? g.texts[rnd() % 4]! : r0.field, agency: rnd() < 200 ? g.texts[rnd() % 4]! : r0.agency };
      const c = cellsOf(r, flagStyle, slash && flagStyle === 5);
      if (dmg === 'empty') {
        lines.push('');
        continue;
      }
      if (dmg !== null && typeof dmg === 'object') c[dmg.field] = dmg.value;
      const cells = cols.map((f) => enc(c[f]));
      if (g.extra) cells.splice(3, 0, enc(g.texts[rnd() % 4]!));
      if (dmg === 'short') cells.pop();
      if (dmg === 'long') cells.push('');
      // \u0001: a delimiter inside a cell, unquoted (the row gets one cell more)
      lines.push(cells.join(g.delimiter).replaceAll('\u0001', g.delimiter));
    }
    let text = (g.bom ? '\uFEFF' : '') + lines.join(g.eol);
    if (g.trailing === 'eol') text += g.eol;
    if (g.trailing === 'unclosed') text += `${g.eol}"open${g.eol}rest`;
    const absent = OPTIONAL_COLUMNS.filter((f) => !(cols as string[]).includes(f)).map((f) => `${f}=${/On$|Since$|For$/.test(f) ? 'none' : f === 'supplements' || f === 'extensions' ? '0' : 'false'}`).join(',');
    return { text, mapping, delimiter: g.delimiter, absent };
  });

export const PERIOD = period('2024-Q1');

/** Cut a string or bytes into pieces of the given lengths, cycling. */
export function cut<T extends { length: number; slice(a: number, b: number): T }>(x: T, lengths: readonly number[]): T[] {
  const out: T[] = [];
  for (let at = 0, k = 0; at < x.length; k++) {
    const n = lengths[k % lengths.length]!;
    out.push(x.slice(at, at + n));
    at += n;
  }
  return out;
}

export interface Outcome {
  groups: Accumulator['groups'];
  rejected: { line: number; reason: string }[];
  error?: string;
}

/** The general path: readRecords over string chunks, then add. */
export async function general(text: string, o: { mapping: ColumnMapping; delimiter: string; groupBy: readonly string[]; chunks?: number[]; maxCellBytes?: number }): Promise<Outcome> {
  const acc = createAccumulator({ period: PERIOD, groupBy: o.groupBy as never });
  const rejected: Outcome['rejected'] = [];
  try {
    for await (const r of readRecords(cut(text, o.chunks ?? [text.length || 1]), { mapping: o.mapping, delimiter: o.delimiter, ...(o.maxCellBytes !== undefined ? { maxCellBytes: o.maxCellBytes } : {}) })) {
      if (r.ok) add(acc, r.record);
      else rejected.push({ line: r.line, reason: r.reason });
    }
  } catch (e) {
    return { groups: {}, rejected, error: (e as Error).message };
  }
  return { groups: acc.groups, rejected };
}

/** The byte path: a scanner fed the bytes in pieces the way the file reader does (the tail of an incomplete row kept). */
export function bytePath(text: string, o: { mapping: ColumnMapping; delimiter: string; groupBy: readonly string[]; chunks?: number[]; maxCellBytes?: number }): Outcome {
  const acc = createAccumulator({ period: PERIOD, groupBy: o.groupBy as never });
  const rejected: Outcome['rejected'] = [];
  try {
    const scanner = new CsvScanner({ acc, mapping: o.mapping, delimiter: o.delimiter, ...(o.maxCellBytes !== undefined ? { maxCellBytes: o.maxCellBytes } : {}), onReject: (line, reason) => rejected.push({ line, reason }) });
    feedBytes(scanner, new TextEncoder().encode(text), o.chunks ?? [1 << 30]);
    // as the file reader (summarizeCsvFile) and readRecords: no header, or a header alone, is an error (#14)
    if (scanner.header === null) throw emptyInputError();
    if (scanner.rows === 0) throw noDataRowsError(scanner.headerLine);
  } catch (e) {
    return { groups: {}, rejected, error: (e as Error).message };
  }
  return { groups: acc.groups, rejected };
}

/** Feed bytes in pieces of the given lengths, as `feedFile` does; returns where it stopped. */
export function feedBytes(scanner: CsvScanner, bytes: Uint8Array, lengths: readonly number[], start = 0, end = Infinity): number {
  if (lengths[0]! % 2 === 0) return feedInPlace(scanner, bytes, lengths, start, end);
  let buf = new Uint8Array(0);
  let pos = start;
  let at = start;
  for (let k = 0; ; k++) {
    const piece = bytes.subarray(at, Math.min(bytes.length, at + lengths[k % lengths.length]!));
    at += piece.length;
    // every other piece with spare room after the data, as the file reader leaves (for the scanner's sentinel)
    const spare = k % 2;
    const next = new Uint8Array(buf.length + piece.length + spare);
    next.set(buf);
    next.set(piece, buf.length);
    const len = buf.length + piece.length;
    buf = next.subarray(0, len + spare);
    const final = piece.length === 0;
    const used = scanner.feed(buf, len, final, end - pos);
    if (used >= end - pos || final || scanner.done) return pos + used;
    buf = buf.slice(used, len);
    pos += used;
  }
}

/** As the file reader does: one Node Buffer refilled in place (the tail of an incomplete row moved to the front). */
function feedInPlace(scanner: CsvScanner, bytes: Uint8Array, lengths: readonly number[], start: number, end: number): number {
  let buf = Buffer.alloc(16);
  let len = 0;
  let pos = start;
  let at = start;
  for (let k = 0; ; k++) {
    const piece = bytes.subarray(at, Math.min(bytes.length, at + lengths[k % lengths.length]!));
    at += piece.length;
    if (len + piece.length + 1 > buf.length) {
      const bigger = Buffer.alloc(2 * (len + piece.length + 1));
      buf.copy(bigger, 0, 0, len);
      buf = bigger;
    }
    buf.set(piece, len);
    len += piece.length;
    const final = piece.length === 0;
    const used = scanner.feed(buf, len, final, end - pos);
    if (used >= end - pos || final || scanner.done) return pos + used;
    buf.copy(buf, 0, used, len);
    buf.fill(0xff, len - used);
    len -= used;
    pos += used;
  }
}
