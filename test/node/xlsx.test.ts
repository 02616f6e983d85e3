// .xlsx in and out: a vendor-style workbook (shared strings, serial dates, sparse cells, a note
// sheet first) reads into the same summary as the clean CSV; the report workbook, opened again,
// holds Biểu II.06a as printed with every cell equal to `summarize`, plus the rates and indices.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { add, CONVENTIONS, createAccumulator, FORM_COLUMNS, formatRate, indices766, period, presetMapping, RATE_NAMES, readRecords, result, sampleRecords, summarize, type Summary } from '../../src/kpi/index';
import { readXlsxRecordBatches, sheetRows } from '../../src/node/xlsx';
import { writeFormII06a } from '../../src/node/reportWorkbook';
import { dvcqgFixture } from '../kpi/_vendorFixture';
import { fakeIo } from '../cli/_io';
import { writeVendorWorkbook } from './_xlsxFixture';

const dir = mkdtempSync(join(tmpdir(), 'motcua-xlsx-'));

async function sheet(path: string, name: string): Promise<Map<number, string[]>> {
  const rows = new Map<number, string[]>();
  for await (const r of sheetRows(path, { sheet: name })) rows.set(r.row, r.cells);
  return rows;
}

/** Check the form sheet against a summary grouped by level and field: every number cell, the headings, STT and labels. */
async function checkForm(path: string, s: Summary, unit: string) {
  const rows = await sheet(path, 'Biểu II.06a');
  expect(rows.get(1)![0]).toBe(unit);
  expect(rows.get(1)![10]).toBe('Biểu số II.06a/VPCP/KSTT');
  expect(rows.get(2)![0]).toBe('KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
  expect(rows.get(4)![0]).toMatch(/^Kỳ báo cáo: /);
  expect(rows.get(7)!.slice(0, 3)).toEqual(['STT', 'Lĩnh vực, công việc giải quyết theo cấp', 'Số hồ sơ nhận giải quyết']);
  expect(rows.get(10)).toEqual(Array.from({ length: 13 }, (_, i) => `(${i + 1})`));
  // the data rows: level subtotal, its fields, …, total
  const levels = ['ministry', 'province', 'district', 'commune'].filter((l) => s.rows.some((r) => r.key.startsWith(`${l} | `)));
  const names: Record<string, string> = { ministry: 'Cấp bộ, ngành', province: 'Cấp tỉnh', district: 'Cấp huyện', commune: 'Cấp xã' };
  const roman = ['I', 'II', 'III', 'IV'];
  let r = 11;
  const num = (cells: string[]) => cells.slice(2, 13).map(Number);
  const want = (c: Summary['total']['counts']) => FORM_COLUMNS.map((k) => c[k]);
  levels.forEach((level, li) => {
    const fields = s.rows.filter((x) => x.key.startsWith(`${level} | `)).sort((a, b) => a.key.localeCompare(b.key, 'vi'));
    const sub = FORM_COLUMNS.map((k) => fields.reduce((t, f) => t + f.counts[k], 0));
    expect(rows.get(r)!.slice(0, 2)).toEqual([roman[li], names[level]]);
    expect(num(rows.get(r)!)).toEqual(sub);
    r++;
    fields.forEach((f, fi) => {
      expect(rows.get(r)!.slice(0, 2)).toEqual([String(fi + 1), f.key.slice(level.length + 3)]);
      expect(num(rows.get(r)!)).toEqual(want(f.counts));
      r++;
    });
  });
  expect(rows.get(r)![1]).toBe('Tổng cộng');
  expect(num(rows.get(r)!)).toEqual(want(s.total.counts));
  // the balance the form shows, and the note when (3) holds more than (7) + (11)
  const t = s.total.counts;
  const notes = [...rows.values()].map((c) => c[0] ?? '').join('\n');
  if (t.excluded > 0) expect(notes).toContain(`Cột (3) gồm ${t.excluded} hồ sơ`);
  // rates and indices
  const rates = await sheet(path, 'Tỷ lệ');
  const rateRows = [...rates.values()].filter((c) => Object.values(RATE_NAMES).includes(c[0]!));
  expect(rateRows.map((c) => c[0])).toEqual(Object.keys(s.total.rates).map((k) => RATE_NAMES[k]));
  Object.values(s.total.rates).forEach((rate, i) => {
    expect(rateRows[i]!.slice(1, 4)).toEqual([String(rate.numerator), String(rate.denominator), rate.value === null ? 'không áp dụng' : formatRate(rate)]);
    if (rate.value !== null) expect(Number(rateRows[i]![4])).toBeCloseTo(rate.value, 12);
  });
  const ind = await sheet(path, 'Chỉ số 766');
  // the indices table, then (from motcua report, #22) the score point by point under its own heading
  const all766 = [...ind.values()];
  const pointsAt = all766.findIndex((c) => c[0] === 'Mã' && c[1] === 'Điểm tối đa');
  const indRows = (pointsAt < 0 ? all766 : all766.slice(0, pointsAt)).filter((c) => /^\d\.\d$/.test(c[0] ?? ''));
  expect(indRows.map((c) => c[0])).toEqual(indices766(t).map((i) => i.code));
  indices766(t).forEach((i, k) => {
    expect(Number(indRows[k]![2])).toBe(i.ratio.numerator);
    expect(Number(indRows[k]![3])).toBe(i.ratio.denominator);
    expect(indRows[k]![6]).toBe(i.score === null ? '-' : String(i.score));
    expect(Number(indRows[k]![7])).toBe(i.points);
  });
}

describe('the report workbook', () => {
  it('holds Biểu II.06a as printed, every cell equal to summarize, and the rates and 766 indices', async () => {
    const s = summarize(sampleRecords({ year: 2025 }), { period: period('2025-Q1'), groupBy: ['level', 'field'] });
    const f = join(dir, 'bieu.xlsx');
    await writeFormII06a(f, s, { unit: 'UBND xã Hương Vĩnh', recipient: 'UBND tỉnh' });
    await checkForm(f, s, 'UBND xã Hương Vĩnh');
    // the same bytes for the same summary (no clock inside)
    const again = join(dir, 'bieu2.xlsx');
    await writeFormII06a(again, s, { unit: 'UBND xã Hương Vĩnh', recipient: 'UBND tỉnh' });
    expect(readFileSync(again).equals(readFileSync(f))).toBe(true);
  });

  it('is a zip and XML that other tools read (unzip -t, Python zipfile and ElementTree)', async () => {
    const s = summarize(sampleRecords({ year: 2025 }), { period: period('2025'), groupBy: ['level', 'field'] });
    const f = join(dir, 'check.xlsx');
    await writeFormII06a(f, s, { unit: 'UBND xã A & B <thử>' });
    expect(execFileSync('unzip', ['-t', f]).toString()).toMatch(/No errors detected/);
    const py = `
import sys, zipfile, xml.etree.ElementTree as ET
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
wb = ET.fromstring(z.read('xl/workbook.xml'))
print('|'.join(s.get('name') for s in wb.find('m:sheets', ns)))
sh = ET.fromstring(z.read('xl/worksheets/sheet1.xml'))
cells = {c.get('r'): ''.join(t.text or '' for t in c.iter('{%s}t' % ns['m'])) or (c.find('m:v', ns).text if c.find('m:v', ns) is not None else '') for c in sh.iter('{%s}c' % ns['m'])}
print(cells['A1']); print(cells['M10'])
`;
    const out = execFileSync('python3', ['-c', py, f]).toString().split('\n');
    expect(out[0]).toBe('Biểu II.06a|Tỷ lệ|Chỉ số 766');
    expect(out[1]).toBe('UBND xã A & B <thử>');
    expect(out[2]).toBe('(13)');
  });
});

describe('reading .xlsx exports', () => {
  it('reads a vendor workbook (shared strings, serial dates, sparse cells, --sheet) into the same summary as the clean CSV', async () => {
    const { vendor, clean, rows, bad } = dvcqgFixture();
    const f = join(dir, 'vendor.xlsx');
    await writeVendorWorkbook(f, vendor);
    const q = period('2024');
    const acc = createAccumulator({ period: q, groupBy: ['level', 'field'] });
    const rejected: string[] = [];
    let n = 0;
    for await (const batch of readXlsxRecordBatches(f, { sheet: 'Hồ sơ', mapping: presetMapping('dvcqg') })) {
      for (const r of batch) {
        n++;
        if (r.ok) add(acc, r.record);
        else rejected.push(`${r.line}: ${r.reason}`);
      }
    }
    const ref = createAccumulator({ period: q, groupBy: ['level', 'field'] });
    for await (const r of readRecords([clean])) if (r.ok) add(ref, r.record);
    expect(n).toBe(rows);
    expect(rejected.length).toBe(bad);
    // the cell is named: sheet row 6, column H (NgayTiepNhan)
    expect(rejected[0]).toMatch(/^6: cell H6: receivedOn \(column "NgayTiepNhan"\): "45353(\.\d+)?" |^6: cell H6: receivedOn \(column "NgayTiepNhan"\): "31\/02\/2024 08:00:00" is not a real date/);
    expect(result(acc).rows).toEqual(result(ref).rows);
    expect(result(acc).total).toEqual(result(ref).total);
  });

  it('names the sheets when the one asked for is missing, and refuses a file that is not a workbook', async () => {
    const f = join(dir, 'two.xlsx');
    await writeVendorWorkbook(f, dvcqgFixture().vendor);
    await expect(async () => {
      for await (const _ of sheetRows(f, { sheet: 'Data' })) void _;
    }).rejects.toThrow('there is no sheet "Data"; the sheets are "Hướng dẫn", "Hồ sơ"');
    const first: string[][] = [];
    for await (const r of sheetRows(f)) first.push(r.cells);
    expect(first[0]).toEqual(['Dữ liệu xuất từ hệ thống một cửa điện tử & Cổng DVCQG']);
    const txt = join(dir, 'not.xlsx');
    (await import('node:fs')).writeFileSync(txt, 'MaHoSo,MaTTHC\n');
    await expect(async () => {
      for await (const _ of sheetRows(txt)) void _;
    }).rejects.toThrow('not a zip file, so not an .xlsx workbook');
  });

  it('motcua report reads an .xlsx export and writes the form as .xlsx and as CSV with a BOM', async () => {
    const { vendor, clean, bad } = dvcqgFixture();
    const f = join(dir, 'export.xlsx');
    await writeVendorWorkbook(f, vendor, 'Data', true);
    const cleanFile = join(dir, 'clean.csv');
    (await import('node:fs')).writeFileSync(cleanFile, clean);
    const out = join(dir, 'bieu-ii06a.xlsx');
    let io = fakeIo();
    expect(await main(['report', f, '--preset', 'dvcqg', '--period', '2024-Q1', '--form', 'ii06a', '--out', out, '--unit', 'UBND huyện Kỳ Sơn', '--assume', 'returnedOn=none,originalDueOn=none,pausedSince=none,digitised=false,eResult=false,paperResultRequired=none,feeDue=false,paidOnline=false,synced=false,complaint=false,reusedData=false,dataStored=false,componentsFromStore=false'], io)).toBe(1);
    // the CLI's words in Vietnamese by default (#19): trang tính "Data", dòng N
    expect(io.err.split('\n').filter((l) => /dòng \d+: /.test(l)).length).toBe(bad);
    expect(io.err).toMatch(/export\.xlsx, trang tính "Data", dòng \d+: ô H\d+: receivedOn \(cột "NgayTiepNhan"\)/);
    const s = summarize((await (async () => {
      const recs = [];
      for await (const r of readRecords([clean])) if (r.ok) recs.push(r.record);
      return recs;
    })()), { period: period('2024-Q1'), groupBy: ['level', 'field'], policy: CONVENTIONS['form-exact'] }); // --form takes the form-exact convention (issue #22)
    await checkForm(out, s, 'UBND huyện Kỳ Sơn');
    // the form as CSV: BOM, numbered Vietnamese headings, the same rows
    const csvOut = join(dir, 'bieu.csv');
    io = fakeIo();
    expect(await main(['report', cleanFile, '--period', '2024-Q1', '--form', 'ii06a', '--out', csvOut, '--assume', 'returnedOn=none,originalDueOn=none,pausedSince=none,digitised=false,eResult=false,paperResultRequired=none,feeDue=false,paidOnline=false,synced=false,complaint=false,reusedData=false,dataStored=false,componentsFromStore=false'], io)).toBe(0);
    const text = readFileSync(csvOut, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('(1) STT,(2) "Lĩnh vực, công việc giải quyết theo cấp",(3) Số hồ sơ nhận giải quyết: tổng số,(4) Số mới tiếp nhận trực tuyến,"(5) Số mới tiếp nhận trực tiếp, qua dịch vụ bưu chính công ích",(6) Số kỳ trước chuyển qua,(7) Số hồ sơ đã giải quyết: tổng số,(8) Đã giải quyết: trước hạn,(9) Đã giải quyết: đúng hạn,(10) Đã giải quyết: quá hạn,(11) Số hồ sơ đang giải quyết: tổng số,(12) Đang giải quyết: trong hạn,(13) Đang giải quyết: quá hạn'.replace('(2) "Lĩnh vực, công việc giải quyết theo cấp"', '"(2) Lĩnh vực, công việc giải quyết theo cấp"'));
    // the rows, the total, an empty row, then the form's notes: the convention, and the columns declared absent (#14)
    const total = lines.indexOf(`,Tổng cộng,${FORM_COLUMNS.map((k) => s.total.counts[k]).join(',')}`);
    expect(total).toBeGreaterThan(1);
    expect(lines[total + 1]).toBe('');
    expect(lines[total + 2]).toMatch(/^"Quy ước: /);
    expect(lines.at(-2)).toMatch(/^"Cột không có trong tệp, giả định \(--assume\): returnedOn=none \(không có\), .*componentsFromStore=false \(không\)"$/);
    expect(lines.at(-1)).toBe('');
    expect(lines[1]).toMatch(/^I,Cấp tỉnh,/);
  });
});
