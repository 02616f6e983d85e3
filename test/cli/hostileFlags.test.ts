// Issue #14: `--delimiter '||'` split quoted rows on every `|`; `--delimiter` of '', '"' or a line
// break and `--threads` of 0, negatives, fractions or absurd values were not refused or capped.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { isMotcuaError } from '../../src/errors';
import { parseCsv, period, readRecords } from '../../src/kpi/index';
import { MAX_THREADS, summarizeCsvFile } from '../../src/node/summarizeFile';
import { fakeIo } from './_io';

const dir = mkdtempSync(join(tmpdir(), 'motcua-flags-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = ['id', 'procedureCode', 'field', 'agency', 'level', 'channel', 'receivedOn', 'dueOn', 'finishedOn', 'finishedAs'];
const ROWS = [
  ['H1', '1.001193', 'Hộ tịch', 'UBND xã A', 'commune', 'online', '2024-01-10', '2024-01-15', '2024-01-12', 'resolved'],
  ['H2', '1.001193', 'Đất đai | nhà ở', 'UBND xã A', 'commune', 'direct', '2024-01-11', '2024-01-20', '', ''],
];
const ASSUME = ['--assume', 'returnedOn=none,pausedSince=none,digitised=false,eResult=false,paperResultRequired=none,feeDue=false,paidOnline=false,synced=false,complaint=false,reusedData=false,dataStored=false,componentsFromStore=false'];
const P = ['--period', '2024-Q1'];

function file(name: string, sep: string): string {
  const q = (c: string) => (c.includes(sep) || c.includes('"') ? `"${c.replaceAll('"', '""')}"` : c);
  const f = join(dir, name);
  writeFileSync(f, [HEADER, ...ROWS].map((r) => r.map(q).join(sep)).join('\n') + '\n');
  return f;
}

async function run(argv: string[]) {
  const io = fakeIo();
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

async function thrown(f: () => Promise<unknown>): Promise<unknown> {
  try {
    await f();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('#14 --delimiter', () => {
  const csv = file('comma.csv', ',');
  for (const bad of ['||', '', '"', '\n', '\r', '\r\n', ';;', '😀']) {
    it(`#14 motcua report --delimiter ${JSON.stringify(bad)} is a usage error (exit 2), nothing on stdout`, async () => {
      const r = await run(['report', csv, ...P, ...ASSUME, `--delimiter=${bad}`]);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toContain('--delimiter');
    });
  }

  it('#14 readRecords, parseCsv and summarizeCsvFile refuse a multi-character or quote/line-break delimiter with INVALID_OPTION, even on an empty input', async () => {
    const text = `${HEADER.join('||')}\n${ROWS.map((r) => r.join('||')).join('\n')}\n`;
    for (const bad of ['||', '', '"', '\n', '\r']) {
      const e1 = await thrown(async () => {
        for await (const _ of readRecords([text], { delimiter: bad }));
      });
      expect(isMotcuaError(e1, 'INVALID_OPTION') && e1.field, JSON.stringify(bad)).toBe('delimiter');
      const e2 = await thrown(async () => {
        for await (const _ of parseCsv([], bad));
      });
      expect(isMotcuaError(e2, 'INVALID_OPTION') && e2.field).toBe('delimiter');
      const e3 = await thrown(() => summarizeCsvFile(csv, { period: period('2024-Q1'), delimiter: bad }));
      expect(isMotcuaError(e3, 'INVALID_OPTION') && e3.field).toBe('delimiter');
    }
  });

  it('a one-character delimiter reads the file whatever it is (;, |, tab as \\t or "tab", a non-ASCII §), quoted cells holding it included', async () => {
    const want = await run(['report', csv, ...P, ...ASSUME, '--format', 'json']);
    expect(want.code).toBe(0);
    const counted = JSON.parse(want.out).counted;
    expect(counted).toBe(2);
    for (const [sep, flag] of [[';', ';'], ['|', '|'], ['\t', '\\t'], ['\t', 'tab'], ['§', '§']] as const) {
      const f = file(`sep-${sep.charCodeAt(0)}.csv`, sep);
      const got = await run(['report', f, ...P, ...ASSUME, '--format', 'json', '--delimiter', flag]);
      expect(got.code, flag).toBe(0);
      expect(JSON.parse(got.out).total, flag).toEqual(JSON.parse(want.out).total);
    }
  });
});

describe('#14 --threads', () => {
  const csv = file('threads.csv', ',');
  for (const bad of ['0', '-1', '1.5', '2e3', 'abc', '', ' 2', '0x10', '+2']) {
    it(`#14 motcua report --threads ${JSON.stringify(bad)} is a usage error (exit 2)`, async () => {
      const r = await run(['report', csv, ...P, ...ASSUME, `--threads=${bad}`]);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toContain('--threads');
    });
  }

  it('#14 motcua report --threads 10000 (more than the cores) is capped to the cores with a notice, and prints the report of --threads 1', async () => {
    const one = await run(['report', csv, ...P, ...ASSUME, '--format', 'json', '--threads', '1']);
    const many = await run(['report', csv, ...P, ...ASSUME, '--format', 'json', '--threads', '10000']);
    expect(one.code).toBe(0);
    expect(many.code).toBe(0);
    expect(many.out).toBe(one.out);
    const cores = Math.min(MAX_THREADS, availableParallelism());
    expect(many.err).toContain(`(${cores})`);
    expect(many.err.trim().split('\n')).toHaveLength(1);
    expect(one.err).toBe('');
  });

  it('#14 summarizeCsvFile refuses threads that are not a whole number from 1 to MAX_THREADS (INVALID_OPTION)', async () => {
    for (const bad of [0, -1, 1.5, Number.NaN, Infinity, MAX_THREADS + 1, 10_000, '2' as unknown as number]) {
      const e = await thrown(() => summarizeCsvFile(csv, { period: period('2024-Q1'), threads: bad }));
      expect(isMotcuaError(e, 'INVALID_OPTION') && e.field, String(bad)).toBe('threads');
    }
    const ok = await summarizeCsvFile(csv, { period: period('2024-Q1'), threads: MAX_THREADS });
    expect(ok.total.counts.received).toBe(2);
  });
});
