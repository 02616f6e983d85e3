/**
 * A streaming CSV parser (RFC 4180: quoted fields, doubled quotes, CR/LF/CRLF line ends, a BOM),
 * platform-neutral: it reads any iterable or async iterable of string chunks.
 * @module
 */

/** One parsed CSV row with the physical line number it starts on (1-based). */
export interface CsvRow {
  readonly line: number;
  readonly cells: string[];
  /** Set on the last row when a quoted cell is never closed: the rest of the input went into it. */
  readonly unclosedQuote?: true;
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
export async function* parseCsv(chunks: AsyncIterable<string> | Iterable<string>, delimiter = ','): AsyncGenerator<CsvRow> {
  for await (const batch of parseCsvBatches(chunks, delimiter)) yield* batch;
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
export async function* parseCsvBatches(chunks: AsyncIterable<string> | Iterable<string>, delimiter = ','): AsyncGenerator<CsvRow[]> {
  const parser = createCsvParser(delimiter);
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
 * @internal
 */
export function createCsvParser(delimiter = ',', stripBom = true): { push(chunk: string): CsvRow[]; end(): CsvRow[] } {
  const sep = delimiter.charCodeAt(0);
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  // a quote opened on this row: a row of one empty quoted cell ("") at the end of input is still a row
  let sawQuote = false;
  let line = 1;
  let rowLine = 1;
  let carry = '';
  let first = stripBom;
  let batch: CsvRow[] = [];
  const step = (text: string, final: boolean): void => {
    let start = 0;
    const n = text.length;
    for (let i = 0; i < n; i++) {
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
          if (i + 1 === n && !final) {
            // a quote at the very end: a doubled quote or the closing one? decide with the next chunk
            field += text.slice(start, i);
            carry = '"';
            return;
          }
          field += text.slice(start, i);
          if (text.charCodeAt(i + 1) === 34) {
            field += '"';
            i++;
          } else quoted = false;
          start = i + 1;
        } else if (c === 13 && i + 1 === n && !final) {
          // a CR at the very end: one line with a LF starting the next chunk, or a line on its own
          field += text.slice(start, i);
          carry = '\r';
          return;
        } else if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
        continue;
      }
      if (c === 34 && i === start && field === '') {
        quoted = true;
        sawQuote = true;
        start = i + 1;
      } else if (c === sep) {
        cells.push(field + text.slice(start, i));
        field = '';
        start = i + 1;
      } else if (c === 10 || c === 13) {
        if (c === 13 && i + 1 === n && !final) {
          field += text.slice(start, i);
          carry = '\r';
          return;
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
    field += text.slice(start);
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
      if (field !== '' || cells.length > 0 || quoted || sawQuote) {
        cells.push(field);
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
