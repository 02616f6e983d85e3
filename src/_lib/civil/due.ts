/**
 * The arithmetic of the calendar's `dueDate`, without its checks of the input and without its
 * texts: the calendar renders the steps in a locale from this, the dossier module reads the dates
 * only (so `motcua/dossier` does not carry the sentences).
 * @internal
 * @module
 */
import { MotcuaError } from '../../errors';
import { toCivilTime, fromCivilTime } from './instant';
import { type WorkIndex, dateAt, earliestAt, ordinalAt, periodsOf } from './workIndex';

/** Why the count starts later than (or at the opening of) the receipt day. */
export type DueStart = 'day-off' | 'after-hours' | 'after-cutoff' | 'before-hours' | null;

/** A checked limit (the calendar's `Limit`). */
export interface CheckedLimit {
  readonly amount: number;
  readonly unit: 'working-day' | 'working-hour' | 'calendar-day' | 'same-day';
}

/** Offsets are into the index. */
export interface DueCore {
  /** The receipt day's offset and minute of day. */
  readonly i: number;
  readonly m: number;
  readonly start: DueStart;
  /** The day the period counts from. */
  readonly s: number;
  readonly clockStartMs: number;
  /** The last whole working day of a working-day limit (else `s`). */
  readonly base: number;
  /** For a calendar-day limit, the day the count ends on before Civil Code Art 148 moves it (else `due`). */
  readonly end: number;
  /** Due day and due instant. */
  readonly due: number;
  readonly dueMs: number;
}

/** The close of office hours of the day at offset `i` (epoch ms). */
export function closeOfDay(idx: WorkIndex, i: number): number {
  const p = periodsOf(idx, i);
  return fromCivilTime(idx.fromDay + i, p[p.length - 1]!);
}

/** The next working day after offset `i`, or OUT_OF_RANGE naming `field`. */
export function nextWorkingDayOff(idx: WorkIndex, i: number, value: unknown, field: string): number {
  const k = idx.cum[i + 1]!;
  if (k >= idx.wd.length) {
    throw new MotcuaError('OUT_OF_RANGE', { vi: `không còn ngày làm việc nào sau ngày ${dateAt(idx, i)} trong các năm của lịch`, en: `no working day after ${dateAt(idx, i)} inside the calendar's years` }, value, field);
  }
  return idx.wd[k]!;
}

/**
 * The rules of the calendar's `dueDate` (see there) from a receipt instant `t` (epoch ms), a
 * checked limit and the cut-off in minutes of the day. `value`/`field` name the receipt in errors.
 */
export function dueCore(idx: WorkIndex, t: number, limit: CheckedLimit, cut: number | null, value: unknown, field = 'receivedAt'): DueCore {
  const { day, minute: m } = toCivilTime(t);
  const i = day - idx.fromDay;
  if (i < 0 || day > idx.toDay) {
    throw new MotcuaError('OUT_OF_RANGE', { vi: `thời điểm nằm ngoài các năm của lịch (${idx.fromYear}-${idx.toYear})`, en: `the instant falls outside the calendar's years ${idx.fromYear}-${idx.toYear}` }, value, field);
  }
  const periods = periodsOf(idx, i);
  const open = periods[0]!;
  const close = periods[periods.length - 1]!;
  let start: DueStart = null;
  if (!idx.working[i]) start = 'day-off';
  else if (m >= close) start = 'after-hours';
  else if (cut !== null && m > cut) start = 'after-cutoff';
  else if (m < open) start = 'before-hours';
  const s = start !== null && start !== 'before-hours' ? nextWorkingDayOff(idx, i, value, field) : i;
  const clockStartMs = s === i ? Math.max(t, fromCivilTime(idx.fromDay + i, open)) : fromCivilTime(idx.fromDay + s, periodsOf(idx, s)[0]!);

  let dueMs: number;
  let due: number;
  let base = s;
  let end: number | null = null;
  const { amount, unit } = limit;
  if (unit === 'working-hour') {
    if (amount === 0) dueMs = clockStartMs;
    else {
      const startOrd = s === i ? ordinalAt(idx, i, m) : idx.cumMin[s]!;
      dueMs = earliestAt(idx, startOrd + amount * 60, 'limit.amount', amount);
    }
    due = toCivilTime(dueMs).day - idx.fromDay;
  } else if (unit === 'calendar-day') {
    end = s + amount;
    if (end >= idx.working.length) throw new MotcuaError('OUT_OF_RANGE', { vi: 'hạn giải quyết nằm ngoài các năm của lịch', en: "the due date falls outside the calendar's years" }, amount, 'limit.amount');
    due = idx.working[end] ? end : nextWorkingDayOff(idx, end, value, field);
    dueMs = closeOfDay(idx, due);
  } else if (unit === 'same-day' || amount === 0) {
    due = s;
    dueMs = closeOfDay(idx, due);
  } else {
    const whole = Math.floor(amount);
    const frac = amount - whole;
    if (whole > 0) {
      const k = idx.cum[s + 1]! + whole - 1;
      if (k >= idx.wd.length) throw new MotcuaError('OUT_OF_RANGE', { vi: 'hạn giải quyết nằm ngoài các năm của lịch', en: "the due date falls outside the calendar's years" }, amount, 'limit.amount');
      base = idx.wd[k]!;
    }
    if (frac > 0) {
      dueMs = earliestAt(idx, idx.cumMin[base + 1]! + frac * idx.hoursPerWorkingDay * 60, 'limit.amount', amount);
      due = toCivilTime(dueMs).day - idx.fromDay;
    } else {
      due = base;
      dueMs = closeOfDay(idx, due);
    }
  }
  return { i, m, start, s, clockStartMs, base, end: end ?? due, due, dueMs };
}
