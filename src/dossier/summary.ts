/**
 * The compact result of `replayMany(logs, { output: 'summary' })` (tóm tắt hồ sơ): what a report
 * needs of a replayed dossier, as plain data with instants in epoch milliseconds, and the helpers that
 * write those instants as text when one is read.
 *
 * @module
 */
import { formatDate } from '../_lib/civil/date';
import { formatInstant, toCivilTime } from '../_lib/civil/instant';
import type { CivilDate } from '../calendar/index';
import { judgedEndMs, subtractedMs, verdictOf } from './_lib/judge';
import type { FeeStatus } from './payment';
import type { TimelinessResult } from './timeliness';
import type { Dossier, DossierChannel, DossierEndKind, DossierState, FeePaidEvent, NationalStatusCode, NoState, PaymentChannel, RejectedEntry, RuleSetId } from './types';

/**
 * One replayed log in brief (tóm tắt hồ sơ): the dossier's state and national code, its instants as
 * epoch milliseconds (`null`: none), its due date, the verdict of `timeliness`, the pause of
 * `statusAt`, the fee of `paymentOf`, the end events a KPI report reads and the counts of warnings and
 * refused events. No history, no copy of the events: about one object per log, for reports over
 * millions of logs. Read `replay` for the whole dossier (history, steps, warnings' texts, control slip).
 *
 * Every field equals what the full dossier `d = replay(log.events, ctx)` gives:
 * `state`, `nationalCode`, `ruleSet`, `channel`, `supplements`, `extensions` are `d`'s own;
 * `dueDate`, `dueMs`, `originalDueDate` are `d.clock`'s; `timeliness`, `judgedMs`, `subtractedMs` are
 * `timeliness(d)`'s `result`, `judgedAt` (as ms) and `subtractedMs`; `paused` is
 * `statusAt(d, lastEvent.at).paused`; the `fee…` fields are `paymentOf(d)`'s.
 * Write an instant as text with {@link instantText} (ISO 8601, Vietnamese time) or {@link dateText}
 * (its civil date `YYYY-MM-DD`).
 */
export interface DossierSummary {
  readonly type: 'motcua.dossier-summary';
  /** Dossier code (mã hồ sơ), as given in the log or the options; `null` when none. */
  readonly id: string | null;
  readonly procedureCode: string;
  readonly state: DossierState | NoState;
  readonly nationalCode: NationalStatusCode | null;
  readonly ruleSet: RuleSetId | null;
  readonly channel: DossierChannel | null;
  /** Accepted events (`d.history.length`). */
  readonly events: number;
  /** The last accepted event (`d.history.at(-1)`); `null` for an empty log. */
  readonly lastMs: number | null;
  /** `d.submittedAt`: the last online or postal (re)submission. */
  readonly submittedMs: number | null;
  /** `d.receivedAt`: the official receipt (tiếp nhận). */
  readonly receivedMs: number | null;
  /** Due date in force after the last event (`d.clock.dueDate`); `null` before the clock starts. */
  readonly dueDate: CivilDate | null;
  /** The due instant (`d.clock.dueAt`, as ms). */
  readonly dueMs: number | null;
  /** The due date before any extension (`d.clock.originalDueDate`). */
  readonly originalDueDate: CivilDate | null;
  /** `d.end`: how and when the dossier ended for the KPI (first refusal, stop, resolution, withdrawal...). */
  readonly endKind: DossierEndKind | null;
  readonly endMs: number | null;
  /** `timeliness(d).result`: early, on time, late, pending within time or overdue, not received. */
  readonly timeliness: TimelinessResult['result'];
  /** `timeliness(d).judgedAt`: the instant the end is judged at (the start of the pause it ended in, else the end); `null` while pending. */
  readonly judgedMs: number | null;
  /** `timeliness(d).subtractedMs`: supplement waits the Decision 766 formula takes off the end (0 under the legal rule). */
  readonly subtractedMs: number;
  /** `statusAt(d, lastEvent.at).paused`: the clock is stopped after the last event (supplement, clock stop). */
  readonly paused: boolean;
  /** Since when the clock is stopped (`d.clock.pausedAt`), when `paused`. */
  readonly pausedMs: number | null;
  /** The last pausing state the log went through (`supplement`, `financial-obligation` or `clock-stopped`): what the last pause waited for. */
  readonly pauseState: 'supplement' | 'financial-obligation' | 'clock-stopped' | null;
  readonly supplements: number;
  readonly extensions: number;
  /** `paymentOf(d).status`, `.amount`, `.feeDue`, `.paidAt` (as ms), `.channel`, `.paidOnline`, `.refundedAt` (as ms). */
  readonly feeStatus: FeeStatus;
  readonly feeAmount: number | null;
  readonly feeDue: boolean;
  readonly paidMs: number | null;
  readonly paymentChannel: PaymentChannel | null;
  readonly paidOnline: boolean;
  readonly refundedMs: number | null;
  /**
   * The events a KPI end is read from (domain.md §5), each the first of its type among the accepted
   * events: refusal, stop (not the stop notice that answers a withdrawal request, which is part of that
   * withdrawal), resolution (9), return (10), withdrawal request (unless declined afterwards), closure
   * for want of a supplement (`supplement-expired`).
   */
  readonly refusedMs: number | null;
  readonly stoppedMs: number | null;
  readonly resolvedMs: number | null;
  readonly returnedMs: number | null;
  readonly withdrawnMs: number | null;
  readonly closedMs: number | null;
  /**
   * Supplement waits after receipt (thời gian chờ bổ sung), in log order: from the supplement request
   * (the first one since the last supplement received) to the supplement received, `toMs` `null`
   * while it is awaited. Index 2.2 subtracts them (Decision 766 computation). Empty, and shared, when
   * there are none.
   */
  readonly supplementWaits: readonly SupplementWaitMs[];
  /** Warnings recorded (`d.warnings.length`). */
  readonly warnings: number;
  /** Events refused (`d.rejected.length`), and the first of them (`d.rejected[0]`, with its texts). */
  readonly rejected: number;
  readonly firstRejected: RejectedEntry | null;
}

/** A supplement wait of a {@link DossierSummary}: request and supplement received, as epoch ms. */
export interface SupplementWaitMs {
  readonly fromMs: number;
  readonly toMs: number | null;
}

const NO_WAITS: readonly SupplementWaitMs[] = Object.freeze([]);

/**
 * An instant of a {@link DossierSummary} (epoch ms) as ISO 8601 text in Vietnamese time, e.g.
 * `2026-03-02T09:00:00+07:00`, with `.mmm` when the milliseconds are not 0: the text `replayMany`
 * writes into a full dossier for an epoch-ms `at`, and the instant it names exactly.
 *
 * @example
 * ```ts
 * import { instantText } from 'motcua/dossier';
 * instantText(1772416800000); // '2026-03-02T09:00:00+07:00'
 * instantText(1772416800250); // '2026-03-02T09:00:00.250+07:00'
 * ```
 */
export function instantText(ms: number): string {
  const rem = ms % 1000;
  if (rem === 0) return formatInstant(ms);
  const r = rem < 0 ? rem + 1000 : rem;
  const text = formatInstant(ms - r);
  return `${text.slice(0, -6)}.${r < 10 ? '00' : r < 100 ? '0' : ''}${r}+07:00`;
}

/**
 * The Vietnamese civil date (`YYYY-MM-DD`) of an instant of a {@link DossierSummary} (epoch ms): the
 * day a report counts the event on.
 *
 * @example
 * ```ts
 * import { dateText } from 'motcua/dossier';
 * dateText(1772416800000); // '2026-03-02'
 * ```
 */
export function dateText(ms: number): CivilDate {
  return formatDate(toCivilTime(ms).day);
}

/**
 * @internal The summary of a replayed dossier (a full one, or the draft of a summary fold, whose
 * texts of instants are empty: only `ms` fields are read here).
 */
export function summarize(d: Dossier): DossierSummary {
  const lines = d.history;
  const events = d.events;
  const n = lines.length;
  let submittedMs: number | null = null;
  let receivedMs: number | null = null;
  let endMs = NaN;
  let pauseState: DossierSummary['pauseState'] = null;
  let feeStatus: FeeStatus = 'none';
  let feeAmount: number | null = null;
  let feeDue = false;
  let paidMs: number | null = null;
  let paymentChannel: PaymentChannel | null = null;
  let paidOnline = false;
  let refundedMs: number | null = null;
  let refusedMs: number | null = null;
  let stoppedMs: number | null = null;
  let resolvedMs: number | null = null;
  let returnedMs: number | null = null;
  let withdrawnMs: number | null = null;
  let closedMs: number | null = null;
  const endId = d.end === null ? null : d.end.eventId;
  let waits: SupplementWaitMs[] | null = null;
  let openMs = NaN;
  for (let k = 0; k < n; k++) {
    const line = lines[k]!;
    const ms = line.ms;
    const state = line.state;
    if (state === 'supplement' || state === 'financial-obligation' || state === 'clock-stopped') pauseState = state;
    switch (line.type) {
      case 'submitted':
        submittedMs = ms;
        break;
      case 'received':
        receivedMs = ms;
        break;
      case 'fee-assessed': {
        const amount = (events[k] as { amount: number }).amount;
        feeAmount = amount;
        feeStatus = amount > 0 ? 'assessed' : 'free';
        if (amount > 0) feeDue = true;
        break;
      }
      case 'fee-paid':
        feeStatus = 'paid';
        paidMs = ms;
        paymentChannel = (events[k] as FeePaidEvent).channel;
        if (paymentChannel === 'online-national-portal') paidOnline = true;
        break;
      case 'fee-refunded':
        feeStatus = 'refunded';
        refundedMs = ms;
        break;
      case 'refused':
        refusedMs ??= ms;
        break;
      case 'stopped':
        if (withdrawnMs === null) stoppedMs ??= ms;
        break;
      case 'resolved':
        resolvedMs ??= ms;
        break;
      case 'returned':
        returnedMs ??= ms;
        break;
      case 'withdrawal-requested':
        withdrawnMs ??= ms;
        break;
      case 'withdrawal-declined':
        withdrawnMs = null;
        break;
      case 'supplement-expired':
        closedMs ??= ms;
        break;
      case 'supplement-requested':
        if (openMs !== openMs) openMs = ms;
        break;
      case 'supplement-received':
        if (openMs === openMs) {
          (waits ??= []).push({ fromMs: openMs, toMs: ms });
          openMs = NaN;
        }
        break;
      default:
    }
  }
  // the line of the event that ended the dossier (ids are unique among accepted events)
  if (endId !== null) for (let k = n - 1; k >= 0; k--) if (lines[k]!.id === endId) {
    endMs = lines[k]!.ms;
    break;
  }
  if (openMs === openMs) (waits ??= []).push({ fromMs: openMs, toMs: null });
  const clock = d.clock;
  const ended = d.end !== null;
  const lastMs = n > 0 ? lines[n - 1]!.ms : null;
  const judgedMs = ended ? judgedEndMs(d, endMs) : NaN;
  const sub = subtractedMs(d);
  const timeliness = verdictOf(d, ended, ended ? judgedMs : (lastMs ?? 0), sub, d.policy.timelinessLevel === 'instant', d.policy.lateAgainstOriginal);
  const paused = n > 0 && lines[n - 1]!.paused;
  return {
    type: 'motcua.dossier-summary',
    id: d.id,
    procedureCode: d.procedure.code,
    state: d.state,
    nationalCode: d.nationalCode,
    ruleSet: d.ruleSet,
    channel: d.channel,
    events: n,
    lastMs,
    submittedMs: d.submittedAt === null ? null : submittedMs,
    receivedMs: d.receivedAt === null ? null : receivedMs,
    dueDate: clock === null ? null : clock.dueDate,
    dueMs: clock === null ? null : clock.dueMs,
    originalDueDate: clock === null ? null : clock.originalDueDate,
    endKind: ended ? d.end!.kind : null,
    endMs: ended ? endMs : null,
    timeliness,
    judgedMs: ended ? judgedMs : null,
    subtractedMs: sub,
    paused,
    pausedMs: paused && clock !== null ? clock.pausedMs : null,
    pauseState,
    supplements: d.supplements,
    extensions: d.extensions,
    feeStatus,
    feeAmount,
    feeDue,
    paidMs,
    paymentChannel,
    paidOnline,
    refundedMs,
    refusedMs,
    stoppedMs,
    resolvedMs,
    returnedMs,
    withdrawnMs,
    closedMs,
    supplementWaits: waits ?? NO_WAITS,
    warnings: d.warnings.length,
    rejected: d.rejected.length,
    firstRejected: d.rejected.length > 0 ? d.rejected[0]! : null,
  };
}
