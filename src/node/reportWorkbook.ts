/**
 * The report as a workbook (Node only, `motcua/node`): Biểu II.06a laid out as printed, then a
 * sheet of rates and a sheet of the Decision 766 indices, Vietnamese throughout.
 * @module
 */
import { formatRate, type FormII06a, formII06a, FORM_HEADINGS, indices766, RATE_NAMES, type Summary } from '../kpi';
import { type WriteCell, type WriteSheet, writeXlsx } from './xlsx';
import { pointRows, type Report766Options, scoreLineVi } from './_points766';

/** Sheet names of the report workbook. */
export const REPORT_SHEETS = { form: 'Biểu II.06a', rates: 'Tỷ lệ', indices: 'Chỉ số 766' } as const;

/** The row (1-based) where the form's numbered row (1)-(13) is, and the first data row after it. */
export const FORM_NUMBER_ROW = 10;

const c = (v: string | number | null, s?: WriteCell['s']): WriteCell => (s ? { v, s } : { v });

/** The sheet of Biểu II.06a as printed: unit and form code, title, period, the three heading rows, (1)-(13), the rows, notes, signatures. */
export function formSheet(form: FormII06a): WriteSheet {
  const H = FORM_HEADINGS;
  const blank13 = (s: WriteCell['s']) => Array.from({ length: 13 }, () => c(null, s));
  const rows: (WriteCell | null)[][] = [];
  const r1 = Array.from({ length: 13 }, () => null as WriteCell | null);
  r1[0] = c(form.unit ?? '', 'center');
  r1[10] = c(form.code, 'center');
  rows.push(r1);
  rows.push([c(form.title, 'title')]);
  rows.push([c(form.subtitle, 'title')]);
  rows.push([c(`Kỳ báo cáo: ${form.periodText}`, 'center')]);
  rows.push([c([form.unit ? `Đơn vị báo cáo: ${form.unit}` : '', form.recipient ? `Đơn vị nhận báo cáo: ${form.recipient}` : ''].filter(Boolean).join('; '), 'note')]);
  rows.push([]);
  // three heading rows (7-9), boxed; merged below
  const h7 = blank13('head');
  h7[0] = c(H.stt, 'head');
  h7[1] = c(H.field, 'head');
  h7[2] = c(H.receivedGroup, 'head');
  h7[6] = c(H.resolvedGroup, 'head');
  h7[10] = c(H.pendingGroup, 'head');
  const h8 = blank13('head');
  h8[2] = c(H.total, 'head');
  h8[3] = c('Số mới tiếp nhận trong kỳ', 'head');
  h8[5] = c(H.carriedOver, 'head');
  h8[6] = c(H.total, 'head');
  h8[7] = c(H.inPeriod, 'head');
  h8[10] = c(H.total, 'head');
  h8[11] = c(H.inPeriod, 'head');
  const h9 = blank13('head');
  h9[3] = c('Trực tuyến', 'head');
  h9[4] = c('Trực tiếp, qua dịch vụ bưu chính công ích', 'head');
  h9[7] = c(H.early, 'head');
  h9[8] = c(H.onTime, 'head');
  h9[9] = c(H.late, 'head');
  h9[11] = c(H.withinTime, 'head');
  h9[12] = c(H.overdue, 'head');
  rows.push(h7, h8, h9);
  rows.push(Array.from({ length: 13 }, (_, i) => c(`(${i + 1})`, 'head')));
  for (const r of form.rows) {
    const bold = r.kind !== 'field';
    rows.push([c(r.stt, bold ? 'bold' : 'text'), c(r.label, bold ? 'bold' : 'text'), ...r.values.map((v) => c(v, bold ? 'boldNum' : 'num'))]);
  }
  rows.push([]);
  const noteStart = rows.length + 1;
  for (const n of form.notes) rows.push([c(n, 'note')]);
  rows.push([]);
  const sign = Array.from({ length: 13 }, () => null as WriteCell | null);
  sign[1] = c('NGƯỜI LẬP BIỂU\n(Ký, ghi rõ họ tên)', 'center');
  sign[9] = c('THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ\n(Ký, ghi rõ họ tên, đóng dấu)', 'center');
  rows.push(sign);
  const signRow = rows.length;
  const merges = [
    'A1:D1', 'K1:M1', 'A2:M2', 'A3:M3', 'A4:M4', 'A5:M5',
    'A7:A9', 'B7:B9', 'C7:F7', 'G7:J7', 'K7:M7', 'C8:C9', 'D8:E8', 'F8:F9', 'G8:G9', 'H8:J8', 'K8:K9', 'L8:M8',
    ...form.notes.map((_, i) => `A${noteStart + i}:M${noteStart + i}`),
    `B${signRow}:E${signRow}`, `J${signRow}:M${signRow}`,
  ];
  return { name: 'Biểu II.06a', rows, merges, widths: [6, 38, 11, 11, 13, 11, 11, 10, 10, 10, 11, 10, 10] };
}

/** The sheet of rates: name, numerator, denominator, the rate as printed and as a number. */
export function ratesSheet(summary: Summary): WriteSheet {
  const rows: (WriteCell | null)[][] = [[c('CÁC TỶ LỆ', 'title')], [c(`Kỳ báo cáo: ${formII06a(summary).periodText}`, 'center')], []];
  rows.push(['Tỷ lệ', 'Tử số', 'Mẫu số', 'Tỷ lệ (in)', 'Tỷ lệ (số)'].map((h) => c(h, 'head')));
  for (const [k, r] of Object.entries(summary.total.rates)) {
    rows.push([c(RATE_NAMES[k] ?? k, 'text'), c(r.numerator, 'num'), c(r.denominator, 'num'), c(r.value === null ? 'không áp dụng' : formatRate(r), 'text'), r.value === null ? c(null, 'pct') : c(r.value, 'pct')]);
  }
  return { name: 'Tỷ lệ', rows, merges: ['A1:E1', 'A2:E2'], widths: [46, 10, 10, 14, 12] };
}

/** The sheet of the Decision 766 indices (of the dossier data, and of the catalogue when given), and the score point by point. */
export function indicesSheet(summary: Summary, extra: Report766Options = {}): WriteSheet {
  const rows: (WriteCell | null)[][] = [[c('CHỈ SỐ ĐÁNH GIÁ THEO QUYẾT ĐỊNH 766/QĐ-TTg', 'title')], [c(`Kỳ báo cáo: ${formII06a(summary).periodText}`, 'center')], []];
  rows.push(['Mã', 'Chỉ số', 'Tử số', 'Mẫu số', 'Tỷ lệ', 'Chỉ tiêu', 'Điểm', 'Điểm tối đa', 'Căn cứ'].map((h) => c(h, 'head')));
  for (const i of extra.indices766 ?? indices766(summary.total.counts)) {
    rows.push([
      c(i.code, 'text'),
      c(i.name, 'text'),
      c(i.ratio.numerator, 'num'),
      c(i.ratio.denominator, 'num'),
      c(i.rounded === null ? 'không áp dụng' : i.rounded, i.rounded === null ? 'text' : 'pct'),
      c(i.target === null ? '-' : i.target, i.target === null ? 'text' : 'pct'),
      c(i.score === null ? '-' : i.score, i.score === null ? 'text' : 'num'),
      c(i.points, 'num'),
      c(i.basis, 'text'),
    ]);
  }
  rows.push([]);
  rows.push([c('[S]: theo nguồn thứ cấp (cách Cổng Dịch vụ công quốc gia tính); [?]: cách hiểu của motcua, chưa được kiểm chứng.', 'note')]);
  const merges = ['A1:I1', 'A2:I2', `A${rows.length}:I${rows.length}`];
  if (extra.score766 !== undefined) {
    rows.push([]);
    rows.push([c(scoreLineVi(extra.score766), 'note')]);
    merges.push(`A${rows.length}:I${rows.length}`);
    rows.push(['Mã', 'Điểm tối đa', 'Đầu vào', 'Tình trạng', 'Điểm / ghi chú'].map((h) => c(h, 'head')));
    for (const [code, points, input, status, note] of pointRows(extra.score766, extra.handlingTime766)) {
      rows.push([c(code, 'text'), c(points, 'num'), c(input, 'text'), c(status, 'text'), c(note, 'text')]);
      merges.push(`E${rows.length}:I${rows.length}`);
    }
  }
  return { name: 'Chỉ số 766', rows, merges, widths: [6, 46, 10, 10, 10, 11, 8, 11, 8] };
}

/**
 * Write the report workbook (ghi biểu ra tệp Excel): the sheet `Biểu II.06a` laid out as printed
 * (Circular 01/2020/TT-VPCP: unit and form code, title, period in words, STT and the numbered
 * columns (1)-(13), rows by level then field with subtotals, the total, notes, signatures),
 * then `Tỷ lệ` (the rates) and `Chỉ số 766` (the Decision 766 indices). Summarise with
 * `groupBy: ['level', 'field']`.
 *
 * @example
 * ```ts
 * import { writeFormII06a } from 'motcua/node';
 * import { period, sampleRecords, summarize } from 'motcua/kpi';
 * const s = summarize(sampleRecords({ year: 2025 }), { period: period('2025-Q1'), groupBy: ['level', 'field'] });
 * await writeFormII06a('bieu-ii06a.xlsx', s, { unit: 'UBND xã A', recipient: 'UBND tỉnh B' });
 * ```
 */
export async function writeFormII06a(path: string, summary: Summary, options: { unit?: string; recipient?: string; notes?: readonly string[] } & Report766Options = {}): Promise<void> {
  await writeXlsx(path, [formSheet(formII06a(summary, options)), ratesSheet(summary), indicesSheet(summary, options)]);
}
