import type { Calendar } from '../calendar/index';
import { bareTextsOf, MotcuaError, show } from '../errors';
import type { Draft, Head } from './_lib/apply';
import { applyEvent, newHead, resetHead } from './_lib/apply';
import { isBadLeaf } from './_lib/bounds';
import type { Cal } from './_lib/clock';
import { formatMs } from './_lib/clock';
import type { Ctx } from './_lib/context';
import { isEpochMs } from './_lib/time';
import { DossierError } from './errors';
import type { DossierContext } from './initial';
import { blank, reblank, seed } from './initial';
import { summaryOf, touch } from './replay';
import type { DossierSummary } from './summary';
import { instantText, summarize } from './summary';
import type { Dossier, DossierEvent, DossierPolicy, DossierProcedure } from './types';

/**
 * An event whose `at` is an ISO 8601 string with an offset (as in {@link DossierEvent}) or an
 * integer number of epoch milliseconds.
 */
export type TimedEvent<E = DossierEvent> = E extends DossierEvent ? Omit<E, 'at'> & { readonly at: string | number } : never;

/**
 * One log of a batch: its events, and what differs from the batch's options (`procedure`, `policy`,
 * `calendar`, `id`; a field left out is taken from the options).
 */
export interface ReplayLog {
  readonly events: readonly TimedEvent[];
  readonly procedure?: DossierProcedure;
  readonly policy?: Partial<DossierPolicy>;
  readonly calendar?: Calendar;
  readonly id?: string;
}

/** Options of {@link replayMany}: the context shared by the logs, `strict` as in `replay`, and the output. */
export interface ReplayManyOptions extends Partial<DossierContext> {
  /** As in `replay`: `true` throws the first invalid event (its `DossierError`, naming the event id). */
  readonly strict?: boolean;
  /**
   * `'dossier'` (default): a full {@link Dossier} per log, as `replay` gives it. `'summary'`: a
   * compact {@link DossierSummary} per log (no history, no copy of the events, instants as epoch ms),
   * several times cheaper when only a report is wanted.
   */
  readonly output?: 'dossier' | 'summary';
}

/**
 * `YYYY-MM-DDTHH:MM:SS[.mmm]+07:00` of an epoch ms ({@link instantText}), whole seconds through the
 * calendar's cache of close-of-office texts.
 */
function isoOf(c: Cal, ms: number): string {
  return ms % 1000 === 0 ? formatMs(c, ms) : instantText(ms);
}

/**
 * The event with its epoch-ms `at` written as ISO 8601 text in Vietnamese time (a copy: the input is
 * never modified). The head remembers the instant so that `applyEvent` does not parse it back.
 */
function withIsoAt(d: Draft, c: Cal, e: { readonly at: number; readonly id?: unknown; readonly type?: unknown }, h: Head): DossierEvent {
  const ms = e.at;
  if (!isEpochMs(ms)) {
    throw new DossierError('INVALID_EVENT', { vi: `cần thời điểm dạng ISO 8601 có độ lệch múi giờ hoặc số mili giây (epoch) nguyên trong các năm 1-9999, nhận được ${show(ms, 'vi')}`, en: `expected an ISO 8601 string with an offset or integer epoch milliseconds in years 1-9999, got ${show(ms)}` }, {
      state: d.state,
      event: typeof e.type === 'string' ? e.type : 'unknown',
      eventId: typeof e.id === 'string' ? e.id : null,
      rule: 'event-schema',
      value: ms,
      field: 'at',
    });
  }
  const at = isoOf(c, ms);
  h.knownAt = at;
  h.knownMs = ms;
  // copied key by key, with the text put in as the value of `at` from the start: a spread followed by
  // the string would first hold the number, and moving a field from a number to a string changes the
  // shape of every event of that shape (slow paths on all of them)
  const out: Record<string, unknown> = {};
  for (const key in e) if (Object.hasOwn(e, key)) out[key] = key === 'at' ? at : (e as Record<string, unknown>)[key];
  return out as unknown as DossierEvent;
}

/** A resolved context, remembered for the logs of the batch sharing its procedure, policy and calendar. */
interface Seeded {
  readonly procedure: DossierProcedure | undefined;
  readonly policy: Partial<DossierPolicy> | undefined;
  readonly calendar: Calendar | undefined;
  readonly x: Ctx;
  /** The resolved policy and calendar options (`seed`'s, read off its dossier, which a summary fold reuses as its draft). */
  readonly resolved: DossierPolicy;
  readonly options: Dossier['calendar'];
}

/** Most distinct (procedure, policy, calendar) triples remembered per call (a short list, scanned by identity). */
const SEEDS = 16;

/**
 * Re-throw an input error of log `k` with its path (`logs[3].procedure.channels[0]`): the texts lose
 * the error's own field prefix, which the new error's field replaces (one prefix, not
 * `logs[3].calendar: logs[3]: calendar: …`).
 */
function inLog(err: unknown, k: number): never {
  if (err instanceof MotcuaError && !(err instanceof DossierError)) {
    throw new MotcuaError(err.code, bareTextsOf(err).texts, err.value, `logs[${k}].${err.field ?? 'options'}`);
  }
  throw err;
}

/**
 * Replay many event logs at once (dựng lại nhiều hồ sơ một lượt): for users holding many logs in
 * memory. The result for each log is the dossier `replay(log.events, { ...options, ...log })` gives —
 * the same validation, the same state, national code, clock, due date, timeliness, warnings and
 * refusals, kept in `rejected` or thrown with `strict` — with less work per dossier: the procedure,
 * policy and calendar are resolved once per distinct set in the batch rather than once per log.
 *
 * An event's `at` may be an ISO 8601 string or integer epoch milliseconds. Epoch ms are not parsed;
 * the dossier keeps a copy of such an event with `at` written in Vietnamese time
 * (`2026-03-02T09:00:00+07:00`, with `.mmm` when the milliseconds are not 0), exactly what `replay`
 * keeps for that text. An `at` that is neither (or epoch ms that is not an integer in years 1-9999)
 * is refused like any malformed event (`INVALID_EVENT`, rule `event-schema`).
 *
 * **`output: 'summary'`** gives a {@link DossierSummary} per log instead (tóm tắt hồ sơ): state,
 * national code, instants as epoch ms, due date, the verdict of `timeliness`, the pause of
 * `statusAt`, the fee of `paymentOf`, the end events a KPI report reads, counts of warnings and
 * refused events (and the first refusal). The same `applyEvent` and event handlers run, but the fold
 * keeps no dossier: epoch-ms instants are read as they are (no copy of the event, no text), one draft
 * object is reused from log to log, and only the summary is kept. A log with a
 * refused event is replayed again by the ordinary fold (for the refusal's texts), so its summary, and
 * the error thrown under `strict`, are exactly those of `replay`. Use it for reports over many logs;
 * use the full output (or `replay`) to show a dossier, its history, steps or control slip. Write a
 * summary's instants as text with `instantText` or `dateText`.
 *
 * @throws {MotcuaError} `INVALID_INPUT` when `logs` is not an array, a log is not `{ events: [...] }`,
 * or a log has no procedure; `INVALID_OPTION` for an `output` other than `dossier` or `summary`; the
 * procedure, policy and calendar errors of `initial`, their field prefixed with `logs[k].`; with
 * `strict`, the first `DossierError`.
 * @example
 * ```ts
 * import { replayMany, timeliness } from 'motcua/dossier';
 * const procedure = { code: '1.000001', channels: [{ channel: 'direct' as const, limit: { amount: 3, unit: 'working-day' as const } }], cutoff: null, clockStops: [], steps: null, immediate: false };
 * const [a, b] = replayMany(
 *   [
 *     { events: [{ id: 'e1', type: 'received', at: '2026-03-02T09:00+07:00' }, { id: 'e2', type: 'resolved', at: '2026-03-04T10:00+07:00' }] },
 *     // epoch milliseconds: 2026-03-02T09:00+07:00 and 2026-03-09T10:00+07:00
 *     { events: [{ id: 'e1', type: 'received', at: 1772416800000 }, { id: 'e2', type: 'resolved', at: 1773025200000 }] },
 *   ],
 *   { procedure },
 * );
 * a!.clock?.dueDate; // '2026-03-05'
 * timeliness(a!).result; // 'early'
 * timeliness(b!).result; // 'late'
 * b!.events[0]?.at; // '2026-03-02T09:00:00+07:00'
 * ```
 * @example
 * ```ts
 * import { dateText, replayMany } from 'motcua/dossier';
 * const procedure = { code: '1.000001', channels: [{ channel: 'direct' as const, limit: { amount: 3, unit: 'working-day' as const } }], cutoff: null, clockStops: [], steps: null, immediate: false };
 * const [s] = replayMany(
 *   [{ id: 'HS-1', events: [{ id: 'e1', type: 'received', at: 1772416800000 }, { id: 'e2', type: 'resolved', at: 1773025200000 }] }],
 *   { procedure, output: 'summary' },
 * );
 * s!.state; // 'resolved'
 * s!.dueDate; // '2026-03-05'
 * s!.timeliness; // 'late'
 * dateText(s!.resolvedMs!); // '2026-03-09'
 * ```
 */
export function replayMany(logs: readonly ReplayLog[], options: ReplayManyOptions & { readonly output: 'summary' }): DossierSummary[];
export function replayMany(logs: readonly ReplayLog[], options?: ReplayManyOptions & { readonly output?: 'dossier' }): Dossier[];
export function replayMany(logs: readonly ReplayLog[], options?: ReplayManyOptions): Dossier[] | DossierSummary[];
export function replayMany(logs: readonly ReplayLog[], options: ReplayManyOptions = {}): Dossier[] | DossierSummary[] {
  if (!Array.isArray(logs)) throw new MotcuaError('INVALID_INPUT', { vi: `cần một mảng các nhật ký { events, procedure?, policy?, calendar?, id? }, nhận được ${show(logs, 'vi')}`, en: `expected an array of logs { events, procedure?, policy?, calendar?, id? }, got ${show(logs)}` }, logs, 'logs');
  if (typeof options !== 'object' || options === null) throw new MotcuaError('INVALID_INPUT', { vi: `cần tùy chọn { procedure?, calendar?, policy?, strict? }, nhận được ${show(options, 'vi')}`, en: `expected options { procedure?, calendar?, policy?, strict? }, got ${show(options)}` }, options, 'options');
  const strict = options.strict === true;
  const output = options.output ?? 'dossier';
  if (output !== 'dossier' && output !== 'summary') throw new MotcuaError('INVALID_OPTION', { vi: `cần output là ${show('dossier', 'vi')} (hồ sơ đầy đủ) hoặc ${show('summary', 'vi')} (bản tóm tắt), nhận được ${show(output, 'vi')}`, en: `expected output 'dossier' or 'summary', got ${show(output)}` }, output, 'options.output');
  const lean = output === 'summary';
  // a summary fold reuses one head for the whole batch
  const head = newHead(true);
  head.lean = lean;
  // and one draft, emptied for each log (see reblank)
  let draft: Draft | null = null;
  const seeds: Seeded[] = [];
  const out = new Array<Dossier | DossierSummary>(logs.length);
  for (let k = 0; k < logs.length; k++) {
    const log = logs[k] as ReplayLog | null | undefined;
    if (typeof log !== 'object' || log === null || !Array.isArray(log.events)) {
      throw new MotcuaError('INVALID_INPUT', { vi: `cần một nhật ký { events: [...], procedure?, policy?, calendar?, id? }, nhận được ${show(log, 'vi')}`, en: `expected a log { events: [...], procedure?, policy?, calendar?, id? }, got ${show(log)}` }, log, `logs[${k}]`);
    }
    const procedure = log.procedure ?? options.procedure;
    const policy = log.policy ?? options.policy;
    const calendar = log.calendar ?? options.calendar;
    const id = log.id ?? options.id;
    if (id !== undefined && id !== null && typeof id !== 'string') inLog(new MotcuaError('INVALID_INPUT', { vi: `cần mã hồ sơ là một chuỗi, nhận được ${show(id, 'vi')}`, en: `expected a dossier code string, got ${show(id)}` }, id, 'id'), k);
    if (procedure === undefined) throw new MotcuaError('INVALID_INPUT', { vi: `nhật ký ${k} không có thủ tục hành chính (hãy ghi trong nhật ký hoặc trong tùy chọn)`, en: `log ${k} has no procedure (give it in the log or in the options)` }, log, `logs[${k}].procedure`);
    let s: Seeded | undefined;
    for (let j = 0; j < seeds.length; j++) {
      const t = seeds[j]!;
      if (t.procedure === procedure && t.policy === policy && t.calendar === calendar) {
        s = t;
        break;
      }
    }
    let d: Draft;
    let x: Ctx;
    if (s !== undefined) {
      x = s.x;
      if (lean && draft !== null) {
        d = draft;
        reblank(d, { procedure, id }, s.resolved, s.options);
      } else d = blank({ procedure, id }, s.resolved, s.options) as Draft;
    } else {
      let r: { d: Dossier; x: Ctx };
      try {
        r = seed({ procedure, policy, calendar, id });
      } catch (err) {
        inLog(err, k);
      }
      d = r.d as Draft;
      x = r.x;
      if (seeds.length < SEEDS) seeds.push({ procedure, policy, calendar, x, resolved: r.d.policy, options: r.d.calendar });
    }
    if (!lean) {
      foldTimed(d, x, log.events, newHead(true), strict);
      out[k] = d;
      continue;
    }
    resetHead(head);
    draft = d;
    if (!foldLean(d, x, log.events, head)) {
      // a refusal: the ordinary fold again, from the start, for the refusal's texts and what follows it
      d = blank({ procedure, id }, d.policy, d.calendar) as Draft;
      foldTimed(d, x, log.events, newHead(true), strict);
    }
    out[k] = summarize(d);
  }
  return out as Dossier[] | DossierSummary[];
}

/**
 * The fold of a summary (see `Head.lean`): the same `applyEvent`, with epoch-ms instants read as they
 * are and the events kept without a copy. Returns false at the first event that throws (refused or
 * anything else): the caller then replays the log with the ordinary fold, which gives that event's
 * refusal (or throws it under `strict`) exactly as `replay` does.
 */
function foldLean(d: Draft, x: Ctx, events: readonly TimedEvent[], head: Head): boolean {
  for (let k = 0; k < events.length; k++) touch(head, events[k]);
  try {
    for (let k = 0; k < events.length; k++) applyEvent(d, x, events[k] as unknown as DossierEvent, head);
  } catch {
    return false;
  }
  return true;
}

/** `fold` of replay.ts, with epoch-ms instants written as text first (see {@link withIsoAt}). */
function foldTimed(d: Draft, x: Ctx, events: readonly TimedEvent[], head: Head, strict: boolean): void {
  for (let k = 0; k < events.length; k++) touch(head, events[k]);
  for (let k = 0; k < events.length; k++) {
    let e = events[k] as unknown as DossierEvent;
    try {
      if (typeof e === 'object' && e !== null && typeof (e as { at?: unknown }).at === 'number') e = withIsoAt(d, x.c, e as unknown as { at: number }, head);
      applyEvent(d, x, e, head);
    } catch (err) {
      if (strict || !(err instanceof DossierError)) throw err;
      d.rejected.push({ event: err.rule === 'event-bounds' || isBadLeaf(e) ? summaryOf(e) : e, code: err.code, state: err.state, rule: err.rule, message: err.message, texts: err.texts });
    }
  }
}
