/** @internal Shared printing helpers of the CLI commands. */
// Per-function imports: the date-fns barrels cost ~0.35 s of module loading on every CLI command.
import { format } from 'date-fns/format';
import { vi } from 'date-fns/locale/vi';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { clip } from '../errors';
import type { CliIo } from './io';

/**
 * A civil date `YYYY-MM-DD` as `Thứ Hai 16/02/2026` (date-fns `vi` locale, the house choice).
 *
 * The Date is built from the parts in the host's local zone, at noon, and formatted in the same
 * local zone: construction and formatting both read local fields, so the printed day is the civil
 * day we were given whatever the host zone is (never `new Date('2026-02-16')`, which is UTC
 * midnight and prints 15/02 west of Greenwich). Noon, not midnight, so a DST jump at 00:00
 * (some zones skip midnight) cannot move it to another day either.
 */
export function viDate(civil: string): string {
  const y = Number(civil.slice(0, 4));
  const m = Number(civil.slice(5, 7));
  const d = Number(civil.slice(8, 10));
  return format(new Date(y, m - 1, d, 12), 'EEEE dd/MM/yyyy', { locale: vi });
}

/** Rows as text columns separated by two spaces, the last column unpadded. */
export function columns(rows: readonly (readonly string[])[]): string[] {
  const width: number[] = [];
  for (const r of rows) r.forEach((c, i) => (width[i] = Math.max(width[i] ?? 0, [...c].length)));
  return rows.map((r) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat((width[i] ?? 0) - [...c].length)))
      .join('  ')
      .trimEnd(),
  );
}

/** A usage error: the command prints it with its usage and exits 2. */
export class UsageError extends Error {}

/** Run `f` (e.g. `node:util` parseArgs), turning its errors into {@link UsageError}. */
export function asUsage<R>(f: () => R): R {
  try {
    return f();
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

/** The longest usage message printed: it may quote an argument, which may be long (#14). */
const MAX_USAGE_MESSAGE = 400;

/** Print a command's usage error and return the exit code 2. The message is cut to one bounded line (it may quote an argument). */
export function usageError(io: CliIo, command: string, usage: string, message: string): number {
  io.stderr(`motcua ${command}: ${clip(message.replace(/[\r\n]+/g, ' '), MAX_USAGE_MESSAGE)}\n\n${usage}`);
  return 2;
}

/**
 * Parse a command's flags with `node:util` parseArgs (strict; `--help`/`-h` added). On a usage
 * error or `--help`, print and return the exit code (2 or 0) instead of the flags.
 */
export function commandArgs<O extends NonNullable<ParseArgsConfig['options']>>(
  io: CliIo,
  command: string,
  usage: string,
  argv: string[],
  options: O,
): { values: { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string }; positionals: string[] } | number {
  let parsed;
  try {
    parsed = asUsage(() => parseArgs({ args: argv, allowPositionals: true, strict: true, options: { ...options, help: { type: 'boolean', short: 'h' } } }));
  } catch (e) {
    if (e instanceof UsageError) return usageError(io, command, usage, e.message);
    throw e;
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.stdout(usage);
    return 0;
  }
  return parsed as never;
}

/** One CSV cell (RFC 4180): quoted when it holds a quote, comma or line break; null is empty. */
export function csvCell(v: string | number | boolean | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
