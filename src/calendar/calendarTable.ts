import { MotcuaError } from '../errors';
import { yearOffsets } from './daysOff';
import { explainAt } from './explain';
import { indexOf } from './createCalendar';
import type { Calendar, CivilDate, DataStatus, DayKind, Occasion } from './types';

/** One day of {@link calendarTable}: the calendar as a table, for SQL engines and spreadsheets. */
export interface CalendarRow {
  readonly date: CivilDate;
  readonly working: boolean;
  /** How the day is off or worked ({@link DayKind}); Tết weekdays are `tet` in some years, `holiday` or `compensatory` in others. */
  readonly kind: DayKind;
  readonly name: string | null;
  /** The festival of the day (`'tet_nguyen_dan'`, …): the column to filter a festival by. */
  readonly occasion: Occasion | null;
  readonly source: string | null;
  readonly status: DataStatus;
  readonly estimated: boolean;
  /**
   * Working days from the start of the calendar up to and including this date (số thứ tự ngày
   * làm việc). N working days after `d` is the working day whose ordinal is `ordinal(d) + N`:
   * a join, not a loop.
   */
  readonly workingDayOrdinal: number;
}

/**
 * The calendar as one row per day for whole years (lịch làm việc dạng bảng), so that databases
 * compute working-day deadlines by join: the due date of `N` working days after `d` is the row
 * with `working` and `workingDayOrdinal = ordinal(d) + N`.
 *
 * @param range - First and last year, inclusive, inside the calendar.
 * @param calendar - Defaults to the civil-servant calendar.
 * @throws {MotcuaError} `INVALID_NUMBER`, `OUT_OF_RANGE` or `INVALID_INPUT` (to before from).
 *
 * @example
 * ```ts
 * import { calendarTable } from 'motcua/calendar';
 * const rows = calendarTable({ fromYear: 2026, toYear: 2026 });
 * rows.length; // 365
 * rows.find((r) => r.date === '2026-02-17')?.kind; // 'holiday'
 * ```
 */
export function calendarTable(range: { fromYear: number; toYear: number }, calendar?: Calendar): CalendarRow[] {
  const idx = indexOf(calendar);
  const [from] = yearOffsets(idx, range?.fromYear);
  const [, to] = yearOffsets(idx, range?.toYear);
  if (to <= from) throw new MotcuaError('INVALID_INPUT', { vi: `năm cuối (toYear) ${range.toYear} đứng trước năm đầu (fromYear) ${range.fromYear}`, en: `toYear ${range.toYear} is before fromYear ${range.fromYear}` }, range.toYear, 'toYear');
  const rows: CalendarRow[] = [];
  for (let i = from; i < to; i++) {
    const e = explainAt(idx, i);
    rows.push({
      date: e.date,
      working: e.working,
      kind: e.kind,
      name: e.name,
      occasion: e.occasion,
      source: e.source,
      status: e.status,
      estimated: e.estimated,
      workingDayOrdinal: idx.cum[i + 1]!,
    });
  }
  return rows;
}
