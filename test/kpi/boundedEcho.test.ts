// Issue #14: messages echo unbounded input (a 10 MB cell gave a 10 MB stderr line). Every message
// that quotes a user's value quotes at most SHOW_MAX_CHARS characters of it, then "…" and its length.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { clip, isMotcuaError, show, SHOW_MAX_CHARS } from '../../src/errors';
import { add, createAccumulator, period, readJsonRecords, readRecords } from '../../src/kpi/index';
import { accumulateCsvFile } from '../../src/node/summarizeFile';
import { fakeIo } from '../cli/_io';

const dir = mkdtempSync(join(tmpdir(), 'motcua-echo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A 1 MB value: ASCII, a surrogate pair at the cut, and a marker that must not appear in any message. */
const HUGE = `${'x'.repeat(SHOW_MAX_CHARS - 1)}😀${'y'.repeat(1_000_000)}TAIL-MARKER`;
/** The bound of one message line: a few quoted values and the reader's own words. */
const LINE_MAX = 2_000;

const HEADER = 'id,procedureCode,field,agency,level,channel,receivedOn,dueOn,finishedOn,finishedAs,supplements,digitised,pausedSince,pausedFor';
const GOOD = ['H1', '1.001193', 'Hộ tịch', 'UBND xã A', 'commune', 'online', '2024-01-10', '2024-01-15', '2024-01-12', 'resolved', '0', 'true', '', ''];
const COLUMNS = HEADER.split(',');
const ASSUME = ['--assume', 'returnedOn=none,eResult=false,paperResultRequired=none,feeDue=false,paidOnline=false,synced=false,complaint=false,reusedData=false,dataStored=false,componentsFromStore=false'];

/** One good row with the 1 MB value in column `col` (quoted when `quoted`). */
function rowWith(col: string, quoted = false): string {
  const cells = [...GOOD];
  cells[COLUMNS.indexOf(col)] = quoted ? `"${HUGE}"` : HUGE;
  return cells.join(',');
}

function expectBounded(text: string): void {
  expect(text).not.toContain('TAIL-MARKER');
  for (const l of text.split('\n')) expect(l.length).toBeLessThanOrEqual(LINE_MAX);
}

describe('#14 bounded echo: messages quote at most a bounded prefix of a value', () => {
  it('show and clip cut a long value to its first characters, with an ellipsis and its length; short values are unchanged', () => {
    expect(show('Hộ tịch')).toBe('"Hộ tịch"');
    expect(clip('Hộ tịch')).toBe('Hộ tịch');
    const s = show(HUGE);
    expect(s.length).toBeLessThan(SHOW_MAX_CHARS + 40);
    expect(s).toContain(`… (${HUGE.length} characters)`);
    // the surrogate pair at the cut is left out whole, never split into a lone surrogate
    expect(s.startsWith(`"${'x'.repeat(SHOW_MAX_CHARS - 1)}"`)).toBe(true);
    expect(clip(HUGE, 10)).toBe(`xxxxxxxxxx… (${HUGE.length} characters)`);
    expect(show({ a: HUGE }).length).toBeLessThanOrEqual(SHOW_MAX_CHARS);
    expect(show(10n ** 200n).length).toBeLessThan(SHOW_MAX_CHARS + 40);
  });

  for (const col of ['channel', 'level', 'finishedAs', 'receivedOn', 'supplements', 'digitised', 'pausedFor']) {
    it(`#14 a 1 MB ${col} cell: the rejection quotes a bounded prefix, on the general and the byte reader`, async () => {
      for (const quoted of [false, true]) {
        const text = `${HEADER}\n${GOOD.join(',')}\n${rowWith(col, quoted)}\n`;
        const got: { line: number; reason: string }[] = [];
        for await (const r of readRecords([text])) if (!r.ok) got.push({ line: r.line, reason: r.reason });
        expect(got.map((r) => r.line)).toEqual([3]);
        expect(got[0]!.reason).toContain(col);
        expectBounded(got[0]!.reason);
        // the byte reader (motcua report's path) gives the same reason
        const file = join(dir, `${col}-${quoted}.csv`);
        writeFileSync(file, text);
        const r = await accumulateCsvFile(file, createAccumulator({ period: period('2024-Q1') }), { threads: 1, assume: {} });
        expect(r.rejected.map(({ line, reason }) => ({ line, reason }))).toEqual(got);
      }
    });
  }

  it('#14 a 1 MB id counted twice: the duplicate rejection quotes a bounded prefix', async () => {
    const file = join(dir, 'dup.csv');
    writeFileSync(file, `${HEADER}\n${rowWith('id')}\n${rowWith('id')}\n`);
    const r = await accumulateCsvFile(file, createAccumulator({ period: period('2024-Q1') }), { threads: 1, dedupe: true });
    expect(r.rejected.map((x) => x.line)).toEqual([3]);
    expectBounded(r.rejected[0]!.reason);
  });

  it('#14 a 1 MB header cell: the missing-column error quotes bounded prefixes (typed, naming the line)', async () => {
    const text = `${HUGE},procedureCode\n1,2\n`;
    let err: unknown;
    try {
      for await (const _ of readRecords([text]));
    } catch (e) {
      err = e;
    }
    expect(isMotcuaError(err, 'INVALID_INPUT')).toBe(true);
    expect((err as Error).message).toMatch(/^mapping: line 1: the header has no column for 9 required fields: "id" for id, /);
    expectBounded((err as Error).message);
  });

  it('#14 JSON records with 1 MB values: the rejection quotes a bounded prefix', async () => {
    const rec = Object.fromEntries(COLUMNS.map((c, i) => [c, GOOD[i]]));
    const text = JSON.stringify([{ ...rec, channel: HUGE }, { ...rec, id: 'H2', digitised: { deep: HUGE } }]);
    const got: string[] = [];
    for await (const r of readJsonRecords([text])) if (!r.ok) got.push(r.reason);
    expect(got).toHaveLength(2);
    for (const reason of got) expectBounded(reason);
  });

  it('#14 accumulator errors on a record with a 1 MB id quote a bounded prefix', () => {
    const acc = createAccumulator({ period: period('2024-Q1') });
    let err: unknown;
    try {
      add(acc, { id: HUGE, procedureCode: 'p', field: 'f', agency: 'a', level: 'commune', channel: 'online', receivedOn: HUGE, dueOn: '2024-01-15', finishedOn: null, finishedAs: null, supplements: 0, extensions: 0, digitised: false, eResult: false, feeDue: false, paidOnline: false, synced: false, complaint: false });
    } catch (e) {
      err = e;
    }
    expect(isMotcuaError(err)).toBe(true);
    expectBounded((err as Error).message);
  });

  it('#14 motcua report: every stderr line stays bounded with a 1 MB cell, a 1 MB header and a 1 MB argument', async () => {
    const bad = join(dir, 'report.csv');
    writeFileSync(bad, `${HEADER}\n${GOOD.join(',')}\n${rowWith('channel')}\n${rowWith('receivedOn', true)}\n`);
    const io = fakeIo();
    expect(await main(['report', bad, '--period', '2024-Q1', ...ASSUME], io)).toBe(1);
    expect(io.err).toMatch(/dòng 3: /); // the CLI's words are Vietnamese by default (#19)
    expect(io.err).toMatch(/dòng 4: /);
    expectBounded(io.err);

    const header = join(dir, 'header.csv');
    writeFileSync(header, `${HUGE},${COLUMNS.slice(1).join(",")}\n${GOOD.join(",")}\n`);
    const io2 = fakeIo();
    expect(await main(['--lang', 'en', 'report', header, '--period', '2024-Q1', ...ASSUME], io2)).toBe(2);
    expectBounded(io2.err);

    for (const argv of [['report', bad, '--format', HUGE], ['report', bad, '--group-by', HUGE], ['report', bad, '--engine', HUGE], ['report', bad, '--encoding', HUGE], [HUGE]]) {
      const io3 = fakeIo();
      expect(await main(argv, io3)).toBe(2);
      expectBounded(io3.err);
    }
  });
});
