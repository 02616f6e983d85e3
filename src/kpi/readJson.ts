import { MotcuaError } from '../errors';
import { type MissingColumn, missingColumnsError, recordFromObjectWith, readRules, type ColumnMapping, type ReadResult, type ValueOptions } from './readRecords';
import { validateRecord } from './validateRecord';

const WS = new Set([32, 9, 10, 13]);

/**
 * Read dossier records from JSON chunks, streaming (đọc tệp JSON): either one JSON array of
 * objects, or one object per line (NDJSON). Each element yields a record or a rejection with the
 * line it starts on and the reason, prefixed with its position (`record 3: …`): malformed JSON, not an object, a bad value
 * (`recordFromObject`) or dates out of order ({@link validateRecord}). Nothing is dropped: an
 * array left open is reported as a rejection too. Input with no element at all (empty, white
 * space, a byte order mark alone, `[]`) is an error rather than an empty report, as a CSV header
 * alone is for {@link readRecordBatches}. Platform-neutral: give it any (async) iterable of
 * strings, e.g. a Node `ReadStream` with `encoding: 'utf8'`.
 *
 * @param options - `mapping`: Record field → JSON key, as for CSV headers.
 * With `require`, the first record stands for a header: the keys it lacks (and `assume` does not
 * declare) are one `INVALID_INPUT` error naming them all with the figures they feed; a later
 * record without one is rejected.
 * @throws {MotcuaError} `INVALID_INPUT` (field `records`, line 1) when the input holds no element;
 *   (field `mapping…`) when the first record lacks a required key.
 *
 * @example
 * ```ts
 * import { readJsonRecordBatches } from 'motcua/kpi';
 * const json = '[{"id":"H1","procedureCode":"1.001193","field":"Hộ tịch","agency":"UBND xã A","level":"commune",' +
 *   '"channel":"online","receivedOn":"2024-01-02","dueOn":"2024-01-05","finishedOn":null,"finishedAs":null},\n 42]';
 * for await (const batch of readJsonRecordBatches([json])) console.log(batch.map((r) => r.ok)); // [true, false]
 * ```
 */
export async function* readJsonRecordBatches(chunks: AsyncIterable<string> | Iterable<string>, options: { mapping?: ColumnMapping } & ValueOptions = {}): AsyncGenerator<ReadResult[]> {
  const mapping = options.mapping ?? {};
  const rules = readRules(options);
  let mode: 'unknown' | 'array' | 'lines' = 'unknown';
  let closed = false;
  let line = 1;
  let inElem = false;
  let nested = false;
  let depth = 0;
  let inString = false;
  let escape = false;
  let elemLine = 1;
  let parts: string[] = [];
  let first = true;
  let out: ReadResult[] = [];
  let ordinal = 0;
  // the first record stands for a header: every required key it lacks is named at once (#14)
  let firstObject = true;

  const emit = (text: string) => {
    const at = elemLine;
    const k = ++ordinal;
    const push = (reason: string) => out.push({ ok: false, line: at, reason: `record ${k}: ${reason}` });
    if (closed) {
      push('content after the closing ] of the array');
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      push(`not JSON: ${(e as Error).message}`);
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      push(`expected an object, got ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`);
      return;
    }
    if (firstObject) {
      firstObject = false;
      const m = mapping as Readonly<Record<string, string | undefined>>;
      const missing: MissingColumn[] = [];
      for (const [f, figures] of options.require ?? []) {
        const k = m[f] ?? f;
        if (!Object.hasOwn(value, k) && !Object.hasOwn(options.assume ?? {}, f)) missing.push({ field: f, name: k, figures });
      }
      if (missing.length > 0) throw missingColumnsError(at, missing, 'record');
    }
    try {
      const record = recordFromObjectWith(value as Record<string, unknown>, mapping, rules);
      const problems = validateRecord(record);
      if (problems.length) push(problems.join('; '));
      else out.push({ ok: true, line: at, record });
    } catch (e) {
      push((e as Error).message);
    }
  };

  for await (let chunk of chunks) {
    if (first && chunk.length) {
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      first = false;
    }
    let start = 0;
    const n = chunk.length;
    for (let i = 0; i < n; i++) {
      const c = chunk.charCodeAt(i);
      if (inElem) {
        if (inString) {
          if (escape) escape = false;
          else if (c === 92) escape = true;
          else if (c === 34) inString = false;
        } else if (c === 34) inString = true;
        else if (c === 123 || c === 91) depth++;
        else if ((c === 125 || c === 93) && depth > 0) {
          if (--depth === 0 && nested) {
            parts.push(chunk.slice(start, i + 1));
            inElem = false;
            emit(parts.join(''));
            parts = [];
          }
        } else if (!nested && depth === 0 && (c === 44 || c === 93 || WS.has(c))) {
          parts.push(chunk.slice(start, i));
          inElem = false;
          emit(parts.join(''));
          parts = [];
          if (c === 93 && mode === 'array') closed = true;
        }
        if (c === 10) line++;
        continue;
      }
      if (c === 10) line++;
      if (WS.has(c)) continue;
      if (mode === 'unknown') {
        if (c === 91) {
          mode = 'array';
          continue;
        }
        mode = 'lines';
      }
      if (mode === 'array' && !closed) {
        if (c === 44) continue;
        if (c === 93) {
          closed = true;
          continue;
        }
      }
      inElem = true;
      nested = c === 123 || c === 91;
      depth = nested ? 1 : 0;
      inString = c === 34;
      escape = false;
      elemLine = line;
      start = i;
    }
    if (inElem) parts.push(chunk.slice(start));
    if (out.length) {
      yield out;
      out = [];
    }
  }
  if (inElem) {
    const text = parts.join('');
    if (!nested && !inString) emit(text);
    else out.push({ ok: false, line: elemLine, reason: `record ${ordinal + 1}: unterminated JSON value at the end of the input` });
  }
  if (mode === 'array' && !closed) out.push({ ok: false, line, reason: 'the JSON array is not closed with ]' });
  if (out.length) yield out;
  // nothing at all, or an empty array: an error, never an empty report (#14), as a CSV header alone
  else if (ordinal === 0 && (mode !== 'array' || closed)) throw noRecordsError();
}

/** The error for JSON input holding no element: empty, white space, a byte order mark alone or `[]`. @internal */
export function noRecordsError(): MotcuaError {
  return new MotcuaError('INVALID_INPUT', { vi: 'dòng 1: tệp không có bản ghi nào (tệp rỗng, hoặc là một mảng rỗng): không có gì để báo cáo; có đúng tệp không, hay tệp xuất ra bị cắt cụt?', en: 'line 1: the file holds no records (it is empty, or an empty array): nothing to report; is it the right file, or was the export cut short?' }, 1, 'records');
}

/**
 * The same as {@link readJsonRecordBatches}, one result at a time.
 *
 * @example
 * ```ts
 * import { readJsonRecords } from 'motcua/kpi';
 * for await (const r of readJsonRecords(['{"id":"H1"}\n', '{"id":\n'])) console.log(r.ok, r.line); // false 1, then false 2 ('record 2: unterminated …')
 * ```
 */
export async function* readJsonRecords(chunks: AsyncIterable<string> | Iterable<string>, options: { mapping?: ColumnMapping } & ValueOptions = {}): AsyncGenerator<ReadResult> {
  for await (const batch of readJsonRecordBatches(chunks, options)) yield* batch;
}
