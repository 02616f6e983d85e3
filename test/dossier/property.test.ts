import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueDate } from '../../src/calendar/index';
import { defaultCalendar } from '../../src/calendar/index';
import { DOSSIER_EVENT_TYPES, DOSSIER_STATES, TRANSITIONS, DossierError, evolve, initial, replay, statusAt, statusCodeOf, timeliness } from '../../src/dossier/index';
import type { Dossier, DossierEvent, DossierPolicy } from '../../src/dossier/index';
import { calOf, computeDue } from '../../src/dossier/_lib/clock';
import { instantMs } from '../../src/dossier/_lib/time';
import { formatInstant } from '../../src/calendar/_lib/instant';
import { interlinked, simpleProcedure } from './_fixtures';

const BASE = Date.UTC(2025, 5, 20, 1, 0); // 2025-06-20 08:00 in Vietnam: spans the 61 → 118 switch
const procedures = [simpleProcedure(5), interlinked, simpleProcedure(2, { channels: [{ channel: 'direct', limit: { amount: 1.5, unit: 'working-day' } }], cutoff: { time: '15:00', rule: 'next-working-day' } })];

/**
 * A random, mostly plausible event log: 85% of the events are drawn among the transitions the
 * table allows from the current state (so deep states are reached), the rest are any type; times
 * mostly increase; some events repeat an earlier one (same or conflicting) and some are garbage.
 */
const policyArb = fc.record({
  supplement: fc.constantFrom('legal-restart', 'decision-766'),
  repeatedSupplements: fc.constantFrom('reject', 'accept'),
}) as fc.Arbitrary<Partial<DossierPolicy>>;

const ctxArb = fc.record({ procedure: fc.constantFrom(...procedures), policy: policyArb });

const itemsArb = fc.array(
  fc.record({
    type: fc.constantFrom(...DOSSIER_EVENT_TYPES),
    guided: fc.integer({ min: 0, max: 99 }).map((n) => n < 85),
    pick: fc.nat(50),
    gapMinutes: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 4 * 1440 }) }, { weight: 1, arbitrary: fc.integer({ min: 20 * 1440, max: 40 * 1440 }) }, { weight: 1, arbitrary: fc.integer({ min: -600, max: 0 }) }),
    step: fc.constantFrom('commune', 'province', 'internal'),
    reason: fc.constantFrom('financial-obligation', 'public-posting', 'expert-assessment', 'bogus'),
    untilDays: fc.integer({ min: -3, max: 30 }),
    channel: fc.constantFrom(undefined, 'direct', 'online', 'postal'),
    nonBoundary: fc.boolean(),
    dupOf: fc.option(fc.nat(20), { freq: 8 }),
    garbage: fc.option(fc.constantFrom<unknown>(null, 42, { id: '', type: 'received', at: 'x' }, { id: 'g', type: 'nope', at: '2025-07-01T08:00+07:00' }, { id: 'h', type: 'received', at: '2025-07-01T08:00' }), { freq: 15 }),
  }),
  { maxLength: 14 },
);

const SIDE_EVENTS = new Set(['fee-assessed', 'fee-paid', 'fee-refunded', 'transferred']);

const scenarioArb = fc.tuple(itemsArb, ctxArb, fc.integer({ min: 0, max: 500 })).map(([items, ctx, startDays]) => {
  let t = BASE + (startDays - 250) * 86400000 * 2;
  const events: DossierEvent[] = [];
  let d = initial(ctx);
  items.forEach((it, k) => {
    t += it.gapMinutes * 60000;
    if (it.garbage !== null) {
      events.push(it.garbage as DossierEvent);
      return;
    }
    const at = formatInstant(t);
    const prev = it.dupOf !== null ? events[it.dupOf % Math.max(1, events.length)] : undefined;
    if (prev !== undefined && typeof prev === 'object' && prev !== null) {
      events.push(it.gapMinutes % 2 === 0 ? prev : ({ ...prev, at } as DossierEvent));
      return;
    }
    // fee and transfer events are self-loops in most states: drawn less often, so the guided walk still goes deep
    const allowed = TRANSITIONS.filter((r) => r.from.includes(d.state) && (!SIDE_EVENTS.has(r.event) || it.pick % 6 === 0)).map((r) => r.event);
    const type = it.guided && allowed.length > 0 ? allowed[it.pick % allowed.length]! : it.type;
    const base = { id: `e${k}`, type, at } as Record<string, unknown>;
    if (type === 'step-started') Object.assign(base, { step: it.step }, it.step === 'internal' ? { agency: 'Phòng A', budget: { amount: 2, unit: 'working-day' } } : {});
    if (type === 'step-completed') base.step = d.steps.find((s) => s.endedAt === null)?.step ?? it.step;
    if (type === 'clock-stopped') base.reason = it.reason;
    if (type === 'extended') base.until = formatInstant(t + it.untilDays * 86400000).slice(0, 10);
    if (type === 'received') Object.assign(base, it.channel ? { channel: it.channel } : {}, { nonBoundary: it.nonBoundary });
    if (type === 'fee-assessed') base.amount = (it.pick % 3) * 25000;
    if (type === 'fee-paid') base.channel = (['counter', 'online-national-portal', 'bank-transfer', 'cash'] as const)[it.pick % 4];
    const e = base as unknown as DossierEvent;
    events.push(e);
    try {
      d = evolve(d, e);
    } catch {
      // refused: the state stays
    }
  });
  return { events, ctx };
});

/** Fold evolve, skipping refused events; checks every throw is a DossierError. */
function fold(events: readonly DossierEvent[], ctx: { procedure: (typeof procedures)[number]; policy: Partial<DossierPolicy> }): { dossier: Dossier; accepted: DossierEvent[] } {
  let d = initial(ctx);
  const accepted: DossierEvent[] = [];
  for (const e of events) {
    const before = JSON.stringify(d);
    try {
      const next = evolve(d, e);
      if (next !== d) accepted.push(e);
      d = next;
    } catch (err) {
      if (!(err instanceof DossierError)) throw err;
      expect(typeof err.rule).toBe('string');
      expect(err.state).toBe(d.state);
      expect(JSON.stringify(d)).toBe(before);
    }
  }
  return { dossier: d, accepted };
}

describe('dossier state machine properties', () => {
  it('any random sequence of events throws nothing but DossierError, and a refused event leaves the dossier unchanged', () => {
    fc.assert(fc.property(scenarioArb, ({ events, ctx }) => void fold(events, ctx)), { numRuns: 400 });
  });

  it('replaying a valid log is deterministic and equals folding evolve; replay keeps refused events', () => {
    fc.assert(
      fc.property(scenarioArb, ({ events, ctx }) => {
        const { dossier, accepted } = fold(events, ctx);
        const r1 = replay(accepted, { ...ctx, strict: true });
        const r2 = replay(accepted, { ...ctx, strict: true });
        expect(r1).toEqual(dossier);
        expect(r2).toEqual(r1);
        const lax = replay(events, ctx);
        expect({ ...lax, rejected: [] }).toEqual(dossier);
        // nothing dropped: every event is accepted, refused (kept in `rejected`) or an idempotent duplicate of an accepted one
        const ids = new Set(lax.events.map((e) => e.id));
        const dupes = events.filter((e) => !lax.events.includes(e) && !lax.rejected.some((r) => r.event === e));
        for (const e of dupes) expect(ids.has(e.id)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('snapshots round-trip through JSON, and evolving the copy gives the same dossier', () => {
    fc.assert(
      fc.property(scenarioArb, ({ events, ctx }) => {
        const { dossier, accepted } = fold(events, ctx);
        const copy = JSON.parse(JSON.stringify(dossier)) as Dossier;
        expect(copy).toEqual(dossier);
        const next: DossierEvent = { id: 'next', type: 'resolved', at: formatInstant(dossier.lastMs > 0 ? dossier.lastMs + 3600000 : BASE) };
        let a: unknown;
        let b: unknown;
        try {
          a = evolve(dossier, next);
        } catch (e) {
          a = (e as DossierError).rule;
        }
        try {
          b = evolve(copy, next);
        } catch (e) {
          b = (e as DossierError).rule;
        }
        expect(JSON.parse(JSON.stringify(b))).toEqual(JSON.parse(JSON.stringify(a)));
        expect(accepted.length).toBe(dossier.events.length);
      }),
      { numRuns: 200 },
    );
  });

  it('due dates never move earlier except by a legal restart', () => {
    fc.assert(
      fc.property(scenarioArb, ({ events, ctx }) => {
        const { dossier } = fold(events, ctx);
        let last = -Infinity;
        for (const h of dossier.history) {
          if (h.dueDate === null) continue;
          const restart = h.type === 'supplement-received' && dossier.policy.supplement === 'legal-restart';
          if (!restart) expect(h.dueMs).toBeGreaterThanOrEqual(last);
          last = h.dueMs;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('terminal states are absorbing', () => {
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom(...DOSSIER_EVENT_TYPES), ({ events, ctx }, type) => {
        const { dossier } = fold(events, ctx);
        const info = DOSSIER_STATES.find((s) => s.state === dossier.state);
        if (!info?.terminal) return;
        const e = { id: 'after', type, at: formatInstant(dossier.lastMs + 86400000), step: 'commune', reason: 'financial-obligation', until: '2030-01-01', amount: 10000, ...(type === 'fee-paid' ? { channel: 'counter' } : {}) } as DossierEvent;
        expect(() => evolve(dossier, e)).toThrow(DossierError);
        try {
          evolve(dossier, e);
        } catch (err) {
          expect((err as DossierError).rule).toBe('terminal');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the generator reaches almost every state', () => {
    const seen = new Set<string>();
    for (const { events, ctx } of fc.sample(scenarioArb, { numRuns: 3000, seed: 42 })) for (const h of fold(events, ctx).dossier.history) seen.add(h.state);
    expect(seen.size).toBeGreaterThanOrEqual(13);
  });

  it('each state maps to one national code 1-10, and every history line and status carries it', () => {
    for (const s of DOSSIER_STATES) expect(s.code >= 1 && s.code <= 10 && Number.isInteger(s.code)).toBe(true);
    expect(new Set(DOSSIER_STATES.map((s) => s.state)).size).toBe(DOSSIER_STATES.length);
    fc.assert(
      fc.property(scenarioArb, ({ events, ctx }) => {
        const { dossier } = fold(events, ctx);
        for (const h of dossier.history) {
          expect(h.code).toBe(statusCodeOf(h.state));
          const s = statusAt(dossier, h.at);
          expect(s.nationalCode).toBe(statusCodeOf(s.state as never));
        }
        if (dossier.state !== 'none') expect(dossier.nationalCode).toBe(statusCodeOf(dossier.state));
        const t = timeliness(dossier);
        expect(['early', 'on-time', 'late', 'pending-within-time', 'pending-overdue', 'not-received']).toContain(t.result);
      }),
      { numRuns: 200 },
    );
  });

  it('the O(1) due-date path agrees with the calendar’s dueDate', () => {
    const c = calOf(defaultCalendar());
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2018, 0, 1), max: Date.UTC(2027, 11, 1) }),
        fc.oneof(
          fc.record({ amount: fc.integer({ min: 0, max: 40 }), unit: fc.constant('working-day' as const) }),
          fc.record({ amount: fc.integer({ min: 0, max: 40 }), unit: fc.constant('calendar-day' as const) }),
          fc.constant({ amount: 0, unit: 'same-day' as const }),
          fc.record({ amount: fc.constantFrom(0.5, 1.5, 2.25), unit: fc.constant('working-day' as const) }),
          fc.record({ amount: fc.integer({ min: 1, max: 30 }), unit: fc.constant('working-hour' as const) }),
        ),
        fc.constantFrom(null, '15:00', '11:00'),
        (ms, limit, cut) => {
          const at = formatInstant(ms);
          const ref = dueDate({ receivedAt: at, limit, cutoff: cut }, c.cal);
          const mine = computeDue(c, instantMs(at, 'at'), limit, cut === null ? null : Number(cut.slice(0, 2)) * 60, cut);
          expect(formatInstant(mine.dueMs)).toBe(ref.dueAt);
          expect(formatInstant(mine.startMs)).toBe(ref.clockStart);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('instantMs agrees with the strict parser', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.constantFrom('Z', '+07:00'), fc.boolean(), (ms, off, secs) => {
        const s = off === 'Z' ? new Date(ms).toISOString() : formatInstant(ms);
        const str = secs ? s : s.replace(/:\d\d(\.\d+)?(?=Z|[+-])/, '');
        const t = Date.parse(str);
        expect(instantMs(str, 'at')).toBe(t);
      }),
      { numRuns: 1000 },
    );
  });
});
