/**
 * The compiled index behind a calendar: one byte per day (working or not), a running count of
 * working days, the sorted list of working days, and a running count of office minutes.
 * Add and difference are then O(1) and history recomputes exactly.
 * @internal
 * @module
 */
import { MotcuaError, show } from '../../errors';
import { BLOCKS, DAYS, SOURCES, YEARS } from '../_data/official';
import type { CalendarOptions, DataStatus, DayKind, DayOverride, Occasion, Weekday } from '../types';
import { civilFromDays, daysFromCivil, formatDate, parseDate, weekdayOf } from '../../_lib/civil/date';
import { LUNAR_FROM, LUNAR_TO } from './lunar';
import { occasionName } from './names';
import { dateText, rangeText, weekdayName } from './texts';
import { type NormalizedOffice, minutesIn, normalizeOffice, periodSetOf } from './office';
import { estimateYear, lawOf } from './rules';
import type { WorkIndex } from '../../_lib/civil/workIndex';

/** What `explain` says about a day that is not an ordinary working day or weekend. */
export interface Entry {
  readonly working: boolean;
  readonly kind: DayKind;
  readonly occasion: Occasion | null;
  readonly name: string | null;
  /** Why, in each locale. */
  readonly reason: Texts;
  readonly source: string | null;
  readonly status: DataStatus;
  readonly estimated: boolean;
}

/** A sentence in Vietnamese and in English. */
export interface Texts {
  readonly vi: string;
  readonly en: string;
}

/** The calendar's compiled index: the shared {@link WorkIndex} plus what only the calendar reads. */
export interface Index extends WorkIndex {
  readonly office: NormalizedOffice;
  /** Explanations of special days, by offset. */
  readonly special: Map<number, Entry>;
  /** Weekly rest predicate (before holidays). */
  readonly isRest: (day: number) => boolean;
  /** Where each year's holidays come from: `verified` (compiled official schedule), `inferred` (projection), `user` (options.schedules) or `estimated` (rules). */
  readonly yearStatus: ReadonlyMap<number, DataStatus>;
  /** Source of the weekly rest. */
  readonly restSource: string;
}

/** Decision 188/1999/QĐ-TTg: civil servants rest on Saturday and Sunday from 2/10/1999. */
export const FIVE_DAY_WEEK_FROM = daysFromCivil(1999, 10, 2);

function checkYear(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new MotcuaError('INVALID_OPTION', { vi: `cần năm là số nguyên, nhận được ${show(value, 'vi')}`, en: `expected an integer year, got ${show(value)}` }, value, field);
  }
  if (value < LUNAR_FROM || value > LUNAR_TO) {
    throw new MotcuaError('OUT_OF_RANGE', { vi: `năm ${value} nằm ngoài khoảng được hỗ trợ ${LUNAR_FROM}-${LUNAR_TO}`, en: `year ${value} is outside the supported range ${LUNAR_FROM}-${LUNAR_TO}` }, value, field);
  }
  return value;
}

/** Refuse keys an options object does not have (a typo such as `swap:` would be ignored silently). */
function checkKeys(o: object, allowed: readonly string[], field: string): void {
  for (const k of Object.keys(o)) {
    if (!allowed.includes(k)) {
      throw new MotcuaError('INVALID_OPTION', { vi: `tùy chọn không xác định ${show(k, 'vi')}; chỉ nhận một trong: ${allowed.join(', ')}`, en: `unknown option ${show(k)}; expected one of ${allowed.join(', ')}` }, k, field === 'options' ? `options.${k}` : `${field}.${k}`);
    }
  }
}

/** An optional boolean option (`cultureDay: 'yes'` is refused, not read as false). */
function bool(v: unknown, field: string): boolean | undefined {
  if (v === undefined || typeof v === 'boolean') return v;
  throw new MotcuaError('INVALID_OPTION', { vi: `cần giá trị đúng/sai (true hoặc false), nhận được ${show(v, 'vi')}`, en: `expected true or false, got ${show(v)}` }, v, field);
}

/** An optional text option (a name or a source). */
function text(v: unknown, field: string): void {
  if (v !== undefined && typeof v !== 'string') throw new MotcuaError('INVALID_OPTION', { vi: `cần một chuỗi văn bản, nhận được ${show(v, 'vi')}`, en: `expected a text, got ${show(v)}` }, v, field);
}

/** A date given in the options: a bad one is a bad option (`INVALID_OPTION`, naming its path), as documented. */
function optionDate(v: unknown, field: string): number {
  try {
    return parseDate(v, field);
  } catch (e) {
    if (e instanceof MotcuaError && e.code === 'INVALID_DATE') throw new MotcuaError('INVALID_OPTION', { vi: e.texts.vi.slice(field.length + 2), en: e.message.slice(field.length + 2) }, v, field);
    throw e;
  }
}

function asOverride(v: unknown, field: string): DayOverride {
  if (typeof v === 'string') return { date: v };
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    checkKeys(v, ['date', 'name', 'source'], field);
    const o = v as DayOverride;
    if (typeof o.date !== 'string') throw new MotcuaError('INVALID_OPTION', { vi: `cần một ngày dạng "YYYY-MM-DD", nhận được ${show(o.date, 'vi')}`, en: `expected a date "YYYY-MM-DD", got ${show(o.date)}` }, o.date, `${field}.date`);
    text(o.name, `${field}.name`);
    text(o.source, `${field}.source`);
    return o;
  }
  throw new MotcuaError('INVALID_OPTION', { vi: `cần một ngày "YYYY-MM-DD" hoặc { date, name?, source? }, nhận được ${show(v, 'vi')}`, en: `expected "YYYY-MM-DD" or { date, name?, source? }, got ${show(v)}` }, v, field);
}

/** The keys of {@link CalendarOptions}. */
const OPTION_KEYS = ['fromYear', 'toYear', 'weeklyRest', 'officialData', 'schedules', 'swaps', 'extraDaysOff', 'extraWorkingDays', 'cultureDay', 'officeHours', 'hoursPerWorkingDay'] as const;
/** Kinds of days off a swap's working day cannot be: a holiday is not worked in exchange for another day. */
const HOLIDAY_KINDS: ReadonlySet<DayKind> = new Set<DayKind>(['holiday', 'tet', 'compensatory', 'swap', 'extra-day-off']);

function list<T>(v: readonly T[] | undefined, field: string): readonly T[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new MotcuaError('INVALID_OPTION', { vi: `cần một mảng (danh sách), nhận được ${show(v, 'vi')}`, en: `expected an array, got ${show(v)}` }, v, field);
  return v;
}

function sourceText(ids: readonly number[]): string | null {
  if (ids.length === 0) return null;
  return ids.map((i) => (SOURCES[i] as { id: string }).id).join('; ');
}

/** Source of 24/11, not yet in the Labour Code. */
export const CULTURE_DAY_SOURCE =
  'Nghị quyết 80-NQ/TW (2026-01-07) and Nghị quyết 30/NQ-CP: decided in principle, pending the amendment of Labour Code 2019 Art 112(1)';

function reasonFor(kind: DayKind, occasion: Occasion | null, name: string): Texts {
  if (occasion === 'ngay_van_hoa_viet_nam') {
    return kind === 'compensatory'
      ? {
          vi: `nghỉ bù ${name} trùng ngày nghỉ hằng tuần (chưa có trong Bộ luật Lao động; bật bằng options.cultureDay)`,
          en: `compensatory day off (nghỉ bù) for ${name} falling on a weekly rest day (pending: not yet in the Labour Code; enabled by options.cultureDay)`,
        }
      : {
          vi: `${name}: ngày nghỉ đã có chủ trương (chưa có trong Bộ luật Lao động; bật bằng options.cultureDay)`,
          en: `${name}: day off decided in principle (pending: not yet in the Labour Code; enabled by options.cultureDay)`,
        };
  }
  return (KIND_REASON[kind] as (n: string) => Texts)(name);
}

const KIND_REASON: Partial<Record<DayKind, (name: string) => Texts>> = {
  holiday: (n) => ({ vi: `nghỉ lễ, tết: ${n}`, en: `statutory holiday: ${n}` }),
  tet: () => ({ vi: 'nghỉ Tết Nguyên đán', en: 'Tết Nguyên đán break' }),
  compensatory: (n) => ({ vi: `nghỉ bù ${n} trùng ngày nghỉ hằng tuần`, en: `compensatory day off (nghỉ bù) for ${n} falling on a weekly rest day` }),
};

/** Append a note in each locale. */
function withNote(t: Texts, note: Texts): Texts {
  return { vi: `${t.vi}${note.vi}`, en: `${t.en}${note.en}` };
}

/** `Thứ Bảy` / `Saturday`. */
function wdays(day: number): Texts {
  return { vi: weekdayName(day, 'vi'), en: weekdayName(day, 'en') };
}

export function buildIndex(options: CalendarOptions): Index {
  if (typeof options !== 'object' || options === null) {
    throw new MotcuaError('INVALID_OPTION', { vi: `cần một đối tượng tùy chọn, nhận được ${show(options, 'vi')}`, en: `expected an options object, got ${show(options)}` }, options, 'options');
  }
  checkKeys(options, OPTION_KEYS, 'options');
  const fromYear = checkYear(options.fromYear ?? LUNAR_FROM, 'options.fromYear');
  const toYear = checkYear(options.toYear ?? LUNAR_TO, 'options.toYear');
  if (toYear < fromYear) throw new MotcuaError('INVALID_OPTION', { vi: `năm cuối (toYear) ${toYear} đứng trước năm đầu (fromYear) ${fromYear}`, en: `toYear ${toYear} is before fromYear ${fromYear}` }, toYear, 'options.toYear');
  const fromDay = daysFromCivil(fromYear, 1, 1);
  const toDay = daysFromCivil(toYear, 12, 31);
  const n = toDay - fromDay + 1;

  let isRest: (day: number) => boolean;
  const customRest = options.weeklyRest !== undefined;
  if (customRest) {
    const rest = list(options.weeklyRest, 'options.weeklyRest');
    const mask = [false, false, false, false, false, false, false];
    rest.forEach((w, i) => {
      if (!Number.isInteger(w) || (w as number) < 0 || (w as number) > 6) {
        throw new MotcuaError('INVALID_OPTION', { vi: `cần một thứ trong tuần từ 0 (Chủ Nhật) đến 6 (Thứ Bảy), nhận được ${show(w, 'vi')}`, en: `expected a weekday 0 (Sunday) to 6 (Saturday), got ${show(w)}` }, w, `options.weeklyRest[${i}]`);
      }
      mask[w as Weekday] = true;
    });
    if (mask.every(Boolean)) throw new MotcuaError('INVALID_OPTION', { vi: 'một tuần phải có ít nhất một ngày làm việc', en: 'a week needs at least one working day' }, rest, 'options.weeklyRest');
    isRest = (day) => mask[weekdayOf(day)] as boolean;
  } else {
    isRest = (day) => {
      const w = weekdayOf(day);
      return w === 0 || (w === 6 && day >= FIVE_DAY_WEEK_FROM);
    };
  }
  const officialData = bool(options.officialData, 'options.officialData') ?? !customRest;
  const cultureDay = bool(options.cultureDay, 'options.cultureDay') === true;
  const office = normalizeOffice(options.officeHours);
  const hoursPerWorkingDay = options.hoursPerWorkingDay ?? 8;
  if (typeof hoursPerWorkingDay !== 'number' || !(hoursPerWorkingDay > 0 && hoursPerWorkingDay <= 24)) {
    throw new MotcuaError('INVALID_OPTION', { vi: `cần số giờ trong khoảng (0, 24], nhận được ${show(hoursPerWorkingDay, 'vi')}`, en: `expected hours in (0, 24], got ${show(hoursPerWorkingDay)}` }, hoursPerWorkingDay, 'options.hoursPerWorkingDay');
  }

  const working = new Uint8Array(n);
  for (let i = 0; i < n; i++) working[i] = isRest(fromDay + i) ? 0 : 1;
  const special = new Map<number, Entry>();
  const inRange = (day: number) => day >= fromDay && day <= toDay;
  const set = (day: number, e: Entry) => {
    if (!inRange(day)) return;
    working[day - fromDay] = e.working ? 1 : 0;
    special.set(day - fromDay, e);
  };

  // 1. User schedules replace whole years.
  const schedules = new Map<number, { daysOff: DayOverride[]; workingDays: DayOverride[]; source: string }>();
  list(options.schedules, 'options.schedules').forEach((s, i) => {
    const f = `options.schedules[${i}]`;
    if (typeof s !== 'object' || s === null || Array.isArray(s)) throw new MotcuaError('INVALID_OPTION', { vi: `cần một lịch nghỉ { year, daysOff, workingDays?, source }, nhận được ${show(s, 'vi')}`, en: `expected { year, daysOff, workingDays?, source }, got ${show(s)}` }, s, f);
    checkKeys(s, ['year', 'daysOff', 'workingDays', 'source'], f);
    const year = checkYear(s.year, `${f}.year`);
    if (schedules.has(year)) throw new MotcuaError('INVALID_OPTION', { vi: `có hai lịch nghỉ cho năm ${year}`, en: `two schedules for ${year}` }, year, `${f}.year`);
    if (typeof s.source !== 'string' || s.source === '') {
      throw new MotcuaError('INVALID_OPTION', { vi: 'lịch nghỉ phải ghi nguồn (thông báo đã công bố lịch nghỉ)', en: 'a schedule needs its source (the notice that announced it)' }, s.source, `${f}.source`);
    }
    const daysOff = list(s.daysOff, `${f}.daysOff`).map((d, j) => asOverride(d, `${f}.daysOff[${j}]`));
    const workingDays = list(s.workingDays, `${f}.workingDays`).map((d, j) => asOverride(d, `${f}.workingDays[${j}]`));
    schedules.set(year, { daysOff, workingDays, source: s.source });
  });

  // 2. Each year: a user schedule, else the compiled official schedule, else the estimate by rule.
  const officialByYear = new Map<number, typeof DAYS[number][]>();
  if (officialData) {
    for (const d of DAYS) {
      const y = Number(d.date.slice(0, 4));
      const arr = officialByYear.get(y) ?? [];
      arr.push(d);
      officialByYear.set(y, arr);
    }
  }
  const yearStatus = new Map<number, DataStatus>();
  const swapPartner = new Map<string, string>();
  for (const d of DAYS) if (d.replaces) swapPartner.set(d.replaces, d.date);
  for (let year = fromYear; year <= toYear; year++) {
    const sched = schedules.get(year);
    yearStatus.set(year, sched ? 'user' : officialByYear.has(year) && YEARS[year] ? (YEARS[year]!.projected ? 'inferred' : 'verified') : 'estimated');
    if (sched) {
      const f = `options.schedules[${year}]`;
      for (const d of sched.daysOff) {
        const day = optionDate(d.date, `${f}.daysOff`);
        if (civilFromDays(day)[0] !== year) throw new MotcuaError('INVALID_OPTION', { vi: `ngày ${d.date} không thuộc năm ${year}`, en: `${d.date} is not in ${year}` }, d.date, `${f}.daysOff`);
        set(day, { working: false, kind: 'holiday', occasion: null, name: d.name ?? null, reason: { vi: `ngày nghỉ đã công bố năm ${year}${d.name ? `: ${d.name}` : ''}`, en: `day off announced for ${year}${d.name ? `: ${d.name}` : ''}` }, source: d.source ?? sched.source, status: 'user', estimated: false });
      }
      for (const d of sched.workingDays) {
        const day = optionDate(d.date, `${f}.workingDays`);
        set(day, { working: true, kind: 'working-saturday', occasion: null, name: d.name ?? null, reason: { vi: `ngày làm việc đã công bố năm ${year}${d.name ? `: ${d.name}` : ''}`, en: `working day announced for ${year}${d.name ? `: ${d.name}` : ''}` }, source: d.source ?? sched.source, status: 'user', estimated: false });
      }
      continue;
    }
    const official = officialByYear.get(year);
    if (official && YEARS[year]) {
      const projected = (YEARS[year] as { projected: boolean }).projected;
      for (const d of official) {
        if (d.status === 'pending' && !cultureDay) continue;
        const day = parseDate(d.date);
        const name = occasionName(d.occasion, day);
        const estimated = projected || d.status === 'inferred';
        let reason: Texts;
        if (d.kind === 'working-saturday') {
          reason = { vi: `làm việc bù cho ${dateText(d.replaces!, 'vi')} (${name})`, en: `working Saturday (làm bù) in exchange for ${d.replaces} (${name})` };
        } else if (d.kind === 'swap') {
          const on = swapPartner.get(d.date);
          reason = {
            vi: `nghỉ hoán đổi dịp ${name}${on ? `, làm bù vào ${dateText(on, 'vi')}` : ''}`,
            en: `swapped day off (hoán đổi) for ${name}${on ? `, worked on ${on}` : ''}`,
          };
        } else reason = reasonFor(d.kind, d.occasion, name);
        if (estimated) reason = withNote(reason, { vi: ` (ước tính: lịch nghỉ năm ${year} là dự kiến, chưa được công bố)`, en: ` (estimated: the ${year} schedule is a projection, not yet announced)` });
        const source = d.occasion === 'ngay_van_hoa_viet_nam' ? CULTURE_DAY_SOURCE : (sourceText(d.sources) ?? lawOf(year));
        set(day, { working: d.working, kind: d.kind, occasion: d.occasion, name, reason, source, status: d.status, estimated });
      }
      for (const b of BLOCKS) {
        if (b.year !== year && !(b.from.startsWith(String(year)) || b.to.startsWith(String(year)))) continue;
        if (b.status === 'pending' && !cultureDay) continue;
        for (let day = parseDate(b.from); day <= parseDate(b.to); day++) {
          if (!inRange(day) || special.has(day - fromDay) || !isRest(day)) continue;
          const name = occasionName(b.occasion, day);
          special.set(day - fromDay, { working: false, kind: 'weekend', occasion: b.occasion, name, reason: { vi: `nghỉ hằng tuần (${wdays(day).vi}) trong đợt nghỉ ${name} ${rangeText(parseDate(b.from), parseDate(b.to))}`, en: `weekly rest (${wdays(day).en}) within the ${name} break ${b.from}..${b.to}` }, source: sourceText(b.sources) ?? lawOf(b.year), status: b.status, estimated: projected });
        }
      }
      if (cultureDay && !official.some((d) => d.occasion === 'ngay_van_hoa_viet_nam')) {
        addRuleDays(year, (r) => r.occasion === 'ngay_van_hoa_viet_nam');
      }
      continue;
    }
    addRuleDays(year, () => true);
  }

  function addRuleDays(year: number, keep: (r: { occasion: Occasion }) => boolean) {
    const law = lawOf(year);
    for (const r of estimateYear(year, isRest, cultureDay)) {
      if (!keep(r)) continue;
      const name = occasionName(r.occasion, r.day);
      const reason: Texts =
        r.kind === 'weekend'
          ? { vi: `nghỉ hằng tuần (${wdays(r.day).vi}); ${name} trùng vào ngày này và được nghỉ bù`, en: `weekly rest (${wdays(r.day).en}); ${name} falls on it and is compensated` }
          : reasonFor(r.kind, r.occasion, name);
      const pending = r.occasion === 'ngay_van_hoa_viet_nam';
      set(r.day, {
        working: false,
        kind: r.kind,
        occasion: r.occasion,
        name,
        reason: withNote(reason, { vi: ` (ước tính theo quy tắc: chưa có lịch nghỉ chính thức năm ${year})`, en: ` (estimated by rule: no official schedule for ${year})` }),
        source: pending ? CULTURE_DAY_SOURCE : law,
        status: 'estimated',
        estimated: true,
      });
    }
  }

  // 3. One-line overrides: swaps, extra days off, extra working days (highest precedence).
  const userDays = new Map<number, string>();
  const userSet = (day: number, field: string, e: Entry) => {
    if (!inRange(day)) {
      throw new MotcuaError('OUT_OF_RANGE', { vi: `ngày ${formatDate(day)} nằm ngoài các năm của lịch (${fromYear}-${toYear})`, en: `${formatDate(day)} is outside the calendar's years ${fromYear}-${toYear}` }, formatDate(day), field);
    }
    const prev = userDays.get(day);
    if (prev !== undefined) throw new MotcuaError('INVALID_OPTION', { vi: `ngày ${formatDate(day)} đã được khai ở ${prev}`, en: `${formatDate(day)} is also given in ${prev}` }, formatDate(day), field);
    userDays.set(day, field);
    set(day, e);
  };
  // A swap moves a working day off (dayOff) to a weekly rest day, which is worked (workingDay).
  // Checked against the calendar before the one-line overrides, so two dates given the wrong way
  // round (which would make 30/4 a working day) are refused instead of applied.
  const before = (day: number) => (inRange(day) ? { working: working[day - fromDay] === 1, entry: special.get(day - fromDay) } : null);
  list(options.swaps, 'options.swaps').forEach((s, i) => {
    const f = `options.swaps[${i}]`;
    if (typeof s !== 'object' || s === null || Array.isArray(s)) throw new MotcuaError('INVALID_OPTION', { vi: `cần một hoán đổi ngày { dayOff, workingDay, name?, source? }, nhận được ${show(s, 'vi')}`, en: `expected { dayOff, workingDay, name?, source? }, got ${show(s)}` }, s, f);
    checkKeys(s, ['dayOff', 'workingDay', 'name', 'source'], f);
    const off = optionDate(s.dayOff, `${f}.dayOff`);
    const on = optionDate(s.workingDay, `${f}.workingDay`);
    text(s.name, `${f}.name`);
    text(s.source, `${f}.source`);
    const offBefore = before(off);
    const onBefore = before(on);
    // the same swap as the compiled schedule's (restating an announced swap) is harmless
    const restated = offBefore?.entry?.kind === 'swap' && onBefore?.working === true && onBefore.entry?.kind === 'working-saturday';
    if (offBefore && !offBefore.working && !restated) {
      throw new MotcuaError(
        'INVALID_OPTION',
        {
          vi: `ngày ${formatDate(off)} đã là ngày nghỉ (${offBefore.entry?.reason.vi ?? `nghỉ hằng tuần, ${wdays(off).vi}`}): ngày nghỉ của một hoán đổi phải là ngày làm việc được cho nghỉ${onBefore && !onBefore.working ? '; có phải dayOff và workingDay bị đảo ngược?' : ''}`,
          en: `${formatDate(off)} is already a day off (${offBefore.entry?.reason.en ?? `weekly rest, ${wdays(off).en}`}): the day off of a swap is a working day given off${onBefore && !onBefore.working ? '; are dayOff and workingDay the wrong way round?' : ''}`,
        },
        formatDate(off),
        `${f}.dayOff`,
      );
    }
    if (onBefore && !restated) {
      if (onBefore.entry && HOLIDAY_KINDS.has(onBefore.entry.kind) && !onBefore.working) {
        throw new MotcuaError(
          'INVALID_OPTION',
          {
            vi: `ngày ${formatDate(on)} là ngày nghỉ không được làm bù (${onBefore.entry.reason.vi}): ngày làm bù của một hoán đổi phải là ngày nghỉ hằng tuần`,
            en: `${formatDate(on)} is a day off that is not worked in exchange (${onBefore.entry.reason.en}): the working day of a swap is a weekly rest day`,
          },
          formatDate(on),
          `${f}.workingDay`,
        );
      }
      if (onBefore.working) {
        throw new MotcuaError('INVALID_OPTION', { vi: `ngày ${formatDate(on)} đã là ngày làm việc: ngày làm bù của một hoán đổi phải là ngày nghỉ hằng tuần được làm bù`, en: `${formatDate(on)} is already a working day: the working day of a swap is a weekly rest day worked in exchange` }, formatDate(on), `${f}.workingDay`);
      }
    }
    const name = s.name ?? null;
    const source = s.source ?? 'options.swaps';
    userSet(off, `${f}.dayOff`, { working: false, kind: 'swap', occasion: null, name, reason: { vi: `nghỉ hoán đổi${name ? ` dịp ${name}` : ''}, làm bù vào ${dateText(formatDate(on), 'vi')}`, en: `swapped day off (hoán đổi)${name ? ` for ${name}` : ''}, worked on ${formatDate(on)}` }, source, status: 'user', estimated: false });
    userSet(on, `${f}.workingDay`, { working: true, kind: 'working-saturday', occasion: null, name, reason: { vi: `làm việc bù cho ${dateText(formatDate(off), 'vi')}${name ? ` (${name})` : ''}`, en: `working day (làm bù) in exchange for ${formatDate(off)}${name ? ` (${name})` : ''}` }, source, status: 'user', estimated: false });
  });
  list(options.extraDaysOff, 'options.extraDaysOff').forEach((v, i) => {
    const f = `options.extraDaysOff[${i}]`;
    const o = asOverride(v, f);
    const day = optionDate(o.date, `${f}.date`);
    userSet(day, f, { working: false, kind: 'extra-day-off', occasion: null, name: o.name ?? null, reason: { vi: `ngày nghỉ thêm${o.name ? `: ${o.name}` : ''} (options.extraDaysOff)`, en: `extra day off${o.name ? `: ${o.name}` : ''} (options.extraDaysOff)` }, source: o.source ?? 'options.extraDaysOff', status: 'user', estimated: false });
  });
  list(options.extraWorkingDays, 'options.extraWorkingDays').forEach((v, i) => {
    const f = `options.extraWorkingDays[${i}]`;
    const o = asOverride(v, f);
    const day = optionDate(o.date, `${f}.date`);
    userSet(day, f, { working: true, kind: 'extra-working-day', occasion: null, name: o.name ?? null, reason: { vi: `ngày làm việc thêm${o.name ? `: ${o.name}` : ''} (options.extraWorkingDays)`, en: `extra working day${o.name ? `: ${o.name}` : ''} (options.extraWorkingDays)` }, source: o.source ?? 'options.extraWorkingDays', status: 'user', estimated: false });
  });

  // 4. Running counts.
  const cum = new Int32Array(n + 1);
  let w = 0;
  for (let i = 0; i < n; i++) {
    cum[i] = w;
    w += working[i] as number;
  }
  cum[n] = w;
  const wd = new Int32Array(w);
  for (let i = 0, k = 0; i < n; i++) if (working[i]) wd[k++] = i;
  const periodSet = new Uint8Array(n);
  const cumMin = new Int32Array(n + 1);
  const setMinutes = office.sets.map(minutesIn);
  let mins = 0;
  for (let i = 0; i < n; i++) {
    const s = office.seasons.length ? periodSetOf(office, fromDay + i) : 0;
    periodSet[i] = s;
    cumMin[i] = mins;
    if (working[i]) mins += setMinutes[s] as number;
  }
  cumMin[n] = mins;

  return {
    fromDay,
    toDay,
    fromYear,
    toYear,
    working,
    cum,
    wd,
    cumMin,
    periodSet,
    office,
    hoursPerWorkingDay,
    special,
    dates: new Array<string | undefined>(n),
    isRest,
    yearStatus,
    restSource: customRest ? 'options.weeklyRest' : 'Quyết định 188/1999/QĐ-TTg (Saturday and Sunday from 1999-10-02; Sunday only before)',
  };
}
