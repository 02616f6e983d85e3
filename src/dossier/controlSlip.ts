import { checkDossier } from './_lib/checkDossier';
import type { Dossier, Timeliness } from './types';

/** One row of the control slip (Phiếu kiểm soát quá trình giải quyết hồ sơ): one hand-over. */
export interface ControlSlipRow {
  readonly seq: number;
  readonly step: string;
  readonly name: string;
  /** Handing over: the previous step's agency, or the one-stop desk (Bộ phận Một cửa). */
  readonly from: string;
  /** Receiving agency (cơ quan, bộ phận nhận). */
  readonly to: string;
  readonly level: string | null;
  /** Thời gian giao nhận. */
  readonly handedOverAt: string;
  /** The step's own due date and instant (thời hạn của bước), `null` without a budget. */
  readonly dueDate: string | null;
  readonly dueAt: string | null;
  readonly completedAt: string | null;
  /** Kết quả của bước: trước hạn / đúng hạn / quá hạn; `null` while in progress or without a budget. */
  readonly result: Timeliness | null;
}

/**
 * The control-slip view (Phiếu kiểm soát quá trình giải quyết hồ sơ, Circular 01/2018 Form 03 [S]):
 * one row per hand-over, with the step's own deadline and its result.
 *
 * @example
 * ```ts
 * import { controlSlip, replay } from 'motcua/dossier';
 * const procedure = { code: '1.000001', channels: [{ channel: 'direct' as const, limit: { amount: 3, unit: 'working-day' as const } }], cutoff: null, clockStops: [], steps: null, immediate: false };
 * const d = replay(
 *   [
 *     { id: 'e1', type: 'received', at: '2026-03-02T09:00+07:00' },
 *     { id: 'e2', type: 'step-started', at: '2026-03-02T10:00+07:00', step: 'appraise', agency: 'Phòng Tư pháp', budget: { amount: 2, unit: 'working-day' } },
 *     { id: 'e3', type: 'resolved', at: '2026-03-04T10:00+07:00' },
 *   ],
 *   { procedure },
 * );
 * controlSlip(d)[0]?.result; // 'on-time'
 * ```
 */
export function controlSlip(dossier: Dossier): ControlSlipRow[] {
  checkDossier(dossier);
  return dossier.steps.map((s, k) => ({
    seq: k + 1,
    step: s.step,
    name: s.name,
    from: s.from,
    to: s.agency,
    level: s.level,
    handedOverAt: s.startedAt,
    dueDate: s.dueDate,
    dueAt: s.dueAt,
    completedAt: s.endedAt,
    result: s.result,
  }));
}
