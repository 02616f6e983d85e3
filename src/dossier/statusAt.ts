import { checkDossier } from './_lib/checkDossier';
import type { Instant } from '../calendar/index';
import { parseInstant } from '../_lib/civil/instant';
import { dayOfMs, offOf, workingDaysBetweenOff } from './_lib/clock';
import { calendarFromOptions } from './_lib/context';
import { judge, judgedEndMs, subtractedMs } from './_lib/judge';
import { instantMs } from './_lib/time';
import { NATIONAL_STATUS_CODES } from './states';
import type { Dossier, DossierState, NationalStatusCode, NoState } from './types';

/** The answer of {@link statusAt}. */
export interface DossierStatus {
  readonly at: string;
  readonly state: DossierState | NoState;
  readonly nationalCode: NationalStatusCode | null;
  /** Vietnamese name of the national code. */
  readonly statusName: string | null;
  /**
   * Due date in force at that instant (`null` before the clock starts).
   *
   * While the clock is paused (waiting for a supplement, a financial obligation or another clock
   * stop: `paused` is true), it is the due date as it stood when the pause began: a pause does not
   * move it while it lasts, even once that date has passed. It changes only when the clock restarts:
   * after `supplement-received`, a new full period from the complete dossier (`legal-restart`) or the
   * same due instant later by the elapsed wait (`decision-766`); after `clock-resumed`, later by the
   * working days (or office hours) of the pause. So during a pause it is not the date the dossier
   * will finally be due, and `withinTime` and `workingDaysLeft` do not read it (see below).
   */
  readonly dueDate: string | null;
  /** The clock is stopped (supplement, clock stop, financial obligation). */
  readonly paused: boolean;
  /** The dossier had ended by then (KPI end: refusal, stop, resolution, withdrawal). */
  readonly ended: boolean;
  /**
   * Còn hạn / quá hạn: within time or overdue at that instant (date level unless the policy says
   * `instant`); for an ended dossier, whether it ended within time; `null` before the clock starts.
   * Always `true` while paused and not ended: no period runs during a pause, even when the
   * `dueDate` shown has passed. A dossier that ended while paused is judged at the pause start.
   */
  readonly withinTime: boolean | null;
  /** Working days left until the due date (số ngày còn lại), negative when overdue; `null` if paused, ended or not started. */
  readonly workingDaysLeft: number | null;
}

/**
 * The state of a dossier at an instant (trạng thái hồ sơ tại thời điểm): state, national code,
 * within time or overdue, working days left or overdue. Read from the snapshot's history.
 *
 * During a pause (`paused: true`), `dueDate` is the due date from before the pause, unchanged until
 * the clock restarts; `withinTime` is `true` and `workingDaysLeft` is `null` (see {@link DossierStatus}).
 *
 * @throws {MotcuaError} `INVALID_INSTANT` / `INSTANT_WITHOUT_OFFSET` / `OUT_OF_RANGE`.
 * @example
 * ```ts
 * import { replay, statusAt } from 'motcua/dossier';
 * const procedure = { code: '1.000001', channels: [{ channel: 'direct' as const, limit: { amount: 3, unit: 'working-day' as const } }], cutoff: null, clockStops: [], steps: null, immediate: false };
 * const d = replay([{ id: 'e1', type: 'received', at: '2026-03-02T09:00+07:00' }], { procedure });
 * const s = statusAt(d, '2026-03-06T09:00+07:00');
 * s.nationalCode; // 2
 * s.withinTime; // false
 * s.workingDaysLeft; // -1
 * // waiting for a supplement from 4/3: the due date of before the pause, until the complete dossier arrives
 * const w = replay([{ id: 'e1', type: 'received', at: '2026-03-02T09:00+07:00' }, { id: 'e2', type: 'supplement-requested', at: '2026-03-04T10:00+07:00' }], { procedure });
 * statusAt(w, '2026-03-10T09:00+07:00'); // { state: 'supplement', paused: true, dueDate: '2026-03-05', withinTime: true, workingDaysLeft: null }
 * ```
 */
export function statusAt(dossier: Dossier, instant: Instant): DossierStatus {
  checkDossier(dossier);
  const t = parseInstant(instant, 'instant');
  const h = dossier.history;
  let k = h.length - 1;
  while (k >= 0 && h[k]!.ms > t) k--;
  const at = typeof instant === 'string' ? instant : instant.toISOString();
  if (k < 0) return { at, state: 'none', nationalCode: null, statusName: null, dueDate: null, paused: false, ended: false, withinTime: null, workingDaysLeft: null };
  const e = h[k]!;
  const byInstant = dossier.policy.timelinessLevel === 'instant';
  const endMs = dossier.end === null ? NaN : instantMs(dossier.end.at, 'end.at');
  const ended = endMs <= t;
  let withinTime: boolean | null = null;
  let left: number | null = null;
  if (e.dueDate !== null) {
    // an end while paused is judged at the pause start; Decision 766 takes the elapsed supplement waits off (see _lib/judge)
    const ref = ended ? judgedEndMs(dossier, endMs) : t;
    const sub = subtractedMs(dossier, k);
    withinTime = judge(ref, e.dueMs, sub, byInstant) !== 'late';
    if (e.paused && !ended) withinTime = true;
    if (!ended && !e.paused) {
      const { idx } = calendarFromOptions(dossier.calendar);
      left = workingDaysBetweenOff(idx, offOf(idx, dayOfMs(t - sub)), offOf(idx, dayOfMs(e.dueMs - sub)));
    }
  } else if (e.state === 'rejected') withinTime = null;
  return { at, state: e.state, nationalCode: e.code, statusName: NATIONAL_STATUS_CODES[e.code], dueDate: e.dueDate, paused: e.paused, ended, withinTime, workingDaysLeft: left };
}
