import { checkDossier } from './_lib/checkDossier';
import { MotcuaError, show } from '../errors';
import type { Instant } from '../calendar/index';
import { parseInstant } from '../_lib/civil/instant';
import { dayOfMs, offOf, workingDaysBetweenOff } from './_lib/clock';
import { calendarFromOptions } from './_lib/context';
import { judgedEndMs, subtractedMs, verdictOf } from './_lib/judge';
import { instantMs } from './_lib/time';
import type { Dossier, DossierEndKind, DossierProcedureStep } from './types';

/** Options of {@link timeliness}; defaults come from the dossier's policy. */
export interface TimelinessOptions {
  /** For a pending dossier: the instant to judge at (default: its last event). */
  readonly at?: Instant;
  readonly level?: 'date' | 'instant';
  readonly lateAgainstOriginal?: boolean;
}

/** A step that was (or is) late against its own limit, with the agency that caused it. */
export interface LateStep {
  readonly step: string;
  readonly name: string;
  readonly agency: string;
  readonly level: DossierProcedureStep['level'] | null;
  readonly dueDate: string;
  readonly endedAt: string | null;
  /** Working days after the step's due date (at date level). */
  readonly workingDaysLate: number;
}

/** The answer of {@link timeliness}. */
export interface TimelinessResult {
  /**
   * `early` trước hạn, `on-time` đúng hạn, `late` quá hạn for an ended dossier;
   * `pending-within-time` / `pending-overdue` (đang giải quyết trong hạn / quá hạn);
   * `not-received` (rejected at intake or never received: no clock).
   */
  readonly result: 'early' | 'on-time' | 'late' | 'pending-within-time' | 'pending-overdue' | 'not-received';
  readonly level: 'date' | 'instant';
  /** KPI end time: the first of refusal, stop, resolved (9), returned (10), withdrawal. */
  readonly endAt: string | null;
  /**
   * The instant compared with the due date: the end, or the start of the pause when the dossier
   * ended while its clock was paused (supplement pending, financial obligation, other stop): no period
   * runs then (Decree 118/2025 Art 19(5)), and the Decision 766 formula takes the supplement request
   * as the end time. `null` while pending.
   */
  readonly judgedAt: string | null;
  /**
   * Decision 766 policy: the elapsed supplement waits (completed - requested, in milliseconds) taken
   * off the end time before the dates are compared (index 2.1 formula). 0 under the legal policy.
   */
  readonly subtractedMs: number;
  readonly endKind: DossierEndKind | null;
  /** The due date compared with (the original one when `lateAgainstOriginal`). */
  readonly dueDate: string | null;
  readonly originalDueDate: string | null;
  readonly extended: boolean;
  /** Working days between the end (or `at`) and the due date: positive early, negative late. */
  readonly workingDaysMargin: number | null;
  readonly supplements: number;
  /** Decision 766 policy: more than one supplement request makes the dossier overdue. */
  readonly overdueByRepeatedSupplements: boolean;
  /** Steps late against their own limits: the steps and agencies the lateness is attributed to. */
  readonly lateSteps: readonly LateStep[];
}

/**
 * Early, on time or late (trước hạn / đúng hạn / quá hạn): compares the KPI end time with the due
 * date, at date level by default (portal practice; Circular 01/2018 Art 13 for the categories).
 * Lateness is attributed to the steps (and agencies) that overran their own limits.
 *
 * @throws {MotcuaError} `INVALID_INSTANT` for a bad `at`.
 * @example
 * ```ts
 * import { replay, timeliness } from 'motcua/dossier';
 * const procedure = { code: '1.000001', channels: [{ channel: 'direct' as const, limit: { amount: 3, unit: 'working-day' as const } }], cutoff: null, clockStops: [], steps: null, immediate: false };
 * const d = replay(
 *   [
 *     { id: 'e1', type: 'received', at: '2026-03-02T09:00+07:00' },
 *     { id: 'e2', type: 'resolved', at: '2026-03-05T16:00+07:00' },
 *   ],
 *   { procedure },
 * );
 * timeliness(d).result; // 'on-time'
 * ```
 */
export function timeliness(dossier: Dossier, options: TimelinessOptions = {}): TimelinessResult {
  checkDossier(dossier);
  if (typeof options !== 'object' || options === null) throw new MotcuaError('INVALID_OPTION', { vi: `cần tùy chọn { level?, lateAgainstOriginal?, at? }, nhận được ${show(options, 'vi')}`, en: `expected options { level?, lateAgainstOriginal?, at? }, got ${show(options)}` }, options, 'options');
  const level = options.level ?? dossier.policy.timelinessLevel;
  const againstOriginal = options.lateAgainstOriginal ?? dossier.policy.lateAgainstOriginal;
  const clock = dossier.clock;
  const { idx } = calendarFromOptions(dossier.calendar);
  const lastMs = dossier.history.length ? dossier.history[dossier.history.length - 1]!.ms : 0;
  const atMs = options.at === undefined ? lastMs : parseInstant(options.at, 'at');
  const endMs = dossier.end === null ? NaN : instantMs(dossier.end.at, 'end.at');
  const ended = dossier.end !== null;
  const judgedMs = judgedEndMs(dossier, endMs);
  const pausedEnd = ended && judgedMs !== endMs;
  const refMs = ended ? judgedMs : atMs;
  const sub = subtractedMs(dossier);
  const supplements = dossier.supplements;
  const repeated = dossier.policy.supplement === 'decision-766' && supplements > 1;

  const lateSteps: LateStep[] = [];
  for (const s of dossier.steps) {
    if (s.dueAt === null || s.dueDate === null) continue;
    const stepEnd = s.endedAt === null ? refMs : instantMs(s.endedAt, 'endedAt');
    const late = level === 'instant' ? stepEnd > s.dueMs : dayOfMs(stepEnd) > dayOfMs(s.dueMs);
    if (!late) continue;
    lateSteps.push({
      step: s.step,
      name: s.name,
      agency: s.agency,
      level: s.level,
      dueDate: s.dueDate,
      endedAt: s.endedAt,
      workingDaysLate: workingDaysBetweenOff(idx, offOf(idx, dayOfMs(s.dueMs)), offOf(idx, dayOfMs(stepEnd))),
    });
  }
  const base = {
    level,
    endAt: dossier.end?.at ?? null,
    judgedAt: ended ? (pausedEnd ? clock!.pausedAt : dossier.end!.at) : null,
    subtractedMs: sub,
    endKind: dossier.end?.kind ?? null,
    originalDueDate: clock?.originalDueDate ?? null,
    extended: dossier.extensions > 0,
    supplements,
    overdueByRepeatedSupplements: repeated,
    lateSteps,
  };
  if (clock === null) return { ...base, result: 'not-received', dueDate: null, workingDaysMargin: null };
  const dueMs = againstOriginal ? clock.originalDueMs : clock.dueMs;
  const dueDate = againstOriginal ? clock.originalDueDate : clock.dueDate;
  const margin = workingDaysBetweenOff(idx, offOf(idx, dayOfMs(refMs - sub)), offOf(idx, dayOfMs(dueMs - sub)));
  const result = verdictOf(dossier, ended, refMs, sub, level === 'instant', againstOriginal);
  return { ...base, result, dueDate, workingDaysMargin: !ended && clock.pause !== null ? null : margin };
}
