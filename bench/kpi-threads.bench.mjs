/**
 * KPI from a large file on worker threads: `summarizeCsvFile` (motcua/node) on a generated
 * 10,000,000-row CSV (about 1.4 GB, written once into .bench-tmp/ and reused), on one thread
 * (in this thread) and on worker threads (os.availableParallelism()), each in its own process.
 * Reports both times, the speed-up, and checks that both give identical summaries and rejections.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dossierCsv } from './_lib/dossier-csv.mjs';

export const group = 'kpi-threads';

function summarise(dist, file, threads) {
  const node = fileURLToPath(new URL('node.js', dist.dir));
  const t0 = process.hrtime.bigint();
  const child = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `
    const { summarizeCsvFile } = await import(${JSON.stringify(node)});
    const s = await summarizeCsvFile(${JSON.stringify(file)}, { period: { from: '2022-01-01', to: '2024-12-31', label: '2022-2024' }, groupBy: 'field', threads: ${threads} });
    process.stdout.write(JSON.stringify({ threads: s.threads, rows: s.rows, total: s.total, rejectedCount: s.rejectedCount, rejected: s.rejected }));
    process.on('exit', () => process.stderr.write('MAXRSS ' + process.resourceUsage().maxRSS + '\\n'));`,
    ],
    { maxBuffer: 1 << 28 }
  );
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (child.status !== 0) throw new Error(`summarizeCsvFile failed: ${child.stderr}`);
  const peakMb = Number(/MAXRSS (\d+)/.exec(child.stderr.toString())?.[1] ?? NaN) / 1024;
  return { s, peakMb, out: JSON.parse(child.stdout.toString()) };
}

export async function run({ dist, quick = false }) {
  if (!existsSync(new URL('node-worker.js', dist.dir))) throw new Error('dist/node-worker.js is missing: the motcua/node entries are not in the tsup config');
  const kpi = await dist.import('kpi');
  const rows = quick ? 1_000_000 : 10_000_000;
  const file = await dossierCsv(kpi, rows);
  const mb = statSync(file).size / 1e6;
  const cores = availableParallelism();
  const one = summarise(dist, file, 1);
  const many = summarise(dist, file, cores);
  const same = JSON.stringify({ ...one.out, threads: 0 }) === JSON.stringify({ ...many.out, threads: 0 });
  const label = `${rows.toLocaleString('en')} rows, ${mb.toFixed(0)} MB CSV`;
  return {
    rows: [
      {
        group,
        name: `summarizeCsvFile, 1 thread, ${label}`,
        opsPerSec: rows / one.s,
        nsPerOp: (one.s * 1e9) / rows,
        note: `${one.s.toFixed(2)} s wall, including Node start-up; peak RSS ${one.peakMb.toFixed(0)} MB`,
      },
      {
        group,
        name: `summarizeCsvFile, ${many.out.threads} worker threads, ${label}`,
        opsPerSec: rows / many.s,
        nsPerOp: (many.s * 1e9) / rows,
        note: `${many.s.toFixed(2)} s wall, including Node start-up; peak RSS ${many.peakMb.toFixed(0)} MB`,
      },
    ],
    metrics: [{ group, name: `speed-up, ${many.out.threads} threads vs 1`, value: one.s / many.s, unit: '×', note: `${cores} cores available` }],
    targets: [
      { group, name: `worker threads scale: ≥ ${(0.75 * cores).toFixed(1)}× on ${cores} cores`, actual: `${(one.s / many.s).toFixed(2)}×`, pass: one.s / many.s >= 0.75 * cores },
      { group, name: '1 thread and worker threads give identical summaries and rejections', actual: same ? 'identical' : 'different', pass: same },
    ],
  };
}
