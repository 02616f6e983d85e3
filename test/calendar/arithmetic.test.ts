import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysFromCivil, formatDate, parseDate } from '../../src/calendar/_lib/civil';
import {
  addWorkingDays,
  createCalendar,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  workingDaysBetween,
} from '../../src/calendar/index';

// The naive oracle: walk day by day, asking only isWorkingDay (a one-byte lookup, independent of
// the running counts and the sorted working-day list that addWorkingDays and workingDaysBetween use).
const cal = createCalendar();
const FROM = daysFromCivil(1990, 1, 1);
const TO = daysFromCivil(2100, 12, 31);
const works = (z: number) => isWorkingDay(formatDate(z), cal);

function naiveAdd(d: string, n: number): string {
  let z = parseDate(d);
  if (n === 0) {
    while (!works(z)) z++;
    return formatDate(z);
  }
  const step = n > 0 ? 1 : -1;
  let left = Math.abs(n);
  while (left > 0) {
    z += step;
    if (works(z)) left--;
  }
  return formatDate(z);
}

function naiveBetween(a: string, b: string): number {
  const za = parseDate(a);
  const zb = parseDate(b);
  let count = 0;
  for (let z = Math.min(za, zb) + 1; z <= Math.max(za, zb); z++) if (works(z)) count++;
  return zb >= za ? count : -count;
}

// Dates 1990-2100, kept 700 days from the ends so results stay inside the calendar.
const date = fc.integer({ min: FROM + 700, max: TO - 700 }).map(formatDate);
const recentDate = fc.integer({ min: daysFromCivil(2017, 6, 1), max: daysFromCivil(2028, 6, 1) }).map(formatDate);
const anyDate = fc.oneof(date, recentDate);
const n = fc.integer({ min: -120, max: 120 });

describe('working-day arithmetic agrees with a naive day-by-day oracle (1990-2100)', () => {
  it('addWorkingDays', () => {
    fc.assert(fc.property(anyDate, n, (d, k) => addWorkingDays(d, k, cal) === naiveAdd(d, k)), { numRuns: 3000 });
  });

  it('workingDaysBetween', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -400, max: 400 }), (a, delta) => {
        const b = formatDate(parseDate(a) + delta);
        return workingDaysBetween(a, b, cal) === naiveBetween(a, b);
      }),
      { numRuns: 2000 },
    );
  });

  it('nextWorkingDay and previousWorkingDay', () => {
    fc.assert(
      fc.property(anyDate, (d) => {
        const next = nextWorkingDay(d, cal);
        const prev = previousWorkingDay(d, cal);
        expect(next > d && works(parseDate(next))).toBe(true);
        expect(prev < d && works(parseDate(prev))).toBe(true);
        for (let z = parseDate(d) + 1; z < parseDate(next); z++) expect(works(z)).toBe(false);
        for (let z = parseDate(prev) + 1; z < parseDate(d); z++) expect(works(z)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('identities', () => {
  it('workingDaysBetween(d, addWorkingDays(d, n)) === n for every n ≥ 1, working day or not', () => {
    fc.assert(fc.property(anyDate, fc.integer({ min: 1, max: 400 }), (d, k) => workingDaysBetween(d, addWorkingDays(d, k, cal), cal) === k), { numRuns: 3000 });
  });

  it('backwards: workingDaysBetween(addWorkingDays(d, -n), d) === n when d is a working day, n - 1 when not', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 400 }), (d, k) => {
        const back = addWorkingDays(d, -k, cal);
        return workingDaysBetween(back, d, cal) === (works(parseDate(d)) ? k : k - 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('antisymmetry and additivity of workingDaysBetween', () => {
    fc.assert(
      fc.property(anyDate, anyDate, anyDate, (a, b, c) => {
        expect(workingDaysBetween(a, b, cal) + workingDaysBetween(b, a, cal)).toBe(0);
        expect(workingDaysBetween(a, c, cal)).toBe(workingDaysBetween(a, b, cal) + workingDaysBetween(b, c, cal));
      }),
      { numRuns: 1000 },
    );
  });

  it('n = 0 gives the date itself on a working day, else the next working day', () => {
    fc.assert(
      fc.property(anyDate, (d) => addWorkingDays(d, 0, cal) === (works(parseDate(d)) ? d : nextWorkingDay(d, cal))),
      { numRuns: 1000 },
    );
  });

  it('composition: adding m then n working days from a working day is adding m + n', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 200 }), (d, m, k) => {
        const w = addWorkingDays(d, 0, cal);
        return addWorkingDays(addWorkingDays(w, m, cal), k, cal) === addWorkingDays(w, m + k, cal);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('monotonicity', () => {
  it('addWorkingDays is non-decreasing in the date and in n, strictly in n but for n = 0 → 1 on a day off', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 30 }), n, (d, delta, k) => {
        const later = formatDate(parseDate(d) + delta);
        expect(addWorkingDays(d, k, cal) <= addWorkingDays(later, k, cal)).toBe(true);
        const here = addWorkingDays(d, k, cal);
        const next = addWorkingDays(d, k + 1, cal);
        if (k === 0 && !works(parseDate(d))) expect(next).toBe(here);
        else expect(here < next).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('workingDaysBetween is non-decreasing in the end date', () => {
    fc.assert(
      fc.property(anyDate, anyDate, fc.integer({ min: 0, max: 30 }), (a, b, delta) => {
        const later = formatDate(parseDate(b) + delta);
        return workingDaysBetween(a, b, cal) <= workingDaysBetween(a, later, cal);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('worked examples', () => {
  it('skips the whole Tết 2026 break', () => {
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
    expect(addWorkingDays('2026-02-13', 5)).toBe('2026-02-27');
    expect(workingDaysBetween('2026-02-13', '2026-02-23')).toBe(1);
    expect(addWorkingDays('2026-02-18', 0)).toBe('2026-02-23');
    expect(addWorkingDays('2026-02-18', -1)).toBe('2026-02-13');
  });

  it('counts the 2025 working Saturday that comes before its day off', () => {
    expect(addWorkingDays('2025-04-25', 1)).toBe('2025-04-26');
    expect(workingDaysBetween('2025-04-25', '2025-05-05')).toBe(4); // Sat 26, Mon 28, Tue 29, Mon 5/5
  });

  it('2023: 29/4-3/5 all off', () => {
    expect(addWorkingDays('2023-04-28', 1)).toBe('2023-05-04');
  });

  it('crosses the 2018/2019 New Year swap', () => {
    expect(addWorkingDays('2018-12-28', 1)).toBe('2019-01-02');
    expect(addWorkingDays('2019-01-04', 1)).toBe('2019-01-05');
  });
});

describe('range and input errors', () => {
  it('results outside the calendar are refused, not wrapped', () => {
    expect(() => addWorkingDays('2100-12-30', 5)).toThrowError(expect.objectContaining({ code: 'OUT_OF_RANGE' }));
    expect(() => addWorkingDays('1990-01-02', -5)).toThrowError(expect.objectContaining({ code: 'OUT_OF_RANGE' }));
    expect(() => isWorkingDay('1989-12-31')).toThrowError(expect.objectContaining({ code: 'OUT_OF_RANGE', value: '1989-12-31', field: 'date' }));
    expect(() => workingDaysBetween('2026-01-01', '2101-01-01')).toThrowError(expect.objectContaining({ code: 'OUT_OF_RANGE', field: 'b' }));
  });

  it('bad dates and counts are refused with their field', () => {
    expect(() => addWorkingDays('2025-02-30', 1)).toThrowError(expect.objectContaining({ code: 'INVALID_DATE', value: '2025-02-30' }));
    expect(() => addWorkingDays('2025-2-3', 1)).toThrowError(expect.objectContaining({ code: 'INVALID_DATE', value: '2025-2-3' }));
    expect(() => addWorkingDays(20250203 as unknown as string, 1)).toThrowError(expect.objectContaining({ code: 'INVALID_DATE' }));
    expect(() => addWorkingDays('2025-02-03', 1.5)).toThrowError(expect.objectContaining({ code: 'INVALID_NUMBER', field: 'n' }));
    expect(() => addWorkingDays('2025-02-03', Number.NaN)).toThrowError(expect.objectContaining({ code: 'INVALID_NUMBER', field: 'n' }));
    expect(() => workingDaysBetween('2025-02-03', '2025-02-31')).toThrowError(expect.objectContaining({ code: 'INVALID_DATE', field: 'b' }));
  });
});
