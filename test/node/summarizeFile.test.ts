// summarizeCsvFile against the built package (the worker must load from dist, in ESM and in CJS):
// built here with the same tsup settings the package uses for motcua/node, into .bench-tmp/.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { period, readRecords, sampleRecords } from '../../src/kpi/index';
import { add, addRecord, createAccumulator } from '../../src/kpi/accumulator';
import { result } from '../../src/kpi/result';
import type { ErrorTexts } from '../../src/errors';
import { reasonTexts } from '../../src/kpi/reasonTexts';
import { summarizeCsvFile as fromSource } from '../../src/node/summarizeFile';

/** The rejections without their texts (#19: `texts` is checked in test/node/rejectedTexts.test.ts). */
const plain = (rs: readonly { line: number; reason: string }[]) => rs.map(({ line, reason }) => ({ line, reason }));

const root = join(__dirname, '../..');
const out = join(root, '.bench-tmp', `dist-node-test-${process.pid}`);
const HEADER = 'id,procedureCode,field,agency,level,channel,receivedOn,dueOn,finishedOn,finishedAs,supplements,extensions,digitised,eResult,paperResultRequired,feeDue,paidOnline,synced,complaint';
const P = { from: '2024-01-01', to: '2024-12-31' } as const;

type Api = typeof import('../../src/node/index');
let esm: Api;

/** A CSV of `rows` sample rows with quoted cells, CRLF line ends and a bad row every 997 rows. */
function writeCsv(file: string, rows: number, middle = ''): string {
  const base = [...sampleRecords({ year: 2023 }), ...sampleRecords({ year: 2024 })];
  const q = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    const r = base[i % base.length]!;
    if (i === rows >> 1 && middle) lines.push(middle);
    if (i % 997 === 5) lines.push(`B${i},1.001193,Hộ tịch,UBND,commune,fax,2024-01-02,2024-01-05,,,0,0,1,0,,0,0,1,0`);
    else if (i % 1999 === 7) lines.push(`Q${i},1.001193,"Hộ ""tịch""","UBND xã A, huyện B",commune,online,02/01/2024,2024-01-05,,,0,0,1,0,,0,0,1,0`);
    else
      lines.push(
        `${i},${r.procedureCode},${q(r.field)},${q(r.agency)},${r.level},${r.channel},${r.receivedOn},${r.dueOn},${r.finishedOn ?? ''},${r.finishedAs ?? ''},${r.supplements},${r.extensions},${
          r.digitised
        },${r.eResult},,${r.feeDue},${r.paidOnline},${r.synced},${r.complaint}`
      );
  }
  const text = `\uFEFF${lines.join('\r\n')}\r\n`;
  writeFileSync(file, text);
  return text;
}

/** The general reader on the whole text: what every path must give. */
async function reference(text: string, groupBy: 'field' | 'agency' | 'procedure') {
  const acc = createAccumulator({ period: period(P), groupBy });
  const rejected: { line: number; reason: string; texts: ErrorTexts }[] = [];
  let rowsRead = 0;
  let outsidePeriod = 0;
  for await (const r of readRecords([text])) {
    rowsRead++;
    if (r.ok) {
      if (!addRecord(acc, r.record)) outsidePeriod++;
    } else rejected.push({ line: r.line, reason: r.reason, texts: reasonTexts(r.reason) });
  }
  const s = result(acc);
  // #14: rows read = counted + rejected + outside the period
  expect(rowsRead).toBe(s.total.counts.received + rejected.length + outsidePeriod);
  return { ...s, rejectedCount: rejected.length, rejected, rowsRead, outsidePeriod };
}

beforeAll(async () => {
  mkdirSync(out, { recursive: true });
  // The motcua/node entries as the package builds them (see the changeset / lead's tsup config).
  await build({
    entry: { node: join(root, 'src/node/index.ts'), 'node-worker': join(root, 'src/node/worker.ts') },
    format: ['esm', 'cjs'],
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

describe('summarizeCsvFile (motcua/node)', () => {
  it('gives the same summary, rejections and file line numbers on 1, 2 and 3 worker threads as summarize over readRecords', async () => {
    const file = join(out, 'a.csv');
    const text = writeCsv(file, 40_000);
    for (const groupBy of ['field', 'agency'] as const) {
      const want = await reference(text, groupBy);
      expect(want.rejectedCount).toBeGreaterThan(30);
      for (const threads of [1, 2, 3]) {
        const got = await esm.summarizeCsvFile(file, { period: period(P), groupBy, threads });
        expect(got.threads).toBe(threads);
        expect({ ...got, threads: 0 }).toEqual({ ...want, threads: 0 });
      }
    }
  });

  it('keeps the first rejected rows (all counted) and reports progress', async () => {
    const file = join(out, 'b.csv');
    const text = writeCsv(file, 30_000);
    const want = await reference(text, 'field');
    let last = 0;
    const got = await esm.summarizeCsvFile(file, { period: period(P), groupBy: 'field', threads: 2, keepRejected: 5, onProgress: (b) => (last = b) });
    expect(got.rejectedCount).toBe(want.rejectedCount);
    expect(got.rejected).toEqual(want.rejected.slice(0, 5));
    expect(last).toBe(Buffer.byteLength(text));
  });

  it('reads the file again on one thread when a quoted newline runs across a split', async () => {
    const file = join(out, 'c.csv');
    const cell = `"${'a line\n'.repeat(60_000)}"`;
    const text = writeCsv(file, 20_000, `M,1.001193,${cell},UBND xã A,commune,online,2024-01-02,2024-01-05,,,0,0,1,0,,0,0,1,0`);
    const want = await reference(text, 'field');
    const got = await esm.summarizeCsvFile(file, { period: period(P), groupBy: 'field', threads: 2 });
    expect(got.threads).toBe(1);
    expect({ ...got, threads: 0 }).toEqual({ ...want, threads: 0 });
  });

  it('loads its worker from the CommonJS build too', async () => {
    const file = join(out, 'a.csv');
    const text = writeCsv(file, 40_000);
    const want = await reference(text, 'field');
    const js = `const { summarizeCsvFile } = require(${JSON.stringify(join(out, 'node.cjs'))});
      summarizeCsvFile(${JSON.stringify(file)}, { period: ${JSON.stringify(period(P))}, groupBy: 'field', threads: 2 })
        .then((s) => process.stdout.write(JSON.stringify({ threads: s.threads, total: s.total.counts, rejected: s.rejected })));`;
    const got = JSON.parse(execFileSync(process.execPath, ['-e', js], { encoding: 'utf8' }));
    expect(got.threads).toBe(2);
    expect(got.total).toEqual(want.total.counts);
    expect(got.rejected).toEqual(want.rejected);
  });

  it('motcua report --threads N prints the same report whatever N (built CLI)', async () => {
    const file = join(out, 'a.csv');
    writeCsv(file, 40_000);
    const run = (threads: string) =>
      execFileSync(process.execPath, [join(out, 'cli.js'), 'report', file, '--from', P.from, '--to', P.to, '--format', 'json', '--threads', threads, '--assume', 'returnedOn=none,originalDueOn=none,pausedSince=none,digitised=false,eResult=false,paperResultRequired=none,feeDue=false,paidOnline=false,synced=false,complaint=false,reusedData=false,dataStored=false,componentsFromStore=false'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    const outputs = [1, 2, 4].map((t) => {
      try {
        return run(String(t));
      } catch (e) {
        return (e as { stdout: string }).stdout; // exit 1: rejected rows
      }
    });
    expect(JSON.parse(outputs[0]!).rejectedCount).toBeGreaterThan(30);
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
  });

  it('from the sources (no built worker next to it) it reads on one thread, with the same result', async () => {
    const file = join(out, 'a.csv');
    const text = writeCsv(file, 40_000);
    const got = await fromSource(file, { period: period(P), groupBy: 'field', threads: 2 });
    expect(got.threads).toBe(1);
    expect({ ...got, threads: 0 }).toEqual({ ...(await reference(text, 'field')), threads: 0 });
  });

  it('#14 __proto__, constructor, toString, valueOf, hasOwnProperty as a field, agency or procedure do not pollute Object.prototype and are counted (CSV, 2 and 3 threads)', async () => {
    const file = join(out, 'proto.csv');
    const keys = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];
    const hostile = keys.flatMap((k, i) => [
      `F${i},1.001193,${k},UBND xã A,commune,online,2024-01-10,2024-01-15,2024-01-12,resolved,0,0,1,0,,0,0,1,0`,
      `A${i},1.001193,Hộ tịch,${k},commune,online,2024-01-10,2024-01-15,2024-01-12,resolved,0,0,1,0,,0,0,1,0`,
      `P${i},${k},Hộ tịch,UBND xã A,commune,online,2024-01-10,2024-01-15,2024-01-12,resolved,0,0,1,0,,0,0,1,0`,
    ]);
    // the hostile rows in the first, the middle and the last range of the file
    const text0 = writeCsv(file, 40_000, hostile.join('\r\n'));
    const text = text0.replace(`${HEADER}\r\n`, `${HEADER}\r\n${hostile.join('\r\n')}\r\n`) + `${hostile.join('\r\n')}\r\n`;
    writeFileSync(file, text);
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    for (const groupBy of ['field', 'agency', 'procedure'] as const) {
      const want = await reference(text, groupBy);
      for (const k of keys) expect(want.rows.find((r) => r.key === k)?.counts.received, `${groupBy} ${k}`).toBe(3);
      for (const threads of groupBy === 'field' ? [2, 3] : [2]) {
        const got = await esm.summarizeCsvFile(file, { period: period(P), groupBy, threads });
        expect(got.threads).toBe(threads);
        expect({ ...got, threads: 0 }).toEqual({ ...want, threads: 0 });
      }
    }
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).received).toBeUndefined();
  });

  it('#14 worker threads start under ordinary Node flags (--max-old-space-size, --stack-size, --expose-gc, --title, --disable-proto=delete, …): same report on 2 threads (built CLI and API)', async () => {
    const file = join(out, 'a.csv');
    writeCsv(file, 40_000);
    const flags = ['--max-old-space-size=4096', '--stack-size=500', '--expose-gc', '--title=motcua-test', '--disable-proto=delete', '--max-semi-space-size=16', '--no-warnings', '--enable-source-maps'];
    const run = (nodeFlags: string[]) => {
      try {
        return execFileSync(process.execPath, [...nodeFlags, join(out, 'cli.js'), 'report', file, '--from', P.from, '--to', P.to, '--format', 'json', '--threads', '2', '--assume', 'returnedOn=none,originalDueOn=none,pausedSince=none,digitised=false,eResult=false,paperResultRequired=none,feeDue=false,paidOnline=false,synced=false,complaint=false,reusedData=false,dataStored=false,componentsFromStore=false'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (e) {
        const x = e as { stdout: string; stderr: string; status: number };
        expect(x.stderr).not.toContain('ERR_WORKER_INVALID_EXEC_ARGV');
        expect(x.status).toBe(1); // rejected rows
        return x.stdout;
      }
    };
    expect(run(flags)).toBe(run([]));
    const js = `import(${JSON.stringify(pathToFileURL(join(out, 'node.js')).href)}).then(({ summarizeCsvFile }) =>
      summarizeCsvFile(${JSON.stringify(file)}, { period: ${JSON.stringify(period(P))}, groupBy: 'field', threads: 2 }))
      .then((s) => process.stdout.write(JSON.stringify({ threads: s.threads, notice: s.notice ?? null, received: s.total.counts.received })));`;
    const got = JSON.parse(execFileSync(process.execPath, [...flags, '--input-type=module', '-e', js], { encoding: 'utf8' }));
    expect(got).toMatchObject({ threads: 2, notice: null });
    expect(got.received).toBeGreaterThan(1000);
  });

  it('#14 when worker threads cannot start, the file is read on one thread with a notice; a worker crash is a one-line error, not a stack', async () => {
    const file = join(out, 'a.csv');
    const text = writeCsv(file, 40_000);
    const want = await reference(text, 'field');
    // a broken install: the worker file throws as it loads
    const broken = join(out, 'broken');
    rmSync(broken, { recursive: true, force: true });
    mkdirSync(broken);
    for (const f of ['node.js', 'node-worker.js']) cpSync(join(out, f), join(broken, f));
    for (const f of (await import('node:fs')).readdirSync(out)) if (/^chunk-.*\.js$/.test(f)) cpSync(join(out, f), join(broken, f));
    writeFileSync(join(broken, 'node-worker.js'), 'throw new Error("cannot load\\n    at somewhere (x.js:1:1)");\n');
    const api = (await import(pathToFileURL(join(broken, 'node.js')).href)) as Api;
    const got = await api.summarizeCsvFile(file, { period: period(P), groupBy: 'field', threads: 2 });
    expect(got.threads).toBe(1);
    expect(got.notice).toMatch(/^motcua: a worker thread could not start \(cannot load\); read on one thread$/);
    expect({ ...got, threads: 0, notice: undefined }).toEqual({ ...want, threads: 0 });
    // a worker that starts, then crashes
    writeFileSync(join(broken, 'node-worker.js'), 'import { parentPort } from "node:worker_threads"; parentPort.postMessage({ type: "ready" }); setTimeout(() => { throw new RangeError("out of luck\\n    at deep (y.js:2:2)"); }, 5);\n');
    const crashed = await api.summarizeCsvFile(file, { period: period(P), groupBy: 'field', threads: 2 }).then(() => null, (e: Error) => e);
    expect(crashed).toBeInstanceOf(Error);
    expect(crashed!.message).toMatch(/^motcua: the worker thread reading bytes \d+-\d+ of .*a\.csv crashed: out of luck$/);
  });

  it('#14 one stray quote in a large CSV: 2 and 3 threads reject its row with its line and count every other row, as the general reader does', async () => {
    const file = join(out, 'stray.csv');
    const text = writeCsv(file, 40_000, 'S,1.001193,"Hộ tịch,UBND xã A,commune,online,2024-01-10,2024-01-15,2024-01-12,resolved');
    const want = { groups: createAccumulator({ period: period(P), groupBy: 'field' }), rejected: [] as { line: number; reason: string }[] };
    for await (const r of readRecords([text], { maxCellBytes: 64 })) {
      if (r.ok) add(want.groups, r.record);
      else want.rejected.push({ line: r.line, reason: r.reason });
    }
    expect(want.rejected.filter((r) => r.reason.includes('longer than 64 bytes'))).toHaveLength(1);
    for (const threads of [2, 3]) {
      const got = await esm.summarizeCsvFile(file, { period: period(P), groupBy: 'field', threads, maxCellBytes: 64 });
      expect(got.rows).toEqual(result(want.groups).rows);
      expect(plain(got.rejected)).toEqual(want.rejected);
    }
  });

  it('#22 duplicate dossier ids across the ranges: 1, 2 and 3 threads give the summary, counts and rejections (in file order, naming the line that wins) of one reading in file order where the first good row wins (property)', async () => {
    const file = join(out, 'dup.csv');
    const text0 = writeCsv(file, 26_000);
    const [head, ...rows] = text0.slice(0, -2).split('\r\n');
    const idOf = (row: string) => row.slice(0, row.indexOf(','));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ from: fc.nat(rows.length - 1), to: fc.nat(rows.length - 1), nfd: fc.boolean() }), { minLength: 1, maxLength: 60 }),
        async (dups) => {
          const body = [...rows];
          for (const { from, to, nfd } of dups) {
            // the row at `to` takes the id of the row at `from` (good, bad or outside the period, before or after it);
            // an id in NFD form is the same id once read (NFC at the reader)
            const id = idOf(body[from]!);
            body[to] = `${nfd ? `${id}ệ`.normalize('NFD') : `${id}ệ`}${body[to]!.slice(idOf(body[to]!).length)}`;
            body[from] = `${id}ệ${body[from]!.slice(id.length)}`;
          }
          const text = `${head}\r\n${body.join('\r\n')}\r\n`;
          writeFileSync(file, text);
          // the reference: the general reader, one row after the other, first good row wins
          const acc = createAccumulator({ period: period(P), groupBy: 'field' });
          const rejected: { line: number; reason: string; texts?: ErrorTexts }[] = [];
          const seen = new Map<string, number>();
          let rowsRead = 0;
          let outsidePeriod = 0;
          for await (const r of readRecords([text])) {
            rowsRead++;
            if (!r.ok) rejected.push({ line: r.line, reason: r.reason });
            else if (seen.has(r.record.id)) rejected.push({ line: r.line, reason: `id: duplicate dossier id ${JSON.stringify(r.record.id)}: already counted from line ${seen.get(r.record.id)}, which wins; this row is not counted` });
            else {
              seen.set(r.record.id, r.line);
              if (!addRecord(acc, r.record)) outsidePeriod++;
            }
          }
          const want = { ...result(acc), rejectedCount: rejected.length, rejected: rejected.slice(0, 40), rowsRead, outsidePeriod };
          expect(rowsRead).toBe(want.total.counts.received + rejected.length + outsidePeriod);
          for (const threads of [1, 2, 3]) {
            const got = await esm.accumulateCsvFile(file, createAccumulator({ period: period(P), groupBy: 'field' }), { threads, dedupe: true, keepRejected: 40 });
            expect(got.threads, `threads ${threads}`).toBe(threads);
            const s = { ...result(got.acc), rejectedCount: got.rejectedCount, rejected: plain(got.rejected), rowsRead: got.rowsRead, outsidePeriod: got.outsidePeriod };
            expect(s, `threads ${threads}`).toEqual(want);
          }
        }
      ),
      { numRuns: 3 }
    );
  }, 300_000);
});
