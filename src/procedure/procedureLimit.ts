import type { Limit } from '../calendar/index';
import type { Channel, Procedure } from './types';

/**
 * The processing limit (thời hạn giải quyết) of a procedure for one channel, or `null` when
 * the procedure is not offered through that channel.
 *
 * @example
 * ```ts
 * import { procedureLimit, findProcedure, sampleCatalog } from 'motcua/procedure';
 * const p = findProcedure(sampleCatalog, '1.001612')!; // Đăng ký thành lập hộ kinh doanh
 * procedureLimit(p, 'online'); // { amount: 3, unit: 'working-day' }
 * ```
 */
export function procedureLimit(procedure: Pick<Procedure, 'channels'>, channel: Channel): Limit | null {
  const rule = procedure.channels.find((c) => c.channel === channel);
  return rule ? rule.limit : null;
}
