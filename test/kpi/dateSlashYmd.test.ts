// `YYYY/MM/DD` dates (docs/reports.md, "Dates may be …"): accepted by the CSV readers (general and
// byte reader), the JSON reader and recordFromObject, as year, month, day (2024/03/05 is 5 March),
// with or without a time of day in Vietnamese time; two-digit month and day only; not with a
// --date-format pattern.
// TZ is America/Los_Angeles in these tests: nothing may depend on the host zone.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DossierRecord, period, readJsonRecords, readRecords, recordFromObject, summarize, type ReadResult, type RecordReadOptions } from '../../src/kpi/index';
import { summarizeCsvFile } from '../../src/node/index';

const HEADER = 'id,procedureCode,field,agency,level,channel,receivedOn,dueOn,finishedOn,finishedAs,supplements,extensions,digitised,eResult,paperResultRequired,feeDue,paidOnline,synced,complaint,returnedOn,pausedSince,reusedData,dataStored,componentsFromStore';
const row = (id: string, received: string, due: string, finished = '') => `${id},1.001193,Hộ tịch,UBND xã A,commune,online,${received},${due},${finished},${finished ? 'resolved' : ''},0,0,1,0,,0,0,1,0,,,0,0,0`;
const pad = (n: number) => String(n).padStart(2, '0');

async function read(csv: string, options: RecordReadOptions = {}) {
  const out: ReadResult[] = [];
  for await (const r of readRecords([csv], options)) out.push(r);
  return out;
}

describe('YYYY/MM/DD dates', () => {
  it('are read as year, month, day, with or without a time, in every field', async () => {
    const out = await read(`${HEADER}\n${row('A', '2024/03/05', '2024/03/08', '2024/03/07 16:45')}\n${row('B', '2024/03/05 23:59:59', '2024/12/31', '2024/03/06 00:00')}\n`);
    expect(out).toEqual([
      { ok: true, line: 2, record: expect.objectContaining({ receivedOn: '2024-03-05', dueOn: '2024-03-08', finishedOn: '2024-03-07' }) },
      { ok: true, line: 3, record: expect.objectContaining({ receivedOn: '2024-03-05', dueOn: '2024-12-31', finishedOn: '2024-03-06' }) },
    ]);
  });

  it('mean the same day as YYYY-MM-DD and DD/MM/YYYY, for any date 1990-2099 (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }), async (d) => {
        const [y, m, day, h, mi] = [d.getUTCFullYear(), pad(d.getUTCMonth() + 1), pad(d.getUTCDate()), pad(d.getUTCHours()), pad(d.getUTCMinutes())];
        const iso = `${y}-${m}-${day}`;
        const out = await read(`${HEADER}\n${row('A', `${y}/${m}/${day}`, `${day}/${m}/${y}`, `${y}/${m}/${day} ${h}:${mi}`)}\n`);
        expect(out[0]).toMatchObject({ ok: true, record: { receivedOn: iso, dueOn: iso, finishedOn: iso } });
      }),
      { numRuns: 200 },
    );
  });

  it('are refused when not real or with a one-digit month or day, saying what was expected', async () => {
    const out = await read(`${HEADER}\n${['2024/02/30', '2024/3/5', '2024/13/01', '2024/03/05 24:00'].map((v, i) => row(`R${i}`, v, '2024-03-08')).join('\n')}\n`);
    expect(out.map((r) => (r.ok ? 'ok' : r.reason))).toEqual([
      expect.stringMatching(/^receivedOn: "2024\/02\/30" is not a real date \(expected /),
      expect.stringMatching(/^receivedOn: "2024\/3\/5" is not a date \(expected /),
      expect.stringMatching(/^receivedOn: "2024\/13\/01" is not a real date \(expected /),
      expect.stringMatching(/^receivedOn: "2024\/03\/05 24:00" has a time of day that does not exist \(expected /),
    ]);
  });

  it('are not read with a --date-format pattern (only the pattern and YYYY-MM-DD are)', async () => {
    const out = await read(`${HEADER}\n${row('A', '2024/03/05', '05/03/2024')}\n${row('B', '2024-03-05', '05/03/2024')}\n`, { dateFormat: 'dd/MM/yyyy' });
    expect(out[0]).toMatchObject({ ok: false, line: 2, reason: 'receivedOn: "2024/03/05" does not match the date format "dd/MM/yyyy" (expected "dd/MM/yyyy" or YYYY-MM-DD)' });
    expect(out[1]).toMatchObject({ ok: true, record: { receivedOn: '2024-03-05', dueOn: '2024-03-05' } });
  });

  it('give the same summary as YYYY-MM-DD through the byte reader, the JSON reader and recordFromObject', async () => {
    const dates = [['2024/01/02', '2024/01/05', '2024/01/04 16:30'], ['2024/02/27', '2024/03/01', ''], ['2024/03/29 15:00', '2024/04/03', '2024/04/01']] as const;
    const slash = `${HEADER}\n${dates.map(([r, d, f], i) => row(`S${i}`, r, d, f)).join('\n')}\n`;
    const iso = `${HEADER}\n${dates.map(([r, d, f], i) => row(`S${i}`, r.slice(0, 10).replaceAll('/', '-'), d.replaceAll('/', '-'), f.slice(0, 10).replaceAll('/', '-'))).join('\n')}\n`;
    const q = period('2024-Q1');
    const records = async (csv: string) => (await read(csv)).map((r) => (r.ok ? r.record : r.reason));
    const a = await records(slash);
    expect(a).toEqual(await records(iso));
    const dir = mkdtempSync(join(tmpdir(), 'motcua-ymd-'));
    writeFileSync(join(dir, 'slash.csv'), slash);
    const bytes = await summarizeCsvFile(join(dir, 'slash.csv'), { period: q, threads: 1 });
    expect(bytes.rejected).toEqual([]);
    expect(a.every((r) => typeof r !== 'string')).toBe(true);
    expect(bytes.total).toEqual(summarize(a as DossierRecord[], { period: q }).total);
    const objects = dates.map(([r, d, f], i) => ({ id: `S${i}`, procedureCode: '1.001193', field: 'Hộ tịch', agency: 'UBND xã A', level: 'commune', channel: 'online', receivedOn: r, dueOn: d, finishedOn: f || null, finishedAs: f ? 'resolved' : null, digitised: true, synced: true }));
    const json: ReadResult[] = [];
    for await (const r of readJsonRecords([JSON.stringify(objects)])) json.push(r);
    expect(json.map((r) => (r.ok ? [r.record.receivedOn, r.record.dueOn, r.record.finishedOn] : r.reason))).toEqual(a.map((r) => typeof r === 'string' ? r : [r.receivedOn, r.dueOn, r.finishedOn]));
    expect(recordFromObject(objects[0]!)).toMatchObject({ receivedOn: '2024-01-02', dueOn: '2024-01-05', finishedOn: '2024-01-04' });
  });
});
