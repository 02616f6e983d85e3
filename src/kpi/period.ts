import { MotcuaError, show } from '../errors';
import { civilFromDays, daysFromCivil, daysInMonth, formatDate, parseDate } from '../_lib/civil/date';
import type { CivilDate } from '../calendar/types';

/** A reporting period (kỳ báo cáo): civil dates, both ends included. */
export interface Period {
  readonly from: CivilDate;
  readonly to: CivilDate;
  /** How it was named, e.g. `2024-Q1` or `2024-Q1 (statistical)`. */
  readonly label: string;
}

const ISO_PERIOD = /^(\d{4})(?:-(Q[1-4]|H[12]|9M|\d{2}))?$/;

function bounds(y: number, q: string | undefined): [number, number, number, number] {
  if (q === undefined) return [y, 1, y, 12];
  if (q.startsWith('Q')) {
    const k = Number(q.slice(1));
    return [y, 3 * k - 2, y, 3 * k];
  }
  // 6 tháng đầu năm, 6 tháng cuối năm, 9 tháng (the half-year and nine-month reports)
  if (q === 'H1') return [y, 1, y, 6];
  if (q === 'H2') return [y, 7, y, 12];
  if (q === '9M') return [y, 1, y, 9];
  const m = Number(q);
  return [y, m, y, m];
}

/**
 * A calendar period (kỳ theo tháng, quý, năm dương lịch) as the national portal uses:
 * `'2024'`, `'2024-Q1'`, `'2024-03'`; the half-years `'2024-H1'` (6 tháng đầu năm) and
 * `'2024-H2'` (6 tháng cuối năm) and the first nine months `'2024-9M'` (9 tháng); or any range
 * `{ from, to }`. `periodInWords` names it as reports write it.
 * With `statistical: true`, the cut-off periods of the statistical regime [?]: a month runs from
 * the 15th of the previous month to the 14th, a quarter from the 15th of the month before it to
 * the 14th of its last month, a year from 15/12 of the previous year to 14/12.
 *
 * @throws {MotcuaError} `INVALID_INPUT` naming `period`.
 *
 * @example
 * ```ts
 * import { period } from 'motcua/kpi';
 * period('2024-Q1'); // { from: '2024-01-01', to: '2024-03-31', label: '2024-Q1' }
 * period('2024-Q1', { statistical: true }); // { from: '2023-12-15', to: '2024-03-14', … }
 * period({ from: '2024-02-01', to: '2024-02-29' }).label; // '2024-02-01..2024-02-29'
 * ```
 */
export function period(spec: string | { from: CivilDate; to: CivilDate }, options: { statistical?: boolean } = {}): Period {
  if (typeof spec === 'object' && spec !== null) {
    const a = parseDate(spec.from, 'period.from');
    const b = parseDate(spec.to, 'period.to');
    if (b < a) throw new MotcuaError('INVALID_INPUT', { vi: `kỳ báo cáo kết thúc (${spec.to}) trước khi bắt đầu (${spec.from})`, en: `period ends (${spec.to}) before it starts (${spec.from})` }, spec, 'period');
    return { from: spec.from, to: spec.to, label: `${spec.from}..${spec.to}` };
  }
  const m = typeof spec === 'string' ? ISO_PERIOD.exec(spec) : null;
  if (!m || (m[2] && /^\d{2}$/.test(m[2]) && (Number(m[2]) < 1 || Number(m[2]) > 12))) {
    throw new MotcuaError('INVALID_INPUT', { vi: `cần một kỳ báo cáo như "2024", "2024-Q1", "2024-H1", "2024-9M", "2024-03" hoặc { from, to }, nhận được ${show(spec, 'vi')}`, en: `expected a period such as "2024", "2024-Q1", "2024-H1", "2024-9M", "2024-03" or { from, to }, got ${show(spec)}` }, spec, 'period');
  }
  const [y1, m1, y2, m2] = bounds(Number(m[1]), m[2]);
  if (options.statistical) {
    const start = daysFromCivil(y1, m1, 1);
    const [py, pm] = civilFromDays(start - 1);
    return { from: formatDate(daysFromCivil(py, pm, 15)), to: formatDate(daysFromCivil(y2, m2, 14)), label: `${spec} (statistical)` };
  }
  return { from: formatDate(daysFromCivil(y1, m1, 1)), to: formatDate(daysFromCivil(y2, m2, daysInMonth(y2, m2))), label: spec as string };
}
