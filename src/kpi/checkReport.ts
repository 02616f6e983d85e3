import { MotcuaError, show } from '../errors';
import { type LocaleOptions, localeOf } from '../_lib/locale';
import { add, cmp, type Dec, decEq, decOfNumber, fractionOf, halfUpPrint, parsePrintedRate, type PrintedRate, printedValue, reproduces, sub, toNumber } from './_lib/viNumber';

import type { Fraction } from './types';
/** A report's claimed figures (số liệu báo cáo), as in `motcua check claims.json`. */
export interface Claims {
  /** Named figures: counts, or decimal amounts such as 1005.8 (triệu đồng). */
  readonly counts?: Readonly<Record<string, number>>;
  /** A part may be a name, a number or a sum of them ("online + directOrPostal"). */
  readonly sums?: readonly { readonly total: string; readonly parts: readonly string[] }[];
  /**
   * `numerator` and `denominator`: a number, a name, or a sum of names and numbers
   * ("online + directOrPostal"). `reported`: the print, e.g. "96,19%", or a bound: "trên 70%",
   * "hơn 50%", "dưới 5%", "gần 98%", "khoảng 77%", "99,87% trở lên".
   */
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
  /**
   * The exact value `numerator / denominator`, a {@link Fraction}: 0.9621… for 96.21…%; null when
   * the denominator is 0. Before 0.2 this was `exact`, a percentage (96.21…).
   */
  readonly value: Fraction | null;
  readonly reported: string;
  /**
   * `match`: half-up rounding reproduces the print (or the bound holds); `match-truncated`: only
   * truncation does; `unverifiable`: a loose bound ("khoảng", "gần") the exact value does not round to.
   */
  readonly verdict: 'match' | 'match-truncated' | 'mismatch' | 'unverifiable';
  /** The likely cause of a mismatch, or a note on a truncated match; in Vietnamese unless `locale: 'en'`. */
  readonly hint: string | null;
}

/** The result of {@link checkReport}. */
export interface ReportCheck {
  readonly sums: readonly SumVerdict[];
  readonly rates: readonly RateVerdict[];
  /** True when no sum and no rate is a mismatch (truncated matches count as matches). */
  readonly ok: boolean;
}

const STANDARD: readonly [string, string[]][] = [
  ['received', ['online', 'directOrPostal', 'carriedOver']],
  ['resolved', ['early', 'onTime', 'late']],
  ['pending', ['withinTime', 'overdue']],
];

const BOUND = /^\s*(gần|trên|hơn|dưới|khoảng|ước|≥|>|<|≤)\s*/u;

interface Reported {
  readonly p: PrintedRate;
  readonly bound: string | null;
  readonly atLeast: boolean;
}

function parseReported(s: unknown, field: string): Reported {
  const bad = () => new MotcuaError('INVALID_INPUT', { vi: `cần một tỷ lệ in như "96,19%" hoặc "trên 70%", nhận được ${show(s, 'vi')}`, en: `expected a printed rate such as "96,19%" or "trên 70%", got ${show(s)}` }, s, field);
  if (typeof s !== 'string') throw bad();
  const b = BOUND.exec(s);
  let rest = b ? s.slice(b[0].length) : s;
  const atLeast = /\s*trở lên\s*$/u.test(rest);
  rest = rest.replace(/\s*trở lên\s*$/u, '');
  const p = parsePrintedRate(rest);
  if (!p) throw bad();
  return { p, bound: b ? b[1]! : null, atLeast };
}

function how(n: Dec, d: Dec, p: PrintedRate, percent: boolean): 'half-up' | 'truncate' | null {
  return n.m >= 0n ? reproduces(n, d, p, percent) : null;
}

/**
 * Check the figures a report claims (kiểm tra số liệu báo cáo): every listed sum, the standard
 * Biểu II.06a identities among the standard names present (received, online, directOrPostal,
 * carriedOver, resolved, early, onTime, late, pending, withinTime, overdue, withdrawn), and
 * every printed rate: the exact value, whether half-up rounding reproduces the print, or only
 * truncation, or neither, and then the likely cause (the fraction printed instead of the
 * percentage, a neighbouring count or another denominator that reproduces it).
 *
 * @throws {MotcuaError} `INVALID_INPUT` naming the claim (e.g. `rates[2].numerator`) when a name is not among the counts or a figure is malformed;
 * naming `counts`, `sums` or `rates` when one is not an object / array; naming `claims` when there is nothing to check.
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
export function checkReport(claims: Claims, options?: LocaleOptions): ReportCheck {
  // the hints' language: Vietnamese by default (#19)
  const L = localeOf(options) === 'en' ? 1 : 0;
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) throw new MotcuaError('INVALID_INPUT', { vi: `cần { counts, sums, rates }, nhận được ${show(claims, 'vi')}`, en: `expected { counts, sums, rates }, got ${show(claims)}` }, claims, 'claims');
  // #14: each part of the claims has its shape checked, so a malformed one is a typed error naming it
  const counts = claims.counts ?? {};
  if (typeof counts !== 'object' || counts === null || Array.isArray(counts)) throw new MotcuaError('INVALID_INPUT', { vi: `cần counts { tên: số }, nhận được ${show(counts, 'vi')}`, en: `expected counts { name: number }, got ${show(counts)}` }, counts, 'counts');
  for (const part of ['sums', 'rates'] as const) {
    const list: unknown = claims[part];
    if (list !== undefined && list !== null && !Array.isArray(list)) throw new MotcuaError('INVALID_INPUT', { vi: `cần một mảng ${part === 'sums' ? '{ total, parts }' : '{ label, numerator, denominator, reported }'}, nhận được ${show(list, 'vi')}`, en: `expected an array of ${part === 'sums' ? '{ total, parts }' : '{ label, numerator, denominator, reported }'}, got ${show(list)}` }, list, part);
    if (Array.isArray(list)) {
      list.forEach((x: unknown, i) => {
        if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new MotcuaError('INVALID_INPUT', { vi: `cần ${part === 'sums' ? '{ total, parts }' : '{ label, numerator, denominator, reported }'}, nhận được ${show(x, 'vi')}`, en: `expected ${part === 'sums' ? '{ total, parts }' : '{ label, numerator, denominator, reported }'}, got ${show(x)}` }, x, `${part}[${i}]`);
      });
    }
  }
  const exact = new Map<string, Dec>();
  for (const [k, v] of Object.entries(counts)) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || !Number.isInteger(Math.round(v * 1e10))) throw new MotcuaError('INVALID_INPUT', { vi: `số liệu phải là một số không âm, nhận được ${show(v, 'vi')}`, en: `a count must be a non-negative number, got ${show(v)}` }, v, `counts.${k}`);
    exact.set(k, decOfNumber(v));
  }
  const term = (x: unknown, field: string): Dec => {
    if (typeof x === 'number') {
      if (!Number.isFinite(x) || x < 0) throw new MotcuaError('INVALID_INPUT', { vi: `cần một số không âm, nhận được ${show(x, 'vi')}`, en: `expected a non-negative number, got ${show(x)}` }, x, field);
      return decOfNumber(x);
    }
    if (typeof x === 'string') {
      const t = x.trim();
      if (exact.has(t)) return exact.get(t)!;
      if (/^\d+(\.\d+)?$/.test(t)) return decOfNumber(Number(t));
    }
    throw new MotcuaError('INVALID_INPUT', { vi: `${show(x, 'vi')} không phải là số, cũng không phải một trong các số liệu (${Object.keys(counts).join(', ') || 'không có số liệu nào'})`, en: `${show(x)} is not a number nor one of the counts (${Object.keys(counts).join(', ') || 'none given'})` }, x, field);
  };
  // a name, a number, or a sum of them: "online + directOrPostal"
  const value = (x: unknown, field: string): Dec => {
    if (typeof x === 'string' && x.includes('+') && !exact.has(x)) return x.split('+').map((t) => term(t, field)).reduce(add);
    return term(x, field);
  };

  const sums: SumVerdict[] = [];
  const listed = new Set<string>();
  (claims.sums ?? []).forEach((s, i) => {
    const actual = value(s?.total, `sums[${i}].total`);
    if (!Array.isArray(s.parts) || s.parts.length === 0) throw new MotcuaError('INVALID_INPUT', { vi: 'một tổng cần có các thành phần', en: 'a sum needs its parts' }, s.parts, `sums[${i}].parts`);
    const expected = s.parts.reduce((acc: Dec, p, j) => add(acc, value(p, `sums[${i}].parts[${j}]`)), { m: 0n, e: 0 });
    listed.add(`${String(s.total)}=${[...s.parts].map(String).sort().join('+')}`);
    sums.push({ total: s.total, parts: s.parts, expected: toNumber(expected), actual: toNumber(actual), difference: toNumber(sub(actual, expected)), ok: decEq(actual, expected), standard: false });
  });
  const has = (k: string) => exact.has(k);
  const standard: [string, string[]][] = [...STANDARD];
  if (has('received') && has('resolved') && has('pending')) standard.push(['received', has('withdrawn') ? ['resolved', 'pending', 'withdrawn'] : ['resolved', 'pending']]);
  for (const [total, parts] of standard) {
    if (!has(total) || !parts.every(has) || listed.has(`${total}=${[...parts].sort().join('+')}`)) continue;
    const expected = parts.map((p) => exact.get(p)!).reduce(add);
    const actual = exact.get(total)!;
    sums.push({ total, parts, expected: toNumber(expected), actual: toNumber(actual), difference: toNumber(sub(actual, expected)), ok: decEq(actual, expected), standard: true });
  }

  const rates: RateVerdict[] = (claims.rates ?? []).map((r, i) => {
    const n = value(r?.numerator, `rates[${i}].numerator`);
    const d = value(r.denominator, `rates[${i}].denominator`);
    const { p, bound, atLeast } = parseReported(r.reported, `rates[${i}].reported`);
    const base = { label: String(r.label ?? `rates[${i}]`), numerator: toNumber(n), denominator: toNumber(d), value: fractionOf(n, d), reported: r.reported };
    if (d.m === 0n) return { ...base, verdict: 'mismatch' as const, hint: ['mẫu số bằng 0: tỷ lệ không xác định', 'the denominator is 0: the rate is not applicable'][L]! };
    // A print without "%" and below 1 is read as a fraction, otherwise as a percentage.
    const asPercent = p.percent || p.digits >= 10n ** BigInt(p.decimals);
    const halfUp = halfUpPrint(n, d, p, asPercent);
    if (bound || atLeast) return { ...base, ...judgeBound(n, d, p, asPercent, bound, atLeast, halfUpPrint(n, d, { ...p, decimals: Math.max(p.decimals, 2) }, asPercent), L) };
    const rounding = how(n, d, p, asPercent);
    if (rounding === 'half-up') return { ...base, verdict: 'match' as const, hint: null };
    if (rounding === 'truncate') return { ...base, verdict: 'match-truncated' as const, hint: [`bị cắt số thay vì làm tròn: làm tròn thì in ${halfUp}`, `truncated: half-up rounding prints ${halfUp}`][L]! };
    return { ...base, verdict: 'mismatch' as const, hint: explainMismatch(n, d, p, asPercent, exact, r, halfUp)[L]! };
  });

  // #14: no claim at all is not "every figure checks out"
  if (sums.length === 0 && rates.length === 0) {
    throw new MotcuaError('INVALID_INPUT', { vi: 'không có gì để kiểm tra: hãy cho sums hoặc rates, hoặc số liệu của một đẳng thức chuẩn của Biểu II.06a (ví dụ received, online, directOrPostal)', en: 'nothing to check: give sums or rates, or counts of a standard Biểu II.06a identity (e.g. received, online, directOrPostal)' }, claims, 'claims');
  }
  return { sums, rates, ok: sums.every((s) => s.ok) && rates.every((r) => r.verdict !== 'mismatch') };
}

function judgeBound(n: Dec, d: Dec, p: PrintedRate, asPercent: boolean, bound: string | null, atLeast: boolean, halfUp: string, L: 0 | 1): Pick<RateVerdict, 'verdict' | 'hint'> {
  const scaledExact = { m: (n.m * (asPercent ? 100n : 1n) * 10n ** 12n * 10n ** BigInt(Math.max(0, n.e - d.e))) / (d.m * 10n ** BigInt(Math.max(0, d.e - n.e))), e: -12 };
  const c = cmp(scaledExact, printedValue(p));
  const fits = how(n, d, p, asPercent) !== null;
  const ok = { verdict: 'match' as const, hint: null };
  const no = (what: readonly [string, string]) => ({ verdict: 'mismatch' as const, hint: [`giá trị chính xác ${halfUp} không ${what[0]}`, `the exact value ${halfUp} is not ${what[1]}`][L]! });
  if (atLeast || bound === '≥') return c >= 0 || fits ? ok : no(['từ mức đã nêu trở lên', 'at least the bound']);
  if (bound === 'trên' || bound === 'hơn' || bound === '>') return c > 0 ? ok : no(['trên mức đã nêu', 'above the bound']);
  if (bound === 'dưới' || bound === '<') return c < 0 ? ok : no(['dưới mức đã nêu', 'below the bound']);
  if (bound === '≤') return c <= 0 || fits ? ok : no(['đến mức đã nêu trở xuống', 'at most the bound']);
  // "gần", "khoảng", "ước": approximate words
  if (fits || (bound === 'gần' && c < 0 && cmp(scaledExact, { m: printedValue(p).m * 95n, e: printedValue(p).e - 2 }) >= 0)) return ok;
  return { verdict: 'unverifiable', hint: [`"${bound}" là số ước lượng; giá trị chính xác là ${halfUp}`, `"${bound}" is approximate; the exact value is ${halfUp}`][L]! };
}

function explainMismatch(n: Dec, d: Dec, p: PrintedRate, asPercent: boolean, counts: ReadonlyMap<string, Dec>, r: { numerator: unknown; denominator: unknown }, halfUp: string): readonly [string, string] {
  if (how(n, d, p, !asPercent)) {
    return asPercent
      ? [`in tỷ số ${fmt(n)}/${fmt(d)} kèm dấu "%" thay cho tỷ lệ phần trăm (đúng là ${halfUp})`, `the fraction ${fmt(n)}/${fmt(d)} was printed with a "%" instead of the percentage (expected ${halfUp})`]
      : [`in tỷ lệ phần trăm thay cho tỷ số (đúng là ${halfUp})`, `the percentage was printed instead of the fraction (expected ${halfUp})`];
  }
  for (const k of [1, -1, 2, -2]) {
    const q = { ...p, decimals: p.decimals + k };
    if (q.decimals >= 0 && q.decimals <= 6 && how(n, d, q, asPercent) === 'half-up') return [`đặt sai dấu thập phân: giá trị là ${halfUpPrint(n, d, q, asPercent)}; đúng là ${halfUp}`, `a misplaced decimal separator: the value is ${halfUpPrint(n, d, q, asPercent)}; expected ${halfUp}`];
  }
  for (const [name, v] of counts) {
    if (name !== r.numerator && how(v, d, p, asPercent)) return [`tử số ${name} (${fmt(v)}) cho ra số in thay vì ${fmt(n)}; đúng là ${halfUp}`, `the numerator ${name} (${fmt(v)}) reproduces it instead of ${fmt(n)}; expected ${halfUp}`];
  }
  for (const [name, v] of counts) {
    if (name !== r.denominator && how(n, v, p, asPercent)) return [`mẫu số ${name} (${fmt(v)}) cho ra số in thay vì ${fmt(d)}; đúng là ${halfUp}`, `the denominator ${name} (${fmt(v)}) reproduces it instead of ${fmt(d)}; expected ${halfUp}`];
  }
  if (n.e === 0 && d.e === 0) {
    for (let k = 1n; k <= 5n; k++) {
      for (const m of [n.m - k, n.m + k]) if (m >= 0n && how({ m, e: 0 }, d, p, asPercent)) return [`tử số ${m} (${m > n.m ? '+' : ''}${m - n.m}) cho ra số in; đúng là ${halfUp}`, `a numerator of ${m} (${m > n.m ? '+' : ''}${m - n.m}) reproduces it; expected ${halfUp}`];
      for (const m of [d.m - k, d.m + k]) if (m > 0n && how(n, { m, e: 0 }, p, asPercent)) return [`mẫu số ${m} (${m > d.m ? '+' : ''}${m - d.m}) cho ra số in; đúng là ${halfUp}`, `a denominator of ${m} (${m > d.m ? '+' : ''}${m - d.m}) reproduces it; expected ${halfUp}`];
    }
  }
  return [`không cách làm tròn, số liệu lân cận hay mẫu số nào cho ra số in; đúng là ${halfUp}`, `no rounding, neighbouring count or denominator reproduces it; expected ${halfUp}`];
}

/** A figure as the claims gave it: 1320, 1005.8. */
const fmt = (d: Dec): string => String(toNumber(d));
