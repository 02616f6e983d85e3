import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOSSIER_STATES, GUARDS, NATIONAL_STATUS_CODES, TRANSITIONS, toMermaid } from '../../src/dossier/index';

const PATH = new URL('../../docs/dossier-lifecycle.md', import.meta.url);

function sections(): Record<string, string> {
  const states = [
    '| State | National code | Vietnamese | Terminal | Legal article |',
    '|---|---|---|---|---|',
    ...DOSSIER_STATES.map((s) => `| \`${s.state}\` | ${s.code} ${NATIONAL_STATUS_CODES[s.code]} | ${s.vi} | ${s.terminal ? 'yes' : ''} | ${s.article} |`),
  ].join('\n');
  const guards = [
    '| Guard | Checked on | Rule | Legal basis |',
    '|---|---|---|---|',
    ...Object.entries(GUARDS).map(([id, g]) => `| \`${id}\` | ${TRANSITIONS.filter((t) => t.guards.includes(id as never)).map((t) => `\`${t.event}\``).join(', ')} | ${g.text} | ${g.article} |`),
  ].join('\n');
  return { diagram: `\`\`\`mermaid\n${toMermaid()}\`\`\``, states, guards };
}

function render(text: string): string {
  let out = text;
  for (const [name, body] of Object.entries(sections())) {
    const re = new RegExp(`(<!-- BEGIN GENERATED: ${name} -->\\n)[\\s\\S]*?(<!-- END GENERATED: ${name} -->)`);
    expect(re.test(out)).toBe(true);
    out = out.replace(re, (_m, a: string, b: string) => `${a}${body}\n${b}`);
  }
  return out;
}

describe('docs/dossier-lifecycle.md', () => {
  it('its diagram, state table and guard table are generated from the transition table', () => {
    const text = readFileSync(PATH, 'utf8');
    const fresh = render(text);
    if (process.env.UPDATE_DOCS === '1' && fresh !== text) writeFileSync(PATH, fresh);
    else expect(text).toBe(fresh);
  });
  it('the diagram has every state and every event of the table', () => {
    const m = toMermaid();
    for (const s of DOSSIER_STATES) expect(m).toContain(`as ${s.state.replaceAll('-', '_')}`);
    for (const t of TRANSITIONS) expect(m).toContain(t.event);
  });
});
