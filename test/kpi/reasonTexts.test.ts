import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { knowsReason, reasonTexts } from '../../src/kpi/reasonTexts';
import { validateRecord } from '../../src/kpi';
import { csvArb, general } from '../node/_csvGen';

// #19: a rejected row's reason stays English (stable); its Vietnamese comes from the reasons table.
describe('the Vietnamese of rejected rows (reasonTexts)', () => {
  it('puts the prefixes and each kind of reason into Vietnamese, the English kept as en', () => {
    const cases: [string, string][] = [
      ['empty line', 'dòng trống'],
      ['11 cells where the header has 12', 'có 11 ô trong khi dòng tiêu đề có 12 cột'],
      ['channel (column "Kênh"): "fax" is not a channel (direct, online, postal or 1, 2, 3)', 'channel (cột "Kênh"): "fax" không phải kênh tiếp nhận (direct, online, postal hoặc 1, 2, 3)'],
      ['dueOn: 2024-01-09 is before receivedOn 2024-01-10', 'dueOn: 2024-01-09 sớm hơn receivedOn 2024-01-10'],
      ['receivedOn: "31/02/2024" is not a real date (expected YYYY-MM-DD, DD/MM/YYYY or D/M/YYYY (optionally with HH:mm or HH:mm:ss), an ISO instant, or an Excel serial day number)',
        'receivedOn: "31/02/2024" không phải ngày có thật (cần YYYY-MM-DD, DD/MM/YYYY hoặc D/M/YYYY (có thể kèm HH:mm hoặc HH:mm:ss), một thời điểm ISO, hoặc số ngày kiểu Excel)'],
      ['id: duplicate dossier id "H1": already counted from line 2, which wins; this row is not counted', 'id: trùng mã hồ sơ "H1": đã được tính từ dòng 2 (dòng đó được giữ); dòng này không được tính'],
      ['record 3: dueOn: "x" is not a civil date "YYYY-MM-DD"; supplements: expected a whole number, got -1', 'bản ghi 3: dueOn: "x" không phải ngày dương lịch "YYYY-MM-DD"; supplements: cần số nguyên không âm, nhận được -1'],
      ['cell C4: level: "tỉnh?" is not a level (ministry, province, district, commune)', 'ô C4: level: "tỉnh?" không phải cấp (ministry, province, district, commune)'],
      ['dossier "H9": procedure 9.999 is not in the catalogue', 'hồ sơ "H9": thủ tục 9.999 không có trong danh mục'],
      ['line 12: expected an event object, got 3', 'dòng 12: cần một đối tượng sự kiện, nhận được 3'],
      ['line longer than 16 bytes: not read (raise maxLineBytes / --max-line-bytes if an event is really that long)', 'dòng dài hơn 16 byte: không đọc (tăng maxLineBytes / --max-line-bytes nếu một sự kiện thật sự dài như vậy)'],
      ['channel: "xxxxxxxx"… (1000000 characters) is not a channel (direct, online, postal or 1, 2, 3)', 'channel: "xxxxxxxx"… (1000000 ký tự) không phải kênh tiếp nhận (direct, online, postal hoặc 1, 2, 3)'],
    ];
    for (const [en, vi] of cases) expect(reasonTexts(en), en).toEqual({ vi, en });
  });

  it('a reason from an error that carried its Vietnamese keeps it; an unknown one stays English', () => {
    expect(reasonTexts('dossier "H1": x', 'hồ sơ "H1": y')).toEqual({ vi: 'hồ sơ "H1": y', en: 'dossier "H1": x' });
    expect(knowsReason('something new')).toBe(false);
    expect(reasonTexts('something new')).toEqual({ vi: 'something new', en: 'something new' });
  });

  it('knows every reason validateRecord gives', () => {
    const bad = validateRecord({ id: '', procedureCode: '', field: 1, agency: null, level: 'x', channel: 'y', receivedOn: 'z', dueOn: '2024-01-01', finishedOn: '2023-01-01', finishedAs: 'gone',
      returnedOn: 'r', originalDueOn: 'o', pausedSince: 'p', pausedFor: 'q', supplements: -1, extensions: 1.5, digitised: 'yes', eResult: null, feeDue: 0, paidOnline: 1, synced: 'no', complaint: undefined, reusedData: 'x' } as never);
    expect(bad.length).toBeGreaterThan(10);
    for (const p of bad) expect(knowsReason(p), p).toBe(true);
    expect(knowsReason(bad.join('; '))).toBe(true);
  });

  it('knows every reason the CSV readers give on generated damaged exports', async () => {
    await fc.assert(
      fc.asyncProperty(csvArb, async (g) => {
        const r = await general(g.text, { mapping: g.mapping, delimiter: g.delimiter, groupBy: [] });
        for (const x of r.rejected) expect(knowsReason(x.reason), x.reason).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
