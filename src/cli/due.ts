/**
 * `motcua due --received <instant> --limit "<n> <unit>" [--cutoff HH:MM] [--json]`: the due date
 * (ngày hẹn trả) of a dossier and the steps that lead to it.
 */
import { dueDate, isMotcuaError, LIMIT_UNITS } from '../calendar';
import type { Limit, LimitUnit } from '../calendar';
import { commandArgs, UsageError, usageError, viDate } from './_format';
import type { CliIo, Command } from './io';

const USAGE = `Usage: motcua due --received <instant> --limit "<n> <unit>" [--cutoff HH:MM] [--json]

  --received   when the complete dossier was received, ISO 8601 with an offset,
               e.g. 2026-02-13T10:00+07:00
  --limit      the processing time limit: "<amount> <unit>", unit one of
               ${LIMIT_UNITS.join(', ')} (plurals accepted, and the Vietnamese
               "ngày làm việc", "giờ làm việc", "ngày", "trong ngày"), e.g. "3 working-days", "0.5 working-day"
  --cutoff     receipts after this clock time count from the next working day (e.g. 15:00)
  --json       print the whole result { receivedAt, countFrom, clockStart, limit, dueDate, dueAt, steps }
`;

const UNIT_ALIASES: Record<string, LimitUnit> = {
  'working-day': 'working-day',
  'working-hour': 'working-hour',
  'calendar-day': 'calendar-day',
  'same-day': 'same-day',
  'ngày-làm-việc': 'working-day',
  'giờ-làm-việc': 'working-hour',
  ngày: 'calendar-day',
  'trong-ngày': 'same-day',
};

/** CLI flag holding each field of `dueDate`'s input, to name it in error messages. */
const FLAG_OF: Record<string, string> = { receivedAt: '--received', limit: '--limit', cutoff: '--cutoff' };

/**
 * Parse `--limit`: `"3 working-day"`, `"3 working days"`, `"0,5 ngày làm việc"`, `"same-day"`.
 * @throws {UsageError} when it cannot be read.
 */
export function parseLimit(text: string): Limit {
  const m = /^\s*(?:(\d+(?:[.,]\d+)?)\s*)?(\S.*?)\s*$/u.exec(text);
  const key = m?.[2]
    ?.normalize('NFC')
    .toLowerCase()
    .replace(/[\s_]+/gu, '-')
    .replace(/^(working-day|working-hour|calendar-day)s$/u, '$1');
  const unit = key === undefined || !Object.hasOwn(UNIT_ALIASES, key) ? undefined : UNIT_ALIASES[key];
  if (!m || !unit) {
    throw new UsageError(`--limit: expected "<amount> <unit>" with unit one of ${LIMIT_UNITS.join(', ')}; got "${text}"`);
  }
  if (m[1] === undefined) {
    if (unit !== 'same-day') throw new UsageError(`--limit: missing the amount in "${text}", e.g. "3 ${unit}"`);
    return { amount: 0, unit };
  }
  return { amount: Number(m[1].replace(',', '.')), unit };
}

const usage = (io: CliIo, message: string) => usageError(io, 'due', USAGE, message);

const hhmm = (instant: string): string => instant.slice(11, 16);

export const run: Command = async (argv, io) => {
  const flags = commandArgs(io, 'due', USAGE, argv, { received: { type: 'string' }, limit: { type: 'string' }, cutoff: { type: 'string' }, json: { type: 'boolean' } });
  if (typeof flags === 'number') return flags;
  if (flags.positionals.length) return usage(io, `unexpected argument "${flags.positionals[0]}"`);
  if (flags.values.received === undefined) return usage(io, 'missing --received');
  if (flags.values.limit === undefined) return usage(io, 'missing --limit');
  let limit: Limit;
  try {
    limit = parseLimit(flags.values.limit);
  } catch (e) {
    if (e instanceof UsageError) return usage(io, e.message);
    throw e;
  }
  const { received, cutoff, json } = flags.values;

  let r;
  try {
    r = dueDate({ receivedAt: received, limit, cutoff: cutoff ?? null });
  } catch (e) {
    if (isMotcuaError(e)) {
      const top = e.field?.split('.')[0];
      const flag = top === undefined ? undefined : FLAG_OF[top];
      io.stderr(`motcua due: ${e.code}${e.field ? ` (${e.field}${flag ? `, ${flag}` : ''})` : ''}: ${e.message}\n`);
      return 2; // bad input (exit codes: src/cli/exit.ts)
    }
    throw e;
  }

  if (json) {
    io.stdout(`${JSON.stringify(r, null, 2)}\n`);
    return 0;
  }
  const lines = [
    `Due: ${viDate(r.dueDate)} at ${hhmm(r.dueAt)} (${r.dueAt})`,
    '',
    `  received     ${viDate(r.receivedAt.slice(0, 10))} ${hhmm(r.receivedAt)} (${r.receivedAt})`,
    `  limit        ${r.limit.amount} ${r.limit.unit}${cutoff ? `, cut-off ${cutoff}` : ''}`,
    `  counts from  ${viDate(r.countFrom)}, clock starts ${r.clockStart}`,
    `  due date     ${r.dueDate}`,
    '',
    'Why:',
    ...r.steps.map((s, i) => `  ${i + 1}. ${s.text}`),
  ];
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
};
