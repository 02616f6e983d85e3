import { MotcuaError, isMotcuaError, nameErrorClass, show } from '../errors';
import type { ErrorTexts, MotcuaErrorCode } from '../errors';
import type { DossierState, NoState } from './types';

/**
 * The typed error of the state machine (lỗi chuyển trạng thái): names the dossier's `state`, the
 * `event` (its type and id) and the `rule` that refused it. The dossier is left unchanged.
 *
 * @example
 * ```ts
 * import { evolve, initial, isDossierError } from 'motcua/dossier';
 * const procedure = { code: '1.000001', channels: [{ channel: 'direct' as const, limit: { amount: 3, unit: 'working-day' as const } }], cutoff: null, clockStops: [], steps: null, immediate: false };
 * try {
 *   evolve(initial({ procedure }), { id: 'e1', type: 'resolved', at: '2026-03-02T09:00+07:00' });
 * } catch (e) {
 *   if (isDossierError(e)) console.log(e.state, e.event, e.rule); // 'none' 'resolved' 'transition-table'
 * }
 * ```
 */
export class DossierError extends MotcuaError {
  /** State of the dossier when the event came. */
  readonly state: DossierState | NoState;
  /** Type of the refused event (or `unknown`). */
  readonly event: string;
  /** Id of the refused event, when it has one. */
  readonly eventId: string | null;
  /** The rule or guard that refused it (a `GuardId` or a general rule such as `chronology`). */
  readonly rule: string;

  /**
   * @param message - the refusal in Vietnamese and English (`{ vi, en }`); the state, event and rule
   *   are appended to each (`[state …, event …, rule …]`, `[trạng thái …, sự kiện …, quy tắc …]`).
   *   A lone string serves both (kept while the throw sites are translated, #19).
   */
  constructor(code: MotcuaErrorCode, message: string | ErrorTexts, info: { state: DossierState | NoState; event: string; eventId: string | null; rule: string; value?: unknown; field?: string }) {
    const t = typeof message === 'string' ? { vi: message, en: message } : message;
    const id = info.eventId === null ? '' : ` ${show(info.eventId)}`;
    super(
      code,
      { vi: `${t.vi} [trạng thái ${info.state}, sự kiện ${info.event}${id}, quy tắc ${info.rule}]`, en: `${t.en} [state ${info.state}, event ${info.event}${id}, rule ${info.rule}]` },
      info.value,
      info.field,
    );
    this.state = info.state;
    this.event = info.event;
    this.eventId = info.eventId;
    this.rule = info.rule;
  }
}
nameErrorClass(DossierError, 'DossierError');

/**
 * Narrow an unknown value to a {@link DossierError} (`name` `'DossierError'`), also one thrown by
 * another copy of motcua (the CJS build when you import the ESM one).
 *
 * @example
 * ```ts
 * import { isDossierError } from 'motcua/dossier';
 * isDossierError(new Error('x')); // false
 * ```
 */
export function isDossierError(e: unknown): e is DossierError {
  return isMotcuaError(e) && e.name === 'DossierError';
}
