import type { DossierEvent, DossierProcedure } from '../../src/dossier/index';

/** A counter/online procedure with a whole-day limit and a financial-obligation stop. */
export function simpleProcedure(days = 3, extra: Partial<DossierProcedure> = {}): DossierProcedure {
  return {
    code: '1.000001',
    channels: [
      { channel: 'direct', limit: { amount: days, unit: 'working-day' } },
      { channel: 'online', limit: { amount: days, unit: 'working-day' } },
      { channel: 'postal', limit: { amount: days, unit: 'working-day' } },
    ],
    cutoff: null,
    clockStops: ['financial-obligation', 'public-posting'],
    steps: null,
    immediate: false,
    ...extra,
  };
}

/** Commune → province interlinked procedure (liên thông), 3 + 5 working days within 10. */
export const interlinked: DossierProcedure = {
  code: '1.000002',
  channels: [{ channel: 'direct', limit: { amount: 10, unit: 'working-day' } }],
  cutoff: null,
  clockStops: [],
  steps: {
    mode: 'sequential',
    items: [
      { id: 'commune', name: 'UBND xã thẩm định', agency: 'UBND xã Tân Phú', level: 'commune', budget: { amount: 3, unit: 'working-day' } },
      { id: 'province', name: 'Sở Nông nghiệp và Môi trường quyết định', agency: 'Sở Nông nghiệp và Môi trường', level: 'province', budget: { amount: 5, unit: 'working-day' } },
    ],
  },
  immediate: false,
};

let n = 0;
/** Build an event with a fresh id. */
export function ev<T extends DossierEvent['type']>(type: T, at: string, extra: Omit<Extract<DossierEvent, { type: T }>, 'id' | 'type' | 'at'> | Record<string, never> = {}): DossierEvent {
  return { id: `e${++n}`, type, at, ...extra } as DossierEvent;
}
