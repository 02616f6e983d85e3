/**
 * `replayMany` (#18): one call over many logs gives, for each log, exactly the dossier `replay` gives
 * (same state, national code, due date, timeliness, refusals with the same code and event), whether
 * the instants come as ISO strings or as epoch milliseconds, on random and damaged logs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateLogs, POLICIES, PROCEDURES } from '../../bench/_lib/dossier-logs';
import { prng } from '../../src/_lib/prng';
import { DossierError, MotcuaError, replay, replayMany, timeliness } from '../../src/dossier/index';
import type { Dossier, DossierEvent, DossierPolicy, DossierProcedure, TimedEvent } from '../../src/dossier/index';
import { formatInstant } from '../../src/calendar/_lib/instant';
import { instantMs } from '../../src/dossier/_lib/time';
import { damageLog, simpleProcedure } from './_fixtures';

const GARBAGE: unknown[] = [null, 42, { id: '', type: 'received', at: 'x' }, { id: 'g', type: 'nope', at: '2025-07-01T08:00+07:00' }, { id: 'h', type: 'received', at: '2025-07-01T08:00' }, { id: 'n', type: 'received', at: { deep: [1, 2n] } }];
const EXTRA = ['extended', 'supplement-requested', 'clock-stopped', 'supplement-expired', 'step-completed', 'agency-received', 'withdrawal-declined', 'correction-requested', 'corrected', 'fee-paid'];

/** The text `replayMany` writes for epoch ms (the canonical form of `formatInstant`, with `.mmm` when not 0). */
function canonical(ms: number): string {
  const r = ((ms % 1000) + 1000) % 1000;
  const t = formatInstant(ms - r);
  return r === 0 ? t : `${t.slice(0, -6)}.${String(r).padStart(3, '0')}+07:00`;
}

interface Pair {
  /** The logs as replay reads them (string instants). */
  readonly text: { events: unknown[]; procedure: DossierProcedure; policy: Partial<DossierPolicy> }[];
  /** The same logs with some instants as epoch ms. */
  readonly timed: { events: unknown[]; procedure: DossierProcedure; policy: Partial<DossierPolicy> }[];
}

/** Generated logs, some damaged as in the golden test, some instants given as epoch ms (sometimes with milliseconds). */
function pairOf(n: number, seed: number, msShare: number): Pair {
  const rand = prng(seed);
  const text: Pair['text'] = [];
  const timed: Pair['timed'] = [];
  generateLogs(n, seed).forEach((l, k) => {
    const ev: unknown[] = l.events.slice();
    damageLog(ev, k, rand, { garbage: GARBAGE, extra: EXTRA, fields: { until: '2026-01-10', reason: 'financial-obligation', step: 'appraise', channel: 'counter' } });
    const policy = (k % 5 === 0 ? { ...l.policy, timelinessLevel: 'instant', repeatedSupplements: 'accept', onlineClockStart: 'submission' } : l.policy) as Partial<DossierPolicy>;
    const asText: unknown[] = [];
    const asTimed: unknown[] = [];
    for (const e of ev) {
      const at = typeof e === 'object' && e !== null ? (e as { at?: unknown }).at : undefined;
      let ms = Number.NaN;
      if (typeof at === 'string') {
        try {
          ms = instantMs(at, 'at');
        } catch {
          // a malformed instant stays as it is in both
        }
      }
      if (ms === ms && rand() < msShare) {
        if (rand() < 0.2) ms += 1 + Math.floor(rand() * 998); // milliseconds
        const t = { ...(e as object), at: canonical(ms) };
        asText.push(t);
        asTimed.push({ ...(e as object), at: ms });
      } else {
        asText.push(e);
        asTimed.push(e);
      }
    }
    text.push({ events: asText, procedure: l.procedure, policy });
    timed.push({ events: asTimed, procedure: l.procedure, policy });
  });
  return { text, timed };
}

/** What the issue asks the two to agree on, spelled out (the deep equality below covers the rest). */
function essentials(d: Dossier): unknown {
  const t = timeliness(d);
  return {
    state: d.state,
    nationalCode: d.nationalCode,
    dueDate: d.clock?.dueDate ?? null,
    dueAt: d.clock?.dueAt ?? null,
    timeliness: t.result,
    judgedAt: t.judgedAt,
    subtractedMs: t.subtractedMs,
    refusals: d.rejected.map((r) => [r.code, r.rule, r.state, (r.event as { id?: unknown } | null)?.id ?? null, r.message]),
  };
}

describe('replayMany', () => {
  it('gives, log by log, the dossier replay gives: random and damaged logs, instants as strings or epoch ms (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 60 }), fc.constantFrom(0, 0.3, 1), (seed, n, msShare) => {
        const { text, timed } = pairOf(n, seed, msShare);
        const one = text.map((l) => replay(l.events as DossierEvent[], { procedure: l.procedure, policy: l.policy }));
        const many = replayMany(timed as never);
        expect(many.length).toBe(one.length);
        for (let k = 0; k < one.length; k++) {
          expect(essentials(many[k]!)).toEqual(essentials(one[k]!));
          expect(many[k]).toEqual(one[k]);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('agrees with replay on a large batch, which shares resolved contexts across logs (4 procedure/policy pairs)', () => {
    const { text, timed } = pairOf(3000, 77, 0.5);
    const one = text.map((l) => replay(l.events as DossierEvent[], { procedure: l.procedure, policy: l.policy }));
    const many = replayMany(timed as never);
    expect(JSON.stringify(many)).toBe(JSON.stringify(one));
    expect(many.reduce((s, d) => s + d.rejected.length, 0)).toBeGreaterThan(300);
  });

  it('strict: throws the error replay throws (same code, rule, event id and message)', () => {
    const { text, timed } = pairOf(200, 5, 0.5);
    let compared = 0;
    for (let k = 0; k < text.length; k++) {
      let a: unknown = null;
      let b: unknown = null;
      try {
        replay(text[k]!.events as DossierEvent[], { procedure: text[k]!.procedure, policy: text[k]!.policy, strict: true });
      } catch (err) {
        a = err;
      }
      try {
        replayMany([timed[k]!] as never, { strict: true });
      } catch (err) {
        b = err;
      }
      if (a === null) {
        expect(b).toBeNull();
        continue;
      }
      compared++;
      expect(b).toBeInstanceOf(DossierError);
      const x = a as DossierError;
      const y = b as DossierError;
      expect([y.code, y.rule, y.eventId, y.state, y.message]).toEqual([x.code, x.rule, x.eventId, x.state, x.message]);
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('the worked example of its JSDoc: counter receipt, due 5/3, one resolved early, one late; epoch ms written in Vietnamese time', () => {
    const procedure = simpleProcedure(3);
    const [a, b] = replayMany(
      [
        { events: [{ id: 'e1', type: 'received', at: '2026-03-02T09:00+07:00' }, { id: 'e2', type: 'resolved', at: '2026-03-04T10:00+07:00' }] },
        { events: [{ id: 'e1', type: 'received', at: 1772416800000 }, { id: 'e2', type: 'resolved', at: 1773025200000 }] },
      ],
      { procedure },
    );
    expect(a!.clock?.dueDate).toBe('2026-03-05');
    expect(timeliness(a!).result).toBe('early');
    expect(b!.clock?.dueDate).toBe('2026-03-05');
    expect(timeliness(b!).result).toBe('late');
    expect(b!.events.map((e) => e.at)).toEqual(['2026-03-02T09:00:00+07:00', '2026-03-09T10:00:00+07:00']);
    expect(b!.history.map((h) => h.ms)).toEqual([1772416800000, 1773025200000]);
  });

  it('per-log procedure, policy and id override the options; the input logs are not modified', () => {
    const events: TimedEvent[] = [{ id: 'r', type: 'received', at: 1772416800000 }];
    const frozen = Object.freeze(events.map((e) => Object.freeze({ ...e })));
    const [a, b] = replayMany([{ events: frozen }, { events: frozen, procedure: simpleProcedure(10), id: 'HS-2' }], { procedure: simpleProcedure(3), id: 'HS-1' });
    expect(a!.clock?.dueDate).toBe('2026-03-05');
    expect(a!.id).toBe('HS-1');
    expect(b!.clock?.dueDate).toBe('2026-03-16');
    expect(b!.id).toBe('HS-2');
    expect(frozen[0]!.at).toBe(1772416800000);
  });

  it('refuses epoch ms that is not an integer in years 1-9999 as a malformed event, and goes on', () => {
    for (const bad of [Number.NaN, 1.5, Infinity, 1e17, -1e17]) {
      const [d] = replayMany([{ events: [{ id: 'r', type: 'received', at: '2026-03-02T09:00+07:00' }, { id: 'x', type: 'resolved', at: bad }, { id: 'y', type: 'resolved', at: 1772416800000 + 3600000 }] }], { procedure: simpleProcedure(3) });
      expect(d!.rejected).toHaveLength(1);
      expect(d!.rejected[0]).toMatchObject({ code: 'INVALID_EVENT', rule: 'event-schema', state: 'received' });
      expect(d!.rejected[0]!.message).toMatch(/epoch milliseconds/);
      expect(d!.state).toBe('resolved');
    }
  });

  it('bad input gets a typed error naming the log', () => {
    const procedure = simpleProcedure(3);
    expect(() => replayMany({} as never, { procedure })).toThrow(MotcuaError);
    expect(() => replayMany([{ events: [] }, { events: 'x' }] as never, { procedure })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', field: 'logs[1]' }));
    expect(() => replayMany([{ events: [] }])).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', field: 'logs[0].procedure' }));
    expect(() => replayMany([{ events: [], policy: { supplement: 'nope' } }] as never, { procedure })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION', field: 'logs[0].policy.supplement' }));
    expect(() => replayMany([{ events: [], procedure: { code: 'x', channels: 'no' } }] as never)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', field: 'logs[0].procedure' }));
    expect(replayMany([], { procedure })).toEqual([]);
  });

  it('uses the bench procedures and policies as given (shared objects)', () => {
    const l = generateLogs(50, 3).map((x) => ({ ...x, procedure: PROCEDURES[x.procedure.code === '1.000001' ? 0 : 1]!, policy: POLICIES[x.policy.supplement === 'decision-766' ? 1 : 0]! }));
    expect(replayMany(l)).toEqual(l.map((x) => replay(x.events, { procedure: x.procedure, policy: x.policy })));
  });
});
