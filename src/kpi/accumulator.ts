import { MotcuaError, show } from '../errors';
import { daysInMonth, parseDate } from '../_lib/civil/date';
import type { Period } from './period';
import type { Counts, DossierRecord } from './types';
import { countRecord, inScope } from './_generated/count';
import type { COUNT_DEFINITIONS } from './definitions';

/** What a record is grouped by (rows of the report). */
export type GroupKey = 'field' | 'agency' | 'level' | 'procedure' | 'channel' | 'month';

/**
 * Where dossiers that ended in a given way are counted:
 * - `'resolved'`: in (7), early / on time / late by their dates;
 * - `'excluded'`: outside (7) and (11), in the `excluded` bucket;
 * - `'on-time'`: in (7), in column (9) whatever their dates (the form-exact convention: the vendor
 *   print of the form counts withdrawals and returns in (9) [S]).
 */
export type EndPlacement = 'resolved' | 'excluded' | 'on-time';

/**
 * The conventions that vary between systems (domain.md §5, §7), explicit and configurable.
 * - `withdrawn` / `refused` / `stopped`: `'resolved'` counts the dossier in (7) with its
 *   timeliness against the due date; `'excluded'` keeps it out of (7) and (11), in its own
 *   bucket (`excluded`), so (3) = (7) + (11) + excluded; `'on-time'` counts it in (7), in (9).
 *   See {@link CONVENTIONS} for the named sets (`form-exact` keeps (3) = (7) + (11)). Defaults: refused `'resolved'` (a refusal
 *   with reasons is the result, Decree 118 Art 19(3)); withdrawn and stopped `'excluded'`.
 * - `supplements`: `'legal'` (the due date given already restarts after a supplement) or
 *   `'decision-766'` (more than one supplement request counts as late) [S]. It also decides how a
 *   pending dossier whose clock is paused (`pausedSince`) is judged: `'legal'` within time (no
 *   period runs while it waits for the applicant, Decree 118 Art 19(5)); `'decision-766'` at the
 *   pause start (end = request date [S]).
 * - `lateAgainstOriginal`: compare with the due date before an extension [?] (default false).
 */
export interface SummaryPolicy {
  readonly withdrawn: EndPlacement;
  readonly refused: EndPlacement;
  readonly stopped: EndPlacement;
  readonly supplements: 'legal' | 'decision-766';
  readonly lateAgainstOriginal: boolean;
}

export const DEFAULT_POLICY: SummaryPolicy = { withdrawn: 'excluded', refused: 'resolved', stopped: 'excluded', supplements: 'legal', lateAgainstOriginal: false };

/** Names of the conventions of {@link CONVENTIONS}. */
export type ConventionName = 'default' | 'form-exact' | 'all-resolved';

/**
 * Named sets of the end-kind conventions (quy ước tính), each with the balance its table keeps:
 * - `default`: refusals in (7); withdrawals and stops outside (7) and (11) in their own bucket:
 *   (3) = (7) + (11) + excluded;
 * - `form-exact`: refusals in (7) by their dates, withdrawals and stops in (7), column (9), as
 *   the vendor print of the form does [S] (the Circular's own note is not verified [?]):
 *   (3) = (7) + (11), so the table copies onto Biểu II.06a. The official-form output uses it;
 * - `all-resolved`: every end in (7) by its dates: (3) = (7) + (11).
 *
 * @example
 * ```ts
 * import { CONVENTIONS, period, summarize } from 'motcua/kpi';
 * summarize([], { period: period('2024-Q1'), policy: CONVENTIONS['form-exact'] }).policy.withdrawn; // 'on-time'
 * ```
 */
export const CONVENTIONS: Readonly<Record<ConventionName, Pick<SummaryPolicy, 'withdrawn' | 'refused' | 'stopped'>>> = {
  default: { withdrawn: 'excluded', refused: 'resolved', stopped: 'excluded' },
  'form-exact': { withdrawn: 'on-time', refused: 'resolved', stopped: 'on-time' },
  'all-resolved': { withdrawn: 'resolved', refused: 'resolved', stopped: 'resolved' },
};

/**
 * A mergeable partial summary (bộ cộng dồn): plain serialisable data, so partials from
 * partitions, workers or days combine with {@link merge} into exactly the whole.
 */
export interface Accumulator {
  readonly period: Period;
  /** The day that counts as "now" for pending dossiers: the period end, or `asOf` if earlier. */
  readonly asOf: string;
  readonly groupBy: readonly GroupKey[];
  readonly policy: SummaryPolicy;
  /**
   * Counts by group key (`'*'` when not grouped). A null-prototype object (group values are user
   * data: a field named `__proto__` or `constructor` is a group like any other); an accumulator
   * read back from JSON may hold an ordinary object, which `add` and `merge` read by own keys only.
   */
  readonly groups: Record<string, Counts>;
}

/** A fresh map of groups: a null-prototype object, so no group key reaches `Object.prototype`. @internal */
export function emptyGroups(): Record<string, Counts> {
  return Object.create(null) as Record<string, Counts>;
}

/**
 * The counts of group `key`, created (as an own property, whatever the key) when missing.
 * Never `groups[key] = …`: on an ordinary object read from JSON, `__proto__` would set its prototype.
 * @internal
 */
export function groupCounts(groups: Record<string, Counts>, key: string): Counts {
  if (Object.hasOwn(groups, key)) return groups[key]!;
  const c = emptyCounts();
  Object.defineProperty(groups, key, { value: c, writable: true, enumerable: true, configurable: true });
  return c;
}

/**
 * Zero counts (every column of Biểu II.06a and every numerator at 0).
 *
 * @example
 * ```ts
 * import { emptyCounts } from 'motcua/kpi';
 * emptyCounts().received; // 0
 * ```
 */
export function emptyCounts(): Counts {
  return {
    received: 0, online: 0, directOrPostal: 0, carriedOver: 0,
    resolved: 0, early: 0, onTime: 0, late: 0,
    pending: 0, withinTime: 0, overdue: 0,
    withdrawn: 0, refused: 0, stopped: 0, excluded: 0,
    receivedInPeriod: 0, digitised: 0, synced: 0, feeDue: 0, paidOnline: 0,
    eResult: 0, paperResultRequired: 0, eResultWherePaperRequired: 0, complaints: 0, multiSupplement: 0,
    reusedData: 0, dataStored: 0, paused: 0, digitisedComplete: 0, dataStoreUsed: 0,
  };
}

const GROUP_KEYS: readonly GroupKey[] = ['field', 'agency', 'level', 'procedure', 'channel', 'month'];

/**
 * Start an accumulator for a period.
 *
 * @example
 * ```ts
 * import { createAccumulator, period } from 'motcua/kpi';
 * const acc = createAccumulator({ period: period('2024-Q1'), groupBy: ['field'] });
 * Object.keys(acc.groups); // []
 * ```
 */
export function createAccumulator(options: { period: Period; asOf?: string; groupBy?: GroupKey | readonly GroupKey[]; policy?: Partial<SummaryPolicy> }): Accumulator {
  const p = options?.period;
  if (!p || typeof p !== 'object') throw new MotcuaError('INVALID_INPUT', { vi: `cần một kỳ báo cáo, nhận được ${show(p, 'vi')}`, en: `expected a period, got ${show(p)}` }, p, 'period');
  const to = parseDate(p.to, 'period.to');
  parseDate(p.from, 'period.from');
  const asOf = options.asOf === undefined ? p.to : options.asOf;
  const asOfDay = parseDate(asOf, 'asOf');
  const groupBy = options.groupBy === undefined ? [] : typeof options.groupBy === 'string' ? [options.groupBy] : [...options.groupBy];
  groupBy.forEach((g, i) => {
    if (!GROUP_KEYS.includes(g)) throw new MotcuaError('INVALID_INPUT', { vi: `không có nhóm ${show(g, 'vi')}; cần một trong ${GROUP_KEYS.join(', ')}`, en: `unknown group ${show(g)}; expected one of ${GROUP_KEYS.join(', ')}` }, g, `groupBy[${i}]`);
  });
  const policy = { ...DEFAULT_POLICY, ...options.policy };
  for (const k of ['withdrawn', 'refused', 'stopped'] as const) {
    if (policy[k] !== 'resolved' && policy[k] !== 'excluded' && policy[k] !== 'on-time') throw new MotcuaError('INVALID_INPUT', { vi: `cần 'resolved', 'excluded' hoặc 'on-time', nhận được ${show(policy[k], 'vi')}`, en: `expected 'resolved', 'excluded' or 'on-time', got ${show(policy[k])}` }, policy[k], `policy.${k}`);
  }
  if (policy.supplements !== 'legal' && policy.supplements !== 'decision-766') {
    throw new MotcuaError('INVALID_INPUT', { vi: `cần 'legal' hoặc 'decision-766', nhận được ${show(policy.supplements, 'vi')}`, en: `expected 'legal' or 'decision-766', got ${show(policy.supplements)}` }, policy.supplements, 'policy.supplements');
  }
  return { period: { ...p }, asOf: asOfDay < to ? asOf : p.to, groupBy, policy, groups: emptyGroups() };
}

function groupValue(r: DossierRecord, g: GroupKey | undefined): string {
  return g === 'field' ? r.field : g === 'agency' ? r.agency : g === 'level' ? r.level : g === 'procedure' ? r.procedureCode : g === 'channel' ? r.channel : r.receivedOn.slice(0, 7);
}

/** A tree of Maps by group value with the Counts of `acc.groups` at its leaves: no key string is built per record. */
type GroupIndex = Map<string, GroupIndex | Counts>;

function countsFor(acc: Accumulator, index: GroupIndex, r: DossierRecord): Counts {
  const by = acc.groupBy;
  if (by.length === 0) {
    return groupCounts(acc.groups, '*');
  }
  let node = index;
  const last = by.length - 1;
  for (let i = 0; i < last; i++) {
    const v = groupValue(r, by[i]);
    let next = node.get(v) as GroupIndex | undefined;
    if (!next) node.set(v, (next = new Map()));
    node = next;
  }
  const v = groupValue(r, by[last]);
  let g = node.get(v) as Counts | undefined;
  if (!g) {
    let key = '';
    for (let i = 0; i < by.length; i++) key = i === 0 ? groupValue(r, by[i]) : `${key} | ${groupValue(r, by[i])}`;
    // An accumulator read back from JSON already holds counts under this key.
    g = groupCounts(acc.groups, key);
    node.set(v, g);
  }
  return g;
}

/**
 * An order-preserving key of a strict `YYYY-MM-DD` date (y × 512 + m × 32 + d), NaN when it is
 * not a real date: `add` only compares dates, so it skips the day-number arithmetic.
 * @internal
 */
export function dateKey(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return NaN;
  const y0 = s.charCodeAt(0) - 48, y1 = s.charCodeAt(1) - 48, y2 = s.charCodeAt(2) - 48, y3 = s.charCodeAt(3) - 48;
  const m0 = s.charCodeAt(5) - 48, m1 = s.charCodeAt(6) - 48, d0 = s.charCodeAt(8) - 48, d1 = s.charCodeAt(9) - 48;
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0 || y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || m0 > 9 || m1 > 9 || d0 > 9 || d1 > 9) return NaN;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const m = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  if (m < 1 || m > 12 || d < 1 || (d > 28 && d > daysInMonth(y, m))) return NaN;
  return y * 512 + m * 32 + d;
}

/** The date key of a record's date; the value is passed in (a named load at the call site is far cheaper than `r[field]`). */
function day(v: string | null | undefined, r: DossierRecord, field: string): number {
  const d = typeof v === 'string' ? dateKey(v) : NaN;
  if (d !== d) throw new MotcuaError('INVALID_DATE', { vi: `bản ghi ${show(r.id, 'vi')}: ${field} ${show(v, 'vi')} không phải ngày dương lịch "YYYY-MM-DD"`, en: `record ${show(r.id)}: ${field} ${show(v)} is not a civil date "YYYY-MM-DD"` }, v, field);
  return d;
}

const CACHE = new WeakMap<Accumulator, { from: number; to: number; now: number; index: GroupIndex }>();

/**
 * Add one dossier record to an accumulator, in place (the accumulator is the one mutable value;
 * records are never changed), and return it. A record outside the period (received after it,
 * or finished before it) changes nothing.
 *
 * Classification (domain.md §5, §7): the end is `finishedOn`, or `returnedOn` (as resolved)
 * when a result was returned without a recorded end; received in the period = receipt in [from, to] → (4) or (5);
 * received before `from` and not finished before `from` → (6); finished in [from, asOf] → (7) with
 * early / on time / late by date (end < due, =, >), or its excluded bucket; otherwise pending at
 * `asOf` → within time if the due date is not before it, else overdue. Each count is defined once,
 * as data, in {@link COUNT_DEFINITIONS}; the counting code is generated from it, and `motcua/sql`
 * compiles the same definitions to SQL.
 *
 * @throws {MotcuaError} `INVALID_DATE` or `INVALID_INPUT` naming the record and field.
 *
 * @example
 * ```ts
 * import { add, createAccumulator, period, result } from 'motcua/kpi';
 * const acc = createAccumulator({ period: period('2024-Q1') });
 * add(acc, { id: 'a', procedureCode: '1.001193', field: 'Hộ tịch', agency: 'UBND xã A', level: 'commune', channel: 'online',
 *   receivedOn: '2024-01-10', dueOn: '2024-01-15', finishedOn: '2024-01-12', finishedAs: 'resolved', supplements: 0, extensions: 0,
 *   digitised: true, eResult: true, feeDue: false, paidOnline: false, synced: true, complaint: false });
 * result(acc).total.counts.early; // 1
 * ```
 */
export function add(acc: Accumulator, r: DossierRecord): Accumulator {
  addRecord(acc, r);
  return acc;
}

/**
 * {@link add}, telling whether the record was counted (false: outside the period), so readers can
 * report rows read = counted + rejected + outside the period.
 * @internal
 */
export function addRecord(acc: Accumulator, r: DossierRecord): boolean {
  let c = CACHE.get(acc);
  if (!c) {
    parseDate(acc.period.from, 'period.from');
    parseDate(acc.period.to, 'period.to');
    parseDate(acc.asOf, 'asOf');
    c = { from: dateKey(acc.period.from), to: dateKey(acc.period.to), now: dateKey(acc.asOf), index: new Map() };
    CACHE.set(acc, c);
  }
  const received = day(r.receivedOn, r, 'receivedOn');
  const finished = r.finishedOn == null ? NaN : day(r.finishedOn, r, 'finishedOn');
  const returned = r.returnedOn == null ? NaN : day(r.returnedOn, r, 'returnedOn');
  if (!inScope(received, finished, returned, c.from, c.now)) return false;
  if (finished === finished && r.finishedAs !== 'resolved' && r.finishedAs !== 'refused' && r.finishedAs !== 'stopped' && r.finishedAs !== 'withdrawn') {
    throw new MotcuaError('INVALID_INPUT', { vi: `bản ghi ${show(r.id, 'vi')}: finishedAs phải là resolved, refused, stopped hoặc withdrawn khi có finishedOn, nhận được ${show(r.finishedAs, 'vi')}`, en: `record ${show(r.id)}: finishedAs must be resolved, refused, stopped or withdrawn when finishedOn is set, got ${show(r.finishedAs)}` }, r.finishedAs, 'finishedAs');
  }
  const due = day(r.dueOn, r, 'dueOn');
  const originalDue = r.originalDueOn == null ? NaN : day(r.originalDueOn, r, 'originalDueOn');
  const paused = r.pausedSince == null ? NaN : day(r.pausedSince, r, 'pausedSince');
  if (paused === paused && r.pausedFor !== 'supplement' && r.pausedFor !== 'financial-obligation' && r.pausedFor !== 'other') {
    throw new MotcuaError('INVALID_INPUT', { vi: `bản ghi ${show(r.id, 'vi')}: pausedFor phải là supplement, financial-obligation hoặc other khi có pausedSince, nhận được ${show(r.pausedFor, 'vi')}`, en: `record ${show(r.id)}: pausedFor must be supplement, financial-obligation or other when pausedSince is set, got ${show(r.pausedFor)}` }, r.pausedFor, 'pausedFor');
  }
  // The counting itself is generated from the definitions (src/kpi/definitions.ts), as the SQL of motcua/sql is.
  countRecord(countsFor(acc, c.index, r), r, acc.policy, received, due, originalDue, finished, returned, paused, c.from, c.now);
  return true;
}

const COUNT_KEYS = Object.keys(emptyCounts()) as (keyof Counts)[];

/** Add the counts of `b` into `a` (in place), column by column (the columns of {@link emptyCounts}). @internal */
export function addCounts(a: Counts, b: Counts): Counts {
  for (const k of COUNT_KEYS) a[k] += b[k];
  return a;
}

/** Check the counts of one group of an accumulator given to `merge` (it may come from JSON): every column a whole number ≥ 0, nothing else. */
function checkCounts(key: string, c: unknown): Counts {
  const at = `groups[${show(key)}]`;
  if (typeof c !== 'object' || c === null || Array.isArray(c)) throw new MotcuaError('INVALID_INPUT', { vi: `cần số liệu của một nhóm, nhận được ${show(c, 'vi')}`, en: `expected the counts of a group, got ${show(c)}` }, c, at);
  for (const k of COUNT_KEYS) {
    const v = Object.hasOwn(c, k) ? (c as Record<string, unknown>)[k] : undefined;
    if (!Number.isSafeInteger(v) || (v as number) < 0) throw new MotcuaError('INVALID_INPUT', { vi: `cần một số nguyên ≥ 0, nhận được ${show(v, 'vi')}`, en: `expected a whole number ≥ 0, got ${show(v)}` }, v, `${at}.${k}`);
  }
  for (const k of Object.keys(c)) {
    if (!(COUNT_KEYS as readonly string[]).includes(k)) throw new MotcuaError('INVALID_INPUT', { vi: `không có số liệu ${show(k, 'vi')}`, en: `unknown count ${show(k)}` }, k, at);
  }
  return c as Counts;
}

/**
 * Merge two accumulators of the same period, group keys and policy into a new one:
 * associative and commutative, so partials combine into exactly the whole.
 *
 * Either may have been read back from JSON: groups are read by own keys only (a group named
 * `__proto__` or `constructor` is merged like any other), and each group's counts are checked.
 *
 * @throws {MotcuaError} `INVALID_INPUT` when the period, `asOf`, grouping or policy differ, or a
 *   group's counts are not whole numbers ≥ 0 (naming the group and column).
 *
 * @example
 * ```ts
 * import { createAccumulator, merge, period } from 'motcua/kpi';
 * const p = period('2024-Q1');
 * Object.keys(merge(createAccumulator({ period: p }), createAccumulator({ period: p })).groups); // []
 * ```
 */
export function merge(a: Accumulator, b: Accumulator): Accumulator {
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  for (const k of ['period', 'asOf', 'groupBy', 'policy'] as const) {
    if (!same(a[k], b[k])) throw new MotcuaError('INVALID_INPUT', { vi: `không thể gộp các bộ tích lũy có ${k} khác nhau: ${show(a[k], 'vi')} và ${show(b[k], 'vi')}`, en: `cannot merge accumulators with different ${k}: ${show(a[k])} vs ${show(b[k])}` }, b[k], k);
  }
  const groups = emptyGroups();
  for (const src of [a.groups, b.groups]) {
    if (typeof src !== 'object' || src === null || Array.isArray(src)) throw new MotcuaError('INVALID_INPUT', { vi: `cần các nhóm của một bộ tích lũy, nhận được ${show(src, 'vi')}`, en: `expected the groups of an accumulator, got ${show(src)}` }, src, 'groups');
    for (const key of Object.keys(src)) addCounts(groupCounts(groups, key), checkCounts(key, src[key]));
  }
  return { period: a.period, asOf: a.asOf, groupBy: a.groupBy, policy: a.policy, groups };
}
