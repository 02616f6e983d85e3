import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkText, extractClaims, type TextClaim } from '../../src/kpi/index';
import { tokenize } from '../../src/kpi/_lib/viTokens';

const report = (name: string) => readFileSync(new URL(`./reports/${name}`, import.meta.url), 'utf8');
const wrong = (cs: readonly TextClaim[]) => cs.filter((c) => c.verdict === 'mismatch');
const find = (cs: readonly TextClaim[], line: number, printed: string) => {
  const c = cs.find((x) => x.line === line && x.printed === printed);
  if (!c) throw new Error(`no claim "${printed}" on line ${line}: ${JSON.stringify(cs.filter((x) => x.line === line).map((x) => x.printed))}`);
  return c;
};

// Each report was read by hand first; the arithmetic below is the reader's, the assertions say
// the tool finds exactly the wrong figures the reader found, with the right cause, and nothing else.
describe('worked reports: the full set of mismatches equals the hand-worked list', () => {
  it('Hương Vĩ Q1/2024: 15/1067 printed as "0,014 %" (the fraction with a "%", the rate is 1,41%)', () => {
    const r = checkText(report('huong-vi-2024q1.txt'));
    // 1062/1067 = 99,531% → 99,53% ✓; 1043/1067 = 97,751% → 97,75% ✓; 15/1067 = 0,01406 = 1,406%: printed "0,014 %" ✗
    // 368/368 = 100% ✓; 354/368 = 96,1957% → half up 96,20%, printed 96,19%: truncated
    expect(wrong(r.claims).map((c) => [c.line, c.printed, c.numerator, c.denominator])).toEqual([[47, '0,014 %', 15, 1067]]);
    expect(wrong(r.claims)[0]!.hint).toBe('in tỷ số 15/1.067 = 0,014 kèm dấu "%" thay cho tỷ lệ phần trăm; đúng là 1,41%');
    expect(find(r.claims, 47, '99,53%').verdict).toBe('match');
    expect(find(r.claims, 47, '97,75%').verdict).toBe('match');
    expect(find(r.claims, 49, '100%').verdict).toBe('match');
    expect(find(r.claims, 49, '96,19%')).toMatchObject({ verdict: 'match-truncated', hint: '354/368 bị cắt số thay vì làm tròn: làm tròn thì in 96,20%' });
    // "trên 70%", "99,87% trở lên" and lone "100%" have nothing to recompute them from
    expect(find(r.claims, 47, 'trên 70%').verdict).toBe('unverifiable');
    expect(r.ok).toBe(false);
    // dates and document numbers are never fractions: "16/4/2024", "909/UBND-NV", "61/2018/NĐ-CP", "Quý I/2024"
    expect(extractClaims(report('huong-vi-2024q1.txt')).every((c) => c.denominator !== 4 && c.denominator !== 2018 && c.denominator !== 2024)).toBe(true);
  });

  it('Kỳ Sơn 2024: "2,55% (1.031/39.357 hồ sơ)" is 2,62%, and nothing nearby reproduces 2,55%', () => {
    const r = checkText(report('ky-son-2024.txt'));
    // 1.031/39.357 = 2,6196% → 2,62%. The numerators 1.002-1.005 or a denominator of about 40.431 would give 2,55%; none is printed.
    expect(wrong(r.claims).map((c) => [c.line, c.printed, c.numerator, c.denominator])).toEqual([[47, '2,55%', 1031, 39357]]);
    expect(wrong(r.claims)[0]!.hint).toBe('1.031/39.357 = 2,62%, không phải 2,55%; không cách làm tròn hay số liệu lân cận nào cho ra 2,55%');
    // "52.028 hồ sơ, trong đó có 7.588 trực tuyến; 44.045 …; đúng hạn 51.539; quá hạn 51" mixes channels and
    // outcomes: 7.588 + 44.045 = 51.633 (the 395 left may be carried over), 51.539 + 51 = 51.590 (pending not stated)
    const list = find(r.claims, 41, '52.028');
    expect(list).toMatchObject({ kind: 'sum', verdict: 'unverifiable', parts: [7588, 44045, 51539, 51] });
    expect(list.hint).toMatch(/trộn các cách phân loại/);
    // "30- 31/10", "15/12/2022 - 30/10/2024", "tháng 9/2024", "Đề án 06/CP" are not fractions
    expect(r.claims.filter((c) => c.kind === 'rate' && c.denominator !== null).map((c) => c.printed)).toEqual(['2,55%']);
  });

  it('Bình Phước 2023: no wrong figure; 1868/1886 truncated; the implied relations that fail stay unverifiable', () => {
    const r = checkText(report('binh-phuoc-2023.txt'));
    expect(wrong(r.claims)).toEqual([]);
    expect(r.ok).toBe(true);
    // 1962 = 848 + 1097 + 17 ✓; 1886 = 1868 + 18 ✓; 1962 = 1886 + 17 + 59 (rút) ✓
    expect(find(r.claims, 55, '1962')).toMatchObject({ kind: 'sum', verdict: 'match', parts: [848, 1097, 17] });
    expect(find(r.claims, 55, '1886')).toMatchObject({ kind: 'sum', verdict: 'match', parts: [1868, 18] });
    expect(r.claims.find((c) => c.kind === 'balance')).toMatchObject({ line: 55, total: 1962, parts: [1886, 17, 59], verdict: 'match' });
    // "trước hạn 1868 hồ sơ, đạt tỷ lệ 99,04 %": the denominator is the list's total 1886; 99,0456% → 99,05% half up
    expect(find(r.claims, 55, '99,04 %')).toMatchObject({ numerator: 1868, denominator: 1886, verdict: 'match-truncated' });
    // 43,6% "so với tổng số hồ sơ được tiếp nhận mới": 848/(848 + 1097) = 43,599% → 43,6%, stated only in words
    expect(find(r.claims, 55, '43,6%')).toMatchObject({ verdict: 'unverifiable' });
    expect(find(r.claims, 55, '43,6%').hint).toMatch(/848\/\(848 \+ 1\.097\) cho ra 43,6%/);
    // 112 = 85 + 27 ✓ (nhiệm vụ); 51 = 44 + 07 ✓ (thủ tục); 812/1524 = 684/1382 + 128/142 ✓ both ways
    expect(find(r.claims, 27, '112').verdict).toBe('match');
    expect(find(r.claims, 99, '51').verdict).toBe('match');
    expect(r.claims.filter((c) => c.line === 101 && c.kind === 'sum').map((c) => [c.total, c.parts, c.verdict])).toEqual([[812, [684, 128], 'match'], [1524, [1382, 142], 'match']]);
    for (const [line, printed] of [[57, '100%'], [81, '97,7%'], [95, '54,21%'], [101, '53,3%'], [101, '49,5%'], [101, '90,1%'], [105, '100%'], [107, '100%']] as const) {
      expect(find(r.claims, line, printed).verdict).toBe('match');
    }
    // the money ratio with decimals: 1.005,8/1.029,7 = 97,679% → 97,7%
    expect(find(r.claims, 81, '97,7%')).toMatchObject({ numerator: 1005.8, denominator: 1029.7 });
    // KCT: 10 people, but "Đại học 06, Cao đẳng 03, Trung cấp 02" = 11; the text does not say they partition the 10
    const kct = find(r.claims, 63, '10');
    expect(kct).toMatchObject({ verdict: 'unverifiable', parts: [6, 3, 2], exact: 11 });
    // late dossiers: 18 on line 55 (15/12/2022-31/10/2023), 17 on line 131 ("trong năm"): reported, not judged
    const late = r.claims.find((c) => c.kind === 'contradiction')!;
    expect(late).toMatchObject({ line: 131, total: 18, parts: [17], verdict: 'unverifiable' });
    // 1231 "đạt tỷ lệ 65,93%" and 784 "đạt tỷ lệ 43,70%": no denominator printed (1231/1962 = 62,74%, 784/1886 = 41,57%)
    expect(find(r.claims, 109, '65,93%').verdict).toBe('unverifiable');
    expect(find(r.claims, 109, '43,70%').verdict).toBe('unverifiable');
  });

  it('Hương Trà Q2/2018: the table by department adds up, by rows and by columns', () => {
    const r = checkText(report('huong-tra-2018q2.txt'));
    expect(wrong(r.claims)).toEqual([]);
    const rows = r.claims.filter((c) => c.kind === 'table-row');
    const cols = r.claims.filter((c) => c.kind === 'table-column');
    // Tổng số = đã giải quyết (trong hạn + quá hạn) + đang giải quyết (trong hạn + quá hạn) on all 11 rows
    expect(rows.map((c) => [c.line, c.total, c.verdict])).toEqual([18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28].map((l, i) => [l, [1, 72, 214, 71, 3, 117, 94, 1, 16, 1318, 1907][i], 'match']));
    expect(find(rows, 27, '1318').parts).toEqual([714, 227, 368, 9]);
    // the "Tổng số" row: 1907, 1243, 264, 391, 9 are the column sums
    expect(cols.map((c) => [c.total, c.exact, c.verdict])).toEqual([[1907, 1907, 'match'], [1243, 1243, 'match'], [264, 264, 'match'], [391, 391, 'match'], [9, 9, 'match']]);
  });

  it('Thanh Lò 2023: "72,1% 1.817/2.509" is 72,4%; the online count 1.810 on line 90 reproduces 72,1%', () => {
    const r = checkText(report('thanh-lo-2023.txt'));
    // 1.817/2.509 = 72,419% → 72,4%; 1.810/2.509 = 72,140% → 72,1%
    expect(wrong(r.claims).map((c) => [c.line, c.printed, c.numerator, c.denominator])).toEqual([[138, '72,1%', 1817, 2509]]);
    expect(wrong(r.claims)[0]!.hint).toBe('1.817/2.509 = 72,4%, không phải 72,1%; tử số 1.810 in ở dòng 90 cho ra 72,1%');
    // 57 = 14 + 05 + 21 + 04 + 03 + 01 + 01 + 08 ✓; 70 = 7 + 5 + 41 + 4 + 3 + 1 + 1 + 8 ✓ (between document numbers and dates);
    // 36 = 22 + 14 ✓; 2.509 = 1.810 + 699 ✓; received 2.509 + 0 = resolved 2.509 + pending 0 ✓
    expect(find(r.claims, 45, '57')).toMatchObject({ verdict: 'match', parts: [14, 5, 21, 4, 3, 1, 1, 8] });
    expect(find(r.claims, 55, '70')).toMatchObject({ verdict: 'match', parts: [7, 5, 41, 4, 3, 1, 1, 8] });
    expect(find(r.claims, 57, '36').verdict).toBe('match');
    expect(find(r.claims, 90, '2.509')).toMatchObject({ verdict: 'match', parts: [1810, 699] });
    expect(r.claims.find((c) => c.kind === 'balance')).toMatchObject({ total: 2509, parts: [2509, 0], verdict: 'match' });
    // "1.817 hồ sơ" over the bullets 05 + 03 + 1.709 = 1.717: 100 short, one digit apart; the bullets need not be exhaustive
    const dvc = find(r.claims, 100, '1.817');
    expect(dvc).toMatchObject({ verdict: 'unverifiable', parts: [5, 3, 1709], exact: 1717 });
    expect(dvc.hint).toMatch(/một chữ số \(1\.817 \/ 1\.717\)/);
    // the bullets of "; trong đó:" (0, 57, 42, 42, 43) overlap the total 57: never summed
    expect(r.claims.some((c) => c.kind === 'sum' && c.parts?.includes(42))).toBe(false);
  });
});

describe('numbers as Vietnamese reports print them', () => {
  const read = (s: string) => tokenize(s).map((t) => [t.kind, t.raw, t.bound]);
  it('thousands dots, decimal commas, a space before "%", multipliers, bounds', () => {
    expect(read('tiếp nhận 52.028 hồ sơ, đạt 99,53% và 0,014 %')).toEqual([['num', '52.028', null], ['pct', '99,53%', null], ['pct', '0,014 %', null]]);
    const [m] = tokenize('ước đạt: 6,648 tỷ đồng');
    expect(m).toMatchObject({ raw: '6,648', mult: 9, value: { m: 6648n, e: -3 } });
    expect(read('gần 98%, trên 70%, hơn 50 nghìn, khoảng 77%, dưới 5%, 99,87% trở lên')).toEqual([
      ['pct', 'gần 98%'.slice(4), 'near'], ['pct', '70%', 'above'], ['num', '50', 'above'], ['pct', '77%', 'about'], ['pct', '5%', 'below'], ['pct', '99,87%', 'at-least'],
    ]);
  });
  it('dates, years, document numbers, articles and section numbers are never figures', () => {
    const s = 'Thực hiện Công văn số 909/UBND-NV ngày 16/4/2024, Nghị định 61/2018/NĐ-CP, Quyết định 1755, Điều 14 khoản 2, Quý I/2024, tháng 9/2024, năm 2023, giai đoạn 2021 – 2030, trong 2 ngày 30- 31/10, Đề án 06/CP, Biểu số II.06a.';
    expect(tokenize(s).map((t) => t.raw)).toEqual(['2']);
    expect(tokenize('1. Tình hình\n2.2 Việc thực hiện\n5.3. Tiến độ').map((t) => t.raw)).toEqual([]);
    // a ratio that looks like a date is read as a ratio when a count noun follows
    expect(read('giải quyết 04/04 hồ sơ, đạt tỷ lệ 100%')).toEqual([['frac', '04/04', null], ['pct', '100%', null]]);
    expect(read('kỳ trước chuyển qua 1962 hồ sơ')).toEqual([['num', '1962', null]]);
  });
});

describe('rates from the text', () => {
  it('"a/b … đạt x%", "x% (a/b)", "x% a/b", money with decimals', () => {
    const r = checkText('Giải quyết 1270/1320 hồ sơ, đạt tỷ lệ 96,21%. Tỷ lệ trực tuyến 66,89% (903/1350 hồ sơ). Giải ngân 1.005,8/1.029,7 triệu đồng, bằng 97,7%.');
    expect(r.claims.map((c) => [c.kind, c.numerator, c.denominator, c.printed, c.verdict])).toEqual([
      ['rate', 1270, 1320, '96,21%', 'match'], ['rate', 903, 1350, '66,89%', 'match'], ['rate', 1005.8, 1029.7, '97,7%', 'match'],
    ]);
    expect(r.claims[0]!.value).toBe(1270 / 1320); // a fraction, the scale of rate().value
    expect(r.claims[0]!.exact).toBeNull();
  });
  it('"a hồ sơ, đạt tỷ lệ x%" takes the total named earlier as its denominator', () => {
    const ok = checkText('Tiếp nhận 1.412 hồ sơ, với 903 hồ sơ trực tuyến (đạt tỷ lệ 63,95%).');
    expect(ok.claims[0]).toMatchObject({ numerator: 903, denominator: 1412, verdict: 'match' });
    const bad = checkText('Tiếp nhận 1.412 hồ sơ, với 903 hồ sơ trực tuyến (đạt tỷ lệ 65,95%).');
    expect(bad.claims[0]).toMatchObject({ verdict: 'mismatch' });
    // no total named before: unverifiable, never a mismatch
    expect(checkText('Có 903 hồ sơ trực tuyến, đạt tỷ lệ 65,95%.').claims[0]).toMatchObject({ verdict: 'unverifiable', denominator: null });
  });
  it('the hint says what reproduces the print: a misplaced decimal, a numerator printed elsewhere', () => {
    expect(checkText('Đúng hạn 1270/1320 hồ sơ, đạt 9,621%.').claims[0]!.hint).toBe('dấu thập phân đặt sai chỗ: 1.270/1.320 = 96,21%, in thành 9,621%');
    const t = checkText('Trực tuyến: 1.810 hồ sơ, trực tiếp 699 hồ sơ.\n\nDịch vụ công trực tuyến đạt tỷ lệ 72,1% 1.817/2.509 TTHC phát sinh.');
    expect(t.claims.find((c) => c.kind === 'rate')!.hint).toBe('1.817/2.509 = 72,4%, không phải 72,1%; tử số 1.810 in ở dòng 1 cho ra 72,1%');
    const en = checkText('Hồ sơ quá hạn 15/1067 hồ sơ, tỷ lệ 0,014 %.', { locale: 'en' });
    expect(en.claims[0]!.hint).toBe('the fraction 15/1.067 = 0,014 was printed with a "%" instead of the percentage; it is 1,41%');
    // lang: the deprecated alias of locale (#19); locale wins when both are given
    expect(checkText('Hồ sơ quá hạn 15/1067 hồ sơ, tỷ lệ 0,014 %.', { lang: 'en' }).claims[0]!.hint).toBe(en.claims[0]!.hint);
    expect(checkText('Hồ sơ quá hạn 15/1067 hồ sơ, tỷ lệ 0,014 %.', { lang: 'en', locale: 'vi' }).claims[0]!.hint).toMatch(/^in tỷ số/);
    expect(() => checkText('x', { locale: 'fr' as never })).toThrow(/locale must be 'vi' or 'en'/);
  });
  it('bounds: "trên" and "dưới" are checked, "gần" and "khoảng" never give a mismatch', () => {
    const r = checkText('Thu phí trực tuyến 700/1000 hồ sơ, đạt trên 70%. Đúng hạn 980/1000 hồ sơ, đạt gần 98%. Quá hạn 20/1000 hồ sơ, dưới 5%. Số hóa 500/1000 hồ sơ, khoảng 77%.');
    expect(r.claims.map((c) => [c.printed, c.verdict])).toEqual([['trên 70%', 'mismatch'], ['gần 98%', 'match'], ['dưới 5%', 'match'], ['khoảng 77%', 'unverifiable']]);
  });
  it('a change is not a share: "tăng 50%" is no claim', () => {
    expect(checkText('Số hồ sơ trực tuyến tăng 50% so với cùng kỳ.').claims).toEqual([]);
  });
});

describe('sums, balance, contradictions and tables from the text', () => {
  it('"N (trong đó: …)": parts above the total are wrong, below it may be an incomplete list', () => {
    const over = checkText('Tiếp nhận 100 hồ sơ (trong đó: trực tuyến 60 hồ sơ; trực tiếp 45 hồ sơ).');
    expect(over.claims[0]).toMatchObject({ kind: 'sum', total: 100, parts: [60, 45], exact: 105, verdict: 'mismatch' });
    expect(over.claims[0]!.hint).toBe('các thành phần cộng lại 60 + 45 = 105, nhiều hơn tổng 100 là 5');
    const under = checkText('Tiếp nhận 100 hồ sơ (trong đó: trực tuyến 50 hồ sơ; trực tiếp 45 hồ sơ).');
    expect(under.claims[0]).toMatchObject({ verdict: 'unverifiable', exact: 95 });
    // "gồm" says the list is complete
    expect(checkText('Tổng số 57 TTHC (gồm 14 TTHC nội bộ; 05 TTHC lĩnh vực BTXH; 21 TTHC lĩnh vực TPHT).').claims[0]).toMatchObject({ verdict: 'mismatch', exact: 40 });
    // resolved = early/on time + late is a complete partition
    expect(checkText('Số hồ sơ đã giải quyết: 1886 hồ sơ (trong đó: trước hạn 1860 hồ sơ, trễ hạn 18 hồ sơ).').claims[0]).toMatchObject({ verdict: 'mismatch', exact: 1878 });
  });
  it('received = resolved + pending (+ withdrawn) where the text states them', () => {
    const t = (resolved: number) => checkText(`Tổng số hồ sơ tiếp nhận là 500 hồ sơ. Số hồ sơ đã giải quyết: ${resolved} hồ sơ; đang giải quyết 20 hồ sơ; công dân rút 5 hồ sơ.`).claims.find((c) => c.kind === 'balance')!;
    expect(t(475)).toMatchObject({ verdict: 'match', total: 500, parts: [475, 20, 5] });
    expect(t(480).verdict).toBe('mismatch');
    expect(t(470).verdict).toBe('unverifiable'); // 5 dossiers may have been returned
    // carried-over dossiers printed apart: the received total may or may not include them
    const c = (resolved: number) => checkText(`Tổng số hồ sơ tiếp nhận trong kỳ là 500 hồ sơ; kỳ trước chuyển sang 30 hồ sơ. Số hồ sơ đã giải quyết: ${resolved} hồ sơ; đang giải quyết 20 hồ sơ.`).claims.find((x) => x.kind === 'balance')!;
    expect(c(480).verdict).toBe('match');
    expect(c(510).verdict).toBe('match');
    expect(c(495).verdict).toBe('unverifiable');
    expect(c(520).verdict).toBe('mismatch');
  });
  it('a rate that names its own subject, or a count followed by another subject\'s rate, is never a mismatch', () => {
    const a = checkText('Giải quyết 120/125 hồ sơ, tỷ lệ hài lòng đạt 95%.').claims[0]!;
    expect(a).toMatchObject({ verdict: 'unverifiable', numerator: 120, denominator: 125 });
    expect(checkText('Hoàn thành 27/28 nhiệm vụ, 100% cán bộ được tập huấn.').claims[0]).toMatchObject({ verdict: 'unverifiable', numerator: 27 });
    expect(checkText('Hoàn thành 28/28 nhiệm vụ, 100% cán bộ được tập huấn.').claims[0]).toMatchObject({ verdict: 'match' });
    const b = checkText('Đã giải quyết 11.900 hồ sơ, trong đó trước hạn 5.000 hồ sơ, đúng hạn 6.800 hồ sơ, quá hạn 100 hồ sơ (tỷ lệ đúng hạn và trước hạn đạt 99,16%).');
    expect(b.claims.filter((x) => x.verdict === 'mismatch')).toEqual([]);
    // "trong đó" over attributes of no known breakdown may overlap
    expect(checkText('Tổng số 120 hồ sơ (trong đó: 80 hồ sơ đất đai; 50 hồ sơ có yêu cầu bổ sung).').claims[0]).toMatchObject({ kind: 'sum', verdict: 'unverifiable', exact: 130 });
  });
  it('the same quantity printed twice', () => {
    const r = checkText('Năm 2023, số hồ sơ đã giải quyết: 1886 hồ sơ. Năm 2023, số hồ sơ đã giải quyết: 1868 hồ sơ.');
    expect(r.claims.find((c) => c.kind === 'contradiction')).toMatchObject({ verdict: 'mismatch', total: 1886, parts: [1868] });
    // different periods are different quantities
    expect(checkText('Năm 2023 đang giải quyết 9 hồ sơ.\n\nQuý I/2024 đang giải quyết 14 hồ sơ.').claims).toEqual([]);
  });
  it('markdown tables: row and column totals', () => {
    const table = [
      '| STT | Lĩnh vực | Tổng số | Trực tuyến | Trực tiếp |',
      '|---|---|---|---|---|',
      '| 1 | Hộ tịch | 120 | 70 | 50 |',
      '| 2 | Chứng thực | 300 | 200 | 100 |',
      '| 3 | Đất đai | 90 | 40 | 51 |',
      '| 4 | Khác | 15 | 5 | 10 |',
      '| | Cộng | 525 | 315 | 210 |',
    ].join('\n');
    const r = checkText(table);
    // row 3: 40 + 51 = 91, not 90; the column "Trực tiếp": 50 + 100 + 51 + 10 = 211, not 210
    expect(wrong(r.claims).map((c) => [c.kind, c.line, c.printed, c.exact])).toEqual([['table-row', 5, '90', 91], ['table-column', 7, '210', 211]]);
    expect(r.claims.filter((c) => c.kind === 'table-row').length).toBe(5);
    expect(r.claims.filter((c) => c.kind === 'table-column').map((c) => c.verdict)).toEqual(['match', 'match', 'mismatch']);
  });
  it('tables: a total row printed first, and rate columns are not summed', () => {
    const table = [
      '| TT | Đơn vị | Tổng số | Đúng hạn | Quá hạn | Tỷ lệ đúng hạn |',
      '| | Tổng cộng | 400 | 390 | 10 | 97,5 |',
      '| 1 | Xã A | 100 | 98 | 2 | 98,0 |',
      '| 2 | Xã B | 150 | 146 | 4 | 97,3 |',
      '| 3 | Xã C | 150 | 146 | 4 | 97,3 |',
    ].join('\n');
    const r = checkText(table);
    expect(r.claims.filter((c) => c.verdict === 'mismatch')).toEqual([]);
    expect(r.claims.filter((c) => c.kind === 'table-column').map((c) => [c.printed, c.verdict])).toEqual([['400', 'match'], ['390', 'match'], ['10', 'match']]);
    expect(r.claims.filter((c) => c.kind === 'table-row').length).toBe(4);
  });
});
