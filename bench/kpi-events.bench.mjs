/**
 * KPI from an event log (#18): `motcua report --events` (the built CLI, `dist/cli.js`, in its own
 * process) on a generated NDJSON file of 1,000,000 dossiers (bench/_lib/dossier-events.ts: 5-10
 * events each, about 1 GB, written once into .bench-tmp/ and reused), with the default threads (all
 * cores for a file over 32 MB) and with `--threads 1`; beside it, in the same run, the input floor:
 * the same file read in 1 MiB chunks, decoded as UTF-8 and every line given to `JSON.parse`, on one
 * thread, with nothing else done. Reports dossiers per second (wall clock, Node start-up included),
 * CPU seconds (user + system, all threads), peak RSS of the process, the ratio to the floor, the
 * load average around each run (the machine may be shared), and checks that 1 thread and worker
 * threads print the same report.
 *
 * Targets (#18): ≥ 50,000 dossiers/s end to end, peak RSS < 300 MB.
 *
 * `--quick`: 100,000 dossiers. `MOTCUA_BENCH_EVENTS=N` sets the dossier count.
 * `MOTCUA_BENCH_EVENTS_LONG=1` adds the long row: a 10,000,000-dossier file (about 10 GB, written
 * once) reported with the default threads, which must finish within the same memory.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { importTs } from './_lib/ts.mjs';

export const group = 'kpi-events';

const root = fileURLToPath(new URL('../', import.meta.url));
const dir = `${root}.bench-tmp`;
const FROM = '2022-01-01';
const TO = '2024-12-31';
const SEED = 18;

/** The generated event log of `n` dossiers, its catalogue and facts, written if missing. */
async function eventsFiles(n) {
  mkdirSync(dir, { recursive: true });
  const lib = await importTs('bench/_lib/dossier-events.ts');
  const catalog = `${dir}/events-catalog.json`;
  const facts = `${dir}/events-facts.json`;
  writeFileSync(catalog, JSON.stringify(lib.eventsCatalog()));
  writeFileSync(facts, JSON.stringify(lib.EVENTS_FACTS));
  const file = `${dir}/events-${n}-seed${SEED}.ndjson`;
  if (!existsSync(file)) {
    const tmp = `${file}.${process.pid}.part`;
    await lib.writeEventsFile(tmp, n, SEED);
    renameSync(tmp, file);
  }
  return { file, catalog, facts };
}

const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');

/** Run `code` (an ES module body) in its own Node process; the child reports its peak RSS and CPU time on stderr. */
function child(code) {
  const before = load();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('\\nMAXRSS ' + u.maxRSS + ' CPU ' + (u.userCPUTime + u.systemCPUTime) + '\\n'); });
${code}`,
    ],
    { maxBuffer: 1 << 28 }
  );
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  const err = r.stderr.toString();
  const m = /MAXRSS (\d+) CPU (\d+)/.exec(err);
  return { status: r.status, stdout: r.stdout.toString(), stderr: err, s, peakMb: m ? Number(m[1]) / 1024 : NaN, cpuS: m ? Number(m[2]) / 1e6 : NaN, load: `${before} → ${load()}` };
}

/** `motcua report --events` through the built CLI (exit 0, or 1 when some dossiers were rejected). */
function cli(dist, f, extra) {
  const argv = ['motcua', 'report', '--events', f.file, '--catalog', f.catalog, '--facts', f.facts, '--from', FROM, '--to', TO, '--group-by', 'agency', '--assume', 'componentsFromStore=false', '--format', 'json', ...extra];
  const r = child(`process.argv = [process.argv[0], ...${JSON.stringify(argv)}];
await import(${JSON.stringify(fileURLToPath(new URL('cli.js', dist.dir)))});`);
  if (r.status !== 0 && r.status !== 1) throw new Error(`motcua report --events ${extra.join(' ')} failed (exit ${r.status}): ${r.stderr.slice(0, 2000)}`);
  const out = JSON.parse(r.stdout);
  return { ...r, out };
}

/** The input floor: read in 1 MiB chunks, decode whole lines as UTF-8 a block at a time, `JSON.parse` every line; nothing else. */
function floor(f) {
  const r = child(`
import { openSync, readSync, closeSync } from 'node:fs';
const fd = openSync(${JSON.stringify(f.file)}, 'r');
const buf = Buffer.allocUnsafe(1 << 20);
let have = 0, lines = 0, keys = 0;
for (;;) {
  const got = readSync(fd, buf, have, buf.length - have, null);
  const len = have + got;
  const cut = got === 0 ? len : buf.lastIndexOf(10, len - 1) + 1;
  const text = buf.toString('utf8', 0, cut);
  let s = 0;
  while (s < text.length) {
    let e = text.indexOf('\\n', s);
    if (e < 0) e = text.length;
    if (e > s) { const v = JSON.parse(text.slice(s, e)); lines++; if (v.dossierId) keys++; }
    s = e + 1;
  }
  if (got === 0) break;
  buf.copy(buf, 0, cut, len);
  have = len - cut;
}
closeSync(fd);
process.stdout.write(JSON.stringify({ lines, keys }));`);
  if (r.status !== 0) throw new Error(`the floor failed: ${r.stderr.slice(0, 2000)}`);
  return { ...r, out: JSON.parse(r.stdout) };
}

const int = (x) => Math.round(x).toLocaleString('en');

export async function run({ dist, quick = false }) {
  const n = Number(process.env.MOTCUA_BENCH_EVENTS) || (quick ? 100_000 : 1_000_000);
  const f = await eventsFiles(n);
  const mb = statSync(f.file).size / 1e6;
  const cores = availableParallelism();

  const fl = floor(f);
  const auto = cli(dist, f, []);
  const one = cli(dist, f, ['--threads', '1']);
  const threads = auto.out.events.threads;
  const dossiers = auto.out.events.dossiers;
  const same = JSON.stringify({ ...auto.out, events: { ...auto.out.events, threads: 0 } }) === JSON.stringify({ ...one.out, events: { ...one.out.events, threads: 0 } }) && auto.stderr.replace(/\nMAXRSS.*\n$/, '') === one.stderr.replace(/\nMAXRSS.*\n$/, '');
  const label = `${n.toLocaleString('en')} dossiers, ${fl.out.lines.toLocaleString('en')} events, ${mb.toFixed(0)} MB NDJSON`;
  const note = (r) => `${r.s.toFixed(2)} s wall incl. Node start-up, ${r.cpuS.toFixed(2)} s CPU (user+sys, all threads), peak RSS ${r.peakMb.toFixed(0)} MB, load average ${r.load}`;
  const rows = [
    { group, name: `motcua report --events (CLI, default threads), ${label}`, opsPerSec: n / auto.s, nsPerOp: (auto.s * 1e9) / n, note: `${note(auto)}; ${threads} thread(s); ${int(n / auto.cpuS)} dossiers per CPU-second` },
    { group, name: `motcua report --events --threads 1, ${n.toLocaleString('en')} dossiers`, opsPerSec: n / one.s, nsPerOp: (one.s * 1e9) / n, note: `${note(one)}; ${int(n / one.cpuS)} dossiers per CPU-second` },
    { group, name: `input floor: read + UTF-8 decode + JSON.parse of every line, 1 thread, same file`, opsPerSec: n / fl.s, nsPerOp: (fl.s * 1e9) / n, note: `${note(fl)}; ${fl.out.lines.toLocaleString('en')} lines` },
  ];
  const metrics = [
    { group, name: `report --events (${threads} threads) / floor (1 thread), wall`, value: auto.s / fl.s, unit: '×', note: `CPU ${(auto.cpuS / fl.cpuS).toFixed(2)}×` },
    { group, name: 'report --events --threads 1 / floor (1 thread), wall', value: one.s / fl.s, unit: '×', note: `CPU ${(one.cpuS / fl.cpuS).toFixed(2)}×` },
    { group, name: 'report --events peak RSS (whole process)', value: Math.max(auto.peakMb, one.peakMb), unit: 'MB', note: `${threads} threads ${auto.peakMb.toFixed(0)} MB, 1 thread ${one.peakMb.toFixed(0)} MB` },
  ];
  const targets = [
    { group, name: `report --events ≥ 50,000 dossiers/s end to end on ${n.toLocaleString('en')} dossiers (${cores} cores)`, actual: `${int(n / auto.s)} dossiers/s (${threads} threads; ${int(n / auto.cpuS)} per CPU-second; the floor ${int(n / fl.s)}/s on 1 thread)`, pass: n / auto.s >= 50_000 },
    { group, name: 'report --events peak memory < 300 MB', actual: `${Math.max(auto.peakMb, one.peakMb).toFixed(0)} MB`, pass: Math.max(auto.peakMb, one.peakMb) < 300 },
    { group, name: 'report --events: the same report and rejections on 1 thread and on worker threads', actual: same ? 'identical' : 'different', pass: same },
  ];
  const notes = [`kpi-events: ${dossiers.toLocaleString('en')} dossiers replayed, ${auto.out.counted.toLocaleString('en')} counted in ${FROM}..${TO}, ${auto.out.rejectedCount} rejected; the figures are wall clock on a machine that may be shared: read them with the load average and the CPU seconds`];

  if (process.env.MOTCUA_BENCH_EVENTS_LONG === '1') {
    const N = 10_000_000;
    const g = await eventsFiles(N);
    const gb = statSync(g.file).size / 1e9;
    const long = cli(dist, g, []);
    rows.push({ group, name: `motcua report --events (CLI, default threads), ${N.toLocaleString('en')} dossiers, ${gb.toFixed(1)} GB NDJSON`, opsPerSec: N / long.s, nsPerOp: (long.s * 1e9) / N, note: `${note(long)}; ${long.out.events.threads} thread(s)` });
    targets.push({ group, name: `report --events on ${N.toLocaleString('en')} dossiers completes, peak RSS < 300 MB`, actual: `${long.out.events.dossiers.toLocaleString('en')} dossiers, ${long.peakMb.toFixed(0)} MB`, pass: long.out.events.dossiers === N && long.peakMb < 300 });
  }
  return { rows, metrics, targets, notes };
}
