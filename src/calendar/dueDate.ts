import { MotcuaError, show } from '../errors';
import { dateAt } from './_lib/access';
import { daysFromCivil } from '../_lib/civil/date';
import { dueCore } from '../_lib/civil/due';
import { parseClock } from '../_lib/civil/date';
import { parseInstant } from '../_lib/civil/instant';
import type { Index } from './_lib/indexing';
import { formatInstant } from '../_lib/civil/instant';
import { explainAt } from './explain';
import { indexOf } from './createCalendar';
import { type Locale, checkLocale } from '../_lib/locale';
import { occasionName } from './_lib/names';
import { dayText, instantText, rangeText } from './_lib/texts';
import type { Calendar, CivilDate, DayKind, Instant, Occasion } from './types';

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
  /** Language of the steps' `text`: `'vi'` (default) or `'en'`. Rules and dates do not depend on it. */
  readonly locale?: Locale;
}

/**
 * Days off a step skips (bỏ qua ngày nghỉ): a holiday, Tết, compensatory, swapped or extra day
 * off, or a run of them for the same occasion (weekly rest days inside the run do not split it and
 * are not named). Ordinary weekends are not listed.
 */
export interface SkippedDaysOff {
  /** The Vietnamese name of the occasion (e.g. `Tết Nguyên đán`), or the name given in the options, or null. */
  readonly name: string | null;
  readonly occasion: Occasion | null;
  /** Kind of the first day of the run. */
  readonly kind: DayKind;
  /** First and last day off of the run (both are days off of this occasion). */
  readonly from: CivilDate;
  readonly to: CivilDate;
}

/** One step of the reasoning behind a due date. */
export interface DueDateStep {
  readonly rule: 'received' | 'day-off' | 'after-hours' | 'after-cutoff' | 'before-hours' | 'count' | 'moved-to-working-day' | 'due-at';
  readonly date: CivilDate;
  /** The step as a sentence, in the input's `locale` (Vietnamese by default). */
  readonly text: string;
  /** The days off this step passes over, when it passes over any (named in `text` too). */
  readonly skipped?: readonly SkippedDaysOff[];
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
    throw new MotcuaError('INVALID_LIMIT', { vi: `cần thời hạn { amount, unit }, nhận được ${show(limit, 'vi')}`, en: `expected { amount, unit }, got ${show(limit)}` }, limit, field);
  }
  const { amount, unit } = limit as { amount?: unknown; unit?: unknown };
  if (!UNITS.has(unit)) {
    throw new MotcuaError('INVALID_LIMIT', { vi: `đơn vị thời hạn không xác định ${show(unit, 'vi')}; chỉ nhận một trong: ${LIMIT_UNITS.join(', ')}`, en: `unknown unit ${show(unit)}; expected one of ${LIMIT_UNITS.join(', ')}` }, unit, `${field}.unit`);
  }
  if (unit === 'same-day') {
    if (amount === undefined || amount === 0 || amount === 1) return;
    throw new MotcuaError('INVALID_LIMIT', { vi: `thời hạn trong ngày (same-day) không có số lượng (hoặc là 0 hay 1), nhận được ${show(amount, 'vi')}`, en: `a same-day limit has no amount (or 0 or 1), got ${show(amount)}` }, amount, `${field}.amount`);
  }
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
    throw new MotcuaError('INVALID_LIMIT', { vi: `cần số lượng là số hữu hạn ≥ 0, nhận được ${show(amount, 'vi')}`, en: `expected a finite amount ≥ 0, got ${show(amount)}` }, amount, `${field}.amount`);
  }
  if (unit === 'calendar-day' && !Number.isInteger(amount)) {
    throw new MotcuaError('INVALID_LIMIT', { vi: `thời hạn tính theo ngày (calendar-day) phải là số ngày nguyên, nhận được ${amount}`, en: `a calendar-day limit must be a whole number of days, got ${amount}` }, amount, `${field}.amount`);
  }
}

/** Kinds of days off a step names when it skips them. */
const NAMED_OFF: ReadonlySet<DayKind> = new Set<DayKind>(['holiday', 'tet', 'compensatory', 'swap', 'extra-day-off']);

/** The named days off in offsets [a, b], grouped by occasion across runs of days off. */
function skippedIn(idx: Index, a: number, b: number): SkippedDaysOff[] {
  const out: { key: string; name: string | null; occasion: Occasion | null; kind: DayKind; from: number; to: number }[] = [];
  let broken = true;
  for (let k = Math.max(a, 0); k <= b && k < idx.working.length; k++) {
    if (idx.working[k]) {
      broken = true;
      continue;
    }
    const e = idx.special.get(k);
    if (!e || !NAMED_OFF.has(e.kind)) continue;
    const key = e.occasion ?? `${e.kind}:${e.name ?? ''}`;
    const g = out[out.length - 1];
    if (g && !broken && g.key === key) g.to = k;
    else out.push({ key, name: e.occasion ? occasionName(e.occasion) : e.name, occasion: e.occasion, kind: e.kind, from: k, to: k });
    broken = false;
  }
  return out.map((g) => ({ name: g.name, occasion: g.occasion, kind: g.kind, from: dateAt(idx, g.from), to: dateAt(idx, g.to) }));
}

const UNNAMED_OFF: Record<Locale, Partial<Record<DayKind, string>>> = {
  vi: { swap: 'ngày nghỉ hoán đổi', 'extra-day-off': 'ngày nghỉ thêm' },
  en: { swap: 'swapped day off', 'extra-day-off': 'extra day off' },
};

/** `; bỏ qua nghỉ Tết Nguyên đán 16-20/02/2026` (empty when nothing is skipped). */
function skippedText(idx: Index, list: readonly SkippedDaysOff[], locale: Locale): string {
  if (list.length === 0) return '';
  const parts = list.map((g) => {
    const range = rangeText(idx.fromDay + indexOfDate(idx, g.from), idx.fromDay + indexOfDate(idx, g.to));
    if (g.name !== null) return locale === 'vi' ? `nghỉ ${g.name} ${range}` : `${g.name} ${range}`;
    return `${UNNAMED_OFF[locale][g.kind] ?? (locale === 'vi' ? 'ngày nghỉ' : 'day off')} ${range}`;
  });
  return locale === 'vi' ? `; bỏ qua ${parts.join(', ')}` : `; days off skipped: ${parts.join(', ')}`;
}

function indexOfDate(idx: Index, date: string): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return daysFromCivil(y, m, d) - idx.fromDay;
}

/** An amount as printed: `2,5` in Vietnamese, `2.5` in English. */
function num(n: number, locale: Locale): string {
  return locale === 'vi' ? String(n).replace('.', ',') : String(n);
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
 * Each step says why in `input.locale` (Vietnamese by default, `'en'` for English), with dates as
 * printed on a notice ("Thứ Hai 23/02/2026") and the holidays it skips named
 * ("bỏ qua nghỉ Tết Nguyên đán 16-20/02/2026", also in `step.skipped`).
 *
 * @param input - `{ receivedAt, limit, cutoff?, locale? }`.
 * @param calendar - Defaults to the civil-servant calendar.
 * @throws {MotcuaError} `INVALID_INSTANT`, `INSTANT_WITHOUT_OFFSET`, `INVALID_LIMIT`, `INVALID_TIME`, `OUT_OF_RANGE` or `INVALID_OPTION` (locale), naming the field.
 *
 * @example
 * ```ts
 * import { dueDate } from 'motcua/calendar';
 * // Received at 15:01 on Friday 13/2/2026, the last working day before Tết, 3 working days, 15:00 cut-off:
 * const r = dueDate({ receivedAt: '2026-02-13T15:01+07:00', limit: { amount: 3, unit: 'working-day' }, cutoff: '15:00' });
 * r.countFrom; // '2026-02-23'
 * r.dueDate; // '2026-02-26'
 * r.dueAt; // '2026-02-26T17:00:00+07:00'
 * r.steps[1]!.text;
 * // 'Tiếp nhận sau 15:00 (giờ chốt tiếp nhận): tính từ ngày làm việc tiếp theo, Thứ Hai 23/02/2026; bỏ qua nghỉ Tết Nguyên đán 16-20/02/2026'
 * ```
 */
export function dueDate(input: DueDateInput, calendar?: Calendar): DueDateResult {
  const idx = indexOf(calendar);
  if (typeof input !== 'object' || input === null) {
    throw new MotcuaError('INVALID_INPUT', { vi: `cần dữ liệu { receivedAt, limit, cutoff?, locale? }, nhận được ${show(input, 'vi')}`, en: `expected { receivedAt, limit, cutoff?, locale? }, got ${show(input)}` }, input, 'input');
  }
  const t = parseInstant(input.receivedAt, 'receivedAt');
  const limit = checkLimit(input.limit);
  const cut = input.cutoff == null ? null : parseClock(input.cutoff, 'cutoff');
  const locale = checkLocale(input.locale, 'locale');
  const r = dueCore(idx, t, limit, cut, input.receivedAt);
  const vi = locale === 'vi';
  const { i, s, due } = r;
  const { amount, unit } = limit;
  const receivedAt = formatInstant(t);
  const day = (k: number) => dayText(idx.fromDay + k, locale);
  const step = (rule: DueDateStep['rule'], k: number, text: string, skipped?: SkippedDaysOff[]): DueDateStep =>
    skipped && skipped.length > 0 ? { rule, date: dateAt(idx, k), text: text + skippedText(idx, skipped, locale), skipped } : { rule, date: dateAt(idx, k), text };
  const steps: DueDateStep[] = [step('received', i, vi ? `Tiếp nhận lúc ${instantText(receivedAt, locale)} (giờ Việt Nam)` : `Received at ${instantText(receivedAt, locale)} (Vietnam time, Asia/Ho_Chi_Minh)`)];

  const next = (k: number) => (vi ? `tính từ ngày làm việc tiếp theo, ${day(k)}` : `counts from the next working day, ${day(k)}`);
  if (r.start === 'day-off') {
    const why = explainAt(idx, i, locale).reason;
    steps.push(step('day-off', s, vi ? `${day(i)} không phải ngày làm việc (${why}): ${next(s)}` : `${day(i)} is not a working day (${why}): ${next(s)}`, skippedIn(idx, i, s - 1)));
  } else if (r.start === 'after-hours') {
    steps.push(step('after-hours', s, vi ? `Tiếp nhận sau giờ làm việc: ${next(s)}` : `Received after office hours: ${next(s)}`, skippedIn(idx, i + 1, s - 1)));
  } else if (r.start === 'after-cutoff') {
    steps.push(step('after-cutoff', s, vi ? `Tiếp nhận sau ${input.cutoff} (giờ chốt tiếp nhận): ${next(s)}` : `Received after the ${input.cutoff} cut-off: ${next(s)}`, skippedIn(idx, i + 1, s - 1)));
  } else if (r.start === 'before-hours') {
    steps.push(step('before-hours', s, vi ? 'Tiếp nhận trước giờ làm việc: tính từ chính ngày này' : 'Received before office hours: counts from that day'));
  }

  const n = num(amount, locale);
  if (unit === 'working-hour') {
    const from = instantText(formatInstant(r.clockStartMs), locale);
    steps.push(step('count', due, vi ? `Thời hạn ${n} giờ làm việc tính từ ${from}` : `${n} working hour${amount === 1 ? '' : 's'} from ${from}`, skippedIn(idx, s + 1, due - 1)));
  } else if (unit === 'calendar-day') {
    const end = r.end;
    steps.push(step('count', end, vi ? `Thời hạn ${n} ngày tính từ ngày sau ${day(s)}: kết thúc ${day(end)}` : `${n} calendar day${amount === 1 ? '' : 's'} after ${day(s)}: ${day(end)}`));
    if (end !== due) {
      const why = explainAt(idx, end, locale).reason;
      steps.push(
        step(
          'moved-to-working-day',
          due,
          vi
            ? `${day(end)} không phải ngày làm việc (${why}): thời hạn kết thúc vào ngày làm việc tiếp theo, ${day(due)} (Điều 148 Bộ luật Dân sự 2015)`
            : `${day(end)} is not a working day (${why}): the period ends on the next working day, ${day(due)} (Civil Code 2015 Art 148)`,
          skippedIn(idx, end, due - 1),
        ),
      );
    }
  } else if (unit === 'same-day' || amount === 0) {
    steps.push(step('count', due, vi ? `Trả kết quả trong ngày làm việc ${day(due)}` : `Result due the same working day, ${day(due)}`));
  } else {
    const whole = Math.floor(amount);
    const frac = amount - whole;
    if (frac > 0) {
      const h = num(frac * idx.hoursPerWorkingDay, locale);
      steps.push(
        step(
          'count',
          due,
          vi
            ? `Thời hạn ${n} ngày làm việc tính từ ngày sau ${day(s)}: ${whole} ngày trọn đến ${day(r.base)}, thêm ${h} giờ làm việc`
            : `${n} working days after ${day(s)}: ${whole} whole day(s) to ${day(r.base)}, then ${h} office hours`,
          skippedIn(idx, s + 1, due - 1),
        ),
      );
    } else {
      steps.push(step('count', due, vi ? `Thời hạn ${n} ngày làm việc tính từ ngày sau ${day(s)}: kết thúc ${day(due)}` : `${n} working day${amount === 1 ? '' : 's'} after ${day(s)}: ${day(due)}`, skippedIn(idx, s + 1, due - 1)));
    }
  }
  const dueAt = formatInstant(r.dueMs);
  const at = instantText(dueAt, locale);
  const precise = unit === 'working-hour' || (unit === 'working-day' && amount % 1 !== 0);
  steps.push(step('due-at', due, vi ? (precise ? `Hẹn trả kết quả lúc ${at}` : `Hẹn trả kết quả lúc ${at} (hết giờ làm việc)`) : precise ? `Due at ${at}` : `Due at the close of office hours, ${at}`));
  return { receivedAt, countFrom: dateAt(idx, s), clockStart: formatInstant(r.clockStartMs), limit, dueDate: dateAt(idx, due), dueAt, steps };
}
