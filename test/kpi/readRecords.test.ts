import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readRecords, summarize, period, type ReadResult } from '../../src/kpi/index';
import { recordArb } from './_arbitraries';

async function all(chunks: string[], mapping = {}) {
  const out: ReadResult[] = [];
  for await (const r of readRecords(chunks, { mapping })) out.push(r);
  return out;
}

const HEADER = 'id,procedureCode,field,agency,level,channel,receivedOn,dueOn,finishedOn,finishedAs,supplements,extensions,digitised,eResult,paperResultRequired,feeDue,paidOnline,synced,complaint';

describe('readRecords', () => {
  it('maps a provincial export with its own headers, codes and date format', async () => {
    const csv = 'ma_ho_so;ma_tthc;linh_vuc;co_quan;cap;kenh;ngay_nhan;han;ngay_xong;ket_qua\n' + 'H1;1.001193;Hộ tịch;UBND xã A;commune;2;02/01/2024;05/01/2024;2024-01-04T16:30:00+07:00;resolved\n';
    const out: ReadResult[] = [];
    const mapping = { id: 'ma_ho_so', procedureCode: 'ma_tthc', field: 'linh_vuc', agency: 'co_quan', level: 'cap', channel: 'kenh', receivedOn: 'ngay_nhan', dueOn: 'han', finishedOn: 'ngay_xong', finishedAs: 'ket_qua' } as const;
    for await (const r of readRecords([csv], { mapping, delimiter: ';' })) out.push(r);
    expect(out).toEqual([{ ok: true, line: 2, record: expect.objectContaining({ id: 'H1', channel: 'online', receivedOn: '2024-01-02', dueOn: '2024-01-05', finishedOn: '2024-01-04', finishedAs: 'resolved', supplements: 0, digitised: false }) }]);
  });

  it('reports every bad row with its line number and reason, and drops none', async () => {
    const ok = 'A,1.001193,Hộ tịch,UBND xã A,commune,online,2024-01-02,2024-01-05,,,0,0,1,0,,0,0,1,0';
    const rows = [
      ok,
      'B,1.001193,Hộ tịch,UBND xã A,commune,fax,2024-01-02,2024-01-05,,,0,0,1,0,,0,0,1,0',
      'C,1.001193,Hộ tịch,UBND xã A,commune,online,2024-02-30,2024-01-05,,,0,0,1,0,,0,0,1,0',
      'D,1.001193,Hộ tịch,UBND xã A,commune,online,2024-01-02',
      '',
      'E,1.001193,Hộ tịch,UBND xã A,commune,online,2024-01-02,2024-01-05,2024-01-04,,0,0,1,0,,0,0,1,0',
      'F,1.001193,Hộ tịch,UBND xã A,commune,online,2024-01-02,2024-01-05,,,two,0,1,0,,0,0,1,0',
    ];
    const out = await all([`${HEADER}\n${rows.join('\n')}\n`]);
    expect(out.length).toBe(rows.length);
    expect(out.map((r) => (r.ok ? `${r.line} ok` : `${r.line} ${r.reason}`))).toEqual([
      '2 ok',
      '3 channel: "fax" is not a channel (direct, online, postal or 1, 2, 3, or a name read without a map: direct: "Trực tiếp", "Nộp trực tiếp", "Tại quầy"; online: "Trực tuyến", "Nộp trực tuyến", "Dịch vụ công trực tuyến", "Qua mạng"; postal: "Bưu chính", "Bưu chính công ích", "Qua bưu chính công ích", "Dịch vụ bưu chính công ích", "BCCI", "Qua dịch vụ bưu chính công ích")',
      '4 receivedOn: "2024-02-30" is not a real date (expected YYYY-MM-DD, DD/MM/YYYY or D/M/YYYY (optionally with HH:mm or HH:mm:ss), an ISO instant, or an Excel serial day number)',
      '5 7 cells where the header has 19',
      '6 empty line',
      '7 finishedOn and finishedAs must be both empty or both set',
      '8 supplements: "two" is not a whole number',
    ]);
  });

  it('refuses a header without a required column, naming it', async () => {
    await expect(all(['id,procedureCode,agency,level,channel,receivedOn,dueOn,finishedOn,finishedAs\nA,1,X,commune,online,2024-01-02,2024-01-05,,\n'])).rejects.toThrowError(expect.objectContaining({ code: 'INVALID_INPUT', field: 'mapping.field' }));
    // several: all named at once (#14)
    await expect(all(['id,procedureCode\nA,1\n'])).rejects.toThrowError(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'mapping', value: ['field', 'agency', 'level', 'channel', 'receivedOn', 'dueOn', 'finishedOn', 'finishedAs'], message: expect.stringMatching(/^mapping: line 1: the header has no column for 8 required fields: "field" for field, "agency" for agency, .*"finishedAs" for finishedAs; /) }),
    );
  });

  it('records written as CSV read back identically and summarise the same', async () => {
    const yes = (b: boolean | null | undefined) => (b ? 'true' : 'false');
    await fc.assert(
      fc.asyncProperty(fc.array(recordArb, { minLength: 1, maxLength: 50 }), fc.integer({ min: 1, max: 300 }), async (rs, cut) => {
        const text = `${HEADER},returnedOn,reusedData,dataStored\n${rs.map((r) => [r.id, r.procedureCode, r.field, r.agency, r.level, r.channel, r.receivedOn, r.dueOn, r.finishedOn ?? '', r.finishedAs ?? '', r.supplements, r.extensions, yes(r.digitised), yes(r.eResult), yes(r.paperResultRequired), yes(r.feeDue), yes(r.paidOnline), yes(r.synced), yes(r.complaint), r.returnedOn ?? '', yes(r.reusedData), yes(r.dataStored)].join(',') + '\n').join('')}`;
        const chunks = text.match(new RegExp(`[\\s\\S]{1,${cut}}`, 'g')) ?? [];
        const out = await all(chunks);
        expect(out.every((r) => r.ok)).toBe(true);
        const back = out.map((r) => (r.ok ? r.record : null)!);
        const p = period('2024-Q1');
        expect(summarize(back, { period: p })).toEqual(summarize(rs, { period: p }));
      }),
      { numRuns: 100 },
    );
  });
});
