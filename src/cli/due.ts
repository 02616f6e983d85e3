/**
 * `motcua due --received <instant> --limit "<n> <unit>" [--cutoff HH:MM] [--json]`: the due date
 * (ngày hẹn trả) of a dossier and the steps that lead to it.
 */
import { dueDate, isMotcuaError, LIMIT_UNITS } from '../calendar';
import type { Limit, LimitUnit } from '../calendar';
import { civilDate, commandArgs, type Lang, UsageError, usageError, wrap } from './_format';
import { messageOf } from '../errors';
import { DUE } from './_messages';
import type { CliIo, Command } from './io';

const USAGE = { vi: DUE.vi.usage(LIMIT_UNITS.join(', ')), en: DUE.en.usage(LIMIT_UNITS.join(', ')) };

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
export function parseLimit(text: string, lang: Lang = 'vi'): Limit {
  const m = /^\s*(?:(\d+(?:[.,]\d+)?)\s*)?(\S.*?)\s*$/u.exec(text);
  const key = m?.[2]
    ?.normalize('NFC')
    .toLowerCase()
    .replace(/[\s_]+/gu, '-')
    .replace(/^(working-day|working-hour|calendar-day)s$/u, '$1');
  const unit = key === undefined || !Object.hasOwn(UNIT_ALIASES, key) ? undefined : UNIT_ALIASES[key];
  if (!m || !unit) {
    throw new UsageError(DUE[lang].limitBad(LIMIT_UNITS.join(', '), text));
  }
  if (m[1] === undefined) {
    if (unit !== 'same-day') throw new UsageError(DUE[lang].limitAmount(text, unit));
    return { amount: 0, unit };
  }
  return { amount: Number(m[1].replace(',', '.')), unit };
}

const hhmm = (instant: string): string => instant.slice(11, 16);

export const run: Command = async (argv, io) => {
  const flags = commandArgs(io, 'due', USAGE, argv, { received: { type: 'string' }, limit: { type: 'string' }, cutoff: { type: 'string' }, json: { type: 'boolean' } });
  if (typeof flags === 'number') return flags;
  const lang = flags.lang;
  const t = DUE[lang];
  const usage = (io: CliIo, message: string) => usageError(io, 'due', USAGE[lang], message);
  if (flags.positionals.length) return usage(io, t.unexpected(flags.positionals[0]!));
  if (flags.values.received === undefined) return usage(io, t.missing('--received'));
  if (flags.values.limit === undefined) return usage(io, t.missing('--limit'));
  let limit: Limit;
  try {
    limit = parseLimit(flags.values.limit, lang);
  } catch (e) {
    if (e instanceof UsageError) return usage(io, e.message);
    throw e;
  }
  const { received, cutoff, json } = flags.values;

  let r;
  try {
    r = dueDate({ receivedAt: received, limit, cutoff: cutoff ?? null, locale: lang });
  } catch (e) {
    if (isMotcuaError(e)) {
      const top = e.field?.split('.')[0];
      const flag = top === undefined ? undefined : FLAG_OF[top];
      io.stderr(`motcua due: ${e.code}${e.field ? ` (${e.field}${flag ? `, ${flag}` : ''})` : ''}: ${messageOf(e, lang)}\n`);
      return 2; // bad input (exit codes: src/cli/exit.ts)
    }
    throw e;
  }

  if (json) {
    io.stdout(`${JSON.stringify(r, null, 2)}\n`);
    return 0;
  }
  const label = (x: string) => `  ${x.padEnd(Math.max(t.received.length, t.limit.length, t.countsFrom.length, t.dueDate.length) + 2)}`;
  const lines = [
    t.due(civilDate(r.dueDate, lang), hhmm(r.dueAt), r.dueAt),
    '',
    `${label(t.received)}${civilDate(r.receivedAt.slice(0, 10), lang)} ${hhmm(r.receivedAt)} (${r.receivedAt})`,
    `${label(t.limit)}${t.unit(r.limit.amount, r.limit.unit)}${cutoff ? t.cutoff(cutoff) : ''}`,
    `${label(t.countsFrom)}${civilDate(r.countFrom, lang)}, ${t.clockStarts(r.clockStart)}`,
    `${label(t.dueDate)}${r.dueDate}`,
    '',
    t.why,
    ...r.steps.flatMap((s, i) => wrap(s.text, `  ${i + 1}. `, '     ')),
  ];
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
};
