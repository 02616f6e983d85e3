import { buildIndex, type Index } from './_lib/indexing';
import type { Calendar, CalendarOptions } from './types';

import { CALENDAR_INDEX as INDEX, workIndexOf } from '../_lib/civil/workIndex';

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
  }
  return v;
}

/**
 * Create an immutable working calendar (lịch làm việc) for Vietnamese state agencies.
 *
 * By default it is the civil-servant calendar 1990-2100: the Labour Code holidays of each
 * year (1994, 2012 and 2019 codes), the official schedules compiled for 2018-2027 (Tết
 * breaks, compensatory days, swaps and working Saturdays, every entry with its source),
 * and for other years an estimate by rule, marked `estimated` in {@link explain}.
 * Office hours default to 07:30-11:30 and 13:00-17:00, Asia/Ho_Chi_Minh.
 *
 * The index is compiled once here (about a few milliseconds for 111 years); every query
 * is then O(1) or O(log n). The returned object is frozen plain data: `JSON.stringify`
 * gives the options it was built from.
 *
 * @param options - Overrides; see {@link CalendarOptions}.
 * @throws {MotcuaError} `INVALID_OPTION` naming the option's path (`options.swaps[0].workingDay`) for an unknown
 *   key, a wrongly typed value, a bad date, or a swap whose day off is already off or whose working
 *   day is a holiday or already worked; `INVALID_TIME` for bad office hours; `OUT_OF_RANGE` for a
 *   year or date outside 1990-2100 or the calendar's years.
 *
 * @example
 * ```ts
 * import { createCalendar, isWorkingDay } from 'motcua/calendar';
 *
 * // A swap announced after the release: one line.
 * const cal = createCalendar({
 *   swaps: [{ dayOff: '2027-04-29', workingDay: '2027-04-24', source: 'Công văn …/VPCP-KGVX' }],
 *   officeHours: { periods: [['07:30', '11:30'], ['13:30', '17:30']] },
 * });
 * isWorkingDay('2027-04-24', cal); // true
 * ```
 */
export function createCalendar(options: CalendarOptions = {}): Calendar {
  const index = buildIndex(options);
  const snapshot = deepFreeze(structuredClone(options));
  const cal = {
    type: 'motcua.calendar' as const,
    fromYear: index.fromYear,
    toYear: index.toYear,
    options: snapshot,
  };
  Object.defineProperty(cal, INDEX, { value: index, enumerable: false });
  return Object.freeze(cal);
}

let defaultCal: Calendar | undefined;

/**
 * The default civil-servant calendar, built on first use and shared (it is immutable).
 *
 * @example
 * ```ts
 * import { defaultCalendar } from 'motcua/calendar';
 * defaultCalendar().fromYear; // 1990
 * ```
 */
export function defaultCalendar(): Calendar {
  return (defaultCal ??= createCalendar());
}

/**
 * @internal The compiled index of a calendar (the default one when none is given).
 * @throws {MotcuaError} `INVALID_OPTION` (field `calendar`) for a value `createCalendar` did not make.
 */
export function indexOf(calendar: Calendar | undefined): Index {
  return workIndexOf(calendar ?? defaultCalendar()) as Index;
}
