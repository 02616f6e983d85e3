/**
 * @internal Bounds on what an event may carry besides its known fields, and the comparison of an
 * idempotent duplicate. Both walk nested values with an explicit stack (no recursion, no
 * `JSON.stringify`), so a hostile event (nested 400,000 deep, circular, holding a `BigInt`) gets a
 * typed error instead of a `RangeError` or `TypeError` (#14).
 */
import { kindVi } from '../../errors';

/** Deepest nesting of objects and arrays inside one event (the event itself is level 0). */
export const MAX_EVENT_DEPTH = 32;
/** Most values (fields, array items and nested values, counted once per visit) one event may hold. */
export const MAX_EVENT_VALUES = 10_000;

/** Why a value is refused, and under which top-level field; `null` when the value is within bounds. */
export interface BoundProblem {
  readonly field: string;
  readonly message: { readonly vi: string; readonly en: string };
}

function tooMany(field: string): BoundProblem {
  return { field, message: { vi: `một sự kiện chỉ được chứa tối đa ${MAX_EVENT_VALUES} giá trị (trường, phần tử và giá trị lồng nhau)`, en: `an event may hold at most ${MAX_EVENT_VALUES} values (fields, items and nested values)` } };
}

/** A value JSON cannot carry (a dossier and its log stay plain JSON). */
function badLeaf(v: unknown): boolean {
  const t = typeof v;
  return t === 'bigint' || t === 'symbol' || t === 'function';
}

/**
 * Check the nested values of one top-level field of an event: depth, count and JSON-representable
 * leaves. `budget` is the number of values the event may still hold; the remaining budget is
 * returned (negative: over budget, reported as a problem).
 */
export function checkNested(field: string, value: object, budget: number): BoundProblem | number {
  const stack: unknown[] = [value];
  const depths: number[] = [1];
  while (stack.length > 0) {
    const v = stack.pop()!;
    const depth = depths.pop()!;
    if (--budget < 0) return tooMany(field);
    if (typeof v !== 'object' || v === null) {
      if (badLeaf(v)) return { field, message: { vi: `không thể lưu giá trị kiểu ${kindVi(v)} vào nhật ký của hồ sơ (chỉ nhận giá trị JSON thông thường)`, en: `a ${typeof v} cannot be stored in a dossier's log (plain JSON values only)` } };
      continue;
    }
    if (depth > MAX_EVENT_DEPTH) return { field, message: { vi: `lồng nhau quá ${MAX_EVENT_DEPTH} cấp (hoặc tham chiếu vòng)`, en: `nested more than ${MAX_EVENT_DEPTH} levels deep (or circular)` } };
    if (v instanceof Date) continue;
    if (Array.isArray(v)) {
      for (let k = v.length - 1; k >= 0; k--) {
        if (budget - stack.length <= 0) return tooMany(field);
        stack.push(v[k]);
        depths.push(depth + 1);
      }
    } else {
      for (const key in v) {
        if (budget - stack.length <= 0) return tooMany(field);
        stack.push((v as Record<string, unknown>)[key]);
        depths.push(depth + 1);
      }
    }
  }
  return budget;
}

/** Is a top-level field value one JSON cannot carry? (`checkShape` calls it for non-object fields.) */
export function isBadLeaf(v: unknown): boolean {
  return badLeaf(v);
}

/** Own enumerable keys whose value is not `undefined` (JSON omits those). */
function definedKeys(o: object): string[] {
  const out: string[] = [];
  for (const key in o) if ((o as Record<string, unknown>)[key] !== undefined) out.push(key);
  return out;
}

/**
 * Are two events the same event (an idempotent retry)? Structural equality of plain JSON values:
 * the same fields with the same values, key order ignored, `undefined` fields ignored (as JSON
 * does), `Date`s by their time. Iterative and bounded by `limit` visited values (both events have
 * passed the bounds of {@link checkNested} before they are compared, so the limit only guards
 * against misuse): past it, the events are not the same.
 */
export function sameEvent(a: unknown, b: unknown, limit = 2 * MAX_EVENT_VALUES + 2): boolean {
  if (a === b) return true;
  const xs: unknown[] = [a];
  const ys: unknown[] = [b];
  while (xs.length > 0) {
    if (--limit < 0) return false;
    const x = xs.pop();
    const y = ys.pop();
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) {
      if (typeof x === 'number' && typeof y === 'number' && x !== x && y !== y) continue; // NaN
      return false;
    }
    if (x instanceof Date || y instanceof Date) {
      if (!(x instanceof Date && y instanceof Date) || !Object.is(x.getTime(), y.getTime())) return false;
      continue;
    }
    const ax = Array.isArray(x);
    if (ax !== Array.isArray(y)) return false;
    if (ax) {
      const u = x as unknown[];
      const w = y as unknown[];
      if (u.length !== w.length) return false;
      for (let k = 0; k < u.length; k++) {
        xs.push(u[k]);
        ys.push(w[k]);
      }
      continue;
    }
    const kx = definedKeys(x);
    const ky = definedKeys(y);
    if (kx.length !== ky.length) return false;
    for (const key of kx) {
      const yv = (y as Record<string, unknown>)[key];
      if (yv === undefined) return false;
      xs.push((x as Record<string, unknown>)[key]);
      ys.push(yv);
    }
  }
  return true;
}
