import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/demo';
import { main } from '../../src/cli/main';
import { fakeIo } from './_io';

describe('motcua demo', () => {
  it('walks through Tết 2026, due dates and explain on bundled data', async () => {
    const io = fakeIo();
    expect(await run([], io)).toBe(0);
    expect(io.err).toBe('');
    const out = io.out;
    // Tết 2026: lunar new year's day and the five weekdays off, with Vietnamese weekdays.
    expect(out).toContain("Lunar New Year's day: Thứ Ba 17/02/2026");
    for (const d of ['Thứ Hai 16/02/2026', 'Thứ Ba 17/02/2026', 'Thứ Tư 18/02/2026', 'Thứ Năm 19/02/2026', 'Thứ Sáu 20/02/2026']) expect(out).toContain(d);
    expect(out).toContain("addWorkingDays('2026-02-13', 1) = 2026-02-23");
    // Due dates.
    expect(out).toContain('→ due Thứ Năm 26/02/2026 at 17:00'); // 15:01 before Tết, cut-off 15:00
    expect(out).toContain('→ due Thứ Hai 16/03/2026 at 17:00'); // online on a Sunday
    expect(out).toContain('→ due Thứ Tư 11/03/2026 at 11:30'); // 0.5 working-day
    expect(out).toContain('→ due Thứ Hai 04/05/2026 at 17:00'); // 15 calendar days ending on 30/4
    expect(out).toContain('(Civil Code 2015 Art 148)');
    // explain: a swap and its working Saturday, an estimated Tết, Tết 2007 in Vietnam vs China.
    expect(out).toContain('Thứ Sáu 02/01/2026: off, swap');
    expect(out).toContain('Thứ Bảy 10/01/2026: working, working-saturday');
    expect(out).toMatch(/Thứ Năm 23\/01\/2031: off, tet, Tết Nguyên đán, ESTIMATED/);
    expect(out).toContain('Vietnam: Thứ Bảy 17/02/2007; China: Chủ Nhật 18/02/2007');
  });

  it('is wired into main', async () => {
    const io = fakeIo();
    expect(await main(['demo'], io)).toBe(0);
    expect(io.out).toContain('Tết Nguyên đán 2026');
  });
});

describe('demo: sample procedures', () => {
  it('prints due dates of bundled procedures received before Tết', async () => {
    const io = fakeIo();
    expect(await run([], io)).toBe(0);
    const text = io.out;
    expect(text).toContain('4. Procedures of the bundled sample catalogue');
    expect(text).toMatch(/1\.004873 .*3 working-day\s+Thứ Ba 24\/02\/2026/);
  });
});
