// The error table of docs/calendar.md, row by row: the documented code is the one thrown, with
// the field; and the errors' identity (brand, per-class name) that lets isMotcuaError recognise
// an error of another copy of motcua (issue #20).
import { describe, expect, it } from 'vitest';
import { addWorkingDays, createCalendar, dueDate, isMotcuaError, isWorkingDay, MotcuaError, workingDaysBetween } from '../../src/calendar/index';
import { DossierError, evolve, initial, isDossierError } from '../../src/dossier/index';
import { EventLogError, isEventLogError, recordFromLog } from '../../src/kpi/index';

const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('did not throw');
};

describe('the documented error codes (docs/calendar.md, Errors) are the ones thrown', () => {
  const rows: [string, () => unknown, string, string | undefined][] = [
    ["'2025-02-30'", () => addWorkingDays('2025-02-30', 1), 'INVALID_DATE', 'date'],
    ["'2025-2-3'", () => isWorkingDay('2025-2-3'), 'INVALID_DATE', 'date'],
    ['a number where a date is expected', () => isWorkingDay(20250203 as never), 'INVALID_DATE', 'date'],
    ['an instant string without an offset', () => dueDate({ receivedAt: '2026-02-13T15:01', limit: { amount: 3, unit: 'working-day' } }), 'INSTANT_WITHOUT_OFFSET', 'receivedAt'],
    ["a date outside the calendar's years", () => isWorkingDay('2101-01-01'), 'OUT_OF_RANGE', undefined],
    ['a non-integer n', () => addWorkingDays('2026-03-02', 1.5), 'INVALID_NUMBER', undefined],
    ['a bad limit', () => dueDate({ receivedAt: '2026-02-13T15:01+07:00', limit: { amount: 3, unit: 'fortnight' as never } }), 'INVALID_LIMIT', undefined],
    ['a bad clock time', () => dueDate({ receivedAt: '2026-02-13T15:01+07:00', limit: { amount: 3, unit: 'working-day' }, cutoff: '25:00' }), 'INVALID_TIME', 'cutoff'],
    ['a bad date at options.swaps[0].workingDay', () => createCalendar({ swaps: [{ dayOff: '2027-04-29', workingDay: '2027-04-31' }] }), 'INVALID_OPTION', 'options.swaps[0].workingDay'],
    ['an unknown key swap:', () => createCalendar({ swap: [] } as never), 'INVALID_OPTION', 'options.swap'],
    ["cultureDay: 'yes'", () => createCalendar({ cultureDay: 'yes' as never }), 'INVALID_OPTION', 'options.cultureDay'],
    ['bad office hours', () => createCalendar({ officeHours: { periods: [['13:00', '11:30']] } }), 'INVALID_TIME', 'options.officeHours.periods[0]'],
  ];
  for (const [what, f, code, field] of rows) {
    it(`${what}: ${code}${field ? ` at ${field}` : ''}`, () => {
      const e = thrown(f);
      expect(isMotcuaError(e, code as never)).toBe(true);
      if (field !== undefined) expect((e as MotcuaError).field).toBe(field);
    });
  }
  it('workingDaysBetween of a bad date names its argument', () => {
    expect(thrown(() => workingDaysBetween('2026-01-01', 'x'))).toMatchObject({ code: 'INVALID_DATE', value: 'x' });
  });
});

const procedure = { code: '1.000001', channels: [{ channel: 'direct' as const, limit: { amount: 3, unit: 'working-day' as const } }], cutoff: null, clockStops: [], steps: null, immediate: false };
const facts = { digitised: true, eResult: false, feeDue: false, paidOnline: false, synced: true, complaint: false };

describe('error identity', () => {
  it('gives each class its own name, on the stack trace too', () => {
    const base = thrown(() => addWorkingDays('2025-02-30', 1)) as Error;
    const dossier = thrown(() => evolve(initial({ procedure }), { id: 'e1', type: 'resolved', at: '2026-03-02T09:00+07:00' })) as Error;
    const log = thrown(() => recordFromLog([{ id: 'e1', type: 'resolved', at: '2026-03-02T09:00+07:00' }], { id: 'H1', procedure, facts, field: 'Hộ tịch', agency: 'UBND xã A', level: 'commune' })) as Error;
    expect([base.name, dossier.name, log.name]).toEqual(['MotcuaError', 'DossierError', 'EventLogError']);
    expect(base.stack).toMatch(/^MotcuaError: date: /);
    expect(String(dossier)).toMatch(/^DossierError: /);
    expect([isDossierError(dossier), isDossierError(base), isDossierError(log)]).toEqual([true, false, false]);
    expect([isEventLogError(log), isEventLogError(dossier)]).toEqual([true, false]);
    expect([dossier instanceof DossierError, dossier instanceof MotcuaError, dossier instanceof Error, log instanceof DossierError, base instanceof EventLogError]).toEqual([true, true, true, false, false]);
    expect(isMotcuaError(new Error('x'))).toBe(false);
    expect(isMotcuaError({ code: 'INVALID_DATE' })).toBe(false);
  });

  it('recognises an error of another copy of motcua by its brand Symbol.for("motcua.error") (also instanceof)', () => {
    // another copy: its own classes with the same names and the same global brand
    const brand = Symbol.for('motcua.error');
    class OtherMotcuaError extends Error {
      constructor(readonly code: string) {
        super('x');
      }
    }
    Object.defineProperty(OtherMotcuaError.prototype, brand, { value: true });
    Object.defineProperty(OtherMotcuaError.prototype, 'name', { value: 'MotcuaError' });
    class OtherDossierError extends OtherMotcuaError {}
    Object.defineProperty(OtherDossierError.prototype, 'name', { value: 'DossierError' });
    const e = new OtherDossierError('INVALID_TRANSITION');
    expect([isMotcuaError(e), isMotcuaError(e, 'INVALID_TRANSITION'), isMotcuaError(e, 'INVALID_DATE'), isDossierError(e), isEventLogError(e)]).toEqual([true, true, false, true, false]);
    expect([e instanceof MotcuaError, e instanceof DossierError, e instanceof EventLogError]).toEqual([true, true, false]);
  });
});
