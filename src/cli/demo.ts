/**
 * `motcua demo` (`npm start` for now): a short walkthrough of the working calendar and the sample procedures on bundled data.
 */
import { addWorkingDays, daysOff, dueDate, explain, tetDate, workingDaysBetween } from '../calendar';
import type { DueDateInput } from '../calendar';
import { columns, viDate } from './_format';
import { dueDateFor, procedureLimit, sampleCatalog } from '../procedure/index';
import type { Command } from './io';

/** Chinese New Year 2007 (lunar calendar computed at UTC+8), for the comparison: one day after Vietnam's. */
const CHINESE_NEW_YEAR_2007 = '2007-02-18';

const CASES: { title: string; input: DueDateInput }[] = [
  {
    title: 'Received at 15:01 on Friday 13/2/2026, the last working day before Tết; 3 working days, 15:00 cut-off',
    input: { receivedAt: '2026-02-13T15:01+07:00', limit: { amount: 3, unit: 'working-day' }, cutoff: '15:00' },
  },
  {
    title: 'Submitted online on Sunday 8/3/2026 at 21:30; 5 working days',
    input: { receivedAt: '2026-03-08T21:30+07:00', limit: { amount: 5, unit: 'working-day' } },
  },
  {
    title: 'Received at 09:00 on Tuesday 10/3/2026; half a working day (0.5 working-day)',
    input: { receivedAt: '2026-03-10T09:00+07:00', limit: { amount: 0.5, unit: 'working-day' } },
  },
  {
    title: 'Received on 15/4/2026; 15 calendar days, ending on 30/4 (a holiday)',
    input: { receivedAt: '2026-04-15T09:00+07:00', limit: { amount: 15, unit: 'calendar-day' } },
  },
];

const EXPLAIN: { title: string; date: string }[] = [
  { title: 'A swap (hoán đổi): Friday 2/1/2026 off…', date: '2026-01-02' },
  { title: '…worked back on Saturday 10/1/2026 (làm bù)', date: '2026-01-10' },
  { title: 'Tết 2031: no announcement yet, estimated by rule', date: '2031-01-23' },
];

export const run: Command = async (_argv, io) => {
  const out: string[] = [];
  const h = (t: string) => out.push('', t, '─'.repeat([...t].length));

  out.push('motcua: the working calendar of Vietnamese state agencies (lịch làm việc), Asia/Ho_Chi_Minh');

  h('1. Tết Nguyên đán 2026 (Bính Ngọ)');
  const tet = daysOff(2026).filter((d) => d.occasion === 'tet_nguyen_dan');
  out.push(`Lunar New Year's day: ${viDate(tetDate(2026))}. Weekdays off:`);
  out.push(...columns(tet.map((d) => [`  ${viDate(d.date)}`, d.kind, d.name ?? '', d.status])));
  out.push(`Source: ${tet[0]?.source ?? '-'}`);
  out.push(
    `addWorkingDays('2026-02-13', 1) = ${addWorkingDays('2026-02-13', 1)}: one working day after Friday 13/2 is Monday 23/2;`,
    `workingDaysBetween('2026-02-13', '2026-02-27') = ${workingDaysBetween('2026-02-13', '2026-02-27')} (ten calendar weekdays, five of them Tết).`,
  );

  h('2. Due dates (ngày hẹn trả)');
  for (const c of CASES) {
    const r = dueDate(c.input);
    out.push(`• ${c.title}`, `  → due ${viDate(r.dueDate)} at ${r.dueAt.slice(11, 16)}`);
    for (const s of r.steps.slice(1, -1)) out.push(`    ${s.text}`);
  }

  h('3. Why is a day off or worked? explain(date)');
  for (const e of EXPLAIN) {
    const x = explain(e.date);
    out.push(`• ${e.title}`, `  ${viDate(x.date)}: ${x.working ? 'working' : 'off'}, ${x.kind}${x.name ? `, ${x.name}` : ''}${x.estimated ? ', ESTIMATED' : ''}`, `    ${x.reason}`, `    source: ${x.source ?? '-'}`);
  }
  const vn2007 = tetDate(2007);
  const eve = explain('2007-02-16');
  out.push(
    '• Tết 2007: Vietnam computes the lunar calendar at UTC+7, China at UTC+8',
    `  Vietnam: ${viDate(vn2007)}; China: ${viDate(CHINESE_NEW_YEAR_2007)}. A library on the Chinese calendar puts Tết a day late.`,
    `  ${viDate(eve.date)}: ${eve.working ? 'working' : 'off'}, ${eve.kind}${eve.estimated ? ', ESTIMATED' : ''}: ${eve.reason}`,
  );

  h('4. Procedures of the bundled sample catalogue (thủ tục hành chính)');
  const at = '2026-02-12T14:00+07:00';
  out.push(`A dossier received at the counter on ${viDate(at.slice(0, 10))} at ${at.slice(11, 16)}, the day before the last working day before Tết:`);
  const rows: string[][] = [];
  for (const p of sampleCatalog.procedures.slice(0, 8)) {
    const limit = procedureLimit(p, 'direct');
    if (!limit) continue;
    const r = dueDateFor(p, 'direct', at);
    rows.push([`  ${p.code}`, p.name.length > 48 ? `${p.name.slice(0, 47)}…` : p.name, `${limit.amount} ${limit.unit}`, viDate(r.dueDate)]);
  }
  out.push(...columns(rows));
  out.push(`(${sampleCatalog.procedures.length} procedures in data/procedures.json, each limit with its basis and source.)`);

  out.push('', 'Try: motcua calendar 2026 · motcua due --received 2026-02-13T15:01+07:00 --limit "3 working-day" --cutoff 15:00', '');
  io.stdout(out.join('\n'));
  return 0;
};
