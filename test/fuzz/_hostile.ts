/**
 * Shared pieces of the hostile-input fuzz suites (#14): JSON text with hostile keys (built as text,
 * so `__proto__` is an own key as `JSON.parse` makes it), and a snapshot of `Object.prototype`.
 */
import fc from 'fast-check';

/** Keys that write onto built-ins when used as plain-object keys, plus the fields the readers look for. */
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', 'length'] as const;

/** A JSON text of depth ≤ `depth`, whose object keys are drawn from `keys` (hostile ones included) or random. */
export function jsonText(keys: readonly string[], depth = 3): fc.Arbitrary<string> {
  const key = fc.oneof(fc.constantFrom(...HOSTILE_KEYS, ...keys), fc.string({ maxLength: 6 }));
  const leaf = fc.oneof(
    fc.constant('null'),
    fc.boolean().map(String),
    fc.integer({ min: -5, max: 1e6 }).map(String),
    fc.constantFrom('1e400', '-0', '9007199254740993', '0.1', '"96,19"'),
    fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)),
    fc.constantFrom('"2026-03-02T09:00+07:00"', '"9999-12-31T23:00-12:00"', '"2026-02-30"', '"96,19%"', '"trên 70%"', '"\\u0000"', '"received"', '"resolved"'),
  );
  const { tree } = fc.letrec<{ tree: string }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', maxDepth: depth },
      leaf,
      fc.array(tie('tree'), { maxLength: 4 }).map((xs) => `[${xs.join(',')}]`),
      fc.array(fc.tuple(key, tie('tree')), { maxLength: 5 }).map((kv) => `{${kv.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
    ),
  }));
  return tree;
}

/** Own property names and descriptors of `Object.prototype`, to compare before and after a run. */
export function protoSnapshot(): string {
  const names = Object.getOwnPropertyNames(Object.prototype).sort();
  return JSON.stringify(names.map((n) => [n, typeof Object.getOwnPropertyDescriptor(Object.prototype, n)?.value]));
}

/** `({}).x` for the keys a pollution would set: all undefined when nothing polluted. */
export function pollutedKeys(): string[] {
  const probe: Record<string, unknown> = {};
  const out: string[] = [];
  for (const k of ['id', 'type', 'at', 'received', 'online', 'counts', 'sums', 'rates', 'procedures', 'code', 'channels', 'a', 'b', 'x', 'polluted']) if (probe[k] !== undefined) out.push(k);
  for (const k in probe) out.push(k);
  return out;
}
