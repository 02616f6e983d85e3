import { addWorkingDays, isWorkingDay } from '../calendar/index';
import { daysFromCivil, formatDate } from '../_lib/civil/date';
import type { Calendar } from '../calendar/types';
import { dueDateFor } from '../procedure/dueDateFor';
import { sampleCatalog } from '../procedure/sample';
import type { Channel, Procedure } from '../procedure/types';
import type { DossierRecord, EndKind } from './types';
import { prng } from '../_lib/prng';

/** Reuse of digitised data (4.3) in 45% of dossiers; 70% of e-results stored in the data store (4.4). */
function extraFlags(rnd: () => number, eResult: boolean): { reusedData: boolean; dataStored: boolean } {
  const reused = rnd() < 0.45;
  const stored = eResult && rnd() < 0.7;
  return { reusedData: reused, dataStored: stored };
}

/** How often each sample procedure is filed at a commune desk (relative weights, made up but typical). */
const WEIGHTS: Record<string, number> = { '1.001193': 30, '2.000815': 60, '2.000884': 25, '1.000656': 8, '1.000894': 6, '1.004873': 20, '2.000635': 10, '2.000913': 8, '1.004222': 6, '1.004194': 6, '1.001612': 4, '1.001776': 2, '1.001731': 2, '1.012812': 3 };

/**
 * A deterministic, realistic year of one commune's dossier records (hồ sơ mẫu), plus the December
 * before it (so that the year's first period has carried-over dossiers), generated from
 * the bundled sample catalogue through the calendar: no receipts at the counter on days off
 * (Tết included), online submissions on any day, due dates by each procedure's limit and
 * cut-off, about 8% with a supplement request (the clock restarts from the complete dossier),
 * 1% with two, 2% extended, 3% withdrawn, 2% refused, 1% stopped, some late, the rest early
 * or on time; dossiers not finished by 31/12 are pending. Flags: 85% digitised, 60% with an
 * e-result (70% of those stored in the applicant's data store), 45% reusing digitised data, 97%
 * synced, 1% complaints; fees from the catalogue, and a paper result required unless the
 * catalogue says otherwise. Made up, for demos, tests and benchmarks.
 *
 * @example
 * ```ts
 * import { sampleRecords, summarize, period } from 'motcua/kpi';
 * const records = sampleRecords({ year: 2025 });
 * summarize(records, { period: period('2025') }).total.counts.received > 2000; // true
 * ```
 */
export function sampleRecords(options: { year: number; seed?: number; agency?: string; calendar?: Calendar } = { year: 2025 }): DossierRecord[] {
  const rnd = prng(options.seed ?? 20250101);
  const cal = options.calendar;
  const agency = options.agency ?? 'UBND xã Mẫu';
  const procedures = sampleCatalog.procedures.filter((p): p is Procedure => WEIGHTS[p.code] !== undefined && p.channels.length > 0);
  const total = procedures.reduce((s, p) => s + WEIGHTS[p.code]!, 0);
  const pick = () => {
    let x = rnd() * total;
    for (const p of procedures) if ((x -= WEIGHTS[p.code]!) < 0) return p;
    return procedures[procedures.length - 1]!;
  };
  const out: DossierRecord[] = [];
  // December of the year before too, so that the year's first period has carried-over dossiers (6).
  const first = daysFromCivil(options.year - 1, 12, 1);
  const last = daysFromCivil(options.year, 12, 31);
  const yearEnd = formatDate(last);
  let seq = 0;
  for (let day = first; day <= last; day++) {
    const date = formatDate(day);
    const working = isWorkingDay(date, cal);
    const n = working ? 6 + Math.floor(rnd() * 8) : Math.floor(rnd() * 3);
    for (let k = 0; k < n; k++) {
      const p = pick();
      const offered = p.channels.map((c) => c.channel);
      let channel: Channel = rnd() < 0.55 && offered.includes('online') ? 'online' : rnd() < 0.9 || !offered.includes('postal') ? 'direct' : 'postal';
      if (!offered.includes(channel)) channel = offered[0]!;
      if (!working && channel !== 'online') continue; // the counter is closed
      const minute = channel === 'online' ? Math.floor(rnd() * 1440) : 450 + Math.floor(rnd() * 570);
      const hh = String(Math.floor(minute / 60)).padStart(2, '0');
      const mm = String(minute % 60).padStart(2, '0');
      const supplements = rnd() < 0.08 ? (rnd() < 0.12 ? 2 : 1) : 0;
      // with a supplement the clock restarts when the complete dossier arrives, 2-10 days later
      const completeDay = supplements ? addWorkingDays(date, 2 + Math.floor(rnd() * 8), cal) : date;
      const at = `${completeDay}T${supplements ? '09:00' : `${hh}:${mm}`}+07:00`;
      let dueOn = dueDateFor(p, channel, at, cal).dueDate;
      let originalDueOn: string | null = null;
      const extensions = rnd() < 0.02 ? 1 : 0;
      if (extensions) {
        originalDueOn = dueOn;
        dueOn = addWorkingDays(dueOn, 3 + Math.floor(rnd() * 5), cal);
      }
      const r = rnd();
      const finishedAs: EndKind = r < 0.03 ? 'withdrawn' : r < 0.05 ? 'refused' : r < 0.06 ? 'stopped' : 'resolved';
      let finishedOn: string;
      const lateness = rnd();
      if (finishedAs === 'withdrawn' || finishedAs === 'stopped') finishedOn = addWorkingDays(completeDay, Math.floor(rnd() * 2), cal);
      else if (lateness < 0.05) finishedOn = addWorkingDays(dueOn, 1 + Math.floor(rnd() * 5), cal);
      else if (lateness < 0.35) finishedOn = dueOn;
      else {
        const span = Math.max(0, Math.round((Date.parse(dueOn) - Date.parse(completeDay)) / 86_400_000));
        finishedOn = formatDate(Math.min(daysFromCivil(Number(dueOn.slice(0, 4)), Number(dueOn.slice(5, 7)), Number(dueOn.slice(8))), day + Math.floor(rnd() * (span + 1))));
        if (!isWorkingDay(finishedOn, cal) || finishedOn < completeDay) finishedOn = addWorkingDays(finishedOn < completeDay ? completeDay : finishedOn, 0, cal);
        if (finishedOn > dueOn) finishedOn = dueOn;
      }
      const pending = finishedOn > yearEnd;
      const eResult = rnd() < 0.6;
      const channelFees = p.channels.find((c) => c.channel === channel)?.fees ?? [];
      const feeDue = channelFees.some((f) => typeof f.amount === 'number' && f.amount > 0);
      seq++;
      out.push({
        id: `${options.year % 100}${String(seq).padStart(6, '0')}`,
        procedureCode: p.code,
        field: p.field.name,
        agency,
        level: 'commune',
        channel,
        receivedOn: completeDay,
        dueOn,
        originalDueOn,
        finishedOn: pending ? null : finishedOn,
        finishedAs: pending ? null : finishedAs,
        returnedOn: pending || finishedAs !== 'resolved' ? null : finishedOn,
        supplements,
        extensions,
        digitised: rnd() < 0.85,
        eResult,
        // not stated in the sample catalogue: assume a paper result, as for birth certificates or certified copies
        paperResultRequired: p.paperResultRequired ?? true,
        feeDue,
        paidOnline: feeDue && channel === 'online' && rnd() < 0.7,
        synced: rnd() < 0.97,
        complaint: rnd() < 0.01,
        ...extraFlags(rnd, eResult),
      });
    }
  }
  return out;
}
