/**
 * Exact decimal numbers as Vietnamese reports print them ("1.005,8", "0,014 %", "6,648 tỷ"), and
 * the exact rate arithmetic the report checks share. Pure, no dependency.
 * @internal
 */

/** An exact decimal `m × 10^e` (m ≥ 0). */
export interface Dec {
  readonly m: bigint;
  readonly e: number;
}

/** How a printed rate is written: its digits, decimals, "%" or not, decimal comma or dot. */
export interface PrintedRate {
  /** The printed digits without the separator, e.g. 9619n for "96,19%". */
  readonly digits: bigint;
  readonly decimals: number;
  readonly percent: boolean;
  readonly comma: boolean;
}

export type Rounding = 'half-up' | 'truncate';

export const dec = (m: bigint | number, e = 0): Dec => ({ m: BigInt(m), e });

/** The Dec of a JS number with at most 10 decimals (claims files). */
export function decOfNumber(x: number): Dec {
  const s = x.toFixed(10).replace(/0+$/, '').replace(/\.$/, '');
  const [i, f = ''] = s.split('.');
  return { m: BigInt(`${i}${f}`), e: -f.length };
}

/**
 * Read a number as Vietnamese prints it: "." groups thousands (only in groups of three),
 * "," marks decimals. Returns null for anything else (e.g. "1.2" section numbers).
 */
export function parseViNumber(s: string): Dec | null {
  const m = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/.exec(s);
  if (!m) return null;
  const int = m[1]!.replace(/\./g, '');
  const frac = m[2] ?? '';
  return { m: BigInt(`${int}${frac}`), e: frac.length ? -frac.length : 0 };
}

export const toNumber = (d: Dec): number => Number(`${d.m}e${d.e}`);

export function decEq(a: Dec, b: Dec): boolean {
  return cmp(a, b) === 0;
}

export function cmp(a: Dec, b: Dec): number {
  const e = Math.min(a.e, b.e);
  const x = a.m * 10n ** BigInt(a.e - e);
  const y = b.m * 10n ** BigInt(b.e - e);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function add(a: Dec, b: Dec): Dec {
  const e = Math.min(a.e, b.e);
  return { m: a.m * 10n ** BigInt(a.e - e) + b.m * 10n ** BigInt(b.e - e), e };
}

export function sub(a: Dec, b: Dec): Dec {
  const e = Math.min(a.e, b.e);
  return { m: a.m * 10n ** BigInt(a.e - e) - b.m * 10n ** BigInt(b.e - e), e };
}

export const sum = (xs: readonly Dec[]): Dec => xs.reduce(add, dec(0));

export const scale = (a: Dec, k: number): Dec => ({ m: a.m, e: a.e + k });

/** Print Vietnamese style: "1.810", "1.005,8", "-395". */
export function formatVi(d: Dec, minDecimals = 0): string {
  let m = d.m;
  let e = d.e;
  const neg = m < 0n;
  if (neg) m = -m;
  while (e < -minDecimals && m % 10n === 0n) {
    m /= 10n;
    e++;
  }
  if (e > 0) {
    m *= 10n ** BigInt(e);
    e = 0;
  }
  const s = m.toString().padStart(-e + 1, '0');
  const int = e === 0 ? s : s.slice(0, e);
  const frac = e === 0 ? '' : s.slice(e);
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${neg ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

/** n / d scaled to `decimals` digits (× 100 when a percentage), exactly; null when d = 0. */
export function scaledRate(n: Dec, d: Dec, decimals: number, percent: boolean, rounding: Rounding): bigint | null {
  if (d.m === 0n) return null;
  let num = n.m * (percent ? 100n : 1n) * 10n ** BigInt(decimals);
  let den = d.m;
  const k = n.e - d.e;
  if (k >= 0) num *= 10n ** BigInt(k);
  else den *= 10n ** BigInt(-k);
  const q = num / den;
  return rounding === 'half-up' && (num % den) * 2n >= den ? q + 1n : q;
}

/**
 * n / d as a JS number on motcua's rate scale, a fraction (0.9621 for 96.21%), for display and
 * JSON; null when d = 0. For integers it equals `rate(n, d).value`. Verdicts never use it.
 */
export function fractionOf(n: Dec, d: Dec): number | null {
  if (d.m === 0n) return null;
  return toNumber(n) / toNumber(d);
}

export function printScaledVi(v: bigint, decimals: number, comma = true): string {
  const s = v.toString().padStart(decimals + 1, '0');
  return decimals === 0 ? s : `${s.slice(0, -decimals)}${comma ? ',' : '.'}${s.slice(-decimals)}`;
}

/** Which rounding of n/d reproduces the print, read as a percentage or as a plain fraction. */
export function reproduces(n: Dec, d: Dec, p: PrintedRate, percent: boolean): Rounding | null {
  if (d.m === 0n || n.m < 0n) return null;
  if (scaledRate(n, d, p.decimals, percent, 'half-up') === p.digits) return 'half-up';
  if (scaledRate(n, d, p.decimals, percent, 'truncate') === p.digits) return 'truncate';
  return null;
}

/** The half-up print of n/d with the decimals of `p`, e.g. "66,89%". */
export function halfUpPrint(n: Dec, d: Dec, p: PrintedRate, percent = true): string {
  const v = scaledRate(n, d, p.decimals, percent, 'half-up');
  return v === null ? '-' : `${printScaledVi(v, p.decimals, p.comma)}${percent ? '%' : ''}`;
}

/** Read a printed rate such as "96,19%", "0,014 %", "97.7%", "0,67". */
export function parsePrintedRate(s: string): PrintedRate | null {
  const m = /^\s*(\d+)(?:([.,])(\d+))?\s*(%?)\s*$/.exec(s);
  if (!m) return null;
  return { digits: BigInt(`${m[1]}${m[3] ?? ''}`), decimals: m[3]?.length ?? 0, percent: m[4] === '%', comma: m[2] !== '.' };
}

/** The value of a printed rate as a Dec (in percent when it has "%"). */
export const printedValue = (p: PrintedRate): Dec => ({ m: p.digits, e: -p.decimals });
