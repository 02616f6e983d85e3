/**
 * KPI bench (plug-in for bench/run.mjs): runs `benchSummarize` of bench/kpi.bench.ts (bundled with
 * esbuild): `add` over 10 million in-memory records (about 190,000 distinct sample dossiers walked
 * round), grouped by field and agency; target ≥ 5 million records per second on one core.
 */
import { importTs } from './_lib/ts.mjs';

export const group = 'kpi';

export async function run({ quick = false }) {
  const { benchSummarize } = await importTs('bench/kpi.bench.ts');
  const r = await benchSummarize(quick ? { total: 1_000_000, runs: 1, seeds: 2 } : {});
  return {
    rows: [{ group, name: r.name, opsPerSec: r.perSecond, nsPerOp: 1e9 / r.perSecond, note: `${r.distinct.toLocaleString('en')} distinct records walked round; ${r.seconds.toFixed(2)} s (median); received counted ${r.received}` }],
    targets: [{ group, name: 'summarise ≥ 5,000,000 records/s on one core', actual: `${Math.round(r.perSecond).toLocaleString('en')} records/s`, pass: r.perSecond >= 5_000_000 }],
  };
}
