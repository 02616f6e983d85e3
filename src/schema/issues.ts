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

/** The string formats zod checks (`format` of an `invalid_format` issue), in Vietnamese and English. */
const FORMATS: Readonly<Record<string, ErrorTexts>> = Object.assign(Object.create(null) as Record<string, ErrorTexts>, {
  email: { vi: 'một địa chỉ email', en: 'an email address' },
  url: { vi: 'một địa chỉ URL', en: 'a URL' },
  uuid: { vi: 'một mã UUID', en: 'a UUID' },
  guid: { vi: 'một mã GUID', en: 'a GUID' },
  datetime: { vi: 'ngày giờ ISO 8601 (YYYY-MM-DDTHH:MM:SS)', en: 'an ISO 8601 date and time (YYYY-MM-DDTHH:MM:SS)' },
  date: { vi: 'ngày ISO 8601 (YYYY-MM-DD)', en: 'an ISO 8601 date (YYYY-MM-DD)' },
  time: { vi: 'giờ ISO 8601 (HH:MM:SS)', en: 'an ISO 8601 time (HH:MM:SS)' },
  duration: { vi: 'khoảng thời gian ISO 8601', en: 'an ISO 8601 duration' },
  ipv4: { vi: 'một địa chỉ IPv4', en: 'an IPv4 address' },
  ipv6: { vi: 'một địa chỉ IPv6', en: 'an IPv6 address' },
  base64: { vi: 'chuỗi mã hóa base64', en: 'a base64 string' },
  base64url: { vi: 'chuỗi mã hóa base64url', en: 'a base64url string' },
  json_string: { vi: 'chuỗi JSON', en: 'a JSON string' },
  e164: { vi: 'số điện thoại E.164', en: 'an E.164 phone number' },
  jwt: { vi: 'mã JWT', en: 'a JWT' },
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
function sizeUnit(origin: string | undefined): { readonly vi: string; readonly en: string } | null {
  if (origin === 'string') return { vi: 'ký tự', en: 'character' };
  if (origin === 'array' || origin === 'set' || origin === 'map' || origin === 'record') return { vi: 'mục', en: 'item' };
  if (origin === 'file') return { vi: 'byte', en: 'byte' };
  return null;
}

/** The size of an input in the unit of {@link sizeUnit} (characters, items, bytes), when it has one. */
function sizeOf(input: unknown): number | null {
  if (typeof input === 'string' || Array.isArray(input)) return input.length;
  if (typeof input === 'object' && input !== null && typeof (input as { size?: unknown }).size === 'number') return (input as { size: number }).size;
  return null;
}

/** `3 characters`, `1 item`: an English count with its unit. */
function countEn(n: string | number, unit: string): string {
  return `${n} ${unit}${String(n) === '1' ? '' : 's'}`;
}

/**
 * A bound zod checked itself (`too_small`, `too_big`), in both languages: which bound, whether it
 * is allowed, its unit, and what the input has (`quá ít ký tự: cần ít nhất 3 ký tự, nhận được 2
 * ký tự` / `too few characters: expected at least 3 characters, got 2 characters`).
 */
function boundTexts(i: RawIssue, small: boolean): ErrorTexts {
  const raw = small ? i.minimum : i.maximum;
  const bound = i.origin === 'date' && typeof raw === 'number' && Number.isFinite(raw) ? new Date(raw).toISOString() : String(raw);
  const unit = sizeUnit(i.origin);
  const size = unit === null ? null : sizeOf(i.input);
  if (unit !== null) {
    const gotVi = size !== null ? `${size} ${unit.vi}` : show(i.input, 'vi');
    const gotEn = size !== null ? countEn(size, unit.en) : show(i.input);
    const needVi = i.exact === true ? `đúng ${bound}` : i.inclusive === false ? `${small ? 'nhiều hơn' : 'ít hơn'} ${bound}` : `${small ? 'ít nhất' : 'nhiều nhất'} ${bound}`;
    const needEn = i.exact === true ? `exactly ${countEn(bound, unit.en)}` : i.inclusive === false ? `${small ? 'more' : 'fewer'} than ${countEn(bound, unit.en)}` : `${small ? 'at least' : 'at most'} ${countEn(bound, unit.en)}`;
    return {
      vi: `${small ? 'quá ít' : 'quá nhiều'} ${unit.vi}: cần ${needVi} ${unit.vi}, nhận được ${gotVi}`,
      en: `${small ? 'too few' : 'too many'} ${unit.en}s: expected ${needEn}, got ${gotEn}`,
    };
  }
  const op = i.exact === true ? '=' : small ? (i.inclusive === false ? '>' : '≥') : i.inclusive === false ? '<' : '≤';
  const what = i.origin === 'date' ? (small ? { vi: 'quá sớm', en: 'too early' } : { vi: 'quá muộn', en: 'too late' }) : small ? { vi: 'quá nhỏ', en: 'too small' } : { vi: 'quá lớn', en: 'too large' };
  return { vi: `${what.vi}: cần ${op} ${bound}, nhận được ${show(i.input, 'vi')}`, en: `${what.en}: expected ${op} ${bound}, got ${show(i.input)}` };
}

/**
 * The texts of an issue zod raised with its own message (no text of the schemas'), in Vietnamese
 * and English: specific to its code (bounds, format, divisor, union, key, element, custom check),
 * built from the issue's data (minimum, maximum, format, pattern, divisor, input), from this small
 * table rather than zod's locales or its message: no global zod configuration (`z.config`) ever
 * shows through, and a few hundred bytes in the bundle.
 */
function zodTexts(i: RawIssue): ErrorTexts {
  const got = { vi: `, nhận được ${show(i.input, 'vi')}`, en: `, got ${show(i.input)}` };
  const both = (vi: string, en: string): ErrorTexts => ({ vi: `${vi}${got.vi}`, en: `${en}${got.en}` });
  switch (i.code) {
    case 'too_small':
      return boundTexts(i, true);
    case 'too_big':
      return boundTexts(i, false);
    case 'invalid_format': {
      if (i.format === 'starts_with') return both(`phải bắt đầu bằng ${show(i.prefix, 'vi')}`, `must start with ${show(i.prefix)}`);
      if (i.format === 'ends_with') return both(`phải kết thúc bằng ${show(i.suffix, 'vi')}`, `must end with ${show(i.suffix)}`);
      if (i.format === 'includes') return both(`phải chứa ${show(i.includes, 'vi')}`, `must include ${show(i.includes)}`);
      if (i.format === 'regex') return both(`không khớp mẫu ${String(i.pattern)}`, `does not match the pattern ${String(i.pattern)}`);
      const f = i.format === undefined ? undefined : FORMATS[i.format];
      return f !== undefined ? both(`cần ${f.vi}`, `expected ${f.en}`) : both(`sai định dạng ${show(i.format, 'vi')}`, `does not have the format ${show(i.format)}`);
    }
    case 'not_multiple_of':
      return both(`phải là bội số của ${String(i.divisor)}`, `must be a multiple of ${String(i.divisor)}`);
    case 'invalid_union':
      return i.inclusive === false
        ? both('khớp với nhiều hơn một dạng được chấp nhận (chỉ được khớp một)', 'matches more than one accepted form (only one may match)')
        : both('không khớp với dạng nào được chấp nhận', 'matches none of the accepted forms');
    case 'invalid_key':
      return both('có khóa không hợp lệ', 'has an invalid key');
    case 'invalid_element':
      return both('có phần tử không hợp lệ', 'has an invalid element');
    case 'custom':
      return both('không thỏa điều kiện kiểm tra', 'does not pass a check');
    default:
      return { vi: `giá trị không hợp lệ ${show(i.input, 'vi')}`, en: `invalid value ${show(i.input)}` };
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
              : zodTexts(i),
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
              : // zod's own message is never quoted (its wording is zod's global configuration): ours, from the issue's data
                zodTexts(i),
          ),
        );
      }
    }
  }
  return out;
}
