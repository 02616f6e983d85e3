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
 */
import { importTs } from './_lib/ts.mjs';

export const group = 'dossier';

export async function run({ quick = false }) {
  const { benchDossier } = await importTs('bench/dossier.bench.ts');
  const total = quick ? 100_000 : 1_000_000;
  const cold = await benchDossier({ total, quiet: true, input: 'cold' });
  const warm = await benchDossier({ total, quiet: true, input: 'warm' });
  const row = (r, what) => ({ group, name: `replay ${r.dossiers.toLocaleString('en')} generated dossier logs, ${what}`, opsPerSec: r.perSecond, nsPerOp: 1e9 / r.perSecond, note: `${r.events.toLocaleString('en')} events, ${r.rejected} refused, ${r.seconds.toFixed(2)} s` });
  return {
    rows: [row(cold, 'cold input (10k batches after a full GC)'), row(warm, 'warm input (1k batches just parsed)')],
    targets: [
      { group, name: 'replay ≥ 500,000 dossiers/s on one core (cold input)', actual: `${Math.round(cold.perSecond).toLocaleString('en')} dossiers/s`, pass: cold.perSecond >= 500_000 },
      { group, name: 'replay ≥ 500,000 dossiers/s on one core (warm input)', actual: `${Math.round(warm.perSecond).toLocaleString('en')} dossiers/s`, pass: warm.perSecond >= 500_000 },
    ],
  };
}
