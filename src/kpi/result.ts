import { type Accumulator, add, addCounts, createAccumulator, emptyCounts, type GroupKey, type SummaryPolicy } from './accumulator';
import type { Period } from './period';
import { type Rates, rates } from './rates';
import type { Counts, DossierRecord } from './types';

/** One identity of Biểu II.06a, checked. */
export interface Identity {
  readonly name: string;
  readonly total: keyof Counts;
  readonly parts: readonly (keyof Counts)[];
  readonly expected: number;
  readonly actual: number;
  readonly ok: boolean;
}

/** A row of the summary: a group and its counts and rates. */
export interface SummaryRow {
  readonly key: string;
  readonly counts: Counts;
  readonly rates: Rates;
}

/** The result of {@link summarize}: Biểu II.06a rows, the total, rates and the identities checked. */
export interface Summary {
  readonly period: Period;
  readonly asOf: string;
  readonly groupBy: readonly GroupKey[];
  readonly policy: SummaryPolicy;
  readonly rows: readonly SummaryRow[];
  readonly total: SummaryRow;
  readonly identities: readonly Identity[];
}

const IDENTITIES: readonly [string, keyof Counts, (keyof Counts)[]][] = [
  ['(3) = (4) + (5) + (6)', 'received', ['online', 'directOrPostal', 'carriedOver']],
  ['(7) = (8) + (9) + (10)', 'resolved', ['early', 'onTime', 'late']],
  ['(11) = (12) + (13)', 'pending', ['withinTime', 'overdue']],
  ['(3) = (7) + (11) + excluded', 'received', ['resolved', 'pending', 'excluded']],
];

/**
 * Check the identities of Biểu II.06a on a set of counts.
 *
 * @example
 * ```ts
 * import { checkIdentities, emptyCounts } from 'motcua/kpi';
 * checkIdentities(emptyCounts()).every((i) => i.ok); // true
 * ```
 */
export function checkIdentities(c: Counts): Identity[] {
  return IDENTITIES.map(([name, total, parts]) => {
    const expected = parts.reduce((s, p) => s + c[p], 0);
    return { name, total, parts, expected, actual: c[total], ok: expected === c[total] };
  });
}

/**
 * The summary of an accumulator: rows sorted by key, the total, rates and identities.
 *
 * @example
 * ```ts
 * import { createAccumulator, period, result } from 'motcua/kpi';
 * result(createAccumulator({ period: period('2024') })).total.counts.received; // 0
 * ```
 */
export function result(acc: Accumulator): Summary {
  const keys = Object.keys(acc.groups).sort();
  const total = emptyCounts();
  const rows = keys.map((key) => {
    const counts = { ...acc.groups[key]! };
    addCounts(total, counts);
    return { key, counts, rates: rates(counts) };
  });
  return {
    period: acc.period,
    asOf: acc.asOf,
    groupBy: acc.groupBy,
    policy: acc.policy,
    rows,
    total: { key: 'total', counts: total, rates: rates(total) },
    identities: checkIdentities(total),
  };
}

/**
 * Summarise dossier records for a period (Biểu II.06a, Circular 01/2020/TT-VPCP): columns
 * (3)-(13), the withdrawn / refused / stopped buckets, rates and identities, by group.
 *
 * @param records - Any iterable of records (an array, a generator over a file).
 * @throws {MotcuaError} naming the record and field on bad data: nothing is skipped silently.
 *
 * @example
 * ```ts
 * import { period, summarize } from 'motcua/kpi';
 * const s = summarize([], { period: period('2024-Q1'), groupBy: 'field' });
 * s.total.counts.received; // 0
 * ```
 */
export function summarize(
  records: Iterable<DossierRecord>,
  options: { period: Period; asOf?: string; groupBy?: GroupKey | readonly GroupKey[]; policy?: Partial<SummaryPolicy> },
): Summary {
  const acc = createAccumulator(options);
  for (const r of records) add(acc, r);
  return result(acc);
}
