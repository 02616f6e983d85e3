import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCountSource } from '../../scripts/kpi-codegen';
import {
  COUNT_DEFINITIONS,
  COUNT_KEYS,
  type Condition,
  type DateTerm,
  DERIVED_CONDITIONS,
  DERIVED_TERMS,
  DERIVED_TEXT,
  INDEX_DEFINITIONS,
  type PolicyTest,
  RATE_DEFINITIONS,
  scoreHundredths,
  type TextTerm,
} from '../../src/kpi/definitions';
import { add, createAccumulator, type DossierRecord, emptyCounts, period, type SummaryPolicy } from '../../src/kpi/index';
import { fullRecordArb, policyArb, recordArb } from './_arbitraries';

/**
 * An independent interpreter of the definitions over the record's strings, with nulls as the
 * generated SQL treats them (a comparison with null is false, COALESCE(…, FALSE)): the generated
 * JS must agree with it on every record.
 */
type V = boolean;
function interpret(r: DossierRecord, policy: SummaryPolicy, from: string, asOf: string) {
  const pol = (p: PolicyTest) => policy[p.policy] === p.is;
  const date = (t: DateTerm): string | null => {
    if ('column' in t) return (r[t.column] as string | null | undefined) ?? null;
    if ('param' in t) return t.param === 'from' ? from : asOf;
    if ('term' in t) return date(DERIVED_TERMS[t.term]);
    if ('coalesce' in t) {
      for (const x of t.coalesce) {
        const v = date(x);
        if (v !== null) return v;
      }
      return null;
    }
    if ('ifCond' in t) return cond(t.ifCond) ? date(t.then) : date(t.else);
    return pol(t.ifPolicy) ? date(t.then) : date(t.else);
  };
  const text = (t: TextTerm): string | null => {
    if ('column' in t) return (r[t.column] as string | null) ?? null;
    if ('derived' in t) return text(DERIVED_TEXT[t.derived]);
    return cond(t.when) === true ? t.then : text(t.else);
  };
  // Two-valued at the leaves, as the generated SQL wraps each comparison in COALESCE(…, FALSE).
  const cond = (c: Condition): V => {
    if ('all' in c) return c.all.every((x) => cond(x) === true);
    if ('any' in c) return c.any.some((x) => cond(x) === true);
    if ('not' in c) return !(cond(c.not) === true);
    if ('compare' in c) {
      const a = date(c.left);
      const b = date(c.right);
      if (a === null || b === null) return false;
      return c.compare === '<' ? a < b : c.compare === '<=' ? a <= b : c.compare === '=' ? a === b : c.compare === '>=' ? a >= b : a > b;
    }
    if ('isNull' in c) return date(c.isNull) === null;
    if ('flag' in c) return r[c.flag] === true;
    if ('text' in c) return text(c.text) === c.equals;
    if ('moreSupplementsThan' in c) return r.supplements > c.moreSupplementsThan;
    if ('ref' in c) return cond(DERIVED_CONDITIONS[c.ref]);
    return pol(c);
  };
  if (!cond(DERIVED_CONDITIONS.inScope)) return null;
  const counts = emptyCounts();
  for (const k of COUNT_KEYS) if (cond(COUNT_DEFINITIONS[k].when)) counts[k]++;
  return counts;
}


// Records with an original due date before an extension, and missing optional flags.
const recordWithExtension = fc.tuple(recordArb, fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }), fc.boolean()).map(([r, back, dropOptional]) => {
  const out: Record<string, unknown> = { ...r, originalDueOn: back === null ? null : shift(r.dueOn, -back), extensions: back === null ? 0 : 1 };
  if (dropOptional) {
    delete out.reusedData;
    delete out.dataStored;
    out.paperResultRequired = null;
  }
  return out as unknown as DossierRecord;
});

function shift(d: string, days: number): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

describe('KPI definitions', () => {
  it('src/kpi/_generated/count.ts is generated from the definitions (run npm run gen:kpi)', () => {
    const committed = readFileSync(new URL('../../src/kpi/_generated/count.ts', import.meta.url), 'utf8');
    expect(committed).toBe(generateCountSource());
  });

  it('every count has a definition, a Vietnamese heading and a source', () => {
    expect([...COUNT_KEYS].sort()).toEqual(Object.keys(emptyCounts()).sort());
    for (const k of COUNT_KEYS) {
      expect(COUNT_DEFINITIONS[k].vi.length, k).toBeGreaterThan(3);
      expect(COUNT_DEFINITIONS[k].source.length, k).toBeGreaterThan(3);
    }
    for (const d of [...Object.values(RATE_DEFINITIONS), ...INDEX_DEFINITIONS]) {
      for (const k of [...Object.keys(d.numerator), ...Object.keys(d.denominator)]) expect(COUNT_KEYS).toContain(k);
    }
  });

  it('the accumulator counts exactly what an interpreter of the definitions counts, for any record and policy', () => {
    const p = period('2024-Q1');
    fc.assert(
      fc.property(fc.array(fc.oneof(recordWithExtension, fullRecordArb), { maxLength: 30 }), policyArb, fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }), (records, policy, asOfShift) => {
        const asOf = asOfShift === undefined ? undefined : shift('2024-01-01', asOfShift);
        const acc = createAccumulator({ period: p, policy, ...(asOf ? { asOf } : {}) });
        const expected = emptyCounts();
        for (const r of records) {
          add(acc, r);
          const c = interpret(r, policy, p.from, acc.asOf);
          if (c) for (const k of COUNT_KEYS) expected[k] += c[k];
        }
        const got = acc.groups['*'] ?? emptyCounts();
        expect(got).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('scores: exact half-up hundredths, full points at or above the target', () => {
    expect(scoreHundredths(5000, 6, 5000)).toBe(600);
    expect(scoreHundredths(4999, 6, 5000)).toBe(600); // 4999/5000 × 6 = 5.9988 → 6.00
    expect(scoreHundredths(2500, 6, 5000)).toBe(300);
    expect(scoreHundredths(9621, 20, null)).toBe(1924); // 96.21% × 20 = 19.242 → 19.24
    expect(scoreHundredths(9625, 20, null)).toBe(1925);
    expect(scoreHundredths(3125, 2, 8000)).toBe(78); // 31.25/80 × 2 = 0.78125 → 0.78
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 1, max: 20 }), fc.option(fc.integer({ min: 1, max: 10000 }), { nil: null }), (pct, pts, target) => {
        const s = scoreHundredths(pct, pts, target);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(pts * 100);
        const exact = target === null ? (pct * pts) / 100 : pct >= target ? pts * 100 : (pct * pts * 100) / target;
        expect(Math.abs(s - exact)).toBeLessThanOrEqual(0.5);
      }),
    );
  });
});
