/**
 * `motcua/calendar`: the working-day calendar of Vietnamese state agencies (lịch làm việc),
 * with Labour Code holidays on the Vietnamese lunar calendar, the official yearly schedules,
 * office hours and cut-offs, in Asia/Ho_Chi_Minh civil time.
 *
 * @module calendar
 */
export { createCalendar, defaultCalendar } from './createCalendar';
export { isWorkingDay } from './isWorkingDay';
export { explain } from './explain';
export { addWorkingDays } from './addWorkingDays';
export { workingDaysBetween } from './workingDaysBetween';
export { nextWorkingDay } from './nextWorkingDay';
export { previousWorkingDay } from './previousWorkingDay';
export { daysOff, workingWeekends } from './daysOff';
export { addWorkingHours } from './addWorkingHours';
export { workingHoursBetween } from './workingHoursBetween';
export { dueDate, LIMIT_UNITS } from './dueDate';
export type { DueDateInput, DueDateResult, DueDateStep, Limit, LimitUnit, SkippedDaysOff } from './dueDate';
export { formatDay } from './formatDay';
export { LOCALES } from '../_lib/locale';
export type { Locale, LocaleOptions } from '../_lib/locale';
export { tetDate, hungKingsDate } from './lunarDates';
export { calendarTable } from './calendarTable';
export type { CalendarRow } from './calendarTable';
export { MotcuaError, isMotcuaError, messageOf } from '../errors';
export type { ErrorTexts } from '../errors';
export type { MotcuaErrorCode } from '../errors';
export type * from './types';
