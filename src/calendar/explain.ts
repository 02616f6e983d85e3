import { dateAt, offsetOf } from './_lib/access';
import { civilFromDays, weekdayOf } from '../_lib/civil/date';
import type { Index } from './_lib/indexing';
import { WEEKDAY_EN } from './_lib/names';
import { indexOf } from './createCalendar';
import type { Calendar, CivilDate, DayExplanation } from './types';

/** @internal Explanation of the day at offset `i`. */
export function explainAt(idx: Index, i: number): DayExplanation {
  const date = dateAt(idx, i);
  const e = idx.special.get(i);
  if (e) return { date, ...e };
  const day = idx.fromDay + i;
  const year = civilFromDays(day)[0];
  const status = idx.yearStatus.get(year) ?? 'estimated';
  const estimated = status === 'estimated' || status === 'inferred';
  const note = estimated ? ` (estimated: no official schedule for ${year})` : '';
  const wd = WEEKDAY_EN[weekdayOf(day)];
  if (idx.working[i]) {
    return { date, working: true, kind: 'workday', name: null, occasion: null, reason: `ordinary working day (${wd})${note}`, source: null, status, estimated };
  }
  return { date, working: false, kind: 'weekend', name: null, occasion: null, reason: `weekly rest (${wd})`, source: idx.restSource, status: 'verified', estimated: false };
}

/**
 * Say whether a date is a working day, why, of which kind, from which source, and whether
 * it is an estimate (a year with no official schedule compiled or given).
 *
 * @param date - `YYYY-MM-DD`.
 * @param calendar - Defaults to the civil-servant calendar.
 * @throws {MotcuaError} `INVALID_DATE` or `OUT_OF_RANGE`.
 *
 * @example
 * ```ts
 * import { explain } from 'motcua/calendar';
 * explain('2025-05-02');
 * // { date: '2025-05-02', working: false, kind: 'swap', name: 'Ngày Chiến thắng và Ngày Quốc tế Lao động',
 * //   reason: 'swapped day off (hoán đổi) for …, worked on 2025-04-26', status: 'verified', estimated: false, … }
 * explain('2031-01-23').estimated; // true: Tết 2031 is estimated by rule
 * ```
 */
export function explain(date: CivilDate, calendar?: Calendar): DayExplanation {
  const idx = indexOf(calendar);
  return explainAt(idx, offsetOf(idx, date, 'date'));
}
