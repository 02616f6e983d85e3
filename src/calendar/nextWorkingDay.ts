import { addWorkingDays } from './addWorkingDays';
import type { Calendar, CivilDate } from './types';

/**
 * The first working day strictly after `date` (same as `addWorkingDays(date, 1)`).
 *
 * @example
 * ```ts
 * import { nextWorkingDay } from 'motcua/calendar';
 * nextWorkingDay('2025-04-29'); // '2025-05-05': 30/4, 1/5 and the swapped 2/5 are off
 * ```
 */
export function nextWorkingDay(date: CivilDate, calendar?: Calendar): CivilDate {
  return addWorkingDays(date, 1, calendar);
}
