/**
 * The read side of a calendar's compiled working-time index, shared by the calendar (which builds
 * the index in `calendar/_lib/indexing.ts`) and the dossier module (which reads it for its O(1) due
 * dates): one byte per day, running counts of working days and office minutes, the office-hour
 * periods of each day. Neither module imports the other's private files; both import this.
 * @internal
 * @module
 */
import { MotcuaError, show } from '../../errors';
import { formatDate } from './date';
import { fromCivilTime } from './instant';

/** Flat list of period bounds in minutes of the day: [from0, to0, from1, to1, ...], increasing. */
export type Periods = readonly number[];

/** What any reader of a compiled calendar index may rely on (the calendar's `Index` extends it). */
export interface WorkIndex {
  readonly fromDay: number;
  readonly toDay: number;
  readonly fromYear: number;
  readonly toYear: number;
  /** 1 = working day, by offset from fromDay. */
  readonly working: Uint8Array;
  /** cum[i] = working days in offsets [0, i). Length n + 1. */
  readonly cum: Int32Array;
  /** Offsets of working days, increasing. */
  readonly wd: Int32Array;
  /** cumMin[i] = office minutes in offsets [0, i). Length n + 1. */
  readonly cumMin: Int32Array;
  /** Period set of each day (index into office.sets). */
  readonly periodSet: Uint8Array;
  readonly office: { readonly sets: readonly Periods[] };
  /** Lazily filled `YYYY-MM-DD` strings, by offset. */
  readonly dates: (string | undefined)[];
  /** Office hours in one working day, for fractions of a working day. */
  readonly hoursPerWorkingDay: number;
}

/**
 * The key under which `createCalendar` keeps a calendar's compiled index (a registered symbol, not
 * enumerable: the calendar stays plain frozen data for `JSON.stringify`).
 */
export const CALENDAR_INDEX: unique symbol = Symbol.for('motcua.calendar.index') as never;

/**
 * The error for a value given as a calendar that `createCalendar` did not make (a plain object, its
 * JSON copy, a number): `INVALID_OPTION` on the field `calendar`, in Vietnamese and English.
 */
export function notACalendar(value: unknown): MotcuaError {
  return new MotcuaError(
    'INVALID_OPTION',
    { vi: `cần một lịch tạo bởi createCalendar(), nhận được ${show(value, 'vi')}`, en: `expected a calendar made by createCalendar(), got ${show(value)}` },
    value,
    'calendar',
  );
}

/**
 * The compiled index of a calendar made by `createCalendar`.
 * @throws {MotcuaError} `INVALID_OPTION` (field `calendar`) for anything else.
 */
export function workIndexOf(calendar: unknown): WorkIndex {
  const idx = typeof calendar === 'object' && calendar !== null ? (calendar as { [CALENDAR_INDEX]?: WorkIndex })[CALENDAR_INDEX] : undefined;
  if (!idx) throw notACalendar(calendar);
  return idx;
}

/** The `YYYY-MM-DD` string of an offset (cached in the index). */
export function dateAt(idx: WorkIndex, i: number): string {
  let s = idx.dates[i];
  if (s === undefined) {
    s = formatDate(idx.fromDay + i);
    idx.dates[i] = s;
  }
  return s;
}

/** Office-hour periods of the day at offset `i`. */
export function periodsOf(idx: WorkIndex, i: number): Periods {
  return idx.office.sets[idx.periodSet[i]!]!;
}

/** Working minutes of a period set elapsed by minute-of-day `m`. */
export function minutesElapsed(periods: Periods, m: number): number {
  let sum = 0;
  for (let i = 0; i < periods.length; i += 2) {
    const from = periods[i] as number;
    const to = periods[i + 1] as number;
    if (m <= from) break;
    sum += (m < to ? m : to) - from;
  }
  return sum;
}

/** The earliest minute-of-day at which `k` working minutes of the set have elapsed (0 < k ≤ total). */
export function minuteAtElapsed(periods: Periods, k: number): number {
  let left = k;
  for (let i = 0; i < periods.length; i += 2) {
    const from = periods[i] as number;
    const len = (periods[i + 1] as number) - from;
    if (left <= len) return from + left;
    left -= len;
  }
  return periods[periods.length - 1] as number;
}

/** Office minutes elapsed from the start of the index to minute `minute` of the day at offset `i`. */
export function ordinalAt(idx: WorkIndex, i: number, minute: number): number {
  return idx.cumMin[i]! + (idx.working[i] ? minutesElapsed(periodsOf(idx, i), minute) : 0);
}

function rangeError(idx: WorkIndex, field: string, value: unknown): never {
  throw new MotcuaError('OUT_OF_RANGE', { vi: `kết quả nằm ngoài các năm của lịch (${idx.fromYear}-${idx.toYear})`, en: `the result falls outside the calendar's years ${idx.fromYear}-${idx.toYear}` }, value, field);
}

/** The earliest instant (epoch ms) at which the ordinal reaches `target`. */
export function earliestAt(idx: WorkIndex, target: number, field: string, value: unknown): number {
  const wd = idx.wd;
  const cumMin = idx.cumMin;
  if (target < 0 || wd.length === 0) rangeError(idx, field, value);
  // smallest k with cumMin[wd[k]] + minutes(wd[k]) >= target, i.e. cumMin[wd[k] + 1] >= target
  let lo = 0;
  let hi = wd.length - 1;
  if (cumMin[wd[hi]! + 1]! < target) rangeError(idx, field, value);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumMin[wd[mid]! + 1]! >= target) hi = mid;
    else lo = mid + 1;
  }
  const i = wd[lo]!;
  const k = target - cumMin[i]!;
  const periods = periodsOf(idx, i);
  const minute = k <= 0 ? periods[0]! : minuteAtElapsed(periods, k);
  return fromCivilTime(idx.fromDay + i, minute);
}
