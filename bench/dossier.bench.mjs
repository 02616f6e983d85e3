/**
 * Dossier bench (plug-in for bench/run.mjs): runs `benchDossier` of bench/dossier.bench.ts (bundled
 * with esbuild): replay of 1,000,000 generated logs (5-10 events each) on one core; target ≥ 500,000
 * dossiers per second.
 */
import { importTs } from './_lib/ts.mjs';

export const group = 'dossier';

export async function run({ quick = false }) {
  const { benchDossier } = await importTs('bench/dossier.bench.ts');
  const r = await benchDossier({ total: quick ? 100_000 : 1_000_000, quiet: true });
  return {
    rows: [{ group, name: `replay ${r.dossiers.toLocaleString('en')} generated dossier logs`, opsPerSec: r.perSecond, nsPerOp: 1e9 / r.perSecond, note: `${r.events.toLocaleString('en')} events, ${r.rejected} refused, ${r.seconds.toFixed(2)} s` }],
    targets: [{ group, name: 'replay ≥ 500,000 dossiers/s on one core', actual: `${Math.round(r.perSecond).toLocaleString('en')} dossiers/s`, pass: r.perSecond >= 500_000 }],
  };
}
