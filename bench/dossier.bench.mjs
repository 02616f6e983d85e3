/**
 * Dossier bench (plug-in for bench/run.mjs): bundles bench/dossier.bench.ts (TypeScript, against
 * the sources) with esbuild and runs its `benchDossier`: replay of 1,000,000 generated logs
 * (5-10 events each) on one core; target ≥ 500,000 dossiers per second.
 */
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const group = 'dossier';

export async function run({ quick = false }) {
  const root = fileURLToPath(new URL('../', import.meta.url));
  mkdirSync(`${root}.bench-tmp`, { recursive: true });
  const outfile = `${root}.bench-tmp/dossier-bench.mjs`;
  await build({ entryPoints: [`${root}bench/dossier.bench.ts`], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error' });
  const { benchDossier } = await import(pathToFileURL(outfile).href);
  const r = await benchDossier({ total: quick ? 100_000 : 1_000_000, quiet: true });
  return {
    rows: [{ group, name: `replay ${r.dossiers.toLocaleString('en')} generated dossier logs`, opsPerSec: r.perSecond, nsPerOp: 1e9 / r.perSecond, note: `${r.events.toLocaleString('en')} events, ${r.rejected} refused, ${r.seconds.toFixed(2)} s` }],
    targets: [{ group, name: 'replay ≥ 500,000 dossiers/s on one core', actual: `${Math.round(r.perSecond).toLocaleString('en')} dossiers/s`, pass: r.perSecond >= 500_000 }],
  };
}
