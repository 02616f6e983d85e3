/**
 * Worker threads for reading a file by byte ranges, shared by `summarizeCsvFile` and
 * `summarizeEventsFile`: where the built worker is, starting it with the flags Node accepts, and
 * running one worker per range with a fallback to one thread when workers cannot start.
 * @internal
 * @module
 */
import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ResourceLimits, Worker } from 'node:worker_threads';
import { type ErrorTexts, MotcuaError, type MotcuaErrorCode, show } from '../errors';

/**
 * The most worker threads `summarizeCsvFile` and `summarizeEventsFile` start (`threads` above it is refused): each holds
 * an accumulator and a 1 MiB buffer, and more threads than cores only add overhead.
 * `motcua report --threads N` caps N at the machine's cores, with a notice.
 *
 * @example
 * ```ts
 * import { MAX_THREADS } from 'motcua/node';
 * MAX_THREADS; // 256
 * ```
 */
export const MAX_THREADS = 256;

/** Check the `threads` option. @throws {MotcuaError} `INVALID_OPTION`. @internal */
export function checkThreads(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1 || v > MAX_THREADS) {
    throw new MotcuaError('INVALID_OPTION', { vi: `cần số luồng là số nguyên từ 1 đến ${MAX_THREADS}, nhận được ${show(v, 'vi')}`, en: `expected a whole number of threads from 1 to ${MAX_THREADS}, got ${show(v)}` }, v, 'threads');
  }
  return v;
}

declare const __filename: string | undefined;

/** The built worker next to this module (`node-worker.js` for ESM, `.cjs` for CommonJS), or null when running from sources. @internal */
export function workerFile(): string | null {
  let here: string;
  try {
    here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  } catch {
    return null;
  }
  const file = join(dirname(here), extname(here) === '.cjs' ? 'node-worker.cjs' : 'node-worker.js');
  return existsSync(file) ? file : null;
}

/**
 * The default number of threads: the cores Node may use (`os.availableParallelism()`).
 *
 * @example
 * ```ts
 * import { defaultThreads } from 'motcua/node';
 * defaultThreads() >= 1; // true
 * ```
 */
export function defaultThreads(): number {
  return availableParallelism();
}

/** Split [start, size) at line ends (just after a LF) into at most `n` ranges; returns the cuts, `start` first and `size` last. @internal */
export async function splitAtLineEnds(path: string, start: number, size: number, n: number): Promise<number[]> {
  const cuts = [start];
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 16);
    for (let k = 1; k < n; k++) {
      let at = Math.max(start + Math.floor(((size - start) * k) / n), cuts[cuts.length - 1]!);
      let cut = size;
      while (at < size) {
        const { bytesRead } = await fh.read(buf, 0, buf.length, at);
        if (bytesRead === 0) break;
        const i = buf.subarray(0, bytesRead).indexOf(10);
        if (i >= 0) {
          cut = at + i + 1;
          break;
        }
        at += bytesRead;
      }
      if (cut > cuts[cuts.length - 1]! && cut < size) cuts.push(cut);
    }
  } finally {
    await fh.close();
  }
  cuts.push(size);
  return cuts;
}
/**
 * The flags of this process a worker is started with. Node refuses per-process and V8 flags in a
 * worker's `execArgv` (`--max-old-space-size`, `--stack-size`, `--expose-gc`, `--title`,
 * `--disable-proto`, … throw `ERR_WORKER_INVALID_EXEC_ARGV`); V8 flags apply to the whole process
 * and so to the workers anyway. Options for string input (`--input-type`) do not apply to a file.
 */
let workerArgv: string[] | null = null;

function baseArgv(): string[] {
  const out: string[] = [];
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--input-type') i++;
    else if (!a.startsWith('--input-type=')) out.push(a);
  }
  return out;
}

/** Start a worker with the flags it accepts: those of this process, less the ones Node names as refused (or none). */
function startWorker(file: string, task: unknown, resourceLimits?: ResourceLimits): Worker {
  const limits = resourceLimits === undefined ? {} : { resourceLimits };
  if (workerArgv !== null) return new Worker(file, { workerData: task, execArgv: workerArgv, ...limits });
  const base = baseArgv();
  const tries: ((e: unknown) => string[])[] = [
    () => base,
    // Node names the refused flags: "Initiated Worker with invalid execArgv flags: --a, --b"
    (e) => {
      const m = String((e as Error).message ?? '');
      const refused = new Set(m.slice(m.indexOf(':') + 1).split(',').map((x) => x.trim()));
      return base.filter((a) => !refused.has(a));
    },
    () => [],
  ];
  let last: unknown = null;
  for (const t of tries) {
    const execArgv = t(last);
    try {
      const w = new Worker(file, { workerData: task, execArgv, ...limits });
      workerArgv = execArgv;
      return w;
    } catch (e) {
      if ((e as { code?: string }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw e;
      last = e;
    }
  }
  throw last;
}

/** Marks the failure of a worker that never started (its file would not load, Node refused it): the caller reads on one thread. */
export const NOT_STARTED = Symbol('motcua worker not started');

/** The first line of an error's message, cut to 300 characters: no stack in a user's terminal. */
function oneLine(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  const l = m.split('\n', 1)[0]!;
  return l.length > 300 ? `${l.slice(0, 297)}...` : l;
}

function runWorker<R>(file: string, task: { readonly path: string; readonly start: number; readonly end: number }, onBytes: (n: number) => void, started: Worker[], resourceLimits?: ResourceLimits): Promise<R> {
  return new Promise((resolve, reject) => {
    const range = `bytes ${task.start}-${task.end} of ${task.path}`;
    const failStart = (why: string) => reject(Object.assign(new Error(`motcua: a worker thread could not start (${why})`), { [NOT_STARTED]: true }));
    let w: Worker;
    try {
      w = startWorker(file, task, resourceLimits);
    } catch (e) {
      failStart(oneLine(e));
      return;
    }
    started.push(w);
    let settled = false;
    let ready = false;
    w.on('message', (m: { type: string; bytes?: number; result?: R; error?: { code?: MotcuaErrorCode; message: string; texts?: ErrorTexts; field?: string; value?: unknown } }) => {
      ready = true;
      if (m.bytes) onBytes(m.bytes);
      if (m.type === 'done') {
        settled = true;
        resolve(m.result!);
      } else if (m.type === 'error') {
        settled = true;
        const e = m.error!;
        if (e.code) {
          // rebuilt in this thread with both texts, the field's prefix taken off (the constructor adds it again)
          const prefix = e.field ? `${e.field}: ` : '';
          const bare = (s: string) => (s.startsWith(prefix) ? s.slice(prefix.length) : s);
          reject(new MotcuaError(e.code, { vi: bare(e.texts?.vi ?? e.message), en: bare(e.texts?.en ?? e.message) }, e.value, e.field));
        } else reject(new Error(`motcua: the worker thread reading ${range} failed: ${oneLine(e.message)}`));
      }
    });
    w.on('error', (e) => {
      if (settled) return;
      settled = true;
      if (!ready) failStart(oneLine(e));
      else reject(new Error(`motcua: the worker thread reading ${range} crashed: ${oneLine(e)}`));
    });
    w.on('exit', (code) => {
      if (settled) return;
      settled = true;
      if (!ready) failStart(`it exited with code ${code}`);
      else reject(new Error(`motcua: the worker thread reading ${range} stopped (exit code ${code}) before finishing`));
    });
  });
}


/**
 * Run one worker per task (each a byte range of a file) and collect their results in task order.
 * When a worker cannot start (no worker file, Node refusing it), the others are stopped and the
 * outcome says so (`notice`, in English) so the caller reads on one thread; any other failure
 * stops the others and is thrown.
 * @internal
 */
export async function runRanges<T extends { readonly path: string; readonly start: number; readonly end: number }, R>(file: string, tasks: readonly T[], onBytes: (n: number) => void, resourceLimits?: ResourceLimits): Promise<{ readonly parts: R[] } | { readonly notice: string }> {
  const started: Worker[] = [];
  try {
    return { parts: await Promise.all(tasks.map((task) => runWorker<R>(file, task, onBytes, started, resourceLimits))) };
  } catch (e) {
    // one range failed: stop the others rather than let them run on
    await Promise.all(started.map((w) => w.terminate()));
    if (typeof e === 'object' && e !== null && NOT_STARTED in e) return { notice: `${(e as unknown as Error).message}; read on one thread` };
    throw e;
  }
}
