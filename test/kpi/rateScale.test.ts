// One rate scale across the API (issue #20): every rate, ratio, target and exact value returned as a
// number is a fraction (1 = 100%); percentages appear only in printed text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReport, checkText, emptyCounts, formatRate, indices766, indicesCatalog, rate, rates } from '../../src/kpi';
import { sampleCatalog } from '../../src/procedure';

describe('one rate scale: fractions', () => {
  it('rate(), checkReport, checkText and the 766 indices give the same fraction for the same n/d', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50_000 }), fc.integer({ min: 0, max: 50_000 }), (d, k) => {
        const n = 1 + (k % d); // 1..d: checkText reads no fraction from a printed '0/d' (a zero numerator)
        // '1/1900' … '12/2100' read as a month and year: checkText never reads a date as a fraction
        // (the claim is unverifiable, asserted below), so such pairs are not drawn here
        fc.pre(!(n <= 12 && d >= 1900 && d <= 2100));
        const printed = formatRate(rate(n, d));
        const fromRate = rate(n, d).value!;
        const fromClaims = checkReport({ counts: { a: n, b: d }, rates: [{ label: 'x', numerator: 'a', denominator: 'b', reported: printed }] }).rates[0]!;
        const fromText = checkText(`Giải quyết ${n}/${d} hồ sơ, đạt tỷ lệ ${printed}.`).claims.find((c) => c.kind === 'rate')!;
        const index = indices766({ ...emptyCounts(), receivedInPeriod: d, online: n }).find((i) => i.code === '3.3')!;
        expect(fromRate).toBe(n / d);
        expect(fromClaims.value).toBe(fromRate);
        expect(fromClaims.verdict).toBe('match');
        expect(fromText.value).toBe(fromRate);
        expect(index.ratio.value).toBe(fromRate);
        // rounded: half up to 4 decimals of the fraction, i.e. what formatRate prints
        expect(Math.abs(index.rounded! - fromRate)).toBeLessThanOrEqual(0.00005 + 1e-12);
        expect(formatRate(rate(Math.round(index.rounded! * 10000), 10000))).toBe(printed);
        expect(index.target).toBe(0.5);
        for (const x of [fromRate, fromClaims.value!, fromText.value!, index.rounded!]) expect(x >= 0 && x <= 1).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("a fraction that reads as a month and year ('1/1900') is left unverifiable by checkText, never judged", () => {
    const c = checkText('Giải quyết 1/1900 hồ sơ, đạt tỷ lệ 0,05%.').claims.find((x) => x.kind === 'rate')!;
    expect(c.verdict).toBe('unverifiable');
    expect(c.value).toBeNull();
    expect(checkText('Giải quyết 13/1900 hồ sơ, đạt tỷ lệ 0,68%.').claims.find((x) => x.kind === 'rate')!).toMatchObject({ verdict: 'match', value: 13 / 1900 });
  });

  it('every numeric rate field of a report and of the catalogue indices is within 0-1', () => {
    const c = { ...emptyCounts(), received: 200, receivedInPeriod: 180, online: 120, directOrPostal: 60, carriedOver: 20, resolved: 150, early: 100, onTime: 40, late: 10, pending: 50, withinTime: 45, overdue: 5, synced: 170, digitised: 90 };
    const values = [
      ...Object.values(rates(c)).map((r) => r.value),
      ...indices766(c).flatMap((i) => [i.ratio.value, i.rounded, i.target]),
      ...indicesCatalog(sampleCatalog).flatMap((i) => [i.ratio.value, i.rounded, i.target]),
    ].filter((v): v is number => v !== null);
    expect(values.length).toBeGreaterThan(20);
    expect(values.filter((v) => !(v >= 0 && v <= 1))).toEqual([]);
    // a printed claim above 100% keeps the scale: 1.186, not 118.6
    expect(checkReport({ counts: { a: 593, b: 500 }, rates: [{ label: 'KH', numerator: 'a', denominator: 'b', reported: '118,6%' }] }).rates[0]).toMatchObject({ value: 1.186, verdict: 'match' });
  });
});
