/** @internal Shared printing helpers of the CLI commands. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { clip, type ErrorTexts } from '../errors';
import { reasonTexts } from '../kpi/reasonTexts';
import type { CliIo } from './io';

/** Weekday names as the CLI prints them (what date-fns' `vi` and `en-US` locales printed before 0.2). */
const WEEKDAYS: Readonly<Record<'vi' | 'en', readonly string[]>> = {
  vi: ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

/**
 * A civil date `YYYY-MM-DD` as `Thứ Hai 16/02/2026`.
 *
 * The weekday comes from the civil date alone (`Date.UTC`, read back in UTC), never from the host
 * time zone. No date library: date-fns (28 MB installed) was a runtime dependency for this line.
 */
export function viDate(civil: string): string {
  return civilDate(civil, 'vi');
}

/** A civil date `YYYY-MM-DD` as `Thứ Hai 16/02/2026` (vi) or `Monday 16/02/2026` (en); see {@link viDate}. */
export function civilDate(civil: string, lang: Lang): string {
  const y = Number(civil.slice(0, 4));
  const m = Number(civil.slice(5, 7));
  const d = Number(civil.slice(8, 10));
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${WEEKDAYS[lang][weekday]} ${civil.slice(8, 10)}/${civil.slice(5, 7)}/${civil.slice(0, 4)}`;
}

/** The languages of the CLI's human-readable output: Vietnamese (the default) and English. */
export type Lang = 'vi' | 'en';

/**
 * The text of a warning, a refusal or an issue in the language: its `texts[lang]` when it carries
 * them (#19), else its `message` (English).
 */
export function textIn(x: { readonly message: string; readonly texts?: Partial<ErrorTexts> }, lang: Lang): string {
  const t = x.texts?.[lang];
  return typeof t === 'string' ? t : x.message;
}

/** A rejected row's reason in the language: its `texts`, or the English reason put into Vietnamese by the reasons table. */
export function reasonIn(r: { readonly reason: string; readonly texts?: ErrorTexts }, lang: Lang): string {
  return (r.texts ?? reasonTexts(r.reason))[lang];
}

/** A command's usage text in each language. */
export type Usage = Readonly<Record<Lang, string>>;

/** The widest line the text output of a command prints (an officer's 100-column terminal). */
export const MAX_WIDTH = 100;

/**
 * East Asian wide and fullwidth ranges (two columns), enough for what a report may quote
 * (CJK ideographs, kana, hangul, fullwidth forms, emoji).
 */
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1F64F}\u{1F900}-\u{1F9FF}\u{20000}-\u{3FFFD}]/u;
/** Code points that take no column: combining marks, zero-width characters, controls. */
const ZERO = /[\p{Mn}\p{Me}\u200B-\u200F\u2060\uFEFF\p{Cc}]/u;

/**
 * The columns a string takes in a terminal, after NFC normalisation: a precomposed Vietnamese
 * letter (ệ, ữ) is one column, a combining mark left over zero, a CJK ideograph two.
 */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text.normalize('NFC')) w += ZERO.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1;
  return w;
}

/** `text` padded with spaces to `width` display columns. */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Rows as text columns separated by two spaces, the last column unpadded. */
export function columns(rows: readonly (readonly string[])[]): string[] {
  const width: number[] = [];
  for (const r of rows) r.forEach((c, i) => (width[i] = Math.max(width[i] ?? 0, displayWidth(c))));
  return rows.map((r) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : padEnd(c, width[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

/**
 * A wide table as blocks of columns that each fit `maxWidth`: the first `keep` columns (the
 * row's name) are repeated in every block, the others go left to right into as many blocks as
 * needed, a blank line between blocks. A table that fits is printed as {@link columns} does.
 */
export function columnBlocks(rows: readonly (readonly string[])[], options: { maxWidth?: number; keep?: number; indent?: string } = {}): string[] {
  const max = options.maxWidth ?? MAX_WIDTH;
  const keep = options.keep ?? 1;
  const indent = options.indent ?? '';
  const n = Math.max(0, ...rows.map((r) => r.length));
  const width = Array.from({ length: n }, (_, i) => Math.max(0, ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const fixed = width.slice(0, keep).reduce((a, b) => a + b + 2, displayWidth(indent));
  const blocks: number[][] = [];
  let cur: number[] = [];
  let used = fixed;
  for (let i = keep; i < n; i++) {
    if (cur.length > 0 && used + width[i]! > max) {
      blocks.push(cur);
      cur = [];
      used = fixed;
    }
    cur.push(i);
    used += width[i]! + 2;
  }
  if (cur.length > 0 || blocks.length === 0) blocks.push(cur);
  const out: string[] = [];
  blocks.forEach((b, k) => {
    if (k > 0) out.push('');
    const idx = [...Array.from({ length: keep }, (_, i) => i), ...b];
    out.push(...columns(rows.map((r) => idx.map((i) => r[i] ?? ''))).map((l) => `${indent}${l}`.trimEnd()));
  });
  return out;
}

/**
 * `text` broken at spaces into lines of at most `maxWidth` display columns, the first line
 * starting with `first` and the others with `rest` (a word longer than a line is cut).
 */
export function wrap(text: string, first = '', rest = first, maxWidth = MAX_WIDTH): string[] {
  const out: string[] = [];
  let line = first;
  let empty = true;
  for (let word of text.split(/ +/)) {
    if (!empty && displayWidth(line) + 1 + displayWidth(word) > maxWidth) {
      out.push(line);
      line = rest;
      empty = true;
    }
    while (displayWidth((empty ? line : `${line} `) + word) > maxWidth && word.length > 1) {
      // a word longer than the line: cut it
      const room = maxWidth - displayWidth(empty ? line : `${line} `);
      const chars = [...word];
      let k = 0;
      let w = 0;
      while (k < chars.length && w + displayWidth(chars[k]!) <= room) w += displayWidth(chars[k++]!);
      if (k === 0) break;
      out.push((empty ? line : `${line} `) + chars.slice(0, k).join(''));
      line = rest;
      empty = true;
      word = chars.slice(k).join('');
    }
    line = empty ? line + word : `${line} ${word}`;
    empty = false;
  }
  out.push(line);
  return out;
}

/** A usage error: the command prints it with where its help is, and exits 2. */
export class UsageError extends Error {}

/** Run `f` (e.g. `node:util` parseArgs), turning its errors into {@link UsageError}. */
export function asUsage<R>(f: () => R): R {
  try {
    return f();
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

/** The longest usage message printed: it may quote an argument, which may be long (#14). */
const MAX_USAGE_MESSAGE = 400;

/**
 * Print a command's usage error and where its help is (`Xem: motcua report --help`), not the
 * help itself, and return the exit code 2. The message is cut to one bounded line (it may quote
 * an argument). `--help` prints the whole help.
 */
export function usageError(io: CliIo, command: string, usage: string, message: string, help = `motcua ${command} --help`): number {
  // the error and where the help is, not the whole help (#14): the error must not drown in it;
  // the language is the usage text's (every usage starts "Usage" in English)
  const see = /^\s*Usage\b/.test(usage) ? 'See' : 'Xem';
  io.stderr(`motcua ${command}: ${clip(message.replace(/[\r\n]+/g, ' '), MAX_USAGE_MESSAGE)}\n${see}: ${help}\n`);
  return 2;
}

/**
 * The `--lang` of an argument list (`--lang en`, `--lang=en`; the last one wins), `vi` without
 * one, or the usage message when its value is not `vi` or `en` (in both languages: which one
 * was meant is not known).
 */
export function langOf(argv: readonly string[]): { lang: Lang; error?: string } {
  let lang: string | undefined;
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k]!;
    if (a === '--') break;
    if (a === '--lang') lang = argv[++k] ?? '';
    else if (a.startsWith('--lang=')) lang = a.slice('--lang='.length);
  }
  if (lang === undefined || lang === 'vi' || lang === 'en') return { lang: lang ?? 'vi' };
  return { lang: 'vi', error: `--lang phải là vi hoặc en (--lang must be vi or en), không phải (got) ${JSON.stringify(lang)}` };
}

/** The arguments without `--lang X` / `--lang=X` (up to a `--`). */
export function withoutLang(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k]!;
    if (a === '--') {
      out.push(...argv.slice(k));
      break;
    }
    if (a === '--lang') k++;
    else if (!a.startsWith('--lang=')) out.push(a);
  }
  return out;
}

/** node:util parseArgs' messages in Vietnamese, for the common mistakes. */
function parseArgsMessage(e: unknown, lang: Lang): string {
  const m = e instanceof Error ? e.message : String(e);
  if (lang === 'en') return m;
  const code = (e as { code?: unknown }).code;
  let x: RegExpExecArray | null;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && (x = /^Unknown option '([^']*)'/.exec(m))) return `không có tùy chọn '${x[1]}' (unknown option)`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && (x = /^Option '([^']*)' argument missing/.exec(m))) return `tùy chọn '${x[1]}' thiếu giá trị (argument missing)`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && (x = /^Option '([^']*)' does not take an argument/.exec(m))) return `tùy chọn '${x[1]}' không nhận giá trị (does not take an argument)`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' && (x = /^Unexpected argument '([^']*)'/.exec(m))) return `đối số thừa '${x[1]}' (unexpected argument)`;
  return m;
}

/**
 * Parse a command's flags with `node:util` parseArgs (strict; `--help`/`-h` and `--lang vi|en`
 * added). On a usage error or `--help`, print (in the language asked for) and return the exit
 * code (2 or 0) instead of the flags.
 */
export function commandArgs<O extends NonNullable<ParseArgsConfig['options']>>(
  io: CliIo,
  command: string,
  usage: string | Usage,
  argv: string[],
  options: O,
): { values: { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string }; positionals: string[]; lang: Lang } | number {
  const { lang, error } = langOf(argv);
  const text = typeof usage === 'string' ? usage : usage[lang];
  if (error !== undefined) return usageError(io, command, text, error);
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { ...options, help: { type: 'boolean', short: 'h' }, lang: { type: 'string' } } });
  } catch (e) {
    return usageError(io, command, text, parseArgsMessage(e, lang));
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.stdout(text);
    return 0;
  }
  return { ...(parsed as never as { values: never; positionals: string[] }), lang };
}

/** One CSV cell (RFC 4180): quoted when it holds a quote, comma or line break; null is empty. */
export function csvCell(v: string | number | boolean | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
