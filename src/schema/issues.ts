import { kindVi, show } from '../errors';
import type { ErrorTexts } from '../errors';
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
  /**
   * The message in Vietnamese (`vi`, for the officer: `thời hạn giải quyết (số lượng) tại
   * channels[0].limit.amount: phải là số hữu hạn ≥ 0, nhận được -1`) and English (`en`, = `message`).
   */
  readonly texts: ErrorTexts;
}

/**
 * @internal Vietnamese text of the English messages the schemas give zod, keyed by the English
 * (filled by {@link zodText} as the schemas are built).
 */
const ZOD_VI = new Map<string, string>();

/** @internal Register a schema message in both languages; returns the English one, which zod carries. */
export function zodText(t: ErrorTexts): string {
  ZOD_VI.set(t.en, t.vi);
  return t.en;
}

/** @internal Render a path as `a[0].b`. */
export function pathText(path: readonly (string | number)[]): string {
  let s = '';
  for (const k of path) s += typeof k === 'number' ? `[${k}]` : s === '' ? k : `.${k}`;
  return s === '' ? '(root)' : s;
}

/** @internal Build an issue from a path and a detail. */
export function issueAt(path: readonly (string | number)[], detail: ErrorTexts): ParseIssue {
  const l = labelOf(path);
  const at = pathText(path);
  const message = `${l.en} (${l.vi}) at ${at}: ${detail.en}`;
  return { path, at, label: l.vi, message, texts: { vi: `${l.vi} tại ${at}: ${detail.vi}`, en: message } };
}

function typeName(v: unknown): ErrorTexts {
  if (v === undefined) return { vi: 'không có gì (bị thiếu)', en: 'nothing (missing)' };
  if (v === null) return { vi: 'null (giá trị rỗng)', en: 'null' };
  if (Array.isArray(v)) return { vi: 'một mảng', en: 'an array' };
  if (typeof v === 'number' && !Number.isFinite(v)) return { vi: String(v), en: String(v) };
  return typeof v === 'object' ? { vi: 'một đối tượng', en: 'an object' } : { vi: `${kindVi(v)} ${show(v, 'vi')}`, en: `${typeof v} ${show(v)}` };
}

/** Vietnamese names of the types zod expects (`expected` of an `invalid_type` issue). */
const EXPECTED_VI: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  string: 'chuỗi',
  number: 'số',
  boolean: 'giá trị đúng/sai',
  object: 'đối tượng',
  array: 'mảng',
  null: 'null',
  bigint: 'số nguyên lớn',
  date: 'ngày',
  nonoptional: 'giá trị bắt buộc',
});

function expectedVi(e: string | undefined): string {
  return (e !== undefined && EXPECTED_VI[e]) || String(e);
}

/** The Vietnamese of a message a schema gave zod; a zod message the schemas did not register has none. */
function viOf(message: string, input: unknown): string {
  return ZOD_VI.get(message) ?? `giá trị không hợp lệ ${show(input, 'vi')}`;
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
  /** A custom issue's parameters: the schemas put its Vietnamese text in `vi`. */
  readonly params?: { readonly vi?: unknown };
}

/** @internal Turn zod issues into {@link ParseIssue}s with English messages, Vietnamese labels and `texts` in both languages. */
export function fromZod(issues: readonly RawIssue[], prefix: readonly (string | number)[] = []): ParseIssue[] {
  const out: ParseIssue[] = [];
  for (const i of issues) {
    const path = [...prefix, ...i.path.filter((k): k is string | number => typeof k !== 'symbol')];
    switch (i.code) {
      case 'invalid_type': {
        const got = typeName(i.input);
        out.push(
          issueAt(
            path,
            i.input === undefined
              ? { vi: `bắt buộc phải có, cần ${expectedVi(i.expected)}`, en: `is required, expected ${i.expected}` }
              : { vi: `cần ${expectedVi(i.expected)}, nhận được ${got.vi}`, en: `expected ${i.expected}, got ${got.en}` },
          ),
        );
        break;
      }
      case 'invalid_value': {
        const values = (i.values ?? []).map((v) => show(v)).join(' | ');
        const valuesVi = (i.values ?? []).map((v) => show(v, 'vi')).join(' | ');
        out.push(
          issueAt(path, {
            vi: `${i.input === undefined ? 'bắt buộc phải có, cần một trong' : 'cần một trong'} ${valuesVi}${i.input === undefined ? '' : `, nhận được ${show(i.input, 'vi')}`}`,
            en: `${i.input === undefined ? 'is required, expected' : 'expected'} ${values}${i.input === undefined ? '' : `, got ${show(i.input)}`}`,
          }),
        );
        break;
      }
      case 'unrecognized_keys':
        for (const k of i.keys ?? []) {
          out.push(issueAt([...path, k], { vi: `trường không xác định ${show(k, 'vi')} (truyền { unknownKeys: 'keep' } để giữ các trường không xác định)`, en: `unknown field ${show(k)} (pass { unknownKeys: 'keep' } to keep unknown fields)` }));
        }
        break;
      case 'too_small': {
        const n = (i.input as unknown[] | undefined)?.length ?? 0;
        out.push(
          issueAt(
            path,
            i.message !== 'Invalid input'
              ? { vi: `${viOf(i.message, i.input)}, nhận được ${i.origin === 'array' ? `${n} mục` : show(i.input, 'vi')}`, en: `${i.message}, got ${i.origin === 'array' ? `${n} items` : show(i.input)}` }
              : { vi: `quá nhỏ (tối thiểu ${String(i.minimum)})`, en: `too small (minimum ${String(i.minimum)})` },
          ),
        );
        break;
      }
      default: {
        const vi = i.code === 'custom' && typeof i.params?.vi === 'string' ? i.params.vi : viOf(i.message, i.input);
        out.push(
          issueAt(
            path,
            i.message !== 'Invalid input'
              ? { vi: `${vi}${i.code === 'invalid_format' ? `, nhận được ${show(i.input, 'vi')}` : ''}`, en: `${i.message}${i.code === 'invalid_format' ? `, got ${show(i.input)}` : ''}` }
              : { vi: `giá trị không hợp lệ ${show(i.input, 'vi')}`, en: `invalid value ${show(i.input)}` },
          ),
        );
      }
    }
  }
  return out;
}
