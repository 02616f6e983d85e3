/**
 * The worker thread of `summarizeCsvFile` and `summarizeEventsFile`: reads its byte range into an accumulator and posts
 * it back (plain data) to be merged. Built as its own entry (`dist/node-worker.js` / `.cjs`).
 * @internal
 * @module
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isMotcuaError } from '../errors';
import { type RangeTask, scanRange } from './_scan';
import { type EventRangeTask, scanEventsRange } from './_events';

const port = parentPort;
if (port) {
  const task = workerData as RangeTask | EventRangeTask;
  // started: a failure from here on is a crash, not a worker that cannot start
  port.postMessage({ type: 'ready' });
  let pending = 0;
  const onBytes = (n: number) => {
    pending += n;
    if (pending >= 8 << 20) {
      port.postMessage({ type: 'progress', bytes: pending });
      pending = 0;
    }
  };
  const transfer = (result: { readonly ids?: { readonly [k in 'hi' | 'lo' | 'line' | 'offset']: readonly ArrayBufferView[] } | null }) =>
    result.ids ? [...result.ids.hi, ...result.ids.lo, ...result.ids.line, ...result.ids.offset].map((a) => a.buffer as ArrayBuffer) : [];
  ('kind' in task && task.kind === 'events' ? scanEventsRange(task, onBytes) : scanRange(task as RangeTask, onBytes)).then(
    // the counted ids' arrays are moved, not copied
    (result) => port.postMessage({ type: 'done', result, bytes: pending }, 'ids' in result ? transfer(result) : []),
    (e: unknown) =>
      port.postMessage({
        type: 'error',
        error: isMotcuaError(e)
          ? { code: e.code, message: e.message, texts: e.texts, field: e.field, value: typeof e.value === 'string' || typeof e.value === 'number' ? e.value : undefined }
          : { message: e instanceof Error ? e.message : String(e) },
      })
  );
}
