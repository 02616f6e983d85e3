import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/calendar/_lib/civil';
import { base, recordArb } from './_arbitraries';
import {
  type DossierRecord,
  emptyCounts,
  endOf,
  indices766,
  period,
  readJsonRecords,
  readRecords,
  type ReadResult,
  summarize,
  validateRecord,
} from '../../src/kpi/index';

const rec = (extra: Partial<DossierRecord> = {}): DossierRecord => ({
  id: 'H1', procedureCode: '2.000815', field: 'Chứng thực', agency: 'UBND xã A', level: 'commune', channel: 'online',
  receivedOn: '2024-01-10', dueOn: '2024-01-12', finishedOn: null, finishedAs: null, supplements: 0, extensions: 0,
  digitised: true, eResult: false, feeDue: false, paidOnline: false, synced: true, complaint: false, ...extra,
});

describe('endOf: the KPI end time rule', () => {
  it('takes the first event; 10 counts only without 9; ties go refusal, stop, 9, 10, withdrawal', () => {
    expect(endOf({ resolvedOn: '2024-03-04', returnedOn: '2024-03-01' })).toEqual({ finishedOn: '2024-03-04', finishedAs: 'resolved' });
    expect(endOf({ returnedOn: '2024-03-06' })).toEqual({ finishedOn: '2024-03-06', finishedAs: 'resolved' });
    expect(endOf({ withdrawnOn: '2024-03-01', resolvedOn: '2024-03-04' })).toEqual({ finishedOn: '2024-03-01', finishedAs: 'withdrawn' });
    expect(endOf({ stoppedOn: '2024-03-01', refusedOn: '2024-03-01' })).toEqual({ finishedOn: '2024-03-01', finishedAs: 'refused' });
    expect(endOf({ resolvedOn: null, returnedOn: undefined })).toEqual({ finishedOn: null, finishedAs: null });
    expect(() => endOf({ stoppedOn: '01/03/2024' })).toThrowError(expect.objectContaining({ code: 'INVALID_DATE', field: 'stoppedOn' }));
  });

  it('the end is the earliest eligible date, and null exactly when there is none', () => {
    const day = fc.option(fc.integer({ min: 0, max: 60 }).map((d) => formatDate(base + d)), { nil: null });
    fc.assert(
      fc.property(fc.record({ refusedOn: day, stoppedOn: day, resolvedOn: day, returnedOn: day, withdrawnOn: day }), (e) => {
        const eligible = [e.refusedOn, e.stoppedOn, e.resolvedOn, e.resolvedOn ? null : e.returnedOn, e.withdrawnOn].filter((d): d is string => d !== null);
        const end = endOf(e);
        if (eligible.length === 0) expect(end).toEqual({ finishedOn: null, finishedAs: null });
        else expect(end.finishedOn).toBe([...eligible].sort()[0]);
      }),
    );
  });

  it('a result returned without a recorded end is resolved on its return date in the summary', () => {
    const s = summarize([rec({ returnedOn: '2024-01-12' }), rec({ id: 'H2', returnedOn: '2024-01-15' })], { period: period('2024-01') });
    expect(s.total.counts).toMatchObject({ resolved: 2, onTime: 1, late: 1, pending: 0 });
    expect(s.identities.every((i) => i.ok)).toBe(true);
  });
});

describe('validateRecord', () => {
  it('lists every problem at once, by field', () => {
    expect(validateRecord(rec())).toEqual([]);
    const bad = { ...rec(), channel: 'fax', receivedOn: '2024-01-10', dueOn: '2024-01-09', finishedOn: '2024-01-08', finishedAs: 'done', supplements: -1, synced: 'yes', returnedOn: '2024-01-07', originalDueOn: '2024-02-01' } as unknown as DossierRecord;
    expect(validateRecord(bad)).toEqual([
      'channel: "fax" is not direct, online or postal',
      'dueOn: 2024-01-09 is before receivedOn 2024-01-10',
      'finishedOn: 2024-01-08 is before receivedOn 2024-01-10',
      'finishedAs: "done" is not resolved, refused, stopped or withdrawn',
      'returnedOn: 2024-01-07 is before finishedOn 2024-01-08',
      'originalDueOn: 2024-02-01 is after the extended dueOn 2024-01-09',
      'supplements: expected a whole number, got -1',
      'synced: expected true or false, got "yes"',
    ]);
    expect(validateRecord(rec({ finishedOn: '2024-01-11' }))).toEqual(['finishedAs: finishedOn and finishedAs must be both empty or both set']);
  });

  it('generated records are valid, and every one summarises without error', () => {
    fc.assert(
      fc.property(recordArb, (r) => {
        expect(validateRecord(r)).toEqual([]);
      }),
    );
  });
});

async function readJson(chunks: string[]): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  for await (const r of readJsonRecords(chunks)) out.push(r);
  return out;
}

describe('readJsonRecords: streaming JSON and NDJSON', () => {
  const one = JSON.stringify(rec());
  it('reports every bad element with the line it starts on, and drops none', async () => {
    const text = `\uFEFF[\n${one},\n42,\n{"id": "x", "broken": },\n${JSON.stringify({ ...rec(), id: 'H2', channel: 'fax' })},\n${JSON.stringify({ ...rec(), id: 'H3', dueOn: '2024-01-01' })},\n"a string"\n]`;
    const out = await readJson([text]);
    expect(out.map((r) => (r.ok ? `${r.line} ok ${r.record.id}` : `${r.line} ${r.reason.split(':').slice(0, 2).join(':')}`))).toEqual([
      '2 ok H1',
      '3 record 2: expected an object, got 42',
      '4 record 3: not JSON',
      '5 record 4: channel',
      '6 record 5: dueOn',
      '7 record 6: expected an object, got "a string"',
    ]);
    expect(out[4]).toMatchObject({ reason: 'record 5: dueOn: 2024-01-01 is before receivedOn 2024-01-10' });
  });

  it('an array left open, garbage after it, an unterminated value: each is reported', async () => {
    expect(await readJson([`[${one},\n`])).toEqual([{ ok: true, line: 1, record: expect.objectContaining({ id: 'H1' }) }, { ok: false, line: 2, reason: 'the JSON array is not closed with ]' }]);
    expect((await readJson([`[${one}]\n{}`])).map((r) => r.ok || r.reason)).toEqual([true, 'record 2: content after the closing ] of the array']);
    expect((await readJson([`${one}\n{"id": "H2`])).map((r) => r.ok || r.reason)).toEqual([true, 'record 2: unterminated JSON value at the end of the input']);
    // no element at all is refused (#14), as a CSV header alone
    await expect(readJson(['', '  \n'])).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'records' });
  });

  it('any records, written as a JSON array or NDJSON and cut into any chunks, read back in order with their lines', async () => {
    const normal = (r: DossierRecord) => ({
      ...r, originalDueOn: r.originalDueOn ?? null, returnedOn: r.returnedOn ?? null, reusedData: r.reusedData ?? false, dataStored: r.dataStored ?? false,
      pausedSince: r.pausedSince ?? null, pausedFor: r.pausedFor ?? null, componentsFromStore: r.componentsFromStore ?? false,
    });
    await fc.assert(
      fc.asyncProperty(fc.array(recordArb, { minLength: 1, maxLength: 30 }), fc.boolean(), fc.integer({ min: 1, max: 400 }), async (rs, ndjson, cut) => {
        const text = ndjson ? rs.map((r) => `${JSON.stringify(r)}\n`).join('') : `[\n${rs.map((r) => JSON.stringify(r, null, 1).replaceAll('\n', ' ')).join(',\n')}\n]\n`;
        const chunks = text.match(new RegExp(`[\\s\\S]{1,${cut}}`, 'g')) ?? [];
        const out = await readJson(chunks);
        expect(out.map((r) => r.line)).toEqual(rs.map((_, i) => (ndjson ? i + 1 : i + 2)));
        expect(out.map((r) => (r.ok ? r.record : r.reason))).toEqual(rs.map(normal));
      }),
      { numRuns: 150 },
    );
  });
});

describe('the CSV reader never drops a row', () => {
  const HEADER = 'id,procedureCode,field,agency,level,channel,receivedOn,dueOn,finishedOn,finishedAs,reusedData,dataStored';
  it('an unclosed quote swallows the rest of the file into one row, which is still reported', async () => {
    const out: ReadResult[] = [];
    for await (const r of readRecords([`${HEADER}\n"unclosed,1\nH,1.001193\n`])) out.push(r);
    expect(out).toEqual([{ ok: false, line: 2, reason: 'a quoted cell opened on this row is never closed: the rest of the file (to line 4) went into it' }]);
    const lone: ReadResult[] = [];
    for await (const r of readRecords([`${HEADER}\n"`])) lone.push(r);
    expect(lone).toEqual([{ ok: false, line: 2, reason: 'a quoted cell opened on this row is never closed: the rest of the file (to line 2) went into it' }]);
  });

  it('every data line yields exactly one result, with its line number, whatever is wrong with it, with its line number, whatever is wrong with it', async () => {
    const good = fc.record({ d: fc.integer({ min: 0, max: 200 }), k: fc.integer({ min: 0, max: 15 }) }).map(({ d, k }) => ({ ok: true, text: `H,1.001193,Hộ tịch,UBND xã A,commune,online,${formatDate(base + d)},${formatDate(base + d + k)},,,1,0` }));
    const bad = fc.constantFrom(
      'H,1.001193,Hộ tịch,UBND xã A,commune,fax,2024-01-02,2024-01-05,,,0,0',
      'H,1.001193',
      'H,1.001193,Hộ tịch,UBND xã A,commune,online,2024-01-05,2024-01-02,,,0,0',
      '"H, quoted",1.001193,Hộ tịch,UBND xã A,commune,online,2024-01-02,2024-01-05,,,0',
      'H,,Hộ tịch,UBND xã A,commune,online,2024-01-02,2024-01-05,,,maybe,0',
      '',
    ).map((text) => ({ ok: false, text }));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(good, bad), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 200 }), async (rows, cut) => {
        const text = `${HEADER}\r\n${rows.map((r) => `${r.text}\r\n`).join('')}`;
        const out: ReadResult[] = [];
        for await (const r of readRecords(text.match(new RegExp(`[\\s\\S]{1,${cut}}`, 'g')) ?? [])) out.push(r);
        expect(out.map((r) => r.line)).toEqual(rows.map((_, i) => i + 2));
        expect(out.map((r) => r.ok)).toEqual(rows.map((r) => r.ok));
      }),
      { numRuns: 150 },
    );
  });
});

describe('Decision 766 indices 4.3 and 4.4 from records', () => {
  // 4.4 follows the formula sheet (domain.md §8): (components taken from the data store, or
  // e-results synced to it) / dossiers received. It used to be results stored / e-results (1/2 = 50%,
  // 2 points), which contradicted the reference: changed deliberately (issue #22).
  it('count reuse over dossiers received; 4.4 = (components from the data store or e-results saved to it) / received', () => {
    const rs = [
      rec({ reusedData: true, finishedOn: '2024-01-11', finishedAs: 'resolved', eResult: true, dataStored: true }),
      rec({ id: 'H2', reusedData: true, finishedOn: '2024-01-11', finishedAs: 'resolved', eResult: true }),
      rec({ id: 'H3', finishedOn: '2024-01-11', finishedAs: 'resolved', eResult: false, dataStored: true }),
      rec({ id: 'H4', componentsFromStore: true }),
      rec({ id: 'H5' }),
    ];
    const c = summarize(rs, { period: period('2024-01') }).total.counts;
    expect(c).toMatchObject({ receivedInPeriod: 5, reusedData: 2, eResult: 2, dataStored: 1, dataStoreUsed: 2 });
    const ix = indices766(c);
    expect(ix.find((i) => i.code === '4.3')).toMatchObject({ ratio: { numerator: 2, denominator: 5 }, rounded: 0.4, target: 0.8, score: 1 });
    // H1 (e-result saved to the store) and H4 (components from the store); H3 saved no e-result: 2 / 5 = 40% × 4 points = 1.6
    expect(ix.find((i) => i.code === '4.4')).toMatchObject({ ratio: { numerator: 2, denominator: 5 }, rounded: 0.4, score: 1.6 });
  });

  it('3.3 as the portal computes it: online ratio times the sync ratio', () => {
    const c = { ...emptyCounts(), receivedInPeriod: 10, received: 10, online: 6, synced: 9 };
    expect(indices766(c).find((i) => i.code === '3.3')).toMatchObject({ rounded: 0.6, score: 6 });
    expect(indices766(c, { onlineTimesSync: true }).find((i) => i.code === '3.3')).toMatchObject({ ratio: { numerator: 54, denominator: 100 }, rounded: 0.54, score: 6 });
    expect(indices766({ ...c, synced: 7 }, { onlineTimesSync: true }).find((i) => i.code === '3.3')).toMatchObject({ rounded: 0.42, score: 5.04 });
  });
});

describe('periods partition without losing dossiers', () => {
  it('the months of a period add up to it: received and resolved sum, pending chains into the next month', () => {
    const monthArb = fc.integer({ min: 0, max: 5 });
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 150 }), monthArb, fc.integer({ min: 1, max: 4 }), (rs, start, n) => {
        const y = 2023 + Math.floor((9 + start) / 12);
        const m0 = ((9 + start) % 12) + 1;
        const months = Array.from({ length: n }, (_, k) => {
          const d = new Date(Date.UTC(y, m0 - 1 + k, 1));
          return period(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
        });
        const whole = summarize(rs, { period: period({ from: months[0]!.from, to: months[n - 1]!.to }) }).total.counts;
        const parts = months.map((p) => summarize(rs, { period: p }).total.counts);
        const sum = (k: 'receivedInPeriod' | 'resolved' | 'excluded' | 'online' | 'early' | 'late') => parts.reduce((s, c) => s + c[k], 0);
        for (const k of ['receivedInPeriod', 'resolved', 'excluded', 'online', 'early', 'late'] as const) expect(sum(k)).toBe(whole[k]);
        expect(parts[0]!.carriedOver).toBe(whole.carriedOver);
        expect(parts[n - 1]!.pending).toBe(whole.pending);
        for (let k = 0; k + 1 < n; k++) expect(parts[k]!.pending).toBe(parts[k + 1]!.carriedOver);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the date keys add() compares', () => {
  it('order dates exactly as day numbers do, and refuse what the calendar refuses', async () => {
    const { dateKey } = await import('../../src/kpi/accumulator');
    const { tryParseDate } = await import('../../src/calendar/_lib/civil');
    const day = fc.integer({ min: -20000, max: 60000 }).map((z) => formatDate(z));
    fc.assert(
      fc.property(day, day, (a, b) => {
        expect(Math.sign(dateKey(a) - dateKey(b))).toBe(Math.sign(tryParseDate(a) - tryParseDate(b)));
      }),
    );
    const junk = fc.oneof(fc.string({ maxLength: 12 }), fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/));
    fc.assert(
      fc.property(junk, (s) => {
        expect(Number.isNaN(dateKey(s))).toBe(Number.isNaN(tryParseDate(s)));
      }),
    );
  });
});

describe('accumulators as plain data', () => {
  it('an accumulator read back from JSON keeps adding into the same groups; the order of records does not matter', async () => {
    const { add, createAccumulator, result } = await import('../../src/kpi/index');
    const p = period('2024-Q1');
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 80 }), fc.array(recordArb, { maxLength: 80 }), (a, b) => {
        const acc = createAccumulator({ period: p, groupBy: ['field', 'month'] });
        for (const r of a) add(acc, r);
        const revived = JSON.parse(JSON.stringify(acc));
        for (const r of b) add(revived, r);
        const whole = createAccumulator({ period: p, groupBy: ['field', 'month'] });
        for (const r of [...b].reverse().concat([...a].reverse())) add(whole, r);
        expect(result(revived)).toEqual(result(whole));
      }),
      { numRuns: 150 },
    );
  });
});
