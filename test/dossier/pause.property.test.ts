/**
 * Properties of paused clocks (issue #15): an end while paused is never later than the same
 * dossier ending at the pause start, and a restart never moves the due date earlier than the legal
 * rule allows (Decree 118/2025 Art 19(5); Decree 61/2018 Art 19(4)).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueDate } from '../../src/calendar/index';
import { replay, statusAt, timeliness } from '../../src/dossier/index';
import type { DossierEvent, DossierPolicy } from '../../src/dossier/index';
import { formatInstant } from '../../src/calendar/_lib/instant';
import { simpleProcedure } from './_fixtures';

const MIN = 60_000;
const DAY = 86_400_000;
const RANK = { early: 0, 'on-time': 1, late: 2 } as const;
// receipts from 1/7/2025 (Decree 118: closure for no supplement exists) to mid-2027
const receiptArb = fc.integer({ min: Date.UTC(2025, 6, 1, 0, 0), max: Date.UTC(2027, 5, 1, 0, 0) }).map((ms) => ms - (ms % MIN));
const policyArb = fc.record({
  supplement: fc.constantFrom('legal-restart' as const, 'decision-766' as const),
  timelinessLevel: fc.constantFrom('date' as const, 'instant' as const),
});

const scenarioArb = fc.record({
  received: receiptArb,
  days: fc.integer({ min: 1, max: 15 }),
  pauseAfter: fc.integer({ min: 0, max: 25 * 1440 }),
  pause: fc.constantFrom('supplement-requested' as const, 'financial-obligation' as const),
  end: fc.constantFrom('stopped' as const, 'withdrawal-requested' as const, 'supplement-expired' as const),
  endAfter: fc.integer({ min: 0, max: 40 * 1440 }),
  policy: policyArb,
});

describe('a paused dossier that ends', () => {
  it('is never later than the same dossier ending at the pause start (both policies, date and instant level)', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const procedure = simpleProcedure(s.days);
        const policy: Partial<DossierPolicy> = s.policy;
        const P = s.received + s.pauseAfter * MIN;
        const end = s.end === 'supplement-expired' && s.pause !== 'supplement-requested' ? 'stopped' : s.end;
        // closure only after the 15 days, moved past a weekend or the Tết block when they end on one: start 30 days later
        const E = P + (end === 'supplement-expired' ? 30 * DAY : 0) + s.endAfter * MIN;
        const at = (ms: number) => formatInstant(ms);
        const pauseEvent: DossierEvent =
          s.pause === 'supplement-requested' ? { id: 'p', type: 'supplement-requested', at: at(P) } : { id: 'p', type: 'clock-stopped', at: at(P), reason: 'financial-obligation' };
        const paused = replay([{ id: 'r', type: 'received', at: at(s.received) }, pauseEvent, { id: 'e', type: end, at: at(E) } as DossierEvent], { procedure, policy, strict: true });
        const atPause = replay([{ id: 'r', type: 'received', at: at(s.received) }, { id: 'e', type: end === 'supplement-expired' ? 'stopped' : end, at: at(P) } as DossierEvent], { procedure, policy, strict: true });
        const a = timeliness(paused);
        const b = timeliness(atPause);
        expect(a.result in RANK && b.result in RANK).toBe(true);
        expect(RANK[a.result as keyof typeof RANK]).toBeLessThanOrEqual(RANK[b.result as keyof typeof RANK]);
        expect(a.workingDaysMargin!).toBeGreaterThanOrEqual(b.workingDaysMargin!);
        const later = formatInstant(E + DAY);
        if (statusAt(atPause, later).withinTime === true) expect(statusAt(paused, later).withinTime).toBe(true);
      }),
      { numRuns: Number(process.env.RUNS ?? 300) },
    );
  });
});

describe('a restart after a supplement', () => {
  const restartArb = fc.record({
    received: receiptArb,
    limit: fc.oneof(
      fc.record({ amount: fc.integer({ min: 1, max: 20 }), unit: fc.constant('working-day' as const) }),
      fc.record({ amount: fc.constantFrom(0.5, 1.5, 2.5), unit: fc.constant('working-day' as const) }),
      fc.record({ amount: fc.integer({ min: 1, max: 30 }), unit: fc.constant('calendar-day' as const) }),
      fc.record({ amount: fc.integer({ min: 1, max: 24 }), unit: fc.constant('working-hour' as const) }),
    ),
    requestAfter: fc.integer({ min: 0, max: 3 * 1440 }),
    wait: fc.integer({ min: 0, max: 14 * 1440 }),
    channel: fc.constantFrom('direct' as const, 'online' as const),
  });
  it('legal rule: the new due date is exactly the period counted again from the complete dossier, never earlier', () => {
    fc.assert(
      fc.property(restartArb, (s) => {
        const procedure = simpleProcedure(3, { channels: [{ channel: s.channel, limit: s.limit }] });
        const P = s.received + s.requestAfter * MIN;
        const S = P + s.wait * MIN;
        const d = replay(
          [
            { id: 'r', type: 'received', at: formatInstant(s.received), channel: s.channel },
            { id: 'p', type: 'supplement-requested', at: formatInstant(P) },
            { id: 's', type: 'supplement-received', at: formatInstant(S) },
          ],
          { procedure, strict: true },
        );
        const legal = dueDate({ receivedAt: formatInstant(S), limit: s.limit, cutoff: s.channel === 'direct' ? '15:00' : null });
        expect(d.clock!.dueAt).toBe(legal.dueAt);
        expect(d.clock!.dueDate >= formatInstant(S).slice(0, 10)).toBe(true);
        expect(d.clock!.restarts).toBe(1);
      }),
      { numRuns: Number(process.env.RUNS ?? 300) },
    );
  });
  it('Decision 766 and clock stops: the due instant never moves earlier than before the pause', () => {
    fc.assert(
      fc.property(restartArb, fc.boolean(), (s, stop) => {
        const procedure = simpleProcedure(3, { channels: [{ channel: s.channel, limit: s.limit }] });
        const P = s.received + s.requestAfter * MIN;
        const S = P + s.wait * MIN;
        const events: DossierEvent[] = [
          { id: 'r', type: 'received', at: formatInstant(s.received), channel: s.channel },
          stop ? { id: 'p', type: 'clock-stopped', at: formatInstant(P), reason: 'financial-obligation' } : { id: 'p', type: 'supplement-requested', at: formatInstant(P) },
          stop ? { id: 's', type: 'clock-resumed', at: formatInstant(S) } : { id: 's', type: 'supplement-received', at: formatInstant(S) },
        ];
        const d = replay(events, { procedure, policy: { supplement: 'decision-766' }, strict: true });
        const before = d.history[1]!.dueMs;
        expect(d.clock!.dueMs).toBeGreaterThanOrEqual(before);
        if (!stop) expect(d.clock!.dueMs).toBe(before + (S - P)); // elapsed time, as the portal's formula
      }),
      { numRuns: Number(process.env.RUNS ?? 300) },
    );
  });
});
