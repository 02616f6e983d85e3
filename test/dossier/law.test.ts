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
