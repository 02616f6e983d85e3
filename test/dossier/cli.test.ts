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
    expect(await run(['d.json', '--lang', 'en'], io)).toBe(0);
    expect(io.out).toContain('rule set decree-118-2025');
    expect(io.out).toMatch(/2026-03-02T09:00\+07:00\s+received\s+received\s+2 Được tiếp nhận\s+2026-03-16/);
    expect(io.out).toContain('10 Đã trả kết quả');
    expect(io.out).toContain('Timeliness: late (end 2026-03-20T10:00+07:00, resolved), margin -4 working day(s)');
    expect(io.out).toContain('Late steps: province (Sở Nông nghiệp và Môi trường, 6 working day(s) late)');
  });
  it('is Vietnamese by default (#19): events, states, the slip and the timeliness in words', async () => {
    const io = fakeIo({ 'd.json': JSON.stringify({ id: 'H23-260302-0001', procedure: interlinked, events }) });
    expect(await run(['d.json'], io)).toBe(0);
    expect(io.out).toContain('Hồ sơ H23-260302-0001 · thủ tục 1.000002 · trực tiếp');
    expect(io.out).toMatch(/2026-03-02T09:00\+07:00\s+tiếp nhận\s+Được tiếp nhận\s+2\s+2026-03-16/);
    expect(io.out).toContain('Phiếu kiểm soát quá trình giải quyết hồ sơ:');
    expect(io.out).toContain('Kết quả: quá hạn (kết thúc 2026-03-20T10:00+07:00, giải quyết xong), chênh lệch -4 ngày làm việc');
    expect(io.out).toContain('Bước quá hạn: province (Sở Nông nghiệp và Môi trường, quá 6 ngày làm việc)');
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
    expect(await run(['a.json', '--limit', '3 working-days', '--lang', 'en'], io2)).toBe(1);
    expect(io2.out).toContain('Refused events');
    expect(io2.out).toContain('x returned: INVALID_TRANSITION transition-table');
    expect(io2.out).toContain('Timeliness: early');
  });
  // one exit-code convention for every command (issue #20): an unreadable file is bad input, exit 2 (it was 1)
  it('usage errors and unreadable files exit 2', async () => {
    expect(await run([], fakeIo())).toBe(2);
    expect(await run(['a.json', '--policy', 'x'], fakeIo())).toBe(2);
    const io = fakeIo();
    expect(await run(['missing.json', '--lang', 'en'], io)).toBe(2);
    expect(io.err).toContain('cannot read missing.json');
    const vi = fakeIo();
    expect(await run(['missing.json'], vi)).toBe(2);
    expect(vi.err).toContain('không đọc được missing.json');
  });
});

describe('motcua dossier --json on the logs of issue #15', () => {
  const p = { code: '1.001612', channels: [{ channel: 'direct', limit: { amount: 3, unit: 'working-day' } }, { channel: 'online', limit: { amount: 3, unit: 'working-day' } }], cutoff: null, clockStops: ['financial-obligation'], steps: null, immediate: false };
  const logs: { name: string; events: unknown[]; state: string; code: number; due: string | null; result: string; policy?: object }[] = [
    {
      name: 'closed for no supplement (judged at the request)',
      events: [
        { id: 'a', type: 'received', at: '2025-07-01T09:00+07:00', code: '000.00.12.H23-250701-0001' },
        { id: 'b', type: 'supplement-requested', at: '2025-07-02T10:00+07:00' },
        { id: 'c', type: 'supplement-expired', at: '2025-07-18T09:00+07:00' },
      ],
      state: 'closed-no-supplement',
      code: 8,
      due: '2025-07-04',
      result: 'early',
    },
    {
      name: 'Decision 766, Friday → Monday supplement',
      events: [
        { id: 'a', type: 'received', at: '2026-03-04T09:00+07:00' },
        { id: 'b', type: 'supplement-requested', at: '2026-03-06T10:00+07:00' },
        { id: 'c', type: 'supplement-received', at: '2026-03-09T10:00+07:00' },
        { id: 'd', type: 'resolved', at: '2026-03-11T10:00+07:00' },
      ],
      policy: { supplement: 'decision-766' },
      state: 'resolved',
      code: 9,
      due: '2026-03-12',
      result: 'early',
    },
    {
      name: 'online withdrawal before receipt',
      events: [
        { id: 'a', type: 'submitted', at: '2026-03-02T08:00+07:00' },
        { id: 'b', type: 'withdrawal-requested', at: '2026-03-02T09:00+07:00' },
      ],
      state: 'withdrawal-requested',
      code: 7,
      due: null,
      result: 'not-received',
    },
    {
      name: 'fee paid online, transferred, pending',
      events: [
        { id: 'a', type: 'received', at: '2026-03-02T09:00+07:00' },
        { id: 'b', type: 'fee-assessed', at: '2026-03-02T09:05+07:00', amount: 30000 },
        { id: 'c', type: 'fee-paid', at: '2026-03-02T09:10+07:00', channel: 'online-national-portal' },
        { id: 'd', type: 'transferred', at: '2026-03-02T10:00+07:00', to: 'Phòng Tài chính - Kế hoạch' },
      ],
      state: 'received',
      code: 2,
      due: '2026-03-05',
      result: 'pending-within-time',
    },
  ];
  for (const l of logs) {
    it(`prints state, national code, due date and timeliness: ${l.name}`, async () => {
      const io = fakeIo({ 'd.json': JSON.stringify({ procedure: p, events: l.events, ...(l.policy ? { policy: l.policy } : {}) }) });
      expect(await run(['d.json', '--json'], io)).toBe(0);
      const out = JSON.parse(io.out);
      expect([out.dossier.state, out.dossier.nationalCode, out.dossier.clock?.dueDate ?? null, out.timeliness.result]).toEqual([l.state, l.code, l.due, l.result]);
      const text = fakeIo({ 'd.json': JSON.stringify({ procedure: p, events: l.events, ...(l.policy ? { policy: l.policy } : {}) }) });
      expect(await run(['d.json', '--lang', 'en'], text)).toBe(0);
      expect(text.out).toContain(`Timeliness: ${l.result}`);
    });
  }
});
