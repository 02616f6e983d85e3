/**
 * `motcua report --engine duckdb` against the JS engine on hostile CSV files (#14): on every file,
 * DuckDB either refuses with a typed error, or gives the same table and rejects the same lines as
 * the JS reader. It is never chosen on its own. Bounded run counts (DuckDB opens once per file).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { reportWithDuckDb } from '../../src/cli/_engineDuckdb';
import { main } from '../../src/cli/main';
import { isMotcuaError } from '../../src/errors';
import { add, createAccumulator, type DossierRecord, period, readRecords, result } from '../../src/kpi/index';
import { fakeIo } from '../cli/_io';
import { MUTATIONS, RECORD_HEADER, type RecordCsv, recordCells, recordCsvArb, recordCsvArbOf, recordCsvText } from './_csvFiles';

let duckdb = true;
try {
  await import('@duckdb/node-api');
} catch {
  duckdb = false;
}

const dir = mkdtempSync(join(tmpdir(), 'motcua-duckfuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = RECORD_HEADER;
const cells = recordCells;
// Most rows of recordCsvArb are changed, so most of its files are refused; recordCsvArbOf(8)
// files are mostly read by both engines. Half of each keeps both outcomes in play.
const fileArb = fc.oneof(recordCsvArb, recordCsvArbOf(8));
const BASE: DossierRecord = { id: 'H1', procedureCode: '1.001193', field: 'Hộ tịch', agency: 'UBND xã A', level: 'commune', channel: 'online', receivedOn: '2024-01-03', dueOn: '2024-01-05', originalDueOn: null, finishedOn: '2024-01-04', finishedAs: 'resolved', returnedOn: null, pausedSince: null, pausedFor: null, supplements: 0, extensions: 0, digitised: true, eResult: true, paperResultRequired: null, feeDue: false, paidOnline: false, synced: true, complaint: false, reusedData: false, dataStored: false, componentsFromStore: false };
/** Fixed first cases, so both outcomes occur whatever the seed: a clean file, and one with an empty last line. */
const EXAMPLES: [RecordCsv, string][] = [
  [{ rows: [[BASE, undefined]], eol: '\n', bom: false, trailing: '' }, '2024-Q1'],
  [{ rows: [[BASE, undefined]], eol: '\n', bom: false, trailing: '\n' }, '2024'],
];
const textOf = recordCsvText;

async function jsReport(text: string, p: string) {
  const acc = createAccumulator({ period: period(p), groupBy: ['field', 'channel'], policy: {} });
  const rejected: number[] = [];
  for await (const r of readRecords([text], { delimiter: ',' })) {
    if (r.ok) add(acc, r.record);
    else rejected.push(r.line);
  }
  return { summary: result(acc), rejected };
}

let n = 0;
describe.skipIf(!duckdb)('fuzz #14: --engine duckdb equals the JS engine, or refuses with a typed error', () => {
  it('on hostile CSV files: the same table and rejected lines, or a MotcuaError naming why', async () => {
    let agreed = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fileArb, fc.constantFrom('2024-Q1', '2024'), async (f, p) => {
        const text = textOf(f);
        const file = join(dir, `f${++n}.csv`);
        writeFileSync(file, text);
        const js = await jsReport(text, p);
        let duck: Awaited<ReturnType<typeof reportWithDuckDb>>;
        try {
          duck = await reportWithDuckDb(file, { period: period(p), groupBy: ['field', 'channel'], policy: {} });
        } catch (e) {
          expect(isMotcuaError(e), String(e)).toBe(true);
          expect((e as Error).message).toContain('--engine js');
          refused++;
          return;
        }
        agreed++;
        expect(duck.missing).toEqual([]);
        expect(duck.rejected.map((r) => r.line)).toEqual(js.rejected);
        expect(duck.summary.rows).toEqual(js.summary.rows);
        expect(duck.summary.total).toEqual(js.summary.total);
      }),
      { numRuns: 40, examples: EXAMPLES },
    );
    // both outcomes occur: the check is not vacuous
    expect(agreed).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  }, 120_000);

  it('#14 each disagreement of the fuzzing pass is refused with a typed error, or read as the JS engine reads it', async () => {
    const base = BASE;
    for (let m = 0; m < MUTATIONS.length; m++) {
      const text = `${HEADER}\n${cells(base).join(',')}\n${MUTATIONS[m]!(cells({ ...base, id: 'H2' }))}\n`;
      const file = join(dir, `m${m}.csv`);
      writeFileSync(file, text);
      const js = await jsReport(text, '2024-Q1');
      try {
        const duck = await reportWithDuckDb(file, { period: period('2024-Q1'), groupBy: ['field', 'channel'], policy: {} });
        expect({ m, lines: duck.rejected.map((r) => r.line), rows: duck.summary.rows }).toEqual({ m, lines: js.rejected, rows: js.summary.rows });
      } catch (e) {
        expect(isMotcuaError(e), `mutation ${m}: ${String(e)}`).toBe(true);
      }
    }
  }, 60_000);

  it('#14 motcua report --engine duckdb refuses in one line; a large file never switches to DuckDB on its own', async () => {
    const file = join(dir, 'nul.csv');
    writeFileSync(file, `${HEADER}\nH1,1.001193,Hộ${'\u0000'}tịch,UBND xã A,commune,online,2024-01-03,2024-01-05,,,,0,0,true,true,false\n`);
    const io = fakeIo();
    expect(await main(['report', file, '--engine', 'duckdb', '--period', '2024-Q1', '--lang', 'en'], io)).toBe(2);
    expect(io.err).toMatch(/INVALID_INPUT: .*--engine duckdb cannot read .* NUL byte.*use --engine js/);
    expect(io.err.trim().split('\n')).toHaveLength(1);
    // without --engine it is the JS engine's own typed refusal (NUL bytes: not UTF-8 text), not DuckDB's
    const js = fakeIo();
    expect(await main(['report', file, '--period', '2024-Q1', '--format', 'json'], js)).toBe(2);
    expect(js.err).toMatch(/INVALID_INPUT: encoding: .*NUL/);
    expect(js.err).not.toMatch(/duckdb/i);
    // a plain file without --engine: the JS engine, whatever the file's size (0.1.0 switched a CSV
    // file larger than memory to DuckDB when it was installed; it never does now)
    const plain = join(dir, 'plain.csv');
    writeFileSync(plain, `${HEADER}\nH1,1.001193,Hộ tịch,UBND xã A,commune,online,2024-01-03,2024-01-05,,,,0,0,true,true,false\n`);
    const auto = fakeIo();
    // its export lacks these optional columns: declared absent (#22)
    expect(await main(['report', plain, '--period', '2024-Q1', '--format', 'json', '--assume', 'pausedSince=none,paperResultRequired=none,paidOnline=false,synced=false,complaint=false,reusedData=false,dataStored=false,componentsFromStore=false'], auto)).toBe(0);
    expect(auto.err).not.toMatch(/duckdb|engine/i);
    expect(JSON.parse(auto.out).total.counts.received).toBe(1);
  });
});
