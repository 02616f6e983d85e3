/**
 * recordFromLog takes its figures from the dossier module's public results (#15): the pause an ended
 * dossier is judged at (`timeliness(d).judgedAt`), the fee and online payment (`paymentOf(d)`), and
 * its verdict in Biểu II.06a is the verdict of `timeliness(d)`.
 */
import { describe, expect, it } from 'vitest';
import { generateLogs } from '../../bench/_lib/dossier-logs';
import { paymentOf, replay, timeliness } from '../../src/dossier/index';
import type { DossierEvent, DossierProcedure } from '../../src/dossier/index';
import { EventLogError, period, recordFromLog, summarize } from '../../src/kpi/index';

const facts = { digitised: true, eResult: false, feeDue: false, paidOnline: false, synced: true, complaint: false };
const E = (id: string, type: string, at: string, extra: Record<string, unknown> = {}) => ({ id, type, at, ...extra }) as DossierEvent;
/** Household business registration (1.001612): 3 working days. */
const household: DossierProcedure = { code: '1.001612', channels: [{ channel: 'direct', limit: { amount: 3, unit: 'working-day' } }], cutoff: null, clockStops: ['financial-obligation'], steps: null, immediate: false };
const where = { field: 'Đăng ký kinh doanh', agency: 'UBND xã A', level: 'commune' as const };

function verdict(r: ReturnType<typeof recordFromLog>, supplements: 'legal' | 'decision-766'): string {
  const c = summarize([r], { period: period(r.finishedOn!.slice(0, 7)), policy: { supplements } } as never).total.counts;
  return c.early ? 'early' : c.onTime ? 'on-time' : c.late ? 'late' : 'outside';
}

describe('recordFromLog from the dossier results', () => {
  it('closed for no supplement (Decree 118/2025 Art 19(5)): pausedSince is the date timeliness judges it at, and it is not late', () => {
    const log = [E('e1', 'received', '2025-07-01T09:00+07:00'), E('e2', 'supplement-requested', '2025-07-02T10:00+07:00'), E('e3', 'supplement-expired', '2025-07-18T09:00+07:00')];
    const d = replay(log, { procedure: household });
    const t = timeliness(d);
    expect(t.judgedAt).toBe('2025-07-02T10:00+07:00');
    const r = recordFromLog(log, { id: 'HKD-9', procedure: household, facts, ...where });
    expect(r).toMatchObject({ pausedSince: '2025-07-02', pausedFor: 'supplement', finishedOn: '2025-07-18', dueOn: '2025-07-04' });
    expect(t.result).toBe('early');
    // closed as stopped (closedWithoutSupplementAs): the default policy keeps stops outside the early/on-time/late columns; never late
    expect(r.finishedAs).toBe('stopped');
    expect(verdict(r, 'legal')).not.toBe('late');
    const asRefused = recordFromLog(log, { id: 'HKD-9', procedure: household, facts, ...where, closedWithoutSupplementAs: 'refused' });
    expect(verdict(asRefused, 'legal')).toBe('early');
  });

  it('fee events: feeDue and paidOnline come from paymentOf (facts may leave them out; a contradicting fact is refused)', () => {
    const log = [
      E('e1', 'received', '2026-03-02T09:00+07:00'),
      E('e2', 'fee-assessed', '2026-03-02T09:05+07:00', { amount: 100000 }),
      E('e3', 'fee-paid', '2026-03-02T09:30+07:00', { channel: 'online-national-portal' }),
      E('e4', 'resolved', '2026-03-03T10:00+07:00'),
    ];
    const { feeDue: _f, paidOnline: _p, ...rest } = facts;
    const r = recordFromLog(log, { id: 'P-1', procedure: household, facts: rest, ...where });
    const pay = paymentOf(replay(log, { procedure: household }));
    expect([r.feeDue, r.paidOnline]).toEqual([pay.feeDue, pay.paidOnline]);
    expect([r.feeDue, r.paidOnline]).toEqual([true, true]);
    expect(recordFromLog(log, { id: 'P-1', procedure: household, facts: { ...rest, feeDue: true }, ...where }).paidOnline).toBe(true);
    let err: unknown;
    try {
      recordFromLog(log, { id: 'P-1', procedure: household, facts, ...where });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EventLogError);
    // both facts contradict the log (false, false against true, true): one error names both
    expect(err).toMatchObject({ problem: 'missing-input', field: 'facts', dossierId: 'P-1', value: { feeDue: false, paidOnline: false } });
    expect((err as Error).message).toMatch(/feeDue: facts\.feeDue is false, but the log's fee events say true.*; paidOnline: facts\.paidOnline is false/);
    // one contradiction alone is named by its key
    expect(() => recordFromLog(log, { id: 'P-1', procedure: household, facts: { ...rest, paidOnline: false }, ...where })).toThrow(expect.objectContaining({ problem: 'missing-input', field: 'facts.paidOnline' }));
    // paid at the counter: a fee due, not paid online
    const counter = log.map((e) => (e.id === 'e3' ? { ...e, channel: 'counter' } : e)) as DossierEvent[];
    expect(recordFromLog(counter, { id: 'P-2', procedure: household, facts: rest, ...where })).toMatchObject({ feeDue: true, paidOnline: false });
  });

  it('no fee events: feeDue and paidOnline are still required facts', () => {
    const log = [E('e1', 'received', '2026-03-02T09:00+07:00'), E('e2', 'resolved', '2026-03-03T10:00+07:00')];
    const { paidOnline: _p, ...rest } = facts;
    expect(() => recordFromLog(log, { id: 'P-3', procedure: household, facts: rest, ...where })).toThrow(expect.objectContaining({ problem: 'missing-input', field: 'facts.paidOnline' }));
    expect(() => recordFromLog(log, { id: 'P-3', procedure: household, facts: { ...facts, feeDue: 'yes' } as never, ...where })).toThrow(expect.objectContaining({ problem: 'missing-input', field: 'facts.feeDue' }));
  });

  it("the record's II.06a verdict is timeliness(d).result for every resolved or refused dossier of 3,000 generated logs (both supplement policies)", () => {
    let compared = 0;
    for (const l of generateLogs(3000, 11)) {
      const d = replay(l.events, { procedure: l.procedure, policy: l.policy });
      if (d.rejected.length || d.end === null || d.clock === null) continue;
      const r = recordFromLog(l.events, { id: 'x', procedure: l.procedure, policy: l.policy, facts, ...where });
      const v = verdict(r, l.policy.supplement === 'decision-766' ? 'decision-766' : 'legal');
      if (r.finishedAs === 'withdrawn') {
        expect(v).toBe('outside');
        continue;
      }
      expect(v).toBe(timeliness(d).result);
      compared++;
    }
    expect(compared).toBeGreaterThan(1500);
  });
});
