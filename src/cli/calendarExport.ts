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
import type { CliIo, Command } from './io';

const USAGE = `Usage: motcua calendar export --from <year> --to <year> [--format csv|json|sql|parquet] [--dialect D] [--out FILE] [--table name] [--culture-day]

  --format csv      (default) header: date,working,kind,name,occasion,source,status,estimated,working_day_ordinal
  --format json     an array of rows
  --format sql      CREATE TABLE + INSERT in SQL (default DuckDB/PostgreSQL; see --dialect)
  --dialect D       for --format sql: duckdb, postgres, trino, spark, bigquery, clickhouse or sqlserver
  --format parquet  a Parquet file (needs --out, and DuckDB: npm install @duckdb/node-api)
  --out FILE        write to FILE instead of standard output
  --table name      table name for --format sql (default motcua_calendar)
`;

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

const usage = (io: CliIo, message: string) => usageError(io, 'calendar export', USAGE, message);

export const run: Command = async (argv, io) => {
  const flags = commandArgs(io, 'calendar export', USAGE, argv, {
    from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string' }, dialect: { type: 'string' }, table: { type: 'string' }, out: { type: 'string' }, 'culture-day': { type: 'boolean' },
  });
  if (typeof flags === 'number') return flags;
  if (flags.positionals.length) return usage(io, `unexpected argument "${flags.positionals[0]}"`);
  const v = flags.values;
  const cal = v['culture-day'] ? createCalendar({ cultureDay: true }) : defaultCalendar();
  if (!v.from || !/^\d{4}$/.test(v.from)) return usage(io, `--from needs a four-digit year, got ${JSON.stringify(v.from ?? null)}`);
  if (!v.to || !/^\d{4}$/.test(v.to)) return usage(io, `--to needs a four-digit year, got ${JSON.stringify(v.to ?? null)}`);
  const format = v.format ?? 'csv';
  if (!['csv', 'json', 'sql', 'parquet'].includes(format)) return usage(io, `--format must be csv, json, sql or parquet, got "${format}"`);
  if (format === 'parquet' && !v.out) return usage(io, '--format parquet writes a binary file: give it --out FILE');
  const table = v.table ?? 'motcua_calendar';
  if (v.dialect !== undefined && format !== 'sql') return usage(io, '--dialect goes with --format sql');
  if (v.dialect !== undefined && !(DIALECTS as readonly string[]).includes(v.dialect)) return usage(io, `--dialect must be one of ${DIALECTS.join(', ')}, got "${v.dialect}"`);
  if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(table)) return usage(io, `--table must be a plain SQL identifier, got "${table}"`);
  const rows = calendarTable({ fromYear: Number(v.from), toYear: Number(v.to) }, cal);
  if (format === 'parquet') {
    await toParquet(rows, v.out!);
    io.stderr(`wrote ${rows.length} days to ${v.out}\n`);
    return 0;
  }
  const text = format === 'csv' ? toCsv(rows) : format === 'sql' ? calendarTableSql(rows, { table, ...(v.dialect ? { dialect: v.dialect as Dialect } : {}) }) : `${JSON.stringify(rows, null, 1)}\n`;
  if (v.out) {
    writeFileSync(v.out, text);
    io.stderr(`wrote ${rows.length} days to ${v.out}\n`);
  } else io.stdout(text);
  return 0;
};
