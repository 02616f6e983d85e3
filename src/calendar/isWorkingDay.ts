import { offsetOf } from './_lib/access';
import { indexOf } from './createCalendar';
import type { Calendar, CivilDate } from './types';

/**
 * Is a civil date a working day (ngày làm việc) in the calendar?
 *
 * @param date - `YYYY-MM-DD`.
 * @param calendar - Defaults to the civil-servant calendar.
 * @throws {MotcuaError} `INVALID_DATE` or `OUT_OF_RANGE`.
 *
 * @example
 * ```ts
 * import { isWorkingDay } from 'motcua/calendar';
 * isWorkingDay('2026-02-16'); // false: Tết Nguyên đán
 * isWorkingDay('2026-01-10'); // true: a Saturday worked in exchange for 2026-01-02
 * ```
 */
export function isWorkingDay(date: CivilDate, calendar?: Calendar): boolean {
  const idx = indexOf(calendar);
  return idx.working[offsetOf(idx, date, 'date')] === 1;
}
