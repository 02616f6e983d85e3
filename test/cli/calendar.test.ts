import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/calendar';
import { main } from '../../src/cli/main';
import { fakeIo } from './_io';

describe('motcua calendar', () => {
  it('prints 2026 days off and working Saturdays with Vietnamese weekdays, kinds, names, status and sources', async () => {
    const io = fakeIo();
    expect(await run(['2026'], io)).toBe(0);
    expect(io.err).toBe('');
    const lines = io.out.split('\n');
    expect(lines[0]).toContain('2026');
    // Vietnamese by default (#19): NGHỈ / LÀM VIỆC, the kinds and statuses in words
    expect(io.out).toContain('13 ngày nghỉ trong tuần làm việc (ngoài nghỉ hằng tuần), 2 ngày cuối tuần làm bù.');
    const line = (d: string) => lines.find((l) => l.startsWith(d)) ?? '';
    const next = (d: string) => lines[lines.findIndex((l) => l.startsWith(d)) + 1] ?? '';
    // Host zone is America/Los_Angeles in tests: the weekday and date must still be Vietnam's civil day.
    expect(line('Thứ Năm 01/01/2026')).toMatch(/NGHỈ\s+nghỉ lễ\s+Tết Dương lịch\s+đã kiểm chứng\s+\[1\]/);
    expect(line('Thứ Sáu 02/01/2026')).toMatch(/NGHỈ\s+nghỉ hoán đổi\s+/);
    expect(line('Thứ Bảy 10/01/2026')).toMatch(/LÀM VIỆC\s+làm bù\s+Tết Dương lịch/);
    // the reason of a day on the line under it
    // the reason of a day on the line under it, in Vietnamese with the date as printed (#19)
    expect(next('Thứ Bảy 10/01/2026')).toMatch(/^ {4}làm việc bù cho Thứ Sáu 02\/01\/2026/);
    expect(line('Thứ Hai 16/02/2026')).toContain('Tết Nguyên đán');
    expect(line('Thứ Hai 27/04/2026')).toMatch(/nghỉ bù\s+Giỗ Tổ Hùng Vương/);
    expect(line('Thứ Bảy 22/08/2026')).toContain('LÀM VIỆC');
    expect(line('Thứ Tư 02/09/2026')).toContain('Quốc khánh');
    expect(io.out).not.toContain('24/11/2026');
    expect(io.out).toContain('Nguồn:\n  [1] Công văn 12729/VPCP-KGVX (2025-12-25)');
    // Aligned: the Kind column starts at the same offset on every day line.
    const dayLines = lines.filter((l) => /^Thứ /.test(l));
    expect(dayLines).toHaveLength(15);
    const col = (l: string) => l.search(/(nghỉ lễ|nghỉ hoán đổi|làm bù|nghỉ bù|nghỉ Tết)/);
    expect(new Set(dayLines.map(col)).size).toBe(1);
  });

  it('--lang en prints the same table in English (OFF/WORKING, kinds and statuses as codes)', async () => {
    const io = fakeIo();
    expect(await run(['2026', '--lang', 'en'], io)).toBe(0);
    const lines = io.out.split('\n');
    expect(io.out).toContain('13 weekday(s) off besides weekly rest, 2 weekend day(s) worked.');
    const line = (d: string) => lines.find((l) => l.startsWith(d)) ?? '';
    expect(line('Thursday 01/01/2026')).toMatch(/OFF\s+holiday\s+Tết Dương lịch\s+verified\s+\[1\]/);
    expect(line('Saturday 10/01/2026')).toMatch(/WORKING\s+working-saturday\s+Tết Dương lịch/);
    expect(io.out).toContain('Sources:\n  [1] Công văn 12729/VPCP-KGVX (2025-12-25)');
  });

  it('--json gives the merged list in date order', async () => {
    const io = fakeIo();
    expect(await run(['2026', '--json'], io)).toBe(0);
    const days = JSON.parse(io.out) as { date: string; working: boolean; kind: string; name: string | null; source: string | null; estimated: boolean }[];
    expect(days.map((d) => d.date)).toEqual([
      '2026-01-01', '2026-01-02', '2026-01-10', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20',
      '2026-04-27', '2026-04-30', '2026-05-01', '2026-08-22', '2026-08-31', '2026-09-01', '2026-09-02',
    ]);
    expect(days[2]).toMatchObject({ date: '2026-01-10', working: true, kind: 'working-saturday', name: 'Tết Dương lịch', source: 'Công văn 12729/VPCP-KGVX (2025-12-25)', estimated: false });
    for (const d of days) expect(Object.keys(d)).toEqual(expect.arrayContaining(['date', 'working', 'kind', 'name', 'source', 'estimated']));
  });

  it('--culture-day adds 24/11 from 2026, marked pending', async () => {
    const io = fakeIo();
    expect(await run(['2026', '--json', '--culture-day'], io)).toBe(0);
    const days = JSON.parse(io.out) as { date: string; working: boolean; status: string; name: string }[];
    expect(days.find((d) => d.date === '2026-11-24')).toMatchObject({ working: false, status: 'pending', name: 'Ngày Văn hóa Việt Nam' });
    const text = fakeIo();
    await run(['2026', '--culture-day'], text);
    expect(text.out).toContain('Thứ Ba 24/11/2026');
  });

  it('flags estimated years', async () => {
    const io = fakeIo();
    expect(await run(['2031'], io)).toBe(0);
    expect(io.out).toContain('ƯỚC TÍNH');
    expect(io.out).toMatch(/Thứ Năm 23\/01\/2031\s+NGHỈ\s+nghỉ Tết\s+Tết Nguyên đán\s+ước tính/);
    const en = fakeIo();
    expect(await run(['2031', '--lang', 'en'], en)).toBe(0);
    expect(en.out).toContain('ESTIMATED');
    expect(en.out).toMatch(/Thursday 23\/01\/2031\s+OFF\s+tet\s+Tết Nguyên đán\s+estimated/);
  });

  it.each([
    [[], 'missing <year>'],
    [['26'], 'four digits'],
    [['abcd'], 'four digits'],
    [['1989'], 'outside the calendar'],
    [['2101'], 'outside the calendar'],
    [['2026', '2027'], 'unexpected argument'],
    [['2026', '--bogus'], 'bogus'],
  ])('bad arguments %j → exit 2 (--lang en)', async (argv, message) => {
    const io = fakeIo();
    expect(await run([...argv, '--lang', 'en'], io)).toBe(2);
    expect(io.err).toContain(message);
    // the error and where the help is, not the help (#14)
    expect(io.err.trimEnd().split('\n').at(-1)).toBe('See: motcua calendar --help');
    expect(io.err).not.toContain('Usage: motcua calendar');
    expect(io.out).toBe('');
  });

  it.each([
    [[], 'thiếu <năm>'],
    [['26'], 'bốn chữ số'],
    [['1989'], 'nằm ngoài các năm của lịch'],
    [['2026', '2027'], 'đối số thừa'],
    [['2026', '--bogus'], "không có tùy chọn '--bogus'"],
    [['2026', '--lang', 'fr'], '--lang phải là vi hoặc en'],
  ])('bad arguments %j → exit 2, in Vietnamese by default', async (argv, message) => {
    const io = fakeIo();
    expect(await run(argv, io)).toBe(2);
    expect(io.err).toContain(message);
    expect(io.err.trimEnd().split('\n').at(-1)).toBe('Xem: motcua calendar --help');
    expect(io.err).not.toContain('Cách dùng: motcua calendar');
    expect(io.out).toBe('');
  });

  it('is wired into main', async () => {
    const io = fakeIo();
    expect(await main(['calendar', '2026', '--json'], io)).toBe(0);
    expect(JSON.parse(io.out)).toHaveLength(15);
  });
});
