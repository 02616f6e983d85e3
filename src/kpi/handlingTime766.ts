/**
 * Decision 766 index 2.2, the average handling time of a procedure (thời gian giải quyết TTHC
 * trung bình), from dossier records.
 * @module
 */
import { tryParseDate } from '../_lib/civil/date';
import { workIndexOf } from '../_lib/civil/workIndex';
import type { Calendar, CivilDate } from '../calendar/index';
import { workingDaysBetween } from '../calendar/index';
import { MotcuaError, show } from '../errors';
import type { Period } from './period';
import type { DossierRecord } from './types';

/** Options of {@link handlingTime766} and {@link createHandlingTime}. */
export interface HandlingTimeOptions {
  /** Dossiers received in this period count (their end may fall after it). */
  readonly period: Period;
  /** Extraction date, if earlier than the period end: only dossiers received by then count. */
  readonly asOf?: CivilDate;
  /** Working calendar for the working days (default: the civil-servant calendar, 1990-2100). */
  readonly calendar?: Calendar;
}

/** The handling time of the dossiers of one procedure (or of all, `procedureCode: '*'`). */
export interface HandlingTimeRow {
  readonly procedureCode: string;
  /** Dossiers resolved (status 9 or 10) that were received in the period. */
  readonly dossiers: number;
  /** Sum of their calendar days from receipt to end (same day = 0). */
  readonly days: number;
  /** `days / dossiers`, rounded half up to 2 decimals; null without dossiers. */
  readonly averageDays: number | null;
  /** Dossiers whose working days could be counted (both dates inside the calendar's years). */
  readonly dossiersInCalendar: number;
  /** Sum of their working days in (receipt, end] on the calendar. */
  readonly workingDays: number;
  /** `workingDays / dossiersInCalendar`, rounded half up to 2 decimals; null without dossiers. */
  readonly averageWorkingDays: number | null;
  /** Calendar days of supplement waits subtracted from `days` (0 unless the waits were given, as from an event log). */
  readonly supplementWaitDays: number;
  /** Working days of supplement waits subtracted from `workingDays` (over the dossiers in the calendar). */
  readonly supplementWaitWorkingDays: number;
}

/** Index 2.2 of {@link handlingTime766}: per procedure, and over all (`total`). */
export interface HandlingTime766 {
  readonly code: '2.2';
  /** Vietnamese name of the index (tên chỉ số). Before 0.2 this was the English name, now in `nameEn`. */
  readonly name: 'Thời gian giải quyết TTHC trung bình';
  /** English name of the index. */
  readonly nameEn: 'Average handling time of a procedure';
  /** @deprecated The same as `name` (Vietnamese since 0.2); kept for readers of 0.1. */
  readonly nameVi: 'Thời gian giải quyết TTHC trung bình';
  /** Points of the 100: 0, no source gives it any (group 2's 20 are index 2.1's, domain.md §8). */
  readonly points: 0;
  /** motcua's reading of an unverified definition. */
  readonly basis: '[?]';
  /** Per procedure code, in code order. The portal shows 2.2 for one procedure at a time. */
  readonly byProcedure: readonly HandlingTimeRow[];
  /** Over every procedure: a mix of time limits, printed only as a summary. */
  readonly total: HandlingTimeRow;
  /** Resolved dossiers received in the period with supplement requests (`supplements` > 0) whose waits were not given, so not subtracted (a CSV, JSON or xlsx record does not carry them). */
  readonly withSupplements: number;
  /** Of `total.dossiers`, those whose supplement waits were given (from an event log: all of them; from a CSV, JSON or xlsx file: none). */
  readonly supplementWaitsKnown: number;
  /** Of those, the dossiers with at least one wait, subtracted (`total.supplementWaitDays`, `total.supplementWaitWorkingDays`). */
  readonly supplementWaitsSubtracted: number;
}

/**
 * One wait for the applicant's supplement (thời gian chờ bổ sung hồ sơ): from the day the
 * supplement was requested after receipt (yêu cầu bổ sung) to the day the complete dossier came
 * back (nhận hồ sơ bổ sung). Index 2.2 subtracts its calendar days (`to − from`) and its working
 * days in (from, to] (the interval the dossier module excludes under the Decision 766 supplement
 * policy).
 */
export interface SupplementWait {
  readonly from: CivilDate;
  readonly to: CivilDate;
}

/** Running sums of one procedure in {@link HandlingTimeState}. */
export interface HandlingTimeSums {
  dossiers: number;
  /** Net of the supplement waits subtracted. */
  days: number;
  inCalendar: number;
  /** Net of the supplement waits subtracted. */
  workingDays: number;
  /** Supplement waits subtracted: calendar days, and working days (of the dossiers in the calendar). */
  waitDays: number;
  waitWorkingDays: number;
}

/** The running state of {@link addHandlingTime}: plain data; procedure codes are the keys of a Map. */
export interface HandlingTimeState {
  readonly from: CivilDate;
  readonly to: CivilDate;
  readonly calendar: Calendar | undefined;
  readonly byProcedure: Map<string, HandlingTimeSums>;
  withSupplements: number;
  /** Dossiers counted whose supplement waits were given (none, or some: subtracted). */
  waitsKnown: number;
  /** Dossiers counted with at least one supplement wait subtracted. */
  waitsSubtracted: number;
}

/**
 * Start the running state of index 2.2, to feed record by record with {@link addHandlingTime}.
 *
 * @throws {MotcuaError} `INVALID_OPTION` for a missing period, a malformed `asOf` or a `calendar` not made by `createCalendar`.
 */
export function createHandlingTime(options: HandlingTimeOptions): HandlingTimeState {
  const p = options?.period;
  if (typeof p !== 'object' || p === null || typeof p.from !== 'string' || typeof p.to !== 'string') throw new MotcuaError('INVALID_OPTION', { vi: `period: cần { from, to }, nhận được ${show(p, 'vi')}`, en: `period: expected { from, to }, got ${show(p)}` }, p, 'period');
  const asOf = options.asOf;
  if (asOf !== undefined && (typeof asOf !== 'string' || Number.isNaN(tryParseDate(asOf)))) throw new MotcuaError('INVALID_OPTION', { vi: `asOf: ${show(asOf, 'vi')} không phải ngày dương lịch "YYYY-MM-DD"`, en: `asOf: ${show(asOf)} is not a civil date "YYYY-MM-DD"` }, asOf, 'asOf');
  // a calendar createCalendar did not make is refused here, not at the first record that needs it
  if (options.calendar !== undefined) workIndexOf(options.calendar);
  return { from: p.from, to: asOf !== undefined && asOf < p.to ? asOf : p.to, calendar: options.calendar, byProcedure: new Map(), withSupplements: 0, waitsKnown: 0, waitsSubtracted: 0 };
}

/**
 * Add one record to index 2.2: counted when it was received in the period and ended resolved
 * (status 9 "processing finished", or 10 "result returned" without 9: the end time rule of 2.1).
 * Returns whether it counted.
 *
 * `supplementWaits`, when given (as {@link recordAndWaitsFromLog} gives them from an event log),
 * are the dossier's waits for the applicant's supplements, each inside [receipt, end]: their days
 * are subtracted from the dossier's handling time, as the Decision 766 computation does (domain.md
 * §5) [S]. Without them a record with `supplements` > 0 counts in `withSupplements` (not
 * subtracted). An empty array says the dossier had no wait.
 *
 * @throws {MotcuaError} `INVALID_INPUT` naming the dossier when a wait is not a pair of civil
 * dates inside [receipt, end].
 */
export function addHandlingTime(state: HandlingTimeState, r: DossierRecord, supplementWaits?: readonly SupplementWait[]): boolean {
  if (r.receivedOn < state.from || r.receivedOn > state.to) return false;
  const end = r.finishedOn ?? r.returnedOn ?? null;
  if (end === null) return false;
  const resolved = r.finishedOn == null ? true : r.finishedAs === 'resolved';
  if (!resolved) return false;
  const start = tryParseDate(r.receivedOn);
  const stop = tryParseDate(end);
  if (Number.isNaN(start) || Number.isNaN(stop) || stop < start) return false; // a reader never lets such a record through
  let waitDays = 0;
  if (supplementWaits !== undefined) {
    if (!Array.isArray(supplementWaits)) throw new MotcuaError('INVALID_INPUT', { vi: `hồ sơ ${show(r.id, 'vi')}: cần một mảng { from, to }, nhận được ${show(supplementWaits, 'vi')}`, en: `dossier ${show(r.id)}: expected an array of { from, to }, got ${show(supplementWaits)}` }, supplementWaits, 'supplementWaits');
    for (const [i, w] of supplementWaits.entries()) {
      const a = typeof w?.from === 'string' ? tryParseDate(w.from) : NaN;
      const b = typeof w?.to === 'string' ? tryParseDate(w.to) : NaN;
      if (Number.isNaN(a) || Number.isNaN(b) || a < start || b < a || b > stop) {
        throw new MotcuaError('INVALID_INPUT', { vi: `hồ sơ ${show(r.id, 'vi')}: ${show(w, 'vi')} không phải một khoảng ngày { from, to } nằm trong [${r.receivedOn}, ${end}] (tiếp nhận, kết thúc)`, en: `dossier ${show(r.id)}: ${show(w)} is not an interval of dates { from, to } inside [${r.receivedOn}, ${end}] (receipt, end)` }, w, `supplementWaits[${i}]`);
      }
      waitDays += b - a;
    }
  }
  let s = state.byProcedure.get(r.procedureCode);
  if (s === undefined) state.byProcedure.set(r.procedureCode, (s = { dossiers: 0, days: 0, inCalendar: 0, workingDays: 0, waitDays: 0, waitWorkingDays: 0 }));
  s.dossiers++;
  s.days += stop - start - waitDays;
  s.waitDays += waitDays;
  try {
    const w = workingDaysBetween(r.receivedOn, end, state.calendar);
    let waited = 0;
    // inside (receipt, end]: in the calendar when the whole is
    if (supplementWaits !== undefined) for (const x of supplementWaits) waited += workingDaysBetween(x.from, x.to, state.calendar);
    s.inCalendar++;
    s.workingDays += w - waited;
    s.waitWorkingDays += waited;
  } catch (e) {
    if (!(e instanceof MotcuaError && e.code === 'OUT_OF_RANGE')) throw e;
  }
  if (supplementWaits === undefined) {
    if ((r.supplements ?? 0) > 0) state.withSupplements++;
  } else {
    state.waitsKnown++;
    if (supplementWaits.length > 0) state.waitsSubtracted++;
  }
  return true;
}

/**
 * Merge two running states of index 2.2 (the parts of one read split over worker threads, say)
 * into a new one; neither is changed. They must count the same dates (`from`, `to`); the result
 * keeps `a`'s calendar. Sums add per procedure code (a `Map`: codes are user data), so the result
 * is the same as one state fed every record, in any order of merging.
 *
 * @throws {MotcuaError} `INVALID_OPTION` when the two states count different dates.
 *
 * @example
 * ```ts
 * import { addHandlingTime, createHandlingTime, handlingTimeResult, mergeHandlingTime, period, sampleRecords } from 'motcua/kpi';
 * const q = period('2025-Q1');
 * const [a, b] = [createHandlingTime({ period: q }), createHandlingTime({ period: q })];
 * sampleRecords({ year: 2025 }).forEach((r, i) => addHandlingTime(i % 2 ? a : b, r));
 * handlingTimeResult(mergeHandlingTime(a, b)).total.dossiers > 0; // true
 * ```
 */
export function mergeHandlingTime(a: HandlingTimeState, b: HandlingTimeState): HandlingTimeState {
  if (a?.from !== b?.from || a?.to !== b?.to) throw new MotcuaError('INVALID_OPTION', { vi: `không gộp được hai trạng thái chỉ số 2.2 tính các khoảng ngày khác nhau (${show(a?.from, 'vi')}..${show(a?.to, 'vi')} và ${show(b?.from, 'vi')}..${show(b?.to, 'vi')})`, en: `cannot merge two index 2.2 states counting different dates (${show(a?.from)}..${show(a?.to)} and ${show(b?.from)}..${show(b?.to)})` }, b, 'b');
  const byProcedure = new Map<string, HandlingTimeSums>();
  for (const m of [a.byProcedure, b.byProcedure]) {
    for (const [code, x] of m) {
      const s = byProcedure.get(code);
      if (s === undefined) byProcedure.set(code, { ...x });
      else addSums(s, x);
    }
  }
  return { from: a.from, to: a.to, calendar: a.calendar, byProcedure, withSupplements: a.withSupplements + b.withSupplements, waitsKnown: a.waitsKnown + b.waitsKnown, waitsSubtracted: a.waitsSubtracted + b.waitsSubtracted };
}

/** Add the running sums `x` into `s`. */
function addSums(s: HandlingTimeSums, x: HandlingTimeSums): void {
  s.dossiers += x.dossiers;
  s.days += x.days;
  s.inCalendar += x.inCalendar;
  s.workingDays += x.workingDays;
  s.waitDays += x.waitDays;
  s.waitWorkingDays += x.waitWorkingDays;
}

/** `n / d` rounded half up to 2 decimals, from integers. */
function average(n: number, d: number): number | null {
  if (d === 0) return null;
  const q = Math.floor((n * 100) / d);
  const rest = n * 100 - q * d;
  return (2 * rest >= d ? q + 1 : q) / 100;
}

function row(procedureCode: string, s: HandlingTimeSums): HandlingTimeRow {
  return {
    procedureCode,
    dossiers: s.dossiers,
    days: s.days,
    averageDays: average(s.days, s.dossiers),
    dossiersInCalendar: s.inCalendar,
    workingDays: s.workingDays,
    averageWorkingDays: average(s.workingDays, s.inCalendar),
    supplementWaitDays: s.waitDays,
    supplementWaitWorkingDays: s.waitWorkingDays,
  };
}

/** The index 2.2 of a running state. */
export function handlingTimeResult(state: HandlingTimeState): HandlingTime766 {
  const codes = [...state.byProcedure.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const all: HandlingTimeSums = { dossiers: 0, days: 0, inCalendar: 0, workingDays: 0, waitDays: 0, waitWorkingDays: 0 };
  for (const s of state.byProcedure.values()) addSums(all, s);
  return {
    code: '2.2',
    name: 'Thời gian giải quyết TTHC trung bình',
    nameEn: 'Average handling time of a procedure',
    nameVi: 'Thời gian giải quyết TTHC trung bình',
    points: 0,
    basis: '[?]',
    byProcedure: codes.map((c) => row(c, state.byProcedure.get(c)!)),
    total: row('*', all),
    withSupplements: state.withSupplements,
    supplementWaitsKnown: state.waitsKnown,
    supplementWaitsSubtracted: state.waitsSubtracted,
  };
}

/**
 * Decision 766 index 2.2, the average handling time of a procedure (thời gian giải quyết TTHC
 * trung bình theo từng TTHC), per procedure code and over all.
 *
 * motcua's reading [?], from a transcription of the national portal's formula description (not in
 * domain.md): total handling time of the dossiers / number of dossiers, over the dossiers resolved
 * (status 9 or 10) whose receipt is in the period, whatever the period of their end; the end is
 * taken as in 2.1 (`finishedOn`, else `returnedOn`). What motcua does not do, and why:
 * - the Decision 766 computation subtracts the applicant's supplement waits (domain.md §5) [S]; a
 *   record does not carry them, so here they are included (`withSupplements` counts the dossiers
 *   concerned). From an event log they are known: {@link recordAndWaitsFromLog} gives them and
 *   {@link addHandlingTime} subtracts them (`supplementWaitsSubtracted`), as `motcua report --events`
 *   and `accumulateEventsFile` of `motcua/node` do;
 * - the portal states the average in the unit of the procedure's time limit (hours, days,
 *   working days, months); records hold dates, so motcua gives calendar days (end − receipt) and
 *   working days in (receipt, end] on the calendar, and the caller picks;
 * - the portal shows 2.2 for one procedure at a time: `total` mixes procedures and is a summary.
 * No source gives 2.2 points of the 100: `points` is 0 and {@link score766} lists it as
 * estimated, unscored. A record outside the calendar's years has no working-day count
 * (`dossiersInCalendar` says how many have one).
 *
 * @throws {MotcuaError} `INVALID_OPTION` for a missing period, a malformed `asOf` or a `calendar` not made by `createCalendar`.
 *
 * @example
 * ```ts
 * import { handlingTime766, period, sampleRecords } from 'motcua/kpi';
 * const h = handlingTime766(sampleRecords({ year: 2025 }), { period: period('2025-Q1') });
 * h.total.dossiers > 0; // true
 * h.byProcedure[0]!.averageWorkingDays !== null; // true
 * ```
 */
export function handlingTime766(records: Iterable<DossierRecord>, options: HandlingTimeOptions): HandlingTime766 {
  const state = createHandlingTime(options);
  for (const r of records) addHandlingTime(state, r);
  return handlingTimeResult(state);
}
