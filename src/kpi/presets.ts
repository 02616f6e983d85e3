/**
 * Column presets: the field names a known layout uses, so that a user does not write the
 * mapping by hand. `dvcqg` is the layout of the national public service portal's dossier sync
 * (đồng bộ hồ sơ lên Cổng Dịch vụ công quốc gia), which vendor systems already produce.
 * @module
 */
import { MotcuaError, show } from '../errors';
import type { ColumnMapping } from './readRecords';

/** One column of a preset: the record field it fills, what it holds, and how sure we are of it. */
export interface PresetColumn {
  /** The column header in the export. */
  readonly column: string;
  /** The motcua field it fills (a record field, or an end event date that `endOf` combines). */
  readonly field: keyof ColumnMapping;
  /** What the column holds, in Vietnamese then English. */
  readonly meaning: string;
  /**
   * Where the name and meaning come from: `[S]` how vendor systems and the portal's sync
   * behave (secondary), `[?]` not verified: check it against your system's export.
   */
  readonly source: '[S]' | '[?]';
}

/**
 * The national portal's dossier sync fields (`dvcqg`). The names are those vendor systems use
 * when they sync dossiers to the portal [S]; the portal's own API specification was not
 * available to us, so each meaning is marked. `TrangThaiHoSo` holds the national status code
 * 1-10 (domain.md §4), read by the built-in value map: 7 withdrawn, 8 stopped, 9 resolved, 10
 * returned (resolved on `NgayTra` when `NgayKetThucXuLy` is empty), 2 and 4-6 pending, 1 and 3
 * not received (rejected: not in Biểu II.06a).
 */
export const DVCQG_COLUMNS: readonly PresetColumn[] = [
  { column: 'MaHoSo', field: 'id', meaning: 'Mã hồ sơ (dossier code, Circular 01/2018 Art 19 format)', source: '[S]' },
  { column: 'MaTTHC', field: 'procedureCode', meaning: 'Mã thủ tục hành chính on the national procedure database', source: '[S]' },
  { column: 'MaLinhVuc', field: 'field', meaning: 'Mã (or tên) lĩnh vực: the field the form groups rows by; some systems give the code, others the name', source: '[?]' },
  { column: 'DonViXuLy', field: 'agency', meaning: 'Đơn vị (cơ quan) xử lý: the handling office; some systems name it CoQuanXuLy or MaDonVi', source: '[?]' },
  { column: 'CapThucHien', field: 'level', meaning: 'Cấp thực hiện: Cấp bộ / Cấp tỉnh / Cấp huyện / Cấp xã (not always in the sync; add it from your unit list)', source: '[?]' },
  { column: 'KenhThucHien', field: 'channel', meaning: 'Kênh thực hiện: 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích (Decree 118 Art 15)', source: '[S]' },
  { column: 'NgayTiepNhan', field: 'receivedOn', meaning: 'Ngày tiếp nhận: official receipt, the start of the clock (not NgayNopHoSo, the submission)', source: '[S]' },
  { column: 'NgayHenTra', field: 'dueOn', meaning: 'Ngày hẹn trả kết quả, after any extension', source: '[S]' },
  { column: 'NgayHenTraBanDau', field: 'originalDueOn', meaning: 'Ngày hẹn trả ban đầu, before an extension (not in every sync)', source: '[?]' },
  { column: 'NgayKetThucXuLy', field: 'finishedOn', meaning: 'Ngày kết thúc xử lý: processing finished (status 9), or the date of the refusal, stop or withdrawal that ended it', source: '[S]' },
  { column: 'TrangThaiHoSo', field: 'finishedAs', meaning: 'Trạng thái hồ sơ: national status code 1-10 (domain.md §4), read as the end kind', source: '[S]' },
  { column: 'NgayTra', field: 'returnedOn', meaning: 'Ngày trả kết quả cho người nộp (status 10)', source: '[S]' },
  { column: 'SoLanBoSung', field: 'supplements', meaning: 'Số lần yêu cầu bổ sung hồ sơ', source: '[?]' },
  { column: 'SoLanGiaHan', field: 'extensions', meaning: 'Số lần gia hạn (xin lỗi, hẹn lại)', source: '[?]' },
  { column: 'HoSoSoHoa', field: 'digitised', meaning: 'Hồ sơ đã số hóa thành phần (Có/Không)', source: '[?]' },
  { column: 'KetQuaDienTu', field: 'eResult', meaning: 'Có cấp kết quả điện tử (Có/Không)', source: '[?]' },
  { column: 'YeuCauKetQuaGiay', field: 'paperResultRequired', meaning: 'Thủ tục yêu cầu kết quả bản giấy (Có/Không)', source: '[?]' },
  { column: 'PhiLePhi', field: 'feeDue', meaning: 'Phí, lệ phí phải nộp: an amount such as 50.000 (non-zero means a fee is due) or Có/Không', source: '[?]' },
  { column: 'ThanhToanTrucTuyen', field: 'paidOnline', meaning: 'Đã thanh toán trực tuyến (Có/Không)', source: '[?]' },
  { column: 'DaDongBo', field: 'synced', meaning: 'Đã đồng bộ lên Cổng DVCQG (Có/Không); a file exported from the sync itself is all synced', source: '[?]' },
  { column: 'PhanAnhKienNghi', field: 'complaint', meaning: 'Có phản ánh, kiến nghị hoặc đánh giá không hài lòng (Có/Không)', source: '[?]' },
];

/**
 * Other sync fields a `dvcqg` export carries that Biểu II.06a does not need; listed so a user
 * knows they were not forgotten. NgayNopHoSo (submission) is not the receipt: the clock starts
 * at NgayTiepNhan (Decree 118 Art 17(3)).
 */
export const DVCQG_UNUSED: readonly string[] = ['NgayNopHoSo', 'MaCoQuan', 'TenTTHC', 'ChuHoSo', 'SoDienThoai', 'Email', 'DiaChi', 'LoaiDoiTuong', 'MaDoiTuong', 'NgayCapNhat'];

/** The presets by name. */
export const PRESETS: Readonly<Record<'dvcqg', readonly PresetColumn[]>> = { dvcqg: DVCQG_COLUMNS };

/**
 * The column mapping of a preset (bộ tên cột có sẵn), to pass as `mapping` to the readers, or to
 * spread under your own columns: `{ ...presetMapping('dvcqg'), agency: 'TenDonVi' }`.
 *
 * @throws {Error} for an unknown preset name.
 *
 * @example
 * ```ts
 * import { presetMapping } from 'motcua/kpi';
 * presetMapping('dvcqg').receivedOn; // 'NgayTiepNhan'
 * ```
 */
export function presetMapping(name: string): ColumnMapping {
  if (!Object.hasOwn(PRESETS, name)) throw new MotcuaError('INVALID_OPTION', { vi: `không có mẫu ánh xạ ${show(name, 'vi')} (các mẫu: ${Object.keys(PRESETS).join(', ')})`, en: `there is no preset ${show(name)} (known: ${Object.keys(PRESETS).join(', ')})` }, name);
  const out: Record<string, string> = {};
  for (const c of PRESETS[name as 'dvcqg']) out[c.field] = c.column;
  return out as ColumnMapping;
}
