/**
 * Issue #22, Decision 766 index 2.2 (average handling time of a procedure): motcua's reading [?]
 * of the portal's formula description, worked with numbers, and how score766 lists it (0 points,
 * estimated; missing when not given).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addHandlingTime, createHandlingTime, type DossierRecord, emptyCounts, handlingTime766, handlingTimeResult, indices766, mergeHandlingTime, period, recordAndWaitsFromLog, sampleRecords, score766 } from '../../src/kpi/index';
import { findProcedure, sampleCatalog } from '../../src/procedure/index';

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
    expect(h).toMatchObject({ code: '2.2', points: 0, basis: '[?]', withSupplements: 1, supplementWaitsKnown: 0, supplementWaitsSubtracted: 0 });
    expect(h.byProcedure).toEqual([
      // (4 + 4 + 0) / 3 = 2.666… → 2.67 days; (4 + 2 + 0) / 3 = 2 working days
      { procedureCode: 'P1', dossiers: 3, days: 8, averageDays: 2.67, dossiersInCalendar: 3, workingDays: 6, averageWorkingDays: 2, supplementWaitDays: 0, supplementWaitWorkingDays: 0 },
      { procedureCode: 'P2', dossiers: 1, days: 13, averageDays: 13, dossiersInCalendar: 1, workingDays: 9, averageWorkingDays: 9, supplementWaitDays: 0, supplementWaitWorkingDays: 0 },
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

  it('subtracts the supplement waits when they are given (an event log): worked numbers', () => {
    const q = period('2026-Q1');
    const st = createHandlingTime({ period: q });
    // P1 W: Mon 2/3 → Fri 13/3: 11 days, 9 working days (3-6, 9-13/3); waits Tue 3/3 → Fri 6/3
    // (3 days, 3 working days: 4, 5, 6/3) and Mon 9/3 → Tue 10/3 (1 day, 1 working day): net 7 days, 5 working days
    const w = rec({ id: 'W', procedureCode: 'P1', receivedOn: '2026-03-02', dueOn: '2026-03-20', finishedOn: '2026-03-13', finishedAs: 'resolved', supplements: 2 });
    expect(addHandlingTime(st, w, [{ from: '2026-03-03', to: '2026-03-06' }, { from: '2026-03-09', to: '2026-03-10' }])).toBe(true);
    // A with its waits known to be none, G (a supplement, wait not given): not subtracted
    addHandlingTime(st, records[0]!, []);
    addHandlingTime(st, records[2]!);
    const h = handlingTimeResult(st);
    // (7 + 4 + 0) / 3 = 3.67 days; (5 + 4 + 0) / 3 = 3 working days
    expect(h.byProcedure).toEqual([{ procedureCode: 'P1', dossiers: 3, days: 11, averageDays: 3.67, dossiersInCalendar: 3, workingDays: 9, averageWorkingDays: 3, supplementWaitDays: 4, supplementWaitWorkingDays: 4 }]);
    expect(h).toMatchObject({ withSupplements: 1, supplementWaitsKnown: 2, supplementWaitsSubtracted: 1 });
  });

  it('a wait outside [receipt, end] or not a date pair is an INVALID_INPUT naming the dossier and the wait', () => {
    const st = createHandlingTime({ period: period('2026-Q1') });
    const a = records[0]!; // 2/3 → 6/3
    expect(() => addHandlingTime(st, a, [{ from: '2026-03-01', to: '2026-03-03' }])).toThrow(/^supplementWaits\[0\]: dossier "A": .*\[2026-03-02, 2026-03-06\]/);
    expect(() => addHandlingTime(st, a, [{ from: '2026-03-03', to: '2026-03-09' }])).toThrow(/supplementWaits\[0\]/);
    expect(() => addHandlingTime(st, a, [{ from: '2026-03-04', to: '2026-03-03' }])).toThrow(/supplementWaits\[0\]/);
    expect(() => addHandlingTime(st, a, [{ from: '2026-03-03', to: '2026-03-04' }, { from: 'x', to: '2026-03-04' } as never])).toThrow(/supplementWaits\[1\]/);
    expect(() => addHandlingTime(st, a, 'x' as never)).toThrow(/expected an array/);
    try {
      addHandlingTime(st, a, [{ from: '2026-03-01', to: '2026-03-03' }]);
    } catch (e) {
      expect((e as { code: string; texts: { vi: string } }).code).toBe('INVALID_INPUT');
      expect((e as { texts: { vi: string } }).texts.vi).toMatch(/^supplementWaits\[0\]: hồ sơ "A": /);
    }
    // nothing was added by the refused calls
    expect(handlingTimeResult(st).total.dossiers).toBe(0);
  });

  it('recordAndWaitsFromLog gives the waits of the log, and the record of recordFromLog', () => {
    const facts = { digitised: true, eResult: false, feeDue: false, paidOnline: false, synced: true, complaint: false };
    const { record, supplementWaits } = recordAndWaitsFromLog(
      [
        { id: 'e1', type: 'received', at: '2026-03-02T09:00+07:00', channel: 'direct' },
        { id: 'e2', type: 'supplement-requested', at: '2026-03-03T09:00+07:00' },
        { id: 'e3', type: 'supplement-received', at: '2026-03-05T10:00+07:00' },
        { id: 'e4', type: 'resolved', at: '2026-03-06T14:00+07:00' },
      ],
      { id: 'H1', procedure: findProcedure(sampleCatalog, '1.004873')!, agency: 'UBND xã A', facts },
    );
    expect(record).toMatchObject({ receivedOn: '2026-03-02', finishedOn: '2026-03-06', supplements: 1 });
    expect(supplementWaits).toEqual([{ from: '2026-03-03', to: '2026-03-05' }]);
    const h = handlingTimeResult(Object.assign(createHandlingTime({ period: period('2026-03') }), {}));
    expect(h.total.dossiers).toBe(0);
    const st = createHandlingTime({ period: period('2026-03') });
    addHandlingTime(st, record, supplementWaits);
    // 4 days − 2 days of wait = 2; working days (2/3, 6/3] = 4 − (3/3, 5/3] = 2 → 2
    expect(handlingTimeResult(st).total).toMatchObject({ days: 2, workingDays: 2, supplementWaitDays: 2, supplementWaitWorkingDays: 2 });
  });

  it('mergeHandlingTime: any split of the records, merged in any order, gives the state of one pass (fast-check); Map keys', () => {
    const q = period('2025');
    const all = sampleRecords({ year: 2025 });
    // procedure codes are user data: a code named like an Object.prototype key
    const odd = all.filter((r) => r.finishedAs === 'resolved' && r.receivedOn >= '2025-01-01').slice(0, 40).map((r, i) => ({ ...r, id: `${r.id}-x`, procedureCode: i % 2 ? '__proto__' : 'constructor' }));
    const records2 = [...all, ...odd];
    const one = createHandlingTime({ period: q });
    for (const r of records2) addHandlingTime(one, r);
    const want = handlingTimeResult(one);
    expect(want.byProcedure.map((r) => r.procedureCode)).toEqual(expect.arrayContaining(['__proto__', 'constructor']));
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 2 }), { minLength: records2.length, maxLength: records2.length }), fc.boolean(), (parts, reversed) => {
        const states = [0, 1, 2].map(() => createHandlingTime({ period: q }));
        records2.forEach((r, i) => addHandlingTime(states[parts[i]!]!, r));
        const snapshot = JSON.stringify([...states[0]!.byProcedure]);
        const merged = reversed ? mergeHandlingTime(states[2]!, mergeHandlingTime(states[1]!, states[0]!)) : mergeHandlingTime(mergeHandlingTime(states[0]!, states[1]!), states[2]!);
        expect(handlingTimeResult(merged)).toEqual(want);
        // pure: the parts are unchanged
        expect(JSON.stringify([...states[0]!.byProcedure])).toBe(snapshot);
      }),
      { numRuns: 20 },
    );
    expect(() => mergeHandlingTime(createHandlingTime({ period: q }), createHandlingTime({ period: period('2025-Q1') }))).toThrow(/different dates/);
  });
});
