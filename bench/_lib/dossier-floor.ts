/**
 * The input floor of the dossier bench: the least any replay of these logs must do, measured in the
 * same run so the replay figure can be read against the machine. For each event it reads `id`,
 * `type` and `at`, looks the type up, parses the time with the parser `replay` uses, refuses a
 * duplicate id or an earlier time, and appends the event and a history line of the same shape as
 * `replay`'s. No schema checks beyond that, no state machine, no calendar, no clock.
 *
 * It is a yardstick, not an alternative: its output is not a dossier.
 */
import { DOSSIER_EVENT_TYPES } from '../../src/dossier/index';
import { instantMs } from '../../src/dossier/_lib/time';

const TYPE_INDEX = new Map<string, number>(DOSSIER_EVENT_TYPES.map((t, k) => [t, k]));

interface FloorLine {
  id: string;
  type: string;
  at: string;
  state: string;
  code: number;
  dueDate: string | null;
  ms: number;
  dueMs: number;
  paused: boolean;
}

/** Read a log as cheaply as a replay possibly could (see the module comment). */
export function readFloor(events: readonly unknown[]): { history: FloorLine[]; events: unknown[]; rejected: unknown[] } {
  const history: FloorLine[] = [];
  const kept: unknown[] = [];
  const rejected: unknown[] = [];
  let lastMs = -Infinity;
  next: for (let k = 0; k < events.length; k++) {
    const e = events[k] as Record<string, unknown>;
    let id: unknown;
    let type: unknown;
    let at: unknown;
    for (const key in e) {
      const v = e[key];
      const n = key.length;
      if (n === 2) {
        if (key === 'id') id = v;
        else if (key === 'at') at = v;
      } else if (n === 4 && key === 'type') type = v;
    }
    const code = TYPE_INDEX.get(type as string);
    if (typeof id !== 'string' || code === undefined || typeof at !== 'string') {
      rejected.push(e);
      continue;
    }
    const ms = instantMs(at, 'at');
    for (let j = 0; j < history.length; j++) {
      if (history[j]!.id === id) {
        rejected.push(e);
        continue next;
      }
    }
    if (ms < lastMs) {
      rejected.push(e);
      continue;
    }
    lastMs = ms;
    kept[kept.length] = e;
    history[history.length] = { id, type: type as string, at, state: type as string, code, dueDate: null, ms, dueMs: ms, paused: false };
  }
  return { history, events: kept, rejected };
}
