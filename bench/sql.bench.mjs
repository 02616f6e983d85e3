/**
 * SQL bench (plug-in for bench/run.mjs): 10,000,000 generated rows (1,000,000 with --quick)
 * through embedded DuckDB with the SQL motcua/sql generates (reportSql over a typed read_csv),
 * and through `motcua report --engine duckdb`'s path (cells normalised in SQL with the JS
 * reader's rules, bad rows located). The JS paths on the same file (one thread, worker threads)
 * are in the kpi-threads group of the same run.
 */
import { statSync } from 'node:fs';
import { dossierCsv } from './_lib/dossier-csv.mjs';

export const group = 'sql';

const TYPES = "{'id':'VARCHAR','procedureCode':'VARCHAR','field':'VARCHAR','agency':'VARCHAR','level':'VARCHAR','channel':'VARCHAR','receivedOn':'DATE','dueOn':'DATE','finishedOn':'DATE','finishedAs':'VARCHAR','supplements':'INTEGER','extensions':'INTEGER','digitised':'BOOLEAN','eResult':'BOOLEAN','paperResultRequired':'BOOLEAN','feeDue':'BOOLEAN','paidOnline':'BOOLEAN','synced':'BOOLEAN','complaint':'BOOLEAN'}";
const FIELDS = ['id', 'procedureCode', 'field', 'agency', 'level', 'channel', 'receivedOn', 'dueOn', 'finishedOn', 'finishedAs', 'supplements', 'extensions', 'digitised', 'eResult', 'paperResultRequired', 'feeDue', 'paidOnline', 'synced', 'complaint'];

export async function run({ dist, quick = false }) {
  const kpi = await dist.import('kpi');
  const sql = await dist.import('sql');
  const rows = quick ? 1_000_000 : 10_000_000;
  const file = await dossierCsv(kpi, rows);
  const mb = statSync(file).size / 1e6;
  const period = kpi.period({ from: '2022-01-01', to: '2024-12-31' });
  const { DuckDBInstance } = await import('@duckdb/node-api');

  // The generated SQL, over the file read with DuckDB's typed CSV reader (canonical formats).
  // The generated file has no originalDueOn, returnedOn, reusedData or dataStored: NULL columns stand in.
  // The pause and the data-store components are declared absent (typed NULLs).
  const columns = { ...Object.fromEntries([...FIELDS, 'originalDueOn', 'returnedOn', 'reusedData', 'dataStored'].map((f) => [f, f])), pausedSince: null, pausedFor: null, componentsFromStore: null };
  const source = `(SELECT *, CAST(NULL AS DATE) AS "originalDueOn", CAST(NULL AS DATE) AS "returnedOn", CAST(NULL AS BOOLEAN) AS "reusedData", CAST(NULL AS BOOLEAN) AS "dataStored" FROM read_csv('${file}', header = true, columns = ${TYPES}))`;
  const query = sql.reportSql({ dialect: 'duckdb', source, columns, period, groupBy: ['field'] });
  const t0 = process.hrtime.bigint();
  const inst = await DuckDBInstance.create(':memory:');
  const con = await inst.connect();
  const out = (await con.runAndReadAll(query)).getRowObjectsJson();
  const typedS = Number(process.hrtime.bigint() - t0) / 1e9;
  con.closeSync();
  inst.closeSync();

  // The --engine duckdb path, through the CLI in its own process (normalisation, rejections).
  const { spawnSync } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
  const t1 = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [cli, 'report', file, '--engine', 'duckdb', '--from', '2022-01-01', '--to', '2024-12-31', '--format', 'json'], { maxBuffer: 1 << 28 });
  const engineS = Number(process.hrtime.bigint() - t1) / 1e9;
  const engineOk = child.status === 0;
  let same = false;
  if (engineOk) {
    const r = JSON.parse(child.stdout.toString());
    const total = out.find((x) => Number(x.motcua_is_total) === 1);
    same = Number(total.c03_total) === r.total.counts.received && Number(total.c10_late) === r.total.counts.late && Number(total.c13_overdue) === r.total.counts.overdue;
  }
  const label = `${rows.toLocaleString('en')} rows, ${mb.toFixed(0)} MB CSV`;
  return {
    rows: [
      { group, name: `DuckDB, generated reportSql over typed read_csv, ${label}`, opsPerSec: rows / typedS, nsPerOp: (typedS * 1e9) / rows, note: `${typedS.toFixed(2)} s` },
      ...(engineOk ? [{ group, name: `motcua report --engine duckdb (CLI), ${label}`, opsPerSec: rows / engineS, nsPerOp: (engineS * 1e9) / rows, note: `${engineS.toFixed(2)} s wall, cells normalised and checked in SQL` }] : []),
    ],
    notes: engineOk ? [`generated SQL and --engine duckdb agree on the totals: ${same ? 'yes' : 'NO'}`] : [`motcua report --engine duckdb failed: ${child.stderr.toString().slice(0, 300)}`],
    targets: engineOk ? [{ group, name: 'the generated SQL and --engine duckdb give the same totals', actual: same ? 'identical' : 'different', pass: same }] : [],
  };
}
