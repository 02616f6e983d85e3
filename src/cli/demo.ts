/**
 * `motcua demo` (`npm start` for now): a short walkthrough of the working calendar and the sample procedures on bundled data.
 */
import { addWorkingDays, daysOff, dueDate, explain, tetDate, workingDaysBetween } from '../calendar';
import type { DueDateInput } from '../calendar';
import { civilDate, columns, commandArgs, displayWidth, usageError, wrap } from './_format';
import { CALENDAR, DEMO, DUE, MAIN } from './_messages';
import { dueDateFor, procedureLimit, sampleCatalog } from '../procedure/index';
import { show } from '../errors';
import type { Command } from './io';

/** Chinese New Year 2007 (lunar calendar computed at UTC+8), for the comparison: one day after Vietnam's. */
const CHINESE_NEW_YEAR_2007 = '2007-02-18';

const CASES: DueDateInput[] = [
  { receivedAt: '2026-02-13T15:01+07:00', limit: { amount: 3, unit: 'working-day' }, cutoff: '15:00' },
  { receivedAt: '2026-03-08T21:30+07:00', limit: { amount: 5, unit: 'working-day' } },
  { receivedAt: '2026-03-10T09:00+07:00', limit: { amount: 0.5, unit: 'working-day' } },
  { receivedAt: '2026-04-15T09:00+07:00', limit: { amount: 15, unit: 'calendar-day' } },
];

const EXPLAIN = ['2026-01-02', '2026-01-10', '2031-01-23'];

export const run: Command = async (argv, io) => {
  const flags = commandArgs(io, 'demo', { vi: DEMO.vi.usage, en: DEMO.en.usage }, argv, {});
  if (typeof flags === 'number') return flags;
  const lang = flags.lang;
  const t = DEMO[lang];
  const u = DUE[lang];
  const cal = CALENDAR[lang];
  if (flags.positionals.length) return usageError(io, 'demo', t.usage, MAIN[lang].unexpectedArgument(show(flags.positionals[0]!)));
  const date = (d: string) => civilDate(d, lang);
  const out: string[] = [];
  const h = (title: string) => out.push('', title, '─'.repeat(displayWidth(title)));
  const w = (text: string, first = '', rest = first) => out.push(...wrap(text, first, rest));

  out.push(t.title);

  h(t.tet);
  const tet = daysOff(2026).filter((d) => d.occasion === 'tet_nguyen_dan');
  out.push(t.lunarNewYear(date(tetDate(2026))));
  out.push(...columns(tet.map((d) => [`  ${date(d.date)}`, cal.kind[d.kind] ?? d.kind, d.name ?? '', cal.status[d.status] ?? d.status])));
  w(t.source(tet[0]?.source ?? '-'), '', '  ');
  out.push(t.addWorkingDays(addWorkingDays('2026-02-13', 1)), t.between(workingDaysBetween('2026-02-13', '2026-02-27')));

  h(t.dueDates);
  CASES.forEach((c, i) => {
    const r = dueDate({ ...c, locale: lang });
    w(t.cases[i]!, '• ', '  ');
    out.push(`  ${t.due(date(r.dueDate), r.dueAt.slice(11, 16))}`);
    for (const s of r.steps.slice(1, -1)) w(s.text, '    ', '      ');
  });

  h(t.why);
  EXPLAIN.forEach((day, i) => {
    const x = explain(day, undefined, { locale: lang });
    w(t.explains[i]!, '• ', '  ');
    out.push(`  ${date(x.date)}: ${x.working ? t.working : t.off}, ${cal.kind[x.kind] ?? x.kind}${x.name ? `, ${x.name}` : ''}${x.estimated ? `, ${t.estimated}` : ''}`);
    w(x.reason, '    ', '      ');
    w(t.sourceLower(x.source ?? '-'), '    ', '      ');
  });
  const vn2007 = tetDate(2007);
  const eve = explain('2007-02-16', undefined, { locale: lang });
  w(t.tet2007, '• ', '  ');
  w(t.tet2007Dates(date(vn2007), date(CHINESE_NEW_YEAR_2007)), '  ', '  ');
  w(`${date(eve.date)}: ${eve.working ? t.working : t.off}, ${cal.kind[eve.kind] ?? eve.kind}${eve.estimated ? `, ${t.estimated}` : ''}: ${eve.reason}`, '  ', '    ');

  h(t.procedures);
  const at = '2026-02-12T14:00+07:00';
  w(t.counter(date(at.slice(0, 10)), at.slice(11, 16)));
  const rows: string[][] = [];
  for (const p of sampleCatalog.procedures.slice(0, 8)) {
    const limit = procedureLimit(p, 'direct');
    if (!limit) continue;
    const r = dueDateFor(p, 'direct', at);
    rows.push([`  ${p.code}`, p.name.length > 40 ? `${p.name.slice(0, 39)}…` : p.name, u.unit(limit.amount, limit.unit), date(r.dueDate)]);
  }
  out.push(...columns(rows));
  out.push(t.catalogue(sampleCatalog.procedures.length));

  out.push('', t.try[0]!, ...t.try.slice(1).map((l) => `  ${l}`), '');
  io.stdout(out.join('\n'));
  return 0;
};
