import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// #19: every error thrown in these modules carries its text in Vietnamese and English ({ vi, en }):
// a plain string or template literal as the message would give an officer English only.
const DIRS = ['src/kpi', 'src/node', 'src/sql', 'src/cli'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('throw sites of kpi, node, sql and cli give { vi, en } (#19)', () => {
  it('no new MotcuaError( / new EventLogError( has a string or template literal as its message', () => {
    const bad: string[] = [];
    let sites = 0;
    for (const f of DIRS.flatMap(files)) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/new (?:MotcuaError|EventLogError)\(\s*/g)) {
        sites++;
        // the message is the second argument: skip the code (an identifier, a literal or an expression)
        const rest = text.slice(m.index + m[0].length);
        const comma = rest.search(/,\s*/);
        const message = rest.slice(comma + 1).trimStart();
        if (/^['"`]/.test(message)) bad.push(`${f}:${text.slice(0, m.index).split('\n').length}`);
      }
    }
    expect(sites).toBeGreaterThan(100);
    expect(bad).toEqual([]);
  });
});
