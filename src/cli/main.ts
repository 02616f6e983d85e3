import pkg from '../../package.json' with { type: 'json' };
import { isMotcuaError, show } from '../errors';
import { EXIT } from './exit';
import type { CliIo, Command } from './io';

const USAGE = `motcua: Vietnamese one-stop desk toolkit

Usage:
  motcua calendar <year> [--json] [--culture-day]         days off and working Saturdays of a year
  motcua calendar export --from <year> --to <year> [--format csv|json|sql|parquet]   the calendar as a table
  motcua due --received <instant> --limit "<n> <unit>" [--cutoff HH:MM] [--json]
  motcua report <file.csv|xlsx|json> | --sample [--period 2024-Q1] [--group-by field] [--format table|csv|json|html]
                [--preset dvcqg] [--mapping FILE] [--form ii06a --out bieu.xlsx]   vendor exports in, the form out
  motcua dossier <events.json> [--json] [--policy legal|766]   timeline, national codes, due dates, timeliness
  motcua check <report.txt|.md|.docx|claims.json|-> [--json] [--lang vi|en]   recompute a report's figures
  motcua sql report|table [--dialect duckdb|postgres|trino|spark|bigquery|clickhouse|sqlserver] [--period 2024-Q1] [--group-by field]   the KPIs as SQL for your warehouse
  motcua demo                                             calendar and deadline demo on bundled data

  motcua <command> --help   the options of a command (also: motcua help <command>)
  motcua --version          the version of motcua

Exit codes: 0 done, every figure or check right; 1 the figures or checks failed (a claimed figure
does not match, rows or dossiers rejected, an event refused); 2 bad usage or input that cannot be read.
`;

const DEMO_USAGE = `Usage: motcua demo

  A walkthrough of the working calendar (Tết 2026, swaps, estimated years) and of due dates of
  the bundled sample procedures. It takes no options.
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
  const [first, ...tail] = argv;
  if (first === '--version' || first === '-v' || first === 'version') {
    io.stdout(`${pkg.version}\n`);
    return EXIT.ok;
  }
  // `motcua help report` is `motcua report --help`
  const [name, ...rest] = first === 'help' && tail.length > 0 ? [tail[0]!, ...tail.slice(1), '--help'] : [first, ...tail];
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return name ? EXIT.ok : EXIT.badInput;
  }
  if (name === 'demo' && rest.length > 0) {
    // the demo takes no options: --help says so, anything else is a usage error
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(DEMO_USAGE);
      return EXIT.ok;
    }
    io.stderr(`motcua demo: unexpected argument ${show(rest[0])}\n\n${DEMO_USAGE}`);
    return EXIT.badInput;
  }
  const load = commands[name];
  if (!load) {
    io.stderr(`motcua: unknown command ${show(name)}\n\n${USAGE}`);
    return EXIT.badInput;
  }
  try {
    return await (await load())(rest, io);
  } catch (e) {
    if (isMotcuaError(e)) {
      io.stderr(`motcua ${name}: ${e.code}: ${cut(e.message)}\n`);
      return EXIT.badInput;
    }
    // Anything else (a file that cannot be read, a worker thread that crashed): one line, no stack
    // trace in an officer's terminal. MOTCUA_DEBUG=1 shows the stack.
    if (process.env.MOTCUA_DEBUG) throw e;
    io.stderr(`motcua ${name}: ${describeError(e)}\n`);
    return EXIT.badInput;
  }
}

/** A message cut to one line of at most 500 characters (messages may quote input). */
function cut(m: string): string {
  const l = m.split('\n', 1)[0]!;
  return l.length > 500 ? `${l.slice(0, 497)}...` : l;
}

/** One line for an error that is not a MotcuaError: the file and what is wrong with it for system errors. */
export function describeError(e: unknown): string {
  const x = e as { code?: unknown; path?: unknown; message?: unknown };
  const path = typeof x?.path === 'string' ? x.path : undefined;
  if (path !== undefined) {
    if (x.code === 'ENOENT') return `không tìm thấy tệp ${JSON.stringify(path)} (ENOENT: no such file)`;
    if (x.code === 'EISDIR') return `${JSON.stringify(path)} là một thư mục, không phải một tệp (EISDIR)`;
    if (x.code === 'EACCES' || x.code === 'EPERM') return `không có quyền đọc ${JSON.stringify(path)} (${x.code})`;
  }
  return cut(e instanceof Error ? e.message : String(e));
}

