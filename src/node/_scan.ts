/**
 * Reading a byte range of a CSV file into an accumulator, in this thread: the part a worker runs.
 * @internal
 * @module
 */
import { open } from 'node:fs/promises';
import { type Accumulator, createAccumulator } from '../kpi/accumulator';
import { CsvScanner } from '../kpi/_lib/fastCsv';
import { type ColumnMapping, type CsvHeader, type EndEventField, type RecordField, readRules, type ValueOptions } from '../kpi/readRecords';

/** A rejected row: its line number in the file and why. */
export interface RejectedRow {
  readonly line: number;
  readonly reason: string;
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
  readonly rejected: RejectedRow[];
  /** Where the first row not taken starts: `end` exactly, unless a row (a quoted newline) runs across it. */
  readonly stop: number;
}

const CHUNK = 1 << 20;

/**
 * Feed the bytes of `path` from `start` into `scanner` until a row starts at or after `end` (or
 * the file ends); returns that position. The buffer grows when one row is longer than it.
 * @internal
 */
export async function feedFile(path: string, start: number, end: number, scanner: CsvScanner, onBytes?: (n: number) => void): Promise<number> {
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
  const rejected: RejectedRow[] = [];
  let rejectedCount = 0;
  const scanner = new CsvScanner({
    maxCellBytes: task.maxCellBytes,
    acc,
    mapping: task.mapping,
    read: task.read,
    delimiter: task.delimiter,
    header,
    line: 1,
    onReject: (line, reason) => {
      if (++rejectedCount <= task.keep) rejected.push({ line, reason });
    },
  });
  const stop = await feedFile(task.path, task.start, task.end, scanner, onBytes);
  return { acc, lines: scanner.line - 1, rows: scanner.rows, outside: scanner.outside, rejectedCount, rejected, stop };
}
