import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReport as checkReportIn, formatRate, rate } from '../../src/kpi/index';

// The hints below are the English ones (#19: Vietnamese is the default, tested at the end).
const checkReport = (claims: Parameters<typeof checkReportIn>[0]) => checkReportIn(claims, { locale: 'en' });

// A made-up but realistic quarter of a commune's one-stop desk.
const counts = {
  received: 1412, online: 903, directOrPostal: 447, carriedOver: 62,
  resolved: 1320, early: 1104, onTime: 166, late: 50,
  pending: 80, withinTime: 71, overdue: 9, withdrawn: 12,
};

describe('checkReport on worked claims', () => {
  it('a consistent report: every standard identity checked without being listed', () => {
    const r = checkReport({ counts, rates: [{ label: 'Tỷ lệ giải quyết đúng hạn', numerator: 1270, denominator: 'resolved', reported: '96,21%' }] });
    expect(r.sums.map((s) => [s.total, s.parts.join('+'), s.ok, s.standard])).toEqual([
      ['received', 'online+directOrPostal+carriedOver', true, true],
      ['resolved', 'early+onTime+late', true, true],
      ['pending', 'withinTime+overdue', true, true],
      ['received', 'resolved+pending+withdrawn', true, true],
    ]);
    expect(r.rates[0]).toMatchObject({ verdict: 'match', hint: null, numerator: 1270, denominator: 1320 });
    expect(r.rates[0]?.value).toBe(1270 / 1320); // a fraction, the scale of rate().value
    expect(r.ok).toBe(true);
  });

  it('a figure truncated instead of rounded', () => {
    const r = checkReport({ counts, rates: [{ label: 'đúng hạn', numerator: 1269, denominator: 1320, reported: '96,13%' }] });
    expect(r.rates[0]).toMatchObject({ verdict: 'match-truncated', hint: 'truncated: half-up rounding prints 96,14%' });
    expect(r.ok).toBe(true);
  });

  it('a fraction printed as a percentage', () => {
    const r = checkReport({ counts, rates: [{ label: 'trực tuyến', numerator: 'online', denominator: 1350, reported: '0,67%' }] });
    expect(r.rates[0]?.verdict).toBe('mismatch');
    expect(r.rates[0]?.hint).toMatch(/fraction 903\/1350 was printed with a "%" instead of the percentage \(expected 66,89%\)/);
  });

  it('parts that do not add up to the total', () => {
    const r = checkReport({ counts: { ...counts, late: 48 }, sums: [{ total: 'resolved', parts: ['early', 'onTime', 'late'] }] });
    const s = r.sums.find((x) => x.total === 'resolved' && !x.standard)!;
    expect(s).toMatchObject({ expected: 1318, actual: 1320, difference: 2, ok: false });
    expect(r.sums.filter((x) => x.total === 'resolved').length).toBe(1); // listed, so not repeated as standard
    expect(r.ok).toBe(false);
  });

  it('a neighbouring count or denominator that reproduces the print', () => {
    const num = checkReport({ counts, rates: [{ label: 'quá hạn', numerator: 'late', denominator: 'resolved', reported: '12,58%' }] });
    expect(num.rates[0]?.hint).toMatch(/numerator onTime \(166\) reproduces it/);
    const den = checkReport({ counts, rates: [{ label: 'trực tuyến', numerator: 'online', denominator: 'resolved', reported: '63,95%' }] });
    expect(den.rates[0]?.hint).toMatch(/denominator received \(1412\) reproduces it instead of 1320/);
    const off = checkReport({ counts, rates: [{ label: 'đúng hạn', numerator: 1270, denominator: 1320, reported: '96,29%' }] });
    expect(off.rates[0]?.hint).toMatch(/a numerator of 1271 \(\+1\) reproduces it/);
  });

  it('decimal amounts, a denominator that is a sum of named counts, bounds', () => {
    const r = checkReport({
      counts: { disbursed: 1005.8, planned: 1029.7, online: 848, direct: 1097, carried: 17 },
      rates: [
        { label: 'Giải ngân', numerator: 'disbursed', denominator: 'planned', reported: '97,7%' },
        { label: 'Trực tuyến / mới tiếp nhận', numerator: 'online', denominator: 'online + direct', reported: '43,6%' },
        { label: 'trên 40%', numerator: 'online', denominator: 'online + direct + carried', reported: 'trên 40%' },
        { label: 'trên 45%', numerator: 'online', denominator: 'online + direct + carried', reported: 'trên 45%' },
        { label: 'gần 44%', numerator: 'online', denominator: 'online + direct', reported: 'gần 44%' },
        { label: 'khoảng 50%', numerator: 'online', denominator: 'online + direct', reported: 'khoảng 50%' },
        { label: 'trở lên', numerator: 'online', denominator: 'online + direct', reported: '43,5% trở lên' },
      ],
      sums: [{ total: 'planned', parts: ['disbursed', 23.9] as never }],
    });
    expect(r.rates.map((x) => x.verdict)).toEqual(['match', 'match', 'match', 'mismatch', 'match', 'unverifiable', 'match']);
    expect(r.rates[0]).toMatchObject({ numerator: 1005.8, denominator: 1029.7 });
    expect(r.rates[1]).toMatchObject({ denominator: 1945 });
    expect(r.rates[3]!.hint).toBe('the exact value 43,22% is not above the bound');
    expect(r.rates[5]!.hint).toBe('"khoảng" is approximate; the exact value is 43,60%');
    // 1005.8 + 23.9 = 1029.7 exactly: no floating-point residue decides a sum
    expect(r.sums[0]).toMatchObject({ expected: 1029.7, actual: 1029.7, difference: 0, ok: true });
  });

  it('a misplaced decimal separator', () => {
    const r = checkReport({ rates: [{ label: 'đúng hạn', numerator: 1270, denominator: 1320, reported: '9,621%' }] });
    // 1270/1320 = 96,2121…%: printed with three decimals, the separator one place too far left
    expect(r.rates[0]).toMatchObject({ verdict: 'mismatch', hint: 'a misplaced decimal separator: the value is 96,21%; expected 96,212%' });
  });

  it('names every bad claim', () => {
    expect(() => checkReport({ counts, rates: [{ label: 'x', numerator: 'onTme', denominator: 'resolved', reported: '1%' }] })).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT', field: 'rates[0].numerator' }));
    expect(() => checkReport({ counts, rates: [{ label: 'x', numerator: 1, denominator: 2, reported: 'ninety' }] })).toThrowError(expect.objectContaining({ field: 'rates[0].reported' }));
    expect(() => checkReport({ counts: { a: -1 } })).toThrowError(expect.objectContaining({ field: 'counts.a' }));
    expect(() => checkReport({ counts, sums: [{ total: 'received', parts: ['online', 'nope'] }] })).toThrowError(expect.objectContaining({ field: 'sums[0].parts[1]' }));
  });
});

describe('checkReport properties', () => {
  const frac = fc.integer({ min: 1, max: 100_000 }).chain((d) => fc.tuple(fc.integer({ min: 0, max: d }), fc.constant(d)));
  it('what formatRate prints half up always matches; truncated prints match or match-truncated', () => {
    fc.assert(
      fc.property(frac, fc.integer({ min: 0, max: 3 }), ([n, d], decimals) => {
        const up = formatRate(rate(n, d), { decimals });
        const tr = formatRate(rate(n, d), { decimals, rounding: 'truncate' });
        expect(checkReport({ rates: [{ label: 'r', numerator: n, denominator: d, reported: up }] }).rates[0]?.verdict).toBe('match');
        const v = checkReport({ rates: [{ label: 'r', numerator: n, denominator: d, reported: tr }] }).rates[0]?.verdict;
        expect(v === 'match' || v === 'match-truncated').toBe(true);
        if (v === 'match-truncated') expect(up).not.toBe(tr);
      }),
      { numRuns: 2000 },
    );
  });

  it('sums: expected is the sum of the parts and the difference is exact', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(10_000), { minLength: 1, maxLength: 5 }), fc.nat(60_000), (parts, total) => {
        const c: Record<string, number> = { total };
        parts.forEach((p, i) => (c[`p${i}`] = p));
        const s = checkReport({ counts: c, sums: [{ total: 'total', parts: parts.map((_, i) => `p${i}`) }] }).sums[0]!;
        expect(s.expected).toBe(parts.reduce((a, b) => a + b, 0));
        expect(s.difference).toBe(total - s.expected);
        expect(s.ok).toBe(s.difference === 0);
      }),
    );
  });
});

describe('checkReport hints in Vietnamese, the default (#19)', () => {
  it('gives each hint in Vietnamese by default and in English with locale: en', () => {
    const claims = {
      counts,
      rates: [
        { label: 'Đúng hạn', numerator: 'onTime + early', denominator: 'resolved', reported: '96,13%' },
        { label: 'Trực tuyến', numerator: 'online', denominator: 'received', reported: '0,6395%' },
        { label: 'Trên', numerator: 'online', denominator: 'received', reported: 'trên 70%' },
        { label: 'Khoảng', numerator: 'online', denominator: 'received', reported: 'khoảng 60%' },
      ],
    };
    expect(checkReportIn(claims).rates.map((r) => r.hint)).toEqual([
      'tử số 1269 (-1) cho ra số in; đúng là 96,21%',
      'in tỷ số 903/1412 kèm dấu "%" thay cho tỷ lệ phần trăm (đúng là 63,9518%)',
      'giá trị chính xác 63,95% không trên mức đã nêu',
      '"khoảng" là số ước lượng; giá trị chính xác là 63,95%',
    ]);
    expect(checkReportIn(claims, { locale: 'en' }).rates[0]!.hint).toBe('a numerator of 1269 (-1) reproduces it; expected 96,21%');
    expect(() => checkReportIn(claims, { locale: 'fr' as never })).toThrow(/locale/);
  });
});
