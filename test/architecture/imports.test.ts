/**
 * Layering (#15): a module reaches another module only through its public surface or the shared
 * foundation under src/_lib, never through another module's private `_lib` folder. This reads the
 * import paths of every source file and fails on a new crossing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (/\.(ts|mts)$/.test(e.name)) out.push(p);
  }
  return out;
}

/** The module a source path belongs to (`calendar`, `dossier`, ...), or `_lib` for the shared foundation. */
function moduleOf(rel: string): string {
  const parts = rel.split('/');
  return parts.length > 1 ? parts[0]! : '.';
}

/**
 * Crossings left on purpose, each to be removed by its owner: the Node and CLI entries read CSV with
 * the kpi module's byte scanner (src/kpi/_lib/fastCsv.ts), which is not part of the kpi surface.
 */
const KNOWN: ReadonlySet<string> = new Set(['node/summarizeFile.ts -> kpi/_lib/fastCsv', 'node/_scan.ts -> kpi/_lib/fastCsv', 'cli/report.ts -> kpi/_lib/fastCsv']);

function crossings(): string[] {
  const out: string[] = [];
  for (const file of sources(SRC)) {
    const rel = relative(SRC, file).split('\\').join('/');
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g)) {
      const spec = (m[1] ?? m[2])!;
      const target = relative(SRC, resolve(dirname(file), spec)).split('\\').join('/');
      const parts = target.split('/');
      const k = parts.indexOf('_lib');
      if (k <= 0) continue; // src/_lib (the shared foundation) or no private folder
      const owner = parts.slice(0, k).join('/');
      if (moduleOf(rel) === parts[0] && rel.startsWith(`${owner}/`)) continue;
      out.push(`${rel} -> ${target}`);
    }
  }
  return out.sort();
}

describe('module layering', () => {
  it("no module imports another module's private _lib (beyond the listed, owned exceptions)", () => {
    const found = crossings();
    expect(found.filter((c) => !KNOWN.has(c))).toEqual([]);
  });

  it('the dossier and the calendar share civil dates, instants and the working-time index through src/_lib/civil', () => {
    const found = crossings();
    expect(found.filter((c) => c.startsWith('dossier/') || c.startsWith('kpi/') || c.startsWith('calendar/'))).toEqual([]);
    const clock = readFileSync(join(SRC, 'dossier/_lib/clock.ts'), 'utf8');
    expect(clock).toMatch(/from '\.\.\/\.\.\/_lib\/civil\/workIndex'/);
    expect(clock).not.toMatch(/calendar\/_lib|calendar\/createCalendar/);
  });

  it('the check sees a crossing when there is one (its own regular expression is not blind)', () => {
    const text = "import { x } from '../../calendar/_lib/hours';\nexport { y } from '../calendar/_lib/civil';";
    const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"](\.[^'"]+)['"]/g)].map((m) => m[1]);
    expect(specs).toEqual(['../../calendar/_lib/hours', '../calendar/_lib/civil']);
  });
});
