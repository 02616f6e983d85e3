/**
 * The worker thread of `summarizeCsvFile`: reads its byte range into an accumulator and posts
 * it back (plain data) to be merged. Built as its own entry (`dist/node-worker.js` / `.cjs`).
 * @internal
 * @module
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isMotcuaError } from '../errors';
import { type RangeTask, scanRange } from './_scan';

const port = parentPort;
if (port) {
  const task = workerData as RangeTask;
  // started: a failure from here on is a crash, not a worker that cannot start
  port.postMessage({ type: 'ready' });
  let pending = 0;
  scanRange(task, (n) => {
    pending += n;
    if (pending >= 8 << 20) {
      port.postMessage({ type: 'progress', bytes: pending });
      pending = 0;
    }
  }).then(
    // the counted ids' arrays are moved, not copied
    (result) => port.postMessage({ type: 'done', result, bytes: pending }, result.ids ? [...result.ids.hi, ...result.ids.lo, ...result.ids.line, ...result.ids.offset].map((a) => a.buffer as ArrayBuffer) : []),
    (e: unknown) =>
      port.postMessage({
        type: 'error',
        error: isMotcuaError(e)
          ? { code: e.code, message: e.message, field: e.field, value: typeof e.value === 'string' || typeof e.value === 'number' ? e.value : undefined }
          : { message: e instanceof Error ? e.message : String(e) },
      })
  );
}
