/** @internal Working-time ordinals: office minutes elapsed since the start of the index. */
import { MotcuaError } from '../../errors';
import type { Index } from './indexing';
import { fromCivilTime, parseInstant, toCivilTime } from './instant';
import { latestMinuteAtElapsed, minuteAtElapsed, minutesElapsed } from './office';

export function periodsOf(idx: Index, i: number): readonly number[] {
  return idx.office.sets[idx.periodSet[i]!]!;
}

/** Offset of the day holding an epoch instant, range-checked. Returns [offset, minuteOfDay]. */
export function locate(idx: Index, epochMs: number, value: unknown, field: string): [number, number] {
  const { day, minute } = toCivilTime(epochMs);
  const i = day - idx.fromDay;
  if (i < 0 || day > idx.toDay) {
    throw new MotcuaError('OUT_OF_RANGE', `the instant falls outside the calendar's years ${idx.fromYear}-${idx.toYear}`, value, field);
  }
  return [i, minute];
}

/** Office minutes elapsed from the start of the index to an instant. */
export function ordinalAt(idx: Index, i: number, minute: number): number {
  return idx.cumMin[i]! + (idx.working[i] ? minutesElapsed(periodsOf(idx, i), minute) : 0);
}

export function parseOrdinal(idx: Index, value: unknown, field: string): number {
  const t = parseInstant(value, field);
  const [i, m] = locate(idx, t, value, field);
  return ordinalAt(idx, i, m);
}

function rangeError(idx: Index, field: string, value: unknown): never {
  throw new MotcuaError('OUT_OF_RANGE', `the result falls outside the calendar's years ${idx.fromYear}-${idx.toYear}`, value, field);
}

/** The earliest instant (epoch ms) at which the ordinal reaches `target`. */
export function earliestAt(idx: Index, target: number, field: string, value: unknown): number {
  const wd = idx.wd;
  const cumMin = idx.cumMin;
  if (target < 0 || wd.length === 0) rangeError(idx, field, value);
  // smallest k with cumMin[wd[k]] + minutes(wd[k]) >= target, i.e. cumMin[wd[k] + 1] >= target
  let lo = 0;
  let hi = wd.length - 1;
  if (cumMin[wd[hi]! + 1]! < target) rangeError(idx, field, value);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumMin[wd[mid]! + 1]! >= target) hi = mid;
    else lo = mid + 1;
  }
  const i = wd[lo]!;
  const k = target - cumMin[i]!;
  const periods = periodsOf(idx, i);
  const minute = k <= 0 ? periods[0]! : minuteAtElapsed(periods, k);
  return fromCivilTime(idx.fromDay + i, minute);
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
