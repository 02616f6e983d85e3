/**
 * KPI from a large file on worker threads: `summarizeCsvFile` (motcua/node) on a generated
 * 10,000,000-row CSV (about 1.4 GB, written once into .bench-tmp/ and reused), on one thread
 * (in this thread) and on worker threads (os.availableParallelism()), each in its own process.
 * Reports both times, the speed-up, and checks that both give identical summaries and rejections.
 * Then the same with `dedupe: true` (what `motcua report` does, issue #22: each dossier id
 * counted once) on a file where every 50th row repeats an earlier row's id, some of them across
 * the ranges of the threads: time, peak RSS (the ids kept must stay within the report's memory
 * target) and identical results on 1 thread and on worker threads.
 * `MOTCUA_BENCH_ROWS` overrides the row count (e.g. 5000000).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dossierCsv } from './_lib/dossier-csv.mjs';

export const group = 'kpi-threads';

function summarise(dist, file, threads, dedupe = false) {
  const node = fileURLToPath(new URL('node.js', dist.dir));
  const t0 = process.hrtime.bigint();
  const child = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `
    const { summarizeCsvFile } = await import(${JSON.stringify(node)});
    const s = await summarizeCsvFile(${JSON.stringify(file)}, { period: { from: '2022-01-01', to: '2024-12-31', label: '2022-2024' }, groupBy: 'field', threads: ${threads}, dedupe: ${dedupe} });
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
  const rows = Number(process.env.MOTCUA_BENCH_ROWS) || (quick ? 1_000_000 : 10_000_000);
  const file = await dossierCsv(kpi, rows);
  const mb = statSync(file).size / 1e6;
  const cores = availableParallelism();
  const one = summarise(dist, file, 1);
  const many = summarise(dist, file, cores);
  const same = JSON.stringify({ ...one.out, threads: 0 }) === JSON.stringify({ ...many.out, threads: 0 });
  const label = `${rows.toLocaleString('en')} rows, ${mb.toFixed(0)} MB CSV`;
  const dupFile = await withDuplicates(file, rows);
  const dOne = summarise(dist, dupFile, 1, true);
  const dMany = summarise(dist, dupFile, cores, true);
  const dSame = JSON.stringify({ ...dOne.out, threads: 0 }) === JSON.stringify({ ...dMany.out, threads: 0 });
  const dupLabel = `${rows.toLocaleString('en')} rows, ${dOne.out.rejectedCount.toLocaleString('en')} rejected (duplicates and bad rows)`;
  return {
    rows: [
      {
        group,
        name: `summarizeCsvFile dedupe, 1 thread, ${dupLabel}`,
        opsPerSec: rows / dOne.s,
        nsPerOp: (dOne.s * 1e9) / rows,
        note: `${dOne.s.toFixed(2)} s wall, including Node start-up; peak RSS ${dOne.peakMb.toFixed(0)} MB`,
      },
      {
        group,
        name: `summarizeCsvFile dedupe, ${dMany.out.threads} worker threads, ${dupLabel}`,
        opsPerSec: rows / dMany.s,
        nsPerOp: (dMany.s * 1e9) / rows,
        note: `${dMany.s.toFixed(2)} s wall, including Node start-up; peak RSS ${dMany.peakMb.toFixed(0)} MB`,
      },
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
    metrics: [
      { group, name: `speed-up, ${many.out.threads} threads vs 1`, value: one.s / many.s, unit: '×', note: `${cores} cores available` },
      { group, name: `speed-up with dedupe, ${dMany.out.threads} threads vs 1`, value: dOne.s / dMany.s, unit: '×', note: `${cores} cores available` },
    ],
    targets: [
      { group, name: `worker threads scale: ≥ ${(0.75 * cores).toFixed(1)}× on ${cores} cores`, actual: `${(one.s / many.s).toFixed(2)}×`, pass: one.s / many.s >= 0.75 * cores },
      { group, name: '1 thread and worker threads give identical summaries and rejections', actual: same ? 'identical' : 'different', pass: same },
      { group, name: 'dedupe: 1 thread and worker threads give identical summaries and rejections', actual: dSame ? 'identical' : 'different', pass: dSame },
      { group, name: `dedupe on worker threads: ≥ ${(0.75 * cores).toFixed(1)}× on ${cores} cores`, actual: `${(dOne.s / dMany.s).toFixed(2)}×`, pass: dOne.s / dMany.s >= 0.75 * cores },
      { group, name: 'dedupe: peak memory < 300 MB (the motcua report target)', actual: `${Math.max(dOne.peakMb, dMany.peakMb).toFixed(0)} MB`, pass: Math.max(dOne.peakMb, dMany.peakMb) < 300 },
    ],
  };
}

/** The bench CSV with every 50th row taking the id of a row 1/3 of the file earlier (so across the ranges of 2 and 3 threads), written once. */
async function withDuplicates(file, rows) {
  const out = file.replace(/\.csv$/, '-dups.csv');
  if (existsSync(out)) return out;
  const tmp = `${out}.${process.pid}.tmp`;
  const w = createWriteStream(tmp);
  const back = Math.floor(rows / 3);
  let i = -1;
  let buf = '';
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (i >= 0 && i % 50 === 49) buf += `${i >= back ? i - back : i - 1}${line.slice(line.indexOf(','))}\n`;
    else buf += `${line}\n`;
    i++;
    if (buf.length > 1 << 20) {
      if (!w.write(buf)) await new Promise((r) => w.once('drain', r));
      buf = '';
    }
  }
  w.write(buf);
  await new Promise((r, j) => w.end((e) => (e ? j(e) : r())));
  (await import('node:fs')).renameSync(tmp, out);
  return out;
}
