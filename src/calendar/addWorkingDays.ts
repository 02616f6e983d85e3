import { checkInteger, dateAt, offsetOf, outOfRange } from './_lib/access';
import { indexOf } from './createCalendar';
import type { Calendar, CivilDate } from './types';

/**
 * Add working days to a civil date.
 *
 * - `n ≥ 1`: the n-th working day strictly after `date` (`date` itself never counts, working or not).
 * - `n = 0`: `date` if it is a working day, else the next working day.
 * - `n ≤ -1`: mirrored, the |n|-th working day strictly before `date`.
 *
 * So `workingDaysBetween(d, addWorkingDays(d, n)) === n` for every `n ≥ 1`. O(1).
 *
 * @param date - `YYYY-MM-DD`.
 * @param n - An integer.
 * @param calendar - Defaults to the civil-servant calendar.
 * @throws {MotcuaError} `INVALID_DATE`, `INVALID_NUMBER`, or `OUT_OF_RANGE` (input or result outside the calendar's years).
 *
 * @example
 * ```ts
 * import { addWorkingDays } from 'motcua/calendar';
 * addWorkingDays('2026-02-13', 1); // '2026-02-23': Tết 2026-02-16..20 is skipped
 * addWorkingDays('2026-02-14', 0); // '2026-02-23'
 * addWorkingDays('2026-02-23', -1); // '2026-02-13'
 * ```
 */
export function addWorkingDays(date: CivilDate, n: number, calendar?: Calendar): CivilDate {
  const idx = indexOf(calendar);
  const i = offsetOf(idx, date, 'date');
  checkInteger(n, 'n');
  let t: number;
  if (n > 0) t = idx.cum[i + 1]! + n - 1;
  else if (n === 0) t = idx.working[i] ? idx.cum[i]! : idx.cum[i + 1]!;
  else t = idx.cum[i]! + n;
  if (t < 0 || t >= idx.wd.length) outOfRange(idx, { vi: `ngày sau ${n} ngày làm việc kể từ ${date}`, en: `${n} working days from ${date}` }, date, 'date');
  return dateAt(idx, idx.wd[t]!);
}
