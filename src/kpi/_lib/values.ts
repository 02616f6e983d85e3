/**
 * Value maps (bảng chuyển đổi giá trị): the Vietnamese words and national codes vendor exports
 * write for levels, channels, end kinds and national statuses, yes/no and amounts, read as the
 * record's values. Built-in defaults cover the common ones; a mapping file adds its own.
 * @internal
 * @module
 */
import { MotcuaError, show } from '../../errors';

/** The fields a value map applies to. `yesNo` applies to every yes/no field. */
export type ValueMapField = 'level' | 'channel' | 'finishedAs' | 'yesNo' | 'pausedFor';

/**
 * What an end-kind cell may be read as: an end kind, or, for national status codes (1-10) and
 * status names, `pending` (still in progress: the end date must be empty), `returned` (status
 * 10: resolved, ended on the return date when the end date is empty), `not-received` (status 1
 * or 3: the dossier was never officially received and is not in Biểu II.06a; the row is rejected).
 */
export type EndTarget = 'resolved' | 'refused' | 'stopped' | 'withdrawn' | 'pending' | 'returned' | 'not-received';

/** User value maps, as in a mapping file: `{ level: { "Cấp xã": "commune" }, yesNo: { "Đã số hóa": true } }`. */
export interface ValueMaps {
  readonly level?: Readonly<Record<string, 'ministry' | 'province' | 'district' | 'commune'>>;
  readonly channel?: Readonly<Record<string, 'direct' | 'online' | 'postal'>>;
  readonly finishedAs?: Readonly<Record<string, EndTarget>>;
  readonly yesNo?: Readonly<Record<string, boolean>>;
  readonly pausedFor?: Readonly<Record<string, 'supplement' | 'financial-obligation' | 'other'>>;
}

/** Compiled value maps: keys normalised ({@link valueKey}), in `Map`s (cloneable to worker threads). @internal */
export type CompiledValues = ReadonlyMap<ValueMapField, ReadonlyMap<string, string>>;

/** How a cell is looked up: NFC, trimmed, lower case, inner spaces collapsed. @internal */
export function valueKey(v: string): string {
  return v.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
}

const LEVELS: Record<string, string> = {
  ministry: 'ministry', province: 'province', district: 'district', commune: 'commune',
  'cấp bộ': 'ministry', bộ: 'ministry', 'cấp trung ương': 'ministry', 'trung ương': 'ministry', 'cấp bộ, ngành': 'ministry',
  'cấp tỉnh': 'province', tỉnh: 'province', 'tỉnh, thành phố': 'province',
  'cấp huyện': 'district', huyện: 'district',
  'cấp xã': 'commune', xã: 'commune', 'xã, phường, thị trấn': 'commune', 'cấp xã, phường': 'commune',
};
const CHANNELS: Record<string, string> = {
  direct: 'direct', online: 'online', postal: 'postal', '1': 'direct', '2': 'online', '3': 'postal',
  'trực tiếp': 'direct', 'nộp trực tiếp': 'direct', 'tại quầy': 'direct',
  'trực tuyến': 'online', 'nộp trực tuyến': 'online', 'dịch vụ công trực tuyến': 'online', 'qua mạng': 'online',
  'bưu chính': 'postal', 'bưu chính công ích': 'postal', 'qua bưu chính công ích': 'postal', 'dịch vụ bưu chính công ích': 'postal', bcci: 'postal', 'qua dịch vụ bưu chính công ích': 'postal',
};
// National status codes (domain.md §4 [S]) and their names, plus the usual end words.
const ENDS: Record<string, string> = {
  resolved: 'resolved', refused: 'refused', stopped: 'stopped', withdrawn: 'withdrawn',
  '1': 'not-received', '2': 'pending', '3': 'not-received', '4': 'pending', '5': 'pending', '6': 'pending',
  '7': 'withdrawn', '8': 'stopped', '9': 'resolved', '10': 'returned',
  'mới đăng ký': 'not-received', 'được tiếp nhận': 'pending', 'đã tiếp nhận': 'pending', 'không được tiếp nhận': 'not-received',
  'đang xử lý': 'pending', 'đang giải quyết': 'pending', 'yêu cầu bổ sung giấy tờ': 'pending', 'yêu cầu bổ sung': 'pending',
  'yêu cầu thực hiện nghĩa vụ tài chính': 'pending',
  'công dân yêu cầu rút hồ sơ': 'withdrawn', 'công dân rút hồ sơ': 'withdrawn', 'rút hồ sơ': 'withdrawn', 'đã rút hồ sơ': 'withdrawn',
  'dừng xử lý': 'stopped', 'đã dừng xử lý': 'stopped',
  'đã xử lý xong': 'resolved', 'đã giải quyết': 'resolved', 'hoàn thành': 'resolved', 'giải quyết xong': 'resolved',
  'đã trả kết quả': 'returned',
  'từ chối': 'refused', 'từ chối giải quyết': 'refused', 'không giải quyết': 'refused',
};
const YES_NO: Record<string, string> = {
  true: 'true', false: 'false', '1': 'true', '0': 'false', yes: 'true', no: 'false', y: 'true', n: 'false', x: 'true', '': 'false',
  có: 'true', co: 'true', không: 'false', khong: 'false', đúng: 'true', sai: 'false', 'đã': 'true', 'chưa': 'false',
};

// What a paused dossier waits for: names, national status codes 5 and 6 (domain.md §4 [S]) and the usual words.
const PAUSES: Record<string, string> = {
  supplement: 'supplement', 'financial-obligation': 'financial-obligation', other: 'other',
  '5': 'supplement', '6': 'financial-obligation',
  'yêu cầu bổ sung giấy tờ': 'supplement', 'yêu cầu bổ sung': 'supplement', 'bổ sung': 'supplement', 'bổ sung hồ sơ': 'supplement', 'chờ bổ sung': 'supplement',
  'yêu cầu thực hiện nghĩa vụ tài chính': 'financial-obligation', 'nghĩa vụ tài chính': 'financial-obligation', 'thực hiện nghĩa vụ tài chính': 'financial-obligation',
  'tạm dừng': 'other', 'dừng tính thời gian': 'other', khác: 'other',
};

const DEFAULTS: Record<ValueMapField, Record<string, string>> = { level: LEVELS, channel: CHANNELS, finishedAs: ENDS, yesNo: YES_NO, pausedFor: PAUSES };
const TARGETS: Record<ValueMapField, readonly string[]> = {
  level: ['ministry', 'province', 'district', 'commune'],
  channel: ['direct', 'online', 'postal'],
  finishedAs: ['resolved', 'refused', 'stopped', 'withdrawn', 'pending', 'returned', 'not-received'],
  yesNo: ['true', 'false'],
  pausedFor: ['supplement', 'financial-obligation', 'other'],
};
/**
 * The words a default value map reads besides the values themselves and the national codes, by
 * the value they read as, for messages: `finishedAs` → `[['resolved', ['đã xử lý xong', …]], …]`,
 * `channel` → `[['direct', ['trực tiếp', …]], …, ['postal', [… 'bcci', …]]]` (the English names
 * and the codes are said apart). The table the readers use, so a message never lists a word they
 * do not read, nor leaves one out. @internal
 */
export function defaultWords(f: ValueMapField): [string, string[]][] {
  const out = new Map<string, string[]>();
  for (const [k, v] of Object.entries(DEFAULTS[f])) {
    if (k === v || /^\d+$/.test(k)) continue; // the values themselves and the codes, said apart
    const list = out.get(v) ?? [];
    list.push(k);
    out.set(v, list);
  }
  return [...out];
}

/** The values the fast byte reader decides on its own: a user map may not read them differently. */
const CANONICAL: Record<ValueMapField, Record<string, string>> = {
  level: { ministry: 'ministry', province: 'province', district: 'district', commune: 'commune' },
  channel: { direct: 'direct', online: 'online', postal: 'postal', '1': 'direct', '2': 'online', '3': 'postal' },
  finishedAs: { resolved: 'resolved', refused: 'refused', stopped: 'stopped', withdrawn: 'withdrawn' },
  yesNo: { true: 'true', false: 'false', '1': 'true', '0': 'false', yes: 'true', no: 'false', y: 'true', n: 'false', x: 'true', '': 'false', co: 'true', khong: 'false' },
  pausedFor: { supplement: 'supplement', 'financial-obligation': 'financial-obligation', other: 'other' },
};

/** The built-in maps alone. @internal */
export const DEFAULT_VALUES: CompiledValues = compileValues(undefined);

/**
 * Merge user value maps over the built-in defaults.
 * @throws {MotcuaError} `INVALID_OPTION` naming the map and key when a target is not a value of
 *   the field, or a key redefines a value motcua already reads (such as `online`, `1` or `true`).
 * @internal
 */
export function compileValues(user: ValueMaps | undefined): CompiledValues {
  const out = new Map<ValueMapField, Map<string, string>>();
  for (const f of Object.keys(DEFAULTS) as ValueMapField[]) {
    const m = new Map<string, string>();
    for (const [k, v] of Object.entries(DEFAULTS[f])) m.set(valueKey(k), v);
    out.set(f, m);
  }
  if (user === undefined || user === null) return out;
  if (typeof user !== 'object') throw new MotcuaError('INVALID_OPTION', { vi: `values phải là một đối tượng gồm các bảng giá trị, nhận được ${show(user, 'vi')}`, en: `values must be an object of value maps, got ${show(user)}` }, user, 'values');
  for (const f of Object.keys(user)) {
    if (!Object.hasOwn(DEFAULTS, f)) throw new MotcuaError('INVALID_OPTION', { vi: `không có bảng giá trị ${show(f, 'vi')}: dùng level, channel, finishedAs, yesNo hoặc pausedFor`, en: `there is no value map ${show(f)}: use level, channel, finishedAs, yesNo or pausedFor` }, f, 'values');
    const given = (user as Record<string, unknown>)[f];
    if (typeof given !== 'object' || given === null || Array.isArray(given)) throw new MotcuaError('INVALID_OPTION', { vi: `values.${f} phải là một đối tượng { "giá trị của hệ thống": "giá trị motcua" }, nhận được ${show(given, 'vi')}`, en: `values.${f} must be an object { "your value": "motcua value" }, got ${show(given)}` }, given, `values.${f}`);
    const m = out.get(f as ValueMapField)!;
    for (const [k, raw] of Object.entries(given as Record<string, unknown>)) {
      const v = typeof raw === 'boolean' ? String(raw) : raw;
      if (typeof v !== 'string' || !TARGETS[f as ValueMapField].includes(v)) {
        throw new MotcuaError('INVALID_OPTION', { vi: `values.${f}[${show(k, 'vi')}] là ${show(raw, 'vi')}, cần một trong các giá trị ${TARGETS[f as ValueMapField].join(', ')}`, en: `values.${f}[${show(k)}] is ${show(raw)}, expected one of ${TARGETS[f as ValueMapField].join(', ')}` }, raw, `values.${f}`);
      }
      const key = valueKey(k);
      const canonical = CANONICAL[f as ValueMapField];
      const canon = Object.hasOwn(canonical, key) ? canonical[key] : undefined;
      if (canon !== undefined && canon !== v) throw new MotcuaError('INVALID_OPTION', { vi: `values.${f}[${show(k, 'vi')}] sẽ đọc ${show(k, 'vi')} là ${v}, nhưng motcua đọc giá trị này là ${canon}: chỉ ánh xạ các từ riêng của hệ thống`, en: `values.${f}[${show(k)}] would read ${show(k)} as ${v}, but motcua reads it as ${canon}: map your system's own words only` }, k, `values.${f}`);
      m.set(key, v);
    }
  }
  return out;
}

/** The motcua value of a cell, or undefined when no map knows it. @internal */
export function lookupValue(values: CompiledValues, field: ValueMapField, v: string): string | undefined {
  const m = values.get(field)!;
  return m.get(v) ?? m.get(valueKey(v));
}

/**
 * A fee amount (số tiền phí, lệ phí) as exports write it: `50.000`, `50,000`, `50000`, with or
 * without `đ`, `₫`, `VND` or `VNĐ`. Returns the amount in đồng, or null when the cell is not an amount.
 * @internal
 */
export function readAmount(v: string): number | null {
  const s = v.normalize('NFC').trim().replace(/\s*(đ|₫|vnd|vnđ|đồng)$/i, '');
  if (/^\d{1,3}(\.\d{3})+$/.test(s)) return Number(s.replaceAll('.', ''));
  if (/^\d{1,3}(,\d{3})+$/.test(s)) return Number(s.replaceAll(',', ''));
  if (/^\d{1,15}$/.test(s)) return Number(s);
  return null;
}
