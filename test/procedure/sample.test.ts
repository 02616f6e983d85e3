import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dueDateFor, findProcedure, procedureLimit, proceduresByAgency, proceduresByField, sampleCatalog } from '../../src/procedure/index';
import { parseCatalog, parseProcedure } from '../../src/schema/index';

const root = fileURLToPath(new URL('../../', import.meta.url));
const file = readFileSync(join(root, 'data/procedures.json'), 'utf8');
const source = JSON.parse(readFileSync(join(root, 'scripts/data/procedures-sample.json'), 'utf8'));

describe('the bundled sample catalogue (data/procedures.json)', () => {
  it('is reproduced exactly by scripts/gen-catalog.mjs from the committed source', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'motcua-')), 'procedures.json');
    execFileSync(process.execPath, [join(root, 'scripts/gen-catalog.mjs'), join(root, 'scripts/data/procedures-sample.json'), out], { stdio: 'pipe' });
    expect(readFileSync(out, 'utf8')).toBe(file);
  });

  it('parses, and every field of every procedure round-trips through JSON unchanged', () => {
    const r = parseCatalog(JSON.parse(file));
    expect(r.ok ? [] : r.issues).toEqual([]);
    if (!r.ok) return;
    expect(r.value).toEqual(JSON.parse(file));
    expect(JSON.stringify(r.value, null, 2) + '\n').toBe(file);
    for (const p of sampleCatalog.procedures) {
      const one = parseProcedure(JSON.parse(JSON.stringify(p)));
      expect(one.ok && one.value).toEqual(p);
    }
  });

  it('has at least 25 commune- and province-level procedures with distinct codes', () => {
    const ps = sampleCatalog.procedures;
    expect(ps.length).toBeGreaterThanOrEqual(25);
    expect(new Set(ps.map((p) => p.code)).size).toBe(ps.length);
    expect(ps.every((p) => p.agency.level === 'commune' || p.agency.level === 'province')).toBe(true);
    expect(new Set(ps.map((p) => p.field.name))).toEqual(
      new Set(['Hộ tịch', 'Chứng thực', 'Bảo trợ xã hội', 'Người có công', 'Đăng ký hộ kinh doanh', 'Đất đai', 'Hoạt động xây dựng', 'Đăng ký, quản lý cư trú', 'Nghĩa vụ quân sự']),
    );
  });

  it('gives every procedure its source documents and every effective limit its basis and status', () => {
    for (const p of sampleCatalog.procedures) {
      expect(p.sources.documents.length).toBeGreaterThan(0);
      for (const c of p.channels) {
        expect(c.limitSource?.documents.length, `${p.code} ${c.channel}`).toBeGreaterThan(0);
        expect(c.limitSource?.status).not.toBe('unknown');
      }
    }
  });

  it('takes every value from the source and invents none: each effective limit is a published one', () => {
    const UNIT: Record<string, string> = { working_days: 'working-day', days: 'calendar-day', hours: 'working-hour' };
    for (const p of sampleCatalog.procedures) {
      const src = source.procedures.find((x: { code: { value: string } }) => x.code.value === p.code);
      expect(src, p.code).toBeDefined();
      expect(p.name).toBe(src.name.value);
      for (const c of p.channels) {
        const published = src.timeLimits.filter((t: { channels: string[] }) => t.channels.includes(c.channel) || t.channels.includes('all'));
        const match = published.some((t: { unit: string; amount: number | null; case: string | null }) =>
          t.case === null && (c.limit.unit === 'same-day' ? ['same_day', 'immediate'].includes(t.unit) : UNIT[t.unit] === c.limit.unit && t.amount === c.limit.amount),
        );
        expect(match, `${p.code} ${c.channel}`).toBe(true);
        // every other published value for this channel is kept as an alternative
        expect(c.alternatives?.length).toBe(published.length - 1);
      }
    }
    // the excluded ones are listed with a reason, and together with the kept ones make the whole source
    const excluded = sampleCatalog.meta?.excluded ?? [];
    expect(excluded.every((e) => e.reason.length > 10)).toBe(true);
    expect(excluded.length + sampleCatalog.procedures.length).toBe(source.procedures.length);
  });

  it('applies the limit-choice rule: law first, then provincial decision, then the portal', () => {
    // 1.001193 khai sinh: law (immediate; same day with 15:00 cut-off) beats the portal's "1 Khác"
    const birth = findProcedure(sampleCatalog, '1.001193')!;
    expect(birth.immediate).toBe(true);
    expect(birth.cutoff).toEqual({ time: '15:00', rule: 'next-working-day' });
    expect(procedureLimit(birth, 'online')).toEqual({ amount: 0, unit: 'same-day' });
    expect(birth.channels[0]!.limitSource?.basis).toBe('law');
    expect(birth.channels[0]!.alternatives?.map((a) => [a.source.basis, a.unit, a.amount])).toContainEqual(['national-portal', 'unspecified', 1]);
    // 1.012812 hòa giải tranh chấp đất đai: Hải Phòng's 30 working days beats the portal's calendar days
    const land = findProcedure(sampleCatalog, '1.012812')!;
    expect(procedureLimit(land, 'direct')).toEqual({ amount: 30, unit: 'working-day' });
    expect(land.channels[0]!.limitSource?.basis).toBe('provincial-decision');
    // 1.013133 nghĩa vụ quân sự: per-channel units from the portal
    const military = findProcedure(sampleCatalog, '1.013133')!;
    expect(procedureLimit(military, 'direct')).toEqual({ amount: 1, unit: 'working-day' });
    expect(procedureLimit(military, 'online')).toEqual({ amount: 2, unit: 'working-hour' });
    expect(procedureLimit(military, 'postal')).toBeNull();
  });

  it('looks procedures up by code, by field and by agency', () => {
    expect(findProcedure(sampleCatalog, '2.000815')?.field.code).toBe('G15-TP03');
    expect(findProcedure(sampleCatalog, '9.999999')).toBeUndefined();
    expect(proceduresByField(sampleCatalog, 'G15-TP07').map((p) => p.code)).toEqual(['1.001193']);
    expect(proceduresByField(sampleCatalog, 'chứng thực').map((p) => p.code)).toEqual(['2.000815', '2.000884', '2.001035', '2.001406', '2.000913']);
    expect(proceduresByField(sampleCatalog, 'no such field')).toEqual([]);
    expect(proceduresByAgency(sampleCatalog, { level: 'province' }).map((p) => p.code)).toEqual(['1.010803', '1.013236']);
    expect(proceduresByAgency(sampleCatalog, { name: 'sở xây dựng', level: 'province' }).map((p) => p.code)).toEqual(['1.013236']);
    expect(proceduresByAgency(sampleCatalog, { name: 'Ủy ban nhân dân cấp xã' }).length).toBeGreaterThan(10);
  });

  it('computes due dates with the limit and the cut-off through the calendar', () => {
    const copy = findProcedure(sampleCatalog, '2.000815')!; // chứng thực bản sao: same day, 15:00 cut-off
    expect(dueDateFor(copy, 'direct', '2026-03-02T14:59+07:00').dueDate).toBe('2026-03-02');
    expect(dueDateFor(copy, 'direct', '2026-03-02T15:01+07:00').dueDate).toBe('2026-03-03');
    // received on Friday before Tết 2026 after the cut-off: counts from Monday 23/2
    expect(dueDateFor(copy, 'online', '2026-02-13T15:30+07:00').dueDate).toBe('2026-02-23');
    const household = findProcedure(sampleCatalog, '1.001612')!; // hộ kinh doanh: 3 working days, no cut-off
    expect(dueDateFor(household, 'direct', '2026-02-13T16:00+07:00').dueDate).toBe('2026-02-25');
    const military = findProcedure(sampleCatalog, '1.013133')!; // 2 working hours online
    // office hours 07:30-17:00 by default: 30 minutes on Monday, 90 minutes on Tuesday
    expect(dueDateFor(military, 'online', '2026-03-02T16:30+07:00').dueAt).toBe('2026-03-03T09:00:00+07:00');
    expect(() => dueDateFor(military, 'postal', '2026-03-02T09:00+07:00')).toThrow(expect.objectContaining({ code: 'CHANNEL_NOT_OFFERED', field: 'channel' }));
  });
});

describe('the example examples/procedures/due-dates.ts', () => {
  it('loads the catalogue from JSON and computes a due date per procedure and channel', async () => {
    const { dueDateTable } = await import('../../examples/procedures/due-dates');
    const rows = dueDateTable(file, '2026-02-13T15:30+07:00');
    expect(rows.length).toBe(sampleCatalog.procedures.reduce((n, p) => n + p.channels.length, 0));
    expect(rows.find((r) => r.code === '2.000815' && r.channel === 'direct')).toMatchObject({ limit: 'same day', countFrom: '2026-02-23', dueDate: '2026-02-23' });
    expect(rows.find((r) => r.code === '1.001612' && r.channel === 'online')).toMatchObject({ limit: '3 working-day', countFrom: '2026-02-13', dueDate: '2026-02-25' });
    expect(() => dueDateTable('{"procedures":[{"code":"1"}]}', '2026-02-13T15:30+07:00')).toThrow(/procedures\[0\]\.code/);
  });
});
