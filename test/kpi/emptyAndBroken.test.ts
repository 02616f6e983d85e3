// Issue #14: an empty or BOM-only file, a header alone, duplicated header columns and invalid UTF-8
// were accepted silently (a zero report with exit 0, a column read at random, broken texts merged
// into one U+FFFD group). Each is now a typed error (or a rejected row) naming the line, in every
// reader path: the general reader, the byte reader, xlsx, JSON, the CLI and the DuckDB engine.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { isMotcuaError, messageOf } from '../../src/errors';
import { createAccumulator, period, readJsonRecordBatches, readJsonRecords, readRecords } from '../../src/kpi/index';
import { accumulateCsvFile } from '../../src/node/summarizeFile';
import { writeVendorWorkbook } from '../node/_xlsxFixture';
import { fakeIo } from '../cli/_io';

let duckdb = true;
try {
  await import('@duckdb/node-api');
} catch {
  duckdb = false;
}

const dir = mkdtempSync(join(tmpdir(), 'motcua-empty-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = 'id,procedureCode,field,agency,level,channel,receivedOn,dueOn,finishedOn,finishedAs';
const row = (id: string, field = 'Hộ tịch') => `${id},1.001193,${field},UBND xã A,commune,online,2024-01-10,2024-01-15,2024-01-12,resolved`;
const ASSUME = ['--assume', 'returnedOn=none,pausedSince=none,digitised=false,eResult=false,paperResultRequired=none,feeDue=false,paidOnline=false,synced=false,complaint=false,reusedData=false,dataStored=false,componentsFromStore=false'];
const P = period('2024-Q1');

let n = 0;
function file(body: string | Uint8Array, ext = 'csv'): string {
  const f = join(dir, `f${n++}.${ext}`);
  writeFileSync(f, body);
  return f;
}

async function caught(f: () => Promise<unknown>): Promise<unknown> {
  try {
    await f();
  } catch (e) {
    return e;
  }
  return undefined;
}

const readAll = async (text: string, options = {}) => {
  const out = [];
  for await (const r of readRecords([text], options)) out.push(r);
  return out;
};

async function report(f: string, ...extra: string[]) {
  const io = fakeIo();
  const code = await main(['--lang', 'en', 'report', f, '--period', '2024-Q1', '--format', 'json', ...ASSUME, ...extra], io);
  return { code, out: io.out, err: io.err };
}

/** The engines and readers a CSV file goes through on the command line. */
const CLI_PATHS: readonly (readonly string[])[] = [[], ['--threads', '1'], ['--delimiter', ','], ...(duckdb ? [['--engine', 'duckdb']] : [])];

describe('#14 an empty file, a byte order mark alone, a header alone', () => {
  for (const [name, body] of [['empty', ''], ['BOM-only', '\uFEFF']] as const) {
    it(`#14 a ${name} file is INVALID_INPUT naming line 1 (readRecords, the byte reader, the general file reader, every CLI path)`, async () => {
      const e1 = await caught(() => readAll(body));
      expect(isMotcuaError(e1, 'INVALID_INPUT') && e1.field).toBe('header');
      expect((e1 as Error).message).toMatch(/line 1: /);
      const f = file(body);
      for (const delimiter of [',', '§']) {
        const e2 = await caught(() => accumulateCsvFile(f, createAccumulator({ period: P }), { threads: 1, delimiter }));
        expect(isMotcuaError(e2, 'INVALID_INPUT') && e2.field, delimiter).toBe('header');
      }
      for (const extra of CLI_PATHS) {
        const r = await report(f, ...extra);
        expect(r.code, extra.join(' ')).toBe(2);
        expect(r.out).toBe('');
        expect(r.err).toMatch(/INVALID_INPUT: header: line 1: /);
        expect(r.err.trimEnd().split('\n')).toHaveLength(1);
      }
    });
  }

  it('#14 a header alone: readRecords, summarizeCsvFile and every CLI path refuse it naming line 1 (with and without a final line feed, with a BOM)', async () => {
    for (const body of [`${HEADER}\n`, HEADER, `\uFEFF${HEADER}\r\n`]) {
      const e0 = await caught(() => readAll(body));
      expect(isMotcuaError(e0, 'INVALID_INPUT') && e0.field).toBe('header');
      expect((e0 as Error).message).toMatch(/line 1: .*no data row/);
      const f = file(body);
      const e = await caught(() => accumulateCsvFile(f, createAccumulator({ period: P }), { threads: 1 }));
      expect(isMotcuaError(e, 'INVALID_INPUT') && e.field).toBe('header');
      expect((e as Error).message).toMatch(/line 1: .*no data row/);
      for (const extra of CLI_PATHS) {
        const r = await report(f, ...extra);
        expect(r.code, `${JSON.stringify(body)} ${extra.join(' ')}`).toBe(2);
        expect(r.err).toMatch(/INVALID_INPUT: header: line 1: /);
      }
    }
  });

  it('#14 "id,procedureCode,…,finishedAs\\n" read by the streaming readRecords: INVALID_INPUT naming line 1, as the other paths, not an empty stream; in any chunks, with ";" as delimiter', async () => {
    const body = `${HEADER}\n`;
    for (const chunks of [[body], [...body], [body.slice(0, 7), body.slice(7), '']]) {
      const got: unknown[] = [];
      let e: unknown;
      try {
        for await (const r of readRecords(chunks)) got.push(r);
      } catch (x) {
        e = x;
      }
      expect(got).toEqual([]);
      expect(isMotcuaError(e, 'INVALID_INPUT') && e.field).toBe('header');
      expect((e as Error).message).toMatch(/^(header: )?line 1: the file has a header row and no data row after it/);
    }
    const semi = await caught(() => readAll(`${HEADER.replaceAll(',', ';')}\r\n`, { delimiter: ';' }));
    expect(isMotcuaError(semi, 'INVALID_INPUT') && semi.field).toBe('header');
    // the same file through the general file reader (a delimiter the byte reader does not take): the same line
    const f = file(`${HEADER.replaceAll(',', '§')}\n`);
    const viaFile = await caught(() => accumulateCsvFile(f, createAccumulator({ period: P }), { threads: 1, delimiter: '§' }));
    expect(isMotcuaError(viaFile, 'INVALID_INPUT') && viaFile.field).toBe('header');
    expect((viaFile as Error).message).toBe((semi as Error).message);
    // one data row, even a rejected one, is not a header alone: it is read and reported
    expect(await readAll(`${HEADER}\n\n`)).toEqual([{ ok: false, line: 2, reason: 'empty line' }]);
  });

  it('#14 an empty JSON or NDJSON file, an empty array, an xlsx sheet with a header alone or nothing: exit 2, not an empty report', async () => {
    for (const [body, ext] of [['', 'json'], ['[]', 'json'], ['  \n', 'ndjson']] as const) {
      const r = await report(file(body, ext));
      expect(r.code, `${ext} ${JSON.stringify(body)}`).toBe(2);
      expect(r.err).toMatch(/INVALID_INPUT: records: line 1: /);
    }
    // the API refuses them too (it yielded nothing, no error), in chunks, with a BOM or white space
    for (const chunks of [[], [''], ['[]'], ['[', ' ]\n'], ['\uFEFF'], ['  \n', '\n'], ['\uFEFF[ \n]']]) {
      const e = await caught(async () => {
        for await (const _ of readJsonRecordBatches(chunks)) void _;
      });
      expect(isMotcuaError(e, 'INVALID_INPUT') && e.field, JSON.stringify(chunks)).toBe('records');
      expect((e as Error).message).toMatch(/^records: line 1: the file holds no records/);
      expect(messageOf(e)).toMatch(/^records: dòng 1: tệp không có bản ghi nào/);
    }
    // an array left open, or one bad element, is read and reported, not refused
    const open: unknown[] = [];
    for await (const r of readJsonRecords(['['])) open.push(r);
    expect(open).toEqual([{ ok: false, line: 1, reason: 'the JSON array is not closed with ]' }]);
    const bad: unknown[] = [];
    for await (const r of readJsonRecords(['[42]'])) bad.push(r);
    expect(bad).toEqual([{ ok: false, line: 1, reason: 'record 1: expected an object, got 42' }]);
    const onlyHeader = join(dir, 'header.xlsx');
    await writeVendorWorkbook(onlyHeader, `${HEADER}\n`, 'Hồ sơ', true);
    const r = await report(onlyHeader);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/INVALID_INPUT: header: line 1: /);
  });
});

describe('#14 duplicated header columns', () => {
  const cases: [string, string, Record<string, string>][] = [
    ['two receivedOn columns', `${HEADER},receivedOn`, {}],
    ['the same once trimmed', `${HEADER}, receivedOn `, {}],
    ['the same once in NFC', `${HEADER.replace('field', 'lĩnh vực')},${'lĩnh vực'.normalize('NFD')}`, { field: 'lĩnh vực' }],
    ['two columns a mapping names', HEADER.replace('receivedOn', 'Ngày nhận') + ',Ngày nhận', { receivedOn: 'Ngày nhận' }],
  ];
  for (const [name, header, mapping] of cases) {
    it(`#14 ${name}: INVALID_INPUT naming line 1 and both columns (general and byte reader, CLI exit 2)`, async () => {
      const width = header.split(',').length;
      const data = `${row('H1')}${',2024-01-10'.repeat(width - 10)}`;
      const text = `${header}\n${data}\n`;
      const e1 = await caught(() => readAll(text, { mapping }));
      expect(isMotcuaError(e1, 'INVALID_INPUT'), name).toBe(true);
      expect((e1 as Error).message).toMatch(/line 1: the header has the column .* twice \(columns \d+ and \d+\)/);
      const f = file(text);
      const e2 = await caught(() => accumulateCsvFile(f, createAccumulator({ period: P }), { threads: 1, mapping }));
      expect((e2 as Error).message).toBe((e1 as Error).message);
      if (Object.keys(mapping).length === 0) {
        const r = await report(f);
        expect(r.code).toBe(2);
        expect(r.err).toMatch(/INVALID_INPUT: mapping\.\w+: line 1: /);
      }
    });
  }

  it('columns that are not read may share a name (two empty headers from trailing commas): the file is read', async () => {
    const text = `${HEADER},,\n${row('H1')},,\n`;
    const rows = await readAll(text);
    expect(rows.map((r) => r.ok)).toEqual([true]);
  });
});

describe('#14 invalid UTF-8', () => {
  // far enough into the file that the encoding check of the first 4 KiB does not see it
  const pad = Array.from({ length: 60 }, (_, i) => row(`P${i}`)).join('\n');
  const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

  it('#14 a row with bytes that are not UTF-8 in a text it reads is rejected with its line, naming U+FFFD (general reader, byte reader, CLI); a row with them in an unread column is read', async () => {
    const body = bytes(`${HEADER},note\n${pad.replaceAll('\n', ',\n')},\n`, 'B1,1.001193,H', [0xff, 0xfe], ',UBND xã A,commune,online,2024-01-10,2024-01-15,2024-01-12,resolved,\n', `${row('B2')},`, [0xc3, 0x28], '\n', 'B3,1.001193,Hộ tịch,UBND ', [0xe0, 0x80, 0x80], ',commune,online,2024-01-10,2024-01-15,2024-01-12,resolved,\n');
    const f = file(body);
    const text = new TextDecoder().decode(body);
    const rows = await readAll(text);
    const bad = rows.filter((r) => !r.ok) as { line: number; reason: string }[];
    expect(bad.map((r) => r.line)).toEqual([62, 64]);
    expect(bad[0]!.reason).toMatch(/^field: .* holds U\+FFFD/);
    expect(bad[1]!.reason).toMatch(/^agency: .* holds U\+FFFD/);
    expect(rows).toHaveLength(63);
    for (const delimiter of [',', '§']) {
      if (delimiter === '§') writeFileSync(f, Buffer.from([...body].flatMap((x) => (x === 0x2c ? [0xc2, 0xa7] : [x]))));
      const r = await accumulateCsvFile(f, createAccumulator({ period: P }), { threads: 1, delimiter });
      expect(r.rejected.map((x) => x.line), delimiter).toEqual([62, 64]);
      expect(r.rowsRead).toBe(63);
      if (delimiter === ',') expect(r.rejected.map(({ line, reason }) => ({ line, reason }))).toEqual(bad.map(({ line, reason }) => ({ line, reason })));
    }
    writeFileSync(f, body);
    const cli = await report(f);
    expect(cli.code).toBe(1);
    expect(JSON.parse(cli.out).rejected.map((x: { line: number }) => x.line)).toEqual([62, 64]);
    expect(JSON.parse(cli.out).counted).toBe(61);
  });

  it('#14 a valid U+FFFD character in a text (characters the exporting system already lost) is rejected the same way by both readers', async () => {
    const text = `${HEADER}\n${row('H1')}\n${row('H2', 'H\uFFFD tịch')}\n`;
    const rows = await readAll(text);
    expect(rows.map((r) => r.ok)).toEqual([true, false]);
    const r = await accumulateCsvFile(file(text), createAccumulator({ period: P }), { threads: 1 });
    expect(r.rejected.map((x) => x.line)).toEqual([3]);
  });

  it('#14 bytes that are not UTF-8 in the header: INVALID_INPUT naming line 1 and the column (readRecords, and the encoding check of motcua report)', async () => {
    const body = bytes(`${HEADER},ghi ch`, [0xfa], '\n', `${row('H1')},x\n`);
    const e = await caught(() => readAll(new TextDecoder().decode(body)));
    expect(isMotcuaError(e, 'INVALID_INPUT') && e.field).toBe('header');
    expect((e as Error).message).toMatch(/^header: line 1, column 11 \("ghi ch\uFFFD"\): the header holds U\+FFFD/);
    const r = await report(file(body));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is not UTF-8: .*line 1 \(the header\), column 11/);
  });

  it.skipIf(!duckdb)('#14 --engine duckdb refuses a file with bytes that are not UTF-8 or a U+FFFD, naming the line', async () => {
    const body = bytes(`${HEADER}\n${row('H1')}\n`, 'H2,1.001193,H', [0xff], `,UBND xã A,commune,online,2024-01-10,2024-01-15,2024-01-12,resolved\n`);
    const r = await report(file(body), '--engine', 'duckdb');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/INVALID_INPUT: line 3: .*line 3 holds bytes that are not valid UTF-8/);
    const r2 = await report(file(`${HEADER}\n${row('H1')}\n${row('H2', 'H\uFFFD')}\n`), '--engine', 'duckdb');
    expect(r2.code).toBe(2);
    expect(r2.err).toMatch(/INVALID_INPUT: line 3: .*U\+FFFD/);
  });
});

describe.skipIf(!duckdb)('#14 --engine duckdb honours --max-cell-bytes', () => {
  it('#14 a quoted cell longer than --max-cell-bytes: the JS engine rejects its row (exit 1), DuckDB refuses the file naming the line (exit 2), as it does with the default 1 MiB', async () => {
    const long = `"${'Hộ tịch '.repeat(40)}"`;
    const f = file(`${HEADER}\n${row('H1')}\n${row('H2', long)}\n${row('H3')}\n`);
    const js = await report(f, '--max-cell-bytes', '100');
    expect(js.code).toBe(1);
    expect(JSON.parse(js.out).rejected.map((x: { line: number }) => x.line)).toEqual([3]);
    const duck = await report(f, '--max-cell-bytes', '100', '--engine', 'duckdb');
    expect(duck.code).toBe(2);
    expect(duck.err).toMatch(/INVALID_INPUT: line 3: .*line 3: a quoted cell is longer than 100 bytes/);
    expect(duck.err.trimEnd().split('\n')).toHaveLength(1);
    // within the limit, both read the file alike
    const ok = await report(f, '--max-cell-bytes', '1000', '--engine', 'duckdb');
    const okJs = await report(f, '--max-cell-bytes', '1000');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).total).toEqual(JSON.parse(okJs.out).total);
    // the default maximum (1 MiB) holds for DuckDB too
    const huge = file(`${HEADER}\n${row('H1')}\n${row('H2', `"${'x'.repeat((1 << 20) + 1)}"`)}\n`);
    const d2 = await report(huge, '--engine', 'duckdb');
    expect(d2.code).toBe(2);
    expect(d2.err).toMatch(/line 3: a quoted cell is longer than 1048576 bytes/);
  });
});
