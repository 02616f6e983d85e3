import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/reportEvents';
import { fakeIo } from './_io';

const L = (dossierId: string, e: Record<string, unknown>) => JSON.stringify({ dossierId, procedureCode: '1.004873', agency: 'UBND xã A', ...e });
const events = [
  L('A', { id: 'e1', type: 'received', at: '2024-05-06T08:00+07:00', channel: 'online' }),
  L('B', { id: 'e1', type: 'received', at: '2024-05-06T09:00+07:00' }),
  L('A', { id: 'e2', type: 'resolved', at: '2024-05-08T10:00+07:00' }),
  L('B', { id: 'e2', type: 'withdrawal-requested', at: '2024-05-07T10:00+07:00' }),
  L('C', { id: 'e1', type: 'received', at: '2024-05-06T09:00+07:00' }),
  L('C', { id: 'e2', type: 'returned', at: '2024-05-07T09:00+07:00' }),
  L('D', { id: 'e1', type: 'received', at: '2024-05-20T09:00+07:00' }),
].join('\n');
const facts = JSON.stringify({ '*': { digitised: true, eResult: false, feeDue: false, paidOnline: false, synced: true, complaint: false } });

describe('motcua report --events', () => {
  it('replays every dossier, reports the bad logs on stderr, and prints the report of the others', async () => {
    const io = fakeIo({ 'ev.ndjson': events, 'facts.json': facts });
    const code = await run(['--events', 'ev.ndjson', '--any-order', '--facts', 'facts.json', '--period', '2024-05', '--format', 'json', '--assume', 'reusedData=false,dataStored=false,componentsFromStore=false'], io);
    expect(code).toBe(1);
    // Vietnamese by default (#19); --lang en below
    expect(io.err).toContain('ev.ndjson: dòng 6: hồ sơ "C": sự kiện "e2" (returned) bị từ chối ở trạng thái received');
    expect(io.err).toContain('1 hồ sơ hoặc dòng của ev.ndjson bị loại; 3 hồ sơ được báo cáo.');
    const en = fakeIo({ 'ev.ndjson': events, 'facts.json': facts });
    expect(await run(['--events', 'ev.ndjson', '--any-order', '--facts', 'facts.json', '--period', '2024-05', '--lang', 'en', '--assume', 'reusedData=false,dataStored=false,componentsFromStore=false'], en)).toBe(1);
    expect(en.err).toContain('ev.ndjson: line 6: dossier "C"');
    expect(en.err).toContain('1 dossier(s) or line(s) of ev.ndjson rejected; 3 dossier(s) reported.');
    expect(en.out).toContain('Form II.06a');
    const out = JSON.parse(io.out);
    expect(out.total.counts).toMatchObject({ received: 3, online: 1, resolved: 1, early: 1, withdrawn: 1, excluded: 1, pending: 1 });
    // the rejected dossier C is counted among the rejections (it was 0 while the records went
    // through the report as a second file: the JSON then hid the rejection the exit code showed)
    expect(out.rejectedCount).toBe(1);
    expect(out.rowsRead).toBe(out.counted + out.rejectedCount + out.outsidePeriod);
    expect(out.events).toEqual({ dossiers: 4, dossiersRejected: 1, eventsRead: 7, linesRejected: 0, threads: 1 });
  });

  it('streams the same file sorted by dossier, with the same report', async () => {
    const sorted = events.split('\n').map((l, i) => [JSON.parse(l).dossierId as string, i, l] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1])).map((x) => x[2]).join('\n');
    const argv = ['--events', 'ev.ndjson', '--facts', 'facts.json', '--period', '2024-05', '--format', 'json', '--assume', 'reusedData=false,dataStored=false,componentsFromStore=false'];
    const a = fakeIo({ 'ev.ndjson': sorted, 'facts.json': facts });
    const b = fakeIo({ 'ev.ndjson': events, 'facts.json': facts });
    expect(await run(argv, a)).toBe(1);
    expect(await run([...argv, '--any-order'], b)).toBe(1);
    const x = JSON.parse(a.out);
    const y = JSON.parse(b.out);
    expect(x.total).toEqual(y.total);
    expect(x.rejectedCount).toBe(1);
    // C's refused event is on line 6 of the sorted file too (A1 A2 B1 B2 C1 C2 D1)
    expect(a.err).toContain('ev.ndjson: dòng 6: hồ sơ "C"');
  });

  it('refuses interleaved dossiers without --any-order, naming the line (exit 2, nothing printed)', async () => {
    const io = fakeIo({ 'ev.ndjson': events, 'facts.json': facts });
    expect(await run(['--events', 'ev.ndjson', '--facts', 'facts.json', '--period', '2024-05'], io)).toBe(2);
    expect(io.err).toMatch(/INVALID_INPUT: dòng 3: hồ sơ "A" nằm sau hồ sơ "B"/);
    const en = fakeIo({ 'ev.ndjson': events, 'facts.json': facts });
    expect(await run(['--events', 'ev.ndjson', '--facts', 'facts.json', '--period', '2024-05', '--lang', 'en'], en)).toBe(2);
    expect(en.err).toMatch(/INVALID_INPUT: line 3: dossier "A" comes after dossier "B"/);
    expect(io.out).toBe('');
  });

  it('asks for the facts the log cannot know', async () => {
    const io = fakeIo({ 'ev.ndjson': events });
    expect(await run(['--events', 'ev.ndjson', '--any-order', '--period', '2024-05', '--format', 'csv'], io)).toBe(1);
    expect(io.err).toMatch(/hồ sơ "A": không có dữ kiện của hồ sơ trong/);
    expect(io.out.split('\n')[0]).toMatch(/^group,received/);
  });

  it('names every missing fact of a dossier in one rejection, the dossier and the field once each', async () => {
    const partial = JSON.stringify({ '*': { digitised: true, eResult: false } });
    const argv = ['--events', 'ev.ndjson', '--any-order', '--facts', 'facts.json', '--period', '2024-05', '--assume', 'reusedData=false,dataStored=false,componentsFromStore=false'];
    const io = fakeIo({ 'ev.ndjson': events, 'facts.json': partial });
    expect(await run(argv, io)).toBe(1);
    expect(io.err).toContain('ev.ndjson: dòng 1: hồ sơ "A": facts: 4 dữ kiện chưa đúng: thiếu synced, complaint, feeDue, paidOnline (nhật ký sự kiện không cho biết: hãy cho true hoặc false)\n');
    const en = fakeIo({ 'ev.ndjson': events, 'facts.json': partial });
    expect(await run([...argv, '--lang', 'en'], en)).toBe(1);
    expect(en.err).toContain('ev.ndjson: line 1: dossier "A": facts: 4 facts are wrong: missing synced, complaint, feeDue, paidOnline (the event log cannot know them: give each as true or false)\n');
    // a refused event keeps its text as before: the dossier once
    expect(en.err).toContain('ev.ndjson: line 6: dossier "C": event "e2"');
    expect(en.err).not.toMatch(/dossier "\w+": \w*:? ?dossier "/);
  });

  it('refuses the options of a record file', async () => {
    const io = fakeIo({});
    expect(await run(['--events', 'ev.ndjson', '--mapping', 'm.json'], io)).toBe(2);
    expect(await run(['export.csv', '--events', 'ev.ndjson'], io)).toBe(2);
    expect(await run(['--period', '2024'], io)).toBe(2);
  });
});
