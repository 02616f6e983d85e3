/**
 * `summarizeEventsFile`: Biểu II.06a from a large NDJSON event log on disk (nhật ký sự kiện),
 * each dossier replayed through the state machine as soon as its events are read, in one pass
 * over the bytes, split over worker threads at dossier boundaries (Node only: `motcua/node`).
 * @module
 */
import { stat } from 'node:fs/promises';
import { MotcuaError, show } from '../errors';
import { type Accumulator, createAccumulator, type GroupKey, merge, type SummaryPolicy } from '../kpi/accumulator';
import type { RecordFacts } from '../kpi/fromLog';
import { type HandlingTimeState, mergeHandlingTime } from '../kpi/handlingTime766';
import type { Period } from '../kpi/period';
import type { RecordField } from '../kpi/readRecords';
import { result, type Summary } from '../kpi/result';
import type { DossierPolicy } from '../dossier/types';
import { sampleCatalog } from '../procedure/index';
import type { Catalog } from '../procedure/types';
import { alignToDossiers, type EventRangeTask, type EventScanResult, type EventSettings, eventScanner, idBefore, orderError, scanEventsRange } from './_events';
import { type RejectedRow, withTexts } from './_scan';
import { checkThreads, defaultThreads, MAX_THREADS, runRanges, splitAtLineEnds, workerFile } from './_workers';

/** How to read an event log: the catalogue and facts, the keys of a line, threads, limits. */
export interface EventsFileOptions {
  /** The procedure catalogue the `procedureCode` of the events is looked up in (default: the bundled sample). */
  readonly catalog?: Catalog;
  /**
   * What no event carries (digitised, eResult, feeDue, paidOnline, synced, complaint, …), by
   * dossier id, with `"*"` for every dossier not listed. A dossier with no facts is rejected, not
   * guessed. Given to each worker thread whole.
   */
  readonly facts?: Readonly<Record<string, RecordFacts>>;
  /** The name of the facts in messages (default `options.facts`), e.g. the file they came from. */
  readonly factsName?: string;
  /** Policy of the state machine for every replay (e.g. `{ supplement: 'decision-766' }`). */
  readonly replayPolicy?: Partial<DossierPolicy>;
  /** Key of the dossier id in each line (default `dossierId`). */
  readonly dossierKey?: string;
  /** Key of the procedure code (default `procedureCode`): the first event of a dossier giving one is used. */
  readonly procedureKey?: string;
  /** Key of the agency (default `agency`): the first event of a dossier giving one; else the procedure's agency. */
  readonly agencyKey?: string;
  /** How a closure for want of a supplement ends for the KPI (as for `recordFromLog`; default `stopped`). */
  readonly closedWithoutSupplementAs?: 'stopped' | 'refused' | 'withdrawn';
  /** Optional record fields a figure reads, with those figures: a record lacking one is rejected unless `assume` gives it. */
  readonly require?: ReadonlyMap<RecordField, readonly string[]>;
  /** Optional record fields declared absent, with the value every dossier takes, as a cell's text (`'false'`, `''`). */
  readonly assume?: Readonly<Partial<Record<RecordField, string>>>;
  /** The longest line in UTF-8 bytes (default 1 MiB): a longer line is rejected (listed with its number) without being read. */
  readonly maxLineBytes?: number;
  /**
   * Worker threads (default `os.availableParallelism()`). The file is cut into that many byte
   * ranges at dossier boundaries; each worker replays its range and the accumulators are merged.
   * `1` reads in this thread. Small files use fewer threads (at least 1 MiB each). A whole number
   * from 1 to `MAX_THREADS` (256); anything else is refused (`INVALID_OPTION`).
   */
  readonly threads?: number;
  /** How many rejections to keep with their reasons (default 10,000); all are counted. */
  readonly keepRejected?: number;
  /** Called now and then with the bytes read so far and the file size. */
  readonly onProgress?: (bytes: number, total: number) => void;
  /**
   * Index 2.2 (average handling time, #22): a running state of `createHandlingTime` (`motcua/kpi`)
   * to add every dossier counted to, each one's supplement waits subtracted (the log knows them:
   * `recordAndWaitsFromLog`). The result's `handlingTime` is a new state: this one merged with the
   * dossiers read (`mergeHandlingTime`), the same on any number of threads. Its calendar is
   * rebuilt in each worker from its options.
   */
  readonly handlingTime?: HandlingTimeState;
  /** The smallest range a worker is given (default 1 MiB); for tests of the cuts on small files. @internal */
  readonly minRangeBytes?: number;
}

/** What reading an event log gives besides the counts. */
export interface EventsFileReport {
  /** Dossiers replayed: counted (column (3)) + `dossiersRejected` + `outsidePeriod`. */
  readonly dossiers: number;
  readonly dossiersRejected: number;
  /** Dossiers replayed into valid records but outside the period (received after it, or finished before it). */
  readonly outsidePeriod: number;
  /** Non-blank lines read: the events of the dossiers replayed + `linesRejected`. */
  readonly eventsRead: number;
  /** Lines that name no dossier: over-long, not UTF-8, malformed JSON (a truncated last line), not an object, no id. */
  readonly linesRejected: number;
  /** `dossiers + linesRejected` = counted + `rejectedCount` + `outsidePeriod` (the `rowsRead` identity of the CSV reader). */
  readonly rowsRead: number;
  /** `dossiersRejected + linesRejected`. */
  readonly rejectedCount: number;
  /** The first `keepRejected` rejections in line order: a dossier at the line of its refused event (else its first line), or a bad line. */
  readonly rejected: readonly RejectedRow[];
  /** Threads used. */
  readonly threads: number;
  /** Set when the file was read on one thread because worker threads could not start (why, in English). */
  readonly notice?: string;
  /** With `options.handlingTime`: that state merged with the dossiers counted (index 2.2, supplement waits subtracted). */
  readonly handlingTime?: HandlingTimeState;
}

/** The summary of an event log, with its rejections. */
export type EventsFileSummary = Summary & EventsFileReport;

const MIN_RANGE = 1 << 20;
/**
 * The young generation of each event worker, in MB (V8's default grows it to 48 MB per thread).
 * A dossier's garbage (parsed events, the replayed dossier, its record) dies before the next
 * dossier, so a small nursery costs no CPU: on 1,000,000 generated dossiers with 2 threads, peak
 * RSS went from 252 MB to 173 MB at the same CPU time (bench/RESULTS.md, #18).
 */
const EVENT_WORKER_YOUNG_MB = 6;
const DEFAULT_MAX_LINE = 1 << 20;

function settingsOf(options: EventsFileOptions): EventSettings {
  if (typeof options !== 'object' || options === null) throw new MotcuaError('INVALID_OPTION', { vi: `cần các tùy chọn, nhận được ${show(options, 'vi')}`, en: `expected options, got ${show(options)}` }, options, 'options');
  const facts = options.facts ?? {};
  if (typeof facts !== 'object' || facts === null || Array.isArray(facts)) throw new MotcuaError('INVALID_OPTION', { vi: `cần các dữ kiện dạng đối tượng { "<dossierId>": { … }, "*": { … } }, nhận được ${show(facts, 'vi')}`, en: `expected the facts as an object { "<dossierId>": { … }, "*": { … } }, got ${show(facts)}` }, facts, 'facts');
  const max = options.maxLineBytes ?? DEFAULT_MAX_LINE;
  if (!Number.isInteger(max) || max < 16) throw new MotcuaError('INVALID_OPTION', { vi: `cần một số nguyên byte từ 16 trở lên, nhận được ${show(max, 'vi')}`, en: `expected a whole number of bytes from 16, got ${show(max)}` }, max, 'maxLineBytes');
  const keep = options.keepRejected ?? 10_000;
  if (!Number.isInteger(keep) || keep < 0) throw new MotcuaError('INVALID_OPTION', { vi: `cần một số nguyên từ 0 trở lên, nhận được ${show(keep, 'vi')}`, en: `expected a whole number from 0, got ${show(keep)}` }, keep, 'keepRejected');
  for (const k of ['dossierKey', 'procedureKey', 'agencyKey'] as const) {
    const v = options[k];
    if (v !== undefined && (typeof v !== 'string' || v === '')) throw new MotcuaError('INVALID_OPTION', { vi: `cần tên một khóa, nhận được ${show(v, 'vi')}`, en: `expected a key name, got ${show(v)}` }, v, k);
  }
  const h = options.handlingTime;
  if (h !== undefined && (typeof h !== 'object' || h === null || typeof h.from !== 'string' || typeof h.to !== 'string' || !(h.byProcedure instanceof Map))) throw new MotcuaError('INVALID_OPTION', { vi: `handlingTime: cần một trạng thái của createHandlingTime, nhận được ${show(h, 'vi')}`, en: `handlingTime: expected a state of createHandlingTime, got ${show(h)}` }, h, 'handlingTime');
  return {
    ...(h !== undefined ? { handling: { from: h.from, to: h.to, calendar: h.calendar === undefined ? null : h.calendar.options } } : {}),
    catalog: options.catalog ?? sampleCatalog,
    facts,
    factsName: options.factsName ?? 'options.facts',
    policy: options.replayPolicy ?? {},
    dossierKey: options.dossierKey ?? 'dossierId',
    procedureKey: options.procedureKey ?? 'procedureCode',
    agencyKey: options.agencyKey ?? 'agency',
    ...(options.closedWithoutSupplementAs !== undefined ? { closedWithoutSupplementAs: options.closedWithoutSupplementAs } : {}),
    ...(options.require !== undefined ? { require: options.require } : {}),
    ...(options.assume !== undefined ? { assume: options.assume } : {}),
    maxLineBytes: max,
    keep,
  };
}

function reportOf(parts: readonly EventScanResult[], keep: number, threads: number, handlingTime?: HandlingTimeState): EventsFileReport & { readonly acc: Accumulator } {
  // the first dossier out of order, in file order: inside a range, or across a cut
  let offset = 0;
  let last: string | null = null;
  let acc: Accumulator | null = null;
  let handling = handlingTime;
  const rejected: RejectedRow[] = [];
  const sum = { dossiers: 0, dossiersRejected: 0, outsidePeriod: 0, eventsRead: 0, linesRejected: 0, rejectedCount: 0 };
  for (const p of parts) {
    if (p.firstId !== null && last !== null && !idBefore(last, p.firstId)) throw orderError({ line: offset + p.firstLine, id: p.firstId, previous: last });
    if (p.order !== null) throw orderError({ ...p.order, line: offset + p.order.line });
    if (p.lastId !== null) last = p.lastId;
    acc = acc === null ? p.acc : merge(acc, p.acc);
    if (handling !== undefined && p.handling !== null) handling = mergeHandlingTime(handling, p.handling);
    sum.dossiers += p.dossiers;
    sum.dossiersRejected += p.dossiersRejected;
    sum.outsidePeriod += p.outside;
    sum.eventsRead += p.events;
    sum.linesRejected += p.badLines;
    sum.rejectedCount += p.rejectedCount;
    for (const r of p.rejected) if (rejected.length < keep) rejected.push(withTexts({ ...r, line: offset + r.line }));
    offset += p.lines;
  }
  rejected.sort((a, b) => a.line - b.line);
  return { acc: acc!, ...sum, rowsRead: sum.dossiers + sum.linesRejected, rejected, threads, ...(handling !== undefined ? { handlingTime: handling } : {}) };
}

/**
 * Add the dossiers of an NDJSON event log on disk into an accumulator (returned: a new one when
 * workers were used, merged from their partials), every rejection counted and the first ones
 * kept with their line numbers. The same results whatever the number of threads.
 *
 * @throws {MotcuaError} `INVALID_INPUT` naming the line when a dossier comes out of order (the
 * contract of {@link summarizeEventsFile}); `INVALID_OPTION` for a bad option.
 *
 * @example
 * ```ts
 * import { accumulateEventsFile } from 'motcua/node';
 * import { createAccumulator, period, result } from 'motcua/kpi';
 * const facts = { '*': { digitised: true, eResult: false, feeDue: false, paidOnline: false, synced: true, complaint: false } };
 * const { acc, rejectedCount } = await accumulateEventsFile('events.ndjson', createAccumulator({ period: period('2024-Q1') }), { facts });
 * result(acc).total.counts.received; // 2 (the dossiers of events.ndjson received in 2024-Q1)
 * ```
 */
export async function accumulateEventsFile(path: string, acc: Accumulator, options: EventsFileOptions = {}): Promise<EventsFileReport & { readonly acc: Accumulator }> {
  const settings = settingsOf(options);
  const st = await stat(path);
  if (!st.isFile()) throw new MotcuaError('INVALID_INPUT', { vi: `${path} không phải tệp thông thường (đọc luồng dữ liệu qua ống bằng accumulateEventsText)`, en: `${path} is not a regular file (read a pipe with accumulateEventsText)` }, path, 'path');
  const size = st.size;
  let done = 0;
  const progress = (n: number) => {
    done += n;
    options.onProgress?.(Math.min(done, size), size);
  };
  const single = async () => {
    const r = await scanEventsRange({ kind: 'events', path, start: 0, end: Infinity, acc, settings }, progress);
    return reportOf([r], settings.keep, 1, options.handlingTime);
  };
  const wanted = checkThreads(options.threads) ?? Math.min(MAX_THREADS, defaultThreads());
  const file = wanted > 1 ? workerFile() : null;
  const n = Math.min(wanted, Math.max(1, Math.floor(size / Math.max(1, options.minRangeBytes ?? MIN_RANGE))));
  if (n === 1 || file === null) return withAcc(await single(), acc);
  const cuts = await alignToDossiers(path, await splitAtLineEnds(path, 0, size, n), settings.dossierKey, settings.maxLineBytes);
  if (cuts.length <= 2) return withAcc(await single(), acc);
  const settingsOfAcc = { period: acc.period, asOf: acc.asOf, groupBy: acc.groupBy, policy: acc.policy };
  const outcome = await runRanges<EventRangeTask, EventScanResult>(file, cuts.slice(0, -1).map((start, k) => ({ kind: 'events', path, start, end: cuts[k + 1]!, acc: settingsOfAcc, settings })), progress, { maxYoungGenerationSizeMb: EVENT_WORKER_YOUNG_MB });
  if ('notice' in outcome) {
    done = 0;
    return { ...withAcc(await single(), acc), notice: outcome.notice };
  }
  const r = reportOf(outcome.parts, settings.keep, outcome.parts.length, options.handlingTime);
  return { ...r, acc: merge(acc, r.acc) };
}

/** The single-thread read fills `acc` itself (scanEventsRange makes a fresh one): merge it in. */
function withAcc(r: EventsFileReport & { readonly acc: Accumulator }, acc: Accumulator): EventsFileReport & { readonly acc: Accumulator } {
  return { ...r, acc: merge(acc, r.acc) };
}

/**
 * The same as {@link accumulateEventsFile} over text already in memory (a pipe, a test): one
 * thread. `anyOrder: true` lifts the ordering contract: the events of the dossiers may come in any
 * order and interleaved (each dossier's events still in time order); every event is kept until
 * the end, so memory grows with the text.
 *
 * @example
 * ```ts
 * import { accumulateEventsText } from 'motcua/node';
 * import { createAccumulator, period } from 'motcua/kpi';
 * const facts = { '*': { digitised: true, eResult: false, feeDue: false, paidOnline: false, synced: true, complaint: false } };
 * const line = '{"dossierId":"H1","procedureCode":"2.000815","agency":"UBND xã A","id":"e1","type":"received","at":"2026-03-02T09:00+07:00"}';
 * const r = accumulateEventsText(line, createAccumulator({ period: period('2026-03') }), { facts });
 * r.dossiers; // 1
 * ```
 */
export function accumulateEventsText(text: string, acc: Accumulator, options: EventsFileOptions & { readonly anyOrder?: boolean } = {}): EventsFileReport & { readonly acc: Accumulator } {
  const settings = settingsOf(options);
  const bytes = Buffer.from(text, 'utf8');
  const scanner = eventScanner(settings, acc, true, options.anyOrder === true);
  scanner.feed(bytes, bytes.length, true, Infinity);
  return reportOf([scanner.result()], settings.keep, 1, options.handlingTime);
}

/**
 * Summarise an NDJSON event log on disk (Biểu II.06a, rates, identities): each dossier's events
 * replayed through the state machine (`recordFromLog` of `motcua/kpi`) into its record and counted,
 * reading the file once in chunks, split over worker threads at dossier boundaries. Memory holds
 * one dossier per thread, not the file.
 *
 * The input contract: one event a line (UTF-8, LF or CRLF; blank lines skipped), each naming its
 * dossier (`dossierId`) and, on at least one line, its `procedureCode`; the events of a dossier on
 * consecutive lines, in time order; the dossiers in ascending order of id (code point order, the
 * byte order of UTF-8: `LC_ALL=C sort`, `ORDER BY dossier_id COLLATE "C", at`). A dossier that
 * does not come after the one before stops the read with a typed error naming the line. A line
 * longer than `maxLineBytes`, not UTF-8, malformed (a truncated last line) or naming no dossier
 * is rejected with its number; a dossier whose log the state machine refuses, or without facts, is
 * rejected at the line of the refused event. Nothing is dropped: `rowsRead` = counted +
 * `rejectedCount` + `outsidePeriod`, and `eventsRead` = events replayed + `linesRejected`.
 *
 * @param options - the summary options (`period`, `asOf`, `groupBy`, `policy`) and the file options
 *   ({@link EventsFileOptions}: `facts`, `catalog`, `replayPolicy`, `threads`, `maxLineBytes`, …).
 * @throws {MotcuaError} `INVALID_INPUT` naming the line of a dossier out of order; `INVALID_OPTION` for a bad option.
 *
 * @example
 * ```ts
 * import { summarizeEventsFile } from 'motcua/node';
 * import { period } from 'motcua/kpi';
 * const s = await summarizeEventsFile('events.ndjson', {
 *   period: period('2026-Q1'),
 *   groupBy: 'agency',
 *   facts: { '*': { digitised: true, eResult: false, feeDue: false, paidOnline: false, synced: true, complaint: false } },
 * });
 * s.total.counts.received; // 3 (column (3))
 * s.total.counts.withinTime; // 1 (waiting for a supplement: not late)
 * for (const r of s.rejected) console.error(`line ${r.line}: ${r.reason}`); // s.rejectedCount in all
 * ```
 */
export async function summarizeEventsFile(
  path: string,
  options: EventsFileOptions & { period: Period; asOf?: string; groupBy?: GroupKey | readonly GroupKey[]; policy?: Partial<SummaryPolicy> }
): Promise<EventsFileSummary> {
  const { acc, ...r } = await accumulateEventsFile(path, createAccumulator(options), options);
  return { ...result(acc), ...r };
}
