/**
 * `motcua calendar export --from 2018 --to 2030 [--format csv|json|sql] [--table name] [--culture-day]`:
 * one row per day (date, working, kind, name, occasion, source, status, estimated, working-day
 * ordinal), so SQL engines compute working-day deadlines by join.
 */
import { calendarTable, createCalendar, defaultCalendar } from '../calendar';
import type { CalendarRow } from '../calendar';
import { commandArgs, csvCell, usageError } from './_format';
import type { CliIo, Command } from './io';

const USAGE = `Usage: motcua calendar export --from <year> --to <year> [--format csv|json|sql] [--table name] [--culture-day]

  --format csv    (default) header: date,working,kind,name,occasion,source,status,estimated,working_day_ordinal
  --format json   an array of rows
  --format sql    CREATE TABLE + INSERT in standard SQL (DuckDB, PostgreSQL, Trino, …)
  --table name    table name for --format sql (default motcua_calendar)
`;

const COLUMNS = ['date', 'working', 'kind', 'name', 'occasion', 'source', 'status', 'estimated', 'working_day_ordinal'] as const;

function values(r: CalendarRow): (string | number | boolean | null)[] {
  return [r.date, r.working, r.kind, r.name, r.occasion, r.source, r.status, r.estimated, r.workingDayOrdinal];
}

/** Rows as RFC 4180 CSV with a header line. */
export function toCsv(rows: readonly CalendarRow[]): string {
  return `${[COLUMNS.join(','), ...rows.map((r) => values(r).map(csvCell).join(','))].join('\n')}\n`;
}

function sqlValue(v: string | number | boolean | null, column: string): string {
  if (v === null) return 'NULL';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(v);
  return column === 'date' ? `DATE '${v}'` : `'${v.replaceAll("'", "''")}'`;
}

/** Rows as standard SQL: a CREATE TABLE and batched INSERTs. */
export function toSql(rows: readonly CalendarRow[], table: string): string {
  const out = [
    `CREATE TABLE ${table} (`,
    '  date DATE PRIMARY KEY,',
    '  working BOOLEAN NOT NULL,',
    '  kind VARCHAR(24) NOT NULL,',
    '  name VARCHAR(200),',
    '  occasion VARCHAR(40),',
    '  source VARCHAR(1000),',
    '  status VARCHAR(12) NOT NULL,',
    '  estimated BOOLEAN NOT NULL,',
    '  working_day_ordinal INTEGER NOT NULL',
    ');',
  ];
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500).map((r) => `(${values(r).map((v, k) => sqlValue(v, COLUMNS[k]!)).join(', ')})`);
    out.push(`INSERT INTO ${table} (${COLUMNS.join(', ')}) VALUES`, `${batch.join(',\n')};`);
  }
  return `${out.join('\n')}\n`;
}

const usage = (io: CliIo, message: string) => usageError(io, 'calendar export', USAGE, message);

export const run: Command = async (argv, io) => {
  const flags = commandArgs(io, 'calendar export', USAGE, argv, {
    from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string' }, table: { type: 'string' }, 'culture-day': { type: 'boolean' },
  });
  if (typeof flags === 'number') return flags;
  if (flags.positionals.length) return usage(io, `unexpected argument "${flags.positionals[0]}"`);
  const v = flags.values;
  const cal = v['culture-day'] ? createCalendar({ cultureDay: true }) : defaultCalendar();
  if (!v.from || !/^\d{4}$/.test(v.from)) return usage(io, `--from needs a four-digit year, got ${JSON.stringify(v.from ?? null)}`);
  if (!v.to || !/^\d{4}$/.test(v.to)) return usage(io, `--to needs a four-digit year, got ${JSON.stringify(v.to ?? null)}`);
  const format = v.format ?? 'csv';
  if (!['csv', 'json', 'sql'].includes(format)) {
    return usage(io, `--format must be csv, json or sql, got "${format}"${format === 'parquet' ? ' (parquet comes with the DuckDB engine; load the CSV with read_csv meanwhile)' : ''}`);
  }
  const table = v.table ?? 'motcua_calendar';
  if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(table)) return usage(io, `--table must be a plain SQL identifier, got "${table}"`);
  const rows = calendarTable({ fromYear: Number(v.from), toYear: Number(v.to) }, cal);
  io.stdout(format === 'csv' ? toCsv(rows) : format === 'sql' ? toSql(rows, table) : `${JSON.stringify(rows, null, 1)}\n`);
  return 0;
};
