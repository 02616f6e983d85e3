/**
 * @internal The decider's step: validate one event against the dossier, then apply it to a
 * mutable draft. Every check runs before the first write, so a refused event leaves the draft
 * untouched (replay relies on it). Here: the event's shape and bounds, the general rules of the
 * transition table (duplicate id, terminal state, chronology, the row's from-states and rule sets) and
 * the commit; each event kind's own legal checks and new values are its named handler in handlers.ts,
 * with the helpers they share in ops.ts.
 */
import { assertLimit } from '../../calendar/dueDate';
import { tryParseDate } from '../../_lib/civil/date';
import { MotcuaError, kindVi, show, textsOf } from '../../errors';
import { DossierError } from '../errors';
import { parseDossierCode } from '../code';
import type { FeeStatus } from '../payment';
import type { Transition } from '../table';
import { STATE_SLOTS } from '../states';
import type { StateSlot } from '../states';
import { TRANSITIONS } from '../table';
import type { DossierEvent, DossierEventType, DossierState, NationalStatusCode, NoState, RuleSetId } from '../types';
import type { Ctx } from './context';
import { instantMs, isEpochMs } from './time';
import { checkNested, isBadLeaf, MAX_EVENT_VALUES, sameEvent } from './bounds';

import type { Draft } from './draft';
import { fail } from './draft';
import type { Handler, Turn } from './handlers';
import { HANDLERS } from './handlers';
import { indexOfId } from './ops';

export type { Draft } from './draft';

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
  /** The event's handler (handlers.ts): its own legal checks and new values. */
  readonly handler: Handler;
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
    handler: HANDLERS[t.event],
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
  /** The event being applied, handed to its handler (one object per head, overwritten by each event). */
  turn: Turn;
  /**
   * The fold makes a summary, not a dossier (`replayMany` with `output: 'summary'`): an event's `at`
   * may be integer epoch ms, kept as it is (the event is not copied) with an empty text in `at`, since
   * the summary reads instants from `ms` only. Any refusal in such a fold is replayed again by the
   * ordinary fold, which gives the refusal its texts (see replayMany.ts).
   */
  lean: boolean;
}


/** A blank {@link Turn} (its fields are set by each event before its handler runs). */
function newTurn(): Turn {
  return { d: null as unknown as Draft, x: null as unknown as Ctx, e: null as unknown as DossierEvent, h: null as unknown as Head, ms: 0.5, at: '', from: 'none', to: 'none' as DossierState, clock: null, steps: null, resume: null };
}

/** A fresh {@link Head}; `ownsSteps` as in {@link Head}. */
export function newHead(ownsSteps: boolean): Head {
  return { kind: KINDS.get('submitted')!, id: '', at: '', ms: 0.5, ownsSteps, touched: 0, state: '', slot: STATE_SLOTS.get('none')!, ids: null, idsUpTo: 0, openFrom: 0, scanned: 0, fee: 'none', transferId: null, submissionMs: NaN, knownAt: null, knownMs: 0, corrDue: null, corrDueDay: 0, turn: newTurn(), lean: false };
}

/** A head as {@link newHead} makes it, for the next log of a batch (its objects reused: no allocation per log). */
export function resetHead(h: Head): void {
  h.id = '';
  h.at = '';
  h.ms = 0.5;
  h.state = '';
  h.slot = STATE_SLOTS.get('none')!;
  h.ids = null;
  h.idsUpTo = 0;
  h.openFrom = 0;
  h.scanned = 0;
  h.fee = 'none';
  h.transferId = null;
  h.submissionMs = NaN;
  h.knownAt = null;
  h.knownMs = 0;
  h.corrDue = null;
  h.corrDueDay = 0;
}

const REASONS = new Set(['financial-obligation', 'public-posting', 'expert-assessment', 'site-inspection', 'verification', 'other']);
const CHANNELS = new Set(['direct', 'online', 'postal']);
const LEVELS = new Set(['ministry', 'province', 'district', 'commune']);
const PAYMENT_CHANNELS = new Set(['counter', 'online-national-portal', 'bank-transfer']);

function vnd(v: unknown): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= Number.MAX_SAFE_INTEGER;
}

function str(v: unknown): boolean {
  return v === undefined || typeof v === 'string';
}

/** Check the shape of an event and fill the head with its kind, id, time and epoch ms. */
function checkShape(d: Draft, e: DossierEvent, h: Head): void {
  if (typeof e !== 'object' || e === null || Array.isArray(e)) fail(d, {}, 'INVALID_EVENT', 'event-schema', { vi: `cần một sự kiện dạng đối tượng { id, type, at }, nhận được ${show(e, 'vi')}`, en: `expected an event object { id, type, at }, got ${show(e)}` }, e, 'event');
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
  if (typeof id !== 'string' || id.length === 0) fail(d, e, 'INVALID_EVENT', 'event-schema', { vi: `cần mã sự kiện (id) là chuỗi không rỗng, nhận được ${show(id, 'vi')}`, en: `expected a non-empty string id, got ${show(id)}` }, id, 'id');
  if (fields > MAX_EVENT_VALUES) fail(d, e, 'INVALID_EVENT', 'event-bounds', { vi: `một sự kiện chỉ được chứa tối đa ${MAX_EVENT_VALUES} giá trị (trường, phần tử và giá trị lồng nhau); sự kiện này có ${fields} trường`, en: `an event may hold at most ${MAX_EVENT_VALUES} values (fields, items and nested values); this one has ${fields} fields` }, fields, 'event');
  if (nested !== null) checkBounds(d, e, fields, nested);
  if (type === undefined) type = e.type;
  const kind = typeof type === 'string' ? KINDS.get(type) : undefined;
  if (kind === undefined) fail(d, e, 'INVALID_EVENT', 'event-schema', { vi: `loại sự kiện không xác định ${show(type, 'vi')}`, en: `unknown event type ${show(type)}` }, type, 'type');
  if (at === undefined) at = e.at;
  let ms: number;
  if (typeof at !== 'string') {
    // a summary fold reads epoch ms as they are (the ordinary fold is given a copy with the text: see replayMany.ts)
    if (!(h.lean && isEpochMs(at))) fail(d, e, 'INVALID_EVENT', 'event-schema', { vi: `cần thời điểm dạng ISO 8601 có độ lệch múi giờ, nhận được ${show(at, 'vi')}`, en: `expected an ISO 8601 string with an offset, got ${show(at)}` }, at, 'at');
    ms = at;
    at = '';
  } else if (at === h.knownAt) ms = h.knownMs;
  else {
    try {
      ms = instantMs(at, 'at');
    } catch (err) {
      fail(d, e, 'INVALID_EVENT', 'event-schema', textsOf(err), at, 'at');
    }
  }
  if (badText) fail(d, e, 'INVALID_EVENT', 'event-schema', { vi: 'người thực hiện (by) và ghi chú (note) phải là chuỗi', en: 'by and note must be strings' }, e, 'by');
  const x = e as unknown as Record<string, unknown>;
  switch (kind.ev) {
    case Ev.Submitted:
      if (x.channel !== undefined && x.channel !== 'online' && x.channel !== 'postal') fail(d, e, 'INVALID_EVENT', 'event-schema', { vi: `hồ sơ nộp qua kênh trực tuyến (online) hoặc bưu chính (postal), nhận được ${show(x.channel, 'vi')}`, en: `a submission is online or postal, got ${show(x.channel)}` }, x.channel, 'channel');
      break;
    case Ev.Received:
      if (x.channel !== undefined && !CHANNELS.has(x.channel as string)) fail(d, e, 'INVALID_EVENT', 'event-schema', { vi: `kênh không xác định ${show(x.channel, 'vi')}`, en: `unknown channel ${show(x.channel)}` }, x.channel, 'channel');
      if (x.nonBoundary !== undefined && typeof x.nonBoundary !== 'boolean') fail(d, e, 'INVALID_EVENT', 'event-schema', { vi: 'nonBoundary phải là giá trị đúng/sai (true hoặc false)', en: 'nonBoundary must be a boolean' }, x.nonBoundary, 'nonBoundary');
      if (x.appointmentSlip !== undefined && typeof x.appointmentSlip !== 'boolean') fail(d, e, 'INVALID_EVENT', 'event-schema', { vi: 'appointmentSlip phải là giá trị đúng/sai (true hoặc false)', en: 'appointmentSlip must be a boolean' }, x.appointmentSlip, 'appointmentSlip');
      if (x.code !== undefined) {
        try {
          parseDossierCode(x.code as string);
        } catch (err) {
          fail(d, e, 'INVALID_EVENT', 'dossier-code', textsOf(err), x.code, 'code');
        }
      }
      break;
    case Ev.FeeAssessed:
      if (!vnd(x.amount)) fail(d, e, 'INVALID_EVENT', 'event-schema', { vi: `cần mức phí, lệ phí bằng đồng (VND), là số nguyên ≥ 0, nhận được ${show(x.amount, 'vi')}`, en: `expected the fee in VND, an integer ≥ 0, got ${show(x.amount)}` }, x.amount, 'amount');
      break;
    case Ev.FeePaid:
      if (!PAYMENT_CHANNELS.has(x.channel as string)) fail(d, e, 'INVALID_EVENT', 'event-schema', { vi: `cần hình thức nộp phí: tại quầy (counter), qua Cổng Dịch vụ công quốc gia (online-national-portal) hoặc chuyển khoản (bank-transfer), nhận được ${show(x.channel, 'vi')}`, en: `expected the payment channel counter, online-national-portal or bank-transfer, got ${show(x.channel)}` }, x.channel, 'channel');
      if (x.amount !== undefined && !vnd(x.amount)) fail(d, e, 'INVALID_EVENT', 'event-schema', { vi: `cần số tiền bằng đồng (VND), là số nguyên ≥ 0, nhận được ${show(x.amount, 'vi')}`, en: `expected the amount in VND, an integer ≥ 0, got ${show(x.amount)}` }, x.amount, 'amount');
      break;
    case Ev.FeeRefunded:
      if (x.amount !== undefined && !vnd(x.amount)) fail(d, e, 'INVALID_EVENT', 'event-schema', { vi: `cần số tiền bằng đồng (VND), là số nguyên ≥ 0, nhận được ${show(x.amount, 'vi')}`, en: `expected the amount in VND, an integer ≥ 0, got ${show(x.amount)}` }, x.amount, 'amount');
      break;
    case Ev.Transferred:
      if (!str(x.to)) fail(d, e, 'INVALID_EVENT', 'event-schema', { vi: 'nơi nhận (to) phải là chuỗi', en: 'to must be a string' }, x.to, 'to');
      break;
    case Ev.StepStarted:
      if (x.level !== undefined && !LEVELS.has(x.level as string)) fail(d, e, 'INVALID_EVENT', 'event-schema', { vi: `cấp thực hiện không xác định ${show(x.level, 'vi')}`, en: `unknown level ${show(x.level)}` }, x.level, 'level');
      if (!str(x.name) || !str(x.agency)) fail(d, e, 'INVALID_EVENT', 'event-schema', { vi: 'tên bước (name) và cơ quan (agency) phải là chuỗi', en: 'name and agency must be strings' }, x.agency, 'agency');
      if (x.budget !== undefined) {
        try {
          assertLimit(x.budget, 'budget');
        } catch (err) {
          // named as assertLimit names it (budget.amount, budget.unit); MotcuaError writes that field once
          fail(d, e, 'INVALID_EVENT', 'event-schema', textsOf(err), x.budget, (err instanceof MotcuaError && err.field) || 'budget');
        }
      }
      if (typeof x.step !== 'string' || x.step.length === 0) fail(d, e, 'INVALID_EVENT', 'event-schema', { vi: `cần mã bước (step), nhận được ${show(x.step, 'vi')}`, en: `expected a step id, got ${show(x.step)}` }, x.step, 'step');
      break;
    case Ev.StepCompleted:
      if (typeof x.step !== 'string' || x.step.length === 0) fail(d, e, 'INVALID_EVENT', 'event-schema', { vi: `cần mã bước (step), nhận được ${show(x.step, 'vi')}`, en: `expected a step id, got ${show(x.step)}` }, x.step, 'step');
      break;
    case Ev.ClockStopped:
      if (!REASONS.has(x.reason as string)) fail(d, e, 'INVALID_EVENT', 'event-schema', { vi: `lý do tạm dừng tính thời gian không xác định ${show(x.reason, 'vi')}`, en: `unknown clock-stop reason ${show(x.reason)}` }, x.reason, 'reason');
      reason = false;
      break;
    case Ev.Extended:
      if (typeof x.until !== 'string' || Number.isNaN(tryParseDate(x.until))) fail(d, e, 'INVALID_EVENT', 'event-schema', { vi: `cần ngày hẹn mới dạng "YYYY-MM-DD", nhận được ${show(x.until, 'vi')}`, en: `expected the new due date "YYYY-MM-DD", got ${show(x.until)}` }, x.until, 'until');
      if (!str(x.letter)) fail(d, e, 'INVALID_EVENT', 'event-schema', { vi: 'văn bản xin lỗi (letter) phải là chuỗi', en: 'letter must be a string' }, x.letter, 'letter');
      break;
    default:
  }
  if (reason && !str(x.reason)) fail(d, e, 'INVALID_EVENT', 'event-schema', { vi: 'lý do (reason) phải là chuỗi', en: 'reason must be a string' }, x.reason, 'reason');
  h.kind = kind;
  h.id = id;
  h.at = at as string;
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
      // a flat record of plain values (a step's `budget`, most nested fields): counted without the walk
      const n = flatCount(v);
      if (n >= 0 && n <= budget) {
        budget -= n;
        continue;
      }
      // the field itself was counted in `fields`: its visit in checkNested is not counted twice
      const r = checkNested(key, v, budget + 1);
      if (typeof r !== 'number') fail(d, e, 'INVALID_EVENT', 'event-bounds', r.message, v, r.field);
      budget = r;
    } else if (isBadLeaf(v)) fail(d, e, 'INVALID_EVENT', 'event-bounds', { vi: `không thể lưu giá trị kiểu ${kindVi(v)} vào nhật ký của hồ sơ (chỉ nhận giá trị JSON thông thường)`, en: `a ${typeof v} cannot be stored in a dossier's log (plain JSON values only)` }, v, key);
  }
}

/**
 * Values in a plain (non-array, non-`Date`) object whose values are all strings, finite-or-not
 * numbers, booleans or `null`, or -1 for anything else (which `checkNested` then walks). For such an
 * object `checkNested` would visit exactly these values and find no fault, so the result is the same.
 */
function flatCount(v: object): number {
  if (Array.isArray(v) || v instanceof Date) return -1;
  let n = 0;
  for (const key in v) {
    const x: unknown = (v as Record<string, unknown>)[key];
    const t = typeof x;
    if (t !== 'string' && t !== 'number' && t !== 'boolean' && x !== null && x !== undefined) return -1;
    n++;
  }
  return n;
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
    fail(d, e, 'INVALID_EVENT', 'duplicate-id', { vi: `nhật ký đã có một sự kiện khác mang mã ${show(id, 'vi')}`, en: `another event with id ${show(id)} is already in the log` }, id, 'id');
  }
  const state = d.state;
  let slot = h.slot;
  if (state !== h.state) {
    slot = STATE_SLOTS.get(state)!;
    h.state = state;
    h.slot = slot;
  }
  if (slot.terminal) fail(d, e, 'INVALID_TRANSITION', 'terminal', { vi: `${state} là trạng thái kết thúc: không nhận thêm sự kiện nào sau đó`, en: `${state} is a terminal state: no event is accepted after it` });
  if (ms < d.lastMs) fail(d, e, 'INVALID_TRANSITION', 'chronology', { vi: `thời điểm ${h.at} sớm hơn sự kiện cuối cùng (${d.history[d.history.length - 1]?.at ?? '?'})`, en: `${h.at} is earlier than the last event (${d.history[d.history.length - 1]?.at ?? '?'})` }, h.at, 'at');
  if ((kind.fromMask & slot.bit) === 0) fail(d, e, 'INVALID_TRANSITION', 'transition-table', { vi: `không có chuyển trạng thái nào cho sự kiện ${kind.type} từ trạng thái ${state}`, en: `no transition for ${kind.type} from ${state}` });
  if (!kind.anyRuleSet && (d.ruleSet === null || !kind.ruleSets.includes(d.ruleSet))) {
    fail(d, e, 'INVALID_TRANSITION', 'rule-set', {
      vi: `sự kiện ${kind.type} chỉ có theo bộ quy định ${kind.ruleSets.join(', ')}; hồ sơ này theo ${d.ruleSet ?? 'chưa có bộ quy định nào'}`,
      en: `${kind.type} exists only under ${kind.ruleSets.join(', ')}; this dossier follows ${d.ruleSet ?? 'no rule set yet'}`,
    });
  }
  try {
    return applyRow(d, x, e, h);
  } catch (err) {
    if (err instanceof DossierError) throw err;
    if (err instanceof MotcuaError) fail(d, e, err.code === 'OUT_OF_RANGE' ? 'OUT_OF_RANGE' : 'INVALID_EVENT', 'calendar', textsOf(err), err.value, err.field);
    throw err;
  }
}

function applyRow(d: Draft, x: Ctx, e: DossierEvent, h: Head): boolean {
  const kind = h.kind;
  const ms = h.ms;
  const at = h.at;
  const from = d.state as DossierState | NoState;
  const t = h.turn;
  t.d = d;
  t.x = x;
  t.e = e;
  t.h = h;
  t.ms = ms;
  t.at = at;
  t.from = from;
  t.to = kind.same ? (from as DossierState) : (kind.to as DossierState);
  t.clock = d.clock;
  t.steps = null;
  t.resume = null;
  if (t.clock === null && kind.needsClock) fail(d, e, 'INVALID_TRANSITION', 'clock-running', { vi: 'thời hạn giải quyết chưa bắt đầu tính (đang chờ cơ quan có thẩm quyền nhận hồ sơ)', en: 'the processing clock has not started (waiting for the competent agency to receive the dossier)' });
  // the event's own checks and new values (its handler checks first, then writes; nothing after it can throw)
  kind.handler(t);
  const clock = t.clock;
  const steps = t.steps;
  const resume = t.resume;
  const to = t.to;
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
