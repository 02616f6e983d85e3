// Docs that run (issue #20): the ```ts blocks of the README, docs/*.md and examples/*/README.md,
// and the JSDoc @example blocks under src/, turned into modules whose commented results are assertions.
//
//   addWorkingDays('2026-02-13', 1);   // '2026-02-23'          → equal
//   isWorkingDay('2026-02-16');        // false: Tết …          → equal (the prose after the value is ignored)
//   timeliness(d).result;              // 'early' | 'late'      → one of
//   explain('2025-05-02');             // { kind: 'swap', … }   → toMatchObject; '…' in a string matches anything
//   checkDossierCode('…', '…');        // throws: dated …       → throws
//
// A comment that does not start with a value (`// column (3)`) is prose: the line still runs.
// A block preceded by `<!-- snippet: no-run (why) -->` is not run; the test names it with its reason.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface Snippet {
  /** `README.md:42`, `src/kpi/rates.ts:12`. */
  readonly where: string;
  readonly code: string;
  /** Why it does not run, or null. */
  readonly noRun: string | null;
}

export const root = join(__dirname, '../..');

/** The ```ts blocks of a markdown file. */
export function markdownSnippets(file: string): Snippet[] {
  const text = readFileSync(join(root, file), 'utf8');
  const out: Snippet[] = [];
  const re = /^```(?:ts|typescript)[ \t]*\n([\s\S]*?)^```/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const line = text.slice(0, m.index).split('\n').length;
    const before = text.slice(0, m.index).trimEnd().split('\n').at(-1) ?? '';
    const noRun = /<!--\s*snippet:\s*no-run\s*\((.*)\)\s*-->/.exec(before)?.[1] ?? null;
    out.push({ where: `${file}:${line}`, code: m[1]!, noRun });
  }
  return out;
}

/** The @example blocks of the sources, as scripts/extract-examples.mjs finds them. */
export function jsdocSnippets(): Snippet[] {
  const out: Snippet[] = [];
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : n.endsWith('.ts') && !join(dir, n).includes('/_data/') ? [join(dir, n)] : []));
  for (const file of walk(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    const re = /@example[\s\S]*?```ts\n([\s\S]*?)```/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const line = text.slice(0, m.index + m[0].indexOf('```')).split('\n').length; // the ```ts line
      const code = m[1]!.split('\n').map((l) => l.replace(/^\s*\* ?/, '')).join('\n');
      out.push({ where: `${relative(root, file)}:${line}`, code, noRun: null });
    }
  }
  return out;
}

/** The markdown files whose snippets run. */
export function markdownFiles(): string[] {
  const examples = readdirSync(join(root, 'examples')).map((d) => `examples/${d}/README.md`).filter((f) => { try { return statSync(join(root, f)).isFile(); } catch { return false; } });
  return ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`), ...examples];
}

const VALUE_START = /^\s*(?:['"{[]|-?\d|true\b|false\b|null\b|undefined\b|throws\b)/;
const NOT_EXPRESSION = /^\s*(?:const |let |var |import |export |for |if |while |return |try |\}|\)|\/\/|await db\.)/;

/** The code of a line and its trailing `// comment` (outside strings and template literals). */
function split(line: string): [string, string | undefined] {
  let q: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (q) {
      if (ch === '\\') i++;
      else if (ch === q) q = null;
    } else if (ch === "'" || ch === '"' || ch === '`') q = ch;
    else if (ch === '/' && line[i + 1] === '/') return [line.slice(0, i), line.slice(i + 2)];
  }
  return [line, undefined];
}

/** `console.log(x)` with one argument is checked as `x`; several arguments are not checked. */
function checkedExpression(code: string): string | null {
  const m = /^console\.log\(([\s\S]*)\)$/.exec(code);
  if (!m) return code;
  let depth = 0;
  let q: string | null = null;
  for (let i = 0; i < m[1]!.length; i++) {
    const ch = m[1]![i]!;
    if (q) {
      if (ch === '\\') i++;
      else if (ch === q) q = null;
    } else if (ch === "'" || ch === '"' || ch === '`') q = ch;
    else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (ch === ',' && depth === 0) return null;
  }
  return m[1]!;
}

/**
 * The snippet as module code: each expression statement (possibly over several lines) whose last
 * line carries a commented value, or is followed by comment lines starting with `{` or `[`, becomes
 * `await __check(async () => (expr), comment, where)`.
 */
export function instrument(s: Snippet): { code: string; checks: number } {
  const lines = s.code.split('\n');
  const out: string[] = [];
  let checks = 0;
  const base = Number(s.where.split(':').at(-1));
  let start = -1; // first line of the statement being read
  for (let i = 0; i < lines.length; i++) {
    const [code, trailing] = split(lines[i]!);
    if (start < 0) {
      if (code.trim() === '') {
        out.push(lines[i]!);
        continue;
      }
      start = i;
    }
    if (!/;\s*$/.test(code)) {
      if (i === lines.length - 1 || /[{}]\s*$/.test(code)) {
        for (let k = start; k <= i; k++) out.push(lines[k]!);
        start = -1;
      }
      continue;
    }
    // a statement ends on this line
    const first = lines[start]!;
    let comment = trailing;
    let j = i;
    if (comment === undefined && /^\s*\/\/\s*[{[]/.test(lines[i + 1] ?? '')) comment = '';
    const exprLines = lines.slice(start, i + 1).map((l, k) => (k === i - start ? split(l)[0] : l));
    const expr = exprLines.join('\n').trim().replace(/;$/, '');
    const checked = checkedExpression(expr);
    if (comment !== undefined) {
      while (/^\s*\/\//.test(lines[j + 1] ?? '') && (comment.trim() === '' || /[{[(,…]\s*$/.test(comment.trim()) || /^\s*\/\/\s+[}\]]/.test(lines[j + 1]!) || /^\s*\/\/\s{2,}/.test(lines[j + 1]!))) {
        j++;
        comment += ` ${lines[j]!.replace(/^\s*\/\//, '')}`;
      }
    }
    if (NOT_EXPRESSION.test(first) || /^\s*[\w$.[\]'"]+\s*=[^=>]/.test(expr) || comment === undefined || !VALUE_START.test(comment) || checked === null) {
      for (let k = start; k <= i; k++) out.push(lines[k]!);
      start = -1;
      continue;
    }
    const indent = /^\s*/.exec(first)![0];
    out.push(`${indent}await __check(async () => (${checked}), ${JSON.stringify(comment.trim())}, ${JSON.stringify(`${s.where.replace(/:\d+$/, '')}:${base + i + 1}`)});`);
    for (let k = start + 1; k <= j; k++) out.push('');
    checks++;
    start = -1;
    i = j;
  }
  return { code: out.join('\n'), checks };
}

export type Expected =
  | { kind: 'equal'; value: unknown }
  | { kind: 'match'; value: unknown }
  | { kind: 'oneOf'; values: unknown[] }
  | { kind: 'throws'; text: string };

/** The value a comment states, or null when it is prose. */
export function parseExpected(comment: string): Expected | null {
  const c = comment.trim();
  if (/^throws\b/.test(c)) return { kind: 'throws', text: c.replace(/^throws:?\s*/, '') };
  const first = literalAt(c, 0);
  if (!first) return null;
  const values = [first];
  let rest = c.slice(first.end);
  while (/^\s*\|\s*/.test(rest)) {
    const at = c.length - rest.length + /^\s*\|\s*/.exec(rest)![0].length;
    const next = literalAt(c, at);
    if (!next) return null;
    values.push(next);
    rest = c.slice(next.end);
  }
  if (values.length > 1) return { kind: 'oneOf', values: values.map((v) => v.value) };
  return { kind: first.partial ? 'match' : 'equal', value: first.value };
}

function literalAt(c: string, at: number): { value: unknown; end: number; partial: boolean } | null {
  const s = c.slice(at);
  const str = /^(['"])((?:\\.|(?!\1).)*)\1/.exec(s);
  if (str) return { value: withEllipsis(Function(`return ${str[0]}`)()), end: at + str[0].length, partial: str[2]!.includes('…') };
  const num = /^-?\d+(?:\.\d+)?(?:e-?\d+)?(?=$|[\s:;,)])/.exec(s);
  if (num) return { value: Number(num[0]), end: at + num[0].length, partial: false };
  const word = /^(true|false|null|undefined)\b/.exec(s);
  if (word) return { value: word[1] === 'undefined' ? undefined : JSON.parse(word[1]!), end: at + word[0].length, partial: false };
  if (s[0] === '{' || s[0] === '[') {
    const end = matching(s);
    if (end < 0) return null;
    let body = s.slice(0, end + 1);
    // an object lists the properties the reader needs (a subset); an array is whole unless it ends in '…'
    const partial = s[0] === '{' || /…|\.\.\./.test(body.replace(/(['"])(?:\\.|(?!\1).)*\1/g, ''));
    body = body
      .replace(/,\s*(?:…|\.\.\.)\s*(?=[}\]])/g, '')
      .replace(/(?<=[{[])\s*(?:…|\.\.\.)\s*,?/g, '')
      .replace(/([{,])\s*[A-Za-z_$][\w$]*\s*(?=[,}])/g, '$1')
      .replace(/\{\s*,/g, '{')
      .replace(/,\s*,/g, ',');
    try {
      return { value: withEllipsis(Function(`return (${body})`)()), end: at + end + 1, partial };
    } catch {
      return null;
    }
  }
  return null;
}

function matching(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === "'" || ch === '"') {
      const q = ch;
      for (i++; i < s.length && s[i] !== q; i++) if (s[i] === '\\') i++;
    } else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Strings holding '…' become { __ellipsis: RegExp } markers, matched by the runner. */
function withEllipsis(v: unknown): unknown {
  if (typeof v === 'string' && v.includes('…')) return { __ellipsis: new RegExp(`^${v.split('…').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*')}$`) };
  if (Array.isArray(v)) return v.map(withEllipsis);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withEllipsis(x)]));
  return v;
}
