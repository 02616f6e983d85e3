/**
 * Fuzz suite of the KPI record readers (#14): random and mutated CSV and JSON inputs, as bytes
 * (invalid UTF-8, NUL, stray quotes, BOMs, hostile keys). Every input gives results or a
 * MotcuaError, never a TypeError or RangeError; Object.prototype is untouched; rows read =
 * counted + rejected + outside the period; the byte reader of the file path gives what the general
 * reader gives. Bounded run counts. (One thread against worker threads on the same file is checked
 * against the built package in test/node/summarizeFile.test.ts.)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { isMotcuaError } from '../../src/errors';
import { addRecord } from '../../src/kpi/accumulator';
import { createAccumulator, period, readJsonRecords, readRecords, result } from '../../src/kpi/index';
import { accumulateCsvFile } from '../../src/node/summarizeFile';
import { GOOD_ROW, HOSTILE_HEADER, hostileCsvArb, hostileCsvBytes } from './_csvFiles';
import { jsonText, pollutedKeys, protoSnapshot } from './_hostile';

const dir = mkdtempSync(join(tmpdir(), 'motcua-readfuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PROTO = protoSnapshot();
const P = period('2024-Q1');
const HEADER = HOSTILE_HEADER;
const GOOD = GOOD_ROW;
const fileArb = hostileCsvArb;
const bytesOf = hostileCsvBytes;

/** The general reader over the decoded text: results, or the error's code. */
async function general(text: string) {
  const acc = createAccumulator({ period: P, groupBy: ['field', 'agency'] });
  const rejected: { line: number; reason: string }[] = [];
  let rowsRead = 0;
  let outside = 0;
  try {
    for await (const r of readRecords([text])) {
      rowsRead++;
      if (!r.ok) rejected.push({ line: r.line, reason: r.reason });
      else if (!addRecord(acc, r.record)) outside++;
    }
  } catch (e) {
    if (!isMotcuaError(e)) throw e;
    return { error: e.code };
  }
  const s = result(acc);
  expect(rowsRead).toBe(s.total.counts.received + rejected.length + outside);
  return { s, rejected, rowsRead, outside };
}

function expectClean(): void {
  expect(protoSnapshot()).toBe(PROTO);
  expect(pollutedKeys()).toEqual([]);
}

describe('fuzz #14: the CSV readers', () => {
  let n = 0;
  it('random and mutated CSV bytes: only MotcuaErrors; rows read = counted + rejected + outside; the byte reader of the file path equals the general reader; Object.prototype untouched', async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, async (f) => {
        const bytes = bytesOf(f);
        const want = await general(new TextDecoder().decode(bytes));
        const file = join(dir, `f${n++}.csv`);
        writeFileSync(file, bytes);
        let got: Awaited<ReturnType<typeof accumulateCsvFile>> | { error: string };
        try {
          got = await accumulateCsvFile(file, createAccumulator({ period: P, groupBy: ['field', 'agency'] }), { threads: 1, delimiter: ',' });
        } catch (e) {
          if (!isMotcuaError(e)) throw e;
          got = { error: e.code };
        }
        expectClean();
        if ('error' in got) {
          // a header alone is refused by both readers; the file reader also refuses (in its first 4 KiB) bytes that are not UTF-8
          expect(['INVALID_INPUT']).toContain(got.error);
          return;
        }
        expect('error' in want, JSON.stringify(want)).toBe(false);
        if ('error' in want) return;
        const s = result(got.acc);
        expect(got.rowsRead).toBe(s.total.counts.received + got.rejectedCount + got.outsidePeriod);
        expect(got.rowsRead).toBe(want.rowsRead);
        expect(got.rejected.map(({ line, reason }) => ({ line, reason }))).toEqual(want.rejected);
        expect(s.rows).toEqual(want.s.rows);
      }),
      { numRuns: 120 },
    );
  });

  it('random text as CSV with random options: readRecords throws nothing but MotcuaError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), fc.constantFrom(',', ';', '\t', '|', '§', '||', ''), fc.integer({ min: 1, max: 64 }), async (text, delimiter, cut) => {
        const chunks = text.match(new RegExp(`[\\s\\S]{1,${cut}}`, 'g')) ?? [];
        try {
          for await (const _ of readRecords(chunks, { delimiter, maxCellBytes: 50 }));
        } catch (e) {
          expect(isMotcuaError(e), String(e)).toBe(true);
        }
        expectClean();
      }),
      { numRuns: 200 },
    );
  });
});

describe('fuzz #14: the JSON readers', () => {
  const keys = [...HEADER, 'pausedSince', 'pausedFor', 'returnedOn'];
  it('random JSON (hostile keys, deep values, huge numbers): readJsonRecords gives results or MotcuaErrors, one result per record, Object.prototype untouched', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(jsonText(keys, 3), { maxLength: 6 }), fc.boolean(), async (items, ndjson) => {
        const text = ndjson ? items.join('\n') : `[${items.join(',')}]`;

        try {
          for await (const r of readJsonRecords([text])) {

            if (r.ok) addRecord(createAccumulator({ period: P, groupBy: ['field', 'agency', 'procedure'] }), r.record);
            else expect(r.reason.length).toBeLessThan(2_000);
          }
        } catch (e) {
          expect(isMotcuaError(e), String(e)).toBe(true);
        }
        expectClean();
      }),
      { numRuns: 200 },
    );
  });

  it('a good record with each field replaced by a hostile value is counted or rejected, never thrown on', async () => {
    const base: Record<string, unknown> = Object.fromEntries(HEADER.map((h, i) => [h, GOOD[i]]));
    const values: unknown[] = [null, 5, -1, 1e400, 2 ** 60, true, [], {}, '__proto__', 'constructor', '\uFFFD', 'x'.repeat(10_000), { toString: 'x' }];
    for (const k of HEADER) {
      for (const v of values) {
        const text = `{${Object.entries({ ...base, [k]: v }).map(([a, b]) => `${JSON.stringify(a)}:${JSON.stringify(b) ?? 'null'}`).join(',')}}`;
        const rs = [];
        for await (const r of readJsonRecords([text])) rs.push(r);
        expect(rs, `${k}=${(JSON.stringify(v) ?? 'undefined').slice(0, 20)}`).toHaveLength(1);
      }
    }
    expectClean();
  });
});
