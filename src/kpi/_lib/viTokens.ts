/**
 * The figures of a Vietnamese report's paragraph: counts, percentages and fractions, with their
 * spans, bounds ("gần", "trên", "khoảng"…), multipliers ("nghìn", "triệu", "tỷ") and unit nouns;
 * dates ("16/4/2024", "Quý I/2024", "tháng 9/2024"), years, document numbers ("61/2018/NĐ-CP",
 * "909/UBND-NV", "Công văn số 3986"), article references and section numbers are never figures.
 * @internal
 */
import { type Dec, parsePrintedRate, parseViNumber, type PrintedRate } from './viNumber';

/** A bound qualifier: gần (<, near), trên/hơn (>), dưới (<), khoảng/ước (≈), trở lên (≥). */
export type Bound = 'near' | 'above' | 'below' | 'about' | 'at-least';

export interface NumToken {
  readonly kind: 'num' | 'pct' | 'frac';
  /** Span in the paragraph string. */
  readonly start: number;
  readonly end: number;
  readonly raw: string;
  /** num/pct: the value as printed (percent units for pct). */
  readonly value: Dec;
  /** frac: numerator and denominator as printed. */
  readonly num?: Dec;
  readonly den?: Dec;
  /** pct: how it is printed. */
  readonly printed?: PrintedRate;
  readonly bound: Bound | null;
  /** Power of ten of a "nghìn/triệu/tỷ" multiplier (0 when none). */
  readonly mult: number;
  /** The unit noun right after ("hồ sơ", "người", "TTHC"…), lower case, or null. */
  readonly unit: string | null;
  /** A range "600-700": never a claim. */
  readonly range: boolean;
}

const DATE_WORDS = new Set(['ngày', 'tháng', 'năm', 'quý', 'đoạn', 'hồi', 'lúc', 'giờ', 'tuần']);
const DOC_WORDS = new Set([
  'luật', 'điều', 'khoản', 'điểm', 'chương', 'mục', 'qđ', 'nđ', 'tt', 'biểu', 'mẫu', 'loại', 'hạng', 'độ', 'nhóm', 'khóa', 'khoá', 'lớp', 'cv', 'kh', 'bc', 'tb', 'nq', 'ct',
  'đợt', 'vòng', 'tổ', 'đội', 'thôn', 'xóm', 'khu', 'lô', 'thửa', 'tờ', 'tầng', 'kỳ', 'lần', 'thứ', 'km', 'pl', 'số',
]);
/** Two-word document kinds: "Nghị định 61", "Quyết định 1755", "Thông tư 01", "Đề án 06". */
const DOC_PAIRS = new Set(['nghị định', 'quyết định', 'thông tư', 'công văn', 'kế hoạch', 'chỉ thị', 'nghị quyết', 'đề án', 'phụ lục', 'thông báo', 'tờ trình', 'văn bản', 'quy chế', 'chương trình']);
// "mức độ 3", "Nghị định 61", "Đề án 06", "Biểu 2", "phụ lục 1": the word before is one of the
// words above. "số" alone is a document number ("Công văn số 909") unless a count precedes it.
const COUNT_BEFORE_SO = new Set(['tổng', 'với', 'có', 'là', 'được', 'đạt', 'trong', 'và', 'chỉ']);
const UNITS = [
  'hồ sơ', 'thủ tục', 'tthc', 'nhiệm vụ', 'người', 'phiếu', 'lượt', 'văn bản', 'biên chế', 'trường hợp', 'bộ', 'tài liệu', 'thẻ', 'đơn', 'cán bộ', 'công chức',
  'dịch vụ', 'lĩnh vực', 'thư', 'kiến nghị', 'phản ánh', 'doanh nghiệp', 'hộ', 'nhân khẩu', 'tài khoản', 'giấy', 'quyết định', 'chỉ tiêu', 'đồng', 'đ', 'triệu', 'tỷ', 'ngàn', 'nghìn',
  'việc', 'vụ', 'cuộc', 'lớp', 'máy', 'xã', 'đơn vị', 'cơ quan', 'thôn', 'cuốn', 'trang', 'bản', 'kết quả', 'mẫu', 'giao dịch', 'tin', 'bài', 'công dân', 'tổ chức',
];
const MULT: Record<string, number> = { nghìn: 3, ngàn: 3, triệu: 6, tỷ: 9, tỉ: 9 };

const isLetter = (c: string | undefined) => c !== undefined && /\p{L}/u.test(c);

/** The lower-cased words before position `at` (nearest first), at most `n`, stopping at punctuation other than spaces. */
export function wordsBefore(s: string, at: number, n: number): string[] {
  const m = /([\p{L}\p{N}&]+(?:[ \t\n*_]+[\p{L}\p{N}&]+)*)[ \t\n*_]*$/u.exec(s.slice(Math.max(0, at - 80), at));
  if (!m) return [];
  return m[1]!.toLowerCase().split(/[ \t\n*_]+/).reverse().slice(0, n);
}

function unitAfter(rest: string): string | null {
  const m = /^[ \t\n*]*([\p{L}]+(?:[ \t]+[\p{L}]+)?)/u.exec(rest);
  if (!m) return null;
  const w = m[1]!.toLowerCase();
  if (/^(tỷ|tỉ) lệ/u.test(w)) return null;
  for (const u of UNITS) if (w === u || w.startsWith(`${u} `)) return u;
  return null;
}

function boundOf(before: string[], rest: string): Bound | null {
  if (/^\s*%?\s*trở lên/u.test(rest)) return 'at-least';
  const [w1, w2] = before;
  if (w1 === 'gần' || (w1 === 'đến' && w2 === 'gần')) return 'near';
  if (w1 === 'trên' || w1 === 'hơn' || w1 === 'ngoài' || (w1 === 'hơn' && w2 === 'có')) return 'above';
  if (w1 === 'dưới' || (w1 === 'đến' && w2 === 'chưa') || (w1 === 'quá' && w2 === 'không')) return 'below';
  if (w1 === 'khoảng' || w1 === 'ước' || w1 === 'xỉ' || w1 === 'chừng' || w1 === 'ngót' || (w1 === 'đạt' && w2 === 'ước') || (w1 === 'tính' && w2 === 'ước')) return 'about';
  return null;
}

/** Whether a token is a date-like fraction ("31/10", "9/2024") rather than a ratio. */
function dateLike(a: string, b: string, before: string[], rest: string): boolean {
  if (before[0] !== undefined && DATE_WORDS.has(before[0])) return true;
  if (/^[-–]/.test(rest.trimStart()) && /^\s*[-–]\s*\d/.test(rest)) return true; // "30/10 - 31/12"
  const x = Number(a.replace(/\./g, ''));
  const y = Number(b.replace(/\./g, ''));
  if (!/[.,]/.test(b) && y >= 1900 && y <= 2100 && x <= 12) return true; // "9/2024"
  if (x >= 1 && x <= 31 && y >= 1 && y <= 12 && !/[.,]/.test(a + b)) {
    // "04/04 hồ sơ" is a ratio; "31/10" on its own is a date.
    return unitAfter(rest) === null;
  }
  return false;
}

/**
 * The figures of a paragraph, in order.
 */
export function tokenize(s: string): NumToken[] {
  const out: NumToken[] = [];
  const re = /\d[\d.,]*(?:\/[\p{L}\p{N}.,&\-]*)*/gu;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    let raw = m[0];
    const start = m.index;
    const prev = s[start - 1];
    if (prev !== undefined && (isLetter(prev) || /[\d/.,\\]/.test(prev))) continue; // "II.06a", "I/2024", "số1"
    // trailing punctuation belongs to the sentence
    while (/[.,/\-]$/.test(raw)) raw = raw.slice(0, -1);
    if (!raw) continue;
    const end = start + raw.length;
    const after = s[end];
    const rest = s.slice(end, end + 40);
    const before = wordsBefore(s, start, 3);
    // section numbers at a line start: "1. Tình hình", "2.2 Việc", "5.3."
    const lineStart = s.lastIndexOf('\n', start - 1) + 1;
    if (/^[\s\-+*>#|]*$/.test(s.slice(lineStart, start)) && /^(\.\d+)*\.?\s*[\p{Lu}(*]/u.test(s.slice(end).replace(/^(\.\d+)+/, '')) && !/^\s*(%|hồ sơ)/u.test(rest)) {
      if (/^[.)]/.test(s.slice(end)) || /^\d+(\.\d+)+$/.test(raw)) continue;
    }
    if (after !== undefined && isLetter(after) && after !== 'đ' && after !== 'Đ') continue; // "06a", "2KH"
    const slashes = raw.split('/');
    if (slashes.length > 2) continue; // dates and document numbers "16/4/2024", "61/2018/NĐ-CP"
    const w1 = before[0];
    const w2 = before[1];
    if (w1 === 'số') {
      if (!(w2 !== undefined && COUNT_BEFORE_SO.has(w2))) continue;
    } else if (w1 !== undefined && DOC_WORDS.has(w1) && !/^\s*%/.test(rest)) continue;
    if (w1 !== undefined && w2 !== undefined && DOC_PAIRS.has(`${w2} ${w1}`)) continue;
    const mulM = /^[ \t\n]+(nghìn|ngàn|triệu|tỷ|tỉ)(?![\p{L}])(?!\s+lệ)/u.exec(rest);
    const mult = mulM ? MULT[mulM[1]!]! : 0;
    const pctM = /^[ \t]?%/.exec(rest);
    const range = /^\s?[-–]\s?\d/.test(rest) || /\d\s?[-–]\s?$/.test(s.slice(Math.max(0, start - 3), start));
    if (slashes.length === 2) {
      const [a, b] = slashes as [string, string];
      if (!b || /\p{L}/u.test(b) || /\p{L}/u.test(a)) continue; // "909/UBND-NV"
      const na = parseViNumber(a);
      const nb = parseViNumber(b);
      if (!na || !nb) continue;
      if (dateLike(a, b, before, rest)) continue;
      out.push({ kind: 'frac', start, end, raw, value: na, num: na, den: nb, bound: boundOf(before, rest), mult, unit: unitAfter(rest), range: false });
      continue;
    }
    if (raw.includes('/')) continue;
    if (w1 !== undefined && DATE_WORDS.has(w1)) continue;
    if (pctM) {
      // "96,19%", "0,014 %", and the English "97.7%" some newspapers print
      let printed = /^\d+\.\d{1,2}$/.test(raw) ? parsePrintedRate(raw) : parseViNumber(raw) ? parsePrintedRate(raw.replace(/\./g, '')) : null;
      if (!printed) continue;
      printed = { ...printed, percent: true };
      const pend = end + pctM[0].length;
      out.push({ kind: 'pct', start, end: pend, raw: s.slice(start, pend), value: { m: printed.digits, e: printed.decimals ? -printed.decimals : 0 }, printed, bound: boundOf(before, s.slice(pend, pend + 40)), mult: 0, unit: null, range });
      continue;
    }
    const v = parseViNumber(raw);
    if (!v) continue; // "1.2", "5.3"
    const isYear = !raw.includes('.') && !raw.includes(',') && v.m >= 1900n && v.m <= 2100n;
    if (isYear && (w1 === 'đến' || w1 === 'từ' || w1 === 'nay' || /[-–]\s*$/.test(s.slice(Math.max(0, start - 3), start)) || /^\s*[-–]\s*\d{4}/.test(rest) || w1 === 'kỳ')) continue;
    out.push({ kind: 'num', start, end, raw, value: v, bound: boundOf(before, rest), mult, unit: unitAfter(rest), range });
  }
  return out;
}
