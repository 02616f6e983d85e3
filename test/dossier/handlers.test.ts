/**
 * Shape (#15): each event kind has its own small named handler, beside the general rules of the
 * transition table; the table of handlers covers exactly the table's event types.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOSSIER_EVENT_TYPES, TRANSITIONS } from '../../src/dossier/index';
import { HANDLERS } from '../../src/dossier/_lib/handlers';

describe('event handlers', () => {
  it('one named handler per event type of the transition table, and no other', () => {
    expect(Object.keys(HANDLERS).sort()).toEqual([...DOSSIER_EVENT_TYPES].sort());
    expect(new Set(TRANSITIONS.map((t) => t.event))).toEqual(new Set(Object.keys(HANDLERS)));
    for (const [type, h] of Object.entries(HANDLERS)) {
      const camel = type.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
      expect([`on${camel[0]!.toUpperCase()}${camel.slice(1)}`, 'noChange']).toContain(h.name);
    }
  });

  it('each handler stays small (at most 45 lines), so its legal rule reads at a glance', () => {
    const text = readFileSync(new URL('../../src/dossier/_lib/handlers.ts', import.meta.url), 'utf8');
    const bodies = [...text.matchAll(/\nfunction (\w+)\(t: Turn\): void \{\n([\s\S]*?)\n\}\n/g)];
    expect(bodies.length).toBe(new Set(Object.values(HANDLERS)).size);
    for (const [, name, body] of bodies) expect({ name, lines: body!.split('\n').length <= 45 }).toEqual({ name, lines: true });
  });
});
