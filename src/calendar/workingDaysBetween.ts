import { offsetOf } from './_lib/access';
import { indexOf } from './createCalendar';
import type { Calendar, CivilDate } from './types';

/**
 * Count the working days in the half-open interval (a, b]: `a` never counts, `b` counts if
 * it is a working day. Negative when `b < a` (then it is minus the count in (b, a]).
 * O(1).
 *
 * @param a - `YYYY-MM-DD`, the start (excluded).
 * @param b - `YYYY-MM-DD`, the end (included).
 * @param calendar - Defaults to the civil-servant calendar.
 * @throws {MotcuaError} `INVALID_DATE` or `OUT_OF_RANGE`, naming `a` or `b`.
 *
 * @example
 * ```ts
 * import { workingDaysBetween } from 'motcua/calendar';
 * workingDaysBetween('2026-02-13', '2026-02-23'); // 1
 * workingDaysBetween('2026-02-23', '2026-02-13'); // -1
 * workingDaysBetween('2026-02-16', '2026-02-16'); // 0
 * ```
 */
export function workingDaysBetween(a: CivilDate, b: CivilDate, calendar?: Calendar): number {
  const idx = indexOf(calendar);
  const ia = offsetOf(idx, a, 'a');
  const ib = offsetOf(idx, b, 'b');
  return idx.cum[ib + 1]! - idx.cum[ia + 1]!;
}
