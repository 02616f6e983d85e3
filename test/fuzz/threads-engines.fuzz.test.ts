/**
 * One thread = worker threads = the DuckDB engine, on hostile input (#14). Each fuzzed CSV file is
 * written to disk and read by `summarizeCsvFile` of the built package (the worker loads from the
 * build, as in test/node/summarizeFile.test.ts) on one thread and on two worker threads (forced on
 * a small file by the internal `minRangeBytes`, so the cut falls among the fuzzed rows), and by
 * `--engine duckdb` (`reportWithDuckDb`): the same summary, counts and rejected lines, or the same
 * typed error; DuckDB may refuse a file the JS engine reads, with a typed error telling to use
 * `--engine js`, never with other figures. The NDJSON event reader (`summarizeEventsFile`) is
 * fuzzed the same way, one thread against two and against `accumulateEventsText`. Bounded run
 * counts: the file takes a few seconds.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENTS_FACTS, eventsCatalog, eventsText } from '../../bench/_lib/dossier-events';
import { reportWithDuckDb } from '../../src/cli/_engineDuckdb';
import { isMotcuaError } from '../../src/errors';
import { createAccumulator, type DossierRecord, type GroupKey, period } from '../../src/kpi/index';
import { result } from '../../src/kpi/result';
import { accumulateEventsText } from '../../src/node/summarizeEvents';
import { hostileCsvArb, hostileCsvBytes, type RecordCsv, recordCsvArb, recordCsvArbOf, recordCsvText } from './_csvFiles';
import { HOSTILE_KEYS, jsonText, pollutedKeys, protoSnapshot } from './_hostile';

let duckdb = true;
try {
  await import('@duckdb/node-api');
} catch {
  duckdb = false;
}

const root = join(__dirname, '../..');
const out = join(root, '.bench-tmp', `dist-fuzz-threads-${process.pid}`);
type Api = typeof import('../../src/node/index');
let api: Api;

const PROTO = protoSnapshot();
beforeAll(async () => {
  mkdirSync(out, { recursive: true });
  await build({
    entry: { node: join(root, 'src/node/index.ts'), 'node-worker': join(root, 'src/node/worker.ts') },
    format: ['esm'],
    dts: false,
    splitting: true,
    treeshake: true,
    target: 'node20',
    platform: 'node',
    outDir: out,
    silent: true,
    config: false,
  });
  api = (await import(pathToFileURL(join(out, 'node.js')).href)) as Api;
}, 120_000);
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  expect(protoSnapshot()).toBe(PROTO);
  expect(pollutedKeys()).toEqual([]);
});

/** A thrown value must be a MotcuaError: its code and message. */
function typed(e: unknown): { error: string; message: string } {
  if (!isMotcuaError(e)) throw new Error(`untyped ${String((e as Error)?.name)}: ${String((e as Error)?.message).slice(0, 300)}`);
  return { error: e.code, message: e.message };
}

// ---------------------------------------------------------------------------------------------
// CSV: summarizeCsvFile on 1 and 2 threads, and the DuckDB engine

const GROUP_BY: readonly GroupKey[] = ['field', 'agency'];

async function csv(file: string, p: string, threads: number, dedupe: boolean, minRangeBytes: number) {
  try {
    const s = await api.summarizeCsvFile(file, { period: period(p), groupBy: GROUP_BY, threads, dedupe, delimiter: ',', keepRejected: 1_000, minRangeBytes });
    expect(s.notice).toBeUndefined();
    // rows in = counted + rejected + outside the period
    expect(s.rowsRead).toBe(s.total.counts.received + s.rejectedCount + s.outsidePeriod);
    const { threads: used, ...rest } = s;
    return { used, s: rest };
  } catch (e) {
    return typed(e);
  }
}

let workers = 0; // files read on 2 worker threads (not fallen back to one): the check is not vacuous
let duckAgreed = 0;
let duckRefused = 0;

/** 1 thread = 2 threads (same summary, counts, rejections, or the same typed error); then DuckDB. */
async function compareCsv(file: string, bytes: Buffer, p: string, dedupe: boolean) {
  const size = bytes.length;
  // the smallest range such that two ranges fit: the cut falls near the middle of the data
  const minRangeBytes = Math.max(1, Math.floor(size / 3));
  const one = await csv(file, p, 1, dedupe, minRangeBytes);
  const two = await csv(file, p, 2, dedupe, minRangeBytes);
  if ('error' in one) {
    expect(two).toEqual(one);
    return one;
  }
  expect('error' in two ? two : two.s).toEqual(one.s);
  if (!('error' in two) && two.used === 2) workers++;
  return one;
}

/** DuckDB on the same file: the JS engine's table and rejected lines (with dedupe, as the CLI), or a typed refusal. */
async function compareDuck(file: string, p: string, js: Awaited<ReturnType<typeof csv>>) {
  if (!duckdb) return;
  let duck: Awaited<ReturnType<typeof reportWithDuckDb>>;
  try {
    duck = await reportWithDuckDb(file, { period: period(p), groupBy: GROUP_BY, policy: {}, delimiter: ',' });
  } catch (e) {
    const t = typed(e);
    // what the JS engine refuses, DuckDB refuses too (its own words); what it reads, DuckDB refuses naming the JS engine
    if (!('error' in js)) expect(t.message).toMatch(/--engine js/);
    duckRefused++;
    return;
  }
  expect('error' in js, `DuckDB read a file the JS engine refuses: ${JSON.stringify(js)}`).toBe(false);
  if ('error' in js) return;
  duckAgreed++;
  expect(duck.missing).toEqual([]);
  expect(duck.missingOptional).toEqual([]);
  expect(duck.rows).toBe(js.s.rowsRead);
  expect(duck.rejected.map((r) => r.line)).toEqual(js.s.rejected.map((r) => r.line));
  expect(duck.summary.rows).toEqual(js.s.rows);
  expect(duck.summary.total).toEqual(js.s.total);
}

/** A record both engines read as it is. */
const CLEAN: DossierRecord = { id: 'H', procedureCode: '1.001193', field: 'Hộ tịch', agency: 'UBND xã A', level: 'commune', channel: 'online', receivedOn: '2024-01-03', dueOn: '2024-01-05', originalDueOn: null, finishedOn: '2024-01-04', finishedAs: 'resolved', returnedOn: null, pausedSince: null, pausedFor: null, supplements: 0, extensions: 0, digitised: true, eResult: true, paperResultRequired: null, feeDue: false, paidOnline: false, synced: true, complaint: false, reusedData: false, dataStored: false, componentsFromStore: false };

let n = 0;
describe('fuzz #14: summarizeCsvFile on one thread = on two worker threads = --engine duckdb', () => {
  it('byte-level hostile CSV files (hostile keys, invalid UTF-8, NUL, stray quotes, BOMs, CRs): the same summary, counts and rejected lines, or the same typed error', async () => {
    await fc.assert(
      fc.asyncProperty(hostileCsvArb, fc.boolean(), async (f, dedupe) => {
        const bytes = hostileCsvBytes(f);
        const file = join(out, `h${n++}.csv`);
        writeFileSync(file, bytes);
        const js = await compareCsv(file, bytes, '2024-Q1', dedupe);
        // DuckDB against the CLI's JS reading (dedupe on)
        await compareDuck(file, '2024-Q1', dedupe ? js : await csv(file, '2024-Q1', 1, true, 1 << 20));
      }),
      { numRuns: 20 },
    );
  }, 120_000);

  it('files of random records, few or most rows with the changes the engines disagreed on: the same on 1 and 2 threads, and DuckDB agrees or refuses with a typed error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 1, arbitrary: recordCsvArb }, { weight: 3, arbitrary: recordCsvArbOf(40) }), fc.constantFrom('2024-Q1', '2024'), fc.boolean(), async (f, p, dedupe) => {
        const text = recordCsvText(f);
        const bytes = Buffer.from(text);
        const file = join(out, `r${n++}.csv`);
        writeFileSync(file, bytes);
        const js = await compareCsv(file, bytes, p, dedupe);
        await compareDuck(file, p, dedupe ? js : await csv(file, p, 1, true, 1 << 20));
      }),
      // first a clean file of three rows, which both engines read and two threads split, then the same
      // file with an empty last line, which DuckDB refuses: the checks below never depend on luck
      {
        numRuns: 12,
        examples: ['', '\n'].map((trailing) => [{ rows: [0, 1, 2].map((i) => [{ ...CLEAN, id: `H${i}` }, undefined] as [DossierRecord, undefined]), eol: '\n', bom: false, trailing }, '2024', true] as [RecordCsv, string, boolean]),
      },
    );
    expect(workers).toBeGreaterThan(0);
    if (duckdb) {
      expect(duckAgreed).toBeGreaterThan(0);
      expect(duckRefused).toBeGreaterThan(0);
    }
  }, 120_000);
});

// ---------------------------------------------------------------------------------------------
// Events: summarizeEventsFile on 1 and 2 threads, and accumulateEventsText

const catalog = eventsCatalog();
const P_EVENTS = period({ from: '2022-01-01', to: '2024-12-31' });
/** Hostile dossier ids, in code point order (the order the event reader requires), all after "H…". */
const HOSTILE_IDS = [...HOSTILE_KEYS].filter((k) => k !== 'length' && k !== 'prototype').sort();

const eventsArb = fc.record({
  n: fc.integer({ min: 1, max: 12 }),
  seed: fc.integer({ min: 1, max: 1e6 }),
  // the last dossiers relabelled with hostile ids (agency too, sometimes)
  hostile: fc.subarray(HOSTILE_IDS),
  hostileAgency: fc.boolean(),
  junk: fc.array(
    fc.tuple(
      fc.nat(),
      fc.oneof(
        fc.constantFrom('', '   ', '{', 'null', '[1]', '{"dossierId":""}', '{"dossierId":"H0', '{"x":1}', '\r', '{"dossierId":"__proto__"}'),
        jsonText(['dossierId', 'procedureCode', 'agency', 'id', 'type', 'at'], 2),
      ),
    ),
    { maxLength: 5 },
  ),
  bytes: fc.option(fc.tuple(fc.nat(), fc.constantFrom([0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0x00], [0xef, 0xbb, 0xbf])), { freq: 3 }),
  crlf: fc.boolean(),
  cut: fc.option(fc.nat(60), { freq: 4 }),
  facts: fc.constantFrom('star', 'hostile', 'none'),
});

type EventsSpec = typeof eventsArb extends fc.Arbitrary<infer T> ? T : never;

function eventsBytes(e: EventsSpec): Buffer {
  const lines = eventsText(0, e.n + e.hostile.length, e.seed).split('\n');
  lines.pop();
  // the dossiers are H00000000, H00000001, …: relabel the last ones
  const out = lines.map((l) => {
    const k = Number(/"dossierId":"H(\d+)"/.exec(l)![1]);
    if (k < e.n) return l;
    const id = e.hostile[k - e.n]!;
    const relabelled = l.replace(/"dossierId":"H\d+"/, `"dossierId":${JSON.stringify(id)}`);
    return e.hostileAgency ? relabelled.replace(/"agency":"[^"]*"/, `"agency":${JSON.stringify(id)}`) : relabelled;
  });
  for (const [at, j] of e.junk) out.splice(at % (out.length + 1), 0, j);
  const text = `${out.map((l) => (e.crlf ? `${l}\r` : l)).join('\n')}\n`;
  let bytes = Buffer.from(e.cut === null ? text : text.slice(0, Math.max(0, text.length - 1 - e.cut)));
  if (e.bytes !== null) {
    const at = e.bytes[0] % (bytes.length + 1);
    bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(e.bytes[1]), bytes.subarray(at)]);
  }
  return bytes;
}

/** Facts for "*", or parsed from JSON with own keys "__proto__", "constructor", … (as JSON.parse makes them), or none. */
function factsOf(kind: EventsSpec['facts']): Record<string, unknown> | undefined {
  const star = JSON.stringify(EVENTS_FACTS['*']);
  if (kind === 'star') return EVENTS_FACTS;
  if (kind === 'none') return undefined;
  return JSON.parse(`{${HOSTILE_IDS.map((k) => `${JSON.stringify(k)}:${star}`).join(',')},"H00000000":${star}}`) as Record<string, unknown>;
}

async function events(file: string, threads: number, facts: Record<string, unknown> | undefined) {
  try {
    const s = await api.summarizeEventsFile(file, { period: P_EVENTS, groupBy: 'agency', catalog, threads, minRangeBytes: 64, ...(facts !== undefined ? { facts: facts as never } : {}) });
    expect(s.notice).toBeUndefined();
    expect(s.rowsRead).toBe(s.total.counts.received + s.rejectedCount + s.outsidePeriod);
    expect(s.rowsRead).toBe(s.dossiers + s.linesRejected);
    const { threads: used, ...rest } = s;
    return { used, s: rest };
  } catch (e) {
    return typed(e);
  }
}

describe('fuzz #14: summarizeEventsFile on one thread = on two worker threads = accumulateEventsText', () => {
  it('hostile NDJSON event logs (dossier ids and agencies "__proto__", "constructor", …; junk and hostile JSON lines; invalid UTF-8, NUL, a BOM inside; CRLF; a cut last line; hostile facts keys): the same summary, counts and rejected lines, or the same typed error', async () => {
    let two = 0;
    await fc.assert(
      fc.asyncProperty(eventsArb, async (e) => {
        const bytes = eventsBytes(e);
        const file = join(out, `e${n++}.ndjson`);
        writeFileSync(file, bytes);
        const facts = factsOf(e.facts);
        const one = await events(file, 1, facts);
        const other = await events(file, 2, facts);
        if ('error' in one) expect(other).toEqual(one);
        else {
          expect('error' in other ? other : other.s).toEqual(one.s);
          if (!('error' in other) && other.used === 2) two++;
        }
        // the text reader, on text that is UTF-8 (it cannot see bytes that are not)
        let text: string;
        try {
          text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
        } catch {
          return;
        }
        let viaText: ReturnType<typeof events> extends Promise<infer T> ? T : never;
        try {
          const { acc, ...r } = accumulateEventsText(text, createAccumulator({ period: P_EVENTS, groupBy: 'agency' }), { catalog, ...(facts !== undefined ? { facts: facts as never } : {}) });
          viaText = { used: 1, s: { ...result(acc), ...r } as never };
        } catch (x) {
          viaText = typed(x);
        }
        if ('error' in one) expect(viaText).toEqual(one);
        else {
          expect('error' in viaText ? viaText : { ...viaText.s, threads: undefined }).toEqual({ ...one.s, threads: undefined });
        }
      }),
      { numRuns: 16 },
    );
    expect(two).toBeGreaterThan(3);
  }, 120_000);
});
