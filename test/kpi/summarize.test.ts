import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/calendar/_lib/civil';
import { base, recordArb } from './_arbitraries';
import { add, createAccumulator, type DossierRecord, formatRate, merge, period, rate, result, summarize } from '../../src/kpi/index';

const Q1 = period('2024-Q1');
const policies = fc.record({
  withdrawn: fc.constantFrom('resolved', 'excluded'),
  refused: fc.constantFrom('resolved', 'excluded'),
  stopped: fc.constantFrom('resolved', 'excluded'),
  supplements: fc.constantFrom('legal', 'decision-766'),
  lateAgainstOriginal: fc.boolean(),
}) as fc.Arbitrary<Parameters<typeof createAccumulator>[0]['policy'] & object>;

describe('Biểu II.06a identities', () => {
  it('(3)=(4)+(5)+(6), (7)=(8)+(9)+(10), (11)=(12)+(13) and (3)=(7)+(11)+excluded hold on any data and policy', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 200 }), policies, fc.constantFrom<('field' | 'channel')[]>([], ['field'], ['field', 'channel']), (rs, policy, groupBy) => {
        const s = summarize(rs, { period: Q1, policy, groupBy });
        expect(s.identities.filter((i) => !i.ok)).toEqual([]);
        for (const row of s.rows) {
          const c = row.counts;
          expect(c.received).toBe(c.online + c.directOrPostal + c.carriedOver);
          expect(c.resolved).toBe(c.early + c.onTime + c.late);
          expect(c.pending).toBe(c.withinTime + c.overdue);
          expect(c.received).toBe(c.resolved + c.pending + c.excluded);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('accumulators merge into exactly the whole', () => {
  const acc = (rs: DossierRecord[]) => {
    const a = createAccumulator({ period: Q1, groupBy: ['field', 'channel'] });
    for (const r of rs) add(a, r);
    return a;
  };
  it('merge equals summarising the whole, and is associative and commutative', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 90 }), fc.array(recordArb, { maxLength: 90 }), fc.array(recordArb, { maxLength: 90 }), (a, b, c) => {
        const whole = result(acc([...a, ...b, ...c]));
        const left = result(merge(merge(acc(a), acc(b)), acc(c)));
        const right = result(merge(acc(a), merge(acc(b), acc(c))));
        const swapped = result(merge(acc(c), merge(acc(b), acc(a))));
        expect(left).toEqual(whole);
        expect(right).toEqual(whole);
        expect(swapped).toEqual(whole);
      }),
      { numRuns: 200 },
    );
  });

  it('an accumulator survives JSON (from a worker) and still merges', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 60 }), fc.array(recordArb, { maxLength: 60 }), (a, b) => {
        const viaJson = JSON.parse(JSON.stringify(acc(a)));
        expect(result(merge(viaJson, acc(b)))).toEqual(result(acc([...a, ...b])));
      }),
      { numRuns: 100 },
    );
  });

  it('refuses to merge different periods or policies', () => {
    expect(() => merge(createAccumulator({ period: Q1 }), createAccumulator({ period: period('2024-Q2') }))).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT', field: 'period' }));
    expect(() => merge(createAccumulator({ period: Q1 }), createAccumulator({ period: Q1, policy: { withdrawn: 'resolved' } }))).toThrowError(expect.objectContaining({ field: 'policy' }));
  });
});

describe('period boundaries', () => {
  it('moving the boundary between two periods loses no dossier: pending at the end of one is carried over into the next', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 200 }), fc.integer({ min: 30, max: 200 }), (rs, cut) => {
        const from = formatDate(base + 20);
        const to = formatDate(base + 240);
        const mid = base + cut;
        const p1 = period({ from, to: formatDate(mid - 1) });
        const p2 = period({ from: formatDate(mid), to });
        const whole = summarize(rs, { period: period({ from, to }) }).total.counts;
        const a = summarize(rs, { period: p1 }).total.counts;
        const b = summarize(rs, { period: p2 }).total.counts;
        expect(a.receivedInPeriod + b.receivedInPeriod).toBe(whole.receivedInPeriod);
        expect(a.resolved + b.resolved).toBe(whole.resolved);
        expect(a.excluded + b.excluded).toBe(whole.excluded);
        expect(a.pending).toBe(b.carriedOver);
        expect(b.pending).toBe(whole.pending);
        expect(a.carriedOver).toBe(whole.carriedOver);
      }),
      { numRuns: 300 },
    );
  });

  it('calendar and statistical periods', () => {
    expect(period('2024-Q1')).toEqual({ from: '2024-01-01', to: '2024-03-31', label: '2024-Q1' });
    expect(period('2024-02')).toMatchObject({ from: '2024-02-01', to: '2024-02-29' });
    expect(period('2024')).toMatchObject({ from: '2024-01-01', to: '2024-12-31' });
    expect(period('2024', { statistical: true })).toMatchObject({ from: '2023-12-15', to: '2024-12-14' });
    expect(period('2024-Q1', { statistical: true })).toMatchObject({ from: '2023-12-15', to: '2024-03-14' });
    expect(period('2024-03', { statistical: true })).toMatchObject({ from: '2024-02-15', to: '2024-03-14' });
    for (const bad of ['2024-Q5', '2024-13', '24', '2024-1']) expect(() => period(bad)).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT', field: 'period' }));
    expect(() => period({ from: '2024-03-01', to: '2024-02-01' })).toThrowError(expect.objectContaining({ field: 'period' }));
  });
});

describe('a worked quarter', () => {
  const r = (id: string, channel: DossierRecord['channel'], receivedOn: string, dueOn: string, finishedOn: string | null, finishedAs: DossierRecord['finishedAs'] = 'resolved', extra: Partial<DossierRecord> = {}): DossierRecord => ({
    id, procedureCode: '2.000815', field: 'Chứng thực', agency: 'UBND xã A', level: 'commune', channel, receivedOn, dueOn, finishedOn, finishedAs: finishedOn ? finishedAs : null,
    supplements: 0, extensions: 0, digitised: true, eResult: false, feeDue: false, paidOnline: false, synced: true, complaint: false, ...extra,
  });
  const records = [
    r('carried-late', 'direct', '2023-12-20', '2023-12-27', '2024-01-03'),
    r('early', 'online', '2024-01-02', '2024-01-05', '2024-01-04'),
    r('on-time', 'online', '2024-02-06', '2024-02-08', '2024-02-08'),
    r('late', 'postal', '2024-02-07', '2024-02-19', '2024-02-20'),
    r('withdrawn', 'direct', '2024-03-01', '2024-03-06', '2024-03-04', 'withdrawn'),
    r('pending-ok', 'direct', '2024-03-28', '2024-04-02', null),
    r('pending-overdue', 'online', '2024-03-01', '2024-03-29', null),
    r('two-supplements', 'online', '2024-01-08', '2024-01-30', '2024-01-29', 'resolved', { supplements: 2 }),
    r('before', 'direct', '2023-11-01', '2023-11-03', '2023-11-03'),
    r('after', 'direct', '2024-04-01', '2024-04-03', null),
  ];

  it('counts every column as the convention says', () => {
    const c = summarize(records, { period: Q1 }).total.counts;
    expect(c).toMatchObject({ received: 8, online: 4, directOrPostal: 3, carriedOver: 1, resolved: 5, early: 2, onTime: 1, late: 2, pending: 2, withinTime: 1, overdue: 1, withdrawn: 1, excluded: 1 });
  });

  it('Decision 766 counts more than one supplement request as late; withdrawals can count as resolved', () => {
    const c = summarize(records, { period: Q1, policy: { supplements: 'decision-766', withdrawn: 'resolved' } }).total.counts;
    expect(c).toMatchObject({ resolved: 6, early: 2, onTime: 1, late: 3, excluded: 0 });
  });

  it('asOf earlier than the period end treats later results as pending', () => {
    const c = summarize(records, { period: Q1, asOf: '2024-02-07' }).total.counts;
    expect(c).toMatchObject({ received: 5, resolved: 3, pending: 2 });
  });

  it('rates print like official reports', () => {
    const s = summarize(records, { period: Q1 });
    expect(formatRate(s.total.rates.onTime)).toBe('60,00%');
    expect(formatRate(rate(1270, 1320))).toBe('96,21%');
    expect(formatRate(rate(1269, 1320), { rounding: 'truncate' })).toBe('96,13%');
    expect(formatRate(rate(1269, 1320))).toBe('96,14%');
    expect(formatRate(rate(1, 8), { decimals: 1 })).toBe('12,5%');
    expect(formatRate(rate(1, 16), { decimals: 1 })).toBe('6,3%');
    expect(formatRate(rate(0, 0))).toBe('-');
  });

  it('bad records are refused with the record and field', () => {
    expect(() => summarize([{ ...records[1]!, receivedOn: '2024-1-2' }], { period: Q1 })).toThrowError(expect.objectContaining({ code: 'INVALID_DATE', field: 'receivedOn' }));
    expect(() => summarize([{ ...records[1]!, finishedAs: null }], { period: Q1 })).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT', field: 'finishedAs' }));
    expect(() => createAccumulator({ period: Q1, groupBy: ['color' as never] })).toThrowError(expect.objectContaining({ field: 'groupBy[0]' }));
  });
});
