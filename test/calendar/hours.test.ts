import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysFromCivil, formatDate } from '../../src/calendar/_lib/civil';
import { formatInstant, fromCivilTime, parseInstant, toCivilTime } from '../../src/calendar/_lib/instant';
import { addWorkingHours, createCalendar, isWorkingDay, workingHoursBetween } from '../../src/calendar/index';

const cal = createCalendar();
const seasonal = createCalendar({
  officeHours: {
    periods: [['07:30', '11:30'], ['13:00', '17:00']],
    seasons: [{ from: '04-15', to: '10-14', periods: [['07:00', '11:30'], ['13:30', '17:00']] }],
  },
});
const PERIODS: Record<string, [number, number][]> = {
  winter: [[450, 690], [780, 1020]],
  summer: [[420, 690], [810, 1020]],
};

// Naive oracle: is the civil minute [m, m + 1) of `day` an office minute?
function officeMinute(day: number, m: number, seasons: boolean): boolean {
  if (!isWorkingDay(formatDate(day), seasons ? seasonal : cal)) return false;
  const md = formatDate(day).slice(5);
  const set = seasons && md >= '04-15' && md <= '10-14' ? PERIODS.summer! : PERIODS.winter!;
  return set.some(([a, b]) => m >= a && m < b);
}

function naiveAdd(startMinuteAbs: number, minutes: number, seasons: boolean): number {
  let t = startMinuteAbs;
  let left = minutes;
  while (left > 0) {
    const day = Math.floor(t / 1440);
    if (officeMinute(day, t - day * 1440, seasons)) left--;
    t++;
  }
  return t;
}

function naiveBetween(a: number, b: number, seasons: boolean): number {
  let n = 0;
  for (let t = Math.min(a, b); t < Math.max(a, b); t++) {
    const day = Math.floor(t / 1440);
    if (officeMinute(day, t - day * 1440, seasons)) n++;
  }
  return b >= a ? n : -n;
}

const iso = (absMinute: number) => formatInstant(fromCivilTime(Math.floor(absMinute / 1440), absMinute % 1440));
const start = fc.integer({ min: daysFromCivil(2017, 12, 1) * 1440, max: daysFromCivil(2028, 1, 31) * 1440 });

describe('working hours agree with a naive minute-by-minute oracle', () => {
  for (const seasons of [false, true]) {
    const c = seasons ? seasonal : cal;
    it(`addWorkingHours (${seasons ? 'seasonal' : 'fixed'} office hours)`, () => {
      fc.assert(
        fc.property(start, fc.integer({ min: 1, max: 20 * 60 }), (t, minutes) => {
          const got = addWorkingHours(iso(t), minutes / 60, c);
          expect(got).toBe(iso(naiveAdd(t, minutes, seasons)));
        }),
        { numRuns: 150 },
      );
    });

    it(`workingHoursBetween (${seasons ? 'seasonal' : 'fixed'} office hours)`, () => {
      fc.assert(
        fc.property(start, fc.integer({ min: -4 * 1440, max: 4 * 1440 }), (a, delta) => {
          expect(workingHoursBetween(iso(a), iso(a + delta), c) * 60).toBeCloseTo(naiveBetween(a, a + delta, seasons), 6);
        }),
        { numRuns: 150 },
      );
    });
  }

  it('adding then measuring gives the hours back; subtracting mirrors adding', () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 100 * 60 }), (t, minutes) => {
        const a = iso(t);
        const b = addWorkingHours(a, minutes / 60, cal);
        expect(workingHoursBetween(a, b, cal) * 60).toBeCloseTo(minutes, 6);
        const back = addWorkingHours(b, -minutes / 60, cal);
        expect(workingHoursBetween(back, b, cal) * 60).toBeCloseTo(minutes, 6);
        expect(back <= a || workingHoursBetween(back, a, cal) === 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('worked examples in Asia/Ho_Chi_Minh time', () => {
  it('ends at the close of a period rather than the next opening', () => {
    expect(addWorkingHours('2026-03-02T10:00+07:00', 1.5)).toBe('2026-03-02T11:30:00+07:00');
    expect(addWorkingHours('2026-03-02T10:00+07:00', 5.5)).toBe('2026-03-02T17:00:00+07:00');
    expect(addWorkingHours('2026-03-02T10:00+07:00', 2)).toBe('2026-03-02T13:30:00+07:00');
  });

  it('jumps over Tết and weekends', () => {
    expect(addWorkingHours('2026-02-13T15:00+07:00', 8)).toBe('2026-02-23T15:00:00+07:00');
    expect(workingHoursBetween('2026-02-13T15:00+07:00', '2026-02-23T09:30+07:00')).toBe(4);
  });

  it('reads the instant in Vietnamese time whatever the input offset', () => {
    // 2026-02-15T18:00Z is Monday 16/2 01:00 in Vietnam: Tết, so the clock starts on 23/2.
    expect(addWorkingHours('2026-02-15T18:00Z', 1)).toBe('2026-02-23T08:30:00+07:00');
    expect(addWorkingHours(new Date(Date.UTC(2026, 2, 2, 3, 0)), 1)).toBe('2026-03-02T11:00:00+07:00');
  });

  it('an instant outside office hours starts at the next opening; h = 0 returns the instant', () => {
    expect(addWorkingHours('2026-03-02T05:00+07:00', 1)).toBe('2026-03-02T08:30:00+07:00');
    expect(addWorkingHours('2026-03-06T18:00+07:00', 1)).toBe('2026-03-09T08:30:00+07:00');
    expect(addWorkingHours('2026-03-06T18:00Z', 0)).toBe('2026-03-07T01:00:00+07:00');
  });

  it('refuses instants without an offset, and non-finite hours', () => {
    expect(() => addWorkingHours('2026-03-02T10:00', 1)).toThrowError(expect.objectContaining({ code: 'INSTANT_WITHOUT_OFFSET', field: 'instant' }));
    expect(() => addWorkingHours('2026-03-02T10:00+07:00', Number.POSITIVE_INFINITY)).toThrowError(expect.objectContaining({ code: 'INVALID_NUMBER', field: 'h' }));
    expect(() => workingHoursBetween('2026-03-02T10:00+07:00', 'tomorrow')).toThrowError(expect.objectContaining({ code: 'INVALID_INSTANT', field: 'b' }));
  });
});

it('toCivilTime is the inverse of fromCivilTime', () => {
  fc.assert(fc.property(fc.integer({ min: 7000, max: 47000 }), fc.integer({ min: 0, max: 1439 }), (d, m) => {
    const c = toCivilTime(fromCivilTime(d, m));
    return c.day === d && c.minute === m && parseInstant(formatInstant(fromCivilTime(d, m))) === fromCivilTime(d, m);
  }));
});
