/**
 * The Vietnamese text of a rejected row's reason (#19). The readers build their reasons in
 * English on their hot paths (a row's reason is a stable string that tests, logs and apps match);
 * the Vietnamese text is derived from it here, once per kept rejection, by a table of the reasons
 * the readers write: the position prefixes (`line 3: `, `record 2: `, `cell B3: `,
 * `dossier "H1": `, `dueOn (column "Hạn"): `) and each reason's body. A body this table does not
 * know stays English (the test of the readers' reasons keeps the table complete).
 * @internal
 * @module
 */
import { type ErrorTexts, show } from '../errors';
import { RATE_DEFINITIONS } from './definitions';

/**
 * A figure of `figuresByColumn` in Vietnamese: `rate eResult` → `tỷ lệ cấp kết quả điện tử`,
 * `index 4.1` → `chỉ số 4.1`, `withdrawn` → `rút hồ sơ`; a column `(7)` as it is. @internal
 */
export function figureVi(figure: string): string {
  const rate = /^rate (\w+)$/.exec(figure);
  if (rate) {
    const d = (RATE_DEFINITIONS as Readonly<Record<string, { vi: string }>>)[rate[1]!];
    return d === undefined || !Object.hasOwn(RATE_DEFINITIONS, rate[1]!) ? `tỷ lệ ${rate[1]}` : `${d.vi.charAt(0).toLowerCase()}${d.vi.slice(1).replace(/ \(.*\)$/, '')}`;
  }
  const index = /^index (\S+)$/.exec(figure);
  if (index) return `chỉ số ${index[1]}`;
  return figure === 'withdrawn' ? 'rút hồ sơ' : figure === 'excluded' ? 'không tính vào (7)' : figure;
}

type Rule = readonly [RegExp, (...m: string[]) => string];

/** A value as the English reason quotes it (`show`), in Vietnamese: a missing value in words, as `show(v, 'vi')` writes it. */
function valueVi(v: string): string {
  return v === show(undefined) ? show(undefined, 'vi') : v;
}

/** ` (column "Ngày nhận")` after a field, as the readers name a mapped column (the name quoted by `show`, maybe cut): a regular expression source. */
const COLUMN = String.raw`(?: \(column "(?:[^"\\]|\\.)*"(?:… \(\d+ characters\))?\))`;

/** A field named with its column (`receivedOn (column "Ngày nhận")`) in Vietnamese (`receivedOn (cột "Ngày nhận")`). */
function columnVi(f: string): string {
  return f.replace(' (column ', ' (cột ');
}

/** `expected A, got B` and the like, with the value (already quoted by `show`) kept as written. */
const BODIES: readonly Rule[] = [
  // readRecords: cells
  [/^(.*) is not a yes\/no value \(expected true\/false, 1\/0, có\/không( or an amount such as 50\.000)?, or a value map yesNo\)$/s, (v, amount) => `${v} không phải giá trị có/không (cần true/false, 1/0, có/không${amount ? ' hoặc một số tiền như 50.000' : ''}, hoặc bảng giá trị yesNo)`],
  [/^(.*) is not a whole number$/s, (v) => `${v} không phải số nguyên không âm`],
  [/^(.*) is in the year (-?\d+), outside the years (\d+)-(\d+) a dossier date may fall in$/s, (v, y, a, b) => `${v} thuộc năm ${y}, ngoài khoảng năm ${a}-${b} của ngày trên hồ sơ`],
  [/^(.*) is read as (.*), outside the years (\d+)-(\d+) a dossier date may fall in$/s, (v, r, a, b) => `${v} được đọc là ${r}, ngoài khoảng năm ${a}-${b} của ngày trên hồ sơ`],
  [/^(.*) is not a channel \(direct, online, postal or 1, 2, 3(?:, or a name read without a map: (.*))?\)$/s, (v, words) => `${v} không phải kênh tiếp nhận (direct, online, postal hoặc 1, 2, 3${words ? `, hoặc một tên được đọc sẵn: ${words}` : ''})`],
  [/^(.*) is not a level \(ministry, province, district, commune(?:, or a name read without a map: (.*))?\)$/s, (v, words) => `${v} không phải cấp (ministry, province, district, commune${words ? `, hoặc một tên được đọc sẵn: ${words}` : ''})`],
  [/^(.*) is not resolved, refused, stopped or withdrawn( \(or a national status code 1-10\))?(?:, nor a status read without a map \((.*)\); map your system's word in the mapping file \(--mapping\): (.*))?$/s, (v, code, words, map) =>
    `${v} không phải resolved, refused, stopped hoặc withdrawn${code ? ' (hay mã trạng thái quốc gia 1-10)' : ''}${words ? `, cũng không phải trạng thái được đọc sẵn (${words}); hãy ánh xạ từ mà hệ thống của bạn dùng trong tệp ánh xạ (--mapping): ${map}` : ''}`],
  [/^(.*) is a dossier that was never officially received \(national status 1 or 3\): it is not in Biểu II\.06a$/s, (v) => `${v} là hồ sơ chưa được tiếp nhận chính thức (trạng thái quốc gia 1 hoặc 3): không thuộc Biểu II.06a`],
  [/^(.*) is a dossier still in progress, but finishedOn is (.*)$/s, (v, d) => `${v} là hồ sơ đang giải quyết, nhưng finishedOn là ${d}`],
  [/^(.*) is not supplement, financial-obligation or other \(or a national status code 5, 6\)$/s, (v) => `${v} không phải supplement, financial-obligation hoặc other (hay mã trạng thái quốc gia 5, 6)`],
  [/^is empty, but pausedSince is (.*): say what the dossier waits for \(supplement, financial-obligation or other\)$/s, (d) => `để trống, nhưng pausedSince là ${d}: ghi rõ hồ sơ chờ gì (supplement, financial-obligation hoặc other)`],
  [/^is empty, but pausedFor is (.*): give the date the clock was paused$/s, (p) => `để trống, nhưng pausedFor là ${p}: ghi ngày tạm dừng tính thời hạn`],
  [/^(.*?) ?holds U\+FFFD \(�\), the mark of bytes that are not valid UTF-8 \(or of characters the exporting system already lost\): is the file in another encoding \(--encoding windows-1258\)\?$/s, (v) => `${v ? `${v} ` : ''}chứa U+FFFD (�), dấu hiệu của byte không phải UTF-8 hợp lệ (hoặc ký tự mà hệ thống xuất dữ liệu đã làm mất): tệp có dùng bảng mã khác không (--encoding windows-1258)?`],
  [/^is empty$/, () => 'để trống'],
  [/^finishedOn( \(column .*?\))? and finishedAs( \(column .*\))? must be both empty or both set$/s, (a, b) => `finishedOn${a ? a.replace(' (column ', ' (cột ') : ''} và finishedAs${b ? b.replace(' (column ', ' (cột ') : ''} phải cùng để trống hoặc cùng có giá trị`],
  [new RegExp(`^(\\S+) is before (\\w+${COLUMN}?) (\\S+)$`), (a, f, b) => `${a} sớm hơn ${columnVi(f)} ${b}`],
  [/^(\S+) is after the extended dueOn (\S+)$/, (a, b) => `${a} muộn hơn hạn đã gia hạn dueOn ${b}`],
  [new RegExp(`^(\\S+) is after (\\w+${COLUMN}?) (\\S+)$`), (a, f, b) => `${a} muộn hơn ${columnVi(f)} ${b}`],
  [/^(\S+) is set, but the dossier was resolved: a resolved dossier is not waiting for the applicant$/, (d) => `${d} có giá trị, nhưng hồ sơ đã giải quyết xong: hồ sơ đã giải quyết không còn chờ người nộp`],
  [/^a resolved dossier is not waiting for the applicant$/, () => 'hồ sơ đã giải quyết xong không còn chờ người nộp'],
  [/^(.*) is beyond the exact range of a number \(±2\^53\); write it as a string$/s, (v) => `${v} vượt quá phạm vi chính xác của số (±2^53); hãy ghi dưới dạng chuỗi`],
  [/^expected text, a number or true\/false, got (.*)$/s, (v) => `cần văn bản, số hoặc true/false, nhận được ${valueVi(v)}`],
  [/^expected an object, got (.*)$/s, (v) => `cần một đối tượng, nhận được ${valueVi(v)}`],
  [/^(the header has no column|the record has no key) (.*) for (\w+), which feeds (.*)\. Map it \(--mapping\), or declare it absent with the value every dossier takes, e\.g\. --assume (\S+)$/s, (what, name, f, figures, a) =>
    `${what === 'the header has no column' ? 'dòng tiêu đề không có cột' : 'bản ghi không có khóa'} ${name} cho ${f}, là dữ liệu của ${figures.split(', ').map(figureVi).join(', ')}. Hãy ánh xạ cột (--mapping), hoặc khai báo là không có cùng giá trị chung cho mọi hồ sơ, ví dụ --assume ${a}`],
  // readRecords: rows
  [/^a quoted cell on this row is longer than (\d+) bytes \(maxCellBytes; a stray quote\?\): the row is rejected and reading resumes on the line after the quote$/, (n) => `một ô trong ngoặc kép ở dòng này dài hơn ${n} byte (maxCellBytes; có dấu ngoặc kép thừa?): dòng bị loại và việc đọc tiếp tục từ dòng sau dấu ngoặc kép`],
  [/^a quoted cell opened on this row is never closed: the rest of the file \(to line (\d+)\) went into it$/, (n) => `một ô mở ngoặc kép ở dòng này không được đóng: phần còn lại của tệp (đến dòng ${n}) đã bị đọc vào ô đó`],
  [/^empty line$/, () => 'dòng trống'],
  [/^(\d+) cells where the header has (\d+)$/, (a, b) => `có ${a} ô trong khi dòng tiêu đề có ${b} cột`],
  [/^duplicate dossier id (.*): already counted from line (\d+), which wins; this row is not counted$/s, (id, n) => `trùng mã hồ sơ ${id}: đã được tính từ dòng ${n} (dòng đó được giữ); dòng này không được tính`],
  // validateRecord
  [/^expected a non-empty string$/, () => 'cần một chuỗi không rỗng'],
  [/^(.*) is not ministry, province, district or commune$/s, (v) => `${v} không phải ministry, province, district hoặc commune`],
  [/^(.*) is not direct, online or postal$/s, (v) => `${v} không phải direct, online hoặc postal`],
  [/^(.*) is not a civil date "YYYY-MM-DD"$/s, (v) => `${v} không phải ngày dương lịch "YYYY-MM-DD"`],
  [/^expected supplement, financial-obligation or other with pausedSince, got (.*)$/s, (v) => `cần supplement, financial-obligation hoặc other khi có pausedSince, nhận được ${valueVi(v)}`],
  [/^(.*) is set without pausedSince$/s, (v) => `${v} có giá trị mà không có pausedSince`],
  [/^expected a whole number, got (.*)$/s, (v) => `cần số nguyên không âm, nhận được ${valueVi(v)}`],
  [/^expected true or false, got (.*)$/s, (v) => `cần true hoặc false, nhận được ${valueVi(v)}`],
  [/^expected true, false or null, got (.*)$/s, (v) => `cần true, false hoặc null, nhận được ${valueVi(v)}`],
  // dates
  [/^(.*) (is not a real date|has a time of day that does not exist|has an hour outside 1-12 before SA\/CH \(AM\/PM\)|does not match the date format .*|is not a real date and time|is not a date) \(expected (.*)\)$/s, (v, what, expected) => `${v} ${dateProblem(what)} (cần ${dateFormats(expected)})`],
  // JSON records
  [/^content after the closing \] of the array$/, () => 'có nội dung sau dấu ] đóng mảng'],
  [/^not JSON: (.*)$/s, (m) => `không phải JSON: ${m}`],
  [/^unterminated JSON value at the end of the input$/, () => 'giá trị JSON chưa kết thúc ở cuối dữ liệu'],
  [/^the JSON array is not closed with \]$/, () => 'mảng JSON không được đóng bằng ]'],
  // event logs
  [/^malformed JSON \((.*)\)(; the last line has no line end: the file may be cut short)?$/s, (m, cut) => `JSON sai cú pháp (${m})${cut ? '; dòng cuối không có ký tự xuống dòng: tệp có thể bị cắt cụt' : ''}`],
  [/^expected an event object, got (.*)$/s, (v) => `cần một đối tượng sự kiện, nhận được ${valueVi(v)}`],
  [/^expected the dossier id in (".*"), got (.*)$/s, (k, v) => `cần mã hồ sơ trong ${k}, nhận được ${valueVi(v)}`],
  [/^line (\d+) comes after other dossiers, but the stream was declared sorted by dossier$/, (n) => `dòng ${n} nằm sau các hồ sơ khác, nhưng luồng được khai báo là đã sắp xếp theo hồ sơ`],
  [/^no event gives its (".*")$/s, (k) => `không sự kiện nào cho biết ${k} của hồ sơ`],
  [/^procedure (.*) is not in the catalogue$/s, (c) => `thủ tục ${c} không có trong danh mục`],
  [/^no facts for it in (.*) \(digitised, eResult, feeDue, paidOnline, synced, complaint are not in the log\)$/s, (f) => `không có dữ kiện của hồ sơ trong ${f === 'a --facts file' ? 'tệp --facts' : f} (digitised, eResult, feeDue, paidOnline, synced, complaint không có trong nhật ký)`],
  [/^line longer than (\d+) bytes: not read \(raise maxLineBytes \/ --max-line-bytes if an event is really that long\)$/, (n) => `dòng dài hơn ${n} byte: không đọc (tăng maxLineBytes / --max-line-bytes nếu một sự kiện thật sự dài như vậy)`],
  [/^not valid UTF-8 text$/, () => 'không phải văn bản UTF-8 hợp lệ'],
];

function dateProblem(what: string): string {
  if (what === 'is not a real date') return 'không phải ngày có thật';
  if (what === 'has a time of day that does not exist') return 'có giờ không tồn tại';
  if (what === 'is not a real date and time') return 'không phải ngày giờ có thật';
  if (what === 'is not a date') return 'không phải ngày';
  if (what.startsWith('has an hour')) return 'có giờ ngoài khoảng 1-12 trước SA/CH (AM/PM)';
  return `không khớp định dạng ngày ${what.slice('does not match the date format '.length)}`;
}

/** {@link DATE_FORMATS_TEXT} and `"dd/MM/yyyy" or YYYY-MM-DD` in Vietnamese. */
export const DATE_FORMATS_VI = 'YYYY-MM-DD, DD/MM/YYYY hoặc D/M/YYYY (có thể kèm HH:mm hoặc HH:mm:ss), một thời điểm ISO, hoặc số ngày kiểu Excel';

function dateFormats(expected: string): string {
  if (expected.startsWith('YYYY-MM-DD, DD/MM/YYYY or D/M/YYYY')) return DATE_FORMATS_VI;
  return expected.replace(/ or YYYY-MM-DD$/, ' hoặc YYYY-MM-DD');
}

/** Prefixes naming where: translated, then the rest read again. */
const PREFIXES: readonly Rule[] = [
  [/^line (\d+): /, (n) => `dòng ${n}: `],
  [/^record (\d+): /, (n) => `bản ghi ${n}: `],
  [/^cell ([A-Z]+\d+): /, (c) => `ô ${c}: `],
  [/^dossier ("(?:[^"\\]|\\.)*"(?:… \(\d+ characters\))?): /, (id) => `hồ sơ ${id}: `],
  [/^id ("(?:[^"\\]|\\.)*"(?:… \(\d+ characters\))?): /, (id) => `id ${id}: `],
  [/^(\w+) \(column ("(?:[^"\\]|\\.)*"(?:… \(\d+ characters\))?)\): /, (f, c) => `${f} (cột ${c}): `],
  [/^(\w+): /, (f) => `${f}: `],
];

function body(en: string): string | null {
  for (const [re, vi] of BODIES) {
    const m = re.exec(en);
    if (m) return vi(...m.slice(1).map((s) => s ?? ''));
  }
  return null;
}

/** The Vietnamese of one reason; null when some part is not in the table. */
function translate(en: string): string | null {
  // where first (line, record, cell, dossier, field), then the rest
  for (const [re, vi] of PREFIXES) {
    const m = re.exec(en);
    if (m) {
      const rest = translate(en.slice(m[0].length));
      if (rest !== null) return vi(...m.slice(1)) + rest;
    }
  }
  // problems joined by "; " (validateRecord's list), each known
  const parts = en.split('; ');
  if (parts.length > 1) {
    const out = parts.map(translate);
    if (out.every((p) => p !== null)) return out.join('; ');
  }
  return body(en);
}

/** A value cut by `show` says its length in characters: in Vietnamese, in ký tự. */
function lengths(vi: string): string {
  return vi.replace(/… \((\d+) characters\)/g, '… ($1 ký tự)');
}

/**
 * The texts of a rejected row's reason: `en` is the reason as written, `vi` its Vietnamese (the
 * English reason itself for a part the table does not know). `vi` given: used as is (a reason
 * that came from an error carrying its own Vietnamese text).
 * @internal
 */
export function reasonTexts(reason: string, vi?: string): ErrorTexts {
  if (vi !== undefined) return { vi, en: reason };
  const t = translate(reason);
  return { vi: lengths(t ?? reason), en: reason };
}

/** Whether the table knows every part of a reason (for the tests). @internal */
export function knowsReason(reason: string): boolean {
  return translate(reason) !== null;
}

/** Vietnamese of the human part of a message, the English kept when unknown (for errors that wrap a reason). @internal */
export function viReason(reason: string): string {
  return reasonTexts(reason).vi;
}

/**
 * The texts of a rejected row's reason (lý do loại dòng), as the readers write it in English: `en`
 * is the reason itself, `vi` its Vietnamese. The file readers of `motcua/node` already give each
 * rejected row its `texts`; this serves the rows of `readRecords` / `readJsonRecords`, whose
 * rejections carry the English `reason` alone. A part of a reason motcua does not know stays English.
 *
 * @example
 * ```ts
 * import { rejectionTexts } from 'motcua/kpi';
 * rejectionTexts('dueOn: 2024-01-09 is before receivedOn 2024-01-10').vi; // 'dueOn: 2024-01-09 sớm hơn receivedOn 2024-01-10'
 * ```
 */
export function rejectionTexts(reason: string): ErrorTexts {
  return reasonTexts(reason);
}
