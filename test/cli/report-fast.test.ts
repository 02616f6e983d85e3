// motcua report on CSV files on disk: the byte reader gives what the general reader gives.
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { csvArb, general } from '../node/_csvGen';
import { fakeIo } from './_io';

const dir = mkdtempSync(join(tmpdir(), 'motcua-fast-'));

describe('motcua report on a CSV file (byte reader)', () => {
  it('reports the counts and every rejected row (line, reason) of the general reader, with --mapping and --delimiter', async () => {
    let k = 0;
    await fc.assert(
      fc.asyncProperty(csvArb, async (g) => {
        const want = await general(g.text, { mapping: g.mapping, delimiter: g.delimiter, groupBy: ['field'] });
        const f = join(dir, `e${k++}.csv`);
        writeFileSync(f, g.text);
        const io = fakeIo({ 'm.json': JSON.stringify(g.mapping) });
        // --lang en: the reasons are compared with readRecords' English ones (#19)
        const code = await main(['report', f, '--period', '2024-Q1', '--format', 'json', '--mapping', 'm.json', '--delimiter', g.delimiter, '--assume', g.absent, '--lang', 'en'], io);
        // a header alone: an error naming the line, never an empty report (#14); readRecords refuses it too
        if (want.error !== undefined && /no data row/.test(want.error)) {
          expect(code).toBe(2);
          expect(io.err).toMatch(/INVALID_INPUT: header: line 1: /);
          return;
        }
        if (want.error) {
          expect(code).toBe(1);
          expect(io.err).toContain(want.error);
          return;
        }
        const out = JSON.parse(io.out);
        expect(code).toBe(want.rejected.length ? 1 : 0);
        expect(out.rejected.map(({ line, reason }: { line: number; reason: string }) => ({ line, reason }))).toEqual(want.rejected);
        for (const r of out.rejected) expect(r.texts.en).toBe(r.reason);
        expect(out.rejectedCount).toBe(want.rejected.length);
        expect(Object.fromEntries(out.rows.map((r: { key: string; counts: unknown }) => [r.key, r.counts]))).toEqual(want.groups);
      }),
      { numRuns: 60 }
    );
  });

  it('--threads takes a whole number from 1; from the sources (no built worker) it reads on one thread', async () => {
    for (const t of ['0', 'two', '-1', '1.5']) {
      const io = fakeIo();
      expect(await main(['report', '--sample', '--threads', t], io)).toBe(2);
      expect(io.err).toContain('--threads');
    }
    const f = join(dir, 't.csv');
    writeFileSync(
      f,
      'id,procedureCode,field,agency,level,channel,receivedOn,dueOn,finishedOn,finishedAs\r\nA,1,"Hộ\r\ntịch",X,commune,online,2024-01-02,2024-01-05,,\r\nB,1,Hộ tịch,X,commune,fax,2024-01-02,2024-01-05,,\r\n'
    );
    const one = fakeIo();
    const two = fakeIo();
    const absent = 'returnedOn=none,pausedSince=none,digitised=false,eResult=false,paperResultRequired=none,feeDue=false,paidOnline=false,synced=false,complaint=false,reusedData=false,dataStored=false,componentsFromStore=false';
    expect(await main(['report', f, '--period', '2024-Q1', '--format', 'json', '--threads', '1', '--assume', absent], one)).toBe(1);
    expect(await main(['report', f, '--period', '2024-Q1', '--format', 'json', '--threads', '2', '--assume', absent], two)).toBe(1);
    expect(two.out).toBe(one.out);
    expect(JSON.parse(one.out).rejected).toEqual([{ line: 4, reason: 'channel: "fax" is not a channel (direct, online, postal or 1, 2, 3, or a name read without a map: direct: "Trực tiếp", "Nộp trực tiếp", "Tại quầy"; online: "Trực tuyến", "Nộp trực tuyến", "Dịch vụ công trực tuyến", "Qua mạng"; postal: "Bưu chính", "Bưu chính công ích", "Qua bưu chính công ích", "Dịch vụ bưu chính công ích", "BCCI", "Qua dịch vụ bưu chính công ích")', texts: { en: 'channel: "fax" is not a channel (direct, online, postal or 1, 2, 3, or a name read without a map: direct: "Trực tiếp", "Nộp trực tiếp", "Tại quầy"; online: "Trực tuyến", "Nộp trực tuyến", "Dịch vụ công trực tuyến", "Qua mạng"; postal: "Bưu chính", "Bưu chính công ích", "Qua bưu chính công ích", "Dịch vụ bưu chính công ích", "BCCI", "Qua dịch vụ bưu chính công ích")', vi: 'channel: "fax" không phải kênh tiếp nhận (direct, online, postal hoặc 1, 2, 3, hoặc một tên được đọc sẵn: direct: "Trực tiếp", "Nộp trực tiếp", "Tại quầy"; online: "Trực tuyến", "Nộp trực tuyến", "Dịch vụ công trực tuyến", "Qua mạng"; postal: "Bưu chính", "Bưu chính công ích", "Qua bưu chính công ích", "Dịch vụ bưu chính công ích", "BCCI", "Qua dịch vụ bưu chính công ích")' } }]);
  });
});
