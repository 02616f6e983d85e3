/**
 * @internal The mapping file of `motcua report --mapping FILE`: either the columns alone
 * (`{ "id": "ma_ho_so", … }`), or `{ "preset": "dvcqg", "columns": {…}, "values": {…}, "dateFormat": "…" }`.
 */
import { MotcuaError, isMotcuaError, messageOf, show } from '../errors';
import { type ColumnMapping, presetMapping, type ValueMaps } from '../kpi';

/** What a mapping file and the flags say about reading a file. */
export interface InputSpec {
  readonly mapping: ColumnMapping;
  readonly values?: ValueMaps;
  readonly dateFormat?: string;
}

const FIELDS = new Set([
  'id', 'procedureCode', 'field', 'agency', 'level', 'channel', 'receivedOn', 'dueOn', 'originalDueOn', 'finishedOn', 'finishedAs', 'returnedOn',
  'pausedSince', 'pausedFor', 'supplements', 'extensions', 'digitised', 'eResult', 'paperResultRequired', 'feeDue', 'paidOnline', 'synced', 'complaint', 'reusedData', 'dataStored', 'componentsFromStore',
  'refusedOn', 'stoppedOn', 'resolvedOn', 'withdrawnOn',
]);

function columnsOf(o: unknown, where: string): Record<string, string> {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) throw new MotcuaError('INVALID_OPTION', { vi: `${where} phải là một đối tượng { "trườngBảnGhi": "cột của hệ thống" }, nhận được ${show(o, 'vi')}`, en: `${where} must be an object { "recordField": "your column" }, got ${show(o)}` }, o, where);
  const out: Record<string, string> = Object.create(null);
  for (const [k, v] of Object.entries(o)) {
    if (!FIELDS.has(k)) throw new MotcuaError('INVALID_OPTION', { vi: `${where}: ${show(k, 'vi')} không phải trường bản ghi (các trường: ${[...FIELDS].join(', ')})`, en: `${where}: ${show(k)} is not a record field (known: ${[...FIELDS].join(', ')})` }, k, where);
    if (typeof v !== 'string' || v.trim() === '') throw new MotcuaError('INVALID_OPTION', { vi: `${where}.${k} phải là tên một cột, nhận được ${show(v, 'vi')}`, en: `${where}.${k} must be a column name, got ${show(v)}` }, v, `${where}.${k}`);
    out[k] = v;
  }
  return out;
}

/**
 * Read a mapping file's text (JSON), with `--preset` and `--date-format` from the command line
 * (the flags win over the file).
 * @throws {MotcuaError} `INVALID_OPTION` naming the file and the key.
 */
export function inputSpec(text: string | undefined, file: string | undefined, flags: { preset?: string; dateFormat?: string }): InputSpec {
  let o: Record<string, unknown> = {};
  if (text !== undefined) {
    try {
      o = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as Record<string, unknown>;
    } catch (e) {
      throw new MotcuaError('INVALID_OPTION', { vi: `${file}: không phải JSON: ${(e as Error).message}`, en: `${file}: not JSON: ${(e as Error).message}` }, file, 'mapping');
    }
    if (typeof o !== 'object' || o === null || Array.isArray(o)) throw new MotcuaError('INVALID_OPTION', { vi: `${file}: cần một đối tượng JSON`, en: `${file}: expected a JSON object` }, file, 'mapping');
  }
  const structured = ['columns', 'values', 'dateFormat', 'preset'].some((k) => Object.hasOwn(o, k));
  let columns: Record<string, string> = Object.create(null);
  let values: ValueMaps | undefined;
  let dateFormat: string | undefined;
  let preset: string | undefined;
  if (structured) {
    for (const k of Object.keys(o)) if (!['columns', 'values', 'dateFormat', 'preset'].includes(k)) throw new MotcuaError('INVALID_OPTION', { vi: `${file}: không có khóa ${show(k, 'vi')} (dùng preset, columns, values và dateFormat)`, en: `${file}: unknown key ${show(k)} (use preset, columns, values and dateFormat)` }, k, 'mapping');
    if (o.columns !== undefined) columns = columnsOf(o.columns, `${file}: columns`);
    if (o.values !== undefined) values = o.values as ValueMaps;
    if (o.dateFormat !== undefined) {
      if (typeof o.dateFormat !== 'string') throw new MotcuaError('INVALID_OPTION', { vi: `${file}: dateFormat phải là một mẫu như "dd/MM/yyyy HH:mm", nhận được ${show(o.dateFormat, 'vi')}`, en: `${file}: dateFormat must be a pattern such as "dd/MM/yyyy HH:mm", got ${show(o.dateFormat)}` }, o.dateFormat, 'dateFormat');
      dateFormat = o.dateFormat;
    }
    if (o.preset !== undefined) preset = String(o.preset);
  } else if (text !== undefined) columns = columnsOf(o, file ?? 'mapping');
  preset = flags.preset ?? preset;
  let base: ColumnMapping = {};
  if (preset !== undefined) {
    try {
      base = presetMapping(preset);
    } catch (e) {
      throw new MotcuaError('INVALID_OPTION', isMotcuaError(e) ? e.texts : { vi: messageOf(e), en: messageOf(e, 'en') }, preset, 'preset');
    }
  }
  dateFormat = flags.dateFormat ?? dateFormat;
  return { mapping: { ...base, ...columns }, ...(values !== undefined ? { values } : {}), ...(dateFormat !== undefined ? { dateFormat } : {}) };
}
