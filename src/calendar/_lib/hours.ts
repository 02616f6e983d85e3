/** @internal Working-time ordinals: office minutes elapsed since the start of the index. */
import { MotcuaError } from '../../errors';
import type { Index } from './indexing';
import { fromCivilTime, parseInstant, toCivilTime } from '../../_lib/civil/instant';
import { latestMinuteAtElapsed } from './office';
import { earliestAt, ordinalAt, periodsOf } from '../../_lib/civil/workIndex';
export { earliestAt, ordinalAt, periodsOf };

/** Offset of the day holding an epoch instant, range-checked. Returns [offset, minuteOfDay]. */
export function locate(idx: Index, epochMs: number, value: unknown, field: string): [number, number] {
  const { day, minute } = toCivilTime(epochMs);
  const i = day - idx.fromDay;
  if (i < 0 || day > idx.toDay) {
    throw new MotcuaError('OUT_OF_RANGE', { vi: `thời điểm nằm ngoài các năm của lịch (${idx.fromYear}-${idx.toYear})`, en: `the instant falls outside the calendar's years ${idx.fromYear}-${idx.toYear}` }, value, field);
  }
  return [i, minute];
}

export function parseOrdinal(idx: Index, value: unknown, field: string): number {
  const t = parseInstant(value, field);
  const [i, m] = locate(idx, t, value, field);
  return ordinalAt(idx, i, m);
}

function rangeError(idx: Index, field: string, value: unknown): never {
  throw new MotcuaError('OUT_OF_RANGE', { vi: `kết quả nằm ngoài các năm của lịch (${idx.fromYear}-${idx.toYear})`, en: `the result falls outside the calendar's years ${idx.fromYear}-${idx.toYear}` }, value, field);
}

/** The latest instant (epoch ms) at which the ordinal still equals `target`. */
export function latestAt(idx: Index, target: number, field: string, value: unknown): number {
  const wd = idx.wd;
  const cumMin = idx.cumMin;
  if (wd.length === 0 || target < cumMin[wd[0]!]!) rangeError(idx, field, value);
  // largest k with cumMin[wd[k]] <= target
  let lo = 0;
  let hi = wd.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (cumMin[wd[mid]!]! <= target) lo = mid;
    else hi = mid - 1;
  }
  const i = wd[lo]!;
  const periods = periodsOf(idx, i);
  const k = target - cumMin[i]!;
  if (k >= cumMin[i + 1]! - cumMin[i]!) return fromCivilTime(idx.fromDay + i, periods[periods.length - 1]!);
  return fromCivilTime(idx.fromDay + i, latestMinuteAtElapsed(periods, k));
}
