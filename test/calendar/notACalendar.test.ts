// A value given as a calendar that createCalendar() did not make (#19): every public function that
// takes a calendar refuses it with a MotcuaError INVALID_OPTION on the field `calendar`, in
// Vietnamese and English, never a bare TypeError.
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  addWorkingHours,
  calendarTable,
  createCalendar,
  daysOff,
  dueDate,
  explain,
  isWorkingDay,
  messageOf,
  nextWorkingDay,
  previousWorkingDay,
  workingDaysBetween,
  workingHoursBetween,
  workingWeekends,
} from '../../src/calendar/index';
import type { Calendar, MotcuaError } from '../../src/calendar/index';
import { initial, replay, replayMany } from '../../src/dossier/index';
import { handlingTime766, indicesCatalog, period, recordFromLog, sampleRecords } from '../../src/kpi/index';
import { dueDateFor, findProcedure, sampleCatalog } from '../../src/procedure/index';
import { ev, simpleProcedure } from '../dossier/_fixtures';

const real = createCalendar({ extraDaysOff: ['2026-03-10'] });
/** Look-alikes: the JSON copy of a real calendar (what a round trip through storage gives), an empty object, a number, a string. */
const FAKES: [string, unknown][] = [
  ['its JSON copy', JSON.parse(JSON.stringify(real))],
  ['an empty object', {}],
  ['a number', 5],
  ['a string', 'calendar'],
  ['an array', []],
];

const at = '2026-03-02T09:00+07:00';
const procedure = simpleProcedure(3);
const birth = findProcedure(sampleCatalog, '1.001193')!;
const facts = { digitised: true, eResult: false, feeDue: false, paidOnline: false, synced: true, complaint: false };
const record = sampleRecords({ year: 2026 }).find((r) => r.finishedAs === 'resolved' && r.finishedOn !== null && r.receivedOn >= '2026-01-01' && r.receivedOn <= '2026-03-31')!;

/** Every public function that takes a calendar, called with `cal` where it takes one. */
const CALLS: [string, (cal: Calendar) => unknown][] = [
  ['isWorkingDay', (cal) => isWorkingDay('2026-03-02', cal)],
  ['addWorkingDays', (cal) => addWorkingDays('2026-03-02', 3, cal)],
  ['addWorkingHours', (cal) => addWorkingHours(at, 3, cal)],
  ['workingDaysBetween', (cal) => workingDaysBetween('2026-03-02', '2026-03-09', cal)],
  ['workingHoursBetween', (cal) => workingHoursBetween(at, '2026-03-03T09:00+07:00', cal)],
  ['nextWorkingDay', (cal) => nextWorkingDay('2026-03-02', cal)],
  ['previousWorkingDay', (cal) => previousWorkingDay('2026-03-02', cal)],
  ['daysOff', (cal) => daysOff(2026, cal)],
  ['workingWeekends', (cal) => workingWeekends(2026, cal)],
  ['explain', (cal) => explain('2026-03-02', cal)],
  ['dueDate', (cal) => dueDate({ receivedAt: at, limit: { amount: 3, unit: 'working-day' } }, cal)],
  ['calendarTable', (cal) => calendarTable({ fromYear: 2026, toYear: 2026 }, cal)],
  ['dueDateFor', (cal) => dueDateFor(birth, 'direct', at, cal)],
  ['initial', (cal) => initial({ procedure, calendar: cal })],
  ['replay', (cal) => replay([ev('received', at)], { procedure, calendar: cal })],
  ['replayMany (options)', (cal) => replayMany([{ events: [ev('received', at)] }], { procedure, calendar: cal })],
  ['replayMany (log)', (cal) => replayMany([{ events: [ev('received', at)], procedure, calendar: cal }])],
  ['recordFromLog', (cal) => recordFromLog([ev('received', at)], { id: 'H1', procedure: birth, agency: 'UBND xã A', facts, calendar: cal })],
  ['handlingTime766 (no record)', (cal) => handlingTime766([], { period: period('2026-Q1'), calendar: cal })],
  ['handlingTime766', (cal) => handlingTime766([record], { period: period('2026-Q1'), calendar: cal })],
  ['indicesCatalog (no publication)', (cal) => indicesCatalog(sampleCatalog, { calendar: cal })],
  ['sampleRecords', (cal) => sampleRecords({ year: 2026, calendar: cal })],
];

function caught(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('a calendar createCalendar() did not make (#19)', () => {
  it('the real calendar works in every call (the cases below fail for the calendar, not the rest)', () => {
    for (const [name, f] of CALLS) expect(() => f(real), name).not.toThrow();
    expect(record).toBeDefined();
  });

  describe.each(FAKES)('given %s', (_, fake) => {
    it.each(CALLS)('%s: MotcuaError INVALID_OPTION on `calendar`, in Vietnamese and English', (_name, f) => {
      const e = caught(() => f(fake as Calendar)) as MotcuaError;
      expect(e).toBeInstanceOf(Error);
      expect(e.name).toBe('MotcuaError');
      expect(e.code).toBe('INVALID_OPTION');
      // replayMany names the log the calendar came with: logs[0].calendar
      expect(e.field).toBe(_name.startsWith('replayMany') ? 'logs[0].calendar' : 'calendar');
      expect(e.value).toBe(fake);
      expect(e.message.startsWith(`${e.field}: expected a calendar made by createCalendar(), got `)).toBe(true);
      expect(messageOf(e).startsWith(`${e.field}: cần một lịch tạo bởi createCalendar(), nhận được `)).toBe(true);
      expect(messageOf(e, 'en')).toBe(e.message);
    });
  });

  it('the value is quoted cut to its first characters, with the Vietnamese words around a long string', () => {
    const long = 'x'.repeat(200);
    const e = caught(() => isWorkingDay('2026-03-02', long as never)) as MotcuaError;
    expect(e.texts.en).toContain('… (200 characters)');
    expect(e.texts.vi).toContain('… (200 ký tự)');
  });
});
