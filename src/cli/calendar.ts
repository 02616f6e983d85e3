/**
 * `motcua calendar <year> [--json] [--culture-day]`: the days off of a year (other than ordinary
 * weekly rest) and its working Saturdays, each with its kind, name, status and source.
 */
import { createCalendar, daysOff, defaultCalendar, workingWeekends } from '../calendar';
import type { DayExplanation } from '../calendar';
import { columns, commandArgs, usageError, viDate } from './_format';
import type { CliIo, Command } from './io';

const USAGE = `Usage: motcua calendar <year> [--json] [--culture-day]
       motcua calendar export --from <year> --to <year> [--format csv|json|sql]

  <year>          a year from 1990 to 2100
  --json          print [{ date, working, kind, name, source, estimated, status, reason }]
  --culture-day   count 24/11 (Ngày Văn hóa Việt Nam) as a day off from 2026 (decided, not yet law)
`;

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

const usage = (io: CliIo, message: string) => usageError(io, 'calendar', USAGE, message);

export const run: Command = async (argv, io) => {
  if (argv[0] === 'export') return (await import('./calendarExport')).run(argv.slice(1), io);
  const flags = commandArgs(io, 'calendar', USAGE, argv, { json: { type: 'boolean' }, 'culture-day': { type: 'boolean' } });
  if (typeof flags === 'number') return flags;
  const cal = flags.values['culture-day'] ? createCalendar({ cultureDay: true }) : defaultCalendar();
  const [arg, ...extra] = flags.positionals;
  if (arg === undefined) return usage(io, 'missing <year>');
  if (extra.length) return usage(io, `unexpected argument "${extra[0]}"`);
  if (!/^\d{4}$/.test(arg)) return usage(io, `year must be four digits, e.g. 2026; got "${arg}"`);
  const year = Number(arg);
  if (year < cal.fromYear || year > cal.toYear) return usage(io, `year ${year} is outside the calendar's years ${cal.fromYear}-${cal.toYear}`);

  const days: DayExplanation[] = [...daysOff(year, cal), ...workingWeekends(year, cal)].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

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
  const rows = [
    ['Date', 'Day', 'Kind', 'Name', 'Status', 'Source', 'Reason'],
    ...days.map((d) => [viDate(d.date), d.working ? 'WORKING' : 'OFF', d.kind, d.name ?? '', d.estimated && d.status !== 'estimated' ? `${d.status} (estimated)` : d.status, noteOf(d.source), d.reason]),
  ];
  const off = days.filter((d) => !d.working).length;
  const worked = days.length - off;
  const estimated = days.some((d) => d.estimated);
  const lines = [
    `Working calendar ${year}: civil servants, Asia/Ho_Chi_Minh${flags.values['culture-day'] ? ', with 24/11 as a day off' : ''}`,
    `${off} weekday(s) off besides weekly rest, ${worked} weekend day(s) worked.`,
    ...(estimated ? [`Some days are ESTIMATED by rule: ${year} has no official schedule compiled; check the Government's announcement.`] : []),
    '',
    ...columns(rows),
    '',
    'Sources:',
    ...sources.map((s, i) => `  [${i + 1}] ${s}`),
  ];
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
};
