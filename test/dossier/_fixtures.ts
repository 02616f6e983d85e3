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

/**
 * Damage the events of log `k` in place, as the golden digest and the batch tests do for every third
 * log (k % 3 === 1): swap, repeat, drop, insert garbage, repeat an event at another's time, or push
 * an extra event of a random type. `rand` is consumed in the same order in every caller.
 */
export function damageLog(ev: unknown[], k: number, rand: () => number, o: { garbage: readonly unknown[]; extra: readonly string[]; fields: Record<string, unknown> }): void {
  if (k % 3 !== 1) return;
  const m = Math.floor(rand() * 6);
  const i = Math.floor(rand() * ev.length);
  const j = Math.floor(rand() * ev.length);
  if (m === 0) [ev[i], ev[j]] = [ev[j], ev[i]];
  else if (m === 1) ev.splice(j, 0, ev[i]);
  else if (m === 2) ev.splice(i, 1);
  else if (m === 3) ev.splice(i, 0, o.garbage[Math.floor(rand() * o.garbage.length)]);
  else if (m === 4) ev.splice(j, 0, { ...(ev[i] as object), at: (ev[Math.max(0, j - 1)] as DossierEvent).at });
  else ev.push({ ...(ev[ev.length - 1] as object), id: `x${k}`, type: o.extra[Math.floor(rand() * o.extra.length)], ...o.fields });
}
