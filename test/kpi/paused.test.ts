/**
 * Issue #22, wrong figure 1: a dossier waiting for the applicant (supplement, financial
 * obligation, other clock stop) is not overdue under the law, since no period runs while it waits
 * (Decree 118/2025 Art 19(5)); under Decision 766 it is judged at the request date. Worked numbers.
 */
import { describe, expect, it } from 'vitest';
import type { DossierEvent } from '../../src/dossier/index';
import { CONVENTIONS, type DossierRecord, period, readRecords, recordFromLog, summarize, validateRecord } from '../../src/kpi/index';
import { findProcedure, sampleCatalog } from '../../src/procedure/index';

const base = {
  procedureCode: '1.001193', field: 'Hộ tịch', agency: 'UBND xã A', level: 'commune', channel: 'direct', supplements: 0, extensions: 0,
  digitised: false, eResult: false, feeDue: false, paidOnline: false, synced: true, complaint: false, finishedOn: null, finishedAs: null,
} as const;
const rec = (o: Partial<DossierRecord> & Pick<DossierRecord, 'id' | 'receivedOn' | 'dueOn'>): DossierRecord => ({ ...base, ...o });

// Q1/2026, counted at 31/3/2026.
const records: DossierRecord[] = [
  // A: waiting for a supplement since 5/3, its old due date 10/3 has passed by 31/3
  rec({ id: 'A', receivedOn: '2026-03-02', dueOn: '2026-03-10', supplements: 1, pausedSince: '2026-03-05', pausedFor: 'supplement' }),
  // B: waiting for the applicant's financial obligation since 25/2, already past its due date 20/2 then
  rec({ id: 'B', receivedOn: '2026-02-02', dueOn: '2026-02-20', pausedSince: '2026-02-25', pausedFor: 'financial-obligation' }),
  // C: not paused, due 16/3: overdue
  rec({ id: 'C', receivedOn: '2026-03-02', dueOn: '2026-03-16' }),
  // D: not paused, due 3/4: within time
  rec({ id: 'D', receivedOn: '2026-03-20', dueOn: '2026-04-03' }),
  // E: withdrawn on 10/2 while waiting for a supplement since 15/1 (due 20/1): judged at the pause start
  rec({ id: 'E', receivedOn: '2026-01-05', dueOn: '2026-01-20', supplements: 1, finishedOn: '2026-02-10', finishedAs: 'withdrawn', pausedSince: '2026-01-15', pausedFor: 'supplement' }),
];

describe('paused dossiers (issue #22, figure 1)', () => {
  it('legal convention (default): a pending paused dossier is within time (12), not overdue (13)', () => {
    const c = summarize(records, { period: period('2026-Q1') }).total.counts;
    // (11) = A, B, C, D; (12) = A, B (paused) + D; (13) = C only. Judged against the old due
    // dates, A and B would be overdue: (13) would be 3, the overdue rate 75% instead of 25%.
    expect({ received: c.received, pending: c.pending, withinTime: c.withinTime, overdue: c.overdue, paused: c.paused, excluded: c.excluded }).toEqual({
      received: 5, pending: 4, withinTime: 3, overdue: 1, paused: 2, excluded: 1,
    });
    const s = summarize(records, { period: period('2026-Q1') });
    expect(s.total.rates.overdue).toMatchObject({ numerator: 1, denominator: 4, value: 0.25 });
  });

  it('Decision 766 (--policy-766): judged at the request date; B was already overdue when it paused', () => {
    const c = summarize(records, { period: period('2026-Q1'), policy: { supplements: 'decision-766' } }).total.counts;
    // A: due 10/3 ≥ paused 5/3 → within time; B: due 20/2 < paused 25/2 → overdue; C overdue; D within time
    expect({ withinTime: c.withinTime, overdue: c.overdue, paused: c.paused }).toEqual({ withinTime: 2, overdue: 2, paused: 2 });
  });

  it('a dossier paused after the reporting date is judged as running at that date', () => {
    // counted at 4/3, before A paused on 5/3: A is due 10/3, within time anyway; B paused on 25/2 is paused at 4/3
    const c = summarize(records, { period: period('2026-Q1'), asOf: '2026-03-04' }).total.counts;
    expect(c.paused).toBe(1);
    // at 12/3 under a report ending then, C (due 16/3) is within time, A paused, B paused
    const d = summarize(records, { period: { from: '2026-01-01', to: '2026-03-12', label: 'x' } }).total.counts;
    expect({ withinTime: d.withinTime, overdue: d.overdue }).toEqual({ withinTime: 3, overdue: 0 });
  });

  it('an end while paused is judged at the pause start (E: withdrawn 10/2, paused 15/1, due 20/1 → early, not late)', () => {
    const all = summarize(records, { period: period('2026-Q1'), policy: CONVENTIONS['all-resolved'] }).total.counts;
    expect({ resolved: all.resolved, early: all.early, onTime: all.onTime, late: all.late }).toEqual({ resolved: 1, early: 1, onTime: 0, late: 0 });
    const form = summarize(records, { period: period('2026-Q1'), policy: CONVENTIONS['form-exact'] }).total.counts;
    expect({ resolved: form.resolved, onTime: form.onTime, excluded: form.excluded }).toEqual({ resolved: 1, onTime: 1, excluded: 0 });
    expect(form.received).toBe(form.resolved + form.pending); // (3) = (7) + (11)
  });

  it('the CSV reader reads the pause, with its reason by name, Vietnamese word or national status code', async () => {
    const csv = [
      'id,procedureCode,field,agency,level,channel,receivedOn,dueOn,finishedOn,finishedAs,pausedSince,pausedFor',
      'A,1.001193,Hộ tịch,UBND xã A,commune,direct,2026-03-02,2026-03-10,,,05/03/2026,Yêu cầu bổ sung',
      'B,1.001193,Hộ tịch,UBND xã A,commune,direct,2026-02-02,2026-02-20,,,2026-02-25,6',
      'C,1.001193,Hộ tịch,UBND xã A,commune,direct,2026-03-02,2026-03-16,,,,',
      'F,1.001193,Hộ tịch,UBND xã A,commune,direct,2026-03-02,2026-03-16,,,2026-03-03,',
      'G,1.001193,Hộ tịch,UBND xã A,commune,direct,2026-03-02,2026-03-16,2026-03-05,resolved,2026-03-03,supplement',
    ].join('\n');
    const out = [];
    for await (const r of readRecords([csv])) out.push(r);
    expect(out.slice(0, 3).map((r) => (r.ok ? [r.record.pausedSince, r.record.pausedFor] : r.reason))).toEqual([
      ['2026-03-05', 'supplement'], ['2026-02-25', 'financial-obligation'], [null, null],
    ]);
    expect(out[3]).toEqual({ ok: false, line: 5, reason: 'pausedFor: is empty, but pausedSince is 2026-03-03: say what the dossier waits for (supplement, financial-obligation or other)' });
    expect(out[4]).toMatchObject({ ok: false, line: 6, reason: expect.stringContaining('a resolved dossier is not waiting') });
  });

  it('the event-log path carries the pause: a supplement requested and not yet received', () => {
    const p = findProcedure(sampleCatalog, '1.001266')!; // 5 working days
    const E = (id: string, type: string, at: string, extra: Record<string, unknown> = {}) => ({ id, type, at, ...extra }) as DossierEvent;
    const facts = { digitised: true, eResult: false, feeDue: false, paidOnline: false, synced: true, complaint: false };
    const log = [E('e1', 'received', '2026-03-02T09:00+07:00', { channel: 'direct' }), E('e2', 'supplement-requested', '2026-03-03T10:00+07:00')];
    const r = recordFromLog(log, { id: 'HKD-1', procedure: p, agency: 'UBND xã A', facts });
    expect(r).toMatchObject({ receivedOn: '2026-03-02', finishedOn: null, pausedSince: '2026-03-03', pausedFor: 'supplement', supplements: 1 });
    expect(validateRecord(r)).toEqual([]);
    // at 31/3 the old due date (9/3) has long passed, but the dossier waits for the applicant
    expect(summarize([r], { period: period('2026-Q1') }).total.counts).toMatchObject({ pending: 1, withinTime: 1, overdue: 0, paused: 1 });
    const resumed = recordFromLog([...log, E('e3', 'supplement-received', '2026-03-06T10:00+07:00')], { id: 'HKD-1', procedure: p, agency: 'UBND xã A', facts });
    expect(resumed.pausedSince ?? null).toBeNull();
  });
});
