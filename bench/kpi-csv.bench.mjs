/**
 * KPI from a file: `motcua report` (the byte CSV reader; worker threads by default on a file this
 * size, and again with `--threads 1`) on a generated 1,000,000-row CSV,
 * against DuckDB (@duckdb/node-api) computing the same Biểu II.06a table from the same file with
 * SQL written for the same conventions (default policy), in the same run. Reports both times, the
 * ratio (goal: within 2×), motcua's peak memory (goal: under 300 MB while streaming), and checks
 * that both give identical counts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dossierCsv } from './_lib/dossier-csv.mjs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

export const group = 'kpi-csv';

const SQL = (file, from, to) => `
WITH d AS (
  SELECT field, channel, receivedOn AS r, dueOn AS due, finishedOn AS f, finishedAs AS how
  FROM read_csv('${file}', header = true, all_varchar = false,
    columns = {'id':'VARCHAR','procedureCode':'VARCHAR','field':'VARCHAR','agency':'VARCHAR','level':'VARCHAR','channel':'VARCHAR',
      'receivedOn':'DATE','dueOn':'DATE','finishedOn':'DATE','finishedAs':'VARCHAR','supplements':'INTEGER','extensions':'INTEGER',
      'digitised':'BOOLEAN','eResult':'BOOLEAN','paperResultRequired':'VARCHAR','feeDue':'BOOLEAN','paidOnline':'BOOLEAN','synced':'BOOLEAN','complaint':'BOOLEAN'})
), c AS (
  SELECT *, (f IS NOT NULL AND f <= DATE '${to}') AS fin FROM d
  WHERE r <= DATE '${to}' AND (f IS NULL OR f >= DATE '${from}')
)
SELECT field,
  count(*) AS received,
  count(*) FILTER (WHERE r >= DATE '${from}' AND channel = 'online') AS online,
  count(*) FILTER (WHERE r >= DATE '${from}' AND channel <> 'online') AS directOrPostal,
  count(*) FILTER (WHERE r < DATE '${from}') AS carriedOver,
  count(*) FILTER (WHERE fin AND how IN ('resolved', 'refused')) AS resolved,
  count(*) FILTER (WHERE fin AND how IN ('resolved', 'refused') AND f < due) AS early,
  count(*) FILTER (WHERE fin AND how IN ('resolved', 'refused') AND f = due) AS onTime,
  count(*) FILTER (WHERE fin AND how IN ('resolved', 'refused') AND f > due) AS late,
  count(*) FILTER (WHERE NOT fin) AS pending,
  count(*) FILTER (WHERE NOT fin AND due >= DATE '${to}') AS withinTime,
  count(*) FILTER (WHERE NOT fin AND due < DATE '${to}') AS overdue,
  count(*) FILTER (WHERE fin AND how = 'withdrawn') AS withdrawn,
  count(*) FILTER (WHERE fin AND how IN ('withdrawn', 'stopped')) AS excluded
FROM c GROUP BY field ORDER BY field`;

export async function run({ dist, quick = false }) {
  const kpi = await dist.import('kpi');
  const rows = quick ? 100_000 : 1_000_000;
  const file = await dossierCsv(kpi, rows);
  const mb = statSync(file).size / 1e6;
  const from = '2022-01-01';
  const to = '2024-12-31';

  // motcua: the CLI in its own process (default threads: all cores for a file over 32 MB, then --threads 1); its peak RSS read from the process itself.
  const cli = (extra) => {
    const t0 = process.hrtime.bigint();
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', `
    process.on('exit', () => process.stderr.write('MAXRSS ' + process.resourceUsage().maxRSS + '\\n'));
    process.argv = [process.argv[0], 'motcua', 'report', ${JSON.stringify(file)}, '--from', '${from}', '--to', '${to}', '--format', 'json', ...${JSON.stringify(extra)}];
    await import(${JSON.stringify(fileURLToPath(new URL('cli.js', dist.dir)))});`], { maxBuffer: 1 << 28 });
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    if (child.status !== 0) throw new Error(`motcua report failed: ${child.stderr}`);
    return { s, out: JSON.parse(child.stdout.toString()), peakMb: Number(/MAXRSS (\d+)/.exec(child.stderr.toString())?.[1] ?? NaN) / 1024 };
  };
  const threaded = existsSync(new URL('node-worker.js', dist.dir));
  const auto = cli([]);
  const single = cli(['--threads', '1']);
  const motcuaS = auto.s;
  const ours = auto.out;
  const peakMb = Math.max(auto.peakMb, single.peakMb);
  const sameThreads = JSON.stringify(auto.out) === JSON.stringify(single.out);

  // DuckDB, in process, the same table from the same file.
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const t1 = process.hrtime.bigint();
  const inst = await DuckDBInstance.create(':memory:');
  const con = await inst.connect();
  const reader = await con.runAndReadAll(SQL(file, from, to));
  const duck = reader.getRowObjectsJson();
  const duckS = Number(process.hrtime.bigint() - t1) / 1e9;

  const keys = ['received', 'online', 'directOrPostal', 'carriedOver', 'resolved', 'early', 'onTime', 'late', 'pending', 'withinTime', 'overdue', 'withdrawn', 'excluded'];
  const same = ours.rows.length === duck.length && ours.rows.every((row, i) => row.key === duck[i].field && keys.every((k) => Number(duck[i][k]) === row.counts[k]));
  return {
    rows: [
      { group, name: `motcua report (CLI, default threads) ${rows.toLocaleString('en')} rows, ${mb.toFixed(0)} MB CSV`, opsPerSec: rows / motcuaS, nsPerOp: (motcuaS * 1e9) / rows, note: `${motcuaS.toFixed(2)} s wall, including Node start-up; ${threaded ? `${availableParallelism()} worker threads` : 'ONE thread: dist/node-worker.js is not built'}` },
      { group, name: `motcua report --threads 1, ${rows.toLocaleString('en')} rows`, opsPerSec: rows / single.s, nsPerOp: (single.s * 1e9) / rows, note: `${single.s.toFixed(2)} s wall, including Node start-up` },
      { group, name: 'DuckDB read_csv + the same II.06a SQL', opsPerSec: rows / duckS, nsPerOp: (duckS * 1e9) / rows, note: `${duckS.toFixed(2)} s (multi-threaded, 2 cores)` },
    ],
    metrics: [
      { group, name: 'motcua / DuckDB time ratio', value: motcuaS / duckS, unit: '×', note: same ? 'identical tables' : 'TABLES DIFFER' },
      { group, name: 'motcua --threads 1 / DuckDB time ratio', value: single.s / duckS, unit: '×', note: sameThreads ? 'same report as on worker threads' : 'REPORTS DIFFER' },
      { group, name: 'motcua report peak RSS (whole process)', value: peakMb, unit: 'MB', note: `streaming a ${mb.toFixed(0)} MB file` },
    ],
    targets: [
      { group, name: 'motcua report within 2× DuckDB on the same file', actual: `${(motcuaS / duckS).toFixed(2)}×`, pass: motcuaS / duckS <= 2 },
      { group, name: 'motcua and DuckDB give identical II.06a tables', actual: same ? 'identical' : 'different', pass: same },
      { group, name: 'motcua report: the same output on 1 thread and on worker threads', actual: sameThreads ? 'identical' : 'different', pass: sameThreads },
      { group, name: 'motcua report peak memory < 300 MB (streaming)', actual: `${peakMb.toFixed(0)} MB`, pass: peakMb < 300 },
    ],
  };
}
