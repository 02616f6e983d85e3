/**
 * KPI bench: `add` throughput of the II.06a accumulator over in-memory records (the issue's
 * "summarise 10 million in-memory records", target ≥ 5 million records per second on one core).
 * The records are the deterministic sample years 2019-2026 (about 19,000 distinct dossiers),
 * walked round until 10 million `add` calls are made, grouped by field over a period that
 * contains them all, so no record is skipped early.
 */
export const group = 'kpi';

export async function run({ dist, quick = false }) {
  const kpi = await dist.import('kpi');
  const records = [];
  for (let y = 2019; y <= 2026; y++) records.push(...kpi.sampleRecords({ year: y }));
  const total = quick ? 1_000_000 : 10_000_000;
  const p = kpi.period({ from: '2019-01-01', to: '2026-12-31' });
  // warm-up
  const warm = kpi.createAccumulator({ period: p, groupBy: ['field'] });
  for (let i = 0; i < 300_000; i++) kpi.add(warm, records[i % records.length]);
  const runs = [];
  let check = 0;
  for (let k = 0; k < (quick ? 1 : 3); k++) {
    const acc = kpi.createAccumulator({ period: p, groupBy: ['field'] });
    const n = records.length;
    const t0 = process.hrtime.bigint();
    for (let i = 0, j = 0; i < total; i++) {
      kpi.add(acc, records[j]);
      if (++j === n) j = 0;
    }
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    runs.push(s);
    check = kpi.result(acc).total.counts.received;
  }
  runs.sort((a, b) => a - b);
  const seconds = runs[Math.floor(runs.length / 2)];
  const perSecond = total / seconds;
  return {
    rows: [{ group, name: `summarise (add) ${total.toLocaleString('en')} records, grouped by field`, opsPerSec: perSecond, nsPerOp: 1e9 / perSecond, note: `${records.length} distinct sample records walked round; median of ${runs.length} runs (${seconds.toFixed(2)} s); received counted ${check}` }],
    targets: [{ group, name: 'summarise ≥ 5,000,000 records/s on one core', actual: `${Math.round(perSecond).toLocaleString('en')} records/s`, pass: perSecond >= 5_000_000 }],
  };
}
