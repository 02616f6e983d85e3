// viDate prints what date-fns' vi locale printed ('EEEE dd/MM/yyyy') before date-fns left the
// runtime dependencies (issue #20), for every day 1990-2100, whatever the host zone (TZ is Los Angeles).
import { format } from 'date-fns/format';
import { enUS } from 'date-fns/locale/en-US';
import { vi } from 'date-fns/locale/vi';
import { describe, expect, it } from 'vitest';
import { civilDate, viDate } from '../../src/cli/_format';

describe('viDate', () => {
  it('matches date-fns vi (and en-US for --lang en) for every day 1990-2100', () => {
    const mismatches: string[] = [];
    for (let t = Date.UTC(1990, 0, 1); t <= Date.UTC(2100, 11, 31); t += 86_400_000) {
      const civil = new Date(t).toISOString().slice(0, 10);
      const y = Number(civil.slice(0, 4));
      const expected = format(new Date(y, Number(civil.slice(5, 7)) - 1, Number(civil.slice(8, 10)), 12), 'EEEE dd/MM/yyyy', { locale: vi });
      if (viDate(civil) !== expected) mismatches.push(`${civil}: ${viDate(civil)} ≠ ${expected}`);
      const en = format(new Date(y, Number(civil.slice(5, 7)) - 1, Number(civil.slice(8, 10)), 12), 'EEEE dd/MM/yyyy', { locale: enUS });
      if (civilDate(civil, 'en') !== en) mismatches.push(`${civil}: ${civilDate(civil, 'en')} ≠ ${en}`);
    }
    expect(mismatches).toEqual([]);
    expect(viDate('2026-02-16')).toBe('Thứ Hai 16/02/2026');
    expect(viDate('2026-02-15')).toBe('Chủ Nhật 15/02/2026');
    expect(civilDate('2026-02-16', 'en')).toBe('Monday 16/02/2026');
  });
});
