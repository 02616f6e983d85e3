#!/usr/bin/env node
/**
 * `npm run bench`: runs every `bench/*.bench.mjs` module against the built `dist/` and prints
 * one table, then writes `bench/results.json` (every run) and `bench/RESULTS.md` (full runs only,
 * committed as the snapshot the README cites).
 *
 * A bench module exports `async function run({ dist, quick })` and returns either an array of
 * rows `{ group, name, opsPerSec, nsPerOp, note?, ratios? }` or an object
 * `{ rows, ratios?, metrics?, targets?, notes? }`:
 * - `ratios`: `[{ group, name, ratio }]` (how many times faster motcua is than a peer), or per row
 *   `ratios: { peer: number }`;
 * - `metrics`: `[{ group, name, value, unit, note? }]` (set-up time, memory, …);
 * - `targets`: `[{ group, name, actual, pass }]`, printed PASS / MISSED (a miss never fails the run).
 * The group of a module is its `export const group` or else its file name (`kpi.bench.mjs` → `kpi`).
 * `dist` is `{ dir, calendar, index, import(name) }`: the built entry modules (`dist.import('kpi')`
 * loads `dist/kpi.js`). Helpers for modules live in `bench/_lib/measure.mjs`.
 *
 * Flags: `--only <group>` (repeatable or comma-separated), `--quick` (short timings, for smoke tests).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sink } from './_lib/measure.mjs';

const benchDir = new URL('./', import.meta.url);
const distDir = new URL('../dist/', import.meta.url);

function parseArgs(argv) {
  const only = [];
  let quick = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--only') {
      const v = argv[++i];
      if (!v) throw new Error('--only needs a group name');
      only.push(...v.split(','));
    } else if (a.startsWith('--only=')) only.push(...a.slice(7).split(','));
    else if (a === '--quick') quick = true;
    else if (a === '--help' || a === '-h') {
      console.log('node --expose-gc bench/run.mjs [--only <group>] [--quick]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  return { only: only.filter(Boolean), quick };
}

const fmtInt = (x) => (x == null || !Number.isFinite(x) ? '-' : Math.round(x).toLocaleString('en'));
const fmtNs = (x) => (x == null || !Number.isFinite(x) ? '-' : x >= 1e6 ? `${(x / 1e6).toFixed(2)} ms` : x >= 1e3 ? `${(x / 1e3).toFixed(2)} µs` : `${x.toFixed(1)} ns`);
const fmtRatio = (x) => (x >= 100 ? `${Math.round(x).toLocaleString('en')}×` : `${x.toFixed(1)}×`);
const fmtVal = (x) => (x == null ? '-' : x >= 100 ? x.toFixed(0) : x.toFixed(2));

/** Text table, columns aligned; `right` marks right-aligned columns. */
function table(head, body, right = []) {
  const all = [head, ...body];
  const w = head.map((_, c) => Math.max(...all.map((r) => [...String(r[c] ?? '')].length)));
  const line = (r) => r.map((v, c) => (right.includes(c) ? String(v ?? '').padStart(w[c]) : String(v ?? '').padEnd(w[c]))).join('  ').trimEnd();
  return [line(head), w.map((n) => '-'.repeat(n)).join('  '), ...body.map(line)].join('\n');
}

function mdTable(head, body) {
  const esc = (v) => String(v ?? '').replaceAll('|', '\\|');
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...body.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

function normalise(out, group) {
  const r = Array.isArray(out) ? { rows: out } : (out ?? {});
  const fill = (xs) => (xs ?? []).map((x) => ({ group, ...x }));
  const rows = fill(r.rows);
  const ratios = fill(r.ratios);
  for (const row of rows) {
    for (const [peer, ratio] of Object.entries(row.ratios ?? {})) ratios.push({ group: row.group, name: `${row.name} vs ${peer}`, ratio });
  }
  return { rows, ratios, metrics: fill(r.metrics), targets: fill(r.targets), notes: (r.notes ?? []).map((text) => ({ group, text })) };
}

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: fileURLToPath(benchDir), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

async function main() {
  const { only, quick } = parseArgs(process.argv.slice(2));
  if (!existsSync(new URL('calendar.js', distDir))) {
    console.error('bench: dist/ is missing: run `npm run build` first (or `npm run bench`).');
    process.exit(1);
  }
  const dist = {
    dir: distDir,
    calendar: await import(new URL('calendar.js', distDir).href),
    index: await import(new URL('index.js', distDir).href),
    import: (name) => import(new URL(`${name}.js`, distDir).href),
  };
  const files = readdirSync(benchDir)
    .filter((f) => f.endsWith('.bench.mjs'))
    .sort();

  const env = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cpus: os.cpus().length,
    gc: typeof globalThis.gc === 'function',
    quick,
  };
  console.log(`motcua bench: ${env.node}, ${env.platform}, ${env.cpu} ×${env.cpus}${quick ? ' (--quick)' : ''}${env.gc ? '' : ' (no --expose-gc: memory not measured)'}\n`);

  const all = { rows: [], ratios: [], metrics: [], targets: [], notes: [], errors: [] };
  let ran = 0;
  for (const file of files) {
    const mod = await import(new URL(file, benchDir).href);
    const group = mod.group ?? file.slice(0, -'.bench.mjs'.length);
    if (only.length && !only.includes(group)) continue;
    if (typeof mod.run !== 'function') {
      all.errors.push({ group, text: `${file} does not export run()` });
      continue;
    }
    process.stdout.write(`running ${file} …\n`);
    const t0 = performance.now();
    try {
      const r = normalise(await mod.run({ dist, quick }), group);
      for (const k of ['rows', 'ratios', 'metrics', 'targets', 'notes']) all[k].push(...r[k]);
      ran++;
    } catch (e) {
      all.errors.push({ group, text: `${file} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}` });
    }
    process.stdout.write(`  done in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  }
  if (only.length && ran === 0 && all.errors.length === 0) {
    console.error(`bench: no module for group ${only.join(', ')}; have: ${files.map((f) => f.slice(0, -10)).join(', ')}`);
    process.exit(2);
  }

  const rowBody = all.rows.map((r) => [r.group, r.name, fmtNs(r.nsPerOp), fmtInt(r.opsPerSec), Object.entries(r.ratios ?? {}).map(([p, x]) => `${fmtRatio(x)} ${p}`).join(', ')]);
  const rowHead = ['group', 'name', 'ns/op', 'ops/s', 'faster than'];
  const ratioBody = all.ratios.filter((r) => !all.rows.some((row) => row.ratios && r.name.startsWith(`${row.name} vs `))).map((r) => [r.group, r.name, fmtRatio(r.ratio)]);
  const metricBody = all.metrics.map((m) => [m.group, m.name, `${fmtVal(m.value)} ${m.unit}`, m.note ?? '']);
  const targetBody = all.targets.map((t) => [t.group, t.pass ? 'PASS' : 'MISSED', t.name, t.actual ?? '']);
  const rowNotes = all.rows.filter((r) => r.note).map((r) => `${r.group} / ${r.name}: ${r.note}`);

  const out = [];
  out.push(table(rowHead, rowBody, [2, 3]));
  if (ratioBody.length) out.push('', table(['group', 'ratio', 'faster'], ratioBody, [2]));
  if (metricBody.length) out.push('', table(['group', 'metric', 'value', 'note'], metricBody, [2]));
  if (targetBody.length) out.push('', table(['group', 'target', 'goal', 'measured'], targetBody.map(([g, s, n, a]) => [g, s, n, a])));
  if (rowNotes.length || all.notes.length) out.push('', 'Notes:', ...rowNotes.map((n) => `- ${n}`), ...all.notes.map((n) => `- ${n.text}`));
  if (all.errors.length) out.push('', 'Errors:', ...all.errors.map((e) => `- ${e.text}`));
  out.push('', `(checksum ${sink.value})`);
  console.log(`\n${out.join('\n')}`);

  const json = { env, ...all, checksum: sink.value };
  writeFileSync(new URL('results.json', benchDir), `${JSON.stringify(json, null, 2)}\n`);
  if (!only.length && !quick) {
    const md = [
      '# Benchmark results',
      '',
      `Snapshot written by \`npm run bench\` (bench/run.mjs) on ${env.date.slice(0, 10)}, commit ${env.commit ?? 'unknown'}: Node ${env.node}, ${env.platform}, ${env.cpu} ×${env.cpus}.`,
      'Absolute times depend on the machine; the ratios are measured in the same run and travel better.',
      '',
      '## Throughput',
      '',
      mdTable(rowHead, rowBody),
      '',
      '## Set-up and memory',
      '',
      mdTable(['group', 'metric', 'value', 'note'], metricBody),
      '',
      '## Targets',
      '',
      mdTable(['group', 'result', 'target', 'measured'], targetBody),
      '',
      '## Notes',
      '',
      ...rowNotes.map((n) => `- ${n}`),
      ...all.notes.map((n) => `- ${n.text}`),
      ...(all.errors.length ? ['', '## Errors', '', ...all.errors.map((e) => `- ${e.text}`)] : []),
      '',
    ].join('\n');
    writeFileSync(new URL('RESULTS.md', benchDir), md);
    console.log('\nwrote bench/results.json and bench/RESULTS.md');
  } else console.log('\nwrote bench/results.json (RESULTS.md is only written by a full run)');
  if (all.errors.length) process.exitCode = 1;
}

await main();
