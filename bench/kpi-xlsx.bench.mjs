/**
 * KPI from a workbook: `motcua report` on a generated 1,000,000-row .xlsx (shared strings with a
 * unique dossier code per row, serial dates, streamed through the zip and the sheet reader)
 * against the same rows as CSV (the byte reader on one thread), in the same run. Reports both
 * times, both peak memories (goal: the workbook read under 300 MB), and checks both give the same
 * Biểu II.06a table.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dossierCsv } from './_lib/dossier-csv.mjs';
import { importTs } from './_lib/ts.mjs';

export const group = 'kpi-xlsx';

export async function run({ dist, quick = false }) {
  const kpi = await dist.import('kpi');
  const rows = Number(process.env.MOTCUA_BENCH_XLSX_ROWS ?? (quick ? 100_000 : 1_000_000));
  const root = fileURLToPath(new URL('../', import.meta.url));
  const csv = await dossierCsv(kpi, rows);
  const { dossierXlsx } = await importTs('bench/_lib/dossier-xlsx.ts');
  const xlsx = await dossierXlsx(root, rows);
  const from = '2022-01-01';
  const to = '2024-12-31';
  const cli = (file, extra) => {
    const t0 = process.hrtime.bigint();
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', `
    process.on('exit', () => process.stderr.write('MAXRSS ' + process.resourceUsage().maxRSS + '\\n'));
    process.argv = [process.argv[0], 'motcua', 'report', ${JSON.stringify(file)}, '--from', '${from}', '--to', '${to}', '--format', 'json', ...${JSON.stringify(extra)}];
    await import(${JSON.stringify(fileURLToPath(new URL('cli.js', dist.dir)))});`], { maxBuffer: 1 << 28 });
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    if (child.status !== 0) throw new Error(`motcua report ${file} failed (${child.status}): ${child.stderr.toString().slice(0, 2000)}`);
    return { s, out: JSON.parse(child.stdout.toString()), peakMb: Number(/MAXRSS (\d+)/.exec(child.stderr.toString())?.[1] ?? NaN) / 1024 };
  };
  const a = cli(xlsx, []);
  const b = cli(csv, ['--threads', '1']);
  const same = JSON.stringify(a.out.rows) === JSON.stringify(b.out.rows) && a.out.rejectedCount === 0 && b.out.rejectedCount === 0;
  const xmb = statSync(xlsx).size / 1e6;
  const cmb = statSync(csv).size / 1e6;
  return {
    rows: [
      { group, name: `motcua report on .xlsx, ${rows.toLocaleString('en')} rows, ${xmb.toFixed(0)} MB workbook`, opsPerSec: rows / a.s, nsPerOp: (a.s * 1e9) / rows, note: `${a.s.toFixed(2)} s wall, including Node start-up; peak ${a.peakMb.toFixed(0)} MB` },
      { group, name: `motcua report on the same rows as CSV (--threads 1), ${cmb.toFixed(0)} MB`, opsPerSec: rows / b.s, nsPerOp: (b.s * 1e9) / rows, note: `${b.s.toFixed(2)} s wall; peak ${b.peakMb.toFixed(0)} MB` },
    ],
    metrics: [
      { group, name: '.xlsx / CSV time ratio', value: a.s / b.s, unit: '×', note: same ? 'identical tables' : 'TABLES DIFFER' },
      { group, name: 'motcua report on .xlsx: peak RSS (whole process)', value: a.peakMb, unit: 'MB', note: `${xmb.toFixed(0)} MB workbook, ${rows.toLocaleString('en')} unique shared strings` },
      { group, name: 'motcua report on CSV: peak RSS (whole process)', value: b.peakMb, unit: 'MB' },
    ],
    targets: [
      { group, name: '.xlsx and CSV give identical II.06a tables', actual: same ? 'identical' : 'different', pass: same },
      { group, name: 'motcua report on a 1M-row .xlsx: peak memory < 300 MB', actual: `${a.peakMb.toFixed(0)} MB (${rows.toLocaleString('en')} rows)`, pass: a.peakMb < 300 },
    ],
  };
}
