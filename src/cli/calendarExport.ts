/**
 * `motcua calendar export --from 2018 --to 2030 [--format csv|json|sql] [--table name] [--culture-day]`:
 * one row per day (date, working, kind, name, occasion, source, status, estimated, working-day
 * ordinal), so SQL engines compute working-day deadlines by join.
 */
import { calendarTable, createCalendar, defaultCalendar } from '../calendar';
import type { CalendarRow } from '../calendar';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CALENDAR_COLUMNS, calendarTableSql, calendarValues } from '../sql/calendarSql';
import { type Dialect, DIALECTS } from '../sql/dialect';
import { duckString, loadDuckDb } from './_duckdb';
import { commandArgs, csvCell, usageError } from './_format';
import { CALENDAR_EXPORT } from './_messages';
import type { CliIo, Command } from './io';

/** Rows as RFC 4180 CSV with a header line. */
export function toCsv(rows: readonly CalendarRow[]): string {
  return `${[CALENDAR_COLUMNS.join(','), ...rows.map((r) => calendarValues(r).map(csvCell).join(','))].join('\n')}\n`;
}

/** Rows as a Parquet file, written by DuckDB through a temporary CSV (typed columns). */
async function toParquet(rows: readonly CalendarRow[], out: string): Promise<void> {
  const { DuckDBInstance } = await loadDuckDb('--format parquet');
  const dir = mkdtempSync(join(tmpdir(), 'motcua-calendar-'));
  try {
    const csv = join(dir, 'calendar.csv');
    writeFileSync(csv, toCsv(rows));
    const inst = await DuckDBInstance.create(':memory:');
    const con = await inst.connect();
    const types = "{'date': 'DATE', 'working': 'BOOLEAN', 'kind': 'VARCHAR', 'name': 'VARCHAR', 'occasion': 'VARCHAR', 'source': 'VARCHAR', 'status': 'VARCHAR', 'estimated': 'BOOLEAN', 'working_day_ordinal': 'INTEGER'}";
    await con.run(`COPY (SELECT * FROM read_csv(${duckString(csv)}, header = true, columns = ${types})) TO ${duckString(out)} (FORMAT parquet)`);
    con.closeSync();
    inst.closeSync();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const run: Command = async (argv, io) => {
  const flags = commandArgs(io, 'calendar export', { vi: CALENDAR_EXPORT.vi.usage, en: CALENDAR_EXPORT.en.usage }, argv, {
    from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string' }, dialect: { type: 'string' }, table: { type: 'string' }, out: { type: 'string' }, 'culture-day': { type: 'boolean' },
  });
  if (typeof flags === 'number') return flags;
  const t = CALENDAR_EXPORT[flags.lang];
  const usage = (io: CliIo, message: string) => usageError(io, 'calendar export', t.usage, message);
  if (flags.positionals.length) return usage(io, t.unexpected(flags.positionals[0]!));
  const v = flags.values;
  const cal = v['culture-day'] ? createCalendar({ cultureDay: true }) : defaultCalendar();
  if (!v.from || !/^\d{4}$/.test(v.from)) return usage(io, t.fromYear(JSON.stringify(v.from ?? null)));
  if (!v.to || !/^\d{4}$/.test(v.to)) return usage(io, t.toYear(JSON.stringify(v.to ?? null)));
  const format = v.format ?? 'csv';
  if (!['csv', 'json', 'sql', 'parquet'].includes(format)) return usage(io, t.format(format));
  if (format === 'parquet' && !v.out) return usage(io, t.parquetOut);
  const table = v.table ?? 'motcua_calendar';
  if (v.dialect !== undefined && format !== 'sql') return usage(io, t.dialectSql);
  if (v.dialect !== undefined && !(DIALECTS as readonly string[]).includes(v.dialect)) return usage(io, t.dialect(DIALECTS.join(', '), v.dialect));
  if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(table)) return usage(io, t.table(table));
  const rows = calendarTable({ fromYear: Number(v.from), toYear: Number(v.to) }, cal);
  if (format === 'parquet') {
    await toParquet(rows, v.out!);
    io.stderr(`${t.wrote(rows.length, v.out!)}\n`);
    return 0;
  }
  const text = format === 'csv' ? toCsv(rows) : format === 'sql' ? calendarTableSql(rows, { table, ...(v.dialect ? { dialect: v.dialect as Dialect } : {}) }) : `${JSON.stringify(rows, null, 1)}\n`;
  if (v.out) {
    writeFileSync(v.out, text);
    io.stderr(`${t.wrote(rows.length, v.out!)}\n`);
  } else io.stdout(text);
  return 0;
};
