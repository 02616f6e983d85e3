import type { Draft } from './_lib/apply';
import { applyEvent, newHead } from './_lib/apply';
import { contextOf } from './_lib/context';
import { checkDossier } from './_lib/checkDossier';
import type { Dossier, DossierEvent } from './types';

/**
 * Apply one event to a dossier (chuyển trạng thái): pure, returns a new snapshot. An event whose
 * id is already in the log returns the dossier unchanged (idempotent).
 *
 * @throws {MotcuaError} `INVALID_INPUT` when `dossier` is not a dossier (not an object, not `type: "motcua.dossier"`, a log that is not an array).
 * @throws {DossierError} naming the state, the event and the rule, when the event is malformed
 * (`INVALID_EVENT`), not allowed by the table or a legal guard (`INVALID_TRANSITION`), or its
 * channel is not offered (`CHANNEL_NOT_OFFERED`); the given dossier is never modified.
 * @example
 * ```ts
 * import { evolve, initial } from 'motcua/dossier';
 * const procedure = { code: '1.000001', channels: [{ channel: 'direct' as const, limit: { amount: 3, unit: 'working-day' as const } }], cutoff: null, clockStops: [], steps: null, immediate: false };
 * const d = evolve(initial({ procedure }), { id: 'e1', type: 'received', at: '2026-03-02T09:00+07:00' });
 * d.nationalCode; // 2
 * d.clock?.dueDate; // '2026-03-05'
 * ```
 */
export function evolve(dossier: Dossier, event: DossierEvent): Dossier {
  checkDossier(dossier);
  const d: Draft = {
    ...dossier,
    events: dossier.events.slice(),
    history: dossier.history.slice(),
    steps: dossier.steps.slice(),
    warnings: dossier.warnings.slice(),
    rejected: dossier.rejected.slice(),
    resume: dossier.resume.slice(),
    corrections: dossier.corrections.slice(),
  };
  return applyEvent(d, contextOf(dossier), event, newHead(false)) ? d : dossier;
}
