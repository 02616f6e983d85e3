/**
 * Dossier bench: replay throughput for 1,000,000 generated dossier logs (5-10 events each, 6.7 on average), one core.
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
import { replay, replayMany } from '../src/dossier/index';
import { instantMs } from '../src/dossier/_lib/time';
import { generateLogs, POLICIES, PROCEDURES } from './_lib/dossier-logs';
import { readFloor } from './_lib/dossier-floor';
import type { Log } from './_lib/dossier-logs';
import type { DossierEvent } from '../src/dossier/index';

export { generateLogs };

const TOTAL = 1_000_000;
const BATCH = 10_000;
/** Batch of the warm-input run: small enough that a parsed batch is still in the CPU caches. */
const WARM_BATCH = 1_000;

/**
 * Replay 1,000,000 generated logs; returns the throughput. `work: 'floor'` times the input floor
 * (bench/_lib/dossier-floor.ts: read, parse and append only) on the same logs instead.
 */
export async function benchDossier(options: { total?: number; quiet?: boolean; input?: 'cold' | 'warm'; work?: 'replay' | 'replay-kept' | 'floor' | 'many' | 'many-ms' | 'summary' | 'summary-ms' } = {}): Promise<{ name: string; dossiers: number; seconds: number; perSecond: number; events: number; rejected: number }> {
  const total = options.total ?? TOTAL;
  const warm = options.input === 'warm';
  const floor = options.work === 'floor';
  // replayMany over each batch, its instants as ISO strings ('many') or as epoch ms ('many-ms', converted before the JSON, untimed)
  const many = options.work === 'many' || options.work === 'many-ms' || options.work === 'summary' || options.work === 'summary-ms';
  const epoch = options.work === 'many-ms' || options.work === 'summary-ms';
  // replayMany with output 'summary' (#18): a compact summary per log instead of a full dossier
  const summary = options.work === 'summary' || options.work === 'summary-ms';
  const manyOptions = summary ? ({ output: 'summary' } as const) : ({ output: 'dossier' } as const);
  // replay each log and keep every dossier of the batch, as replayMany's result does (the yardstick for it)
  const kept = options.work === 'replay-kept';
  const batchSize = warm ? WARM_BATCH : BATCH;
  // warm-up (JIT), untimed
  const warmLogs = generateLogs(5000, 1);
  if (many) for (let k = 0; k < 3; k++) replayMany(epoch ? warmLogs.map(toEpoch) : warmLogs, manyOptions);
  for (const l of warmLogs) {
    if (floor) readFloor(l.events);
    else if (!many) replay(l.events, { procedure: l.procedure, policy: l.policy });
  }
  let seconds = 0;
  let events = 0;
  let rejected = 0;
  let check = 0;
  for (let done = 0, b = 0; done < total; done += batchSize, b++) {
    // Logs arrive as JSON (files, databases): parse them like real input, untimed.
    const made = generateLogs(Math.min(batchSize, total - done), 20260213 + b);
    const logs = JSON.parse(JSON.stringify(epoch ? made.map(toEpoch) : made)) as Log[];
    const procs = [PROCEDURES[0]!, PROCEDURES[1]!];
    for (const l of logs) {
      l.procedure = procs[l.procedure.code === '1.000001' ? 0 : 1]!;
      l.policy = POLICIES[l.policy.supplement === 'decision-766' ? 1 : 0]!;
    }
    // cold: a full collection first, so the batch is replayed from memory the caches no longer hold;
    // warm: replayed straight after parsing, as a stream consumer does (collections fall in the timing)
    if (!warm) (globalThis as { gc?: () => void }).gc?.();
    const t0 = performance.now();
    if (summary) {
      const ds = replayMany(logs, { output: 'summary' });
      for (let k = 0; k < ds.length; k++) {
        rejected += ds[k]!.rejected;
        check += ds[k]!.events;
      }
    } else if (many) {
      const ds = replayMany(logs);
      for (let k = 0; k < ds.length; k++) {
        rejected += ds[k]!.rejected.length;
        check += ds[k]!.history.length;
      }
    } else {
      const keep: unknown[] = [];
      for (let k = 0; k < logs.length; k++) {
        const l = logs[k]!;
        const d = floor ? readFloor(l.events) : replay(l.events, { procedure: l.procedure, policy: l.policy });
        if (kept) keep.push(d);
        rejected += d.rejected.length;
        check += d.history.length;
      }
      check += keep.length;
    }
    seconds += (performance.now() - t0) / 1000;
    for (const l of logs) events += l.events.length;
  }
  const perSecond = total / seconds;
  const result = { name: floor ? 'input floor of 1M dossier logs' : many ? `replayMany${summary ? ' summary' : ''} 1M dossier logs${epoch ? ' (epoch ms)' : ''}` : kept ? 'replay 1M dossier logs, results kept' : 'replay 1M dossier logs', dossiers: total, seconds, perSecond, events, rejected };
  if (!options.quiet) {
    console.log(
      `dossier${floor ? ' input floor' : ''}: ${floor ? 'read' : 'replayed'} ${total.toLocaleString('en')} logs (${events.toLocaleString('en')} events, ${rejected} refused) in ${seconds.toFixed(2)} s: ${Math.round(perSecond).toLocaleString('en')} dossiers/s (target 500,000) [checksum ${check}]`,
    );
  }
  return result;
}

/** A log with its instants as epoch milliseconds (the input `replayMany` reads without parsing). */
function toEpoch(l: Log): Log {
  return { ...l, events: l.events.map((e) => ({ ...e, at: instantMs(e.at, 'at') })) as unknown as Log['events'] };
}

/**
 * One long log (#14: `replay` must be linear in accepted events): a counter receipt, then `n - 1`
 * events alternating step starts and completions with distinct step ids, supplement requests and
 * receipts, and clock stops and resumptions. Returns events per second; 32,000 and 64,000 events
 * should give about the same figure (0.1.0 took 3.8 s for 32,000: quadratic).
 */
export function benchLongLog(n: number): { events: number; seconds: number; perSecond: number; accepted: number } {
  const procedure = { code: 'long', channels: [{ channel: 'direct' as const, limit: { amount: 3000, unit: 'working-day' as const } }], cutoff: null, clockStops: ['verification' as const], steps: null, immediate: false };
  const base = Date.parse('2026-03-02T02:00:00Z');
  const at = (i: number) => new Date(base + i * 1000).toISOString();
  const events: DossierEvent[] = [{ id: 'r', type: 'received', at: at(0) }];
  for (let i = 1; i < n; i++) {
    const id = `e${i}`;
    const k = i % 6;
    if (k === 1) events.push({ id, type: 'step-started', at: at(i), step: `s${i}`, agency: 'A' });
    else if (k === 2) events.push({ id, type: 'step-completed', at: at(i), step: `s${i - 1}` });
    else if (k === 3) events.push({ id, type: 'supplement-requested', at: at(i) });
    else if (k === 4) events.push({ id, type: 'supplement-received', at: at(i) });
    else if (k === 5) events.push({ id, type: 'clock-stopped', at: at(i), reason: 'verification' });
    else events.push({ id, type: 'clock-resumed', at: at(i) });
  }
  const t0 = performance.now();
  const d = replay(events, { procedure, policy: { repeatedSupplements: 'accept' } });
  const seconds = (performance.now() - t0) / 1000;
  return { events: n, seconds, perSecond: n / seconds, accepted: d.history.length };
}
