import { type LocaleOptions, localeOf } from '../_lib/locale';
import { parseDate } from '../_lib/civil/date';
import { dayText } from './_lib/texts';
import type { CivilDate } from './types';

/**
 * A civil date as printed on a notice or an appointment slip (ngày in trên giấy tờ): the weekday
 * and `dd/MM/yyyy`, as date-fns' `vi` locale writes it with the pattern `EEEE dd/MM/yyyy`
 * ("Thứ Hai 16/02/2026"); English "Monday 16/02/2026". The same format as the texts of
 * `explain` and `dueDate`.
 *
 * @param date - `YYYY-MM-DD`.
 * @param options - `locale`: `'vi'` (default) or `'en'`.
 * @throws {MotcuaError} `INVALID_DATE`; `INVALID_OPTION` for an unknown locale.
 *
 * @example
 * ```ts
 * import { formatDay } from 'motcua/calendar';
 * formatDay('2026-02-16'); // 'Thứ Hai 16/02/2026'
 * formatDay('2026-02-16', { locale: 'en' }); // 'Monday 16/02/2026'
 * ```
 */
export function formatDay(date: CivilDate, options?: LocaleOptions): string {
  const locale = localeOf(options);
  return dayText(parseDate(date, 'date'), locale);
}
