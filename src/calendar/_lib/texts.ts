/**
 * Printed dates and the sentences of `explain` and `dueDate`, in Vietnamese or English.
 *
 * Dates print in the house format of date-fns' `vi` locale, pattern `EEEE dd/MM/yyyy`
 * ("Thứ Hai 16/02/2026"; English: "Monday 16/02/2026"). The weekday names are those of date-fns
 * 4 (`vi`, `enUS`), copied here so that the core subpaths do not load date-fns; a test checks
 * them against date-fns for every weekday.
 * @internal
 * @module
 */
import type { Locale } from '../../_lib/locale';
import { civilFromDays, pad2, parseDate, weekdayOf } from '../../_lib/civil/date';

/** date-fns 4 `vi` locale, `EEEE`, Sunday first. */
export const WEEKDAY_VI_DATE_FNS = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'] as const;
/** date-fns 4 `enUS` locale, `EEEE`, Sunday first. */
export const WEEKDAY_EN_DATE_FNS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** The weekday name of a day number. */
export function weekdayName(day: number, locale: Locale): string {
  return (locale === 'vi' ? WEEKDAY_VI_DATE_FNS : WEEKDAY_EN_DATE_FNS)[weekdayOf(day)]!;
}

/** `16/02/2026`. */
export function dmy(day: number): string {
  const [y, m, d] = civilFromDays(day);
  return `${pad2(d)}/${pad2(m)}/${y}`;
}

/** `Thứ Hai 16/02/2026` / `Monday 16/02/2026`. */
export function dayText(day: number, locale: Locale): string {
  return `${weekdayName(day, locale)} ${dmy(day)}`;
}

/** {@link dayText} of a `YYYY-MM-DD` string already validated. */
export function dateText(date: string, locale: Locale): string {
  return dayText(parseDate(date), locale);
}

/**
 * A range of days, both ends included, as printed on notices: `16-20/02/2026`,
 * `30/04-01/05/2025`, `31/12/2025-01/01/2026`, or one day `02/09/2025`.
 */
export function rangeText(a: number, b: number): string {
  if (a === b) return dmy(a);
  const [ya, ma, da] = civilFromDays(a);
  const [yb, mb] = civilFromDays(b);
  if (ya !== yb) return `${dmy(a)}-${dmy(b)}`;
  if (ma !== mb) return `${pad2(da)}/${pad2(ma)}-${dmy(b)}`;
  return `${pad2(da)}-${dmy(b)}`;
}

/** An ISO instant `YYYY-MM-DDTHH:MM:SS+07:00` (as `formatInstant` writes) as `15:01 Thứ Sáu 13/02/2026`. */
export function instantText(iso: string, locale: Locale): string {
  const sec = iso.slice(17, 19);
  const clock = sec === '00' ? iso.slice(11, 16) : iso.slice(11, 19);
  return `${clock} ${dateText(iso.slice(0, 10), locale)}`;
}
