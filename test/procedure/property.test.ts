import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueDate } from '../../src/calendar/index';
import { dueDateFor, findProcedure, isProcedureCode, nationalCode, procedureLimit, proceduresByAgency, proceduresByField, stepBudgetProblems, stepsTotal } from '../../src/procedure/index';
import type { Channel, Procedure } from '../../src/procedure/index';
import { parseCatalog, parseProcedure } from '../../src/schema/index';
import { catalog, code, limit, procedure } from './_arbitraries';

const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const issuesOf = (r: ReturnType<typeof parseProcedure>) => (r.ok ? [] : r.issues);

describe('properties of the procedure model', () => {
  it('any generated valid procedure parses, and serialises back to an equal value', () => {
    fc.assert(
      fc.property(procedure, (p) => {
        const r = parseProcedure(json(p));
        expect(issuesOf(r)).toEqual([]);
        if (r.ok) {
          expect(r.value).toEqual(p);
          expect(json(r.value)).toEqual(json(p));
          // parsing is idempotent
          expect(parseProcedure(json(r.value))).toEqual(r);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('any generated valid catalogue parses to an equal value, and every code is found', () => {
    fc.assert(
      fc.property(catalog, (c) => {
        const r = parseCatalog(json(c));
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.value).toEqual(c);
        for (const p of c.procedures) expect(findProcedure(c, p.code)).toBe(p);
      }),
      { numRuns: 100 },
    );
  });

  it('unknown fields are kept with { unknownKeys: "keep" } and reported one by one otherwise, never dropped', () => {
    fc.assert(
      fc.property(procedure, fc.uniqueArray(fc.stringMatching(/^x[a-z]{1,6}$/), { minLength: 1, maxLength: 3 }), fc.jsonValue(), (p, keys, value) => {
        const withExtra = { ...json(p), ...Object.fromEntries(keys.map((k) => [k, value])) };
        const kept = parseProcedure(json(withExtra), { unknownKeys: 'keep' });
        expect(kept.ok && kept.value).toEqual(json(withExtra));
        const rejected = parseProcedure(json(withExtra));
        expect(rejected.ok).toBe(false);
        expect(issuesOf(rejected).map((i) => i.at).sort()).toEqual([...keys].sort());
      }),
      { numRuns: 100 },
    );
  });

  it('a malformed code is always reported at `code`, together with any other problem', () => {
    const badCode = fc.oneof(fc.string(), code.map((c) => c.replace('.', '')), code.map((c) => `${c}.`), code.map((c) => ` ${c}`));
    fc.assert(
      fc.property(procedure, badCode.filter((c) => !isProcedureCode(c)), limit, (p, bad, l) => {
        const input = json({ ...p, code: bad, channels: [{ ...p.channels[0]!, limit: { ...l, amount: -1 - l.amount } }, ...p.channels.slice(1)] });
        const at = issuesOf(parseProcedure(input)).map((i) => i.at);
        expect(at).toContain('code');
        expect(at).toContain('channels[0].limit.amount');
      }),
      { numRuns: 200 },
    );
  });

  it('a duplicate code anywhere in a catalogue is reported at the second occurrence', () => {
    fc.assert(
      fc.property(catalog.filter((c) => c.procedures.length >= 2), fc.nat(), fc.nat(), (c, a, b) => {
        const n = c.procedures.length;
        const i = a % n;
        const j = (i + 1 + (b % (n - 1))) % n;
        const procs = json(c.procedures).map((p, k) => (k === Math.max(i, j) ? { ...p, code: c.procedures[Math.min(i, j)]!.code } : p));
        const r = parseCatalog({ procedures: procs });
        expect(r.ok ? [] : r.issues.map((x) => x.at)).toEqual([`procedures[${Math.max(i, j)}].code`]);
      }),
      { numRuns: 100 },
    );
  });

  it('step budgets that do not add up are reported on every channel, and consistent ones never are', () => {
    fc.assert(
      fc.property(procedure.filter((p) => p.steps !== null), fc.integer({ min: 1, max: 8 }), (p, extraHalves) => {
        expect(stepBudgetProblems(p.steps, p.channels)).toEqual([]);
        const total = stepsTotal(p.steps!)!;
        expect(p.channels.every((c) => c.limit.amount === total.amount)).toBe(true);
        const broken = { ...p, channels: p.channels.map((c) => ({ ...c, limit: { ...c.limit, amount: c.limit.amount + extraHalves / 2 } })) };
        const at = issuesOf(parseProcedure(json(broken))).map((i) => i.at);
        expect(at).toEqual(p.channels.map((_, i) => `channels[${i}].limit`));
      }),
      { numRuns: 100 },
    );
  });

  it('procedureLimit is the channel limit, or null for a channel not offered; dueDateFor is dueDate with that limit and cut-off', () => {
    const instant = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(procedure, fc.constantFrom<Channel>('direct', 'online', 'postal'), instant, (p: Procedure, ch, at) => {
        const rule = p.channels.find((c) => c.channel === ch);
        expect(procedureLimit(p, ch)).toEqual(rule ? rule.limit : null);
        if (rule) expect(dueDateFor(p, ch, at)).toEqual(dueDate({ receivedAt: at, limit: rule.limit, cutoff: p.cutoff?.time ?? null }));
        else expect(() => dueDateFor(p, ch, at)).toThrow(expect.objectContaining({ code: 'CHANNEL_NOT_OFFERED' }));
      }),
      { numRuns: 200 },
    );
  });

  it('nationalCode keeps the first 8 characters of every code', () => {
    fc.assert(
      fc.property(code, (c) => {
        expect(isProcedureCode(c)).toBe(true);
        expect(nationalCode(c)).toBe(c.slice(0, 8));
        expect(c.startsWith(nationalCode(c)!)).toBe(true);
      }),
    );
  });
});

describe('properties of lookups and messages', () => {
  it('proceduresByAgency and proceduresByField return exactly the matching procedures, in catalogue order', () => {
    fc.assert(
      fc.property(catalog, fc.constantFrom('ministry' as const, 'province' as const, 'district' as const, 'commune' as const), (c, level) => {
        expect(proceduresByAgency(c, { level })).toEqual(c.procedures.filter((p) => p.agency.level === level));
        const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').trim();
        for (const p of c.procedures) {
          expect(proceduresByAgency(c, { name: p.agency.name, level: p.agency.level })).toContain(p);
          for (const q of [p.field.name, p.field.code ?? p.field.name]) {
            expect(proceduresByField(c, q)).toEqual(c.procedures.filter((x) => x.field.code === q || fold(x.field.name) === fold(q)));
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('every issue names its path and its Vietnamese label in its message', () => {
    const junk = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer({ min: -5, max: -1 }), fc.string(), fc.constant({}), fc.constant([]));
    fc.assert(
      fc.property(procedure, fc.constantFrom('code', 'name', 'field', 'agency', 'channels', 'cutoff', 'clockStops', 'steps', 'immediate', 'onlineLevel', 'sources'), junk, (p, key, value) => {
        const r = parseProcedure({ ...json(p), [key]: value });
        for (const i of r.ok ? [] : r.issues) {
          expect(i.message).toContain(` at ${i.at}: `);
          expect(i.message).toContain(`(${i.label})`);
          expect(i.label.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
