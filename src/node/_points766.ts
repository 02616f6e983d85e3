/**
 * The Decision 766 score in the report files (HTML page, workbook), Vietnamese throughout: for each
 * point of the 100 its input and status (#22). @internal
 */
import type { HandlingTime766, Index766, Point766, PointStatus, Score766 } from '../kpi';

/** What the report files take beyond the summary: the indices (dossiers and catalogue), index 2.2 and the score. */
export interface Report766Options {
  /** The indices to list (default: `indices766` of the total's counts). */
  readonly indices766?: readonly Index766[];
  /** The score, listed point by point. */
  readonly score766?: Score766;
  /** Index 2.2, when computed. */
  readonly handlingTime766?: HandlingTime766;
}

export const INPUT_VI: Readonly<Record<Point766['input'], string>> = { dossiers: 'Dữ liệu hồ sơ', catalogue: 'Danh mục TTHC', none: '-' };
export const STATUS_VI: Readonly<Record<PointStatus, string>> = {
  computed: 'Đã tính',
  estimated: 'Ước tính [?]',
  'not-applicable': 'Không áp dụng (mẫu số bằng 0)',
  missing: 'Chưa có đầu vào',
  unmodelled: 'motcua chưa tính',
};

const dec = (x: number | null) => (x === null ? '-' : String(x).replace('.', ','));

/** One row per point: code, points, input, status, score (or a note). */
export function pointRows(score: Score766, handling?: HandlingTime766): [string, number, string, string, string][] {
  return score.points.map((p) => {
    let note = p.score === null ? '-' : dec(p.score);
    if (p.code === '2.2') {
      note = handling === undefined
        ? '-'
        : handling.total.dossiers === 0
          ? 'không có hồ sơ đã giải quyết; không có điểm riêng'
          : `TB ${dec(handling.total.averageWorkingDays)} ngày làm việc (${dec(handling.total.averageDays)} ngày), ${handling.total.dossiers} hồ sơ, ${handling.byProcedure.length} TTHC; ${handling.supplementWaitsKnown === 0 ? 'chưa trừ thời gian chờ bổ sung' : handling.supplementWaitsKnown === handling.total.dossiers ? `đã trừ thời gian chờ bổ sung (${handling.supplementWaitsSubtracted} hồ sơ)` : `đã trừ thời gian chờ bổ sung ở ${handling.supplementWaitsKnown} hồ sơ, chưa trừ ở ${handling.total.dossiers - handling.supplementWaitsKnown} hồ sơ`}; không có điểm riêng`;
    }
    return [p.code, p.points, INPUT_VI[p.input], STATUS_VI[p.status], note];
  });
}

/** The score line: earned out of the points scored, and what was not scored. */
export function scoreLineVi(score: Score766): string {
  const pts = (s: PointStatus) => score.points.filter((p) => p.status === s).reduce((a, p) => a + p.points, 0);
  return `Điểm Quyết định 766: ${dec(score.total.earned)} / ${score.total.scoredMax} điểm đã tính được trên 100 (ước tính [?]: ${pts('estimated')}); chưa tính ${score.total.unscored} điểm (chưa có đầu vào: ${pts('missing')}; motcua chưa tính: ${pts('unmodelled')}; không áp dụng: ${pts('not-applicable')})`;
}
