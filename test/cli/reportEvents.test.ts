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
    const code = await run(['--events', 'ev.ndjson', '--facts', 'facts.json', '--period', '2024-05', '--format', 'json', '--assume', 'reusedData=false,dataStored=false,componentsFromStore=false'], io);
    expect(code).toBe(1);
    // Vietnamese by default (#19); --lang en below
    expect(io.err).toContain('ev.ndjson: dòng 6: dossier "C"');
    expect(io.err).toContain('1 hồ sơ hoặc dòng của ev.ndjson bị loại; 3 hồ sơ được báo cáo.');
    const en = fakeIo({ 'ev.ndjson': events, 'facts.json': facts });
    expect(await run(['--events', 'ev.ndjson', '--facts', 'facts.json', '--period', '2024-05', '--lang', 'en', '--assume', 'reusedData=false,dataStored=false,componentsFromStore=false'], en)).toBe(1);
    expect(en.err).toContain('ev.ndjson: line 6: dossier "C"');
    expect(en.err).toContain('1 dossier(s) or line(s) of ev.ndjson rejected; 3 dossier(s) reported.');
    expect(en.out).toContain('Form II.06a');
    const out = JSON.parse(io.out);
    expect(out.total.counts).toMatchObject({ received: 3, online: 1, resolved: 1, early: 1, withdrawn: 1, excluded: 1, pending: 1 });
    expect(out.rejectedCount).toBe(0);
  });

  it('asks for the facts the log cannot know', async () => {
    const io = fakeIo({ 'ev.ndjson': events });
    expect(await run(['--events', 'ev.ndjson', '--period', '2024-05', '--format', 'csv'], io)).toBe(1);
    expect(io.err).toMatch(/dossier "A": no facts for it/);
    expect(io.out.split('\n')[0]).toMatch(/^group,received/);
  });

  it('refuses the options of a record file', async () => {
    const io = fakeIo({});
    expect(await run(['--events', 'ev.ndjson', '--mapping', 'm.json'], io)).toBe(2);
    expect(await run(['export.csv', '--events', 'ev.ndjson'], io)).toBe(2);
    expect(await run(['--period', '2024'], io)).toBe(2);
  });
});
