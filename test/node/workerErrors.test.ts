// An error thrown inside a worker thread of summarizeCsvFile / summarizeEventsFile reaches the
// caller as a MotcuaError with its code, field, value and both texts (#19): the worker posts them
// back as plain data and the main thread rebuilds the error (src/node/_workers.ts). The worker is
// the real one (src/node/worker.ts, bundled here as the package bundles it), fed a range task whose
// accumulator settings its first step refuses, as a task built by a newer or older copy of motcua
// could be; the error it throws is compared with the one the same settings give in this thread.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMotcuaError, messageOf } from '../../src/errors';
import type { MotcuaError } from '../../src/errors';
import { createAccumulator } from '../../src/kpi/accumulator';
import { period } from '../../src/kpi/index';
import { runRanges } from '../../src/node/_workers';

const root = join(__dirname, '../..');
const out = join(root, '.bench-tmp', `worker-errors-${process.pid}`);
const workerFile = join(out, 'node-worker.mjs');
const dataFile = join(out, 'data.csv');

beforeAll(async () => {
  mkdirSync(out, { recursive: true });
  await build({ entryPoints: [join(root, 'src/node/worker.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: workerFile, logLevel: 'silent' });
  writeFileSync(dataFile, 'id,procedureCode\n1,1.001193\n');
}, 60_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Settings of an accumulator that createAccumulator refuses: a group that does not exist, a long one (cut in the texts). */
const GROUP = `bogus-${'x'.repeat(120)}`;
const badAcc = { period: period('2024'), asOf: undefined, groupBy: [GROUP], policy: {} } as never;

/** The error createAccumulator throws for these settings in this thread. */
function local(): MotcuaError {
  try {
    createAccumulator({ period: period('2024'), groupBy: [GROUP as never] });
  } catch (e) {
    return e as MotcuaError;
  }
  throw new Error('createAccumulator accepted a bogus group');
}

async function fromWorker(task: object): Promise<unknown> {
  return runRanges(workerFile, [task as never], () => {}).then(
    (r) => r,
    (e: unknown) => e,
  );
}

describe('an error thrown in a worker thread (#19)', () => {
  const want = local();

  it('the reference error: INVALID_INPUT on groupBy[0], with its Vietnamese text, the long value cut in each language', () => {
    expect(want.code).toBe('INVALID_INPUT');
    expect(want.field).toBe('groupBy[0]');
    expect(want.texts.vi).toMatch(/^groupBy\[0\]: .*ký tự/);
    expect(want.texts.en).toMatch(/^groupBy\[0\]: .*characters/);
  });

  it.each([
    ['the CSV worker', { path: dataFile, start: 0, end: 40, acc: badAcc }],
    ['the events worker', { kind: 'events', path: dataFile, start: 0, end: 40, acc: badAcc, settings: {} }],
  ])('%s: the caller gets a MotcuaError with the same code, field, value, message and both texts', async (_, task) => {
    const e = (await fromWorker(task)) as MotcuaError;
    expect(isMotcuaError(e)).toBe(true);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('MotcuaError');
    expect(e.code).toBe(want.code);
    expect(e.field).toBe(want.field);
    expect(e.value).toBe(GROUP);
    expect(e.message).toBe(want.message);
    expect(e.texts).toEqual(want.texts);
    // the field is named once in each text (the worker's texts carry it; the rebuilt error adds it again)
    expect(e.texts.vi.split('groupBy[0]: ').length).toBe(2);
    expect(messageOf(e)).toBe(want.texts.vi);
    expect(messageOf(e, 'en')).toBe(want.texts.en);
  });

  it('a failure that is not a MotcuaError stays a plain Error naming the range, never a worker that could not start', async () => {
    const e = (await fromWorker({ kind: 'events', path: join(out, 'missing.ndjson'), start: 0, end: 40, acc: { period: period('2024'), asOf: undefined, groupBy: ['field'], policy: {} }, settings: { catalog: { procedures: [] } } })) as Error;
    expect(e).toBeInstanceOf(Error);
    expect(isMotcuaError(e)).toBe(false);
    expect(e.message).toMatch(/^motcua: the worker thread reading bytes 0-40 of .*missing\.ndjson failed: /);
  });
});
