// The optional peer @duckdb/node-api: its range must admit the published releases, all of which
// are semver prereleases ("1.5.6-r.1"), under the rule npm applies (semver.satisfies, loose, no
// includePrerelease: @npmcli/arborist dep-valid.js). `>=1.1.0`, the range of 0.1.0, matched none.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
const range: string = pkg.peerDependencies['@duckdb/node-api'];
/** As npm decides whether an installed peer satisfies the declared range. */
const npmAccepts = (version: string, r = range) => semver.satisfies(version, r, true);

/** `npm view @duckdb/node-api versions` on 2026-12-05. */
const PUBLISHED = ['1.1.2-alpha.4', '1.1.3-alpha.4', '1.1.3-alpha.7', '1.1.3-alpha.9', '1.1.3-alpha.10', '1.1.3-alpha.11', '1.1.3-alpha.12', '1.2.0-alpha.13', '1.2.0-alpha.14', '1.2.0-alpha.15', '1.2.1-alpha.16', '1.2.1-alpha.17', '1.2.2-alpha.18', '1.2.2-alpha.19', '1.3.0-alpha.21', '1.3.1-alpha.22', '1.3.1-alpha.23', '1.3.2-alpha.24', '1.3.2-alpha.25', '1.3.2-alpha.26', '1.3.4-alpha.27', '1.4.0-r.1', '1.4.0-r.2', '1.4.1-r.1', '1.4.1-r.2', '1.4.1-r.4', '1.4.1-r.5', '1.4.2-r.1', '1.4.3-r.1', '1.4.3-r.2', '1.4.3-r.3', '1.4.4-r.1', '1.4.4-r.2', '1.4.4-r.3', '1.4.4-r.4', '1.4.5-r.1', '1.5.0-r.1', '1.5.1-r.1', '1.5.1-r.2', '1.5.2-r.1', '1.5.2-r.2', '1.5.3-r.1', '1.5.3-r.2', '1.5.3-r.3', '1.5.4-r.1', '1.5.5-r.1', '1.5.5-r.2', '1.5.5-r.3', '1.5.5-r.4', '1.5.5-r.5', '1.5.6-r.1'];

describe('the @duckdb/node-api peer range', () => {
  it('is a valid range, and the old ">=1.1.0" indeed matched no published version', () => {
    expect(semver.validRange(range, true)).not.toBeNull();
    expect(PUBLISHED.filter((v) => npmAccepts(v, '>=1.1.0'))).toEqual([]);
    expect(PUBLISHED.filter((v) => npmAccepts(v, '>=1.4.0-0'))).toEqual(['1.4.0-r.1', '1.4.0-r.2']);
  });

  it('admits every published release from 1.4.0 (the oldest the CLI is tested with) and none before', () => {
    const admitted = PUBLISHED.filter((v) => npmAccepts(v));
    expect(admitted[0]).toBe('1.4.0-r.1');
    expect(admitted).toEqual(PUBLISHED.filter((v) => semver.gte(v, '1.4.0-0')));
  });

  it('admits the devDependency the tests run with, the next patch releases and plain 1.x releases, not 2.x', () => {
    expect(npmAccepts(pkg.devDependencies['@duckdb/node-api'])).toBe(true);
    expect(['1.5.7-r.1', '1.5.9-r.3', '1.4.0', '1.5.6', '1.9.0'].map((v) => npmAccepts(v))).toEqual([true, true, true, true, true]);
    expect(['2.0.0', '2.0.0-r.1', '1.3.4-alpha.27', '1.3.9'].map((v) => npmAccepts(v))).toEqual([false, false, false, false]);
  });
});
