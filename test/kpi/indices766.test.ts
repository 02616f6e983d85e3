import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyCounts, indices766, summarize, period } from '../../src/kpi/index';
import { recordArb } from './_arbitraries';

describe('Decision 766 indices', () => {
  it('scores by the rule: full points at the target, proportional below, proportional without a target', () => {
    const c = { ...emptyCounts(), received: 200, receivedInPeriod: 180, carriedOver: 20, online: 72, digitised: 171, digitisedComplete: 171, synced: 180, feeDue: 40, paidOnline: 10, resolved: 190, early: 150, onTime: 30, late: 10, pending: 10, withinTime: 8, overdue: 2, complaints: 4, paperResultRequired: 0 };
    const by = Object.fromEntries(indices766(c).map((i) => [i.code, i]));
    expect(by['3.3']).toMatchObject({ rounded: 0.4, score: 4.8 }); // 40% of a 50% target: 0.8 × 6
    expect(by['4.2']).toMatchObject({ rounded: 0.95, score: 4 }); // above 80%: full 4 points
    expect(by['3.6']).toMatchObject({ rounded: 0.25, score: 1.5 }); // no target: 25% × 6
    expect(by['2.1']).toMatchObject({ rounded: 0.94, score: 18.8 }); // (150 + 30 + 8) / 200
    expect(by['1.4']).toMatchObject({ rounded: 1, score: 6 });
    expect(by['4.1']).toMatchObject({ rounded: null, score: null }); // no procedure requires paper: not applicable
    expect(by['5.4']).toMatchObject({ rounded: 0.92, score: 6 }); // (200 − 10 − 2 − 4) / 200 = 92% ≥ 90%
  });

  it('every score lies between 0 and its points, and is null exactly when not applicable', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 150 }), (rs) => {
        for (const i of indices766(summarize(rs, { period: period('2024-Q1') }).total.counts)) {
          if (i.ratio.denominator === 0) expect(i.score).toBeNull();
          else {
            expect(i.score).toBeGreaterThanOrEqual(0);
            expect(i.score).toBeLessThanOrEqual(i.points);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
