import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/kpi/index';
import { docxText } from '../../src/node/index';
import { docx, p, tbl, zip } from './_docx';

// A commune's report as Word writes it: paragraphs split over runs, a table with a two-row header
// (a cell spanning two columns, cells merged down), built here byte by byte, not downloaded.
const report = (resolvedOnTime2 = '1.150') => [
  p('BÁO CÁO Kết quả giải quyết TTHC Quý I/2024'),
  p('Thực hiện Công văn số 909/UBND-NV ngày 16/4/2024 của UBND huyện.'),
  p('Quý I/2024 tiếp nhận 368 hồ sơ; trả trước và đúng hạn 354/368 hồ sơ, đạt 96,20%; quá hạn 15/368 hồ sơ, tỷ lệ 0,041 %.'),
  tbl([
    ['STT', 'Lĩnh vực', 'Tổng số', ['Đã giải quyết', 2], 'Đang giải quyết'],
    [null, null, null, 'Đúng hạn', 'Quá hạn', null],
    ['1', 'Hộ tịch', '120', '100', '15', '5'],
    ['2', 'Chứng thực', '1.200', resolvedOnTime2, '30', '20'],
    ['3', 'Đất đai', '48', '40', '4', '4'],
    ['4', 'Khác', '10', '6', '2', '2'],
    ['', 'Tổng cộng', '1.378', '1.296', '51', '31'],
  ]),
  p('Trên đây là báo cáo của UBND xã.'),
].join('');
const body = report();

describe('docxText', () => {
  it('paragraphs become lines, tables markdown rows with merged cells kept aligned', () => {
    const text = docxText(docx(body));
    expect(text).toContain('Quý I/2024 tiếp nhận 368 hồ sơ; trả trước và đúng hạn 354/368 hồ sơ, đạt 96,20%;');
    expect(text).toContain('| STT | Lĩnh vực | Tổng số | Đã giải quyết |  | Đang giải quyết |');
    expect(text).toContain('|  |  |  | Đúng hạn | Quá hạn |  |');
    expect(text).toContain('|  | Tổng cộng | 1.378 | 1.296 | 51 | 31 |');
    expect(docxText(docx(body, true))).toBe(text); // stored entries read the same as deflated ones
  });

  it('checkText finds the wrong rate and the wrong table figures in it', () => {
    const r = checkText(docxText(docx(body)));
    const wrong = r.claims.filter((c) => c.verdict === 'mismatch');
    // 15/368 = 4,08%; "0,041 %" is the fraction with a "%". Row 3: 40 + 4 + 4 = 48 ✓; row 2: 1.150 + 30 + 20 = 1.200 ✓;
    // the column "Quá hạn": 15 + 30 + 4 + 2 = 51 ✓; "Đúng hạn": 100 + 1.150 + 40 + 6 = 1.296 ✓; "Đang": 5 + 20 + 4 + 2 = 31 ✓;
    // "Tổng số": 120 + 1.200 + 48 + 10 = 1.378 ✓ — the table holds; 354/368 = 96,196% → 96,20% ✓
    expect(wrong.map((c) => [c.kind, c.printed])).toEqual([['rate', '0,041 %']]);
    expect(wrong[0]!.hint).toMatch(/in tỷ số 15\/368 = 0,041 kèm dấu "%"/);
    expect(r.claims.filter((c) => c.kind === 'table-row').map((c) => c.verdict)).toEqual(['match', 'match', 'match', 'match', 'match']);
    expect(r.claims.filter((c) => c.kind === 'table-column').map((c) => c.verdict)).toEqual(['match', 'match', 'match', 'match']);
    // one slip in a cell: the row and the column both say so
    const slipped = checkText(docxText(docx(report('1.140'))));
    expect(slipped.claims.filter((c) => c.verdict === 'mismatch').map((c) => [c.kind, c.printed])).toEqual([['rate', '0,041 %'], ['table-row', '1.200'], ['table-column', '1.296']]);
  });

  it('refuses what is not a Word document, with a clear error', () => {
    expect(() => docxText(new TextEncoder().encode('Báo cáo'))).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringMatching(/zip/) }));
    expect(() => docxText(zip({ 'a.txt': 'x' }))).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringMatching(/word\/document\.xml/) }));
    const broken = docx(body);
    expect(() => docxText(broken.subarray(0, broken.length - 30))).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
