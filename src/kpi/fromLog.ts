/**
 * Dossier records from event logs (bản ghi hồ sơ từ nhật ký sự kiện): one dossier's log replayed
 * through the state machine of `motcua/dossier`, folded into the flat {@link DossierRecord} the
 * KPI reports read; and an NDJSON event stream grouped by dossier into records.
 * @module
 */
import { formatDate } from '../_lib/civil/date';
import { parseInstant, toCivilTime } from '../_lib/civil/instant';
import type { Calendar, CivilDate } from '../calendar/index';
import { dateText, replay, replayMany } from '../dossier/index';
import type { DossierSummary } from '../dossier/index';
import type { Dossier, DossierEvent, DossierPolicy, DossierProcedure, RejectedEntry } from '../dossier/types';
import { type ErrorTexts, MotcuaError, type MotcuaErrorCode, isMotcuaError, nameErrorClass, show } from '../errors';
import type { AgencyLevel } from '../procedure/types';
import { endOf, type EndEvents } from './endOf';
import type { DossierRecord, EndKind, PauseReason, RecordLevel } from './types';
import { validateRecord } from './validateRecord';
import type { SupplementWait } from './handlingTime766';
import { reasonTexts, viReason } from './reasonTexts';

/**
 * What an event log cannot know about a dossier, given by the caller (never guessed). No event
 * type of `motcua/dossier` carries these, so each must be stated, even as an explicit `false`.
 */
export interface RecordFacts {
  /** The dossier's components were digitised (số hóa hồ sơ; 766 index 4.2). */
  readonly digitised: boolean;
  /** An electronic result was issued (kết quả điện tử; 766 index 4.1). */
  readonly eResult: boolean;
  /**
   * A non-zero fee or charge is due (766 index 3.6 denominator). Taken from the log
   * (`paymentOf(dossier).feeDue` of `motcua/dossier`) when it has fee events; may then be left out,
   * and when given must agree with the log.
   */
  readonly feeDue?: boolean;
  /** Paid online (thanh toán trực tuyến). From the log's `fee-paid` event when it has fee events (`paymentOf(dossier).paidOnline`), as `feeDue`. */
  readonly paidOnline?: boolean;
  /** Synchronised to the national portal (đồng bộ lên Cổng DVCQG; 766 index 1.4). */
  readonly synced: boolean;
  /** A complaint or a "dislike" rating (phản ánh, kiến nghị; không hài lòng; 766 index 5.4). */
  readonly complaint: boolean;
  /**
   * The procedure requires a paper result (4.1 denominator). When missing, the procedure's own
   * `paperResultRequired` is used if it has one (a full `Procedure` of `motcua/procedure`).
   */
  readonly paperResultRequired?: boolean | null;
  /** Digitised data was reused (766 index 4.3). Missing counts as false, as in every record. */
  readonly reusedData?: boolean;
  /** The electronic result was saved to the applicant's data store (766 index 4.4). Missing counts as false. */
  readonly dataStored?: boolean;
}

/**
 * The procedure of the dossier: what the state machine reads ({@link DossierProcedure}), and, when
 * it is a whole `Procedure` of `motcua/procedure`, its field, agency and paper-result attribute,
 * which fill the record's `field`, `agency`, `level` and `paperResultRequired`.
 */
export type LogProcedure = DossierProcedure & {
  readonly field?: { readonly name: string };
  readonly agency?: { readonly name: string; readonly level: AgencyLevel; readonly levelBefore2025?: AgencyLevel };
  readonly paperResultRequired?: boolean | null;
};

/** Options of {@link recordFromLog}. */
export interface RecordFromLogOptions {
  /** Dossier code (mã hồ sơ): the record's `id`, and the dossier id named in errors. */
  readonly id: string;
  readonly procedure: LogProcedure;
  /** Working calendar (default: the civil-servant calendar). */
  readonly calendar?: Calendar;
  /** Policy of the state machine (supplement rule, cut-off, …), merged with `DEFAULT_DOSSIER_POLICY`. */
  readonly policy?: Partial<DossierPolicy>;
  /** The flags the log cannot know. Required: see {@link RecordFacts}. */
  readonly facts: RecordFacts;
  /** Field (lĩnh vực). Default: `procedure.field.name`; required when the procedure has no field. */
  readonly field?: string;
  /**
   * Agency (cơ quan, đơn vị) the dossier is counted under. Default: `procedure.agency.name`, the
   * catalogue's generic agency (e.g. `UBND cấp xã`); give the real office to group by it.
   */
  readonly agency?: string;
  /**
   * Agency level. Default: from the procedure: `agency.levelBefore2025` for dossiers received
   * before 1/7/2025 when the catalogue records it, else `agency.level`.
   */
  readonly level?: RecordLevel;
  /**
   * How a dossier closed because no supplement came within 15 days (Decree 118/2025 Art 19(5);
   * state `closed-no-supplement`) ends for the KPI, which has no such kind. Default `'stopped'`
   * (motcua's reading [?]: processing stops without a result).
   */
  readonly closedWithoutSupplementAs?: 'stopped' | 'refused' | 'withdrawn';
}

/** Why a log could not become a record. */
export type EventLogProblem =
  /** An event the state machine refused (malformed, or not allowed in the dossier's state). */
  | 'invalid-event'
  /** The dossier was never officially received (still submitted, or refused at intake): it is not in Biểu II.06a. */
  | 'not-received'
  /** Received, but the clock has not started (non-boundary receipt waiting for the competent agency). */
  | 'no-due-date'
  /** Options missing or malformed: a fact, the field, the agency or the level. */
  | 'missing-input';

/**
 * The typed error of {@link recordFromLog}: names the dossier (`dossierId`) and, for a refused
 * event, the event (`eventId`, `eventType`) and the `rule` that refused it. `rejected` holds every
 * refused event of the log with its reason: nothing is dropped.
 *
 * @example
 * ```ts
 * import { isEventLogError, recordFromLog } from 'motcua/kpi';
 * const procedure = { code: '1.000001', channels: [{ channel: 'direct' as const, limit: { amount: 3, unit: 'working-day' as const } }], cutoff: null, clockStops: [], steps: null, immediate: false };
 * const facts = { digitised: true, eResult: false, feeDue: false, paidOnline: false, synced: true, complaint: false };
 * try {
 *   recordFromLog([{ id: 'e1', type: 'resolved', at: '2026-03-02T09:00+07:00' }], { id: 'H1', procedure, facts, field: 'Hộ tịch', agency: 'UBND xã A', level: 'commune' });
 * } catch (e) {
 *   if (isEventLogError(e)) console.log(e.name, e.dossierId, e.eventId, e.problem); // 'EventLogError' 'H1' 'e1' 'invalid-event'
 * }
 * ```
 */
export class EventLogError extends MotcuaError {
  /** The dossier whose log is bad. */
  readonly dossierId: string;
  readonly problem: EventLogProblem;
  /** The first refused event's id and type, when the problem is an event. */
  readonly eventId: string | null;
  readonly eventType: string | null;
  /** The rule or guard that refused it (`transition-table`, `extension-once`, …). */
  readonly rule: string | null;
  /** Every event the state machine refused, with its reason. */
  readonly rejected: readonly RejectedEntry[];

  /**
   * @param message - the text in Vietnamese and English (`{ vi, en }`), after the dossier's id;
   *   a lone string serves both.
   */
  constructor(code: MotcuaErrorCode, message: string | ErrorTexts, info: { dossierId: string; problem: EventLogProblem; eventId?: string | null; eventType?: string | null; rule?: string | null; rejected?: readonly RejectedEntry[]; value?: unknown; field?: string }) {
    const t = typeof message === 'string' ? { vi: message, en: message } : message;
    super(code, { vi: `hồ sơ ${show(info.dossierId, 'vi')}: ${t.vi}`, en: `dossier ${show(info.dossierId)}: ${t.en}` }, info.value, info.field);
    this.dossierId = info.dossierId;
    this.problem = info.problem;
    this.eventId = info.eventId ?? null;
    this.eventType = info.eventType ?? null;
    this.rule = info.rule ?? null;
    this.rejected = info.rejected ?? [];
  }
}
nameErrorClass(EventLogError, 'EventLogError');

/**
 * Narrow an unknown value to an {@link EventLogError} (`name` `'EventLogError'`), also one thrown
 * by another copy of motcua (the CJS build when you import the ESM one).
 *
 * @example
 * ```ts
 * import { isEventLogError } from 'motcua/kpi';
 * isEventLogError(new Error('x')); // false
 * ```
 */
export function isEventLogError(e: unknown): e is EventLogError {
  return isMotcuaError(e) && e.name === 'EventLogError';
}

const REQUIRED_FACTS = ['digitised', 'eResult', 'synced', 'complaint'] as const;
/** Facts the log knows when it has fee events (`paymentOf`), and the caller must give otherwise. */
const PAYMENT_FACTS = ['feeDue', 'paidOnline'] as const;
const OPTIONAL_FACTS = ['reusedData', 'dataStored'] as const;
const LEVELS = new Set(['ministry', 'province', 'district', 'commune']);
const CLOSED_AS = new Set(['stopped', 'refused', 'withdrawn']);
/** First day of Decree 118/2025 and of the two-level local government (no district level). */
const TWO_LEVEL_FROM = '2025-07-01';

function dateOf(at: string): CivilDate {
  return formatDate(toCivilTime(parseInstant(at)).day);
}

function str(v: unknown): v is string {
  return typeof v === 'string';
}

function idOf(e: unknown): string | null {
  return typeof e === 'object' && e !== null && typeof (e as { id?: unknown }).id === 'string' ? (e as { id: string }).id : null;
}

function typeOf(e: unknown): string | null {
  return typeof e === 'object' && e !== null && typeof (e as { type?: unknown }).type === 'string' ? (e as { type: string }).type : null;
}

function missing(id: string, field: string, message: ErrorTexts, value?: unknown): EventLogError {
  return new EventLogError('INVALID_INPUT', message, { dossierId: id, problem: 'missing-input', field, value });
}

const PAUSE_STATES: Readonly<Record<string, PauseReason>> = { supplement: 'supplement', 'financial-obligation': 'financial-obligation', 'clock-stopped': 'other' };

/**
 * The pause the record carries, from the dossier module's own results (its summary): for an ended
 * dossier, the instant `timeliness` judges it at (`judgedAt`) when that is the start of a pause it
 * ended in (Decree 118/2025 Art 19(5); the Decision 766 formula's request time); for a pending one,
 * the pause in force after the last event (`statusAt`). Since when, and what it waits for (from the
 * state it paused in); null when the clock runs.
 */
function pauseOf(s: DossierSummary): { pausedSince: CivilDate; pausedFor: PauseReason } | null {
  let since: number;
  if (s.endKind !== null) {
    if (s.judgedMs === null || s.judgedMs === s.endMs) return null;
    since = s.judgedMs;
  } else {
    if (!s.paused || s.pausedMs === null) return null;
    since = s.pausedMs;
  }
  // a stopped clock always went through one of the pausing states
  return { pausedSince: dateText(since), pausedFor: (s.pauseState === null ? undefined : PAUSE_STATES[s.pauseState]) ?? 'other' };
}

/**
 * `feeDue` and `paidOnline`: from the log's fee events (`paymentOf`) when it has any, else from the
 * facts (checked by {@link checkFacts}).
 */
function paymentFacts(sum: DossierSummary, facts: RecordFacts): { feeDue: boolean; paidOnline: boolean } {
  return sum.feeStatus !== 'none' ? { feeDue: sum.feeDue, paidOnline: sum.paidOnline } : { feeDue: facts.feeDue!, paidOnline: facts.paidOnline! };
}

/** The KPI end events of a replayed dossier: the dates of the end events of its summary. */
function endEventsOf(s: DossierSummary, closedAs: 'stopped' | 'refused' | 'withdrawn'): EndEvents & { returnedOn: CivilDate | null } {
  let refusedOn = dateOrNull(s.refusedMs);
  let stoppedOn = dateOrNull(s.stoppedMs);
  const resolvedOn = dateOrNull(s.resolvedMs);
  const returnedOn = dateOrNull(s.returnedMs);
  let withdrawnOn = dateOrNull(s.withdrawnMs);
  const closedOn = dateOrNull(s.closedMs);
  if (closedOn !== null) {
    if (closedAs === 'stopped' && (stoppedOn === null || closedOn < stoppedOn)) stoppedOn = closedOn;
    if (closedAs === 'refused' && (refusedOn === null || closedOn < refusedOn)) refusedOn = closedOn;
    if (closedAs === 'withdrawn' && (withdrawnOn === null || closedOn < withdrawnOn)) withdrawnOn = closedOn;
  }
  return { refusedOn, stoppedOn, resolvedOn, returnedOn, withdrawnOn };
}

function dateOrNull(ms: number | null): CivilDate | null {
  return ms === null ? null : dateText(ms);
}

/** A fact that is missing, of the wrong type or against the log: its key, the value given and why. */
interface FactProblem {
  readonly key: string;
  readonly value: unknown;
  readonly message: ErrorTexts;
}

/**
 * Check the facts (an object: `recordAndWaitsFromLog` checks that before the replay) against what the log says (`sum`, for the fee facts): every problem is named in one
 * error (a missing `synced` and a missing `complaint` are one error, not two runs), whose field is
 * `facts.<key>` for one problem and `facts` for several.
 */
function checkFacts(id: string, facts: object, sum: DossierSummary): RecordFacts {
  const f = facts as Record<string, unknown>;
  const problems: FactProblem[] = [];
  for (const k of REQUIRED_FACTS) {
    if (typeof f[k] !== 'boolean') problems.push({ key: k, value: f[k], message: { vi: `nhật ký sự kiện không cho biết ${k}: hãy cho true hoặc false, nhận được ${show(f[k], 'vi')}`, en: `the event log cannot know ${k}: give it as true or false, got ${show(f[k])}` } });
  }
  const fromLog = sum.feeStatus !== 'none';
  for (const k of PAYMENT_FACTS) {
    const given = f[k];
    if (given !== undefined && typeof given !== 'boolean') problems.push({ key: k, value: given, message: { vi: `cần true, false hoặc bỏ trống (các sự kiện phí, lệ phí trong nhật ký cho biết giá trị này), nhận được ${show(given, 'vi')}`, en: `expected a boolean or nothing (the log's fee events give it), got ${show(given)}` } });
    else if (fromLog) {
      const log = sum[k];
      if (given !== undefined && given !== log) problems.push({ key: k, value: given, message: { vi: `facts.${k} là ${String(given)}, nhưng các sự kiện phí, lệ phí trong nhật ký cho ${String(log)} (paymentOf): hãy bỏ đi hoặc sửa lại`, en: `facts.${k} is ${String(given)}, but the log's fee events say ${String(log)} (paymentOf): leave it out or correct it` } });
    } else if (given === undefined) problems.push({ key: k, value: given, message: { vi: `nhật ký sự kiện không có sự kiện phí, lệ phí nên không biết ${k}: hãy cho true hoặc false, nhận được ${show(given, 'vi')}`, en: `the event log has no fee events, so it cannot know ${k}: give it as true or false, got ${show(given)}` } });
  }
  for (const k of OPTIONAL_FACTS) {
    if (f[k] !== undefined && typeof f[k] !== 'boolean') problems.push({ key: k, value: f[k], message: { vi: `cần true, false hoặc bỏ trống, nhận được ${show(f[k], 'vi')}`, en: `expected a boolean or nothing, got ${show(f[k])}` } });
  }
  if (f.paperResultRequired !== undefined && f.paperResultRequired !== null && typeof f.paperResultRequired !== 'boolean') {
    problems.push({ key: 'paperResultRequired', value: f.paperResultRequired, message: { vi: `cần true, false, null hoặc bỏ trống, nhận được ${show(f.paperResultRequired, 'vi')}`, en: `expected a boolean, null or nothing, got ${show(f.paperResultRequired)}` } });
  }
  if (problems.length === 1) throw missing(id, `facts.${problems[0]!.key}`, problems[0]!.message, problems[0]!.value);
  if (problems.length > 1) {
    // the facts left out in one clause, each other problem with its own text
    const absent = problems.filter((p) => p.value === undefined).map((p) => p.key);
    const others = problems.filter((p) => p.value !== undefined);
    const vi = [...(absent.length > 0 ? [`thiếu ${absent.join(', ')} (nhật ký sự kiện không cho biết: hãy cho true hoặc false)`] : []), ...others.map((p) => `${p.key}: ${p.message.vi}`)];
    const en = [...(absent.length > 0 ? [`missing ${absent.join(', ')} (the event log cannot know them: give each as true or false)`] : []), ...others.map((p) => `${p.key}: ${p.message.en}`)];
    throw missing(id, 'facts', { vi: `${problems.length} dữ kiện chưa đúng: ${vi.join('; ')}`, en: `${problems.length} facts are wrong: ${en.join('; ')}` }, Object.fromEntries(problems.map((p) => [p.key, p.value])));
  }
  return facts as RecordFacts;
}

/**
 * Replay one dossier's event log (nhật ký sự kiện) with the state machine of `motcua/dossier` and fold
 * it into the {@link DossierRecord} the KPI reports read. The replay is the compact one,
 * `replayMany([{ events }], { ..., output: 'summary' })` (no history lines or copies of events; the
 * same results as `replay`, #18); a log without a record is replayed in full to name its refused
 * event. Where each field comes from:
 *
 * | Field | Source |
 * |---|---|
 * | `id` | `options.id` |
 * | `procedureCode` | `options.procedure.code` |
 * | `field`, `agency` | `options.field` / `options.agency`, else the procedure's `field.name` / `agency.name` |
 * | `level` | `options.level`, else the procedure's `agency.levelBefore2025` (received before 1/7/2025, when recorded) or `agency.level` |
 * | `channel` | the log: the channel of the receipt or submission |
 * | `receivedOn` | the log: the official receipt (tiếp nhận), as a date in Vietnamese time |
 * | `dueOn` | the state machine: the due date in force after the last event (after an extension; moved by supplements under the policy) |
 * | `originalDueOn` | the state machine: the due date before the extension, when there was one; else null |
 * | `finishedOn`, `finishedAs` | {@link endOf} over the dates of the log's refusal, stop, resolution (9), return (10) and withdrawal request (unless declined afterwards; the stop notice that answers it is part of the withdrawal); a closure for want of a supplement counts as `closedWithoutSupplementAs` |
 * | `returnedOn` | the log: the first result returned (10) |
 * | `supplements`, `extensions` | the state machine: supplement requests after receipt, extensions |
 * | `paperResultRequired` | `facts.paperResultRequired`, else the procedure's attribute, else left out (counts as not required) |
 * | `pausedSince`, `pausedFor` | the dossier module: for an ended dossier, `timeliness(d).judgedAt` when it is the start of the pause it ended in; for a pending one, the pause in force (`statusAt`); what it waits for from the state it paused in |
 * | `feeDue`, `paidOnline` | the log's fee events when it has any (`paymentOf(d)` of `motcua/dossier`; a given fact must agree), else `options.facts` |
 * | `digitised`, `eResult`, `synced`, `complaint`, `reusedData`, `dataStored` | `options.facts`: no event carries them |
 *
 * The record always passes {@link validateRecord}. Dates compare at day level, as the KPI does
 * (domain.md §5).
 *
 * @throws {EventLogError} naming the dossier: `invalid-event` with the first refused event (all of
 * them in `rejected`; nothing is dropped), `not-received` for a dossier never officially received
 * (it is not in Biểu II.06a), `no-due-date`, or `missing-input` for a missing fact or attribute.
 * @throws {MotcuaError} for a malformed procedure, calendar or policy (from `replay`).
 *
 * @example
 * ```ts
 * import { recordFromLog } from 'motcua/kpi';
 * import { findProcedure, sampleCatalog } from 'motcua/procedure';
 * const record = recordFromLog(
 *   [
 *     { id: 'e1', type: 'received', at: '2026-03-02T09:00+07:00', channel: 'direct' },
 *     { id: 'e2', type: 'resolved', at: '2026-03-02T14:00+07:00' },
 *     { id: 'e3', type: 'returned', at: '2026-03-03T08:30+07:00' },
 *   ],
 *   {
 *     id: '000.00.12.H23-260302-0001',
 *     procedure: findProcedure(sampleCatalog, '2.000815')!, // chứng thực bản sao
 *     agency: 'UBND xã A',
 *     facts: { digitised: true, eResult: false, feeDue: true, paidOnline: false, synced: true, complaint: false },
 *   },
 * );
 * record.finishedOn; // '2026-03-02' (resolved, status 9, comes before the return)
 * record.finishedAs; // 'resolved'
 * record.returnedOn; // '2026-03-03'
 * ```
 */
export function recordFromLog(events: readonly DossierEvent[], options: RecordFromLogOptions): DossierRecord {
  return recordAndWaitsFromLog(events, options).record;
}

/**
 * The waits for the applicant's supplements of a replayed dossier (thời gian chờ bổ sung): each
 * accepted supplement request after receipt to the supplement received, as dates in Vietnamese
 * time; a wait still open when the dossier ended runs to its end (the first of 9 and 10 for a
 * resolved one). Intake supplements (before the official receipt) are not waits: the clock had not
 * started. Clock stops (financial obligations, …) are not supplement waits.
 */
function supplementWaitsOf(s: DossierSummary, end: CivilDate | null): SupplementWait[] {
  const waits: SupplementWait[] = [];
  for (const w of s.supplementWaits) {
    const open = dateText(w.fromMs);
    if (w.toMs === null) {
      if (end !== null && open <= end) waits.push({ from: open, to: end });
      continue;
    }
    const to = dateText(w.toMs);
    if (end === null || open <= end) waits.push({ from: open, to: end !== null && to > end ? end : to });
  }
  return waits;
}

/**
 * {@link recordFromLog}, and the dossier's waits for the applicant's supplements, which a record
 * does not carry: from the supplement request after receipt (yêu cầu bổ sung) to the supplement
 * received (nhận hồ sơ bổ sung), as civil dates in Vietnamese time, in log order. Index 2.2
 * subtracts them (`addHandlingTime(state, record, supplementWaits)`), as the Decision 766
 * computation does (domain.md §5) [S]; `motcua report --events` does so. One replay for both.
 *
 * @throws {EventLogError} as {@link recordFromLog}.
 *
 * @example
 * ```ts
 * import { recordAndWaitsFromLog } from 'motcua/kpi';
 * import { findProcedure, sampleCatalog } from 'motcua/procedure';
 * const { record, supplementWaits } = recordAndWaitsFromLog(
 *   [
 *     { id: 'e1', type: 'received', at: '2026-03-02T09:00+07:00', channel: 'direct' },
 *     { id: 'e2', type: 'supplement-requested', at: '2026-03-03T09:00+07:00', reason: 'Thiếu bản sao giấy khai sinh' },
 *     { id: 'e3', type: 'supplement-received', at: '2026-03-05T10:00+07:00' },
 *     { id: 'e4', type: 'resolved', at: '2026-03-06T14:00+07:00' },
 *   ],
 *   { id: 'H1', procedure: findProcedure(sampleCatalog, '1.001193')!, agency: 'UBND xã A', facts: { digitised: true, eResult: false, feeDue: false, paidOnline: false, synced: true, complaint: false } },
 * );
 * record.supplements; // 1
 * supplementWaits; // [{ from: '2026-03-03', to: '2026-03-05' }]
 * ```
 */
export function recordAndWaitsFromLog(events: readonly DossierEvent[], options: RecordFromLogOptions): { readonly record: DossierRecord; readonly supplementWaits: readonly SupplementWait[] } {
  if (typeof options !== 'object' || options === null) throw new MotcuaError('INVALID_INPUT', { vi: `cần tùy chọn { id, procedure, facts }, nhận được ${show(options, 'vi')}`, en: `expected options { id, procedure, facts }, got ${show(options)}` }, options, 'options');
  const id = options.id;
  if (!str(id) || id === '') throw new MotcuaError('INVALID_INPUT', { vi: `cần mã hồ sơ không rỗng, nhận được ${show(id, 'vi')}`, en: `expected a non-empty dossier id, got ${show(id)}` }, id, 'id');
  const given: unknown = options.facts;
  if (typeof given !== 'object' || given === null) throw missing(id, 'facts', { vi: `cần các dữ kiện mà nhật ký không cho biết { ${REQUIRED_FACTS.join(', ')} }, nhận được ${show(given, 'vi')}`, en: `expected the facts the log cannot know { ${REQUIRED_FACTS.join(', ')} }, got ${show(given)}` }, given);
  const closedAs = options.closedWithoutSupplementAs ?? 'stopped';
  if (!CLOSED_AS.has(closedAs)) throw missing(id, 'closedWithoutSupplementAs', { vi: `cần stopped, refused hoặc withdrawn, nhận được ${show(closedAs, 'vi')}`, en: `expected stopped, refused or withdrawn, got ${show(closedAs)}` }, closedAs);
  const ctx = {
    procedure: options.procedure,
    id,
    ...(options.calendar === undefined ? {} : { calendar: options.calendar }),
    ...(options.policy === undefined ? {} : { policy: options.policy }),
  };
  // the compact replay (#18): the dossier module's summary, no history lines or copies of events
  let sum;
  try {
    sum = replayMany([{ events }], { ...ctx, output: 'summary' })[0]!;
  } catch (e) {
    // a bad procedure, calendar or policy: replayMany names it in its batch (`logs[0].calendar`);
    // replay gives the same error named as this function's options (`calendar`), as before #18
    if (isMotcuaError(e)) replay(events, ctx);
    throw e;
  }
  if (sum.rejected > 0 || sum.receivedMs === null || sum.channel === null || sum.dueDate === null) refuse(id, replay(events, ctx));
  // every wrong or missing fact in one error, the fee facts against the log's fee events
  const facts = checkFacts(id, given, sum);
  const receivedOn = dateText(sum.receivedMs);
  const p = options.procedure;
  const field = options.field ?? p.field?.name;
  if (!str(field)) throw missing(id, 'field', { vi: `thủ tục ${p.code} không có lĩnh vực: hãy cho options.field`, en: `the procedure ${p.code} has no field: give options.field` });
  const agency = options.agency ?? p.agency?.name;
  if (!str(agency)) throw missing(id, 'agency', { vi: `thủ tục ${p.code} không có cơ quan giải quyết: hãy cho options.agency`, en: `the procedure ${p.code} has no agency: give options.agency` });
  const level = options.level ?? (p.agency === undefined ? undefined : receivedOn < TWO_LEVEL_FROM ? (p.agency.levelBefore2025 ?? p.agency.level) : p.agency.level);
  if (!str(level) || !LEVELS.has(level)) throw missing(id, 'level', { vi: `thủ tục ${p.code} không có cấp của cơ quan: hãy cho options.level (ministry, province, district hoặc commune)`, en: `the procedure ${p.code} has no agency level: give options.level (ministry, province, district or commune)` }, level);

  const ends = endEventsOf(sum, closedAs);
  const { finishedOn, finishedAs } = endOf(ends);
  const paper = facts.paperResultRequired !== undefined ? facts.paperResultRequired : p.paperResultRequired;
  const pause = pauseOf(sum);
  const payment = paymentFacts(sum, facts);
  const record: DossierRecord = {
    id,
    procedureCode: p.code,
    field,
    agency,
    level: level as RecordLevel,
    channel: sum.channel,
    receivedOn,
    dueOn: sum.dueDate,
    originalDueOn: sum.extensions > 0 ? sum.originalDueDate : null,
    finishedOn,
    finishedAs: finishedAs as EndKind | null,
    returnedOn: ends.returnedOn,
    ...(pause === null ? {} : pause),
    supplements: sum.supplements,
    extensions: sum.extensions,
    digitised: facts.digitised,
    eResult: facts.eResult,
    ...(paper === undefined ? {} : { paperResultRequired: paper }),
    feeDue: payment.feeDue,
    paidOnline: payment.paidOnline,
    synced: facts.synced,
    complaint: facts.complaint,
    ...(facts.reusedData === undefined ? {} : { reusedData: facts.reusedData }),
    ...(facts.dataStored === undefined ? {} : { dataStored: facts.dataStored }),
  };
  const problems = validateRecord(record);
  if (problems.length) throw new EventLogError('INVALID_INPUT', { vi: `nhật ký phát lại cho một bản ghi không hợp lệ: ${viReason(problems.join('; '))}`, en: `the replayed log gives an invalid record: ${problems.join('; ')}` }, { dossierId: id, problem: 'invalid-event', value: record });
  return { record, supplementWaits: sum.supplements > 0 ? supplementWaitsOf(sum, finishedOn ?? ends.returnedOn) : [] };
}

/**
 * The error of a log without a record (refused events, never received, no due date), from the full
 * dossier `replay` gives (its refusals, its last event): read only for such a log.
 */
function refuse(id: string, d: Dossier): never {
  if (d.rejected.length > 0) {
    const first = d.rejected[0]!;
    const more = d.rejected.length > 1 ? ` (and ${d.rejected.length - 1} more refused event${d.rejected.length > 2 ? 's' : ''})` : '';
    const moreVi = d.rejected.length > 1 ? ` (và ${d.rejected.length - 1} sự kiện khác bị từ chối)` : '';
    // the dossier module's refusal in Vietnamese, when it carries one
    const firstVi = (first as { readonly texts?: Partial<ErrorTexts> }).texts?.vi ?? first.message;
    const eventId = idOf(first.event);
    const eventType = typeOf(first.event);
    return fail(
      new EventLogError(first.code as MotcuaErrorCode, {
        vi: `sự kiện ${eventId === null ? show(first.event, 'vi') : show(eventId, 'vi')}${eventType === null ? '' : ` (${eventType})`} bị từ chối ở trạng thái ${first.state}: ${firstVi}${moreVi}`,
        en: `event ${eventId === null ? show(first.event) : show(eventId)}${eventType === null ? '' : ` (${eventType})`} refused in state ${first.state}: ${first.message}${more}`,
      }, {
        dossierId: id,
        problem: 'invalid-event',
        eventId,
        eventType,
        rule: first.rule,
        rejected: d.rejected,
        value: first.event,
      }),
    );
  }
  if (d.receivedAt === null || d.channel === null) {
    const last = d.history[d.history.length - 1];
    return fail(
      new EventLogError('INVALID_INPUT', { vi: `chưa được tiếp nhận chính thức (trạng thái ${d.state}${last ? ` sau sự kiện ${show(last.id, 'vi')}` : ', nhật ký rỗng'}): không phải hồ sơ của Biểu II.06a`, en: `never officially received (state ${d.state}${last ? ` after event ${show(last.id)}` : ', empty log'}): not a dossier of Biểu II.06a` }, {
        dossierId: id,
        problem: 'not-received',
        eventId: last?.id ?? null,
        eventType: last?.type ?? null,
      }),
    );
  }
  if (d.clock === null) {
    const last = d.history[d.history.length - 1]!;
    return fail(new EventLogError('INVALID_INPUT', { vi: `tiếp nhận ngày ${dateOf(d.receivedAt)} nhưng chưa bắt đầu tính thời hạn (trạng thái ${d.state}): chưa có ngày hẹn trả`, en: `received on ${dateOf(d.receivedAt)} but the clock has not started (state ${d.state}): no due date yet` }, { dossierId: id, problem: 'no-due-date', eventId: last.id, eventType: last.type }));
  }
  throw new Error('unreachable: the log has a record');
}

function fail(e: EventLogError): never {
  throw e;
}

/** Options of {@link recordsFromEventStream}. */
export interface EventStreamOptions {
  /** Key of the dossier id in each event line (default `dossierId`). */
  readonly dossierKey?: string;
  /**
   * The options of {@link recordFromLog} for one dossier, from its id and its events (which keep
   * every key of their line, e.g. a `procedureCode` to look up in a catalogue). Throw to reject the
   * dossier with that reason.
   */
  readonly optionsFor: (dossierId: string, events: readonly EventLine[]) => Omit<RecordFromLogOptions, 'id'>;
  /**
   * The stream is sorted by dossier (all events of a dossier on consecutive lines): each dossier is
   * replayed as soon as the next one starts, so memory stays flat. A dossier that comes back later
   * is rejected. Default false: every event is kept until the end of the stream.
   */
  readonly sorted?: boolean;
}

/** An event as read from a line: a dossier event plus any other keys of the line. */
export type EventLine = DossierEvent & Readonly<Record<string, unknown>>;

/**
 * One dossier of an event stream: its record, or the reason it has none. `line` is the line of the
 * refused event, else of the dossier's first event; `dossierId` is null for a line that names no
 * dossier (bad JSON, not an object, no id).
 */
export type EventStreamResult =
  | { readonly ok: true; readonly dossierId: string; readonly line: number; readonly events: number; readonly record: DossierRecord }
  | { readonly ok: false; readonly dossierId: string | null; readonly line: number; readonly reason: string; /** The reason in Vietnamese and English (`en` = `reason`). */ readonly texts: ErrorTexts; readonly error?: MotcuaError };

async function* lines(chunks: AsyncIterable<string> | Iterable<string>): AsyncGenerator<[number, string]> {
  let rest = '';
  let n = 0;
  for await (const chunk of chunks as AsyncIterable<string>) {
    rest += chunk;
    let k: number;
    while ((k = rest.indexOf('\n')) >= 0) {
      const line = rest.slice(0, k);
      rest = rest.slice(k + 1);
      yield [++n, line.endsWith('\r') ? line.slice(0, -1) : line];
    }
  }
  if (rest !== '') yield [++n, rest];
}

/** A line or dossier of the stream without a record: its reason and the reason's texts. */
function refusedLine(dossierId: string | null, line: number, reason: string): EventStreamResult {
  return { ok: false, dossierId, line, reason, texts: reasonTexts(reason) };
}

interface Group {
  readonly id: string;
  readonly line: number;
  readonly events: EventLine[];
  readonly lines: WeakMap<object, number>;
}

function finish(g: Group, options: EventStreamOptions): EventStreamResult {
  try {
    const o = options.optionsFor(g.id, g.events);
    const record = recordFromLog(g.events, { ...o, id: g.id });
    return { ok: true, dossierId: g.id, line: g.line, events: g.events.length, record };
  } catch (e) {
    const err = e instanceof MotcuaError ? e : null;
    const bad = err instanceof EventLogError && err.rejected.length > 0 ? err.rejected[0]!.event : null;
    const line = typeof bad === 'object' && bad !== null ? (g.lines.get(bad) ?? g.line) : g.line;
    const message = e instanceof Error ? e.message : String(e);
    const reason = message.startsWith('dossier ') ? message : `dossier ${show(g.id)}: ${message}`;
    const vi = err === null ? undefined : err.texts.vi.startsWith('hồ sơ ') ? err.texts.vi : `hồ sơ ${show(g.id, 'vi')}: ${err.texts.vi}`;
    return { ok: false, dossierId: g.id, line, reason, texts: reasonTexts(reason, vi), ...(err ? { error: err } : {}) };
  }
}

/**
 * Group an NDJSON event stream (one event a line, each naming its dossier, e.g.
 * `{"dossierId":"H1","id":"e1","type":"received","at":"2026-03-02T09:00+07:00"}`) by dossier and
 * turn each dossier's log into a record with {@link recordFromLog}. Blank lines are skipped.
 * Platform-neutral: it takes text chunks, such as a Node stream with `encoding: 'utf8'`.
 *
 * It yields one result per dossier, in the order of their first lines, and one per line that
 * names no dossier. Bad logs are results with the reason (the dossier id, the refused event and
 * its line), never dropped and never thrown.
 *
 * @example
 * ```ts
 * import { recordsFromEventStream } from 'motcua/kpi';
 * import { findProcedure, sampleCatalog } from 'motcua/procedure';
 * const ndjson = [
 *   '{"dossierId":"H1","procedureCode":"2.000815","id":"e1","type":"received","at":"2026-03-02T09:00+07:00"}',
 *   '{"dossierId":"H1","procedureCode":"2.000815","id":"e2","type":"resolved","at":"2026-03-02T10:00+07:00"}',
 * ].join('\n');
 * const facts = { digitised: true, eResult: false, feeDue: true, paidOnline: false, synced: true, complaint: false };
 * for await (const r of recordsFromEventStream([ndjson], {
 *   optionsFor: (id, events) => ({ procedure: findProcedure(sampleCatalog, String(events[0]!.procedureCode))!, agency: 'UBND xã A', facts }),
 * })) {
 *   if (r.ok) console.log(r.record.finishedOn); // '2026-03-02'
 *   else console.error(`line ${r.line}: ${r.reason}`);
 * }
 * ```
 */
export async function* recordsFromEventStream(chunks: AsyncIterable<string> | Iterable<string>, options: EventStreamOptions): AsyncGenerator<EventStreamResult> {
  if (typeof options !== 'object' || options === null || typeof options.optionsFor !== 'function') {
    throw new MotcuaError('INVALID_INPUT', { vi: `cần tùy chọn { optionsFor(dossierId, events) }, nhận được ${show(options, 'vi')}`, en: `expected options { optionsFor(dossierId, events) }, got ${show(options)}` }, options, 'options');
  }
  const key = options.dossierKey ?? 'dossierId';
  const sorted = options.sorted === true;
  const groups = new Map<string, Group>();
  const done = new Set<string>();
  let current: Group | null = null;
  for await (const [n, text] of lines(chunks)) {
    if (text.trim() === '') continue;
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch (e) {
      yield refusedLine(null, n, `line ${n}: malformed JSON (${e instanceof Error ? e.message : String(e)})`);
      continue;
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      yield refusedLine(null, n, `line ${n}: expected an event object, got ${show(v)}`);
      continue;
    }
    const id = (v as Record<string, unknown>)[key];
    if (typeof id !== 'string' || id === '') {
      yield refusedLine(null, n, `line ${n}: expected the dossier id in "${key}", got ${show(id)}`);
      continue;
    }
    if (sorted) {
      if (current !== null && current.id !== id) {
        done.add(current.id);
        yield finish(current, options);
        current = null;
      }
      if (current === null) {
        if (done.has(id)) {
          yield refusedLine(id, n, `dossier ${show(id)}: line ${n} comes after other dossiers, but the stream was declared sorted by dossier`);
          continue;
        }
        current = { id, line: n, events: [], lines: new WeakMap() };
      }
      current.events.push(v as EventLine);
      current.lines.set(v as object, n);
      continue;
    }
    let g = groups.get(id);
    if (g === undefined) {
      g = { id, line: n, events: [], lines: new WeakMap() };
      groups.set(id, g);
    }
    g.events.push(v as EventLine);
    g.lines.set(v as object, n);
  }
  if (current !== null) yield finish(current, options);
  for (const g of groups.values()) yield finish(g, options);
}
