/**
 * Generated dossier event logs for the replay bench and the state machine's regression snapshot
 * (test/dossier/golden.test.ts): deterministic (seeded PRNG), 5-10 events each, covering counter and
 * online receipt, interlinked steps, supplements (both policies), financial obligations, extensions,
 * withdrawals (granted and declined), refusals and corrections; receipts spread over 2019-2027 so
 * all three rule sets are exercised.
 */
import type { DossierEvent, DossierPolicy, DossierProcedure } from '../../src/dossier/index';
import { prng } from '../../src/_lib/prng';
import { nextWorkingDay } from '../../src/calendar/index';

const pad = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const DAY_MS = 86_400_000;
const FROM = Date.UTC(2019, 0, 1);
const SPAN = Math.floor((Date.UTC(2027, 11, 1) - FROM) / DAY_MS);
const DATES: string[] = [];
for (let k = 0; k < SPAN + 60; k++) DATES.push(new Date(FROM + k * DAY_MS).toISOString().slice(0, 10));

export const PROCEDURES: DossierProcedure[] = [
  {
    code: '1.000001',
    channels: [
      { channel: 'direct', limit: { amount: 10, unit: 'working-day' } },
      { channel: 'online', limit: { amount: 8, unit: 'working-day' } },
    ],
    cutoff: null,
    clockStops: ['financial-obligation'],
    steps: null,
    immediate: false,
  },
  {
    code: '1.000002',
    channels: [{ channel: 'direct', limit: { amount: 15, unit: 'working-day' } }],
    cutoff: { time: '15:00', rule: 'next-working-day' },
    clockStops: ['financial-obligation', 'public-posting'],
    steps: {
      mode: 'sequential',
      items: [
        { id: 'commune', name: 'Thẩm định cấp xã', agency: 'UBND xã', level: 'commune', budget: { amount: 5, unit: 'working-day' } },
        { id: 'province', name: 'Quyết định cấp tỉnh', agency: 'Sở', level: 'province', budget: { amount: 10, unit: 'working-day' } },
      ],
    },
    immediate: false,
  },
];
export const POLICIES: Partial<DossierPolicy>[] = [{}, { supplement: 'decision-766' }];

export interface Log {
  events: DossierEvent[];
  procedure: DossierProcedure;
  policy: Partial<DossierPolicy>;
}

/** Generate `n` logs from a seeded PRNG (deterministic). */
export function generateLogs(n: number, seed: number): Log[] {
  const rand = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const logs: Log[] = [];
  for (let k = 0; k < n; k++) {
    const base = int(0, SPAN - 1);
    let day = base;
    let minute = int(7 * 60, 17 * 60);
    const events: DossierEvent[] = [];
    let id = 0;
    const at = () => `${DATES[day]}T${pad(Math.floor(minute / 60))}:${pad(minute % 60)}+07:00`;
    const later = (days: number) => {
      day += days;
      minute = Math.min(23 * 60, minute + int(days === 0 ? 5 : -120, 90));
      if (minute < 7 * 60) minute = 7 * 60;
    };
    const push = (e: Record<string, unknown>) => events.push({ id: `${k}-${id++}`, at: at(), ...e } as DossierEvent);
    const scenario = int(0, 5);
    const p = scenario === 1 || scenario === 3 ? 1 : 0;
    if (rand() < 0.4 && p === 0) {
      push({ type: 'submitted' });
      later(int(0, 1));
    }
    push({ type: 'received' });
    later(0);
    if (p === 1) {
      push({ type: 'step-started', step: 'commune' });
      later(int(1, 7));
      if (rand() < 0.6) push({ type: 'step-completed', step: 'commune' });
      push({ type: 'step-started', step: 'province' });
    } else push({ type: 'step-started', step: 'appraise', agency: 'Phòng chuyên môn', budget: { amount: 5, unit: 'working-day' } });
    switch (scenario) {
      case 0:
        later(int(1, 3));
        push({ type: 'supplement-requested' });
        later(int(1, 20));
        push({ type: 'supplement-received' });
        break;
      case 1:
        later(int(1, 3));
        push({ type: 'clock-stopped', reason: 'financial-obligation' });
        later(int(1, 10));
        push({ type: 'clock-resumed' });
        break;
      case 2:
        later(1);
        // the new date is a working day (Decree 118/2025 Art 19(6); issue #15 fix 7)
        push({ type: 'extended', until: nextWorkingDay(DATES[day + 29]!), letter: 'XL' });
        break;
      case 4:
        later(int(0, 4));
        push({ type: 'step-completed', step: 'appraise' });
        push({ type: 'withdrawal-requested' });
        later(0);
        push({ type: 'stopped' });
        break;
      default:
    }
    if (scenario !== 4) {
      later(int(0, 12));
      if (scenario === 5 || rand() < 0.5) push({ type: 'step-completed', step: p === 1 ? 'province' : 'appraise' });
      if (p === 0 && rand() < 0.25) {
        later(int(0, 2));
        push({ type: 'withdrawal-requested' });
        later(int(0, 1));
        push({ type: 'withdrawal-declined' });
      }
      push({ type: scenario === 5 && rand() < 0.3 ? 'refused' : 'resolved' });
      later(int(0, 2));
      push({ type: 'returned' });
      if (scenario === 5 && rand() < 0.5) {
        later(int(1, 5));
        push({ type: 'correction-requested' });
        later(int(1, 3));
        push({ type: 'corrected' });
      }
    }
    logs.push({ events, procedure: PROCEDURES[p]!, policy: POLICIES[k & 1]! });
  }
  return logs;
}

