/**
 * `motcua check FILE [--json] [--lang vi|en]`: recompute the figures of a report and say which
 * are wrong. FILE is a report's text (.txt, .md), a Word document (.docx, with its tables), a
 * claims JSON, or `-` for standard input.
 */
import { isMotcuaError, messageOf, MotcuaError } from '../errors';
import { checkReport, checkText, type TextClaim } from '../kpi';
import { docxText } from '../node/docx';
import { decoderFor, encodingOf, sniffEncoding, type TextEncoding } from '../node/text';
import { columnBlocks, commandArgs, usageError, wrap } from './_format';
import { CHECK } from './_messages';
import type { CliIo, Command } from './io';

type Kind = 'claims' | 'docx' | 'text';

function kindOf(file: string, bytes: Uint8Array): Kind {
  const lower = file.toLowerCase();
  if (lower.endsWith('.docx')) return 'docx';
  if (lower.endsWith('.json')) return 'claims';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4) return 'docx';
  const head = new TextDecoder().decode(bytes.subarray(0, 200)).replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('{') ? 'claims' : 'text';
}

async function readInput(io: CliIo, file: string): Promise<Uint8Array> {
  if (file === '-') {
    if (!io.readStdin) throw new Error('standard input is not available');
    return io.readStdin();
  }
  if (io.readBytes) return io.readBytes(file);
  return new TextEncoder().encode(await io.readFile(file));
}

function decodeText(bytes: Uint8Array, file: string, given: TextEncoding | null): string {
  // a byte order mark wins (UTF-8, UTF-16 LE/BE); else the --encoding given; else strict UTF-8
  const sniff = sniffEncoding(bytes.subarray(0, 4096));
  const encoding = sniff.encoding ?? given;
  if (encoding) return decoderFor(encoding).decode(bytes.subarray(sniff.bom), true).normalize('NFC');
  if (sniff.nul) throw new MotcuaError('INVALID_INPUT', { vi: `${file} là tệp nhị phân (hoặc UTF-16 không có dấu thứ tự byte), không phải văn bản báo cáo`, en: `${file} is binary (or UTF-16 without a byte order mark), not a report's text` }, file, file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).normalize('NFC');
  } catch {
    throw new MotcuaError('INVALID_INPUT', { vi: `${file} không phải văn bản UTF-8 (hãy cho --encoding windows-1258 với tệp Windows-1258)`, en: `${file} is not UTF-8 text (give --encoding windows-1258 for a Windows-1258 file)` }, file, file);
  }
}

const T = CHECK;

const viNumber = (x: number) => {
  const [i, f] = String(x).split('.');
  return `${i!.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}${f ? `,${f}` : ''}`;
};
/** A fraction (motcua's rate scale) printed as a percentage with 4 decimals, for display only. */
const percent4 = (v: number) => `${(v * 100).toFixed(4).replace('.', ',')}%`;
const fmtExact = (c: TextClaim) => (c.value !== null ? percent4(c.value) : c.exact === null ? '' : viNumber(c.exact));

function textReport(claims: readonly TextClaim[], lang: 'vi' | 'en'): string {
  const t = T[lang];
  const lines: string[] = [];
  for (const v of ['mismatch', 'match-truncated', 'unverifiable', 'match'] as const) {
    const group = claims.filter((c) => c.verdict === v);
    if (!group.length) continue;
    lines.push(`${t.group[v]} (${group.length})`);
    for (const c of group) {
      const text = c.text.length > 140 ? `${c.text.slice(0, 137)}…` : c.text;
      lines.push(...wrap(`${t.line} ${c.line} · ${t.kind[c.kind]} · ${t.printed} ${c.printed}${fmtExact(c) !== '' ? ` · ${t.exact} ${fmtExact(c)}` : ''}`, '  ', '    '), ...wrap(`“${text}”`, '    ', '     '));
      if (c.hint) lines.push(...wrap(`→ ${c.hint}`, '    ', '      '));
    }
    lines.push('');
  }
  const n = (v: string) => claims.filter((c) => c.verdict === v).length;
  lines.push(claims.length ? t.summary(n('mismatch'), n('match-truncated'), n('unverifiable'), n('match')) : t.none);
  return `${lines.join('\n')}\n`;
}

export const run: Command = async (argv, io) => {
  const flags = commandArgs(io, 'check', { vi: CHECK.vi.usage, en: CHECK.en.usage }, argv, { json: { type: 'boolean' }, encoding: { type: 'string' } });
  if (typeof flags === 'number') return flags;
  const lang = flags.lang;
  const t = T[lang];
  const usage = (io: CliIo, message: string) => usageError(io, 'check', t.usage, message);
  const [file, ...extra] = flags.positionals;
  if (!file) return usage(io, t.missingFile);
  if (extra.length) return usage(io, t.unexpected(extra[0]!));
  const unreadable = (message: string) => {
    io.stderr(`motcua check: ${t.cannotRead(file)}: ${message}\n`);
    return 2;
  };
  let given: TextEncoding | null = null;
  if (flags.values.encoding !== undefined) {
    try {
      given = encodingOf(String(flags.values.encoding));
    } catch (e) {
      return usage(io, messageOf(e, lang));
    }
  }
  let bytes: Uint8Array;
  try {
    bytes = await readInput(io, file);
  } catch (e) {
    return unreadable(messageOf(e, lang));
  }
  const kind = kindOf(file, bytes);
  let text: string;
  try {
    text = kind === 'docx' ? docxText(bytes) : decodeText(bytes, file, given);
  } catch (e) {
    if (isMotcuaError(e)) return unreadable(messageOf(e, lang));
    throw e;
  }

  if (kind === 'claims') {
    let claims: unknown;
    try {
      claims = JSON.parse(text);
    } catch (e) {
      return unreadable(t.notJson((e as Error).message));
    }
    let r: ReturnType<typeof checkReport>;
    try {
      r = checkReport(claims as never, { locale: lang });
    } catch (e) {
      if (isMotcuaError(e)) return unreadable(`${e.code}: ${messageOf(e, lang)}${e.field ? ` (${e.field})` : ''}`);
      throw e;
    }
    const asClaims = [
      ...r.sums.map((s) => ({ line: null, text: `${s.total} = ${s.parts.join(' + ')}`, kind: 'sum', printed: String(s.actual), numerator: null, denominator: null, total: s.actual, parts: null, exact: s.expected, value: null, verdict: s.ok ? 'match' : 'mismatch', hint: s.ok ? null : `${s.difference > 0 ? '+' : ''}${s.difference}` })),
      ...r.rates.map((x) => ({ line: null, text: x.label, kind: 'rate', printed: x.reported, numerator: x.numerator, denominator: x.denominator, total: null, parts: null, exact: null, value: x.value, verdict: x.verdict, hint: x.hint })),
    ];
    if (flags.values.json) {
      const out = {
        claims: asClaims,
        sums: r.sums.map((s) => ({ total: s.total, parts: s.parts, expected: s.expected, actual: s.actual, difference: s.difference, ok: s.ok, standard: s.standard })),
        rates: r.rates.map((x) => ({ label: x.label, numerator: x.numerator, denominator: x.denominator, value: x.value, reported: x.reported, verdict: x.verdict, hint: x.hint })),
        ok: r.ok,
      };
      io.stdout(`${JSON.stringify(out, null, 2)}\n`);
      return r.ok ? 0 : 1;
    }
    const lines: string[] = [];
    if (r.sums.length) {
      lines.push(t.sums, ...columnBlocks([
        t.sumsHead,
        ...r.sums.map((s) => [s.ok ? t.ok : t.wrong, s.total, `${s.parts.join(' + ')}${s.standard ? ' (II.06a)' : ''}`, String(s.expected), String(s.actual), s.difference > 0 ? `+${s.difference}` : String(s.difference)]),
      ], { keep: 2 }), '');
    }
    if (r.rates.length) {
      lines.push(t.rates, ...columnBlocks([
        t.ratesHead,
        ...r.rates.map((x) => [x.verdict === 'match' ? t.ok : x.verdict === 'match-truncated' ? t.okTruncated : x.verdict === 'unverifiable' ? t.unverifiable : t.wrong, x.label, `${x.numerator}/${x.denominator}`, x.value === null ? '-' : percent4(x.value), x.reported]),
      ], { keep: 2 }));
      // the why of each rate, under the table: it is a sentence, too long for a column
      const why = r.rates.filter((x) => x.hint);
      if (why.length) lines.push('', t.why, ...why.flatMap((x) => wrap(`${x.label}: ${x.hint}`, '  ', '    ')));
      lines.push('');
    }
    const wrong = r.sums.filter((s) => !s.ok).length + r.rates.filter((x) => x.verdict === 'mismatch').length;
    lines.push(wrong === 0 ? t.allRight : t.someWrong(wrong));
    io.stdout(`${lines.join('\n')}\n`);
    return r.ok ? 0 : 1;
  }

  const r = checkText(text, { locale: lang });
  if (flags.values.json) {
    io.stdout(`${JSON.stringify({ claims: r.claims }, null, 2)}\n`);
  } else {
    io.stdout(textReport(r.claims, lang));
  }
  return r.ok ? 0 : 1;
};
