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

/** Vietnamese names of the types zod expects (`expected` of an `invalid_type` issue): every type zod 4 names. */
const EXPECTED_VI: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  string: 'chuỗi',
  number: 'số',
  int: 'số nguyên',
  nan: 'NaN',
  boolean: 'giá trị đúng/sai',
  object: 'đối tượng',
  record: 'đối tượng (các cặp khóa: giá trị)',
  array: 'mảng',
  tuple: 'mảng có số phần tử cố định',
  set: 'tập hợp (Set)',
  map: 'bảng ánh xạ (Map)',
  null: 'null',
  undefined: 'không có giá trị (undefined)',
  void: 'không có giá trị (undefined)',
  never: 'không có giá trị nào (trường này không được có)',
  bigint: 'số nguyên lớn',
  symbol: 'ký hiệu (symbol)',
  date: 'ngày (Date)',
  file: 'tệp (File)',
  function: 'hàm',
  promise: 'Promise',
  template_literal: 'chuỗi theo mẫu',
  nonoptional: 'giá trị bắt buộc',
});

/** The Vietnamese of an expected type; a class name (`instanceof`) follows `đối tượng`. */
function expectedVi(e: string | undefined): string {
  if (e !== undefined && EXPECTED_VI[e] !== undefined) return EXPECTED_VI[e];
  return e !== undefined && /^[A-Z]/.test(e) ? `đối tượng ${e}` : `kiểu ${String(e)}`;
}

/** Vietnamese names of the string formats zod checks (`format` of an `invalid_format` issue). */
const FORMAT_VI: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  email: 'một địa chỉ email',
  url: 'một địa chỉ URL',
  uuid: 'một mã UUID',
  guid: 'một mã GUID',
  datetime: 'ngày giờ ISO 8601 (YYYY-MM-DDTHH:MM:SS)',
  date: 'ngày ISO 8601 (YYYY-MM-DD)',
  time: 'giờ ISO 8601 (HH:MM:SS)',
  duration: 'khoảng thời gian ISO 8601',
  ipv4: 'một địa chỉ IPv4',
  ipv6: 'một địa chỉ IPv6',
  base64: 'chuỗi mã hóa base64',
  base64url: 'chuỗi mã hóa base64url',
  json_string: 'chuỗi JSON',
  e164: 'số điện thoại E.164',
  jwt: 'mã JWT',
});

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
  readonly maximum?: number | bigint;
  /** Whether the bound itself is allowed (`too_small`, `too_big`); for `invalid_union`, `false` when several options matched. */
  readonly inclusive?: boolean;
  readonly exact?: boolean;
  readonly divisor?: number | bigint;
  readonly origin?: string;
  readonly format?: string;
  readonly pattern?: string;
  readonly prefix?: string;
  readonly suffix?: string;
  readonly includes?: string;
  /** A custom issue's parameters: the schemas put its Vietnamese text in `vi`. */
  readonly params?: { readonly vi?: unknown };
}

/** The unit a size bound counts in, by the `origin` of a `too_small` / `too_big` issue (null: a number, a date). */
function sizeUnitVi(origin: string | undefined): string | null {
  if (origin === 'string') return 'ký tự';
  if (origin === 'array' || origin === 'set' || origin === 'map' || origin === 'record') return 'mục';
  if (origin === 'file') return 'byte';
  return null;
}

/** The size of an input in the unit of {@link sizeUnitVi} (characters, items, bytes), when it has one. */
function sizeOf(input: unknown): number | null {
  if (typeof input === 'string' || Array.isArray(input)) return input.length;
  if (typeof input === 'object' && input !== null && typeof (input as { size?: unknown }).size === 'number') return (input as { size: number }).size;
  return null;
}

/** The Vietnamese of a bound zod checked itself (`too_small`, `too_big`): which bound, whether it is allowed, its unit, and what the input has. */
function boundVi(i: RawIssue, small: boolean): string {
  const raw = small ? i.minimum : i.maximum;
  const bound = i.origin === 'date' && typeof raw === 'number' && Number.isFinite(raw) ? new Date(raw).toISOString() : String(raw);
  const unit = sizeUnitVi(i.origin);
  const size = unit === null ? null : sizeOf(i.input);
  const got = size !== null ? `${size} ${unit}` : show(i.input, 'vi');
  if (unit !== null) {
    const need = i.exact === true ? `đúng ${bound}` : i.inclusive === false ? `${small ? 'nhiều hơn' : 'ít hơn'} ${bound}` : `${small ? 'ít nhất' : 'nhiều nhất'} ${bound}`;
    return `${small ? 'quá ít' : 'quá nhiều'} ${unit}: cần ${need} ${unit}, nhận được ${got}`;
  }
  const what = i.origin === 'date' ? (small ? 'quá sớm' : 'quá muộn') : small ? 'quá nhỏ' : 'quá lớn';
  const op = i.exact === true ? '=' : small ? (i.inclusive === false ? '>' : '≥') : i.inclusive === false ? '<' : '≤';
  return `${what}: cần ${op} ${bound}, nhận được ${got}`;
}

/**
 * The Vietnamese of an issue zod raised with its own message (no text of the schemas'): specific to
 * its code (bounds, format, divisor, union, key, element), from this small table rather than zod's
 * locales: no global zod configuration (`z.config`), and a few hundred bytes in the bundle.
 */
function zodVi(i: RawIssue): string {
  const got = `, nhận được ${show(i.input, 'vi')}`;
  switch (i.code) {
    case 'too_small':
      return boundVi(i, true);
    case 'too_big':
      return boundVi(i, false);
    case 'invalid_format': {
      if (i.format === 'starts_with') return `phải bắt đầu bằng ${show(i.prefix, 'vi')}${got}`;
      if (i.format === 'ends_with') return `phải kết thúc bằng ${show(i.suffix, 'vi')}${got}`;
      if (i.format === 'includes') return `phải chứa ${show(i.includes, 'vi')}${got}`;
      if (i.format === 'regex') return `không khớp mẫu ${String(i.pattern)}${got}`;
      const f = i.format === undefined ? undefined : FORMAT_VI[i.format];
      return f !== undefined ? `cần ${f}${got}` : `sai định dạng ${show(i.format, 'vi')}${got}`;
    }
    case 'not_multiple_of':
      return `phải là bội số của ${String(i.divisor)}${got}`;
    case 'invalid_union':
      return i.inclusive === false ? `khớp với nhiều hơn một dạng được chấp nhận (chỉ được khớp một)${got}` : `không khớp với dạng nào được chấp nhận${got}`;
    case 'invalid_key':
      return `có khóa không hợp lệ${got}`;
    case 'invalid_element':
      return `có phần tử không hợp lệ${got}`;
    case 'custom':
      return `không thỏa điều kiện kiểm tra${got}`;
    default:
      return `giá trị không hợp lệ ${show(i.input, 'vi')}`;
  }
}

/**
 * The schemas' own text of an issue, in both languages: a message registered with {@link zodText},
 * or a custom issue's `message` with its `params.vi`. `null` for a message zod wrote itself, whose
 * wording depends on zod's global configuration (another library's `z.config(...)`, or simply
 * importing the classic `zod` API, sets English messages for every copy of zod 4 in the process):
 * those are never quoted, so the texts stay the same whatever that configuration.
 */
function ownText(i: RawIssue): ErrorTexts | null {
  const vi = ZOD_VI.get(i.message);
  if (vi !== undefined) return { vi, en: i.message };
  if (i.code === 'custom' && typeof i.params?.vi === 'string') return { vi: i.params.vi, en: i.message };
  return null;
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
        const need = (i.values ?? []).length === 1 ? 'cần' : 'cần một trong';
        out.push(
          issueAt(path, {
            vi: `${i.input === undefined ? `bắt buộc phải có, ${need}` : need} ${valuesVi}${i.input === undefined ? '' : `, nhận được ${show(i.input, 'vi')}`}`,
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
        const own = ownText(i);
        const n = (i.input as unknown[] | undefined)?.length ?? 0;
        out.push(
          issueAt(
            path,
            own !== null
              ? { vi: `${own.vi}, nhận được ${i.origin === 'array' ? `${n} mục` : show(i.input, 'vi')}`, en: `${own.en}, got ${i.origin === 'array' ? `${n} items` : show(i.input)}` }
              : { vi: zodVi(i), en: `too small (minimum ${String(i.minimum)})` },
          ),
        );
        break;
      }
      default: {
        const own = ownText(i);
        const format = i.code === 'invalid_format';
        out.push(
          issueAt(
            path,
            own !== null
              ? { vi: `${own.vi}${format ? `, nhận được ${show(i.input, 'vi')}` : ''}`, en: `${own.en}${format ? `, got ${show(i.input)}` : ''}` }
              : // a custom issue of the schemas without its Vietnamese keeps its English message
                { vi: zodVi(i), en: i.code === 'custom' && i.message !== 'Invalid input' ? i.message : `invalid value ${show(i.input)}` },
          ),
        );
      }
    }
  }
  return out;
}
