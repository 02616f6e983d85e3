/**
 * Model gaps of issue #15: dossier codes, immediate-result procedures, payment events, transfer to
 * the competent agency; and bad input refused with a typed error naming the event and the rule.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDossierCode, evolve, formatDossierCode, isDossierError, parseDossierCode, paymentOf, receiptOf, replay } from '../../src/dossier/index';
import type { Dossier, DossierError, DossierEvent } from '../../src/dossier/index';
import { isMotcuaError } from '../../src/errors';
import { ev, simpleProcedure } from './_fixtures';

function rejectsWith(d: Dossier, e: DossierEvent, rule: string, code = 'INVALID_TRANSITION'): DossierError {
  const before = JSON.stringify(d);
  let caught: unknown;
  try {
    evolve(d, e);
  } catch (err) {
    caught = err;
  }
  expect(isDossierError(caught)).toBe(true);
  const err = caught as DossierError;
  expect(err.rule).toBe(rule);
  expect(err.code).toBe(code);
  expect(err.event).toBe(e.type);
  expect(err.eventId).toBe(e.id);
  expect(err.message).toContain(`rule ${rule}`);
  expect(JSON.stringify(d)).toBe(before); // the dossier is unchanged
  return err;
}

describe('dossier code (mã hồ sơ), Circular 01/2018 Art 19', () => {
  it('formats and reads agency ID + YYMMDD + 4-digit sequence of the day', () => {
    expect(formatDossierCode({ agency: '000.00.12.H23', date: '2024-04-26', sequence: 1 })).toBe('000.00.12.H23-240426-0001');
    expect(parseDossierCode('000.00.12.H23-240426-0001')).toEqual({ agency: '000.00.12.H23', date: '2024-04-26', sequence: 1, format: 'circular-01-2018' });
    expect(checkDossierCode('000.00.12.H23-240426-0012', '2024-04-26').sequence).toBe(12);
  });
  it('Circular 03/2025 Art 13(3) (as added by Circular 04/2025) [unverified]: a longer sequence is read as that format', () => {
    expect(parseDossierCode('000.00.12.H23-250801-000123').format).toBe('circular-03-2025');
    expect(formatDossierCode({ agency: 'G22', date: '2025-08-01', sequence: 12345 }, { format: 'circular-03-2025' })).toBe('G22-250801-12345');
    expect(() => parseDossierCode('000.00.12.H23-250801-000123', { format: 'circular-01-2018' })).toThrow(/4-digit/);
  });
  it('refuses malformed codes naming the part', () => {
    for (const bad of ['000.00.12.H23-240431-0001', '000.00.12.H23-240426-0000', '000.00.12.H23-240426-1', '000.00.12.h23-240426-0001', '000.00.12.H23_240426_0001', '']) {
      let caught: unknown;
      try {
        parseDossierCode(bad);
      } catch (e) {
        caught = e;
      }
      expect(isMotcuaError(caught) && caught.code === 'INVALID_INPUT' && caught.field === 'code').toBe(true);
    }
    expect(() => checkDossierCode('000.00.12.H23-240426-0001', '2024-04-27')).toThrow(/dated 2024-04-26/);
    expect(() => formatDossierCode({ agency: '000.00.12.H23', date: '2024-04-26', sequence: 10000 })).toThrow(/sequence/);
  });
  it('format and parse are inverse (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('000.00.12.H23', '000.00.00.G01', 'H23', '001.05.31.H56'),
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) }),
        fc.integer({ min: 1, max: 9999 }),
        (agency, ms, sequence) => {
          const date = new Date(ms).toISOString().slice(0, 10);
          const code = formatDossierCode({ agency, date, sequence });
          expect(parseDossierCode(code)).toEqual({ agency, date, sequence, format: 'circular-01-2018' });
        },
      ),
      { numRuns: 300 },
    );
  });
  it('on the receipt: a malformed code or a code dated another day is refused (rule dossier-code), the dossier unchanged', () => {
    const d = replay([ev('submitted', '2024-04-26T08:00+07:00')], { procedure: simpleProcedure(3), strict: true });
    rejectsWith(d, ev('received', '2024-04-26T09:00+07:00', { code: '000.00.12.H23-2404260001' }), 'dossier-code', 'INVALID_EVENT');
    const err = rejectsWith(d, ev('received', '2024-04-26T09:00+07:00', { code: '000.00.12.H23-240425-0001' }), 'dossier-code');
    expect(err.field).toBe('code');
    const ok = evolve(d, ev('received', '2024-04-26T09:00+07:00', { code: '000.00.12.H23-240426-0001' }));
    expect(receiptOf(ok).code).toBe('000.00.12.H23-240426-0001');
  });
});

describe('immediate-result procedures (Decree 118/2025 Art 17(4))', () => {
  const immediate = simpleProcedure(0, { immediate: true, channels: [{ channel: 'direct', limit: { amount: 0, unit: 'same-day' } }] });
  it('no appointment slip unless the applicant asks; the dossier is still logged with its due date', () => {
    const d = replay([ev('received', '2026-03-02T09:00+07:00'), ev('resolved', '2026-03-02T09:20+07:00')], { procedure: immediate, strict: true });
    expect(receiptOf(d).appointmentSlip).toBe(false);
    expect(d.history.map((h) => h.type)).toEqual(['received', 'resolved']);
    expect(d.clock?.dueDate).toBe('2026-03-02');
    const asked = replay([ev('received', '2026-03-02T09:00+07:00', { appointmentSlip: true })], { procedure: immediate, strict: true });
    expect(receiptOf(asked).appointmentSlip).toBe(true);
  });
  it('other procedures always issue one', () => {
    const d = replay([ev('received', '2026-03-02T09:00+07:00', { appointmentSlip: false })], { procedure: simpleProcedure(3), strict: true });
    expect(receiptOf(d).appointmentSlip).toBe(true);
  });
});

describe('payment events (phí, lệ phí): Decision 766 index 3.6', () => {
  it('fee assessed, then paid online through the national portal: feeDue and paidOnline', () => {
    const d = replay(
      [ev('submitted', '2026-03-02T08:00+07:00'), ev('fee-assessed', '2026-03-02T08:01+07:00', { amount: 100000 }), ev('fee-paid', '2026-03-02T08:05+07:00', { channel: 'online-national-portal' }), ev('received', '2026-03-02T09:00+07:00')],
      { procedure: simpleProcedure(3), strict: true },
    );
    expect(paymentOf(d)).toMatchObject({ status: 'paid', amount: 100000, feeDue: true, paidOnline: true, channel: 'online-national-portal', paidAt: '2026-03-02T08:05+07:00' });
  });
  it('paid at the counter or by bank transfer is not online; no fee assessed is not fee-due', () => {
    const counter = replay([ev('received', '2026-03-02T09:00+07:00'), ev('fee-assessed', '2026-03-02T09:01+07:00', { amount: 50000 }), ev('fee-paid', '2026-03-02T09:02+07:00', { channel: 'bank-transfer' })], {
      procedure: simpleProcedure(3),
      strict: true,
    });
    expect(paymentOf(counter)).toMatchObject({ feeDue: true, paidOnline: false });
    expect(paymentOf(replay([ev('received', '2026-03-02T09:00+07:00')], { procedure: simpleProcedure(3) }))).toMatchObject({ status: 'none', feeDue: false, paidOnline: false });
  });
  it('refunded on withdrawal', () => {
    const d = replay(
      [
        ev('received', '2026-03-02T09:00+07:00'),
        ev('fee-assessed', '2026-03-02T09:01+07:00', { amount: 50000 }),
        ev('fee-paid', '2026-03-02T09:02+07:00', { channel: 'counter' }),
        ev('withdrawal-requested', '2026-03-03T09:00+07:00'),
        ev('fee-refunded', '2026-03-03T10:00+07:00'),
        ev('stopped', '2026-03-03T11:00+07:00'),
      ],
      { procedure: simpleProcedure(3), strict: true },
    );
    expect(paymentOf(d)).toMatchObject({ status: 'refunded', refundedAt: '2026-03-03T10:00+07:00' });
    expect(d.state).toBe('stopped');
  });
  it('a payment without an assessed fee is refused (rule fee-assessed), the dossier unchanged', () => {
    const d = replay([ev('received', '2026-03-02T09:00+07:00')], { procedure: simpleProcedure(3), strict: true });
    const err = rejectsWith(d, ev('fee-paid', '2026-03-02T10:00+07:00', { channel: 'counter' }), 'fee-assessed');
    expect(err.message).toMatch(/no fee has been assessed/);
    const free = evolve(d, ev('fee-assessed', '2026-03-02T09:30+07:00', { amount: 0 }));
    rejectsWith(free, ev('fee-paid', '2026-03-02T10:00+07:00', { channel: 'counter' }), 'fee-assessed');
    rejectsWith(d, ev('fee-refunded', '2026-03-02T10:00+07:00'), 'fee-paid');
    rejectsWith(d, ev('fee-paid', '2026-03-02T10:00+07:00', { channel: 'cash' } as never), 'event-schema', 'INVALID_EVENT');
    rejectsWith(d, ev('fee-assessed', '2026-03-02T10:00+07:00', { amount: 12.5 }), 'event-schema', 'INVALID_EVENT');
  });
});

describe('transfer to the competent agency (Decree 118/2025 Art 18(2), 20(1)(a))', () => {
  it('received after 15:00: a transfer the next working day is in time; two days later is a warning', () => {
    const base = [ev('received', '2026-03-06T15:30+07:00')]; // Friday
    const ok = replay([...base, ev('transferred', '2026-03-09T08:00+07:00', { to: 'Phòng Tư pháp' })], { procedure: simpleProcedure(3), strict: true });
    expect(ok.warnings).toEqual([]);
    expect(receiptOf(ok)).toMatchObject({ transferredAt: '2026-03-09T08:00+07:00', transferredTo: 'Phòng Tư pháp' });
    const late = replay([...base, ev('transferred', '2026-03-10T08:00+07:00')], { procedure: simpleProcedure(3), strict: true });
    expect(late.warnings.map((w) => w.rule)).toEqual(['transfer-same-working-day']);
  });
  it('received before 15:00: the transfer is due the same working day', () => {
    const d = replay([ev('received', '2026-03-06T10:00+07:00'), ev('transferred', '2026-03-09T08:00+07:00')], { procedure: simpleProcedure(3), strict: true });
    expect(d.warnings.map((w) => w.rule)).toEqual(['transfer-same-working-day']);
  });
  it('non-boundary paper reception: within 1 working day', () => {
    const within = replay([ev('received', '2026-03-06T10:00+07:00', { nonBoundary: true }), ev('transferred', '2026-03-09T16:00+07:00')], { procedure: simpleProcedure(3), strict: true });
    expect(within.warnings).toEqual([]);
    const late = replay([ev('received', '2026-03-06T10:00+07:00', { nonBoundary: true }), ev('transferred', '2026-03-10T08:00+07:00')], { procedure: simpleProcedure(3), strict: true });
    expect(late.warnings.map((w) => w.rule)).toEqual(['transfer-paper-1-working-day']);
  });
  it('a transfer before receipt is refused (transition-table), a second one too (transfer-once)', () => {
    const submitted = replay([ev('submitted', '2026-03-06T10:00+07:00')], { procedure: simpleProcedure(3), strict: true });
    const err = rejectsWith(submitted, ev('transferred', '2026-03-06T11:00+07:00'), 'transition-table');
    expect(err.state).toBe('submitted');
    const once = replay([ev('received', '2026-03-06T10:00+07:00'), ev('transferred', '2026-03-06T11:00+07:00')], { procedure: simpleProcedure(3), strict: true });
    rejectsWith(once, ev('transferred', '2026-03-06T12:00+07:00'), 'transfer-once');
  });
});

describe('national status codes where practice differs (policy.nationalCodes)', () => {
  const intake = [ev('submitted', '2026-03-02T08:00+07:00'), ev('intake-supplement-requested', '2026-03-02T09:00+07:00'), ev('intake-supplemented', '2026-03-03T09:00+07:00'), ev('received', '2026-03-03T10:00+07:00')];
  it('an intake supplement before official receipt is 1 by default, so a later supplement after appraisal is the only 5', () => {
    const d = replay([...intake, ev('supplement-requested', '2026-03-04T10:00+07:00')], { procedure: simpleProcedure(5), strict: true });
    expect(d.history.map((h) => h.code)).toEqual([1, 1, 1, 2, 5]);
    expect(d.history.filter((h) => h.code === 5)).toHaveLength(1);
  });
  it('each choice can be set: intake supplement 5, refusal after appraisal 8, correction 10', () => {
    const policy = { nationalCodes: { 'intake-supplement': 5, refused: 8, correction: 10 } } as const;
    const d = replay(intake, { procedure: simpleProcedure(5), policy, strict: true });
    expect(d.history.map((h) => h.code)).toEqual([1, 5, 1, 2]);
    const refused = replay([ev('received', '2026-03-02T09:00+07:00'), ev('refused', '2026-03-03T09:00+07:00'), ev('returned', '2026-03-03T10:00+07:00'), ev('correction-requested', '2026-03-04T10:00+07:00')], {
      procedure: simpleProcedure(5),
      policy,
      strict: true,
    });
    expect(refused.history.map((h) => h.code)).toEqual([2, 8, 10, 10]);
    expect(refused.nationalCode).toBe(10);
  });
  it('a code the choices do not allow is refused naming the field', () => {
    expect(() => replay([], { procedure: simpleProcedure(5), policy: { nationalCodes: { refused: 3 } } as never })).toThrow(/policy\.nationalCodes\.refused/);
    expect(() => replay([], { procedure: simpleProcedure(5), policy: { nationalCodes: { resolved: 9 } } as never })).toThrow(/no choice of national code/);
  });
});
