import { parseOrdinal } from './_lib/hours';
import { indexOf } from './createCalendar';
import type { Calendar, Instant } from './types';

/**
 * Office hours elapsed between two instants, on working days only, in Asia/Ho_Chi_Minh
 * civil time. Negative when `b` is before `a`.
 *
 * @param a - Start: ISO string with offset, or `Date`.
 * @param b - End: ISO string with offset, or `Date`.
 * @param calendar - Defaults to the civil-servant calendar.
 * @throws {MotcuaError} `INVALID_INSTANT`, `INSTANT_WITHOUT_OFFSET` or `OUT_OF_RANGE`, naming `a` or `b`.
 *
 * @example
 * ```ts
 * import { workingHoursBetween } from 'motcua/calendar';
 * workingHoursBetween('2026-02-13T15:00+07:00', '2026-02-23T09:30+07:00'); // 4: 2 on Friday, 2 on Monday
 * ```
 */
export function workingHoursBetween(a: Instant, b: Instant, calendar?: Calendar): number {
  const idx = indexOf(calendar);
  return (parseOrdinal(idx, b, 'b') - parseOrdinal(idx, a, 'a')) / 60;
}
