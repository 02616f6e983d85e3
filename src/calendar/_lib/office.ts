/** @internal Office hours: normalisation and per-day lookup. */
import { MotcuaError, show } from '../../errors';
import type { OfficeHours } from '../types';
import { civilFromDays, parseClock } from '../../_lib/civil/date';

import type { Periods } from '../../_lib/civil/workIndex';
export type { Periods } from '../../_lib/civil/workIndex';
export { minutesElapsed, minuteAtElapsed } from '../../_lib/civil/workIndex';

export interface NormalizedOffice {
  /** Period sets; index 0 is the default. */
  readonly sets: readonly Periods[];
  /** Seasons: [fromMMDD, toMMDD, setIndex] with MMDD = month * 100 + day. */
  readonly seasons: readonly (readonly [number, number, number])[];
}

export const DEFAULT_OFFICE_HOURS: OfficeHours = {
  periods: [
    ['07:30', '11:30'],
    ['13:00', '17:00'],
  ],
};

function normalizePeriods(periods: unknown, field: string): Periods {
  if (!Array.isArray(periods) || periods.length === 0) {
    throw new MotcuaError('INVALID_OPTION', { vi: `cần một danh sách không rỗng các khung giờ ["HH:MM", "HH:MM"], nhận được ${show(periods, 'vi')}`, en: `expected a non-empty list of ["HH:MM", "HH:MM"] periods, got ${show(periods)}` }, periods, field);
  }
  const flat: number[] = [];
  periods.forEach((p, i) => {
    if (!Array.isArray(p) || p.length !== 2) {
      throw new MotcuaError('INVALID_OPTION', { vi: `cần một khung giờ ["HH:MM", "HH:MM"], nhận được ${show(p, 'vi')}`, en: `expected ["HH:MM", "HH:MM"], got ${show(p)}` }, p, `${field}[${i}]`);
    }
    const from = parseClock(p[0], `${field}[${i}][0]`);
    const to = parseClock(p[1], `${field}[${i}][1]`);
    const prev = flat.length ? (flat[flat.length - 1] as number) : -1;
    if (to <= from || from < prev) {
      throw new MotcuaError('INVALID_TIME', { vi: `các khung giờ phải tăng dần và không chồng lên nhau, nhận được ${show(p, 'vi')}`, en: `periods must be increasing and not overlap, got ${show(p)}` }, p, `${field}[${i}]`);
    }
    flat.push(from, to);
  });
  return flat;
}

function parseMonthDay(value: unknown, field: string): number {
  if (typeof value === 'string' && /^\d{2}-\d{2}$/.test(value)) {
    const m = Number(value.slice(0, 2));
    const d = Number(value.slice(3));
    const max = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
    if (max !== undefined && d >= 1 && d <= max) return m * 100 + d;
  }
  throw new MotcuaError('INVALID_OPTION', { vi: `cần ngày-tháng dạng "MM-DD", nhận được ${show(value, 'vi')}`, en: `expected a month-day "MM-DD", got ${show(value)}` }, value, field);
}

function onlyKeys(o: object, allowed: readonly string[], field: string): void {
  for (const k of Object.keys(o)) {
    if (!allowed.includes(k)) throw new MotcuaError('INVALID_OPTION', { vi: `tùy chọn không xác định ${show(k, 'vi')}; chỉ nhận một trong: ${allowed.join(', ')}`, en: `unknown option ${show(k)}; expected one of ${allowed.join(', ')}` }, k, `${field}.${k}`);
  }
}

export function normalizeOffice(hours: OfficeHours | undefined): NormalizedOffice {
  const h = hours ?? DEFAULT_OFFICE_HOURS;
  if (typeof h !== 'object' || h === null) {
    throw new MotcuaError('INVALID_OPTION', { vi: `cần giờ hành chính { periods, seasons? }, nhận được ${show(h, 'vi')}`, en: `expected { periods, seasons? }, got ${show(h)}` }, h, 'options.officeHours');
  }
  onlyKeys(h, ['periods', 'seasons'], 'options.officeHours');
  const sets: Periods[] = [normalizePeriods(h.periods, 'options.officeHours.periods')];
  const seasons: [number, number, number][] = [];
  if (h.seasons !== undefined && !Array.isArray(h.seasons)) throw new MotcuaError('INVALID_OPTION', { vi: `cần một mảng các mùa { from, to, periods }, nhận được ${show(h.seasons, 'vi')}`, en: `expected an array of { from, to, periods }, got ${show(h.seasons)}` }, h.seasons, 'options.officeHours.seasons');
  (h.seasons ?? []).forEach((s, i) => {
    const f = `options.officeHours.seasons[${i}]`;
    if (typeof s !== 'object' || s === null) throw new MotcuaError('INVALID_OPTION', { vi: `cần một mùa { from, to, periods }, nhận được ${show(s, 'vi')}`, en: `expected { from, to, periods }, got ${show(s)}` }, s, f);
    onlyKeys(s, ['from', 'to', 'periods'], f);
    seasons.push([parseMonthDay(s?.from, `${f}.from`), parseMonthDay(s?.to, `${f}.to`), sets.length]);
    sets.push(normalizePeriods(s.periods, `${f}.periods`));
  });
  return { sets, seasons };
}

/** Index of the period set in force on a day. */
export function periodSetOf(office: NormalizedOffice, day: number): number {
  if (office.seasons.length === 0) return 0;
  const [, m, d] = civilFromDays(day);
  const md = m * 100 + d;
  for (const [from, to, set] of office.seasons) {
    if (from <= to ? md >= from && md <= to : md >= from || md <= to) return set;
  }
  return 0;
}

/** Working minutes in a period set. */
export function minutesIn(periods: Periods): number {
  let sum = 0;
  for (let i = 0; i < periods.length; i += 2) sum += (periods[i + 1] as number) - (periods[i] as number);
  return sum;
}

/** The latest minute-of-day at which exactly `k` working minutes (0 ≤ k < total) have elapsed. */
export function latestMinuteAtElapsed(periods: Periods, k: number): number {
  let left = k;
  for (let i = 0; i < periods.length; i += 2) {
    const from = periods[i] as number;
    const len = (periods[i + 1] as number) - from;
    if (left < len) return from + left;
    left -= len;
  }
  return periods[periods.length - 1] as number;
}
