/**
 * Date cells as vendor exports write them. A date-time without an offset is Vietnamese civil
 * time (giờ Việt Nam), so its civil date is the date written; an instant with an offset is moved
 * to Vietnamese time first. Never the host's time zone: nothing here builds a local `Date`.
 * @internal
 * @module
 */
import { MotcuaError, show } from '../../errors';
import { civilFromDays, daysFromCivil, daysInMonth, formatDate, tryParseDate } from '../../_lib/civil/date';
import { parseInstant, toCivilTime } from '../../_lib/civil/instant';

/** What the built-in reader accepts, for error messages. */
export const DATE_FORMATS_TEXT = 'YYYY-MM-DD, DD/MM/YYYY or D/M/YYYY (optionally with HH:mm or HH:mm:ss), an ISO instant, or an Excel serial day number';

/** A `--date-format` pattern compiled to a matcher: the civil date of a cell, or null when the cell does not match. @internal */
export interface DateFormat {
  readonly pattern: string;
  readonly match: (v: string) => string | null;
}

const TOKENS: readonly [string, string, 'y' | 'M' | 'd' | 'H' | 'm' | 's' | 'S'][] = [
  ['yyyy', '(\\d{4})', 'y'],
  ['MM', '(\\d{2})', 'M'],
  ['M', '(\\d{1,2})', 'M'],
  ['dd', '(\\d{2})', 'd'],
  ['d', '(\\d{1,2})', 'd'],
  ['HH', '(\\d{2})', 'H'],
  ['H', '(\\d{1,2})', 'H'],
  ['mm', '(\\d{2})', 'm'],
  ['ss', '(\\d{2})', 's'],
  ['SSS', '(\\d{3})', 'S'],
];

/** Check a day and a time of day; the civil date `YYYY-MM-DD`, or an error message. */
function civil(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): string {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw new Error('is not a real date');
  if (h > 23 || mi > 59 || s > 59) throw new Error('has a time of day that does not exist');
  return formatDate(daysFromCivil(y, mo, d));
}

/**
 * Compile a date pattern (date-fns / Unicode style, a subset): `yyyy` year, `MM`/`M` month,
 * `dd`/`d` day, `HH`/`H` hour, `mm` minute, `ss` second, `SSS` milliseconds, any other
 * character literally, text in single quotes literally. Letters outside this set are refused,
 * so a pattern is never half understood.
 *
 * @throws {MotcuaError} `INVALID_OPTION` for an unknown letter or a pattern without y, M and d.
 * @internal
 */
export function compileDateFormat(pattern: string): DateFormat {
  if (typeof pattern !== 'string' || pattern === '') throw new MotcuaError('INVALID_OPTION', { vi: `định dạng ngày phải là một mẫu không rỗng như "MM/dd/yyyy", nhận được ${show(pattern, 'vi')}`, en: `a date format must be a non-empty pattern such as "MM/dd/yyyy", got ${show(pattern)}` }, pattern, 'dateFormat');
  let re = '^';
  const parts: ('y' | 'M' | 'd' | 'H' | 'm' | 's' | 'S')[] = [];
  let i = 0;
  outer: while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === "'") {
      const j = pattern.indexOf("'", i + 1);
      if (j < 0) throw new MotcuaError('INVALID_OPTION', { vi: `định dạng ngày ${show(pattern, 'vi')} mở dấu nháy mà không đóng`, en: `the date format ${show(pattern)} opens a quote it never closes` }, pattern, 'dateFormat');
      re += (j === i + 1 ? "'" : pattern.slice(i + 1, j)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      i = j + 1;
      continue;
    }
    for (const [tok, rx, part] of TOKENS) {
      if (pattern.startsWith(tok, i) && !(pattern[i + tok.length] === tok[0])) {
        re += rx;
        parts.push(part);
        i += tok.length;
        continue outer;
      }
    }
    if (/[A-Za-z]/.test(c)) {
      throw new MotcuaError('INVALID_OPTION', { vi: `định dạng ngày ${show(pattern, 'vi')} có ${show(pattern.slice(i).match(/^([A-Za-z])\1*/)![0], 'vi')}, là ký hiệu motcua không đọc (dùng yyyy, MM, M, dd, d, HH, H, mm, ss, SSS và văn bản nguyên văn)`, en: `the date format ${show(pattern)} has ${show(pattern.slice(i).match(/^([A-Za-z])\1*/)![0])}, which motcua does not read (use yyyy, MM, M, dd, d, HH, H, mm, ss, SSS and literal text)` }, pattern, 'dateFormat');
    }
    re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    i++;
  }
  for (const need of ['y', 'M', 'd'] as const) {
    if (!parts.includes(need)) throw new MotcuaError('INVALID_OPTION', { vi: `định dạng ngày ${show(pattern, 'vi')} không có ${need === 'y' ? 'năm (yyyy)' : need === 'M' ? 'tháng (MM)' : 'ngày (dd)'}`, en: `the date format ${show(pattern)} has no ${need === 'y' ? 'year (yyyy)' : need === 'M' ? 'month (MM)' : 'day (dd)'}` }, pattern, 'dateFormat');
  }
  const rx = new RegExp(`${re}$`);
  return {
    pattern,
    match(v: string): string | null {
      const m = rx.exec(v);
      if (!m) return null;
      const got: Record<string, number> = { y: 0, M: 0, d: 0, H: 0, m: 0, s: 0, S: 0 };
      parts.forEach((p, k) => (got[p] = Number(m[k + 1])));
      return civil(got.y!, got.M!, got.d!, got.H, got.m, got.s);
    },
  };
}

// DD/MM/YYYY, D/M/YYYY, DD-MM-YYYY, DD.MM.YYYY, optionally with a time of day
const DMY = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(?:\s*(SA|CH|AM|PM))?)?$/i;
// YYYY-MM-DD HH:mm(:ss(.fff)) or YYYY/MM/DD …, without an offset: Vietnamese civil time
const YMD_TIME = /^(\d{4})([/-])(\d{2})\2(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?)?$/;
// Excel serial day numbers (1927-2173), optionally with a fraction of a day
const SERIAL = /^(\d{5})(?:\.\d+)?$/;
const EXCEL_EPOCH = daysFromCivil(1899, 12, 30);

function hour12(h: number, ampm: string | undefined): number {
  if (ampm === undefined) return h;
  if (h < 1 || h > 12) throw new Error('has an hour outside 1-12 before SA/CH (AM/PM)');
  const pm = /^(ch|pm)$/i.test(ampm);
  return (h % 12) + (pm ? 12 : 0);
}

/**
 * The civil date of a date cell (ngày), or null for an empty cell: `YYYY-MM-DD`, `DD/MM/YYYY`,
 * `D/M/YYYY` (also with `-` or `.`), either optionally with `HH:mm` or `HH:mm:ss` (Vietnamese
 * time; `SA`/`CH` or AM/PM accepted after `D/M/YYYY h:mm`), `YYYY-MM-DD HH:mm(:ss)` without an offset (Vietnamese
 * time), `YYYY/MM/DD` with or without `HH:mm(:ss)` (year, month, day; two-digit month and day), an ISO instant with an offset (moved to Vietnamese time), or an Excel serial day number
 * (5 digits, 1927-2173, counted from 30/12/1899, as a workbook stores dates). With a `format`
 * (`--date-format`), that pattern is tried first; the unambiguous ISO forms (`YYYY-MM-DD…`) are still
 * accepted, `DD/MM/YYYY`, `YYYY/MM/DD` and serials are not.
 *
 * @throws {Error} naming the value and what was expected.
 * @internal
 */
export function readDateCell(v: string, format?: DateFormat): string | null {
  if (v === '') return null;
  try {
    if (format) {
      const d = format.match(v);
      if (d !== null) return d;
      if (!/^\d{4}-\d{2}-\d{2}/.test(v)) throw new Error(`does not match the date format ${show(format.pattern)}`);
    }
    if (v.length === 10 && tryParseDate(v) === tryParseDate(v)) return v;
    let m = DMY.exec(v);
    if (m && !format) return civil(Number(m[4]), Number(m[3]), Number(m[1]), m[5] === undefined ? 0 : hour12(Number(m[5]), m[8]), Number(m[6] ?? 0), Number(m[7] ?? 0));
    m = YMD_TIME.exec(v);
    if (m) return civil(Number(m[1]), Number(m[3]), Number(m[4]), Number(m[5] ?? 0), Number(m[6] ?? 0), Number(m[7] ?? 0));
    m = format ? null : SERIAL.exec(v);
    if (m) {
      const [y, mo, d] = civilFromDays(EXCEL_EPOCH + Number(m[1]));
      return formatDate(daysFromCivil(y, mo, d));
    }
    if (/[zZ]$|[+-]\d{2}:?\d{2}$/.test(v)) {
      try {
        return formatDate(toCivilTime(parseInstant(v, 'date')).day);
      } catch {
        throw new Error('is not a real date and time');
      }
    }
  } catch (e) {
    throw new Error(`${show(v)} ${(e as Error).message} (expected ${format ? `${show(format.pattern)} or YYYY-MM-DD` : DATE_FORMATS_TEXT})`);
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new Error(`${show(v)} is not a real date (expected ${format ? `${show(format.pattern)} or YYYY-MM-DD` : DATE_FORMATS_TEXT})`);
  throw new Error(`${show(v)} is not a date (expected ${format ? `${show(format.pattern)} or YYYY-MM-DD` : DATE_FORMATS_TEXT})`);
}
