import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/dossier';
import { fakeIo } from '../cli/_io';
import { interlinked } from './_fixtures';

const events = [
  { id: 'e1', type: 'received', at: '2026-03-02T09:00+07:00' },
  { id: 'e2', type: 'step-started', at: '2026-03-02T10:00+07:00', step: 'commune' },
  { id: 'e3', type: 'step-started', at: '2026-03-05T14:00+07:00', step: 'province' },
  { id: 'e4', type: 'resolved', at: '2026-03-20T10:00+07:00' },
  { id: 'e5', type: 'returned', at: '2026-03-20T15:00+07:00' },
];

describe('motcua dossier', () => {
  it('prints the timeline with states, national codes, due dates, the control slip and the final timeliness', async () => {
    const io = fakeIo({ 'd.json': JSON.stringify({ id: 'H23-260302-0001', procedure: interlinked, events }) });
    expect(await run(['d.json'], io)).toBe(0);
    expect(io.out).toContain('rule set decree-118-2025');
    expect(io.out).toMatch(/2026-03-02T09:00\+07:00\s+received\s+received\s+2 Được tiếp nhận\s+2026-03-16/);
    expect(io.out).toContain('10 Đã trả kết quả');
    expect(io.out).toContain('Timeliness: late (end 2026-03-20T10:00+07:00, resolved), margin -4 working day(s)');
    expect(io.out).toContain('Late steps: province (Sở Nông nghiệp và Môi trường, 6 working day(s) late)');
  });
  it('--json prints the dossier, timeliness and control slip', async () => {
    const io = fakeIo({ 'd.json': JSON.stringify({ procedure: interlinked, events }) });
    expect(await run(['d.json', '--json'], io)).toBe(0);
    const out = JSON.parse(io.out);
    expect(out.timeliness.result).toBe('late');
    expect(out.controlSlip).toHaveLength(2);
    expect(out.dossier.nationalCode).toBe(10);
  });
  it('a bare array needs --limit; refused events are listed and exit 1', async () => {
    const bare = [events[0], { id: 'x', type: 'returned', at: '2026-03-03T09:00+07:00' }, { id: 'e4', type: 'resolved', at: '2026-03-04T10:00+07:00' }];
    const io = fakeIo({ 'a.json': JSON.stringify(bare) });
    expect(await run(['a.json'], io)).toBe(2);
    const io2 = fakeIo({ 'a.json': JSON.stringify(bare) });
    expect(await run(['a.json', '--limit', '3 working-days'], io2)).toBe(1);
    expect(io2.out).toContain('Refused events');
    expect(io2.out).toContain('x returned: INVALID_TRANSITION transition-table');
    expect(io2.out).toContain('Timeliness: early');
  });
  it('usage errors exit 2, unreadable files exit 1', async () => {
    expect(await run([], fakeIo())).toBe(2);
    expect(await run(['a.json', '--policy', 'x'], fakeIo())).toBe(2);
    const io = fakeIo();
    expect(await run(['missing.json'], io)).toBe(1);
    expect(io.err).toContain('cannot read missing.json');
  });
});
