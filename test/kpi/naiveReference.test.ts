// Issue #22, "Must show": a naive reference implementation of Biểu II.06a (Circular 01/2020/TT-VPCP),
// its rates and the Decision 766 indices computable from dossiers, written straight from the
// definitions in docs (../shared/reference/domain.md §5, §7, §8 and docs/reports.md), one dossier at
// a time with plain ifs and loops. It shares no code with src/kpi (only the types and the
// generators of random records): if the generated counting code, the rates or the scoring drift
// from the written rules, this test says so.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONVENTIONS, type Counts, type DossierRecord, indices766, period as makePeriod, type SummaryPolicy, summarize } from '../../src/kpi/index';
import { fullRecordArb, policyArb } from './_arbitraries';

type Tally = Record<string, number>;

/** Every dossier in the report adds 1 to the columns it belongs to. */
function naiveDossier(r: DossierRecord, from: string, asOf: string, policy: SummaryPolicy): Tally | null {
  // The KPI end time: the recorded end (refusal, stop, resolution, withdrawal); a result returned
  // (status 10) without a recorded end counts as resolved on the return date (domain.md §5).
  let end: string | null = null;
  let kind: string | null = null;
  if (r.finishedOn != null) {
    end = r.finishedOn;
    kind = r.finishedAs;
  } else if (r.returnedOn != null) {
    end = r.returnedOn;
    kind = 'resolved';
  }
  // In the report: received by the extraction day, and not ended before the period began.
  if (r.receivedOn > asOf) return null;
  if (end !== null && end < from) return null;

  const t: Tally = {};
  const one = (k: string) => (t[k] = 1);
  one('received'); // (3)
  const receivedInPeriod = r.receivedOn >= from;
  if (receivedInPeriod) {
    one('receivedInPeriod');
    if (r.channel === 'online') one('online'); // (4)
    else one('directOrPostal'); // (5)
  } else one('carriedOver'); // (6)

  // The due date a dossier is judged against: the one after an extension, or (an option) the original one.
  let due = r.dueOn;
  if (policy.lateAgainstOriginal && r.originalDueOn != null) due = r.originalDueOn;

  const ended = end !== null && end <= asOf;
  if (ended) {
    if (kind === 'withdrawn') one('withdrawn');
    if (kind === 'refused') one('refused');
    if (kind === 'stopped') one('stopped');
    // Where a withdrawal, refusal or stop is counted is a convention of the report.
    let placement: string = 'resolved';
    if (kind === 'withdrawn') placement = policy.withdrawn;
    if (kind === 'refused') placement = policy.refused;
    if (kind === 'stopped') placement = policy.stopped;
    if (placement === 'excluded') {
      one('excluded');
    } else {
      one('resolved'); // (7)
      if (placement === 'on-time') {
        one('onTime'); // (9), whatever its dates (the form-exact convention)
      } else {
        // No period runs while the dossier waits for the applicant: an end while paused is
        // judged at the pause start (Decree 118 Art 19(5); Decision 766: end = request date).
        let judged = end!;
        if (r.pausedSince != null && r.pausedSince <= end!) judged = r.pausedSince;
        let late = judged > due;
        // Decision 766: more than one supplement request counts as late.
        if (policy.supplements === 'decision-766' && r.supplements > 1) late = true;
        if (late) one('late'); // (10)
        else if (judged < due) one('early'); // (8)
        else one('onTime'); // (9)
      }
      if (r.eResult) one('eResult');
      if (r.paperResultRequired === true) one('paperResultRequired');
      if (r.paperResultRequired === true && r.eResult) one('eResultWherePaperRequired');
      if (r.supplements > 1) one('multiSupplement');
      if (r.eResult && r.dataStored === true) one('dataStored');
    }
  } else {
    one('pending'); // (11)
    const paused = r.pausedSince != null && r.pausedSince <= asOf;
    let overdue: boolean;
    if (paused) {
      one('paused');
      // The law: waiting for the applicant is not late (the period restarts after a supplement).
      // Decision 766: judged at the request date.
      overdue = policy.supplements === 'decision-766' ? due < r.pausedSince! : false;
    } else {
      overdue = due < asOf;
    }
    if (overdue) one('overdue'); // (13)
    else one('withinTime'); // (12)
  }

  if (r.complaint) one('complaints');
  if (receivedInPeriod) {
    if (r.digitised) one('digitised');
    if (r.synced) one('synced');
    if (r.feeDue) one('feeDue');
    if (r.feeDue && r.paidOnline) one('paidOnline');
    if (r.reusedData === true) one('reusedData');
    // 4.2: digitised, and with an electronic result where the procedure issues a paper result
    if (r.digitised && (r.paperResultRequired !== true || r.eResult)) one('digitisedComplete');
    // 4.4: components taken from the data store, or an e-result saved to it
    if (r.componentsFromStore === true || (r.eResult && r.dataStored === true)) one('dataStoreUsed');
  }
  return t;
}

/** Percent in hundredths, rounded half up (an exact integer computation, as in domain.md §9). */
function percentHundredths(num: number, den: number): number | null {
  if (den === 0) return null;
  return Math.floor((20000 * num + den) / (2 * den));
}

/** Decision 766 scoring (domain.md §8): with a target T, R ≥ T earns full points, else R/T × max; without, R × max. Points in hundredths, half up. */
function pointsHundredths(pct: number | null, max: number, target: number | null): number | null {
  if (pct === null) return null;
  if (target === null) return Math.floor((pct * max * 2 + 100) / 200);
  if (pct >= target) return max * 100;
  return Math.floor((pct * max * 200 + target) / (2 * target));
}

/** The indices written out one by one: [code, numerator, denominator, points, target in hundredths]. */
function naiveIndices(c: Tally): [string, number, number, number, number | null][] {
  const n = (k: string) => c[k] ?? 0;
  const handled = n('received');
  let satisfied = handled - n('late') - n('overdue') - n('complaints');
  if (satisfied < 0) satisfied = 0;
  return [
    ['1.4', n('synced'), n('receivedInPeriod'), 6, null],
    ['2.1', n('early') + n('onTime') + n('withinTime'), n('resolved') + n('pending'), 20, null],
    ['3.3', n('online'), n('receivedInPeriod'), 6, 5000],
    ['3.6', n('paidOnline'), n('feeDue'), 6, null],
    ['4.1', n('eResultWherePaperRequired'), n('paperResultRequired'), 6, null],
    ['4.2', n('digitisedComplete'), n('receivedInPeriod'), 4, 8000],
    ['4.3', n('reusedData'), n('receivedInPeriod'), 2, 8000],
    ['4.4', n('dataStoreUsed'), n('receivedInPeriod'), 4, null],
    ['5.4', satisfied, handled, 6, 9000],
  ];
}

function naiveSummary(records: readonly DossierRecord[], from: string, asOf: string, groupBy: readonly ('field' | 'channel')[], policy: SummaryPolicy) {
  const groups = new Map<string, Tally>();
  for (const r of records) {
    const t = naiveDossier(r, from, asOf, policy);
    if (t === null) continue;
    const key = groupBy.length === 0 ? '*' : groupBy.map((g) => r[g]).join(' | ');
    const sum = groups.get(key) ?? {};
    for (const k of Object.keys(t)) sum[k] = (sum[k] ?? 0) + t[k]!;
    groups.set(key, sum);
  }
  return groups;
}

const periodArb = fc.constantFrom('2023-Q4', '2024-Q1', '2024-01', '2024', '2024-Q2');
const conventionPolicyArb: fc.Arbitrary<SummaryPolicy> = fc
  .tuple(fc.constantFrom(...(Object.keys(CONVENTIONS) as (keyof typeof CONVENTIONS)[])), fc.constantFrom('legal', 'decision-766'), fc.boolean())
  .map(([name, supplements, lateAgainstOriginal]) => ({ ...CONVENTIONS[name], supplements: supplements as SummaryPolicy['supplements'], lateAgainstOriginal }));

describe('#22 a naive reference implementation from the written definitions agrees with summarize', () => {
  it('II.06a columns, buckets, every numerator, the rates and the 766 indices (ratio and points), per group and in total, under every convention (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fullRecordArb, { maxLength: 80 }),
        periodArb,
        fc.oneof(policyArb, conventionPolicyArb),
        fc.constantFrom<('field' | 'channel')[]>([], ['field'], ['field', 'channel']),
        fc.integer({ min: 0, max: 40 }),
        (records, p, policy, groupBy, back) => {
          const period = makePeriod(p);
          const asOfDate = new Date(`${period.to}T00:00:00Z`);
          asOfDate.setUTCDate(asOfDate.getUTCDate() - back);
          const asOf = asOfDate.toISOString().slice(0, 10);
          const got = summarize(records, { period, asOf, groupBy, policy });
          const want = naiveSummary(records, period.from, asOf, groupBy, policy);
          expect(got.rows.map((r) => r.key).sort()).toEqual([...want.keys()].sort());
          const total: Tally = {};
          for (const t of want.values()) for (const k of Object.keys(t)) total[k] = (total[k] ?? 0) + t[k]!;
          for (const row of [...got.rows, got.total]) {
            const w = row.key === 'total' ? total : want.get(row.key)!;
            // every count: what the naive code did not touch is 0
            for (const k of Object.keys(row.counts) as (keyof Counts)[]) expect(row.counts[k], `${row.key} ${k}`).toBe(w[k] ?? 0);
            const n = (k: string) => w[k] ?? 0;
            // the rates, numerator and denominator (docs/reports.md)
            const rates: [string, number, number][] = [
              ['onTime', n('early') + n('onTime'), n('resolved')],
              ['late', n('late'), n('resolved')],
              ['overdue', n('overdue'), n('pending')],
              ['online', n('online'), n('receivedInPeriod')],
              ['digitisation', n('digitised'), n('receivedInPeriod')],
              ['eResult', n('eResultWherePaperRequired'), n('paperResultRequired')],
              ['onlinePayment', n('paidOnline'), n('feeDue')],
              ['sync', n('synced'), n('receivedInPeriod')],
              ['satisfaction', n('received') - n('complaints'), n('received')],
            ];
            for (const [name, num, den] of rates) {
              const r = (row.rates as unknown as Record<string, { numerator: number; denominator: number }>)[name]!;
              expect([r.numerator, r.denominator], `${row.key} rate ${name}`).toEqual([num, den]);
            }
            const idx = indices766(row.counts);
            for (const [code, num, den, max, target] of naiveIndices(w)) {
              const i = idx.find((x) => x.code === code)!;
              expect([i.ratio.numerator, i.ratio.denominator], `${row.key} index ${code}`).toEqual([num, den]);
              const pts = pointsHundredths(percentHundredths(num, den), max, target);
              expect(i.score === null ? null : Math.round(i.score * 100), `${row.key} index ${code} points`).toBe(pts);
            }
          }
          // the balance each convention keeps: (3) = (7) + (11) + excluded
          const c = got.total.counts;
          expect(c.received).toBe(c.resolved + c.pending + c.excluded);
          if (policy.withdrawn !== 'excluded' && policy.refused !== 'excluded' && policy.stopped !== 'excluded') expect(c.received).toBe(c.resolved + c.pending);
        }
      ),
      { numRuns: 300 }
    );
  });

  it('a worked case under each convention, by hand: the numbers of the form', () => {
    const base = { procedureCode: '1.001193', field: 'Hộ tịch', agency: 'UBND xã A', level: 'commune', supplements: 0, extensions: 0, digitised: true, eResult: true, feeDue: false, paidOnline: false, synced: true, complaint: false } as const;
    const records: DossierRecord[] = [
      // received in Q1, resolved a day early
      { ...base, id: 'a', channel: 'online', receivedOn: '2024-01-10', dueOn: '2024-01-15', finishedOn: '2024-01-14', finishedAs: 'resolved' },
      // carried over from 2023, resolved late
      { ...base, id: 'b', channel: 'direct', receivedOn: '2023-12-20', dueOn: '2024-01-05', finishedOn: '2024-01-08', finishedAs: 'resolved' },
      // withdrawn after its due date
      { ...base, id: 'c', channel: 'direct', receivedOn: '2024-02-01', dueOn: '2024-02-05', finishedOn: '2024-02-09', finishedAs: 'withdrawn' },
      // pending, waiting for a supplement since before its due date passed
      { ...base, id: 'd', channel: 'online', receivedOn: '2024-03-01', dueOn: '2024-03-10', finishedOn: null, finishedAs: null, pausedSince: '2024-03-05', pausedFor: 'supplement', supplements: 1 },
      // pending, overdue
      { ...base, id: 'e', channel: 'postal', receivedOn: '2024-03-01', dueOn: '2024-03-20', finishedOn: null, finishedAs: null },
    ];
    const period = makePeriod('2024-Q1');
    const cols = (policy: Partial<SummaryPolicy>) => {
      const c = summarize(records, { period, policy }).total.counts;
      return [c.received, c.online, c.directOrPostal, c.carriedOver, c.resolved, c.early, c.onTime, c.late, c.pending, c.withinTime, c.overdue, c.excluded];
    };
    //                                                   (3) (4) (5) (6) (7) (8) (9) (10) (11) (12) (13) excl
    expect(cols(CONVENTIONS.default)).toEqual([5, 2, 2, 1, 2, 1, 0, 1, 2, 1, 1, 1]);
    expect(cols(CONVENTIONS['form-exact'])).toEqual([5, 2, 2, 1, 3, 1, 1, 1, 2, 1, 1, 0]);
    expect(cols(CONVENTIONS['all-resolved'])).toEqual([5, 2, 2, 1, 3, 1, 0, 2, 2, 1, 1, 0]);
    // Decision 766: the paused dossier d is judged at its request date (03-05, before its due date 03-10): still within time
    expect(cols({ ...CONVENTIONS.default, supplements: 'decision-766' })).toEqual([5, 2, 2, 1, 2, 1, 0, 1, 2, 1, 1, 1]);
    for (const [name, policy] of Object.entries(CONVENTIONS)) {
      const got = cols(policy);
      const want = naiveSummary(records, period.from, period.to, [], { ...policy, supplements: 'legal', lateAgainstOriginal: false }).get('*')!;
      expect(got, name).toEqual(['received', 'online', 'directOrPostal', 'carriedOver', 'resolved', 'early', 'onTime', 'late', 'pending', 'withinTime', 'overdue', 'excluded'].map((k) => want[k] ?? 0));
    }
  });
});
