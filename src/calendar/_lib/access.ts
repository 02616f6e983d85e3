/** @internal Range-checked conversions between the public API and index offsets. */
import { MotcuaError, kindVi } from '../../errors';
import type { ErrorTexts } from '../../errors';
import type { Index } from './indexing';
import { parseDate } from '../../_lib/civil/date';

/** Parse a civil date and return its offset in the index, or throw `INVALID_DATE` / `OUT_OF_RANGE`. */
export function offsetOf(idx: Index, value: unknown, field: string): number {
  const day = parseDate(value, field);
  const i = day - idx.fromDay;
  if (i < 0 || day > idx.toDay) {
    throw new MotcuaError('OUT_OF_RANGE', { vi: `ngày ${value as string} nằm ngoài các năm của lịch (${idx.fromYear}-${idx.toYear})`, en: `${value as string} is outside the calendar's years ${idx.fromYear}-${idx.toYear}` }, value, field);
  }
  return i;
}

export { dateAt } from '../../_lib/civil/workIndex';

export function outOfRange(idx: Index, what: ErrorTexts, value: unknown, field: string): never {
  throw new MotcuaError('OUT_OF_RANGE', { vi: `${what.vi} nằm ngoài các năm của lịch (${idx.fromYear}-${idx.toYear})`, en: `${what.en} falls outside the calendar's years ${idx.fromYear}-${idx.toYear}` }, value, field);
}

export function checkInteger(n: unknown, field: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    throw new MotcuaError('INVALID_NUMBER', { vi: `cần một số nguyên, nhận được ${typeof n === 'number' ? n : `${kindVi(n)} ${String(n)}`}`, en: `expected an integer, got ${typeof n === 'number' ? n : `${typeof n} ${String(n)}`}` }, n, field);
  }
  return n;
}

export function checkFinite(n: unknown, field: string): number {
  if (typeof n !== 'number' || !Number.isFinite(n)) {
    throw new MotcuaError('INVALID_NUMBER', { vi: `cần một số hữu hạn, nhận được ${typeof n === 'number' ? n : `${kindVi(n)} ${String(n)}`}`, en: `expected a finite number, got ${typeof n === 'number' ? n : `${typeof n} ${String(n)}`}` }, n, field);
  }
  return n;
}
