/**
 * .xlsx workbooks (Node only, `motcua/node`): read a sheet's rows as a stream, so a workbook of a
 * million dossiers never sits in memory; write small workbooks (the reports). Built on
 * `node:zlib` and a reader of the few XML elements a sheet uses, with no dependency.
 * @module
 */
import { MotcuaError, show } from '../errors';
import type { CsvRow } from '../kpi/csv';
import { type ColumnMapping, type CsvHeader, emptyInputError, readHeader, type ReadResult, readRow, type ValueOptions } from '../kpi/readRecords';
import { createZipWriter, type ZipEntry, zipEntries, zipEntryChunks } from './zip';

const ENTITY: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text to a string: entities, character references, and OOXML's `_xHHHH_` escapes. @internal */
export function xmlText(s: string): string {
  let t = s.includes('&')
    ? s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => (e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITY[e]!))
    : s;
  if (t.includes('_x')) t = t.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return t;
}

/** A column letter (A, B, …, AA) as a 0-based index, and back. @internal */
export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

/** The letters of a 0-based column index. @internal */
export function columnLetters(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The text of each `<si>` (rich text runs joined, phonetic runs left out). */
function stringItem(si: string): string {
  const body = si.includes('<rPh') ? si.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : si;
  let out = '';
  const re = /<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body)) !== null) out += m[1] === undefined ? '' : xmlText(m[1]);
  return out;
}

async function* textOf(path: string, entry: ZipEntry): AsyncGenerator<string> {
  const d = new TextDecoder('utf-8');
  for await (const b of zipEntryChunks(path, entry)) yield d.decode(b, { stream: true });
  const t = d.decode();
  if (t) yield t;
}

/** Elements `<tag …>…</tag>` (or `<tag …/>`) of an XML stream, one at a time, as text. */
async function* elements(chunks: AsyncIterable<string>, tag: string): AsyncGenerator<string> {
  const open = `<${tag}`;
  const close = `</${tag}>`;
  let buf = '';
  for await (const c of chunks) {
    buf += c;
    let p = 0;
    for (;;) {
      let i = buf.indexOf(open, p);
      while (i >= 0) {
        const next = buf.charCodeAt(i + open.length);
        if (next === 32 || next === 62 || next === 47 || next === 9 || next === 10 || next === 13) break;
        if (Number.isNaN(next)) break;
        i = buf.indexOf(open, i + 1);
      }
      if (i < 0) {
        // keep a possible partial "<tag" at the end
        p = Math.max(p, buf.length - open.length);
        break;
      }
      const gt = buf.indexOf('>', i);
      if (gt < 0) {
        p = i;
        break;
      }
      if (buf.charCodeAt(gt - 1) === 47) {
        yield buf.slice(i, gt + 1);
        p = gt + 1;
        continue;
      }
      const end = buf.indexOf(close, gt);
      if (end < 0) {
        p = i;
        break;
      }
      yield buf.slice(i, end + close.length);
      p = end + close.length;
    }
    buf = buf.slice(p);
  }
}

/** The sheets of a workbook in their order, with the zip entry of each. */
async function sheetsOf(path: string, entries: Map<string, ZipEntry>): Promise<{ name: string; entry: string }[]> {
  const read = async (name: string) => {
    const e = entries.get(name);
    if (!e) return null;
    let s = '';
    for await (const c of textOf(path, e)) s += c;
    return s;
  };
  const wb = await read('xl/workbook.xml');
  if (wb === null) throw new MotcuaError('INVALID_INPUT', { vi: `${path}: tệp zip không có xl/workbook.xml không phải tệp Excel .xlsx`, en: `${path}: a zip file without xl/workbook.xml is not an .xlsx workbook` }, path, 'xlsx');
  const rels = (await read('xl/_rels/workbook.xml.rels')) ?? '';
  const target = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[1]!)?.[1];
    const t = /\bTarget="([^"]*)"/.exec(m[1]!)?.[1];
    if (id && t) target.set(id, t.startsWith('/') ? t.slice(1) : `xl/${t}`);
  }
  const out: { name: string; entry: string }[] = [];
  for (const m of wb.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const name = xmlText(/\bname="([^"]*)"/.exec(m[1]!)?.[1] ?? '');
    const rid = /\br:id="([^"]*)"/.exec(m[1]!)?.[1] ?? /\bid="([^"]*)"/.exec(m[1]!)?.[1] ?? '';
    const entry = target.get(rid);
    if (entry) out.push({ name, entry });
  }
  return out;
}

/**
 * The shared strings of a workbook, packed: their UTF-8 bytes in one buffer and where each
 * starts. A million unique dossier codes take about 30 MB this way, not the 100+ MB of a
 * million JS strings (each a slice keeping its parent chunk alive). Strings are decoded when a
 * cell uses them, through a small cache for the values that repeat (fields, agencies, levels).
 */
class SharedStrings {
  private bytes = Buffer.allocUnsafe(1 << 16);
  private used = 0;
  private starts = new Int32Array(1024);
  private count = 0;
  private cache = new Map<number, string>();

  push(s: string): void {
    const need = Buffer.byteLength(s, 'utf8');
    if (this.used + need > this.bytes.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + need));
      this.bytes.copy(bigger, 0, 0, this.used);
      this.bytes = bigger;
    }
    if (this.count + 2 > this.starts.length) {
      const more = new Int32Array(this.starts.length * 2);
      more.set(this.starts);
      this.starts = more;
    }
    this.starts[this.count] = this.used;
    this.used += this.bytes.write(s, this.used, 'utf8');
    this.count++;
    this.starts[this.count] = this.used;
  }

  get(i: number): string | undefined {
    if (!Number.isInteger(i) || i < 0 || i >= this.count) return undefined;
    let s = this.cache.get(i);
    if (s === undefined) {
      s = this.bytes.toString('utf8', this.starts[i]!, this.starts[i + 1]!);
      if (this.cache.size >= 4096) this.cache.clear();
      this.cache.set(i, s);
    }
    return s;
  }
}

/** One row of a sheet: its row number and its cells as text (missing cells empty). */
export interface SheetRow {
  readonly row: number;
  readonly cells: string[];
}

/** Which sheet to read, and where it is. */
export interface SheetInfo {
  readonly name: string;
  readonly names: readonly string[];
}

/**
 * The rows of one sheet of an .xlsx workbook, streamed: the first sheet, or the one named.
 * Cells are text as stored: shared and inline strings, numbers as written (a date is its serial
 * day number, which the record readers accept), booleans `1`/`0`, formulas by their cached
 * value, errors (`#N/A`) as text. Rows that hold no value at all (formatting only) are skipped;
 * missing cells within a row are empty. The shared strings are held in memory.
 *
 * @throws {MotcuaError} `INVALID_INPUT` when the file is not a workbook or the sheet is missing (naming the sheets).
 *
 * @example
 * ```ts
 * import { sheetRows } from 'motcua/node';
 * for await (const r of sheetRows('export.xlsx', { sheet: 'Hồ sơ' })) console.log(r.row, r.cells);
 * ```
 */
export async function* sheetRows(path: string, options: { sheet?: string; onSheet?: (info: SheetInfo) => void } = {}): AsyncGenerator<SheetRow> {
  const entries = await zipEntries(path);
  const sheets = await sheetsOf(path, entries);
  if (sheets.length === 0) throw new MotcuaError('INVALID_INPUT', { vi: `${path}: tệp Excel không có trang tính nào`, en: `${path}: the workbook has no sheet` }, path, 'sheet');
  const chosen = options.sheet === undefined ? sheets[0]! : sheets.find((s) => s.name === options.sheet) ?? sheets.find((s) => s.name.normalize('NFC').toLowerCase() === options.sheet!.normalize('NFC').toLowerCase());
  if (!chosen) throw new MotcuaError('INVALID_INPUT', { vi: `${path}: không có trang tính ${show(options.sheet, 'vi')}; các trang tính là ${sheets.map((s) => show(s.name, 'vi')).join(', ')}`, en: `${path}: there is no sheet ${show(options.sheet)}; the sheets are ${sheets.map((s) => show(s.name)).join(', ')}` }, options.sheet, 'sheet');
  options.onSheet?.({ name: chosen.name, names: sheets.map((s) => s.name) });
  const entry = entries.get(chosen.entry);
  if (!entry) throw new MotcuaError('INVALID_INPUT', { vi: `${path}: tệp Excel thiếu trang tính ${show(chosen.name, 'vi')} (${chosen.entry})`, en: `${path}: the sheet ${show(chosen.name)} is missing from the workbook (${chosen.entry})` }, chosen.name, 'sheet');
  const strings = new SharedStrings();
  const sst = entries.get('xl/sharedStrings.xml');
  if (sst) for await (const si of elements(textOf(path, sst), 'si')) strings.push(stringItem(si));
  const cellRe = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  let last = 0;
  for await (const rowXml of elements(textOf(path, entry), 'row')) {
    const rAttr = /^<row\b[^>]*?\br="(\d+)"/.exec(rowXml);
    const rowNo = rAttr ? Number(rAttr[1]) : last + 1;
    last = rowNo;
    const cells: string[] = [];
    let any = false;
    let col = -1;
    cellRe.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = cellRe.exec(rowXml)) !== null) {
      const attrs = m[1]!;
      const ref = /\br="([A-Z]+)\d*"/.exec(attrs);
      col = ref ? columnIndex(ref[1]!) : col + 1;
      const body = m[2];
      if (body === undefined) continue;
      const t = /\bt="(\w+)"/.exec(attrs)?.[1];
      let v: string;
      if (t === 'inlineStr') v = stringItem(body);
      else {
        const vm = /<v\b[^>]*>([\s\S]*?)<\/v>/.exec(body);
        if (!vm) continue;
        v = xmlText(vm[1]!);
        if (t === 's') {
          const s = strings.get(Number(v));
          if (s === undefined) throw new MotcuaError('INVALID_INPUT', { vi: `${path}: trang tính ${show(chosen.name, 'vi')}, ô ${columnLetters(col)}${rowNo}: chuỗi dùng chung ${v} không tồn tại`, en: `${path}: sheet ${show(chosen.name)}, cell ${columnLetters(col)}${rowNo}: shared string ${v} does not exist` }, v, 'xlsx');
          v = s;
        }
      }
      while (cells.length < col) cells.push('');
      cells[col] = v;
      if (v !== '') any = true;
    }
    if (any) yield { row: rowNo, cells };
  }
}

/**
 * Read dossier records from a sheet of an .xlsx workbook, streamed (đọc tệp Excel): the first
 * row with a value is the header, each later row a record or a rejection, exactly as
 * `readRecordBatches` reads a CSV (same mapping, value maps, dates, checks and reasons). A
 * rejection's `line` is the sheet's row number, and its reason starts with the cell
 * (`cell G14: receivedOn …`) when one cell is at fault.
 *
 * @param options - `sheet` (default the first), `mapping`, `values`, `dateFormat` as for `readRecords`,
 *   `onSheet` told which sheet is read.
 * @throws {MotcuaError} `INVALID_INPUT` when the file is not a workbook, the sheet is missing, or the header lacks a required column.
 *
 * @example
 * ```ts
 * import { readXlsxRecordBatches } from 'motcua/node';
 * import { presetMapping } from 'motcua/kpi';
 * for await (const batch of readXlsxRecordBatches('xuat-ho-so-dvcqg.xlsx', { mapping: presetMapping('dvcqg') })) console.log(batch.length);
 * ```
 */
export async function* readXlsxRecordBatches(
  path: string,
  options: { sheet?: string; mapping?: ColumnMapping; onSheet?: (info: SheetInfo) => void } & ValueOptions = {},
): AsyncGenerator<ReadResult[]> {
  let header: CsvHeader | null = null;
  const byColumn = new Map<string, number>();
  let out: ReadResult[] = [];
  for await (const r of sheetRows(path, options)) {
    const row: CsvRow = { line: r.row, cells: r.cells };
    if (header === null) {
      header = readHeader(row, options.mapping ?? {}, options);
      for (const [f, i] of header.at) byColumn.set(f, i);
      continue;
    }
    // trailing empty cells are not stored in a sheet
    while (row.cells.length < header.width) row.cells.push('');
    const res = readRow(row, header);
    if (res.ok) out.push(res);
    else {
      const f = /^(\w+)(?: \(column "[^"]*"(?:… \(\d+ characters\))?\))?: /.exec(res.reason)?.[1];
      const i = f === undefined ? undefined : byColumn.get(f);
      out.push(i === undefined ? res : { ok: false, line: res.line, reason: `cell ${columnLetters(i)}${res.line}: ${res.reason}` });
    }
    if (out.length >= 4096) {
      yield out;
      out = [];
    }
  }
  // an empty sheet is an error (#14); a header alone is zero rows, which motcua report refuses
  if (header === null) throw emptyInputError();
  if (out.length) yield out;
}

/** A cell of a sheet to write: a value and a style. */
export interface WriteCell {
  readonly v: string | number | null;
  /** `title` (bold, large, centred), `head` (bold, centred, boxed), `num`/`text` (boxed), `bold`/`boldNum` (boxed, bold), `note` (italic), `center` (centred, bold), `plain`, `pct` (boxed, 0.00%). */
  readonly s?: 'title' | 'head' | 'num' | 'text' | 'bold' | 'boldNum' | 'note' | 'center' | 'plain' | 'pct';
}

/** A sheet to write: rows of cells, merged ranges (`A1:M1`), column widths in characters. */
export interface WriteSheet {
  readonly name: string;
  readonly rows: readonly (readonly (WriteCell | null)[])[];
  readonly merges?: readonly string[];
  readonly widths?: readonly number[];
}

const STYLE_INDEX: Readonly<Record<NonNullable<WriteCell['s']>, number>> = { plain: 0, title: 1, head: 2, num: 3, text: 4, bold: 5, boldNum: 6, note: 7, center: 8, pct: 9 };

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="164" formatCode="0.00%"/></numFmts>
<fonts count="4"><font><sz val="12"/><name val="Times New Roman"/></font><font><b/><sz val="12"/><name val="Times New Roman"/></font><font><i/><sz val="12"/><name val="Times New Roman"/></font><font><b/><sz val="14"/><name val="Times New Roman"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="10">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>
<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>
<xf numFmtId="3" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="right" vertical="center"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>
<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>
<xf numFmtId="3" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="right" vertical="center"/></xf>
<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="left" vertical="top" wrapText="1"/></xf>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>
<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="right" vertical="center"/></xf>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

/** XML-escape text, dropping the control characters XML 1.0 cannot hold. @internal */
export function xmlEscape(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;')).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

function sheetXml(sh: WriteSheet): string {
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'];
  if (sh.widths?.length) parts.push(`<cols>${sh.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`);
  parts.push('<sheetData>');
  sh.rows.forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((c, i) => {
      if (c === null || c === undefined) return;
      const ref = `${columnLetters(i)}${r + 1}`;
      const s = STYLE_INDEX[c.s ?? 'plain'];
      const st = s ? ` s="${s}"` : '';
      if (c.v === null || c.v === '') cells.push(`<c r="${ref}"${st}/>`);
      else if (typeof c.v === 'number') cells.push(`<c r="${ref}"${st}><v>${c.v}</v></c>`);
      else cells.push(`<c r="${ref}"${st} t="inlineStr"><is><t xml:space="preserve">${xmlEscape(c.v)}</t></is></c>`);
    });
    parts.push(`<row r="${r + 1}">${cells.join('')}</row>`);
  });
  parts.push('</sheetData>');
  if (sh.merges?.length) parts.push(`<mergeCells count="${sh.merges.length}">${sh.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`);
  parts.push('<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape"/></worksheet>');
  return parts.join('');
}

/**
 * Write a small workbook (ghi tệp Excel): the sheets in order, strings inline, Times New Roman,
 * boxed tables, merged header cells. The bytes depend only on the sheets (no clock inside).
 *
 * @throws {MotcuaError} `INVALID_INPUT` for a sheet name Excel refuses (empty, over 31 characters, `[]:*?/\`) or given twice.
 *
 * @example
 * ```ts
 * import { writeXlsx } from 'motcua/node';
 * await writeXlsx('out.xlsx', [{ name: 'Biểu II.06a', rows: [[{ v: 'STT', s: 'head' }, { v: 1, s: 'num' }]] }]);
 * ```
 */
export async function writeXlsx(path: string, sheets: readonly WriteSheet[]): Promise<void> {
  const seen = new Set<string>();
  for (const s of sheets) {
    if (!s.name || s.name.length > 31 || /[[\]:*?/\\]/.test(s.name) || seen.has(s.name.toLowerCase())) throw new MotcuaError('INVALID_INPUT', { vi: `${show(s.name, 'vi')} không dùng được làm tên trang tính (1-31 ký tự, không có []:*?/\\, mỗi tên một lần)`, en: `${show(s.name)} cannot name a sheet (1-31 characters, none of []:*?/\\, each name once)` }, s.name, 'sheet');
    seen.add(s.name.toLowerCase());
  }
  const z = await createZipWriter(path);
  const ct = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets
    .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
    .join('')}</Types>`;
  await z.add('[Content_Types].xml', [ct]);
  await z.add('_rels/.rels', [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  ]);
  await z.add('xl/workbook.xml', [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
      .map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`,
  ]);
  await z.add('xl/_rels/workbook.xml.rels', [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join('')}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  ]);
  await z.add('xl/styles.xml', [STYLES]);
  for (let i = 0; i < sheets.length; i++) await z.add(`xl/worksheets/sheet${i + 1}.xml`, [sheetXml(sheets[i]!)]);
  await z.close();
}
