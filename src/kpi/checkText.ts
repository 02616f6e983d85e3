import { MotcuaError, show } from '../errors';
import {
  cmp, type Dec, dec, decEq, fractionOf, formatVi, halfUpPrint, printedValue, type PrintedRate, reproduces, scale, sub, sum, toNumber,
} from './_lib/viNumber';
import * as viNum from './_lib/viNumber';
import type { Fraction } from './types';
import { type Bound, type NumToken, tokenize, wordsBefore } from './_lib/viTokens';

/** What a claim of a report's text states (loại số liệu). */
export type TextClaimKind = 'rate' | 'sum' | 'balance' | 'table-row' | 'table-column' | 'contradiction';

/**
 * The verdict on one claim: `match` (half-up rounding or the exact sum reproduces the print),
 * `match-truncated` (only truncation does), `mismatch` (the figure is wrong), `unverifiable`
 * (the relation is only implied, approximate, or a figure it needs is not printed).
 */
export type TextVerdict = 'match' | 'match-truncated' | 'mismatch' | 'unverifiable';

/** One figure a report's text claims (số liệu trong văn bản báo cáo), as {@link extractClaims} reads it. */
export interface ExtractedClaim {
  /** 1-based line of the span's start. */
  readonly line: number;
  /** The exact text span. */
  readonly text: string;
  readonly kind: TextClaimKind;
  /** The printed figure: a rate ("96,19%", "trên 70%"), a total ("1.962") or a count. */
  readonly printed: string;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly total: number | null;
  readonly parts: readonly number[] | null;
  /** @internal exact figures and context for the verdict */
  readonly _: Internal;
}

/** A claim with its verdict (kết luận), as {@link checkText} gives it. */
export interface TextClaim {
  readonly line: number;
  readonly text: string;
  readonly kind: TextClaimKind;
  readonly printed: string;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly total: number | null;
  readonly parts: readonly number[] | null;
  /** The exact sum of the parts of a sum (or row, column); null for a rate. Before 0.2 a rate's exact percentage was here. */
  readonly exact: number | null;
  /** A rate's exact value `numerator / denominator`, a {@link Fraction} (0.9621 for 96.21%); null for a sum or when unknown. */
  readonly value: Fraction | null;
  readonly verdict: TextVerdict;
  /** Why, or what would reproduce the print; in Vietnamese unless `locale: 'en'`. */
  readonly hint: string | null;
}

/** The result of {@link checkText}. */
export interface TextCheck {
  /** Every claim, in the order of the text. */
  readonly claims: readonly TextClaim[];
  /** True when no claim is a `mismatch`. */
  readonly ok: boolean;
}

/** Options of {@link checkText}. */
export interface CheckTextOptions {
  /** Language of the hints: `'vi'` (default) or `'en'`, as everywhere in motcua. */
  readonly locale?: 'vi' | 'en';
  /** @deprecated Use `locale` (same values); kept as an alias. When both are given, `locale` wins. */
  readonly lang?: 'vi' | 'en';
}

interface Fig {
  readonly value: Dec;
  readonly line: number;
  readonly raw: string;
}

type Internal =
  | { t: 'rate'; n: Dec | null; d: Dec | null; p: PrintedRate; bound: Bound | null; explicit: boolean; nearby: readonly Fig[]; note?: Hint }
  | { t: 'sum'; total: Dec; parts: readonly Dec[]; mode: 'exact' | 'complete' | 'at-most' | 'implied'; why?: Hint }
  | { t: 'fixed'; verdict: TextVerdict; hint: Hint | null; exact: number | null };

type Hint = readonly [string, string]; // [vi, en]

const vi = (d: Dec) => formatVi(d);

// ---------------------------------------------------------------------------------------------
// Paragraphs and lines

interface Para {
  /** The paragraph's text (lines joined by "\n"). */
  readonly s: string;
  /** The line number of each character offset: line of offset o is lineAt(o). */
  readonly firstLine: number;
  readonly lineStarts: readonly number[];
  /** Index of the section (between headings) it belongs to. */
  readonly section: number;
}

const lineOf = (p: Para, at: number): number => {
  let i = 0;
  while (i + 1 < p.lineStarts.length && p.lineStarts[i + 1]! <= at) i++;
  return p.firstLine + i;
};

const HEADING = /^\s*(?:\*\*)?(?:[IVX]+[./]|\d+(?:\.\d+)*\.?\s+\p{Lu}|[a-zđ]\)\s)/u;
const BULLET = /^\s*(?:[-+•*]\s|\d+\)\s)/;

function paragraphs(lines: readonly string[]): { paras: Para[]; tables: { first: number; rows: string[] }[] } {
  const paras: Para[] = [];
  const tables: { first: number; rows: string[] }[] = [];
  let section = 0;
  let i = 0;
  while (i < lines.length) {
    const l = lines[i]!;
    if (l.trim() === '') {
      i++;
      continue;
    }
    if (/^\s*\|/.test(l)) {
      const first = i;
      const rows: string[] = [];
      while (i < lines.length && /^\s*\|/.test(lines[i]!)) rows.push(lines[i++]!);
      tables.push({ first: first + 1, rows });
      continue;
    }
    if (HEADING.test(l) && !/\d\s*(%|hồ sơ)/u.test(l.slice(0, 12))) section++;
    const first = i;
    const block: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '' && !/^\s*\|/.test(lines[i]!)) block.push(lines[i++]!);
    // A paragraph ending with ":" (or "trong đó:") continues over the bullet lines that follow it.
    while (/:\s*\**\s*$/.test(block[block.length - 1] ?? '')) {
      let j = i;
      while (j < lines.length && lines[j]!.trim() === '') j++;
      if (j >= lines.length || !BULLET.test(lines[j]!)) break;
      while (i < j) block.push(lines[i++]!);
      while (i < lines.length && (BULLET.test(lines[i]!) || lines[i]!.trim() === '') && !/^\s*\|/.test(lines[i]!)) {
        let k = i;
        while (k < lines.length && lines[k]!.trim() === '') k++;
        if (k >= lines.length || !BULLET.test(lines[k]!)) break;
        while (i <= k) block.push(lines[i++]!);
      }
    }
    const lineStarts: number[] = [];
    let off = 0;
    for (const b of block) {
      lineStarts.push(off);
      off += b.length + 1;
    }
    paras.push({ s: block.join('\n'), firstLine: first + 1, lineStarts, section });
  }
  return { paras, tables };
}

/** Sentence boundaries: ". X", "! X", "? X" with X upper case or a bullet, and a newline before a bullet. */
function sentenceEnds(s: string): number[] {
  const out: number[] = [];
  const re = /[.!?](?:\*+)?\s+(?=[\p{Lu}(*\-+•\d])|\n(?=\s*[-+•])/gu;
  for (let m = re.exec(s); m; m = re.exec(s)) out.push(m.index + 1);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Lists: "N hồ sơ (trong đó: a …; b …)", "N, trong đó: a …; b …", "gồm", "cụ thể"

interface List {
  readonly total: NumToken | null;
  readonly items: readonly { tok: NumToken; label: string; ambiguous?: boolean }[];
  readonly start: number;
  readonly end: number;
  /** "trong đó" (of which: maybe not exhaustive) or "gồm" / bare parentheses (consists of). */
  readonly complete: boolean;
  readonly totalLabel: string;
}

const TRIGGER = /(trong\s+đó|bao\s+gồm|gồm\s+có|gồm|cụ\s+thể)(\s+có)?\s*:?/giu;
const CHANGE_WORDS = /(tăng|giảm|vượt|cao hơn|thấp hơn|so với cùng kỳ|so với năm|so với kỳ|lần)/iu;

function matchParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Split a list's text into items at depth 0: by ";" when there is one (then "," inside an item with two counts), else by ",". */
function splitItems(s: string, from: number, to: number): [number, number][] {
  const cuts = (chars: string, a: number, b: number): [number, number][] => {
    const out: [number, number][] = [];
    let depth = 0;
    let st = a;
    for (let i = a; i < b; i++) {
      const c = s[i]!;
      if (c === '(') depth++;
      else if (c === ')') depth = Math.max(0, depth - 1);
      else if (depth === 0 && (chars.includes(c) || (c === '\n' && /^\n\s*[-+•]/.test(s.slice(i, i + 4))))) {
        out.push([st, i]);
        st = i + 1;
      }
    }
    out.push([st, b]);
    return out;
  };
  let depth = 0;
  let semi = false;
  for (let i = from; i < to; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')') depth--;
    else if (depth === 0 && s[i] === ';') semi = true;
  }
  return semi ? cuts(';', from, to) : cuts(',', from, to);
}

const isCount = (t: NumToken) => t.kind === 'num' && !t.range;

function itemsOf(s: string, toks: readonly NumToken[], from: number, to: number): { tok: NumToken; label: string; ambiguous?: boolean }[] {
  const items: { tok: NumToken; label: string; ambiguous?: boolean }[] = [];
  const seg = (a: number, b: number) => {
    const inside = toks.filter((t) => t.start >= a && t.end <= b && depth0(s, a, t.start));
    const counts = inside.filter((t) => isCount(t) || t.kind === 'frac');
    return { inside, counts };
  };
  for (const [a0, b0] of splitItems(s, from, to)) {
    let parts: [number, number][] = [[a0, b0]];
    if (seg(a0, b0).counts.length > 1) parts = splitByComma(s, a0, b0);
    for (const [a, b] of parts) {
      const { counts } = seg(a, b);
      if (counts.length === 0) continue;
      items.push({ tok: counts[0]!, label: s.slice(a, b).trim(), ...(counts.length > 1 ? { ambiguous: true } : {}) });
    }
  }
  return items;
}

function splitByComma(s: string, a: number, b: number): [number, number][] {
  const out: [number, number][] = [];
  let depth = 0;
  let st = a;
  for (let i = a; i < b; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && s[i] === ',') {
      out.push([st, i]);
      st = i + 1;
    } else if (depth === 0 && /^\s(và|với)\s/u.test(s.slice(i, i + 5))) {
      out.push([st, i]);
      st = i + 1;
    }
  }
  out.push([st, b]);
  return out;
}

function depth0(s: string, from: number, at: number): boolean {
  let depth = 0;
  for (let i = from; i < at; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')') depth = Math.max(0, depth - 1);
  }
  return depth === 0;
}

function findLists(s: string, toks: readonly NumToken[], ends: readonly number[]): List[] {
  const lists: List[] = [];
  const sentenceOf = (at: number) => {
    let a = 0;
    let b = s.length;
    for (const e of ends) {
      if (e <= at) a = e;
      else {
        b = e;
        break;
      }
    }
    return [a, b] as const;
  };
  // (a) parenthesised breakdowns right after a count or a fraction
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '(') continue;
    const close = matchParen(s, i);
    if (close < 0) continue;
    let prev = [...toks].reverse().find((t) => t.end <= i);
    let inner = i + 1;
    const body = s.slice(inner, close);
    const opens = /^[\s*_]*(trong\s+đó|bao\s+gồm|gồm)/iu.test(body);
    // "…, đạt tỷ lệ 53,3%. (Trong đó: …)": the fraction the percentage was computed from
    if (prev?.kind === 'pct' && opens && /^\s*\.?\s*$/.test(s.slice(prev.end, i))) {
      const k = toks.indexOf(prev);
      const f = toks[k - 1];
      if (f?.kind === 'frac' && !/[;.]\s/.test(s.slice(f.end, prev.start))) prev = f;
    }
    if (!prev || !(isCount(prev) || prev.kind === 'frac')) continue;
    const between = s.slice(prev.end, i);
    const okBetween = /^[\s\p{L}*&,:]{0,40}$/u.test(between) && !/[.;]/.test(between) && between.split(/\s+/).filter(Boolean).length <= 5;
    const okOpen = opens && /^[\s\p{L}*&,:%\d]{0,160}\.?\s*$/u.test(between) && !/[;]/.test(between);
    if (!okBetween && !okOpen) continue;
    if (CHANGE_WORDS.test(body)) continue;
    const trig = /^[\s*_]*(trong\s+đó|bao\s+gồm|gồm\s+có|gồm)(\s+có)?\s*:?/iu.exec(body);
    if (trig) inner += trig[0].length;
    const items = itemsOf(s, toks, inner, close);
    if (items.length < 2) continue;
    lists.push({ total: prev, items, start: prev.start, end: close + 1, complete: !trig || !/trong/i.test(trig[1]!), totalLabel: labelBefore(s, prev) });
  }
  // (b) "…, trong đó: a; b; c" and "gồm: …", "cụ thể: …" to the end of the sentence
  TRIGGER.lastIndex = 0;
  for (let m = TRIGGER.exec(s); m; m = TRIGGER.exec(s)) {
    if (!depth0(s, 0, m.index)) continue;
    if (lists.some((l) => m!.index >= l.start && m!.index < l.end)) continue;
    const [sa, sb] = sentenceOf(m.index);
    const before = toks.filter((t) => t.kind !== 'pct' && t.end <= m!.index && t.start >= sa && depth0(s, sa, t.start));
    const last = before[before.length - 1];
    let to = sb;
    // a trigger ending its line takes the bullet lines after it
    if (/^\s*\**\s*\n/.test(s.slice(m.index + m[0].length))) {
      const rest = s.slice(m.index + m[0].length);
      const bl = /^(\s*\**\s*\n(?:[ \t]*[-+•][^\n]*(?:\n|$))+)/.exec(rest);
      to = bl ? m.index + m[0].length + bl[1]!.length : sb;
    }
    // "…, trong đó a …, b …; đang giải quyết c": a list separated by commas ends at the first ";"
    {
      const from = m.index + m[0].length;
      let depth = 0;
      let first: string | null = null;
      for (let i = from; i < to; i++) {
        const c = s[i]!;
        if (c === '(') depth++;
        else if (c === ')') depth = Math.max(0, depth - 1);
        else if (depth === 0 && (c === ',' || c === ';')) {
          if (first === null) first = c;
          else if (first === ',' && c === ';') {
            to = i;
            break;
          }
        }
      }
    }
    const items = itemsOf(s, toks, m.index + m[0].length, to);
    // the last figure before the trigger, unless a breakdown in parentheses already took it ("57 (gồm …); trong đó:")
    const total = last && (isCount(last) || last.kind === 'frac') && !lists.some((l) => l.total === last) ? last : null;
    if (items.length === 0) continue; // one item is no sum, but its rate takes the total as denominator
    lists.push({ total, items, start: total?.start ?? m.index, end: to, complete: !/trong/i.test(m[1]!), totalLabel: total ? labelBefore(s, total) : s.slice(sa, m.index) });
  }
  return lists;
}

/** The words of the clause before a figure (its label), lower case. */
function labelBefore(s: string, t: NumToken): string {
  let a = Math.max(s.lastIndexOf(',', t.start - 1), s.lastIndexOf(';', t.start - 1), s.lastIndexOf('(', t.start - 1), s.lastIndexOf('.', t.start - 2), s.lastIndexOf('\n', t.start - 1));
  // "Kết quả giải quyết TTHC: tổng số hồ sơ tiếp nhận 15.234": the words after a colon, unless the colon is right before the figure
  const colon = s.lastIndexOf(':', t.start - 1);
  if (colon > a && /\p{L}/u.test(s.slice(colon + 1, t.start))) a = colon;
  const tail = /^[^,;()\n.]*/.exec(s.slice(t.end))![0];
  return `${s.slice(a + 1, t.start)} ${tail}`.toLowerCase().replace(/[*_]/g, ' ').replace(/\s+/g, ' ').trim();
}

// Dimensions of dossier counts: a list mixing two of them is not a partition.
const DIMENSIONS: readonly [string, RegExp][] = [
  ['channel', /trực tuyến|trực tiếp|bưu chính|kỳ trước|chuyển qua|chuyển sang|tồn|mới tiếp nhận|tiếp nhận mới/u],
  ['outcome', /trước hạn|đúng hạn|quá hạn|trễ hạn|trễ hẹn|đang giải quyết|đang xử lý|đang trong hạn|rút|trả lại|đã giải quyết|chưa giải quyết/u],
  ['level', /một phần|toàn trình|mức độ/u],
];

function dimensionsOf(label: string): Set<string> {
  const d = new Set<string>();
  for (const [name, re] of DIMENSIONS) if (re.test(label)) d.add(name);
  return d;
}

// ---------------------------------------------------------------------------------------------
// Canonical dossier quantities (for the balance and contradictions)

type Canon = 'received' | 'resolved' | 'pending' | 'withdrawn' | 'late' | 'online' | 'carried';

function canonOf(label: string, unit: string | null): Canon | null {
  if (!(unit === 'hồ sơ' || unit === 'bộ' || (unit === null && /hồ sơ/u.test(label)))) return null;
  if (/tthc|thủ tục/u.test(label.replace(/(hồ sơ|hs) tthc/u, ''))) return null;
  if (/tỷ lệ|%|số hóa|số hoá|đồng bộ|ký số|thanh toán|đánh giá/u.test(label)) return null;
  const dims = dimensionsOf(label);
  if (/rút/u.test(label)) return 'withdrawn';
  if (/kỳ trước|chuyển qua|chuyển sang|tồn/u.test(label) && !/đang|đã giải quyết/u.test(label)) return 'carried';
  if (/đang (trong hạn )?(giải quyết|xử lý)/u.test(label)) return 'pending';
  if (/(quá hạn|trễ hạn|trễ hẹn)/u.test(label) && !/trước hạn|đúng hạn|trong hạn|đang/u.test(label)) return 'late';
  if (/đã giải quyết/u.test(label) && !/trước hạn|đúng hạn|quá hạn|trễ/u.test(label)) return 'resolved';
  if ((/tổng số/u.test(label) && /tiếp nhận/u.test(label) || /đã tiếp nhận|^tiếp nhận/u.test(label)) && !dims.has('level') && !/trực tuyến|trực tiếp|bưu chính|mới|kỳ trước|số hóa|số hoá/u.test(label)) return 'received';
  if (/trực tuyến/u.test(label) && !/trực tiếp|bưu chính|một phần|toàn trình|đồng bộ|số hóa|cổng|hệ thống/u.test(label) && dims.size === 1) return 'online';
  return null;
}

const PERIOD = /(quý\s+[IV]+(?:\s*\/\s*\d{4}|\s+năm\s+\d{4})?|\d+\s+tháng(?:\s+đầu\s+năm)?(?:\s+\d{4})?|tháng\s+\d{1,2}\s*\/\s*\d{4}|năm\s+\d{4}|từ\s+ngày\s+[\d/]+\s*(?:đến|-|–)\s*(?:ngày\s+)?[\d/]+)/giu;

function periodAt(s: string, at: number): string | null {
  let last: string | null = null;
  PERIOD.lastIndex = 0;
  for (let m = PERIOD.exec(s); m && m.index < at; m = PERIOD.exec(s)) last = m[1]!.toLowerCase().replace(/\s+/g, ' ');
  return last;
}

// ---------------------------------------------------------------------------------------------
// Extraction

/**
 * Read the figures a report's text claims (đọc số liệu từ văn bản báo cáo): rates ("a/b … đạt
 * x%", "x% (a/b hồ sơ)", "a hồ sơ, đạt tỷ lệ x%" with the total of its list as denominator),
 * sums ("N hồ sơ (trong đó: a …; b …)", "gồm", "cụ thể"), the balance received = resolved +
 * pending (+ withdrawn) where the text states them, markdown tables (row and column totals) and
 * the same dossier quantity printed twice. Numbers are read the Vietnamese way ("1.031",
 * "0,014 %", "6,648 tỷ"); dates, years and document numbers are never figures.
 *
 * @throws {MotcuaError} `INVALID_INPUT` when `text` is not a string.
 *
 * @example
 * ```ts
 * import { extractClaims } from 'motcua/kpi';
 * const [c] = extractClaims('Trả trước và đúng hạn 354/368 hồ sơ, đạt 96,19%.');
 * c?.kind; // 'rate'
 * c?.numerator; // 354
 * c?.printed; // '96,19%'
 * ```
 */
export function extractClaims(text: string): ExtractedClaim[] {
  if (typeof text !== 'string') throw new MotcuaError('INVALID_INPUT', { vi: `cần văn bản của báo cáo, nhận được ${show(text, 'vi')}`, en: `expected the report's text, got ${show(text)}` }, text, 'text');
  // NFC: a text in decomposed form (tone marks as combining characters) reads like any other
  const lines = text.normalize('NFC').replace(/\r\n?/g, '\n').split('\n');
  const { paras, tables } = paragraphs(lines);
  const claims: ExtractedClaim[] = [];
  const canonSeen: { canon: Canon; value: Dec; line: number; raw: string; label: string; prefix?: string; period: string | null; para: number; section: number; inList: boolean }[] = [];
  const allFigs: Fig[] = [];
  const parsed = paras.map((p) => {
    const toks = tokenize(p.s);
    for (const t of toks) {
      if (t.kind === 'num' && !t.range) allFigs.push({ value: t.value, line: lineOf(p, t.start), raw: t.raw });
      if (t.kind === 'frac') {
        allFigs.push({ value: t.num!, line: lineOf(p, t.start), raw: t.raw.split('/')[0]! });
        allFigs.push({ value: t.den!, line: lineOf(p, t.start), raw: t.raw.split('/')[1]! });
      }
    }
    return toks;
  });
  // every figure of the report, nearest first: where to look for what reproduces a print
  const nearbyOf = (line: number): Fig[] => [...allFigs].sort((a, b) => Math.abs(a.line - line) - Math.abs(b.line - line) || a.line - b.line);

  paras.forEach((p, pi) => {
    const s = p.s;
    const toks = parsed[pi]!;
    const ends = sentenceEnds(s);
    const sentence = (at: number) => {
      let a = 0;
      for (const e of ends) if (e <= at) a = e;
      return a;
    };
    const span = (a: number, b: number) => ({ line: lineOf(p, a), text: s.slice(a, b).replace(/\s*\n\s*/g, ' ') });
    const lists = findLists(s, toks, ends);
    const listOf = new Map<NumToken, List>();
    for (const l of lists) for (const it of l.items) if (l.total) listOf.set(it.tok, l);

    // --- rates
    const usedFrac = new Set<NumToken>();
    const pcts = toks.filter((t) => t.kind === 'pct');
    const pairs = new Map<NumToken, NumToken>();
    // "x% (a/b …)" and "x% a/b": the fraction right after the percentage
    for (const pc of pcts) {
      const i = toks.indexOf(pc);
      const next = toks[i + 1];
      if (next?.kind === 'frac' && /^[\s*]*\(?[\s*]*$/.test(s.slice(pc.end, next.start))) {
        const after = toks[i + 2];
        const ownPct = !s.slice(pc.end, next.start).includes('(') && after?.kind === 'pct' && sentence(after.start) === sentence(next.start) && !/[;(]/.test(s.slice(next.end, after.start)) && s.slice(next.end, after.start).length < 80;
        if (!ownPct) {
          pairs.set(pc, next);
          usedFrac.add(next);
        }
      }
    }
    // "a/b … đạt x%": the fraction before the percentage, nothing in between
    for (const pc of pcts) {
      if (pairs.has(pc)) continue;
      const i = toks.indexOf(pc);
      const prev = toks[i - 1];
      if (prev?.kind !== 'frac' || usedFrac.has(prev)) continue;
      const between = s.slice(prev.end, pc.start);
      if (sentence(prev.start) !== sentence(pc.start) || between.length > 220 || /[;]/.test(between)) continue;
      if (CHANGE_WORDS.test(wordsBefore(s, pc.start, 3).join(' '))) continue;
      pairs.set(pc, prev);
      usedFrac.add(prev);
    }
    for (const pc of pcts) {
      const before3 = wordsBefore(s, pc.start, 3).join(' ');
      if (CHANGE_WORDS.test(before3) && !pairs.has(pc)) continue; // "tăng 50%": a change, not a share
      const fr = pairs.get(pc);
      const p = pc.printed!;
      const printed = pc.raw.trim();
      const bound = pc.bound;
      const boundWord = bound ? boundText(s, pc) : '';
      if (fr) {
        const a = Math.min(fr.start, pc.start);
        // "2,55% (1.031/39.357 hồ sơ)": the span runs to the closing parenthesis
        const close = fr.start > pc.start && s.slice(pc.end, fr.start).includes('(') ? /^[^()\n]{0,40}\)/u.exec(s.slice(fr.end)) : null;
        const b = Math.max(fr.end, pc.end) + (close ? close[0].length : 0);
        const sp = span(a, b);
        // "120/125 hồ sơ, tỷ lệ hài lòng đạt 95%": a rate naming its own subject between the two may not be this fraction's
        // "27/28 nhiệm vụ, 100% cán bộ được tập huấn": a percentage opening its own clause, no "đạt/tỷ lệ/bằng/chiếm" before it
        const between = s.slice(fr.end, pc.start);
        const own = fr.start < pc.start && (/(tỷ lệ|tỉ lệ)\s+(?!(?:đạt|là|chiếm|bằng)\b)[\p{L}]/iu.test(between)
          || !/(đạt|chiếm|bằng|tỷ lệ|tỉ lệ|\blà|=|\(|:)[\s*]*(?:(?:tỷ|tỉ) lệ[\s*]*)?(?:(?:gần|trên|hơn|khoảng|dưới|ước|xấp xỉ)[\s*]+)?$/iu.test(between));
        claims.push({ ...sp, kind: 'rate', printed: `${boundWord}${printed}`, numerator: toNumber(fr.num!), denominator: toNumber(fr.den!), total: null, parts: null, _: { t: 'rate', n: fr.num!, d: fr.den!, p, bound, explicit: !own, ...(own ? { note: OWN_SUBJECT } : {}), nearby: nearbyOf(sp.line).filter((f) => !(decEq(f.value, fr.num!) || decEq(f.value, fr.den!))) } });
        continue;
      }
      // "a hồ sơ, đạt tỷ lệ x%": the count before, the denominator implied
      const i = toks.indexOf(pc);
      const prev = toks[i - 1];
      const between = prev ? s.slice(prev.end, pc.start) : '';
      // only connectors between the count and the percentage: "1868 hồ sơ, đạt tỷ lệ 99,04 %", "903 hồ sơ trực tuyến (chiếm 63,95%)"
      const connectorsOnly = /^[\s*]*[\p{L}&/ ]{0,40}?[\s,(*:–-]*(?:(?:đạt|chiếm|bằng)(?:\s+(?:tỷ|tỉ)\s+lệ)?|(?:tỷ|tỉ)\s+lệ)\s*(?:là)?\s*:?\s*$/iu.test(between) && !/(tỷ|tỉ) lệ\s+\p{L}/iu.test(between.replace(/(tỷ|tỉ) lệ\s*(là)?\s*:?\s*$/iu, ''));
      if (prev && isCount(prev) && sentence(prev.start) === sentence(pc.start) && between.length <= 80 && connectorsOnly && !/[;]/.test(between)) {
        const list = listOf.get(prev);
        let den: NumToken | null = list?.total && isCount(list.total) ? list.total : null;
        if (!den) {
          // "tiếp nhận N hồ sơ, với M hồ sơ trực tuyến (đạt x%)": the nearest earlier count of the
          // same unit in the clause chain (no ";" and no other percentage between), named as a total
          const cands = toks.filter((t) => isCount(t) && t.end <= prev.start && t.start >= sentence(prev.start) && t.unit === prev.unit && prev.unit !== null && cmp(t.value, prev.value) > 0
            && !/[;]/.test(s.slice(t.end, prev.start)) && !toks.some((o) => o.kind === 'pct' && o.start > t.end && o.start < prev.start)
            && /(tổng|tiếp nhận|đã giải quyết|\blà\b|có)/iu.test(labelBefore(s, t)));
          den = cands[cands.length - 1] ?? null;
        }
        const explicitDen = /so với|trên tổng|của tổng/iu.test(s.slice(pc.end, pc.end + 40));
        const sp = span(prev.start, pc.end);
        claims.push({
          ...sp, kind: 'rate', printed: `${boundWord}${printed}`, numerator: toNumber(prev.value), denominator: den ? toNumber(den.value) : null, total: null, parts: null,
          _: { t: 'rate', n: prev.value, d: explicitDen ? null : (den?.value ?? null), p, bound, explicit: false, nearby: nearbyOf(sp.line).filter((f) => !decEq(f.value, prev.value)) },
        });
        continue;
      }
      // a percentage on its own: nothing to recompute it from
      const sp = span(pc.start, pc.end);
      const ctx = s.slice(Math.max(sentence(pc.start), pc.start - 60), pc.start);
      if (!/(tỷ lệ|tỉ lệ|đạt|chiếm|bằng)/iu.test(ctx + s.slice(pc.end, pc.end + 30))) continue;
      const found = bound ? null : searchPair(s, toks, lists, pc, sentence(pc.start));
      claims.push({
        ...sp, text: clauseAround(s, pc, sentence(pc.start)), kind: 'rate', printed: `${boundWord}${printed}`, numerator: null, denominator: null, total: null, parts: null,
        _: { t: 'fixed', verdict: 'unverifiable', exact: null, hint: found ? [`không in tử số và mẫu số; ${found.text} cho ra ${printed} (tìm thấy trong đoạn, văn bản không nói rõ)`, `no numerator and denominator printed; ${found.text} reproduces ${printed} (found in the paragraph, the text does not state it)`] : ['không in tử số và mẫu số', 'no numerator and denominator printed'] },
      });
    }

    // --- sums
    for (const l of lists) {
      if (!l.total || l.items.length < 2) continue;
      const sp = span(l.start, l.end);
      const labels = l.items.map((it) => it.label.toLowerCase());
      const fams = new Set<string>();
      let generic = false;
      for (const lab of labels) {
        const d = dimensionsOf(lab);
        if (d.size === 0) generic = true;
        for (const x of d) fams.add(x);
      }
      const mixed = fams.size > 1 || (fams.size === 1 && generic);
      const approx = l.total.bound !== null || l.items.some((it) => it.tok.bound !== null || it.ambiguous === true);
      const t = l.total;
      const fracs = l.items.every((it) => it.tok.kind === 'frac');
      if (t.kind === 'frac' && fracs) {
        // "812/1524 (trong đó: 684/1382 …; 128/142 …)": numerators and denominators both add up
        for (const which of ['num', 'den'] as const) {
          const parts = l.items.map((it) => it.tok[which]!);
          claims.push({ ...sp, kind: 'sum', printed: t.raw.split('/')[which === 'num' ? 0 : 1]!, numerator: null, denominator: null, total: toNumber(t[which]!), parts: parts.map(toNumber), _: { t: 'sum', total: t[which]!, parts, mode: mixed || approx ? 'implied' : l.complete ? 'complete' : 'at-most' } });
        }
        continue;
      }
      if (t.kind === 'frac' || l.items.some((it) => it.tok.kind === 'frac')) continue;
      const mults = new Set([t.mult, ...l.items.map((it) => it.tok.mult)]);
      const norm = (x: NumToken) => (mults.size > 1 ? scale(x.value, x.mult) : x.value);
      const parts = l.items.map((it) => norm(it.tok));
      const total = norm(t);
      const overlap = parts.some((x) => cmp(x, total) >= 0) && parts.length > 1;
      let mode: 'exact' | 'complete' | 'at-most' | 'implied' = l.complete ? 'complete' : 'at-most';
      let why: Hint | undefined;
      if (approx) {
        mode = 'implied';
        why = ['có số ước lượng ("khoảng", "trên", "gần"…) hoặc một mục có hai số', 'a figure is approximate ("khoảng", "trên", "gần"…) or an item holds two figures'];
      } else if (mixed) {
        mode = 'implied';
        why = ['danh sách trộn các cách phân loại khác nhau (kênh nộp, kết quả giải quyết, mức độ…), không phải một phép chia', 'the list mixes different breakdowns (channel, outcome, level…), it is not one partition'];
      } else if (overlap) {
        mode = 'implied';
        why = ['một mục bằng hoặc lớn hơn tổng: các mục chồng lấn nhau', 'an item equals or exceeds the total: the items overlap'];
      } else if (!l.complete && fams.size === 0) {
        // "trong đó" over items of no known breakdown may list overlapping attributes
        mode = 'implied';
        why = ['"trong đó" liệt kê các mục không rõ có tách rời nhau không', 'an "of which" list whose items may overlap'];
      } else if (!l.complete && fams.has('outcome') && /đã giải quyết/u.test(l.totalLabel) && labels.some((x) => /trước hạn|đúng hạn|trong hạn/u.test(x)) && labels.some((x) => /quá hạn|trễ hạn|trễ hẹn/u.test(x))) {
        mode = 'complete'; // resolved = early/on time + late
      }
      claims.push({ ...sp, kind: 'sum', printed: t.raw, numerator: null, denominator: null, total: toNumber(total), parts: parts.map(toNumber), _: { t: 'sum', total, parts, mode, ...(why ? { why } : {}) } });
    }

    // --- implied breakdowns: "Trình độ chuyên môn: Đại học 06 người, Cao đẳng 03 người, Trung cấp 02 người."
    // after a paragraph that opened with a total; only ever a match or unverifiable
    const firstCount = toks.find((t) => isCount(t) && depth0(s, 0, t.start));
    const inLists = (t: NumToken) => lists.some((l) => l.total === t || (l.total !== null && l.items.some((it) => it.tok === t)));
    const IMPLIED = /:\s*((?:[\p{L}][\p{L} ]{0,30}?\s+\d[\d.]*\s+[\p{L}]+[ \t]*,\s*)+[\p{L}][\p{L} ]{0,30}?\s+\d[\d.]*\s+[\p{L}]+)\s*(?=[.;\n]|$)/gu;
    for (let m = IMPLIED.exec(s); m; m = IMPLIED.exec(s)) {
      const a = m.index + m[0].indexOf(m[1]!);
      const b = a + m[1]!.length;
      const items = toks.filter((t) => t.start >= a && t.end <= b && isCount(t) && !inLists(t));
      const units = new Set(items.map((t) => t.unit));
      if (items.length < 2 || units.size !== 1 || !firstCount || firstCount.start >= a || inLists(firstCount) || items.includes(firstCount) || firstCount.bound) continue;
      const sp = span(a, b);
      const parts = items.map((t) => t.value);
      claims.push({ ...sp, kind: 'sum', printed: firstCount.raw, numerator: null, denominator: null, total: toNumber(firstCount.value), parts: parts.map(toNumber), _: { t: 'sum', total: firstCount.value, parts, mode: 'implied', why: [`văn bản không nói các mục này cộng lại thành ${firstCount.raw} (dòng ${lineOf(p, firstCount.start)})`, `the text does not say these add up to ${firstCount.raw} (line ${lineOf(p, firstCount.start)})`] } });
    }

    // --- canonical quantities of this paragraph
    for (const t of toks) {
      if (!isCount(t) || t.bound) continue;
      const label = labelBefore(s, t);
      const c = canonOf(label, t.unit);
      // the sentence up to the figure, without its numbers: "Năm 2023, cấp huyện, đã giải quyết" ≠ "Năm 2023, cấp xã, đã giải quyết"
      const prefix = s.slice(sentence(t.start), t.start).toLowerCase().replace(/[\d.,;:()*\s]+/g, ' ').trim();
      if (c) canonSeen.push({ canon: c, value: t.value, line: lineOf(p, t.start), raw: t.raw, label, prefix, period: periodAt(s, t.start), para: pi, section: p.section, inList: listOf.has(t) });
    }
    // "Tổng số hồ sơ đã tiếp nhận, trong đó: mới 2.509; kỳ trước 0" (no total printed): received is the sum
    for (const l of lists) {
      if (l.total || !/tổng số/iu.test(l.totalLabel) || !/tiếp nhận/iu.test(l.totalLabel) || !/hồ sơ/iu.test(l.totalLabel) || l.items.some((it) => it.tok.kind !== 'num' || it.tok.bound)) continue;
      const labs = l.items.map((it) => it.label.toLowerCase());
      if (!labs.some((x) => /mới|trực tuyến|trực tiếp/u.test(x))) continue;
      canonSeen.push({ canon: 'received', value: sum(l.items.map((it) => it.tok.value)), line: lineOf(p, l.start), raw: `${l.items.map((it) => it.tok.raw).join(' + ')}`, label: l.totalLabel, period: periodAt(s, l.start), para: pi, section: p.section, inList: false });
    }
  });

  // --- "…: 1.817 hồ sơ" followed by "+ …: 05 hồ sơ", "+ …: 03 hồ sơ" bullets: an implied breakdown
  paras.forEach((p, pi) => {
    const toks = parsed[pi]!;
    const last = toks[toks.length - 1];
    if (!last || !isCount(last) || last.bound || /^\s*\+/.test(p.s) || !/^[\s\p{L}.*]{0,12}$/u.test(p.s.slice(last.end))) return;
    const items: { tok: NumToken; line: number }[] = [];
    let end = '';
    for (let j = pi + 1; j < paras.length && /^\s*\+\s/.test(paras[j]!.s) && !paras[j]!.s.includes('\n'); j++) {
      const c = parsed[j]!.filter((t) => isCount(t) && !t.bound);
      if (c.length !== 1) return;
      items.push({ tok: c[0]!, line: paras[j]!.firstLine });
      end = paras[j]!.s;
    }
    if (items.length < 2 || items.some((it) => it.tok.bound)) return;
    const parts = items.map((it) => it.tok.value);
    claims.push({
      line: lineOf(p, last.start), text: `${p.s.slice(Math.max(0, p.s.lastIndexOf('\n', last.start) + 1)).trim()} … ${end.trim()}`, kind: 'sum', printed: last.raw, numerator: null, denominator: null, total: toNumber(last.value), parts: parts.map(toNumber),
      _: { t: 'sum', total: last.value, parts, mode: 'implied', why: ['các gạch đầu dòng "+" có thể không liệt kê hết', 'the "+" bullets may not be exhaustive'] },
    });
  });

  // --- the balance: received = resolved + pending (+ withdrawn), where the text states them
  const sections = new Set(canonSeen.map((c) => c.section));
  for (const sec of sections) {
    const inSec = canonSeen.filter((c) => c.section === sec);
    const first = (k: Canon) => inSec.filter((c) => c.canon === k);
    const [r] = first('received');
    const [sv] = first('resolved');
    const [pd] = first('pending');
    const [w] = first('withdrawn');
    if (!r || !sv || !pd || first('received').length > 1 || first('resolved').length > 1 || first('pending').length > 1) continue;
    if (r.period !== sv.period && sv.period !== null && r.period !== null) continue;
    const parts = [sv.value, pd.value, ...(w ? [w.value] : [])];
    const lineA = Math.min(r.line, sv.line, pd.line);
    // carried-over dossiers printed apart from the received total: it may or may not include them
    const [co] = first('carried');
    if (co && !co.inList && co.value.m !== 0n) {
      const withCarried = viNum.add(r.value, co.value);
      const got = sum(parts);
      const verdict: TextVerdict = decEq(got, r.value) || decEq(got, withCarried) ? 'match' : cmp(got, withCarried) > 0 ? 'mismatch' : 'unverifiable';
      claims.push({
        line: lineA, text: `tiếp nhận ${r.raw} (+ kỳ trước ${co.raw}) = đã giải quyết ${sv.raw} + đang giải quyết ${pd.raw}${w ? ` + rút ${w.raw}` : ''}`, kind: 'balance', printed: r.raw, numerator: null, denominator: null, total: toNumber(r.value), parts: parts.map(toNumber),
        _: { t: 'fixed', verdict, exact: toNumber(got), hint: verdict === 'match' ? null : [`đã giải quyết + đang giải quyết${w ? ' + rút' : ''} = ${vi(got)}; tiếp nhận ${vi(r.value)}, cộng kỳ trước ${vi(withCarried)}`, `resolved + pending${w ? ' + withdrawn' : ''} = ${vi(got)}; received ${vi(r.value)}, with those carried over ${vi(withCarried)}`] },
      });
      continue;
    }
    claims.push({
      line: lineA, text: `tiếp nhận ${r.raw} = đã giải quyết ${sv.raw} + đang giải quyết ${pd.raw}${w ? ` + rút ${w.raw}` : ''}`, kind: 'balance', printed: r.raw, numerator: null, denominator: null, total: toNumber(r.value), parts: parts.map(toNumber),
      _: { t: 'sum', total: r.value, parts, mode: 'at-most', why: ['còn có thể có hồ sơ trả lại hoặc kết thúc khác không nêu trong văn bản', 'dossiers returned or ended otherwise may not be stated'] },
    });
  }

  // --- the same dossier quantity printed twice with different values
  const byCanon = new Map<Canon, typeof canonSeen>();
  for (const c of canonSeen) byCanon.set(c.canon, [...(byCanon.get(c.canon) ?? []), c]);
  for (const [canon, occ] of byCanon) {
    for (let i = 0; i < occ.length; i++) {
      for (let j = i + 1; j < occ.length; j++) {
        const a = occ[i]!;
        const b = occ[j]!;
        if (decEq(a.value, b.value)) continue;
        if (a.period !== null && b.period !== null && a.period !== b.period) continue; // different periods
        // a mismatch only for the very same words in the same paragraph and period; anything else may differ in scope
        const same = a.para === b.para && a.period === b.period && a.prefix !== undefined && a.prefix === b.prefix && a.label.replace(/[\d.,]+/g, '') === b.label.replace(/[\d.,]+/g, '');
        claims.push({
          line: b.line, text: `${a.raw} (dòng ${a.line}) ≠ ${b.raw} (dòng ${b.line})`, kind: 'contradiction', printed: b.raw, numerator: null, denominator: null, total: toNumber(a.value), parts: [toNumber(b.value)],
          _: {
            t: 'fixed', verdict: same ? 'mismatch' : 'unverifiable', exact: null,
            hint: [
              `cùng chỉ tiêu "${CANON_VI[canon]}" in hai giá trị khác nhau: ${vi(a.value)} ở dòng ${a.line} ("${a.label}") và ${vi(b.value)} ở dòng ${b.line} ("${b.label}")${same ? '' : '; có thể khác kỳ hoặc phạm vi'}`,
              `the same quantity "${canon}" is printed twice: ${vi(a.value)} on line ${a.line} ("${a.label}") and ${vi(b.value)} on line ${b.line} ("${b.label}")${same ? '' : '; the period or scope may differ'}`,
            ],
          },
        });
        break;
      }
    }
  }

  for (const tb of tables) claims.push(...tableClaims(tb.first, tb.rows));
  return claims.sort((a, b) => a.line - b.line);
}

/** The clause a lone percentage sits in: "Tỷ lệ số hóa đạt 100%", "100% văn bản được ký số". */
function clauseAround(s: string, pc: NumToken, sentStart: number): string {
  const a = Math.max(sentStart, s.lastIndexOf(',', pc.start - 1) + 1, s.lastIndexOf(';', pc.start - 1) + 1);
  let b = pc.end;
  if (pc.start - a < 12) {
    const m = /^[^,;.\n]{0,80}/.exec(s.slice(pc.end));
    b = pc.end + (m ? m[0].length : 0);
  }
  return s.slice(a, b).replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * "Tỷ lệ hồ sơ nộp trực tuyến đạt 43,6% so với tổng số hồ sơ được tiếp nhận mới": a count of
 * the paragraph named like the rate (numerator), over a count, a list's total or the sum of two
 * items of a list (denominator), that reproduces the print. Only ever a hint.
 */
function searchPair(s: string, toks: readonly NumToken[], lists: readonly List[], pc: NumToken, sentStart: number): { text: string } | null {
  const subject = s.slice(sentStart, pc.start).toLowerCase();
  const keys = ['trực tuyến', 'trực tiếp', 'bưu chính', 'trước hạn', 'đúng hạn', 'quá hạn', 'trễ hạn', 'toàn trình', 'một phần', 'số hóa', 'số hoá'].filter((k) => subject.includes(k));
  if (!keys.length) return null;
  const counts = toks.filter((t) => isCount(t) && t.end <= pc.start && t.mult === 0);
  const nums = counts.filter((t) => keys.some((k) => labelBefore(s, t).includes(k)));
  const p = pc.printed!;
  for (const n of nums) {
    const dens: { v: Dec; text: string }[] = counts.filter((t) => cmp(t.value, n.value) > 0).map((t) => ({ v: t.value, text: vi(t.value) }));
    for (const l of lists) {
      if (!l.items.some((it) => it.tok === n)) continue;
      const its = l.items.filter((it) => it.tok.kind === 'num');
      for (let i = 0; i < its.length; i++) for (let j = i + 1; j < its.length; j++) dens.push({ v: viNum.add(its[i]!.tok.value, its[j]!.tok.value), text: `(${vi(its[i]!.tok.value)} + ${vi(its[j]!.tok.value)})` });
    }
    for (const d of dens) if (reproduces(n.value, d.v, p, true) === 'half-up') return { text: `${vi(n.value)}/${d.text}` };
  }
  return null;
}

const OWN_SUBJECT: Hint = ['tỷ lệ này nêu đối tượng riêng, có thể không tính từ tỷ số đứng trước', 'the rate names its own subject and may not be computed from the fraction before it'];

const CANON_VI: Record<Canon, string> = { carried: 'số hồ sơ kỳ trước chuyển sang', received: 'tổng số hồ sơ tiếp nhận', resolved: 'số hồ sơ đã giải quyết', pending: 'số hồ sơ đang giải quyết', withdrawn: 'số hồ sơ rút', late: 'số hồ sơ quá hạn', online: 'số hồ sơ trực tuyến' };

function boundText(s: string, t: NumToken): string {
  const w = wordsBefore(s, t.start, 2);
  if (t.bound === 'at-least') return '';
  if (t.bound === 'about' && w[0] === 'đạt' && w[1] === 'ước') return 'ước đạt ';
  if (t.bound === 'below' && w[0] !== 'dưới') return `${w[1]} ${w[0]} `;
  return `${w[0]} `;
}

// ---------------------------------------------------------------------------------------------
// Tables (markdown, and Word tables rendered as markdown)

function tableClaims(firstLine: number, rows: readonly string[]): ExtractedClaim[] {
  const cellsOf = (r: string) => r.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim().replace(/^\*+|\*+$/g, '').trim());
  const grid = rows.map(cellsOf);
  const isSep = (cells: string[]) => cells.every((c) => /^:?-{2,}:?$/.test(c) || c === '');
  const numAt = (c: string): Dec | null => (c === '' ? null : parseNumCell(c));
  const data: { line: number; cells: string[]; vals: (Dec | null)[]; total: boolean }[] = [];
  grid.forEach((cells, i) => {
    if (isSep(cells)) return;
    const vals = cells.map(numAt);
    const numeric = vals.filter((v) => v !== null).length;
    const label = cells.find((c) => c !== '' && numAt(c) === null) ?? '';
    const total = /^(tổng|cộng|tổng cộng|tổng số|toàn)/iu.test(label);
    if (numeric >= 2) data.push({ line: firstLine + i, cells, vals, total });
  });
  if (data.length < 2) return [];
  const width = Math.max(...data.map((d) => d.vals.length));
  // the STT column: 1, 2, 3… down the rows
  const stt = new Set<number>();
  for (let c = 0; c < width; c++) {
    const col = data.filter((d) => !d.total).map((d) => d.vals[c]);
    if (col.length >= 2 && col.every((v, k) => v !== null && v !== undefined && v.e === 0 && v.m === BigInt(k + 1))) stt.add(c);
  }
  // rates and averages are not counts: a "%" anywhere in the column, a header naming a rate, or
  // decimals in a table of whole numbers
  const headers = grid.filter((cells, i) => !isSep(cells) && !data.some((d) => d.line === firstLine + i));
  const rateCol = (c: number) => grid.some((cells) => /%/.test(cells[c] ?? '')) || headers.some((h) => /(tỷ|tỉ)\s*lệ|bình quân|trung bình|điểm/iu.test(h[c] ?? ''));
  const decimals = (c: number) => data.some((d) => (d.vals[c]?.e ?? 0) < 0);
  const wholeTable = [...Array(width).keys()].some((c) => !decimals(c) && data.some((d) => d.vals[c] !== null && d.vals[c] !== undefined));
  const cols = [...Array(width).keys()].filter((c) => !stt.has(c) && data.filter((d) => d.vals[c] !== null && d.vals[c] !== undefined).length >= Math.ceil(data.length / 2) && !rateCol(c) && !(wholeTable && decimals(c)));
  const out: ExtractedClaim[] = [];
  const get = (d: (typeof data)[number], c: number) => d.vals[c] ?? null;
  // row totals: a column equal to the sum of the columns right after it, in most rows
  const relations: { c: number; parts: number[] }[] = [];
  for (let ci = 0; ci < cols.length; ci++) {
    let best: { parts: number[]; holds: number; informative: number } | null = null;
    for (let k = ci + 2; k <= cols.length; k++) {
      const parts = cols.slice(ci + 1, k);
      if (parts.length < 2) continue;
      let holds = 0;
      let informative = 0;
      let rowsWith = 0;
      for (const d of data) {
        const t = get(d, cols[ci]!);
        const ps = parts.map((c) => get(d, c));
        if (t === null || ps.some((x) => x === null)) continue;
        rowsWith++;
        if (decEq(t, sum(ps as Dec[]))) {
          holds++;
          if (ps.filter((x) => x!.m !== 0n).length >= 2) informative++;
        }
      }
      if (rowsWith >= 3 && informative >= 2 && holds >= Math.max(3, Math.ceil(rowsWith * 0.75)) && (!best || holds > best.holds)) best = { parts, holds, informative };
    }
    if (best && !relations.some((r) => r.parts.includes(cols[ci]!) && false)) relations.push({ c: cols[ci]!, parts: best.parts });
  }
  for (const r of relations) {
    for (const d of data) {
      const t = get(d, r.c);
      const ps = r.parts.map((c) => get(d, c));
      if (t === null || ps.some((x) => x === null)) continue;
      out.push({ line: d.line, text: rows[d.line - firstLine]!.trim(), kind: 'table-row', printed: d.cells[r.c]!, numerator: null, denominator: null, total: toNumber(t), parts: (ps as Dec[]).map(toNumber), _: { t: 'sum', total: t, parts: ps as Dec[], mode: 'exact' } });
    }
  }
  // column totals: a "Tổng"/"Cộng" row equal to the sum of the rows above it
  const totalRows = data.filter((d) => d.total);
  for (const tr of totalRows) {
    let above = data.filter((d) => !d.total && d.line < tr.line && !totalRows.some((o) => o.line < tr.line && o.line > d.line));
    // a total row printed first ("Tổng cộng" right under the header) sums the rows below it
    if (above.length < 2) above = data.filter((d) => !d.total && d.line > tr.line && !totalRows.some((o) => o.line > tr.line && o.line < d.line));
    if (above.length < 2) continue;
    const checks = cols.map((c) => {
      const t = get(tr, c);
      const ps = above.map((d) => get(d, c) ?? dec(0));
      return { c, t, ps };
    }).filter((x) => x.t !== null);
    const holding = checks.filter((x) => decEq(x.t!, sum(x.ps))).length;
    const established = holding >= 1 && holding * 2 >= checks.length;
    for (const x of checks) {
      out.push({
        line: tr.line, text: rows[tr.line - firstLine]!.trim(), kind: 'table-column', printed: tr.cells[x.c]!, numerator: null, denominator: null, total: toNumber(x.t!), parts: x.ps.map(toNumber),
        _: { t: 'sum', total: x.t!, parts: x.ps, mode: established ? 'exact' : 'implied', ...(established ? {} : { why: ['hầu hết các cột của dòng tổng không bằng tổng các dòng trên: có thể có dòng tổng phụ', 'most columns of the total row do not equal the rows above: there may be subtotal rows'] as Hint }) },
      });
    }
  }
  return out;
}

function parseNumCell(c: string): Dec | null {
  return viNum.parseViNumber(c.replace(/\s+/g, ''));
}

// ---------------------------------------------------------------------------------------------
// Verdicts

/**
 * Check a report from its text (kiểm tra báo cáo từ văn bản): every claim {@link extractClaims}
 * finds, with its exact value, a verdict and a hint. Precision before recall: a relation the
 * text only implies is `unverifiable`, never `mismatch`.
 *
 * @throws {MotcuaError} `INVALID_INPUT` when `text` is not a string.
 *
 * @example
 * ```ts
 * import { checkText } from 'motcua/kpi';
 * const r = checkText('Hồ sơ quá hạn 15/1067 hồ sơ, tỷ lệ 0,014 %.');
 * r.claims[0]?.verdict; // 'mismatch'
 * r.claims[0]?.hint; // 'in tỷ số 15/1.067 = 0,014 kèm dấu "%" thay cho tỷ lệ phần trăm; đúng là 1,41%'
 * r.ok; // false
 * ```
 */
export function checkText(text: string, options: CheckTextOptions = {}): TextCheck {
  const byLocale = options.locale !== undefined;
  const lang = options.locale ?? options.lang ?? 'vi';
  const name = byLocale ? 'locale' : 'lang';
  if (lang !== 'vi' && lang !== 'en') throw new MotcuaError('INVALID_OPTION', { vi: `${name} phải là 'vi' hoặc 'en', nhận được ${show(lang, 'vi')}`, en: `${name} must be 'vi' or 'en', got ${show(lang)}` }, lang, name);
  const claims = extractClaims(text).map((c) => judge(c, lang === 'en' ? 1 : 0));
  return { claims, ok: claims.every((c) => c.verdict !== 'mismatch') };
}

function judge(c: ExtractedClaim, L: 0 | 1): TextClaim {
  const { _: x, ...rest } = c;
  const base = { ...rest };
  if (x.t === 'fixed') return { ...base, exact: x.exact, value: null, verdict: x.verdict, hint: x.hint ? x.hint[L] : null };
  if (x.t === 'sum') {
    const s = sum(x.parts);
    const diff = sub(x.total, s);
    const exact = toNumber(s);
    const partsTxt = x.parts.map(vi).join(' + ');
    if (diff.m === 0n) return { ...base, exact, value: null, verdict: 'match', hint: null };
    const more = diff.m < 0n;
    const absDiff = vi(more ? { m: -diff.m, e: diff.e } : diff);
    const said: Hint = more
      ? [`các thành phần cộng lại ${partsTxt} = ${vi(s)}, nhiều hơn tổng ${vi(x.total)} là ${absDiff}`, `the parts add up to ${partsTxt} = ${vi(s)}, ${absDiff} more than the total ${vi(x.total)}`]
      : [`các thành phần cộng lại ${partsTxt} = ${vi(s)}, ít hơn tổng ${vi(x.total)} là ${absDiff}`, `the parts add up to ${partsTxt} = ${vi(s)}, ${absDiff} less than the total ${vi(x.total)}`];
    const digit = oneDigitSlip(x.total, s);
    const slip: Hint = digit ? [`; chỉ khác nhau một chữ số (${digit})`, `; they differ in one digit (${digit})`] : ['', ''];
    let verdict: TextVerdict;
    let why: Hint | undefined = x.why;
    if (x.mode === 'exact' || x.mode === 'complete') verdict = 'mismatch';
    else if (x.mode === 'at-most') {
      verdict = more ? 'mismatch' : 'unverifiable';
      if (!more && !why) why = ['danh sách "trong đó" có thể không liệt kê hết', 'an "of which" list may not be exhaustive'];
    } else verdict = 'unverifiable';
    if (verdict === 'mismatch') why = undefined;
    return { ...base, exact, value: null, verdict, hint: `${said[L]}${slip[L]}${why ? ` (${why[L]})` : ''}` };
  }
  // rates
  const p = x.p;
  if (x.n === null || x.d === null) {
    const hint = x.n !== null ? searchHint(x.n, null, x, L) : null;
    return { ...base, exact: null, value: null, verdict: 'unverifiable', hint: hint ?? (x.n === null ? ['không in tử số và mẫu số', 'no numerator and denominator printed'][L]! : ['mẫu số không được nêu rõ', 'the denominator is not stated'][L]!) };
  }
  const value = fractionOf(x.n, x.d);
  const frac = `${vi(x.n)}/${vi(x.d)}`;
  if (x.d.m === 0n) return { ...base, exact: null, value, verdict: x.explicit ? 'mismatch' : 'unverifiable', hint: ['mẫu số bằng 0: tỷ lệ không xác định', 'the denominator is 0: the rate is not applicable'][L]! };
  const asPercent = p.percent || p.digits >= 10n ** BigInt(p.decimals);
  const hu = halfUpPrint(x.n, x.d, p, asPercent);
  if (x.bound) return judgeBound(base, x, value, frac, halfUpPrint(x.n, x.d, { ...p, decimals: Math.max(p.decimals, 2) }, asPercent), L);
  const how = reproduces(x.n, x.d, p, asPercent);
  if (how === 'half-up') return { ...base, exact: null, value, verdict: 'match', hint: null };
  if (how === 'truncate') return { ...base, exact: null, value, verdict: 'match-truncated', hint: [`${frac} bị cắt số thay vì làm tròn: làm tròn thì in ${hu}`, `${frac} truncated instead of rounded: half-up rounding prints ${hu}`][L]! };
  const explained = explainRate(x.n, x.d, p, asPercent, hu, frac, x.nearby, L);
  if (x.note) return { ...base, exact: null, value, verdict: 'unverifiable', hint: `${[`${frac} = ${hu}, không phải ${printedText(p)}`, `${frac} = ${hu}, not ${printedText(p)}`][L]!}; ${x.note[L]}` };
  if (!x.explicit) {
    // the denominator was implied: another figure nearby reproducing the print means it may not be the one meant
    const alt = searchHint(x.n, x.d, x, L);
    if (alt) return { ...base, exact: null, value, verdict: 'unverifiable', hint: [`${frac} = ${hu}, không phải ${printedText(p)}; mẫu số chỉ được ngầm hiểu`, `${frac} = ${hu}, not ${printedText(p)}; the denominator is only implied`][L]! + `; ${alt}` };
  }
  return { ...base, exact: null, value, verdict: 'mismatch', hint: explained };
}

const printedText = (p: PrintedRate) => `${viNum.printScaledVi(p.digits, p.decimals, p.comma)}${p.percent ? '%' : ''}`;

function explainRate(n: Dec, d: Dec, p: PrintedRate, asPercent: boolean, hu: string, frac: string, nearby: readonly Fig[], L: 0 | 1): string {
  if (reproduces(n, d, p, !asPercent)) {
    const pct2 = halfUpPrint(n, d, { ...p, decimals: Math.min(p.decimals, 2) }, true);
    return asPercent
      ? [`in tỷ số ${frac} = ${printedText({ ...p, percent: false })} kèm dấu "%" thay cho tỷ lệ phần trăm; đúng là ${pct2}`, `the fraction ${frac} = ${printedText({ ...p, percent: false })} was printed with a "%" instead of the percentage; it is ${pct2}`][L]!
      : [`in tỷ lệ phần trăm thay cho tỷ số; ${frac} = ${hu}`, `the percentage was printed instead of the fraction; ${frac} = ${hu}`][L]!;
  }
  for (const k of [1, -1, 2, -2]) {
    const q: PrintedRate = { ...p, decimals: p.decimals + k };
    if (q.decimals < 0 || q.decimals > 6) continue;
    if (reproduces(n, d, q, asPercent)) {
      return [`dấu thập phân đặt sai chỗ: ${frac} = ${halfUpPrint(n, d, q, asPercent)}, in thành ${printedText(p)}`, `a misplaced decimal separator: ${frac} = ${halfUpPrint(n, d, q, asPercent)}, printed ${printedText(p)}`][L]!;
    }
  }
  const seen = new Set<string>();
  for (const f of nearby) {
    const key = `${f.value.m}e${f.value.e}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (f.value.m !== 0n && cmp(f.value, d) <= 0 && reproduces(f.value, d, p, asPercent)) {
      return [`${frac} = ${hu}, không phải ${printedText(p)}; tử số ${f.raw} in ở dòng ${f.line} cho ra ${printedText(p)}`, `${frac} = ${hu}, not ${printedText(p)}; the numerator ${f.raw} printed on line ${f.line} reproduces ${printedText(p)}`][L]!;
    }
  }
  for (const f of nearby) {
    if (f.value.m !== 0n && cmp(f.value, n) >= 0 && reproduces(n, f.value, p, asPercent)) {
      return [`${frac} = ${hu}, không phải ${printedText(p)}; mẫu số ${f.raw} in ở dòng ${f.line} cho ra ${printedText(p)}`, `${frac} = ${hu}, not ${printedText(p)}; the denominator ${f.raw} printed on line ${f.line} reproduces ${printedText(p)}`][L]!;
    }
  }
  if (n.e === 0 && d.e === 0) {
    for (let k = 1; k <= 3; k++) {
      for (const m of [n.m - BigInt(k), n.m + BigInt(k)]) {
        if (m >= 0n && reproduces({ m, e: 0 }, d, p, asPercent)) return [`${frac} = ${hu}, không phải ${printedText(p)}; tử số ${vi({ m, e: 0 })} (${m > n.m ? '+' : '−'}${k}) mới cho ra ${printedText(p)}`, `${frac} = ${hu}, not ${printedText(p)}; a numerator of ${vi({ m, e: 0 })} (${m > n.m ? '+' : '−'}${k}) reproduces it`][L]!;
      }
    }
  }
  return [`${frac} = ${hu}, không phải ${printedText(p)}; không cách làm tròn hay số liệu lân cận nào cho ra ${printedText(p)}`, `${frac} = ${hu}, not ${printedText(p)}; no rounding and no figure nearby reproduces ${printedText(p)}`][L]!;
}

/** A nearby figure that would reproduce the print as the denominator (or numerator when d is null). */
function searchHint(n: Dec, d: Dec | null, x: Extract<Internal, { t: 'rate' }>, L: 0 | 1): string | null {
  const p = x.p;
  const asPercent = p.percent || p.digits >= 10n ** BigInt(p.decimals);
  for (const f of x.nearby) {
    if (d && decEq(f.value, d)) continue;
    if (f.value.m !== 0n && cmp(f.value, n) >= 0 && reproduces(n, f.value, p, asPercent) && reproduces(n, f.value, p, asPercent) === 'half-up') {
      return [`${vi(n)}/${f.raw} (dòng ${f.line}) cho ra ${printedText(p)}`, `${vi(n)}/${f.raw} (line ${f.line}) reproduces ${printedText(p)}`][L]!;
    }
  }
  return null;
}

function judgeBound(base: Omit<ExtractedClaim, '_'>, x: Extract<Internal, { t: 'rate' }>, value: Fraction | null, frac: string, hu: string, L: 0 | 1): TextClaim {
  const v = printedValue(x.p);
  const pct = { m: viNum.scaledRate(x.n!, x.d!, 12, true, 'truncate')!, e: -12 };
  const exactPct = pct;
  const c = cmp(exactPct, v);
  const pr = printedText(x.p);
  const ok = (hint: string | null): TextClaim => ({ ...base, exact: null, value, verdict: 'match', hint });
  const bad = (): TextClaim => ({ ...base, exact: null, value, verdict: 'mismatch', hint: [`${frac} = ${hu}, không "${base.printed}"`, `${frac} = ${hu}, not "${base.printed}"`][L]! });
  switch (x.bound) {
    case 'above':
      return c > 0 ? ok(null) : bad();
    case 'at-least':
      return c >= 0 || reproduces(x.n!, x.d!, x.p, true) !== null ? ok(null) : bad();
    case 'below':
      return c < 0 ? ok(null) : bad();
    default: {
      // "gần", "khoảng": loose words; a match when the rounding or the side fits, otherwise unverifiable
      if (reproduces(x.n!, x.d!, x.p, true) !== null || (x.bound === 'near' && c < 0 && cmp(exactPct, { m: v.m * 95n, e: v.e - 2 }) >= 0)) return ok(null);
      return { ...base, exact: null, value, verdict: 'unverifiable', hint: [`${frac} = ${hu}; "${base.printed}" là số ước lượng`, `${frac} = ${hu}; "${base.printed}" is approximate`][L]! };
    }
  }
}

function oneDigitSlip(a: Dec, b: Dec): string | null {
  if (a.e !== 0 || b.e !== 0) return null;
  const x = a.m.toString();
  const y = b.m.toString();
  if (x.length !== y.length) return null;
  let diff = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) diff++;
  // a slip in the units digit is just "off by k"; a slip in a higher digit is worth saying
  return diff === 1 && x[x.length - 1] === y[y.length - 1] ? `${vi(a)} / ${vi(b)}` : null;
}
