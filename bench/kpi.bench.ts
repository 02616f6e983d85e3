/**
 * In-memory summarise benchmark (the "summarise 10 million in-memory records", target
 * ≥ 5 million records per second on one core), as a plain async function so any harness can call
 * it. The records are deterministic sample years (2019-2026, several seeds and agencies: about
 * 190,000 distinct dossiers, so the working set is far larger than the CPU caches), walked round
 * until `total` records have been added, grouped by field and agency over a period containing
 * them all, so no record is skipped early. The median of `runs` timed runs is reported.
 *
 * Run alone:
 *   npx esbuild --bundle --platform=node --format=esm bench/kpi.bench.ts --outfile=/tmp/kpi-bench.mjs && node /tmp/kpi-bench.mjs
 */
import { add, createAccumulator, type DossierRecord, period, result, sampleRecords } from '../src/kpi/index';

/** The result of {@link benchSummarize}. */
export interface SummarizeBench {
  readonly name: string;
  readonly records: number;
  readonly seconds: number;
  readonly perSecond: number;
  /** Distinct records in the pool walked round. */
  readonly distinct: number;
  /** (3) of the last run, consumed so the work cannot be dropped. */
  readonly received: number;
  readonly pass: boolean;
}

export async function benchSummarize(options: { total?: number; runs?: number; seeds?: number } = {}): Promise<SummarizeBench> {
  const total = options.total ?? 10_000_000;
  const runs = options.runs ?? 3;
  const pool: DossierRecord[] = [];
  for (let s = 0; s < (options.seeds ?? 10); s++) {
    for (let y = 2019; y <= 2026; y++) pool.push(...sampleRecords({ year: y, seed: 1000 * s + y, agency: `UBND xã ${s + 1}` }));
  }
  const p = period({ from: '2019-01-01', to: '2026-12-31' });
  const warm = createAccumulator({ period: p, groupBy: ['field', 'agency'] });
  for (let i = 0; i < 500_000; i++) add(warm, pool[i % pool.length]!);
  const times: number[] = [];
  let received = 0;
  for (let k = 0; k < runs; k++) {
    const acc = createAccumulator({ period: p, groupBy: ['field', 'agency'] });
    const n = pool.length;
    const t0 = performance.now();
    for (let i = 0, j = 0; i < total; i++) {
      add(acc, pool[j]!);
      if (++j === n) j = 0;
    }
    times.push((performance.now() - t0) / 1000);
    received = result(acc).total.counts.received;
  }
  times.sort((a, b) => a - b);
  const seconds = times[Math.floor(times.length / 2)]!;
  const perSecond = total / seconds;
  return { name: `summarise ${total.toLocaleString('en')} in-memory records (add, grouped by field and agency)`, records: total, seconds, perSecond, distinct: pool.length, received, pass: perSecond >= 5_000_000 };
}

const isMain = typeof process !== 'undefined' && process.argv[1] !== undefined && /kpi[-.]bench/.test(process.argv[1]);
if (isMain) {
  const r = await benchSummarize({ total: Number(process.env.KPI_BENCH_TOTAL ?? 10_000_000) });
  console.log(JSON.stringify(r, null, 2));
  console.log(`${Math.round(r.perSecond).toLocaleString('en')} records/s on one core: ${r.pass ? 'PASS' : 'FAIL'} (target 5,000,000)`);
}
