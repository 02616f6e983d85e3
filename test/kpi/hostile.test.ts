// Issue #14: hostile input to the KPI readers, the accumulator and `motcua report`.
// Each repro of the issue is a named test here (the worker-thread ones are in test/node/summarizeFile.test.ts).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { run as runEvents } from '../../src/cli/reportEvents';
import { add, createAccumulator, merge, period, readJsonRecords, readRecords, result, summarize } from '../../src/kpi/index';
import type { DossierRecord } from '../../src/kpi/index';
import { isMotcuaError } from '../../src/errors';
import { summarizeCsvFile } from '../../src/node/summarizeFile';
import { fakeIo } from '../cli/_io';

export const HOSTILE_KEYS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf'] as const;

/** What `Object.prototype` looks like now: its own property names and their values. */
export function prototypeSnapshot(): [string, unknown][] {
  return Object.getOwnPropertyNames(Object.prototype).map((k) => [k, (Object.prototype as Record<string, unknown>)[k]]);
}
const PRISTINE = prototypeSnapshot();
/** Object.prototype is as it was when this file loaded, and a fresh object has no counts on it. */
export function expectPrototypeUntouched(): void {
  expect(prototypeSnapshot()).toEqual(PRISTINE);
  expect(Object.getPrototypeOf(Object.prototype)).toBe(null);
  const o = {} as Record<string, unknown>;
  for (const k of ['received', 'online', 'resolved', 'pending', 'excluded']) expect(o[k]).toBeUndefined();
}
afterEach(() => expectPrototypeUntouched());

const HEADER = 'id,procedureCode,field,agency,level,channel,receivedOn,dueOn,finishedOn,finishedAs';
/** HEADER has no optional column: `motcua report` needs each one a printed figure reads declared absent (#22). */
const ASSUME_ABSENT = ['--assume', 'returnedOn=none,pausedSince=none,digitised=false,eResult=false,paperResultRequired=none,feeDue=false,paidOnline=false,synced=false,complaint=false,reusedData=false,dataStored=false,componentsFromStore=false'];
const P = period('2024-Q1');
const rec = (over: Partial<DossierRecord>): DossierRecord => ({
  id: 'H', procedureCode: '1.001193', field: 'Hộ tịch', agency: 'UBND xã A', level: 'commune', channel: 'online',
  receivedOn: '2024-01-10', dueOn: '2024-01-15', finishedOn: '2024-01-12', finishedAs: 'resolved', supplements: 0, extensions: 0,
  digitised: true, eResult: true, feeDue: false, paidOnline: false, synced: true, complaint: false, ...over,
});
const csvRow = (id: string, procedureCode: string, field: string, agency: string) => `${id},${procedureCode},${field},${agency},commune,online,2024-01-10,2024-01-15,2024-01-12,resolved`;
const GROUP_OF = { field: 'field', agency: 'agency', procedure: 'procedureCode' } as const;

/** A CSV with one row per hostile key in column `col`, plus two ordinary rows. */
function hostileCsv(col: 'field' | 'agency' | 'procedureCode'): string {
  const lines = [HEADER, csvRow('N1', '1.001193', 'Hộ tịch', 'UBND xã A')];
  HOSTILE_KEYS.forEach((k, i) => lines.push(csvRow(`K${i}`, col === 'procedureCode' ? k : '1.001193', col === 'field' ? k : 'Hộ tịch', col === 'agency' ? k : 'UBND xã A')));
  lines.push(csvRow('N2', '1.001193', 'Hộ tịch', 'UBND xã A'));
  return `${lines.join('\n')}\n`;
}

/** Every hostile key is a group of its own with exactly one dossier; the ordinary group has two. */
function expectHostileGroups(s: ReturnType<typeof result>, ordinary: string): void {
  const byKey = new Map(s.rows.map((r) => [r.key, r.counts.received]));
  for (const k of HOSTILE_KEYS) expect(byKey.get(k), k).toBe(1);
  expect(byKey.get(ordinary)).toBe(2);
  expect(s.total.counts.received).toBe(HOSTILE_KEYS.length + 2);
  expect(s.identities.every((i) => i.ok)).toBe(true);
}

describe('#14 Object.prototype pollution through group keys', () => {
  for (const [groupBy, col] of Object.entries(GROUP_OF) as [keyof typeof GROUP_OF, (typeof GROUP_OF)[keyof typeof GROUP_OF]][]) {
    const ordinary = col === 'field' ? 'Hộ tịch' : col === 'agency' ? 'UBND xã A' : '1.001193';

    it(`#14 __proto__, constructor, toString, valueOf, hasOwnProperty as ${groupBy} do not pollute Object.prototype (accumulator, add)`, () => {
      const acc = createAccumulator({ period: P, groupBy });
      add(acc, rec({ id: 'N1' }));
      HOSTILE_KEYS.forEach((k, i) => add(acc, rec({ id: `K${i}`, [col]: k })));
      add(acc, rec({ id: 'N2' }));
      expectPrototypeUntouched();
      expectHostileGroups(result(acc), ordinary);
      // and a later, unrelated summary in the same process still works
      expect(summarize([rec({})], { period: P }).total.counts.received).toBe(1);
    });

    it(`#14 __proto__ and friends as ${groupBy} are counted through CSV (general reader and the byte reader, 1 thread)`, async () => {
      const text = hostileCsv(col);
      const acc = createAccumulator({ period: P, groupBy });
      let rejected = 0;
      for await (const r of readRecords([text])) {
        if (r.ok) add(acc, r.record);
        else rejected++;
      }
      expect(rejected).toBe(0);
      expectHostileGroups(result(acc), ordinary);
      const dir = mkdtempSync(join(tmpdir(), 'motcua-h14-'));
      const file = join(dir, 'x.csv');
      writeFileSync(file, text);
      const s = await summarizeCsvFile(file, { period: P, groupBy, threads: 1 });
      expect(s.rejectedCount).toBe(0);
      expectHostileGroups(s, ordinary);
      expect(s.rows).toEqual(result(acc).rows);
    });

    it(`#14 __proto__ and friends as ${groupBy} are counted through JSON records`, async () => {
      const base = { procedureCode: '1.001193', field: 'Hộ tịch', agency: 'UBND xã A', level: 'commune', channel: 'online', receivedOn: '2024-01-10', dueOn: '2024-01-15', finishedOn: '2024-01-12', finishedAs: 'resolved' };
      // written as text: an object literal { __proto__: … } would not make an own key
      const items = [JSON.stringify({ ...base, id: 'N1' }), ...HOSTILE_KEYS.map((k, i) => JSON.stringify({ ...base, id: `K${i}` }).replace(`"${col}":"${(base as Record<string, string>)[col]}"`, `"${col}":${JSON.stringify(k)}`)), JSON.stringify({ ...base, id: 'N2' })];
      const acc = createAccumulator({ period: P, groupBy });
      let rejected = 0;
      for await (const r of readJsonRecords([`[${items.join(',\n')}]`])) {
        if (r.ok) add(acc, r.record);
        else rejected++;
      }
      expect(rejected).toBe(0);
      expectHostileGroups(result(acc), ordinary);
    });
  }

  it('#14 a JSON record without a "constructor" key does not read Object.prototype.constructor through a mapping', async () => {
    const json = '[{"id":"A","procedureCode":"1.001193","field":"Hộ tịch","agency":"UBND xã A","level":"commune","channel":"online","receivedOn":"2024-01-10","dueOn":"2024-01-15"}]';
    const got = [];
    for await (const r of readJsonRecords([json], { mapping: { field: 'constructor', agency: 'toString' } })) got.push(r);
    expect(got).toHaveLength(1);
    expect(got[0]!.ok).toBe(true);
    if (got[0]!.ok) expect([got[0]!.record.field, got[0]!.record.agency]).toEqual(['', '']);
  });

  it('#14 a channel "constructor" or "__proto__" is rejected, not read from Object.prototype', async () => {
    const text = `${HEADER}\nA,1.001193,Hộ tịch,UBND xã A,commune,constructor,2024-01-10,2024-01-15,,\nB,1.001193,Hộ tịch,UBND xã A,commune,__proto__,2024-01-10,2024-01-15,,\n`;
    const got = [];
    for await (const r of readRecords([text])) got.push(r);
    expect(got.map((r) => (r.ok ? 'ok' : r.reason))).toEqual(['channel: "constructor" is not a channel (direct, online, postal or 1, 2, 3, or a name read without a map: direct: "Trực tiếp", "Nộp trực tiếp", "Tại quầy"; online: "Trực tuyến", "Nộp trực tuyến", "Dịch vụ công trực tuyến", "Qua mạng"; postal: "Bưu chính", "Bưu chính công ích", "Qua bưu chính công ích", "Dịch vụ bưu chính công ích", "BCCI", "Qua dịch vụ bưu chính công ích")', 'channel: "__proto__" is not a channel (direct, online, postal or 1, 2, 3, or a name read without a map: direct: "Trực tiếp", "Nộp trực tiếp", "Tại quầy"; online: "Trực tuyến", "Nộp trực tuyến", "Dịch vụ công trực tuyến", "Qua mạng"; postal: "Bưu chính", "Bưu chính công ích", "Qua bưu chính công ích", "Dịch vụ bưu chính công ích", "BCCI", "Qua dịch vụ bưu chính công ích")']);
  });

  it('#14 merge() of accumulators read back from JSON keeps __proto__ and friends as groups, and checks their counts', () => {
    const a = createAccumulator({ period: P, groupBy: 'field' });
    const b = createAccumulator({ period: P, groupBy: 'field' });
    HOSTILE_KEYS.forEach((k, i) => add(a, rec({ id: `A${i}`, field: k })));
    HOSTILE_KEYS.forEach((k, i) => add(b, rec({ id: `B${i}`, field: k })));
    add(b, rec({ id: 'N' }));
    const a2 = JSON.parse(JSON.stringify(a));
    const b2 = JSON.parse(JSON.stringify(b));
    expect(Object.keys(a2.groups).sort()).toEqual([...HOSTILE_KEYS].sort());
    const m = merge(a2, b2);
    expectPrototypeUntouched();
    const s = result(m);
    for (const k of HOSTILE_KEYS) expect(s.rows.find((r) => r.key === k)?.counts.received, k).toBe(2);
    expect(s.total.counts.received).toBe(2 * HOSTILE_KEYS.length + 1);
    // add() on an accumulator read back from JSON: "constructor" is an own group, not Object
    const c = JSON.parse(JSON.stringify(createAccumulator({ period: P, groupBy: 'field' })));
    add(c, rec({ field: 'constructor' }));
    add(c, rec({ field: '__proto__' }));
    expect(Object.keys(c.groups).sort()).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(c.groups)).toBe(Object.prototype);
    // a group whose counts are not counts is refused, naming it
    const bad = JSON.parse(JSON.stringify(a));
    bad.groups.constructor.received = 'x';
    expect(() => merge(a, bad)).toThrow(/groups\["constructor"\]\.received: expected a whole number ≥ 0, got "x"/);
    const extra = JSON.parse(JSON.stringify(a));
    extra.groups.toString.bogus = 1;
    try {
      merge(a, extra);
      expect.unreachable();
    } catch (e) {
      expect(isMotcuaError(e, 'INVALID_INPUT')).toBe(true);
    }
  });

  it('#14 report --events: dossier ids __proto__, constructor, toString, valueOf, hasOwnProperty get their facts from "*", not from Object.prototype', async () => {
    const L = (dossierId: string, e: Record<string, unknown>) => JSON.stringify({ dossierId, procedureCode: '1.004873', agency: 'UBND xã A', ...e });
    // the dossiers in ascending id order, as --events requires (#18)
    const events = [...HOSTILE_KEYS].sort().flatMap((k) => [L(k, { id: 'e1', type: 'received', at: '2024-05-06T08:00+07:00', channel: 'online' }), L(k, { id: 'e2', type: 'resolved', at: '2024-05-08T10:00+07:00' })]).join('\n');
    const facts = JSON.stringify({ '*': { digitised: true, eResult: false, feeDue: false, paidOnline: false, synced: true, complaint: false } });
    const io = fakeIo({ 'ev.ndjson': events, 'facts.json': facts });
    const code = await runEvents(['--events', 'ev.ndjson', '--facts', 'facts.json', '--period', '2024-05', '--format', 'json', '--assume', 'reusedData=false,dataStored=false,componentsFromStore=false'], io);
    expect(io.err).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(io.out).total.counts).toMatchObject({ received: HOSTILE_KEYS.length, resolved: HOSTILE_KEYS.length, digitised: HOSTILE_KEYS.length });
    // and without "*", such an id has no facts: rejected by name, not given Object.prototype's
    const io2 = fakeIo({ 'ev.ndjson': events, 'facts.json': JSON.stringify({ X: JSON.parse(facts)['*'] }) });
    expect(await runEvents(['--events', 'ev.ndjson', '--facts', 'facts.json', '--period', '2024-05', '--format', 'json', '--assume', 'reusedData=false,dataStored=false,componentsFromStore=false', '--lang', 'en'], io2)).toBe(1);
    expect(io2.err).toContain(`${HOSTILE_KEYS.length} dossier(s) or line(s) of ev.ndjson rejected; 0 dossier(s) reported.`);
  });

  it('#14 motcua report on a CSV with __proto__ as a field counts every row and exits 0 (CLI, 1 thread)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-h14-'));
    const file = join(dir, 'x.csv');
    writeFileSync(file, hostileCsv('field'));
    const io = fakeIo();
    expect(await main(['--lang', 'en', 'report', file, '--period', '2024-Q1', '--format', 'json', '--threads', '1', '--assume', 'returnedOn=none,originalDueOn=none,pausedSince=none,digitised=false,eResult=false,paperResultRequired=none,feeDue=false,paidOnline=false,synced=false,complaint=false,reusedData=false,dataStored=false,componentsFromStore=false'], io)).toBe(0);
    const out = JSON.parse(io.out);
    expect(out.total.counts.received).toBe(HOSTILE_KEYS.length + 2);
    expect(out.rows.map((r: { key: string }) => r.key)).toEqual(expect.arrayContaining([...HOSTILE_KEYS]));
  });
});

/** The CLI io of bin.ts, reading the real file system. */
function diskIo() {
  const io = fakeIo();
  io.readFile = (p: string) => readFile(p, 'utf8');
  return io;
}

describe('#14 one-line CLI messages instead of stack traces', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-h14-'));
  const csv = join(dir, 'ok.csv');
  writeFileSync(csv, `${HEADER}\n${csvRow('A', '1.001193', 'Hộ tịch', 'UBND xã A')}\n`);
  const oneLine = (s: string) => {
    expect(s.trimEnd().split('\n')).toHaveLength(1);
    expect(s).not.toMatch(/\n\s+at /);
  };

  it('#14 motcua report on a missing file (ENOENT) prints one line and exits 2 (bad input; 1 before issue #20)', async () => {
    const io = diskIo();
    expect(await main(['--lang', 'en', 'report', join(dir, 'nope.csv'), '--period', '2024-Q1'], io)).toBe(2);
    oneLine(io.err);
    expect(io.err).toContain('không tìm thấy tệp');
    expect(io.err).toContain('nope.csv');
  });

  it('#14 motcua report on a directory (EISDIR) prints one line and exits 2 (bad input; 1 before issue #20)', async () => {
    for (const f of [dir, join(dir, 'd.json')]) {
      if (f !== dir) (await import('node:fs')).mkdirSync(f, { recursive: true });
      const io = diskIo();
      expect(await main(['--lang', 'en', 'report', f, '--period', '2024-Q1'], io)).toBe(2);
      oneLine(io.err);
      expect(io.err).toContain('là một thư mục, không phải một tệp (EISDIR)');
    }
  });

  it('#14 motcua report with a mapping file that is missing or not JSON prints one line', async () => {
    let io = diskIo();
    expect(await main(['--lang', 'en', 'report', csv, '--period', '2024-Q1', '--mapping', join(dir, 'none.json')], io)).toBe(2);
    oneLine(io.err);
    expect(io.err).toContain('none.json');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "id": ');
    io = diskIo();
    expect(await main(['--lang', 'en', 'report', csv, '--period', '2024-Q1', '--mapping', bad], io)).toBeGreaterThan(0);
    oneLine(io.err);
    expect(io.err).toContain('not JSON');
    for (const m of ['{"id": null}', '{"id": 5}', '[1]', '5']) {
      writeFileSync(bad, m);
      io = diskIo();
      expect(await main(['--lang', 'en', 'report', csv, '--period', '2024-Q1', '--mapping', bad], io), m).toBeGreaterThan(0);
      oneLine(io.err);
      expect(io.err).toContain('INVALID_OPTION');
    }
  });
});

describe('#14 one stray quote in a large CSV', () => {
  const good = (i: number) => csvRow(`R${i}`, '1.001193', 'Hộ tịch', 'UBND xã A');
  /** `rows` good rows with a stray quote opening a cell on data row `at` (its line is at + 2). */
  const strayFile = (rows: number, at: number, eol = '\n') => {
    const lines = [HEADER];
    for (let i = 0; i < rows; i++) lines.push(i === at ? `S${i},1.001193,"Hộ tịch,UBND xã A,commune,online,2024-01-10,2024-01-15,2024-01-12,resolved` : good(i));
    return lines.join(eol) + eol;
  };

  it('#14 a stray quote rejects its row with its line and reading resumes on the next line (general reader, small maxCellBytes)', async () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = strayFile(3000, 1000, eol);
      const acc = createAccumulator({ period: P });
      const rejected: { line: number; reason: string }[] = [];
      for await (const r of readRecords([text], { maxCellBytes: 4096 })) {
        if (r.ok) add(acc, r.record);
        else rejected.push({ line: r.line, reason: r.reason });
      }
      expect(rejected).toEqual([{ line: 1002, reason: 'a quoted cell on this row is longer than 4096 bytes (maxCellBytes; a stray quote?): the row is rejected and reading resumes on the line after the quote' }]);
      expect(result(acc).total.counts.received).toBe(2999);
    }
  });

  it('#14 a stray quote never buffers the rest of the file: rows after it are read before the input ends', async () => {
    const head = `${HEADER}\nS0,1.001193,"Hộ tịch,UBND xã A,commune,online,2024-01-10,2024-01-15,2024-01-12,resolved\n`;
    let pulled = 0;
    function* chunks() {
      yield head;
      // 10,000 chunks of 20 rows: the reader must give rows back long before the last one
      for (let k = 0; k < 10_000; k++) {
        pulled++;
        yield Array.from({ length: 20 }, (_, i) => `${good(k * 20 + i)}\n`).join('');
      }
    }
    let seenAt = -1;
    let ok = 0;
    for await (const r of readRecords(chunks(), { maxCellBytes: 256 })) {
      if (r.ok && seenAt < 0) seenAt = pulled;
      if (r.ok) ok++;
    }
    expect(seenAt).toBeGreaterThan(0);
    expect(seenAt).toBeLessThan(5);
    expect(ok).toBe(200_000);
  });

  it('#14 a stray quote: the byte reader (motcua report) gives the same rejection and counts, with the default 1 MiB maximum too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-h14-'));
    const file = join(dir, 'stray.csv');
    // about 2.5 MB after the quote: more than the default maximum, so the default applies as well
    const text = strayFile(30_000, 10);
    writeFileSync(file, text);
    for (const maxCellBytes of [4096, undefined]) {
      const s = await summarizeCsvFile(file, { period: P, threads: 1, ...(maxCellBytes ? { maxCellBytes } : {}) });
      expect(s.rejected.map(({ line, reason }) => ({ line, reason }))).toEqual([{ line: 12, reason: `a quoted cell on this row is longer than ${maxCellBytes ?? 1048576} bytes (maxCellBytes; a stray quote?): the row is rejected and reading resumes on the line after the quote` }]);
      expect(s.total.counts.received).toBe(29_999);
    }
    const io = fakeIo();
    expect(await main(['--lang', 'en', 'report', file, '--period', '2024-Q1', '--format', 'json', '--max-cell-bytes', '100', ...ASSUME_ABSENT], io)).toBe(1);
    expect(JSON.parse(io.out).rejected).toEqual([{ line: 12, reason: expect.stringContaining('longer than 100 bytes'), texts: { en: expect.stringContaining('longer than 100 bytes'), vi: expect.stringContaining('dài hơn 100 byte') } }]);
    expect(await main(['--lang', 'en', 'report', file, '--period', '2024-Q1', '--max-cell-bytes', '0', ...ASSUME_ABSENT], fakeIo())).toBe(2);
    await expect(readRecords([text], { maxCellBytes: 0 }).next()).rejects.toThrow(/maxCellBytes: expected a whole number of bytes ≥ 1, got 0/);
  });

  it('#14 a quoted cell longer than the maximum in the header is a typed error naming the line', async () => {
    const text = `id,"procedureCode${'x'.repeat(300)}\nA,B\n`;
    await expect(readRecords([text], { maxCellBytes: 100 }).next()).rejects.toThrow(/line 1: a quoted cell on this row is longer than 100 bytes/);
  });
});

describe('#14 rows read = counted + rejected + outside the period', () => {
  it('#14 motcua report prints rows read, counted, rejected and outside the period (table and JSON), for CSV on 1 thread, the general reader and JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-h14-'));
    const lines = [
      csvRow('A', '1.001193', 'Hộ tịch', 'UBND xã A'), // counted
      csvRow('B', '1.001193', 'Hộ tịch', 'UBND xã A'), // counted
      'C,1.001193,Hộ tịch,UBND xã A,commune,fax,2024-01-10,2024-01-15,,', // rejected
      'D,1.001193,Hộ tịch,UBND xã A,commune,online,2024-05-10,2024-05-15,,', // received after the period
      'E,1.001193,Hộ tịch,UBND xã A,commune,online,2023-05-10,2023-05-15,2023-05-12,resolved', // finished before it
      '', // an empty line: rejected
    ];
    const csv = join(dir, 'r.csv');
    writeFileSync(csv, `${HEADER}\n${lines.join('\n')}\n`);
    const want = { rowsRead: 6, counted: 2, rejectedCount: 2, outsidePeriod: 2 };
    // the general reader: a delimiter the byte reader does not take (one non-ASCII character; a
    // multi-character ';;' was used here before #14 refused multi-character delimiters)
    for (const extra of [['--threads', '1'], ['--delimiter', '§']]) {
      if (extra[0] === '--delimiter') writeFileSync(csv, `${HEADER}\n${lines.join('\n')}\n`.replaceAll(',', '§'));
      const io = fakeIo();
      expect(await main(['report', csv, '--period', '2024-Q1', '--format', 'json', ...extra, ...ASSUME_ABSENT], io)).toBe(1);
      expect(JSON.parse(io.out)).toMatchObject(want);
      const io2 = fakeIo();
      await main(['report', csv, '--period', '2024-Q1', ...extra, ...ASSUME_ABSENT], io2);
      expect(io2.out).toContain('Số dòng đã đọc: 6 = tính vào biểu 2 + bị loại 2 + ngoài kỳ báo cáo 2');
    }
    const json = join(dir, 'r.ndjson');
    const base = { procedureCode: '1.001193', field: 'Hộ tịch', agency: 'UBND xã A', level: 'commune', channel: 'online' };
    writeFileSync(json, [
      { ...base, id: 'A', receivedOn: '2024-01-10', dueOn: '2024-01-15' },
      { ...base, id: 'B', receivedOn: '2024-05-10', dueOn: '2024-05-15' },
      { ...base, id: 'C', channel: 'fax', receivedOn: '2024-01-10', dueOn: '2024-01-15' },
    ].map((o) => JSON.stringify(o)).join('\n'));
    const io = fakeIo();
    expect(await main(['--lang', 'en', 'report', json, '--period', '2024-Q1', '--format', 'json', ...ASSUME_ABSENT], io)).toBe(1);
    expect(JSON.parse(io.out)).toMatchObject({ rowsRead: 3, counted: 1, rejectedCount: 1, outsidePeriod: 1 });
  });
});

describe('#14 dates out of the civil range', () => {
  it('#14 9999-12-31T23:00-12:00 (year 10000 in Vietnamese time) and years 0000, 1899, 2101 are rejected by the readers with their line and field; the other rows are counted', async () => {
    const bad: [string, string][] = [
      ['receivedOn', '9999-12-31T23:00-12:00'],
      ['receivedOn', '0000-01-10'],
      ['dueOn', '2101-01-15'],
      ['finishedOn', '1899-12-31'],
      ['receivedOn', '10/01/0000'],
    ];
    const cols = HEADER.split(',');
    const lines = [HEADER, csvRow('A', '1.001193', 'Hộ tịch', 'UBND xã A')];
    for (const [f, v] of bad) {
      const cells = csvRow('X', '1.001193', 'Hộ tịch', 'UBND xã A').split(',');
      cells[cols.indexOf(f)] = v;
      lines.push(cells.join(','));
    }
    lines.push(csvRow('B', '1.001193', 'Hộ tịch', 'UBND xã A'));
    const text = `${lines.join('\n')}\n`;
    const got: { line: number; reason: string }[] = [];
    const acc = createAccumulator({ period: P });
    for await (const r of readRecords([text])) {
      if (r.ok) add(acc, r.record);
      else got.push({ line: r.line, reason: r.reason });
    }
    expect(got.map((r) => r.line)).toEqual([3, 4, 5, 6, 7]);
    got.forEach((r, k) => expect(r.reason.startsWith(`${bad[k]![0]}: `), r.reason).toBe(true));
    expect(got[0]!.reason).toMatch(/outside the years 1900-2100/);
    expect(result(acc).total.counts.received).toBe(2);
    // the byte reader agrees, and motcua report finishes with the two good rows
    const dir = mkdtempSync(join(tmpdir(), 'motcua-h14-'));
    const file = join(dir, 'd.csv');
    writeFileSync(file, text);
    const s = await summarizeCsvFile(file, { period: P, threads: 1 });
    expect(s.rejected.map(({ line, reason }) => ({ line, reason }))).toEqual(got);
    expect(s.total.counts.received).toBe(2);
    // and JSON records
    const json = JSON.stringify([{ id: 'J', procedureCode: '1.001193', field: 'x', agency: 'y', level: 'commune', channel: 'online', receivedOn: '9999-12-31T23:00-12:00', dueOn: '2024-01-15' }]);
    const j = [];
    for await (const r of readJsonRecords([json])) j.push(r);
    expect(j).toEqual([{ ok: false, line: 1, reason: expect.stringMatching(/^record 1: receivedOn: "9999-12-31T23:00-12:00" is .*outside the years 1900-2100/) }]);
  });
});
