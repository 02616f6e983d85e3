import { INDEX_DEFINITIONS, type IndexDefinition, scoreHundredths } from './definitions';
import { rate, rateOf, scaled } from './rates';
import type { Counts, Fraction, Rate } from './types';

/** One Decision 766 index (chỉ số Quyết định 766/QĐ-TTg), scored. */
export interface Index766 {
  /** Code in Decision 766's table, e.g. `'2.1'`. */
  readonly code: string;
  /** Vietnamese name of the index (tên chỉ số), as the portal prints it, e.g. `'Tiến độ giải quyết'`. Before 0.2 this was the English name, now in `nameEn`. */
  readonly name: string;
  /** English name of the index, e.g. `'Processing progress'`. */
  readonly nameEn: string;
  /** @deprecated The same as `name` (Vietnamese since 0.2); kept for readers of 0.1. */
  readonly nameVi: string;
  /** Maximum points. */
  readonly points: number;
  /** Target ratio, a {@link Fraction} (0.5 for 50%), or null when scored proportionally. */
  readonly target: Fraction | null;
  /** The ratio as an exact fraction; for 5.4, the share of dossiers neither late nor complained about. */
  readonly ratio: Rate;
  /**
   * The ratio rounded half up to 2 decimals of a percentage, as a {@link Fraction}: `0.9621` for
   * 96.21% (what is scored); null when not applicable. Before 0.2 this was `percent`, on a 0-100 scale.
   */
  readonly rounded: Fraction | null;
  /** Points earned, 2 decimals; null when the denominator is 0 (not applicable). */
  readonly score: number | null;
  /** How sure the definition is: [S] secondary source (domain.md §8), [?] motcua's reading. */
  readonly basis: '[S]' | '[?]';
}

function index(def: IndexDefinition, ratio: Rate): Index766 {
  const target = def.targetHundredths === null ? null : def.targetHundredths / 10000;
  const base = { code: def.code, name: def.vi, nameEn: def.name, nameVi: def.vi, points: def.points, target, ratio, basis: def.basis };
  if (ratio.denominator === 0) return { ...base, rounded: null, score: null };
  const pct = Number(scaled(ratio.numerator, ratio.denominator, 2, true, 'half-up'));
  return { ...base, rounded: pct / 10000, score: scoreHundredths(pct, def.points, def.targetHundredths) / 100 };
}

/** Options of {@link indices766}. */
export interface Indices766Options {
  /**
   * Compute 3.3 as the national portal does [S]: the online ratio multiplied by the sync ratio
   * of 1.4, as the exact fraction (online × synced) / received². Default false: online / received.
   */
  readonly onlineTimesSync?: boolean;
}

/**
 * The Decision 766/QĐ-TTg service-quality indices (chỉ số đánh giá chất lượng phục vụ) computable
 * from dossier counts, scored: a ratio R at or above its target T earns full points, else
 * R / T × points; without a target, R × points; a denominator of 0 is not applicable (score
 * null). Ratios are rounded to 2 decimals of a percentage before scoring (domain.md §8 [S]), and the
 * points are computed in exact integer arithmetic, rounded half up to 2 decimals. The definitions
 * are data, in {@link INDEX_DEFINITIONS}, shared with `motcua/sql`.
 *
 * 5.4 is computed as 100% − (late-or-overdue rate + complaint rate), as a fraction over the
 * dossiers handled: (handled − late − overdue − complaints) / handled, floored at 0.
 * 4.3 (reuse of digitised data) is reused / received in the period, and 4.4 (personal data store)
 * is results saved to the data store / electronic results: motcua's reading [?].
 *
 * @example
 * ```ts
 * import { emptyCounts, indices766 } from 'motcua/kpi';
 * const c = { ...emptyCounts(), received: 10, receivedInPeriod: 10, online: 6, resolved: 8, early: 6, onTime: 2, pending: 2, withinTime: 2 };
 * indices766(c).find((i) => i.code === '3.3')?.score; // 6: 60% ≥ the 50% target
 * ```
 */
export function indices766(c: Counts, options: Indices766Options = {}): Index766[] {
  return INDEX_DEFINITIONS.map((def) =>
    index(def, def.code === '3.3' && options.onlineTimesSync ? rate(c.online * c.synced, c.receivedInPeriod * c.receivedInPeriod) : rateOf(c, def)));
}
