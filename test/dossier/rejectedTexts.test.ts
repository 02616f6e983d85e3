// RejectedEntry.texts stays optional in the type: every entry motcua makes has it, but a dossier
// stored by motcua 0.1.0 (before #19) has entries without it, and evolve keeps them as they are.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evolve, replay, replayMany } from '../../src/dossier/index';
import type { Dossier, RejectedEntry } from '../../src/dossier/index';

const procedure = { code: '1.000001', channels: [{ channel: 'direct' as const, limit: { amount: 3, unit: 'working-day' as const } }], cutoff: null, clockStops: [], steps: null, immediate: false };
const VI_LETTERS = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

/** Events of every kind of refusal: malformed, a duplicate id with another content, no transition, out of order. */
const badEvents = fc.array(
  fc.oneof(
    fc.record({ id: fc.constantFrom('x1', 'x2', 'e1'), type: fc.constantFrom('received', 'resolved', 'teleported', 'supplement-requested'), at: fc.constantFrom('2026-03-02T09:00:00+07:00', '2026-03-01T09:00:00+07:00', 'tomorrow', 5) }),
    fc.constant({ type: 'received' }),
    fc.constant(null),
  ),
  { minLength: 1, maxLength: 6 },
);

function checkEntry(r: RejectedEntry): void {
  expect(r.texts).toBeDefined();
  expect(r.texts!.en).toBe(r.message);
  expect(r.texts!.vi).toMatch(VI_LETTERS);
}

describe('RejectedEntry.texts', () => {
  it('every entry replay and replayMany make has texts, Vietnamese and English (= message)', () => {
    let seen = 0;
    fc.assert(
      fc.property(badEvents, (bad) => {
        const events = [{ id: 'e1', type: 'received', at: '2026-03-02T08:00:00+07:00' }, ...bad];
        const d = replay(events as never, { procedure });
        for (const r of d.rejected) checkEntry(r);
        seen += d.rejected.length;
        const [full] = replayMany([{ id: 'HS-1', events: events as never }], { procedure, output: 'dossier' }) as Dossier[];
        for (const r of full!.rejected) checkEntry(r);
        const [s] = replayMany([{ id: 'HS-1', events: events as never }], { procedure, output: 'summary' });
        if (s!.firstRejected !== null) checkEntry(s!.firstRejected);
      }),
      { numRuns: 150 },
    );
    expect(seen).toBeGreaterThan(50);
  });

  it('an entry of a dossier stored by motcua 0.1.0 (no texts) is kept as it is by evolve: texts is absent there, as documented', () => {
    const d = replay([{ id: 'e1', type: 'received', at: '2026-03-02T08:00:00+07:00' }, { id: 'e0', type: 'teleported', at: '2026-03-02T09:00:00+07:00' }] as never, { procedure });
    expect(d.rejected.length).toBe(1);
    const { texts: _dropped, ...old } = d.rejected[0]!;
    const stored = JSON.parse(JSON.stringify({ ...d, rejected: [old] })) as Dossier;
    const next = evolve(stored, { id: 'e2', type: 'resolved', at: '2026-03-03T09:00:00+07:00' } as never);
    expect(next.state).toBe('resolved');
    expect(next.rejected).toEqual([old]);
    expect(next.rejected[0]!.texts).toBeUndefined();
    const r = next.rejected[0]!;
    expect(r.texts?.vi ?? r.message).toBe(old.message);
  });
});
