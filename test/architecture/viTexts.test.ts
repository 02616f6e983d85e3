// The Vietnamese texts of the sources, read as written (#19): every expression after a `vi:` key in
// src, assigned to a `const …Vi` or a table `const …_VI`, or first argument of the CLI's
// `table(vi, en)`. (1) A value quoted in a Vietnamese text goes through show(…, 'vi') /
// clip(…, …, 'vi'), so a long value is cut with "… (N ký tự)", not "… (N characters)". (2) No
// English word is left untranslated: the literal parts are searched for common English words, once
// the parts that are data rather than language are gone (quoted values, `{ shapes }`, commands and
// --flags, a code named in parentheses, dotted paths like options.field, alternatives like a|b,
// lists without spaces, upper-case names like SQL's, a field prefix `period:`, a key of a table).
// Option and field names written bare are listed below, file by file. (3) No Vietnamese word is
// written without its marks, and the texts are NFC and put the tone mark the modern way (hóa,
// thủy), as the rest of motcua does.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCalendar, messageOf } from '../../src/calendar/index';
import { allViTexts, callsOf, viTextsOf } from './_viTexts';
import type { ViText } from './_viTexts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const TEXTS = allViTexts(root);

/** English words that a Vietnamese text never needs (none is also a Vietnamese syllable). */
const ENGLISH = [
  'expected', 'got', 'must', 'invalid', 'missing', 'line', 'lines', 'column', 'columns', 'file', 'files', 'row', 'rows', 'field', 'value', 'values',
  'unknown', 'error', 'not', 'the', 'and', 'or', 'of', 'is', 'are', 'with', 'without', 'should', 'cannot', 'empty', 'needs', 'need', 'number',
  'string', 'date', 'days', 'day', 'working', 'procedure', 'dossier', 'event', 'events', 'header', 'sheet', 'cell', 'too', 'many', 'more', 'less',
  'than', 'between', 'from', 'was', 'has', 'have', 'record', 'records', 'limit', 'option', 'options', 'period', 'report', 'count', 'total', 'key',
  'keys', 'name', 'code', 'type', 'list', 'array', 'object', 'found', 'given', 'use', 'pass', 'read', 'table', 'only', 'either', 'duplicate',
  'outside', 'before', 'after', 'which', 'when', 'there', 'this', 'that', 'will', 'would', 'because', 'allowed', 'required', 'unsupported',
];

/** Vietnamese words written without their marks (khong for không…): none is a word as it stands. */
const UNMARKED = ['khong', 'duoc', 'phai', 'cua', 'cac', 'mot', 'hoac', 'nguoi', 'viec', 'nhung', 'ngoai', 'truoc', 'dong', 'tep', 'loi'];

/**
 * Option, key and value names a Vietnamese text writes bare (not quoted): file → names. Each is the
 * name of something the user types (a key of a mapping file, a --group-by value, a CLI command).
 */
const BARE_NAMES: Readonly<Record<string, readonly string[]>> = {
  'src/cli/_mappingFile.ts': ['columns', 'values'], // the keys of a mapping file: preset, columns, values, dateFormat
  'src/cli/report.ts': ['field', 'procedure', 'table'], // --group-by field, procedure; --format table
  'src/cli/_messages.ts': ['field', 'procedure', 'table', 'report'], // --group-by field, procedure; --format table; motcua sql report|table
  'src/kpi/_lib/values.ts': ['values'], // the option `values` and its maps
};

/** The literal text of a Vietnamese text without what is data rather than language. */
function language(t: ViText): string {
  return t.literal
    .replace(/"[^"]*"|“[^”]*”|`[^`]*`/g, ' ') // quoted values and names
    .replace(/\{[^}]*\}/g, ' ') // shapes { amount, unit }
    .replace(/\bmotcua(?: (?:sql|calendar))? [a-z]+\b/g, ' ') // a command: motcua report, motcua sql table
    .replace(/--[\w-]+/g, ' ') // CLI flags
    .replace(/[\w-]+(?:,[\w-]+)+/g, ' ') // a header row or list written without spaces: date,working,kind
    .replace(/\b[A-Z]{2,}\b/g, ' ') // SQL and other upper-case names: CREATE TABLE, NDJSON
    .replace(/\(\s*[^\s()]+\s*\)/g, ' '); // a code named in parentheses: (online), (by)
}

/** The English words of a Vietnamese text (names next to `.`, `[`, `|`, `<…>`, or before `:` are names, not words). */
function englishWords(t: ViText): string[] {
  const re = new RegExp(`(?<![\\p{L}\\p{N}_\\-./<[|])(${ENGLISH.join('|')})(?![\\p{L}\\p{N}_\\-(|>:]|\\.[\\p{L}[])`, 'giu');
  const allowed = new Set(BARE_NAMES[t.file] ?? []);
  return [...language(t).matchAll(re)].map((m) => m[1]!).filter((w) => !allowed.has(w));
}

/** The calls to show / clip of a Vietnamese text that would word a cut value in English. */
function englishShows(t: ViText): string[] {
  const bad: string[] = [];
  for (const a of callsOf(t.source, 'show')) if (a.length < 2 || a[1] === "'en'") bad.push(`show(${a.join(', ')})`);
  for (const a of callsOf(t.source, 'clip')) if (a.length < 3 || a[2] === "'en'") bad.push(`clip(${a.join(', ')})`);
  return bad;
}

const where = (t: ViText) => `${t.file}:${t.line}`;

describe('the scanner of Vietnamese texts', () => {
  it('finds the texts of every module (strings, templates, ternaries), not those of comments or types', () => {
    expect(TEXTS.length).toBeGreaterThan(400);
    for (const dir of ['calendar', 'procedure', 'schema', 'dossier', 'kpi', 'node', 'sql', 'cli']) expect(TEXTS.some((t) => t.file.startsWith(`src/${dir}/`)), dir).toBe(true);
    const sample = [
      '/** texts { vi: the English here is a comment } */',
      'interface T { readonly vi: string }',
      "throw new MotcuaError('X', { vi: `cần số, nhận được ${show(v)}`, en: `expected a number, got ${show(v)}` }, v);",
      "const t = { en: 'x', vi: ok ? `tệp ${clip(name, 40)} hợp lệ` : 'the file is missing' };",
      "const headVi = xs.map((x) => `  - ${show(x)}`).join('\\n'), n = 1;",
      'const head = xs.map((x) => show(x));',
      "export const MSG = table({ usage: 'Cách dùng: motcua report --sample', bad: 'the row' }, { usage: 'Usage: motcua report --sample', bad: 'the row' });",
      "const END_VI: Record<string, string> = { resolved: 'giải quyết xong', 'not-known': 'unknown' };",
    ].join('\n');
    const found = viTextsOf('sample.ts', sample);
    expect(found.map((t) => t.line)).toEqual([3, 4, 5, 7, 8]);
    expect(found.map(englishShows)).toEqual([['show(v)'], ['clip(name, 40)'], ['show(x)'], [], []]);
    expect(found.map(englishWords)).toEqual([[], ['the', 'file', 'is', 'missing'], [], ['the', 'row'], ['unknown']]);
  });

  it('reads a comparison or an argument as code, a branch of a ternary as text', () => {
    const [t] = viTextsOf('s.ts', "x = { vi: `cần ${i.origin === 'array' ? `${n} mục` : 'một giá trị'}, ${xs.join(', ')}` };");
    expect(t!.literal).toContain('mục');
    expect(t!.literal).toContain('một giá trị');
    expect(t!.literal).not.toContain('array');
  });
});

describe('Vietnamese texts in src (#19)', () => {
  it('every value they quote is shown the Vietnamese way: show(v, \'vi\'), clip(s, n, \'vi\')', () => {
    const bad = TEXTS.flatMap((t) => englishShows(t).map((c) => `${where(t)}: ${c}`));
    expect(bad).toEqual([]);
  });

  it('a long value in a Vietnamese error text is cut with its length in ký tự', () => {
    const long = 'x'.repeat(150);
    let e: unknown;
    try {
      createCalendar({ extraDaysOff: [long] });
    } catch (x) {
      e = x;
    }
    expect(messageOf(e)).toContain('… (150 ký tự)');
    expect(messageOf(e, 'en')).toContain('… (150 characters)');
  });

  it('no English word left untranslated (names of options and fields written bare are listed file by file)', () => {
    const bad = TEXTS.flatMap((t) => {
      const w = englishWords(t);
      return w.length === 0 ? [] : [`${where(t)}: ${w.join(', ')}: ${t.literal.replace(/\s+/g, ' ').trim().slice(0, 100)}`];
    });
    expect(bad).toEqual([]);
  });

  it('the listed bare names are still there (a list that outlives its text would hide a new English word)', () => {
    for (const [file, names] of Object.entries(BARE_NAMES)) {
      const texts = TEXTS.filter((t) => t.file === file).map(language).join(' ');
      for (const n of names) expect(new RegExp(`\\b${n}\\b`).test(texts), `${file}: ${n}`).toBe(true);
    }
  });

  it('no Vietnamese word written without its marks', () => {
    const re = new RegExp(`(?<![\\p{L}\\p{N}_\\-./])(${UNMARKED.join('|')})(?![\\p{L}\\p{N}_\\-.])`, 'giu');
    const bad = TEXTS.flatMap((t) => [...language(t).matchAll(re)].map((m) => `${where(t)}: ${m[1]}`));
    expect(bad).toEqual([]);
  });

  it('NFC, with the tone mark on the main vowel (hóa, hòa, thủy; not hoá, hoà, thuỷ)', () => {
    expect(TEXTS.filter((t) => t.literal.normalize('NFC') !== t.literal).map(where)).toEqual([]);
    const old = /(?<![qQ])(?:o[àáảãạ]|o[èéẻẽẹ]|u[ỳýỷỹỵ])(?!\p{L})/u;
    expect(TEXTS.filter((t) => old.test(t.literal)).map((t) => `${where(t)}: ${old.exec(t.literal)![0]}`)).toEqual([]);
  });
});
