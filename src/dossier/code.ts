/**
 * Dossier codes (mã hồ sơ): generation and validation.
 *
 * - **Circular 01/2018/TT-VPCP Art 19** [S: domain.md §6, from secondary sources; the article text was
 *   not read]: the electronic ID of the receiving agency, the receipt date as `YYMMDD` and the
 *   4-digit sequence of the dossier in that day, joined by `-`: `000.00.12.H23-240426-0001`. The agency
 *   ID is the electronic identifier of Decision 20/2020/QĐ-TTg (dotted groups such as
 *   `000.00.12.H23`) [S].
 * - **Circular 03/2025/TT-VPCP Art 13(3), as added by Circular 04/2025/TT-VPCP** [?: not verified; the
 *   text could not be found]: a format for dossiers of nationally centralised services. motcua reads it
 *   as the same three parts, the first being the identifier of the agency or of the centralised
 *   system, with a sequence of 4 to 6 digits. Treat this format as a configurable default until it is
 *   checked against the circular.
 *
 * @module
 */
import { tryParseDate } from '../_lib/civil/date';
import { MotcuaError, show } from '../errors';

/** Which circular a dossier code follows (see the module notes for what is verified). */
export type DossierCodeFormat = 'circular-01-2018' | 'circular-03-2025';

/** The parts of a dossier code. */
export interface DossierCodeParts {
  /** Electronic ID of the receiving agency (mã định danh điện tử của cơ quan), e.g. `000.00.12.H23`. */
  readonly agency: string;
  /** Receipt date `YYYY-MM-DD` (written `YYMMDD` in the code; years 2000-2099). */
  readonly date: string;
  /** Sequence of the dossier in that day, from 1. */
  readonly sequence: number;
}

/** A parsed dossier code: its parts and the format it matched. */
export interface ParsedDossierCode extends DossierCodeParts {
  readonly format: DossierCodeFormat;
}

const AGENCY = /^[0-9A-Z]{1,6}(\.[0-9A-Z]{1,6}){0,5}$/;
const CODE = /^([0-9A-Z]{1,6}(?:\.[0-9A-Z]{1,6}){0,5})-(\d{2})(\d{2})(\d{2})-(\d{4,6})$/;

function digitsOf(format: DossierCodeFormat): { min: number; max: number } {
  return format === 'circular-01-2018' ? { min: 4, max: 4 } : { min: 4, max: 6 };
}

function checkFormat(format: unknown): DossierCodeFormat {
  if (format !== 'circular-01-2018' && format !== 'circular-03-2025') throw new MotcuaError('INVALID_OPTION', { vi: `cần định dạng mã hồ sơ 'circular-01-2018' hoặc 'circular-03-2025', nhận được ${show(format, 'vi')}`, en: `expected the format 'circular-01-2018' or 'circular-03-2025', got ${show(format)}` }, format, 'format');
  return format;
}

/**
 * Build a dossier code (tạo mã hồ sơ): agency ID, receipt date `YYMMDD`, sequence of the day
 * (4 digits under Circular 01/2018 Art 19).
 *
 * @throws {MotcuaError} `INVALID_INPUT` for a malformed agency ID or a sequence out of range, `INVALID_DATE` for a bad date.
 * @example
 * ```ts
 * import { formatDossierCode } from 'motcua/dossier';
 * formatDossierCode({ agency: '000.00.12.H23', date: '2024-04-26', sequence: 1 }); // '000.00.12.H23-240426-0001'
 * ```
 */
export function formatDossierCode(parts: DossierCodeParts, options: { readonly format?: DossierCodeFormat } = {}): string {
  const format = checkFormat(options.format ?? 'circular-01-2018');
  if (typeof parts !== 'object' || parts === null) throw new MotcuaError('INVALID_INPUT', { vi: `cần các thành phần mã hồ sơ { agency, date, sequence }, nhận được ${show(parts, 'vi')}`, en: `expected { agency, date, sequence }, got ${show(parts)}` }, parts, 'parts');
  if (typeof parts.agency !== 'string' || !AGENCY.test(parts.agency)) throw new MotcuaError('INVALID_INPUT', { vi: `cần mã định danh cơ quan dạng 000.00.12.H23, nhận được ${show(parts.agency, 'vi')}`, en: `expected an agency ID such as 000.00.12.H23, got ${show(parts.agency)}` }, parts.agency, 'agency');
  const day = typeof parts.date === 'string' ? tryParseDate(parts.date) : NaN;
  if (Number.isNaN(day) || !parts.date.startsWith('20')) throw new MotcuaError('INVALID_DATE', { vi: `cần một ngày dạng YYYY-MM-DD trong các năm 2000-2099, nhận được ${show(parts.date, 'vi')}`, en: `expected a date YYYY-MM-DD in 2000-2099, got ${show(parts.date)}` }, parts.date, 'date');
  const { min, max } = digitsOf(format);
  const limit = 10 ** max - 1;
  if (!Number.isInteger(parts.sequence) || parts.sequence < 1 || parts.sequence > limit) throw new MotcuaError('INVALID_INPUT', { vi: `cần số thứ tự từ 1 đến ${limit}, nhận được ${show(parts.sequence, 'vi')}`, en: `expected a sequence 1-${limit}, got ${show(parts.sequence)}` }, parts.sequence, 'sequence');
  const yymmdd = parts.date.slice(2, 4) + parts.date.slice(5, 7) + parts.date.slice(8, 10);
  return `${parts.agency}-${yymmdd}-${String(parts.sequence).padStart(min, '0')}`;
}

/**
 * Read a dossier code (đọc mã hồ sơ) into its agency ID, receipt date and sequence. Without a
 * `format`, the Circular 01/2018 format is tried first, then the Circular 03/2025 one [?].
 *
 * @throws {MotcuaError} `INVALID_INPUT` naming the part that is wrong (shape, date, sequence 0).
 * @example
 * ```ts
 * import { parseDossierCode } from 'motcua/dossier';
 * parseDossierCode('000.00.12.H23-240426-0001');
 * // { agency: '000.00.12.H23', date: '2024-04-26', sequence: 1, format: 'circular-01-2018' }
 * ```
 */
export function parseDossierCode(code: string, options: { readonly format?: DossierCodeFormat } = {}): ParsedDossierCode {
  const wanted = options.format === undefined ? undefined : checkFormat(options.format);
  if (typeof code !== 'string') throw new MotcuaError('INVALID_INPUT', { vi: `cần mã hồ sơ là một chuỗi, nhận được ${show(code, 'vi')}`, en: `expected a dossier code string, got ${show(code)}` }, code, 'code');
  const m = CODE.exec(code);
  if (m === null) throw new MotcuaError('INVALID_INPUT', { vi: `cần mã hồ sơ dạng <mã cơ quan>-<YYMMDD>-<số thứ tự>, ví dụ 000.00.12.H23-240426-0001, nhận được ${show(code, 'vi')}`, en: `expected a dossier code <agency ID>-<YYMMDD>-<sequence>, e.g. 000.00.12.H23-240426-0001, got ${show(code)}` }, code, 'code');
  const date = `20${m[2]}-${m[3]}-${m[4]}`;
  if (Number.isNaN(tryParseDate(date))) throw new MotcuaError('INVALID_INPUT', { vi: `phần ngày ${m[2]}${m[3]}${m[4]} của mã ${show(code, 'vi')} không phải là ngày có thật`, en: `the date part ${m[2]}${m[3]}${m[4]} of ${show(code)} is not a real date` }, code, 'code');
  const seq = m[5]!;
  const sequence = Number(seq);
  if (sequence === 0) throw new MotcuaError('INVALID_INPUT', { vi: `số thứ tự trong mã ${show(code, 'vi')} bắt đầu từ 0001`, en: `the sequence of ${show(code)} starts at 0001` }, code, 'code');
  const format: DossierCodeFormat = seq.length === 4 && wanted !== 'circular-03-2025' ? 'circular-01-2018' : 'circular-03-2025';
  if (wanted === 'circular-01-2018' && seq.length !== 4) throw new MotcuaError('INVALID_INPUT', { vi: `Điều 19 Thông tư 01/2018 dùng số thứ tự 4 chữ số, nhận được ${show(code, 'vi')}`, en: `Circular 01/2018 Art 19 uses a 4-digit sequence, got ${show(code)}` }, code, 'code');
  return { agency: m[1]!, date, sequence, format };
}

/**
 * Check a dossier code against the receipt date (`YYYY-MM-DD`, Vietnamese time): the code's date
 * must be the date the dossier was received.
 *
 * @throws {MotcuaError} `INVALID_INPUT` for a malformed code or a code dated another day.
 * @example
 * ```ts
 * import { checkDossierCode } from 'motcua/dossier';
 * checkDossierCode('000.00.12.H23-240426-0001', '2024-04-26').sequence; // 1
 * ```
 */
export function checkDossierCode(code: string, receivedOn: string, options: { readonly format?: DossierCodeFormat } = {}): ParsedDossierCode {
  const p = parseDossierCode(code, options);
  if (p.date !== receivedOn) throw new MotcuaError('INVALID_INPUT', { vi: `mã hồ sơ ${show(code, 'vi')} ghi ngày ${p.date}, nhưng hồ sơ được tiếp nhận ngày ${receivedOn}`, en: `the dossier code ${show(code)} is dated ${p.date}, but the dossier was received on ${receivedOn}` }, code, 'code');
  return p;
}
