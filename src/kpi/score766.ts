/**
 * The Decision 766/QĐ-TTg score as a whole: the five groups' totals, the overall score, and for
 * each of the 100 points the input it needs and whether it was computed, estimated, not
 * applicable, missing (its input was not given) or not modelled by motcua.
 * @module
 */
import { MotcuaError, show } from '../errors';
import type { HandlingTime766 } from './handlingTime766';
import type { Index766 } from './indices766';

/** How a point of the 100 stands. */
export type PointStatus = 'computed' | 'estimated' | 'not-applicable' | 'missing' | 'unmodelled';

/** One index (or the not-modelled rest of a group) of the 100 points. */
export interface Point766 {
  /** Index code (`'2.1'`), or `'5.*'` for the points of group 5 no index of motcua computes. */
  readonly code: string;
  readonly group: 1 | 2 | 3 | 4 | 5;
  readonly points: number;
  /** Where its input comes from: dossier records, the procedure catalogue (with publications), or nowhere in motcua. */
  readonly input: 'dossiers' | 'catalogue' | 'none';
  /** What it needs, in words (English). */
  readonly needs: string;
  /**
   * `computed`: scored from the data, on a definition from a secondary source [S];
   * `estimated`: scored on motcua's reading of an unverified definition [?];
   * `not-applicable`: its denominator is 0 (no points either way; how the portal scores it is not verified);
   * `missing`: its input was not given (e.g. no catalogue); `unmodelled`: no motcua index computes it.
   * Index 2.2 (average handling time) is `estimated` when given with dossiers: it has no points.
   */
  readonly status: PointStatus;
  /** Points earned (2 decimals), null unless computed or estimated; always null for 2.2, which has 0 points. */
  readonly score: number | null;
}

/** A group's total (nhóm chỉ số). */
export interface Group766 {
  readonly group: 1 | 2 | 3 | 4 | 5;
  /** Vietnamese name of the group (tên nhóm chỉ số), e.g. `'Tiến độ giải quyết'`. Before 0.2 this was the English name, now in `nameEn`. */
  readonly name: string;
  /** English name of the group, e.g. `'Processing progress'`. */
  readonly nameEn: string;
  /** @deprecated The same as `name` (Vietnamese since 0.2); kept for readers of 0.1. */
  readonly nameVi: string;
  /** The group's points in Decision 766. */
  readonly max: number;
  /** Points earned by the computed and estimated indices. */
  readonly earned: number;
  /** Points of the computed and estimated indices (what `earned` is out of). */
  readonly scoredMax: number;
  /** Points not scored: not applicable, missing or not modelled. */
  readonly unscored: number;
}

/** The score of {@link score766}. */
export interface Score766 {
  readonly groups: readonly Group766[];
  /** Overall: `earned` out of `scoredMax` of the 100 points; `unscored` points were not scored (see `points`). */
  readonly total: { readonly max: 100; readonly earned: number; readonly scoredMax: number; readonly unscored: number };
  readonly points: readonly Point766[];
}

const GROUPS = [
  { group: 1, name: 'Công khai, minh bạch', nameEn: 'Transparency', nameVi: 'Công khai, minh bạch', max: 18 },
  { group: 2, name: 'Tiến độ giải quyết', nameEn: 'Processing progress', nameVi: 'Tiến độ giải quyết', max: 20 },
  { group: 3, name: 'Dịch vụ công trực tuyến, thanh toán trực tuyến', nameEn: 'Online service and online payment', nameVi: 'Dịch vụ công trực tuyến, thanh toán trực tuyến', max: 22 },
  { group: 4, name: 'Số hóa hồ sơ', nameEn: 'Digitisation', nameVi: 'Số hóa hồ sơ', max: 22 },
  { group: 5, name: 'Mức độ hài lòng', nameEn: 'Satisfaction', nameVi: 'Mức độ hài lòng', max: 18 },
] as const;

/** The indices motcua computes, with their group, points and input (domain.md §8; indices766, indicesCatalog). */
const KNOWN: readonly { readonly code: string; readonly group: 1 | 2 | 3 | 4 | 5; readonly points: number; readonly input: 'dossiers' | 'catalogue'; readonly needs: string }[] = [
  { code: '1.1', group: 1, points: 6, input: 'catalogue', needs: 'publication decisions with the effective dates of the instruments (indicesCatalog publications)' },
  { code: '1.2', group: 1, points: 4, input: 'catalogue', needs: 'publication decisions with the dates made public on the national database' },
  { code: '1.3', group: 1, points: 2, input: 'catalogue', needs: 'the procedure catalogue (every component published)' },
  { code: '1.4', group: 1, points: 6, input: 'dossiers', needs: 'the synced column' },
  { code: '2.1', group: 2, points: 20, input: 'dossiers', needs: 'receipt, due and end dates (and the pause columns)' },
  { code: '2.2', group: 2, points: 0, input: 'dossiers', needs: 'receipt and end dates of resolved dossiers, by procedure (handlingTime766); no points of the 100' },
  { code: '3.1', group: 3, points: 2, input: 'catalogue', needs: 'the procedure catalogue with online service levels' },
  { code: '3.2', group: 3, points: 4, input: 'catalogue', needs: 'the procedure catalogue and dossier counts by procedure' },
  { code: '3.3', group: 3, points: 6, input: 'dossiers', needs: 'the channel column (and synced for the online × sync variant)' },
  { code: '3.5a', group: 3, points: 2, input: 'catalogue', needs: 'the procedure catalogue with fees and online payment integration' },
  { code: '3.5b', group: 3, points: 2, input: 'catalogue', needs: 'the procedure catalogue and online payments by procedure' },
  { code: '3.6', group: 3, points: 6, input: 'dossiers', needs: 'the feeDue and paidOnline columns' },
  { code: '4.1', group: 4, points: 6, input: 'dossiers', needs: 'the eResult and paperResultRequired columns' },
  { code: '4.2', group: 4, points: 4, input: 'dossiers', needs: 'the digitised, eResult and paperResultRequired columns' },
  { code: '4.3', group: 4, points: 2, input: 'dossiers', needs: 'the reusedData column' },
  { code: '4.4', group: 4, points: 4, input: 'dossiers', needs: 'the componentsFromStore, eResult and dataStored columns' },
  { code: '5.4', group: 5, points: 6, input: 'dossiers', needs: 'end and due dates and the complaint column' },
];

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Options of {@link score766}. */
export interface Score766Options {
  /** Index 2.2 ({@link handlingTime766}): listed as estimated, with 0 points; missing when not given. */
  readonly handlingTime?: HandlingTime766;
}

/**
 * The Decision 766 score (điểm chỉ số Quyết định 766) from the indices computed: the
 * {@link indices766} of the dossiers and, when the catalogue is at hand, the `indicesCatalog`
 * ones. Each group's total and the overall score count only the points actually scored, and
 * every point of the 100 is listed with its input and status, so a partial score is never read
 * as a whole one. The group maxima (18, 20, 22, 22, 18) are from domain.md §8 [S]; the points
 * of group 4 (6) and group 5 (12) that no motcua index computes are listed as `unmodelled`.
 *
 * Index 2.2 (average handling time, {@link handlingTime766}) is given as `options.handlingTime`:
 * no source gives it points of the 100, so it is listed with 0 points, `estimated` (its
 * definition is motcua's reading [?]), or `missing` when not given.
 *
 * @throws {MotcuaError} `INVALID_INPUT` when an index is given twice or is not one of Decision 766's that motcua computes;
 * `INVALID_OPTION` when `handlingTime` is not a result of `handlingTime766`.
 *
 * @example
 * ```ts
 * import { indices766, period, sampleRecords, score766, summarize } from 'motcua/kpi';
 * const s = summarize(sampleRecords({ year: 2024 }), { period: period('2024') });
 * const score = score766(indices766(s.total.counts));
 * score.total.max; // 100
 * score.points.find((p) => p.code === '1.1')?.status; // 'missing' (no catalogue given)
 * ```
 */
export function score766(indices: readonly Index766[], options: Score766Options = {}): Score766 {
  const given = new Map<string, Index766>();
  for (const [i, x] of indices.entries()) {
    if (x?.code === '2.2') throw new MotcuaError('INVALID_INPUT', { vi: 'chỉ số 2.2 không phải một tỷ lệ: hãy cho handlingTime766(…) vào options.handlingTime', en: 'index 2.2 is not a ratio: give handlingTime766(…) as options.handlingTime' }, x.code, `indices[${i}].code`);
    if (!KNOWN.some((k) => k.code === x?.code)) throw new MotcuaError('INVALID_INPUT', { vi: `không phải chỉ số của Quyết định 766 mà motcua tính: ${show(x?.code, 'vi')}`, en: `not a Decision 766 index motcua computes: ${show(x?.code)}` }, x?.code, `indices[${i}].code`);
    if (given.has(x.code)) throw new MotcuaError('INVALID_INPUT', { vi: `chỉ số ${x.code} được cho hai lần`, en: `index ${x.code} given twice` }, x.code, `indices[${i}].code`);
    given.set(x.code, x);
  }
  const h = options.handlingTime;
  if (h !== undefined && (typeof h !== 'object' || h === null || h.code !== '2.2' || typeof h.total?.dossiers !== 'number')) throw new MotcuaError('INVALID_OPTION', { vi: `handlingTime: cần kết quả của handlingTime766, nhận được ${show(h, 'vi')}`, en: `handlingTime: expected the result of handlingTime766, got ${show(h)}` }, h, 'handlingTime');
  const points: Point766[] = KNOWN.map((k) => {
    if (k.code === '2.2') return { code: k.code, group: k.group, points: 0, input: k.input, needs: k.needs, status: h === undefined ? 'missing' : h.total.dossiers === 0 ? 'not-applicable' : 'estimated', score: null };
    const x = given.get(k.code);
    const status: PointStatus = x === undefined ? 'missing' : x.score === null ? 'not-applicable' : x.basis === '[?]' ? 'estimated' : 'computed';
    return { code: k.code, group: k.group, points: x?.points ?? k.points, input: k.input, needs: k.needs, status, score: x?.score ?? null };
  });
  for (const g of GROUPS) {
    const known = points.filter((p) => p.group === g.group).reduce((a, p) => a + p.points, 0);
    if (known < g.max) points.push({ code: `${g.group}.*`, group: g.group, points: g.max - known, input: 'none', needs: 'indices motcua does not compute (feedback handling, other digitisation indices)', status: 'unmodelled', score: null });
  }
  const groups = GROUPS.map((g): Group766 => {
    const mine = points.filter((p) => p.group === g.group);
    const scored = mine.filter((p) => p.score !== null);
    const scoredMax = scored.reduce((a, p) => a + p.points, 0);
    return { ...g, earned: round2(scored.reduce((a, p) => a + p.score!, 0)), scoredMax, unscored: g.max - scoredMax };
  });
  const scoredMax = groups.reduce((a, g) => a + g.scoredMax, 0);
  return { groups, total: { max: 100, earned: round2(groups.reduce((a, g) => a + g.earned, 0)), scoredMax, unscored: 100 - scoredMax }, points };
}
