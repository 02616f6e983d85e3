/**
 * The Decision 766 part of `motcua report` (#22): the catalogue-based indices from `--catalog`
 * and `--catalog-facts`, index 2.2 (average handling time) from the records, and the block that
 * says, for each point of the 100, which input it needs and whether it was computed, estimated or
 * missing. @internal
 */
import {
  addHandlingTime,
  type HandlingTime766,
  type HandlingTimeState,
  type Index766,
  indicesCatalog,
  type Period,
  type Point766,
  type PointStatus,
  type Publication,
  readRecordBatches,
  type RecordReadOptions,
  regroup,
  type Score766,
  type Summary,
  type Counts,
} from '../kpi';
import type { Catalog } from '../procedure/types';
import { parseCatalog } from '../schema/index';
import { MotcuaError, show } from '../errors';
import { firstLine, sniffDelimiter, textChunks, textSource } from '../node/text';
import { displayWidth, type Lang, padEnd, textIn, wrap } from './_format';
import type { CliIo } from './io';

/** The catalogue and what it does not hold, from `--catalog` and `--catalog-facts`. */
export interface Catalog766 {
  readonly catalog: Catalog;
  readonly publications?: readonly Publication[];
  readonly paymentIntegrated?: readonly string[];
  readonly componentsComplete?: ReadonlySet<string>;
}

const FACT_KEYS = ['publications', 'paymentIntegrated', 'componentsComplete'] as const;

function codeList(v: unknown, key: string, catalog: Catalog): string[] {
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new MotcuaError('INVALID_INPUT', { vi: `cần một mảng mã thủ tục, nhận được ${show(v, 'vi')}`, en: `expected an array of procedure codes, got ${show(v)}` }, v, key);
  const codes = new Set(catalog.procedures.map((p) => p.code));
  for (const [i, c] of (v as string[]).entries()) {
    if (!codes.has(c)) throw new MotcuaError('INVALID_INPUT', { vi: `thủ tục ${show(c, 'vi')} không có trong danh mục`, en: `procedure ${show(c)} is not in the catalogue` }, c, `${key}[${i}]`);
  }
  return v as string[];
}

/**
 * Read `--catalog FILE` (a catalogue as `motcua/schema` reads it, e.g. data/procedures.json) and
 * `--catalog-facts FILE` (`{ "publications": [{ code, decidedOn, effectiveOn?, publishedOn? }],
 * "paymentIntegrated": [codes], "componentsComplete": [codes] }`, each key optional, no other key).
 * Returns the input, or the lines to print on stderr (exit 2).
 */
export async function readCatalog766(io: CliIo, catalogPath: string, factsPath: string | undefined, period: Period, lang: Lang = 'vi'): Promise<Catalog766 | string[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(await io.readFile(catalogPath));
  } catch (e) {
    return [`${catalogPath}: ${e instanceof Error ? e.message : String(e)}`];
  }
  const r = parseCatalog(raw);
  if (!r.ok) return r.issues.slice(0, 20).map((i) => `${catalogPath}: ${i.at}: ${textIn(i, lang)}`);
  const catalog = r.value as Catalog;
  if (factsPath === undefined) return { catalog };
  let f: unknown;
  try {
    f = JSON.parse(await io.readFile(factsPath));
  } catch (e) {
    return [`${factsPath}: ${e instanceof Error ? e.message : String(e)}`];
  }
  try {
    if (typeof f !== 'object' || f === null || Array.isArray(f)) throw new MotcuaError('INVALID_INPUT', { vi: `cần một đối tượng { publications, paymentIntegrated, componentsComplete }, nhận được ${show(f, 'vi')}`, en: `expected an object { publications, paymentIntegrated, componentsComplete }, got ${show(f)}` }, f);
    for (const k of Object.keys(f)) {
      if (!(FACT_KEYS as readonly string[]).includes(k)) throw new MotcuaError('INVALID_INPUT', { vi: `không có khóa ${show(k, 'vi')} (cần ${FACT_KEYS.join(', ')})`, en: `unknown key ${show(k)} (expected ${FACT_KEYS.join(', ')})` }, k, k);
    }
    const o = f as Record<string, unknown>;
    const publications = o.publications;
    if (publications !== undefined && !Array.isArray(publications)) throw new MotcuaError('INVALID_INPUT', { vi: `cần một mảng { code, decidedOn, effectiveOn?, publishedOn? }, nhận được ${show(publications, 'vi')}`, en: `expected an array of { code, decidedOn, effectiveOn?, publishedOn? }, got ${show(publications)}` }, publications, 'publications');
    const out: Catalog766 = {
      catalog,
      ...(publications !== undefined ? { publications: publications as Publication[] } : {}),
      ...(o.paymentIntegrated !== undefined ? { paymentIntegrated: codeList(o.paymentIntegrated, 'paymentIntegrated', catalog) } : {}),
      ...(o.componentsComplete !== undefined ? { componentsComplete: new Set(codeList(o.componentsComplete, 'componentsComplete', catalog)) } : {}),
    };
    // the publications are checked now (codes in the catalogue, dates), before a large file is read
    indicesCatalog(catalog, options766(out, period));
    return out;
  } catch (e) {
    if (e instanceof MotcuaError) return [`${factsPath}: ${e.code}: ${textIn(e, lang)}`];
    throw e;
  }
}

function options766(c: Catalog766, period: Period, byProcedure?: Readonly<Record<string, Counts>>) {
  const done = c.componentsComplete;
  return {
    period,
    ...(c.publications !== undefined ? { publications: c.publications } : {}),
    ...(c.paymentIntegrated !== undefined ? { paymentIntegrated: c.paymentIntegrated } : {}),
    ...(done !== undefined ? { componentsComplete: (p: { code: string }) => done.has(p.code) } : {}),
    ...(byProcedure !== undefined ? { byProcedure } : {}),
  };
}

/** The catalogue indices (1.1-1.3, 3.1, 3.2, 3.5a, 3.5b) of a summary grouped by procedure (among others). */
export function catalogIndices766(c: Catalog766, summary: Summary): Index766[] {
  const byProcedure: Record<string, Counts> = Object.create(null);
  for (const r of regroup(summary, ['procedure']).rows) byProcedure[r.key] = r.counts;
  return indicesCatalog(c.catalog, options766(c, summary.period, byProcedure));
}

/**
 * Index 2.2 over a CSV file on disk that the byte reader counted (it hands no record out): a
 * second pass with the general reader, which gives the same records and rejections, each id
 * counted once (its first good row), as the report does.
 */
export async function handlingTimeOfCsvFile(
  path: string,
  state: HandlingTimeState,
  options: { readonly read: RecordReadOptions; readonly delimiter: string; readonly encoding?: string },
): Promise<void> {
  const source = await textSource(path, options.encoding);
  const delimiter = options.delimiter === 'auto' ? sniffDelimiter(await firstLine(path, source)) : options.delimiter;
  const seen = new Set<string>();
  for await (const batch of readRecordBatches(textChunks(path, source), { ...options.read, delimiter })) {
    for (const r of batch) {
      if (!r.ok || seen.has(r.record.id)) continue;
      seen.add(r.record.id);
      addHandlingTime(state, r.record);
    }
  }
}

/** Why 2.2 was not computed: a large CSV file read by the byte reader, which hands no record out (#22). */
export type HandlingTimeGap = 'large';

/**
 * What 2.2 did with the supplement waits: subtracted when the input gives them (an event log),
 * else not, with the dossiers concerned; both when the two kinds are mixed (the API only).
 */
export function waitsText(h: HandlingTime766, lang: Lang): string {
  const known = h.supplementWaitsKnown;
  if (lang === 'vi') {
    if (known === 0) return `chưa trừ thời gian chờ bổ sung (${h.withSupplements} hồ sơ)`;
    const done = `đã trừ thời gian chờ bổ sung theo nhật ký (${h.supplementWaitsSubtracted} hồ sơ, ${h.total.supplementWaitWorkingDays} ngày làm việc)`;
    return known === h.total.dossiers ? done : `${done}; chưa trừ ở ${h.withSupplements} hồ sơ không có nhật ký`;
  }
  const n = (k: number, what: string) => `${k} ${what}${k === 1 ? '' : 's'}`;
  if (known === 0) return `supplement waits not subtracted (${n(h.withSupplements, 'dossier')})`;
  const done = `supplement waits subtracted from the log (${n(h.supplementWaitsSubtracted, 'dossier')}, ${n(h.total.supplementWaitWorkingDays, 'working day')})`;
  return known === h.total.dossiers ? done : `${done}; not subtracted for ${n(h.withSupplements, 'dossier')} without a log`;
}

const TEXT = {
  vi: {
    head: 'Từng điểm trong 100 điểm Quyết định 766 (điểm, đầu vào, tình trạng):',
    estimatedNote: (pts: number, codes: string) => `Trong số điểm đã tính, ${pts} điểm là ước tính theo cách hiểu của motcua, chưa kiểm chứng [?] (${codes}).`,
    input: { dossiers: 'hồ sơ', catalogue: 'danh mục TTHC', none: '-' } as Record<Point766['input'], string>,
    status: {
      computed: 'đã tính',
      estimated: 'ước tính [?]',
      'not-applicable': 'không áp dụng (mẫu số bằng 0)',
      missing: 'chưa có đầu vào',
      unmodelled: 'motcua chưa tính',
    } as Record<PointStatus, string>,
    score: (s: string) => `: ${s} điểm`,
    give: (what: string) => `, cần ${what}`,
    needs: {
      '1.1': '--catalog và --catalog-facts (publications: ngày quyết định công bố, ngày hiệu lực)',
      '1.2': '--catalog và --catalog-facts (publications: ngày công khai trên CSDL quốc gia)',
      '1.3': '--catalog và --catalog-facts (componentsComplete: TTHC công khai đủ bộ phận)',
      '3.1': '--catalog (danh mục TTHC có mức độ DVCTT)',
      '3.2': '--catalog (danh mục TTHC, đếm hồ sơ trực tuyến theo TTHC)',
      '3.5a': '--catalog và --catalog-facts (paymentIntegrated: TTHC tích hợp thanh toán)',
      '3.5b': '--catalog (danh mục TTHC có phí, lệ phí)',
    } as Record<string, string>,
    unmodelled: (g: number) => (g === 4 ? 'các chỉ số số hóa khác' : g === 5 ? 'xử lý phản ánh, kiến nghị (5.1-5.3)' : 'các chỉ số khác'),
    handling: (h: HandlingTime766) =>
      `trung bình ${dec(h.total.averageWorkingDays)} ngày làm việc (${dec(h.total.averageDays)} ngày) trên ${h.total.dossiers} hồ sơ đã giải quyết, ${h.byProcedure.length} TTHC (từng TTHC: --format json); ${waitsText(h, 'vi')}; không có điểm riêng trong 100 điểm`,
    handlingNone: 'không có hồ sơ đã giải quyết tiếp nhận trong kỳ; không có điểm riêng trong 100 điểm',
    handlingGap: {
      large: 'tệp CSV trên 32 MB: thêm --handling-time để tính (đọc tệp lần thứ hai)',
    } as Record<HandlingTimeGap, string>,
    points: 'đ',
    indicesCatalog: 'Chỉ số theo Quyết định 766/QĐ-TTg (từ dữ liệu hồ sơ và danh mục TTHC)',
  },
  en: {
    head: 'Each point of the 100 of Decision 766 (points, input, status):',
    estimatedNote: (pts: number, codes: string) => `Of the points scored, ${pts} are estimated on motcua's reading of an unverified definition [?] (${codes}).`,
    input: { dossiers: 'dossiers', catalogue: 'catalogue', none: '-' } as Record<Point766['input'], string>,
    status: {
      computed: 'computed',
      estimated: 'estimated [?]',
      'not-applicable': 'not applicable (denominator 0)',
      missing: 'input not given',
      unmodelled: 'not modelled by motcua',
    } as Record<PointStatus, string>,
    score: (s: string) => `: ${s} points`,
    give: (what: string) => `; needs ${what}`,
    needs: {
      '1.1': '--catalog and --catalog-facts (publications: decision and effective dates)',
      '1.2': '--catalog and --catalog-facts (publications: date made public on the national database)',
      '1.3': '--catalog and --catalog-facts (componentsComplete: procedures published in full)',
      '3.1': '--catalog (a catalogue with online service levels)',
      '3.2': '--catalog (the catalogue; online dossiers by procedure)',
      '3.5a': '--catalog and --catalog-facts (paymentIntegrated: procedures integrated for payment)',
      '3.5b': '--catalog (the catalogue with fees)',
    } as Record<string, string>,
    unmodelled: (g: number) => (g === 4 ? 'the other digitisation indices' : g === 5 ? 'feedback handling (5.1-5.3)' : 'other indices'),
    handling: (h: HandlingTime766) =>
      `average ${h.total.averageWorkingDays ?? '-'} working days (${h.total.averageDays ?? '-'} days) over ${h.total.dossiers} resolved dossiers, ${h.byProcedure.length} procedures (each: --format json); ${waitsText(h, 'en')}; no points of its own in the 100`,
    handlingNone: 'no resolved dossier received in the period; no points of its own in the 100',
    handlingGap: {
      large: 'a CSV file over 32 MB: add --handling-time to compute it (a second reading of the file)',
    } as Record<HandlingTimeGap, string>,
    points: 'pts',
    indicesCatalog: 'Decision 766/QĐ-TTg indices (from dossier data and the procedure catalogue)',
  },
};

const dec = (x: number | null) => (x === null ? '-' : String(x).replace('.', ','));

/** The usage message of `--catalog-facts` without `--catalog`. */
export const factsNeedCatalog = (lang: Lang) =>
  lang === 'vi' ? '--catalog-facts cần --catalog (danh mục TTHC mà các thông tin đó nói về)' : '--catalog-facts needs --catalog (the catalogue the facts are about)';

/** The heading of the indices table when the catalogue indices are in it. */
export const indicesCatalogHeading = (lang: Lang) => TEXT[lang].indicesCatalog;

/**
 * The block under the score line: one line per point of the 100 (index, its points, its input,
 * its status and score, or what is needed for it), within 100 columns.
 */
export function pointsBlock(score: Score766, handling: { readonly result?: HandlingTime766; readonly gap?: HandlingTimeGap }, lang: Lang): string[] {
  const t = TEXT[lang];
  const num = (x: number) => (lang === 'vi' ? String(x).replace('.', ',') : String(x));
  const estimated = score.points.filter((p) => p.status === 'estimated');
  const estPts = estimated.reduce((a, p) => a + p.points, 0);
  const lines = [...wrap(t.head, '  ', '  ')];
  const inputW = Math.max(...Object.values(t.input).map(displayWidth));
  for (const p of score.points) {
    const prefix = `    ${padEnd(p.code, 5)}${String(p.points).padStart(3)} ${padEnd(t.points, 3)} ${padEnd(t.input[p.input], inputW)}  `;
    let text = t.status[p.status];
    if (p.code === '2.2') {
      if (handling.result !== undefined) text += `: ${handling.result.total.dossiers > 0 ? t.handling(handling.result) : t.handlingNone}`;
      else if (handling.gap !== undefined) text += `: ${t.handlingGap[handling.gap]}`;
    } else if (p.score !== null) text += t.score(num(p.score));
    else if (p.status === 'missing' && t.needs[p.code] !== undefined) text += t.give(t.needs[p.code]!);
    else if (p.status === 'unmodelled') text += `: ${t.unmodelled(p.group)}`;
    lines.push(...wrap(text, prefix, ' '.repeat(displayWidth(prefix))));
  }
  if (estPts > 0) lines.push(...wrap(t.estimatedNote(estPts, estimated.filter((p) => p.points > 0).map((p) => p.code).join(', ')), '  ', '  '));
  return lines;
}
