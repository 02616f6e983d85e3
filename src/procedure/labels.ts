/**
 * English and Vietnamese labels of the procedure attributes, used in validation messages and docs.
 * @module
 */

/** A label in English and Vietnamese. */
export interface AttributeLabel {
  readonly en: string;
  readonly vi: string;
}

/**
 * Labels of the procedure attributes (tên trường), keyed by attribute name or `parent.name`.
 *
 * @example
 * ```ts
 * import { PROCEDURE_LABELS } from 'motcua/procedure';
 * PROCEDURE_LABELS['limit']?.vi; // 'thời hạn giải quyết'
 * ```
 */
export const PROCEDURE_LABELS: Readonly<Record<string, AttributeLabel>> = {
  meta: { en: 'catalogue facts', vi: 'thông tin danh mục' },
  procedures: { en: 'procedures', vi: 'danh mục thủ tục hành chính' },
  code: { en: 'procedure code', vi: 'mã thủ tục' },
  name: { en: 'procedure name', vi: 'tên thủ tục' },
  field: { en: 'field', vi: 'lĩnh vực' },
  'field.code': { en: 'field code', vi: 'mã lĩnh vực' },
  'field.name': { en: 'field name', vi: 'tên lĩnh vực' },
  agency: { en: 'implementing agency', vi: 'cơ quan thực hiện' },
  'agency.name': { en: 'agency name', vi: 'tên cơ quan thực hiện' },
  level: { en: 'agency level', vi: 'cấp thực hiện' },
  levelBefore2025: { en: 'agency level before 1/7/2025', vi: 'cấp thực hiện trước 01/7/2025' },
  ministry: { en: 'managing ministry', vi: 'bộ quản lý' },
  applicants: { en: 'applicants', vi: 'đối tượng thực hiện' },
  channels: { en: 'channels', vi: 'cách thức thực hiện' },
  channel: { en: 'channel', vi: 'kênh thực hiện' },
  limit: { en: 'processing time limit', vi: 'thời hạn giải quyết' },
  amount: { en: 'amount', vi: 'số lượng' },
  unit: { en: 'time unit', vi: 'đơn vị thời hạn' },
  limitSource: { en: 'source of the limit', vi: 'căn cứ thời hạn' },
  alternatives: { en: 'other published limits', vi: 'thời hạn công bố khác' },
  case: { en: 'case', vi: 'trường hợp' },
  fees: { en: 'fees and charges', vi: 'phí, lệ phí' },
  'fees.kind': { en: 'fee kind', vi: 'loại phí, lệ phí' },
  'fees.amount': { en: 'fee amount (VND)', vi: 'mức thu' },
  per: { en: 'fee unit', vi: 'đơn vị tính phí' },
  collectedAt: { en: 'when the fee is collected', vi: 'thời điểm thu phí' },
  province: { en: 'province', vi: 'tỉnh, thành phố' },
  validFrom: { en: 'valid from', vi: 'áp dụng từ ngày' },
  exemptions: { en: 'exemptions', vi: 'đối tượng miễn, giảm' },
  cutoff: { en: 'cut-off rule', vi: 'giờ chốt tiếp nhận (sau giờ này tính từ ngày làm việc tiếp theo)' },
  time: { en: 'clock time', vi: 'giờ' },
  rule: { en: 'rule', vi: 'quy tắc' },
  clockStops: { en: 'clock-stop reasons', vi: 'thời gian không tính vào thời hạn giải quyết' },
  steps: { en: 'interlinked steps', vi: 'quy trình liên thông' },
  mode: { en: 'step mode', vi: 'hình thức liên thông (tuần tự / song song)' },
  items: { en: 'steps', vi: 'các bước' },
  id: { en: 'identifier', vi: 'mã định danh' },
  budget: { en: 'step time budget', vi: 'thời hạn của bước' },
  immediate: { en: 'immediate result', vi: 'trả kết quả ngay' },
  paperResultRequired: { en: 'paper result required', vi: 'yêu cầu kết quả bản giấy' },
  onlineLevel: { en: 'online service level', vi: 'mức độ dịch vụ công trực tuyến' },
  interlinkedGroup: { en: 'interlinked group', vi: 'nhóm thủ tục liên thông' },
  notes: { en: 'notes', vi: 'ghi chú' },
  sources: { en: 'sources', vi: 'nguồn, căn cứ pháp lý' },
  documents: { en: 'source documents', vi: 'văn bản nguồn' },
  values: { en: 'provenance of values', vi: 'nguồn của từng giá trị' },
  source: { en: 'source', vi: 'nguồn' },
  basis: { en: 'basis', vi: 'căn cứ' },
  status: { en: 'status', vi: 'mức xác minh' },
  title: { en: 'title', vi: 'tiêu đề' },
  reference: { en: 'instrument number', vi: 'số hiệu văn bản' },
  issuedOn: { en: 'date of issue', vi: 'ngày ban hành' },
  location: { en: 'location of the copy', vi: 'nơi lưu bản sao' },
  note: { en: 'note', vi: 'ghi chú' },
  asOf: { en: 'as of', vi: 'ngày cập nhật' },
  excluded: { en: 'excluded procedures', vi: 'thủ tục không đưa vào' },
};

/** The labels in a null-prototype object, for lookups by keys that come from user input. */
const LABELS: Readonly<Record<string, AttributeLabel>> = Object.assign(Object.create(null) as Record<string, AttributeLabel>, PROCEDURE_LABELS);

/**
 * The label of the attribute at a path: the nearest named key, preferring `parent.key`
 * (e.g. `['channels', 0, 'limit', 'amount']` → the amount of the processing time limit).
 *
 * @example
 * ```ts
 * import { labelOf } from 'motcua/procedure';
 * labelOf(['channels', 0, 'limit', 'amount']); // { en: 'processing time limit amount', vi: 'thời hạn giải quyết (số lượng)' }
 * ```
 */
export function labelOf(path: readonly PropertyKey[]): AttributeLabel {
  // path keys come from user input (a key "constructor" in a catalogue): own labels only
  const PROCEDURE_LABELS = LABELS;
  const keys = path.filter((k): k is string => typeof k === 'string');
  for (let i = keys.length - 1; i >= 0; i--) {
    const key = keys[i]!;
    const parent = keys[i - 1];
    const own = (parent !== undefined ? PROCEDURE_LABELS[`${parent}.${key}`] : undefined) ?? PROCEDURE_LABELS[key];
    if (!own) continue;
    if ((key === 'amount' || key === 'unit') && parent !== undefined && !PROCEDURE_LABELS[`${parent}.${key}`]) {
      const p = PROCEDURE_LABELS[parent];
      if (p) return { en: `${p.en} ${own.en}`, vi: `${p.vi} (${own.vi})` };
    }
    return own;
  }
  return { en: 'procedure', vi: 'thủ tục hành chính' };
}
