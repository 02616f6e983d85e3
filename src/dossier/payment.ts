/**
 * Fees and the receipt of a dossier, read from its accepted events (no snapshot field holds them):
 * what the KPI record needs for Decision 766 index 3.6 (online payment: dossiers paid online /
 * dossiers with a non-zero fee) and what the one-stop desk wrote on the receipt.
 *
 * @module
 */
import type { Dossier, DossierEvent, PaymentChannel } from './types';

/** Where the fee of a dossier stands: no fee event, assessed at 0 (`free`), assessed, paid, refunded. */
export type FeeStatus = 'none' | 'free' | 'assessed' | 'paid' | 'refunded';

/** @internal The fee status after the accepted events `events`. */
export function feeStatusOf(events: readonly DossierEvent[]): FeeStatus {
  let st: FeeStatus = 'none';
  for (let k = 0; k < events.length; k++) {
    const e = events[k]!;
    if (e.type === 'fee-assessed') st = e.amount > 0 ? 'assessed' : 'free';
    else if (e.type === 'fee-paid') st = 'paid';
    else if (e.type === 'fee-refunded') st = 'refunded';
  }
  return st;
}

/** The answer of {@link paymentOf}. */
export interface DossierPayment {
  readonly status: FeeStatus;
  /** The fee assessed last, in VND (`null`: none assessed). */
  readonly amount: number | null;
  /** A non-zero fee was assessed (index 3.6 denominator; the KPI record's `feeDue`). */
  readonly feeDue: boolean;
  readonly paidAt: string | null;
  readonly channel: PaymentChannel | null;
  /**
   * Paid online through the national portal's payment platform (index 3.6 numerator; the KPI record's
   * `paidOnline`). A bank transfer outside the portal does not count [?: portal practice, not verified].
   * A later refund does not undo it.
   */
  readonly paidOnline: boolean;
  readonly refundedAt: string | null;
}

/**
 * The fee of a dossier (phí, lệ phí): assessed, paid (and how), refunded.
 *
 * @example
 * ```ts
 * import { paymentOf, replay } from 'motcua/dossier';
 * const procedure = { code: '1.000001', channels: [{ channel: 'online' as const, limit: { amount: 3, unit: 'working-day' as const } }], cutoff: null, clockStops: [], steps: null, immediate: false };
 * const d = replay(
 *   [
 *     { id: 'e1', type: 'submitted', at: '2026-03-02T08:00+07:00' },
 *     { id: 'e2', type: 'fee-assessed', at: '2026-03-02T08:05+07:00', amount: 50000 },
 *     { id: 'e3', type: 'fee-paid', at: '2026-03-02T08:10+07:00', channel: 'online-national-portal' },
 *     { id: 'e4', type: 'received', at: '2026-03-02T09:00+07:00' },
 *   ],
 *   { procedure },
 * );
 * paymentOf(d).paidOnline; // true
 * paymentOf(d).feeDue; // true
 * ```
 */
export function paymentOf(dossier: Dossier): DossierPayment {
  let amount: number | null = null;
  let paidAt: string | null = null;
  let channel: PaymentChannel | null = null;
  let paidOnline = false;
  let refundedAt: string | null = null;
  let feeDue = false;
  for (const e of dossier.events) {
    if (e.type === 'fee-assessed') {
      amount = e.amount;
      if (e.amount > 0) feeDue = true;
    } else if (e.type === 'fee-paid') {
      paidAt = e.at;
      channel = e.channel;
      if (e.channel === 'online-national-portal') paidOnline = true;
    } else if (e.type === 'fee-refunded') refundedAt = e.at;
  }
  return { status: feeStatusOf(dossier.events), amount, feeDue, paidAt, channel, paidOnline, refundedAt };
}

/** The answer of {@link receiptOf}. */
export interface DossierReceipt {
  /** Dossier code written on the receipt (mã hồ sơ), checked against the receipt date. */
  readonly code: string | null;
  /**
   * An appointment slip (Giấy tiếp nhận hồ sơ và hẹn trả kết quả) was issued: always, except for an
   * immediate-result procedure when the applicant did not ask for one (Decree 118/2025 Art 17(4)); the
   * dossier is still logged.
   */
  readonly appointmentSlip: boolean;
  /** When the desk transferred the dossier to the competent agency, and to whom (Art 18(2), 20(1)(a)). */
  readonly transferredAt: string | null;
  readonly transferredTo: string | null;
}

/**
 * What the receipt of a dossier says: its code, whether an appointment slip was issued, its transfer.
 *
 * @example
 * ```ts
 * import { receiptOf, replay } from 'motcua/dossier';
 * const procedure = { code: '2.000815', channels: [{ channel: 'direct' as const, limit: { amount: 0, unit: 'same-day' as const } }], cutoff: null, clockStops: [], steps: null, immediate: true };
 * const d = replay([{ id: 'e1', type: 'received', at: '2024-04-26T09:00+07:00', code: '000.00.12.H23-240426-0001' }], { procedure });
 * receiptOf(d); // { code: '000.00.12.H23-240426-0001', appointmentSlip: false, transferredAt: null, transferredTo: null }
 * ```
 */
export function receiptOf(dossier: Dossier): DossierReceipt {
  let code: string | null = null;
  let asked = false;
  let received = false;
  let transferredAt: string | null = null;
  let transferredTo: string | null = null;
  for (const e of dossier.events) {
    if (e.type === 'received') {
      received = true;
      code = e.code ?? null;
      asked = e.appointmentSlip === true;
    } else if (e.type === 'transferred') {
      transferredAt = e.at;
      transferredTo = e.to ?? null;
    }
  }
  return { code, appointmentSlip: received && (dossier.procedure.immediate !== true || asked), transferredAt, transferredTo };
}
