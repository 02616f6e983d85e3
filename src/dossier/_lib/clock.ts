/**
 * @internal Due-date arithmetic on the calendar's compiled index: O(1) for whole working days,
 * calendar days and same-day limits; other limits go through the arithmetic of the calendar's
 * `dueDate` (src/_lib/civil/due.ts), without its texts.
 */
import type { Calendar, Limit } from '../../calendar/index';
import { dueCore } from '../../_lib/civil/due';
import type { WorkIndex as Index } from '../../_lib/civil/workIndex';
import { dateAt, earliestAt, ordinalAt, periodsOf, workIndexOf } from '../../_lib/civil/workIndex';
import { formatInstant, fromCivilTime, parseInstant } from '../../_lib/civil/instant';
import { pad2, parseDate } from '../../_lib/civil/date';
import { MotcuaError } from '../../errors';

/**
 * A calendar with its index, and per day its close-of-office-hours instant and that instant's text
 * (most due instants are one), both filled as used: a day's close is computed once per calendar,
 * not once per event (#18).
 */
export interface Cal {
  readonly cal: Calendar;
  readonly idx: Index;
  readonly closeText: (string | undefined)[];
  /** Epoch ms of each day's close of office hours, by offset (`NaN`: not computed yet). */
  readonly closeMs: Float64Array;
}

export function calOf(cal: Calendar): Cal {
  const idx = workIndexOf(cal);
  // preallocated: writing far into an empty array would give it slow dictionary elements
  return { cal, idx, closeText: new Array<string | undefined>(idx.working.length), closeMs: new Float64Array(idx.working.length).fill(NaN) };
}

/** Vietnamese civil day number of an instant. */
export function dayOfMs(ms: number): number {
  return Math.floor((ms / 60000 + 420) / 1440);
}

function minuteOfMs(ms: number, day: number): number {
  return ms / 60000 + 420 - day * 1440;
}

/** Offset in the index of a day number, range-checked. */
export function offOf(idx: Index, day: number): number {
  const i = day - idx.fromDay;
  if (i < 0 || day > idx.toDay) throw new MotcuaError('OUT_OF_RANGE', { vi: `ngày nằm ngoài các năm của lịch (${idx.fromYear}-${idx.toYear})`, en: `the date falls outside the calendar's years ${idx.fromYear}-${idx.toYear}` }, day, 'at');
  return i;
}

export function dateOfOff(idx: Index, i: number): string {
  return dateAt(idx, i);
}

/** Close of office hours of an offset (epoch ms), computed once per day of the calendar. */
export function closeOf(c: Cal, i: number): number {
  const hit = c.closeMs[i]!;
  if (hit === hit) return hit;
  const idx = c.idx;
  const p = periodsOf(idx, i);
  return (c.closeMs[i] = fromCivilTime(idx.fromDay + i, p[p.length - 1]!));
}

function nextWorkingOff(idx: Index, i: number): number {
  const k = idx.cum[i + 1]!;
  if (k >= idx.wd.length) throw new MotcuaError('OUT_OF_RANGE', { vi: 'không còn ngày làm việc nào sau ngày này trong các năm của lịch', en: "no working day after this date inside the calendar's years" }, i, 'at');
  return idx.wd[k]!;
}

/** Result of {@link computeDue}: offsets and epoch ms. */
export interface Due {
  countFrom: number;
  startMs: number;
  dueOff: number;
  dueMs: number;
  precise: boolean;
}

/** Whether a limit gives exact due instants (hours, fractional working days). */
export function isPrecise(limit: Limit): boolean {
  return limit.unit === 'working-hour' || (limit.unit === 'working-day' && limit.amount % 1 !== 0);
}

/**
 * Due date of a period starting at `ms` with `limit`, with the same rules as the calendar's
 * `dueDate` (day off, after hours, cut-off → next working day; Civil Code Art 147-148).
 */
export function computeDue(c: Cal, ms: number, limit: Limit, cutMin: number | null, _cutText: string | null): Due {
  const idx = c.idx;
  const { amount, unit } = limit;
  const fast = unit === 'same-day' || amount === 0 || (unit === 'working-day' && amount % 1 === 0) || unit === 'calendar-day';
  if (!fast) {
    // the calendar's dueDate arithmetic without its texts (#19); instants to the second, as dueDate writes them
    const r = dueCore(idx, ms, limit, cutMin, new Date(ms));
    return {
      countFrom: r.s,
      startMs: parseInstant(formatInstant(r.clockStartMs), 'clockStart'),
      dueOff: r.due,
      dueMs: parseInstant(formatInstant(r.dueMs), 'dueAt'),
      precise: isPrecise(limit),
    };
  }
  const day = dayOfMs(ms);
  const i = offOf(idx, day);
  const m = minuteOfMs(ms, day);
  const periods = periodsOf(idx, i);
  const open = periods[0]!;
  const close = periods[periods.length - 1]!;
  let s = i;
  if (!idx.working[i] || m >= close || (cutMin !== null && m > cutMin)) s = nextWorkingOff(idx, i);
  const startMs = s === i ? Math.max(ms, fromCivilTime(idx.fromDay + i, open)) : fromCivilTime(idx.fromDay + s, periodsOf(idx, s)[0]!);
  let due = s;
  if (unit === 'calendar-day') {
    due = s + amount;
    if (due >= idx.working.length) throw new MotcuaError('OUT_OF_RANGE', { vi: 'hạn giải quyết nằm ngoài các năm của lịch', en: "the due date falls outside the calendar's years" }, amount, 'limit.amount');
    if (!idx.working[due]) due = nextWorkingOff(idx, due);
  } else if (unit === 'working-day' && amount > 0) {
    const k = idx.cum[s + 1]! + amount - 1;
    if (k >= idx.wd.length) throw new MotcuaError('OUT_OF_RANGE', { vi: 'hạn giải quyết nằm ngoài các năm của lịch', en: "the due date falls outside the calendar's years" }, amount, 'limit.amount');
    due = idx.wd[k]!;
  }
  return { countFrom: s, startMs, dueOff: due, dueMs: closeOf(c, due), precise: false };
}

/** Working days in (a, b] by offsets (negative when b < a). */
export function workingDaysBetweenOff(idx: Index, a: number, b: number): number {
  return idx.cum[b + 1]! - idx.cum[a + 1]!;
}

/** The k-th working day after offset `i` (k ≥ 1), or `i` when k ≤ 0. */
export function addWorkingOff(idx: Index, i: number, k: number): number {
  if (k <= 0) return i;
  const t = idx.cum[i + 1]! + k - 1;
  if (t >= idx.wd.length) throw new MotcuaError('OUT_OF_RANGE', { vi: 'hạn giải quyết nằm ngoài các năm của lịch', en: "the due date falls outside the calendar's years" }, k, 'at');
  return idx.wd[t]!;
}

/** Office minutes from the start of the index to an instant. */
export function ordinalOfMs(idx: Index, ms: number): number {
  const day = dayOfMs(ms);
  return ordinalAt(idx, offOf(idx, day), minuteOfMs(ms, day));
}

/** The excluded amount between two instants: working days (date clock) or office minutes (precise clock). */
export function intervalOf(idx: Index, fromMs: number, toMs: number, precise: boolean): number {
  if (precise) return Math.max(0, ordinalOfMs(idx, toMs) - ordinalOfMs(idx, fromMs));
  return Math.max(0, workingDaysBetweenOff(idx, offOf(idx, dayOfMs(fromMs)), offOf(idx, dayOfMs(toMs))));
}

/** Move a due instant later by an excluded amount (see {@link intervalOf}). */
export function shiftDue(c: Cal, dueMs: number, amount: number, precise: boolean): number {
  if (amount <= 0) return dueMs;
  const idx = c.idx;
  if (precise) return earliestAt(idx, ordinalOfMs(idx, dueMs) + amount, 'at', amount);
  return closeOf(c, addWorkingOff(idx, offOf(idx, dayOfMs(dueMs)), amount));
}

/** `THH:MM:` for each minute of the day, and `SS+07:00` for each second, built as needed. */
const HOUR_MINUTE: string[] = [];
const SECOND_ZONE: string[] = [];

/**
 * `formatInstant` (ISO 8601 in Vietnamese time, e.g. `2026-02-25T17:00:00+07:00`) without its
 * arithmetic on strings: the date comes from the index, the time of day from small tables, and the
 * close-of-office-hours instants are kept per day. Same text as `formatInstant` for every instant.
 */
export function formatMs(c: Cal, ms: number): string {
  const idx = c.idx;
  const minutes = ms / 60000 + 420;
  const day = Math.floor(minutes / 1440);
  const i = day - idx.fromDay;
  if (i < 0 || day > idx.toDay) return formatInstant(ms);
  const close = ms === closeOf(c, i);
  if (close) {
    const hit = c.closeText[i];
    if (hit !== undefined) return hit;
  }
  const seconds = Math.round((minutes - day * 1440) * 60);
  if (seconds >= 86400) return formatInstant(ms); // rounds up to the next midnight
  const m = Math.floor(seconds / 60);
  const s = seconds - m * 60;
  const hm = (HOUR_MINUTE[m] ??= `T${pad2(Math.floor(m / 60))}:${pad2(m % 60)}:`);
  const sz = (SECOND_ZONE[s] ??= `${pad2(s)}+07:00`);
  const text = dateAt(idx, i) + hm + sz;
  if (close) c.closeText[i] = text;
  return text;
}
