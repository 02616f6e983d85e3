import { MotcuaError, show } from '../errors';
import { printScaled, type Rounding, scaled } from './rates';

/** A report's claimed figures (số liệu báo cáo), as in `motcua check claims.json`. */
export interface Claims {
  readonly counts?: Readonly<Record<string, number>>;
  readonly sums?: readonly { readonly total: string; readonly parts: readonly string[] }[];
  readonly rates?: readonly { readonly label: string; readonly numerator: string | number; readonly denominator: string | number; readonly reported: string }[];
}

/** The verdict on one sum (tổng). */
export interface SumVerdict {
  readonly total: string;
  readonly parts: readonly string[];
  /** The sum of the parts. */
  readonly expected: number;
  /** The total as claimed. */
  readonly actual: number;
  /** actual − expected. */
  readonly difference: number;
  readonly ok: boolean;
  /** A standard II.06a identity checked without being listed. */
  readonly standard: boolean;
}

/** The verdict on one printed rate (tỷ lệ). */
export interface RateVerdict {
  readonly label: string;
  readonly numerator: number;
  readonly denominator: number;
  /** The exact percentage, e.g. 96.2121…; null when the denominator is 0. */
  readonly exact: number | null;
  readonly reported: string;
  /** `match`: half-up rounding reproduces the print; `match-truncated`: only truncation does. */
  readonly verdict: 'match' | 'match-truncated' | 'mismatch';
  /** The likely cause of a mismatch, or a note on a truncated match. */
  readonly hint: string | null;
}

/** The result of {@link checkReport}. */
export interface ReportCheck {
  readonly sums: readonly SumVerdict[];
  readonly rates: readonly RateVerdict[];
  /** True when every sum and rate matches (truncated matches count as matches). */
  readonly ok: boolean;
}

const STANDARD: readonly [string, string[]][] = [
  ['received', ['online', 'directOrPostal', 'carriedOver']],
  ['resolved', ['early', 'onTime', 'late']],
  ['pending', ['withinTime', 'overdue']],
];

interface Printed {
  digits: bigint;
  decimals: number;
  percent: boolean;
  comma: boolean;
}

function parsePrinted(s: unknown, field: string): Printed {
  const m = typeof s === 'string' ? /^\s*(\d+)(?:([.,])(\d+))?\s*(%?)\s*$/.exec(s) : null;
  if (!m) throw new MotcuaError('INVALID_INPUT', `expected a printed rate such as "96,19%", got ${show(s)}`, s, field);
  const decimals = m[3]?.length ?? 0;
  return { digits: BigInt(`${m[1]}${m[3] ?? ''}`), decimals, percent: m[4] === '%', comma: m[2] !== '.' };
}

function reproduces(n: number, d: number, p: Printed, percent: boolean, rounding: Rounding): boolean {
  return d > 0 && n >= 0 && scaled(n, d, p.decimals, percent, rounding) === p.digits;
}

function how(n: number, d: number, p: Printed, percent: boolean): Rounding | null {
  if (reproduces(n, d, p, percent, 'half-up')) return 'half-up';
  if (reproduces(n, d, p, percent, 'truncate')) return 'truncate';
  return null;
}

/**
 * Check the figures a report claims (kiểm tra số liệu báo cáo): every listed sum, the standard
 * Biểu II.06a identities among the standard names present (received, online, directOrPostal,
 * carriedOver, resolved, early, onTime, late, pending, withinTime, overdue, withdrawn), and
 * every printed rate: the exact value, whether half-up rounding reproduces the print, or only
 * truncation, or neither, and then the likely cause (the fraction printed instead of the
 * percentage, a neighbouring count or another denominator that reproduces it).
 *
 * @throws {MotcuaError} `INVALID_INPUT` naming the claim (e.g. `rates[2].numerator`) when a name is not among the counts or a figure is malformed.
 *
 * @example
 * ```ts
 * import { checkReport } from 'motcua/kpi';
 * const r = checkReport({
 *   counts: { resolved: 1320, early: 1000, onTime: 269, late: 51 },
 *   rates: [{ label: 'Tỷ lệ đúng hạn', numerator: 1269, denominator: 'resolved', reported: '96,13%' }],
 * });
 * r.rates[0]?.verdict; // 'match-truncated' (half up gives 96,14%)
 * ```
 */
export function checkReport(claims: Claims): ReportCheck {
  if (typeof claims !== 'object' || claims === null) throw new MotcuaError('INVALID_INPUT', `expected { counts, sums, rates }, got ${show(claims)}`, claims, 'claims');
  const counts = claims.counts ?? {};
  for (const [k, v] of Object.entries(counts)) {
    if (!Number.isSafeInteger(v) || v < 0) throw new MotcuaError('INVALID_INPUT', `a count must be a non-negative integer, got ${show(v)}`, v, `counts.${k}`);
  }
  const value = (x: unknown, field: string): number => {
    if (typeof x === 'number') {
      if (!Number.isSafeInteger(x) || x < 0) throw new MotcuaError('INVALID_INPUT', `expected a non-negative integer, got ${show(x)}`, x, field);
      return x;
    }
    if (typeof x === 'string' && Object.hasOwn(counts, x)) return counts[x]!;
    throw new MotcuaError('INVALID_INPUT', `${show(x)} is not a number nor one of the counts (${Object.keys(counts).join(', ') || 'none given'})`, x, field);
  };

  const sums: SumVerdict[] = [];
  const listed = new Set<string>();
  (claims.sums ?? []).forEach((s, i) => {
    const actual = value(s?.total, `sums[${i}].total`);
    if (!Array.isArray(s.parts) || s.parts.length === 0) throw new MotcuaError('INVALID_INPUT', 'a sum needs its parts', s.parts, `sums[${i}].parts`);
    const expected = s.parts.reduce((acc, p, j) => acc + value(p, `sums[${i}].parts[${j}]`), 0);
    listed.add(`${s.total}=${[...s.parts].sort().join('+')}`);
    sums.push({ total: s.total, parts: s.parts, expected, actual, difference: actual - expected, ok: actual === expected, standard: false });
  });
  const has = (k: string) => Object.hasOwn(counts, k);
  const standard: [string, string[]][] = [...STANDARD];
  if (has('received') && has('resolved') && has('pending')) standard.push(['received', has('withdrawn') ? ['resolved', 'pending', 'withdrawn'] : ['resolved', 'pending']]);
  for (const [total, parts] of standard) {
    if (!has(total) || !parts.every(has) || listed.has(`${total}=${[...parts].sort().join('+')}`)) continue;
    const expected = parts.reduce((acc, p) => acc + counts[p]!, 0);
    sums.push({ total, parts, expected, actual: counts[total]!, difference: counts[total]! - expected, ok: counts[total] === expected, standard: true });
  }

  const rates: RateVerdict[] = (claims.rates ?? []).map((r, i) => {
    const n = value(r?.numerator, `rates[${i}].numerator`);
    const d = value(r.denominator, `rates[${i}].denominator`);
    const p = parsePrinted(r.reported, `rates[${i}].reported`);
    const base = { label: String(r.label ?? `rates[${i}]`), numerator: n, denominator: d, exact: d === 0 ? null : (n * 100) / d, reported: r.reported };
    if (d === 0) return { ...base, verdict: 'mismatch' as const, hint: 'the denominator is 0: the rate is not applicable' };
    // A print without "%" and below 1 is read as a fraction, otherwise as a percentage.
    const asPercent = p.percent || p.digits >= 10n ** BigInt(p.decimals);
    const rounding = how(n, d, p, asPercent);
    if (rounding === 'half-up') return { ...base, verdict: 'match' as const, hint: null };
    const halfUp = `${printScaled(scaled(n, d, p.decimals, asPercent, 'half-up'), p.decimals, p.comma)}${asPercent ? '%' : ''}`;
    if (rounding === 'truncate') return { ...base, verdict: 'match-truncated' as const, hint: `truncated: half-up rounding prints ${halfUp}` };
    return { ...base, verdict: 'mismatch' as const, hint: explainMismatch(n, d, p, asPercent, counts, r, halfUp) };
  });

  return { sums, rates, ok: sums.every((s) => s.ok) && rates.every((r) => r.verdict !== 'mismatch') };
}

function explainMismatch(n: number, d: number, p: Printed, asPercent: boolean, counts: Readonly<Record<string, number>>, r: { numerator: unknown; denominator: unknown }, halfUp: string): string {
  if (how(n, d, p, !asPercent)) {
    return asPercent ? `the fraction ${n}/${d} was printed with a "%" instead of the percentage (expected ${halfUp})` : `the percentage was printed instead of the fraction (expected ${halfUp})`;
  }
  const named = Object.entries(counts);
  for (const [name, v] of named) {
    if (name !== r.numerator && how(v, d, p, asPercent)) return `the numerator ${name} (${v}) reproduces it instead of ${n}; expected ${halfUp}`;
  }
  for (const [name, v] of named) {
    if (name !== r.denominator && how(n, v, p, asPercent)) return `the denominator ${name} (${v}) reproduces it instead of ${d}; expected ${halfUp}`;
  }
  for (let k = 1; k <= 5; k++) {
    for (const m of [n - k, n + k]) if (how(m, d, p, asPercent)) return `a numerator of ${m} (${m > n ? '+' : ''}${m - n}) reproduces it; expected ${halfUp}`;
    for (const m of [d - k, d + k]) if (how(n, m, p, asPercent)) return `a denominator of ${m} (${m > d ? '+' : ''}${m - d}) reproduces it; expected ${halfUp}`;
  }
  return `no rounding, neighbouring count or denominator reproduces it; expected ${halfUp}`;
}
