import { isMotcuaError } from '../errors';
import type { CliIo, Command } from './io';

const USAGE = `motcua: Vietnamese one-stop desk toolkit

Usage:
  motcua calendar <year> [--json] [--culture-day]         days off and working Saturdays of a year
  motcua calendar export --from <year> --to <year> [--format csv|json|sql|parquet]   the calendar as a table
  motcua due --received <instant> --limit "<n> <unit>" [--cutoff HH:MM] [--json]
  motcua report <file.csv|json> | --sample [--period 2024-Q1] [--group-by field] [--format table|csv|json]
  motcua dossier <events.json> [--json] [--policy legal|766]   timeline, national codes, due dates, timeliness
  motcua check <report.txt|.md|.docx|claims.json|-> [--json] [--lang vi|en]   recompute a report's figures
  motcua sql report|table [--dialect duckdb|postgres] [--period 2024-Q1] [--group-by field]   the KPIs as SQL for your warehouse
  motcua demo                                             calendar and deadline demo on bundled data
`;

const commands: Record<string, () => Promise<Command>> = {
  calendar: async () => (await import('./calendar')).run,
  due: async () => (await import('./due')).run,
  demo: async () => (await import('./demo')).run,
  check: async () => (await import('./check')).run,
  report: async () => (await import('./report')).run,
  dossier: async () => (await import('./dossier')).run,
  sql: async () => (await import('./sql')).run,
};

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    io.stderr(`motcua: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  try {
    return await (await load())(rest, io);
  } catch (e) {
    if (isMotcuaError(e)) {
      io.stderr(`motcua ${name}: ${e.code}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

