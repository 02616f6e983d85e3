/**
 * Reading an NDJSON event log into an accumulator, line by line from byte chunks: the part of
 * `summarizeEventsFile` that one thread (or one worker, over its byte range) runs.
 *
 * The input contract (docs/reports.md, "Event logs"): one event a line; the events of a dossier
 * on consecutive lines (a run), in time order; the dossiers in ascending order of their id
 * (Unicode code point order: the byte order of UTF-8, `LC_ALL=C sort`, `COLLATE "C"`). A dossier
 * is replayed as soon as the next one starts, so memory holds one dossier at a time, and a
 * dossier whose id does not come after the previous one stops the read with a typed error naming
 * the line: the file is not grouped as promised, and counting the parts of a split dossier would
 * be guessing.
 * @internal
 * @module
 */
import { open } from 'node:fs/promises';
import { bareTextsOf, isMotcuaError, MotcuaError, show } from '../errors';
import { type Accumulator, addRecord, createAccumulator } from '../kpi/accumulator';
import { EventLogError, type EventLine, recordAndWaitsFromLog, type RecordFacts } from '../kpi/fromLog';
import { addHandlingTime, createHandlingTime, type HandlingTimeState, type SupplementWait } from '../kpi/handlingTime766';
import { createCalendar, type CalendarOptions } from '../calendar/index';
import { missingColumn, readRules, recordFromObjectWith, type ReadRules, type RecordField } from '../kpi/readRecords';
import type { DossierRecord } from '../kpi/types';
import type { DossierPolicy } from '../dossier/types';
import { findProcedure } from '../procedure/index';
import type { Catalog, Procedure } from '../procedure/types';
import { type ByteScanner, feedFile, type RawRejection } from './_scan';

/** The settings of a read, plain data (they are posted to the workers). @internal */
export interface EventSettings {
  /** Procedures, looked up by the `procedureKey` of the dossier's events. */
  readonly catalog: Catalog;
  /** What no event carries, by dossier id; `"*"` for the dossiers not listed. */
  readonly facts: Readonly<Record<string, RecordFacts>>;
  /** Where the facts come from, for messages (`facts.json`). */
  readonly factsName: string;
  /** Policy of the state machine for every replay. */
  readonly policy: Partial<DossierPolicy>;
  readonly dossierKey: string;
  readonly procedureKey: string;
  readonly agencyKey: string;
  readonly closedWithoutSupplementAs?: 'stopped' | 'refused' | 'withdrawn';
  /** Optional record fields a printed figure reads, with those figures (a record lacking one is rejected unless assumed). */
  readonly require?: ReadonlyMap<RecordField, readonly string[]>;
  /** Optional record fields declared absent, with the value every dossier takes (as a cell's text). */
  readonly assume?: Readonly<Partial<Record<RecordField, string>>>;
  /** The longest line read, in UTF-8 bytes; a longer one is rejected unread. */
  readonly maxLineBytes: number;
  /** How many rejections to keep with their reasons (all are counted). */
  readonly keep: number;
  /**
   * Index 2.2 (#22): the dates counted and the options of the calendar (null: the default), when
   * the read also fills a handling-time state, its supplement waits subtracted.
   */
  readonly handling?: { readonly from: string; readonly to: string; readonly calendar: CalendarOptions | null };
}

/** A fresh handling-time state for a read's settings, or null. @internal */
export function handlingStateOf(s: EventSettings): HandlingTimeState | null {
  const h = s.handling;
  if (h === undefined) return null;
  return createHandlingTime({ period: { from: h.from, to: h.to, label: `${h.from}..${h.to}` }, ...(h.calendar !== null ? { calendar: createCalendar(h.calendar) } : {}) });
}

/** The settings compiled once per thread. */
interface Context {
  readonly s: EventSettings;
  readonly procedures: Map<string, Procedure | null>;
  readonly rules: ReadRules | null;
  /** The optional fields to check on each record: required or assumed. */
  readonly checked: readonly RecordField[];
  /** Per set of absent fields: the assumed values to add, or the reason to reject. */
  readonly patches: Map<string, Partial<DossierRecord> | string>;
  /** The facts of `"*"` (own key only), looked up once. */
  readonly anyFacts: RecordFacts | undefined;
  /** Whether the facts name any dossier besides `"*"` (else no lookup by id). */
  readonly factsById: boolean;
}

/** Compile the settings. @internal */
export function eventContext(s: EventSettings): Context {
  const checked = new Set<RecordField>([...(s.require?.keys() ?? []), ...(Object.keys(s.assume ?? {}) as RecordField[])]);
  // A record from a log always states whether the clock is paused: no pause is null, not missing.
  checked.delete('pausedSince');
  checked.delete('pausedFor');
  return {
    s,
    procedures: new Map(),
    rules: checked.size > 0 ? readRules({ ...(s.require !== undefined ? { require: s.require } : {}), ...(s.assume !== undefined ? { assume: s.assume } : {}) }) : null,
    checked: [...checked],
    patches: new Map(),
    anyFacts: Object.hasOwn(s.facts, '*') ? s.facts['*'] : undefined,
    factsById: Object.keys(s.facts).some((k) => k !== '*'),
  };
}

/** Compare dossier ids in Unicode code point order (the byte order of their UTF-8): true when `a` comes strictly before `b`. @internal */
export function idBefore(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // a surrogate (a code point from U+10000) sorts after U+E000-U+FFFF in code point order
    if (x >= 0xd800) x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
    if (y >= 0xd800) y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    return x < y;
  }
  return a.length < b.length;
}

/** The reason a record lacks a field, or the record with the assumed values. */
function checkRecord(c: Context, record: DossierRecord): DossierRecord | string {
  let absent = '';
  for (const f of c.checked) if (!Object.hasOwn(record, f)) absent += `${f},`;
  if (absent === '') return record;
  let patch = c.patches.get(absent);
  if (patch === undefined) {
    // the first record with these fields absent: read it as the record reader would, once
    const fields = absent.slice(0, -1).split(',') as RecordField[];
    const missing = fields.find((f) => c.s.assume?.[f] === undefined);
    if (missing !== undefined) patch = missingColumn(missing, missing, c.s.require?.get(missing) ?? [], 'the record has no key');
    else {
      const read = recordFromObjectWith({ pausedSince: null, pausedFor: null, ...record }, {}, c.rules!);
      const p: Record<string, unknown> = {};
      for (const f of fields) if (Object.hasOwn(read, f)) p[f] = read[f];
      patch = p as Partial<DossierRecord>;
    }
    c.patches.set(absent, patch);
  }
  // the record is this read's own (fresh from recordFromLog): completed in place
  return typeof patch === 'string' ? patch : Object.assign(record, patch);
}

/**
 * One dossier's log into its record, or the reason it has none (the line of the refused event,
 * else of the dossier's first event). The same options as the CLI always gave: the procedure of
 * the first event naming one, the facts of the dossier (or `"*"`), the agency of the first event
 * naming one.
 * @internal
 */
export function dossierRecord(c: Context, id: string, events: readonly EventLine[], lines: readonly number[]): { readonly ok: true; readonly record: DossierRecord; readonly supplementWaits: readonly SupplementWait[] } | { readonly ok: false; readonly line: number; readonly reason: string; readonly vi?: string } {
  const s = c.s;
  try {
    let code: string | undefined;
    let agency: string | undefined;
    for (const e of events) {
      const p = (e as Record<string, unknown>)[s.procedureKey];
      if (code === undefined && typeof p === 'string') code = p;
      const a = (e as Record<string, unknown>)[s.agencyKey];
      if (agency === undefined && typeof a === 'string') agency = a.trim();
      if (code !== undefined && agency !== undefined) break;
    }
    if (code === undefined) throw new Error(`no event gives its "${s.procedureKey}"`);
    let procedure = c.procedures.get(code);
    if (procedure === undefined) {
      procedure = findProcedure(s.catalog, code) ?? null;
      c.procedures.set(code, procedure);
    }
    if (procedure === null) throw new Error(`procedure ${code} is not in the catalogue`);
    // own keys only: a dossier id "constructor" or "__proto__" must not read Object.prototype
    const facts = c.factsById && Object.hasOwn(s.facts, id) ? s.facts[id] : c.anyFacts;
    if (facts === undefined) throw new Error(`no facts for it in ${s.factsName} (digitised, eResult, feeDue, paidOnline, synced, complaint are not in the log)`);
    // one shape of options for every dossier (no spread of optional keys per dossier); undefined keys read as absent
    const { record, supplementWaits } = recordAndWaitsFromLog(events, { id, procedure, facts, policy: s.policy, agency, closedWithoutSupplementAs: s.closedWithoutSupplementAs });
    const checked = c.checked.length > 0 ? checkRecord(c, record) : record;
    if (typeof checked === 'string') return { ok: false, line: lines[0]!, reason: `dossier ${JSON.stringify(id)}: ${checked}` };
    return { ok: true, record: checked, supplementWaits };
  } catch (e) {
    const bad = e instanceof EventLogError && e.rejected.length > 0 ? e.rejected[0]!.event : null;
    const k = bad === null ? -1 : events.indexOf(bad as EventLine);
    const message = e instanceof Error ? e.message : String(e);
    const line = k >= 0 ? lines[k]! : lines[0]!;
    if (!isMotcuaError(e)) return { ok: false, line, reason: message.startsWith('dossier ') ? message : `dossier ${JSON.stringify(id)}: ${message}` };
    // a typed error (the log refused, a missing input) carries its Vietnamese text: kept for the row's texts
    return { ok: false, line, reason: rowText(e, id, 'en'), vi: rowText(e, id, 'vi') };
  }
}

/** A line read: its event and dossier id, or why it names no dossier. @internal */
export type ParsedLine = { readonly ok: true; readonly id: string; readonly event: EventLine } | { readonly ok: false; readonly reason: string };

/** Read one line (without its line end). @internal */
export function parseEventLine(text: string, dossierKey: string): ParsedLine {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `malformed JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return { ok: false, reason: `expected an event object, got ${show(v)}` };
  const id = (v as Record<string, unknown>)[dossierKey];
  if (typeof id !== 'string' || id === '') return { ok: false, reason: `expected the dossier id in "${dossierKey}", got ${show(id)}` };
  return { ok: true, id, event: v as EventLine };
}

/** A line is blank when it holds only spaces, tabs or a CR. */
function blank(text: string): boolean {
  const c = text.charCodeAt(0);
  return text.length === 0 || ((c === 32 || c === 9 || c === 13) && text.trim() === '');
}

/** Where a dossier came out of order: the line, its id, the id of the dossier before it. @internal */
export interface OrderBreak {
  readonly line: number;
  readonly id: string;
  readonly previous: string;
}

/** The error for a dossier out of order. @internal */
export function orderError(b: OrderBreak): MotcuaError {
  return new MotcuaError(
    'INVALID_INPUT',
    { vi: `dòng ${b.line}: hồ sơ ${JSON.stringify(b.id)} nằm sau hồ sơ ${JSON.stringify(b.previous)}: các sự kiện của một hồ sơ phải nằm trên các dòng liên tiếp và các hồ sơ phải theo thứ tự tăng dần của mã (thứ tự điểm mã, như LC_ALL=C sort hoặc ORDER BY … COLLATE "C"). Chưa tính gì; hãy sắp xếp tệp, hoặc đọc toàn bộ tệp trong bộ nhớ (motcua report --any-order)`, en: `line ${b.line}: dossier ${JSON.stringify(b.id)} comes after dossier ${JSON.stringify(b.previous)}: the events of a dossier must be on consecutive lines and the dossiers in ascending order of id (code point order, as LC_ALL=C sort or ORDER BY … COLLATE "C"). Nothing was counted; sort the file, or read it whole in memory (motcua report --any-order)` },
    b.id,
  );
}

/** What a scan gives. Lines are relative: the first line scanned is line 1. @internal */
export interface EventScanResult {
  readonly acc: Accumulator;
  /** Index 2.2 over the dossiers counted, supplement waits subtracted (when the settings ask for it); its calendar left out (plain data for a worker's message). */
  readonly handling: HandlingTimeState | null;
  /** Lines scanned (line ends, plus a last line without one). */
  readonly lines: number;
  /** Non-blank lines: events of the dossiers replayed + rejected lines. */
  readonly events: number;
  /** Lines rejected before any dossier (over-long, not UTF-8, malformed JSON, not an object, no id). */
  readonly badLines: number;
  /** Dossiers replayed: counted + rejected + outside the period. */
  readonly dossiers: number;
  readonly dossiersRejected: number;
  readonly outside: number;
  readonly rejectedCount: number;
  readonly rejected: RawRejection[];
  /** The first and last dossier ids, and the line where the first starts (to check the order across ranges). */
  readonly firstId: string | null;
  readonly firstLine: number;
  readonly lastId: string | null;
  /** Set when a dossier came out of order (the scan stopped there). */
  readonly order: OrderBreak | null;
}

const BOM = [0xef, 0xbb, 0xbf];

/**
 * A scanner of NDJSON event lines into `acc`, fed byte chunks by `feedFile` (or by hand): whole
 * lines are decoded a block at a time and split without a generator per line. `inAnyOrder`: the
 * dossiers may come in any order and their events interleaved; all are kept until the end.
 * @internal
 */
export function eventScanner(settings: EventSettings, acc: Accumulator, atFileStart: boolean, inAnyOrder = false): ByteScanner & { result(): EventScanResult } {
  const c = eventContext(settings);
  const handling = handlingStateOf(settings);
  // any order: every dossier kept until the end (memory grows with the file), in order of first line
  const anyOrder = inAnyOrder ? new Map<string, { events: EventLine[]; lines: number[] }>() : null;
  const max = settings.maxLineBytes;
  const key = settings.dossierKey;
  const rejected: RawRejection[] = [];
  let rejectedCount = 0;
  let line = 0;
  let events = 0;
  let badLines = 0;
  let dossiers = 0;
  let dossiersRejected = 0;
  let outside = 0;
  let firstId: string | null = null;
  let firstLine = 0;
  let lastId: string | null = null;
  let order: OrderBreak | null = null;
  let done = false;
  let skipping = false;
  let bomChecked = !atFileStart;
  // the dossier being read
  let currentId: string | null = null;
  const currentEvents: EventLine[] = [];
  const currentLines: number[] = [];

  const reject = (at: number, reason: string, vi?: string) => {
    if (++rejectedCount <= settings.keep) rejected.push(vi === undefined ? { line: at, reason } : { line: at, reason, vi });
  };
  const replayOne = (id: string, evs: EventLine[], lns: number[]) => {
    dossiers++;
    const r = dossierRecord(c, id, evs, lns);
    if (!r.ok) {
      dossiersRejected++;
      reject(r.line, r.reason, r.vi);
    } else {
      if (!addRecord(acc, r.record)) outside++;
      // 2.2 from the same records as the counts, each dossier's supplement waits subtracted
      if (handling !== null) addHandlingTime(handling, r.record, r.supplementWaits);
    }
  };
  const finish = () => {
    if (anyOrder !== null) {
      for (const [id, g] of anyOrder) replayOne(id, g.events, g.lines);
      anyOrder.clear();
      return;
    }
    if (currentId === null) return;
    replayOne(currentId, currentEvents, currentLines);
    lastId = currentId;
    currentId = null;
    // reused for the next dossier: nothing keeps the arrays (the record and the rejection hold no reference to them)
    currentEvents.length = 0;
    currentLines.length = 0;
  };
  const badLine = (at: number, reason: string) => {
    events++;
    badLines++;
    reject(at, reason);
  };
  /** One line (its line end removed), numbered `at`; `last`: the file's last line, without a line end. */
  const take = (text: string, at: number, last: boolean) => {
    if (text.charCodeAt(text.length - 1) === 13) text = text.slice(0, -1);
    if (text.charCodeAt(0) !== 123 && blank(text)) return;
    if (text.length * 3 > max && Buffer.byteLength(text) > max) return badLine(at, `line longer than ${max} bytes: not read (raise maxLineBytes / --max-line-bytes if an event is really that long)`);
    // parsed here rather than by parseEventLine: no result object per line (the same checks and reasons)
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch {
      const p = parseEventLine(text, key);
      return badLine(at, p.ok ? 'malformed JSON' : last && p.reason.startsWith('malformed') ? `${p.reason}; the last line has no line end: the file may be cut short` : p.reason);
    }
    const id = typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>)[key] : undefined;
    if (typeof id !== 'string' || id === '') {
      const p = parseEventLine(text, key);
      return badLine(at, p.ok ? `expected the dossier id in "${key}"` : p.reason);
    }
    const event = v as EventLine;
    events++;
    if (anyOrder !== null) {
      let g = anyOrder.get(id);
      if (g === undefined) {
        g = { events: [], lines: [] };
        anyOrder.set(id, g);
        if (firstId === null) {
          firstId = id;
          firstLine = at;
        }
      }
      g.events.push(event);
      g.lines.push(at);
      return;
    }
    if (id === currentId) {
      currentEvents.push(event);
      currentLines.push(at);
      return;
    }
    finish();
    if (lastId !== null && !idBefore(lastId, id)) {
      order = { line: at, id, previous: lastId };
      done = true;
      return;
    }
    if (firstId === null) {
      firstId = id;
      firstLine = at;
    }
    currentId = id;
    currentEvents.push(event);
    currentLines.push(at);
  };
  /** Decode the whole lines in [a, b) (b just after a LF, or the end) and take them. */
  const block = (buf: Buffer, a: number, b: number, lastOpen: boolean) => {
    const text = buf.toString('utf8', a, b);
    if (text.includes('\uFFFD')) {
      // some bytes may not be UTF-8: decode line by line to reject those lines, not the block
      let s = a;
      while (s < b && !done) {
        let e = buf.indexOf(10, s);
        if (e < 0 || e >= b) e = b;
        const raw = buf.subarray(s, e);
        const t = raw.toString('utf8');
        line++;
        if (t.includes('\uFFFD') && !Buffer.from(t, 'utf8').equals(raw)) badLine(line, 'not valid UTF-8 text');
        else take(t, line, lastOpen && e === b);
        s = e + 1;
      }
      return;
    }
    let s = 0;
    const n = text.length;
    while (s < n && !done) {
      let e = text.indexOf('\n', s);
      if (e < 0) e = n;
      line++;
      take(text.slice(s, e), line, lastOpen && e === n);
      s = e + 1;
    }
  };

  return {
    get done() {
      return done;
    },
    feed(buf: Buffer, len: number, final: boolean, stopAt: number): number {
      if (done) return len;
      const limit = Math.min(len, stopAt);
      const end = final || len >= stopAt;
      let pos = 0;
      if (!bomChecked) {
        if (limit < 3 && !end) return 0;
        bomChecked = true;
        if (limit >= 3 && buf[0] === BOM[0] && buf[1] === BOM[1] && buf[2] === BOM[2]) pos = 3;
      }
      if (skipping) {
        // inside an over-long line, already rejected: skip to its end
        const nl = buf.indexOf(10, pos);
        if (nl < 0 || nl >= limit) {
          if (end) {
            skipping = false;
            finish();
          }
          return limit;
        }
        skipping = false;
        pos = nl + 1;
      }
      const lastNl = limit > pos ? buf.lastIndexOf(10, limit - 1) : -1;
      if (lastNl >= pos) {
        block(buf, pos, lastNl + 1, false);
        pos = lastNl + 1;
      }
      if (done) return limit;
      if (end) {
        if (pos < limit) {
          if (limit - pos > max + 1) badLine(++line, `line longer than ${max} bytes: not read (raise maxLineBytes / --max-line-bytes if an event is really that long)`);
          // the last line, without a line end
          else block(buf, pos, limit, true);
        }
        if (!done) finish();
        return limit;
      }
      if (limit - pos > max + 1) {
        badLine(++line, `line longer than ${max} bytes: not read (raise maxLineBytes / --max-line-bytes if an event is really that long)`);
        skipping = true;
        return limit;
      }
      return pos;
    },
    result(): EventScanResult {
      return { acc, handling: handling === null ? null : { ...handling, calendar: undefined }, lines: line, events, badLines, dossiers, dossiersRejected, outside, rejectedCount, rejected, firstId, firstLine, lastId, order };
    },
  };
}

/** What a worker is given for an event log: plain data. @internal */
export interface EventRangeTask {
  readonly kind: 'events';
  readonly path: string;
  readonly start: number;
  /** Lines starting at or after `end` belong to the next range (a dossier boundary). */
  readonly end: number;
  readonly acc: Pick<Accumulator, 'period' | 'asOf' | 'groupBy' | 'policy'>;
  readonly settings: EventSettings;
}

/** Read one range of an event log into a fresh accumulator (what a worker does). @internal */
export async function scanEventsRange(task: EventRangeTask, onBytes?: (n: number) => void): Promise<EventScanResult> {
  const acc = createAccumulator({ period: task.acc.period, asOf: task.acc.asOf, groupBy: task.acc.groupBy, policy: task.acc.policy });
  const scanner = eventScanner(task.settings, acc, task.start === 0);
  await feedFile(task.path, task.start, task.end, scanner, onBytes);
  return scanner.result();
}

/** The dossier id a line names, or null (blank, over-long, not UTF-8, not an event with an id): as the scanner reads it. */
function idOfLine(raw: Buffer, dossierKey: string, max: number, atFileStart: boolean): string | null {
  if (raw.length > max + 4) return null;
  let b = raw;
  if (atFileStart && b[0] === BOM[0] && b[1] === BOM[1] && b[2] === BOM[2]) b = b.subarray(3);
  let text = b.toString('utf8');
  if (text.includes('\uFFFD') && !Buffer.from(text, 'utf8').equals(b)) return null;
  if (text.charCodeAt(text.length - 1) === 13) text = text.slice(0, -1);
  if (Buffer.byteLength(text) > max) return null;
  const p = parseEventLine(text, dossierKey);
  return p.ok ? p.id : null;
}

/**
 * Move cuts (each just after a LF) forward to dossier boundaries: past every line of the dossier
 * being read at the cut (the last line before it naming a dossier), and past lines naming none,
 * to the first line naming another dossier. A range then never splits a dossier's run. Cuts that
 * meet or pass the next are dropped.
 * @internal
 */
export async function alignToDossiers(path: string, cuts: readonly number[], dossierKey: string, max: number): Promise<number[]> {
  const size = cuts[cuts.length - 1]!;
  const out = [cuts[0]!];
  const fh = await open(path, 'r');
  const STEP = 1 << 16;
  const buf = Buffer.allocUnsafe(STEP);
  /** The start of the line that ends (with a LF) at `e - 1`. */
  const lineStart = async (e: number): Promise<number> => {
    let p = e - 1;
    while (p > 0) {
      const from = Math.max(0, p - STEP);
      const { bytesRead } = await fh.read(buf, 0, p - from, from);
      const i = buf.subarray(0, bytesRead).lastIndexOf(10);
      if (i >= 0) return from + i + 1;
      p = from;
    }
    return 0;
  };
  /** The end (just after the LF, or the file's end) of the line starting at `s`. */
  const lineEnd = async (s: number): Promise<number> => {
    let p = s;
    while (p < size) {
      const { bytesRead } = await fh.read(buf, 0, Math.min(STEP, size - p), p);
      if (bytesRead === 0) break;
      const i = buf.subarray(0, bytesRead).indexOf(10);
      if (i >= 0) return p + i + 1;
      p += bytesRead;
    }
    return size;
  };
  const read = async (s: number, e: number): Promise<Buffer> => {
    const b = Buffer.allocUnsafe(e - s);
    let got = 0;
    while (got < b.length) {
      const { bytesRead } = await fh.read(b, got, b.length - got, s + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return b.subarray(0, got);
  };
  const idBetween = async (s: number, e: number) => {
    if (e - s > max + 2) return null;
    let raw = await read(s, e);
    if (raw[raw.length - 1] === 10) raw = raw.subarray(0, -1);
    return idOfLine(raw, dossierKey, max, s === 0);
  };
  try {
    for (let k = 1; k < cuts.length - 1; k++) {
      let cut = Math.max(cuts[k]!, out[out.length - 1]!);
      if (cut >= size) break;
      // the dossier being read at the cut: the last line before it naming one
      let current: string | null = null;
      for (let e = cut; e > out[out.length - 1]! && current === null; ) {
        const s = await lineStart(e);
        current = await idBetween(s, e);
        e = s;
      }
      if (current !== null) {
        // past its lines and the lines naming no dossier
        while (cut < size) {
          const e = await lineEnd(cut);
          const id = await idBetween(cut, e);
          if (id !== null && id !== current) break;
          cut = e;
        }
      }
      if (cut > out[out.length - 1]! && cut < size) out.push(cut);
    }
  } finally {
    await fh.close();
  }
  out.push(size);
  return out;
}

/**
 * The text of a typed error in a rejection row: the dossier first, then the field, each once
 * (`hồ sơ "A": facts: …`). An `EventLogError` already starts its texts with the dossier, and a field
 * is written before them (`facts: hồ sơ "A": …`), which a row prefixed with its dossier would repeat.
 */
function rowText(e: unknown, id: string, locale: 'vi' | 'en'): string {
  const { texts, field } = bareTextsOf(e);
  const head = locale === 'vi' ? `hồ sơ ${show(id, 'vi')}: ` : `dossier ${show(id)}: `;
  const text = texts[locale].startsWith(head) ? texts[locale].slice(head.length) : texts[locale];
  return `${head}${field === undefined ? '' : `${field}: `}${text}`;
}
