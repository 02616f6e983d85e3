/**
 * Hostile input to the dossier state machine (#14): bounded events, an iterative duplicate check,
 * a linear replay, and typed errors for malformed arguments.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/dossier';
import { controlSlip, evolve, initial, isDossierError, replay, statusAt, timeliness } from '../../src/dossier/index';
import type { DossierEvent, DossierProcedure } from '../../src/dossier/index';
import { MAX_EVENT_DEPTH, MAX_EVENT_VALUES, sameEvent } from '../../src/dossier/_lib/bounds';
import { isMotcuaError } from '../../src/errors';
import { fakeIo } from '../cli/_io';
import { simpleProcedure } from './_fixtures';

const procedure = simpleProcedure(3);
const AT = '2026-03-02T09:00+07:00';

/** A value nested `n` levels deep, built without recursion. */
function nested(n: number): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let cur = root;
  for (let i = 0; i < n; i++) {
    const next: Record<string, unknown> = {};
    cur.a = next;
    cur = next;
  }
  return root;
}

/** What `fn` throws (fails the test when it does not throw). */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

function expectBounds(e: unknown, field: string): void {
  expect(isDossierError(e)).toBe(true);
  expect(e).toMatchObject({ code: 'INVALID_EVENT', rule: 'event-bounds', field, eventId: 'e1' });
}

describe('#14 event bounds and the idempotent-duplicate check', () => {
  it('#14 a retried event nested 400,000 deep is refused with INVALID_EVENT naming the event and field, not a RangeError', () => {
    const deep = { id: 'e1', type: 'received', at: AT, x: nested(400_000) } as unknown as DossierEvent;
    expectBounds(thrown(() => replay([deep, deep], { procedure, strict: true })), 'x');
    // the retry of an accepted event carrying the deep value: the bound refuses it before any comparison
    const d = replay([{ id: 'e1', type: 'received', at: AT, x: nested(3) } as unknown as DossierEvent], { procedure, strict: true });
    expectBounds(thrown(() => evolve(d, deep)), 'x');
    // non-strict replay keeps it in `rejected` as a plain-JSON summary, so the dossier still serialises
    const kept = replay([deep, deep], { procedure });
    expect(kept.rejected).toHaveLength(2);
    expect(kept.rejected[0]!.event).toEqual({ bounded: true, id: 'e1', type: 'received', at: AT });
    expect(() => JSON.stringify(kept)).not.toThrow();
  });

  it('#14 a circular or BigInt duplicate is refused with INVALID_EVENT, not a TypeError', () => {
    const circ: Record<string, unknown> = { id: 'e1', type: 'received', at: AT };
    circ.self = circ;
    expectBounds(thrown(() => replay([circ as unknown as DossierEvent, circ as unknown as DossierEvent], { procedure, strict: true })), 'self');
    const big = { id: 'e1', type: 'received', at: AT, n: 1n } as unknown as DossierEvent;
    expectBounds(thrown(() => replay([big, big], { procedure, strict: true })), 'n');
    const nestedBig = { id: 'e1', type: 'received', at: AT, meta: { list: [1, 2, { n: 2n }] } } as unknown as DossierEvent;
    expectBounds(thrown(() => replay([nestedBig], { procedure, strict: true })), 'meta');
    const fn = { id: 'e1', type: 'received', at: AT, f: () => 1 } as unknown as DossierEvent;
    expectBounds(thrown(() => replay([fn], { procedure, strict: true })), 'f');
  });

  it('#14 the bounds: MAX_EVENT_DEPTH levels and MAX_EVENT_VALUES values are accepted, one more is refused', () => {
    const at = (x: unknown) => ({ id: 'e1', type: 'received', at: AT, x }) as unknown as DossierEvent;
    // the field itself is level 1: nested(MAX_EVENT_DEPTH - 1) has MAX_EVENT_DEPTH object levels
    expect(replay([at(nested(MAX_EVENT_DEPTH - 1))], { procedure, strict: true }).history).toHaveLength(1);
    expectBounds(thrown(() => replay([at(nested(MAX_EVENT_DEPTH))], { procedure, strict: true })), 'x');
    // id, type, at and x (the array) are 4 values: MAX_EVENT_VALUES - 4 items fit exactly
    expect(replay([at(new Array(MAX_EVENT_VALUES - 4).fill(0))], { procedure, strict: true }).history).toHaveLength(1);
    expectBounds(thrown(() => replay([at(new Array(MAX_EVENT_VALUES - 3).fill(0))], { procedure, strict: true })), 'x');
    expectBounds(thrown(() => replay([at(new Array(1_000_000).fill(0))], { procedure, strict: true })), 'x');
    const wide: Record<string, unknown> = { id: 'e1', type: 'received', at: AT };
    for (let k = 0; k < MAX_EVENT_VALUES; k++) wide[`f${k}`] = k;
    expectBounds(thrown(() => replay([wide as unknown as DossierEvent], { procedure, strict: true })), 'event');
  });

  it('#14 a retry with the same content is idempotent whatever its key order; a different content is a conflicting duplicate', () => {
    const a = { id: 'e1', type: 'received', at: AT, meta: { tags: ['a', { b: 2 }], when: new Date(0) } } as unknown as DossierEvent;
    const b = { meta: { when: new Date(0), tags: ['a', { b: 2 }] }, at: AT, note: undefined, type: 'received', id: 'e1' } as unknown as DossierEvent;
    const d = replay([a], { procedure, strict: true });
    expect(evolve(d, b)).toBe(d);
    const c = { ...a, meta: { tags: ['a', { b: 3 }], when: new Date(0) } } as unknown as DossierEvent;
    expect(thrown(() => evolve(d, c))).toMatchObject({ code: 'INVALID_EVENT', rule: 'duplicate-id', field: 'id' });
    expect(sameEvent([1, [2]], [1, [2, 3]])).toBe(false);
    expect(sameEvent({ a: [] }, { a: {} })).toBe(false);
    expect(sameEvent({ a: NaN }, { a: NaN })).toBe(true);
    // bounded: past its limit the comparison answers "not the same" instead of recursing
    expect(sameEvent(nested(100_000), nested(100_000))).toBe(false);
    expect(sameEvent(nested(10), nested(10))).toBe(true);
  });
});

describe('#14 replay is linear in accepted events', () => {
  it('#14 a log of 50,000 events (steps, supplements, clock stops, retries) replays correctly', () => {
    // the figure (events per second at 32,000 and 64,000 events) is a bench row: bench/dossier.bench.ts benchLongLog
    const proc: DossierProcedure = { ...simpleProcedure(3000), clockStops: ['verification'] };
    const base = Date.parse('2026-03-02T02:00:00Z');
    const at = (i: number) => new Date(base + i * 1000).toISOString();
    const events: DossierEvent[] = [{ id: 'r', type: 'received', at: at(0) }];
    for (let i = 1; i < 50_000; i++) {
      const id = `e${i}`;
      const k = i % 7;
      if (k === 1) events.push({ id, type: 'step-started', at: at(i), step: `s${i}`, agency: 'A', budget: { amount: 2, unit: 'working-day' } });
      else if (k === 2) events.push({ id, type: 'step-completed', at: at(i), step: `s${i - 1}` });
      else if (k === 3) events.push({ id, type: 'supplement-requested', at: at(i) });
      else if (k === 4) events.push({ id, type: 'supplement-received', at: at(i) });
      else if (k === 5) events.push({ id, type: 'clock-stopped', at: at(i), reason: 'verification' });
      else if (k === 6) events.push({ id, type: 'clock-resumed', at: at(i) });
      else events.push(events[events.length - 3]!); // a retry of an accepted event: idempotent
    }
    const d = replay(events, { procedure: proc, policy: { repeatedSupplements: 'accept' } });
    const retries = events.filter((_, i) => i > 0 && i % 7 === 0).length;
    expect(d.rejected).toEqual([]);
    expect(d.history).toHaveLength(events.length - retries);
    expect(d.steps).toHaveLength(Math.ceil((50_000 - 1) / 7));
    expect(d.steps.every((s) => s.endedAt !== null)).toBe(true);
    expect(d.supplements).toBe(events.filter((e) => e.type === 'supplement-requested').length);
    // the same log folded with evolve from the last 40 events gives the same dossier (evolve scans, replay indexes)
    const head = replay(events.slice(0, -40), { procedure: proc, policy: { repeatedSupplements: 'accept' } });
    let folded = head;
    for (const e of events.slice(-40)) folded = evolve(folded, e);
    expect(JSON.stringify(folded)).toBe(JSON.stringify(d));
    // a conflicting duplicate of an early id, deep in the log, is still found
    const conflict = replay([...events, { id: 'e1', type: 'returned', at: at(60_000) }], { procedure: proc, policy: { repeatedSupplements: 'accept' } });
    expect(conflict.rejected).toHaveLength(1);
    expect(conflict.rejected[0]!.rule).toBe('duplicate-id');
  });
});

describe('#14 malformed arguments get a MotcuaError naming the field', () => {
  const cases: [string, () => unknown, string][] = [
    ['evolve(null, event)', () => evolve(null as never, { id: 'e1', type: 'received', at: AT }), 'dossier'],
    ['evolve with a log that is not an array', () => evolve({ ...initial({ procedure }), events: 5 } as never, { id: 'e1', type: 'received', at: AT }), 'dossier.events'],
    ['replay(events, null)', () => replay([], null as never), 'options'],
    ['initial(undefined)', () => initial(undefined as never), 'options'],
    ['calendar: {}', () => replay([], { procedure, calendar: {} as never }), 'calendar'],
    ['calendar: { options: {} }', () => replay([], { procedure, calendar: { options: {} } as never }), 'calendar'],
    ['channels: [null]', () => replay([], { procedure: { ...procedure, channels: [null as never] } }), 'procedure.channels[0]'],
    ['clockStops: 5', () => replay([], { procedure: { ...procedure, clockStops: 5 as never } }), 'procedure.clockStops'],
    ['clockStops: ["lunch"]', () => replay([], { procedure: { ...procedure, clockStops: ['lunch' as never] } }), 'procedure.clockStops[0]'],
    ['steps: 5', () => replay([], { procedure: { ...procedure, steps: 5 as never } }), 'procedure.steps'],
    ['steps.items: [null]', () => replay([], { procedure: { ...procedure, steps: { mode: 'sequential', items: [null as never] } } }), 'procedure.steps.items[0]'],
    ['steps.items: [{ budget }] without id', () => replay([], { procedure: { ...procedure, steps: { mode: 'sequential', items: [{ budget: { amount: 1, unit: 'working-day' } } as never] } } }), 'procedure.steps.items[0].id'],
    ['cutoff: 5', () => replay([], { procedure: { ...procedure, cutoff: 5 as never } }), 'procedure.cutoff'],
    ['statusAt(null, …)', () => statusAt(null as never, AT), 'dossier'],
    ['timeliness({})', () => timeliness({} as never), 'dossier'],
    ['timeliness(d, null)', () => timeliness(initial({ procedure }), null as never), 'options'],
    ['controlSlip(5)', () => controlSlip(5 as never), 'dossier'],
  ];
  for (const [name, fn, field] of cases) {
    it(`#14 ${name}`, () => {
      const e = thrown(fn);
      expect(isMotcuaError(e), String(e)).toBe(true);
      expect((e as { field?: string }).field).toBe(field);
    });
  }

  it('#14 motcua dossier with channels:[null], clockStops:5 or steps.items:[null] prints a one-line typed error, exit 2 (bad input; 1 before the exit-code convention of issue #20)', async () => {
    const events = [{ id: 'e1', type: 'received', at: AT }];
    for (const [bad, field] of [
      [{ ...procedure, channels: [null] }, 'procedure.channels[0]'],
      [{ ...procedure, clockStops: 5 }, 'procedure.clockStops'],
      [{ ...procedure, steps: { mode: 'sequential', items: [null] } }, 'procedure.steps.items[0]'],
    ] as const) {
      const io = fakeIo({ 'd.json': JSON.stringify({ procedure: bad, events }) });
      expect(await run(['d.json'], io)).toBe(2);
      expect(io.err).toContain(`INVALID_INPUT (${field})`);
      expect(io.err.trim().split('\n')).toHaveLength(1);
    }
  });
});
