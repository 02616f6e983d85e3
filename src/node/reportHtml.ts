/**
 * The report as one self-contained HTML page (báo cáo dạng trang web): Biểu II.06a as printed,
 * the rates and 766 indices, and bar charts (inline SVG) of the on-time and online rates by
 * month of receipt and by field. No script, no external resource: it opens offline and prints.
 * @module
 */
import { FORM_HEADINGS, formatRate, formII06a, indices766, type Rate, RATE_NAMES, regroup, type Summary } from '../kpi';
import { pointRows, type Report766Options, scoreLineVi } from './_points766';

/** 1234567 as 1.234.567, the Vietnamese way, whatever ICU the runtime has. */
const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, '.');

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** One bar of a chart: a label and a rate (null: not applicable, drawn as a dash). */
interface Bar {
  readonly label: string;
  readonly rate: Rate;
}

/** Horizontal bar chart of rates in %, as inline SVG, with the printed figure and fraction beside each bar. */
function barChart(title: string, bars: readonly Bar[], colour: string): string {
  const rowH = 26;
  const labelW = 230;
  const barW = 360;
  const h = 40 + bars.length * rowH + 24;
  const w = labelW + barW + 170;
  const parts: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${esc(title)}">`, `<title>${esc(title)}</title>`];
  parts.push(`<text x="0" y="18" font-size="15" font-weight="bold">${esc(title)}</text>`);
  for (const t of [0, 25, 50, 75, 100]) {
    const x = labelW + (barW * t) / 100;
    parts.push(`<line x1="${x}" y1="30" x2="${x}" y2="${h - 22}" stroke="#ccc" stroke-width="1"/>`, `<text x="${x}" y="${h - 6}" font-size="11" text-anchor="middle" fill="#555">${t}%</text>`);
  }
  bars.forEach((b, i) => {
    const y = 36 + i * rowH;
    const label = b.label.length > 34 ? `${b.label.slice(0, 33)}…` : b.label;
    parts.push(`<text x="${labelW - 8}" y="${y + 15}" font-size="12" text-anchor="end"><title>${esc(b.label)}</title>${esc(label)}</text>`);
    if (b.rate.value === null) {
      parts.push(`<text x="${labelW + 4}" y="${y + 15}" font-size="12" fill="#777">không áp dụng (0 hồ sơ)</text>`);
      return;
    }
    const bw = Math.max(1, barW * b.rate.value);
    parts.push(`<rect x="${labelW}" y="${y + 3}" width="${bw.toFixed(1)}" height="${rowH - 8}" fill="${colour}"><title>${esc(`${b.label}: ${formatRate(b.rate)} (${b.rate.numerator}/${b.rate.denominator})`)}</title></rect>`);
    parts.push(`<text x="${labelW + barW + 8}" y="${y + 15}" font-size="12">${esc(formatRate(b.rate))} (${b.rate.numerator}/${b.rate.denominator})</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

/**
 * The report page. Give it a summary grouped by `['level', 'field', 'month']` (what
 * `motcua report --format html` does): the form is regrouped by level and field, the charts by
 * month of receipt and by field. A summary with fewer keys gives the parts it can.
 *
 * @example
 * ```ts
 * import { reportHtml } from 'motcua/node';
 * import { period, sampleRecords, summarize } from 'motcua/kpi';
 * const s = summarize(sampleRecords({ year: 2025 }), { period: period('2025-Q1'), groupBy: ['level', 'field', 'month'] });
 * reportHtml(s, { unit: 'UBND xã A' }).startsWith('<!DOCTYPE html>'); // true
 * ```
 */
export function reportHtml(summary: Summary, options: { unit?: string; recipient?: string; notes?: readonly string[]; rejectedCount?: number } & Report766Options = {}): string {
  const has = (g: 'level' | 'field' | 'month') => summary.groupBy.includes(g);
  const formGroups = (['level', 'field'] as const).filter(has);
  const form = formII06a(regroup(summary, [...formGroups]), options);
  const H = FORM_HEADINGS;
  const th = (t: string, attrs = '') => `<th${attrs}>${esc(t)}</th>`;
  const head = [
    `<tr>${th(H.stt, ' rowspan="3"')}${th(H.field, ' rowspan="3"')}${th(H.receivedGroup, ' colspan="4"')}${th(H.resolvedGroup, ' colspan="4"')}${th(H.pendingGroup, ' colspan="3"')}</tr>`,
    `<tr>${th(H.total, ' rowspan="2"')}${th('Số mới tiếp nhận trong kỳ', ' colspan="2"')}${th(H.carriedOver, ' rowspan="2"')}${th(H.total, ' rowspan="2"')}${th(H.inPeriod, ' colspan="3"')}${th(H.total, ' rowspan="2"')}${th(H.inPeriod, ' colspan="2"')}</tr>`,
    `<tr>${th('Trực tuyến')}${th('Trực tiếp, qua dịch vụ bưu chính công ích')}${th(H.early)}${th(H.onTime)}${th(H.late)}${th(H.withinTime)}${th(H.overdue)}</tr>`,
    `<tr class="num">${Array.from({ length: 13 }, (_, i) => th(`(${i + 1})`)).join('')}</tr>`,
  ].join('\n');
  const body = form.rows.map((r) => `<tr class="${r.kind}"><td>${esc(r.stt)}</td><td class="label">${esc(r.label)}</td>${r.values.map((v) => `<td class="n">${thousands(v)}</td>`).join('')}</tr>`).join('\n');
  const rates = Object.entries(summary.total.rates)
    .map(([k, r]) => `<tr><td class="label">${esc(RATE_NAMES[k] ?? k)}</td><td class="n">${r.numerator}</td><td class="n">${r.denominator}</td><td class="n">${r.value === null ? 'không áp dụng' : esc(formatRate(r))}</td></tr>`)
    .join('\n');
  const indices = (options.indices766 ?? indices766(summary.total.counts))
    .map((i) => `<tr><td>${esc(i.code)}</td><td class="label">${esc(i.name)}</td><td class="n">${i.rounded === null ? 'không áp dụng' : formatRate(i.ratio)}</td><td class="n">${i.target === null ? '-' : `${Math.round(i.target * 100)}%`}</td><td class="n">${i.score === null ? '-' : String(i.score).replace('.', ',')} / ${i.points}</td><td>${i.basis}</td></tr>`)
    .join('\n');
  const charts: string[] = [];
  if (has('month')) {
    const m = regroup(summary, ['month']).rows;
    const monthLabel = (k: string) => `Tháng ${Number(k.slice(5, 7))}/${k.slice(0, 4)}`;
    charts.push(barChart('Tỷ lệ giải quyết đúng và trước hạn, theo tháng tiếp nhận', m.map((r) => ({ label: monthLabel(r.key), rate: r.rates.onTime })), '#2e7d32'));
    charts.push(barChart('Tỷ lệ hồ sơ trực tuyến, theo tháng tiếp nhận', m.map((r) => ({ label: monthLabel(r.key), rate: r.rates.online })), '#1565c0'));
  }
  if (has('field')) {
    const f = regroup(summary, ['field']).rows;
    charts.push(barChart('Tỷ lệ giải quyết đúng và trước hạn, theo lĩnh vực', f.map((r) => ({ label: r.key, rate: r.rates.onTime })), '#2e7d32'));
    charts.push(barChart('Tỷ lệ hồ sơ trực tuyến, theo lĩnh vực', f.map((r) => ({ label: r.key, rate: r.rates.online })), '#1565c0'));
  }
  const css = `body{font-family:"Times New Roman",Times,serif;margin:24px;color:#111;max-width:1200px}
h1,h2{text-align:center;margin:4px 0}h1{font-size:20px}h2{font-size:16px}h3{font-size:16px;margin-top:28px}
.top{display:flex;justify-content:space-between;font-weight:bold}.period{text-align:center;margin:6px 0 14px}
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border:1px solid #444;padding:4px 6px;font-size:13px}
th{background:#f3f3f3;text-align:center}td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.level td,tr.total td{font-weight:bold}tr.total td{background:#fafafa}.notes{font-style:italic;font-size:13px}
.charts{display:flex;flex-wrap:wrap;gap:18px}.charts svg{font-family:Arial,Helvetica,sans-serif;background:#fff}
@media print{.charts{break-before:page}}`;
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`Biểu II.06a – ${form.periodText}`)}</title>
<style>${css}</style>
</head>
<body>
<div class="top"><span>${esc(form.unit ?? '')}</span><span>${esc(form.code)}</span></div>
<h1>${esc(form.title)}</h1>
<h2>${esc(form.subtitle)}</h2>
<p class="period">Kỳ báo cáo: ${esc(form.periodText)}${form.recipient ? `<br>Đơn vị nhận báo cáo: ${esc(form.recipient)}` : ''}</p>
<table class="form">
<thead>
${head}
</thead>
<tbody>
${body}
</tbody>
</table>
<div class="notes">${form.notes.map((n) => `<p>${esc(n)}</p>`).join('')}${options.rejectedCount ? `<p>${options.rejectedCount} dòng dữ liệu bị loại (xem danh sách lỗi).</p>` : ''}</div>
<h3>Biểu đồ</h3>
<div class="charts">
${charts.join('\n')}
</div>
<h3>Các tỷ lệ</h3>
<table class="rates"><thead><tr><th>Tỷ lệ</th><th>Tử số</th><th>Mẫu số</th><th>Tỷ lệ</th></tr></thead><tbody>
${rates}
</tbody></table>
<h3>Chỉ số đánh giá theo Quyết định 766/QĐ-TTg</h3>
<table class="indices"><thead><tr><th>Mã</th><th>Chỉ số</th><th>Tỷ lệ</th><th>Chỉ tiêu</th><th>Điểm</th><th>Căn cứ</th></tr></thead><tbody>
${indices}
</tbody></table>
${options.score766 === undefined ? '' : `<p>${esc(scoreLineVi(options.score766))}</p>
<table class="points"><thead><tr><th>Mã</th><th>Điểm tối đa</th><th>Đầu vào</th><th>Tình trạng</th><th>Điểm / ghi chú</th></tr></thead><tbody>
${pointRows(options.score766, options.handlingTime766).map(([code, points, input, status, note]) => `<tr><td>${esc(code)}</td><td class="n">${points}</td><td>${esc(input)}</td><td>${esc(status)}</td><td class="label">${esc(note)}</td></tr>`).join('\n')}
</tbody></table>`}
</body>
</html>
`;
}
