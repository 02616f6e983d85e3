import { addWorkingDays } from './addWorkingDays';
import type { Calendar, CivilDate } from './types';

/**
 * The last working day strictly before `date` (same as `addWorkingDays(date, -1)`).
 *
 * @example
 * ```ts
 * import { previousWorkingDay } from 'motcua/calendar';
 * previousWorkingDay('2026-02-23'); // '2026-02-13': the last working day before Tết
 * ```
 */
export function previousWorkingDay(date: CivilDate, calendar?: Calendar): CivilDate {
  return addWorkingDays(date, -1, calendar);
}
