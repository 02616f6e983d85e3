/**
 * @internal How an end (or an instant) is judged against the due date, shared by `timeliness` and
 * `statusAt` so that both say the same thing:
 *
 * - **A dossier that ends while its clock is paused** (waiting for a supplement, a financial
 *   obligation or another stop of the procedure) is judged at the start of the pause. Under the legal
 *   rule no period runs while the applicant has not supplemented (Decree 118/2025 Art 19(5); Decree
 *   61/2018 Art 19(4)) [V], and time on financial obligations is excluded by specialised law [S].
 *   Under Decision 766 the portal's index 2.1 formula takes the supplement request time as the end
 *   time when the applicant never supplements [S]: the same instant.
 * - **Decision 766 subtracts elapsed time** [S]: the end compared with the due date is
 *   `end - (supplement completed - supplement requested)`, summed over completed supplements, and the
 *   dates are then compared. The snapshot's due instant is the original one moved later by that
 *   elapsed time, so `due - subtracted` is the original due instant.
 */
import type { Dossier, Timeliness } from '../types';
import { dayOfMs } from './clock';

/**
 * Milliseconds of supplement waits the Decision 766 formula subtracts, over the history lines
 * `0..upto` (0 under the legal policy: the restart handles supplements there).
 */
export function subtractedMs(d: Dossier, upto: number = d.history.length - 1): number {
  if (d.policy.supplement !== 'decision-766') return 0;
  const h = d.history;
  let total = 0;
  let from = NaN;
  for (let k = 0; k <= upto && k < h.length; k++) {
    const line = h[k]!;
    if (line.type === 'supplement-requested') from = line.ms;
    else if (line.type === 'supplement-received' && from === from) {
      total += line.ms - from;
      from = NaN;
    }
  }
  return total;
}

/**
 * The instant an ended dossier is judged at: the start of the pause when it ended while its clock was
 * paused, else its KPI end. `NaN` when it has not ended.
 */
export function judgedEndMs(d: Dossier, endMs: number): number {
  if (d.end === null) return NaN;
  const cl = d.clock;
  // A dossier can only end from a paused state and stay ended while still paused (stop, closure,
  // withdrawal); a declined withdrawal clears the end. So a paused clock with an end means it ended paused.
  if (cl !== null && cl.pause !== null && cl.pausedMs <= endMs) return cl.pausedMs;
  return endMs;
}

/** Early / on time / late of `refMs` against `dueMs`, after subtracting `sub` ms (Decision 766). */
export function judge(refMs: number, dueMs: number, sub: number, byInstant: boolean): Timeliness {
  if (byInstant) return refMs < dueMs ? 'early' : refMs === dueMs ? 'on-time' : 'late';
  const a = dayOfMs(refMs - sub);
  const b = dayOfMs(dueMs - sub);
  return a < b ? 'early' : a === b ? 'on-time' : 'late';
}

/** The verdict of `timeliness` (`TimelinessResult.result`). */
export type Verdict = 'early' | 'on-time' | 'late' | 'pending-within-time' | 'pending-overdue' | 'not-received';

/**
 * The verdict of `timeliness`, shared with the summary of `replayMany`: `refMs` is the judged end
 * ({@link judgedEndMs}) of an ended dossier, or the instant to judge a pending one at; `sub` as
 * {@link subtractedMs}. Under Decision 766 more than one supplement request makes the dossier late.
 */
export function verdictOf(d: Dossier, ended: boolean, refMs: number, sub: number, byInstant: boolean, againstOriginal: boolean): Verdict {
  const clock = d.clock;
  if (clock === null) return 'not-received';
  const repeated = d.policy.supplement === 'decision-766' && d.supplements > 1;
  const dueMs = againstOriginal ? clock.originalDueMs : clock.dueMs;
  if (!ended) return repeated || (clock.pause === null && judge(refMs, dueMs, sub, byInstant) === 'late') ? 'pending-overdue' : 'pending-within-time';
  return repeated ? 'late' : judge(refMs, dueMs, sub, byInstant);
}
