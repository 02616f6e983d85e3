// Vendor exports as they come: dates with times and without an offset (Vietnamese time), Excel
// serials, Vietnamese words for levels, channels and statuses, national status codes, yes/no
// words, amounts, end event columns, and the national portal's field names (preset dvcqg).
// TZ is America/Los_Angeles in these tests: nothing may depend on the host zone.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, createAccumulator, period, presetMapping, readJsonRecords, readRecords, recordFromObject, result, type ReadResult, type RecordReadOptions } from '../../src/kpi/index';
import { readDateCell, compileDateFormat } from '../../src/kpi/_lib/dates';
import { compileValues } from '../../src/kpi/_lib/values';
import { summarizeCsvFile } from '../../src/node/summarizeFile';
import { dvcqgFixture } from './_vendorFixture';

async function read(csv: string, options: RecordReadOptions = {}) {
  const out: ReadResult[] = [];
  for await (const r of readRecords([csv], options)) out.push(r);
  return out;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

describe('date cells', () => {
  it('reads the formats vendor systems export, in Vietnamese time', () => {
    expect(process.env.TZ).toBe('America/Los_Angeles');
    const cases: [string, string][] = [
      ['2024-03-05', '2024-03-05'],
      ['05/03/2024', '2024-03-05'],
      ['5/3/2024', '2024-03-05'],
      ['05/03/2024 23:59', '2024-03-05'],
      ['05/03/2024 23:59:59', '2024-03-05'],
      ['05/03/2024 00:00:00', '2024-03-05'],
      ['5/3/2024 8:05', '2024-03-05'],
      ['05-03-2024', '2024-03-05'],
      ['05.03.2024 07:30', '2024-03-05'],
      ['5/3/2024 11:59 CH', '2024-03-05'],
      ['2024-03-05 23:30', '2024-03-05'],
      ['2024-03-05 00:00:01', '2024-03-05'],
      ['2024-03-05T23:59:59', '2024-03-05'],
      ['2024-03-05T23:59:59.123', '2024-03-05'],
      ['2024-03-05T20:00:00Z', '2024-03-06'], // 03:00 on the 6th in Vietnam
      ['2024-03-05T23:30:00+07:00', '2024-03-05'],
      ['45356', '2024-03-05'], // Excel serial
      ['45356.9999', '2024-03-05'], // 23:59 in the workbook: still the 5th
      ['29/02/2024', '2024-02-29'],
    ];
    for (const [cell, want] of cases) expect([cell, readDateCell(cell)]).toEqual([cell, want]);
    expect(readDateCell('')).toBeNull();
  });

  it('refuses what is not a date, saying what was expected', () => {
    for (const bad of ['31/02/2024', '29/02/2023', '05/13/2024', '05/03/2024 24:00', '05/03/2024 10:60', '2024-03-05 25:00', 'hôm qua', '1234', '2024-13-01', '13/5/2024 13:00 CH']) {
      expect(() => readDateCell(bad), bad).toThrow(/expected YYYY-MM-DD, DD\/MM\/YYYY/);
    }
    expect(() => readDateCell('31/02/2024')).toThrow('"31/02/2024" is not a real date');
  });

  it('reads any date-time written as dd/MM/yyyy HH:mm:ss or yyyy-MM-dd HH:mm as the date written (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }), (d) => {
        const [y, m, day, h, mi, s] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
        const iso = `${y}-${pad(m)}-${pad(day)}`;
        expect(readDateCell(`${pad(day)}/${pad(m)}/${y} ${pad(h)}:${pad(mi)}:${pad(s)}`)).toBe(iso);
        expect(readDateCell(`${day}/${m}/${y}`)).toBe(iso);
        expect(readDateCell(`${iso} ${pad(h)}:${pad(mi)}`)).toBe(iso);
        // an Excel serial is days since 30/12/1899
        const serial = Math.round((Date.UTC(y, m - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
        if (serial >= 10_000 && serial <= 99_999) expect(readDateCell(`${serial}.${pad(h)}`)).toBe(iso);
      }),
      { numRuns: 300 },
    );
  });
});

describe('--date-format patterns', () => {
  it('reads US-style dates only with the pattern, and refuses a pattern it does not understand', () => {
    const us = compileDateFormat('MM/dd/yyyy HH:mm');
    expect(readDateCell('03/05/2024 23:10', us)).toBe('2024-03-05');
    expect(readDateCell('2024-03-05', us)).toBe('2024-03-05');
    expect(() => readDateCell('13/05/2024 10:00', us)).toThrow('is not a real date');
    expect(() => readDateCell('05/03/2024', us)).toThrow('does not match the date format "MM/dd/yyyy HH:mm"');
    expect(readDateCell("ngày 05 tháng 03 năm 2024", compileDateFormat("'ngày' dd 'tháng' MM 'năm' yyyy"))).toBe('2024-03-05');
    expect(readDateCell('20240305', compileDateFormat('yyyyMMdd'))).toBe('2024-03-05');
    expect(() => compileDateFormat('dd/MMM/yyyy')).toThrow(/does not read/);
    expect(() => compileDateFormat('dd/MM')).toThrow('has no year');
    expect(() => compileDateFormat('hh:mm dd/MM/yyyy')).toThrow(/"hh"/);
  });
});

const HEAD = 'id,procedureCode,field,agency,level,channel,receivedOn,dueOn,finishedOn,finishedAs,returnedOn,feeDue,digitised';

describe('Vietnamese values and national codes', () => {
  it('reads levels, channels, statuses, yes/no and amounts as exports write them', async () => {
    const rows = [
      'A,1.001193,Hộ tịch,UBND xã A,Cấp xã,Trực tuyến,02/01/2024 08:00:00,05/01/2024 17:00:00,04/01/2024 10:00:00,9,,50.000,Có',
      'B,1.001193,Hộ tịch,UBND xã A,CẤP XÃ,Bưu chính công ích,02/01/2024,05/01/2024,,Đang xử lý,,0,Không',
      'C,1.001193,Hộ tịch,UBND tỉnh,Cấp tỉnh,Trực tiếp,02/01/2024,05/01/2024,,10,06/01/2024,"1.200.000 đ",có',
      'D,1.001193,Hộ tịch,UBND huyện,Cấp huyện,1,02/01/2024,05/01/2024,03/01/2024,Đã trả kết quả,04/01/2024,,',
      'E,1.001193,Hộ tịch,UBND xã A,xã,3,02/01/2024,05/01/2024,03/01/2024,7,,,',
      'F,1.001193,Hộ tịch,UBND xã A,Cấp xã,2,02/01/2024,05/01/2024,03/01/2024,Dừng xử lý,,,',
      'G,1.001193,Hộ tịch,UBND xã A,Cấp xã,2,02/01/2024,05/01/2024,,1,,,',
      'H,1.001193,Hộ tịch,UBND xã A,Cấp xã,2,02/01/2024,05/01/2024,03/01/2024,4,,,',
      'I,1.001193,Hộ tịch,UBND xã A,Cấp thôn,2,02/01/2024,05/01/2024,,,,,',
      'J,1.001193,Hộ tịch,UBND xã A,Cấp xã,2,02/01/2024,05/01/2024,,,,50.00,',
      // NFD (decomposed) text, as some Windows tools write it
      `K,1.001193,Hộ tịch,UBND xã A,${'Cấp xã'.normalize('NFD')},${'Trực tuyến'.normalize('NFD')},02/01/2024,05/01/2024,,,,,`,
    ];
    const out = await read(`${HEAD}\n${rows.join('\n')}\n`);
    const ok = (id: string) => {
      const r = out.find((x) => x.ok && x.record.id === id);
      if (!r || !r.ok) throw new Error(`${id} rejected: ${JSON.stringify(out.find((x) => !x.ok))}`);
      return r.record;
    };
    expect(ok('A')).toMatchObject({ level: 'commune', channel: 'online', receivedOn: '2024-01-02', dueOn: '2024-01-05', finishedOn: '2024-01-04', finishedAs: 'resolved', feeDue: true, digitised: true });
    expect(ok('B')).toMatchObject({ level: 'commune', channel: 'postal', finishedOn: null, finishedAs: null, feeDue: false, digitised: false });
    // status 10 without the end of processing: resolved on the return date
    expect(ok('C')).toMatchObject({ level: 'province', channel: 'direct', finishedOn: '2024-01-06', finishedAs: 'resolved', returnedOn: '2024-01-06', feeDue: true, digitised: true });
    expect(ok('D')).toMatchObject({ level: 'district', finishedOn: '2024-01-03', finishedAs: 'resolved', returnedOn: '2024-01-04' });
    expect(ok('E')).toMatchObject({ channel: 'postal', finishedAs: 'withdrawn' });
    expect(ok('F')).toMatchObject({ finishedAs: 'stopped' });
    expect(ok('K')).toMatchObject({ level: 'commune', channel: 'online' });
    const bad = out.filter((r) => !r.ok).map((r) => (r.ok ? '' : `${r.line} ${r.reason}`));
    expect(bad).toEqual([
      '8 finishedAs: "1" is a dossier that was never officially received (national status 1 or 3): it is not in Biểu II.06a',
      '9 finishedAs: "4" is a dossier still in progress, but finishedOn is 2024-01-03',
      '10 level: "Cấp thôn" is not a level (ministry, province, district, commune, or a name read without a map: ministry: "Cấp bộ", "Bộ", "Cấp trung ương", "Trung ương", "Cấp bộ, ngành"; province: "Cấp tỉnh", "Tỉnh", "Tỉnh, thành phố"; district: "Cấp huyện", "Huyện"; commune: "Cấp xã", "Xã", "Xã, phường, thị trấn", "Cấp xã, phường")',
      '11 feeDue: "50.00" is not a yes/no value (expected true/false, 1/0, có/không or an amount such as 50.000, or a value map yesNo)',
    ]);
    expect(out.length).toBe(rows.length);
  });

  it('takes the system\'s own words from value maps, and names the column in errors', async () => {
    const csv = 'ma,tthc,lv,cq,cap,kenh,nhan,hen,xong,kq,so_hoa\n' + 'A,1.001193,Hộ tịch,UBND xã A,Phường,Một cửa,02/01/2024,05/01/2024,04/01/2024,Hoàn tất,Đã scan\n' + 'B,1.001193,Hộ tịch,UBND xã A,Phường,Fax,02/01/2024,05/01/2024,,,\n';
    const mapping = { id: 'ma', procedureCode: 'tthc', field: 'lv', agency: 'cq', level: 'cap', channel: 'kenh', receivedOn: 'nhan', dueOn: 'hen', finishedOn: 'xong', finishedAs: 'kq', digitised: 'so_hoa' } as const;
    const values = { level: { Phường: 'commune' }, channel: { 'Một cửa': 'direct' }, finishedAs: { 'Hoàn tất': 'resolved' }, yesNo: { 'Đã scan': true } } as const;
    const out = await read(csv, { mapping, values });
    expect(out[0]).toMatchObject({ ok: true, record: { level: 'commune', channel: 'direct', finishedAs: 'resolved', digitised: true } });
    expect(out[1]).toEqual({ ok: false, line: 3, reason: 'channel (column "kenh"): "Fax" is not a channel (direct, online, postal or 1, 2, 3, or a name read without a map: direct: "Trực tiếp", "Nộp trực tiếp", "Tại quầy"; online: "Trực tuyến", "Nộp trực tuyến", "Dịch vụ công trực tuyến", "Qua mạng"; postal: "Bưu chính", "Bưu chính công ích", "Qua bưu chính công ích", "Dịch vụ bưu chính công ích", "BCCI", "Qua dịch vụ bưu chính công ích")' });
    // without the maps, the same file is rejected row by row, never guessed
    expect((await read(csv, { mapping })).every((r) => !r.ok)).toBe(true);
  });

  it('refuses value maps that are malformed or would read a standard value differently', () => {
    expect(() => compileValues({ channel: { Online: 'direct' } } as never)).toThrow('would read "Online" as direct, but motcua reads it as online');
    expect(() => compileValues({ yesNo: { '1': false } } as never)).toThrow(/reads it as true/);
    expect(() => compileValues({ level: { 'Cấp ấp': 'village' } } as never)).toThrow('expected one of ministry, province, district, commune');
    expect(() => compileValues({ colour: {} } as never)).toThrow('there is no value map "colour"');
  });

  it('derives the end from one date column per event (endOf) when the export has no end date', async () => {
    const csv = 'id,procedureCode,field,agency,level,channel,receivedOn,dueOn,ngay_xong,ngay_tra,ngay_rut,ngay_tu_choi\n' +
      'A,1,F,X,commune,2,02/01/2024,05/01/2024,04/01/2024,06/01/2024,,\n' +
      'B,1,F,X,commune,2,02/01/2024,05/01/2024,,06/01/2024,,\n' +
      'C,1,F,X,commune,2,02/01/2024,05/01/2024,04/01/2024,,03/01/2024 10:00,\n' +
      'D,1,F,X,commune,2,02/01/2024,05/01/2024,,,,\n' +
      'E,1,F,X,commune,2,02/01/2024,05/01/2024,,,,31/01/2024 25:00\n';
    const out = await read(csv, { mapping: { resolvedOn: 'ngay_xong', returnedOn: 'ngay_tra', withdrawnOn: 'ngay_rut', refusedOn: 'ngay_tu_choi' } });
    expect(out.map((r) => (r.ok ? [r.record.id, r.record.finishedOn, r.record.finishedAs] : r.reason))).toEqual([
      ['A', '2024-01-04', 'resolved'],
      ['B', '2024-01-06', 'resolved'],
      ['C', '2024-01-03', 'withdrawn'],
      ['D', null, null],
      'refusedOn (column "ngay_tu_choi"): "31/01/2024 25:00" has a time of day that does not exist (expected YYYY-MM-DD, DD/MM/YYYY or D/M/YYYY (optionally with HH:mm or HH:mm:ss), an ISO instant, or an Excel serial day number)',
    ]);
  });

  it('reads the same rules from JSON objects', async () => {
    const rec = recordFromObject({ MaHoSo: 'H1', MaTTHC: '1.001193', MaLinhVuc: 'Hộ tịch', DonViXuLy: 'UBND xã A', CapThucHien: 'Cấp xã', KenhThucHien: 2, NgayTiepNhan: '02/01/2024 08:00:00', NgayHenTra: '05/01/2024 17:00:00', NgayKetThucXuLy: null, TrangThaiHoSo: 4 }, presetMapping('dvcqg'));
    expect(rec).toMatchObject({ id: 'H1', level: 'commune', channel: 'online', receivedOn: '2024-01-02', finishedAs: null });
    const out: ReadResult[] = [];
    for await (const r of readJsonRecords(['{"id":"A","procedureCode":"1","field":"F","agency":"X","level":"Phường","channel":"Trực tuyến","receivedOn":"02/01/2024","dueOn":"03/01/2024","finishedOn":null,"finishedAs":null}\n'], { values: { level: { Phường: 'commune' } } })) out.push(r);
    expect(out).toMatchObject([{ ok: true, record: { level: 'commune' } }]);
  });
});

describe('preset dvcqg', () => {
  it('reads a national-portal export into the same summary as the clean CSV, on both CSV paths', async () => {
    const { vendor, clean, rows, bad } = dvcqgFixture();
    const q = period('2024');
    const sum = async (text: string, options: RecordReadOptions) => {
      const acc = createAccumulator({ period: q, groupBy: ['level', 'field'] });
      const rejected: string[] = [];
      let n = 0;
      for await (const r of readRecords([text], options)) {
        n++;
        if (r.ok) add(acc, r.record);
        else rejected.push(`${r.line}: ${r.reason}`);
      }
      return { s: result(acc), rejected, n };
    };
    const a = await sum(vendor, { mapping: presetMapping('dvcqg') });
    const b = await sum(clean, {});
    expect(a.n).toBe(rows);
    expect(a.rejected.length).toBe(bad);
    expect(a.rejected[0]).toMatch(/receivedOn \(column "NgayTiepNhan"\): "31\/02\/2024 08:00:00" is not a real date/);
    expect(b.rejected).toEqual([]);
    expect(a.s.rows).toEqual(b.s.rows);
    expect(a.s.total).toEqual(b.s.total);
    expect(a.s.total.counts.received).toBe(rows - bad);
    // the byte path (summarizeCsvFile) gives the same summary and the same rejections
    const dir = mkdtempSync(join(tmpdir(), 'motcua-dvcqg-'));
    writeFileSync(join(dir, 'v.csv'), vendor);
    const c = await summarizeCsvFile(join(dir, 'v.csv'), { period: q, groupBy: ['level', 'field'], mapping: presetMapping('dvcqg'), threads: 1 });
    expect(c.rows).toEqual(a.s.rows);
    expect(c.rejected.map((r) => `${r.line}: ${r.reason}`)).toEqual(a.rejected);
    // rows in = counted + rejected
    expect(c.total.counts.received + c.rejectedCount).toBe(rows);
  });
});
