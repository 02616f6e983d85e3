/**
 * Dossier bench (plug-in for bench/run.mjs): runs `benchDossier` of bench/dossier.bench.ts (bundled
 * with esbuild): replay of 1,000,000 generated logs (5-10 events each) on one core; target ≥ 500,000
 * dossiers per second.
 *
 * Two input conditions, same logs, same code:
 * - cold (the target row): batches of 10,000 logs, parsed from JSON, then a full collection, then
 *   replayed: the logs are no longer in the CPU caches, as when a large log set sits in memory;
 * - warm: batches of 1,000 replayed straight after parsing, as a stream consumer (NDJSON, a queue)
 *   does; collections during the replay are timed.
 *
 * A third row times the input floor (bench/_lib/dossier-floor.ts) on the same cold input: only
 * reading each event's id, type and time, parsing the time and appending a history line, with no
 * validation, state machine or calendar. No replay can beat it on this machine, so the replay row
 * is best read against it: the target is not reachable on a machine whose floor is below 500,000.
 *
 * Batch replay (#18): `replayMany` over each cold batch of 10,000 logs, its instants as ISO strings
 * and as epoch milliseconds (converted before the JSON, untimed), with full dossiers and with
 * `output: 'summary'` (the target row: a compact summary per log, what a report needs). Its result holds every dossier of
 * the batch, so its yardstick is `replay` keeping every dossier of the batch too: kept results are
 * collected by the young-generation GC while the batch runs, which costs about as much as the replay
 * itself on this machine (the replay row above drops each dossier at once).
 *
 * Two more rows replay one long log of 32,000 and of 64,000 events: `replay` is linear in accepted
 * events (#14), so both give about the same events per second (0.1.0: 3.8 s for 32,000).
 */
import { importTs } from './_lib/ts.mjs';

export const group = 'dossier';

export async function run({ quick = false }) {
  const { benchDossier, benchLongLog } = await importTs('bench/dossier.bench.ts');
  const total = quick ? 100_000 : 1_000_000;
  const cold = await benchDossier({ total, quiet: true, input: 'cold' });
  const warm = await benchDossier({ total, quiet: true, input: 'warm' });
  const floor = await benchDossier({ total, quiet: true, input: 'cold', work: 'floor' });
  const kept = await benchDossier({ total, quiet: true, input: 'cold', work: 'replay-kept' });
  const many = await benchDossier({ total, quiet: true, input: 'cold', work: 'many' });
  const manyMs = await benchDossier({ total, quiet: true, input: 'cold', work: 'many-ms' });
  const sum = await benchDossier({ total, quiet: true, input: 'cold', work: 'summary' });
  const sumMs = await benchDossier({ total, quiet: true, input: 'cold', work: 'summary-ms' });
  const n = total.toLocaleString('en');
  // one long log at two lengths (#14): linear replay gives about the same events/s at both
  benchLongLog(4_000);
  const long = [32_000, 64_000].map((len) => benchLongLog(len));
  const longRow = (r) => ({ group, name: `replay one log of ${r.events.toLocaleString('en')} events (steps, supplements, clock stops)`, opsPerSec: r.perSecond, nsPerOp: 1e9 / r.perSecond, note: `${r.accepted.toLocaleString('en')} accepted, ${r.seconds.toFixed(3)} s` });
  const ofFloor = (r) => `${((100 * r.perSecond) / floor.perSecond).toFixed(0)}% of the input floor (${Math.round(floor.perSecond).toLocaleString('en')}/s)`;
  const row = (r, name) => ({ group, name, opsPerSec: r.perSecond, nsPerOp: 1e9 / r.perSecond, note: `${r.events.toLocaleString('en')} events, ${r.rejected} refused, ${r.seconds.toFixed(2)} s` });
  return {
    rows: [
      row(cold, `replay ${n} generated dossier logs, cold input (10k batches after a full GC)`),
      row(warm, `replay ${n} generated dossier logs, warm input (1k batches just parsed)`),
      row(kept, `replay ${n} generated dossier logs, cold input, every dossier of each 10k batch kept (replayMany's yardstick)`),
      row(many, `replayMany ${n} generated dossier logs in 10k batches, cold input, instants as ISO strings`),
      row(manyMs, `replayMany ${n} generated dossier logs in 10k batches, cold input, instants as epoch ms`),
      row(sum, `replayMany summary (output: 'summary') ${n} generated dossier logs in 10k batches, cold input, instants as ISO strings`),
      row(sumMs, `replayMany summary (output: 'summary') ${n} generated dossier logs in 10k batches, cold input, instants as epoch ms`),
      ...long.map(longRow),
      row(floor, `input floor, same ${n} logs, cold input: read id/type/at, parse the time, append a history line (no validation, state machine or calendar)`),
    ],
    targets: [
      { group, name: 'replay linear in events: 64,000 events/s ≥ half of 32,000 events/s (#14)', actual: `${Math.round(long[1].perSecond).toLocaleString('en')} vs ${Math.round(long[0].perSecond).toLocaleString('en')} events/s`, pass: long[1].perSecond >= long[0].perSecond / 2 },
      { group, name: 'replay ≥ 500,000 dossiers/s on one core (cold input)', actual: `${Math.round(cold.perSecond).toLocaleString('en')} dossiers/s, ${ofFloor(cold)}`, pass: cold.perSecond >= 500_000 },
      { group, name: 'batch replay (replayMany summary, epoch ms) ≥ 500,000 dossiers/s on one core (cold input) (#18)', actual: `${Math.round(sumMs.perSecond).toLocaleString('en')} dossiers/s, ${ofFloor(sumMs)}; ISO strings ${Math.round(sum.perSecond).toLocaleString('en')}/s; full dossiers ${Math.round(manyMs.perSecond).toLocaleString('en')}/s (epoch ms), ${Math.round(many.perSecond).toLocaleString('en')}/s (ISO); replay keeping its results ${Math.round(kept.perSecond).toLocaleString('en')}/s`, pass: sumMs.perSecond >= 500_000 },
      { group, name: 'replay ≥ 500,000 dossiers/s on one core (warm input)', actual: `${Math.round(warm.perSecond).toLocaleString('en')} dossiers/s, ${ofFloor(warm)}`, pass: warm.perSecond >= 500_000 },
    ],
  };
}
