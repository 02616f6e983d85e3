/**
 * A small timing loop for bench modules (no per-call timer overhead, unlike per-iteration
 * harnesses, which matters for calls of ~100 ns).
 *
 * `body(count)` must run `count` operations and return a number derived from their results;
 * it is folded into `sink` so the JIT cannot drop the work. Warm-up runs first (untimed), then
 * the batch size is calibrated so one sample lasts about `sampleMs`, then samples are taken
 * until `timeMs` has passed (at least `minSamples`). The median sample gives ns/op.
 */
export const sink = { value: 0 };

const now = () => Number(process.hrtime.bigint()) / 1e6; // ms

export function measure(body, { warmupMs = 150, timeMs = 600, sampleMs = 40, minSamples = 5, maxOps = Infinity } = {}) {
  let acc = 0;
  // Warm-up: let the JIT optimise `body` and everything it calls.
  let n = 1;
  const w0 = now();
  while (now() - w0 < warmupMs) {
    const t = now();
    acc += body(n) | 0;
    if (now() - t < sampleMs / 4 && n < maxOps) n = Math.min(n * 2, maxOps);
  }
  // Calibrate a batch of about sampleMs.
  let t = now();
  acc += body(n) | 0;
  let dt = now() - t;
  if (dt > 0) n = Math.max(1, Math.min(maxOps, Math.round((n * sampleMs) / dt)));
  const samples = [];
  let ops = 0;
  const s0 = now();
  while (samples.length < minSamples || now() - s0 < timeMs) {
    t = now();
    acc += body(n) | 0;
    dt = now() - t;
    samples.push((dt * 1e6) / n);
    ops += n;
  }
  sink.value = (sink.value + acc) | 0;
  samples.sort((a, b) => a - b);
  const nsPerOp = samples[samples.length >> 1];
  const spread = samples.length > 1 ? (samples[samples.length - 1] - samples[0]) / nsPerOp : 0;
  return { nsPerOp, opsPerSec: 1e9 / nsPerOp, samples: samples.length, ops, batch: n, spread };
}

/** Median of `runs` timings (ms) of `fn()`, plus the first (cold) one. */
export function timeMedian(fn, runs = 15) {
  const times = [];
  let keep;
  for (let i = 0; i < runs; i++) {
    const t = now();
    keep = fn();
    times.push(now() - t);
  }
  sink.value = (sink.value + (keep ? 1 : 0)) | 0;
  const cold = times[0];
  times.sort((a, b) => a - b);
  return { medianMs: times[times.length >> 1], minMs: times[0], maxMs: times[times.length - 1], coldMs: cold, runs };
}

/** Heap (plus off-heap ArrayBuffer) bytes retained per object made by `make()`; needs --expose-gc. */
export function retainedBytes(make, count = 10) {
  if (typeof globalThis.gc !== 'function') return null;
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  make(); // load lazily-initialised module state first
  globalThis.gc();
  globalThis.gc();
  const before = used();
  const keep = [];
  for (let i = 0; i < count; i++) keep.push(make());
  globalThis.gc();
  globalThis.gc();
  const after = used();
  sink.value = (sink.value + keep.length) | 0;
  return (after - before) / count;
}

/** mulberry32: a tiny seeded PRNG, so every run and every contender gets the same inputs. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
