/**
 * Regroup a summary by fewer keys (gộp nhóm): the rows of `level × field × month` summed into
 * `level × field`, `month` or `field`, without reading the records again.
 * @module
 */
import { MotcuaError, show } from '../errors';
import { type Accumulator, emptyCounts, type GroupKey } from './accumulator';
import { result, type Summary } from './result';
import type { Counts } from './types';

/** Split a group key into its values: only `field` and `agency` may hold ` | ` themselves, and at most one of them. */
function splitKey(key: string, by: readonly GroupKey[]): string[] {
  const parts = key.split(' | ');
  if (parts.length === by.length) return parts;
  const free = by.filter((g) => g === 'field' || g === 'agency');
  if (free.length !== 1 || parts.length < by.length) {
    throw new MotcuaError('INVALID_INPUT', { vi: `không tách được khóa nhóm ${show(key, 'vi')} thành ${by.join(', ')}: bản tổng hợp không phải do summarize tạo ra, hoặc đã bị sửa`, en: `cannot split the group key ${show(key)} into ${by.join(', ')}: the summary was not made by summarize, or was changed` }, key, 'summary.rows');
  }
  const i = by.indexOf(free[0]!);
  const after = by.length - 1 - i;
  return [...parts.slice(0, i), parts.slice(i, parts.length - after).join(' | '), ...parts.slice(parts.length - after)];
}

/**
 * Sum a summary's rows into the groups of `groupBy`, whose keys must all be among the summary's
 * own. The counts are those `summarize` gives with `groupBy` directly, since every count is a sum
 * over dossiers.
 *
 * @throws {MotcuaError} `INVALID_OPTION` (field `groupBy`) when a key of `groupBy` is not one of
 *   the summary's; `INVALID_INPUT` (field `summary.rows`) when a row's key does not split into the
 *   summary's keys (a summary not made by `summarize`).
 *
 * @example
 * ```ts
 * import { period, regroup, sampleRecords, summarize } from 'motcua/kpi';
 * const s = summarize(sampleRecords({ year: 2025 }), { period: period('2025'), groupBy: ['level', 'field', 'month'] });
 * regroup(s, ['month']).rows.map((r) => r.key); // ['2024-…', '2025-01', …]
 * ```
 */
export function regroup(summary: Summary, groupBy: readonly GroupKey[]): Summary {
  for (const g of groupBy) {
    if (!summary.groupBy.includes(g)) {
      throw new MotcuaError('INVALID_OPTION', { vi: `bản tổng hợp được nhóm theo ${summary.groupBy.join(', ') || 'không gì cả'}: không gộp lại theo ${show(g, 'vi')} được (chỉ gộp theo các khóa nhóm có sẵn)`, en: `the summary is grouped by ${summary.groupBy.join(', ') || 'nothing'}: it cannot be regrouped by ${show(g)} (only by keys it is grouped by)` }, g, 'groupBy');
    }
  }
  const groups: Record<string, Counts> = Object.create(null);
  const at = groupBy.map((g) => summary.groupBy.indexOf(g));
  for (const r of summary.rows) {
    const parts = summary.groupBy.length === 0 ? [] : splitKey(r.key, summary.groupBy);
    const key = groupBy.length === 0 ? '*' : at.map((i) => parts[i]!).join(' | ');
    const c = (groups[key] ??= emptyCounts());
    for (const k of Object.keys(r.counts) as (keyof Counts)[]) c[k] += r.counts[k];
  }
  const acc: Accumulator = { period: summary.period, asOf: summary.asOf, groupBy: [...groupBy], policy: summary.policy, groups };
  return result(acc);
}
