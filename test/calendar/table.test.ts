import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, calendarTable, explain, workingDaysBetween } from '../../src/calendar/index';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/calendarExport';
import { fakeIo } from '../cli/_io';

const rows = calendarTable({ fromYear: 2018, toYear: 2030 });
const byDate = new Map(rows.map((r) => [r.date, r]));
const byOrdinal = new Map(rows.filter((r) => r.working).map((r) => [r.workingDayOrdinal, r.date]));

describe('calendarTable: the calendar as rows for SQL engines', () => {
  it('has one row per day, in order, each as explain() says', () => {
    expect(rows.length).toBe(4748);
    expect(rows[0]?.date).toBe('2018-01-01');
    expect(rows.at(-1)?.date).toBe('2030-12-31');
    for (const r of rows.filter((_, i) => i % 97 === 0)) {
      const e = explain(r.date);
      expect(r).toMatchObject({ working: e.working, kind: e.kind, name: e.name, source: e.source, status: e.status, estimated: e.estimated });
    }
  });

  it('a join on the working-day ordinal gives addWorkingDays and workingDaysBetween', () => {
    const dates = fc.integer({ min: 0, max: rows.length - 400 }).map((i) => rows[i]!.date);
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 200 }), (d, n) => {
        const start = byDate.get(d)!;
        expect(byOrdinal.get(start.workingDayOrdinal + n)).toBe(addWorkingDays(d, n));
        const end = addWorkingDays(d, n);
        expect(byDate.get(end)!.workingDayOrdinal - start.workingDayOrdinal).toBe(workingDaysBetween(d, end));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses years outside the calendar', () => {
    expect(() => calendarTable({ fromYear: 1989, toYear: 2000 })).toThrowError(expect.objectContaining({ code: 'OUT_OF_RANGE', field: 'year' }));
    expect(() => calendarTable({ fromYear: 2030, toYear: 2020 })).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT', field: 'toYear' }));
  });
});

describe('motcua calendar export', () => {
  it('writes CSV with a header and one line per day, quoting sources with commas', async () => {
    const io = fakeIo();
    expect(await run(['--from', '2026', '--to', '2026'], io)).toBe(0);
    const lines = io.out.trimEnd().split('\n');
    expect(lines[0]).toBe('date,working,kind,name,occasion,source,status,estimated,working_day_ordinal');
    expect(lines.length).toBe(366);
    expect(lines.find((l) => l.startsWith('2026-02-17'))).toMatch(/^2026-02-17,false,holiday,Tết Nguyên đán,tet_nguyen_dan,Công văn 9859\/VPCP-KGVX/);
  });

  it('writes standard SQL', async () => {
    const io = fakeIo();
    expect(await run(['--from', '2026', '--to', '2027', '--format', 'sql', '--table', 'lich'], io)).toBe(0);
    expect(io.out).toMatch(/^CREATE TABLE lich \(/);
    expect(io.out.match(/^\(DATE '/gm)?.length).toBe(730);
    expect(io.out).toContain("(DATE '2026-02-17', FALSE, 'holiday', 'Tết Nguyên đán'");
  });

  it('writes Parquet through DuckDB, typed, which reads back as the same rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-parquet-'));
    const out = join(dir, 'lich.parquet');
    const io = fakeIo();
    expect(await run(['--from', '2026', '--to', '2026', '--format', 'parquet', '--out', out], io)).toBe(0);
    expect(io.err).toBe(`đã ghi 365 ngày vào ${out}\n`); // Vietnamese by default (#19); --lang en: "wrote 365 days to …"

    const { DuckDBInstance } = await import('@duckdb/node-api');
    const con = await (await DuckDBInstance.create(':memory:')).connect();
    const read = await con.runAndReadAll(`SELECT CAST(date AS VARCHAR) AS date, working, kind, working_day_ordinal, typeof(date) AS t FROM '${out}' ORDER BY date`);
    const back = read.getRowObjectsJson();
    expect(back).toHaveLength(365);
    expect(back[0]!.t).toBe('DATE');
    const want = calendarTable({ fromYear: 2026, toYear: 2026 });
    expect(back.map((r) => [r.date, r.working, r.kind, Number(r.working_day_ordinal)])).toEqual(want.map((r) => [r.date, r.working, r.kind, r.workingDayOrdinal]));
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses bad flags with exit code 2', async () => {
    for (const args of [['--from', '2026'], ['--from', '26', '--to', '2027'], ['--from', '2026', '--to', '2027', '--format', 'parquet'], ['--from', '2026', '--to', '2027', '--format', 'sql', '--table', 'x; drop']]) {
      const io = fakeIo();
      expect(await run(args, io)).toBe(2);
      expect(io.err).toMatch(/motcua calendar export:/);
    }
  });
});
