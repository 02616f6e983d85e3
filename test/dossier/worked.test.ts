import { describe, expect, it } from 'vitest';
import { controlSlip, evolve, isDossierError, replay, statusAt, timeliness, DossierError } from '../../src/dossier/index';
import type { Dossier, DossierEvent } from '../../src/dossier/index';
import { ev, interlinked, simpleProcedure } from './_fixtures';

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
  expect(err.state).toBe(d.state);
  expect(err.event).toBe(e.type);
  expect(JSON.stringify(d)).toBe(before);
  return err;
}

describe('counter dossier received at 15:30 on the Friday before Tết 2026', () => {
  const events = [ev('received', '2026-02-13T15:30+07:00'), ev('resolved', '2026-02-26T10:00+07:00'), ev('returned', '2026-02-26T14:00+07:00')];
  const d = replay(events, { procedure: simpleProcedure(3), strict: true });
  it('counts from the first working day after Tết (15:00 cut-off) and is due three working days later', () => {
    expect(d.ruleSet).toBe('decree-118-2025');
    expect(d.clock?.countFrom).toBe('2026-02-23');
    expect(d.clock?.dueDate).toBe('2026-02-26');
    expect(d.clock?.dueAt).toBe('2026-02-26T17:00:00+07:00');
  });
  it('statusAt during Tết: received, within time, 4 working days left', () => {
    const s = statusAt(d, '2026-02-18T09:00+07:00');
    expect(s).toMatchObject({ state: 'received', nationalCode: 2, withinTime: true, workingDaysLeft: 4, dueDate: '2026-02-26' });
  });
  it('is on time, and the KPI end is the resolution (9), not the return (10)', () => {
    const t = timeliness(d);
    expect(t.result).toBe('on-time');
    expect(t.endKind).toBe('resolved');
    expect(t.endAt).toBe('2026-02-26T10:00+07:00');
  });
  it('without a cut-off, 15:30 still counts from Friday itself', () => {
    const d2 = replay([ev('received', '2026-02-13T15:30+07:00')], { procedure: simpleProcedure(3), policy: { counterCutoff: null } });
    expect(d2.clock?.countFrom).toBe('2026-02-13');
    expect(d2.clock?.dueDate).toBe('2026-02-25');
  });
});

describe('online dossier submitted on a Sunday', () => {
  it('counts from Monday, the official receipt, and warns when receipt takes more than 8 working hours', () => {
    const d = replay([ev('submitted', '2026-03-01T10:00+07:00'), ev('received', '2026-03-02T08:30+07:00')], { procedure: simpleProcedure(5), strict: true });
    expect(d.channel).toBe('online');
    expect(statusAt(d, '2026-03-01T12:00+07:00')).toMatchObject({ state: 'submitted', nationalCode: 1, dueDate: null });
    expect(d.clock?.countFrom).toBe('2026-03-02');
    expect(d.clock?.dueDate).toBe('2026-03-09');
    expect(d.warnings).toEqual([]);
    const late = replay([ev('submitted', '2026-03-01T10:00+07:00'), ev('received', '2026-03-03T10:00+07:00')], { procedure: simpleProcedure(5) });
    expect(late.warnings.map((w) => w.rule)).toEqual(['online-receipt-8-working-hours']);
    expect(late.clock?.dueDate).toBe('2026-03-10');
    const fromSubmission = replay([ev('submitted', '2026-03-01T10:00+07:00'), ev('received', '2026-03-03T10:00+07:00')], {
      procedure: simpleProcedure(5),
      policy: { onlineClockStart: 'submission' },
    });
    expect(fromSubmission.clock?.countFrom).toBe('2026-03-02');
    expect(fromSubmission.clock?.dueDate).toBe('2026-03-09');
  });
  it('the counter cut-off does not apply online', () => {
    const d = replay([ev('submitted', '2026-03-02T16:00+07:00'), ev('received', '2026-03-02T16:30+07:00')], { procedure: simpleProcedure(5) });
    expect(d.clock?.countFrom).toBe('2026-03-02');
  });
});

describe('supplement requested on day 2, completed 10 working days later', () => {
  const events = [
    ev('received', '2026-03-02T09:00+07:00'),
    ev('step-started', '2026-03-02T10:00+07:00', { step: 'appraise', agency: 'Phòng Tư pháp' }),
    ev('supplement-requested', '2026-03-04T10:00+07:00'),
    ev('supplement-received', '2026-03-18T10:00+07:00'),
    ev('resolved', '2026-03-31T10:00+07:00'),
  ];
  it('legal restart: the period restarts from the complete dossier (due 1/4), so 31/3 is early', () => {
    const d = replay(events, { procedure: simpleProcedure(10), strict: true });
    expect(statusAt(d, '2026-03-10T10:00+07:00')).toMatchObject({ state: 'supplement', nationalCode: 5, paused: true, withinTime: true });
    expect(d.clock?.restarts).toBe(1);
    expect(d.clock?.dueDate).toBe('2026-04-01');
    expect(d.history.map((h) => h.dueDate)).toEqual(['2026-03-16', '2026-03-16', '2026-03-16', '2026-04-01', '2026-04-01']);
    expect(timeliness(d).result).toBe('early');
    expect(d.state).toBe('resolved');
  });
  it('Decision 766: the waiting interval (14 elapsed days, 4/3 10:00 → 18/3 10:00) is subtracted (due 30/3), so 31/3 is late', () => {
    const d = replay(events, { procedure: simpleProcedure(10), policy: { supplement: 'decision-766' }, strict: true });
    expect(d.clock?.dueDate).toBe('2026-03-30');
    // elapsed time, not working days, is what the portal's formula takes off (issue #15 fix 2): nothing is excluded as working days
    expect(d.clock?.excluded).toBe(0);
    expect(timeliness(d).subtractedMs).toBe(14 * 86_400_000);
    expect(timeliness(d).result).toBe('late');
  });
  it('a second supplement request is refused (the law allows one) unless the policy accepts it; 766 then counts it overdue', () => {
    const d = replay(events.slice(0, 4), { procedure: simpleProcedure(10), strict: true });
    rejectsWith(d, ev('supplement-requested', '2026-03-19T10:00+07:00'), 'supplement-once');
    const lax = replay([...events.slice(0, 4), ev('supplement-requested', '2026-03-19T10:00+07:00'), ev('supplement-received', '2026-03-20T10:00+07:00'), ev('resolved', '2026-03-23T10:00+07:00')], {
      procedure: simpleProcedure(10),
      policy: { supplement: 'decision-766', repeatedSupplements: 'accept' },
      strict: true,
    });
    expect(lax.supplements).toBe(2);
    const t = timeliness(lax);
    expect(t.overdueByRepeatedSupplements).toBe(true);
    expect(t.result).toBe('late');
  });
  it('no supplement within 15 days closes the dossier under Decree 118, not before the 15 days', () => {
    const d = replay(events.slice(0, 3), { procedure: simpleProcedure(10), strict: true });
    rejectsWith(d, ev('supplement-expired', '2026-03-19T10:00+07:00'), 'supplement-closure-period');
    const closed = evolve(d, ev('supplement-expired', '2026-03-20T08:00+07:00'));
    expect(closed.state).toBe('closed-no-supplement');
    expect(closed.nationalCode).toBe(8);
    expect(timeliness(closed).endKind).toBe('closed-no-supplement');
  });
});

describe('extension with an apology letter', () => {
  const base = [ev('received', '2026-03-02T09:00+07:00'), ev('extended', '2026-03-04T16:00+07:00', { until: '2026-03-10', letter: '12/XL-UBND' })];
  const d = replay([...base, ev('resolved', '2026-03-09T10:00+07:00')], { procedure: simpleProcedure(3), strict: true });
  it('sets a new due date once and keeps the original', () => {
    expect(d.clock?.originalDueDate).toBe('2026-03-05');
    expect(d.clock?.dueDate).toBe('2026-03-10');
    expect(d.extensions).toBe(1);
  });
  it('is early against the extended date, late against the original when asked', () => {
    expect(timeliness(d).result).toBe('early');
    const t = timeliness(d, { lateAgainstOriginal: true });
    expect(t.result).toBe('late');
    expect(t.dueDate).toBe('2026-03-05');
  });
  it('refuses a second extension and one asked less than 1 day before the due date', () => {
    const once = replay(base, { procedure: simpleProcedure(3), strict: true });
    rejectsWith(once, ev('extended', '2026-03-05T09:00+07:00', { until: '2026-03-12' }), 'extension-once');
    const fresh = replay(base.slice(0, 1), { procedure: simpleProcedure(3), strict: true });
    const err = rejectsWith(fresh, ev('extended', '2026-03-05T08:00+07:00', { until: '2026-03-10' }), 'extension-notice');
    expect(err.code).toBe('INVALID_TRANSITION');
    rejectsWith(fresh, ev('extended', '2026-03-03T08:00+07:00', { until: '2026-03-05' }), 'extension-later-date');
  });
});

describe('withdrawal', () => {
  const events = [
    ev('received', '2026-03-02T09:00+07:00'),
    ev('step-started', '2026-03-02T10:00+07:00', { step: 'appraise', agency: 'Phòng Tư pháp', budget: { amount: 2, unit: 'working-day' } }),
    ev('withdrawal-requested', '2026-03-03T09:00+07:00'),
    ev('stopped', '2026-03-03T15:00+07:00', { reason: 'rút hồ sơ' }),
  ];
  const d = replay(events, { procedure: simpleProcedure(3), strict: true });
  it('goes 2 → 4 → 7 → 8 and ends at the withdrawal request', () => {
    expect(d.history.map((h) => h.code)).toEqual([2, 4, 7, 8]);
    expect(d.end).toMatchObject({ kind: 'withdrawn', at: '2026-03-03T09:00+07:00' });
    expect(timeliness(d)).toMatchObject({ result: 'early', endKind: 'withdrawn' });
  });
  it('stopped is terminal', () => {
    rejectsWith(d, ev('resolved', '2026-03-04T09:00+07:00'), 'terminal');
  });
  it('a declined withdrawal goes back and clears the end', () => {
    const back = replay([...events.slice(0, 3), ev('withdrawal-declined', '2026-03-03T10:00+07:00')], { procedure: simpleProcedure(3), strict: true });
    expect(back.state).toBe('in-process');
    expect(back.end).toBeNull();
  });
});

describe('interlinked commune → province procedure where the province step is late', () => {
  const events = [
    ev('received', '2026-03-02T09:00+07:00'),
    ev('step-started', '2026-03-02T10:00+07:00', { step: 'commune' }),
    ev('step-started', '2026-03-05T14:00+07:00', { step: 'province' }),
    ev('step-completed', '2026-03-20T09:00+07:00', { step: 'province' }),
    ev('resolved', '2026-03-20T10:00+07:00'),
    ev('returned', '2026-03-20T15:00+07:00'),
  ];
  const d = replay(events, { procedure: interlinked, strict: true });
  it('gives each step its own deadline and the control slip one row per hand-over', () => {
    const rows = controlSlip(d);
    expect(rows.map((r) => [r.from, r.to, r.dueDate, r.result])).toEqual([
      ['Bộ phận Một cửa', 'UBND xã Tân Phú', '2026-03-05', 'on-time'],
      ['UBND xã Tân Phú', 'Sở Nông nghiệp và Môi trường', '2026-03-12', 'late'],
    ]);
  });
  it('is late overall and the lateness is attributed to the province step', () => {
    const t = timeliness(d);
    expect(d.clock?.dueDate).toBe('2026-03-16');
    expect(t.result).toBe('late');
    expect(t.workingDaysMargin).toBe(-4);
    expect(t.lateSteps).toEqual([{ step: 'province', name: 'Sở Nông nghiệp và Môi trường quyết định', agency: 'Sở Nông nghiệp và Môi trường', level: 'province', dueDate: '2026-03-12', endedAt: '2026-03-20T09:00+07:00', workingDaysLate: 6 }]);
  });
  it('refuses an unknown step without an agency', () => {
    const part = replay(events.slice(0, 1), { procedure: interlinked, strict: true });
    rejectsWith(part, ev('step-started', '2026-03-02T10:00+07:00', { step: 'ministry' }), 'known-step');
  });
});

describe('received 30/6/2025 vs 1/7/2025', () => {
  const run = (day: string) =>
    replay([ev('received', `${day}T09:00+07:00`), ev('supplement-requested', `${day}T15:00+07:00`)], { procedure: simpleProcedure(5), strict: true });
  const old = run('2025-06-30');
  const neu = run('2025-07-01');
  it('keeps the rule set of its receipt date', () => {
    expect(old.ruleSet).toBe('decree-61-2018');
    expect(neu.ruleSet).toBe('decree-118-2025');
  });
  it('closure for no supplement exists only under Decree 118', () => {
    const err = rejectsWith(old, ev('supplement-expired', '2025-08-01T09:00+07:00'), 'rule-set');
    expect(err.message).toContain('decree-118-2025');
    expect(evolve(neu, ev('supplement-expired', '2025-08-01T09:00+07:00')).state).toBe('closed-no-supplement');
  });
  it('from 5/8/2026 a non-boundary dossier starts its clock when the competent agency receives it', () => {
    const p = simpleProcedure(3);
    const d309 = replay([ev('received', '2026-08-05T09:00+07:00', { nonBoundary: true }), ev('agency-received', '2026-08-07T09:00+07:00')], { procedure: p, strict: true });
    expect(d309.ruleSet).toBe('decree-118-2025-309-2026');
    expect(d309.history[0]?.dueDate).toBeNull();
    expect(d309.clock?.countFrom).toBe('2026-08-07');
    const d118 = replay([ev('received', '2026-08-04T09:00+07:00', { nonBoundary: true }), ev('agency-received', '2026-08-06T09:00+07:00')], { procedure: p, strict: true });
    expect(d118.clock?.countFrom).toBe('2026-08-04');
  });
});

describe('invalid events are refused with the state, the event and the rule', () => {
  const d = replay([ev('received', '2026-03-02T09:00+07:00')], { procedure: simpleProcedure(3), strict: true });
  it('wrong state, earlier timestamp, malformed, conflicting duplicate id', () => {
    rejectsWith(d, ev('returned', '2026-03-03T09:00+07:00'), 'transition-table');
    rejectsWith(d, ev('resolved', '2026-03-01T09:00+07:00'), 'chronology');
    rejectsWith(d, { id: 'x', type: 'resolved', at: '2026-03-03 09:00' } as DossierEvent, 'event-schema');
    rejectsWith(d, { ...d.events[0]!, at: '2026-03-03T09:00+07:00' }, 'duplicate-id');
    rejectsWith(d, ev('clock-stopped', '2026-03-03T09:00+07:00', { reason: 'expert-assessment' }), 'clock-stop-reason-of-procedure');
  });
  it('optional text fields, step budgets and timestamps that are not what they claim name their field', () => {
    const field = (e: unknown) => rejectsWith(d, e as DossierEvent, 'event-schema').field;
    expect(field({ id: 'b', type: 'resolved', at: '2026-03-03T09:00+07:00', by: 7 })).toBe('by');
    expect(field({ id: 'n', type: 'resolved', at: '2026-03-03T09:00+07:00', note: null })).toBe('by');
    expect(field({ id: 'r', type: 'resolved', at: '2026-03-03T09:00+07:00', reason: ['x'] })).toBe('reason');
    expect(field({ id: 's', type: 'step-started', at: '2026-03-03T09:00+07:00', step: 'a', agency: 'Phòng A', budget: { amount: -1, unit: 'working-day' } })).toBe('budget.amount');
    expect(field({ id: 's', type: 'step-started', at: '2026-03-03T09:00+07:00', step: 'a', agency: 'Phòng A', budget: { amount: 2, unit: 'week' } })).toBe('budget.unit');
    for (const at of ['2026-02-30T09:00+07:00', '2026-03-03T09:00+7:00', '2026-03-03T09:60+07:00', '2026-03-03T09:00:60Z', '2026-03-03T09:00+19:00', '2026-03-03T09:00']) {
      expect(field({ id: 't', type: 'resolved', at })).toBe('at');
    }
    // present and well-typed optional fields are accepted
    expect(evolve(d, { id: 'ok', type: 'resolved', at: '2026-03-03T09:00:30.5Z', by: 'cán bộ A', note: '' } as DossierEvent).state).toBe('resolved');
  });
  it('reads fields as a property read does: inherited and non-enumerable id, type and at count too', () => {
    // the fast path reads the enumerable keys; the rest must still be found by name
    const proto = { type: 'resolved', at: '2026-03-03T09:00+07:00' };
    const inherited = Object.assign(Object.create(proto) as object, { id: 'p' }) as DossierEvent;
    expect(evolve(d, inherited).history.at(-1)).toMatchObject({ id: 'p', type: 'resolved', at: '2026-03-03T09:00+07:00' });
    const hidden = Object.defineProperty({ type: 'resolved', at: '2026-03-03T10:00+07:00' }, 'id', { value: 'h', enumerable: false }) as unknown as DossierEvent;
    expect(evolve(d, hidden).history.at(-1)).toMatchObject({ id: 'h', state: 'resolved' });
    const getter = { id: 'g', get type() { return 'resolved'; }, at: '2026-03-03T11:00+07:00' } as unknown as DossierEvent;
    expect(evolve(d, getter).state).toBe('resolved');
  });
  it('a duplicate event id is idempotent', () => {
    expect(evolve(d, d.events[0]!)).toBe(d);
    expect(evolve(d, JSON.parse(JSON.stringify(d.events[0])) as DossierEvent)).toBe(d);
  });
  it('replay keeps refused events in `rejected` (nothing dropped) unless strict', () => {
    const log = [ev('received', '2026-03-02T09:00+07:00'), ev('returned', '2026-03-03T09:00+07:00'), ev('resolved', '2026-03-03T10:00+07:00')];
    const r = replay(log, { procedure: simpleProcedure(3) });
    expect(r.state).toBe('resolved');
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0]).toMatchObject({ rule: 'transition-table', state: 'received', code: 'INVALID_TRANSITION' });
    expect(() => replay(log, { procedure: simpleProcedure(3), strict: true })).toThrow(DossierError);
  });
  it('financial obligation stops the clock (code 6) and moves the due date by the working days waited', () => {
    const f = replay(
      [ev('received', '2026-03-02T09:00+07:00'), ev('clock-stopped', '2026-03-03T09:00+07:00', { reason: 'financial-obligation' }), ev('clock-resumed', '2026-03-06T09:00+07:00')],
      { procedure: simpleProcedure(3), strict: true },
    );
    expect(f.history.map((h) => h.code)).toEqual([2, 6, 2]);
    expect(f.clock?.dueDate).toBe('2026-03-10');
  });
});
