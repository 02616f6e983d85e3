import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyCounts, hasFinancialObligation, indicesCatalog, period, sampleRecords, summarize } from '../../src/kpi/index';
import type { Catalog, OnlineLevel, Procedure } from '../../src/procedure/index';
import { findProcedure, sampleCatalog } from '../../src/procedure/index';

const byCode = (idx: ReturnType<typeof indicesCatalog>) => Object.fromEntries(idx.map((i) => [i.code, i]));

describe('indicesCatalog: publication (1.1, 1.2, 1.3)', () => {
  const p = findProcedure(sampleCatalog, '2.000815')!;
  const ministry: Procedure = { ...p, code: '9.000001', agency: { ...p.agency, level: 'ministry' } };
  const catalog: Catalog = { procedures: [...sampleCatalog.procedures, ministry] };

  it('1.1 on time 5 working days (20 for a ministry) before the effective date; 1.2 public within 5 (10) working days', () => {
    const idx = byCode(
      indicesCatalog(catalog, {
        period: period('2024-03'),
        publications: [
          { code: '2.000815', decidedOn: '2024-03-01', effectiveOn: '2024-03-08', publishedOn: '2024-03-08' }, // exactly 5 working days: on time, public on the deadline
          { code: '1.001193', decidedOn: '2024-03-04', effectiveOn: '2024-03-08', publishedOn: null }, // 4 working days: late; not public by 11/3: late
          { code: '1.001193', decidedOn: '2024-02-01', effectiveOn: '2024-03-01', publishedOn: '2024-02-02' }, // another period: not counted
          { code: '9.000001', decidedOn: '2024-03-01', effectiveOn: '2024-03-29', publishedOn: '2024-03-15' }, // ministry: 20 and 10 working days
        ],
      }),
    );
    expect(idx['1.1']).toMatchObject({ ratio: { numerator: 2, denominator: 3 }, rounded: 0.6667, score: 4, points: 6, target: null });
    expect(idx['1.2']).toMatchObject({ ratio: { numerator: 2, denominator: 3 }, rounded: 0.6667, score: 2.67, points: 4 });
  });

  it('1.2 does not count a publication whose deadline is after the period as late', () => {
    const idx = byCode(indicesCatalog(catalog, { period: period('2024-03'), publications: [{ code: '1.001193', decidedOn: '2024-03-29', effectiveOn: '2024-05-01' }] }));
    expect(idx['1.1']!.ratio).toMatchObject({ numerator: 1, denominator: 1 });
    expect(idx['1.2']).toMatchObject({ ratio: { numerator: 0, denominator: 0 }, rounded: null, score: null });
  });

  it('asks for what the catalogue does not hold instead of guessing', () => {
    expect(() => indicesCatalog(catalog, { publications: [{ code: '1.001193', decidedOn: '2024-03-04' }] })).toThrow(/effective date/);
    expect(() => indicesCatalog(catalog, { publications: [{ code: '7.777777', decidedOn: '2024-03-04', effectiveOn: '2024-04-01' }] })).toThrow(/not in the catalogue/);
    expect(() => indicesCatalog(catalog, { publications: [{ code: '1.001193', decidedOn: '2024-02-30', effectiveOn: '2024-04-01' }] })).toThrow(expect.objectContaining({ code: 'INVALID_DATE', field: 'publications[0].decidedOn' }));
    expect(indicesCatalog(catalog).map((i) => i.code)).toEqual(['3.1']); // only what the catalogue alone gives
  });

  it('1.3 from the caller’s completeness check', () => {
    const idx = byCode(indicesCatalog(sampleCatalog, { componentsComplete: (q) => q.field.name === 'Hộ tịch' }));
    expect(idx['1.3']).toMatchObject({ ratio: { numerator: 8, denominator: 28 }, rounded: 0.2857, score: 0.57, basis: '[?]' });
  });
});

describe('indicesCatalog: online services and payment (3.1, 3.2, 3.5)', () => {
  it('3.1 counts stated levels, and by channel the procedures whose level is not stated (or leaves them out)', () => {
    expect(byCode(indicesCatalog(sampleCatalog))['3.1']).toMatchObject({ ratio: { numerator: 25, denominator: 28 }, rounded: 0.8929, score: 2, target: 0.8 });
    expect(byCode(indicesCatalog(sampleCatalog, { onlineLevelUnknown: 'exclude' }))['3.1']).toMatchObject({ ratio: { numerator: 6, denominator: 7 }, rounded: 0.8571, score: 2 });
    expect(byCode(indicesCatalog(sampleCatalog, { points: { '3.1': 4 } }))['3.1']!.points).toBe(4);
  });

  it('3.2 and 3.5b from the counts per procedure of the period, 3.5a from the integrated procedures', () => {
    const q = period('2025-Q1');
    const byProcedure = Object.fromEntries(summarize(sampleRecords({ year: 2025 }), { period: q, groupBy: 'procedure' }).rows.map((r) => [r.key, r.counts]));
    const idx = byCode(indicesCatalog(sampleCatalog, { byProcedure, paymentIntegrated: ['2.000815', '1.001612', '9.999999'] }));
    const online = sampleCatalog.procedures.filter((p) => p.onlineLevel !== 'none' && (p.onlineLevel !== null || p.channels.some((c) => c.channel === 'online')));
    const used = online.filter((p) => (byProcedure[p.code]?.online ?? 0) > 0);
    expect(idx['3.2']!.ratio).toMatchObject({ numerator: used.length, denominator: online.length });
    const withFee = sampleCatalog.procedures.filter(hasFinancialObligation);
    expect(idx['3.5a']!.ratio).toMatchObject({ numerator: 2, denominator: withFee.length });
    expect(idx['3.5b']!.ratio).toMatchObject({ numerator: withFee.filter((p) => (byProcedure[p.code]?.paidOnline ?? 0) > 0).length, denominator: withFee.length });
  });

  it('a fee whose amount the catalogue does not give is not a financial obligation', () => {
    const p = findProcedure(sampleCatalog, '2.000815')!;
    expect(hasFinancialObligation(p)).toBe(true);
    expect(hasFinancialObligation({ ...p, channels: p.channels.map((c) => ({ ...c, fees: c.fees.map((f) => ({ ...f, amount: null })) })) })).toBe(false);
    expect(hasFinancialObligation({ ...p, channels: p.channels.map((c) => ({ ...c, fees: [] })) })).toBe(false);
  });
});

const LEVELS: (OnlineLevel | null)[] = ['full', 'partial', 'none', null];

describe('indicesCatalog: properties', () => {
  it('every score lies between 0 and its points, and is null exactly when not applicable', () => {
    const codes = sampleCatalog.procedures.map((p) => p.code);
    fc.assert(
      fc.property(
        fc.subarray([...sampleCatalog.procedures]),
        fc.array(fc.constantFrom(...LEVELS), { minLength: 28, maxLength: 28 }),
        fc.dictionary(fc.constantFrom(...codes), fc.record({ online: fc.nat(5), paidOnline: fc.nat(5) })),
        fc.subarray(codes),
        fc.array(fc.record({ code: fc.constantFrom(...codes), decided: fc.integer({ min: 0, max: 80 }), lead: fc.integer({ min: -10, max: 40 }), pub: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }) }), { maxLength: 12 }),
        fc.constantFrom('by-channel' as const, 'exclude' as const),
        (procs, levels, counts, integrated, pubs, unknown) => {
          const catalog: Catalog = { procedures: procs.map((p, k) => ({ ...p, onlineLevel: levels[k]! })) };
          const inCatalog = new Set(procs.map((p) => p.code));
          const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
          const publications = pubs.filter((x) => inCatalog.has(x.code)).map((x) => ({ code: x.code, decidedOn: day(x.decided), effectiveOn: day(x.decided + x.lead + 10), publishedOn: x.pub === null ? null : day(x.decided + x.pub) }));
          const byProcedure = Object.fromEntries(Object.entries(counts).map(([c, v]) => [c, { ...emptyCounts(), ...v }]));
          const idx = indicesCatalog(catalog, { publications, period: period('2024-Q1'), byProcedure, paymentIntegrated: integrated, componentsComplete: (p) => p.code < '2', onlineLevelUnknown: unknown });
          expect(idx.map((i) => i.code)).toEqual(['1.1', '1.2', '1.3', '3.1', '3.2', '3.5a', '3.5b']);
          for (const i of idx) {
            expect(i.ratio.numerator).toBeLessThanOrEqual(i.ratio.denominator);
            if (i.ratio.denominator === 0) expect(i.score).toBeNull();
            else {
              expect(i.score).toBeGreaterThanOrEqual(0);
              expect(i.score).toBeLessThanOrEqual(i.points);
              if (i.target !== null && i.rounded! >= i.target) expect(i.score).toBe(i.points);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
