/**
 * @internal What the event handlers share: clock copies and shifts, step runs, warnings, the end,
 * and the reads of the log the handlers' legal checks make (last submission, fee status, transfer).
 */
import { MotcuaError } from '../../errors';
import type { ErrorTexts } from '../../errors';
import type { FeeStatus } from '../payment';
import { ruleSetById } from '../ruleSets';
import type { RuleSet } from '../ruleSets';
import type { DossierChannel, DossierClock, DossierEventType, DossierEndKind, HistoryEntry, StepRun, Timeliness } from '../types';
import type { WorkIndex as Index } from '../../_lib/civil/workIndex';
import type { SupplementPeriod } from '../types';
import type { Cal, Due } from './clock';
import { computeDue, formatMs, dateOfOff, dayOfMs, intervalOf, isPrecise, offOf, ordinalOfMs, shiftDue, addWorkingOff } from './clock';
import type { Ctx } from './context';
import { limitOf } from './context';
import type { Draft, Mutable } from './draft';
import type { Head } from './apply';

/** Below this many accepted events the duplicate-id check scans the log (no map to build for a short dossier). */
export const ID_SCAN = 32;

export const DESK = 'Bộ phận Một cửa';
export const THREE_WORKING_DAYS: SupplementPeriod = { amount: 3, unit: 'working-day' };

export function timelinessOf(endMs: number, dueMs: number, byInstant: boolean): Timeliness {
  if (byInstant) return endMs < dueMs ? 'early' : endMs === dueMs ? 'on-time' : 'late';
  const a = dayOfMs(endMs);
  const b = dayOfMs(dueMs);
  return a < b ? 'early' : a === b ? 'on-time' : 'late';
}


/** A fresh, writable copy of a clock (an explicit literal: one hidden class, no spread). */
export function copyClock(cl: DossierClock): Mutable<DossierClock> {
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

export function paused(cl: DossierClock, pause: 'supplement' | 'clock-stop', at: string, ms: number): DossierClock {
  const n = copyClock(cl);
  n.pause = pause;
  n.pausedAt = at;
  n.pausedMs = ms;
  return n;
}

/** A copy of a step run with new fields (explicit literal). */
export function stepWith(s: StepRun, endedAt: string | null, result: Timeliness | null, dueMs: number, dueAt: string | null, dueDate: string | null): StepRun {
  return { step: s.step, name: s.name, agency: s.agency, level: s.level, from: s.from, startedAt: s.startedAt, budget: s.budget, dueDate, dueAt, endedAt, result, startedMs: s.startedMs, dueMs };
}

/** Close the open step runs (or only `only`); runs the draft owns are closed in place, others copied. */
export function closeSteps(d: Draft, h: Head, at: string, ms: number, only?: string): void {
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
export function openFrom(steps: readonly StepRun[], h: Head): number {
  let k = h.openFrom;
  if (k > steps.length) k = 0; // a different dossier's steps: start over
  while (k < steps.length && steps[k]!.endedAt !== null) k++;
  h.openFrom = k;
  return k;
}

export function warn(d: Draft, h: Head, rule: string, texts: ErrorTexts): void {
  d.warnings.push({ eventId: h.id, rule, message: texts.en, texts });
}

export function clockFrom(c: Cal, due: Due, limit: DossierClock['limit'], restarts: number, excluded: number): DossierClock {
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
export function dueOn(x: Ctx, ms: number, limit: DossierClock['limit'], channel: DossierChannel): Due {
  const online = channel === 'online';
  return computeDue(x.c, ms, limit, online ? x.onlineCutMin : x.counterCutMin, online ? x.onlineCutText : x.counterCutText);
}

export function startClock(x: Ctx, ms: number, channel: DossierChannel): DossierClock {
  const limit = limitOf(x.proc, channel)!;
  return clockFrom(x.c, dueOn(x, ms, limit, channel), limit, 0, 0);
}

export function shiftClock(c: Cal, clock: DossierClock, fromMs: number, toMs: number): DossierClock {
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
export function elapsedShiftedClock(c: Cal, clock: DossierClock, waited: number): DossierClock {
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

export function shiftedSteps(c: Cal, h: Head, steps: StepRun[], fromMs: number, toMs: number): StepRun[] | null {
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
export function ruleSetOf(d: Draft): RuleSet | null {
  return d.ruleSet === null ? null : ruleSetById(d.ruleSet);
}

/**
 * Epoch ms of the last accepted event of a type, from its history line (no second parse). Looks at
 * the last {@link LINE_SCAN} lines only (the caller parses the stored instant otherwise), so a long
 * log stays linear to replay (#14).
 */
export function msOfLine(d: Draft, type: DossierEventType): number | undefined {
  const h = d.history;
  const stop = Math.max(0, h.length - LINE_SCAN);
  for (let k = h.length - 1; k >= stop; k--) if (h[k]!.type === type) return h[k]!.ms;
  return undefined;
}
export const LINE_SCAN = 64;

export function feeOf(d: Draft, h: Head): FeeStatus {
  scanLog(d, h);
  return h.fee;
}

/** Bring the head's reading of the log ({@link Head.scanned}) up to the draft's last line. */
export function scanLog(d: Draft, h: Head): void {
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
export function lastSubmissionMs(d: Draft, h: Head): number {
  scanLog(d, h);
  return h.submissionMs;
}

/** Working hours (as office minutes) between an online (re)submission and `ms` exceed the policy's limit. */
export function overOnlineHours(d: Draft, idx: Index, fromMs: number, ms: number): boolean {
  return fromMs === fromMs && ordinalOfMs(idx, ms) - ordinalOfMs(idx, fromMs) > d.policy.onlineReceiptHours * 60;
}

/**
 * Last day (offset) of a supplement period starting the day after `from` (Civil Code Art 147): a
 * calendar-day period whose last day is a day off ends on the next working day (Art 148).
 */
export function periodLastOff(idx: Index, from: number, p: SupplementPeriod): number {
  if (p.unit === 'working-day') return addWorkingOff(idx, from, p.amount);
  const last = from + p.amount;
  if (last >= idx.working.length) throw new MotcuaError('OUT_OF_RANGE', { vi: 'thời hạn bổ sung kết thúc ngoài các năm của lịch', en: "the supplement period ends outside the calendar's years" }, p.amount, 'at');
  return idx.working[last] ? last : addWorkingOff(idx, last, 1);
}

/** The closure period of a dossier's supplement: the procedure's own, else its rule set's (`null`: none). */
export function closureOf(x: Ctx, rs: RuleSet | null): SupplementPeriod | null {
  return x.proc.closure !== undefined ? x.proc.closure : (rs?.supplementClosure ?? null);
}

/** Index of the open run of a step, or -1. */
export function openStep(steps: readonly StepRun[], h: Head, step: string): number {
  for (let k = openFrom(steps, h); k < steps.length; k++) if (steps[k]!.endedAt === null && steps[k]!.step === step) return k;
  return -1;
}

/** The last step run still open. */
export function lastOpenStep(steps: readonly StepRun[], h: Head): StepRun | undefined {
  const stop = openFrom(steps, h);
  for (let k = steps.length - 1; k >= stop; k--) if (steps[k]!.endedAt === null) return steps[k];
  return undefined;
}

export function setEnd(d: Draft, h: Head, kind: DossierEndKind): void {
  if (d.end === null) d.end = { at: h.at, kind, eventId: h.id };
}

/** Index of the log entry with this id, or -1: a scan for a short log or in `evolve`, the fold's id map otherwise. */
export function indexOfId(history: readonly HistoryEntry[], h: Head, id: string): number {
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
