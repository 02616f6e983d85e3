import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../src/calendar/index';
import { replay } from '../../src/dossier/index';
import type { DossierEvent, DossierProcedure } from '../../src/dossier/index';
import { EventLogError, type EventStreamResult, messageOf, period, recordFromLog, recordsFromEventStream, summarize, validateRecord } from '../../src/kpi/index';
import { findProcedure, sampleCatalog } from '../../src/procedure/index';

const facts = { digitised: true, eResult: false, feeDue: false, paidOnline: false, synced: true, complaint: false };
const p5 = findProcedure(sampleCatalog, '1.001266')!; // đăng ký hộ kinh doanh: 5 working days
const p10 = findProcedure(sampleCatalog, '1.001776')!; // bảo trợ xã hội: 10 working days
const p3 = findProcedure(sampleCatalog, '1.004873')!; // hộ tịch: 3 working days
const E = (id: string, type: string, at: string, extra: Record<string, unknown> = {}) => ({ id, type, at, ...extra }) as DossierEvent;

describe('recordFromLog: worked cases', () => {
  it('a supplement: the legal rule restarts the clock, Decision 766 subtracts the wait', () => {
    const log = [
      E('e1', 'received', '2024-03-04T09:00+07:00', { channel: 'direct' }), // Monday; 5 working days: due 11/3
      E('e2', 'supplement-requested', '2024-03-05T10:00+07:00'),
      E('e3', 'supplement-received', '2024-03-08T10:00+07:00'),
      E('e4', 'resolved', '2024-03-14T16:00+07:00'),
      E('e5', 'returned', '2024-03-15T09:00+07:00'),
    ];
    const legal = recordFromLog(log, { id: 'HKD-1', procedure: p5, agency: 'UBND xã A', facts });
    expect(legal).toMatchObject({
      id: 'HKD-1', procedureCode: '1.001266', field: 'Đăng ký hộ kinh doanh', agency: 'UBND xã A', level: 'district', channel: 'direct', // district level before 1/7/2025, from the catalogue
      receivedOn: '2024-03-04', dueOn: '2024-03-15', originalDueOn: null, finishedOn: '2024-03-14', finishedAs: 'resolved', returnedOn: '2024-03-15',
      supplements: 1, extensions: 0,
    });
    const d766 = recordFromLog(log, { id: 'HKD-1', procedure: p5, agency: 'UBND xã A', facts, policy: { supplement: 'decision-766' } });
    expect(d766.dueOn).toBe('2024-03-14'); // 11/3 moved by the 3 working days waited (5/3 → 8/3)
    expect(d766.finishedOn).toBe('2024-03-14');
    const s = summarize([legal], { period: period('2024-03') }).total.counts;
    expect([s.early, s.onTime, s.late]).toEqual([1, 0, 0]);
    expect(summarize([d766], { period: period('2024-03') }).total.counts.onTime).toBe(1);
  });

  it('an extension: the original due date is kept, and the policy decides whether it was late', () => {
    const log = [
      E('e1', 'received', '2024-04-01T09:00+07:00', { channel: 'online' }), // 10 working days: due 15/4
      E('e2', 'extended', '2024-04-12T15:00+07:00', { until: '2024-04-22', letter: '12/XL-UBND' }),
      E('e3', 'resolved', '2024-04-19T10:00+07:00'),
    ];
    const r = recordFromLog(log, { id: 'BTXH-7', procedure: p10, agency: 'UBND xã B', facts });
    expect(r).toMatchObject({ channel: 'online', receivedOn: '2024-04-01', dueOn: '2024-04-22', originalDueOn: '2024-04-15', finishedOn: '2024-04-19', finishedAs: 'resolved', returnedOn: null, extensions: 1 });
    expect(summarize([r], { period: period('2024-Q2') }).total.counts.early).toBe(1);
    expect(summarize([r], { period: period('2024-Q2'), policy: { lateAgainstOriginal: true } }).total.counts.late).toBe(1);
  });

  it('a withdrawal ends on its request; the stop notice that answers it is not a stop of its own', () => {
    const r = recordFromLog(
      [E('e1', 'received', '2024-05-06T08:00+07:00'), E('e2', 'withdrawal-requested', '2024-05-07T09:00+07:00'), E('e3', 'stopped', '2024-05-07T15:00+07:00')],
      { id: 'HT-3', procedure: p3, agency: 'UBND xã A', facts },
    );
    expect(r).toMatchObject({ finishedOn: '2024-05-07', finishedAs: 'withdrawn' });
    const c = summarize([r], { period: period('2024-05') }).total.counts;
    expect([c.received, c.withdrawn, c.stopped, c.excluded, c.resolved]).toEqual([1, 1, 0, 1, 0]);
  });

  it('a declined withdrawal does not end the dossier; a later stop does', () => {
    const declined = [E('e1', 'received', '2024-05-06T08:00+07:00'), E('e2', 'withdrawal-requested', '2024-05-07T09:00+07:00'), E('e3', 'withdrawal-declined', '2024-05-07T11:00+07:00')];
    expect(recordFromLog([...declined, E('e4', 'resolved', '2024-05-08T10:00+07:00')], { id: 'HT-4', procedure: p3, agency: 'A', facts })).toMatchObject({ finishedOn: '2024-05-08', finishedAs: 'resolved' });
    expect(recordFromLog([...declined, E('e4', 'stopped', '2024-05-09T10:00+07:00')], { id: 'HT-4', procedure: p3, agency: 'A', facts })).toMatchObject({ finishedOn: '2024-05-09', finishedAs: 'stopped' });
    expect(recordFromLog(declined, { id: 'HT-4', procedure: p3, agency: 'A', facts })).toMatchObject({ finishedOn: null, finishedAs: null });
  });

  it('a refusal, and a refusal letter returned afterwards', () => {
    const r = recordFromLog([E('e1', 'received', '2024-05-06T08:00+07:00'), E('e2', 'refused', '2024-05-08T10:00+07:00', { reason: 'không đủ điều kiện' }), E('e3', 'returned', '2024-05-09T08:00+07:00')], { id: 'HT-5', procedure: p3, agency: 'A', facts });
    expect(r).toMatchObject({ finishedOn: '2024-05-08', finishedAs: 'refused', returnedOn: '2024-05-09', dueOn: '2024-05-09' });
  });

  it('no supplement within 15 days (Decree 118/2025): closed, counted as stopped unless told otherwise', () => {
    const log = [E('e1', 'received', '2025-09-08T09:00+07:00'), E('e2', 'supplement-requested', '2025-09-09T09:00+07:00'), E('e3', 'supplement-expired', '2025-09-25T09:00+07:00')];
    expect(recordFromLog(log, { id: 'HKD-9', procedure: p5, agency: 'A', facts })).toMatchObject({ finishedOn: '2025-09-25', finishedAs: 'stopped', supplements: 1 });
    expect(recordFromLog(log, { id: 'HKD-9', procedure: p5, agency: 'A', facts, closedWithoutSupplementAs: 'refused' }).finishedAs).toBe('refused');
  });

  it('a pending dossier and the catalogue attributes: level before 1/7/2025, paper result from the procedure or the facts', () => {
    const proc = { ...p3, agency: { ...p3.agency, level: 'commune' as const, levelBefore2025: 'district' as const }, paperResultRequired: true };
    const old = recordFromLog([E('e1', 'received', '2025-06-30T09:00+07:00')], { id: 'X', procedure: proc, facts });
    expect(old).toMatchObject({ level: 'district', agency: p3.agency.name, finishedOn: null, finishedAs: null, paperResultRequired: true });
    expect(recordFromLog([E('e1', 'received', '2025-07-01T09:00+07:00')], { id: 'X', procedure: proc, facts }).level).toBe('commune');
    expect(recordFromLog([E('e1', 'received', '2025-07-01T09:00+07:00')], { id: 'X', procedure: proc, facts: { ...facts, paperResultRequired: false, reusedData: true } })).toMatchObject({ paperResultRequired: false, reusedData: true });
  });
});

describe('recordFromLog: bad logs get a typed error naming the dossier and the event', () => {
  it("a bad procedure or policy is named as recordFromLog's own option, not as a log of a batch (#18: it replays through replayMany)", () => {
    const log = [E('e1', 'received', '2024-04-01T09:00+07:00')];
    const bad = { ...p10, channels: [{ ...p10.channels[0]!, limit: { amount: -1, unit: 'working-day' } }] } as never;
    expect(() => recordFromLog(log, { id: 'X', procedure: bad, agency: 'A', facts })).toThrow(expect.objectContaining({ field: 'procedure.channels[0].limit.amount' }));
    expect(() => recordFromLog(log, { id: 'X', procedure: p10, agency: 'A', facts, policy: { nope: 1 } as never })).toThrow(expect.objectContaining({ field: expect.stringMatching(/^policy/) }));
  });

  it('a refused event: the first is named, all are kept', () => {
    const log = [E('e1', 'received', '2024-04-01T09:00+07:00'), E('e2', 'extended', '2024-04-12T15:00+07:00', { until: '2024-04-22' }), E('e3', 'extended', '2024-04-19T15:00+07:00', { until: '2024-04-30' }), E('e4', 'returned', '2024-04-20T09:00+07:00')];
    let err: unknown;
    try {
      recordFromLog(log, { id: 'BTXH-8', procedure: p10, agency: 'A', facts });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EventLogError);
    const e = err as EventLogError;
    expect(e).toMatchObject({ dossierId: 'BTXH-8', problem: 'invalid-event', eventId: 'e3', eventType: 'extended', rule: 'extension-once', code: 'INVALID_TRANSITION' });
    expect(e.rejected.map((r) => (r.event as { id: string }).id)).toEqual(['e3', 'e4']);
    expect(e.message).toContain('dossier "BTXH-8"');
    expect(e.message).toContain('and 1 more refused event');
  });

  it('a dossier refused at intake is not a record of Biểu II.06a', () => {
    const log = [E('e1', 'submitted', '2024-04-01T20:00+07:00', { channel: 'online' }), E('e2', 'rejected', '2024-04-02T09:00+07:00', { reason: 'sai thẩm quyền' })];
    expect(() => recordFromLog(log, { id: 'ON-1', procedure: p10, agency: 'A', facts })).toThrow(expect.objectContaining({ problem: 'not-received', dossierId: 'ON-1', eventId: 'e2' }));
    expect(() => recordFromLog([], { id: 'ON-2', procedure: p10, agency: 'A', facts })).toThrow(expect.objectContaining({ problem: 'not-received' }));
  });

  it('facts the log cannot know must be given, never guessed', () => {
    const log = [E('e1', 'received', '2024-04-01T09:00+07:00')];
    const { synced: _, ...partial } = facts;
    expect(() => recordFromLog(log, { id: 'F', procedure: p10, agency: 'A', facts: partial as typeof facts })).toThrow(expect.objectContaining({ problem: 'missing-input', field: 'facts.synced' }));
    // every wrong or missing fact in one error (not one run per key), the fee facts included when the log has no fee events
    const { synced: _s, complaint: _c, feeDue: _f, ...fewer } = facts;
    let err: unknown;
    try {
      recordFromLog(log, { id: 'F', procedure: p10, agency: 'A', facts: { ...fewer, eResult: 'yes' } as unknown as typeof facts });
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ problem: 'missing-input', field: 'facts', value: { eResult: 'yes', synced: undefined, complaint: undefined, feeDue: undefined } });
    expect(messageOf(err, 'vi')).toBe('facts: hồ sơ "F": 4 dữ kiện chưa đúng: thiếu synced, complaint, feeDue (nhật ký sự kiện không cho biết: hãy cho true hoặc false); eResult: nhật ký sự kiện không cho biết eResult: hãy cho true hoặc false, nhận được "yes"');
    expect(messageOf(err, 'en')).toBe('facts: dossier "F": 4 facts are wrong: missing synced, complaint, feeDue (the event log cannot know them: give each as true or false); eResult: the event log cannot know eResult: give it as true or false, got "yes"');
    const bare: DossierProcedure = { code: '1.000001', channels: [{ channel: 'direct', limit: { amount: 3, unit: 'working-day' } }], cutoff: null, clockStops: [], steps: null, immediate: false };
    expect(() => recordFromLog(log, { id: 'F', procedure: bare, facts })).toThrow(expect.objectContaining({ field: 'field' }));
    expect(() => recordFromLog(log, { id: 'F', procedure: bare, facts, field: 'X', agency: 'A' })).toThrow(expect.objectContaining({ field: 'level' }));
    expect(recordFromLog(log, { id: 'F', procedure: bare, facts, field: 'X', agency: 'A', level: 'province' }).level).toBe('province');
  });
});

/** A plausible log: receipt, maybe a supplement, maybe an extension, then one of the ways to end (or none). */
const logArb = fc
  .record({
    day: fc.integer({ min: 0, max: 900 }), // days after 2024-01-02
    hour: fc.integer({ min: 7, max: 18 }),
    channel: fc.constantFrom('direct', 'online', 'postal'),
    proc: fc.constantFrom(p3, p5, p10),
    supplement: fc.option(fc.record({ after: fc.integer({ min: 1, max: 30 }), wait: fc.integer({ min: 1, max: 400 }), comes: fc.boolean() }), { nil: null }),
    extend: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
    end: fc.constantFrom('none', 'resolved', 'resolved-returned', 'returned-only', 'refused', 'withdrawn', 'withdrawn-stopped', 'withdrawn-declined', 'stopped'),
    took: fc.integer({ min: 1, max: 600 }), // hours after the last event
    policy: fc.constantFrom('legal-restart' as const, 'decision-766' as const),
  })
  .map((x) => {
    const base = Date.UTC(2024, 0, 2) + x.day * 86_400_000 + (x.hour - 7) * 3_600_000;
    let t = base;
    const at = (ms: number) => new Date(ms).toISOString();
    const events: DossierEvent[] = [E('e1', 'received', at(t), { channel: x.channel })];
    if (x.supplement) {
      t += x.supplement.after * 3_600_000;
      events.push(E('s1', 'supplement-requested', at(t)));
      if (x.supplement.comes) {
        t += x.supplement.wait * 3_600_000;
        events.push(E('s2', 'supplement-received', at(t)));
      }
    }
    // An extension while the applicant has not supplemented is refused by the state machine (no
    // period runs then): the generator extends only a dossier whose clock runs.
    if (x.extend !== null && (!x.supplement || x.supplement.comes)) {
      t += 3_600_000;
      events.push(E('x1', 'extended', at(t), { until: addWorkingDays(at(t).slice(0, 10), 12 + x.extend) }));
    }
    const next = () => at((t += x.took * 3_600_000));
    const tail: Record<string, DossierEvent[]> = {
      none: [],
      resolved: [E('z1', 'resolved', next())],
      'resolved-returned': [E('z1', 'resolved', next()), E('z2', 'returned', next())],
      'returned-only': [E('z2', 'returned', next())],
      refused: [E('z1', 'refused', next())],
      withdrawn: [E('z1', 'withdrawal-requested', next())],
      'withdrawn-stopped': [E('z1', 'withdrawal-requested', next()), E('z2', 'stopped', next())],
      'withdrawn-declined': [E('z1', 'withdrawal-requested', next()), E('z2', 'withdrawal-declined', next()), E('z3', 'resolved', next())],
      stopped: [E('z1', 'stopped', next())],
    };
    return { events: [...events, ...tail[x.end]!], procedure: x.proc, policy: { supplement: x.policy } };
  });

describe('recordFromLog: properties', () => {
  it('a log the state machine accepts always gives a valid record, with the end the dossier has', () => {
    let accepted = 0;
    fc.assert(
      fc.property(logArb, ({ events, procedure, policy }) => {
        const d = replay(events, { procedure, policy });
        let r;
        try {
          r = recordFromLog(events, { id: 'P', procedure, policy, agency: 'UBND xã A', facts });
        } catch (e) {
          // Only a log the state machine refuses fails, with the typed error naming the first refused event.
          expect(e).toBeInstanceOf(EventLogError);
          expect(d.rejected.length).toBeGreaterThan(0);
          expect((e as EventLogError).eventId).toBe((d.rejected[0]!.event as { id: string }).id);
          return;
        }
        accepted++;
        expect(d.rejected).toEqual([]);
        expect(validateRecord(r)).toEqual([]);
        expect(r.finishedOn === null).toBe(d.end === null);
        expect(r.dueOn).toBe(d.clock!.dueDate);
        expect(r.supplements).toBe(d.supplements);
        // Every record of the log fits Biểu II.06a's identities.
        expect(summarize([r], { period: period(r.receivedOn.slice(0, 4)) }).identities.every((i) => i.ok)).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(accepted).toBeGreaterThan(150);
  });
});

async function collect(chunks: string[], sorted = false): Promise<EventStreamResult[]> {
  const out: EventStreamResult[] = [];
  const catalogue = new Map(sampleCatalog.procedures.map((p) => [p.code, p]));
  for await (const r of recordsFromEventStream(chunks, {
    sorted,
    optionsFor: (id, events) => {
      const p = catalogue.get(String(events[0]!.procedureCode));
      if (!p) throw new Error(`unknown procedure ${String(events[0]!.procedureCode)}`);
      return { procedure: p, agency: 'UBND xã A', facts: { ...facts, complaint: id === 'B' } };
    },
  })) {
    out.push(r);
  }
  return out;
}

const L = (dossierId: string, e: Record<string, unknown>) => JSON.stringify({ dossierId, procedureCode: '1.004873', ...e });

describe('recordsFromEventStream', () => {
  const lines = [
    L('A', { id: 'e1', type: 'received', at: '2024-05-06T08:00+07:00' }),
    L('B', { id: 'e1', type: 'received', at: '2024-05-06T09:00+07:00' }),
    L('A', { id: 'e2', type: 'resolved', at: '2024-05-08T10:00+07:00' }),
    '{"dossierId": "C", bad json',
    '',
    L('C', { id: 'e1', type: 'received', at: '2024-05-06T09:00+07:00' }),
    L('C', { id: 'e2', type: 'returned', at: '2024-05-07T09:00+07:00' }), // returned before resolved: refused by the state machine
    JSON.stringify({ id: 'e9', type: 'received', at: '2024-05-06T09:00+07:00' }),
    L('B', { id: 'e2', type: 'resolved', at: '2024-05-10T10:00+07:00' }),
    JSON.stringify({ dossierId: 'D', procedureCode: '9.999999', id: 'e1', type: 'received', at: '2024-05-06T09:00+07:00' }),
  ];

  it('groups interleaved lines by dossier, in the order of their first lines, and reports every bad line and log', async () => {
    const text = `${lines.join('\r\n')}\n`;
    // Chunk boundaries anywhere do not change the result.
    const out = await collect([text.slice(0, 37), text.slice(37, 200), text.slice(200)]);
    expect(out.map((r) => [r.ok, r.dossierId, r.line])).toEqual([
      [false, null, 4],
      [false, null, 8],
      [true, 'A', 1],
      [true, 'B', 2],
      [false, 'C', 7],
      [false, 'D', 10],
    ]);
    const [a, b] = out.filter((r) => r.ok) as Extract<EventStreamResult, { ok: true }>[];
    expect(a!.record).toMatchObject({ id: 'A', finishedOn: '2024-05-08', finishedAs: 'resolved', complaint: false });
    expect(b!.record).toMatchObject({ id: 'B', finishedOn: '2024-05-10', finishedAs: 'resolved', complaint: true });
    const c = out.find((r) => r.dossierId === 'C') as Extract<EventStreamResult, { ok: false }>;
    expect(c.reason).toContain('dossier "C"');
    expect(c.reason).toContain('"e2" (returned)');
    expect(c.error).toBeInstanceOf(EventLogError);
    expect((out.find((r) => r.dossierId === 'D') as { reason: string }).reason).toContain('unknown procedure 9.999999');
    expect((out[0] as { reason: string }).reason).toMatch(/^line 4: malformed JSON/);
    expect((out[1] as { reason: string }).reason).toContain('"dossierId"');
  });

  it('a sorted stream replays each dossier as soon as the next starts, and rejects a dossier that comes back', async () => {
    const out = await collect([lines.join('\n')], true);
    expect(out.map((r) => [r.ok, r.dossierId, r.line])).toEqual([
      [true, 'A', 1], // A is replayed when B starts, with its first event only
      [true, 'B', 2],
      [false, 'A', 3],
      [false, null, 4],
      [false, null, 8],
      [false, 'C', 7],
      [false, 'B', 9],
      [false, 'D', 10],
    ]);
    expect((out[2] as { reason: string }).reason).toContain('declared sorted');
  });
});
