// summarizeEventsFile (#18) against the built package (the worker loads from dist): one thread,
// worker threads, the text reader and two in-memory references (recordFromLog over the parsed and
// grouped logs, and the old recordsFromEventStream path) give the same II.06a and rejections, on a
// worked file, on random generated and damaged files, and on a file with a 100 MB line.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENTS_FACTS, eventsCatalog, eventsText } from '../../bench/_lib/dossier-events';
import { addHandlingTime, createAccumulator, createHandlingTime, type DossierRecord, handlingTimeResult, period, recordAndWaitsFromLog, recordsFromEventStream, summarize } from '../../src/kpi/index';
import { addRecord } from '../../src/kpi/accumulator';
import { result } from '../../src/kpi/result';
import { findProcedure } from '../../src/procedure/index';
import { createCalendar } from '../../src/calendar/index';
import { accumulateEventsText, summarizeEventsFile as fromSource } from '../../src/node/summarizeEvents';
import { isMotcuaError } from '../../src/errors';

const root = join(__dirname, '../..');
const out = join(root, '.bench-tmp', `dist-events-test-${process.pid}`);
const P = { from: '2022-01-01', to: '2024-12-31' } as const;
const catalog = eventsCatalog();

type Api = typeof import('../../src/node/index');
let esm: Api;

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
  await build({ entry: { cli: join(root, 'src/cli/bin.ts') }, format: ['esm'], target: 'node20', platform: 'node', outDir: out, silent: true, config: false });
  esm = (await import(pathToFileURL(join(out, 'node.js')).href)) as Api;
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

const OPTIONS = { period: period(P), groupBy: 'agency' as const, facts: EVENTS_FACTS, catalog };
/** A fresh 2.2 state over the period (from the sources: the state is plain data with a Map, read by the built package as any). */
const esm_createHandlingTime = () => createHandlingTime({ period: period(P) });

/**
 * The reference: every line parsed, the events grouped by dossier in memory (in any order), each
 * log turned into a record by recordFromLog, the records summarised by `summarize`.
 */
function reference(text: string) {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const groups = new Map<string, { events: Record<string, unknown>[]; lines: number[] }>();
  const rejected: { line: number; reason: string }[] = [];
  let eventsRead = 0;
  let linesRejected = 0;
  lines.forEach((raw, i) => {
    const l = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (l.trim() === '') return;
    eventsRead++;
    let v: unknown;
    try {
      v = JSON.parse(l);
    } catch {
      linesRejected++;
      rejected.push({ line: i + 1, reason: 'malformed JSON' });
      return;
    }
    const id = typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>).dossierId : undefined;
    if (typeof id !== 'string' || id === '') {
      linesRejected++;
      rejected.push({ line: i + 1, reason: 'no dossier' });
      return;
    }
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { events: [], lines: [] }));
    g.events.push(v as Record<string, unknown>);
    g.lines.push(i + 1);
  });
  const records: DossierRecord[] = [];
  // index 2.2 from the same records, each one's supplement waits subtracted (#22)
  const handling = createHandlingTime({ period: period(P) });
  let dossiersRejected = 0;
  for (const [id, g] of groups) {
    try {
      const code = g.events.find((e) => typeof e.procedureCode === 'string')!.procedureCode as string;
      const agency = g.events.find((e) => typeof e.agency === 'string')?.agency as string | undefined;
      const { record, supplementWaits } = recordAndWaitsFromLog(g.events as never, { id, procedure: findProcedure(catalog, code)!, facts: EVENTS_FACTS['*'], ...(agency ? { agency } : {}) });
      records.push(record);
      addHandlingTime(handling, record, supplementWaits);
    } catch (e) {
      dossiersRejected++;
      const bad = (e as { rejected?: { event: unknown }[] }).rejected?.[0]?.event;
      const k = bad === undefined ? -1 : g.events.indexOf(bad as Record<string, unknown>);
      rejected.push({ line: k >= 0 ? g.lines[k]! : g.lines[0]!, reason: (e as Error).message });
    }
  }
  const s = summarize(records, { period: period(P), groupBy: 'agency' });
  return { summary: s, handling: handlingTimeResult(handling), records, dossiers: groups.size, dossiersRejected, eventsRead, linesRejected, rejected: rejected.sort((a, b) => a.line - b.line) };
}

/** The old non-streaming path: recordsFromEventStream over the whole text, the records added one by one. */
async function oldPath(text: string) {
  const acc = createAccumulator({ period: period(P), groupBy: 'agency' });
  const lines: number[] = [];
  for await (const r of recordsFromEventStream([text.replace(/^\uFEFF/, '')], {
    optionsFor: (_id, events) => {
      const agency = events.find((e) => typeof e.agency === 'string')?.agency as string | undefined;
      return { procedure: findProcedure(catalog, String(events.find((e) => typeof e.procedureCode === 'string')!.procedureCode))!, facts: EVENTS_FACTS['*'], ...(agency ? { agency } : {}) };
    },
  })) {
    if (r.ok) addRecord(acc, r.record);
    else lines.push(r.line);
  }
  return { summary: result(acc), lines: lines.sort((a, b) => a - b) };
}

type Got = Awaited<ReturnType<Api['summarizeEventsFile']>>;

/** Every path agrees with the reference: summary, counts, identities, rejected lines (and reasons of dossiers). */
function expectSame(got: Got | ReturnType<typeof withSummary>, want: ReturnType<typeof reference>) {
  expect(got.total).toEqual(want.summary.total);
  // index 2.2, when asked for: the state carried back from each worker and merged (#22)
  if (got.handlingTime !== undefined) expect(handlingTimeResult(got.handlingTime)).toEqual(want.handling);
  expect(got.rows).toEqual(want.summary.rows);
  expect(got.dossiers).toBe(want.dossiers);
  expect(got.dossiersRejected).toBe(want.dossiersRejected);
  expect(got.eventsRead).toBe(want.eventsRead);
  expect(got.linesRejected).toBe(want.linesRejected);
  expect(got.rejected.map((r) => r.line)).toEqual(want.rejected.map((r) => r.line));
  // a dossier's reason is recordFromLog's message, word for word
  const reasons = new Map(want.rejected.map((r) => [r.line, r.reason]));
  for (const r of got.rejected) if (r.reason.startsWith('dossier ')) expect(r.reason).toBe(reasons.get(r.line));
  // nothing dropped: rows read = counted + rejected + outside the period; events = replayed + rejected lines
  expect(got.rowsRead).toBe(got.total.counts.received + got.rejectedCount + got.outsidePeriod);
  expect(got.rowsRead).toBe(got.dossiers + got.linesRejected);
  expect(got.rejectedCount).toBe(got.dossiersRejected + got.linesRejected);
}

function withSummary(text: string) {
  const { acc, ...r } = accumulateEventsText(text, createAccumulator({ period: period(P), groupBy: 'agency' }), { ...OPTIONS, handlingTime: createHandlingTime({ period: period(P) }) });
  return { ...result(acc), ...r };
}

/** A generated file with damage: a BOM, CRLF lines, blank lines, a malformed line and a line with no dossier inside runs. */
function damaged(n: number, seed: number): string {
  const lines = eventsText(0, n, seed).split('\n');
  lines.pop();
  const outLines: string[] = [];
  lines.forEach((l0, i) => {
    // an event the state machine does not know: its dossier is refused at that line
    const l = i % 503 === 17 ? l0.replace(/"type":"[^"]+"/, '"type":"no-such-type"') : l0;
    outLines.push(i % 7 === 3 ? `${l}\r` : l);
    if (i % 211 === 100) outLines.push('{"dossierId":"H0000');
    if (i % 307 === 200) outLines.push('   ');
    if (i % 401 === 300) outLines.push('{"id":"e9","type":"received"}');
  });
  return `\uFEFF${outLines.join('\n')}\n`;
}

describe('summarizeEventsFile (#18)', () => {
  it('gives the same II.06a, rejections and line numbers on 1, 2 and 3 threads, from text, as recordFromLog + summarize, and as the old path', async () => {
    const text = damaged(1500, 7);
    const file = join(out, 'a.ndjson');
    writeFileSync(file, text);
    const want = reference(text);
    expect(want.dossiersRejected).toBeGreaterThan(0); // the generated logs include refused ones
    expect(want.linesRejected).toBeGreaterThan(5);
    expect(want.summary.total.counts.received).toBeGreaterThan(200);
    // 2.2 over these dossiers: supplement waits among them, subtracted
    expect(want.handling.total.dossiers).toBeGreaterThan(100);
    expect(want.handling.supplementWaitsSubtracted).toBeGreaterThan(0);
    expect(want.handling.total.supplementWaitWorkingDays).toBeGreaterThan(0);
    expect(want.handling.supplementWaitsKnown).toBe(want.handling.total.dossiers);
    for (const threads of [1, 2, 3]) {
      const got = await esm.summarizeEventsFile(file, { ...OPTIONS, threads, minRangeBytes: 64 << 10, handlingTime: esm_createHandlingTime() });
      expect(got.threads).toBe(threads);
      expect(got.handlingTime).toBeDefined();
      expectSame(got, want);
    }
    expectSame(withSummary(text), want);
    const old = await oldPath(text);
    expect(old.summary.total).toEqual(want.summary.total);
    expect(old.lines).toEqual(want.rejected.map((r) => r.line));
  });

  it('index 2.2 with a calendar of its own: rebuilt in each worker from its options, the same on 1 and 2 threads as one pass over the reference records (#22)', async () => {
    const text = damaged(600, 11);
    const file = join(out, 'cal.ndjson');
    writeFileSync(file, text);
    // Sundays only off, and a provincial day off: working days differ from the default calendar
    const calendar = createCalendar({ weeklyRest: [0], extraDaysOff: ['2023-03-15'] });
    const want = createHandlingTime({ period: period(P), calendar });
    const lines = text.replace(/^\uFEFF/, '').split('\n').map((l) => l.replace(/\r$/, ''));
    const groups = new Map<string, Record<string, unknown>[]>();
    for (const l of lines) {
      let v: Record<string, unknown>;
      try {
        v = JSON.parse(l);
      } catch {
        continue;
      }
      if (typeof v?.dossierId !== 'string' || v.dossierId === '') continue;
      groups.set(v.dossierId, [...(groups.get(v.dossierId) ?? []), v]);
    }
    for (const [id, events] of groups) {
      try {
        const agency = events.find((e) => typeof e.agency === 'string')?.agency as string;
        const { record, supplementWaits } = recordAndWaitsFromLog(events as never, { id, procedure: findProcedure(catalog, events.find((e) => typeof e.procedureCode === 'string')!.procedureCode as string)!, facts: EVENTS_FACTS['*'], agency });
        addHandlingTime(want, record, supplementWaits);
      } catch {
        // a refused log: not counted
      }
    }
    const expected = handlingTimeResult(want);
    const plain = createHandlingTime({ period: period(P) });
    expect(expected.total.workingDays).toBeGreaterThan(0);
    for (const threads of [1, 2]) {
      const got = await esm.accumulateEventsFile(file, createAccumulator({ period: period(P) }), { ...OPTIONS, threads, minRangeBytes: 4096, handlingTime: createHandlingTime({ period: period(P), calendar }) });
      expect(got.threads).toBe(threads);
      expect(handlingTimeResult(got.handlingTime!)).toEqual(expected);
      // the calendar counted: the default one gives other working days
      const dflt = await esm.accumulateEventsFile(file, createAccumulator({ period: period(P) }), { ...OPTIONS, threads, minRangeBytes: 4096, handlingTime: plain });
      expect(handlingTimeResult(dflt.handlingTime!).total.workingDays).not.toBe(expected.total.workingDays);
    }
  });

  it('random generated and damaged files: every thread count agrees with the reference (fast-check)', async () => {
    const file = join(out, 'p.ndjson');
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('', '{', 'null', '[1]', '{"dossierId":""}', '{"dossierId":"H0', '\r', '{"x":1}')), { maxLength: 6 }),
        fc.option(fc.nat(), { nil: undefined }),
        async (n, seed, junk, cut) => {
          const lines = eventsText(0, n, seed).split('\n');
          lines.pop();
          for (const [at, j] of junk) lines.splice(at % (lines.length + 1), 0, j);
          let text = `${lines.join('\n')}\n`;
          // a cut last line: the file ends inside an event
          if (cut !== undefined) text = text.slice(0, text.length - 1 - (cut % 60));
          writeFileSync(file, text);
          const want = reference(text);
          for (const threads of [1, 2, 3]) expectSame(await esm.summarizeEventsFile(file, { ...OPTIONS, threads, minRangeBytes: 2048, handlingTime: esm_createHandlingTime() }), want);
          expectSame(withSummary(text), want);
        },
      ),
      { numRuns: 8 },
    );
  }, 120_000);

  it('an event of another dossier in the middle of a run stops the read naming its line, on every thread count (fast-check)', async () => {
    const file = join(out, 'o.ndjson');
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 3, max: 80 }), fc.integer({ min: 1, max: 1e6 }), fc.nat(), fc.nat(), async (n, seed, a, b) => {
        const lines = eventsText(0, n, seed).split('\n');
        lines.pop();
        // move line i after line j (j > i) of a later dossier: that dossier's run is broken
        const id = (l: string) => JSON.parse(l).dossierId as string;
        const i = a % (lines.length - 1);
        const later = lines.map((l, k) => k).filter((k) => k > i && id(lines[k]!) > id(lines[i]!));
        fc.pre(later.length > 0);
        const j = later[b % later.length]!;
        const moved = lines[i]!;
        const rest = [...lines.slice(0, i), ...lines.slice(i + 1)];
        rest.splice(j, 0, moved); // now after the old line j (indices shifted by one)
        writeFileSync(file, `${rest.join('\n')}\n`);
        const line = j + 1;
        for (const threads of [1, 2, 3]) {
          const e = await esm.summarizeEventsFile(file, { ...OPTIONS, threads, minRangeBytes: 1024 }).then(
            () => null,
            (x: unknown) => x,
          );
          expect(isMotcuaError(e, 'INVALID_INPUT')).toBe(true);
          // the first line out of order: the moved event, or the line after it when its dossier came back
          const m = /^line (\d+): dossier "([^"]+)" comes after dossier "([^"]+)"/.exec((e as Error).message);
          expect(m).not.toBeNull();
          expect([line, line + 1]).toContain(Number(m![1]));
        }
      }),
      { numRuns: 8 },
    );
  }, 120_000);

  it('damaged input, worked: a truncated last line, invalid JSON on line N, a line that is not UTF-8: each listed with its number', async () => {
    const lines = eventsText(0, 5, 3).split('\n');
    lines.pop();
    const bad = [...lines.slice(0, 3), '{"dossierId": "H00000000", oops}', ...lines.slice(3)];
    const truncated = `${bad.join('\n')}\n${bad[bad.length - 1]!.slice(0, 30)}`;
    const file = join(out, 'd.ndjson');
    const bytes = Buffer.concat([Buffer.from(`${truncated.split('\n').slice(0, 6).join('\n')}\n`), Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a]), Buffer.from(truncated.split('\n').slice(6).join('\n'))]);
    writeFileSync(file, bytes);
    for (const threads of [1, 2]) {
      const got = await esm.summarizeEventsFile(file, { ...OPTIONS, threads, minRangeBytes: 256 });
      const total = truncated.split('\n').length + 1;
      expect(got.rejected.filter((r) => !r.reason.startsWith('dossier '))).toEqual([
        { line: 4, reason: expect.stringMatching(/^malformed JSON/), texts: { en: expect.stringMatching(/^malformed JSON/), vi: expect.stringMatching(/^JSON sai cú pháp/) } },
        { line: 7, reason: 'not valid UTF-8 text', texts: { en: 'not valid UTF-8 text', vi: 'không phải văn bản UTF-8 hợp lệ' } },
        { line: total, reason: expect.stringMatching(/^malformed JSON .*the last line has no line end: the file may be cut short$/), texts: { en: expect.any(String), vi: expect.stringMatching(/^JSON sai cú pháp .*; dòng cuối không có ký tự xuống dòng: tệp có thể bị cắt cụt$/) } },
      ]);
      expect(got.linesRejected).toBe(3);
      expect(got.eventsRead).toBe(total);
      expect(got.rowsRead).toBe(got.total.counts.received + got.rejectedCount + got.outsidePeriod);
    }
  });

  it('a 100 MB line is rejected with its number, unread, and the dossiers around it are counted (1 and 2 threads)', async () => {
    const head = eventsText(0, 400, 11);
    const tail = eventsText(400, 400, 12);
    const file = join(out, 'big.ndjson');
    const fd = openSync(file, 'w');
    writeSync(fd, head);
    writeSync(fd, '{"dossierId":"H00000399","note":"');
    const mb = Buffer.alloc(1 << 20, 0x78);
    for (let k = 0; k < 100; k++) writeSync(fd, mb);
    writeSync(fd, '"}\n');
    writeSync(fd, tail);
    closeSync(fd);
    const line = head.split('\n').length; // the line after the head's last line
    const want = reference(head + tail);
    for (const threads of [1, 2]) {
      const got = await esm.summarizeEventsFile(file, { ...OPTIONS, threads });
      const long = got.rejected.filter((r) => r.reason.startsWith('line longer'));
      expect(long).toEqual([{ line, reason: expect.stringContaining('line longer than 1048576 bytes: not read'), texts: { en: expect.any(String), vi: expect.stringContaining('dòng dài hơn 1048576 byte: không đọc') } }]);
      expect(got.total).toEqual(want.summary.total);
      expect(got.dossiers).toBe(want.dossiers);
      expect(got.linesRejected).toBe(1);
      expect(got.eventsRead).toBe(want.eventsRead + 1);
    }
  }, 60_000);

  it('from the sources (no built worker next to it) it reads on one thread, with the same result', async () => {
    const text = damaged(300, 5);
    const file = join(out, 's.ndjson');
    writeFileSync(file, text);
    const got = await fromSource(file, { ...OPTIONS, threads: 2, minRangeBytes: 1024 });
    expect(got.threads).toBe(1);
    expectSame(got, reference(text));
  });

  it('motcua report --events prints the same report on 1 and 2 threads and with --any-order (built CLI)', () => {
    const file = join(out, 'cli.ndjson');
    writeFileSync(file, damaged(2100, 9));
    writeFileSync(join(out, 'catalog.json'), JSON.stringify(catalog));
    writeFileSync(join(out, 'facts.json'), JSON.stringify(EVENTS_FACTS));
    const run = (...extra: string[]) => {
      try {
        execFileSync(process.execPath, [join(out, 'cli.js'), 'report', '--events', file, '--catalog', join(out, 'catalog.json'), '--facts', join(out, 'facts.json'), '--from', P.from, '--to', P.to, '--format', 'json', '--assume', 'componentsFromStore=false', ...extra], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        throw new Error('expected exit 1 (rejected lines)');
      } catch (e) {
        const x = e as { status: number; stdout: string; stderr: string };
        expect(x.status).toBe(1);
        return { json: JSON.parse(x.stdout), err: x.stderr };
      }
    };
    const one = run('--threads', '1');
    const two = run('--threads', '2');
    const any = run('--any-order');
    expect(two.json.events.threads).toBe(2);
    expect({ ...two.json, events: { ...two.json.events, threads: 0 } }).toEqual({ ...one.json, events: { ...one.json.events, threads: 0 } });
    expect({ ...any.json, events: { ...any.json.events, threads: 0 } }).toEqual({ ...one.json, events: { ...one.json.events, threads: 0 } });
    expect(one.err).toBe(two.err);
    expect(one.json.rowsRead).toBe(one.json.counted + one.json.rejectedCount + one.json.outsidePeriod);
    // index 2.2 (#22): computed from the event log, the same on 1 and 2 threads (in the equality above), waits subtracted
    expect(one.json.handlingTime766.total.dossiers).toBeGreaterThan(100);
    expect(one.json.handlingTime766.supplementWaitsSubtracted).toBeGreaterThan(0);
    expect(one.json.handlingTime766.supplementWaitsKnown).toBe(one.json.handlingTime766.total.dossiers);
    expect(one.json.score766.points.find((p: { code: string }) => p.code === '2.2').status).toBe('estimated');
  });
});
