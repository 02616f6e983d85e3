/**
 * Text files as offices have them: UTF-8 with or without a BOM, UTF-16 LE/BE with a BOM
 * (detected), Windows-1258 (the Vietnamese Windows code page, by name), decoded in chunks.
 * Windows-1258 writes most tone marks as combining characters after the letter, so its text is
 * normalised to NFC (precomposed), as UTF-8 exports are: `Hộ tịch` compares equal whatever the
 * file's encoding. Node only (`motcua/node`).
 * @module
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { MotcuaError, show } from '../errors';
import { firstInvalidUtf8 } from '../_lib/utf8';

/** The encodings motcua reads. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

const NAMES: Readonly<Record<string, TextEncoding>> = {
  'utf-8': 'utf-8', utf8: 'utf-8', 'utf-16le': 'utf-16le', utf16le: 'utf-16le', 'utf-16be': 'utf-16be', utf16be: 'utf-16be',
  'windows-1258': 'windows-1258', cp1258: 'windows-1258', 'cp-1258': 'windows-1258', win1258: 'windows-1258',
};

/**
 * An encoding name as given on the command line (`utf-8`, `utf-16le`, `utf-16be`, `windows-1258`
 * or `cp1258`), normalised.
 *
 * @throws {MotcuaError} `INVALID_OPTION` for an encoding motcua does not read.
 *
 * @example
 * ```ts
 * import { encodingOf } from 'motcua/node';
 * encodingOf('CP1258'); // 'windows-1258'
 * ```
 */
export function encodingOf(name: string): TextEncoding {
  const e = NAMES[name.trim().toLowerCase()];
  if (e === undefined || !Object.hasOwn(NAMES, name.trim().toLowerCase())) {
    throw new MotcuaError('INVALID_OPTION', { vi: `motcua không đọc bảng mã ${show(name, 'vi')} (motcua đọc utf-8, utf-16le, utf-16be và windows-1258)`, en: `motcua does not read the encoding ${show(name)} (it reads utf-8, utf-16le, utf-16be and windows-1258)` }, name, 'encoding');
  }
  return e;
}

// Windows-1258 bytes 0x80-0xFF (the Unicode consortium's table, as WHATWG encodes it).
const CP1258_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u008a\u2039\u0152\u008d\u008e\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u009a\u203a\u0153\u009d\u009e\u0178' +
  '\u00a0\u00a1\u00a2\u00a3\u00a4\u00a5\u00a6\u00a7\u00a8\u00a9\u00aa\u00ab\u00ac\u00ad\u00ae\u00af' +
  '\u00b0\u00b1\u00b2\u00b3\u00b4\u00b5\u00b6\u00b7\u00b8\u00b9\u00ba\u00bb\u00bc\u00bd\u00be\u00bf' +
  '\u00c0\u00c1\u00c2\u0102\u00c4\u00c5\u00c6\u00c7\u00c8\u00c9\u00ca\u00cb\u0300\u00cd\u00ce\u00cf' +
  '\u0110\u00d1\u0309\u00d3\u00d4\u01a0\u00d6\u00d7\u00d8\u00d9\u00da\u00db\u00dc\u01af\u0303\u00df' +
  '\u00e0\u00e1\u00e2\u0103\u00e4\u00e5\u00e6\u00e7\u00e8\u00e9\u00ea\u00eb\u0301\u00ed\u00ee\u00ef' +
  '\u0111\u00f1\u0323\u00f3\u00f4\u01a1\u00f6\u00f7\u00f8\u00f9\u00fa\u00fb\u00fc\u01b0\u20ab\u00ff';

/** A chunked decoder: bytes in, text out (a character cut between chunks is kept for the next). */
export interface TextDecoderLike {
  decode(bytes: Uint8Array, final: boolean): string;
}

/** Decode Windows-1258 bytes: one byte, one UTF-16 unit (no state across chunks). @internal */
export function decodeCp1258(bytes: Uint8Array): string {
  let start = 0;
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! >= 0x80) {
      if (i > start) parts.push(String.fromCharCode(...bytes.subarray(start, i)));
      parts.push(CP1258_HIGH[bytes[i]! - 0x80]!);
      start = i + 1;
    } else if (i - start >= 4096) {
      parts.push(String.fromCharCode(...bytes.subarray(start, i)));
      start = i;
    }
  }
  if (bytes.length > start) parts.push(String.fromCharCode(...bytes.subarray(start)));
  return parts.join('');
}

/** A decoder for an encoding; the output is NFC for Windows-1258. @internal */
export function decoderFor(encoding: TextEncoding): TextDecoderLike {
  if (encoding === 'windows-1258') {
    // combining marks may end a chunk: keep the last base letter and its marks for the next one
    let carry = '';
    return {
      decode(bytes, final) {
        const text = carry + decodeCp1258(bytes);
        if (final) {
          carry = '';
          return text.normalize('NFC');
        }
        let cut = text.length;
        while (cut > 0 && /[\u0300-\u036f]/.test(text[cut - 1]!)) cut--;
        if (cut > 0) cut--;
        carry = text.slice(cut);
        return text.slice(0, cut).normalize('NFC');
      },
    };
  }
  if (encoding === 'utf-16be') {
    // byte-swap to UTF-16 LE (TextDecoder's utf-16be needs full ICU)
    const le = new TextDecoder('utf-16le', { ignoreBOM: true });
    let odd: number | null = null;
    return {
      decode(bytes, final) {
        let src = bytes;
        if (odd !== null) {
          const joined = new Uint8Array(bytes.length + 1);
          joined[0] = odd;
          joined.set(bytes, 1);
          src = joined;
        }
        const even = src.length & ~1;
        odd = src.length & 1 ? src[src.length - 1]! : null;
        const swapped = new Uint8Array(even);
        for (let i = 0; i < even; i += 2) {
          swapped[i] = src[i + 1]!;
          swapped[i + 1] = src[i]!;
        }
        return le.decode(swapped, { stream: !final });
      },
    };
  }
  const d = new TextDecoder(encoding, { ignoreBOM: true });
  return { decode: (bytes, final) => d.decode(bytes, { stream: !final }) };
}

/** What the first bytes of a file say about its encoding. @internal */
export function sniffEncoding(head: Uint8Array): { encoding: TextEncoding | null; bom: number; nul: boolean } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: 3, nul: false };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2, nul: false };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2, nul: false };
  return { encoding: null, bom: 0, nul: head.subarray(0, 4096).includes(0) };
}

/** How a text file will be read: its encoding and how many BOM bytes to skip. */
export interface TextSource {
  readonly encoding: TextEncoding;
  /** Set when the encoding was found from a byte order mark. */
  readonly detected: boolean;
  readonly bom: number;
}

/**
 * Find a file's encoding: a byte order mark wins (UTF-8, UTF-16 LE/BE); otherwise the one given,
 * else UTF-8. A file without a BOM but with NUL bytes near its start is UTF-16 without a BOM
 * (or not text): that is an error naming the file, rather than a misleading header message.
 *
 * @throws {MotcuaError} `INVALID_INPUT` for NUL bytes without a BOM or an encoding given; or when
 *   the BOM says otherwise than the encoding given.
 *
 * @example
 * ```ts
 * import { textSource } from 'motcua/node';
 * const { encoding } = await textSource('export.csv', 'windows-1258');
 * ```
 */
export async function textSource(path: string, given?: string): Promise<TextSource> {
  const fh = await open(path, 'r');
  let head: Uint8Array;
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    head = buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  const want = given === undefined ? undefined : encodingOf(given);
  const s = sniffEncoding(head);
  if (s.encoding !== null) {
    if (want !== undefined && want !== s.encoding) {
      throw new MotcuaError('INVALID_INPUT', { vi: `${path}: tệp bắt đầu bằng dấu thứ tự byte (BOM) của ${s.encoding}, nhưng --encoding là ${want}`, en: `${path}: the file starts with the byte order mark of ${s.encoding}, but --encoding says ${want}` }, want, 'encoding');
    }
    return { encoding: s.encoding, detected: true, bom: s.bom };
  }
  if (s.nul && (want === undefined || want === 'utf-8' || want === 'windows-1258')) {
    throw new MotcuaError('INVALID_INPUT', { vi: `${path}: tệp có byte NUL và không có dấu thứ tự byte: có vẻ là UTF-16 không có BOM (hãy cho --encoding utf-16le hoặc utf-16be), hoặc không phải tệp văn bản (tệp Excel phải có đuôi .xlsx)`, en: `${path}: the file has NUL bytes and no byte order mark: it looks like UTF-16 without a BOM (give --encoding utf-16le or utf-16be), or is not a text file (a workbook must end in .xlsx)` }, path, 'encoding');
  }
  if (want === undefined) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    } catch {
      // where the first bad sequence starts, its line, and on the header line its column (#14)
      const at = Math.max(0, firstInvalidUtf8(head, 0, head.length));
      let line = 1;
      let lineStart = 0;
      for (let k = 0; k < at; k++) {
        if (head[k] === 10) {
          line++;
          lineStart = k + 1;
        }
      }
      let where = `line ${line}`;
      let whereVi = `dòng ${line}`;
      if (line === 1) {
        const before = new TextDecoder('utf-8').decode(head.subarray(0, at));
        const d = sniffDelimiter(new TextDecoder('utf-8').decode(head));
        let column = 1;
        let quoted = false;
        for (const c of before) {
          if (c === '"') quoted = !quoted;
          else if (c === d && !quoted) column++;
        }
        where = `line 1 (the header), column ${column}`;
        whereVi = `dòng 1 (dòng tiêu đề), cột ${column}`;
      }
      throw new MotcuaError('INVALID_INPUT', { vi: `${path}: byte thứ ${at + 1} (0x${head[at]!.toString(16).toUpperCase().padStart(2, '0')}) không phải UTF-8: hãy cho bảng mã của tệp, ví dụ --encoding windows-1258 cho tệp do một chương trình Windows tiếng Việt lưu (byte nằm ở ${whereVi}, byte thứ ${at - lineStart + 1} của dòng)`, en: `${path}: byte ${at + 1} (0x${head[at]!.toString(16).toUpperCase().padStart(2, '0')}) is not UTF-8: give the file's encoding, e.g. --encoding windows-1258 for a file saved by a Vietnamese Windows program (the byte is on ${where}, byte ${at - lineStart + 1} of the line)` }, path, 'encoding');
    }
  }
  return { encoding: want ?? 'utf-8', detected: false, bom: 0 };
}

/**
 * The text of a file in chunks, decoded (NFC for Windows-1258), the BOM left out.
 *
 * @example
 * ```ts
 * import { textChunks, textSource } from 'motcua/node';
 * for await (const chunk of textChunks('export.csv', await textSource('export.csv'))) console.log(chunk.length);
 * ```
 */
export async function* textChunks(path: string, source: TextSource, onBytes?: (n: number) => void): AsyncGenerator<string> {
  const d = decoderFor(source.encoding);
  for await (const c of createReadStream(path, { start: source.bom, highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    onBytes?.(c.length);
    const t = d.decode(c, false);
    if (t) yield t;
  }
  const t = d.decode(new Uint8Array(0), true);
  if (t) yield t;
}

/**
 * The delimiter of a CSV header line: the one of `,` `;` and tab found most often outside
 * quotes, `,` when none is.
 *
 * @example
 * ```ts
 * import { sniffDelimiter } from 'motcua/node';
 * sniffDelimiter('MaHoSo;MaTTHC;NgayTiepNhan'); // ';'
 * ```
 */
export function sniffDelimiter(headerLine: string): ',' | ';' | '\t' {
  const n: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const c of headerLine) {
    if (c === '"') quoted = !quoted;
    else if (c === '\n' || c === '\r') {
      if (!quoted) break;
    } else if (!quoted && (c === ',' || c === ';' || c === '\t')) n[c]!++;
  }
  const best = (Object.keys(n) as (',' | ';' | '\t')[]).reduce((a, b) => (n[b]! > n[a]! ? b : a), ',');
  return n[best]! > 0 ? best : ',';
}

/** The first line of a text file (up to 64 KiB), decoded. @internal */
export async function firstLine(path: string, source: TextSource): Promise<string> {
  let text = '';
  for await (const c of textChunks(path, source)) {
    text += c;
    if (/[\r\n]/.test(text) || text.length > 65_536) break;
  }
  return text;
}
