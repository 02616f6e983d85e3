import { tryParseDate } from '../_lib/civil/date';
import { MotcuaError, show } from '../errors';
import type { RuleSetId, SupplementPeriod } from './types';

/** One rule set (bộ quy tắc theo văn bản) and the rules that differ between them. */
export interface RuleSet {
  readonly id: RuleSetId;
  /** First and last receipt dates `YYYY-MM-DD` it governs (`null`: open). */
  readonly from: string;
  readonly to: string | null;
  readonly instruments: readonly string[];
  /** Supplement requests allowed after appraisal. */
  readonly maxSupplements: number;
  /**
   * Period without a supplement after which the dossier may be closed (`null`: no such rule). It runs
   * from the day after the request (Civil Code Art 147); a period in calendar days whose last day is a
   * day off ends on the next working day (Civil Code Art 148). A procedure may set its own
   * (`procedure.supplement.closure`).
   */
  readonly supplementClosure: SupplementPeriod | null;
  /** The supplement request after appraisal should come within this period after receipt (a warning otherwise). */
  readonly supplementWindow: SupplementPeriod;
  /** Extensions (hẹn lại ngày trả) allowed. */
  readonly maxExtensions: number;
  /** The apology letter must come at least this many calendar days before the due date. */
  readonly extensionNoticeDays: number;
  /** Non-boundary dossiers: the clock starts when the competent agency receives them. */
  readonly clockStartAtCompetentAgency: boolean;
  /** Where each rule comes from, with verification marks. */
  readonly notes: readonly string[];
}

/**
 * The rule sets, by receipt date (domain.md §1). A dossier keeps the rule set of its receipt date
 * for its whole life: new rules never rewrite old deadlines.
 *
 * @example
 * ```ts
 * import { RULE_SETS } from 'motcua/dossier';
 * RULE_SETS.map((r) => r.from); // ['2018-06-21', '2025-07-01', '2026-08-05']
 * ```
 */
export const RULE_SETS: readonly RuleSet[] = [
  {
    id: 'decree-61-2018',
    from: '2018-06-21',
    to: '2025-06-30',
    instruments: ['Decree 61/2018/NĐ-CP', 'Decree 107/2021/NĐ-CP (from 6/12/2021)', 'Circular 01/2018/TT-VPCP'],
    maxSupplements: 1,
    supplementClosure: null,
    supplementWindow: { amount: 3, unit: 'working-day' },
    maxExtensions: 1,
    extensionNoticeDays: 1,
    clockStartAtCompetentAgency: false,
    notes: [
      'supplement once, period restarts: Decree 61/2018 Art 19(4) [V]',
      'no closure for a missing supplement: the dossier waits (or is stopped) [S]',
      'apology letter and new date at least 1 day before the due date, once: Decree 61/2018 Art 19 and Form 04 of Circular 01/2018 [S]',
    ],
  },
  {
    id: 'decree-118-2025',
    from: '2025-07-01',
    to: '2026-08-04',
    instruments: ['Decree 118/2025/NĐ-CP', 'Circular 03/2025/TT-VPCP'],
    maxSupplements: 1,
    supplementClosure: { amount: 15, unit: 'calendar-day' },
    supplementWindow: { amount: 3, unit: 'working-day' },
    maxExtensions: 1,
    extensionNoticeDays: 1,
    clockStartAtCompetentAgency: false,
    notes: [
      'supplement once, period restarts from zero: Art 19(5) [V]',
      'no supplement within 15 days: closed: Art 19(5) [V]; counted in calendar days from the day after the request, a last day off moves to the next working day: Civil Code 2015 Art 147-148 [V]',
      'extension at least 1 day before the due date, once: Art 19(6) [V]',
    ],
  },
  {
    id: 'decree-118-2025-309-2026',
    from: '2026-08-05',
    to: null,
    instruments: ['Decree 118/2025/NĐ-CP', 'Decree 309/2026/NĐ-CP'],
    maxSupplements: 1,
    supplementClosure: { amount: 15, unit: 'calendar-day' },
    supplementWindow: { amount: 3, unit: 'working-day' },
    maxExtensions: 1,
    extensionNoticeDays: 1,
    clockStartAtCompetentAgency: true,
    notes: ['as Decree 118/2025; non-boundary reception: the clock starts when the competent agency receives the dossier [S]'],
  },
];

const FROM_DAYS = RULE_SETS.map((r) => tryParseDate(r.from));

/** @internal The rule set governing a receipt on a day number, or `null` before 21/6/2018. */
export function ruleSetForDay(day: number): RuleSet | null {
  for (let k = RULE_SETS.length - 1; k >= 0; k--) if (day >= FROM_DAYS[k]!) return RULE_SETS[k]!;
  return null;
}

/** @internal Rule set by id, without a keyed lookup. */
export function ruleSetById(id: RuleSetId): RuleSet {
  for (let k = 0; k < RULE_SETS.length; k++) if (RULE_SETS[k]!.id === id) return RULE_SETS[k]!;
  // reached by a stored dossier whose ruleSet was changed by hand (policy.ruleSet is checked before)
  throw new MotcuaError('INVALID_INPUT', { vi: `bộ quy định không xác định ${show(id, 'vi')} (các bộ quy định: ${RULE_SETS.map((r) => r.id).join(', ')})`, en: `unknown rule set ${show(id)} (known: ${RULE_SETS.map((r) => r.id).join(', ')})` }, id, 'dossier.ruleSet');
}

/**
 * The rule set governing a dossier received on a date (`YYYY-MM-DD`), or `null` before 21/6/2018.
 *
 * @example
 * ```ts
 * import { ruleSetFor } from 'motcua/dossier';
 * ruleSetFor('2025-06-30')?.id; // 'decree-61-2018'
 * ruleSetFor('2025-07-01')?.id; // 'decree-118-2025'
 * ```
 */
export function ruleSetFor(date: string): RuleSet | null {
  for (let k = RULE_SETS.length - 1; k >= 0; k--) {
    const r = RULE_SETS[k]!;
    if (date >= r.from) return r;
  }
  return null;
}
