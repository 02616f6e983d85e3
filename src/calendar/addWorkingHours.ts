import { checkFinite } from './_lib/access';
import { earliestAt, latestAt, parseOrdinal } from './_lib/hours';
import { formatInstant, parseInstant } from '../_lib/civil/instant';
import { indexOf } from './createCalendar';
import type { Calendar, Instant } from './types';

/**
 * Add working hours to an instant, counting only office hours on working days in
 * Asia/Ho_Chi_Minh civil time (never the host's zone).
 *
 * For `h > 0` the result is the earliest instant at which `h` office hours have elapsed
 * since `instant` (so a period ending at 11:30 gives 11:30, not 13:00). An instant outside
 * office hours starts counting at the next opening. For `h < 0`, mirrored: the latest
 * instant `|h|` office hours before. `h = 0` returns the instant itself.
 *
 * @param instant - An ISO string with offset, or a `Date`.
 * @param h - Hours, may be fractional.
 * @param calendar - Defaults to the civil-servant calendar (07:30-11:30, 13:00-17:00).
 * @returns An ISO 8601 string in Vietnamese time (`+07:00`).
 * @throws {MotcuaError} `INVALID_INSTANT`, `INSTANT_WITHOUT_OFFSET`, `INVALID_NUMBER` or `OUT_OF_RANGE`.
 *
 * @example
 * ```ts
 * import { addWorkingHours } from 'motcua/calendar';
 * addWorkingHours('2026-02-13T15:00+07:00', 8); // '2026-02-23T15:00:00+07:00' (Tết in between)
 * addWorkingHours('2026-03-02T10:00+07:00', 2); // '2026-03-02T13:30:00+07:00' (lunch skipped)
 * ```
 */
export function addWorkingHours(instant: Instant, h: number, calendar?: Calendar): string {
  const idx = indexOf(calendar);
  checkFinite(h, 'h');
  if (h === 0) return formatInstant(parseInstant(instant, 'instant'));
  const ord = parseOrdinal(idx, instant, 'instant');
  const target = ord + h * 60;
  return formatInstant(h > 0 ? earliestAt(idx, target, 'instant', instant) : latestAt(idx, target, 'instant', instant));
}
