import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { isMotcuaError, messageOf, type MotcuaError } from '../../src/errors';
import { findProcedure, sampleCatalog } from '../../src/procedure/index';
import type { Catalog, Procedure } from '../../src/procedure/index';
import { parseCatalog, parseCatalogOrThrow, parseProcedure, parseProcedureOrThrow } from '../../src/schema/index';
import type { CatalogData, ParseIssue, ProcedureData } from '../../src/schema/index';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const birth = () => clone(findProcedure(sampleCatalog, '1.001193')!) as unknown as Record<string, unknown> & { channels: Record<string, unknown>[] };
const step = (id: string, amount: number) => ({ id, name: `bước ${id}`, agency: 'UBND cấp xã', level: 'commune', budget: { amount, unit: 'working-day' } });
const at = (issues: readonly ParseIssue[]) => issues.map((i) => i.at);

describe('parseProcedure on invalid input reports every problem at once, with paths', () => {
  it('bad code, negative limit, missing limit, unknown channel, budgets that do not add up, unknown field', () => {
    const p = birth();
    p.code = '1.1193';
    p.channels = [
      { channel: 'direct', limit: { amount: -2, unit: 'working-day' }, fees: [] },
      { channel: 'online', fees: [] },
      { channel: 'fax', limit: { amount: 1, unit: 'working-day' }, fees: [] },
      { channel: 'postal', limit: { amount: 3, unit: 'working-day' }, fees: [] },
    ];
    p.steps = { mode: 'sequential', items: [step('a', 0.5), step('b', 1.5)] };
    p.colour = 'blue';
    const r = parseProcedure(p);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(at(r.issues).sort()).toEqual(['channels[0].limit.amount', 'channels[1].limit', 'channels[2].channel', 'channels[3].limit', 'code', 'colour'].sort());
    expect(r.issues.find((i) => i.at === 'channels[3].limit')!.message).toContain('the sequential step budgets add up to 2 working-day, but the postal limit is 3 working-day');
    const byAt = Object.fromEntries(r.issues.map((i) => [i.at, i]));
    expect(byAt['code']!.message).toBe(
      'procedure code (mã thủ tục) at code: expected a national code d.dddddd (e.g. 1.001193) or a local variant with a suffix (e.g. 1.008377.000.00.00.H13), got "1.1193"',
    );
    expect(byAt['channels[0].limit.amount']!.label).toBe('thời hạn giải quyết (số lượng)');
    expect(byAt['channels[0].limit.amount']!.message).toContain('must be a finite number ≥ 0, got -2');
    expect(byAt['channels[1].limit']!.message).toContain('is required');
    expect(byAt['channels[2].channel']!.message).toContain('expected "direct" | "online" | "postal", got "fax"');
    expect(byAt['channels[2].channel']!.label).toBe('kênh thực hiện');
    expect(byAt['colour']!.message).toContain("unknown field \"colour\" (pass { unknownKeys: 'keep' }");
    expect(byAt['colour']!.path).toEqual(['colour']);
  });

  it('step budgets that do not add up to a channel limit are reported with the limit path (the rest being valid)', () => {
    const p = birth();
    p.channels = [{ channel: 'online', limit: { amount: 3, unit: 'working-day' }, fees: [] }];
    p.steps = { mode: 'sequential', items: [step('a', 0.5), step('b', 1.5)] };
    const r = parseProcedure(p);
    expect(r.ok ? [] : r.issues.map((i) => [i.at, i.message])).toEqual([
      ['channels[0].limit', 'processing time limit (thời hạn giải quyết) at channels[0].limit: the sequential step budgets add up to 2 working-day, but the online limit is 3 working-day'],
    ]);
    // 0.5 + 1.5 + 1 + 2 + 5 = 10 working days adds up
    p.channels = [{ channel: 'online', limit: { amount: 10, unit: 'working-day' }, fees: [] }];
    p.steps = { mode: 'sequential', items: [0.5, 1.5, 1, 2, 5].map((n, i) => step(`s${i}`, n)) };
    expect(parseProcedure(p).ok).toBe(true);
    // in parallel the longest budget is the total
    p.steps = { mode: 'parallel', items: [step('a', 10), step('b', 4)] };
    expect(parseProcedure(p).ok).toBe(true);
    p.steps = { mode: 'parallel', items: [step('a', 9), step('a', 4)] };
    const dup = parseProcedure(p);
    expect(dup.ok ? [] : at(dup.issues)).toEqual(['steps.items[1].id', 'channels[0].limit']);
  });

  it('same-day and calendar-day limits keep the calendar rules; clock times and channels are checked', () => {
    const p = birth();
    p.channels = [
      { channel: 'direct', limit: { amount: 2, unit: 'same-day' }, fees: [] },
      { channel: 'direct', limit: { amount: 1.5, unit: 'calendar-day' }, fees: [] },
      { channel: 'postal', limit: { amount: 1, unit: 'fortnight' }, fees: [{ kind: 'fee', amount: -5, per: null, collectedAt: 'later', province: null }] },
    ];
    p.cutoff = { time: '25:00', rule: 'next-working-day' };
    p.clockStops = ['lunch'];
    const r = parseProcedure(p);
    expect(r.ok ? [] : at(r.issues).sort()).toEqual(
      [
        'channels[0].limit.amount',
        'channels[1].limit.amount',
        'channels[1].channel',
        'channels[2].limit.unit',
        'channels[2].fees[0].amount',
        'channels[2].fees[0].collectedAt',
        'cutoff.time',
        'clockStops[0]',
      ].sort(),
    );
  });

  it('reports a missing everything, and a non-object, without throwing', () => {
    const r = parseProcedure({});
    expect(r.ok ? [] : at(r.issues)).toEqual(['code', 'name', 'field', 'agency', 'channels', 'cutoff', 'clockStops', 'steps', 'immediate', 'paperResultRequired', 'onlineLevel', 'sources']);
    for (const bad of [null, 42, 'x', []]) {
      const b = parseProcedure(bad);
      expect(b.ok ? [] : at(b.issues)).toEqual(['(root)']);
    }
  });

  it('rejects a document cited but not listed', () => {
    const p = birth();
    (p.sources as { documents: unknown[] }).documents = (p.sources as { documents: { id: string }[] }).documents.filter((d) => d.id !== 'LHT');
    const r = parseProcedure(p);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.every((i) => i.message.includes('cites document "LHT"'))).toBe(true);
  });

  it('one mistake, one issue: a negative same-day amount is not also refused by the same-day rule', () => {
    const amountIssues = (limit: unknown) => {
      const p = birth();
      p.channels[0]!.limit = limit;
      const r = parseProcedure(p);
      return (r.ok ? [] : r.issues).filter((i) => i.at === 'channels[0].limit.amount').map((i) => i.texts.en.slice(i.texts.en.indexOf(': ') + 2));
    };
    expect(amountIssues({ amount: -1, unit: 'same-day' })).toEqual(['must be a finite number ≥ 0, got -1']);
    expect(amountIssues({ amount: 2, unit: 'same-day' })).toEqual(['a same-day limit has amount 0 (or 1), got 2']);
    expect(amountIssues({ amount: 1, unit: 'same-day' })).toEqual([]);
    // two rules, two mistakes: negative, and not a whole number of days
    expect(amountIssues({ amount: -1.5, unit: 'calendar-day' })).toEqual(['must be a finite number ≥ 0, got -1.5', 'a calendar-day limit must be a whole number of days, got -1.5']);
    fc.assert(
      fc.property(fc.constantFrom('working-day', 'working-hour', 'calendar-day', 'same-day'), fc.double({ min: -1e6, max: -Number.MIN_VALUE, noNaN: true }), (unit, amount) => {
        const n = amountIssues({ amount, unit }).length;
        expect(n).toBe(unit === 'calendar-day' && !Number.isInteger(amount) ? 2 : 1);
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseCatalog', () => {
  it('a catalogue with every kind of problem reports all of them at once, each with its path', () => {
    const ps = clone(sampleCatalog.procedures).slice(0, 5) as unknown as (Record<string, unknown> & { channels: Record<string, unknown>[] })[];
    ps[0]!.code = '1.01193'; // bad code format
    ps[1]!.channels[0]!.limit = { amount: -1, unit: 'working-day' }; // negative limit
    delete ps[2]!.channels[1]!.limit; // missing limit
    ps[3]!.channels = [{ channel: 'online', limit: { amount: 3, unit: 'working-day' }, fees: [] }];
    ps[3]!.steps = { mode: 'parallel', items: [step('a', 1), step('b', 2.5)] }; // budgets do not add up
    ps[4]!.channels[0]!.channel = 'email'; // unknown channel
    ps.push(clone(ps[3]!)); // duplicate code
    const r = parseCatalog({ procedures: ps });
    expect(r.ok ? [] : r.issues.map((i) => [i.at, i.label])).toEqual([
      ['procedures[0].code', 'mã thủ tục'],
      ['procedures[1].channels[0].limit.amount', 'thời hạn giải quyết (số lượng)'],
      ['procedures[2].channels[1].limit', 'thời hạn giải quyết'],
      ['procedures[4].channels[0].channel', 'kênh thực hiện'],
      ['procedures[3].channels[0].limit', 'thời hạn giải quyết'],
      ['procedures[5].channels[0].limit', 'thời hạn giải quyết'],
      ['procedures[5].code', 'mã thủ tục'],
    ]);
  });

  it('reports duplicate codes and the problems of every procedure, with the procedure index in the path', () => {
    const ps = clone(sampleCatalog.procedures).slice(0, 4) as unknown as Record<string, unknown>[];
    ps[2]!.code = ps[0]!.code;
    ps[3]!.code = 'x';
    ps[1]!.onlineLevel = 'level-4';
    const r = parseCatalog({ procedures: ps, extra: true });
    expect(r.ok ? [] : at(r.issues).sort()).toEqual(['extra', 'procedures[1].onlineLevel', 'procedures[2].code', 'procedures[3].code'].sort());
    if (!r.ok) expect(r.issues.find((i) => i.at === 'procedures[2].code')!.message).toContain('duplicate code "1.001193" (first at procedures[0])');
  });

  it('keeps unknown fields only when asked', () => {
    const c = { meta: { title: 'x', asOf: null, publisher: 'UBND tỉnh' }, procedures: [] };
    expect(parseCatalog(c).ok).toBe(false);
    const kept = parseCatalog(c, { unknownKeys: 'keep' });
    expect(kept.ok && kept.value).toEqual(c);
  });

  it('throwing variants carry every issue on a MotcuaError INVALID_INPUT', () => {
    expect(parseCatalogOrThrow({ procedures: [] })).toEqual({ procedures: [] });
    expect(parseProcedureOrThrow(clone(sampleCatalog.procedures[0]))).toEqual(sampleCatalog.procedures[0]);
    try {
      parseCatalogOrThrow({ procedures: [{}, { code: 'bad' }] });
      expect.unreachable();
    } catch (e) {
      expect(isMotcuaError(e, 'INVALID_INPUT')).toBe(true);
      const issues = (e as { issues: ParseIssue[] }).issues;
      expect(issues.length).toBe(24);
      // the summary first, then each issue with its path; the first issue's path is the field
      expect((e as Error).message).toMatch(/^invalid catalogue: 24 issues:\n  - procedure code \(mã thủ tục\) at procedures\[0\]\.code: is required/);
      expect((e as MotcuaError).field).toBe('procedures[0].code');
      expect(messageOf(e)).toMatch(/^danh mục thủ tục hành chính không hợp lệ: 24 lỗi:\n  - mã thủ tục tại procedures\[0\]\.code: bắt buộc phải có/);
    }
  });
});

describe('types', () => {
  it('the type inferred from the zod schema is the plain Procedure / Catalog type', () => {
    expectTypeOf<ProcedureData>().toExtend<Procedure>();
    expectTypeOf<CatalogData>().toExtend<Catalog>();
    const r = parseProcedure(clone(sampleCatalog.procedures[0]));
    if (r.ok) expectTypeOf(r.value).toEqualTypeOf<Procedure>();
    expect(r.ok).toBe(true);
  });
});
