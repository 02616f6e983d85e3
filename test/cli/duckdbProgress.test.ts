// The DuckDB engine shows progress too (issue #20): the pre-scan by bytes, DuckDB's load by its
// own query progress, then the checks and the report; the bar draws on stderr's terminal.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportWithDuckDb } from '../../src/cli/_engineDuckdb';
import { main } from '../../src/cli/main';
import { period, sampleRecords } from '../../src/kpi/index';
import { fakeIo } from './_io';

let hasDuckDb = true;
try {
  await import('@duckdb/node-api');
} catch {
  hasDuckDb = false;
}

/** The sample year as a CSV export, repeated `times` with distinct ids. */
function exportCsv(times: number): string {
  const records = sampleRecords({ year: 2024 }) as unknown as Record<string, unknown>[];
  const keys = [...new Set(records.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown) => (v === null || v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
  const lines = [keys.join(',')];
  for (let t = 0; t < times; t++) for (const r of records) lines.push(keys.map((k) => cell(k === 'id' ? `${r.id}-${t}` : r[k])).join(','));
  return `${lines.join('\n')}\n`;
}

describe.skipIf(!hasDuckDb)(`--engine duckdb progress${hasDuckDb ? '' : ' (skipped: @duckdb/node-api, an optional peer, is not installed)'}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-duck-progress-'));

  it('reportWithDuckDb tells its progress, rising to 1000 of 1000, and the report is the same without it', async () => {
    const file = join(dir, 'small.csv');
    writeFileSync(file, exportCsv(2));
    const calls: [number, number][] = [];
    const options = { period: period('2024'), groupBy: ['field' as const], policy: {} };
    const withBar = await reportWithDuckDb(file, { ...options, onProgress: (d, t) => calls.push([d, t]) });
    const without = await reportWithDuckDb(file, options);
    expect(withBar.summary).toEqual(without.summary);
    expect(withBar.rows).toBe(without.rows);
    expect(calls.length).toBeGreaterThanOrEqual(3);
    expect(calls.every(([, t]) => t === 1000)).toBe(true);
    expect(calls.map(([d]) => d)).toEqual([...calls.map(([d]) => d)].sort((a, b) => a - b)); // never goes back
    expect(new Set(calls.map(([d]) => d)).size).toBe(calls.length); // never twice the same
    expect(calls.at(-1)).toEqual([1000, 1000]);
    expect(calls.some(([d]) => d > 0 && d <= 400)).toBe(true); // the pre-scan's share
  }, 60_000);

  it('motcua report --engine duckdb draws the bar on stderr when it is a terminal, none otherwise', async () => {
    const file = join(dir, 'big.csv');
    writeFileSync(file, exportCsv(14)); // over the 5 MB from which the bar shows
    for (const isTTY of [true, false]) {
      const tty = Object.assign(fakeIo(), { isTTY });
      const code = await main(['report', file, '--engine', 'duckdb', '--period', '2024', '--format', 'json', '--assume', 'pausedSince=none,componentsFromStore=false'], tty);
      expect(code, tty.err).toBe(0);
      expect(JSON.parse(tty.out).total.counts.received).toBeGreaterThan(10_000);
      if (isTTY) {
        expect(tty.err).toMatch(/\r\[[█░]{30}\] \d+%/);
        expect(tty.err).toMatch(/\r\[█{30}\] 100%\n/);
      } else expect(tty.err).not.toMatch(/\r\[/);
    }
    // a refusal after the bar starts on a line of its own
    const refused = Object.assign(fakeIo(), { isTTY: true });
    expect(await main(['report', file, '--engine', 'duckdb', '--period', '2024', '--format', 'json'], refused)).toBe(2);
    expect(refused.err).toMatch(/\] \d+%\nmotcua report: .*INVALID_INPUT/);
  }, 120_000);
});
