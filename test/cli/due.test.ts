import { describe, expect, it } from 'vitest';
import { parseLimit, run } from '../../src/cli/due';
import { main } from '../../src/cli/main';
import { fakeIo } from './_io';

describe('motcua due', () => {
  it('15:01 on the Friday before Tết, 3 working days, 15:00 cut-off: due Thursday 26/2/2026, with the steps', async () => {
    const io = fakeIo();
    expect(await run(['--received', '2026-02-13T15:01+07:00', '--limit', '3 working-day', '--cutoff', '15:00', '--lang', 'en'], io)).toBe(0);
    expect(io.err).toBe('');
    expect(io.out.split('\n')[0]).toBe('Due: Thursday 26/02/2026 at 17:00 (2026-02-26T17:00:00+07:00)');
    expect(io.out).toContain('counts from  Monday 23/02/2026');
    // the steps print dates as a notice does and name the Tết days skipped (#19, library part)
    expect(io.out).toContain('2. Received after the 15:00 cut-off: counts from the next working day, Monday 23/02/2026; days off');
    expect(io.out).toContain('3. 3 working days after Monday 23/02/2026: Thursday 26/02/2026');
  });

  it('in Vietnamese by default (#19)', async () => {
    const io = fakeIo();
    expect(await run(['--received', '2026-02-13T15:01+07:00', '--limit', '3 ngày làm việc', '--cutoff', '15:00'], io)).toBe(0);
    expect(io.out.split('\n')[0]).toBe('Hạn trả kết quả: Thứ Năm 26/02/2026 lúc 17:00 (2026-02-26T17:00:00+07:00)');
    expect(io.out).toContain('thời hạn      3 ngày làm việc, giờ chốt nhận 15:00');
    expect(io.out).toContain('tính từ       Thứ Hai 23/02/2026');
    expect(io.out).toContain('Vì sao:');
  });

  it('without the cut-off, 15:01 counts that day', async () => {
    const io = fakeIo();
    expect(await run(['--received', '2026-02-13T15:01+07:00', '--limit', '3 working-days', '--json'], io)).toBe(0);
    expect(JSON.parse(io.out)).toMatchObject({ countFrom: '2026-02-13', dueDate: '2026-02-25' });
  });

  it('--json gives the whole dueDate result', async () => {
    const io = fakeIo();
    expect(await run(['--received=2026-02-13T15:01+07:00', '--limit=3 working-day', '--cutoff=15:00', '--json'], io)).toBe(0);
    const r = JSON.parse(io.out);
    expect(r).toEqual({
      receivedAt: '2026-02-13T15:01:00+07:00',
      countFrom: '2026-02-23',
      clockStart: '2026-02-23T07:30:00+07:00',
      limit: { amount: 3, unit: 'working-day' },
      dueDate: '2026-02-26',
      dueAt: '2026-02-26T17:00:00+07:00',
      steps: expect.any(Array),
    });
    expect(r.steps.map((s: { rule: string }) => s.rule)).toEqual(['received', 'after-cutoff', 'count', 'due-at']);
  });

  it('accepts other units and a UTC instant', async () => {
    const io = fakeIo();
    expect(await run(['--received', '2026-04-15T02:00Z', '--limit', '15 calendar-days', '--json'], io)).toBe(0);
    const r = JSON.parse(io.out);
    expect(r.dueDate).toBe('2026-05-04');
    expect(r.steps.map((s: { rule: string }) => s.rule)).toContain('moved-to-working-day');
  });

  it('parses --limit', () => {
    expect(parseLimit('3 working-day')).toEqual({ amount: 3, unit: 'working-day' });
    expect(parseLimit('3 working days')).toEqual({ amount: 3, unit: 'working-day' });
    expect(parseLimit('0.5 working-day')).toEqual({ amount: 0.5, unit: 'working-day' });
    expect(parseLimit('0,5 ngày làm việc')).toEqual({ amount: 0.5, unit: 'working-day' });
    expect(parseLimit('4 working-hours')).toEqual({ amount: 4, unit: 'working-hour' });
    expect(parseLimit('8 giờ làm việc')).toEqual({ amount: 8, unit: 'working-hour' });
    expect(parseLimit('30 ngày')).toEqual({ amount: 30, unit: 'calendar-day' });
    expect(parseLimit('10 Calendar-Days')).toEqual({ amount: 10, unit: 'calendar-day' });
    expect(parseLimit('same-day')).toEqual({ amount: 0, unit: 'same-day' });
    expect(parseLimit('trong ngày')).toEqual({ amount: 0, unit: 'same-day' });
    expect(() => parseLimit('3 weeks', 'en')).toThrow(/unit one of/);
    expect(() => parseLimit('working-day', 'en')).toThrow(/missing the amount/);
    expect(() => parseLimit('3 weeks')).toThrow(/đơn vị là một trong/);
    expect(() => parseLimit('working-day')).toThrow(/thiếu số lượng/);
    expect(() => parseLimit('')).toThrow(/--limit/);
  });

  it.each([
    [['--limit', '3 working-day'], 'missing --received'],
    [['--received', '2026-02-13T10:00+07:00'], 'missing --limit'],
    [['--received', '2026-02-13T10:00+07:00', '--limit', '3 weeks'], 'unit one of working-day'],
    [['--received', '2026-02-13T10:00+07:00', '--limit', '3 working-day', '--bogus'], 'bogus'],
    [['extra', '--received', '2026-02-13T10:00+07:00', '--limit', '3 working-day'], 'unexpected argument'],
  ])('usage errors %j → exit 2 (--lang en)', async (argv, message) => {
    const io = fakeIo();
    expect(await run([...argv, '--lang', 'en'], io)).toBe(2);
    expect(io.err).toContain(message);
    expect(io.err.trimEnd().split('\n')).toEqual([expect.stringContaining(message), 'See: motcua due --help']);
  });

  it.each([
    [['--limit', '3 working-day'], 'thiếu --received'],
    [['--received', '2026-02-13T10:00+07:00', '--limit', '3 weeks'], 'đơn vị là một trong working-day'],
    [['extra', '--received', '2026-02-13T10:00+07:00', '--limit', '3 working-day'], 'đối số thừa'],
  ])('usage errors %j → exit 2, in Vietnamese by default', async (argv, message) => {
    const io = fakeIo();
    expect(await run(argv, io)).toBe(2);
    expect(io.err).toContain(message);
    expect(io.err.trimEnd().split('\n')).toEqual([expect.stringContaining(message), 'Xem: motcua due --help']);
  });

  it.each([
    [['--received', '2026-02-13T10:00', '--limit', '3 working-day'], 'INSTANT_WITHOUT_OFFSET', '(receivedAt, --received)'],
    [['--received', 'yesterday', '--limit', '3 working-day'], 'INVALID_INSTANT', '(receivedAt, --received)'],
    [['--received', '2026-02-13T10:00+07:00', '--limit', '3 working-day', '--cutoff', '25:00'], 'INVALID_TIME', '(cutoff, --cutoff)'],
    [['--received', '2026-02-13T10:00+07:00', '--limit', '1.5 calendar-day'], 'INVALID_LIMIT', '(limit.amount, --limit)'],
    [['--received', '2100-12-31T10:00+07:00', '--limit', '30 working-day'], 'OUT_OF_RANGE', '--limit'],
  ])('invalid values %j → exit 2 (bad input; it was 1 before issue #20) with the MotcuaError code and field', async (argv, code, field) => {
    const io = fakeIo();
    expect(await run(argv, io)).toBe(2);
    expect(io.err).toMatch(new RegExp(`^motcua due: ${code} `));
    expect(io.err).toContain(field);
    expect(io.out).toBe('');
  });

  it('is wired into main', async () => {
    const io = fakeIo();
    expect(await main(['due', '--received', '2026-03-08T21:30+07:00', '--limit', '5 working-day', '--json'], io)).toBe(0);
    expect(JSON.parse(io.out)).toMatchObject({ countFrom: '2026-03-09', dueDate: '2026-03-16', dueAt: '2026-03-16T17:00:00+07:00' });
  });
});
