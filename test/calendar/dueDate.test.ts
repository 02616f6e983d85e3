import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysFromCivil, formatDate } from '../../src/calendar/_lib/civil';
import { addWorkingDays, dueDate, explain, isWorkingDay, type LimitUnit } from '../../src/calendar/index';

const wd = (amount: number) => ({ amount, unit: 'working-day' as const });

describe('due dates on the hard cases', () => {
  it('received at 15:01 on the last working day before Tết, after the 15:00 cut-off', () => {
    const r = dueDate({ receivedAt: '2026-02-13T15:01+07:00', limit: wd(3), cutoff: '15:00' });
    expect(r.countFrom).toBe('2026-02-23');
    expect(r.clockStart).toBe('2026-02-23T07:30:00+07:00');
    expect(r.dueDate).toBe('2026-02-26');
    expect(r.dueAt).toBe('2026-02-26T17:00:00+07:00');
    expect(r.steps.map((s) => s.rule)).toEqual(['received', 'after-cutoff', 'count', 'due-at']);
  });

  it('15:00 sharp is not after the cut-off', () => {
    const r = dueDate({ receivedAt: '2026-02-13T15:00+07:00', limit: wd(3), cutoff: '15:00' });
    expect(r.countFrom).toBe('2026-02-13');
    expect(r.dueDate).toBe('2026-02-25');
  });

  it('received at 16:10 on Friday before Tết without a cut-off still counts that day', () => {
    expect(dueDate({ receivedAt: '2026-02-13T16:10+07:00', limit: wd(3) }).dueDate).toBe('2026-02-25');
  });

  it('after office hours counts from the next working day', () => {
    const r = dueDate({ receivedAt: '2026-02-13T17:20+07:00', limit: wd(3) });
    expect(r.countFrom).toBe('2026-02-23');
    expect(r.steps[1]?.rule).toBe('after-hours');
  });

  it('an online dossier submitted on a Sunday counts from Monday', () => {
    const r = dueDate({ receivedAt: '2026-03-08T21:45+07:00', limit: wd(5) });
    expect(r.countFrom).toBe('2026-03-09');
    expect(r.dueDate).toBe('2026-03-16');
    expect(r.steps[1]?.rule).toBe('day-off');
  });

  it('a receipt in UTC is read in Vietnamese time (Sunday 23:30 UTC is Monday 06:30 in Hà Nội)', () => {
    const r = dueDate({ receivedAt: '2026-03-08T23:30:00Z', limit: wd(1) });
    expect(r.countFrom).toBe('2026-03-09');
    expect(r.steps[1]?.rule).toBe('before-hours');
    expect(r.dueDate).toBe('2026-03-10');
  });

  it('calendar days: a last day that is a holiday moves to the next working day (Civil Code Art 148)', () => {
    const r = dueDate({ receivedAt: '2026-04-20T09:00+07:00', limit: { amount: 10, unit: 'calendar-day' } });
    expect(r.dueDate).toBe('2026-05-04');
    expect(r.steps.map((s) => s.rule)).toContain('moved-to-working-day');
  });

  it('same day, with and without the cut-off', () => {
    expect(dueDate({ receivedAt: '2026-03-10T14:00+07:00', limit: { amount: 0, unit: 'same-day' }, cutoff: '15:00' }).dueDate).toBe('2026-03-10');
    expect(dueDate({ receivedAt: '2026-03-10T15:30+07:00', limit: { amount: 0, unit: 'same-day' }, cutoff: '15:00' }).dueDate).toBe('2026-03-11');
  });

  it('working hours, and fractional working days', () => {
    expect(dueDate({ receivedAt: '2026-02-13T10:00+07:00', limit: { amount: 8, unit: 'working-hour' } }).dueAt).toBe('2026-02-23T10:00:00+07:00');
    // Half a working day = 4 office hours after the close of the receipt day (the period starts the next day).
    expect(dueDate({ receivedAt: '2026-03-10T09:00+07:00', limit: wd(0.5) }).dueAt).toBe('2026-03-11T11:30:00+07:00');
    expect(dueDate({ receivedAt: '2026-03-10T09:00+07:00', limit: wd(1.5) }).dueAt).toBe('2026-03-12T11:30:00+07:00');
    expect(dueDate({ receivedAt: '2026-03-10T09:00+07:00', limit: wd(2) }).dueAt).toBe('2026-03-12T17:00:00+07:00');
  });

  it('rule sets meet at 30/6 and 1/7/2025 with the same arithmetic', () => {
    expect(dueDate({ receivedAt: '2025-06-30T10:00+07:00', limit: wd(3) }).dueDate).toBe('2025-07-03');
    expect(dueDate({ receivedAt: '2025-07-01T10:00+07:00', limit: wd(3) }).dueDate).toBe('2025-07-04');
  });
});

const units: LimitUnit[] = ['working-day', 'working-hour', 'calendar-day', 'same-day'];
const instant = fc
  .tuple(fc.integer({ min: daysFromCivil(2018, 1, 1), max: daysFromCivil(2029, 12, 1) }), fc.integer({ min: 0, max: 1439 }))
  .map(([d, m]) => `${formatDate(d)}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}+07:00`);

describe('due date properties', () => {
  it('N working days is addWorkingDays(countFrom, N), countFrom is a working day, never before receipt', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 60 }), fc.constantFrom(null, '15:00', '16:00'), (at, n, cutoff) => {
        const r = dueDate({ receivedAt: at, limit: wd(n), cutoff });
        expect(isWorkingDay(r.countFrom)).toBe(true);
        expect(r.countFrom >= at.slice(0, 10)).toBe(true);
        expect(r.dueDate).toBe(addWorkingDays(r.countFrom, n));
        expect(isWorkingDay(r.dueDate)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('a due date is always a working day, never before receipt, and non-decreasing in the amount', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...units), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 3 }), (at, unit, a, frac) => {
        const amount = unit === 'working-day' ? a + frac / 4 : unit === 'working-hour' ? a + frac / 2 : unit === 'same-day' ? 0 : a;
        const r = dueDate({ receivedAt: at, limit: { amount, unit }, cutoff: '15:00' });
        expect(isWorkingDay(r.dueDate), JSON.stringify(r)).toBe(true);
        expect(Date.parse(r.dueAt) >= Date.parse(at) || r.dueDate >= at.slice(0, 10)).toBe(true);
        if (unit !== 'same-day') {
          const more = dueDate({ receivedAt: at, limit: { amount: amount + 1, unit }, cutoff: '15:00' });
          expect(Date.parse(more.dueAt)).toBeGreaterThanOrEqual(Date.parse(r.dueAt));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('a later receipt never gives an earlier due date', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 3000 }), fc.constantFrom(...units), fc.integer({ min: 0, max: 20 }), (at, minutes, unit, amount) => {
        const later = new Date(Date.parse(at) + minutes * 60_000);
        const a = dueDate({ receivedAt: at, limit: { amount: unit === 'same-day' ? 0 : amount, unit }, cutoff: '15:00' });
        const b = dueDate({ receivedAt: later, limit: { amount: unit === 'same-day' ? 0 : amount, unit }, cutoff: '15:00' });
        expect(Date.parse(b.dueAt)).toBeGreaterThanOrEqual(Date.parse(a.dueAt));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('bad input gets a typed error naming the field', () => {
  const cases: [unknown, string, string][] = [
    [{ receivedAt: '2026-02-13T10:00', limit: wd(3) }, 'INSTANT_WITHOUT_OFFSET', 'receivedAt'],
    [{ receivedAt: '2026-02-30T10:00+07:00', limit: wd(3) }, 'INVALID_INSTANT', 'receivedAt'],
    [{ receivedAt: 1771000000000, limit: wd(3) }, 'INVALID_INSTANT', 'receivedAt'],
    [{ receivedAt: '2026-02-13T10:00+07:00', limit: wd(-1) }, 'INVALID_LIMIT', 'limit.amount'],
    [{ receivedAt: '2026-02-13T10:00+07:00', limit: { amount: 3 } }, 'INVALID_LIMIT', 'limit.unit'],
    [{ receivedAt: '2026-02-13T10:00+07:00', limit: { amount: 3, unit: 'days' } }, 'INVALID_LIMIT', 'limit.unit'],
    [{ receivedAt: '2026-02-13T10:00+07:00', limit: { amount: 1.5, unit: 'calendar-day' } }, 'INVALID_LIMIT', 'limit.amount'],
    [{ receivedAt: '2026-02-13T10:00+07:00', limit: { amount: 2, unit: 'same-day' } }, 'INVALID_LIMIT', 'limit.amount'],
    [{ receivedAt: '2026-02-13T10:00+07:00', limit: null }, 'INVALID_LIMIT', 'limit'],
    [{ receivedAt: '2026-02-13T10:00+07:00', limit: wd(3), cutoff: '3pm' }, 'INVALID_TIME', 'cutoff'],
    [{ receivedAt: '2101-01-03T10:00+07:00', limit: wd(3) }, 'OUT_OF_RANGE', 'receivedAt'],
    [{ receivedAt: '2100-12-30T10:00+07:00', limit: wd(30) }, 'OUT_OF_RANGE', 'limit.amount'],
    [null, 'INVALID_INPUT', 'input'],
  ];
  for (const [input, code, field] of cases) {
    it(`${code} for ${field}: ${JSON.stringify(input)}`, () => {
      expect(() => dueDate(input as never)).toThrowError(expect.objectContaining({ code, field }));
    });
  }
});

it('explain says why a receipt day is off', () => {
  const r = dueDate({ receivedAt: '2026-02-17T09:00+07:00', limit: wd(1) });
  expect(r.steps[1]?.text).toContain(explain('2026-02-17').reason);
});
