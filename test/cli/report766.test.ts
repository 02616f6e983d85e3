/**
 * Issue #22, "Complete Decision 766" from the command line: the catalogue indices from
 * `--catalog`/`--catalog-facts` (worked numbers, and equal to the API), "input not given" without
 * a catalogue (never 0), index 2.2 from a CSV file on disk (the byte reader's second pass) equal to
 * the API, and the per-point block in the text, HTML and xlsx outputs.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processIo, type CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { handlingTime766, indicesCatalog, period, recordFromLog, sampleRecords, score766, summarize, indices766 } from '../../src/kpi/index';
import { findProcedure, sampleCatalog } from '../../src/procedure/index';
import { displayWidth } from '../../src/cli/_format';
import { sheetRows } from '../../src/node/xlsx';
import { pointsBlock } from '../../src/cli/_report766';
import { fakeIo } from './_io';

const catalogJson = readFileSync(new URL('../../data/procedures.json', import.meta.url), 'utf8');
const facts = {
  publications: [{ code: '2.000815', decidedOn: '2025-02-10', effectiveOn: '2025-03-01', publishedOn: '2025-02-12' }],
  paymentIntegrated: ['2.000815'],
  componentsComplete: ['2.000815'],
};
const files = { 'cat.json': catalogJson, 'facts.json': JSON.stringify(facts) };
const SAMPLE = ['report', '--sample', '--year', '2025', '--period', '2025-Q1'];
const CATALOGUE = ['1.1', '1.2', '1.3', '3.1', '3.2', '3.5a', '3.5b'];

async function run(argv: string[], extra: Record<string, string> = {}) {
  const io = fakeIo({ ...files, ...extra });
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

describe('motcua report --catalog (issue #22)', () => {
  it('computes the catalogue indices from the CLI, as the API does, with worked numbers', async () => {
    const r = await run([...SAMPLE, '--catalog', 'cat.json', '--catalog-facts', 'facts.json', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    const ratio = (code: string) => {
      const i = out.indicesCatalog.find((x: { code: string }) => x.code === code);
      return [i.ratio.numerator, i.ratio.denominator, i.score];
    };
    // the sample catalogue: 28 procedures, 25 offered online (3.1, ≥ 80%: 2 of 2 points), 12 of
    // them with an online dossier in Q1/2025 (3.2: 48% of 4 = 1.92), 13 with a fee, 1 integrated
    // (3.5a: 7.69% / 80% × 2 = 0.19), 6 paid online (3.5b: 46.15% / 80% × 2 = 1.15); one
    // publication, on time and made public on time (1.1 6/6, 1.2 4/4); one procedure complete (1.3)
    expect(ratio('3.1')).toEqual([25, 28, 2]);
    expect(ratio('3.2')).toEqual([12, 25, 1.92]);
    expect(ratio('3.5a')).toEqual([1, 13, 0.19]);
    expect(ratio('3.5b')).toEqual([6, 13, 1.15]);
    expect(ratio('1.1')).toEqual([1, 1, 6]);
    expect(ratio('1.2')).toEqual([1, 1, 4]);
    expect(ratio('1.3')).toEqual([1, 28, 0.07]);
    // the same as the API on the same input
    const q = period('2025-Q1');
    const byProcedure = Object.fromEntries(summarize(sampleRecords({ year: 2025 }), { period: q, groupBy: 'procedure' }).rows.map((x) => [x.key, x.counts]));
    const api = indicesCatalog(sampleCatalog, { byProcedure, period: q, publications: facts.publications, paymentIntegrated: facts.paymentIntegrated, componentsComplete: (p) => p.code === '2.000815' });
    expect(out.indicesCatalog).toEqual(JSON.parse(JSON.stringify(api)));
    expect(out.score766).toEqual(JSON.parse(JSON.stringify(score766([...out.indices766, ...api], { handlingTime: out.handlingTime766 }))));
    expect(out.score766.total.scoredMax).toBe(82);
    for (const code of CATALOGUE) expect(out.score766.points.find((p: { code: string }) => p.code === code).status, code).not.toBe('missing');
    // the report's own table is unchanged by the grouping by procedure the catalogue needs
    const plain = JSON.parse((await run([...SAMPLE, '--format', 'json'])).out);
    expect(out.rows).toEqual(plain.rows);
    expect(out.total).toEqual(plain.total);
    expect(out.indices766).toEqual(plain.indices766);
  });

  it('without a catalogue the catalogue points are "input not given", not 0; with the catalogue alone, only 1.1-1.3 and 3.5a are', async () => {
    const none = await run([...SAMPLE, '--format', 'json']);
    const out = JSON.parse(none.out);
    expect(out.indicesCatalog).toBeUndefined();
    for (const code of CATALOGUE) expect(out.score766.points.find((p: { code: string }) => p.code === code), code).toMatchObject({ status: 'missing', score: null });
    expect(out.score766.total).toMatchObject({ scoredMax: 60, unscored: 40 });
    // the text names them and what they need, in Vietnamese by default and in English
    const vi = (await run(SAMPLE)).out;
    expect(vi).toMatch(/ 3\.1 +2 đ +danh mục TTHC +chưa có đầu vào, cần --catalog/);
    const en = (await run([...SAMPLE, '--lang', 'en'])).out;
    expect(en).toMatch(/ 1\.1 +6 pts catalogue +input not given; needs --catalog and --catalog-facts/);
    expect(en).toMatch(/ 2\.2 +0 pts dossiers +estimated \[\?\]: average [\d.]+ working days/);
    for (const text of [vi, en]) for (const line of text.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(100);
    const alone = JSON.parse((await run([...SAMPLE, '--catalog', 'cat.json', '--format', 'json'])).out);
    const status = (code: string) => alone.score766.points.find((p: { code: string }) => p.code === code).status;
    expect(['1.1', '1.2', '1.3', '3.5a'].map(status)).toEqual(['missing', 'missing', 'missing', 'missing']);
    expect(['3.1', '3.2', '3.5b'].map(status)).toEqual(['estimated', 'estimated', 'computed']);
  });

  it('refuses bad catalogue input with exit 2, naming the file and the key or code', async () => {
    // in Vietnamese by default, in English with --lang en (#19); the key or code named once
    const unknownKey = await run([...SAMPLE, '--catalog', 'cat.json', '--catalog-facts', 'f.json'], { 'f.json': '{"publication": []}' });
    expect(unknownKey.code).toBe(2);
    expect(unknownKey.err).toMatch(/f\.json: INVALID_INPUT: publication: không có khóa "publication"/);
    const unknownKeyEn = await run([...SAMPLE, '--lang', 'en', '--catalog', 'cat.json', '--catalog-facts', 'f.json'], { 'f.json': '{"publication": []}' });
    expect(unknownKeyEn.err).toMatch(/f\.json: INVALID_INPUT: publication: unknown key "publication"/);
    const badCode = await run([...SAMPLE, '--catalog', 'cat.json', '--catalog-facts', 'f.json'], { 'f.json': '{"paymentIntegrated": ["9.999999"]}' });
    expect(badCode.code).toBe(2);
    expect(badCode.err).toContain('f.json: INVALID_INPUT: paymentIntegrated[0]: thủ tục "9.999999" không có trong danh mục\n');
    const badCodeEn = await run([...SAMPLE, '--lang', 'en', '--catalog', 'cat.json', '--catalog-facts', 'f.json'], { 'f.json': '{"paymentIntegrated": ["9.999999"]}' });
    expect(badCodeEn.err).toContain('f.json: INVALID_INPUT: paymentIntegrated[0]: procedure "9.999999" is not in the catalogue\n');
    const notList = await run([...SAMPLE, '--lang', 'en', '--catalog', 'cat.json', '--catalog-facts', 'f.json'], { 'f.json': '{"publications": 5}' });
    expect(notList.err).toContain('f.json: INVALID_INPUT: publications: expected an array of { code, decidedOn, effectiveOn?, publishedOn? }, got 5\n');
    const badPub = await run([...SAMPLE, '--catalog', 'cat.json', '--catalog-facts', 'f.json'], { 'f.json': '{"publications": [{"code": "2.000815", "decidedOn": "2025-02-30"}]}' });
    expect(badPub.code).toBe(2);
    expect(badPub.err).toMatch(/decidedOn/);
    const noCatalog = await run([...SAMPLE, '--catalog-facts', 'facts.json']);
    expect(noCatalog.code).toBe(2);
    expect(noCatalog.err).toMatch(/--catalog-facts cần --catalog/);
    const badCatalog = await run([...SAMPLE, '--catalog', 'x.json'], { 'x.json': '{"procedures": [{"code": 1}]}' });
    expect(badCatalog.code).toBe(2);
    expect(badCatalog.err).toContain('x.json: procedures[0].code: mã thủ tục tại procedures[0].code: cần chuỗi, nhận được số 1\n');
    const badCatalogEn = await run([...SAMPLE, '--lang', 'en', '--catalog', 'x.json'], { 'x.json': '{"procedures": [{"code": 1}]}' });
    expect(badCatalogEn.err).toContain('x.json: procedures[0].code: procedure code (mã thủ tục) at procedures[0].code: expected string, got number 1\n');
  });
});

describe('the per-point block', () => {
  it('says why 2.2 was not computed on a large CSV file, and how to get it, within 100 columns', () => {
    const score = score766(indices766(summarize(sampleRecords({ year: 2025 }), { period: period('2025-Q1') }).total.counts));
    for (const lang of ['vi', 'en'] as const) {
      const lines = pointsBlock(score, { gap: 'large' }, lang);
      expect(lines.join('\n')).toMatch(lang === 'vi' ? /2\.2 +0 đ +hồ sơ +chưa có đầu vào: tệp CSV trên 32 MB: thêm --handling-time/ : /2\.2 +0 pts dossiers +input not given: a CSV file over 32 MB: add --handling-time/);
      for (const l of lines) expect(displayWidth(l), l).toBeLessThanOrEqual(100);
    }
  });
});

describe('motcua report --events --catalog (issue #22)', () => {
  it('the catalogue of the replay also gives the catalogue indices', async () => {
    const L = (dossierId: string, e: Record<string, unknown>) => JSON.stringify({ dossierId, procedureCode: '1.004873', agency: 'UBND xã A', ...e });
    const log = [
      L('A', { id: 'e1', type: 'received', at: '2024-05-06T08:00+07:00', channel: 'online' }),
      L('A', { id: 'e2', type: 'resolved', at: '2024-05-08T10:00+07:00' }),
    ].join('\n');
    const extra = { 'ev.ndjson': log, 'ef.json': JSON.stringify({ '*': { digitised: true, eResult: false, feeDue: false, paidOnline: false, synced: true, complaint: false } }) };
    const argv = ['report', '--events', 'ev.ndjson', '--any-order', '--facts', 'ef.json', '--period', '2024-05', '--assume', 'reusedData=false,dataStored=false,componentsFromStore=false', '--catalog', 'cat.json', '--catalog-facts', 'facts.json'];
    const r = await run([...argv, '--format', 'json'], extra);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    // 1 of the 25 online services had an online dossier in May 2024 (3.2: 4% of 4 points = 0.16)
    expect(out.indicesCatalog.find((i: { code: string }) => i.code === '3.2')).toMatchObject({ ratio: { numerator: 1, denominator: 25 }, score: 0.16 });
    // Mon 6/5 → Wed 8/5/2024: 2 days, 2 working days (7, 8/5)
    expect(out.handlingTime766.total).toMatchObject({ dossiers: 1, days: 2, workingDays: 2 });
    expect(out.score766.points.find((p: { code: string }) => p.code === '2.2')).toMatchObject({ status: 'estimated', points: 0 });
  });
});

describe('index 2.2 from an event log (issue #22): supplement waits subtracted', () => {
  // June 2024 has no holiday: Mon 3/6 … Fri 7/6, Mon 10/6 … Fri 14/6.
  const L = (dossierId: string, e: Record<string, unknown>) => JSON.stringify({ dossierId, procedureCode: '1.004873', agency: 'UBND xã A', ...e });
  const log = [
    // A: Mon 3/6 → Wed 5/6: 2 days, 2 working days (4, 5/6); no wait
    L('A', { id: 'a1', type: 'received', at: '2024-06-03T09:00+07:00', channel: 'direct' }),
    L('A', { id: 'a2', type: 'resolved', at: '2024-06-05T10:00+07:00' }),
    // B: Mon 3/6 → Wed 12/6: 9 days, 7 working days (4-7, 10-12/6); the wait Tue 4/6 → Mon 10/6:
    // 6 days, 4 working days (5, 6, 7, 10/6); net 3 days, 3 working days
    L('B', { id: 'b1', type: 'received', at: '2024-06-03T09:00+07:00', channel: 'direct' }),
    L('B', { id: 'b2', type: 'supplement-requested', at: '2024-06-04T10:00+07:00' }),
    L('B', { id: 'b3', type: 'supplement-received', at: '2024-06-10T08:30+07:00' }),
    L('B', { id: 'b4', type: 'resolved', at: '2024-06-12T15:00+07:00' }),
    // C: waiting for its supplement at the end: pending, not in 2.2
    L('C', { id: 'c1', type: 'received', at: '2024-06-05T09:00+07:00', channel: 'direct' }),
    L('C', { id: 'c2', type: 'supplement-requested', at: '2024-06-06T09:00+07:00' }),
  ].join('\n');
  const factsOne = { digitised: true, eResult: false, feeDue: false, paidOnline: false, synced: true, complaint: false };
  const extra = { 'ev.ndjson': log, 'ef.json': JSON.stringify({ '*': factsOne }) };
  const argv = ['report', '--events', 'ev.ndjson', '--facts', 'ef.json', '--period', '2024-06', '--assume', 'reusedData=false,dataStored=false,componentsFromStore=false'];

  it('worked numbers: (2 + 3) / 2 = 2.5 days and working days, the wait of B (6 days, 4 working days) subtracted, said in both languages', async () => {
    const r = await run([...argv, '--format', 'json'], extra);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const h = JSON.parse(r.out).handlingTime766;
    expect(h.byProcedure).toEqual([
      { procedureCode: '1.004873', dossiers: 2, days: 5, averageDays: 2.5, dossiersInCalendar: 2, workingDays: 5, averageWorkingDays: 2.5, supplementWaitDays: 6, supplementWaitWorkingDays: 4 },
    ]);
    expect(h).toMatchObject({ withSupplements: 0, supplementWaitsKnown: 2, supplementWaitsSubtracted: 1 });
    const vi = (await run(argv, extra)).out;
    expect(vi).toMatch(/2\.2 +0 đ +hồ sơ +ước tính \[\?\]: trung bình 2,5 ngày làm việc \(2,5 ngày\) trên 2 hồ sơ/);
    expect(vi.replace(/\s+/g, ' ')).toContain('đã trừ thời gian chờ bổ sung theo nhật ký (1 hồ sơ, 4 ngày làm việc)');
    const en = (await run([...argv, '--lang', 'en'], extra)).out;
    expect(en.replace(/\s+/g, ' ')).toContain('supplement waits subtracted from the log (1 dossier, 4 working days)');
    for (const text of [vi, en]) for (const line of text.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(100);
  });

  it('the same dossiers as records in a CSV file: the waits are not known, so not subtracted, and the text says so', async () => {
    const records = ['A', 'B', 'C'].map((id) =>
      recordFromLog(log.split('\n').map((l) => JSON.parse(l)).filter((e) => e.dossierId === id), { id, procedure: findProcedure(sampleCatalog, '1.004873')!, agency: 'UBND xã A', facts: factsOne }),
    );
    const cell = (v: unknown) => (v === null || v === undefined ? '' : `"${String(v).replace(/"/g, '""')}"`);
    const csv = `${FIELDS.join(',')}\n${records.map((rec) => FIELDS.map((f) => cell(f === 'componentsFromStore' ? false : (rec as unknown as Record<string, unknown>)[f])).join(',')).join('\n')}\n`;
    const r = await run(['report', 'x.csv', '--period', '2024-06', '--format', 'json', '--assume', 'reusedData=false,dataStored=false'], { 'x.csv': csv });
    expect(r.err).toBe('');
    const h = JSON.parse(r.out).handlingTime766;
    // B counts whole: 2 + 9 = 11 days, 2 + 7 = 9 working days
    expect(h.total).toMatchObject({ dossiers: 2, days: 11, averageDays: 5.5, workingDays: 9, averageWorkingDays: 4.5, supplementWaitDays: 0 });
    expect(h).toMatchObject({ withSupplements: 1, supplementWaitsKnown: 0, supplementWaitsSubtracted: 0 });
    const vi = (await run(['report', 'x.csv', '--period', '2024-06', '--assume', 'reusedData=false,dataStored=false'], { 'x.csv': csv })).out;
    expect(vi.replace(/\s+/g, ' ')).toContain('chưa trừ thời gian chờ bổ sung (1 hồ sơ)');
  });
});

/** A CLI io on the real disk that records what is printed. */
function diskIo(): CliIo & { out: string; err: string } {
  const io = { ...processIo(), out: '', err: '', isTTY: false, stdout: (s: string) => void (io.out += s), stderr: (s: string) => void (io.err += s) };
  return io;
}

const FIELDS = ['id', 'procedureCode', 'field', 'agency', 'level', 'channel', 'receivedOn', 'dueOn', 'originalDueOn', 'finishedOn', 'finishedAs', 'returnedOn', 'pausedSince', 'pausedFor', 'supplements', 'extensions', 'digitised', 'eResult', 'paperResultRequired', 'feeDue', 'paidOnline', 'synced', 'complaint', 'reusedData', 'dataStored', 'componentsFromStore'] as const;

describe('index 2.2 from the command line (issue #22)', () => {
  it('a CSV file on disk (byte reader, then a second pass) gives the 2.2 of the API, a duplicate id counted once', async () => {
    const records = sampleRecords({ year: 2025 });
    const cell = (v: unknown) => (v === null || v === undefined ? '' : `"${String(v).replace(/"/g, '""')}"`);
    const rows = records.map((r) => FIELDS.map((f) => cell((r as unknown as Record<string, unknown>)[f])).join(','));
    // the first record again, with another end date: a duplicate, rejected (the first row wins)
    const dup = { ...records.find((r) => r.finishedAs === 'resolved' && r.receivedOn >= '2025-01-01' && r.receivedOn <= '2025-03-31')! };
    const dupRow = FIELDS.map((f) => cell(f === 'finishedOn' ? '2025-12-31' : (dup as unknown as Record<string, unknown>)[f])).join(',');
    const dir = mkdtempSync(join(tmpdir(), 'motcua-766-'));
    const file = join(dir, 'export.csv');
    writeFileSync(file, `${FIELDS.join(',')}\n${rows.join('\n')}\n${dupRow}\n`);
    const io = diskIo();
    expect(await main(['report', file, '--period', '2025-Q1', '--format', 'json'], io)).toBe(1); // the duplicate row is rejected
    const out = JSON.parse(io.out);
    const api = handlingTime766(records, { period: period('2025-Q1') });
    expect(out.handlingTime766).toEqual(JSON.parse(JSON.stringify(api)));
    expect(out.handlingTime766.total.dossiers).toBeGreaterThan(0);
    // as from the sample: the same figures by either path
    const sample = JSON.parse((await run(SAMPLE.concat('--format', 'json'))).out);
    expect(sample.handlingTime766).toEqual(out.handlingTime766);
    expect(out.score766).toEqual(sample.score766);
    expect(out.indices766).toEqual(JSON.parse(JSON.stringify(indices766(summarize(records, { period: period('2025-Q1') }).total.counts))));
  });

  it('the HTML page and the workbook carry the points with their status', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-766-'));
    const io = diskIo();
    const html = join(dir, 'r.html');
    expect(await main([...SAMPLE, '--out', html], io)).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/<table class="points">/);
    expect(page).toMatch(/<td>3\.1<\/td><td class="n">2<\/td><td>Danh mục TTHC<\/td><td>Chưa có đầu vào<\/td>/);
    expect(page).toMatch(/<td>2\.2<\/td><td class="n">0<\/td><td>Dữ liệu hồ sơ<\/td><td>Ước tính \[\?\]<\/td><td class="label">TB [\d,]+ ngày làm việc/);
    const xlsx = join(dir, 'r.xlsx');
    expect(await main([...SAMPLE, '--form', 'ii06a', '--out', xlsx, '--catalog', join(process.cwd(), 'data/procedures.json')], diskIo())).toBe(0);
    const flat: string[] = [];
    for await (const r of sheetRows(xlsx, { sheet: 'Chỉ số 766' })) flat.push(r.cells.join('|'));
    expect(flat.some((l) => /^3\.1\|2\|Danh mục TTHC\|Ước tính \[\?\]\|2$/.test(l))).toBe(true);
    expect(flat.some((l) => /^1\.1\|6\|Danh mục TTHC\|Chưa có đầu vào\|-$/.test(l))).toBe(true);
  });
});
