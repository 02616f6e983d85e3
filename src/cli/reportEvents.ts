/**
 * `motcua report --events <events.ndjson> [--catalog catalog.json] [--facts facts.json] [report options]`:
 * Biểu II.06a, rates and the Decision 766 indices from dossier event logs. The file is streamed
 * (`accumulateEventsFile` of `motcua/node`): each dossier's log is replayed through the state
 * machine into a record as soon as its events are read, and counted, on worker threads by byte
 * range for a large file; then `motcua report` prints it, with all of its options.
 *
 * The input contract (docs/reports.md): the events of a dossier on consecutive lines, in time
 * order, the dossiers in ascending order of id; a dossier out of order stops the report (exit 2)
 * naming the line. `--any-order` reads the whole file in memory instead, in any order.
 */
import { stat } from 'node:fs/promises';
import type { RecordFacts } from '../kpi/fromLog';
import type { DossierPolicy } from '../dossier/types';
import { sampleCatalog } from '../procedure/index';
import type { Catalog } from '../procedure/types';
import { parseCatalog } from '../schema/index';
import { messageOf, MotcuaError } from '../errors';
import { accumulateEventsFile, accumulateEventsText, type EventsFileOptions, type EventsFileReport } from '../node/summarizeEvents';
import { defaultThreads } from '../node/_workers';
import type { RecordField } from '../kpi/readRecords';
import { type RecordSource, runReport } from './report';
import { langOf, reasonIn, textIn, usageError } from './_format';
import { REPORT_EVENTS } from './_messages';
import type { Command } from './io';

const OWN = new Set(['--events', '--catalog', '--facts', '--max-line-bytes']);
const REFUSED = new Set(['--sample', '--year', '--mapping', '--delimiter', '--engine', '--sheet', '--encoding', '--preset', '--date-format', '--max-cell-bytes']);
/** Options of `motcua report` that take a value, passed through with it. */
const WITH_VALUE = new Set(['--catalog-facts', '--lang', '--period', '--from', '--to', '--as-of', '--group-by', '--format', '--withdrawn', '--refused', '--stopped', '--convention', '--assume', '--threads', '--form', '--out', '--unit', '--recipient']);

/**
 * The command: reads the events, replays every dossier, reports the bad ones on stderr, and passes
 * the records to `motcua report`.
 */
export const run: Command = async (argv, io) => {
  const { lang, error } = langOf(argv);
  const t = REPORT_EVENTS[lang];
  const USAGE = t.usage;
  if (error !== undefined) return usageError(io, 'report', USAGE, error, 'motcua report --events --help');
  // --help anywhere, also after --events (which would otherwise take it as its file)
  if (argv.some((a) => a === '--help' || a === '-h')) {
    io.stdout(USAGE);
    return 0;
  }
  const own: Record<string, string> = Object.create(null) as Record<string, string>;
  const rest: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k]!;
    const [name, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (name === '--help' || name === '-h') {
      io.stdout(USAGE);
      return 0;
    }
    if (OWN.has(name)) {
      const v = inline ?? argv[++k];
      if (v === undefined || v.startsWith('--')) return usageError(io, 'report', USAGE, name === '--max-line-bytes' ? t.needsNumber(name) : t.needsFile(name), 'motcua report --events --help');
      own[name] = v;
    } else if (name === '--any-order') own[name] = 'true';
    else if (REFUSED.has(name)) return usageError(io, 'report', USAGE, t.notWithEvents(name), 'motcua report --events --help');
    else if (!name.startsWith('-')) return usageError(io, 'report', USAGE, t.unexpected(a), 'motcua report --events --help');
    else {
      rest.push(a);
      if (WITH_VALUE.has(name) && inline === undefined && k + 1 < argv.length) rest.push(argv[++k]!);
    }
  }
  const eventsPath = own['--events'];
  // the catalogue also gives the report its 766 catalogue indices (#22)
  if (own['--catalog'] !== undefined) rest.push('--catalog', own['--catalog']);
  if (eventsPath === undefined) return usageError(io, 'report', USAGE, t.giveEvents, 'motcua report --events --help');

  const maxLine = own['--max-line-bytes'];
  if (maxLine !== undefined && !/^[1-9]\d{1,12}$/.test(maxLine)) return usageError(io, 'report', USAGE, t.maxLine(maxLine.slice(0, 40)), 'motcua report --events --help');
  let catalog: Catalog = sampleCatalog;
  let facts: Record<string, RecordFacts> = {};
  let size = -1;
  try {
    if (own['--catalog'] !== undefined) {
      const r = parseCatalog(JSON.parse(await io.readFile(own['--catalog'])));
      if (!r.ok) {
        for (const i of r.issues.slice(0, 20)) io.stderr(`motcua report: ${own['--catalog']}: ${i.at}: ${textIn(i, lang)}\n`);
        return 2; // bad input (exit codes: src/cli/exit.ts)
      }
      catalog = r.value as Catalog;
    }
    if (own['--facts'] !== undefined) {
      const f: unknown = JSON.parse(await io.readFile(own['--facts']));
      if (typeof f !== 'object' || f === null || Array.isArray(f)) throw new MotcuaError('INVALID_INPUT', { vi: 'cần một đối tượng { "<dossierId>": { … }, "*": { … } }', en: 'expected an object { "<dossierId>": { … }, "*": { … } }' }, f, own['--facts']);
      facts = f as Record<string, RecordFacts>;
    }
    // a file on disk is streamed; anything else (a pipe, the tests' files in memory) is read whole
    try {
      const st = await stat(eventsPath);
      if (st.isFile()) size = st.size;
    } catch {
      size = -1;
    }
  } catch (e) {
    io.stderr(`motcua report: ${messageOf(e, lang)}\n`);
    return 2;
  }
  // Under Decision 766 a second supplement request is counted late, not refused; the legal rule allows one.
  const replayPolicy: Partial<DossierPolicy> = rest.includes('--policy-766') ? { supplement: 'decision-766', repeatedSupplements: 'accept' } : {};
  const anyOrder = own['--any-order'] !== undefined;

  const source: RecordSource = {
    name: eventsPath,
    size,
    async read(ctx) {
      const options: EventsFileOptions = {
        catalog,
        facts,
        factsName: own['--facts'] ?? 'a --facts file',
        replayPolicy,
        require: ctx.require,
        assume: ctx.assume as Readonly<Partial<Record<RecordField, string>>>,
        keepRejected: ctx.keep,
        ...(maxLine !== undefined ? { maxLineBytes: Number(maxLine) } : {}),
        threads: ctx.threads ?? (size > 32_000_000 ? defaultThreads() : 1),
        onProgress: ctx.onProgress,
        handlingTime: ctx.handling,
      };
      const r: EventsFileReport & { acc: typeof ctx.acc } =
        size >= 0 && !anyOrder ? await accumulateEventsFile(eventsPath, ctx.acc, options) : accumulateEventsText(await io.readFile(eventsPath), ctx.acc, { ...options, anyOrder });
      // an empty event log is an error, never an empty report (#14)
      if (r.dossiers === 0 && r.rejectedCount === 0) throw new MotcuaError('INVALID_INPUT', { vi: 'dòng 1: nhật ký không có sự kiện nào: không có gì để báo cáo; có đúng tệp không?', en: 'line 1: the event log holds no events: nothing to report; is it the right file?' }, eventsPath);
      for (const x of r.rejected.slice(0, 50)) io.stderr(`${t.line(eventsPath, x.line, reasonIn(x, lang))}\n`);
      if (r.rejectedCount > 50) io.stderr(`${t.more(r.rejectedCount - 50)}\n`);
      const reported = r.dossiers - r.dossiersRejected;
      if (r.rejectedCount) io.stderr(`${t.summary(r.rejectedCount, eventsPath, reported)}\n`);
      const counted = reported - r.outsidePeriod;
      return {
        acc: r.acc,
        handling: r.handlingTime!,
        rowsRead: r.rowsRead,
        outsidePeriod: r.outsidePeriod,
        rejectedCount: r.rejectedCount,
        rejected: r.rejected,
        listed: true,
        ...(r.notice !== undefined ? { notice: r.notice } : {}),
        readLine: t.readLine(r.dossiers, counted, r.dossiersRejected, r.outsidePeriod, r.eventsRead, r.linesRejected, r.threads),
        json: { events: { dossiers: r.dossiers, dossiersRejected: r.dossiersRejected, eventsRead: r.eventsRead, linesRejected: r.linesRejected, threads: r.threads } },
      };
    },
  };
  return runReport(rest, io, source);
};

/** The same command under a name that does not clash with `report`'s `run`. */
export const runReportEvents = run;
