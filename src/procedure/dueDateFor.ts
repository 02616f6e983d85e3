import { dueDate } from '../calendar/index';
import type { Calendar, DueDateResult, Instant } from '../calendar/index';
import { clip, MotcuaError, show } from '../errors';
import { channelVi } from '../_lib/locale';
import type { LocaleOptions } from '../_lib/locale';
import { procedureLimit } from './procedureLimit';
import type { Channel, Procedure } from './types';

/**
 * The due date (ngày hẹn trả kết quả) of a dossier of this procedure received through `channel`
 * at `receivedAt`: the channel's limit and the procedure's cut-off, applied through the calendar.
 * Clock stops (financial obligation, public posting, …) are not applied here: the dossier
 * lifecycle adds them when they happen.
 *
 * @param calendar - Defaults to the civil-servant calendar.
 * @param options - `locale` of the steps' text: `'vi'` (default) or `'en'`.
 * @throws {MotcuaError} `CHANNEL_NOT_OFFERED` if the procedure has no such channel; the errors of `dueDate`.
 *
 * @example
 * ```ts
 * import { dueDateFor, findProcedure, sampleCatalog } from 'motcua/procedure';
 * const p = findProcedure(sampleCatalog, '2.000815')!; // chứng thực bản sao: same day, 15:00 cut-off
 * dueDateFor(p, 'direct', '2026-03-02T15:30+07:00').dueDate; // '2026-03-03'
 * ```
 */
export function dueDateFor(
  procedure: Pick<Procedure, 'code' | 'channels' | 'cutoff'>,
  channel: Channel,
  receivedAt: Instant,
  calendar?: Calendar,
  options?: LocaleOptions,
): DueDateResult {
  const limit = procedureLimit(procedure, channel);
  if (limit === null) {
    const offered = procedure.channels.map((c) => c.channel).join(', ') || 'none';
    const offeredVi = procedure.channels.map((c) => channelVi(c.channel)).join(', ') || 'không có';
    throw new MotcuaError(
      'CHANNEL_NOT_OFFERED',
      { vi: `thủ tục ${clip(String(procedure.code), undefined, 'vi')} không được thực hiện qua kênh ${channelVi(channel)} (các kênh có: ${offeredVi})`, en: `procedure ${clip(String(procedure.code))} is not offered through ${show(channel)} (offered: ${offered})` },
      channel,
      'channel',
    );
  }
  return dueDate({ receivedAt, limit, cutoff: procedure.cutoff?.time ?? null, ...(options?.locale === undefined ? {} : { locale: options.locale }) }, calendar);
}
