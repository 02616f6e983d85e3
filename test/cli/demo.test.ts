import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/demo';
import { main } from '../../src/cli/main';
import { fakeIo } from './_io';

describe('motcua demo', () => {
  it('walks through Tết 2026, due dates and explain on bundled data (--lang en)', async () => {
    const io = fakeIo();
    expect(await run(['--lang', 'en'], io)).toBe(0);
    expect(io.err).toBe('');
    const out = io.out;
    // Tết 2026: lunar new year's day and the five weekdays off (English weekdays with --lang en).
    expect(out).toContain("Lunar New Year's day: Tuesday 17/02/2026");
    for (const d of ['Monday 16/02/2026', 'Tuesday 17/02/2026', 'Wednesday 18/02/2026', 'Thursday 19/02/2026', 'Friday 20/02/2026']) expect(out).toContain(d);
    expect(out).toContain("addWorkingDays('2026-02-13', 1) = 2026-02-23");
    // Due dates.
    expect(out).toContain('→ due Thursday 26/02/2026 at 17:00'); // 15:01 before Tết, cut-off 15:00
    expect(out).toContain('→ due Monday 16/03/2026 at 17:00'); // online on a Sunday
    expect(out).toContain('→ due Wednesday 11/03/2026 at 11:30'); // 0.5 working-day
    expect(out).toContain('→ due Monday 04/05/2026 at 17:00'); // 15 calendar days ending on 30/4
    expect(out).toMatch(/\(Civil Code\s+2015 Art 148\)/);
    // explain: a swap and its working Saturday, an estimated Tết, Tết 2007 in Vietnam vs China.
    expect(out).toContain('Friday 02/01/2026: off, swap');
    expect(out).toContain('Saturday 10/01/2026: working, working-saturday');
    expect(out).toMatch(/Thursday 23\/01\/2031: off, tet, Tết Nguyên đán, ESTIMATED/);
    expect(out).toContain('Vietnam: Saturday 17/02/2007; China: Sunday 18/02/2007');
  });

  it('is Vietnamese by default (#19)', async () => {
    const io = fakeIo();
    expect(await run([], io)).toBe(0);
    const out = io.out;
    expect(out).toContain('Mùng 1 Tết: Thứ Ba 17/02/2026');
    for (const d of ['Thứ Hai 16/02/2026', 'Thứ Ba 17/02/2026', 'Thứ Tư 18/02/2026', 'Thứ Năm 19/02/2026', 'Thứ Sáu 20/02/2026']) expect(out).toContain(d);
    expect(out).toContain('→ hẹn trả Thứ Năm 26/02/2026 lúc 17:00');
    expect(out).toContain('→ hẹn trả Thứ Tư 11/03/2026 lúc 11:30');
    expect(out).toContain('Thứ Sáu 02/01/2026: nghỉ, nghỉ hoán đổi');
    expect(out).toContain('Thứ Bảy 10/01/2026: làm việc, làm bù');
    expect(out).toMatch(/Thứ Năm 23\/01\/2031: nghỉ, nghỉ Tết, Tết Nguyên đán, ƯỚC TÍNH/);
    expect(out).toContain('Việt Nam: Thứ Bảy 17/02/2007; Trung Quốc: Chủ Nhật 18/02/2007');
  });

  it('says that motcua (like date-holidays, the library compared with) uses the Vietnamese lunar calendar, and that one on the Chinese calendar would put Tết 2007 a day late (#14)', async () => {
    const flat = async (argv: string[]) => {
      const io = fakeIo();
      await run(argv, io);
      return io.out.replace(/\n\s+/g, ' ');
    };
    const vi = await flat([]);
    expect(vi).toContain('motcua tính âm lịch theo giờ Việt Nam (UTC+7), như thư viện date-holidays dùng để so sánh; một thư viện tính theo lịch Trung Quốc (UTC+8) sẽ đặt Tết muộn một ngày.');
    expect(vi).not.toContain('Thư viện dùng lịch Trung Quốc');
    expect(await flat(['--lang', 'en'])).toContain('motcua computes the lunar calendar in Vietnamese time (UTC+7), as the date-holidays library it is compared with does; a library on the Chinese calendar (UTC+8) would put Tết a day late.');
    // what the sentence says of date-holidays holds: its Vietnamese Tết 2007 is motcua's, 17/2
    const { default: Holidays } = await import('date-holidays');
    const tet = new Holidays('VN').getHolidays(2007).find((h) => h.name === 'Tết Nguyên Đán');
    expect(tet?.date.slice(0, 10)).toBe('2007-02-17');
  });

  it('takes --lang and --help only', async () => {
    const bad = fakeIo();
    expect(await main(['demo', 'x'], bad)).toBe(2);
    expect(bad.err).toContain('đối số thừa "x"');
    const opt = fakeIo();
    expect(await main(['demo', '--json'], opt)).toBe(2);
    expect(opt.err).toMatch(/^motcua demo: .*\nXem: motcua demo --help\n$/);
  });

  it('is wired into main', async () => {
    const io = fakeIo();
    expect(await main(['demo'], io)).toBe(0);
    expect(io.out).toContain('Tết Nguyên đán 2026');
    const en = fakeIo();
    expect(await main(['demo', '--lang', 'en'], en)).toBe(0);
    expect(en.out).toContain("Lunar New Year's day");
  });
});

describe('demo: sample procedures', () => {
  it('prints due dates of bundled procedures received before Tết', async () => {
    const io = fakeIo();
    expect(await run([], io)).toBe(0);
    const text = io.out;
    expect(text).toContain('4. Các thủ tục hành chính trong danh mục mẫu');
    expect(text).toMatch(/1\.004873 .*3 ngày làm việc\s+Thứ Ba 24\/02\/2026/);
    const en = fakeIo();
    expect(await run(['--lang', 'en'], en)).toBe(0);
    expect(en.out).toContain('4. Procedures of the bundled sample catalogue');
    expect(en.out).toMatch(/1\.004873 .*3 working-day\s+Tuesday 24\/02\/2026/);
  });
});
