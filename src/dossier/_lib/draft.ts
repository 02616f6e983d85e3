/** @internal The draft a fold writes to, and the typed refusal every check throws. */
import type { ErrorTexts } from '../../errors';
import { DossierError } from '../errors';
import type { Dossier, DossierEvent, DossierState, DossierWarning, HistoryEntry, StepRun } from '../types';

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
/** A draft dossier: its arrays are owned by the caller and may be pushed to. */
export type Draft = Mutable<Omit<Dossier, 'events' | 'history' | 'steps' | 'warnings' | 'rejected' | 'resume' | 'corrections'>> & {
  events: DossierEvent[];
  history: HistoryEntry[];
  steps: StepRun[];
  warnings: DossierWarning[];
  rejected: Dossier['rejected'][number][];
  resume: DossierState[];
  corrections: Mutable<Dossier['corrections'][number]>[];
};

/** Throw the {@link DossierError} of a refused event: its code, the rule, the state it met. */
export function fail(d: Draft, e: { id?: unknown; type?: unknown }, code: 'INVALID_EVENT' | 'INVALID_TRANSITION' | 'CHANNEL_NOT_OFFERED' | 'OUT_OF_RANGE', rule: string, message: ErrorTexts, value?: unknown, field?: string): never {
  throw new DossierError(code, message, {
    state: d.state,
    event: typeof e.type === 'string' ? e.type : 'unknown',
    eventId: typeof e.id === 'string' ? e.id : null,
    rule,
    value,
    field,
  });
}
