/**
 * @internal The decider's step: validate one event against the dossier, then apply it to a
 * mutable draft. Every check runs before the first write, so a refused event leaves the draft
 * untouched (replay relies on it).
 */
import { assertLimit } from '../../calendar/dueDate';
import { tryParseDate } from '../../_lib/civil/date';
import { MotcuaError, show } from '../../errors';
import { DossierError } from '../errors';
import { parseDossierCode } from '../code';
import type { FeeStatus } from '../payment';
import { ruleSetById, ruleSetForDay } from '../ruleSets';
import type { RuleSet } from '../ruleSets';
import type { Transition } from '../table';
import { STATE_SLOTS } from '../states';
import type { StateSlot } from '../states';
import { TRANSITIONS } from '../table';
import type {
  Dossier,
  DossierChannel,
  DossierClock,
  DossierEvent,
  DossierEventType,
  ClockStoppedEvent,
  ExtendedEvent,
  ReceivedEvent,
  StepCompletedEvent,
  StepStartedEvent,
  SubmittedEvent,
  DossierEndKind,
  DossierState,
  DossierWarning,
  HistoryEntry,
  NationalStatusCode,
  NoState,
  RuleSetId,
  StepRun,
  Timeliness,
} from '../types';
import type { WorkIndex as Index } from '../../_lib/civil/workIndex';
import type { SupplementPeriod } from '../types';
import type { Cal, Due } from './clock';
import { closeOf, computeDue, formatMs, dateOfOff, dayOfMs, intervalOf, isPrecise, offOf, ordinalOfMs, shiftDue, workingDaysBetweenOff, addWorkingOff } from './clock';
import type { Ctx } from './context';
import { limitOf } from './context';
import { instantMs } from './time';
import { checkNested, isBadLeaf, MAX_EVENT_VALUES, sameEvent } from './bounds';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
/** A draft dossier: its arrays are owned by the caller and may be pushed to. */
export type Draft = Mutable<Omit<Dossier, 'events' | 'history' | 'steps' | 'warnings' | 'rejected' | 'resume' | 'corrections'>> & {
  events: DossierEvent[];
  history: HistoryEntry[];
  steps: StepRun[];
  warnings: DossierWarning[];
  rejected: Dossier['rejected'][number][];
  resume: DossierState[];
  corrections: Mutable<Dossier['corrections'][number]>[];
};

/** Event types as small integers, so `evolve` dispatches with a jump table instead of string compares. */
const enum Ev {
  Submitted,
  IntakeSupplementRequested,
  IntakeSupplemented,
  Rejected,
  Received,
  AgencyReceived,
  StepStarted,
  StepCompleted,
  SupplementRequested,
  SupplementReceived,
  SupplementExpired,
  ClockStopped,
  ClockResumed,
  Extended,
  Refused,
  WithdrawalRequested,
  WithdrawalDeclined,
  Stopped,
  Resolved,
  Returned,
  CorrectionRequested,
  Corrected,
  Transferred,
  FeeAssessed,
  FeePaid,
  FeeRefunded,
}

const EV: Readonly<Record<DossierEventType, Ev>> = {
  submitted: Ev.Submitted,
  'intake-supplement-requested': Ev.IntakeSupplementRequested,
  'intake-supplemented': Ev.IntakeSupplemented,
  rejected: Ev.Rejected,
  received: Ev.Received,
  'agency-received': Ev.AgencyReceived,
  'step-started': Ev.StepStarted,
  'step-completed': Ev.StepCompleted,
  'supplement-requested': Ev.SupplementRequested,
  'supplement-received': Ev.SupplementReceived,
  'supplement-expired': Ev.SupplementExpired,
  'clock-stopped': Ev.ClockStopped,
  'clock-resumed': Ev.ClockResumed,
  extended: Ev.Extended,
  refused: Ev.Refused,
  'withdrawal-requested': Ev.WithdrawalRequested,
  'withdrawal-declined': Ev.WithdrawalDeclined,
  stopped: Ev.Stopped,
  resolved: Ev.Resolved,
  returned: Ev.Returned,
  'correction-requested': Ev.CorrectionRequested,
  corrected: Ev.Corrected,
  transferred: Ev.Transferred,
  'fee-assessed': Ev.FeeAssessed,
  'fee-paid': Ev.FeePaid,
  'fee-refunded': Ev.FeeRefunded,
};

/**
 * What `evolve` needs of one event type, looked up once per event. Every kind is built by the one
 * literal in {@link kindOf} with fields of fixed types, so the kinds share one hidden class and
 * reading them stays monomorphic.
 */
interface Kind {
  readonly type: DossierEventType;
  readonly ev: Ev;
  /** The row's target (`same`, `resume`, `by-reason` or a state). */
  readonly to: string;
  /** The target is `same`. */
  readonly same: boolean;
  /** The states it leaves from, as a mask of `StateSlot.bit`s. */
  readonly fromMask: number;
  /** Slot of the target when the row names one state (`fixedTarget`), else the `none` slot. */
  readonly fixedTarget: boolean;
  readonly toSlot: StateSlot;
  /** The row carries the `clock-running` guard. */
  readonly needsClock: boolean;
  /** The rule sets it exists under (`anyRuleSet`: all). */
  readonly anyRuleSet: boolean;
  readonly ruleSets: readonly RuleSetId[];
}

function kindOf(t: Transition): Kind {
  let fromMask = 0;
  for (const s of t.from) fromMask += STATE_SLOTS.get(s)!.bit;
  const fixed = !(t.to === 'same' || t.to === 'resume' || t.to === 'by-reason');
  return {
    type: t.event,
    ev: EV[t.event],
    to: t.to,
    same: t.to === 'same',
    fromMask,
    fixedTarget: fixed,
    toSlot: STATE_SLOTS.get(fixed ? t.to : 'none')!,
    needsClock: t.guards.includes('clock-running'),
    anyRuleSet: t.ruleSets === undefined,
    ruleSets: t.ruleSets ?? [],
  };
}

/** Event type → kind (a Map: event types from parsed JSON are not internalised strings). One row per event type. */
const KINDS: ReadonlyMap<string, Kind> = (() => {
  const out = new Map<string, Kind>();
  for (const t of TRANSITIONS) {
    if (out.has(t.event)) throw new Error(`transition table: ${t.event} has more than one row`);
    out.set(t.event, kindOf(t));
  }
  return out;
})();

/**
 * The head of the event being applied: its kind, id, time and epoch ms, read once from the event
 * (whose shape varies by type) and then from this one object. Owned by the caller of `applyEvent`
 * and overwritten by each event.
 */
export interface Head {
  kind: Kind;
  id: string;
  at: string;
  ms: number;
  /**
   * The draft's step runs were all made by this fold (`replay`), so closing one may write to it;
   * `evolve` shares runs with the snapshot it was given and must copy them.
   */
  ownsSteps: boolean;
  /** Scratch for `replay`'s read-ahead of the next event (see `touch` in replay.ts). */
  touched: number;
  /** The state the last applied event led to, and its slot (saves a lookup when the next event finds the dossier there). */
  state: string;
  slot: StateSlot;
  /**
   * Event id → index in the log, built by a fold (`ownsSteps`) once its log is longer than
   * {@link ID_SCAN}, so the duplicate-id check stays O(1) per event and `replay` linear (#14);
   * `idsUpTo` is how many log entries it indexes. `null` until then, and always in `evolve`.
   */
  ids: Map<string, number> | null;
  idsUpTo: number;
  /** Every step run before this index has ended (runs only ever end), so step scans start here. */
  openFrom: number;
  /**
   * What the log says so far about fees, the transfer and the last online (re)submission, read by
   * {@link scanLog} from history line `scanned` on, so each line is read once per fold (linear replay).
   */
  scanned: number;
  fee: FeeStatus;
  transferId: string | null;
  submissionMs: number;
  /**
   * An instant whose epoch ms the caller already knows (`replayMany` given epoch ms formats them into
   * the event's `at`): when the event's `at` is this string, it is not parsed again.
   */
  knownAt: string | null;
  knownMs: number;
  /** The due date of the last correction this fold requested, as text and day number (read back without parsing it). */
  corrDue: string | null;
  corrDueDay: number;
}

/** Below this many accepted events the duplicate-id check scans the log (no map to build for a short dossier). */
const ID_SCAN = 32;

/** A fresh {@link Head}; `ownsSteps` as in {@link Head}. */
export function newHead(ownsSteps: boolean): Head {
  return { kind: KINDS.get('submitted')!, id: '', at: '', ms: 0.5, ownsSteps, touched: 0, state: '', slot: STATE_SLOTS.get('none')!, ids: null, idsUpTo: 0, openFrom: 0, scanned: 0, fee: 'none', transferId: null, submissionMs: NaN, knownAt: null, knownMs: 0, corrDue: null, corrDueDay: 0 };
}

const DESK = 'Bộ phận Một cửa';
const THREE_WORKING_DAYS: SupplementPeriod = { amount: 3, unit: 'working-day' };
const REASONS = new Set(['financial-obligation', 'public-posting', 'expert-assessment', 'site-inspection', 'verification', 'other']);
const CHANNELS = new Set(['direct', 'online', 'postal']);
const LEVELS = new Set(['ministry', 'province', 'district', 'commune']);
const PAYMENT_CHANNELS = new Set(['counter', 'online-national-portal', 'bank-transfer']);

function vnd(v: unknown): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= Number.MAX_SAFE_INTEGER;
}

function fail(d: Draft, e: { id?: unknown; type?: unknown }, code: 'INVALID_EVENT' | 'INVALID_TRANSITION' | 'CHANNEL_NOT_OFFERED' | 'OUT_OF_RANGE', rule: string, message: string, value?: unknown, field?: string): never {
  throw new DossierError(code, message, {
    state: d.state,
    event: typeof e.type === 'string' ? e.type : 'unknown',
    eventId: typeof e.id === 'string' ? e.id : null,
    rule,
    value,
    field,
  });
}

function str(v: unknown): boolean {
  return v === undefined || typeof v === 'string';
}

/** Check the shape of an event and fill the head with its kind, id, time and epoch ms. */
function checkShape(d: Draft, e: DossierEvent, h: Head): void {
  if (typeof e !== 'object' || e === null || Array.isArray(e)) fail(d, {}, 'INVALID_EVENT', 'event-schema', `expected an event object { id, type, at }, got ${show(e)}`, e, 'event');
  // One pass over the keys reads id, type and at and finds the optional text fields. Inside for-in,
  // e[key] is a load by the enumeration cache's field index: far cheaper than named loads, which
  // are megamorphic here (events of many shapes). A field for-in does not see (inherited getter,
  // non-enumerable) is read by name below, so the values are those of a plain property read.
  let id: unknown;
  let type: unknown;
  let at: unknown;
  let reason = false;
  let badText = false;
  // bounds (#14): a count of fields, and the first field holding an object or a non-JSON value
  let fields = 0;
  let nested: string | null = null;
  for (const key in e) {
    const v: unknown = (e as unknown as Record<string, unknown>)[key];
    fields++;
    if (nested === null && typeof v !== 'string' && (typeof v === 'object' ? v !== null : isBadLeaf(v))) nested = key;
    const n = key.length; // compare lengths first
    if (n === 2) {
      if (key === 'id') id = v;
      else if (key === 'at') at = v;
      else if (key === 'by' && !str(v)) badText = true;
    } else if (n === 4) {
      if (key === 'type') type = v;
      else if (key === 'note' && !str(v)) badText = true;
    } else if (n === 6 && key === 'reason') reason = true;
  }
  if (id === undefined) id = e.id;
  if (typeof id !== 'string' || id.length === 0) fail(d, e, 'INVALID_EVENT', 'event-schema', `expected a non-empty string id, got ${show(id)}`, id, 'id');
  if (fields > MAX_EVENT_VALUES) fail(d, e, 'INVALID_EVENT', 'event-bounds', `an event may hold at most ${MAX_EVENT_VALUES} values (fields, items and nested values); this one has ${fields} fields`, fields, 'event');
  if (nested !== null) checkBounds(d, e, fields, nested);
  if (type === undefined) type = e.type;
  const kind = typeof type === 'string' ? KINDS.get(type) : undefined;
  if (kind === undefined) fail(d, e, 'INVALID_EVENT', 'event-schema', `unknown event type ${show(type)}`, type, 'type');
  if (at === undefined) at = e.at;
  if (typeof at !== 'string') fail(d, e, 'INVALID_EVENT', 'event-schema', `expected an ISO 8601 string with an offset, got ${show(at)}`, at, 'at');
  let ms: number;
  if (at === h.knownAt) ms = h.knownMs;
  else {
    try {
      ms = instantMs(at, 'at');
    } catch (err) {
      fail(d, e, 'INVALID_EVENT', 'event-schema', err instanceof Error ? err.message : String(err), at, 'at');
    }
  }
  if (badText) fail(d, e, 'INVALID_EVENT', 'event-schema', 'by and note must be strings', e, 'by');
  const x = e as unknown as Record<string, unknown>;
  switch (kind.ev) {
    case Ev.Submitted:
      if (x.channel !== undefined && x.channel !== 'online' && x.channel !== 'postal') fail(d, e, 'INVALID_EVENT', 'event-schema', `a submission is online or postal, got ${show(x.channel)}`, x.channel, 'channel');
      break;
    case Ev.Received:
      if (x.channel !== undefined && !CHANNELS.has(x.channel as string)) fail(d, e, 'INVALID_EVENT', 'event-schema', `unknown channel ${show(x.channel)}`, x.channel, 'channel');
      if (x.nonBoundary !== undefined && typeof x.nonBoundary !== 'boolean') fail(d, e, 'INVALID_EVENT', 'event-schema', 'nonBoundary must be a boolean', x.nonBoundary, 'nonBoundary');
      if (x.appointmentSlip !== undefined && typeof x.appointmentSlip !== 'boolean') fail(d, e, 'INVALID_EVENT', 'event-schema', 'appointmentSlip must be a boolean', x.appointmentSlip, 'appointmentSlip');
      if (x.code !== undefined) {
        try {
          parseDossierCode(x.code as string);
        } catch (err) {
          fail(d, e, 'INVALID_EVENT', 'dossier-code', err instanceof Error ? err.message : String(err), x.code, 'code');
        }
      }
      break;
    case Ev.FeeAssessed:
      if (!vnd(x.amount)) fail(d, e, 'INVALID_EVENT', 'event-schema', `expected the fee in VND, an integer ≥ 0, got ${show(x.amount)}`, x.amount, 'amount');
      break;
    case Ev.FeePaid:
      if (!PAYMENT_CHANNELS.has(x.channel as string)) fail(d, e, 'INVALID_EVENT', 'event-schema', `expected the payment channel counter, online-national-portal or bank-transfer, got ${show(x.channel)}`, x.channel, 'channel');
      if (x.amount !== undefined && !vnd(x.amount)) fail(d, e, 'INVALID_EVENT', 'event-schema', `expected the amount in VND, an integer ≥ 0, got ${show(x.amount)}`, x.amount, 'amount');
      break;
    case Ev.FeeRefunded:
      if (x.amount !== undefined && !vnd(x.amount)) fail(d, e, 'INVALID_EVENT', 'event-schema', `expected the amount in VND, an integer ≥ 0, got ${show(x.amount)}`, x.amount, 'amount');
      break;
    case Ev.Transferred:
      if (!str(x.to)) fail(d, e, 'INVALID_EVENT', 'event-schema', 'to must be a string', x.to, 'to');
      break;
    case Ev.StepStarted:
      if (x.level !== undefined && !LEVELS.has(x.level as string)) fail(d, e, 'INVALID_EVENT', 'event-schema', `unknown level ${show(x.level)}`, x.level, 'level');
      if (!str(x.name) || !str(x.agency)) fail(d, e, 'INVALID_EVENT', 'event-schema', 'name and agency must be strings', x.agency, 'agency');
      if (x.budget !== undefined) {
        try {
          assertLimit(x.budget, 'budget');
        } catch (err) {
          fail(d, e, 'INVALID_EVENT', 'event-schema', err instanceof Error ? err.message : String(err), x.budget, 'budget');
        }
      }
      if (typeof x.step !== 'string' || x.step.length === 0) fail(d, e, 'INVALID_EVENT', 'event-schema', `expected a step id, got ${show(x.step)}`, x.step, 'step');
      break;
    case Ev.StepCompleted:
      if (typeof x.step !== 'string' || x.step.length === 0) fail(d, e, 'INVALID_EVENT', 'event-schema', `expected a step id, got ${show(x.step)}`, x.step, 'step');
      break;
    case Ev.ClockStopped:
      if (!REASONS.has(x.reason as string)) fail(d, e, 'INVALID_EVENT', 'event-schema', `unknown clock-stop reason ${show(x.reason)}`, x.reason, 'reason');
      reason = false;
      break;
    case Ev.Extended:
      if (typeof x.until !== 'string' || Number.isNaN(tryParseDate(x.until))) fail(d, e, 'INVALID_EVENT', 'event-schema', `expected the new due date "YYYY-MM-DD", got ${show(x.until)}`, x.until, 'until');
      if (!str(x.letter)) fail(d, e, 'INVALID_EVENT', 'event-schema', 'letter must be a string', x.letter, 'letter');
      break;
    default:
  }
  if (reason && !str(x.reason)) fail(d, e, 'INVALID_EVENT', 'event-schema', 'reason must be a string', x.reason, 'reason');
  h.kind = kind;
  h.id = id;
  h.at = at;
  h.ms = ms;
}

/**
 * Bounds of an event's nested values (see bounds.ts): at most `MAX_EVENT_DEPTH` levels, at most
 * `MAX_EVENT_VALUES` values, plain JSON values only. Walks only the fields holding an object or a
 * non-JSON value, starting from `first` (the common flat event never gets here).
 */
function checkBounds(d: Draft, e: DossierEvent, fields: number, first: string): void {
  let budget = MAX_EVENT_VALUES - fields;
  let seen = false;
  for (const key in e) {
    if (!seen) {
      if (key !== first) continue;
      seen = true;
    }
    const v: unknown = (e as unknown as Record<string, unknown>)[key];
    if (typeof v === 'object' && v !== null) {
      // the field itself was counted in `fields`: its visit in checkNested is not counted twice
      const r = checkNested(key, v, budget + 1);
      if (typeof r !== 'number') fail(d, e, 'INVALID_EVENT', 'event-bounds', r.message, v, r.field);
      budget = r;
    } else if (isBadLeaf(v)) fail(d, e, 'INVALID_EVENT', 'event-bounds', `a ${typeof v} cannot be stored in a dossier's log (plain JSON values only)`, v, key);
  }
}

function timelinessOf(endMs: number, dueMs: number, byInstant: boolean): Timeliness {
  if (byInstant) return endMs < dueMs ? 'early' : endMs === dueMs ? 'on-time' : 'late';
  const a = dayOfMs(endMs);
  const b = dayOfMs(dueMs);
  return a < b ? 'early' : a === b ? 'on-time' : 'late';
}


/** A fresh, writable copy of a clock (an explicit literal: one hidden class, no spread). */
function copyClock(cl: DossierClock): Mutable<DossierClock> {
  return {
    limit: cl.limit,
    precise: cl.precise,
    countFrom: cl.countFrom,
    clockStart: cl.clockStart,
    dueDate: cl.dueDate,
    dueAt: cl.dueAt,
    originalDueDate: cl.originalDueDate,
    originalDueAt: cl.originalDueAt,
    pausedAt: cl.pausedAt,
    pause: cl.pause,
    excluded: cl.excluded,
    restarts: cl.restarts,
    dueMs: cl.dueMs,
    originalDueMs: cl.originalDueMs,
    pausedMs: cl.pausedMs,
  };
}

function paused(cl: DossierClock, pause: 'supplement' | 'clock-stop', at: string, ms: number): DossierClock {
  const n = copyClock(cl);
  n.pause = pause;
  n.pausedAt = at;
  n.pausedMs = ms;
  return n;
}

/** A copy of a step run with new fields (explicit literal). */
function stepWith(s: StepRun, endedAt: string | null, result: Timeliness | null, dueMs: number, dueAt: string | null, dueDate: string | null): StepRun {
  return { step: s.step, name: s.name, agency: s.agency, level: s.level, from: s.from, startedAt: s.startedAt, budget: s.budget, dueDate, dueAt, endedAt, result, startedMs: s.startedMs, dueMs };
}

/** Close the open step runs (or only `only`); runs the draft owns are closed in place, others copied. */
function closeSteps(d: Draft, h: Head, at: string, ms: number, only?: string): void {
  const byInstant = d.policy.timelinessLevel === 'instant';
  for (let k = openFrom(d.steps, h); k < d.steps.length; k++) {
    const s = d.steps[k]!;
    if (s.endedAt !== null || (only !== undefined && s.step !== only)) continue;
    const result = s.dueAt === null ? null : timelinessOf(ms, s.dueMs, byInstant);
    if (h.ownsSteps) {
      const w = s as Mutable<StepRun>;
      w.endedAt = at;
      w.result = result;
    } else d.steps[k] = stepWith(s, at, result, s.dueMs, s.dueAt, s.dueDate);
  }
  openFrom(d.steps, h);
}

/** Move the head's `openFrom` past the runs that have ended, and return it (keeps step scans linear over a fold, #14). */
function openFrom(steps: readonly StepRun[], h: Head): number {
  let k = h.openFrom;
  if (k > steps.length) k = 0; // a different dossier's steps: start over
  while (k < steps.length && steps[k]!.endedAt !== null) k++;
  h.openFrom = k;
  return k;
}

function warn(d: Draft, h: Head, rule: string, message: string): void {
  d.warnings.push({ eventId: h.id, rule, message });
}

function clockFrom(c: Cal, due: Due, limit: DossierClock['limit'], restarts: number, excluded: number): DossierClock {
  const dueDate = dateOfOff(c.idx, due.dueOff);
  const dueAt = formatMs(c, due.dueMs);
  return {
    limit,
    precise: due.precise,
    countFrom: dateOfOff(c.idx, due.countFrom),
    clockStart: formatMs(c, due.startMs),
    dueDate,
    dueAt,
    originalDueDate: dueDate,
    originalDueAt: dueAt,
    pausedAt: null,
    pause: null,
    excluded,
    restarts,
    dueMs: due.dueMs,
    originalDueMs: due.dueMs,
    pausedMs: 0,
  };
}

/** Due date of a period of `limit` starting at `ms`, with the cut-off of the channel under the policy. */
function dueOn(x: Ctx, ms: number, limit: DossierClock['limit'], channel: DossierChannel): Due {
  const online = channel === 'online';
  return computeDue(x.c, ms, limit, online ? x.onlineCutMin : x.counterCutMin, online ? x.onlineCutText : x.counterCutText);
}

function startClock(x: Ctx, ms: number, channel: DossierChannel): DossierClock {
  const limit = limitOf(x.proc, channel)!;
  return clockFrom(x.c, dueOn(x, ms, limit, channel), limit, 0, 0);
}

function shiftClock(c: Cal, clock: DossierClock, fromMs: number, toMs: number): DossierClock {
  const k = intervalOf(c.idx, fromMs, toMs, clock.precise);
  const dueMs = shiftDue(c, clock.dueMs, k, clock.precise);
  const originalDueMs = shiftDue(c, clock.originalDueMs, k, clock.precise);
  const n = copyClock(clock);
  n.dueMs = dueMs;
  n.dueAt = formatMs(c, dueMs);
  n.dueDate = dateOfOff(c.idx, offOf(c.idx, dayOfMs(dueMs)));
  n.originalDueMs = originalDueMs;
  n.originalDueAt = formatMs(c, originalDueMs);
  n.originalDueDate = dateOfOff(c.idx, offOf(c.idx, dayOfMs(originalDueMs)));
  n.excluded = clock.excluded + k;
  n.pause = null;
  n.pausedAt = null;
  n.pausedMs = 0;
  return n;
}

/**
 * Decision 766 supplement rule [S]: the portal's index 2.1 formula compares
 * `end - (supplement completed - supplement requested)` with the due date. The due instant (and the
 * original one) move later by that elapsed time, not by working days; `timeliness` and `statusAt`
 * take the elapsed time off the end before comparing dates (see judge.ts).
 */
function elapsedShiftedClock(c: Cal, clock: DossierClock, waited: number): DossierClock {
  const w = Math.max(0, waited);
  const dueMs = clock.dueMs + w;
  const originalDueMs = clock.originalDueMs + w;
  const n = copyClock(clock);
  n.dueMs = dueMs;
  n.dueAt = formatMs(c, dueMs);
  n.dueDate = dateOfOff(c.idx, offOf(c.idx, dayOfMs(dueMs)));
  n.originalDueMs = originalDueMs;
  n.originalDueAt = formatMs(c, originalDueMs);
  n.originalDueDate = dateOfOff(c.idx, offOf(c.idx, dayOfMs(originalDueMs)));
  n.pause = null;
  n.pausedAt = null;
  n.pausedMs = 0;
  return n;
}

function shiftedSteps(c: Cal, h: Head, steps: StepRun[], fromMs: number, toMs: number): StepRun[] | null {
  let out: StepRun[] | null = null;
  for (let k = openFrom(steps, h); k < steps.length; k++) {
    const s = steps[k]!;
    if (s.endedAt !== null || s.dueAt === null || s.budget === null) continue;
    const precise = isPrecise(s.budget);
    const n = intervalOf(c.idx, fromMs, toMs, precise);
    if (n <= 0) continue;
    const dueMs = shiftDue(c, s.dueMs, n, precise);
    out ??= h.ownsSteps ? steps : steps.slice(); // a fold owns its array: no copy per shift
    out[k] = stepWith(s, s.endedAt, s.result, dueMs, formatMs(c, dueMs), dateOfOff(c.idx, offOf(c.idx, dayOfMs(dueMs))));
  }
  return out;
}

/** The rule set the dossier follows, once received. */
function ruleSetOf(d: Draft): RuleSet | null {
  return d.ruleSet === null ? null : ruleSetById(d.ruleSet);
}

/**
 * Epoch ms of the last accepted event of a type, from its history line (no second parse). Looks at
 * the last {@link LINE_SCAN} lines only (the caller parses the stored instant otherwise), so a long
 * log stays linear to replay (#14).
 */
function msOfLine(d: Draft, type: DossierEventType): number | undefined {
  const h = d.history;
  const stop = Math.max(0, h.length - LINE_SCAN);
  for (let k = h.length - 1; k >= stop; k--) if (h[k]!.type === type) return h[k]!.ms;
  return undefined;
}
const LINE_SCAN = 64;

function feeOf(d: Draft, h: Head): FeeStatus {
  scanLog(d, h);
  return h.fee;
}

/** Bring the head's reading of the log ({@link Head.scanned}) up to the draft's last line. */
function scanLog(d: Draft, h: Head): void {
  const lines = d.history;
  if (h.scanned > lines.length) {
    h.scanned = 0;
    h.fee = 'none';
    h.transferId = null;
    h.submissionMs = NaN;
  }
  for (let k = h.scanned; k < lines.length; k++) {
    const line = lines[k]!;
    switch (line.type) {
      case 'fee-assessed':
        h.fee = (d.events[k] as { amount: number }).amount > 0 ? 'assessed' : 'free';
        break;
      case 'fee-paid':
        h.fee = 'paid';
        break;
      case 'fee-refunded':
        h.fee = 'refunded';
        break;
      case 'transferred':
        h.transferId = line.id;
        break;
      case 'submitted':
      case 'intake-supplemented':
        h.submissionMs = line.ms;
        break;
      default:
    }
  }
  h.scanned = lines.length;
}

/**
 * Epoch ms of the last (re)submission of an online dossier: the submission, or the complete dossier
 * sent after an intake supplement request (Decree 118/2025 Art 17(2)-(3): the 8 working hours and the
 * clock run from the complete dossier). NaN when there is none.
 */
function lastSubmissionMs(d: Draft, h: Head): number {
  scanLog(d, h);
  return h.submissionMs;
}

/** Working hours (as office minutes) between an online (re)submission and `ms` exceed the policy's limit. */
function overOnlineHours(d: Draft, idx: Index, fromMs: number, ms: number): boolean {
  return fromMs === fromMs && ordinalOfMs(idx, ms) - ordinalOfMs(idx, fromMs) > d.policy.onlineReceiptHours * 60;
}

/**
 * Last day (offset) of a supplement period starting the day after `from` (Civil Code Art 147): a
 * calendar-day period whose last day is a day off ends on the next working day (Art 148).
 */
function periodLastOff(idx: Index, from: number, p: SupplementPeriod): number {
  if (p.unit === 'working-day') return addWorkingOff(idx, from, p.amount);
  const last = from + p.amount;
  if (last >= idx.working.length) throw new MotcuaError('OUT_OF_RANGE', "the supplement period ends outside the calendar's years", p.amount, 'at');
  return idx.working[last] ? last : addWorkingOff(idx, last, 1);
}

/** The closure period of a dossier's supplement: the procedure's own, else its rule set's (`null`: none). */
function closureOf(x: Ctx, rs: RuleSet | null): SupplementPeriod | null {
  return x.proc.closure !== undefined ? x.proc.closure : (rs?.supplementClosure ?? null);
}

/** Index of the open run of a step, or -1. */
function openStep(steps: readonly StepRun[], h: Head, step: string): number {
  for (let k = openFrom(steps, h); k < steps.length; k++) if (steps[k]!.endedAt === null && steps[k]!.step === step) return k;
  return -1;
}

/** The last step run still open. */
function lastOpenStep(steps: readonly StepRun[], h: Head): StepRun | undefined {
  const stop = openFrom(steps, h);
  for (let k = steps.length - 1; k >= stop; k--) if (steps[k]!.endedAt === null) return steps[k];
  return undefined;
}

function setEnd(d: Draft, h: Head, kind: DossierEndKind): void {
  if (d.end === null) d.end = { at: h.at, kind, eventId: h.id };
}

/** Index of the log entry with this id, or -1: a scan for a short log or in `evolve`, the fold's id map otherwise. */
function indexOfId(history: readonly HistoryEntry[], h: Head, id: string): number {
  const n = history.length;
  if (n <= ID_SCAN || !h.ownsSteps) {
    for (let k = 0; k < n; k++) if (history[k]!.id === id) return k;
    return -1;
  }
  let ids = h.ids;
  if (ids === null) ids = h.ids = new Map();
  for (let k = h.idsUpTo; k < n; k++) {
    const hid = history[k]!.id;
    if (!ids.has(hid)) ids.set(hid, k);
  }
  h.idsUpTo = n;
  return ids.get(id) ?? -1;
}

/**
 * Apply one event to a draft. Returns false when the event is a duplicate of one already in the
 * log (idempotent), true when applied. Throws {@link DossierError} otherwise, before any write.
 * `h` is a head owned by the caller (see {@link newHead}), reused from event to event.
 */
export function applyEvent(d: Draft, x: Ctx, e: DossierEvent, h: Head): boolean {
  checkShape(d, e, h);
  const kind = h.kind;
  const ms = h.ms;
  // history[k] is the line of events[k]: scanning its ids reads one object shape, not every event type's
  const history = d.history;
  const id = h.id;
  const k = indexOfId(history, h, id);
  if (k >= 0) {
    if (sameEvent(d.events[k], e)) return false;
    fail(d, e, 'INVALID_EVENT', 'duplicate-id', `another event with id ${show(id)} is already in the log`, id, 'id');
  }
  const state = d.state;
  let slot = h.slot;
  if (state !== h.state) {
    slot = STATE_SLOTS.get(state)!;
    h.state = state;
    h.slot = slot;
  }
  if (slot.terminal) fail(d, e, 'INVALID_TRANSITION', 'terminal', `${state} is a terminal state: no event is accepted after it`);
  if (ms < d.lastMs) fail(d, e, 'INVALID_TRANSITION', 'chronology', `${h.at} is earlier than the last event (${d.history[d.history.length - 1]?.at ?? '?'})`, h.at, 'at');
  if ((kind.fromMask & slot.bit) === 0) fail(d, e, 'INVALID_TRANSITION', 'transition-table', `no transition for ${kind.type} from ${state}`);
  if (!kind.anyRuleSet && (d.ruleSet === null || !kind.ruleSets.includes(d.ruleSet))) {
    fail(d, e, 'INVALID_TRANSITION', 'rule-set', `${kind.type} exists only under ${kind.ruleSets.join(', ')}; this dossier follows ${d.ruleSet ?? 'no rule set yet'}`);
  }
  try {
    return applyRow(d, x, e, h);
  } catch (err) {
    if (err instanceof DossierError) throw err;
    if (err instanceof MotcuaError) fail(d, e, err.code === 'OUT_OF_RANGE' ? 'OUT_OF_RANGE' : 'INVALID_EVENT', 'calendar', err.message, err.value, err.field);
    throw err;
  }
}

function applyRow(d: Draft, x: Ctx, e: DossierEvent, h: Head): boolean {
  const kind = h.kind;
  const ms = h.ms;
  const at = h.at;
  const c = x.c;
  const proc = x.proc;
  const idx = c.idx;
  const from = d.state as DossierState | NoState;
  let to: DossierState = kind.same ? (from as DossierState) : (kind.to as DossierState);
  // ---- checks and new values (each case checks first, then writes; nothing after the switch can throw) ----
  let clock = d.clock;
  let steps: StepRun[] | null = null;
  let resume: DossierState[] | null = null;
  if (clock === null && kind.needsClock) fail(d, e, 'INVALID_TRANSITION', 'clock-running', 'the processing clock has not started (waiting for the competent agency to receive the dossier)');

  switch (kind.ev) {
    case Ev.Submitted: {
      const ev = e as SubmittedEvent;
      const ch = ev.channel ?? 'online';
      {
        d.channel = ch;
        d.submittedAt = at;
      }
      break;
    }
    case Ev.Received: {
      const ev = e as ReceivedEvent;
      const channel: DossierChannel = ev.channel ?? (from === 'none' ? 'direct' : (d.channel ?? 'online'));
      if (limitOf(proc, channel) === undefined) fail(d, e, 'CHANNEL_NOT_OFFERED', 'channel-offered', `procedure ${d.procedure.code} is not offered through the ${channel} channel`, channel, 'channel');
      const dayNo = dayOfMs(ms);
      const day = dateOfOff(idx, offOf(idx, dayNo));
      const rsId: RuleSetId | null = d.policy.ruleSet ?? ruleSetForDay(dayNo)?.id ?? null;
      if (rsId === null) fail(d, e, 'INVALID_TRANSITION', 'rule-set-in-force', `no rule set governs a receipt on ${day} (rules start 2018-06-21); set policy.ruleSet to force one`, at, 'at');
      if (ev.code !== undefined && parseDossierCode(ev.code).date !== day) {
        fail(d, e, 'INVALID_TRANSITION', 'dossier-code', `the dossier code ${show(ev.code)} is dated ${parseDossierCode(ev.code).date}, but the dossier is received on ${day} (Circular 01/2018 Art 19)`, ev.code, 'code');
      }
      const nonBoundary = ev.nonBoundary === true;
      const deferred = nonBoundary && ruleSetById(rsId).clockStartAtCompetentAgency;
      let startMs = ms;
      let submittedMs = NaN;
      if (d.submittedAt !== null && channel === 'online') {
        // the complete dossier: after an intake supplement, its resubmission (Art 17(3))
        submittedMs = lastSubmissionMs(d, h);
        if (d.policy.onlineClockStart === 'submission') startMs = submittedMs;
      }
      const newClock = deferred ? null : startClock(x, startMs, channel);
      const lateReceipt = overOnlineHours(d, idx, submittedMs, ms);
      clock = newClock;
      {
        d.channel = channel;
        d.ruleSet = rsId;
        d.receivedAt = at;
        d.nonBoundary = nonBoundary;
        if (lateReceipt) warn(d, h, 'online-receipt-8-working-hours', `official receipt more than ${d.policy.onlineReceiptHours} working hours after the online (re)submission (Decree 118/2025 Art 17(2))`);
      }
      break;
    }
    case Ev.AgencyReceived: {
      if (!(d.nonBoundary)) fail(d, e, 'INVALID_TRANSITION', 'non-boundary', 'only a dossier received outside the competent agency’s area (nonBoundary) is handed to the competent agency');
      if (clock === null) clock = startClock(x, ms, d.channel ?? 'direct');
      break;
    }
    case Ev.StepStarted: {
      const ev = e as StepStartedEvent;
      const known = proc.steps.get(ev.step);
      if (!(known !== undefined || typeof ev.agency === 'string')) fail(d, e, 'INVALID_TRANSITION', 'known-step', `step ${show(ev.step)} is not a step of procedure ${d.procedure.code}; give its agency (and budget) for an internal step`);
      if (openStep(d.steps, h, ev.step) >= 0) fail(d, e, 'INVALID_TRANSITION', 'step-not-open', `step ${show(ev.step)} is already in progress`);
      const budget = ev.budget ?? known?.budget ?? null;
      let due: Due | null = null;
      if (budget !== null) due = computeDue(c, ms, budget, null, null);
      const prev = lastOpenStep(d.steps, h) ?? (d.steps.length > 0 ? d.steps[d.steps.length - 1] : undefined);
      const run: StepRun = {
        step: ev.step,
        name: ev.name ?? known?.name ?? ev.step,
        agency: ev.agency ?? known?.agency ?? '',
        level: ev.level ?? known?.level ?? null,
        from: prev?.agency ?? DESK,
        startedAt: at,
        budget,
        dueDate: due === null ? null : dateOfOff(idx, due.dueOff),
        dueAt: due === null ? null : formatMs(c, due.dueMs),
        endedAt: null,
        result: null,
        startedMs: ms,
        dueMs: due === null ? 0 : due.dueMs,
      };
      {
        if (!proc.parallel) closeSteps(d, h, at, ms);
        d.steps[d.steps.length] = run;
      }
      break;
    }
    case Ev.StepCompleted: {
      const ev = e as StepCompletedEvent;
      if (openStep(d.steps, h, ev.step) < 0) fail(d, e, 'INVALID_TRANSITION', 'step-open', `step ${show(ev.step)} is not in progress`);
      closeSteps(d, h, at, ms, ev.step);
      break;
    }
    case Ev.SupplementRequested: {
      const rs = ruleSetOf(d);
      const max = rs?.maxSupplements ?? 1;
      if (!(d.supplements < max || d.policy.repeatedSupplements === 'accept')) fail(d, e, 'INVALID_TRANSITION', 'supplement-once', `a supplement after appraisal may be requested only ${max === 1 ? 'once' : `${max} times`} (${rs?.notes[0] ?? ''})`);
      clock = paused(clock!, 'supplement', at, ms);
      resume = [...d.resume, from as DossierState];
      const recv = d.receivedAt === null ? ms : (msOfLine(d, 'received') ?? instantMs(d.receivedAt, 'receivedAt'));
      const window = proc.window ?? rs?.supplementWindow ?? THREE_WORKING_DAYS;
      const recvOff = offOf(idx, dayOfMs(recv));
      const reqOff = offOf(idx, dayOfMs(ms));
      // more than n working days in (receipt, request]; a calendar-day window: after its last day
      const late = window.unit === 'working-day' ? workingDaysBetweenOff(idx, recvOff, reqOff) > window.amount : reqOff > periodLastOff(idx, recvOff, window);
      {
        d.supplements++;
        if (late) warn(d, h, 'supplement-within-3-working-days', `supplement requested more than ${window.amount} ${window.unit === 'working-day' ? 'working days' : 'days'} after receipt (Decree 118/2025 Art 19(5))`);
        if (d.supplements > 1) warn(d, h, 'supplement-once', `supplement request number ${d.supplements}: the law allows one`);
      }
      break;
    }
    case Ev.SupplementReceived: {
      const cl = clock!;
      const waitedFrom = cl.pausedMs;
      if (d.policy.supplement === 'legal-restart') {
        clock = clockFrom(c, dueOn(x, ms, cl.limit, d.channel ?? 'direct'), cl.limit, cl.restarts + 1, cl.excluded);
      } else clock = elapsedShiftedClock(c, cl, ms - waitedFrom);
      steps = shiftedSteps(c, h, d.steps, waitedFrom, ms);
      resume = d.resume.slice(0, -1);
      to = d.resume[d.resume.length - 1] ?? 'in-process';
      const closure = closureOf(x, ruleSetOf(d));
      if (closure !== null && offOf(idx, dayOfMs(ms)) > periodLastOff(idx, offOf(idx, dayOfMs(waitedFrom)), closure)) {
        warn(d, h, 'supplement-closure-period', `supplement received after the ${closure.amount} ${closure.unit === 'working-day' ? 'working days' : 'days'} following the request: the dossier could have been closed (Decree 118/2025 Art 19(5))`);
      }
      break;
    }
    case Ev.SupplementExpired: {
      const closure = closureOf(x, ruleSetOf(d));
      if (closure === null) fail(d, e, 'INVALID_TRANSITION', 'supplement-closure-period', `procedure ${d.procedure.code} sets no closure period for a missing supplement (procedure.supplement.closure is null)`);
      const since = clock === null ? ms : clock.pausedMs;
      const lastOff = periodLastOff(idx, offOf(idx, dayOfMs(since)), closure);
      if (!(offOf(idx, dayOfMs(ms)) > lastOff)) {
        fail(d, e, 'INVALID_TRANSITION', 'supplement-closure-period', `the ${closure.amount} ${closure.unit === 'working-day' ? 'working days' : 'days'} for the supplement run until ${dateOfOff(idx, lastOff)} (Decree 118/2025 Art 19(5); Civil Code Art 147-148)`);
      }
      setEnd(d, h, 'closed-no-supplement');
      break;
    }
    case Ev.ClockStopped: {
      const ev = e as ClockStoppedEvent;
      if (!(proc.clockStops.has(ev.reason))) fail(d, e, 'INVALID_TRANSITION', 'clock-stop-reason-of-procedure', `procedure ${d.procedure.code} has no clock stop for ${ev.reason} (its clockStops: ${[...proc.clockStops].join(', ') || 'none'})`);
      to = ev.reason === 'financial-obligation' ? 'financial-obligation' : 'clock-stopped';
      clock = paused(clock!, 'clock-stop', at, ms);
      resume = [...d.resume, from as DossierState];
      break;
    }
    case Ev.ClockResumed: {
      const cl = clock!;
      clock = shiftClock(c, cl, cl.pausedMs, ms);
      steps = shiftedSteps(c, h, d.steps, cl.pausedMs, ms);
      resume = d.resume.slice(0, -1);
      to = d.resume[d.resume.length - 1] ?? 'in-process';
      break;
    }
    case Ev.Extended: {
      const ev = e as ExtendedEvent;
      const cl = clock!;
      const rs = ruleSetOf(d);
      const max = rs?.maxExtensions ?? 1;
      if (!(d.extensions < max)) fail(d, e, 'INVALID_TRANSITION', 'extension-once', `the due date may be extended only once (Decree 118/2025 Art 19(6)); it was extended to ${cl.dueDate}`);
      const notice = rs?.extensionNoticeDays ?? 1;
      const dueDay = dayOfMs(cl.dueMs);
      if (!(dayOfMs(ms) <= dueDay - notice)) fail(d, e, 'INVALID_TRANSITION', 'extension-notice', `the apology letter must come at least ${notice} day before the due date ${cl.dueDate}; it came on ${dateOfOff(idx, offOf(idx, dayOfMs(ms)))}`);
      const untilDay = tryParseDate(ev.until);
      if (!(untilDay > dueDay)) fail(d, e, 'INVALID_TRANSITION', 'extension-later-date', `the new date ${ev.until} is not later than the due date ${cl.dueDate}`);
      const off = offOf(idx, untilDay);
      if (!idx.working[off]) fail(d, e, 'INVALID_TRANSITION', 'extension-working-day', `the new date ${ev.until} is not a working day of the calendar (Decree 118/2025 Art 19(6))`, ev.until, 'until');
      const dueMs = closeOf(c, off);
      const n = copyClock(cl);
      n.dueMs = dueMs;
      n.dueAt = formatMs(c, dueMs);
      n.dueDate = dateOfOff(idx, off);
      clock = n;
      {
        d.extensions++;
      }
      break;
    }
    case Ev.Refused:
      {
        closeSteps(d, h, at, ms);
        setEnd(d, h, 'refused');
      }
      break;
    case Ev.WithdrawalRequested:
      if ((from === 'submitted' || from === 'intake-supplement') && d.channel !== 'online') {
        fail(d, e, 'INVALID_TRANSITION', 'withdrawal-online-before-receipt', `before official receipt only an online applicant may ask to stop the dossier (Decree 118/2025 Art 21(2)); this one came by the ${d.channel ?? 'direct'} channel`);
      }
      resume = [...d.resume, from as DossierState];
      setEnd(d, h, 'withdrawn');
      break;
    case Ev.WithdrawalDeclined:
      resume = d.resume.slice(0, -1);
      to = d.resume[d.resume.length - 1] ?? 'in-process';
      {
        if (d.end?.kind === 'withdrawn') d.end = null;
      }
      break;
    case Ev.Stopped:
      resume = [];
      {
        closeSteps(d, h, at, ms);
        setEnd(d, h, 'stopped');
      }
      break;
    case Ev.Resolved:
      {
        closeSteps(d, h, at, ms);
        d.resolvedAt = at;
        setEnd(d, h, 'resolved');
      }
      break;
    case Ev.Returned:
      {
        d.returnedAt ??= at;
      }
      break;
    case Ev.Corrected: {
      const last = d.corrections[d.corrections.length - 1];
      // the due date this fold wrote is read back as its day number, not parsed again (#18)
      const late = last !== undefined && dayOfMs(ms) > (last.dueDate === h.corrDue ? h.corrDueDay : (tryParseDate(last.dueDate) as number));
      {
        if (last) d.corrections[d.corrections.length - 1] = { ...last, correctedAt: at };
        if (late) warn(d, h, 'correction-within-3-working-days', 'the faulty result was corrected more than 3 working days after the request (Decree 118/2025 Art 23)');
      }
      break;
    }
    case Ev.CorrectionRequested: {
      const dueOff = addWorkingOff(idx, offOf(idx, dayOfMs(ms)), 3);
      const due = dateOfOff(idx, dueOff);
      d.corrections.push({ requestedAt: at, dueDate: due, correctedAt: null });
      h.corrDue = due;
      h.corrDueDay = idx.fromDay + dueOff;
      break;
    }
    case Ev.IntakeSupplementRequested: {
      // Art 17(2): the supplement request notice, like the receipt, is due within 8 working hours of the (re)submission
      const late = from === 'submitted' && d.channel === 'online' && overOnlineHours(d, idx, lastSubmissionMs(d, h), ms);
      if (late) warn(d, h, 'online-receipt-8-working-hours', `intake supplement request more than ${d.policy.onlineReceiptHours} working hours after the online (re)submission (Decree 118/2025 Art 17(2))`);
      break;
    }
    case Ev.Transferred: {
      scanLog(d, h);
      if (h.transferId !== null) fail(d, e, 'INVALID_TRANSITION', 'transfer-once', `the dossier was already transferred (event ${show(h.transferId)})`);
      const recv = msOfLine(d, 'received') ?? instantMs(d.receivedAt!, 'receivedAt');
      const rDay = dayOfMs(recv);
      const rOff = offOf(idx, rDay);
      const tOff = offOf(idx, dayOfMs(ms));
      if (d.nonBoundary && d.channel !== 'online') {
        if (workingDaysBetweenOff(idx, rOff, tOff) > 1) warn(d, h, 'transfer-paper-1-working-day', 'paper dossier received outside the competent agency’s area transferred more than 1 working day after receipt (Decree 118/2025 Art 20(1)(a))');
      } else if (d.channel !== 'online') {
        // Art 18(2): the same working day, or the next one when received after 15:00 (or on a day off)
        const minute = recv / 60000 + 420 - rDay * 1440;
        const lastOff = idx.working[rOff] && minute <= 900 ? rOff : addWorkingOff(idx, rOff, 1);
        if (tOff > lastOff) warn(d, h, 'transfer-same-working-day', `dossier transferred after ${dateOfOff(idx, lastOff)}: the same working day, or the next one when received after 15:00 (Decree 118/2025 Art 18(2))`);
      }
      break;
    }
    case Ev.FeeAssessed:
      if (feeOf(d, h) === 'paid') fail(d, e, 'INVALID_TRANSITION', 'fee-not-paid', 'the fee is already paid: it cannot be assessed again (refund it first)');
      break;
    case Ev.FeePaid: {
      const st = feeOf(d, h);
      if (st !== 'assessed') {
        fail(d, e, 'INVALID_TRANSITION', 'fee-assessed', st === 'paid' ? 'the fee is already paid' : st === 'free' ? 'the assessed fee is 0: there is nothing to pay' : 'no fee has been assessed for this dossier: a payment needs a fee-assessed event first');
      }
      break;
    }
    case Ev.FeeRefunded:
      if (feeOf(d, h) !== 'paid') fail(d, e, 'INVALID_TRANSITION', 'fee-paid', 'no paid fee to refund');
      break;
    case Ev.Rejected:
    case Ev.IntakeSupplemented:
      break;
  }
  // ---- commit ----
  d.clock = clock;
  if (steps !== null) d.steps = steps;
  if (resume !== null) d.resume = resume;
  d.state = to;
  const toSlot = kind.fixedTarget ? kind.toSlot : to === from ? h.slot : STATE_SLOTS.get(to)!;
  h.state = to;
  h.slot = toSlot;
  let code = toSlot.code as NationalStatusCode;
  if (x.codes !== null) code = x.codes.get(to) ?? code;
  d.nationalCode = code;
  d.lastMs = ms;
  // stores at `length` rather than push(): the JIT inlines the store, push() stays a call here
  d.events[d.events.length] = e;
  d.history[d.history.length] = {
    id: h.id,
    type: kind.type,
    at,
    state: to,
    code,
    dueDate: clock === null ? null : clock.dueDate,
    ms,
    dueMs: clock === null ? 0 : clock.dueMs,
    paused: clock !== null && clock.pause !== null,
  };
  return true;
}
