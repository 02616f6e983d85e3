import { MotcuaError, show } from '../errors';
import { daysFromCivil } from '../_lib/civil/date';
import type { Index } from './_lib/indexing';
import { explainAt } from './explain';
import { indexOf } from './createCalendar';
import { type LocaleOptions, localeOf } from '../_lib/locale';
import type { Calendar, DayExplanation } from './types';

/** @internal Offsets [from, to) of a year in the index, range-checked. */
export function yearOffsets(idx: Index, year: unknown): [number, number] {
  if (typeof year !== 'number' || !Number.isInteger(year)) {
    throw new MotcuaError('INVALID_NUMBER', { vi: `cần năm là số nguyên, nhận được ${show(year, 'vi')}`, en: `expected an integer year, got ${show(year)}` }, year, 'year');
  }
  if (year < idx.fromYear || year > idx.toYear) {
    throw new MotcuaError('OUT_OF_RANGE', { vi: `năm ${year} nằm ngoài các năm của lịch (${idx.fromYear}-${idx.toYear})`, en: `year ${year} is outside the calendar's years ${idx.fromYear}-${idx.toYear}` }, year, 'year');
  }
  return [daysFromCivil(year, 1, 1) - idx.fromDay, daysFromCivil(year + 1, 1, 1) - idx.fromDay];
}

/**
 * The days off of a year other than ordinary weekly rest: holidays, Tết, compensatory days,
 * swapped days and extra days off, each explained (kind, name, source, estimated), in date order.
 * Weekly rest days inside a holiday break are not listed (they are off anyway).
 *
 * @param year - An integer year inside the calendar.
 * @param calendar - Defaults to the civil-servant calendar.
 * @param options - `locale` of each `reason`: `'vi'` (default) or `'en'`.
 * @throws {MotcuaError} `INVALID_NUMBER` or `OUT_OF_RANGE`; `INVALID_OPTION` for an unknown locale.
 *
 * @example
 * ```ts
 * import { daysOff } from 'motcua/calendar';
 * daysOff(2026).map((d) => d.date);
 * // ['2026-01-01', '2026-01-02', '2026-02-16', …, '2026-09-02']
 * ```
 */
export function daysOff(year: number, calendar?: Calendar, options?: LocaleOptions): DayExplanation[] {
  const locale = localeOf(options);
  const idx = indexOf(calendar);
  const [from, to] = yearOffsets(idx, year);
  const out: DayExplanation[] = [];
  for (let i = from; i < to; i++) {
    if (!idx.working[i] && !idx.isRest(idx.fromDay + i)) out.push(explainAt(idx, i, locale));
  }
  return out;
}

/**
 * The weekly rest days of a year that are worked (working Saturdays of swaps, extra working
 * days), each explained, in date order.
 *
 * @param options - `locale` of each `reason`: `'vi'` (default) or `'en'`.
 *
 * @example
 * ```ts
 * import { workingWeekends } from 'motcua/calendar';
 * workingWeekends(2026).map((d) => d.date); // ['2026-01-10', '2026-08-22']
 * ```
 */
export function workingWeekends(year: number, calendar?: Calendar, options?: LocaleOptions): DayExplanation[] {
  const locale = localeOf(options);
  const idx = indexOf(calendar);
  const [from, to] = yearOffsets(idx, year);
  const out: DayExplanation[] = [];
  for (let i = from; i < to; i++) {
    if (idx.working[i] && idx.isRest(idx.fromDay + i)) out.push(explainAt(idx, i, locale));
  }
  return out;
}
