import { MotcuaError, show } from '../errors';
import { formatDate } from '../_lib/civil/date';
import { LUNAR_FROM, LUNAR_TO, hungKingsDay, tetDay } from './_lib/lunar';
import type { CivilDate } from './types';

function year(y: unknown): number {
  if (typeof y !== 'number' || !Number.isInteger(y)) throw new MotcuaError('INVALID_NUMBER', { vi: `cần năm là số nguyên, nhận được ${show(y, 'vi')}`, en: `expected an integer year, got ${show(y)}` }, y, 'year');
  if (y < LUNAR_FROM || y > LUNAR_TO) throw new MotcuaError('OUT_OF_RANGE', { vi: `không có dữ liệu âm lịch cho năm ${y}; chỉ hỗ trợ ${LUNAR_FROM}-${LUNAR_TO}`, en: `no lunar data for ${y}; supported ${LUNAR_FROM}-${LUNAR_TO}` }, y, 'year');
  return y;
}

/**
 * The Gregorian date of Tết Nguyên đán (lunar 1/1) in a year, on the Vietnamese lunar
 * calendar (computed at UTC+7; differs from the Chinese date in 2007, 2030 and 2053).
 *
 * @example
 * ```ts
 * import { tetDate } from 'motcua/calendar';
 * tetDate(2030); // '2030-02-02' (China: 2030-02-03)
 * ```
 */
export function tetDate(y: number): CivilDate {
  return formatDate(tetDay(year(y)));
}

/**
 * The Gregorian date of Giỗ Tổ Hùng Vương (lunar 10/3) in a year, Vietnamese lunar calendar.
 *
 * @example
 * ```ts
 * import { hungKingsDate } from 'motcua/calendar';
 * hungKingsDate(2026); // '2026-04-26'
 * ```
 */
export function hungKingsDate(y: number): CivilDate {
  return formatDate(hungKingsDay(year(y)));
}
