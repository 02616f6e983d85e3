import { describe, expect, it } from 'vitest';
import { addWorkingDays, createCalendar, daysOff, explain, isWorkingDay, workingWeekends, type CalendarOptions } from '../../src/calendar/index';

describe('createCalendar options', () => {
  it('a newly announced swap is one line', () => {
    const cal = createCalendar({ swaps: [{ dayOff: '2027-04-29', workingDay: '2027-04-24', source: 'Công văn giả định' }] });
    expect(isWorkingDay('2027-04-24', cal)).toBe(true);
    expect(explain('2027-04-24', cal)).toMatchObject({ kind: 'working-saturday', status: 'user', source: 'Công văn giả định', estimated: false });
    expect(explain('2027-04-29', cal).kind).toBe('swap');
  });

  it('a newly announced year replaces the projection', () => {
    const cal = createCalendar({
      schedules: [
        {
          year: 2027,
          source: 'Công văn giả định 2027',
          daysOff: ['2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-04-16', '2027-04-30', '2027-05-03', '2027-09-02', { date: '2027-09-03', name: 'Quốc khánh' }],
          workingDays: [],
        },
      ],
    });
    expect(isWorkingDay('2027-02-04', cal)).toBe(true); // the projection had 4/2 off
    expect(isWorkingDay('2027-02-11', cal)).toBe(false);
    expect(daysOff(2027, cal).every((d) => d.status === 'user' && !d.estimated)).toBe(true);
    expect(explain('2027-09-03', cal).name).toBe('Quốc khánh');
    expect(isWorkingDay('2027-02-04')).toBe(false);
  });

  it('extra days off and extra working days', () => {
    const cal = createCalendar({ extraDaysOff: [{ date: '2026-03-10', name: 'Ngày nghỉ của tỉnh', source: 'Quyết định UBND' }], extraWorkingDays: ['2026-03-14'] });
    expect(isWorkingDay('2026-03-10', cal)).toBe(false);
    expect(isWorkingDay('2026-03-14', cal)).toBe(true);
    expect(workingWeekends(2026, cal).map((d) => d.date)).toContain('2026-03-14');
    expect(addWorkingDays('2026-03-09', 1, cal)).toBe('2026-03-11');
  });

  it('a Sunday-only week estimates by rule (the official data is for civil servants)', () => {
    const cal = createCalendar({ weeklyRest: [0] });
    expect(isWorkingDay('2026-03-14', cal)).toBe(true);
    // 2/9/2029 is a Sunday: compensated on Tuesday 4/9 (3/9 is the adjacent day)
    expect(isWorkingDay('2029-09-04', cal)).toBe(false);
  });

  it('24/11 switch, with compensation when it falls on a weekend', () => {
    const cal = createCalendar({ cultureDay: true });
    expect(isWorkingDay('2026-11-24', cal)).toBe(false);
    expect(explain('2026-11-24', cal).source).toMatch(/80-NQ\/TW/);
    expect(isWorkingDay('2029-11-26', cal)).toBe(false); // 24/11/2029 is a Saturday
    expect(isWorkingDay('2029-11-26')).toBe(true);
  });

  it('a narrower year range', () => {
    const cal = createCalendar({ fromYear: 2024, toYear: 2026 });
    expect(cal.fromYear).toBe(2024);
    expect(() => isWorkingDay('2023-12-31', cal)).toThrowError(expect.objectContaining({ code: 'OUT_OF_RANGE' }));
  });
});

describe('immutability and plain data', () => {
  it('the calendar is frozen and serialises to its options', () => {
    const opts = { extraDaysOff: ['2026-03-10'] } as { extraDaysOff: string[] };
    const cal = createCalendar(opts);
    opts.extraDaysOff.push('2026-03-11');
    expect(isWorkingDay('2026-03-11', cal)).toBe(true);
    expect(Object.isFrozen(cal)).toBe(true);
    expect(Object.isFrozen(cal.options.extraDaysOff)).toBe(true);
    expect(JSON.parse(JSON.stringify(cal))).toEqual({ type: 'motcua.calendar', fromYear: 1990, toYear: 2100, options: { extraDaysOff: ['2026-03-10'] } });
    const again = createCalendar(JSON.parse(JSON.stringify(cal)).options);
    expect(daysOff(2026, again)).toEqual(daysOff(2026, cal));
  });

  it('refuses an object that is not a calendar', () => {
    // a typed error on the field `calendar` (#19), no longer a TypeError: test/calendar/notACalendar.test.ts
    expect(() => isWorkingDay('2026-03-10', { type: 'motcua.calendar', fromYear: 1990, toYear: 2100, options: {} })).toThrowError(expect.objectContaining({ name: 'MotcuaError', code: 'INVALID_OPTION', field: 'calendar' }));
  });
});

describe('bad options get a typed error naming the option', () => {
  const cases: [CalendarOptions, string, string][] = [
    [{ fromYear: 1989 }, 'OUT_OF_RANGE', 'options.fromYear'],
    [{ toYear: 2101 }, 'OUT_OF_RANGE', 'options.toYear'],
    [{ fromYear: 2030, toYear: 2020 }, 'INVALID_OPTION', 'options.toYear'],
    [{ fromYear: 2020.5 }, 'INVALID_OPTION', 'options.fromYear'],
    [{ weeklyRest: [7 as never] }, 'INVALID_OPTION', 'options.weeklyRest[0]'],
    [{ weeklyRest: [0, 1, 2, 3, 4, 5, 6] }, 'INVALID_OPTION', 'options.weeklyRest'],
    // a bad date in the options is a bad option, as docs/calendar.md says (0.1.0 threw INVALID_DATE)
    [{ extraDaysOff: ['2026-2-3'] }, 'INVALID_OPTION', 'options.extraDaysOff[0].date'],
    [{ extraDaysOff: [42 as never] }, 'INVALID_OPTION', 'options.extraDaysOff[0]'],
    [{ extraDaysOff: ['2026-03-10'], extraWorkingDays: ['2026-03-10'] }, 'INVALID_OPTION', 'options.extraWorkingDays[0]'],
    [{ extraWorkingDays: ['2101-01-01'] }, 'OUT_OF_RANGE', 'options.extraWorkingDays[0]'],
    [{ swaps: [{ dayOff: '2027-04-29', workingDay: '2027-04-31' }] }, 'INVALID_OPTION', 'options.swaps[0].workingDay'],
    [{ schedules: [{ year: 2027, daysOff: ['2027-13-01'], source: 'x' }] }, 'INVALID_OPTION', 'options.schedules[2027].daysOff'],
    // nonsense that 0.1.0 accepted silently (issue #20)
    [{ swaps: [{ dayOff: '2027-04-24', workingDay: '2027-04-30' }] }, 'INVALID_OPTION', 'options.swaps[0].dayOff'],
    [{ swaps: [{ dayOff: '2027-04-29', workingDay: '2027-04-30' }] }, 'INVALID_OPTION', 'options.swaps[0].workingDay'],
    [{ swaps: [{ dayOff: '2027-04-29', workingDay: '2027-04-28' }] }, 'INVALID_OPTION', 'options.swaps[0].workingDay'],
    [{ swaps: [{ dayOff: '2027-04-29', workingDay: '2027-04-24', sorce: 'x' } as never] }, 'INVALID_OPTION', 'options.swaps[0].sorce'],
    [{ swaps: [{ dayOff: '2027-04-29', workingDay: '2027-04-24', name: 5 as never }] }, 'INVALID_OPTION', 'options.swaps[0].name'],
    [{ swap: [{ dayOff: '2027-04-29', workingDay: '2027-04-24' }] } as never, 'INVALID_OPTION', 'options.swap'],
    [{ cultureDay: 'yes' as never }, 'INVALID_OPTION', 'options.cultureDay'],
    [{ officialData: 0 as never }, 'INVALID_OPTION', 'options.officialData'],
    [{ extraDaysOff: [{ date: '2027-04-29', reason: 'x' } as never] }, 'INVALID_OPTION', 'options.extraDaysOff[0].reason'],
    [{ schedules: [{ year: 2027, daysOff: [], source: 'x', workingDay: [] } as never] }, 'INVALID_OPTION', 'options.schedules[0].workingDay'],
    [{ officeHours: { periods: [['07:30', '11:30']], season: [] } as never }, 'INVALID_OPTION', 'options.officeHours.season'],
    [{ schedules: [{ year: 2027, daysOff: [], source: '' }] }, 'INVALID_OPTION', 'options.schedules[0].source'],
    [{ officeHours: { periods: [['13:00', '11:30']] } }, 'INVALID_TIME', 'options.officeHours.periods[0]'],
    [{ officeHours: { periods: [['07:30', '11:30'], ['11:00', '17:00']] } }, 'INVALID_TIME', 'options.officeHours.periods[1]'],
    [{ officeHours: { periods: [['7:30', '11:30']] } }, 'INVALID_TIME', 'options.officeHours.periods[0][0]'],
    [{ officeHours: { periods: [['07:30', '11:30']], seasons: [{ from: '02-30', to: '10-14', periods: [['07:00', '11:00']] }] } }, 'INVALID_OPTION', 'options.officeHours.seasons[0].from'],
    [{ hoursPerWorkingDay: 0 }, 'INVALID_OPTION', 'options.hoursPerWorkingDay'],
  ];
  for (const [opts, code, field] of cases) {
    it(`${code} at ${field}`, () => {
      expect(() => createCalendar(opts)).toThrowError(expect.objectContaining({ code, field }));
    });
  }
});

describe('swaps checked against the calendar (issue #20)', () => {
  it('refuses the two dates of a swap exchanged, which would make 30/4 a working day, and says so', () => {
    try {
      createCalendar({ swaps: [{ dayOff: '2027-04-24', workingDay: '2027-04-30' }] });
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'INVALID_OPTION', field: 'options.swaps[0].dayOff', value: '2027-04-24' });
      expect((e as Error).message).toMatch(/already a day off.*wrong way round/);
    }
  });

  it('accepts restating a swap the compiled schedule already has (2/1/2026 off, 10/1/2026 worked)', () => {
    const cal = createCalendar({ swaps: [{ dayOff: '2026-01-02', workingDay: '2026-01-10', source: 'Công văn 12729/VPCP-KGVX' }] });
    expect([isWorkingDay('2026-01-02', cal), isWorkingDay('2026-01-10', cal)]).toEqual([false, true]);
  });

  it('accepts a swap whose working day is a Saturday of a custom Sunday-only week only if it is off', () => {
    expect(() => createCalendar({ weeklyRest: [0], swaps: [{ dayOff: '2030-03-15', workingDay: '2030-03-16' }] })).toThrowError(expect.objectContaining({ code: 'INVALID_OPTION', field: 'options.swaps[0].workingDay' }));
    const cal = createCalendar({ weeklyRest: [0], swaps: [{ dayOff: '2030-03-15', workingDay: '2030-03-17' }] });
    expect([isWorkingDay('2030-03-15', cal), isWorkingDay('2030-03-17', cal)]).toEqual([false, true]);
  });
});
