import { dateAt, offsetOf } from './_lib/access';
import { civilFromDays } from '../_lib/civil/date';
import type { Index } from './_lib/indexing';
import { type Locale, type LocaleOptions, localeOf } from '../_lib/locale';
import { weekdayName } from './_lib/texts';
import { indexOf } from './createCalendar';
import type { Calendar, CivilDate, DayExplanation } from './types';

/** @internal Explanation of the day at offset `i`, its reason in `locale`. */
export function explainAt(idx: Index, i: number, locale: Locale = 'vi'): DayExplanation {
  const date = dateAt(idx, i);
  const e = idx.special.get(i);
  if (e) return { date, working: e.working, kind: e.kind, occasion: e.occasion, name: e.name, reason: e.reason[locale], source: e.source, status: e.status, estimated: e.estimated };
  const day = idx.fromDay + i;
  const year = civilFromDays(day)[0];
  const status = idx.yearStatus.get(year) ?? 'estimated';
  const estimated = status === 'estimated' || status === 'inferred';
  const wd = weekdayName(day, locale);
  const vi = locale === 'vi';
  if (idx.working[i]) {
    const note = !estimated ? '' : vi ? ` (ước tính: chưa có lịch nghỉ chính thức năm ${year})` : ` (estimated: no official schedule for ${year})`;
    const reason = vi ? `ngày làm việc bình thường (${wd})${note}` : `ordinary working day (${wd})${note}`;
    return { date, working: true, kind: 'workday', name: null, occasion: null, reason, source: null, status, estimated };
  }
  const reason = vi ? `nghỉ hằng tuần (${wd})` : `weekly rest (${wd})`;
  return { date, working: false, kind: 'weekend', name: null, occasion: null, reason, source: idx.restSource, status: 'verified', estimated: false };
}

/**
 * Say whether a date is a working day, why, of which kind, from which source, and whether
 * it is an estimate (a year with no official schedule compiled or given).
 *
 * @param date - `YYYY-MM-DD`.
 * @param calendar - Defaults to the civil-servant calendar.
 * @param options - `locale`: the language of `reason`, `'vi'` (default) or `'en'`. The other
 *   fields (`kind`, `occasion`, `status`, …) do not depend on it; `name` is the Vietnamese name.
 * @throws {MotcuaError} `INVALID_DATE`, `OUT_OF_RANGE`, or `INVALID_OPTION` for an unknown locale.
 *
 * @example
 * ```ts
 * import { explain } from 'motcua/calendar';
 * explain('2025-05-02');
 * // { date: '2025-05-02', working: false, kind: 'swap', name: 'Ngày Chiến thắng và Ngày Quốc tế Lao động',
 * //   reason: 'nghỉ hoán đổi dịp …, làm bù vào Thứ Bảy 26/04/2025', status: 'verified', estimated: false, … }
 * explain('2025-05-02', undefined, { locale: 'en' }).reason; // 'swapped day off (hoán đổi) for …, worked on 2025-04-26'
 * explain('2031-01-23').estimated; // true: Tết 2031 is estimated by rule
 * ```
 */
export function explain(date: CivilDate, calendar?: Calendar, options?: LocaleOptions): DayExplanation {
  const locale = localeOf(options);
  const idx = indexOf(calendar);
  return explainAt(idx, offsetOf(idx, date, 'date'), locale);
}
