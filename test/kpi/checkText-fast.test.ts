import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkText, formatRate, rate } from '../../src/kpi/index';
import { cmp, type Dec } from '../../src/kpi/_lib/viNumber';
import { tokenize } from '../../src/kpi/_lib/viTokens';

/** Print an integer or decimal the Vietnamese way: "1.234.567,89" (or "1234567,89" ungrouped). */
function vn(int: number, frac: string, grouped: boolean): string {
  const i = String(int);
  return `${grouped ? i.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : i}${frac ? `,${frac}` : ''}`;
}
const g = (n: number) => vn(n, '', true);

const number = fc.record({
  int: fc.integer({ min: 0, max: 999_999_999 }),
  frac: fc.oneof(fc.constant(''), fc.stringMatching(/^\d{1,3}$/)),
  grouped: fc.boolean(),
});

describe('Vietnamese numbers embedded in sentences are read back exactly', () => {
  const TEMPLATES: readonly ((x: string) => string)[] = [
    (x) => `Thực hiện Công văn số 909/UBND-NV ngày 16/4/2024 của UBND huyện, tổng số ${x} hồ sơ được tiếp nhận trong Quý I/2024.`,
    (x) => `Theo Nghị định 61/2018/NĐ-CP, năm 2023 đã giải quyết ${x} hồ sơ (kỳ số liệu từ 15/12/2022 - 30/10/2023).`,
    (x) => `- Số lượng hồ sơ đang giải quyết: ${x} hồ sơ; tháng 9/2024 theo Quyết định số 60/QĐ-UBND.`,
    (x) => `Giải ngân ${x} triệu đồng theo Kế hoạch 45/KH-UBND ngày 28/02/2023, Điều 14 khoản 2.`,
  ];
  const toDec = (int: number, frac: string): Dec => ({ m: BigInt(`${int}${frac}`), e: -frac.length });

  it('counts and amounts, with dates, years and document numbers around them', () => {
    fc.assert(
      fc.property(number, fc.nat(TEMPLATES.length - 1), fc.constantFrom('', 'trên ', 'gần ', 'khoảng '), ({ int, frac, grouped }, k, bound) => {
        const text = TEMPLATES[k]!(`${bound}${vn(int, frac, grouped)}`);
        const toks = tokenize(text);
        expect(toks.length).toBe(1);
        expect(toks[0]!.kind).toBe('num');
        expect(cmp(toks[0]!.value, toDec(int, frac))).toBe(0);
        expect(toks[0]!.bound).toBe(bound === '' ? null : bound === 'trên ' ? 'above' : bound === 'gần ' ? 'near' : 'about');
        expect(toks[0]!.mult).toBe(k === 3 ? 6 : 0);
      }),
      { numRuns: 400 },
    );
  });

  it('percentages, with or without a space before "%", and fractions a/b', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.stringMatching(/^\d{0,3}$/), fc.boolean(), fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 0, max: 99_999 }), (int, frac, space, d, n0) => {
        const n = Math.min(n0, d);
        const text = `Năm 2023, giải quyết ${g(n)}/${g(d)} hồ sơ ngày 23/11/2018, đạt tỷ lệ ${vn(int, frac, false)}${space ? ' ' : ''}% theo Thông tư số 01/2018/TT-VPCP.`;
        const toks = tokenize(text);
        expect(toks.map((t) => t.kind)).toEqual(['frac', 'pct']);
        expect(toks[0]!.num).toEqual({ m: BigInt(n), e: 0 });
        expect(toks[0]!.den).toEqual({ m: BigInt(d), e: 0 });
        expect(cmp(toks[1]!.value, toDec(int, frac))).toBe(0);
      }),
      { numRuns: 400 },
    );
  });
});

// A one-stop desk's quarter, consistent by construction.
const desk = fc
  .record({
    online: fc.integer({ min: 1, max: 9000 }),
    direct: fc.integer({ min: 1, max: 9000 }),
    carried: fc.integer({ min: 1, max: 900 }),
    shares: fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 30 })),
    decimals: fc.integer({ min: 1, max: 2 }),
    truncate: fc.boolean(),
    rows: fc.array(fc.tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 500 })), { minLength: 3, maxLength: 7 }),
  })
  .map((x) => {
    const received = x.online + x.direct + x.carried;
    // split the received into on time, late, pending, withdrawn in proportion to the shares
    const [a, b, c, d] = x.shares;
    const tot = a + b + c + d;
    const late = Math.max(1, Math.floor((received * b) / tot));
    const pending = Math.floor((received * c) / tot);
    const withdrawn = Math.floor((received * d) / tot);
    const onTime = received - late - pending - withdrawn;
    return { ...x, received, onTime, late, pending, withdrawn, resolved: onTime + late };
  })
  .filter((x) => x.onTime >= 1);

type Desk = typeof desk extends fc.Arbitrary<infer T> ? T : never;
interface Slips {
  rateDelta?: number;
  partDelta?: number;
  withdrawnDelta?: number;
  cellDelta?: { row: number; delta: number };
}

function write(x: Desk, slip: Slips = {}): string {
  const opts = { decimals: x.decimals, rounding: x.truncate ? ('truncate' as const) : ('half-up' as const) };
  const pr = (n: number, d: number) => formatRate(rate(n, d), opts);
  const shifted = (n: number, d: number, delta: number) => {
    const units = Number(pr(n, d).replace('%', '').replace(',', '')) + delta;
    const s = String(Math.abs(units)).padStart(x.decimals + 1, '0');
    return `${s.slice(0, -x.decimals)},${s.slice(-x.decimals)}%`;
  };
  const newly = x.online + x.direct;
  const onlineRate = slip.rateDelta ? shifted(x.online, newly, slip.rateDelta) : pr(x.online, newly);
  const table = [
    '| STT | Lĩnh vực | Tổng số | Đã giải quyết | Đang giải quyết | Rút |',
    '|---|---|---|---|---|---|',
    ...x.rows.map(([p, q, r], i) => `| ${i + 1} | Lĩnh vực ${i + 1} | ${g(p + q + r)} | ${g(p + (slip.cellDelta?.row === i ? slip.cellDelta.delta : 0))} | ${g(q)} | ${g(r)} |`),
    `| | Tổng cộng | ${g(x.rows.reduce((s, [p, q, r]) => s + p + q + r, 0))} | ${g(x.rows.reduce((s, [p]) => s + p, 0))} | ${g(x.rows.reduce((s, [, q]) => s + q, 0))} | ${g(x.rows.reduce((s, [, , r]) => s + r, 0))} |`,
  ];
  return [
    'BÁO CÁO Quý I/2024',
    '',
    'Thực hiện Công văn số 909/UBND-NV ngày 16/4/2024, Nghị định 61/2018/NĐ-CP:',
    '',
    `Quý I/2024, tổng số hồ sơ tiếp nhận là ${g(x.received)} hồ sơ (trong đó: trực tuyến ${g(x.online + (slip.partDelta ?? 0))} hồ sơ; trực tiếp ${g(x.direct)} hồ sơ; kỳ trước chuyển qua ${g(x.carried)} hồ sơ). Số hồ sơ đã giải quyết: ${g(x.resolved)} hồ sơ (trong đó: trước hạn, đúng hạn ${g(x.onTime)} hồ sơ, đạt tỷ lệ ${pr(x.onTime, x.resolved)}; quá hạn ${g(x.late)} hồ sơ); đang giải quyết ${g(x.pending)} hồ sơ; công dân rút ${g(x.withdrawn + (slip.withdrawnDelta ?? 0))} hồ sơ.`,
    '',
    `Tỷ lệ hồ sơ trực tuyến đạt ${onlineRate} (${g(x.online)}/${g(newly)} hồ sơ tiếp nhận mới). Trả kết quả đúng hạn ${g(x.onTime)}/${g(x.resolved)} hồ sơ, đạt ${pr(x.onTime, x.resolved)}.`,
    '',
    ...table,
    '',
  ].join('\n');
}

describe('generated reports', () => {
  it('a consistent report gives no mismatch, and its rates, sums, balance and table are all found', () => {
    fc.assert(
      fc.property(desk, (x) => {
        const r = checkText(write(x));
        expect(r.claims.filter((c) => c.verdict === 'mismatch')).toEqual([]);
        const kinds = (k: string) => r.claims.filter((c) => c.kind === k && (c.verdict === 'match' || c.verdict === 'match-truncated')).length;
        expect(kinds('rate')).toBe(3);
        expect(kinds('sum')).toBe(2);
        expect(kinds('balance')).toBe(1);
        expect(kinds('table-column')).toBe(4);
        expect(kinds('table-row')).toBe(x.rows.length + 1);
      }),
      { numRuns: 150 },
    );
  });

  it('a perturbed figure is flagged, as the kind of claim it belongs to', () => {
    const slip = fc.oneof(
      fc.record({ rateDelta: fc.oneof(fc.integer({ min: 2, max: 60 }), fc.integer({ min: -60, max: -2 })) }),
      fc.record({ partDelta: fc.integer({ min: 1, max: 50 }) }),
      fc.record({ withdrawnDelta: fc.integer({ min: 1, max: 50 }) }),
      fc.record({ cellDelta: fc.record({ row: fc.nat(6), delta: fc.integer({ min: 1, max: 40 }) }) }),
    );
    fc.assert(
      fc.property(desk, slip, (x, s) => {
        const slips: Slips = { ...s };
        if (slips.cellDelta) slips.cellDelta = { ...slips.cellDelta, row: slips.cellDelta.row % x.rows.length };
        if (slips.rateDelta) {
          const units = Number(formatRate(rate(x.online, x.online + x.direct), { decimals: x.decimals, rounding: x.truncate ? 'truncate' : 'half-up' }).replace(/[%,]/g, ''));
          fc.pre(units + slips.rateDelta >= 0);
        }
        if (slips.partDelta) fc.pre(slips.partDelta < x.direct + x.carried); // a part still below the total
        const wrong = checkText(write(x, slips)).claims.filter((c) => c.verdict === 'mismatch');
        const expected = slips.rateDelta ? ['rate'] : slips.partDelta ? ['sum'] : slips.withdrawnDelta ? ['balance'] : ['table-row', 'table-column'];
        expect(wrong.map((c) => c.kind).sort()).toEqual(expected.sort());
      }),
      { numRuns: 200 },
    );
  });
});
