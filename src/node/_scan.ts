/**
 * Reading a byte range of a CSV file into an accumulator, in this thread: the part a worker runs.
 * @internal
 * @module
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';
import { type Accumulator, createAccumulator } from '../kpi/accumulator';
import { CsvScanner } from '../kpi/_lib/fastCsv';
import { CompactLedger, type IdEntries } from './_ledger';
import type { ErrorTexts } from '../errors';
import { reasonTexts } from '../kpi/reasonTexts';
import { type ColumnMapping, type CsvHeader, type EndEventField, type RecordField, readRules, type ValueOptions } from '../kpi/readRecords';

/**
 * A rejected row (dòng bị loại): its line number in the file and why. `reason` is the English
 * text, stable (logs and programs match it); `texts` holds it in each language motcua writes
 * (`texts.vi` for the officer, `texts.en` = `reason`), plain strings, so the row serialises as is.
 */
export interface RejectedRow {
  readonly line: number;
  /** Why, in English (stable). */
  readonly reason: string;
  /** Why, in Vietnamese and English (`en` = `reason`): show `texts[locale]`. */
  readonly texts: ErrorTexts;
}

/** A rejection as the readers keep it, before its texts; `vi`: its Vietnamese text when its error gave one. @internal */
export interface RawRejection {
  readonly line: number;
  readonly reason: string;
  readonly vi?: string;
}

/** A kept rejection with its texts (Vietnamese from the error that gave it, else from the reason). @internal */
export function withTexts(r: RawRejection): RejectedRow {
  return { line: r.line, reason: r.reason, texts: reasonTexts(r.reason, r.vi) };
}

/** What a worker is given: plain data (the accumulator settings, the header, the byte range). @internal */
export interface RangeTask {
  readonly path: string;
  readonly start: number;
  /** Rows starting at or after `end` belong to the next range. */
  readonly end: number;
  readonly acc: Pick<Accumulator, 'period' | 'asOf' | 'groupBy' | 'policy'>;
  readonly mapping: ColumnMapping;
  readonly delimiter: string;
  /** Value maps and a date format, as for `readRecords`. */
  readonly read: ValueOptions;
  /** Header columns as [field, index] pairs, the header width, the column names of the fields (for messages), whether every row takes the general reader. */
  readonly header: {
    readonly at: readonly (readonly [RecordField | EndEventField, number])[];
    readonly width: number;
    readonly columns: readonly (readonly [string, string])[];
    readonly general: boolean;
  };
  /** How many rejected rows to keep with their reasons (all are counted). */
  readonly keep: number;
  /** The largest quoted cell in UTF-8 bytes. */
  readonly maxCellBytes: number;
  /** Count each id once in the range, and give back the ids counted ({@link RangeResult.ids}). */
  readonly dedupe?: boolean;
}

/** A rejected row of a range; a duplicate also names its id and the line (in the range) of the row counted. @internal */
export interface RangeRejection extends RawRejection {
  readonly id?: string;
  readonly first?: number;
}

/** What a range gives back. Lines are relative: the range's first row is line 1. @internal */
export interface RangeResult {
  readonly acc: Accumulator;
  /** Line ends read (so the next range starts `lines` lines later). */
  readonly lines: number;
  readonly rows: number;
  /** Accepted rows outside the period. */
  readonly outside: number;
  readonly rejectedCount: number;
  readonly rejected: RangeRejection[];
  /** When deduplicating: the ids counted in the range (first good rows), lines relative to the range. */
  readonly ids?: IdEntries;
  /** Where the first row not taken starts: `end` exactly, unless a row (a quoted newline) runs across it. */
  readonly stop: number;
}

const CHUNK = 1 << 20;

const REPLACEMENT = Buffer.from([0xef, 0xbf, 0xbd]);

/**
 * Whether `b[s, e)` is valid UTF-8 without U+FFFD, at memory speed (`buffer.isUtf8`, native): the
 * byte reader's check of every chunk (#14). @internal
 */
export function nodeCleanUtf8(b: Uint8Array, s: number, e: number): boolean {
  const v = Buffer.from(b.buffer, b.byteOffset + s, e - s);
  return isUtf8(v) && v.indexOf(REPLACEMENT) < 0;
}

/**
 * What {@link feedFile} feeds: takes the bytes `[0, len)` of `buf`, consumes what it can (whole rows
 * or lines, none starting at or after `stopAt`), and returns how many bytes it consumed. `final`:
 * no byte follows. `done`: it wants no more. @internal
 */
export interface ByteScanner {
  feed(buf: Buffer, len: number, final: boolean, stopAt: number): number;
  readonly done: boolean;
  /** Set before each feed: the file position of `buf[0]` (the CSV scanner records row offsets). */
  base?: number;
}

/**
 * Feed the bytes of `path` from `start` into `scanner` until a row starts at or after `end` (or
 * the file ends); returns that position. The buffer grows when one row is longer than it.
 * @internal
 */
export async function feedFile(path: string, start: number, end: number, scanner: ByteScanner, onBytes?: (n: number) => void): Promise<number> {
  const fh = await open(path, 'r');
  try {
    let buf = Buffer.allocUnsafe(CHUNK);
    let len = 0;
    let pos = start;
    for (;;) {
      // one byte kept free at the end for the scanner's sentinel
      const { bytesRead } = await fh.read(buf, len, buf.length - 1 - len, pos + len);
      len += bytesRead;
      const final = bytesRead === 0;
      const stopAt = end - pos;
      scanner.base = pos;
      const used = scanner.feed(buf, len, final, stopAt);
      onBytes?.(Math.min(used, Math.max(stopAt, 0)));
      if (used >= stopAt || final || scanner.done) return pos + used;
      if (used === 0 && len === buf.length - 1) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, len);
        buf = bigger;
        continue;
      }
      buf.copy(buf, 0, used, len);
      len -= used;
      pos += used;
    }
  } finally {
    await fh.close();
  }
}

/** Read one range into a fresh accumulator (what a worker does). @internal */
export async function scanRange(task: RangeTask, onBytes?: (n: number) => void): Promise<RangeResult> {
  const acc = createAccumulator({ period: task.acc.period, asOf: task.acc.asOf, groupBy: task.acc.groupBy, policy: task.acc.policy });
  const header: CsvHeader = { at: new Map(task.header.at), width: task.header.width, rules: readRules(task.read, new Map(task.header.columns)), ...(task.header.general ? { general: true } : {}) };
  const rejected: RangeRejection[] = [];
  let rejectedCount = 0;
  // the duplicate `once` just found, for the rejection that follows it
  let dupId = '';
  let dupFirst = -1;
  let probe: RowProbe | null = null;
  const ledger = task.dedupe === true ? new CompactLedger((offset) => (probe ??= new RowProbe(task.path, header, task)).idAt(offset)) : null;
  const scanner = new CsvScanner({
    ...(ledger !== null
      ? {
          ledger: {
            once: (id: string, line: number, offset: number) => {
              const first = ledger.once(id, line, offset);
              if (first >= 0) {
                dupId = id;
                dupFirst = first;
              }
              return first;
            },
            onceBytes: (b: Uint8Array, s: number, e: number, id: () => string, line: number, offset: number) => {
              const first = ledger.onceBytes(b, s, e, id, line, offset);
              if (first >= 0) {
                dupId = id();
                dupFirst = first;
              }
              return first;
            },
          },
        }
      : {}),
    cleanUtf8: nodeCleanUtf8,
    maxCellBytes: task.maxCellBytes,
    acc,
    mapping: task.mapping,
    read: task.read,
    delimiter: task.delimiter,
    header,
    line: 1,
    onReject: (line, reason) => {
      if (++rejectedCount <= task.keep) rejected.push(dupFirst >= 0 ? { line, reason, id: dupId, first: dupFirst } : { line, reason });
      dupFirst = -1;
    },
  });
  let stop: number;
  try {
    stop = await feedFile(task.path, task.start, task.end, scanner, onBytes);
  } finally {
    (probe as RowProbe | null)?.close();
  }
  return { acc, lines: scanner.line - 1, rows: scanner.rows, outside: scanner.outside, rejectedCount, rejected, stop, ...(ledger !== null ? { ids: ledger.entries() } : {}) };
}

/**
 * Reads single good rows again at their byte offsets (synchronously): the id, or the record
 * counted into `acc`. For the ledger's exact comparisons and for taking back a cross-range
 * duplicate. @internal
 */
export class RowProbe {
  private readonly fd: number;
  private buf = Buffer.allocUnsafe(4096);
  private readonly scanner: CsvScanner;
  private id: string | null = null;
  private take = false;

  constructor(path: string, header: CsvHeader, o: { readonly mapping: ColumnMapping; readonly delimiter: string; readonly read: ValueOptions; readonly maxCellBytes: number; readonly acc: Pick<Accumulator, 'period' | 'asOf' | 'groupBy' | 'policy'> }, acc?: Accumulator) {
    this.fd = openSync(path, 'r');
    this.scanner = new CsvScanner({
      acc: acc ?? createAccumulator({ period: o.acc.period, asOf: o.acc.asOf, groupBy: o.acc.groupBy, policy: o.acc.policy }),
      mapping: o.mapping,
      read: o.read,
      delimiter: o.delimiter,
      maxCellBytes: o.maxCellBytes,
      header,
      onReject: () => {},
      ledger: {
        once: (id) => {
          this.id = id;
          return this.take ? -1 : 0;
        },
      },
    });
  }

  private at(offset: number, take: boolean): string {
    this.id = null;
    this.take = take;
    for (;;) {
      const n = readSync(this.fd, this.buf, 0, this.buf.length - 1, offset);
      const final = n < this.buf.length - 1;
      this.scanner.base = offset;
      const used = this.scanner.feed(this.buf, n, final, 1);
      if (used > 0 || final) break;
      this.buf = Buffer.allocUnsafe(this.buf.length * 2);
    }
    if (this.id === null) throw new Error(`motcua internal: no good row at byte ${offset} to read again`);
    return this.id;
  }

  /** The id of the good row at `offset`. */
  idAt(offset: number): string {
    return this.at(offset, false);
  }

  /** Add the good row at `offset` into the probe's accumulator; its id, and whether it was in the period. */
  countAt(offset: number): { id: string; counted: boolean } {
    const before = this.scanner.outside;
    const id = this.at(offset, true);
    return { id, counted: this.scanner.outside === before };
  }

  close(): void {
    closeSync(this.fd);
  }
}
