// A refused event's message names its field once: `at: "…" is not a real date and time`, not
// `at: at: …` (seen by a new user trying the packed package, session 7).
import { describe, expect, it } from 'vitest';
import { type DossierEvent, isDossierError, messageOf, replay } from '../../src/dossier/index';
import { simpleProcedure } from './_fixtures';

const procedure = simpleProcedure(3);
const refusal = (events: readonly DossierEvent[]) => {
  try {
    replay(events, { procedure, strict: true });
  } catch (e) {
    if (isDossierError(e)) return e;
    throw e;
  }
  throw new Error('expected a refusal');
};

describe('a refused event names its field once', () => {
  it('an impossible timestamp and one without an offset: "at: " once, in both languages and in rejected[]', () => {
    for (const [at, en, vi] of [
      ['2026-02-30T09:00+07:00', 'at: "2026-02-30T09:00+07:00" is not a real date and time [', 'at: "2026-02-30T09:00+07:00" không phải là ngày giờ có thật ['],
      ['2026-02-03T09:00', 'at: "2026-02-03T09:00" has no offset; add "+07:00"', 'at: "2026-02-03T09:00" thiếu độ lệch múi giờ; thêm "+07:00"'],
    ] as const) {
      const events = [{ id: 'e1', type: 'received', at, channel: 'direct' } as DossierEvent];
      const e = refusal(events);
      expect(e.field).toBe('at');
      expect(e.message.startsWith(en), e.message).toBe(true);
      expect(messageOf(e).startsWith(vi), messageOf(e)).toBe(true);
      const d = replay(events, { procedure });
      expect(d.rejected).toHaveLength(1);
      expect(d.rejected[0]!.message.startsWith(en)).toBe(true);
      expect(d.rejected[0]!.texts!.vi.startsWith(vi)).toBe(true);
    }
  });

  it("a step's bad budget names the budget's own field once (budget.amount)", () => {
    const events = [
      { id: 'e1', type: 'received', at: '2026-03-02T09:00+07:00', channel: 'direct' },
      { id: 'e2', type: 'step-started', at: '2026-03-02T10:00+07:00', step: 'x', agency: 'Phòng A', budget: { amount: -1, unit: 'working-day' } },
    ] as DossierEvent[];
    const e = refusal(events);
    expect(e.field).toBe('budget.amount');
    expect(e.message).toMatch(/^budget\.amount: expected a finite amount ≥ 0, got -1 \[/);
    expect(messageOf(e)).toMatch(/^budget\.amount: cần số lượng là số hữu hạn ≥ 0, nhận được -1 \[/);
  });

  it('no refusal of the dossier module starts with the same field twice (every kind of bad event)', () => {
    const bad: Record<string, unknown>[] = [
      { id: 'e1', type: 'received', at: '2026-13-01T09:00+07:00' },
      { id: 'e1', type: 'received', at: 'yesterday' },
      { id: 'e1', type: 'received', at: '2026-03-02T09:00+07:00', channel: 'fax' },
      { id: 'e1', type: 'received', at: '2026-03-02T09:00+07:00', code: 'not-a-code' },
      { id: 'e1', type: 'received', at: '0001-01-01T09:00+07:00' },
    ];
    for (const x of bad) {
      const d = replay([x as unknown as DossierEvent], { procedure });
      expect(d.rejected, JSON.stringify(x)).toHaveLength(1);
      for (const text of [d.rejected[0]!.message, d.rejected[0]!.texts!.vi]) expect(text, text).not.toMatch(/^([\w.[\]]+): \1: /);
    }
  });
});
