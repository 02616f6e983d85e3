import { MotcuaError, show } from '../errors';
import { RATE_DEFINITIONS, type RateDefinition, sumCounts } from './definitions';
import type { Counts, Rate } from './types';

/**
 * An exact rate (tỷ lệ) `numerator / denominator`; `value` is null when the denominator is 0.
 *
 * @throws {MotcuaError} `INVALID_NUMBER` unless both are non-negative integers.
 *
 * @example
 * ```ts
 * import { rate } from 'motcua/kpi';
 * rate(1270, 1320); // { numerator: 1270, denominator: 1320, value: 0.9621212121212122 }
 * rate(0, 0).value; // null
 * ```
 */
export function rate(numerator: number, denominator: number): Rate {
  for (const [v, f] of [[numerator, 'numerator'], [denominator, 'denominator']] as const) {
    if (!Number.isSafeInteger(v) || v < 0) throw new MotcuaError('INVALID_NUMBER', { vi: `cần một số nguyên không âm, nhận được ${show(v, 'vi')}`, en: `expected a non-negative integer, got ${show(v)}` }, v, f);
  }
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

/** Rounding of printed rates: `half-up` (làm tròn) or `truncate` (cắt bỏ). */
export type Rounding = 'half-up' | 'truncate';

/** Options of {@link formatRate}. */
export interface FormatOptions {
  /** Decimals after the separator (default 2). */
  readonly decimals?: number;
  readonly rounding?: Rounding;
  /** Print a percentage (default) or the plain fraction. */
  readonly percent?: boolean;
  /** Decimal comma as in Vietnamese prints (default true). */
  readonly decimalComma?: boolean;
}

/**
 * The decimal digits of `n / d` (× 100 for a percentage) with exact integer rounding: no
 * floating-point error ever decides a verdict. Returns the scaled integer.
 * @internal
 */
export function scaled(n: number, d: number, decimals: number, percent: boolean, rounding: Rounding): bigint {
  const num = BigInt(n) * (percent ? 100n : 1n) * 10n ** BigInt(decimals);
  const den = BigInt(d);
  const q = num / den;
  return rounding === 'half-up' && (num % den) * 2n >= den ? q + 1n : q;
}

/** @internal Print a scaled integer with `decimals` digits. */
export function printScaled(v: bigint, decimals: number, comma: boolean): string {
  const s = v.toString().padStart(decimals + 1, '0');
  return decimals === 0 ? s : `${s.slice(0, -decimals)}${comma ? ',' : '.'}${s.slice(-decimals)}`;
}

/**
 * Print a rate as official reports do: `'96,21%'` (decimal comma, 2 decimals, half up by default).
 * A rate with denominator 0 prints `'-'`.
 *
 * @example
 * ```ts
 * import { formatRate, rate } from 'motcua/kpi';
 * formatRate(rate(1270, 1320)); // '96,21%'
 * formatRate(rate(1270, 1320), { rounding: 'truncate', decimals: 1 }); // '96,2%'
 * formatRate(rate(2, 3), { percent: false, decimals: 4 }); // '0,6667'
 * ```
 */
export function formatRate(r: Rate, options: FormatOptions = {}): string {
  const decimals = options.decimals ?? 2;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 10) throw new MotcuaError('INVALID_NUMBER', { vi: `decimals phải là số nguyên từ 0 đến 10, nhận được ${show(decimals, 'vi')}`, en: `decimals must be an integer 0-10, got ${show(decimals)}` }, decimals, 'decimals');
  if (r.denominator === 0) return '-';
  const percent = options.percent ?? true;
  const v = scaled(r.numerator, r.denominator, decimals, percent, options.rounding ?? 'half-up');
  return `${printScaled(v, decimals, options.decimalComma ?? true)}${percent ? '%' : ''}`;
}

/** The standard rates of a summary, as defined in {@link RATE_DEFINITIONS}. */
export interface Rates {
  /** On time (đúng hạn): (8) + (9) over (7). */
  readonly onTime: Rate;
  /** Late (quá hạn): (10) over (7). */
  readonly late: Rate;
  /** Pending overdue: (13) over (11). */
  readonly overdue: Rate;
  /** Online submission (tỷ lệ hồ sơ trực tuyến): (4) over (4) + (5). */
  readonly online: Rate;
  /** Digitised dossiers (số hóa hồ sơ) over dossiers received in the period. */
  readonly digitisation: Rate;
  /** Electronic results over resolved dossiers requiring a paper result. */
  readonly eResult: Rate;
  /** Paid online over dossiers received with a fee due. */
  readonly onlinePayment: Rate;
  /** Synced to the national portal over received in the period. */
  readonly sync: Rate;
  /** Dossiers handled without a complaint or dislike over handled (received + carried over). */
  readonly satisfaction: Rate;
}

// Compile-time: the definitions and the Rates type name the same rates.
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
const sameRateKeys: SameKeys<Rates, typeof RATE_DEFINITIONS> = true;
void sameRateKeys;

/**
 * The standard rates of a set of counts.
 *
 * @example
 * ```ts
 * import { emptyCounts, rates } from 'motcua/kpi';
 * rates({ ...emptyCounts(), resolved: 4, early: 1, onTime: 2, late: 1 }).onTime.value; // 0.75
 * ```
 */
export function rates(c: Counts): Rates {
  const out: Record<string, Rate> = {};
  for (const [key, def] of Object.entries(RATE_DEFINITIONS)) out[key] = rateOf(c, def);
  return out as unknown as Rates;
}

/**
 * The exact rate of a definition (numerator and denominator as sums of counts).
 * @internal
 */
export function rateOf(c: Counts, def: RateDefinition): Rate {
  const n = sumCounts(c, def.numerator);
  return rate(def.floorAtZero ? Math.max(0, n) : n, sumCounts(c, def.denominator));
}
