import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { reportWithDuckDb } from '../../src/cli/_engineDuckdb';
import { main } from '../../src/cli/main';
import { fakeIo } from './_io';
import { createAccumulator, add, createHandlingTime, type DossierRecord, type GroupKey, handlingTime766, handlingTimeResult, period, readRecords, result, type SummaryPolicy } from '../../src/kpi/index';
import { recordArb } from '../kpi/_arbitraries';

const dir = mkdtempSync(join(tmpdir(), 'motcua-duck-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = 'id,procedureCode,field,agency,level,channel,receivedOn,dueOn,originalDueOn,finishedOn,finishedAs,returnedOn,supplements,extensions,digitised,eResult,paperResultRequired,feeDue,paidOnline,synced,complaint,reusedData,dataStored';
const ABSENT = 'pausedSince=none,componentsFromStore=false';

/** How a provincial system may print a value: each form the JS reader accepts. */
const style = fc.record({
  date: fc.constantFrom('iso', 'dmy', 'instant'),
  bool: fc.constantFrom('en', 'digit', 'vi', 'x'),
  channel: fc.constantFrom('name', 'code'),
});
type Style = typeof style extends fc.Arbitrary<infer S> ? S : never;

function printDate(d: string | null | undefined, s: Style): string {
  if (!d) return '';
  if (s.date === 'dmy') return `${d.slice(8)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
  // 06:30 in Vietnam is 23:30 UTC of the previous day: the reader must take the Vietnamese day.
  if (s.date === 'instant') {
    const t = new Date(`${d}T06:30:00+07:00`);
    return t.toISOString();
  }
  return d;
}
function printBool(b: boolean | null | undefined, s: Style): string {
  if (b === null || b === undefined) return '';
  return s.bool === 'en' ? String(b) : s.bool === 'digit' ? (b ? '1' : '0') : s.bool === 'vi' ? (b ? 'Có' : 'không') : b ? 'x' : '';
}
const q = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

function line(r: DossierRecord, s: Style): string {
  const ch = s.channel === 'code' ? { direct: '1', online: '2', postal: '3' }[r.channel] : r.channel;
  return [r.id, r.procedureCode, q(r.field), q(r.agency), r.level, ch, printDate(r.receivedOn, s), printDate(r.dueOn, s), printDate(r.originalDueOn, s), printDate(r.finishedOn, s), r.finishedAs ?? '', printDate(r.returnedOn, s),
    String(r.supplements), String(r.extensions), printBool(r.digitised, s), printBool(r.eResult, s), printBool(r.paperResultRequired, s), printBool(r.feeDue, s), printBool(r.paidOnline, s), printBool(r.synced, s), printBool(r.complaint, s), printBool(r.reusedData, s), printBool(r.dataStored, s)].join(',');
}

const BAD_LINES = [
  'b1,1.001193,Hộ tịch,UBND xã A,commune,fax,2024-01-03,2024-01-05,,,,,0,0,true,true,,false,false,true,false,,',
  'b2,1.001193,Hộ tịch,UBND xã A,commune,online,2024-02-30,2024-03-05,,,,,0,0,true,true,,false,false,true,false,,',
  'b3,1.001193,Hộ tịch,UBND xã A,commune,online,2024-01-10,2024-01-05,,,,,0,0,true,true,,false,false,true,false,,',
  'b4,1.001193,Hộ tịch,UBND xã A,commune,online,2024-01-10,2024-01-15,2024-01-12,,,,0,0,true,true,,false,false,true,false,,',
  'b5,1.001193,Hộ tịch,UBND xã A,village,online,2024-01-10,2024-01-15,,,,,0,0,true,true,,false,false,true,false,,',
  'b6,1.001193,Hộ tịch,UBND xã A,commune,online,2024-01-10,2024-01-15,,,,,two,0,true,true,,false,false,true,false,,',
  'b7,1.001193,Hộ tịch,UBND xã A,commune,online,2024-01-10,2024-01-15,,,,,0,0,maybe,true,,false,false,true,false,,',
  ',1.001193,Hộ tịch,UBND xã A,commune,online,2024-01-10,2024-01-15,,,,,0,0,true,true,,false,false,true,false,,',
];

async function jsReport(text: string, options: { period: ReturnType<typeof period>; groupBy: GroupKey[]; policy: SummaryPolicy }) {
  const acc = createAccumulator(options);
  const rejected: number[] = [];
  for await (const r of readRecords([text])) {
    if (r.ok) add(acc, r.record);
    else rejected.push(r.line);
  }
  return { summary: result(acc), rejected };
}

describe('motcua report --engine duckdb: the same report as the JS reader and accumulator', () => {
  it('gives identical tables and rejects the same lines on generated CSV files in every accepted format', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(recordArb, style), { maxLength: 40 }),
        fc.subarray(BAD_LINES.map((_, i) => i)),
        fc.constantFrom<GroupKey[]>([], ['field'], ['channel', 'month']),
        fc.constantFrom('2023-Q4', '2024-Q1', '2024'),
        fc.record({ withdrawn: fc.constantFrom('resolved', 'excluded'), refused: fc.constantFrom('resolved', 'excluded'), stopped: fc.constantFrom('resolved', 'excluded'), supplements: fc.constantFrom('legal', 'decision-766'), lateAgainstOriginal: fc.boolean() }) as fc.Arbitrary<SummaryPolicy>,
        async (rows, bad, groupBy, p, policy) => {
          const lines = rows.map(([r, s]) => line(r, s));
          for (const i of bad) lines.splice(Math.min(lines.length, i * 3), 0, BAD_LINES[i]!);
          const text = `${HEADER}\n${lines.map((l) => `${l}\n`).join('')}`;
          const file = join(dir, `gen-${++n}.csv`);
          writeFileSync(file, text);
          const options = { period: period(p), groupBy, policy };
          // a header alone: refused as by the JS engine's file readers (#14; new expectation)
          if (lines.length === 0) {
            await expect(reportWithDuckDb(file, options)).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'header' });
            return;
          }
          const js = await jsReport(text, options);
          const duck = await reportWithDuckDb(file, options);
          expect(duck.rows).toBe(lines.length);
          expect(duck.rejected.map((r) => r.line)).toEqual(js.rejected);
          expect(duck.summary.rows).toEqual(js.summary.rows);
          expect(duck.summary.total).toEqual(js.summary.total);
        },
      ),
      { numRuns: 20 },
    );
  }, 60_000);

  it('index 2.2 in SQL (working days by the calendar table) gives the figures of handlingTime766 on the same records (fast-check, #22)', async () => {
    let n = 0;
    // procedure codes are user data: names of Object.prototype keys among them
    const codes = ['1.001193', '2.000815', '__proto__', 'constructor', 'toString'];
    let counted = 0;
    let procedures = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(recordArb, style, fc.constantFrom(...codes)), { minLength: 20, maxLength: 80 }),
        fc.subarray(BAD_LINES.map((_, i) => i)),
        fc.constantFrom('2023-Q4', '2024-Q1', '2024', '2023-10'),
        fc.option(fc.constantFrom('2023-11-20', '2024-02-15'), { nil: undefined }),
        async (rows, bad, p, asOf) => {
          const lines = rows.map(([r, s, code]) => line({ ...r, procedureCode: code }, s));
          for (const i of bad) lines.splice(Math.min(lines.length, i * 3), 0, BAD_LINES[i]!);
          const text = `${HEADER}\n${lines.map((l) => `${l}\n`).join('')}`;
          const file = join(dir, `h22-${++n}.csv`);
          writeFileSync(file, text);
          const records: DossierRecord[] = [];
          for await (const r of readRecords([text])) if (r.ok) records.push(r.record);
          const want = handlingTime766(records, { period: period(p), ...(asOf ? { asOf } : {}) });
          const duck = await reportWithDuckDb(file, { period: period(p), groupBy: [], policy: {}, ...(asOf ? { asOf } : {}), handlingTime: createHandlingTime({ period: period(p), ...(asOf ? { asOf } : {}) }) });
          expect(handlingTimeResult(duck.handling!)).toEqual(want);
          counted += want.total.dossiers;
          procedures = Math.max(procedures, want.byProcedure.length);
        },
      ),
      // a fixed seed: the count below is then a fact, not a chance
      { numRuns: 25, seed: 22 },
    );
    // not vacuous: dossiers counted, several procedures in one file
    expect(counted).toBeGreaterThan(50);
    expect(procedures).toBeGreaterThan(2);
  }, 120_000);

  it('index 2.2 in SQL, worked: days and working days across Tết 2024 and the 29/4 ⇄ 4/5 swap (#22)', async () => {
    const r = (id: string, code: string, receivedOn: string, finishedOn: string | null, finishedAs: string, returnedOn = '', supplements = 0) =>
      `${id},${code},Hộ tịch,UBND xã A,commune,direct,${receivedOn},2024-12-31,,${finishedOn ?? ''},${finishedOn ? finishedAs : ''},${returnedOn},${supplements},0,true,true,,false,false,true,false,,`;
    const text = `${HEADER}\n${[
      // Fri 2/2/2024 → Mon 19/2: 17 days; Tết off 8-14/2: working days 5, 6, 7, 15, 16, 19/2 = 6
      r('A', 'P1', '2024-02-02', '2024-02-19', 'resolved', '', 1),
      // Fri 26/4 → Mon 6/5 (10 without 9): 10 days; 29/4 swapped off, 30/4 and 1/5 holidays, Sat 4/5 worked: 2, 3, 4, 6/5 = 4
      r('B', 'P1', '2024-04-26', null, '', '2024-05-06'),
      // not counted: refused, pending, received outside 2024
      r('C', 'P1', '2024-03-01', '2024-03-05', 'refused'),
      r('D', 'P2', '2024-03-01', null, ''),
      r('E', 'P2', '2023-12-28', '2024-01-03', 'resolved'),
      // P2 F: same day: 0 days, 0 working days
      r('F', 'P2', '2024-03-05', '2024-03-05', 'resolved'),
    ].join('\n')}\n`;
    const file = join(dir, 'h22-worked.csv');
    writeFileSync(file, text);
    const duck = await reportWithDuckDb(file, { period: period('2024'), groupBy: [], policy: {}, handlingTime: createHandlingTime({ period: period('2024') }) });
    const h = handlingTimeResult(duck.handling!);
    expect(h.byProcedure.map(({ procedureCode, dossiers, days, workingDays, averageDays, averageWorkingDays }) => ({ procedureCode, dossiers, days, workingDays, averageDays, averageWorkingDays }))).toEqual([
      // (17 + 10) / 2 = 13.5 days; (6 + 4) / 2 = 5 working days
      { procedureCode: 'P1', dossiers: 2, days: 27, workingDays: 10, averageDays: 13.5, averageWorkingDays: 5 },
      { procedureCode: 'P2', dossiers: 1, days: 0, workingDays: 0, averageDays: 0, averageWorkingDays: 0 },
    ]);
    expect(h.withSupplements).toBe(1);
    expect(h.supplementWaitsKnown).toBe(0);
  });

  it('motcua report --engine duckdb prints what the JS engine prints, and lists the same bad lines', async () => {
    const records = fc.sample(recordArb, { numRuns: 300, seed: 3 });
    const text = `${HEADER}\n${records.map((r) => `${line(r, { date: 'iso', bool: 'en', channel: 'name' })}\n`).join('')}${BAD_LINES[0]}\n${BAD_LINES[2]}\n`;
    const file = join(dir, 'cli.csv');
    writeFileSync(file, text);
    const outs = [];
    for (const engine of ['js', 'duckdb']) {
      const io = fakeIo();
      expect(await main(['report', file, '--engine', engine, '--period', '2024-Q1', '--group-by', 'field,channel', '--format', 'json', '--assume', ABSENT], io)).toBe(1);
      const json = JSON.parse(io.out);
      // index 2.2 (#22): computed by both engines, the same figures
      expect(json.handlingTime766?.total.dossiers, engine).toBeGreaterThan(0);
      outs.push({ rows: json.rows, total: json.total, indices: json.indices766, handling: json.handlingTime766, score: json.score766, lines: json.rejected.map((r: { line: number }) => r.line), err: io.err.split('\n').filter((l) => l.startsWith('line ')).map((l) => l.split(':')[0]) });
    }
    expect(outs[1]).toEqual(outs[0]);
    expect(outs[0]!.lines).toEqual([records.length + 2, records.length + 3]);
    const bad = fakeIo();
    expect(await main(['report', file, '--engine', 'sqlite'], bad)).toBe(2);
  });

  it('names the missing required columns instead of counting nothing', async () => {
    const file = join(dir, 'missing.csv');
    writeFileSync(file, 'id,procedureCode,field\nH1,1.001193,Hộ tịch\n');
    const r = await reportWithDuckDb(file, { period: period('2024'), groupBy: [], policy: {} });
    expect(r.missing).toEqual(['agency', 'level', 'channel', 'receivedOn', 'dueOn', 'finishedOn', 'finishedAs']);
  });

  it('a duplicate dossier id or text not in NFC form: --engine duckdb refuses (the JS engine counts the id once and normalises), never another figure (#22)', async () => {
    const row = (id: string, field: string) => `${id},1.001193,${field},UBND xã A,commune,online,2024-01-03,2024-01-05,,,,0,0,false,false,,false,false,false,false,false,false,false,`;
    const head = 'id,procedureCode,field,agency,level,channel,receivedOn,dueOn,finishedOn,finishedAs,returnedOn,supplements,extensions,digitised,eResult,paperResultRequired,feeDue,paidOnline,synced,complaint,reusedData,dataStored,componentsFromStore,pausedSince';
    const cases: [string, string, RegExp, number][] = [
      ['dup.csv', `${head}\n${row('A', 'Hộ tịch')}\n${row('A', 'Hộ tịch')}\n`, /mã hồ sơ "A" nằm trên nhiều dòng/, 1],
      ['nfd.csv', `${head}\n${row('A', 'Hộ tịch')}\n${row('B', 'Hộ tịch'.normalize('NFD'))}\n`, /cột "field" có văn bản không ở dạng NFC/, 2],
    ];
    for (const [name, text, why, jsCounted] of cases) {
      const file = join(dir, name);
      writeFileSync(file, text);
      const duck = fakeIo();
      expect(await main(['report', file, '--engine', 'duckdb', '--period', '2024-Q1', '--format', 'json'], duck), name).toBe(2);
      expect(duck.err).toMatch(why);
      expect(duck.err.trimEnd().split('\n')).toHaveLength(1);
      const js = fakeIo();
      await main(['report', file, '--period', '2024-Q1', '--format', 'json'], js);
      expect(JSON.parse(js.out).total.counts.received, name).toBe(jsCounted);
      expect(JSON.parse(js.out).rows.map((r: { key: string }) => r.key), name).toEqual(['Hộ tịch']);
    }
  });

  it('the optional columns figures read, neither present nor declared absent: both engines refuse with the same error naming all of them, and one --assume for all (#14)', async () => {
    const file = join(dir, 'no-paused.csv');
    writeFileSync(file, `${HEADER}\n`);
    const errs: Record<string, string> = {};
    for (const engine of ['js', 'duckdb']) {
      for (const lang of ['vi', 'en']) {
        const io = fakeIo();
        expect(await main(['report', file, '--engine', engine, '--period', '2024-Q1', '--format', 'json', '--lang', lang], io), engine).toBe(2);
        errs[`${engine} ${lang}`] = io.err;
      }
    }
    expect(errs['duckdb vi']).toBe(errs['js vi']);
    expect(errs['duckdb en']).toBe(errs['js en']);
    const vi = errs['js vi']!;
    expect(vi).toMatch(/^motcua report: .*no-paused\.csv: INVALID_INPUT: mapping: dòng 1: dòng tiêu đề thiếu 2 cột/);
    expect(vi).toMatch(/\n {2}- pausedSince: .*\(13\), tỷ lệ giải quyết đúng và trước hạn, .*chỉ số 2\.1/);
    expect(vi).toMatch(/\n {2}- componentsFromStore: chỉ số 4\.4\n/);
    expect(vi).not.toMatch(/\b(rate|index) /);
    expect(vi.trimEnd().split('\n').at(-1)).toMatch(/: --assume pausedSince=none,componentsFromStore=false$/);
    expect(errs['js en']).toMatch(/- pausedSince: .*rate overdue/);
    expect(errs['js en']!.trimEnd().split('\n').at(-1)).toMatch(/^If not, declare them absent .*: --assume pausedSince=none,componentsFromStore=false$/);
    // a missing required column: the same error from both engines too
    const req = join(dir, 'no-required.csv');
    writeFileSync(req, `${HEADER.replace('receivedOn,dueOn,', '')}\n`);
    const reqErr: string[] = [];
    for (const engine of ['js', 'duckdb']) {
      const io = fakeIo();
      expect(await main(['report', req, '--engine', engine, '--period', '2024-Q1', '--format', 'json', '--assume', 'pausedSince=none,componentsFromStore=false'], io), engine).toBe(2);
      reqErr.push(io.err);
    }
    expect(reqErr[1]).toBe(reqErr[0]);
    expect(reqErr[0]).toMatch(/INVALID_INPUT: mapping: dòng 1: dòng tiêu đề thiếu 2 cột bắt buộc: "receivedOn" cho receivedOn, "dueOn" cho dueOn; /);
    // the --assume printed is what makes the same run go through
    const last = errs['js en']!.trimEnd().split('\n').at(-1)!;
    const flag = last.slice(last.indexOf('--assume ') + '--assume '.length);
    for (const engine of ['js', 'duckdb']) {
      const io = fakeIo();
      await main(['report', file, '--engine', engine, '--period', '2024-Q1', '--format', 'json', '--assume', flag], io);
      expect(io.err, engine).not.toMatch(/INVALID_INPUT: mapping/);
    }
  });
});

describe('motcua report --events through main', () => {
  it('routes to the event-log reader', async () => {
    const ev = JSON.stringify({ dossierId: 'A', procedureCode: '1.004873', agency: 'UBND xã A', id: 'e1', type: 'received', at: '2024-05-06T08:00+07:00', channel: 'online' });
    const facts = JSON.stringify({ '*': { digitised: true, eResult: false, feeDue: false, paidOnline: false, synced: true, complaint: false } });
    const io = fakeIo({ 'ev.ndjson': ev, 'facts.json': facts });
    expect(await main(['report', '--events', 'ev.ndjson', '--facts', 'facts.json', '--period', '2024-05', '--format', 'json', '--assume', 'reusedData=false,dataStored=false,componentsFromStore=false'], io)).toBe(0);
    expect(JSON.parse(io.out).total.counts).toMatchObject({ received: 1, online: 1, pending: 1 });
  });
});
