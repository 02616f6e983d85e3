import { DOSSIER_STATES } from './states';
import { TRANSITIONS } from './table';
import type { Transition } from './table';

const SHORT: Record<string, string> = { 'decree-61-2018': '61', 'decree-118-2025': '118', 'decree-118-2025-309-2026': '118+309' };

function id(state: string): string {
  return state === 'none' ? '[*]' : state.replaceAll('-', '_');
}

/**
 * Render the transition table as a Mermaid state diagram (sơ đồ vòng đời hồ sơ). The docs'
 * diagram is this function's output, checked by a test.
 *
 * @example
 * ```ts
 * import { toMermaid } from 'motcua/dossier';
 * toMermaid().startsWith('stateDiagram-v2'); // true
 * ```
 */
export function toMermaid(transitions: readonly Transition[] = TRANSITIONS): string {
  const lines = ['stateDiagram-v2'];
  for (const s of DOSSIER_STATES) lines.push(`  state "${s.state} (${s.code})" as ${id(s.state)}`);
  const edges = new Map<string, string[]>();
  for (const t of transitions) {
    const targets = t.to === 'resume' || t.to === 'by-reason' ? (t.targets ?? []) : null;
    for (const from of t.from) {
      const tos = targets ?? [t.to === 'same' ? from : t.to];
      for (const to of tos) {
        const key = `${id(from)} --> ${id(to)}`;
        const label = `${t.event}${t.to === 'resume' ? ' ↩' : ''}${t.ruleSets ? ` [${t.ruleSets.map((r) => SHORT[r] ?? r).join(', ')}]` : ''}`;
        const list = edges.get(key) ?? [];
        if (!list.includes(label)) list.push(label);
        edges.set(key, list);
      }
    }
  }
  for (const [key, labels] of edges) lines.push(`  ${key} : ${labels.join(', ')}`);
  for (const s of DOSSIER_STATES) if (s.terminal) lines.push(`  ${id(s.state)} --> [*]`);
  return `${lines.join('\n')}\n`;
}
