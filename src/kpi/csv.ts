/**
 * A streaming CSV parser (RFC 4180: quoted fields, doubled quotes, CR/LF/CRLF line ends, a BOM),
 * platform-neutral: it reads any iterable or async iterable of string chunks.
 * @module
 */
import { MotcuaError, show } from '../errors';

/** One parsed CSV row with the physical line number it starts on (1-based). */
export interface CsvRow {
  readonly line: number;
  readonly cells: string[];
  /** Set on the last row when a quoted cell is never closed: the rest of the input went into it. */
  readonly unclosedQuote?: true;
  /**
   * Set when a quoted cell of this row holds more than the maximum (a stray quote, most often):
   * the row is cut there (its cells are incomplete) and reading resumes on the line after the one
   * where the quote opened.
   */
  readonly cellTooLong?: { readonly quoteLine: number; readonly maxCellBytes: number };
}

/**
 * The default largest quoted cell, in UTF-8 bytes (1 MiB): a quote opened and not closed within
 * it is taken as a stray quote, its row rejected, and reading resumes on the next line, so one
 * stray quote never swallows (and buffers) the rest of a file.
 */
export const DEFAULT_MAX_CELL_BYTES = 1 << 20;

/** Options of the CSV parser. */
export interface CsvOptions {
  /** One character other than a quote, CR or LF ({@link checkDelimiter}); default `,`. */
  readonly delimiter?: string;
  /** The largest quoted cell in UTF-8 bytes (default {@link DEFAULT_MAX_CELL_BYTES}). */
  readonly maxCellBytes?: number;
}

/** Check `maxCellBytes`. @throws {MotcuaError} `INVALID_OPTION`. @internal */
export function checkMaxCellBytes(v: unknown): number {
  if (v === undefined) return DEFAULT_MAX_CELL_BYTES;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) throw new MotcuaError('INVALID_OPTION', { vi: `cần một số nguyên byte ≥ 1, nhận được ${show(v, 'vi')}`, en: `expected a whole number of bytes ≥ 1, got ${show(v)}` }, v, 'maxCellBytes');
  return v;
}

/**
 * Check a CSV delimiter: exactly one UTF-16 character, not a quote (`"`), CR or LF. A
 * multi-character delimiter (`||`) is refused rather than split on its first character inside
 * quoted rows and on the whole string outside them (#14).
 * @throws {MotcuaError} `INVALID_OPTION` naming `delimiter`.
 * @internal
 */
export function checkDelimiter(v: unknown): string {
  if (typeof v !== 'string' || v.length !== 1 || v === '"' || v === '\n' || v === '\r') {
    throw new MotcuaError('INVALID_OPTION', { vi: `cần đúng một ký tự khác dấu ngoặc kép, CR và LF, nhận được ${show(v, 'vi')}`, en: `expected one character other than a quote, CR or LF, got ${show(v)}` }, v, 'delimiter');
  }
  return v;
}

/** The UTF-8 length of a string (a lone surrogate counts 3, as the encoder writes U+FFFD). @internal */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2; // a pair: 2 units, 4 bytes
      i++;
    } else n += 2;
  }
  return n;
}


/**
 * Parse CSV text arriving in chunks, yielding rows as they complete (dòng CSV). Empty lines are
 * yielded too (as one empty cell) so a caller can report them; nothing is skipped silently.
 *
 * @example
 * ```ts
 * import { parseCsv } from 'motcua/kpi';
 * for await (const row of parseCsv(['id,name\n1,"Hộ ', 'tịch"\n'])) console.log(row.line, row.cells);
 * // 1 ['id', 'name'] · 2 ['1', 'Hộ tịch']
 * ```
 */
export async function* parseCsv(chunks: AsyncIterable<string> | Iterable<string>, delimiter = ',', options: { maxCellBytes?: number } = {}): AsyncGenerator<CsvRow> {
  for await (const batch of parseCsvBatches(chunks, delimiter, options)) yield* batch;
}

/**
 * The same as {@link parseCsv}, yielding the rows completed by each chunk as one array: one
 * await per chunk instead of per row, for large files.
 *
 * @example
 * ```ts
 * import { parseCsvBatches } from 'motcua/kpi';
 * for await (const rows of parseCsvBatches(['a,b\n1,2\n'])) console.log(rows.length); // 2
 * ```
 */
export async function* parseCsvBatches(chunks: AsyncIterable<string> | Iterable<string>, delimiter = ',', options: { maxCellBytes?: number } = {}): AsyncGenerator<CsvRow[]> {
  const parser = createCsvParser(checkDelimiter(delimiter), true, checkMaxCellBytes(options.maxCellBytes));
  for await (const chunk of chunks) {
    const rows = parser.push(chunk);
    if (rows.length) yield rows;
  }
  const rows = parser.end();
  if (rows.length) yield rows;
}

/**
 * The synchronous core of {@link parseCsvBatches}: push string chunks, get the rows they complete;
 * `end()` flushes the last row. The result does not depend on where the chunks are cut.
 *
 * A quoted cell longer than `maxCellBytes` (UTF-8 bytes of its raw text between the quotes) ends
 * its row as a `cellTooLong` row, and reading resumes just after the first line break that
 * follows the opening quote: memory stays bounded by the maximum and one chunk.
 * @internal
 */
export function createCsvParser(delimiter = ',', stripBom = true, maxCellBytes = DEFAULT_MAX_CELL_BYTES): { push(chunk: string): CsvRow[]; end(): CsvRow[] } {
  const sep = delimiter.charCodeAt(0);
  let cells: string[] = [];
  // In a quoted cell: its raw text so far (doubled quotes kept, undone at the closing quote) and its UTF-8 bytes.
  let field = '';
  let quoted = false;
  let cellBytes = 0;
  let quoteLine = 1;
  // a quote opened on this row: a row of one empty quoted cell ("") at the end of input is still a row
  let sawQuote = false;
  // after a cell too long with no line break in it: skip to the next line break
  let skipping = false;
  let line = 1;
  let rowLine = 1;
  let carry = '';
  let first = stripBom;
  let batch: CsvRow[] = [];

  /** The quoted cell is too long: emit its row cut, and give the text to read next. */
  const tooLong = (tail: string): string => {
    batch.push({ line: rowLine, cells: [...cells, ''], cellTooLong: { quoteLine, maxCellBytes } });
    const full = field;
    cells = [];
    field = '';
    quoted = false;
    sawQuote = false;
    cellBytes = 0;
    let k = 0;
    while (k < full.length && full.charCodeAt(k) !== 10 && full.charCodeAt(k) !== 13) k++;
    if (k === full.length) {
      skipping = true;
      return tail;
    }
    line = quoteLine + 1;
    rowLine = line;
    if (full.charCodeAt(k) === 13) {
      if (k + 1 < full.length) return full.slice(full.charCodeAt(k + 1) === 10 ? k + 2 : k + 1) + tail;
      // a CR ending the text so far: a LF starting the tail belongs to it
      return tail.charCodeAt(0) === 10 ? tail.slice(1) : tail;
    }
    return full.slice(k + 1) + tail;
  };

  /** Read `text`; returns the text to read next when a cell too long moved the reading back, else null. */
  const scan = (text: string, final: boolean): string | null => {
    let start = 0;
    const n = text.length;
    if (skipping) {
      let k = 0;
      while (k < n && text.charCodeAt(k) !== 10 && text.charCodeAt(k) !== 13) k++;
      if (k === n) return null;
      if (text.charCodeAt(k) === 13 && k + 1 === n && !final) {
        carry = '\r';
        return null;
      }
      skipping = false;
      line = quoteLine + 1;
      rowLine = line;
      start = text.charCodeAt(k) === 13 && text.charCodeAt(k + 1) === 10 ? k + 2 : k + 1;
    }
    for (let i = start; i < n; i++) {
      // Fast path: a whole row without quotes or a lone CR, split at once.
      if (!quoted && i === start && field === '' && cells.length === 0) {
        const nl = text.indexOf('\n', i);
        if (nl >= 0) {
          const end = nl > i && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
          const row = text.slice(i, end);
          if (!row.includes('"') && !row.includes('\r')) {
            // (also reached just after an empty quoted first cell: the same cells, and the row is done)
            batch.push({ line: rowLine, cells: row.split(delimiter) });
            sawQuote = false;
            line++;
            rowLine = line;
            i = nl;
            start = nl + 1;
            continue;
          }
        }
      }
      const c = text.charCodeAt(i);
      if (quoted) {
        if (c === 34) {
          const part = text.slice(start, i);
          field += part;
          cellBytes += utf8Length(part);
          if (i + 1 === n && !final) {
            // a quote at the very end: a doubled quote or the closing one? decide with the next chunk
            if (cellBytes > maxCellBytes) return tooLong('"');
            carry = '"';
            return null;
          }
          if (text.charCodeAt(i + 1) === 34) {
            field += '""';
            cellBytes += 2;
            i++;
            start = i + 1;
          } else {
            if (cellBytes > maxCellBytes) {
              // the tail starts at the closing quote: none of it was read yet
              return tooLong(text.slice(i));
            }
            quoted = false;
            if (field.includes('"')) field = field.replaceAll('""', '"');
            start = i + 1;
          }
        } else if (c === 13 && i + 1 === n && !final) {
          // a CR at the very end: one line with a LF starting the next chunk, or a line on its own
          const part = text.slice(start, i);
          field += part;
          cellBytes += utf8Length(part);
          if (cellBytes > maxCellBytes) return tooLong('\r');
          carry = '\r';
          return null;
        } else if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
        continue;
      }
      if (c === 34 && i === start && field === '') {
        quoted = true;
        sawQuote = true;
        cellBytes = 0;
        quoteLine = line;
        start = i + 1;
      } else if (c === sep) {
        cells.push(field + text.slice(start, i));
        field = '';
        start = i + 1;
      } else if (c === 10 || c === 13) {
        if (c === 13 && i + 1 === n && !final) {
          field += text.slice(start, i);
          carry = '\r';
          return null;
        }
        cells.push(field + text.slice(start, i));
        field = '';
        batch.push({ line: rowLine, cells });
        cells = [];
        sawQuote = false;
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        line++;
        rowLine = line;
        start = i + 1;
      }
    }
    const part = text.slice(start);
    field += part;
    if (quoted) {
      cellBytes += utf8Length(part);
      if (cellBytes > maxCellBytes) return tooLong('');
    }
    return null;
  };
  const step = (text: string, final: boolean): void => {
    let next: string | null = text;
    while (next !== null) next = scan(next, final);
  };
  const take = (): CsvRow[] => {
    const out = batch;
    batch = [];
    return out;
  };
  return {
    push(chunk: string): CsvRow[] {
      let text = carry + chunk;
      carry = '';
      if (first && text.length > 0) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      step(text, false);
      return take();
    },
    end(): CsvRow[] {
      if (carry) {
        const last = carry;
        carry = '';
        step(last, true);
      }
      if (skipping) {
        skipping = false;
        return take();
      }
      if (field !== '' || cells.length > 0 || quoted || sawQuote) {
        cells.push(quoted && field.includes('"') ? field.replaceAll('""', '"') : field);
        batch.push(quoted ? { line: rowLine, cells, unclosedQuote: true } : { line: rowLine, cells });
        field = '';
        cells = [];
        quoted = false;
        sawQuote = false;
      }
      return take();
    },
  };
}
