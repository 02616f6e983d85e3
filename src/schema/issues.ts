import { show } from '../errors';
import { labelOf } from '../procedure/labels';

/** One problem found in the input: where, what, and the attribute's Vietnamese label. */
export interface ParseIssue {
  /** Path to the value, e.g. `['procedures', 3, 'channels', 0, 'limit', 'amount']`. */
  readonly path: readonly (string | number)[];
  /** The path as text, e.g. `procedures[3].channels[0].limit.amount` (`(root)` for the input itself). */
  readonly at: string;
  /** Vietnamese label of the attribute, e.g. `thời hạn giải quyết (số lượng)`. */
  readonly label: string;
  /** Human message in English with the Vietnamese label, e.g. `processing time limit amount (thời hạn giải quyết (số lượng)) at channels[0].limit.amount: must be a finite number ≥ 0, got -1`. */
  readonly message: string;
}

/** @internal Render a path as `a[0].b`. */
export function pathText(path: readonly (string | number)[]): string {
  let s = '';
  for (const k of path) s += typeof k === 'number' ? `[${k}]` : s === '' ? k : `.${k}`;
  return s === '' ? '(root)' : s;
}

/** @internal Build an issue from a path and a detail. */
export function issueAt(path: readonly (string | number)[], detail: string): ParseIssue {
  const l = labelOf(path);
  const at = pathText(path);
  return { path, at, label: l.vi, message: `${l.en} (${l.vi}) at ${at}: ${detail}` };
}

function typeName(v: unknown): string {
  if (v === undefined) return 'nothing (missing)';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return typeof v === 'object' ? 'an object' : `${typeof v} ${show(v)}`;
}

/** Minimal view of a zod issue (zod 4 core). */
interface RawIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly input?: unknown;
  readonly expected?: string;
  readonly values?: readonly unknown[];
  readonly keys?: readonly string[];
  readonly minimum?: number | bigint;
  readonly origin?: string;
  readonly format?: string;
}

/** @internal Turn zod issues into {@link ParseIssue}s with English messages and Vietnamese labels. */
export function fromZod(issues: readonly RawIssue[], prefix: readonly (string | number)[] = []): ParseIssue[] {
  const out: ParseIssue[] = [];
  for (const i of issues) {
    const path = [...prefix, ...i.path.filter((k): k is string | number => typeof k !== 'symbol')];
    switch (i.code) {
      case 'invalid_type':
        out.push(issueAt(path, i.input === undefined ? `is required, expected ${i.expected}` : `expected ${i.expected}, got ${typeName(i.input)}`));
        break;
      case 'invalid_value':
        out.push(issueAt(path, `${i.input === undefined ? 'is required, expected' : 'expected'} ${(i.values ?? []).map((v) => show(v)).join(' | ')}${i.input === undefined ? '' : `, got ${show(i.input)}`}`));
        break;
      case 'unrecognized_keys':
        for (const k of i.keys ?? []) out.push(issueAt([...path, k], `unknown field ${show(k)} (pass { unknownKeys: 'keep' } to keep unknown fields)`));
        break;
      case 'too_small':
        out.push(issueAt(path, i.message !== 'Invalid input' ? `${i.message}, got ${i.origin === 'array' ? `${(i.input as unknown[] | undefined)?.length ?? 0} items` : show(i.input)}` : `too small (minimum ${String(i.minimum)})`));
        break;
      default:
        out.push(issueAt(path, i.message !== 'Invalid input' ? `${i.message}${i.code === 'invalid_format' ? `, got ${show(i.input)}` : ''}` : `invalid value ${show(i.input)}`));
    }
  }
  return out;
}
