/**
 * The law, as rules: which holidays a year has under the Labour Code in force, how the
 * Tết break is laid out, and where compensatory days fall. Used to estimate years that
 * have no compiled official schedule, and tested against the announced years 2018-2026.
 * @internal
 * @module
 */
import type { DayKind, Occasion } from '../types';
import { daysFromCivil, weekdayOf } from '../../_lib/civil/date';
import { hungKingsDay, tetDay } from './lunar';

/** The legal basis of a year's holidays. */
export function lawOf(year: number): string {
  if (year >= 2021) return 'Bộ luật Lao động 2019 (45/2019/QH14) Điều 112, Điều 111(3)';
  if (year >= 2014) return 'Bộ luật Lao động 2012 (10/2012/QH13) Điều 115';
  if (year >= 2007) return 'Bộ luật Lao động 1994 Điều 73, sửa đổi bởi Luật 84/2007/QH11';
  if (year >= 1995) return 'Bộ luật Lao động 1994 Điều 73';
  return 'Bộ luật Lao động 1994 Điều 73 applied before its entry into force (not verified for 1990-1994)';
}

/** A weekday off (or a holiday on a rest day) produced by the rules. */
export interface RuleDay {
  day: number;
  kind: DayKind;
  occasion: Occasion;
  /** The statutory holiday fell on a weekly rest day (only for naming weekends). */
  onRest: boolean;
}

/**
 * Weekday offsets of the 2/9 adjacent day (Labour Code 2019 Art 112(1)(đ)) by the weekday
 * of 2/9, following the Prime Minister's choices 2021-2026: Mon → 3/9, Tue → 1/9,
 * Wed → 1/9, Thu → 3/9, Fri → 1/9, Sat → 1/9, Sun → 3/9.
 */
const NATIONAL_DAY_ADJACENT = [+1, +1, -1, -1, +1, -1, -1];

/** The statutory holidays of a year (date, occasion), Tết laid out as the usual block. */
export function statutoryHolidays(year: number, cultureDay: boolean): { day: number; occasion: Occasion }[] {
  const out: { day: number; occasion: Occasion }[] = [];
  out.push({ day: daysFromCivil(year, 1, 1), occasion: 'tet_duong_lich' });
  // Tết: 5 days from 2014 (LC 2012 Art 115, in force 1/5/2013), laid out as lunar 29/30 Tết
  // minus one to mùng 2, which reproduces every announced break 2016-2027 once the days
  // falling on weekly rest are compensated after the block. 4 days before (LC 1994 Art 73:
  // the last day of the year and the first three).
  const tet = tetDay(year);
  const [first, last] = year >= 2014 ? [-2, 2] : [-1, 2];
  for (let k = first; k <= last; k++) out.push({ day: tet + k, occasion: 'tet_nguyen_dan' });
  if (year >= 2007) out.push({ day: hungKingsDay(year), occasion: 'gio_to_hung_vuong' });
  out.push({ day: daysFromCivil(year, 4, 30), occasion: '30_4_1_5' });
  out.push({ day: daysFromCivil(year, 5, 1), occasion: '30_4_1_5' });
  const national = daysFromCivil(year, 9, 2);
  out.push({ day: national, occasion: 'quoc_khanh' });
  if (year >= 2021) out.push({ day: national + (NATIONAL_DAY_ADJACENT[weekdayOf(national)] as number), occasion: 'quoc_khanh' });
  if (cultureDay && year >= 2026) out.push({ day: daysFromCivil(year, 11, 24), occasion: 'ngay_van_hoa_viet_nam' });
  out.sort((a, b) => a.day - b.day);
  return out;
}

/**
 * Estimate a year's days off: statutory holidays on working days, and for each holiday on a
 * weekly rest day a compensatory day on the next day that is neither rest nor already off
 * (Art 111(3); back-to-back holidays pile up after the block, e.g. 2023-05-02 and 05-03).
 * Days of the Tết break are all of kind `tet` (the official data gives `tet` in some years and
 * `holiday` or `compensatory` in others; the occasion `tet_nguyen_dan` is the same in all).
 */
export function estimateYear(year: number, isRest: (day: number) => boolean, cultureDay: boolean): RuleDay[] {
  const holidays = statutoryHolidays(year, cultureDay);
  const taken = new Set<number>();
  const out: RuleDay[] = [];
  for (const h of holidays) {
    if (!isRest(h.day)) {
      taken.add(h.day);
      out.push({ day: h.day, kind: h.occasion === 'tet_nguyen_dan' ? 'tet' : 'holiday', occasion: h.occasion, onRest: false });
    }
  }
  for (const h of holidays) {
    if (!isRest(h.day)) continue;
    out.push({ day: h.day, kind: 'weekend', occasion: h.occasion, onRest: true });
    let c = h.day + 1;
    while (isRest(c) || taken.has(c)) c++;
    taken.add(c);
    out.push({ day: c, kind: h.occasion === 'tet_nguyen_dan' ? 'tet' : 'compensatory', occasion: h.occasion, onRest: false });
  }
  out.sort((a, b) => a.day - b.day);
  return out;
}
