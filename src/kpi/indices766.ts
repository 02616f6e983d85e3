import { rate, scaled } from './rates';
import type { Counts, Rate } from './types';

/** One Decision 766 index (chỉ số Quyết định 766/QĐ-TTg), scored. */
export interface Index766 {
  /** Code in Decision 766's table, e.g. `'2.1'`. */
  readonly code: string;
  readonly name: string;
  readonly nameVi: string;
  /** Maximum points. */
  readonly points: number;
  /** Target ratio (0-1), or null when scored proportionally. */
  readonly target: number | null;
  /** The ratio as an exact fraction; for 5.4, the share of dossiers neither late nor complained about. */
  readonly ratio: Rate;
  /** The ratio as a percentage rounded half up to 2 decimals (what is scored); null when not applicable. */
  readonly percent: number | null;
  /** Points earned, 2 decimals; null when the denominator is 0 (not applicable). */
  readonly score: number | null;
  /** How sure the definition is: [S] secondary source (domain.md §8), [?] motcua's reading. */
  readonly basis: '[S]' | '[?]';
}

function score(r: Rate, points: number, target: number | null): { percent: number | null; score: number | null } {
  if (r.denominator === 0) return { percent: null, score: null };
  const pct = Number(scaled(r.numerator, r.denominator, 2, true, 'half-up')) / 100;
  const ratio = pct / 100;
  const raw = target === null ? ratio * points : ratio >= target ? points : (ratio / target) * points;
  return { percent: pct, score: Math.round(raw * 100) / 100 };
}

function index(code: string, name: string, nameVi: string, points: number, target: number | null, ratio: Rate, basis: '[S]' | '[?]'): Index766 {
  return { code, name, nameVi, points, target, ratio, basis, ...score(ratio, points, target) };
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
 * null). Ratios are rounded to 2 decimals of a percentage before scoring (domain.md §8 [S]).
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
  const handled = c.resolved + c.pending;
  const good = Math.max(0, c.received - c.late - c.overdue - c.complaints);
  const online = options.onlineTimesSync ? rate(c.online * c.synced, c.receivedInPeriod * c.receivedInPeriod) : rate(c.online, c.receivedInPeriod);
  return [
    index('1.4', 'Synchronisation with the national portal', 'Đồng bộ hồ sơ lên Cổng DVCQG', 6, null, rate(c.synced, c.receivedInPeriod), '[S]'),
    index('2.1', 'Processing progress', 'Tiến độ giải quyết', 20, null, rate(c.early + c.onTime + c.withinTime, handled), '[S]'),
    index('3.3', 'Online dossiers', 'Hồ sơ trực tuyến', 6, 0.5, online, '[S]'),
    index('3.6', 'Online payment', 'Thanh toán trực tuyến', 6, null, rate(c.paidOnline, c.feeDue), '[S]'),
    index('4.1', 'Electronic results', 'Cấp kết quả điện tử', 6, null, rate(c.eResultWherePaperRequired, c.paperResultRequired), '[S]'),
    index('4.2', 'Digitised dossiers', 'Số hóa hồ sơ', 4, 0.8, rate(c.digitised, c.receivedInPeriod), '[S]'),
    index('4.3', 'Reuse of digitised data', 'Khai thác, sử dụng lại dữ liệu số hóa', 2, 0.8, rate(c.reusedData ?? 0, c.receivedInPeriod), '[?]'),
    index('4.4', 'Results in the personal data store', 'Kết quả lưu vào kho dữ liệu cá nhân, tổ chức', 4, null, rate(c.dataStored ?? 0, c.eResult), '[?]'),
    index('5.4', 'Satisfaction', 'Mức độ hài lòng', 6, 0.9, rate(good, c.received), '[?]'),
  ];
}
