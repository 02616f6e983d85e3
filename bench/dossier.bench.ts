/**
 * Dossier bench: replay throughput for 1,000,000 generated dossier logs (5-10 events each, 6.6 on average), one core.
 * Target (issue): at least 500,000 dossiers per second.
 *
 * Logs are generated deterministically (seeded PRNG) and parsed from JSON in batches; only `replay`
 * is timed. `input: 'cold'` (default): batches of 10,000 with a full collection before each timed
 * replay, so the logs are no longer in the CPU caches; `input: 'warm'`: batches of 1,000 replayed
 * straight after parsing, as a stream consumer does.
 * Scenarios: counter and online receipt, interlinked steps, supplements (both policies), financial
 * obligations, extensions, withdrawals, refusals, corrections; receipts spread over 2019-2027 so all
 * three rule sets are exercised.
 *
 * Run alone (tsx is not installed):
 *   npx esbuild --bundle --platform=node --format=esm bench/dossier.bench.ts --outfile=/tmp/dossier-bench.mjs \
 *     && node -e "import('/tmp/dossier-bench.mjs').then((m) => m.benchDossier())"
 */
import { replay } from '../src/dossier/index';
import type { DossierEvent, DossierPolicy, DossierProcedure } from '../src/dossier/index';
import { prng } from '../src/_lib/prng';

const TOTAL = 1_000_000;
const BATCH = 10_000;
/** Batch of the warm-input run: small enough that a parsed batch is still in the CPU caches. */
const WARM_BATCH = 1_000;

const pad = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const DAY_MS = 86_400_000;
const FROM = Date.UTC(2019, 0, 1);
const SPAN = Math.floor((Date.UTC(2027, 11, 1) - FROM) / DAY_MS);
const DATES: string[] = [];
for (let k = 0; k < SPAN + 60; k++) DATES.push(new Date(FROM + k * DAY_MS).toISOString().slice(0, 10));

const PROCEDURES: DossierProcedure[] = [
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
const POLICIES: Partial<DossierPolicy>[] = [{}, { supplement: 'decision-766' }];

interface Log {
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
        push({ type: 'extended', until: DATES[day + 30], letter: 'XL' });
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

/** Replay 1,000,000 generated logs; returns the throughput. */
export async function benchDossier(options: { total?: number; quiet?: boolean; input?: 'cold' | 'warm' } = {}): Promise<{ name: string; dossiers: number; seconds: number; perSecond: number; events: number; rejected: number }> {
  const total = options.total ?? TOTAL;
  const warm = options.input === 'warm';
  const batchSize = warm ? WARM_BATCH : BATCH;
  // warm-up (JIT), untimed
  for (const l of generateLogs(5000, 1)) replay(l.events, { procedure: l.procedure, policy: l.policy });
  let seconds = 0;
  let events = 0;
  let rejected = 0;
  let check = 0;
  for (let done = 0, b = 0; done < total; done += batchSize, b++) {
    // Logs arrive as JSON (files, databases): parse them like real input, untimed.
    const logs = JSON.parse(JSON.stringify(generateLogs(Math.min(batchSize, total - done), 20260213 + b))) as Log[];
    const procs = [PROCEDURES[0]!, PROCEDURES[1]!];
    for (const l of logs) {
      l.procedure = procs[l.procedure.code === '1.000001' ? 0 : 1]!;
      l.policy = POLICIES[l.policy.supplement === 'decision-766' ? 1 : 0]!;
    }
    // cold: a full collection first, so the batch is replayed from memory the caches no longer hold;
    // warm: replayed straight after parsing, as a stream consumer does (collections fall in the timing)
    if (!warm) (globalThis as { gc?: () => void }).gc?.();
    const t0 = performance.now();
    for (let k = 0; k < logs.length; k++) {
      const l = logs[k]!;
      const d = replay(l.events, { procedure: l.procedure, policy: l.policy });
      rejected += d.rejected.length;
      check += d.history.length;
    }
    seconds += (performance.now() - t0) / 1000;
    for (const l of logs) events += l.events.length;
  }
  const perSecond = total / seconds;
  const result = { name: 'replay 1M dossier logs', dossiers: total, seconds, perSecond, events, rejected };
  if (!options.quiet) {
    console.log(
      `dossier: replayed ${total.toLocaleString('en')} logs (${events.toLocaleString('en')} events, ${rejected} refused) in ${seconds.toFixed(2)} s: ${Math.round(perSecond).toLocaleString('en')} dossiers/s (target 500,000) [checksum ${check}]`,
    );
  }
  return result;
}
