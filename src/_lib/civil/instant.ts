/**
 * Instants and Vietnamese civil time. Asia/Ho_Chi_Minh has been UTC+07:00 without
 * daylight saving since 13 June 1975, so inside the supported range (1990-2100) civil
 * time is exactly UTC + 7 h: no Intl, no host zone, no tz database needed.
 * @internal
 * @module
 */
import { MotcuaError, kindVi, show } from '../../errors';
import { daysFromCivil, daysInMonth, formatDate, pad2 } from './date';

/** Offset of Asia/Ho_Chi_Minh from UTC, in minutes. */
export const VN_OFFSET_MINUTES = 420;
const MS_PER_MINUTE = 60_000;
const MINUTES_PER_DAY = 1440;

/** An instant expressed in Vietnamese civil time: a day number and minutes since local midnight (may be fractional). */
export interface CivilTime {
  day: number;
  minute: number;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parse an instant: a `Date`, or an ISO 8601 string with a `Z` or `±HH:MM` offset.
 * Returns epoch milliseconds. A string without an offset is refused
 * (`INSTANT_WITHOUT_OFFSET`): its meaning would depend on the host's zone.
 */
export function parseInstant(value: unknown, field = 'instant'): number {
  if (value instanceof Date) {
    const t = value.getTime();
    if (Number.isNaN(t)) throw new MotcuaError('INVALID_INSTANT', { vi: 'thời điểm không hợp lệ', en: 'Invalid Date' }, value, field);
    return t;
  }
  if (typeof value !== 'string') {
    throw new MotcuaError(
      'INVALID_INSTANT',
      { vi: `cần thời điểm dạng ISO 8601 có độ lệch múi giờ (ví dụ "2026-02-13T10:00+07:00") hoặc đối tượng thời điểm, nhận được ${kindVi(value)} ${show(value, 'vi')}`, en: `expected an ISO 8601 string with an offset (e.g. "2026-02-13T10:00+07:00") or a Date, got ${typeof value} ${show(value)}` },
      value,
      field,
    );
  }
  const m = ISO.exec(value);
  if (!m) {
    throw new MotcuaError(
      'INVALID_INSTANT',
      { vi: `${show(value, 'vi')} không phải là ngày giờ dạng ISO 8601 như "2026-02-13T10:00+07:00"`, en: `${show(value)} is not an ISO 8601 date-time such as "2026-02-13T10:00+07:00"` },
      value,
      field,
    );
  }
  const [, ys, mos, ds, hs, mis, ss, frac, off] = m as unknown as [string, string, string, string, string, string, string?, string?, string?];
  if (off === undefined) {
    throw new MotcuaError(
      'INSTANT_WITHOUT_OFFSET',
      { vi: `${show(value, 'vi')} thiếu độ lệch múi giờ; thêm "+07:00" cho giờ Việt Nam hoặc "Z" cho giờ quốc tế`, en: `${show(value)} has no offset; add "+07:00" for Vietnamese time or "Z" for UTC` },
      value,
      field,
    );
  }
  const y = Number(ys);
  const mo = Number(mos);
  const d = Number(ds);
  const h = Number(hs);
  const mi = Number(mis);
  const s = ss === undefined ? 0 : Number(ss);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 24 || mi > 59 || s > 59 || (h === 24 && (mi > 0 || s > 0))) {
    throw new MotcuaError('INVALID_INSTANT', { vi: `${show(value, 'vi')} không phải là ngày giờ có thật`, en: `${show(value)} is not a real date and time` }, value, field);
  }
  let offMin = 0;
  if (off !== 'Z') {
    const sign = off[0] === '-' ? -1 : 1;
    const digits = off.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2));
    if (oh > 18 || om > 59) throw new MotcuaError('INVALID_INSTANT', { vi: `${show(value, 'vi')} có độ lệch múi giờ không thể có (quá ±18:00)`, en: `${show(value)} has an impossible offset` }, value, field);
    offMin = sign * (oh * 60 + om);
  }
  const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  const localMinutes = daysFromCivil(y, mo, d) * MINUTES_PER_DAY + h * 60 + mi;
  return (localMinutes - offMin) * MS_PER_MINUTE + s * 1000 + ms;
}

/** Epoch milliseconds to Vietnamese civil time. */
export function toCivilTime(epochMs: number): CivilTime {
  const minutes = epochMs / MS_PER_MINUTE + VN_OFFSET_MINUTES;
  const day = Math.floor(minutes / MINUTES_PER_DAY);
  return { day, minute: minutes - day * MINUTES_PER_DAY };
}

/** Vietnamese civil time to epoch milliseconds. */
export function fromCivilTime(day: number, minute: number): number {
  return Math.round((day * MINUTES_PER_DAY + minute - VN_OFFSET_MINUTES) * MS_PER_MINUTE);
}

/** Format an instant as ISO 8601 in Vietnamese time, e.g. `2026-02-25T17:00:00+07:00`. */
export function formatInstant(epochMs: number): string {
  const { day, minute } = toCivilTime(epochMs);
  const totalSeconds = Math.round(minute * 60);
  const h = Math.floor(totalSeconds / 3600);
  const mi = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  if (h === 24) return `${formatDate(day + 1)}T00:00:00+07:00`;
  return `${formatDate(day)}T${pad2(h)}:${pad2(mi)}:${pad2(s)}+07:00`;
}
