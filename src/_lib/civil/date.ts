/**
 * Civil dates as integer day numbers (days since 1970-01-01, proleptic Gregorian),
 * with no `Date` and no host time zone anywhere. Algorithms after H. Hinnant,
 * "chrono-Compatible Low-Level Date Algorithms".
 * @internal
 * @module
 */
import { MotcuaError, kindVi, show } from '../../errors';

/** Day number of a civil date. Month 1-12. */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = m > 2 ? m - 3 : m + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date `[year, month, day]` of a day number. */
export function civilFromDays(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d];
}

/** ISO weekday of a day number: 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(z: number): number {
  return (((z + 4) % 7) + 7) % 7;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : (DAYS_IN_MONTH[m - 1] as number);
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
}

/**
 * Parse a strict `YYYY-MM-DD` civil date into a day number, or return `NaN` when it is
 * not one. Hot path: no regex, no allocation.
 */
export function tryParseDate(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return NaN;
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const m = digit(s, 5) * 10 + digit(s, 6);
  const d = digit(s, 8) * 10 + digit(s, 9);
  if (y < 0 || m < 1 || m > 12 || d < 1) return NaN;
  if (d > 28 && d > daysInMonth(y, m)) return NaN;
  return daysFromCivil(y, m, d);
}

/** Parse a strict `YYYY-MM-DD` civil date, throwing `INVALID_DATE` with the field name. */
export function parseDate(value: unknown, field = 'date'): number {
  if (typeof value !== 'string') {
    throw new MotcuaError('INVALID_DATE', { vi: `cần một ngày dạng "YYYY-MM-DD", nhận được ${kindVi(value)} ${show(value, 'vi')}`, en: `expected a civil date string "YYYY-MM-DD", got ${typeof value} ${show(value)}` }, value, field);
  }
  const z = tryParseDate(value);
  if (z !== z) {
    throw new MotcuaError(
      'INVALID_DATE',
      /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? { vi: `${show(value, 'vi')} không phải là ngày có thật`, en: `${show(value)} is not a real calendar date` }
        : { vi: `${show(value, 'vi')} không phải là ngày dạng "YYYY-MM-DD" (tháng và ngày đủ hai chữ số)`, en: `${show(value)} is not a civil date in the form "YYYY-MM-DD" (zero-padded)` },
      value,
      field,
    );
  }
  return z;
}

/** Two digits, zero-padded. */
export function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/** Format a day number as `YYYY-MM-DD` (years 0-9999). */
export function formatDate(z: number): string {
  const [y, m, d] = civilFromDays(z);
  return `${y < 1000 ? String(y).padStart(4, '0') : y}-${pad2(m)}-${pad2(d)}`;
}

/** Format minutes since midnight as `HH:MM`. */
export function formatClock(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** Parse `HH:MM` (00:00-24:00) into minutes since midnight, or throw `INVALID_TIME`. */
export function parseClock(value: unknown, field: string): number {
  if (typeof value === 'string' && /^\d{2}:\d{2}$/.test(value)) {
    const h = Number(value.slice(0, 2));
    const m = Number(value.slice(3));
    if (m < 60 && (h < 24 || (h === 24 && m === 0))) return h * 60 + m;
  }
  throw new MotcuaError('INVALID_TIME', { vi: `cần giờ dạng "HH:MM", nhận được ${show(value, 'vi')}`, en: `expected a clock time "HH:MM", got ${show(value)}` }, value, field);
}
