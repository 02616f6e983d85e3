/**
 * Hostile-input fuzz suite (#14) over the dossier events, the claims of `check` and the catalogue
 * reader: on any JSON (hostile keys such as `__proto__` included) only typed errors escape, and
 * `Object.prototype` is left untouched. Run counts are bounded so the file takes a few seconds.
 * The named regressions of #14 for these readers are at the end.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { evolve, initial, replay } from '../../src/dossier/index';
import type { DossierEvent } from '../../src/dossier/index';
import { isMotcuaError } from '../../src/errors';
import { checkReport } from '../../src/kpi/index';
import { parseCatalog, parseCatalogOrThrow, parseProcedure } from '../../src/schema/index';
import { fakeIo } from '../cli/_io';
import { simpleProcedure } from '../dossier/_fixtures';
import { jsonText, pollutedKeys, protoSnapshot } from './_hostile';

const RUNS = 150;
let before = '';
beforeAll(() => {
  before = protoSnapshot();
});
afterAll(() => {
  // the whole file, every run included, left Object.prototype as it found it
  expect(protoSnapshot()).toBe(before);
  expect(pollutedKeys()).toEqual([]);
});

/** Run `fn`; a thrown value must be a MotcuaError. */
function onlyTyped(fn: () => unknown): unknown {
  try {
    return fn();
  } catch (e) {
    if (!isMotcuaError(e)) throw new Error(`untyped ${String((e as Error)?.name)}: ${String((e as Error)?.message).slice(0, 200)}`);
    return e;
  }
}

const EVENT_KEYS = ['id', 'type', 'at', 'channel', 'reason', 'step', 'agency', 'budget', 'until', 'by', 'note', 'nonBoundary', 'level', 'name', 'letter'];
const TYPES = ['submitted', 'received', 'step-started', 'step-completed', 'supplement-requested', 'supplement-received', 'clock-stopped', 'clock-resumed', 'extended', 'resolved', 'returned', 'withdrawal-requested', 'refused'];

/** An event: a near-valid one with some fields replaced by hostile JSON, or any JSON at all. */
const eventArb: fc.Arbitrary<unknown> = fc.oneof(
  fc
    .record({
      id: fc.oneof(fc.constantFrom('e1', 'e2', 'e3', '__proto__', 'constructor'), fc.string({ maxLength: 4 })),
      type: fc.constantFrom(...TYPES),
      at: fc.constantFrom('2026-03-02T09:00+07:00', '2026-03-03T10:00+07:00', '2026-03-09T16:00+07:00', '2026-03-02', 'x'),
      extra: fc.array(fc.tuple(fc.constantFrom(...EVENT_KEYS, '__proto__', 'constructor', 'meta'), jsonText(EVENT_KEYS, 2)), { maxLength: 3 }),
    })
    .map(({ id, type, at, extra }) => JSON.parse(`{"id":${JSON.stringify(id)},"type":${JSON.stringify(type)},"at":${JSON.stringify(at)}${extra.map(([k, v]) => `,${JSON.stringify(k)}:${v}`).join('')}}`) as unknown),
  jsonText(EVENT_KEYS, 3).map((t) => JSON.parse(t) as unknown),
);

describe('fuzz #14: dossier events', () => {
  const procedure = simpleProcedure(3, { clockStops: ['verification', 'financial-obligation'] });
  it('replay and evolve on hostile events throw nothing but MotcuaError; a non-strict replay stays plain JSON', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 8 }), (events) => {
        const d = replay(events as DossierEvent[], { procedure });
        // nothing dropped: accepted + refused + idempotent retries = events in
        expect(d.history.length + d.rejected.length).toBeLessThanOrEqual(events.length);
        expect(typeof JSON.stringify(d)).toBe('string');
        onlyTyped(() => replay(events as DossierEvent[], { procedure, strict: true }));
        let cur = initial({ procedure });
        for (const e of events) {
          const r = onlyTyped(() => evolve(cur, e as DossierEvent));
          if (!isMotcuaError(r)) cur = r as typeof cur;
        }
        expect(cur.history.length).toBe(d.history.length);
      }),
      { numRuns: RUNS },
    );
  });
  it('hostile contexts (procedure, calendar, policy, options) throw nothing but MotcuaError', () => {
    const keys = ['procedure', 'calendar', 'policy', 'id', 'strict', 'code', 'channels', 'channel', 'limit', 'amount', 'unit', 'cutoff', 'clockStops', 'steps', 'items', 'mode', 'budget'];
    fc.assert(
      fc.property(jsonText(keys, 4), (t) => {
        const ctx = JSON.parse(t) as never;
        onlyTyped(() => replay([{ id: 'e1', type: 'received', at: '2026-03-02T09:00+07:00' }], ctx));
        onlyTyped(() => evolve(ctx, { id: 'e1', type: 'received', at: '2026-03-02T09:00+07:00' }));
      }),
      { numRuns: RUNS },
    );
  });
});

const CLAIM_KEYS = ['counts', 'sums', 'rates', 'total', 'parts', 'label', 'numerator', 'denominator', 'reported', 'received', 'resolved', 'online', 'directOrPostal', 'early', 'onTime', 'late'];

/** A fake io reading bytes, as the CLI's `check` does. */
function claimsIo(text: string): CliIo & { out: string; err: string } {
  const io = fakeIo({ 'c.json': text });
  return Object.assign(io, { readBytes: async () => new TextEncoder().encode(text) });
}

describe('fuzz #14: claims (checkReport and motcua check)', () => {
  it('checkReport on hostile claims throws nothing but MotcuaError; a result always has a figure', () => {
    fc.assert(
      fc.property(jsonText(CLAIM_KEYS, 4), (t) => {
        const r = onlyTyped(() => checkReport(JSON.parse(t) as never));
        if (!isMotcuaError(r)) {
          const c = r as ReturnType<typeof checkReport>;
          expect(c.sums.length + c.rates.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS },
    );
  });
  it('motcua check on a hostile claims file exits 0, 1 or 2 with one-line errors, and never says every figure checks out about nothing', async () => {
    await fc.assert(
      fc.asyncProperty(jsonText(CLAIM_KEYS, 4), async (t) => {
        const io = claimsIo(t);
        // --lang en: the assertion reads the English verdict OK (#19 made Vietnamese the default)
        const code = await main(['check', 'c.json', '--lang', 'en'], io);
        expect([0, 1, 2]).toContain(code);
        if (code === 2) expect(io.err.trim().split('\n').length).toBeLessThanOrEqual(2);
        if (code === 0) expect(io.out).toMatch(/OK/);
      }),
      { numRuns: 60 },
    );
  });
});

const CATALOG_KEYS = ['meta', 'procedures', 'code', 'name', 'field', 'agency', 'channels', 'channel', 'limit', 'amount', 'unit', 'cutoff', 'clockStops', 'steps', 'items', 'sources', 'documents'];

describe('fuzz #14: catalogue reader', () => {
  it('parseCatalog and parseProcedure return issues for any JSON, never throw; parseCatalogOrThrow throws only MotcuaError', () => {
    fc.assert(
      fc.property(jsonText(CATALOG_KEYS, 4), (t) => {
        const input: unknown = JSON.parse(t);
        const r = parseCatalog(input);
        if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
        const p = parseProcedure(input);
        if (!p.ok) expect(p.issues.length).toBeGreaterThan(0);
        onlyTyped(() => parseCatalogOrThrow(input));
      }),
      { numRuns: RUNS },
    );
  });
  it('a catalogue parsed procedure by procedure gives the same issues as each procedure parsed alone', () => {
    fc.assert(
      fc.property(fc.array(jsonText(CATALOG_KEYS, 3), { minLength: 1, maxLength: 4 }), (ts) => {
        const procs = ts.map((t) => JSON.parse(t) as unknown);
        const r = parseCatalog({ procedures: procs });
        const alone = procs.flatMap((p, k) => {
          const x = parseProcedure(p);
          return x.ok ? [] : x.issues.map((i) => JSON.stringify(['procedures', k, ...i.path]));
        });
        const got = r.ok ? [] : r.issues.filter((i) => !i.message.includes('duplicate code')).map((i) => JSON.stringify(i.path));
        expect(new Set(got)).toEqual(new Set(alone));
      }),
      { numRuns: 60 },
    );
  });
});

describe('#14 regressions: claims and catalogue', () => {
  it('#14 check with {"sums":{}} or "rates":5 is a typed error naming the field (exit 2), not a TypeError', async () => {
    expect(() => checkReport({ sums: {} } as never)).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT', field: 'sums' }));
    expect(() => checkReport({ rates: 5 } as never)).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT', field: 'rates' }));
    expect(() => checkReport({ rates: [null] } as never)).toThrowError(expect.objectContaining({ field: 'rates[0]' }));
    expect(() => checkReport({ counts: [1] } as never)).toThrowError(expect.objectContaining({ field: 'counts' }));
    for (const [text, field] of [
      ['{"sums":{}}', 'sums'],
      ['{"rates":5}', 'rates'],
    ]) {
      const io = claimsIo(text!);
      expect(await main(['check', 'c.json', '--lang', 'en'], io)).toBe(2);
      expect(io.err).toContain(`(${field})`);
      expect(io.out).not.toContain('Every figure checks out');
    }
  });
  it('#14 check with claims [] or {} says there is nothing to check (exit 2), not "every figure checks out"', async () => {
    expect(() => checkReport({} as never)).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT', field: 'claims' }));
    expect(() => checkReport([] as never)).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT', field: 'claims' }));
    expect(() => checkReport({ counts: { a: 1 }, sums: [], rates: [] })).toThrowError(/nothing to check/);
    for (const text of ['[]', '{}', '{"counts":{"x":1},"sums":[],"rates":[]}']) {
      const io = claimsIo(text);
      expect(await main(['check', 'c.json', '--lang', 'en'], io)).toBe(2);
      expect(io.out).not.toContain('Every figure checks out');
      const vi = claimsIo(text);
      expect(await main(['check', 'c.json'], vi)).toBe(2);
      expect(vi.out).not.toContain('Mọi số liệu đều đúng');
    }
    // counts that make a standard identity are something to check
    expect(checkReport({ counts: { resolved: 3, early: 1, onTime: 1, late: 1 } }).sums).toHaveLength(1);
  });
  it(
    '#14 parseCatalog with more than 120,000 issues returns them all (no stack overflow)',
    () => {
      // 3 procedures × 41,000 malformed channels: 123,000+ issues (0.1.0: RangeError from zod spreading them)
      const procedures = Array.from({ length: 3 }, (_, i) => ({ code: `1.00000${i}`, channels: new Array(41_000).fill(5) }));
      const r = parseCatalog({ procedures });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.issues.length).toBeGreaterThan(123_000);
      expect(r.issues.filter((i) => i.at === 'procedures[2].channels[40999]')).toHaveLength(1);
    },
    180_000,
  );
  it('#14 one procedure with more issues than the stack can spread gives one issue saying so, not a RangeError', () => {
    const r = parseCatalog({ procedures: [{ code: '1.000001', channels: new Array(200_000).fill(5) }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.some((i) => i.at === 'procedures[0]' && /too many problems/.test(i.message))).toBe(true);
  });
});
