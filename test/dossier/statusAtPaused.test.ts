/**
 * What `statusAt(...).dueDate` means while the clock is paused (waiting for a supplement, a financial
 * obligation or another clock stop): the due date from before the pause, unchanged until the clock
 * restarts; `withinTime` is true and `workingDaysLeft` null meanwhile (statusAt's JSDoc,
 * docs/dossier-lifecycle.md "dueDate during a pause").
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replay, statusAt } from '../../src/dossier/index';
import type { DossierEvent } from '../../src/dossier/index';
import { formatInstant } from '../../src/calendar/_lib/instant';
import { ev, simpleProcedure } from './_fixtures';

const MIN = 60_000;

describe('statusAt while the clock is paused', () => {
  // received Monday 2/3/2026, 10 working days: due 16/3; supplement requested 4/3, complete dossier 18/3
  const supplement = [ev('received', '2026-03-02T09:00+07:00'), ev('supplement-requested', '2026-03-04T10:00+07:00'), ev('supplement-received', '2026-03-18T10:00+07:00')];

  for (const [policy, after] of [['legal-restart', '2026-04-01'], ['decision-766', '2026-03-30']] as const) {
    it(`waiting for a supplement (${policy}): the due date of before the pause, even once passed, until the complete dossier gives ${after}`, () => {
      const d = replay(supplement, { procedure: simpleProcedure(10), policy: { supplement: policy }, strict: true });
      expect(statusAt(d, '2026-03-04T09:00+07:00')).toMatchObject({ state: 'received', paused: false, dueDate: '2026-03-16', withinTime: true, workingDaysLeft: 8 });
      for (const t of ['2026-03-04T10:00+07:00', '2026-03-10T09:00+07:00', '2026-03-16T16:00+07:00', '2026-03-17T09:00+07:00', '2026-03-18T09:59+07:00']) {
        expect(statusAt(d, t), t).toMatchObject({ state: 'supplement', nationalCode: 5, paused: true, ended: false, dueDate: '2026-03-16', withinTime: true, workingDaysLeft: null });
      }
      expect(statusAt(d, '2026-03-18T10:00+07:00')).toMatchObject({ paused: false, dueDate: after, withinTime: true });
      expect(d.clock?.dueDate).toBe(after);
    });
  }

  it('a financial obligation: the due date of before the stop, then later by the working days of the pause', () => {
    // received Monday 2/3/2026, 5 working days: due 9/3; stopped 4/3, resumed 11/3: 5 working days in (4/3, 11/3]
    const d = replay(
      [ev('received', '2026-03-02T09:00+07:00'), ev('clock-stopped', '2026-03-04T10:00+07:00', { reason: 'financial-obligation' }), ev('clock-resumed', '2026-03-11T10:00+07:00')],
      { procedure: simpleProcedure(5), strict: true },
    );
    for (const t of ['2026-03-05T09:00+07:00', '2026-03-09T16:00+07:00', '2026-03-10T09:00+07:00']) {
      expect(statusAt(d, t), t).toMatchObject({ state: 'financial-obligation', nationalCode: 6, paused: true, dueDate: '2026-03-09', withinTime: true, workingDaysLeft: null });
    }
    expect(statusAt(d, '2026-03-11T10:00+07:00')).toMatchObject({ state: 'received', paused: false, dueDate: '2026-03-16', workingDaysLeft: 3 });
  });

  it('for any receipt, limit, pause and instant inside it: dueDate is the one before the pause, withinTime true, workingDaysLeft null; the restart never moves it earlier (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.record({
          received: fc.integer({ min: Date.UTC(2025, 6, 1), max: Date.UTC(2027, 5, 1) }).map((ms) => ms - (ms % MIN)),
          days: fc.integer({ min: 1, max: 15 }),
          pauseAfter: fc.integer({ min: 0, max: 25 * 1440 }),
          pauseFor: fc.integer({ min: 1, max: 30 * 1440 }),
          inside: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
          pause: fc.constantFrom('supplement' as const, 'financial-obligation' as const, 'public-posting' as const),
          policy: fc.constantFrom('legal-restart' as const, 'decision-766' as const),
        }),
        (s) => {
          const procedure = simpleProcedure(s.days);
          const P = s.received + s.pauseAfter * MIN;
          const R = P + s.pauseFor * MIN;
          const at = (ms: number) => formatInstant(ms);
          const received: DossierEvent = { id: 'r', type: 'received', at: at(s.received) };
          const [stop, resume]: DossierEvent[] = s.pause === 'supplement'
            ? [{ id: 'p', type: 'supplement-requested', at: at(P) }, { id: 'q', type: 'supplement-received', at: at(R) }]
            : [{ id: 'p', type: 'clock-stopped', at: at(P), reason: s.pause }, { id: 'q', type: 'clock-resumed', at: at(R) }];
          const options = { procedure, policy: { supplement: s.policy, repeatedSupplements: 'accept' as const }, strict: true };
          const before = replay([received], options).clock!.dueDate;
          const d = replay([received, stop!, resume!], options);
          const t = P + Math.floor(s.inside * s.pauseFor) * MIN; // a whole minute in [P, R): instants print to the minute
          const st = statusAt(d, at(t));
          expect(st).toMatchObject({ paused: true, ended: false, dueDate: before, withinTime: true, workingDaysLeft: null });
          expect(st.state).toBe(s.pause === 'supplement' ? 'supplement' : s.pause === 'financial-obligation' ? 'financial-obligation' : 'clock-stopped');
          const restarted = statusAt(d, at(R));
          expect(restarted.paused).toBe(false);
          expect(restarted.dueDate! >= before!).toBe(true);
          expect(restarted.dueDate).toBe(d.clock!.dueDate);
        },
      ),
      { numRuns: Number(process.env.RUNS ?? 200) },
    );
  });
});
