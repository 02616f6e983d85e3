/**
 * Worked cases of issue #15 "Dossier lifecycle true to the law, case by case": one test per rule,
 * named after it and citing the article. Outcomes were worked out from the decrees before running.
 */
import { describe, expect, it } from 'vitest';
import { evolve, isDossierError, replay, statusAt, timeliness } from '../../src/dossier/index';
import type { Dossier, DossierError, DossierEvent, DossierProcedure } from '../../src/dossier/index';
import { ev, simpleProcedure } from './_fixtures';

function rejectsWith(d: Dossier, e: DossierEvent, rule: string): DossierError {
  const before = JSON.stringify(d);
  let caught: unknown;
  try {
    evolve(d, e);
  } catch (err) {
    caught = err;
  }
  expect(isDossierError(caught)).toBe(true);
  const err = caught as DossierError;
  expect(err.rule).toBe(rule);
  expect(err.event).toBe(e.type);
  expect(JSON.stringify(d)).toBe(before);
  return err;
}

/** Household business registration (đăng ký hộ kinh doanh, 1.001612): 3 working days. */
const household: DossierProcedure = { ...simpleProcedure(3), code: '1.001612' };

describe('Fix 1: a dossier that ends while its clock is paused is not late', () => {
  const closed = [
    ev('received', '2025-07-01T09:00+07:00'),
    ev('supplement-requested', '2025-07-02T10:00+07:00'),
    ev('supplement-expired', '2025-07-18T09:00+07:00'),
  ];
  it('Decree 118 Art 19(5): a dossier closed for no supplement is judged at the supplement request, not late', () => {
    const d = replay(closed, { procedure: household, strict: true });
    expect(d.state).toBe('closed-no-supplement');
    expect(d.clock?.dueDate).toBe('2025-07-04');
    const t = timeliness(d);
    expect(t.endAt).toBe('2025-07-18T09:00+07:00');
    expect(t.judgedAt).toBe('2025-07-02T10:00+07:00');
    expect(t.result).toBe('early');
    expect(t.workingDaysMargin).toBe(2); // answered on 2/7, two working days before the 4/7 due date
    expect(statusAt(d, '2025-07-20T09:00+07:00')).toMatchObject({ ended: true, withinTime: true });
  });
  it('Decision 766 index 2.1: when the applicant never supplements, the end time is the supplement request', () => {
    const d = replay(closed, { procedure: household, policy: { supplement: 'decision-766' }, strict: true });
    const t = timeliness(d);
    expect(t.judgedAt).toBe('2025-07-02T10:00+07:00');
    expect(t.result).toBe('early');
    expect(statusAt(d, '2025-07-20T09:00+07:00').withinTime).toBe(true);
  });
  it('Decree 118 Art 21 with specialised law: a dossier stopped while waiting for a financial obligation is judged at the stop of the clock', () => {
    const d = replay(
      [ev('received', '2025-07-01T09:00+07:00'), ev('clock-stopped', '2025-07-03T09:00+07:00', { reason: 'financial-obligation' }), ev('stopped', '2025-07-25T09:00+07:00', { reason: 'không nộp nghĩa vụ tài chính' })],
      { procedure: household, strict: true },
    );
    const t = timeliness(d);
    expect(t.result).toBe('early');
    expect(t.judgedAt).toBe('2025-07-03T09:00+07:00');
    expect(statusAt(d, '2025-07-30T09:00+07:00').withinTime).toBe(true);
  });
  it('Decree 118 Art 21(1): a dossier withdrawn while a supplement is pending ends within time', () => {
    const d = replay([ev('received', '2025-07-01T09:00+07:00'), ev('supplement-requested', '2025-07-04T10:00+07:00'), ev('withdrawal-requested', '2025-07-15T09:00+07:00')], {
      procedure: household,
      strict: true,
    });
    const t = timeliness(d);
    expect(t.endKind).toBe('withdrawn');
    expect(t.result).toBe('on-time'); // requested on the due date itself
    expect(statusAt(d, '2025-07-16T09:00+07:00')).toMatchObject({ state: 'withdrawal-requested', ended: true, withinTime: true });
  });
  it('a dossier that ended after its pause was over is still judged at its end', () => {
    const d = replay(
      [ev('received', '2025-07-01T09:00+07:00'), ev('supplement-requested', '2025-07-02T10:00+07:00'), ev('supplement-received', '2025-07-03T10:00+07:00'), ev('stopped', '2025-07-25T09:00+07:00')],
      { procedure: household, strict: true },
    );
    expect(d.clock?.dueDate).toBe('2025-07-08');
    expect(timeliness(d)).toMatchObject({ result: 'late', judgedAt: '2025-07-25T09:00+07:00' });
  });
});

describe('Fix 2: the Decision 766 policy subtracts elapsed time, then compares dates', () => {
  // received Monday 2/3/2026, 5 working days: due Monday 9/3. Supplement requested Friday 6/3 10:00,
  // completed Monday 9/3 10:00: 3 days of elapsed time, 1 working day.
  const events = [
    ev('received', '2026-03-02T09:00+07:00'),
    ev('supplement-requested', '2026-03-06T10:00+07:00'),
    ev('supplement-received', '2026-03-09T10:00+07:00'),
    ev('resolved', '2026-03-11T10:00+07:00'),
  ];
  it('Decision 766 index 2.1: end - (supplement completed - supplement requested) = 8/3, before the 9/3 due date: early', () => {
    const d = replay(events, { procedure: simpleProcedure(5), policy: { supplement: 'decision-766' }, strict: true });
    const t = timeliness(d);
    expect(t.subtractedMs).toBe(3 * 86_400_000);
    expect(t.result).toBe('early');
    expect(t.workingDaysMargin).toBe(1); // 8/3 (a Sunday) → 9/3
    expect(d.clock?.dueAt).toBe('2026-03-12T17:00:00+07:00'); // the due instant moved by the elapsed 3 days
    expect(statusAt(d, '2026-03-10T09:00+07:00')).toMatchObject({ withinTime: true, workingDaysLeft: 1 }); // 7/3 → 9/3
  });
  it('the same log under a working-day shift would be late: the policy does not shift by working days', () => {
    const d = replay(events, { procedure: simpleProcedure(5), policy: { supplement: 'decision-766' }, strict: true });
    expect(d.clock?.dueDate).not.toBe('2026-03-10');
    expect(d.clock?.excluded).toBe(0);
  });
  it('Decree 118 Art 19(5): the legal policy restarts from the complete dossier instead (due 16/3): early', () => {
    const d = replay(events, { procedure: simpleProcedure(5), strict: true });
    expect(d.clock?.dueDate).toBe('2026-03-16');
    expect(timeliness(d)).toMatchObject({ result: 'early', subtractedMs: 0 });
  });
  it('Decision 766 index 2.1: a result 4 elapsed days after the due date minus 3 days waited is late', () => {
    const late = [...events.slice(0, 3), ev('resolved', '2026-03-13T10:00+07:00')];
    const d = replay(late, { procedure: simpleProcedure(5), policy: { supplement: 'decision-766' }, strict: true });
    expect(timeliness(d).result).toBe('late'); // 13/3 - 3 days = 10/3 > 9/3
    expect(statusAt(d, '2026-03-14T09:00+07:00').withinTime).toBe(false);
  });
});

describe('Fix 3: online applicants may stop their dossier from submission', () => {
  it('Decree 118 Art 21(2): an online dossier may be withdrawn from the moment the system received it', () => {
    const d = replay([ev('submitted', '2026-03-02T09:00+07:00'), ev('withdrawal-requested', '2026-03-02T10:00+07:00'), ev('stopped', '2026-03-02T14:00+07:00')], {
      procedure: simpleProcedure(5),
      strict: true,
    });
    expect(d.history.map((h) => [h.state, h.code])).toEqual([
      ['submitted', 1],
      ['withdrawal-requested', 7],
      ['stopped', 8],
    ]);
    expect(d.end).toMatchObject({ kind: 'withdrawn', at: '2026-03-02T10:00+07:00' });
    expect(timeliness(d).result).toBe('not-received');
  });
  it('Decree 118 Art 21(2): including while an intake supplement is pending; a declined request goes back there', () => {
    const base = replay([ev('submitted', '2026-03-02T09:00+07:00'), ev('intake-supplement-requested', '2026-03-02T11:00+07:00')], { procedure: simpleProcedure(5), strict: true });
    const w = evolve(base, ev('withdrawal-requested', '2026-03-03T09:00+07:00'));
    expect(w.state).toBe('withdrawal-requested');
    const back = evolve(w, ev('withdrawal-declined', '2026-03-03T10:00+07:00'));
    expect(back.state).toBe('intake-supplement');
    expect(back.end).toBeNull();
  });
  it('Decree 118 Art 21: before official receipt, a counter or postal dossier has nothing to stop (withdrawal-online-before-receipt)', () => {
    const counter = replay([ev('intake-supplement-requested', '2026-03-02T09:00+07:00')], { procedure: simpleProcedure(5), strict: true });
    rejectsWith(counter, ev('withdrawal-requested', '2026-03-02T10:00+07:00'), 'withdrawal-online-before-receipt');
    const postal = replay([ev('submitted', '2026-03-02T09:00+07:00', { channel: 'postal' })], { procedure: simpleProcedure(5), strict: true });
    rejectsWith(postal, ev('withdrawal-requested', '2026-03-02T10:00+07:00'), 'withdrawal-online-before-receipt');
  });
});

describe('Fix 4: the 8 working hours of Art 17(2)(c) cover the receipt or the supplement request notice, and restart on resubmission', () => {
  const log = [
    ev('submitted', '2026-03-02T09:00+07:00'),
    ev('intake-supplement-requested', '2026-03-04T09:00+07:00'), // two working days later
    ev('intake-supplemented', '2026-03-05T09:00+07:00'),
    ev('received', '2026-03-05T14:00+07:00'), // within 8 working hours of the resubmission
  ];
  it('Decree 118 Art 17(2)(c): a supplement request notice sent more than 8 working hours after submission is a warning', () => {
    const d = replay(log, { procedure: simpleProcedure(5), strict: true });
    expect(d.warnings.map((w) => [w.eventId, w.rule])).toEqual([[log[1]!.id, 'online-receipt-8-working-hours']]);
  });
  it('Decree 118 Art 17(2)(c): the 8 working hours restart at the resubmission, so a receipt 5 hours after it is in time', () => {
    const d = replay(log, { procedure: simpleProcedure(5), strict: true });
    expect(d.warnings.filter((w) => w.eventId === log[3]!.id)).toEqual([]);
    const late = replay([...log.slice(0, 3), ev('received', '2026-03-06T16:00+07:00')], { procedure: simpleProcedure(5), strict: true });
    expect(late.warnings.map((w) => w.rule)).toEqual(['online-receipt-8-working-hours', 'online-receipt-8-working-hours']);
  });
});

describe('Fix 5: the clock starts at the complete dossier', () => {
  it("Decree 118 Art 17(3): with onlineClockStart 'submission', an intake supplement moves the clock start to the complete resubmission", () => {
    const d = replay(
      [ev('submitted', '2026-03-02T09:00+07:00'), ev('intake-supplement-requested', '2026-03-02T10:00+07:00'), ev('intake-supplemented', '2026-03-04T09:00+07:00'), ev('received', '2026-03-04T10:00+07:00')],
      { procedure: simpleProcedure(5), policy: { onlineClockStart: 'submission' }, strict: true },
    );
    expect(d.clock?.countFrom).toBe('2026-03-04');
    expect(d.clock?.clockStart).toBe('2026-03-04T09:00:00+07:00');
    expect(d.clock?.dueDate).toBe('2026-03-11');
  });
});

describe('Fix 6: the 15-day closure period ends on a working day, and supplement periods are data', () => {
  // received Tue 1/7/2025; supplement requested Fri 4/7: 15 days end Sat 19/7, so the period runs to Mon 21/7
  const base = [ev('received', '2025-07-01T09:00+07:00'), ev('supplement-requested', '2025-07-04T10:00+07:00')];
  it('Decree 118 Art 19(5) with Civil Code 2015 Art 148: a period whose last day is a Saturday ends on Monday; closure from Tuesday', () => {
    const d = replay(base, { procedure: household, strict: true });
    const err = rejectsWith(d, ev('supplement-expired', '2025-07-21T16:00+07:00'), 'supplement-closure-period');
    expect(err.message).toContain('2025-07-21');
    expect(evolve(d, ev('supplement-expired', '2025-07-22T08:00+07:00')).state).toBe('closed-no-supplement');
  });
  it('the rule sets carry the closure period and the 3-working-day window as data', async () => {
    const { RULE_SETS } = await import('../../src/dossier/index');
    expect(RULE_SETS.map((r) => [r.id, r.supplementClosure, r.supplementWindow])).toEqual([
      ['decree-61-2018', null, { amount: 3, unit: 'working-day' }],
      ['decree-118-2025', { amount: 15, unit: 'calendar-day' }, { amount: 3, unit: 'working-day' }],
      ['decree-118-2025-309-2026', { amount: 15, unit: 'calendar-day' }, { amount: 3, unit: 'working-day' }],
    ]);
  });
  it('a procedure may set its own closure period (e.g. 15 working days): closure after the 15th working day', () => {
    const p: DossierProcedure = { ...household, supplement: { closure: { amount: 15, unit: 'working-day' } } };
    const d = replay(base, { procedure: p, strict: true });
    rejectsWith(d, ev('supplement-expired', '2025-07-25T16:00+07:00'), 'supplement-closure-period'); // Fri 25/7 is the 15th working day
    expect(evolve(d, ev('supplement-expired', '2025-07-26T08:00+07:00')).state).toBe('closed-no-supplement');
  });
  it('a procedure may set its own supplement window (warning only)', () => {
    const late = [ev('received', '2025-07-01T09:00+07:00'), ev('supplement-requested', '2025-07-07T10:00+07:00')]; // 4 working days after receipt
    expect(replay(late, { procedure: household, strict: true }).warnings.map((w) => w.rule)).toEqual(['supplement-within-3-working-days']);
    const p: DossierProcedure = { ...household, supplement: { window: { amount: 5, unit: 'working-day' } } };
    expect(replay(late, { procedure: p, strict: true }).warnings).toEqual([]);
  });
  it('a malformed supplement period is refused naming its field', () => {
    const bad = { ...household, supplement: { closure: { amount: 0, unit: 'day' } } } as unknown as DossierProcedure;
    expect(() => replay([], { procedure: bad })).toThrow(/procedure\.supplement\.closure/);
  });
});

describe('Fix 7: an extension to a day off is refused', () => {
  it('Decree 118 Art 19(6): the new date of the apology letter must be a working day (extension-working-day)', () => {
    const d = replay([ev('received', '2026-03-02T09:00+07:00')], { procedure: simpleProcedure(3), strict: true });
    const err = rejectsWith(d, ev('extended', '2026-03-03T09:00+07:00', { until: '2026-03-08' }), 'extension-working-day'); // a Sunday
    expect(err.code).toBe('INVALID_TRANSITION');
    expect(err.field).toBe('until');
    expect(evolve(d, ev('extended', '2026-03-03T09:00+07:00', { until: '2026-03-09' })).clock?.dueDate).toBe('2026-03-09');
  });
});
