/**
 * Types of the working calendar.
 * @module
 */

/** A civil date in Vietnam, `YYYY-MM-DD` (zero-padded, Gregorian). */
export type CivilDate = string;

/**
 * An instant: a `Date`, or an ISO 8601 string with an offset, e.g. `2026-02-13T10:00+07:00`
 * or `2026-02-13T03:00:00Z`. Strings without an offset are refused.
 */
export type Instant = string | Date;

/** Day of the week, 0 = Sunday (Chủ nhật) ... 6 = Saturday (Thứ bảy). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/**
 * Why a day is or is not a working day (loại ngày). The four kinds of a day off are the
 * `kindLegend` of `data/vn-official-days.json`, word for word:
 * - `holiday`: statutory holiday on a weekday (ngày nghỉ lễ, tết).
 * - `compensatory`: nghỉ bù: statutory holiday fell on Sat/Sun (Labour Code 2019 Art 111(3)).
 * - `swap`: hoán đổi: weekday given off, worked on the paired Saturday.
 * - `tet`: weekday inside the Tết block (statutory vs compensatory split not material).
 *
 * and the others:
 * - `workday`: an ordinary working day (ngày làm việc).
 * - `weekend`: weekly rest (nghỉ hằng tuần), Saturday and Sunday for civil servants.
 * - `working-saturday`: a weekly rest day worked in exchange for a swapped weekday (làm bù).
 * - `extra-day-off` / `extra-working-day`: added by the calendar's options.
 *
 * Each day of the compiled schedule keeps the kind its year's data gives it, so the Tết Nguyên
 * đán weekdays are `tet` in some years (2018-2020, 2023, 2024, 2027, and every estimated year)
 * and `holiday` or `compensatory` in others (2021, 2022, 2025, 2026). `kind` says how a day off
 * arises; to find a festival, filter by {@link Occasion} (`occasion === 'tet_nguyen_dan'`), not by
 * `kind === 'tet'`.
 */
export type DayKind =
  | 'workday'
  | 'weekend'
  | 'holiday'
  | 'tet'
  | 'compensatory'
  | 'swap'
  | 'working-saturday'
  | 'extra-day-off'
  | 'extra-working-day';

/**
 * How sure an entry is.
 * - `verified`: seen in a cited official notice (or news report of it).
 * - `derived`: follows mechanically from the Labour Code and the calendar.
 * - `inferred`: a projection for a year not yet announced (estimated).
 * - `pending`: announced as policy, not yet law (e.g. 24/11).
 * - `estimated`: computed by motcua's rules for a year with no compiled schedule.
 * - `user`: given in the calendar's options.
 */
export type DataStatus = 'verified' | 'derived' | 'inferred' | 'pending' | 'estimated' | 'user';

/**
 * Holiday occasions (dịp nghỉ lễ, tết), with the data's identifiers: the key to filter a festival
 * by. Every weekday off of a break carries its occasion whatever its {@link DayKind} (Tết
 * Nguyên đán is `'tet_nguyen_dan'` in every year, its kind is not).
 */
export type Occasion =
  | 'tet_duong_lich'
  | 'tet_nguyen_dan'
  | 'gio_to_hung_vuong'
  | '30_4_1_5'
  | 'gio_to_hung_vuong+30_4_1_5'
  | 'quoc_khanh'
  | 'ngay_van_hoa_viet_nam';

/** A cited source of the official schedule. */
export interface OfficialSource {
  readonly id: string;
  readonly url?: string;
}

/** A year of the compiled official schedule. */
export interface OfficialYear {
  /** The Labour Code in force. */
  readonly law: string;
  /** True when the year is a projection (not yet announced). */
  readonly projected: boolean;
}

/** A holiday break as announced, from first to last day off (weekends included). */
export interface OfficialBlock {
  readonly occasion: Occasion;
  readonly year: number;
  readonly from: CivilDate;
  readonly to: CivilDate;
  readonly status: DataStatus;
  readonly sources: readonly number[];
  readonly note?: string;
}

/** A weekday off or a working Saturday in the compiled official schedule. */
export interface OfficialDay {
  readonly date: CivilDate;
  readonly working: boolean;
  readonly kind: DayKind;
  readonly occasion: Occasion;
  readonly occasionYear: number;
  readonly status: DataStatus;
  readonly sources: readonly number[];
  /** For a working Saturday: the weekday it replaces. */
  readonly replaces?: CivilDate;
}

/** A day given in the options, with an optional name and source. */
export interface DayOverride {
  readonly date: CivilDate;
  /** Shown by `explain`, e.g. "Nghỉ bù theo Công văn …". */
  readonly name?: string;
  /** Where it comes from, e.g. "Công văn 12729/VPCP-KGVX (2025-12-25)". */
  readonly source?: string;
}

/** A swap announced by the Government Office: `dayOff` (a weekday) is off, `workingDay` (a Saturday) is worked. */
export interface SwapOverride {
  readonly dayOff: CivilDate;
  readonly workingDay: CivilDate;
  readonly name?: string;
  readonly source?: string;
}

/**
 * A whole year's announced schedule. It replaces what the calendar would otherwise
 * use for that year's holidays (compiled data or estimate): give every weekday off and
 * every working Saturday of the year.
 */
export interface YearSchedule {
  readonly year: number;
  readonly daysOff: readonly (CivilDate | DayOverride)[];
  readonly workingDays?: readonly (CivilDate | DayOverride)[];
  /** The notice, e.g. "Công văn 9859/VPCP-KGVX (2025-10-13)". */
  readonly source: string;
}

/** A clock period of office hours, `['07:30', '11:30']`. */
export type OfficePeriod = readonly [from: string, to: string];

/** Office hours in a season (a range of `MM-DD`, inclusive, may wrap over the new year). */
export interface OfficeSeason {
  readonly from: string;
  readonly to: string;
  readonly periods: readonly OfficePeriod[];
}

/**
 * Office hours (giờ làm việc). Provinces set their own, often by season.
 * Default `07:30-11:30, 13:00-17:00` all year.
 */
export interface OfficeHours {
  readonly periods: readonly OfficePeriod[];
  readonly seasons?: readonly OfficeSeason[];
}

/** Options of {@link createCalendar}. Every field is optional and plain data. */
export interface CalendarOptions {
  /** First year covered (default 1990, minimum 1990). */
  readonly fromYear?: number;
  /** Last year covered (default 2100, maximum 2100). */
  readonly toYear?: number;
  /**
   * Weekly rest days. Default: civil servants (Decision 188/1999/QĐ-TTg): Saturday and
   * Sunday from 1999-10-02, Sunday only before. Give e.g. `[0]` for a Sunday-only employer.
   */
  readonly weeklyRest?: readonly Weekday[];
  /** Use the compiled official schedules 2018-2027 (default true). `false` estimates every year by rule. */
  readonly officialData?: boolean;
  /** Whole-year schedules newly announced; each replaces that year's compiled or estimated holidays. */
  readonly schedules?: readonly YearSchedule[];
  /** Swaps newly announced: one line each. */
  readonly swaps?: readonly SwapOverride[];
  /** Extra days off (e.g. a provincial day off for an agency). */
  readonly extraDaysOff?: readonly (CivilDate | DayOverride)[];
  /** Extra working days (e.g. a working Saturday). */
  readonly extraWorkingDays?: readonly (CivilDate | DayOverride)[];
  /**
   * 24/11 Ngày Văn hóa Việt Nam as a paid day off from 2026 (Politburo Resolution 80-NQ/TW;
   * not yet in the Labour Code): off by default.
   */
  readonly cultureDay?: boolean;
  /** Office hours (default 07:30-11:30 and 13:00-17:00). */
  readonly officeHours?: OfficeHours;
  /** Hours in one working day when a fractional day limit is converted to hours (default 8, Labour Code Art 105). */
  readonly hoursPerWorkingDay?: number;
}

/** Why a date is or is not a working day: the result of {@link explain}. */
export interface DayExplanation {
  readonly date: CivilDate;
  readonly working: boolean;
  /** How the day is off or worked; see {@link DayKind} (not the key of a festival: use `occasion`). */
  readonly kind: DayKind;
  /** Vietnamese name of the occasion, when there is one (e.g. "Tết Nguyên đán"). */
  readonly name: string | null;
  /** The festival the day belongs to (`'tet_nguyen_dan'`, …), `null` for an ordinary day: filter by it. */
  readonly occasion: Occasion | null;
  /** One English sentence saying why. */
  readonly reason: string;
  /** The source: a notice, the Labour Code article, or the option that set it. */
  readonly source: string | null;
  readonly status: DataStatus;
  /** True when the day comes from motcua's estimate (or a projection), not an announcement or law. */
  readonly estimated: boolean;
}

/**
 * An immutable working calendar. Plain data (its normalised options) plus a hidden
 * precompiled index; `JSON.stringify(calendar)` gives the options it was built from.
 */
export interface Calendar {
  readonly type: 'motcua.calendar';
  readonly fromYear: number;
  readonly toYear: number;
  readonly options: CalendarOptions;
}
