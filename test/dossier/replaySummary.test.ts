/**
 * `replayMany(logs, { output: 'summary' })` (#18): each summary equals what `replay` and the queries
 * on the full dossier give (`timeliness`, `statusAt` after the last event, `paymentOf`, the end events
 * read from the history), on random and damaged logs, with instants as ISO strings or epoch ms, strict
 * or not.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateLogs, POLICIES, PROCEDURES } from '../../bench/_lib/dossier-logs';
import { prng } from '../../src/_lib/prng';
import { DOSSIER_EVENT_TYPES, DossierError, TRANSITIONS, dateText, evolve, initial, instantText, paymentOf, replay, replayMany, statusAt, timeliness } from '../../src/dossier/index';
import type { Dossier, DossierEvent, DossierPolicy, DossierProcedure, DossierSummary } from '../../src/dossier/index';
import { formatInstant } from '../../src/calendar/_lib/instant';
import { instantMs } from '../../src/dossier/_lib/time';
import { damageLog, interlinked, simpleProcedure } from './_fixtures';

type Log = { events: unknown[]; procedure: DossierProcedure; policy: Partial<DossierPolicy>; id?: string };

const ms = (at: string | null | undefined): number | null => (at === null || at === undefined ? null : instantMs(at, 'at'));

/** The summary spelled out from the full dossier and the public queries on it. */
function expected(d: Dossier): DossierSummary {
  const t = timeliness(d);
  const last = d.history[d.history.length - 1];
  const s = last === undefined ? null : statusAt(d, last.at);
  const p = paymentOf(d);
  // the end events, read from the accepted events in order (as recordFromLog of motcua/kpi read them)
  const first: Record<string, number | null> = { refused: null, stopped: null, resolved: null, returned: null, 'supplement-expired': null };
  let withdrawn: number | null = null;
  for (const h of d.history) {
    if (h.type === 'withdrawal-requested') withdrawn ??= h.ms;
    else if (h.type === 'withdrawal-declined') withdrawn = null;
    else if (h.type === 'stopped') {
      if (withdrawn === null) first.stopped ??= h.ms;
    } else if (h.type in first) first[h.type] ??= h.ms;
  }
  // supplement waits: from the first request since the last supplement received, to the supplement received
  const waits: { fromMs: number; toMs: number | null }[] = [];
  let open: number | null = null;
  for (const h of d.history) {
    if (h.type === 'supplement-requested') open ??= h.ms;
    else if (h.type === 'supplement-received' && open !== null) {
      waits.push({ fromMs: open, toMs: h.ms });
      open = null;
    }
  }
  if (open !== null) waits.push({ fromMs: open, toMs: null });
  const pauses = d.history.filter((h) => h.state === 'supplement' || h.state === 'financial-obligation' || h.state === 'clock-stopped');
  return {
    type: 'motcua.dossier-summary',
    id: d.id,
    procedureCode: d.procedure.code,
    state: d.state,
    nationalCode: d.nationalCode,
    ruleSet: d.ruleSet,
    channel: d.channel,
    events: d.history.length,
    lastMs: last?.ms ?? null,
    submittedMs: ms(d.submittedAt),
    receivedMs: ms(d.receivedAt),
    dueDate: d.clock?.dueDate ?? null,
    dueMs: d.clock?.dueMs ?? null,
    originalDueDate: d.clock?.originalDueDate ?? null,
    endKind: d.end?.kind ?? null,
    endMs: ms(d.end?.at),
    timeliness: t.result,
    judgedMs: ms(t.judgedAt),
    subtractedMs: t.subtractedMs,
    paused: s?.paused ?? false,
    pausedMs: s?.paused ? ms(d.clock!.pausedAt) : null,
    pauseState: (pauses[pauses.length - 1]?.state ?? null) as DossierSummary['pauseState'],
    supplements: d.supplements,
    extensions: d.extensions,
    feeStatus: p.status,
    feeAmount: p.amount,
    feeDue: p.feeDue,
    paidMs: ms(p.paidAt),
    paymentChannel: p.channel,
    paidOnline: p.paidOnline,
    refundedMs: ms(p.refundedAt),
    refusedMs: first.refused!,
    stoppedMs: first.stopped!,
    resolvedMs: first.resolved!,
    returnedMs: first.returned!,
    withdrawnMs: withdrawn,
    closedMs: first['supplement-expired']!,
    supplementWaits: waits,
    warnings: d.warnings.length,
    rejected: d.rejected.length,
    firstRejected: d.rejected[0] ?? null,
  };
}

/** The text `replayMany` writes for epoch ms. */
const canonical = instantText;

/** The same logs with a share of their instants as epoch ms (some with milliseconds), and as the text replay reads. */
function timedPair(logs: Log[], seed: number, msShare: number): { text: Log[]; timed: Log[] } {
  const rand = prng(seed);
  const text: Log[] = [];
  const timed: Log[] = [];
  for (const l of logs) {
    const asText: unknown[] = [];
    const asTimed: unknown[] = [];
    for (const e of l.events) {
      const at = typeof e === 'object' && e !== null ? (e as { at?: unknown }).at : undefined;
      let t = Number.NaN;
      if (typeof at === 'string') {
        try {
          t = instantMs(at, 'at');
        } catch {
          // a malformed instant stays as it is in both
        }
      }
      if (t === t && rand() < msShare) {
        if (rand() < 0.2) t += 1 + Math.floor(rand() * 998);
        asText.push({ ...(e as object), at: canonical(t) });
        asTimed.push({ ...(e as object), at: t });
      } else {
        asText.push(e);
        asTimed.push(e);
      }
    }
    text.push({ ...l, events: asText });
    timed.push({ ...l, events: asTimed });
  }
  return { text, timed };
}

// ---- random logs: a guided walk over the transition table, with fee events, duplicates and garbage ----
const BASE = Date.UTC(2025, 5, 20, 1, 0);
const procedures = [simpleProcedure(5, { clockStops: ['financial-obligation', 'public-posting'] }), interlinked, simpleProcedure(2, { channels: [{ channel: 'direct', limit: { amount: 1.5, unit: 'working-day' } }, { channel: 'online', limit: { amount: 2, unit: 'working-day' } }], cutoff: { time: '15:00', rule: 'next-working-day' } })];
const SIDE_EVENTS = new Set(['fee-assessed', 'fee-paid', 'fee-refunded', 'transferred']);
const policyArb = fc.record({
  supplement: fc.constantFrom('legal-restart', 'decision-766'),
  repeatedSupplements: fc.constantFrom('reject', 'accept'),
  timelinessLevel: fc.constantFrom('date', 'instant'),
  lateAgainstOriginal: fc.boolean(),
}) as fc.Arbitrary<Partial<DossierPolicy>>;
const itemArb = fc.record({
  type: fc.constantFrom(...DOSSIER_EVENT_TYPES),
  guided: fc.integer({ min: 0, max: 99 }).map((n) => n < 88),
  pick: fc.nat(60),
  gapMinutes: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 4 * 1440 }) }, { weight: 1, arbitrary: fc.integer({ min: 20 * 1440, max: 40 * 1440 }) }, { weight: 1, arbitrary: fc.integer({ min: -600, max: 0 }) }),
  step: fc.constantFrom('commune', 'province', 'internal'),
  reason: fc.constantFrom('financial-obligation', 'public-posting', 'expert-assessment'),
  untilDays: fc.integer({ min: -3, max: 30 }),
  channel: fc.constantFrom(undefined, 'direct', 'online'),
  dupOf: fc.option(fc.nat(20), { freq: 10 }),
  garbage: fc.option(fc.constantFrom<unknown>(null, 42, { id: '', type: 'received', at: 'x' }, { id: 'g', type: 'nope', at: '2025-07-01T08:00+07:00' }, { id: 'h', type: 'received', at: '2025-07-01T08:00' }), { freq: 20 }),
});
const feeArb = fc.option(fc.record({ amount: fc.constantFrom(0, 50000, 50000), channel: fc.constantFrom('counter', 'online-national-portal', 'bank-transfer'), paid: fc.boolean(), refunded: fc.boolean(), after: fc.integer({ min: 1, max: 4 }) }), { freq: 2 });
const logArb = fc.tuple(fc.array(itemArb, { maxLength: 16 }), fc.constantFrom(...procedures), policyArb, fc.integer({ min: 0, max: 500 }), fc.option(fc.constant('HS-1')), feeArb).map(([items, procedure, policy, startDays, id, fee]): Log => {
  let t = BASE + (startDays - 250) * 86400000 * 2;
  const events: unknown[] = [];
  let d = initial({ procedure, policy });
  items.forEach((it, k) => {
    t += it.gapMinutes * 60000;
    if (fee !== null && k === fee.after) {
      // a fee assessed, maybe paid and refunded, through evolve like the other events
      const fees: Record<string, unknown>[] = [{ id: `f${k}`, type: 'fee-assessed', at: formatInstant(t), amount: fee.amount }];
      if (fee.paid) fees.push({ id: `p${k}`, type: 'fee-paid', at: formatInstant(t + 60000), channel: fee.channel });
      if (fee.paid && fee.refunded) fees.push({ id: `r${k}`, type: 'fee-refunded', at: formatInstant(t + 120000) });
      t += 180000;
      for (const e of fees) {
        events.push(e);
        try {
          d = evolve(d, e as unknown as DossierEvent);
        } catch {
          // refused: the state stays
        }
      }
    }
    if (it.garbage !== null) return void events.push(it.garbage);
    const at = formatInstant(t);
    const prev = it.dupOf !== null ? events[it.dupOf % Math.max(1, events.length)] : undefined;
    if (typeof prev === 'object' && prev !== null) return void events.push(it.gapMinutes % 2 === 0 ? prev : { ...prev, at });
    const allowed = TRANSITIONS.filter((r) => r.from.includes(d.state) && (!SIDE_EVENTS.has(r.event) || it.pick % 4 === 0)).map((r) => r.event);
    const type = it.guided && allowed.length > 0 ? allowed[it.pick % allowed.length]! : it.type;
    const e = { id: `e${k}`, type, at } as Record<string, unknown>;
    if (type === 'step-started') Object.assign(e, { step: it.step }, it.step === 'internal' ? { agency: 'Phòng A', budget: { amount: 2, unit: 'working-day' } } : {});
    if (type === 'step-completed') e.step = d.steps.find((s) => s.endedAt === null)?.step ?? it.step;
    if (type === 'clock-stopped') e.reason = it.reason;
    if (type === 'extended') e.until = formatInstant(t + it.untilDays * 86400000).slice(0, 10);
    if (type === 'received' && it.channel) e.channel = it.channel;
    if (type === 'submitted' && it.channel === 'online') e.channel = 'online';
    if (type === 'fee-assessed') e.amount = (it.pick % 3) * 25000;
    if (type === 'fee-paid') e.channel = (['counter', 'online-national-portal', 'bank-transfer'] as const)[it.pick % 3];
    events.push(e);
    try {
      d = evolve(d, e as unknown as DossierEvent);
    } catch {
      // refused: the state stays
    }
  });
  return { events, procedure, policy, ...(id === null ? {} : { id }) };
});

/** Bench logs, every third one damaged (swapped, repeated, dropped, garbage, same instant, an event that does not fit). */
function damagedBenchLogs(n: number, seed: number): Log[] {
  const rand = prng(seed);
  const GARBAGE: unknown[] = [null, 42, { id: '', type: 'received', at: 'x' }, { id: 'g', type: 'nope', at: '2025-07-01T08:00+07:00' }, { id: 'n', type: 'received', at: { deep: [1, 2n] } }];
  const EXTRA = ['extended', 'supplement-requested', 'clock-stopped', 'supplement-expired', 'step-completed', 'agency-received', 'withdrawal-declined', 'correction-requested', 'corrected', 'fee-paid'];
  return generateLogs(n, seed).map((l, k) => {
    const ev: unknown[] = l.events.slice();
    damageLog(ev, k, rand, { garbage: GARBAGE, extra: EXTRA, fields: { until: '2026-01-10', reason: 'financial-obligation', step: 'appraise', channel: 'counter' } });
    return { events: ev, procedure: l.procedure, policy: k % 5 === 0 ? { ...l.policy, timelinessLevel: 'instant', repeatedSupplements: 'accept', onlineClockStart: 'submission' } : l.policy };
  });
}

/** Replay each text log and the summary of each timed log (one batch), strict or not; compare them, or the errors. */
function compare(text: Log[], timed: Log[], strict: boolean): { refused: number; thrown: number } {
  let refused = 0;
  let thrown = 0;
  if (!strict) {
    const many = replayMany(timed as never, { output: 'summary' });
    expect(many).toHaveLength(text.length);
    text.forEach((l, k) => {
      const d = replay(l.events as DossierEvent[], { procedure: l.procedure, policy: l.policy, ...(l.id === undefined ? {} : { id: l.id }) });
      refused += d.rejected.length;
      expect(many[k]).toEqual(expected(d));
    });
    return { refused, thrown };
  }
  text.forEach((l, k) => {
    let a: unknown = null;
    let d: Dossier | null = null;
    try {
      d = replay(l.events as DossierEvent[], { procedure: l.procedure, policy: l.policy, strict: true, ...(l.id === undefined ? {} : { id: l.id }) });
    } catch (err) {
      a = err;
    }
    let b: unknown = null;
    let s: DossierSummary[] | null = null;
    try {
      s = replayMany([timed[k]!] as never, { output: 'summary', strict: true });
    } catch (err) {
      b = err;
    }
    if (a === null) {
      expect(b).toBeNull();
      expect(s![0]).toEqual(expected(d!));
      return;
    }
    thrown++;
    expect(b).toBeInstanceOf(DossierError);
    const x = a as DossierError;
    const y = b as DossierError;
    expect([y.code, y.rule, y.eventId, y.state, y.message, y.texts]).toEqual([x.code, x.rule, x.eventId, x.state, x.message, x.texts]);
  });
  return { refused, thrown };
}

describe('replayMany summary', () => {
  it('equals replay + timeliness + statusAt + paymentOf on random logs (fee events, duplicates, garbage), ISO or epoch ms, strict or not (fast-check)', () => {
    let refused = 0;
    let thrown = 0;
    let fees = 0;
    fc.assert(
      fc.property(fc.array(logArb, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom(0, 0.5, 1), fc.boolean(), (logs, seed, share, strict) => {
        const { text, timed } = timedPair(logs, seed, share);
        const r = compare(text, timed, strict);
        refused += r.refused;
        thrown += r.thrown;
        fees += logs.filter((l) => replay(l.events as DossierEvent[], { procedure: l.procedure, policy: l.policy }).history.some((h) => h.type === 'fee-paid')).length;
      }),
      { numRuns: 150 },
    );
    // the property met refusals, strict throws and fee payments
    expect(refused).toBeGreaterThan(50);
    expect(thrown).toBeGreaterThan(10);
    // accepted payments: 7-20 of the ~600 logs a run draws (measured over 16 runs; about 15 on
    // average), so > 2 holds but for about 1 run in 25,000, where > 10 failed 1 run in 5
    expect(fees).toBeGreaterThan(2);
  });

  it('equals them on damaged bench logs (both policies, all rule sets), ISO or epoch ms, strict or not (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 40 }), fc.constantFrom(0, 0.3, 1), fc.boolean(), (seed, n, share, strict) => {
        const { text, timed } = timedPair(damagedBenchLogs(n, seed), seed + 1, share);
        compare(text, timed, strict);
      }),
      { numRuns: 40 },
    );
  });

  it('a large batch sharing contexts: the same summaries as replay, and refusals counted (epoch ms)', () => {
    const { text, timed } = timedPair(damagedBenchLogs(2000, 91), 92, 1);
    const { refused } = compare(text, timed, false);
    expect(refused).toBeGreaterThan(200);
    // undamaged bench logs with the bench's shared objects: no refusal, summaries of every verdict
    const l = generateLogs(300, 3).map((x) => ({ ...x, procedure: PROCEDURES[x.procedure.code === '1.000001' ? 0 : 1]!, policy: POLICIES[x.policy.supplement === 'decision-766' ? 1 : 0]! }));
    const s = replayMany(l, { output: 'summary' });
    expect(s.every((x) => x.rejected === 0)).toBe(true);
    expect(new Set(s.map((x) => x.timeliness))).toEqual(new Set(['early', 'on-time', 'late']));
    expect(s).toEqual(l.map((x) => expected(replay(x.events, { procedure: x.procedure, policy: x.policy }))));
  });

  it('the worked example of its JSDoc, and the text helpers', () => {
    const procedure = simpleProcedure(3);
    const [a, b] = replayMany(
      [
        { events: [{ id: 'e1', type: 'received', at: '2026-03-02T09:00+07:00' }, { id: 'e2', type: 'resolved', at: '2026-03-04T10:00+07:00' }] },
        { id: 'HS-2', events: [{ id: 'e1', type: 'received', at: 1772416800000 }, { id: 'e2', type: 'resolved', at: 1773025200000 }] },
      ],
      { procedure, output: 'summary' },
    );
    expect(a).toMatchObject({ state: 'resolved', nationalCode: 9, dueDate: '2026-03-05', timeliness: 'early', receivedMs: 1772416800000, endKind: 'resolved', rejected: 0 });
    expect(b).toMatchObject({ id: 'HS-2', dueDate: '2026-03-05', timeliness: 'late', resolvedMs: 1773025200000 });
    expect(instantText(b!.receivedMs!)).toBe('2026-03-02T09:00:00+07:00');
    expect(instantText(1772416800250)).toBe('2026-03-02T09:00:00.250+07:00');
    expect(dateText(b!.endMs!)).toBe('2026-03-09');
    // plain data: JSON round trip
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it('epoch ms that is not an integer in years 1-9999: refused as the full replayMany refuses it', () => {
    for (const bad of [Number.NaN, 1.5, Infinity, 1e17, -1e17]) {
      const logs = [{ events: [{ id: 'r', type: 'received', at: '2026-03-02T09:00+07:00' }, { id: 'x', type: 'resolved', at: bad }, { id: 'y', type: 'resolved', at: 1772416800000 + 3600000 }] }];
      const [s] = replayMany(logs as never, { procedure: simpleProcedure(3), output: 'summary' });
      const [d] = replayMany(logs as never, { procedure: simpleProcedure(3) });
      expect(s).toEqual(expected(d!));
      expect(s).toMatchObject({ rejected: 1, state: 'resolved', firstRejected: { code: 'INVALID_EVENT', rule: 'event-schema' } });
    }
  });

  it('a long log in epoch ms (the receipt more than 64 lines back, read again from its text by replay): the same summary', () => {
    const procedure = simpleProcedure(3000, { clockStops: ['verification'] });
    const base = Date.parse('2026-03-02T02:00:00Z');
    const events: Record<string, unknown>[] = [{ id: 'r', type: 'received', at: base }];
    for (let i = 1; i < 100; i++) events.push(i % 2 ? { id: `s${i}`, type: 'step-started', at: base + i * 60000, step: `s${i}`, agency: 'A' } : { id: `c${i}`, type: 'step-completed', at: base + i * 60000, step: `s${i - 1}` });
    events.push({ id: 'q', type: 'supplement-requested', at: base + 101 * 60000 }, { id: 't', type: 'transferred', at: base + 102 * 60000 });
    const text = events.map((e) => ({ ...e, at: instantText(e.at as number) }));
    const [s] = replayMany([{ events: events as never }], { procedure, output: 'summary' });
    const d = replay(text as unknown as DossierEvent[], { procedure });
    expect(d.history.length).toBeGreaterThan(100);
    expect(s).toEqual(expected(d));
  });

  it('bad output option gets a typed error', () => {
    expect(() => replayMany([], { procedure: simpleProcedure(3), output: 'nope' } as never)).toThrow(expect.objectContaining({ code: 'INVALID_OPTION', field: 'options.output' }));
  });
});
