// The CLI output shown in README.md and docs/*.md is real (#19): every ```text block that starts
// with "$ npx motcua …" or "$ motcua …" is run, and its lines must be the command's output, in
// order ("…" marks lines left out; a block without "…" is the whole output).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { processIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';

const root = fileURLToPath(new URL('../../', import.meta.url));
const files = ['README.md', ...readdirSync(`${root}docs`).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** Split a command line as a shell would for these examples: spaces, "double" and 'single' quotes. */
function argv(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) out.push(m[1] ?? m[2] ?? m[3]!);
  return out;
}

const blocks: { file: string; command: string; shown: string[] }[] = [];
for (const file of files) {
  const text = readFileSync(`${root}${file}`, 'utf8');
  for (const m of text.matchAll(/```text\n(\$ (?:npx )?motcua [^\n]*)\n([\s\S]*?)```/g)) blocks.push({ file, command: m[1]!, shown: m[2]!.replace(/\n$/, '').split('\n') });
}

describe('CLI output in the README and docs', () => {
  it('there are such blocks (README quick start and Vietnamese summary)', () => {
    expect(blocks.filter((b) => b.file === 'README.md').length).toBeGreaterThanOrEqual(3);
  });
  for (const b of blocks) {
    it(`${b.file}: ${b.command}`, async () => {
      let out = '';
      const io = { ...processIo(), isTTY: false, stdout: (s: string) => void (out += s), stderr: () => undefined };
      const args = argv(b.command).slice(b.command.startsWith('$ npx') ? 3 : 2);
      await main(args, io);
      const lines = out.replace(/\n$/, '').split('\n');
      if (!b.shown.includes('…')) {
        expect(lines).toEqual(b.shown);
        return;
      }
      let at = 0;
      for (const l of b.shown) {
        if (l === '…') continue;
        const i = lines.indexOf(l, at);
        expect(i, `"${l}" is not in the output of ${b.command} (after line ${at})`).toBeGreaterThanOrEqual(0);
        at = i + 1;
      }
    });
  }
});
