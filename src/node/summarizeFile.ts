/**
 * `summarizeCsvFile`: Biểu II.06a from a large CSV export on disk, in one pass over the bytes,
 * split over worker threads (Node only: `motcua/node`).
 * @module
 */
import { stat } from 'node:fs/promises';
import { MotcuaError, show } from '../errors';
import { type Accumulator, addRecord, createAccumulator, type GroupKey, merge, type SummaryPolicy } from '../kpi/accumulator';
import type { Counts } from '../kpi/types';
import { CompactLedger, mergeLedgers } from './_ledger';
import { CsvScanner, duplicateReason, isByteDelimiter, rebaseRejection } from '../kpi/_lib/fastCsv';
import { checkDelimiter, checkMaxCellBytes } from '../kpi/csv';
import type { Period } from '../kpi/period';
import { type ColumnMapping, type CsvHeader, emptyInputError, noDataRowsError, readRecordBatches, type ValueOptions } from '../kpi/readRecords';
import { result, type Summary } from '../kpi/result';
import { encodingOf, firstLine, sniffDelimiter, textChunks, textSource, type TextSource } from './text';
import { feedFile, nodeCleanUtf8, type RangeResult, type RangeTask, type RawRejection, type RejectedRow, RowProbe, withTexts } from './_scan';
import { checkThreads, defaultThreads, MAX_THREADS, runRanges, splitAtLineEnds, workerFile } from './_workers';

export { checkThreads, defaultThreads, MAX_THREADS } from './_workers';

export type { RejectedRow } from './_scan';

/** How to read the file: the column mapping, the delimiter, threads, progress. */
export interface CsvFileOptions {
  /** Record field → CSV header, as for `readRecords`. */
  readonly mapping?: ColumnMapping;
  /**
   * Default `,`; `'auto'`: the one of `,` `;` and tab the header line holds most often. One
   * character other than a quote, CR or LF (a longer one is refused, `INVALID_OPTION`). A
   * one-character ASCII delimiter takes the fast byte reader; any other, the general one on one thread.
   */
  readonly delimiter?: string;
  /**
   * The text encoding when the file has no byte order mark: `utf-8` (default), `utf-16le`,
   * `utf-16be` or `windows-1258`. A BOM (UTF-8, UTF-16 LE/BE) is always detected. Files other
   * than UTF-8 are read by the general reader on one thread.
   */
  readonly encoding?: string;
  /** Value maps for your system's words and a date pattern, as for `readRecords`. */
  readonly values?: ValueOptions['values'];
  readonly dateFormat?: string;
  /** Columns that must be present, and columns declared absent, as for `readRecords` (`require`, `assume`). */
  readonly require?: ValueOptions['require'];
  readonly assume?: ValueOptions['assume'];
  /**
   * Count a dossier id once: the first good row in file order with an id is counted, and each
   * later row with the same id is rejected, naming the line that was counted (the same on any
   * number of threads). A file on disk keeps about 30 bytes per id (a hash, the line, the row's
   * offset; equal hashes are compared exactly by reading the rows again); the general reader (a
   * pipe, a file not in UTF-8, a multi-byte delimiter) keeps the id texts.
   */
  readonly dedupe?: boolean;
  /**
   * Worker threads (default `os.availableParallelism()`). The file is split into that many byte
   * ranges at line ends; each worker sums its range and the partial accumulators are merged. `1`
   * reads in this thread. Small files use fewer threads (at least 1 MiB each). A whole number
   * from 1 to {@link MAX_THREADS} (256); anything else is refused (`INVALID_OPTION`).
   */
  readonly threads?: number;
  /** How many rejected rows to keep with their reasons (default 10,000); all are counted. */
  readonly keepRejected?: number;
  /**
   * The largest quoted cell in UTF-8 bytes (default 1 MiB): a longer one is taken as a stray
   * quote, its row rejected, and reading resumes on the line after the quote (as for `readRecords`).
   */
  readonly maxCellBytes?: number;
  /** Called now and then with the bytes read so far and the file size. */
  readonly onProgress?: (bytes: number, total: number) => void;
  /** The smallest range a worker is given (default 1 MiB); for tests of the cuts on small files. @internal */
  readonly minRangeBytes?: number;
}

/** What reading a file gives besides the counts: every rejected row counted, the first ones kept in file order. */
export interface CsvFileReport {
  /** Rejected rows, all of them. */
  readonly rejectedCount: number;
  /** The first `keepRejected` rejected rows, in file order, with their line numbers in the file. */
  readonly rejected: readonly RejectedRow[];
  /** Threads used (1 when the file is small, the delimiter is not a single ASCII character, or a quoted newline straddled a split). */
  readonly threads: number;
  /** Data rows read (the header not included; an empty line is a row, rejected): rowsRead = counted (column (3)) + rejectedCount + outsidePeriod. */
  readonly rowsRead: number;
  /** Rows accepted but outside the period (received after it, or finished before it): not counted. */
  readonly outsidePeriod: number;
  /** Set when the file was read on one thread because worker threads could not start (why, in English). */
  readonly notice?: string;
}

/** The summary of a CSV file, with its rejected rows. */
export type CsvFileSummary = Summary & CsvFileReport;

const MIN_RANGE = 1 << 20;

/** Read the header row: the column of each field and where the data starts. */
async function readHeaderOf(path: string, acc: Accumulator, mapping: ColumnMapping, delimiter: string, read: ValueOptions, maxCellBytes: number): Promise<{ header: CsvHeader | null; dataStart: number; line: number }> {
  const scanner = new CsvScanner({ acc, mapping, delimiter, read, maxCellBytes, headerOnly: true, onReject: () => {}, cleanUtf8: nodeCleanUtf8 });
  const dataStart = await feedFile(path, 0, Infinity, scanner);
  return { header: scanner.header, dataStart, line: scanner.line };
}

/**
 * Add the rows of a CSV file on disk into an accumulator (returned: a new one when workers were
 * used, merged from their partials), with every rejected row counted and the first ones kept
 * with their true line numbers. The results are those of `readRecords` + `add`, whatever the
 * number of threads.
 *
 * @throws {MotcuaError} `INVALID_INPUT` when the header lacks a required column; whatever `add` throws.
 *
 * @example
 * ```ts
 * import { accumulateCsvFile } from 'motcua/node';
 * import { createAccumulator, period, result } from 'motcua/kpi';
 * const { acc, rejectedCount } = await accumulateCsvFile('export.csv', createAccumulator({ period: period('2024-Q1') }), { threads: 4 });
 * result(acc).total.counts.received;
 * ```
 */
export async function accumulateCsvFile(path: string, acc: Accumulator, options: CsvFileOptions = {}): Promise<CsvFileReport & { readonly acc: Accumulator }> {
  const mapping = options.mapping ?? {};
  const read: ValueOptions = {
    ...(options.values !== undefined ? { values: options.values } : {}),
    ...(options.dateFormat !== undefined ? { dateFormat: options.dateFormat } : {}),
    ...(options.require !== undefined ? { require: options.require } : {}),
    ...(options.assume !== undefined ? { assume: options.assume } : {}),
  };
  const keep = options.keepRejected ?? 10_000;
  const maxCellBytes = checkMaxCellBytes(options.maxCellBytes);
  const threads = checkThreads(options.threads);
  if (options.delimiter !== undefined && options.delimiter !== 'auto') checkDelimiter(options.delimiter);
  let rowsRead = 0;
  let outsidePeriod = 0;
  const rejected: RawRejection[] = [];
  let rejectedCount = 0;
  const reject = (line: number, reason: string) => {
    if (++rejectedCount <= keep) rejected.push({ line, reason });
  };
  const st = await stat(path);
  const source: TextSource = st.isFile() ? await textSource(path, options.encoding) : { encoding: options.encoding === undefined ? 'utf-8' : encodingOf(options.encoding), detected: false, bom: 0 };
  const delimiter = options.delimiter === 'auto' ? (st.isFile() ? sniffDelimiter(await firstLine(path, source)) : ',') : options.delimiter ?? ',';
  const size = st.size;
  const total = size;
  let done = 0;
  const progress = (n: number) => {
    done += n;
    options.onProgress?.(Math.min(done, total), total);
  };

  if (!isByteDelimiter(delimiter) || !st.isFile() || source.encoding !== 'utf-8') {
    // The general reader, streaming on one thread: a multi-character or non-ASCII delimiter, a
    // file not in UTF-8, or not a regular file (a pipe such as /dev/stdin cannot be read by position).
    const seen = options.dedupe === true ? new Map<string, number>() : null;
    for await (const batch of readRecordBatches(textChunks(path, source, progress), { mapping, delimiter, maxCellBytes, ...read })) {
      for (const r of batch) {
        rowsRead++;
        if (!r.ok) reject(r.line, r.reason);
        else {
          if (seen !== null) {
            const first = seen.get(r.record.id);
            if (first !== undefined) {
              reject(r.line, duplicateReason(r.record.id, first, mapping));
              continue;
            }
            seen.set(r.record.id, r.line);
          }
          if (!addRecord(acc, r.record)) outsidePeriod++;
        }
      }
    }
    if (rowsRead === 0) throw noDataRowsError(1);
    return { acc, rejectedCount, rejected: rejected.map(withTexts), threads: 1, rowsRead, outsidePeriod };
  }

  const single = async () => {
    let probe: RowProbe | null = null;
    const settings = { mapping, delimiter, read, maxCellBytes, acc };
    const ledger = options.dedupe === true ? new CompactLedger((offset) => (probe ??= new RowProbe(path, scanner.header!, settings)).idAt(offset)) : null;
    const scanner: CsvScanner = new CsvScanner({ acc, mapping, delimiter, read, maxCellBytes, onReject: reject, ...(ledger !== null ? { ledger } : {}), cleanUtf8: nodeCleanUtf8 });
    try {
      await feedFile(path, 0, Infinity, scanner, progress);
    } finally {
      (probe as RowProbe | null)?.close();
    }
    // an empty file, a byte order mark alone or a header alone is an error, never an empty report (#14)
    if (scanner.header === null) throw emptyInputError();
    if (scanner.rows === 0) throw noDataRowsError(scanner.headerLine);
    return { acc, rejectedCount, rejected: rejected.map(withTexts), threads: 1, rowsRead: scanner.rows, outsidePeriod: scanner.outside };
  };

  const wanted = threads ?? Math.min(MAX_THREADS, defaultThreads());
  const file = wanted > 1 ? workerFile() : null;
  const minRange = Math.max(1, options.minRangeBytes ?? MIN_RANGE);
  if (wanted === 1 || file === null || size < 2 * minRange) return single();

  const head = await readHeaderOf(path, createAccumulator({ period: acc.period, asOf: acc.asOf, groupBy: acc.groupBy, policy: acc.policy }), mapping, delimiter, read, maxCellBytes);
  if (head.header === null || head.dataStart >= size) return single();
  const n = Math.min(wanted, Math.max(1, Math.floor((size - head.dataStart) / minRange)));
  if (n === 1) return single();
  const cuts = await splitAtLineEnds(path, head.dataStart, size, n);
  const header = { at: [...head.header.at], width: head.header.width, columns: [...(head.header.rules?.columns ?? [])], general: head.header.general === true };
  const settings = { period: acc.period, asOf: acc.asOf, groupBy: acc.groupBy, policy: acc.policy };
  progress(head.dataStart);
  const outcome = await runRanges<RangeTask, RangeResult>(file, cuts.slice(0, -1).map((start, k) => ({ path, start, end: cuts[k + 1]!, acc: settings, mapping, delimiter, read, maxCellBytes, header, keep, dedupe: options.dedupe === true })), progress);
  if ('notice' in outcome) {
    // workers cannot start here: read on this thread, and say so
    done = 0;
    return { ...(await single()), notice: outcome.notice };
  }
  const parts = outcome.parts;
  // Each range was read as if it began at a row: true when the range before it ended exactly there
  // (it did not run on through a quoted newline). Otherwise read the file again on one thread.
  if (parts.some((p, k) => p.stop !== cuts[k + 1])) {
    done = 0;
    return single();
  }
  let merged = acc;
  let line = head.line;
  rowsRead = 0;
  outsidePeriod = 0;
  const lineBase: number[] = [];
  for (const p of parts) {
    lineBase.push(line);
    merged = merge(merged, p.acc);
    rowsRead += p.rows;
    outsidePeriod += p.outside;
    rejectedCount += p.rejectedCount;
    line += p.lines;
  }
  // Deduplication across ranges: an id an earlier range counted makes the later row a duplicate,
  // as on one thread. Its counts are taken back (the row is read again), and it is rejected.
  const winner = new Map<number, number>(); // file line of a row taken back → the line that wins
  const extra: RawRejection[] = [];
  if (options.dedupe === true && parts.every((p) => p.ids !== undefined)) {
    const taken = createAccumulator(settings);
    const probe = new RowProbe(path, head.header, { acc: settings, mapping, delimiter, read, maxCellBytes }, taken);
    try {
      for (const d of mergeLedgers(
        parts.map((p) => p.ids!),
        lineBase,
        (offset) => probe.idAt(offset)
      )) {
        const { id, counted } = probe.countAt(d.offset);
        if (!counted) outsidePeriod--;
        rejectedCount++;
        winner.set(d.line, d.first);
        extra.push({ line: d.line, reason: duplicateReason(id, d.first, mapping) });
      }
    } finally {
      probe.close();
    }
    merged = takeBack(merged, taken);
  }
  const all: RawRejection[] = [];
  parts.forEach((p, k) => {
    for (const r of p.rejected) {
      const first = r.first === undefined ? undefined : r.first + lineBase[k]! - 1;
      // a duplicate names the row counted, in file lines (the row that wins, when that one was taken back)
      all.push(first !== undefined && r.id !== undefined ? { line: r.line + lineBase[k]! - 1, reason: duplicateReason(r.id, winner.get(first) ?? first, mapping) } : rebaseRejection(r.line, r.reason, lineBase[k]!));
    }
  });
  all.push(...extra);
  if (extra.length > 0) all.sort((a, b) => a.line - b.line);
  for (const r of all) if (rejected.length < keep) rejected.push(r);
  return { acc: merged, rejectedCount, rejected: rejected.map(withTexts), threads: parts.length, rowsRead, outsidePeriod };
}

/** `acc` less the counts of `taken` (rows counted by a range and then found to be duplicates); a group left with no count is removed. */
function takeBack(acc: Accumulator, taken: Accumulator): Accumulator {
  const groups = acc.groups;
  for (const key of Object.keys(taken.groups)) {
    const c = groups[key]!;
    const t = taken.groups[key]!;
    let any = false;
    for (const k of Object.keys(t) as (keyof Counts)[]) {
      c[k] -= t[k];
      if (c[k] < 0) throw new Error(`motcua internal: taking back a duplicate row left ${k} < 0 in group ${JSON.stringify(key)}`);
      if (c[k] !== 0) any = true;
    }
    if (!any) delete groups[key];
  }
  return acc;
}

/**
 * Summarise a CSV export on disk (Biểu II.06a, rates, identities), reading it once, split over
 * worker threads: each worker sums a byte range (cut at line ends) into a partial accumulator,
 * and the partials are merged. The same summary, rejections and line numbers as
 * `summarize` over `readRecords`, whatever the number of threads. Node only (`motcua/node`).
 *
 * @param options - the summary options (`period`, `asOf`, `groupBy`, `policy`) and the file options
 *   (`mapping`, `delimiter`, `threads` default `os.availableParallelism()`, `keepRejected`, `onProgress`).
 * @throws {MotcuaError} `INVALID_INPUT` when the header lacks a required column, or an option is bad.
 *
 * @example
 * ```ts
 * import { summarizeCsvFile } from 'motcua/node';
 * import { period } from 'motcua/kpi';
 * const s = await summarizeCsvFile('export.csv', { period: period('2024-Q1'), groupBy: 'field' });
 * s.total.counts.received; // column (3)
 * for (const r of s.rejected) console.error(`line ${r.line}: ${r.reason}`); // s.rejectedCount in all
 * ```
 */
export async function summarizeCsvFile(
  path: string,
  options: CsvFileOptions & { period: Period; asOf?: string; groupBy?: GroupKey | readonly GroupKey[]; policy?: Partial<SummaryPolicy> }
): Promise<CsvFileSummary> {
  const r = await accumulateCsvFile(path, createAccumulator(options), options);
  return { ...result(r.acc), rejectedCount: r.rejectedCount, rejected: r.rejected, threads: r.threads, rowsRead: r.rowsRead, outsidePeriod: r.outsidePeriod, ...(r.notice !== undefined ? { notice: r.notice } : {}) };
}
