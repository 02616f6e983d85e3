/**
 * `motcua report --events <events.ndjson> [--catalog catalog.json] [--facts facts.json] [report options]`:
 * Biểu II.06a, rates and the Decision 766 indices from dossier event logs. Each dossier's log is
 * replayed through the state machine into a record (`recordsFromEventStream`), then the records go
 * through `motcua report` unchanged, with all of its options.
 *
 * Wiring: `motcua report` hands over to this command when `--events` is given (see the module's
 * `run`); until then it is reachable as `runReportEvents`.
 */
import { recordsFromEventStream } from '../kpi/fromLog';
import type { RecordFacts } from '../kpi/fromLog';
import type { DossierPolicy } from '../dossier/types';
import { findProcedure, sampleCatalog } from '../procedure/index';
import type { Catalog } from '../procedure/types';
import { parseCatalog } from '../schema/index';
import { run as runReport } from './report';
import { langOf, usageError } from './_format';
import { REPORT_EVENTS } from './_messages';
import type { CliIo, Command } from './io';

const OWN = new Set(['--events', '--catalog', '--facts']);
const REFUSED = new Set(['--sample', '--year', '--mapping', '--delimiter', '--threads']);
/** Options of `motcua report` that take a value, passed through with it. */
const WITH_VALUE = new Set(['--lang', '--period', '--from', '--to', '--as-of', '--group-by', '--format', '--withdrawn', '--refused', '--stopped', '--convention', '--assume']);

/**
 * The command: reads the events, replays every dossier, reports the bad ones on stderr, and passes
 * the records to `motcua report`.
 */
export const run: Command = async (argv, io) => {
  const { lang, error } = langOf(argv);
  const t = REPORT_EVENTS[lang];
  const USAGE = t.usage;
  if (error !== undefined) return usageError(io, 'report', USAGE, error);
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
      if (v === undefined || v.startsWith('--')) return usageError(io, 'report', USAGE, t.needsFile(name));
      own[name] = v;
    } else if (REFUSED.has(name)) return usageError(io, 'report', USAGE, t.notWithEvents(name));
    else if (!name.startsWith('-')) return usageError(io, 'report', USAGE, t.unexpected(a));
    else {
      rest.push(a);
      if (WITH_VALUE.has(name) && inline === undefined && k + 1 < argv.length) rest.push(argv[++k]!);
    }
  }
  const eventsPath = own['--events'];
  if (eventsPath === undefined) return usageError(io, 'report', USAGE, t.giveEvents);

  let catalog: Catalog = sampleCatalog;
  let facts: Record<string, RecordFacts> = {};
  let text: string;
  try {
    if (own['--catalog'] !== undefined) {
      const r = parseCatalog(JSON.parse(await io.readFile(own['--catalog'])));
      if (!r.ok) {
        for (const i of r.issues.slice(0, 20)) io.stderr(`motcua report: ${own['--catalog']}: ${i.at}: ${i.message}\n`);
        return 2; // bad input (exit codes: src/cli/exit.ts)
      }
      catalog = r.value as Catalog;
    }
    if (own['--facts'] !== undefined) {
      const f: unknown = JSON.parse(await io.readFile(own['--facts']));
      if (typeof f !== 'object' || f === null || Array.isArray(f)) throw new Error('expected an object { "<dossierId>": { … }, "*": { … } }');
      facts = f as Record<string, RecordFacts>;
    }
    text = await io.readFile(eventsPath);
  } catch (e) {
    io.stderr(`motcua report: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  // Under Decision 766 a second supplement request is counted late, not refused; the legal rule allows one.
  const policy: Partial<DossierPolicy> = rest.includes('--policy-766') ? { supplement: 'decision-766', repeatedSupplements: 'accept' } : {};

  const out: string[] = [];
  let bad = 0;
  for await (const r of recordsFromEventStream([text], {
    optionsFor: (id, events) => {
      const code = events.find((e) => typeof e.procedureCode === 'string')?.procedureCode as string | undefined;
      if (code === undefined) throw new Error('no event gives its "procedureCode"');
      const procedure = findProcedure(catalog, code);
      if (procedure === undefined) throw new Error(`procedure ${code} is not in the catalogue`);
      // own keys only: a dossier id "constructor" or "__proto__" must not read Object.prototype
      const f = Object.hasOwn(facts, id) ? facts[id] : Object.hasOwn(facts, '*') ? facts['*'] : undefined;
      if (f === undefined) throw new Error(`no facts for it in ${own['--facts'] ?? 'a --facts file'} (digitised, eResult, feeDue, paidOnline, synced, complaint are not in the log)`);
      const agency = events.find((e) => typeof e.agency === 'string')?.agency as string | undefined;
      return { procedure, facts: f, policy, ...(agency === undefined ? {} : { agency }) };
    },
  })) {
    // the log knows whether the clock is paused: no pause is stated as such, not left out
    if (r.ok) out.push(JSON.stringify({ pausedSince: null, pausedFor: null, ...r.record }));
    else {
      bad++;
      if (bad <= 50) io.stderr(`${t.line(eventsPath, r.line, r.reason)}\n`);
    }
  }
  if (bad > 50) io.stderr(`${t.more(bad - 50)}\n`);
  if (bad) io.stderr(`${t.summary(bad, eventsPath, out.length)}\n`);
  // The records go to `motcua report` as an in-memory NDJSON file that exists on no disk.
  const virtual = `${eventsPath}#records.ndjson`;
  const records = out.length ? `${out.join('\n')}\n` : '';
  if (out.length === 0 && bad === 0) {
    // an empty event log is an error, never an empty report (#14)
    io.stderr(`motcua report: ${eventsPath}: INVALID_INPUT: line 1: the event log holds no events: nothing to report; is it the right file?\n`);
    return 2;
  }
  const inner: CliIo = {
    derivedRecords: true,
    isTTY: io.isTTY,
    stdout: (s) => io.stdout(s),
    stderr: (s) => io.stderr(s),
    readFile: (p) => (p === virtual ? Promise.resolve(records) : io.readFile(p)),
  };
  const code = await runReport([virtual, ...rest], inner);
  return code !== 0 ? code : bad ? 1 : 0;
};

/** The same command under a name that does not clash with `report`'s `run`. */
export const runReportEvents = run;
