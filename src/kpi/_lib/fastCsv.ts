/**
 * The fast path of `motcua report` on CSV: bytes straight into an accumulator. Platform-neutral
 * (Uint8Array, TextDecoder). It tokenises each row into byte ranges (no string per cell), checks
 * the cells the record needs without allocating, and feeds `add` one reused record whose text
 * fields are decoded only when read (and interned). A row it cannot decide on its own (a doubled
 * quote, text after a closing quote, a padded cell, a date in another format, a bad value, the
 * wrong number of cells, …) is decoded and handed to the general reader ({@link readRow}), so the
 * results, the rejections and their reasons are exactly those of `readRecords` + `add`.
 * @internal
 * @module
 */
import { daysInMonth } from '../../_lib/civil/date';
import { type Accumulator, addRecord } from '../accumulator';
import { checkMaxCellBytes, createCsvParser, type CsvRow } from '../csv';
import { MotcuaError, show } from '../../errors';
import { isCleanUtf8 } from '../../_lib/utf8';
import { viReason } from '../reasonTexts';
import { cellTooLongReason, type ColumnMapping, type CsvHeader, readHeader, readRow, type RecordField, type ValueOptions } from '../readRecords';
import type { DossierRecord, EndKind, PauseReason, RecordChannel, RecordLevel } from '../types';

/** Whether the byte path can split on this delimiter: one ASCII character other than a quote or a line end. @internal */
export function isByteDelimiter(delimiter: string): boolean {
  const c = delimiter.charCodeAt(0);
  return delimiter.length === 1 && c < 128 && c !== 34 && c !== 10 && c !== 13;
}

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** Decoded strings of one column, by their bytes: a few distinct values (fields, agencies, codes) repeat on every row. */
/** Text in NFC (issue #22: the same Vietnamese word in NFD and NFC must be one group); ASCII is returned as is. */
function nfc(s: string): string {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return s.normalize('NFC');
  return s;
}

class Interner {
  private readonly mask = (1 << 13) - 1;
  private readonly hashes = new Int32Array(1 << 13);
  private readonly strs: (string | undefined)[] = new Array<string | undefined>(1 << 13).fill(undefined);
  private readonly bytes: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(1 << 13).fill(undefined);
  private count = 0;

  private last: Uint8Array = new Uint8Array(0);
  private lastStr = '';

  get(b: Uint8Array, s: number, e: number): string {
    if (e - s > 256) return nfc(utf8.decode(b.subarray(s, e)));
    // exports are often sorted by agency or field: the same value as on the last row?
    const last = this.last;
    if (last.length === e - s) {
      let i = 0;
      while (i < last.length && last[i] === b[s + i]) i++;
      if (i === last.length) return this.lastStr;
    }
    const str = this.lookup(b, s, e);
    this.lastStr = str;
    return str;
  }

  private lookup(b: Uint8Array, s: number, e: number): string {
    // hash the length and up to 12 bytes (the first 8, the last 4): the bytes are compared anyway
    const n = e - s;
    let h = 0x811c9dc5 ^ n;
    const head = n < 8 ? e : s + 8;
    for (let i = s; i < head; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
    for (let i = Math.max(head, e - 4); i < e; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
    let k = h & this.mask;
    for (;;) {
      const str = this.strs[k];
      if (str === undefined) break;
      if (this.hashes[k] === h) {
        const x = this.bytes[k]!;
        if (x.length === e - s) {
          let i = 0;
          while (i < x.length && x[i] === b[s + i]) i++;
          if (i === x.length) {
            this.last = x;
            return str;
          }
        }
      }
      k = (k + 1) & this.mask;
    }
    const str = nfc(utf8.decode(b.subarray(s, e)));
    // A copy: `b` may be a Node Buffer, whose `slice` is a view of memory the reader reuses.
    const bytes = Uint8Array.prototype.slice.call(b, s, e);
    this.last = bytes;
    if (this.count < (this.mask + 1) >> 1) {
      this.count++;
      this.hashes[k] = h;
      this.strs[k] = str;
      this.bytes[k] = bytes;
    }
    return str;
  }
}

const LEVEL_NAMES: readonly RecordLevel[] = ['ministry', 'province', 'district', 'commune'];
const END_NAMES: readonly EndKind[] = ['resolved', 'refused', 'stopped', 'withdrawn'];
const CHANNEL_NAMES: readonly RecordChannel[] = ['direct', 'online', 'postal'];
const bytesOf = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const LEVEL_BYTES = LEVEL_NAMES.map(bytesOf);
const END_BYTES = END_NAMES.map(bytesOf);
const CHANNEL_BYTES = CHANNEL_NAMES.map(bytesOf);

function same(b: Uint8Array, s: number, e: number, x: Uint8Array): boolean {
  if (e - s !== x.length) return false;
  for (let i = 0; i < x.length; i++) if (b[s + i] !== x[i]) return false;
  return true;
}

/** ASCII case-insensitive equality with a lower-case ASCII word (letters and digits). */
function sameCi(b: Uint8Array, s: number, e: number, x: Uint8Array): boolean {
  if (e - s !== x.length) return false;
  for (let i = 0; i < x.length; i++) {
    const c = b[s + i]!;
    const t = x[i]!;
    if (c !== t && !(t >= 97 && t <= 122 && c === t - 32)) return false;
  }
  return true;
}

const W_TRUE = ['true', 'yes', 'co'].map(bytesOf);
const W_FALSE = ['false', 'no', 'khong'].map(bytesOf);

/** A yes/no cell: 1 true, 0 false, -1 empty, -2 not decided here (the general reader takes the row). */
function yesNo(b: Uint8Array, s: number, e: number): number {
  const n = e - s;
  if (n === 4 && b[s] === 116 && b[s + 1] === 114 && b[s + 2] === 117 && b[s + 3] === 101) return 1; // true
  if (n === 5 && b[s] === 102 && b[s + 1] === 97 && b[s + 2] === 108 && b[s + 3] === 115 && b[s + 4] === 101) return 0; // false
  if (n === 0) return -1;
  if (n === 1) {
    const c = b[s]!;
    if (c === 49) return 1;
    if (c === 48) return 0;
    const l = c | 0x20;
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return l === 121 || l === 120 ? 1 : l === 110 ? 0 : -2;
    return -2;
  }
  for (const w of W_TRUE) if (sameCi(b, s, e, w)) return 1;
  for (const w of W_FALSE) if (sameCi(b, s, e, w)) return 0;
  return -2;
}

/** A strict YYYY-MM-DD date as an order-preserving key (y × 512 + m × 32 + d); -1 empty, -2 anything else. */
function dateKey(b: Uint8Array, s: number, e: number): number {
  if (e === s) return -1;
  if (e - s !== 10 || b[s + 4] !== 45 || b[s + 7] !== 45) return -2;
  const y0 = b[s]! - 48,
    y1 = b[s + 1]! - 48,
    y2 = b[s + 2]! - 48,
    y3 = b[s + 3]! - 48;
  const m0 = b[s + 5]! - 48,
    m1 = b[s + 6]! - 48,
    d0 = b[s + 8]! - 48,
    d1 = b[s + 9]! - 48;
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0 || y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || m0 > 9 || m1 > 9 || d0 > 9 || d1 > 9) return -2;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const m = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  // years outside 1900-2100 go to the general reader, which rejects them (RECORD_YEARS)
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || (d > 28 && d > daysInMonth(y, m))) return -2;
  return y * 512 + m * 32 + d;
}

/** A whole number cell: its value, 0 when empty, -1 when not decided here. */
function whole(b: Uint8Array, s: number, e: number): number {
  if (e - s > 15) return -1;
  let v = 0;
  for (let i = s; i < e; i++) {
    const c = b[i]! - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Options of {@link CsvScanner}. @internal */
export interface CsvScanOptions {
  readonly acc: Accumulator;
  readonly mapping?: ColumnMapping;
  /** Value maps and a date format, as for `readRecords`. */
  readonly read?: ValueOptions;
  /** One ASCII character ({@link isByteDelimiter}); default `,`. */
  readonly delimiter?: string;
  /** The header, when the bytes start at a data row (a worker's range); otherwise the first row is the header. */
  readonly header?: CsvHeader;
  /** The line number of the first row (default 1). */
  readonly line?: number;
  /** Stop after the header row (to find where the data starts). */
  readonly headerOnly?: boolean;
  /** Each rejected row, in order. */
  readonly onReject: (line: number, reason: string) => void;
  /** The largest quoted cell in UTF-8 bytes (default 1 MiB), as for `readRecords`. */
  readonly maxCellBytes?: number;
  /** Count each dossier id once: a later row with a counted id is rejected ({@link duplicateReason}). */
  readonly dedupe?: boolean;
  /** How ids are remembered when deduplicating (default: a Map of the id texts); implies `dedupe`. */
  readonly ledger?: IdLedger;
  /**
   * Whether `b[s, e)` is valid UTF-8 without U+FFFD (default: a check in JavaScript; Node passes
   * `buffer.isUtf8`, about 50 times faster). A row that is not goes to the general reader, which
   * rejects it when a text it reads holds U+FFFD (#14), as `readRecords` does.
   */
  readonly cleanUtf8?: (b: Uint8Array, s: number, e: number) => boolean;
}

/**
 * The ids counted so far, for deduplication. `once` is given a good row's id, its line and the
 * byte offset where the row starts (relative to {@link CsvScanner.base}); it returns -1 when the
 * id is new (the row is counted, and remembered), else the line of the row that was counted.
 * @internal
 */
export interface IdLedger {
  once(id: string, line: number, offset: number): number;
  /**
   * `once` for an id given as the UTF-8 bytes `b[s, e)` of its cell (no quotes, no doubled
   * quote), with `id()` for its text (the reader's: decoded, NFC): a ledger may hash an ASCII id
   * from its bytes and decode it only to compare.
   */
  onceBytes?(b: Uint8Array, s: number, e: number, id: () => string, line: number, offset: number): number;
}

/** The plain ledger: a Map of the id texts (memory grows with the ids; the Node file reader uses a compact one). @internal */
export function mapLedger(): IdLedger {
  const seen = new Map<string, number>();
  return {
    once(id, line) {
      const first = seen.get(id);
      if (first !== undefined) return first;
      seen.set(id, line);
      return -1;
    },
  };
}

/**
 * The rejection of a row whose dossier id was already counted (issue #22: a duplicate is counted
 * once; the first good row wins). @internal
 */
export function duplicateReason(id: string, firstLine: number, mapping?: ColumnMapping): string {
  const column = typeof mapping?.id === 'string' ? mapping.id.normalize('NFC') : 'id';
  return `${column !== 'id' ? `id (column ${show(column)})` : 'id'}: duplicate dossier id ${show(id)}: already counted from line ${firstLine}, which wins; this row is not counted`;
}

/**
 * Bytes of a CSV file in, rows into the accumulator. Feed it a buffer holding the next bytes; it
 * takes every complete row and returns where the first incomplete one starts (keep those bytes
 * for the next call). @internal
 */
export class CsvScanner {
  /** The line number the next row starts on. */
  line: number;
  header: CsvHeader | null;
  /** The line the header row starts on (when this scanner read it). */
  headerLine = 1;
  /** Data rows read (good or bad). */
  rows = 0;
  /** Rows read and accepted that are outside the period (not counted). */
  outside = 0;
  /** Set when a `headerOnly` scanner has read the header: feed it no more. */
  done = false;
  readonly acc: Accumulator;
  private readonly sep: number;
  private readonly delimiter: string;
  private readonly mapping: ColumnMapping;
  private readonly read: ValueOptions;
  /** Every row goes to the general reader (end event columns, a date format). */
  private general = false;
  private readonly onReject: (line: number, reason: string) => void;
  private readonly headerOnly: boolean;
  private readonly maxCell: number;
  /** After a quoted cell too long with no line break in the bytes read: skip to the next line break, then read on at `skipLine`. */
  private skipping = false;
  private skipLine = 0;
  private atFileStart: boolean;
  /** Cell byte ranges of the current row. */
  fs = new Int32Array(64);
  fe = new Int32Array(64);
  buf: Uint8Array = new Uint8Array(0);
  // column of each field, -1 when unmapped
  cId = -1;
  cProc = -1;
  cField = -1;
  cAgency = -1;
  private cols: Int32Array = new Int32Array(0);
  /** 1 for the columns whose every byte the fast check matches; `widths`: their width when last scanned (-1: scan). */
  private guessable: Uint8Array = new Uint8Array(0);
  private widths: Int32Array = new Int32Array(0);
  private speculate = false;
  private checked: Int32Array = new Int32Array(0);
  private readonly interners = [new Interner(), new Interner(), new Interner()];
  /** Date texts by key, for years 1900-2155 (others are built each time). */
  private readonly dates: (string | undefined)[] = new Array<string | undefined>(256 * 512).fill(undefined);
  private readonly rec: FastRecord;
  /** Dossier ids counted so far, with their lines (when deduplicating). */
  private readonly seen: IdLedger | null;
  /** The byte offset in the file of `feed`'s buffer start (set by the caller before each feed; for the ledger). */
  base = 0;
  private readonly clean: (b: Uint8Array, s: number, e: number) => boolean;

  constructor(o: CsvScanOptions) {
    const delimiter = o.delimiter ?? ',';
    if (!isByteDelimiter(delimiter)) throw new Error(`the byte CSV reader needs a one-character ASCII delimiter, got ${show(delimiter)}`);
    this.acc = o.acc;
    this.delimiter = delimiter;
    this.sep = delimiter.charCodeAt(0);
    this.mapping = o.mapping ?? {};
    this.read = o.read ?? {};
    this.onReject = o.onReject;
    this.headerOnly = o.headerOnly === true;
    this.maxCell = checkMaxCellBytes(o.maxCellBytes);
    this.line = o.line ?? 1;
    this.header = null;
    this.atFileStart = o.header === undefined;
    this.rec = new FastRecord(this);
    this.seen = o.ledger ?? (o.dedupe === true ? mapLedger() : null);
    this.clean = o.cleanUtf8 ?? isCleanUtf8;
    if (o.header) this.setHeader(o.header);
  }

  private setHeader(h: CsvHeader): void {
    this.header = h;
    const col = (f: RecordField) => h.at.get(f) ?? -1;
    this.cId = col('id');
    this.cProc = col('procedureCode');
    this.cField = col('field');
    this.cAgency = col('agency');
    this.cols = Int32Array.from(FIELDS, col);
    this.guessable = new Uint8Array(h.width);
    for (const i of this.cols) if (i >= 0) this.guessable[i] = 1;
    this.widths = new Int32Array(h.width).fill(-1);
    // the fast checks accept no delimiter byte in these cells (a '-' or a letter would be one)
    this.general = h.general === true;
    this.speculate = !this.general && (this.sep === 44 || this.sep === 59 || this.sep === 9 || this.sep === 124);
    this.checked = Int32Array.from(new Set([this.cId, this.cProc, this.cField, this.cAgency].filter((i) => i >= 0)));
  }

  private readonly idText = (): string => this.rec.id;

  /** {@link once} for the row the fast path read (its id cell's bytes in `b`). */
  private onceFast(b: Uint8Array, line: number, at: number): boolean {
    const led = this.seen!;
    if (led.onceBytes === undefined) return this.once(this.rec.id, line, at);
    const first = led.onceBytes(b, this.fs[this.cId]!, this.fe[this.cId]!, this.idText, line, this.base + at);
    if (first < 0) return true;
    this.onReject(line, duplicateReason(this.rec.id, first, this.mapping));
    return false;
  }

  /** True the first time an id is seen; otherwise the row is rejected as a duplicate. */
  private once(id: string, line: number, at: number): boolean {
    const first = this.seen!.once(id, line, this.base + at);
    if (first < 0) return true;
    this.onReject(line, duplicateReason(id, first, this.mapping));
    return false;
  }

  /** The text of cell `i` of the current row (interned for the grouping columns). */
  cell(i: number, interner: number): string {
    if (i < 0) return '';
    const s = this.fs[i]!;
    const e = this.fe[i]!;
    return interner < 0 ? nfc(utf8.decode(this.buf.subarray(s, e))) : this.interners[interner]!.get(this.buf, s, e);
  }

  private dateText(key: number, b: Uint8Array, s: number): string {
    const k = key - 1900 * 512;
    let t = k >= 0 && k < 256 * 512 ? this.dates[k] : undefined;
    if (t === undefined) {
      t = String.fromCharCode(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, 45, b[s + 5]!, b[s + 6]!, 45, b[s + 8]!, b[s + 9]!);
      if (k >= 0 && k < 256 * 512) this.dates[k] = t;
    }
    return t;
  }

  /**
   * Take the complete rows of `b[0, n)`; `final` when `n` is the end of the input. Rows starting
   * at or after `stopAt` are left alone. Returns the start of the first row not taken.
   */
  feed(b: Uint8Array, n: number, final: boolean, stopAt = Infinity): number {
    this.buf = b;
    let p = 0;
    if (this.atFileStart) {
      if (n < 3 && !final) return 0;
      if (n >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) p = 3;
      this.atFileStart = false;
    }
    // Bytes [p, cleanEnd) are valid UTF-8 without U+FFFD, checked at once up to the last line
    // feed (a character may be cut at n); other rows are checked one by one (#14).
    const checkEnd = final ? n : n > 0 ? b.lastIndexOf(10, n - 1) + 1 : 0;
    const cleanEnd = checkEnd > p && this.clean(b, p, checkEnd) ? checkEnd : p;
    const sep = this.sep;
    const hi = sep > 13 ? sep : 13;
    // A LF just past the data (when the buffer has room) ends every unquoted scan.
    const sentinel = b.length > n;
    if (sentinel) b[n] = 10;
    let fs = this.fs;
    let fe = this.fe;
    let widths = this.widths;
    let guessable = this.guessable;
    rows: while (p < n && p < stopAt) {
      if (this.skipping) {
        // the rest of the line where a quoted cell too long opened
        while (p < n && b[p] !== 10 && b[p] !== 13) p++;
        if (p >= n) return n;
        if (b[p] === 13) {
          if (p + 1 < n) p += b[p + 1] === 10 ? 2 : 1;
          else if (final) p++;
          else return p;
        } else p++;
        this.skipping = false;
        this.line = this.skipLine;
        continue rows;
      }
      const rowStart = p;
      // Cell widths of the last row read fast, for the cells whose every byte the fast check
      // matches (dates, flags, codes): a guess is taken when a stop byte follows it, and a row
      // is read again without guesses unless the fast check accepts it.
      let spec = this.header !== null && this.speculate ? this.widths : null;
      retry: for (;;) {
        p = rowStart;
        let nf = 0;
        let complex = false;
        let unclosed = false;
        let inner = 0; // line ends inside quoted cells
        let tooLong = -1; // a quoted cell over maxCellBytes: where its reading stopped
        let rowEnd: number;
        let ended = false; // by a line end (not the end of the input)
        for (;;) {
          if (nf === fs.length) {
            fs = new Int32Array(nf * 2);
            fs.set(this.fs);
            this.fs = fs;
            fe = new Int32Array(nf * 2);
            fe.set(this.fe);
            this.fe = fe;
          }
          if (p < n && b[p] === 34) {
            let q = p + 1;
            fs[nf] = q;
            const max = q + this.maxCell;
            const innerAtQuote = inner;
            for (;;) {
              while (q < n) {
                const c = b[q]!;
                if (c === 34) break;
                if (c === 10) inner++;
                else if (c === 13) {
                  if (q + 1 < n) {
                    if (b[q + 1] !== 10) inner++;
                  } else if (final) inner++;
                  else if (q > max) break;
                  else {
                    if (spec !== null) {
                      spec = null;
                      continue retry;
                    }
                    return rowStart;
                  }
                }
                q++;
              }
              // the cell so far (its raw bytes) is over the maximum: a stray quote, most often
              if (q > max) {
                tooLong = q;
                break;
              }
              if (q >= n) {
                if (!final) {
                  if (spec !== null) {
                    spec = null;
                    continue retry;
                  }
                  return rowStart;
                }
                unclosed = true;
                break;
              }
              if (q + 1 >= n && !final) {
                if (spec !== null) {
                  spec = null;
                  continue retry;
                }
                return rowStart;
              }
              if (q + 1 < n && b[q + 1] === 34) {
                complex = true;
                q += 2;
                continue;
              }
              break;
            }
            if (tooLong >= 0) {
              if (spec !== null) {
                // a guess may have cut the row wrongly: read it again, cell by cell
                spec = null;
                continue retry;
              }
              if (this.header === null) throw new MotcuaError('INVALID_INPUT', { vi: `dòng ${this.line}: ${viReason(cellTooLongReason(this.maxCell))}`, en: `line ${this.line}: ${cellTooLongReason(this.maxCell)}` }, this.line, 'header');
              // reject the row; read on just after the first line break after the quote
              const quoteLine = this.line + innerAtQuote;
              this.rows++;
              this.onReject(this.line, cellTooLongReason(this.maxCell));
              let k = fs[nf]!;
              while (k < tooLong && b[k] !== 10 && b[k] !== 13) k++;
              this.skipLine = quoteLine + 1;
              this.skipping = true;
              p = k < tooLong ? k : tooLong;
              continue rows;
            }
            if (unclosed) {
              p = n;
              rowEnd = n;
              break;
            }
            fe[nf] = q;
            p = q + 1;
            if (p < n) {
              let c = b[p]!;
              if (c !== sep && c !== 10 && c !== 13) {
                complex = true;
                while (p < n && (c = b[p]!) !== sep && c !== 10 && c !== 13) p++;
              }
            }
          } else {
            fs[nf] = p;
            let c = 0;
            let w = -1;
            if (spec !== null && nf < spec.length && (w = spec[nf]!) >= 0 && p + w < n && ((c = b[p + w]!) === sep || c === 10 || c === 13)) p += w;
            else {
              if (sentinel) {
                // b[n] is a LF: no bounds check; most bytes are above every stop byte
                while ((c = b[p]!) > hi || (c !== sep && c !== 10 && c !== 13)) p++;
              } else while (p < n && (c = b[p]!) !== sep && c !== 10 && c !== 13) p++;
              // the next guess for this cell (a guess is only ever checked, so any row may set it)
              if (nf < guessable.length && guessable[nf] === 1) widths[nf] = p - fs[nf]!;
            }
            fe[nf] = p;
          }
          nf++;
          if (p >= n) {
            if (!final) {
              if (spec !== null) {
                spec = null;
                continue retry;
              }
              return rowStart;
            }
            rowEnd = n;
            break;
          }
          const c = b[p]!;
          if (c === sep) {
            p++;
            continue;
          }
          rowEnd = p;
          if (c === 10) p++;
          else if (p + 1 < n) p += b[p + 1] === 10 ? 2 : 1;
          else if (final) p++;
          else {
            if (spec !== null) {
              spec = null;
              continue retry;
            }
            return rowStart;
          }
          ended = true;
          break;
        }
        const line = this.line;
        this.line += inner + (ended ? 1 : 0);
        if (this.header === null) {
          this.headerLine = line;
          this.setHeader(readHeader(this.slowRow(b, rowStart, rowEnd, line), this.mapping, this.read));
          widths = this.widths;
          guessable = this.guessable;
          if (this.headerOnly) {
            this.done = true;
            return p;
          }
          continue rows;
        }
        if (!complex && !unclosed && !this.general && nf === this.header.width && (rowEnd <= cleanEnd || this.clean(b, rowStart, rowEnd)) && this.fast(b)) {
          this.rows++;
          if ((this.seen === null || this.onceFast(b, line, rowStart)) && !addRecord(this.acc, this.rec as unknown as DossierRecord)) this.outside++;
          continue rows;
        }
        if (spec !== null) {
          // a guess may have cut the row wrongly: read it again, cell by cell
          this.line = line;
          spec = null;
          continue retry;
        }
        this.rows++;
        const r = readRow(this.slowRow(b, rowStart, rowEnd, line), this.header);
        if (!r.ok) this.onReject(r.line, r.reason);
        else if ((this.seen === null || this.once(r.record.id, r.line, rowStart)) && !addRecord(this.acc, r.record)) this.outside++;
        continue rows;
      }
    }
    return p;
  }

  /** The row as the general parser reads it. */
  private slowRow(b: Uint8Array, s: number, e: number, line: number): CsvRow {
    if (s === e) return { line, cells: [''] };
    const parser = createCsvParser(this.delimiter, false, this.maxCell);
    const rows = [...parser.push(utf8.decode(b.subarray(s, e))), ...parser.end()];
    if (rows.length !== 1) throw new Error(`internal: CSV row at line ${line} read as ${rows.length} rows`);
    const r = rows[0]!;
    return r.unclosedQuote ? { line, cells: r.cells, unclosedQuote: true } : { line, cells: r.cells };
  }

  /** Check and convert the current row into the reused record; false when the general reader must decide. */
  private fast(b: Uint8Array): boolean {
    const fs = this.fs;
    const fe = this.fe;
    const checked = this.checked;
    for (let k = 0; k < checked.length; k++) {
      const i = checked[k]!;
      const s = fs[i]!;
      const e = fe[i]!;
      if (e > s) {
        const c0 = b[s]!;
        const c1 = b[e - 1]!;
        if (c0 === 32 || c0 === 9 || c1 === 32 || c1 === 9) return false;
      }
    }
    const cols = this.cols;
    const r = this.rec;
    let i: number, s: number, e: number;
    // channel
    i = cols[F_CHANNEL]!;
    if (i < 0) return false;
    s = fs[i]!;
    e = fe[i]!;
    if (e - s === 1) {
      const c = b[s]! - 49;
      if (c < 0 || c > 2) return false;
      r.channel = CHANNEL_NAMES[c]!;
    } else if (sameCi(b, s, e, CHANNEL_BYTES[1]!)) r.channel = 'online';
    else if (sameCi(b, s, e, CHANNEL_BYTES[0]!)) r.channel = 'direct';
    else if (sameCi(b, s, e, CHANNEL_BYTES[2]!)) r.channel = 'postal';
    else return false;
    // level
    i = cols[F_LEVEL]!;
    if (i < 0) return false;
    s = fs[i]!;
    e = fe[i]!;
    // ministry, province, district, commune: told apart by length and first byte, then compared
    const lk = e - s === 7 ? (b[s] === 99 ? 3 : -1) : e - s === 8 ? (b[s] === 109 ? 0 : b[s] === 112 ? 1 : b[s] === 100 ? 2 : -1) : -1;
    if (lk < 0 || !same(b, s, e, LEVEL_BYTES[lk]!)) return false;
    r.level = LEVEL_NAMES[lk]!;
    // finishedAs
    i = cols[F_FINISHED_AS]!;
    let end: EndKind | null = null;
    if (i >= 0 && fe[i]! > fs[i]!) {
      s = fs[i]!;
      e = fe[i]!;
      // resolved, refused, stopped, withdrawn
      const ek = e - s === 8 ? 0 : e - s === 9 ? 3 : e - s === 7 ? (b[s] === 114 ? 1 : b[s] === 115 ? 2 : -1) : -1;
      if (ek < 0 || !same(b, s, e, END_BYTES[ek]!)) return false;
      end = END_NAMES[ek]!;
    }
    r.finishedAs = end;
    // id, procedure code: not empty
    if (this.cId < 0 || fe[this.cId]! === fs[this.cId]!) return false;
    if (this.cProc < 0 || fe[this.cProc]! === fs[this.cProc]!) return false;
    // dates
    i = cols[F_RECEIVED]!;
    if (i < 0) return false;
    const received = dateKey(b, fs[i]!, fe[i]!);
    if (received < 0) return false;
    r.receivedOn = this.dateText(received, b, fs[i]!);
    i = cols[F_DUE]!;
    if (i < 0) return false;
    const due = dateKey(b, fs[i]!, fe[i]!);
    if (due < 0 || due < received) return false;
    r.dueOn = this.dateText(due, b, fs[i]!);
    i = cols[F_FINISHED]!;
    const finished = i < 0 ? -1 : dateKey(b, fs[i]!, fe[i]!);
    if (finished === -2 || (finished === -1) !== (end === null) || (finished >= 0 && finished < received)) return false;
    r.finishedOn = finished < 0 ? null : this.dateText(finished, b, fs[i]!);
    i = cols[F_ORIGINAL_DUE]!;
    const originalDue = i < 0 ? -1 : dateKey(b, fs[i]!, fe[i]!);
    if (originalDue === -2) return false;
    r.originalDueOn = originalDue < 0 ? null : this.dateText(originalDue, b, fs[i]!);
    i = cols[F_RETURNED]!;
    const returned = i < 0 ? -1 : dateKey(b, fs[i]!, fe[i]!);
    if (returned === -2 || (returned >= 0 && returned < (finished >= 0 ? finished : received))) return false;
    r.returnedOn = returned < 0 ? null : this.dateText(returned, b, fs[i]!);
    // counts
    i = cols[F_SUPPLEMENTS]!;
    const supplements = i < 0 ? 0 : whole(b, fs[i]!, fe[i]!);
    if (supplements < 0) return false;
    r.supplements = supplements;
    i = cols[F_EXTENSIONS]!;
    const extensions = i < 0 ? 0 : whole(b, fs[i]!, fe[i]!);
    if (extensions < 0) return false;
    r.extensions = extensions;
    // yes/no flags
    let v: number;
    i = cols[F_DIGITISED]!;
    if ((v = i < 0 ? -1 : yesNo(b, fs[i]!, fe[i]!)) === -2) return false;
    r.digitised = v === 1;
    i = cols[F_ERESULT]!;
    if ((v = i < 0 ? -1 : yesNo(b, fs[i]!, fe[i]!)) === -2) return false;
    r.eResult = v === 1;
    i = cols[F_PAPER]!;
    if ((v = i < 0 ? -1 : yesNo(b, fs[i]!, fe[i]!)) === -2) return false;
    r.paperResultRequired = v === -1 ? null : v === 1;
    i = cols[F_FEE]!;
    if ((v = i < 0 ? -1 : yesNo(b, fs[i]!, fe[i]!)) === -2) return false;
    r.feeDue = v === 1;
    i = cols[F_PAID]!;
    if ((v = i < 0 ? -1 : yesNo(b, fs[i]!, fe[i]!)) === -2) return false;
    r.paidOnline = v === 1;
    i = cols[F_SYNCED]!;
    if ((v = i < 0 ? -1 : yesNo(b, fs[i]!, fe[i]!)) === -2) return false;
    r.synced = v === 1;
    i = cols[F_COMPLAINT]!;
    if ((v = i < 0 ? -1 : yesNo(b, fs[i]!, fe[i]!)) === -2) return false;
    r.complaint = v === 1;
    i = cols[F_REUSED]!;
    if ((v = i < 0 ? -1 : yesNo(b, fs[i]!, fe[i]!)) === -2) return false;
    r.reusedData = v === 1;
    i = cols[F_STORED]!;
    if ((v = i < 0 ? -1 : yesNo(b, fs[i]!, fe[i]!)) === -2) return false;
    r.dataStored = v === 1;
    i = cols[F_FROM_STORE]!;
    if ((v = i < 0 ? -1 : yesNo(b, fs[i]!, fe[i]!)) === -2) return false;
    r.componentsFromStore = v === 1;
    // a paused dossier (rare) is read by the general reader, which checks the pause's dates and reason
    i = cols[F_PAUSED]!;
    if (i >= 0 && fe[i]! > fs[i]!) return false;
    i = cols[F_PAUSED_FOR]!;
    if (i >= 0 && fe[i]! > fs[i]!) return false;
    return true;
  }
}

// The fields the fast path reads, by position in FIELDS.
const FIELDS: readonly RecordField[] = [
  'channel',
  'level',
  'finishedAs',
  'receivedOn',
  'dueOn',
  'finishedOn',
  'originalDueOn',
  'returnedOn',
  'supplements',
  'extensions',
  'digitised',
  'eResult',
  'paperResultRequired',
  'feeDue',
  'paidOnline',
  'synced',
  'complaint',
  'reusedData',
  'dataStored',
  'componentsFromStore',
  'pausedSince',
  'pausedFor',
];
const [
  F_CHANNEL,
  F_LEVEL,
  F_FINISHED_AS,
  F_RECEIVED,
  F_DUE,
  F_FINISHED,
  F_ORIGINAL_DUE,
  F_RETURNED,
  F_SUPPLEMENTS,
  F_EXTENSIONS,
  F_DIGITISED,
  F_ERESULT,
  F_PAPER,
  F_FEE,
  F_PAID,
  F_SYNCED,
  F_COMPLAINT,
  F_REUSED,
  F_STORED,
  F_FROM_STORE,
  F_PAUSED,
  F_PAUSED_FOR,
] = FIELDS.map((_, k) => k) as number[] as [number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number];

/** The record `add` sees on the fast path: reused row after row; its text fields are read from the row only when asked for. */
class FastRecord {
  level: RecordLevel = 'commune';
  channel: RecordChannel = 'direct';
  receivedOn = '';
  dueOn = '';
  originalDueOn: string | null = null;
  finishedOn: string | null = null;
  finishedAs: EndKind | null = null;
  returnedOn: string | null = null;
  supplements = 0;
  extensions = 0;
  digitised = false;
  eResult = false;
  paperResultRequired: boolean | null = null;
  feeDue = false;
  paidOnline = false;
  synced = false;
  complaint = false;
  reusedData = false;
  dataStored = false;
  componentsFromStore = false;
  readonly pausedSince: string | null = null;
  readonly pausedFor: PauseReason | null = null;
  constructor(private readonly scanner: CsvScanner) {}
  get id(): string {
    return this.scanner.cell(this.scanner.cId, -1);
  }
  get procedureCode(): string {
    return this.scanner.cell(this.scanner.cProc, 0);
  }
  get field(): string {
    return this.scanner.cell(this.scanner.cField, 1);
  }
  get agency(): string {
    return this.scanner.cell(this.scanner.cAgency, 2);
  }
}

/**
 * A rejection read with lines counted from a range's first row (line 1), moved to the file's
 * line numbers: the line, and the last line of an unclosed quoted cell named in its reason.
 * @internal
 */
export function rebaseRejection(line: number, reason: string, firstLine: number): { line: number; reason: string } {
  const delta = firstLine - 1;
  if (delta === 0) return { line, reason };
  const m = /^(a quoted cell opened on this row is never closed: the rest of the file \(to line )(\d+)(\).*)$/s.exec(reason);
  return { line: line + delta, reason: m ? `${m[1]}${Number(m[2]) + delta}${m[3]}` : reason };
}
