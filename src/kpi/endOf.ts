import { MotcuaError, show } from '../errors';
import { tryParseDate } from '../_lib/civil/date';
import type { CivilDate } from '../calendar/types';
import type { EndKind } from './types';

/** The dates of the events that can end a dossier, as separate export columns often give them. */
export interface EndEvents {
  /** Refused after appraisal (từ chối giải quyết). */
  readonly refusedOn?: CivilDate | null;
  /** Processing stopped (dừng xử lý, status 8). */
  readonly stoppedOn?: CivilDate | null;
  /** Processing finished (đã xử lý xong, status 9). */
  readonly resolvedOn?: CivilDate | null;
  /** Result returned to the applicant (đã trả kết quả, status 10). */
  readonly returnedOn?: CivilDate | null;
  /** Withdrawn by the applicant (rút hồ sơ, status 7). */
  readonly withdrawnOn?: CivilDate | null;
}

const ORDER: readonly (keyof EndEvents)[] = ['refusedOn', 'stoppedOn', 'resolvedOn', 'returnedOn', 'withdrawnOn'];
const KIND: Record<keyof EndEvents, EndKind> = { refusedOn: 'refused', stoppedOn: 'stopped', resolvedOn: 'resolved', returnedOn: 'resolved', withdrawnOn: 'withdrawn' };

/**
 * The KPI end time (thời điểm kết thúc) of a dossier, domain.md §5 [S]: the first of refusal,
 * stop, processing finished (9), result returned (10) and withdrawal; when both 9 and 10 exist,
 * 9 is used, so 10 counts only when 9 is missing. Equal dates are broken in that same order.
 * Both fields are null while the dossier is pending.
 *
 * @throws {MotcuaError} `INVALID_DATE` naming the event whose date is not `YYYY-MM-DD`.
 *
 * @example
 * ```ts
 * import { endOf } from 'motcua/kpi';
 * endOf({ resolvedOn: '2024-03-04', returnedOn: '2024-03-06' }); // { finishedOn: '2024-03-04', finishedAs: 'resolved' }
 * endOf({ returnedOn: '2024-03-06' }); // { finishedOn: '2024-03-06', finishedAs: 'resolved' }
 * endOf({ withdrawnOn: '2024-03-01', resolvedOn: '2024-03-04' }); // { finishedOn: '2024-03-01', finishedAs: 'withdrawn' }
 * endOf({}); // { finishedOn: null, finishedAs: null }
 * ```
 */
export function endOf(events: EndEvents): { finishedOn: CivilDate | null; finishedAs: EndKind | null } {
  let best: number | null = null;
  let out: { finishedOn: CivilDate | null; finishedAs: EndKind | null } = { finishedOn: null, finishedAs: null };
  for (const k of ORDER) {
    const v = events[k];
    if (v === undefined || v === null || v === '') continue;
    if (k === 'returnedOn' && events.resolvedOn) continue;
    const d = typeof v === 'string' ? tryParseDate(v) : NaN;
    if (d !== d) throw new MotcuaError('INVALID_DATE', { vi: `${show(v, 'vi')} không phải ngày dương lịch "YYYY-MM-DD"`, en: `${show(v)} is not a civil date "YYYY-MM-DD"` }, v, k);
    if (best === null || d < best) {
      best = d;
      out = { finishedOn: v, finishedAs: KIND[k] };
    }
  }
  return out;
}
