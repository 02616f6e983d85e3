/**
 * Biểu II.06a laid out as the form is printed (Circular 01/2020/TT-VPCP): title, reporting unit,
 * period in words, the numbered columns (1)-(13), rows by level then field with STT, level
 * subtotals and the total. Plain data, for any output (workbook, CSV, HTML).
 * @module
 */
import { MotcuaError } from '../errors';
import type { Period } from './period';
import { daysInMonth } from '../_lib/civil/date';
import { type LocaleOptions, localeOf } from '../_lib/locale';
import type { Summary } from './result';
import type { Counts, RecordLevel } from './types';

/** The counts of columns (3)-(13), in order. */
export const FORM_COLUMNS: readonly (keyof Counts)[] = ['received', 'online', 'directOrPostal', 'carriedOver', 'resolved', 'early', 'onTime', 'late', 'pending', 'withinTime', 'overdue'];

/**
 * The headings of the form, [S]: the layout of Biểu II.06a as portals and offices print it
 * (Circular 01/2020/TT-VPCP); the exact wording of the printed form was not checked against
 * the Circular's annex.
 */
export const FORM_HEADINGS = {
  code: 'Biểu số II.06a/VPCP/KSTT',
  title: 'KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
  subtitle: 'TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
  stt: 'STT',
  field: 'Lĩnh vực, công việc giải quyết theo cấp',
  receivedGroup: 'Số hồ sơ nhận giải quyết',
  resolvedGroup: 'Số hồ sơ đã giải quyết',
  pendingGroup: 'Số hồ sơ đang giải quyết',
  total: 'Tổng số',
  inPeriod: 'Trong đó',
  online: 'Số mới tiếp nhận trực tuyến',
  directOrPostal: 'Số mới tiếp nhận trực tiếp, qua dịch vụ bưu chính công ích',
  carriedOver: 'Số kỳ trước chuyển qua',
  early: 'Trước hạn',
  onTime: 'Đúng hạn',
  late: 'Quá hạn',
  withinTime: 'Trong hạn',
  overdue: 'Quá hạn',
  grandTotal: 'Tổng cộng',
} as const;

/** Vietnamese names of the levels, in the order the form lists them. */
export const LEVEL_NAMES: Readonly<Record<RecordLevel, string>> = { ministry: 'Cấp bộ, ngành', province: 'Cấp tỉnh', district: 'Cấp huyện', commune: 'Cấp xã' };
const LEVEL_ORDER: readonly RecordLevel[] = ['ministry', 'province', 'district', 'commune'];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** One row of the form's table. */
export interface FormRow {
  /** `level`: a level's heading with its subtotal; `field`: a field within it; `total`: the last row. */
  readonly kind: 'level' | 'field' | 'total';
  /** STT as printed: I, II for levels, 1, 2 for fields, empty for the total. */
  readonly stt: string;
  readonly label: string;
  /** Columns (3)-(13), in {@link FORM_COLUMNS} order. */
  readonly values: readonly number[];
  /** The summary row (or rows, for a subtotal) it comes from, by key. */
  readonly keys: readonly string[];
}

/** Biểu II.06a as a table to print. */
export interface FormII06a {
  readonly code: string;
  readonly title: string;
  readonly subtitle: string;
  /** e.g. `Quý I/2024 (từ ngày 01/01/2024 đến ngày 31/03/2024)`. */
  readonly periodText: string;
  readonly unit: string | null;
  readonly recipient: string | null;
  readonly rows: readonly FormRow[];
  /** Lines printed under the table: the conventions, and what (3) holds besides (7) and (11). */
  readonly notes: readonly string[];
}

const dmy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The kind of calendar period a label or a range of dates is, with its year. */
function kindOf(p: Period, label: string): { y: string; kind: 'year' | 'H1' | 'H2' | '9M' | 'quarter' | 'month'; n: number } | null {
  const m = /^(\d{4})(?:-(Q[1-4]|H[12]|9M|\d{2}))?$/.exec(label);
  if (m) {
    const q = m[2];
    if (q === undefined) return { y: m[1]!, kind: 'year', n: 0 };
    if (q === 'H1' || q === 'H2' || q === '9M') return { y: m[1]!, kind: q, n: 0 };
    if (q.startsWith('Q')) return { y: m[1]!, kind: 'quarter', n: Number(q.slice(1)) };
    return { y: m[1]!, kind: 'month', n: Number(q) };
  }
  // a range { from, to } that is one of them is named as such
  const y = p.from.slice(0, 4);
  if (!/^\d{4}$/.test(y) || p.to.slice(0, 4) !== y || p.from.slice(8) !== '01') return null;
  const m1 = Number(p.from.slice(5, 7));
  const m2 = Number(p.to.slice(5, 7));
  if (!(m2 >= 1 && m2 <= 12) || Number(p.to.slice(8)) !== daysInMonth(Number(y), m2)) return null;
  if (m1 === 1 && m2 === 12) return { y, kind: 'year', n: 0 };
  if (m1 === 1 && m2 === 6) return { y, kind: 'H1', n: 0 };
  if (m1 === 7 && m2 === 12) return { y, kind: 'H2', n: 0 };
  if (m1 === 1 && m2 === 9) return { y, kind: '9M', n: 0 };
  if (m1 === m2) return { y, kind: 'month', n: m1 };
  if (m2 === m1 + 2 && m1 % 3 === 1) return { y, kind: 'quarter', n: (m1 + 2) / 3 };
  return null;
}

/**
 * A reporting period in words, as reports write it (kỳ báo cáo): in Vietnamese (default)
 * `Quý I/2024`, `6 tháng đầu năm 2024`, `6 tháng cuối năm 2024`, `9 tháng năm 2024`, `Năm 2024`,
 * `Tháng 3/2024`, or `Từ ngày 05/01/2024 đến ngày 20/02/2024` for any other range; with
 * `locale: 'en'`: `Q1 2024`, `First half of 2024`, `Second half of 2024`, `First nine months of
 * 2024`, `Year 2024`, `March 2024`, `From 05/01/2024 to 20/02/2024`. A range `{ from, to }` that
 * is one of these periods is named as such; a statistical period (`period(…, { statistical: true })`)
 * says so: `(kỳ thống kê)`, `(statistical period)`.
 *
 * @example
 * ```ts
 * import { period, periodInWords } from 'motcua/kpi';
 * periodInWords(period('2024-Q1')); // 'Quý I/2024'
 * periodInWords(period('2024-H1')); // '6 tháng đầu năm 2024'
 * periodInWords(period('2024-9M')); // '9 tháng năm 2024'
 * periodInWords(period('2024-03'), { locale: 'en' }); // 'March 2024'
 * ```
 */
export function periodInWords(p: Period, options?: LocaleOptions): string {
  const en = localeOf(options) === 'en';
  const label = p.label.replace(/ \(statistical\)$/, '');
  const stat = label !== p.label ? (en ? ' (statistical period)' : ' (kỳ thống kê)') : '';
  const k = kindOf(p, label);
  if (k === null) return en ? `From ${dmy(p.from)} to ${dmy(p.to)}` : `Từ ngày ${dmy(p.from)} đến ngày ${dmy(p.to)}`;
  const words = en
    ? { year: `Year ${k.y}`, H1: `First half of ${k.y}`, H2: `Second half of ${k.y}`, '9M': `First nine months of ${k.y}`, quarter: `Q${k.n} ${k.y}`, month: `${MONTHS_EN[k.n - 1]} ${k.y}` }
    : { year: `Năm ${k.y}`, H1: `6 tháng đầu năm ${k.y}`, H2: `6 tháng cuối năm ${k.y}`, '9M': `9 tháng năm ${k.y}`, quarter: `Quý ${ROMAN[k.n - 1]}/${k.y}`, month: `Tháng ${k.n}/${k.y}` };
  return `${words[k.kind]}${stat}`;
}

/** Where a kind of end is counted, in the note under the form. */
function place(x: 'resolved' | 'excluded' | 'on-time'): string {
  return x === 'resolved' ? 'tính vào (7)' : x === 'on-time' ? 'tính vào (7), cột đúng hạn (9)' : 'không tính vào (7)';
}

/**
 * Lay out a summary as Biểu II.06a (biểu mẫu): rows by level (I, II, … with their subtotals),
 * then by field (1, 2, …), then the total. Give it a summary grouped by `['level', 'field']`;
 * a summary grouped by `field` alone gives field rows without level headings, and one not
 * grouped gives the total only.
 *
 * The form's balance is (3) = (7) + (11). A summary also keeps dossiers that ended outside (7)
 * (withdrawn or stopped, by the default policy) in (3): when there are any, a note under the
 * table says how many. The `form-exact` convention (`CONVENTIONS['form-exact']`, the default of
 * `motcua report --form`) counts them in (7), column (9), so (3) = (7) + (11) exactly.
 *
 * `notes` adds notes of your own after the form's (ghi chú thêm), e.g. the columns your export
 * lacks and the value assumed for them, which change the figures (`motcua report --assume`).
 *
 * @throws {MotcuaError} `INVALID_INPUT` (field `summary.groupBy`) when the summary is grouped by
 *   anything else than level and field.
 *
 * @example
 * ```ts
 * import { formII06a, period, sampleRecords, summarize } from 'motcua/kpi';
 * const s = summarize(sampleRecords({ year: 2025 }), { period: period('2025-Q1'), groupBy: ['level', 'field'] });
 * const form = formII06a(s, { unit: 'UBND xã A' });
 * form.rows.at(-1)!.values[0] === s.total.counts.received; // true
 * ```
 */
export function formII06a(summary: Summary, options: { unit?: string; recipient?: string; notes?: readonly string[] } = {}): FormII06a {
  const by = summary.groupBy.join(',');
  if (!['level,field', 'field', 'level', ''].includes(by)) {
    throw new MotcuaError('INVALID_INPUT', { vi: `Biểu II.06a liệt kê các dòng theo cấp rồi theo lĩnh vực: hãy tổng hợp với groupBy ["level", "field"], không phải [${summary.groupBy.join(', ')}]`, en: `Biểu II.06a lists rows by level then field: summarise with groupBy ['level', 'field'], not [${summary.groupBy.join(', ')}]` }, summary.groupBy, 'summary.groupBy');
  }
  const vals = (c: Counts) => FORM_COLUMNS.map((k) => c[k]);
  const rows: FormRow[] = [];
  const collator = new Intl.Collator('vi');
  if (by === 'level,field' || by === 'level') {
    const byLevel = new Map<string, { field: string; key: string; counts: Counts }[]>();
    for (const r of summary.rows) {
      const [level, field] = by === 'level' ? [r.key, ''] : splitKey(r.key);
      const list = byLevel.get(level) ?? [];
      list.push({ field, key: r.key, counts: r.counts });
      byLevel.set(level, list);
    }
    const levels = [...byLevel.keys()].sort((a, b) => LEVEL_ORDER.indexOf(a as RecordLevel) - LEVEL_ORDER.indexOf(b as RecordLevel));
    levels.forEach((level, li) => {
      const list = byLevel.get(level)!.sort((a, b) => collator.compare(a.field, b.field));
      const sub = FORM_COLUMNS.map((k) => list.reduce((s, x) => s + x.counts[k], 0));
      rows.push({ kind: 'level', stt: ROMAN[li] ?? String(li + 1), label: LEVEL_NAMES[level as RecordLevel] ?? level, values: sub, keys: list.map((x) => x.key) });
      if (by === 'level,field') list.forEach((x, fi) => rows.push({ kind: 'field', stt: String(fi + 1), label: x.field, values: vals(x.counts), keys: [x.key] }));
    });
  } else if (by === 'field') {
    [...summary.rows].sort((a, b) => collator.compare(a.key, b.key)).forEach((r, i) => rows.push({ kind: 'field', stt: String(i + 1), label: r.key, values: vals(r.counts), keys: [r.key] }));
  }
  rows.push({ kind: 'total', stt: '', label: FORM_HEADINGS.grandTotal, values: vals(summary.total.counts), keys: summary.rows.map((r) => r.key) });
  const t = summary.total.counts;
  const p = summary.policy;
  const notes = [
    `Quy ước: hồ sơ từ chối giải quyết ${place(p.refused)}; hồ sơ rút ${place(p.withdrawn)}; hồ sơ dừng xử lý ${place(p.stopped)}; bổ sung hồ sơ theo ${p.supplements === 'decision-766' ? 'Quyết định 766/QĐ-TTg' : 'quy định (tính lại thời hạn)'}.`,
    ...(t.excluded > 0 ? [`Cột (3) gồm ${t.excluded} hồ sơ đã kết thúc trong kỳ nhưng không tính vào (7) và (11) (rút hồ sơ: ${t.withdrawn}; dừng xử lý: ${t.stopped}): (3) = (7) + (11) + ${t.excluded}.`] : []),
    ...(summary.asOf !== summary.period.to ? [`Số liệu tính đến ngày ${dmy(summary.asOf)}.`] : []),
    ...(options.notes ?? []),
  ];
  return {
    code: FORM_HEADINGS.code,
    title: FORM_HEADINGS.title,
    subtitle: FORM_HEADINGS.subtitle,
    periodText: `${periodInWords(summary.period)} (từ ngày ${dmy(summary.period.from)} đến ngày ${dmy(summary.period.to)})`,
    unit: options.unit ?? null,
    recipient: options.recipient ?? null,
    rows,
    notes,
  };
}

/** A `level | field` group key split in two (a field may itself hold ` | `). */
function splitKey(key: string): [string, string] {
  const i = key.indexOf(' | ');
  return i < 0 ? [key, ''] : [key.slice(0, i), key.slice(i + 3)];
}

/** Vietnamese names of the rates (tên tỷ lệ), by key of `Rates`. */
export const RATE_NAMES: Readonly<Record<string, string>> = {
  onTime: 'Tỷ lệ giải quyết đúng và trước hạn',
  late: 'Tỷ lệ giải quyết quá hạn',
  overdue: 'Tỷ lệ hồ sơ đang giải quyết quá hạn',
  online: 'Tỷ lệ hồ sơ tiếp nhận trực tuyến',
  digitisation: 'Tỷ lệ số hóa hồ sơ',
  eResult: 'Tỷ lệ cấp kết quả điện tử',
  onlinePayment: 'Tỷ lệ thanh toán trực tuyến',
  sync: 'Tỷ lệ đồng bộ lên Cổng Dịch vụ công quốc gia',
  satisfaction: 'Tỷ lệ không có phản ánh, kiến nghị',
};

/** The column headings of the form in one row each, numbered as printed: `(3) Tổng số hồ sơ nhận giải quyết`, … */
export const FORM_FLAT_HEADINGS: readonly string[] = [
  `(1) ${FORM_HEADINGS.stt}`,
  `(2) ${FORM_HEADINGS.field}`,
  `(3) ${FORM_HEADINGS.receivedGroup}: ${FORM_HEADINGS.total.toLowerCase()}`,
  `(4) ${FORM_HEADINGS.online}`,
  `(5) ${FORM_HEADINGS.directOrPostal}`,
  `(6) ${FORM_HEADINGS.carriedOver}`,
  `(7) ${FORM_HEADINGS.resolvedGroup}: ${FORM_HEADINGS.total.toLowerCase()}`,
  `(8) Đã giải quyết: ${FORM_HEADINGS.early.toLowerCase()}`,
  `(9) Đã giải quyết: ${FORM_HEADINGS.onTime.toLowerCase()}`,
  `(10) Đã giải quyết: ${FORM_HEADINGS.late.toLowerCase()}`,
  `(11) ${FORM_HEADINGS.pendingGroup}: ${FORM_HEADINGS.total.toLowerCase()}`,
  `(12) Đang giải quyết: ${FORM_HEADINGS.withinTime.toLowerCase()}`,
  `(13) Đang giải quyết: ${FORM_HEADINGS.overdue.toLowerCase()}`,
];

const csvCell = (v: string | number) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/**
 * The form as CSV for a spreadsheet program (tệp CSV của biểu): a UTF-8 byte order mark (so
 * Excel reads the Vietnamese), one heading row numbered as the form, then the rows with their
 * STT, level subtotals and the total. CRLF line ends. With `{ notes: true }`, the form's notes
 * follow after an empty row, one a row in the first cell (as under the printed form).
 *
 * @example
 * ```ts
 * import { formII06a, formII06aCsv, period, sampleRecords, summarize } from 'motcua/kpi';
 * const s = summarize(sampleRecords({ year: 2025 }), { period: period('2025-Q1'), groupBy: ['level', 'field'] });
 * formII06aCsv(formII06a(s)).startsWith('\uFEFF(1) STT,'); // true
 * ```
 */
export function formII06aCsv(form: FormII06a, options: { notes?: boolean } = {}): string {
  const lines = [FORM_FLAT_HEADINGS.map(csvCell).join(','), ...form.rows.map((r) => [r.stt, r.label, ...r.values].map(csvCell).join(','))];
  if (options.notes === true && form.notes.length > 0) lines.push('', ...form.notes.map(csvCell));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
