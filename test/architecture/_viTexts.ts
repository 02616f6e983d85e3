// Reading the Vietnamese texts of the sources (#19): every expression after a `vi:` key (a string,
// a template, a ternary of them, a table of them), assigned to a `const …Vi` or `const …_VI`, or
// the first argument of the CLI's `table(vi, en)`, with its literal parts and the calls inside it.
// A small scanner of JavaScript expressions: strings, templates with `${…}` (nested to any depth),
// comments, brackets; enough for the sources of motcua, not a parser.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface ViText {
  readonly file: string;
  readonly line: number;
  /** Offset of the expression in the file. */
  readonly start: number;
  /** The whole expression after `vi:`, as written. */
  readonly source: string;
  /** Its literal text: the characters of its strings and templates, with `${…}` as a space. */
  readonly literal: string;
}

/** Index just past the string or template starting at `i` (`s[i]` is the quote). */
function skipQuoted(s: string, i: number): number {
  const q = s[i]!;
  let k = i + 1;
  while (k < s.length) {
    const c = s[k]!;
    if (c === '\\') k += 2;
    else if (c === q) return k + 1;
    else if (q === '`' && c === '$' && s[k + 1] === '{') k = skipExpression(s, k + 2, '}') + 1;
    else if (q !== '`' && c === '\n') return k; // unterminated: stop at the line end
    else k++;
  }
  return k;
}

/**
 * Index of the character that ends the expression starting at `i`: the `close` bracket at depth 0,
 * or (with `close` = ',') a `,` or a closing bracket at depth 0.
 */
export function skipExpression(s: string, i: number, close: string): number {
  let depth = 0;
  let k = i;
  while (k < s.length) {
    const c = s[k]!;
    if (c === '"' || c === "'" || c === '`') k = skipQuoted(s, k);
    else if (c === '/' && s[k + 1] === '/') k = s.indexOf('\n', k) < 0 ? s.length : s.indexOf('\n', k);
    else if (c === '/' && s[k + 1] === '*') k = s.indexOf('*/', k + 2) < 0 ? s.length : s.indexOf('*/', k + 2) + 2;
    else if (c === '(' || c === '[' || c === '{') {
      depth++;
      k++;
    } else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) return k;
      depth--;
      k++;
    } else if (depth === 0 && c === close) return k;
    else k++;
  }
  return k;
}

/**
 * Whether the string starting at `k` is text rather than an operand: not after `=`, `(`, `,`, `[`,
 * `!`, `<`, `>` (a comparison `=== 'array'`, an argument `show(v, 'vi')`, `join(', ')`).
 */
function isText(expr: string, k: number): boolean {
  let j = k - 1;
  while (j >= 0 && /\s/.test(expr[j]!)) j--;
  if (j >= 0 && '=(,[!<>'.includes(expr[j]!)) return false;
  // a key of a table of texts (`'not-applicable': …`), but not the first branch of a ternary (`c ? 'x' : 'y'`)
  let e = skipQuoted(expr, k);
  while (e < expr.length && /\s/.test(expr[e]!)) e++;
  return !(expr[e] === ':' && (j < 0 || expr[j] !== '?'));
}

/**
 * The literal characters of the strings and templates of an expression that are text (`${…}` as
 * a space, but the text strings inside it kept: `${a ? 'x' : 'y'}`; escapes kept as written).
 */
export function literalOf(expr: string): string {
  let out = '';
  let k = 0;
  while (k < expr.length) {
    const c = expr[k]!;
    if ((c === '"' || c === "'" || c === '`') && !isText(expr, k)) k = skipQuoted(expr, k);
    else if (c === '"' || c === "'" || c === '`') {
      const end = skipQuoted(expr, k);
      let j = k + 1;
      while (j < end - 1) {
        if (c === '`' && expr[j] === '$' && expr[j + 1] === '{') {
          const close = skipExpression(expr, j + 2, '}');
          // the literal parts of the strings inside `${…}` belong to the text too (`${a ? 'x' : 'y'}`)
          out += ` ${literalOf(expr.slice(j + 2, close))} `;
          j = close + 1;
        } else {
          out += expr[j];
          j++;
        }
      }
      out += ' ';
      k = end;
    } else k++;
  }
  return out;
}

/** The calls of `name(…)` in an expression, each with its arguments as written (split at depth 0). */
export function callsOf(expr: string, name: string): (string[] & { index: number; end: number })[] {
  const out: (string[] & { index: number; end: number })[] = [];
  const re = new RegExp(`(?<![\\w.$])${name}\\(`, 'g');
  for (const m of expr.matchAll(re)) {
    const args = [] as unknown as string[] & { index: number; end: number };
    let k = m.index + m[0].length;
    for (;;) {
      const end = skipExpression(expr, k, ',');
      args.push(expr.slice(k, end).trim());
      if (expr[end] !== ',') {
        args.end = end; // the closing parenthesis
        break;
      }
      k = end + 1;
    }
    args.index = m.index;
    out.push(args);
  }
  return out;
}

/** The source with its comments blanked (same length, line ends kept): a `vi:` in a JSDoc is not a text. */
export function blankComments(text: string): string {
  let out = '';
  let k = 0;
  while (k < text.length) {
    const c = text[k]!;
    if (c === '"' || c === "'" || c === '`') {
      const end = skipQuoted(text, k);
      out += text.slice(k, end);
      k = end;
    } else if (c === '/' && (text[k + 1] === '/' || text[k + 1] === '*')) {
      const end = text[k + 1] === '/' ? (text.indexOf('\n', k) < 0 ? text.length : text.indexOf('\n', k)) : text.indexOf('*/', k + 2) < 0 ? text.length : text.indexOf('*/', k + 2) + 2;
      out += text.slice(k, end).replace(/[^\n]/g, ' ');
      k = end;
    } else {
      out += c;
      k++;
    }
  }
  return out;
}

/** Every `vi:` text of one source. */
export function viTextsOf(file: string, raw: string): ViText[] {
  const text = blankComments(raw);
  const out: ViText[] = [];
  // `vi: …` in an object of texts, and `const somethingVi = …`, a Vietnamese text built beforehand
  for (const m of text.matchAll(/(?<![\w$.'"])vi\s*:\s*|\b(?:const|let)\s+(?:[a-z]\w*Vi|[A-Z_]+_VI)\b[^=;]*=\s*|\btable\(\s*/g)) {
    const start = m.index + m[0].length;
    const first = text[start];
    // a type (`vi: string`) is not a text; an object (`vi: { head: '…', give: (w) => `…` }`) is a table of texts
    if (first !== '"' && first !== "'" && first !== '`' && first !== '{' && !/^[\w$(]/.test(text.slice(start, start + 1))) continue;
    if (/^(string|number|boolean|readonly|ErrorTexts)\b/.test(text.slice(start))) continue;
    const end = skipExpression(text, start, m[0].startsWith('const') || m[0].startsWith('let') ? ';' : ',');
    const source = text.slice(start, end);
    out.push({ file, line: text.slice(0, m.index).split('\n').length, start, source, literal: literalOf(source) });
  }
  return out;
}

/** Every .ts file under a directory (relative to `root`). */
export function sourcesUnder(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const p = join(dir, name);
    if (statSync(join(root, p)).isDirectory()) out.push(...sourcesUnder(root, p));
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out.sort();
}

/** Every `vi:` text of the sources under `src`. */
export function allViTexts(root: string): ViText[] {
  return sourcesUnder(root, 'src').flatMap((f) => viTextsOf(f, readFileSync(join(root, f), 'utf8')));
}
