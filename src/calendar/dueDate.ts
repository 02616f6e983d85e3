import { MotcuaError, show } from '../errors';
import { dateAt } from './_lib/access';
import { parseClock } from '../_lib/civil/date';
import { earliestAt, locate, ordinalAt, periodsOf } from './_lib/hours';
import type { Index } from './_lib/indexing';
import { formatInstant, fromCivilTime, parseInstant, toCivilTime } from '../_lib/civil/instant';
import { explainAt } from './explain';
import { indexOf } from './createCalendar';
import type { Calendar, CivilDate, Instant } from './types';

/**
 * Units of a processing time limit (đơn vị thời hạn giải quyết).
 * - `working-day`: ngày làm việc; fractional amounts allowed (0.5 = half a working day).
 * - `working-hour`: giờ làm việc, office hours on working days.
 * - `calendar-day`: ngày (Civil Code 2015 Art 147-148: a last day that is a day off moves to the next working day).
 * - `same-day`: trong ngày, the result is due the day the dossier counts as received.
 */
export type LimitUnit = 'working-day' | 'working-hour' | 'calendar-day' | 'same-day';

/** A processing time limit, e.g. `{ amount: 3, unit: 'working-day' }`. */
export interface Limit {
  readonly amount: number;
  readonly unit: LimitUnit;
}

export const LIMIT_UNITS: readonly LimitUnit[] = ['working-day', 'working-hour', 'calendar-day', 'same-day'];

/** Input of {@link dueDate}. */
export interface DueDateInput {
  /** When the complete dossier was received: ISO string with offset, or `Date`. */
  readonly receivedAt: Instant;
  readonly limit: Limit;
  /**
   * Cut-off clock time `HH:MM`: a dossier received after it counts from the next working day
   * (Decree 118/2025 Art 18(2), Decree 61/2018 Art 18(2): after 15:00). Default: none.
   */
  readonly cutoff?: string | null;
}

/** One step of the reasoning behind a due date. */
export interface DueDateStep {
  readonly rule: 'received' | 'day-off' | 'after-hours' | 'after-cutoff' | 'before-hours' | 'count' | 'moved-to-working-day' | 'due-at';
  readonly date: CivilDate;
  readonly text: string;
}

/** Result of {@link dueDate}. */
export interface DueDateResult {
  /** The receipt instant in Vietnamese time. */
  readonly receivedAt: string;
  /** The working day the dossier counts as received (ngày tiếp nhận tính thời hạn). */
  readonly countFrom: CivilDate;
  /** When the clock starts. */
  readonly clockStart: string;
  readonly limit: Limit;
  /** The due date (ngày hẹn trả kết quả). */
  readonly dueDate: CivilDate;
  /** The due instant: the close of office hours on the due date, or the exact instant for hour limits. */
  readonly dueAt: string;
  /** Why, step by step. */
  readonly steps: readonly DueDateStep[];
}

/** @internal Validate a limit, naming the field. */
export function checkLimit(limit: unknown, field = 'limit'): Limit {
  assertLimit(limit, field);
  const { amount, unit } = limit as Limit;
  return unit === 'same-day' ? { amount: amount ?? 0, unit } : { amount, unit };
}

const UNITS: ReadonlySet<unknown> = new Set(LIMIT_UNITS);

/** @internal The checks of {@link checkLimit}, without building the normalised copy. */
export function assertLimit(limit: unknown, field = 'limit'): asserts limit is Limit {
  if (typeof limit !== 'object' || limit === null) {
    throw new MotcuaError('INVALID_LIMIT', `expected { amount, unit }, got ${show(limit)}`, limit, field);
  }
  const { amount, unit } = limit as { amount?: unknown; unit?: unknown };
  if (!UNITS.has(unit)) {
    throw new MotcuaError('INVALID_LIMIT', `unknown unit ${show(unit)}; expected one of ${LIMIT_UNITS.join(', ')}`, unit, `${field}.unit`);
  }
  if (unit === 'same-day') {
    if (amount === undefined || amount === 0 || amount === 1) return;
    throw new MotcuaError('INVALID_LIMIT', `a same-day limit has no amount (or 0 or 1), got ${show(amount)}`, amount, `${field}.amount`);
  }
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
    throw new MotcuaError('INVALID_LIMIT', `expected a finite amount ≥ 0, got ${show(amount)}`, amount, `${field}.amount`);
  }
  if (unit === 'calendar-day' && !Number.isInteger(amount)) {
    throw new MotcuaError('INVALID_LIMIT', `a calendar-day limit must be a whole number of days, got ${amount}`, amount, `${field}.amount`);
  }
}

function closeOf(idx: Index, i: number): number {
  const p = periodsOf(idx, i);
  return fromCivilTime(idx.fromDay + i, p[p.length - 1]!);
}

function nextWorking(idx: Index, i: number, value: unknown): number {
  const k = idx.cum[i + 1]!;
  if (k >= idx.wd.length) {
    throw new MotcuaError('OUT_OF_RANGE', `no working day after ${dateAt(idx, i)} inside the calendar's years`, value, 'receivedAt');
  }
  return idx.wd[k]!;
}

/**
 * Compute the due date (ngày hẹn trả) of a dossier from its receipt instant and the
 * procedure's limit, through the calendar, in Asia/Ho_Chi_Minh civil time.
 *
 * Rules, in order:
 * 1. A receipt on a day off, after the close of office hours, or after the cut-off counts as
 *    received on the next working day (clock start: its opening). A receipt before opening
 *    counts that day.
 * 2. The period starts the day after the day it counts from (Civil Code 2015 Art 147):
 *    `N working-day` → `addWorkingDays(countFrom, N)`; a fraction of a day adds that share of
 *    `hoursPerWorkingDay` office hours after the close of the last whole day;
 *    `N calendar-day` → `countFrom + N`, moved to the next working day if that is a day off
 *    (Art 148); `same-day` → `countFrom`; `N working-hour` → `addWorkingHours(clockStart, N)`.
 * 3. The due instant is the close of office hours on the due date (hour limits: the exact instant).
 *
 * @param input - `{ receivedAt, limit, cutoff? }`.
 * @param calendar - Defaults to the civil-servant calendar.
 * @throws {MotcuaError} `INVALID_INSTANT`, `INSTANT_WITHOUT_OFFSET`, `INVALID_LIMIT`, `INVALID_TIME` or `OUT_OF_RANGE`, naming the field.
 *
 * @example
 * ```ts
 * import { dueDate } from 'motcua/calendar';
 * // Received at 15:01 on Friday 13/2/2026, the last working day before Tết, 3 working days, 15:00 cut-off:
 * const r = dueDate({ receivedAt: '2026-02-13T15:01+07:00', limit: { amount: 3, unit: 'working-day' }, cutoff: '15:00' });
 * r.countFrom; // '2026-02-23'
 * r.dueDate; // '2026-02-26'
 * r.dueAt; // '2026-02-26T17:00:00+07:00'
 * ```
 */
export function dueDate(input: DueDateInput, calendar?: Calendar): DueDateResult {
  const idx = indexOf(calendar);
  if (typeof input !== 'object' || input === null) {
    throw new MotcuaError('INVALID_INPUT', `expected { receivedAt, limit, cutoff? }, got ${show(input)}`, input, 'input');
  }
  const t = parseInstant(input.receivedAt, 'receivedAt');
  const limit = checkLimit(input.limit);
  const cut = input.cutoff == null ? null : parseClock(input.cutoff, 'cutoff');
  const [i, m] = locate(idx, t, input.receivedAt, 'receivedAt');
  const receivedAt = formatInstant(t);
  const steps: DueDateStep[] = [{ rule: 'received', date: dateAt(idx, i), text: `received ${receivedAt.slice(0, 16).replace('T', ' ')} (Asia/Ho_Chi_Minh)` }];

  const periods = periodsOf(idx, i);
  const open = periods[0]!;
  const close = periods[periods.length - 1]!;
  let s = i;
  if (!idx.working[i]) {
    s = nextWorking(idx, i, input.receivedAt);
    steps.push({ rule: 'day-off', date: dateAt(idx, s), text: `${dateAt(idx, i)} is not a working day (${explainAt(idx, i).reason}): counts from the next working day, ${dateAt(idx, s)}` });
  } else if (m >= close) {
    s = nextWorking(idx, i, input.receivedAt);
    steps.push({ rule: 'after-hours', date: dateAt(idx, s), text: `received after office hours: counts from the next working day, ${dateAt(idx, s)}` });
  } else if (cut !== null && m > cut) {
    s = nextWorking(idx, i, input.receivedAt);
    steps.push({ rule: 'after-cutoff', date: dateAt(idx, s), text: `received after the ${input.cutoff} cut-off: counts from the next working day, ${dateAt(idx, s)}` });
  } else if (m < open) {
    steps.push({ rule: 'before-hours', date: dateAt(idx, s), text: 'received before office hours: counts from that day' });
  }
  const clockStartMs = s === i ? Math.max(t, fromCivilTime(idx.fromDay + i, open)) : fromCivilTime(idx.fromDay + s, periodsOf(idx, s)[0]!);

  let dueMs: number;
  let due: number;
  const { amount, unit } = limit;
  if (unit === 'working-hour') {
    if (amount === 0) dueMs = clockStartMs;
    else {
      const startOrd = s === i ? ordinalAt(idx, i, m) : idx.cumMin[s]!;
      dueMs = earliestAt(idx, startOrd + amount * 60, 'limit.amount', amount);
    }
    due = toCivilTime(dueMs).day - idx.fromDay;
    steps.push({ rule: 'count', date: dateAt(idx, due), text: `${amount} working hours from ${formatInstant(clockStartMs).slice(0, 16).replace('T', ' ')}` });
  } else if (unit === 'calendar-day') {
    due = s + amount;
    if (due >= idx.working.length) throw new MotcuaError('OUT_OF_RANGE', "the due date falls outside the calendar's years", amount, 'limit.amount');
    steps.push({ rule: 'count', date: dateAt(idx, due), text: `${amount} calendar days after ${dateAt(idx, s)}: ${dateAt(idx, due)}` });
    if (!idx.working[due]) {
      const moved = nextWorking(idx, due, input.receivedAt);
      steps.push({ rule: 'moved-to-working-day', date: dateAt(idx, moved), text: `${dateAt(idx, due)} is not a working day: the period ends on the next working day, ${dateAt(idx, moved)} (Civil Code 2015 Art 148)` });
      due = moved;
    }
    dueMs = closeOf(idx, due);
  } else if (unit === 'same-day' || amount === 0) {
    due = s;
    dueMs = closeOf(idx, due);
    steps.push({ rule: 'count', date: dateAt(idx, due), text: `result due the same working day, ${dateAt(idx, due)}` });
  } else {
    const whole = Math.floor(amount);
    const frac = amount - whole;
    let base = s;
    if (whole > 0) {
      const k = idx.cum[s + 1]! + whole - 1;
      if (k >= idx.wd.length) throw new MotcuaError('OUT_OF_RANGE', "the due date falls outside the calendar's years", amount, 'limit.amount');
      base = idx.wd[k]!;
    }
    if (frac > 0) {
      dueMs = earliestAt(idx, idx.cumMin[base + 1]! + frac * idx.hoursPerWorkingDay * 60, 'limit.amount', amount);
      due = toCivilTime(dueMs).day - idx.fromDay;
      steps.push({ rule: 'count', date: dateAt(idx, due), text: `${amount} working days after ${dateAt(idx, s)}: ${whole} whole day(s) to ${dateAt(idx, base)}, then ${frac * idx.hoursPerWorkingDay} office hours` });
    } else {
      due = base;
      dueMs = closeOf(idx, due);
      steps.push({ rule: 'count', date: dateAt(idx, due), text: `${amount} working days after ${dateAt(idx, s)}: ${dateAt(idx, due)}` });
    }
  }
  const dueAt = formatInstant(dueMs);
  steps.push({ rule: 'due-at', date: dateAt(idx, due), text: unit === 'working-hour' || (unit === 'working-day' && amount % 1 !== 0) ? `due at ${dueAt}` : `due at the close of office hours, ${dueAt}` });
  return { receivedAt, countFrom: dateAt(idx, s), clockStart: formatInstant(clockStartMs), limit, dueDate: dateAt(idx, due), dueAt, steps };
}
