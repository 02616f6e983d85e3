/**
 * `motcua calendar <year> [--json] [--culture-day]`: the days off of a year (other than ordinary
 * weekly rest) and its working Saturdays, each with its kind, name, status and source.
 */
import { createCalendar, daysOff, defaultCalendar, workingWeekends } from '../calendar';
import type { DayExplanation } from '../calendar';
import { civilDate, columns, commandArgs, usageError, wrap } from './_format';
import { CALENDAR } from './_messages';
import type { CliIo, Command } from './io';

/** One line of `--json` output. */
export interface CalendarDayJson {
  date: string;
  working: boolean;
  kind: string;
  name: string | null;
  source: string | null;
  estimated: boolean;
  status: string;
  reason: string;
}

export const run: Command = async (argv, io) => {
  if (argv[0] === 'export') return (await import('./calendarExport')).run(argv.slice(1), io);
  const flags = commandArgs(io, 'calendar', { vi: CALENDAR.vi.usage, en: CALENDAR.en.usage }, argv, { json: { type: 'boolean' }, 'culture-day': { type: 'boolean' } });
  if (typeof flags === 'number') return flags;
  const lang = flags.lang;
  const t = CALENDAR[lang];
  const usage = (io: CliIo, message: string) => usageError(io, 'calendar', t.usage, message);
  const cal = flags.values['culture-day'] ? createCalendar({ cultureDay: true }) : defaultCalendar();
  const [arg, ...extra] = flags.positionals;
  if (arg === undefined) return usage(io, t.missingYear);
  if (extra.length) return usage(io, t.unexpected(extra[0]!));
  if (!/^\d{4}$/.test(arg)) return usage(io, t.yearDigits(arg));
  const year = Number(arg);
  if (year < cal.fromYear || year > cal.toYear) return usage(io, t.yearRange(year, cal.fromYear, cal.toYear));

  const days: DayExplanation[] = [...daysOff(year, cal, { locale: lang }), ...workingWeekends(year, cal, { locale: lang })].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  if (flags.values.json) {
    const out: CalendarDayJson[] = days.map((d) => ({
      date: d.date,
      working: d.working,
      kind: d.kind,
      name: d.name,
      source: d.source,
      estimated: d.estimated,
      status: d.status,
      reason: d.reason,
    }));
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  }

  // Sources are long: print them once each, as numbered notes.
  const sources: string[] = [];
  const noteOf = (s: string | null): string => {
    if (!s) return '';
    let i = sources.indexOf(s);
    if (i < 0) i = sources.push(s) - 1;
    return `[${i + 1}]`;
  };
  // The reason of each day goes on its own line under it: the table then fits 100 columns.
  const rows = [
    t.head,
    ...days.map((d) => [
      civilDate(d.date, lang),
      d.working ? t.working : t.off,
      t.kind[d.kind] ?? d.kind,
      d.name ?? '',
      d.estimated && d.status !== 'estimated' ? `${t.status[d.status] ?? d.status} ${t.estimatedMark}` : (t.status[d.status] ?? d.status),
      noteOf(d.source),
    ]),
  ];
  const table = columns(rows);
  const off = days.filter((d) => !d.working).length;
  const worked = days.length - off;
  const estimated = days.some((d) => d.estimated);
  const lines = [
    ...wrap(t.title(year, flags.values['culture-day'] === true)),
    t.counts(off, worked),
    ...(estimated ? wrap(t.estimated(year)) : []),
    '',
    table[0]!,
    ...days.flatMap((d, i) => [table[i + 1]!, ...wrap(d.reason, '    ', '    ')]),
    '',
    t.sources,
    ...sources.flatMap((s, i) => wrap(s, `  [${i + 1}] `, '      ')),
  ];
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
};
