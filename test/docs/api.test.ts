// `npm run docs` (typedoc, warnings are errors) builds the API site, one module per subpath (issue #20).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');

describe('npm run docs', () => {
  it('builds the static API site with a module for every subpath the package exports', async () => {
    const out = mkdtempSync(join(tmpdir(), 'motcua-api-'));
    // the same typedoc.json as `npm run docs`, written elsewhere; a warning fails it (treatWarningsAsErrors)
    await promisify(execFile)(join(root, 'node_modules/.bin/typedoc'), ['--out', join(out, 'site'), '--json', join(out, 'api.json')], { cwd: root, maxBuffer: 16 << 20 });
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const subpaths = Object.keys(pkg.exports).filter((e) => e !== './package.json' && !e.endsWith('.json')).map((e) => (e === '.' ? 'motcua' : e.slice(2)));
    const api = JSON.parse(readFileSync(join(out, 'api.json'), 'utf8')) as { children: { name: string; children?: unknown[] }[] };
    expect(api.children.map((c) => c.name).sort()).toEqual(subpaths.sort());
    for (const m of api.children) expect(m.children?.length, m.name).toBeGreaterThan(0);
    for (const m of subpaths) expect(existsSync(join(out, 'site/modules', `${m}.html`)), m).toBe(true);
    expect(readFileSync(join(out, 'site/functions/motcua.addWorkingDays.html'), 'utf8')).toContain('2026-02-23');
  }, 300_000);
});
