// The date-order rejection of the file reader (byte fast path, then the general reader for the bad
// row) names both columns as the file calls them, in the row's English reason and its Vietnamese.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { period } from '../../src/kpi/index';
import { summarizeCsvFile } from '../../src/node/summarizeFile';

const dir = mkdtempSync(join(tmpdir(), 'motcua-order-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('summarizeCsvFile: date-order rejections name the mapped columns', () => {
  it('in en and vi, beside a good row read on the fast path', async () => {
    const file = join(dir, 'export.csv');
    writeFileSync(file, 'ma,tt,lv,cq,cap,kenh,Ngày nhận,Hạn,Ngày xong,kq\nA,1.001193,Hộ tịch,UBND xã A,commune,online,2025-01-06,2025-01-09,2025-01-08,resolved\nB,1.001193,Hộ tịch,UBND xã A,commune,online,2025-01-06,2025-01-03,,\n');
    const mapping = { id: 'ma', procedureCode: 'tt', field: 'lv', agency: 'cq', level: 'cap', channel: 'kenh', receivedOn: 'Ngày nhận', dueOn: 'Hạn', finishedOn: 'Ngày xong', finishedAs: 'kq' };
    const s = await summarizeCsvFile(file, { period: period('2025-Q1'), mapping, threads: 1 });
    expect(s.total.counts.received).toBe(1);
    expect(s.rejected).toEqual([
      { line: 3, reason: 'dueOn (column "Hạn"): 2025-01-03 is before receivedOn (column "Ngày nhận") 2025-01-06', texts: { en: 'dueOn (column "Hạn"): 2025-01-03 is before receivedOn (column "Ngày nhận") 2025-01-06', vi: 'dueOn (cột "Hạn"): 2025-01-03 sớm hơn receivedOn (cột "Ngày nhận") 2025-01-06' } },
    ]);
  });
});
