/**
 * Read a Word document's text (đọc văn bản .docx): a .docx is a zip holding `word/document.xml`.
 * A minimal zip reader over `node:zlib` and a minimal reader of WordprocessingML: paragraphs
 * (`w:p`) become lines separated by a blank line, tables (`w:tbl`/`w:tr`/`w:tc`) become
 * markdown rows `| a | b |`, with a merged cell (`w:gridSpan`, `w:vMerge`) repeated as empty
 * cells so the columns stay aligned. No dependency.
 */
import { inflateRawSync } from 'node:zlib';
import { type ErrorTexts, MotcuaError } from '../errors';
import { centralDirectoryOf, findEndOfCentralDirectory, parseCentralDirectory } from './zip';

/** Largest `word/document.xml` read, inflated (a zip bomb declares less and inflates to gigabytes). */
const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;

/** One file of a zip archive, by name (stored or deflated entries), over the shared directory parser. */
function unzip(bytes: Uint8Array, wanted: string): Uint8Array | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bad = (why: ErrorTexts) => new MotcuaError('INVALID_INPUT', { vi: `không đọc được tệp .docx (zip): ${why.vi}`, en: `not a readable .docx (zip): ${why.en}` }, null, 'docx');
  if (b.length < 22 || b.readUInt32LE(0) !== 0x04034b50) throw bad({ vi: 'không có chữ ký zip', en: 'no zip signature' });
  const eocd = findEndOfCentralDirectory(b);
  if (eocd < 0) throw bad({ vi: 'không có bản ghi kết thúc thư mục trung tâm', en: 'no end of central directory' });
  const dir = centralDirectoryOf(b, eocd, b.length, bad);
  const entry = parseCentralDirectory(b.subarray(dir.start, dir.start + dir.size), dir.count, bad).get(wanted);
  if (!entry) return null;
  const local = entry.offset;
  if (local + 30 > b.length || b.readUInt32LE(local) !== 0x04034b50) throw bad({ vi: `mục ${wanted} bị hỏng`, en: `a broken entry ${wanted}` });
  const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
  if (start + entry.compressed > b.length) throw bad({ vi: `mục ${wanted} vượt quá cuối tệp`, en: `the entry ${wanted} runs past the end of the file` });
  const data = b.subarray(start, start + entry.compressed);
  if (entry.method === 0) return data;
  if (entry.method === 8) {
    if (entry.size > MAX_DOCUMENT_BYTES) throw bad({ vi: `${wanted} khai ${entry.size} byte, vượt mức ${MAX_DOCUMENT_BYTES} byte được đọc`, en: `${wanted} declares ${entry.size} bytes, over the ${MAX_DOCUMENT_BYTES} read` });
    try {
      return inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
    } catch (e) {
      const code = (e as { code?: string }).code;
      throw bad(
        code === 'ERR_BUFFER_TOO_LARGE'
          ? { vi: `${wanted} giải nén ra nhiều hơn ${entry.size} byte đã khai (tệp bị hỏng hoặc độc hại)`, en: `${wanted} inflates to more than the ${entry.size} bytes it declares (a damaged or hostile file)` }
          : { vi: `${wanted} không giải nén được: ${(e as Error).message}`, en: `${wanted} does not inflate: ${(e as Error).message}` },
      );
    }
  }
  throw bad({ vi: `${wanted} dùng phương thức nén ${entry.method}`, en: `${wanted} uses compression method ${entry.method}` });
}

/** The five XML entities, null-prototype so `&constructor;` stays text. */
const ENTITIES: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" });
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => (e[0] === '#' ? codePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)), m) : (ENTITIES[e] ?? m)));
/** A numeric character reference, kept as written when it names no Unicode code point (`&#xFFFFFFF;`). */
const codePoint = (n: number, written: string) => (Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : written);

/**
 * The text of a .docx, tables as markdown rows, ready for `checkText`.
 *
 * @throws {MotcuaError} `INVALID_INPUT` when the bytes are not a zip holding `word/document.xml`.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { docxText } from 'motcua/node';
 * import { checkText } from 'motcua/kpi';
 * const check = (path: string) => checkText(docxText(readFileSync(path)));
 * ```
 */
export function docxText(bytes: Uint8Array): string {
  const xml = unzip(bytes, 'word/document.xml');
  if (!xml) throw new MotcuaError('INVALID_INPUT', { vi: 'không phải văn bản Word: tệp zip không có word/document.xml', en: 'not a Word document: the zip holds no word/document.xml' }, null, 'docx');
  const s = Buffer.from(xml).toString('utf8');
  const out: string[] = [];
  // a stack of open tables: rows of cells of paragraphs
  const tables: { rows: string[][]; row: string[] | null; cell: string[] | null; span: number; vcont: boolean }[] = [];
  let para: string | null = null;
  const re = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<(\/?)w:(p|tab|br|cr|tbl|tr|tc|gridSpan|vMerge)\b([^>]*?)(\/?)>/g;
  const flushPara = () => {
    if (para === null) return;
    const text = para.replace(/[ \t]+/g, ' ').trim();
    const t = tables[tables.length - 1];
    if (t?.cell) t.cell.push(text);
    else out.push(text, '');
    para = null;
  };
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m[1] !== undefined) {
      para = (para ?? '') + decode(m[1]);
      continue;
    }
    const [, , close, tag, attrs, selfClose] = m;
    const t = tables[tables.length - 1];
    switch (tag) {
      case 'p':
        if (close) flushPara();
        else if (selfClose) {
          para = '';
          flushPara();
        } else para = '';
        break;
      case 'tab':
        if (para !== null) para += '\t';
        break;
      case 'br':
      case 'cr':
        if (para !== null) para += ' ';
        break;
      case 'tbl':
        if (!close) {
          flushPara();
          tables.push({ rows: [], row: null, cell: null, span: 1, vcont: false });
        } else {
          const done = tables.pop()!;
          const lines = done.rows.map((r) => `| ${r.map((c) => c.replace(/\|/g, '/')).join(' | ')} |`);
          const outer = tables[tables.length - 1];
          if (outer?.cell) outer.cell.push(done.rows.map((r) => r.join(' ')).join(' '));
          else out.push('', ...lines, '');
        }
        break;
      case 'tr':
        if (!t) break;
        if (!close) t.row = [];
        else if (t.row) {
          t.rows.push(t.row);
          t.row = null;
        }
        break;
      case 'tc':
        if (!t) break;
        if (!close) {
          t.cell = [];
          t.span = 1;
          t.vcont = false;
        } else if (t.cell && t.row) {
          flushPara();
          t.row.push(t.vcont ? '' : t.cell.filter(Boolean).join(' '));
          for (let k = 1; k < t.span; k++) t.row.push('');
          t.cell = null;
        }
        break;
      case 'gridSpan': {
        const v = /w:val="(\d+)"/.exec(attrs ?? '');
        if (t && v) t.span = Math.max(1, Number(v[1]));
        break;
      }
      case 'vMerge':
        // <w:vMerge/> or w:val="continue" continues the cell above; w:val="restart" starts one
        if (t && !/w:val="restart"/.test(attrs ?? '')) t.vcont = true;
        break;
    }
  }
  flushPara();
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
