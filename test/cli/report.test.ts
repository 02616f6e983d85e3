import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { period, sampleRecords, summarize } from '../../src/kpi/index';
import { fakeIo } from './_io';

const HEADER = 'id,procedureCode,field,agency,level,channel,receivedOn,dueOn,finishedOn,finishedAs,supplements,extensions,digitised,eResult,paperResultRequired,feeDue,paidOnline,synced,complaint';

describe('motcua report', () => {
  it('prints Biểu II.06a with Vietnamese headings, rates and 766 indices for the bundled sample', async () => {
    const io = fakeIo();
    expect(await main(['report', '--sample', '--year', '2025', '--period', '2025-Q1'], io)).toBe(0);
    const want = summarize(sampleRecords({ year: 2025 }), { period: period('2025-Q1'), groupBy: 'field' }).total.counts;
    expect(io.out).toContain('(3) Tổng số');
    expect(io.out).toContain('(13) Quá hạn');
    expect(io.out).toMatch(new RegExp(`Tổng cộng\\s+${want.received}\\s+${want.online}\\s+${want.directOrPostal}\\s+${want.carriedOver}\\s+${want.resolved}`));
    expect(io.out).toMatch(/3\.3\s+Hồ sơ trực tuyến/);
    // Vietnamese by default (#19): the identities say ĐÚNG, the period is the form's "Quý I/2025"
    expect(io.out).toMatch(/\(3\) = \(4\) \+ \(5\) \+ \(6\) ĐÚNG/);
    expect(io.out.split('\n')[0]).toBe('Biểu II.06a: kết quả giải quyết TTHC, Quý I/2025 (từ ngày 01/01/2025 đến ngày 31/03/2025)');
    expect(io.out).toContain('Quy ước: ');
    expect(io.out).not.toContain('Conventions:');
    const en = fakeIo();
    expect(await main(['report', '--sample', '--year', '2025', '--period', '2025-Q1', '--lang', 'en'], en)).toBe(0);
    expect(en.out).toMatch(/\(3\) = \(4\) \+ \(5\) \+ \(6\) OK/);
    expect(en.out).toContain('(3) Received');
    expect(en.out).toMatch(new RegExp(`Total\\s+${want.received}\\s+${want.online}`));
  });

  it('csv and json formats', async () => {
    let io = fakeIo();
    expect(await main(['report', '--sample', '--period', '2025-03', '--group-by', 'channel', '--format', 'csv'], io)).toBe(0);
    expect(io.out.split('\n')[0]).toBe('group,received,online,directOrPostal,carriedOver,resolved,early,onTime,late,pending,withinTime,overdue,withdrawn,excluded');
    expect(io.out).toMatch(/^online,/m);
    io = fakeIo();
    expect(await main(['report', '--sample', '--period', '2025-03', '--format', 'json'], io)).toBe(0);
    const j = JSON.parse(io.out);
    expect(j.identities.every((i: { ok: boolean }) => i.ok)).toBe(true);
    expect(j.indices766.map((i: { code: string }) => i.code)).toContain('2.1');
  });

  it('streams a CSV file, lists bad rows with their line on stderr and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-'));
    const f = join(dir, 'export.csv');
    writeFileSync(f, `${HEADER}\nA,1.001193,Hộ tịch,UBND xã A,commune,online,2024-01-02,2024-01-05,2024-01-04,resolved,0,0,1,0,,0,0,1,0\nB,1.001193,Hộ tịch,UBND xã A,commune,fax,2024-01-02,2024-01-05,,,0,0,1,0,,0,0,1,0\n`);
    const io = fakeIo();
    // the export has no return, pause or 4.3/4.4 columns: declared absent (issue #22: never read as false silently)
    expect(await main(['report', f, '--period', '2024-Q1', '--assume', 'returnedOn=none,pausedSince=none', '--assume', 'reusedData=false,dataStored=false,componentsFromStore=false'], io)).toBe(1);
    expect(io.err).toContain('dòng 3: channel: "fax" không phải kênh tiếp nhận');
    expect(io.out).toMatch(/Tổng cộng\s+1\s+1\s+0\s+0\s+1\s+1/);
    expect(io.out).toContain('1 dòng bị loại: xem stderr.');
  });

  it('reads a JSON array of records, rejecting a bad one by its position', async () => {
    const good = { id: 'A', procedureCode: '1.001193', field: 'Hộ tịch', agency: 'UBND xã A', level: 'commune', channel: 2, receivedOn: '02/01/2024', dueOn: '2024-01-05', finishedOn: '2024-01-05', finishedAs: 'resolved', digitised: true };
    const io = fakeIo({ 'd.json': JSON.stringify([good, { ...good, id: 'B', level: 'village' }]) });
    const absent = 'returnedOn=none,pausedSince=none,eResult=false,paperResultRequired=none,feeDue=false,paidOnline=false,synced=false,complaint=false,reusedData=false,dataStored=false,componentsFromStore=false';
    expect(await main(['report', 'd.json', '--period', '2024-Q1', '--format', 'json', '--assume', absent], io)).toBe(1);
    const out = JSON.parse(io.out);
    expect(out.total.counts).toMatchObject({ received: 1, online: 1, onTime: 1, digitised: 1 });
    expect(out.rejected).toEqual([{ line: 1, reason: 'record 2: level: "village" is not a level (ministry, province, district, commune, or a name read without a map: ministry: "Cấp bộ", "Bộ", "Cấp trung ương", "Trung ương", "Cấp bộ, ngành"; province: "Cấp tỉnh", "Tỉnh", "Tỉnh, thành phố"; district: "Cấp huyện", "Huyện"; commune: "Cấp xã", "Xã", "Xã, phường, thị trấn", "Cấp xã, phường")', texts: { en: 'record 2: level: "village" is not a level (ministry, province, district, commune, or a name read without a map: ministry: "Cấp bộ", "Bộ", "Cấp trung ương", "Trung ương", "Cấp bộ, ngành"; province: "Cấp tỉnh", "Tỉnh", "Tỉnh, thành phố"; district: "Cấp huyện", "Huyện"; commune: "Cấp xã", "Xã", "Xã, phường, thị trấn", "Cấp xã, phường")', vi: 'bản ghi 2: level: "village" không phải cấp (ministry, province, district, commune, hoặc một tên được đọc sẵn: ministry: "Cấp bộ", "Bộ", "Cấp trung ương", "Trung ương", "Cấp bộ, ngành"; province: "Cấp tỉnh", "Tỉnh", "Tỉnh, thành phố"; district: "Cấp huyện", "Huyện"; commune: "Cấp xã", "Xã", "Xã, phường, thị trấn", "Cấp xã, phường")' } }]);
  });

  it('streams an NDJSON file from disk, rejecting bad lines by their number', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-'));
    const f = join(dir, 'export.ndjson');
    const good = { id: 'A', procedureCode: '1.001193', field: 'Hộ tịch', agency: 'UBND xã A', level: 'commune', channel: 'online', receivedOn: '2024-01-02', dueOn: '2024-01-05', returnedOn: '2024-01-04', reusedData: true };
    writeFileSync(f, `${JSON.stringify(good)}\n${JSON.stringify({ ...good, id: 'B', dueOn: '2023-12-30' })}\n{"id": \n`);
    const io = fakeIo();
    const absent = 'pausedSince=none,digitised=false,eResult=false,paperResultRequired=none,feeDue=false,paidOnline=false,synced=false,complaint=false,dataStored=false,componentsFromStore=false';
    expect(await main(['report', f, '--period', '2024-Q1', '--format', 'json', '--assume', absent], io)).toBe(1);
    const out = JSON.parse(io.out);
    expect(out.total.counts).toMatchObject({ received: 1, resolved: 1, early: 1, reusedData: 1 });
    expect(out.rejected).toEqual([
      { line: 2, reason: 'record 2: dueOn: 2023-12-30 is before receivedOn 2024-01-02', texts: { en: 'record 2: dueOn: 2023-12-30 is before receivedOn 2024-01-02', vi: 'bản ghi 2: dueOn: 2023-12-30 sớm hơn receivedOn 2024-01-02' } },
      { line: 3, reason: 'record 3: unterminated JSON value at the end of the input', texts: { en: 'record 3: unterminated JSON value at the end of the input', vi: 'bản ghi 3: giá trị JSON chưa kết thúc ở cuối dữ liệu' } },
    ]);
    expect(out.indices766.find((i: { code: string }) => i.code === '4.3')).toMatchObject({ rounded: 1, score: 2 });
  });

  it('usage errors exit 2', async () => {
    for (const args of [['report'], ['report', '--sample', '--format', 'pdf'], ['report', '--sample', '--from', '2025-01-01']]) {
      const io = fakeIo();
      expect(await main(args, io)).toBe(2);
    }
  });
});
