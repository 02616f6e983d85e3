/**
 * Issue #22, Decision 766 index 2.2 (average handling time of a procedure): motcua's reading [?]
 * of the portal's formula description, worked with numbers, and how score766 lists it (0 points,
 * estimated; missing when not given).
 */
import { describe, expect, it } from 'vitest';
import { type DossierRecord, emptyCounts, handlingTime766, indices766, period, score766 } from '../../src/kpi/index';

const base = {
  field: 'Hộ tịch', agency: 'UBND xã A', level: 'commune', channel: 'direct', supplements: 0, extensions: 0,
  digitised: false, eResult: false, feeDue: false, paidOnline: false, synced: true, complaint: false, finishedOn: null, finishedAs: null,
} as const;
const rec = (o: Partial<DossierRecord> & Pick<DossierRecord, 'id' | 'procedureCode' | 'receivedOn' | 'dueOn'>): DossierRecord => ({ ...base, ...o });

// Q1/2026. Working days on the civil-servant calendar (no holiday in March or early April 2026).
const records: DossierRecord[] = [
  // P1 A: Mon 2/3 → Fri 6/3: 4 days, 4 working days (3, 4, 5, 6/3)
  rec({ id: 'A', procedureCode: 'P1', receivedOn: '2026-03-02', dueOn: '2026-03-09', finishedOn: '2026-03-06', finishedAs: 'resolved' }),
  // P1 B: Fri 6/3 → Tue 10/3: 4 days, 2 working days (9, 10/3)
  rec({ id: 'B', procedureCode: 'P1', receivedOn: '2026-03-06', dueOn: '2026-03-13', finishedOn: '2026-03-10', finishedAs: 'resolved' }),
  // P1 G: resolved the day it was received, after a supplement request: 0 days (the wait is not subtracted)
  rec({ id: 'G', procedureCode: 'P1', receivedOn: '2026-03-10', dueOn: '2026-03-13', finishedOn: '2026-03-10', finishedAs: 'resolved', supplements: 1 }),
  // P2 C: result returned (10) without 9, after the period: Fri 20/3 → Thu 2/4: 13 days, 9 working days; counts
  rec({ id: 'C', procedureCode: 'P2', receivedOn: '2026-03-20', dueOn: '2026-04-03', returnedOn: '2026-04-02' }),
  // not counted: refused (D), received before the period (E), pending (F), withdrawn (H)
  rec({ id: 'D', procedureCode: 'P1', receivedOn: '2026-03-02', dueOn: '2026-03-09', finishedOn: '2026-03-03', finishedAs: 'refused' }),
  rec({ id: 'E', procedureCode: 'P1', receivedOn: '2025-12-20', dueOn: '2026-01-09', finishedOn: '2026-01-05', finishedAs: 'resolved' }),
  rec({ id: 'F', procedureCode: 'P2', receivedOn: '2026-03-25', dueOn: '2026-04-08' }),
  rec({ id: 'H', procedureCode: 'P2', receivedOn: '2026-03-02', dueOn: '2026-03-09', finishedOn: '2026-03-04', finishedAs: 'withdrawn' }),
];

describe('handlingTime766 (index 2.2, issue #22)', () => {
  it('averages end − receipt over the resolved dossiers received in the period, per procedure and over all', () => {
    const h = handlingTime766(records, { period: period('2026-Q1') });
    expect(h).toMatchObject({ code: '2.2', points: 0, basis: '[?]', withSupplements: 1 });
    expect(h.byProcedure).toEqual([
      // (4 + 4 + 0) / 3 = 2.666… → 2.67 days; (4 + 2 + 0) / 3 = 2 working days
      { procedureCode: 'P1', dossiers: 3, days: 8, averageDays: 2.67, dossiersInCalendar: 3, workingDays: 6, averageWorkingDays: 2 },
      { procedureCode: 'P2', dossiers: 1, days: 13, averageDays: 13, dossiersInCalendar: 1, workingDays: 9, averageWorkingDays: 9 },
    ]);
    // 21 / 4 = 5.25 days, 15 / 4 = 3.75 working days
    expect(h.total).toMatchObject({ procedureCode: '*', dossiers: 4, days: 21, averageDays: 5.25, workingDays: 15, averageWorkingDays: 3.75 });
  });

  it('asOf: only dossiers received by then', () => {
    const h = handlingTime766(records, { period: period('2026-Q1'), asOf: '2026-03-05' });
    expect(h.total).toMatchObject({ dossiers: 1, days: 4, workingDays: 4 });
  });

  it('no resolved dossier: averages null; a bad period is an INVALID_OPTION', () => {
    const h = handlingTime766([], { period: period('2026-Q1') });
    expect(h.total).toMatchObject({ dossiers: 0, averageDays: null, averageWorkingDays: null });
    expect(() => handlingTime766([], { period: undefined as never })).toThrow(/period/);
    expect(() => handlingTime766([], { period: period('2026-Q1'), asOf: '2026-02-30' })).toThrow(/asOf/);
  });

  it('score766 lists 2.2 with 0 points: estimated when given with dossiers, not applicable with none, missing when not given; totals unchanged', () => {
    const idx = indices766({ ...emptyCounts(), received: 4, receivedInPeriod: 4, resolved: 4, early: 4 });
    const without = score766(idx);
    const withIt = score766(idx, { handlingTime: handlingTime766(records, { period: period('2026-Q1') }) });
    const p22 = (s: typeof without) => s.points.find((p) => p.code === '2.2');
    expect(p22(without)).toMatchObject({ points: 0, status: 'missing', score: null, input: 'dossiers' });
    expect(p22(withIt)).toMatchObject({ points: 0, status: 'estimated', score: null });
    expect(p22(score766(idx, { handlingTime: handlingTime766([], { period: period('2026-Q1') }) }))).toMatchObject({ status: 'not-applicable' });
    expect(withIt.total).toEqual(without.total);
    expect(withIt.groups).toEqual(without.groups);
    expect(withIt.points.reduce((a, p) => a + p.points, 0)).toBe(100);
    expect(() => score766([{ ...idx[0]!, code: '2.2' }])).toThrow(/options\.handlingTime/);
    expect(() => score766(idx, { handlingTime: { code: '2.1' } as never })).toThrow(/handlingTime766/);
  });
});
