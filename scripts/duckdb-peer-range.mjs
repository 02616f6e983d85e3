#!/usr/bin/env node
// Prints (or, with --write, sets) the peer range of @duckdb/node-api in package.json.
//
// Every @duckdb/node-api release is a semver prerelease ("1.5.6-r.1"), and npm (like semver)
// lets a prerelease satisfy a range only when a comparator names the same major.minor.patch
// with a prerelease tag: ">=1.4.0" or ">=1.4.0-0" match none of them. So the range lists one
// "^X.Y.Z-0" per patch: each admits that patch's prereleases and any later plain 1.x release.
// The patches are the published ones from MIN on, plus the next patches of the newest minor
// (NEXT_PATCHES) so that a DuckDB patch release does not break `npm install @duckdb/node-api`
// before motcua is republished. Run it when DuckDB publishes a new minor.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const MIN = [1, 4, 0]; // the oldest release the CLI is tested with (DuckDB 1.4 LTS)
const NEXT_PATCHES = 3;

const versions = JSON.parse(execFileSync('npm', ['view', '@duckdb/node-api', 'versions', '--json']).toString());
const cmp = (a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
const tuples = new Map();
for (const v of versions) {
  const t = v.split('-')[0].split('.').map(Number);
  if (t[0] === MIN[0] && cmp(t, MIN) >= 0) tuples.set(t.join('.'), t);
}
const sorted = [...tuples.values()].sort(cmp);
const last = sorted.at(-1);
for (let i = 1; i <= NEXT_PATCHES; i++) sorted.push([last[0], last[1], last[2] + i]);
const range = sorted.map((t) => `^${t.join('.')}-0`).join(' || ');
if (process.argv.includes('--write')) {
  const path = new URL('../package.json', import.meta.url);
  const pkg = JSON.parse(readFileSync(path, 'utf8'));
  pkg.peerDependencies['@duckdb/node-api'] = range;
  writeFileSync(path, `${JSON.stringify(pkg, null, 2)}\n`);
}
console.log(range);
