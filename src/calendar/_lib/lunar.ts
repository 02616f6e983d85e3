/** @internal Access to the compiled Vietnamese lunar tables. */
import { HUNG_KINGS_MMDD, LUNAR_FROM, LUNAR_TO, TET_MMDD } from '../_data/lunar';
import { daysFromCivil } from '../../_lib/civil/date';

function decode(table: string, year: number): number {
  if (year < LUNAR_FROM || year > LUNAR_TO) throw new RangeError(`no lunar data for ${year}`);
  const at = (year - LUNAR_FROM) * 5;
  return daysFromCivil(year, Number(table.slice(at, at + 2)), Number(table.slice(at + 2, at + 4)));
}

/** Day number of Tết Nguyên đán (lunar 1/1, Vietnamese calendar) in a Gregorian year. */
export function tetDay(year: number): number {
  return decode(TET_MMDD, year);
}

/** Day number of Giỗ Tổ Hùng Vương (lunar 10/3, Vietnamese calendar) in a Gregorian year. */
export function hungKingsDay(year: number): number {
  return decode(HUNG_KINGS_MMDD, year);
}

export { LUNAR_FROM, LUNAR_TO };
