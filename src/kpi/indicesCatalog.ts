/**
 * The Decision 766 indices that need the procedure catalogue (danh mục thủ tục hành chính):
 * publication (1.1-1.3), online service provision (3.1, 3.2) and online payment (3.5).
 * @module
 */
import { tryParseDate } from '../_lib/civil/date';
import { workIndexOf } from '../_lib/civil/workIndex';
import { addWorkingDays } from '../calendar/addWorkingDays';
import type { Calendar, CivilDate } from '../calendar/index';
import { MotcuaError, show } from '../errors';
import type { Catalog, Procedure } from '../procedure/types';
import { scoreHundredths } from './definitions';
import type { Index766 } from './indices766';
import type { Period } from './period';
import { rate, scaled } from './rates';
import type { Counts, Rate } from './types';

/** One publication of a procedure (công bố TTHC): a line of a publication decision (quyết định công bố, QĐCB). */
export interface Publication {
  /** Procedure code, one of the catalogue's. */
  readonly code: string;
  /** Date the publication decision was signed (ngày quyết định công bố). */
  readonly decidedOn: CivilDate;
  /**
   * Latest effective date of the legal instruments that set the procedure (ngày hiệu lực của văn
   * bản quy định TTHC). Needed by 1.1.
   */
  readonly effectiveOn?: CivilDate | null;
  /**
   * Date the procedure was made public on the national procedure database (công khai trên Cơ sở
   * dữ liệu quốc gia về TTHC); null or missing while not yet public. Used by 1.2.
   */
  readonly publishedOn?: CivilDate | null;
}

/** Options of {@link indicesCatalog}: each index is computed when its input is given. */
export interface CatalogIndicesOptions {
  /** Publication decisions of the period (1.1, 1.2). The catalogue does not hold them. */
  readonly publications?: readonly Publication[];
  /** Only publications decided in this period count (1.1, 1.2); also the end by which a missing publication is late. Default: all. */
  readonly period?: Period;
  /** Working calendar for the publication deadlines (default: the civil-servant calendar). */
  readonly calendar?: Calendar;
  /**
   * Whether a procedure is published with every component of Decree 63/2010 Art 8(2) (1.3). The
   * catalogue does not hold the sequence of steps (trình tự) nor the dossier components (thành
   * phần hồ sơ), so motcua cannot decide it: give the check.
   */
  readonly componentsComplete?: (procedure: Procedure) => boolean;
  /**
   * Counts per procedure code for the period: `summarize(records, { period, groupBy: 'procedure' })`
   * and its rows, or an accumulator's `groups`. 3.2 reads `online`, 3.5b reads `paidOnline`.
   */
  readonly byProcedure?: Readonly<Record<string, Counts>>;
  /** Codes of the procedures whose fees are integrated for online payment on the national portal (3.5a). */
  readonly paymentIntegrated?: readonly string[];
  /**
   * A procedure whose online service level is not stated (`onlineLevel: null`), for 3.1 and 3.2:
   * `'by-channel'` (default) counts it as an online service when it has an `online` channel, and
   * not otherwise [?]; `'exclude'` leaves it out of both numerator and denominator.
   */
  readonly onlineLevelUnknown?: 'by-channel' | 'exclude';
  /** Points of 3.1 and 3.2, which no source at hand gives separately (defaults 2 and 4, motcua's reading [?]). */
  readonly points?: Readonly<Partial<Record<'3.1' | '3.2', number>>>;
}

interface Def {
  readonly code: string;
  /** Vietnamese name. */
  readonly name: string;
  /** English name. */
  readonly nameEn: string;
  readonly points: number;
  readonly targetHundredths: number | null;
  readonly basis: '[S]' | '[?]';
}

/**
 * The definitions of the catalogue-based indices (domain.md §8 gives the group totals; the ratios,
 * points and targets come from a transcription of the national portal's formula description [S],
 * except the points of 3.1 and 3.2 [?]).
 */
const DEFS: Readonly<Record<string, Def>> = {
  '1.1': { code: '1.1', name: 'Tỷ lệ TTHC công bố đúng hạn', nameEn: 'Procedures published on time', points: 6, targetHundredths: null, basis: '[S]' },
  '1.2': { code: '1.2', name: 'Tỷ lệ TTHC được cập nhật, công khai đúng hạn', nameEn: 'Procedures made public on time', points: 4, targetHundredths: null, basis: '[S]' },
  '1.3': { code: '1.3', name: 'Tỷ lệ TTHC công khai đầy đủ các bộ phận tạo thành', nameEn: 'Procedures published with every component', points: 2, targetHundredths: null, basis: '[?]' },
  '3.1': { code: '3.1', name: 'Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến', nameEn: 'Procedures offered as online services', points: 2, targetHundredths: 8000, basis: '[?]' },
  '3.2': { code: '3.2', name: 'Tỷ lệ dịch vụ công trực tuyến có phát sinh hồ sơ', nameEn: 'Online services with online dossiers', points: 4, targetHundredths: null, basis: '[?]' },
  '3.5a': { code: '3.5a', name: 'Tỷ lệ TTHC có nghĩa vụ tài chính được tích hợp thanh toán trực tuyến trên Cổng DVCQG', nameEn: 'Procedures with fees integrated for online payment', points: 2, targetHundredths: 8000, basis: '[S]' },
  '3.5b': { code: '3.5b', name: 'Tỷ lệ TTHC có giao dịch thanh toán trực tuyến', nameEn: 'Procedures with an online payment', points: 2, targetHundredths: 8000, basis: '[S]' },
};

function scored(def: Def, ratio: Rate, points = def.points): Index766 {
  const target = def.targetHundredths === null ? null : def.targetHundredths / 10000;
  const base = { code: def.code, name: def.name, nameEn: def.nameEn, nameVi: def.name, points, target, ratio, basis: def.basis };
  if (ratio.denominator === 0) return { ...base, rounded: null, score: null };
  const pct = Number(scaled(ratio.numerator, ratio.denominator, 2, true, 'half-up'));
  return { ...base, rounded: pct / 10000, score: scoreHundredths(pct, points, def.targetHundredths) / 100 };
}

function date(v: unknown, field: string): CivilDate {
  if (typeof v !== 'string' || tryParseDate(v) !== tryParseDate(v)) throw new MotcuaError('INVALID_DATE', { vi: `${show(v, 'vi')} không phải ngày dương lịch "YYYY-MM-DD"`, en: `${show(v)} is not a civil date "YYYY-MM-DD"` }, v, field);
  return v;
}

/**
 * Whether a procedure has a financial obligation (nghĩa vụ tài chính), the denominator of 3.5: a
 * fee or charge with a non-zero amount on some channel. A fee whose amount the catalogue does not
 * give (`amount: null`, set elsewhere) does not count, as on the national portal ("phí, lệ phí
 * khác 0, null") [S].
 *
 * @example
 * ```ts
 * import { hasFinancialObligation } from 'motcua/kpi';
 * import { findProcedure, sampleCatalog } from 'motcua/procedure';
 * hasFinancialObligation(findProcedure(sampleCatalog, '2.000815')!); // true: 2,000 VND a page
 * ```
 */
export function hasFinancialObligation(p: Procedure): boolean {
  return p.channels.some((c) => c.fees.some((f) => typeof f.amount === 'number' && f.amount > 0));
}

/**
 * The Decision 766/QĐ-TTg indices that need the procedure catalogue, scored like {@link indices766}
 * (same `Index766` shape and scoring rule). The catalogue is the procedures under the evaluated
 * unit's authority (e.g. `proceduresByAgency(catalog, { level: 'commune' })` as a catalogue).
 * Each index is returned only when its input is given:
 *
 * | Code | Ratio | Input |
 * |---|---|---|
 * | 1.1 (6) | procedures whose every publication decision of the period was signed at least 20 working days (ministry) or 5 (province, commune) before the effective date / procedures published in the period | `publications` with `effectiveOn` |
 * | 1.2 (4) | procedures made public on the national database within 10 working days (ministry) or 5 of the decision / procedures published in the period; not yet public after the deadline counts as late | `publications` with `publishedOn` |
 * | 1.3 (2) | procedures with every component of Decree 63/2010 Art 8(2) / catalogue procedures | `componentsComplete` |
 * | 3.1 (2 [?], target 80%) | procedures offered as online services (full or partial) / catalogue procedures | the catalogue |
 * | 3.2 (4 [?]) | online services with at least one dossier received online in the period / online services | `byProcedure` |
 * | 3.5a (2, target 80%) | procedures with a fee integrated for online payment / procedures with a fee | `paymentIntegrated` |
 * | 3.5b (2, target 80%) | procedures with a fee and at least one dossier paid online in the period / procedures with a fee | `byProcedure` |
 *
 * @throws {MotcuaError} `INVALID_INPUT` for a publication of a procedure not in the catalogue, or
 * without the date its index needs; `INVALID_DATE` for a malformed date.
 *
 * @example
 * ```ts
 * import { indicesCatalog, period, summarize, sampleRecords } from 'motcua/kpi';
 * import { sampleCatalog } from 'motcua/procedure';
 * const q = period('2025-Q1');
 * const byProcedure = Object.fromEntries(
 *   summarize(sampleRecords({ year: 2025 }), { period: q, groupBy: 'procedure' }).rows.map((r) => [r.key, r.counts]),
 * );
 * const idx = indicesCatalog(sampleCatalog, { byProcedure });
 * idx.map((i) => i.code); // ['3.1', '3.2', '3.5b']
 * idx[0]!.score! <= idx[0]!.points; // true
 * ```
 */
export function indicesCatalog(catalog: Catalog, options: CatalogIndicesOptions = {}): Index766[] {
  if (typeof catalog !== 'object' || catalog === null || !Array.isArray(catalog.procedures)) {
    throw new MotcuaError('INVALID_INPUT', { vi: `cần một danh mục { procedures: [...] }, nhận được ${show(catalog, 'vi')}`, en: `expected a catalogue { procedures: [...] }, got ${show(catalog)}` }, catalog, 'catalog');
  }
  const byCode = new Map<string, Procedure>();
  for (const p of catalog.procedures) if (!byCode.has(p.code)) byCode.set(p.code, p);
  const procedures = [...byCode.values()];
  const out: Index766[] = [];
  const cal = options.calendar;
  // a calendar createCalendar did not make is refused here, whether or not a deadline needs it
  if (cal !== undefined) workIndexOf(cal);

  if (options.publications !== undefined) {
    const scope: Publication[] = [];
    for (const [k, pub] of options.publications.entries()) {
      const at = `publications[${k}]`;
      if (typeof pub !== 'object' || pub === null) throw new MotcuaError('INVALID_INPUT', { vi: `cần { code, decidedOn, effectiveOn?, publishedOn? }, nhận được ${show(pub, 'vi')}`, en: `expected { code, decidedOn, effectiveOn?, publishedOn? }, got ${show(pub)}` }, pub, at);
      if (!byCode.has(pub.code)) throw new MotcuaError('INVALID_INPUT', { vi: `thủ tục ${show(pub.code, 'vi')} không có trong danh mục`, en: `procedure ${show(pub.code)} is not in the catalogue` }, pub.code, `${at}.code`);
      const decided = date(pub.decidedOn, `${at}.decidedOn`);
      if (options.period && (decided < options.period.from || decided > options.period.to)) continue;
      if (pub.effectiveOn != null) date(pub.effectiveOn, `${at}.effectiveOn`);
      if (pub.publishedOn != null) date(pub.publishedOn, `${at}.publishedOn`);
      scope.push(pub);
    }
    const ministry = (code: string) => byCode.get(code)!.agency.level === 'ministry';
    // 1.1: decision signed at least 20 (ministry) or 5 working days before the effective date; one late publication makes the procedure late.
    if (scope.length === 0 || scope.every((p) => p.effectiveOn != null)) {
      const late = new Set<string>();
      const all = new Set<string>();
      for (const p of scope) {
        all.add(p.code);
        if (!(p.decidedOn <= addWorkingDays(p.effectiveOn!, ministry(p.code) ? -20 : -5, cal))) late.add(p.code);
      }
      out.push(scored(DEFS['1.1']!, rate(all.size - late.size, all.size)));
    } else {
      const k = scope.findIndex((p) => p.effectiveOn == null);
      throw new MotcuaError('INVALID_INPUT', { vi: `chỉ số 1.1 cần ngày có hiệu lực của căn cứ pháp lý của mọi lần công bố; ${scope[k]!.code} (quyết định ngày ${scope[k]!.decidedOn}) không có`, en: `1.1 needs the effective date of the legal basis of every publication; ${scope[k]!.code} (decided ${scope[k]!.decidedOn}) has none` }, scope[k], 'publications.effectiveOn');
    }
    // 1.2: public on the national database within 10 (ministry) or 5 working days of the decision.
    {
      const late = new Set<string>();
      const all = new Set<string>();
      for (const p of scope) {
        const deadline = addWorkingDays(p.decidedOn, ministry(p.code) ? 10 : 5, cal);
        if (p.publishedOn == null) {
          // Not public yet: late once the deadline has passed by the end of the period; else not due yet.
          if (options.period && deadline > options.period.to) continue;
          all.add(p.code);
          late.add(p.code);
          continue;
        }
        all.add(p.code);
        if (p.publishedOn > deadline) late.add(p.code);
      }
      out.push(scored(DEFS['1.2']!, rate(all.size - late.size, all.size)));
    }
  }

  if (options.componentsComplete !== undefined) {
    const check = options.componentsComplete;
    out.push(scored(DEFS['1.3']!, rate(procedures.filter((p) => check(p) === true).length, procedures.length)));
  }

  const unknown = options.onlineLevelUnknown ?? 'by-channel';
  if (unknown !== 'by-channel' && unknown !== 'exclude') throw new MotcuaError('INVALID_OPTION', { vi: `onlineLevelUnknown: cần by-channel hoặc exclude, nhận được ${show(unknown, 'vi')}`, en: `onlineLevelUnknown: expected by-channel or exclude, got ${show(unknown)}` }, unknown, 'onlineLevelUnknown');
  const judged = procedures.filter((p) => p.onlineLevel != null || unknown === 'by-channel');
  const online = judged.filter((p) => (p.onlineLevel == null ? p.channels.some((c) => c.channel === 'online') : p.onlineLevel !== 'none'));
  const points = options.points ?? {};
  for (const k of ['3.1', '3.2'] as const) {
    const v = points[k];
    if (v !== undefined && !(Number.isInteger(v) && v >= 0)) throw new MotcuaError('INVALID_OPTION', { vi: `điểm của ${k}: cần một số nguyên không âm, nhận được ${show(v, 'vi')}`, en: `points of ${k}: expected a whole number, got ${show(v)}` }, v, `points.${k}`);
  }
  out.push(scored(DEFS['3.1']!, rate(online.length, judged.length), points['3.1']));
  const byRaw = options.byProcedure;
  // procedure codes are user data: read own keys only (a code "constructor" is not Object.prototype.constructor)
  const by = byRaw === undefined ? undefined : (code: string): Counts | undefined => (Object.hasOwn(byRaw, code) ? byRaw[code] : undefined);
  if (by !== undefined) out.push(scored(DEFS['3.2']!, rate(online.filter((p) => (by(p.code)?.online ?? 0) > 0).length, online.length), points['3.2']));

  const withFee = procedures.filter(hasFinancialObligation);
  if (options.paymentIntegrated !== undefined) {
    const integrated = new Set(options.paymentIntegrated);
    out.push(scored(DEFS['3.5a']!, rate(withFee.filter((p) => integrated.has(p.code)).length, withFee.length)));
  }
  if (by !== undefined) out.push(scored(DEFS['3.5b']!, rate(withFee.filter((p) => (by(p.code)?.paidOnline ?? 0) > 0).length, withFee.length)));
  return out;
}
