// Publishing checks: the build, publint, are-the-types-wrong, the tarball's contents and the size budgets.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { publint } from 'publint';
import { beforeAll, describe, expect, it } from 'vitest';
import { entries, nodeEntries } from '../../tsup.config';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = (name: string) => `${root}node_modules/.bin/${name}`;
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));

/** Gzipped size budgets of the core entry points, bundled and minified (zod must stay out of them). */
const BUDGETS_KB: Record<string, number> = { calendar: 16, dossier: 30, sql: 12, procedure: 32 /* the whole entry, with the bundled sample catalogue; dueDateFor alone is ~12 KB */ };

/** Runs a command without blocking the worker (a long execFileSync starves vitest's RPC: "Timeout calling onTaskUpdate"). */
const run = async (cmd: string, args: string[], cwd: string) => (await promisify(execFile)(cmd, args, { cwd, maxBuffer: 64 << 20 })).stdout;

beforeAll(async () => {
  await run(bin('tsup'), ['--silent'], root);
}, 180_000);

describe('the published package', () => {
  it('passes publint with no errors or warnings', async () => {
    const { messages } = await publint({ pkgDir: root, level: 'warning', pack: 'npm' });
    expect(messages.map((m) => `${m.type} ${m.code} ${m.path.join('.')}`)).toEqual([]);
  }, 60_000);

  it('has correct types for ESM and CJS in every entry (are-the-types-wrong, node16 + bundler)', async () => {
    // throws on a non-zero exit code, i.e. on any problem
    const out = await run(bin('attw'), ['--pack', '.', '--profile', 'node16', '--format', 'json'], root);
    const report = JSON.parse(out.slice(out.indexOf('{')));
    // node10 (no "exports" support) cannot see subpaths by design; every other resolution must be clean
    const problems = Object.values(report.problems ?? {}).flat() as { kind: string; entrypoint: string; resolutionKind?: string }[];
    expect(problems.filter((p) => p.resolutionKind !== 'node10').map((p) => `${p.kind} ${p.entrypoint} ${p.resolutionKind}`)).toEqual([]);
  }, 120_000);

  it('packs only dist, data, README, LICENSE and package.json', async () => {
    const out = await run('npm', ['pack', '--dry-run', '--json'], root);
    const files: string[] = JSON.parse(out)[0].files.map((f: { path: string }) => f.path);
    expect(files.filter((f) => !/^(dist\/|data\/)/.test(f) && !['README.md', 'LICENSE', 'package.json'].includes(f))).toEqual([]);
    expect(files).toContain('data/vn-official-days.json');
    expect(files).toContain('dist/calendar.d.cts');
  }, 60_000);

  it('declares a subpath export with ESM, CJS and types for every entry', () => {
    for (const entry of ['.', './calendar', './procedure', './schema', './kpi', './dossier']) {
      const e = pkg.exports[entry];
      expect(e.import.types).toMatch(/\.d\.ts$/);
      expect(e.require.types).toMatch(/\.d\.cts$/);
    }
    expect(pkg.sideEffects).toBe(false);
  });

  for (const [entry, kb] of Object.entries(BUDGETS_KB)) {
    it(`keeps motcua/${entry} under ${kb} KB gzipped, without zod`, async () => {
      // tsup's bare chunk imports (`import './chunk-….js'`) are dropped as sideEffects: false allows; esbuild's note on it is silenced
      const result = await build({ entryPoints: [`${root}dist/${entry}.js`], bundle: true, minify: true, format: 'esm', platform: 'neutral', write: false, metafile: true, logOverride: { 'ignored-bare-import': 'silent' } });
      const size = gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
      expect(Object.keys(result.metafile.inputs).filter((f) => f.includes('node_modules/zod'))).toEqual([]);
      expect(size / 1024).toBeLessThan(kb);
    });
  }

  it('installs from the packed tarball in an empty folder, then the DuckDB peer with plain npm install; import, require and the CLI work', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-pack-'));
    const out = await run('npm', ['pack', '--json', '--pack-destination', dir], root);
    const tgz = join(dir, JSON.parse(out)[0].filename);
    writeFileSync(join(dir, 'package.json'), '{"name":"consumer","version":"1.0.0","private":true}');
    await run('npm', ['install', tgz, '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline'], dir);
    const esm = execFileSync('node', ['--input-type=module', '-e', "import { createCalendar, addWorkingDays } from 'motcua/calendar'; console.log(addWorkingDays('2026-02-13', 1, createCalendar()))"], { cwd: dir }).toString().trim();
    const cjs = execFileSync('node', ['-e', "const { createCalendar, addWorkingDays } = require('motcua/calendar'); console.log(addWorkingDays('2026-02-13', 1, createCalendar()))"], { cwd: dir }).toString().trim();
    const bin = execFileSync(join(dir, 'node_modules/.bin/motcua'), ['due', '--received', '2026-02-13T15:01+07:00', '--limit', '3 working-day', '--cutoff', '15:00', '--json'], { cwd: dir }).toString();
    expect([esm, cjs, JSON.parse(bin).dueDate]).toEqual(['2026-02-23', '2026-02-23', '2026-02-26']);
    // then the optional peer, as the README says (`npm install @duckdb/node-api`), with plain npm
    // (no --force, no --legacy-peer-deps): npm refuses it with ERESOLVE when the peer range of
    // motcua does not admit it, as the 0.1.0 range `>=1.1.0` did for every DuckDB release. The
    // version the tests use comes from the local npm cache when it is there.
    const duck = `@duckdb/node-api@${pkg.devDependencies['@duckdb/node-api']}`;
    await run('npm', ['install', duck, '--no-audit', '--no-fund', '--prefer-offline'], dir);
    await run(join(dir, 'node_modules/.bin/motcua'), ['calendar', 'export', '--from', '2026', '--to', '2026', '--format', 'parquet', '--out', 'cal.parquet'], dir);
    expect(readFileSync(join(dir, 'cal.parquet')).subarray(0, 4).toString()).toBe('PAR1');
  }, 240_000);

  it('runs from CJS and ESM', () => {
    const cjs = execFileSync('node', ['-e', "console.log(require('./dist/calendar.cjs').addWorkingDays('2026-02-13', 1))"], { cwd: root }).toString().trim();
    const esm = execFileSync('node', ['--input-type=module', '-e', "import { addWorkingDays } from './dist/calendar.js'; console.log(addWorkingDays('2026-02-13', 1))"], { cwd: root }).toString().trim();
    expect([cjs, esm]).toEqual(['2026-02-23', '2026-02-23']);
  });

  it('recognises an error thrown by the CJS build with the ESM build (isMotcuaError, isDossierError, instanceof)', async () => {
    const script = `
      import { createRequire } from 'node:module';
      import { isMotcuaError, MotcuaError } from './dist/calendar.js';
      import { isDossierError, DossierError } from './dist/dossier.js';
      import { isEventLogError } from './dist/kpi.js';
      const require = createRequire(import.meta.url);
      const cjs = require('./dist/calendar.cjs');
      const cjsDossier = require('./dist/dossier.cjs');
      let e, d;
      try { cjs.addWorkingDays('2025-02-30', 1); } catch (x) { e = x; }
      const procedure = { code: '1.000001', channels: [{ channel: 'direct', limit: { amount: 3, unit: 'working-day' } }], cutoff: null, clockStops: [], steps: null, immediate: false };
      try { cjsDossier.evolve(cjsDossier.initial({ procedure }), { id: 'e1', type: 'resolved', at: '2026-03-02T09:00+07:00' }); } catch (x) { d = x; }
      console.log(JSON.stringify([e.name, isMotcuaError(e), isMotcuaError(e, 'INVALID_DATE'), e instanceof MotcuaError, d.name, isDossierError(d), d instanceof DossierError, isEventLogError(d), e instanceof cjs.MotcuaError]));
    `;
    const out = await run('node', ['--input-type=module', '-e', script], root);
    expect(JSON.parse(out)).toEqual(['MotcuaError', true, true, true, 'DossierError', true, true, false, true]);
  });
});

// The commune tool (examples/commune-tool/index.html) imports the ESM build in a real browser.
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
describe.skipIf(!CHROMIUM && process.env.CI !== 'true')(`the commune tool in headless Chromium${CHROMIUM ? '' : ' (skipped: no /usr/bin/chromium; CI installs it and fails without it)'}`, () => {
  it('shows the appointment date for a procedure received at a given instant, from the ESM build', async () => {
    if (!CHROMIUM) throw new Error('CI=true but Debian chromium is not installed (.ci/run installs it)');
    const { chromium } = await import('playwright-core');
    const server = createServer(async (req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      try {
        const body = await readFile(join(root, path));
        res.writeHead(200, { 'content-type': path.endsWith('.html') ? 'text/html; charset=utf-8' : path.endsWith('.js') ? 'text/javascript' : 'application/octet-stream' });
        res.end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const port = (server.address() as { port: number }).port;
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ timezoneId: 'America/Los_Angeles' });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      // 15:30 on Friday 13/2/2026, the last working day before Tết (08:30 UTC)
      await page.goto(`http://127.0.0.1:${port}/examples/commune-tool/index.html?code=1.004873&at=2026-02-13T08:30:00Z`);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
      expect(errors).toEqual([]);
      expect(await page.inputValue('#received')).toBe('2026-02-13T15:30');
      expect(await page.textContent('#due')).toBe('Thứ Tư, 25/02/2026 (17:00)');
      await page.selectOption('#procedure', '2.000815');
      expect(await page.textContent('#limit')).toMatch(/trong ngày/);
      await page.selectOption('#procedure', '1.004873');
      await page.screenshot({ path: join(root, 'test/_examples/commune-tool.png'), fullPage: true });
    } finally {
      await browser.close();
      server.close();
    }
  }, 60_000);
});
