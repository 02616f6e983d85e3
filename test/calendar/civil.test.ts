import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil, formatDate, parseDate, tryParseDate, weekdayOf } from '../../src/calendar/_lib/civil';
import { formatInstant, parseInstant, toCivilTime } from '../../src/calendar/_lib/instant';
import { isMotcuaError } from '../../src/errors';

const DAY = 86_400_000;

describe('civil day numbers', () => {
  it('the host zone is forced far from UTC+7 in tests, so leaks would show', () => {
    expect(new Date(2026, 0, 1).getTimezoneOffset()).not.toBe(-420);
  });

  it('round-trips and agrees with Date.UTC over 1900-2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: daysFromCivil(1900, 1, 1), max: daysFromCivil(2200, 12, 31) }), (z) => {
        const [y, m, d] = civilFromDays(z);
        expect(daysFromCivil(y, m, d)).toBe(z);
        const utc = new Date(z * DAY);
        expect([utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate()]).toEqual([y, m, d]);
        expect(weekdayOf(z)).toBe(utc.getUTCDay());
        expect(parseDate(formatDate(z))).toBe(z);
        expect(formatDate(z)).toBe(utc.toISOString().slice(0, 10));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses what is not a real zero-padded date', () => {
    for (const bad of ['2025-02-29', '2024-02-30', '2025-2-3', '2025-02-3', '20250203', '2025/02/03', '2025-13-01', '2025-00-10', '2025-01-00', '2025-04-31', ' 2025-01-01', '2025-01-01T00:00', 'abcd-ef-gh', '']) {
      expect(Number.isNaN(tryParseDate(bad)), bad).toBe(true);
      try {
        parseDate(bad, 'receivedOn');
        expect.unreachable();
      } catch (e) {
        expect(isMotcuaError(e, 'INVALID_DATE')).toBe(true);
        expect((e as { field: string }).field).toBe('receivedOn');
        expect((e as { value: unknown }).value).toBe(bad);
      }
    }
    expect(tryParseDate('2024-02-29')).toBe(daysFromCivil(2024, 2, 29));
    expect(tryParseDate('2000-02-29')).toBe(daysFromCivil(2000, 2, 29));
    expect(Number.isNaN(tryParseDate('2100-02-29'))).toBe(true);
  });

  it('refuses non-strings with a typed error', () => {
    for (const bad of [20250101, null, undefined, new Date(), {}]) {
      expect(() => parseDate(bad)).toThrowError(/civil date string/);
    }
  });
});

describe('instants in Asia/Ho_Chi_Minh', () => {
  it('parses offsets and prints +07:00', () => {
    expect(formatInstant(parseInstant('2026-02-13T10:00+07:00'))).toBe('2026-02-13T10:00:00+07:00');
    expect(formatInstant(parseInstant('2026-02-13T03:00:00Z'))).toBe('2026-02-13T10:00:00+07:00');
    expect(formatInstant(parseInstant('2026-02-12T22:30:00-05:00'))).toBe('2026-02-13T10:30:00+07:00');
    expect(formatInstant(parseInstant('2026-02-13T17:00:00.250+0700'))).toBe('2026-02-13T17:00:00+07:00');
    expect(formatInstant(parseInstant(new Date(Date.UTC(2026, 1, 12, 17, 0))))).toBe('2026-02-13T00:00:00+07:00');
  });

  it('a UTC evening is already the next civil day in Vietnam', () => {
    const { day, minute } = toCivilTime(parseInstant('2026-02-15T18:30Z'));
    expect(formatDate(day)).toBe('2026-02-16');
    expect(minute).toBe(90);
  });

  it('refuses instants without an offset, and impossible ones', () => {
    const code = (v: unknown) => {
      try {
        parseInstant(v, 'receivedAt');
      } catch (e) {
        if (isMotcuaError(e)) return [e.code, e.field];
      }
      return null;
    };
    expect(code('2026-02-13T10:00')).toEqual(['INSTANT_WITHOUT_OFFSET', 'receivedAt']);
    expect(code('2026-02-13')).toEqual(['INVALID_INSTANT', 'receivedAt']);
    expect(code('2026-02-30T10:00+07:00')).toEqual(['INVALID_INSTANT', 'receivedAt']);
    expect(code('2026-02-13T25:00+07:00')).toEqual(['INVALID_INSTANT', 'receivedAt']);
    expect(code(1771000000000)).toEqual(['INVALID_INSTANT', 'receivedAt']);
    expect(code(new Date(Number.NaN))).toEqual(['INVALID_INSTANT', 'receivedAt']);
  });

  it('agrees with Date for any instant and offset', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 11, 31) }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (ms, off) => {
          const t = Math.floor(ms / 1000) * 1000;
          const local = new Date(t + off * 60_000).toISOString().slice(0, 19);
          const sign = off < 0 ? '-' : '+';
          const a = Math.abs(off);
          const s = `${local}${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
          expect(parseInstant(s)).toBe(t);
          expect(parseInstant(formatInstant(t))).toBe(t);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
