/**
 * The CSV files of the hostile-input fuzz suites (#14), shared by the reader, DuckDB and thread
 * suites: byte-level hostile files (hostile keys, invalid UTF-8, NUL, stray quotes, BOMs, duplicated
 * header columns) and files of random valid records with the changes the engines disagreed on.
 */
import fc from 'fast-check';
import type { DossierRecord } from '../../src/kpi/index';
import { recordArb } from '../kpi/_arbitraries';
import { HOSTILE_KEYS } from './_hostile';

// ---------------------------------------------------------------------------------------------
// Byte-level hostile files: a 12-column export, each cell kept or replaced, raw bytes spliced in.

export const HOSTILE_HEADER = ['id', 'procedureCode', 'field', 'agency', 'level', 'channel', 'receivedOn', 'dueOn', 'finishedOn', 'finishedAs', 'supplements', 'digitised'];
export const GOOD_ROW = ['H', '1.001193', 'Hộ tịch', 'UBND xã A', 'commune', 'online', '2024-01-10', '2024-01-15', '2024-01-12', 'resolved', '0', 'true'];

const cellArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) }, // keep the good cell
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_KEYS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom('"', '""', '"a"b', 'a"b', ' 12 ', '\u0000', '\uFFFD', '9999-12-31T23:00-12:00', '1899-01-01', '2024-02-30', '02/01/2024 08:30', '2', 'Cấp xã', 'x'.repeat(300), '"' + 'y'.repeat(300) + '"') },
);
/** A raw byte sequence spliced into a row: invalid UTF-8, a lone CR, a BOM in the middle. */
const bytesArb = fc.constantFrom([0xff], [0xc3, 0x28], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xef, 0xbf, 0xbd], [0x0d], [0xef, 0xbb, 0xbf], [0xf4, 0x90, 0x80, 0x80]);

/** A byte-level hostile CSV file (turn it into bytes with {@link hostileCsvBytes}). */
export const hostileCsvArb = fc.record({
  rows: fc.array(fc.tuple(fc.array(cellArb, { minLength: GOOD_ROW.length, maxLength: GOOD_ROW.length }), fc.option(fc.tuple(fc.nat(200), bytesArb), { freq: 4 }), fc.boolean()), { minLength: 0, maxLength: 20 }),
  bom: fc.boolean(),
  eol: fc.constantFrom('\n', '\r\n'),
  extraHeader: fc.constantFrom('', ',note', ',receivedOn', ', id ', ',,'),
  tail: fc.constantFrom('', '\n', '\n\n', '"'),
});

export type HostileCsv = typeof hostileCsvArb extends fc.Arbitrary<infer T> ? T : never;

export function hostileCsvBytes(f: HostileCsv): Buffer {
  const parts: Buffer[] = [];
  if (f.bom) parts.push(Buffer.from([0xef, 0xbb, 0xbf]));
  const extra = f.extraHeader.split(',').length - 1;
  parts.push(Buffer.from(`${HOSTILE_HEADER.join(',')}${f.extraHeader}${f.eol}`));
  f.rows.forEach(([cells, splice, unique], i) => {
    const row = GOOD_ROW.map((g, k) => cells[k] ?? (k === 0 ? `${g}${unique ? i : 0}` : g));
    const text = Buffer.from(`${row.join(',')}${','.repeat(extra)}${f.eol}`);
    if (splice) {
      const at = Math.min(splice[0], text.length - 1);
      parts.push(text.subarray(0, at), Buffer.from(splice[1]), text.subarray(at));
    } else parts.push(text);
  });
  parts.push(Buffer.from(f.tail));
  return Buffer.concat(parts);
}

// ---------------------------------------------------------------------------------------------
// Files of random valid records (16 columns), some rows changed the way the fuzzing pass of #14
// found the JS and DuckDB engines disagreeing.

export const RECORD_HEADER = 'id,procedureCode,field,agency,level,channel,receivedOn,dueOn,finishedOn,finishedAs,returnedOn,supplements,extensions,digitised,eResult,feeDue';
const q = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

export function recordCells(r: DossierRecord): string[] {
  return [r.id, r.procedureCode, q(r.field), q(r.agency), r.level, r.channel, r.receivedOn, r.dueOn, r.finishedOn ?? '', r.finishedAs ?? '', r.returnedOn ?? '', String(r.supplements), String(r.extensions), String(r.digitised), String(r.eResult), String(r.feeDue)];
}

/** Each hostile change the fuzzing pass of #14 found the engines disagreeing on, and a few more. */
export const MUTATIONS: readonly ((c: string[]) => string)[] = [
  (c) => { c[11] = ' 12 '; return c.join(','); },
  (c) => { c[11] = '\t3'; return c.join(','); },
  (c) => { c[11] = '99999999999'; return c.join(','); },
  (c) => { c[6] = `${c[6]}T23:30:00-05:00`; return c.join(','); },
  (c) => { c[6] = `${c[6]}T06:30+0700`; return c.join(','); },
  (c) => { c[6] = `${c[6]} 06:30+07:00`; return c.join(','); },
  (c) => { c[6] = `${c[6]}T01:00:00Z`; return c.join(','); },
  (c) => { c[6] = `${c[6]!.slice(8)}/${c[6]!.slice(5, 7)}/${c[6]!.slice(0, 4)} 10:00`; return c.join(','); },
  (c) => { c[2] = '"Hộ tịch"x'; return c.join(','); },
  (c) => { c[2] = `Hộ${'\u0000'}tịch`; return c.join(','); },
  (c) => { c[2] = `"Hộ\ntịch"`; return c.join(','); },
  (c) => { c[3] = ' \u00a0UBND xã A'; return c.join(','); },
  (c) => { c[0] = ' \u00a0'; return c.join(','); },
  (c) => { c[5] = 'Trực tuyến'; return c.join(','); },
  (c) => { c[4] = 'Cấp xã'; return c.join(','); },
  (c) => { c[9] = c[9] === '' ? '' : '9'; return c.join(','); },
  (c) => { c[13] = 'x'; return c.join(','); },
  (c) => { c[15] = '50.000'; return c.join(','); },
  (c) => { c[13] = 'Có'; return c.join(','); },
  (c) => { c[5] = 'fax'; return c.join(','); },
  (c) => { c[6] = '2024-02-30'; return c.join(','); },
  (c) => { c[6] = '1899-01-03'; return c.join(','); },
  (c) => c.slice(0, -1).join(','),
  () => '',
];

/** A file of random records, most rows changed (turn it into text with {@link recordCsvText}). */
export const recordCsvArb = fc.record({
  rows: fc.array(fc.tuple(recordArb, fc.option(fc.nat(MUTATIONS.length - 1), { nil: undefined, freq: 3 })), { minLength: 1, maxLength: 25 }),
  eol: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
  trailing: fc.constantFrom('', '\n'),
});

export type RecordCsv = typeof recordCsvArb extends fc.Arbitrary<infer T> ? T : never;

/**
 * A file of random records where a row is changed once in `oneIn` rows, and no empty last line
 * (which DuckDB refuses): most such files are read by both engines.
 */
export function recordCsvArbOf(oneIn: number): fc.Arbitrary<RecordCsv> {
  const change = fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.nat(MUTATIONS.length - 1) });
  return fc.record({
    rows: fc.array(fc.tuple(recordArb, change), { minLength: 1, maxLength: 25 }),
    eol: fc.constantFrom('\n', '\r\n'),
    bom: fc.boolean(),
    trailing: fc.constant(''),
  });
}

export function recordCsvText(f: RecordCsv): string {
  const lines = f.rows.map(([r, m]) => (m === undefined ? recordCells(r).join(',') : MUTATIONS[m]!(recordCells(r))));
  return `${f.bom ? '\uFEFF' : ''}${RECORD_HEADER}${f.eol}${lines.map((l) => `${l}${f.eol}`).join('')}${f.trailing}`;
}
