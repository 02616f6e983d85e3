/**
 * @internal The human-readable text of the CLI, one table per command, in Vietnamese (the default)
 * and English. Both languages of a table have the same keys (checked by the type of `table` and by
 * test/cli/messages.test.ts), so a line added in one language cannot be forgotten in the other.
 * Codes (error codes, JSON keys, kinds in `--json`) are not here: they stay English and stable.
 */
import type { Lang } from './_format';

/** A table of messages in both languages; the English one must have the Vietnamese one's shape. */
function table<T>(vi: T, en: NoInfer<T>): Readonly<Record<Lang, T>> {
  return { vi, en };
}

// ── main ─────────────────────────────────────────────────────────────────────────────────────────

export const MAIN = table(
  {
    usage: `motcua: bộ công cụ cho Bộ phận Một cửa (lịch làm việc, ngày hẹn trả, hồ sơ, báo cáo)

Cách dùng:
  motcua calendar <năm> [--json] [--culture-day]       ngày nghỉ và thứ Bảy làm bù của một năm
  motcua calendar export --from <năm> --to <năm> [--format csv|json|sql|parquet]
                                                       lịch làm việc thành bảng dữ liệu
  motcua due --received <thời điểm> --limit "<n> <đơn vị>" [--cutoff HH:MM] [--json]
                                                       ngày hẹn trả kết quả và vì sao
  motcua report <tệp.csv|xlsx|json> | --sample [--period 2024-Q1] [--group-by trường]
                [--format table|csv|json|html] [--preset dvcqg] [--mapping TỆP]
                [--form ii06a --out bieu.xlsx]         tệp xuất của hệ thống vào, biểu báo cáo ra
  motcua dossier <events.json> [--json] [--policy legal|766]
                                                       diễn biến, mã trạng thái, hạn, đúng/quá hạn
  motcua check <baocao.txt|.md|.docx|claims.json|-> [--json]   tính lại số liệu của một báo cáo
  motcua sql report|table [--dialect duckdb|postgres|trino|spark|bigquery|clickhouse|sqlserver]
                [--period 2024-Q1] [--group-by trường]   các chỉ số dưới dạng SQL cho kho dữ liệu
  motcua demo                                          giới thiệu lịch và hạn trả, dữ liệu mẫu

  motcua <lệnh> --help   các tùy chọn của một lệnh (hoặc: motcua help <lệnh>)
  motcua --version       phiên bản của motcua
  --lang vi|en           ngôn ngữ của văn bản in ra: vi (mặc định) hoặc en, cho mọi lệnh

Mã thoát: 0 xong, mọi số liệu hoặc phép kiểm tra đều đúng; 1 số liệu hoặc phép kiểm tra không đạt
(một số liệu công bố không khớp, có dòng hoặc hồ sơ bị loại, có sự kiện bị từ chối); 2 dùng sai lệnh
hoặc không đọc được dữ liệu vào.
`,
    unknownCommand: (shown: string) => `không có lệnh ${shown}`,
    see: 'Xem: motcua --help',
    unexpectedArgument: (shown: string) => `đối số thừa ${shown}`,
  },
  {
    usage: `motcua: Vietnamese one-stop desk toolkit

Usage:
  motcua calendar <year> [--json] [--culture-day]      days off and working Saturdays of a year
  motcua calendar export --from <year> --to <year> [--format csv|json|sql|parquet]
                                                       the calendar as a table
  motcua due --received <instant> --limit "<n> <unit>" [--cutoff HH:MM] [--json]
                                                       the due date of a dossier, and why
  motcua report <file.csv|xlsx|json> | --sample [--period 2024-Q1] [--group-by field]
                [--format table|csv|json|html] [--preset dvcqg] [--mapping FILE]
                [--form ii06a --out bieu.xlsx]         vendor exports in, the form out
  motcua dossier <events.json> [--json] [--policy legal|766]
                                                       timeline, national codes, due dates, lateness
  motcua check <report.txt|.md|.docx|claims.json|-> [--json]   recompute a report's figures
  motcua sql report|table [--dialect duckdb|postgres|trino|spark|bigquery|clickhouse|sqlserver]
                [--period 2024-Q1] [--group-by field]  the KPIs as SQL for your warehouse
  motcua demo                                          calendar and deadline demo on bundled data

  motcua <command> --help   the options of a command (also: motcua help <command>)
  motcua --version          the version of motcua
  --lang vi|en              the language of the text printed: vi (default) or en, for every command

Exit codes: 0 done, every figure or check right; 1 the figures or checks failed (a claimed figure
does not match, rows or dossiers rejected, an event refused); 2 bad usage or input that cannot be
read.
`,
    unknownCommand: (shown: string) => `unknown command ${shown}`,
    see: 'See: motcua --help',
    unexpectedArgument: (shown: string) => `unexpected argument ${shown}`,
  },
);

// ── calendar ─────────────────────────────────────────────────────────────────────────────────────

export const CALENDAR = table(
  {
    usage: `Cách dùng: motcua calendar <năm> [--json] [--culture-day] [--lang vi|en]
           motcua calendar export --from <năm> --to <năm> [--format csv|json|sql]

  <năm>           một năm từ 1990 đến 2100
  --json          in [{ date, working, kind, name, source, estimated, status, reason }]
  --culture-day   tính 24/11 (Ngày Văn hóa Việt Nam) là ngày nghỉ từ năm 2026 (đã quyết định,
                  chưa thành luật)
  --lang vi|en    ngôn ngữ của văn bản in ra (mặc định vi)
`,
    missingYear: 'thiếu <năm>',
    unexpected: (a: string) => `đối số thừa "${a}"`,
    yearDigits: (a: string) => `năm phải có bốn chữ số, ví dụ 2026; nhận được "${a}"`,
    yearRange: (y: number, from: number, to: number) => `năm ${y} nằm ngoài các năm của lịch (${from}-${to})`,
    title: (year: number, cultureDay: boolean) => `Lịch làm việc năm ${year}: cán bộ, công chức, viên chức, giờ Việt Nam (Asia/Ho_Chi_Minh)${cultureDay ? ', có ngày nghỉ 24/11' : ''}`,
    counts: (off: number, worked: number) => `${off} ngày nghỉ trong tuần làm việc (ngoài nghỉ hằng tuần), ${worked} ngày cuối tuần làm bù.`,
    estimated: (year: number) => `Có ngày ƯỚC TÍNH theo quy tắc: chưa có lịch nghỉ chính thức năm ${year}; hãy đối chiếu thông báo của Chính phủ.`,
    head: ['Ngày', 'Nghỉ/làm', 'Loại', 'Tên', 'Độ tin cậy', 'Nguồn'],
    off: 'NGHỈ',
    working: 'LÀM VIỆC',
    kind: {
      workday: 'ngày làm việc', weekend: 'nghỉ hằng tuần', holiday: 'nghỉ lễ', tet: 'nghỉ Tết', compensatory: 'nghỉ bù', swap: 'nghỉ hoán đổi',
      'working-saturday': 'làm bù', 'extra-day-off': 'nghỉ thêm', 'extra-working-day': 'làm thêm',
    } as Record<string, string>,
    status: { verified: 'đã kiểm chứng', derived: 'suy ra', inferred: 'dự kiến', pending: 'chưa ban hành', estimated: 'ước tính', user: 'do người dùng đặt' } as Record<string, string>,
    estimatedMark: '(ước tính)',
    sources: 'Nguồn:',
  },
  {
    usage: `Usage: motcua calendar <year> [--json] [--culture-day] [--lang vi|en]
       motcua calendar export --from <year> --to <year> [--format csv|json|sql]

  <year>          a year from 1990 to 2100
  --json          print [{ date, working, kind, name, source, estimated, status, reason }]
  --culture-day   count 24/11 (Ngày Văn hóa Việt Nam) as a day off from 2026 (decided, not yet law)
  --lang vi|en    the language of the text printed (default vi)
`,
    missingYear: 'missing <year>',
    unexpected: (a: string) => `unexpected argument "${a}"`,
    yearDigits: (a: string) => `year must be four digits, e.g. 2026; got "${a}"`,
    yearRange: (y: number, from: number, to: number) => `year ${y} is outside the calendar's years ${from}-${to}`,
    title: (year: number, cultureDay: boolean) => `Working calendar ${year}: civil servants, Asia/Ho_Chi_Minh${cultureDay ? ', with 24/11 as a day off' : ''}`,
    counts: (off: number, worked: number) => `${off} weekday(s) off besides weekly rest, ${worked} weekend day(s) worked.`,
    estimated: (year: number) => `Some days are ESTIMATED by rule: ${year} has no official schedule compiled; check the Government's announcement.`,
    head: ['Date', 'Day', 'Kind', 'Name', 'Status', 'Source'],
    off: 'OFF',
    working: 'WORKING',
    kind: {
      workday: 'workday', weekend: 'weekend', holiday: 'holiday', tet: 'tet', compensatory: 'compensatory', swap: 'swap',
      'working-saturday': 'working-saturday', 'extra-day-off': 'extra-day-off', 'extra-working-day': 'extra-working-day',
    } as Record<string, string>,
    status: { verified: 'verified', derived: 'derived', inferred: 'inferred', pending: 'pending', estimated: 'estimated', user: 'user' } as Record<string, string>,
    estimatedMark: '(estimated)',
    sources: 'Sources:',
  },
);

export const CALENDAR_EXPORT = table(
  {
    usage: `Cách dùng: motcua calendar export --from <năm> --to <năm> [--format csv|json|sql|parquet]
                  [--dialect D] [--out TỆP] [--table tên] [--culture-day]

  --format csv      (mặc định) dòng tiêu đề: date,working,kind,name,occasion,source,status,
                    estimated,working_day_ordinal
  --format json     một mảng các dòng
  --format sql      CREATE TABLE + INSERT (mặc định DuckDB/PostgreSQL; xem --dialect)
  --dialect D       cho --format sql: duckdb, postgres, trino, spark, bigquery, clickhouse hoặc
                    sqlserver
  --format parquet  một tệp Parquet (cần --out, và DuckDB: npm install @duckdb/node-api)
  --out TỆP         ghi vào TỆP thay vì in ra
  --table tên       tên bảng cho --format sql (mặc định motcua_calendar)
  --lang vi|en      ngôn ngữ của thông báo (mặc định vi)
`,
    wrote: (n: number, file: string) => `đã ghi ${n} ngày vào ${file}`,
    unexpected: (a: string) => `đối số thừa "${a}"`,
    fromYear: (got: string) => `--from cần một năm bốn chữ số, nhận được ${got}`,
    toYear: (got: string) => `--to cần một năm bốn chữ số, nhận được ${got}`,
    format: (got: string) => `--format phải là csv, json, sql hoặc parquet, không phải "${got}"`,
    parquetOut: '--format parquet ghi một tệp nhị phân: hãy cho --out TỆP',
    dialectSql: '--dialect đi với --format sql',
    dialect: (list: string, got: string) => `--dialect phải là một trong ${list}, không phải "${got}"`,
    table: (got: string) => `--table phải là một tên SQL đơn giản, không phải "${got}"`,
  },
  {
    usage: `Usage: motcua calendar export --from <year> --to <year> [--format csv|json|sql|parquet]
              [--dialect D] [--out FILE] [--table name] [--culture-day]

  --format csv      (default) header: date,working,kind,name,occasion,source,status,estimated,
                    working_day_ordinal
  --format json     an array of rows
  --format sql      CREATE TABLE + INSERT in SQL (default DuckDB/PostgreSQL; see --dialect)
  --dialect D       for --format sql: duckdb, postgres, trino, spark, bigquery, clickhouse or
                    sqlserver
  --format parquet  a Parquet file (needs --out, and DuckDB: npm install @duckdb/node-api)
  --out FILE        write to FILE instead of standard output
  --table name      table name for --format sql (default motcua_calendar)
  --lang vi|en      the language of the messages (default vi)
`,
    wrote: (n: number, file: string) => `wrote ${n} days to ${file}`,
    unexpected: (a: string) => `unexpected argument "${a}"`,
    fromYear: (got: string) => `--from needs a four-digit year, got ${got}`,
    toYear: (got: string) => `--to needs a four-digit year, got ${got}`,
    format: (got: string) => `--format must be csv, json, sql or parquet, got "${got}"`,
    parquetOut: '--format parquet writes a binary file: give it --out FILE',
    dialectSql: '--dialect goes with --format sql',
    dialect: (list: string, got: string) => `--dialect must be one of ${list}, got "${got}"`,
    table: (got: string) => `--table must be a plain SQL identifier, got "${got}"`,
  },
);

// ── due ──────────────────────────────────────────────────────────────────────────────────────────

const UNIT_VI: Record<string, string> = { 'working-day': 'ngày làm việc', 'working-hour': 'giờ làm việc', 'calendar-day': 'ngày', 'same-day': 'trong ngày' };

export const DUE = table(
  {
    usage: (units: string) => `Cách dùng: motcua due --received <thời điểm> --limit "<n> <đơn vị>" [--cutoff HH:MM] [--json]

  --received   thời điểm tiếp nhận hồ sơ đầy đủ, ISO 8601 có múi giờ, ví dụ 2026-02-13T10:00+07:00
  --limit      thời hạn giải quyết: "<số lượng> <đơn vị>", đơn vị là một trong
               ${units} (nhận cả số nhiều, và tiếng Việt
               "ngày làm việc", "giờ làm việc", "ngày", "trong ngày"), ví dụ "3 ngày làm việc",
               "0,5 working-day"
  --cutoff     hồ sơ nhận sau giờ này được tính từ ngày làm việc tiếp theo (ví dụ 15:00)
  --json       in toàn bộ kết quả
               { receivedAt, countFrom, clockStart, limit, dueDate, dueAt, steps }
  --lang vi|en ngôn ngữ của văn bản in ra (mặc định vi)
`,
    missing: (flag: string) => `thiếu ${flag}`,
    unexpected: (a: string) => `đối số thừa "${a}"`,
    limitBad: (units: string, text: string) => `--limit: cần "<số lượng> <đơn vị>" với đơn vị là một trong ${units}; nhận được "${text}"`,
    limitAmount: (text: string, unit: string) => `--limit: thiếu số lượng trong "${text}", ví dụ "3 ${unit}"`,
    due: (date: string, time: string, at: string) => `Hạn trả kết quả: ${date} lúc ${time} (${at})`,
    received: 'tiếp nhận',
    limit: 'thời hạn',
    countsFrom: 'tính từ',
    dueDate: 'ngày hẹn trả',
    clockStarts: (at: string) => `bắt đầu tính ${at}`,
    cutoff: (c: string) => `, giờ chốt nhận ${c}`,
    unit: (amount: number, unit: string) => (unit === 'same-day' ? UNIT_VI[unit]! : `${String(amount).replace('.', ',')} ${UNIT_VI[unit] ?? unit}`),
    why: 'Vì sao:',
  },
  {
    usage: (units: string) => `Usage: motcua due --received <instant> --limit "<n> <unit>" [--cutoff HH:MM] [--json]

  --received   when the complete dossier was received, ISO 8601 with an offset,
               e.g. 2026-02-13T10:00+07:00
  --limit      the processing time limit: "<amount> <unit>", unit one of
               ${units} (plurals accepted, and the
               Vietnamese "ngày làm việc", "giờ làm việc", "ngày", "trong ngày"), e.g.
               "3 working-days", "0.5 working-day"
  --cutoff     receipts after this clock time count from the next working day (e.g. 15:00)
  --json       print the whole result
               { receivedAt, countFrom, clockStart, limit, dueDate, dueAt, steps }
  --lang vi|en the language of the text printed (default vi)
`,
    missing: (flag: string) => `missing ${flag}`,
    unexpected: (a: string) => `unexpected argument "${a}"`,
    limitBad: (units: string, text: string) => `--limit: expected "<amount> <unit>" with unit one of ${units}; got "${text}"`,
    limitAmount: (text: string, unit: string) => `--limit: missing the amount in "${text}", e.g. "3 ${unit}"`,
    due: (date: string, time: string, at: string) => `Due: ${date} at ${time} (${at})`,
    received: 'received',
    limit: 'limit',
    countsFrom: 'counts from',
    dueDate: 'due date',
    clockStarts: (at: string) => `clock starts ${at}`,
    cutoff: (c: string) => `, cut-off ${c}`,
    unit: (amount: number, unit: string) => `${amount} ${unit}`,
    why: 'Why:',
  },
);

// ── dossier ──────────────────────────────────────────────────────────────────────────────────────

const CHANNEL_VI: Record<string, string> = { direct: 'trực tiếp', online: 'trực tuyến', postal: 'bưu chính công ích' };
const TIMELINESS_VI: Record<string, string> = {
  early: 'trước hạn', 'on-time': 'đúng hạn', late: 'quá hạn', 'pending-within-time': 'đang giải quyết, trong hạn', 'pending-overdue': 'đang giải quyết, quá hạn', 'not-received': 'chưa tiếp nhận',
};
const END_VI: Record<string, string> = { resolved: 'giải quyết xong', refused: 'từ chối giải quyết', stopped: 'dừng xử lý', withdrawn: 'rút hồ sơ', 'closed-no-supplement': 'kết thúc do không bổ sung' };
/** The rule sets' Vietnamese names (the instruments), the id kept in parentheses. */
const RULE_SET_VI: Record<string, string> = {
  'decree-61-2018': 'Nghị định 61/2018/NĐ-CP',
  'decree-118-2025': 'Nghị định 118/2025/NĐ-CP',
  'decree-118-2025-309-2026': 'Nghị định 118/2025/NĐ-CP và Nghị định 309/2026/NĐ-CP',
};
const SUPPLEMENT_VI: Record<string, string> = { 'legal-restart': 'tính lại thời hạn', 'decision-766': 'trừ thời gian chờ (QĐ 766)' };
/** Dossier event types in Vietnamese (the codes stay in `--json`). */
const EVENT_VI: Record<string, string> = {
  submitted: 'nộp hồ sơ', received: 'tiếp nhận', rejected: 'từ chối tiếp nhận', 'intake-supplement-requested': 'yêu cầu bổ sung khi tiếp nhận',
  'intake-supplemented': 'bổ sung khi tiếp nhận', 'agency-received': 'cơ quan nhận hồ sơ', 'step-started': 'chuyển bước xử lý', 'step-completed': 'xong bước xử lý',
  transferred: 'chuyển hồ sơ', 'supplement-requested': 'yêu cầu bổ sung', 'supplement-received': 'nhận hồ sơ bổ sung', 'supplement-expired': 'hết hạn bổ sung',
  'fee-assessed': 'xác định phí, lệ phí', 'fee-paid': 'nộp phí, lệ phí', 'fee-refunded': 'hoàn phí', 'clock-stopped': 'tạm dừng tính thời hạn',
  'clock-resumed': 'tính tiếp thời hạn', extended: 'gia hạn', refused: 'từ chối giải quyết', resolved: 'giải quyết xong', returned: 'trả kết quả',
  'withdrawal-requested': 'yêu cầu rút hồ sơ', 'withdrawal-declined': 'không chấp nhận rút', stopped: 'dừng xử lý',
  'correction-requested': 'yêu cầu đính chính', corrected: 'đính chính xong',
};

export const DOSSIER = table(
  {
    usage: `Cách dùng: motcua dossier <events.json> [--limit "<n> <đơn vị>"] [--policy legal|766] [--json]

  <events.json>  { "procedure": {...}, "events": [...], "policy"?: {...}, "id"?: "..." }
                 hoặc chỉ một mảng sự kiện (khi đó cần --limit)
  --limit        thời hạn giải quyết cho một mảng sự kiện, ví dụ "10 ngày làm việc"
  --policy       cách tính khi yêu cầu bổ sung: legal (tính lại từ đầu, mặc định) hoặc 766 (trừ thời
                 gian chờ)
  --json         in { dossier, timeliness, controlSlip } dạng JSON
  --lang vi|en   ngôn ngữ của văn bản in ra (mặc định vi)
`,
    missingFile: 'thiếu <events.json>',
    oneFile: (n: number) => `cần một tệp, nhận được ${n}`,
    policy: (got: string) => `--policy: cần legal hoặc 766, nhận được "${got}"`,
    bareArray: (path: string) => `${path} chỉ là một mảng sự kiện: hãy cho --limit`,
    notDossier: (path: string) => `${path}: cần { procedure, events } hoặc một mảng sự kiện`,
    cannotRead: (path: string, m: string) => `không đọc được ${path}: ${m}`,
    title: (id: string | null, code: string, channel: string | null, ruleSet: string | null, supplement: string) =>
      `Hồ sơ${id ? ` ${id}` : ''} · thủ tục ${code} · ${channel === null ? '-' : (CHANNEL_VI[channel] ?? channel)} · quy định: ${ruleSet === null ? '-' : Object.hasOwn(RULE_SET_VI, ruleSet) ? `${RULE_SET_VI[ruleSet]} (${ruleSet})` : ruleSet} · khi bổ sung: ${SUPPLEMENT_VI[supplement] ?? supplement}`,
    head: ['thời điểm', 'sự kiện', 'trạng thái', 'mã', 'hạn giải quyết'],
    event: (type: string) => EVENT_VI[type] ?? type,
    state: (_state: string, vi: string) => vi.replace(/ \(.*\)$/, ''),
    code: (code: number, _name: string) => String(code),
    paused: '(tạm dừng)',
    result: (r: string) => TIMELINESS_VI[r] ?? r,
    slip: 'Phiếu kiểm soát quá trình giải quyết hồ sơ:',
    slipHead: ['#', 'bên giao', 'bên nhận', 'thời điểm giao', 'hạn bước', 'hoàn thành', 'kết quả'],
    warnings: 'Cảnh báo:',
    refused: 'Sự kiện bị từ chối (giữ lại, không áp dụng):',
    dueDate: (due: string, original: string | null) => `Hạn giải quyết: ${due}${original ? ` (ban đầu ${original})` : ''}`,
    timeliness: (result: string, end: string | null, endKind: string | null, judgedAt: string | null, subtractedDays: string | null, margin: number | null) =>
      `Kết quả: ${TIMELINESS_VI[result] ?? result}${end ? ` (kết thúc ${end}, ${END_VI[endKind ?? ''] ?? endKind}${judgedAt ? `; tính đến thời điểm tạm dừng ${judgedAt}` : ''})` : ''}${subtractedDays ? `, đã trừ ${subtractedDays} ngày chờ bổ sung (Quyết định 766)` : ''}${margin === null ? '' : `, chênh lệch ${margin} ngày làm việc`}`,
    lateSteps: (steps: string) => `Bước quá hạn: ${steps}`,
    lateStep: (step: string, agency: string, days: number) => `${step} (${agency}, quá ${days} ngày làm việc)`,
  },
  {
    usage: `Usage: motcua dossier <events.json> [--limit "<n> <unit>"] [--policy legal|766] [--json]

  <events.json>  { "procedure": {...}, "events": [...], "policy"?: {...}, "id"?: "..." }
                 or a bare array of events (then --limit is required)
  --limit        processing limit for a bare array, e.g. "10 working-days"
  --policy       supplement policy: legal (restart, default) or 766 (subtract the wait)
  --json         print { dossier, timeliness, controlSlip } as JSON
  --lang vi|en   the language of the text printed (default vi)
`,
    missingFile: 'missing <events.json>',
    oneFile: (n: number) => `expected one file, got ${n}`,
    policy: (got: string) => `--policy: expected legal or 766, got "${got}"`,
    bareArray: (path: string) => `${path} is a bare array of events: give --limit`,
    notDossier: (path: string) => `${path}: expected { procedure, events } or an array of events`,
    cannotRead: (path: string, m: string) => `cannot read ${path}: ${m}`,
    title: (id: string | null, code: string, channel: string | null, ruleSet: string | null, supplement: string) =>
      `Dossier${id ? ` ${id}` : ''} · procedure ${code} · ${channel ?? '-'} · rule set ${ruleSet ?? '-'} · supplement policy ${supplement}`,
    head: ['at', 'event', 'state', 'code', 'due date'],
    event: (type: string) => type,
    state: (state: string, _vi: string) => state,
    code: (code: number, name: string) => `${code} ${name}`,
    paused: '(paused)',
    result: (r: string) => r,
    slip: 'Control slip (Phiếu kiểm soát quá trình):',
    slipHead: ['#', 'from', 'to', 'handed over', 'step due', 'completed', 'result'],
    warnings: 'Warnings:',
    refused: 'Refused events (kept, not applied):',
    dueDate: (due: string, original: string | null) => `Due date: ${due}${original ? ` (original ${original})` : ''}`,
    timeliness: (result: string, end: string | null, endKind: string | null, judgedAt: string | null, subtractedDays: string | null, margin: number | null) =>
      `Timeliness: ${result}${end ? ` (end ${end}, ${endKind}${judgedAt ? `; judged at the pause start ${judgedAt}` : ''})` : ''}${subtractedDays ? `, ${subtractedDays} day(s) of supplement wait subtracted (Decision 766)` : ''}${margin === null ? '' : `, margin ${margin} working day(s)`}`,
    lateSteps: (steps: string) => `Late steps: ${steps}`,
    lateStep: (step: string, agency: string, days: number) => `${step} (${agency}, ${days} working day(s) late)`,
  },
);

// ── demo ─────────────────────────────────────────────────────────────────────────────────────────

export const DEMO = table(
  {
    usage: `Cách dùng: motcua demo [--lang vi|en]

  Giới thiệu lịch làm việc (Tết 2026, hoán đổi ngày nghỉ, các năm ước tính) và ngày hẹn trả của các
  thủ tục mẫu đi kèm. Chỉ nhận --lang.
`,
    title: 'motcua: lịch làm việc của cơ quan nhà nước Việt Nam, giờ Việt Nam (Asia/Ho_Chi_Minh)',
    tet: '1. Tết Nguyên đán 2026 (Bính Ngọ)',
    lunarNewYear: (d: string) => `Mùng 1 Tết: ${d}. Các ngày nghỉ trong tuần:`,
    source: (s: string) => `Nguồn: ${s}`,
    addWorkingDays: (r: string) => `addWorkingDays('2026-02-13', 1) = ${r}: một ngày làm việc sau thứ Sáu 13/2 là thứ Hai 23/2;`,
    between: (n: number) => `workingDaysBetween('2026-02-13', '2026-02-27') = ${n} (mười ngày thường, năm ngày trong đó là Tết).`,
    dueDates: '2. Ngày hẹn trả kết quả',
    cases: [
      'Nhận lúc 15:01 thứ Sáu 13/2/2026, ngày làm việc cuối trước Tết; 3 ngày làm việc, giờ chốt 15:00',
      'Nộp trực tuyến lúc 21:30 Chủ nhật 8/3/2026; 5 ngày làm việc',
      'Nhận lúc 09:00 thứ Ba 10/3/2026; nửa ngày làm việc (0,5 ngày làm việc)',
      'Nhận ngày 15/4/2026; 15 ngày (ngày lịch), ngày cuối là 30/4 (ngày lễ)',
    ],
    due: (d: string, t: string) => `→ hẹn trả ${d} lúc ${t}`,
    why: '3. Vì sao một ngày được nghỉ hay phải làm? explain(ngày)',
    explains: ['Hoán đổi: nghỉ thứ Sáu 2/1/2026…', '…làm bù thứ Bảy 10/1/2026', 'Tết 2031: chưa có thông báo, ước tính theo quy tắc'],
    off: 'nghỉ',
    working: 'làm việc',
    estimated: 'ƯỚC TÍNH',
    sourceLower: (s: string) => `nguồn: ${s}`,
    tet2007: 'Tết 2007: Việt Nam tính âm lịch theo UTC+7, Trung Quốc theo UTC+8',
    tet2007Dates: (vn: string, cn: string) => `Việt Nam: ${vn}; Trung Quốc: ${cn}. motcua tính âm lịch theo giờ Việt Nam (UTC+7), như thư viện date-holidays dùng để so sánh; một thư viện tính theo lịch Trung Quốc (UTC+8) sẽ đặt Tết muộn một ngày.`,
    procedures: '4. Các thủ tục hành chính trong danh mục mẫu',
    counter: (d: string, t: string) => `Hồ sơ nhận tại quầy ${d} lúc ${t}, một ngày trước ngày làm việc cuối trước Tết:`,
    catalogue: (n: number) => `(${n} thủ tục trong data/procedures.json, mỗi thời hạn kèm căn cứ và nguồn.)`,
    try: ['Thử:', 'motcua calendar 2026', 'motcua due --received 2026-02-13T15:01+07:00 --limit "3 ngày làm việc" --cutoff 15:00'],
  },
  {
    usage: `Usage: motcua demo [--lang vi|en]

  A walkthrough of the working calendar (Tết 2026, swaps, estimated years) and of due dates of
  the bundled sample procedures. It takes no option but --lang.
`,
    title: 'motcua: the working calendar of Vietnamese state agencies (lịch làm việc), Asia/Ho_Chi_Minh',
    tet: '1. Tết Nguyên đán 2026 (Bính Ngọ)',
    lunarNewYear: (d: string) => `Lunar New Year's day: ${d}. Weekdays off:`,
    source: (s: string) => `Source: ${s}`,
    addWorkingDays: (r: string) => `addWorkingDays('2026-02-13', 1) = ${r}: one working day after Friday 13/2 is Monday 23/2;`,
    between: (n: number) => `workingDaysBetween('2026-02-13', '2026-02-27') = ${n} (ten calendar weekdays, five of them Tết).`,
    dueDates: '2. Due dates (ngày hẹn trả)',
    cases: [
      'Received at 15:01 on Friday 13/2/2026, the last working day before Tết; 3 working days, 15:00 cut-off',
      'Submitted online on Sunday 8/3/2026 at 21:30; 5 working days',
      'Received at 09:00 on Tuesday 10/3/2026; half a working day (0.5 working-day)',
      'Received on 15/4/2026; 15 calendar days, ending on 30/4 (a holiday)',
    ],
    due: (d: string, t: string) => `→ due ${d} at ${t}`,
    why: '3. Why is a day off or worked? explain(date)',
    explains: ['A swap (hoán đổi): Friday 2/1/2026 off…', '…worked back on Saturday 10/1/2026 (làm bù)', 'Tết 2031: no announcement yet, estimated by rule'],
    off: 'off',
    working: 'working',
    estimated: 'ESTIMATED',
    sourceLower: (s: string) => `source: ${s}`,
    tet2007: 'Tết 2007: Vietnam computes the lunar calendar at UTC+7, China at UTC+8',
    tet2007Dates: (vn: string, cn: string) => `Vietnam: ${vn}; China: ${cn}. motcua computes the lunar calendar in Vietnamese time (UTC+7), as the date-holidays library it is compared with does; a library on the Chinese calendar (UTC+8) would put Tết a day late.`,
    procedures: '4. Procedures of the bundled sample catalogue (thủ tục hành chính)',
    counter: (d: string, t: string) => `A dossier received at the counter on ${d} at ${t}, the day before the last working day before Tết:`,
    catalogue: (n: number) => `(${n} procedures in data/procedures.json, each limit with its basis and source.)`,
    try: ['Try:', 'motcua calendar 2026', 'motcua due --received 2026-02-13T15:01+07:00 --limit "3 working-day" --cutoff 15:00'],
  },
);

// ── sql ──────────────────────────────────────────────────────────────────────────────────────────

export const SQL = table(
  {
    usage: `Cách dùng: motcua sql report [--dialect D] [--table T] [--columns TỆP]
                             [--period P | --from D --to D] [tùy chọn]
           motcua sql table  [--dialect D] [--table T] [--columns TỆP]

  report            câu SELECT tính Biểu II.06a, các tỷ lệ và chỉ số Quyết định 766, mỗi nhóm một
                    dòng và một dòng tổng
  table             câu CREATE TABLE của bố cục hồ sơ (docs/sql.md), theo kiểu dữ liệu của
                    phương ngữ
  --dialect D       phương ngữ SQL, một trong:
                      motcua sql report --dialect duckdb       DuckDB (mặc định)
                      motcua sql report --dialect postgres     PostgreSQL
                      motcua sql report --dialect trino        Trino / Presto
                      motcua sql report --dialect spark        Spark SQL / Databricks
                      motcua sql report --dialect bigquery     BigQuery
                      motcua sql report --dialect clickhouse   ClickHouse
                      motcua sql report --dialect sqlserver    SQL Server
  --table T         bảng hồ sơ (mặc định dossiers; được viết schema.table)
  --columns TỆP     JSON { recordField: "tên cột của bạn" } khi tên cột khác
  --period P        2024, 2024-Q1, 2024-H1, 2024-9M hoặc 2024-03
                    (--statistical: kỳ thống kê từ ngày 15 đến ngày 14)
  --from D --to D   một khoảng ngày bất kỳ (YYYY-MM-DD)
  --as-of D         ngày lấy số liệu, nếu trước ngày cuối kỳ
  --group-by G      field, agency, level, procedure, channel, month (cách nhau bằng dấu phẩy;
                    mặc định không nhóm)
  --convention C    default | form-exact | all-resolved: hồ sơ rút, dừng, từ chối tính vào đâu
                    (như motcua report; form-exact giữ (3) = (7) + (11) như biểu mẫu chính thức)
  --withdrawn X, --refused X, --stopped X    resolved | excluded | on-time (thay quy ước)
  --policy-766      yêu cầu bổ sung quá một lần thì tính là quá hạn
  --late-against-original   hồ sơ đã gia hạn được so với hạn trước khi gia hạn
  --online-times-sync       chỉ số 3.3 như Cổng DVCQG tính: tỷ lệ trực tuyến × tỷ lệ đồng bộ
                            (1.4); không có cho spark, clickhouse (phép nhân 64 bit có thể tràn)
  --handling-time   thêm câu lệnh thứ hai: chỉ số 2.2 (thời gian giải quyết TTHC trung bình), các
                    tổng theo từng TTHC để chia ra số ngày trung bình (docs/sql.md)
  --calendar-table T  bảng lịch làm việc cho --handling-time (mặc định motcua_calendar; tạo bằng
                    motcua calendar export --format sql --dialect D)
  --lang vi|en      ngôn ngữ của thông báo (mặc định vi); câu SQL in ra không đổi
`,
    what: (got: string | undefined) => `hãy nói cần sinh gì: report hoặc table${got ? `, không phải "${got}"` : ''}`,
    unexpected: (a: string) => `đối số thừa "${a}"`,
    dialect: (list: string, got: string) => `--dialect phải là một trong ${list}, không phải "${got}"`,
    fromTo: '--from và --to phải đi cùng nhau',
    period: 'hãy cho --period hoặc --from và --to',
    placement: (k: string, got: string) => `--${k} phải là resolved, excluded hoặc on-time, không phải "${got}"`,
    convention: (got: string) => `--convention phải là default, form-exact hoặc all-resolved, không phải "${got}"`,
    calendarTable: '--calendar-table chỉ dùng với --handling-time',
    onlineTimesSync: (dialect: string) => `--online-times-sync không dùng được với --dialect ${dialect}: phép nhân 64 bit của nó có thể tràn mà không báo lỗi khi số lớn; hãy tính chỉ số 3.3 từ c04_online, synced và received_in_period`,
  },
  {
    usage: `Usage: motcua sql report [--dialect D] [--table T] [--columns FILE] [--period P | --from D --to D]
                         [options]
       motcua sql table  [--dialect D] [--table T] [--columns FILE]

  report            SELECT computing Biểu II.06a, the rates and the Decision 766 indices, one row
                    per group and a total row
  table             CREATE TABLE of the documented dossier layout (docs/sql.md), in the dialect's
                    types
  --dialect D       the SQL dialect, one of:
                      motcua sql report --dialect duckdb       DuckDB (default)
                      motcua sql report --dialect postgres     PostgreSQL
                      motcua sql report --dialect trino        Trino / Presto
                      motcua sql report --dialect spark        Spark SQL / Databricks
                      motcua sql report --dialect bigquery     BigQuery
                      motcua sql report --dialect clickhouse   ClickHouse
                      motcua sql report --dialect sqlserver    SQL Server
  --table T         the dossier table (default dossiers; schema.table allowed)
  --columns FILE    JSON { recordField: "your column name" } when your table's names differ
  --period P        2024, 2024-Q1, 2024-H1, 2024-9M or 2024-03
                    (--statistical for the 15th-to-14th cut-off periods)
  --from D --to D   any date range (YYYY-MM-DD)
  --as-of D         the extraction date, if earlier than the period end
  --group-by G      field, agency, level, procedure, channel, month (comma-separated; default none)
  --convention C    default | form-exact | all-resolved: where withdrawn, stopped, refused count
                    (as motcua report; form-exact keeps (3) = (7) + (11), as the official form)
  --withdrawn X, --refused X, --stopped X    resolved | excluded | on-time (override the convention)
  --policy-766      more than one supplement request counts as late
  --late-against-original   judge extended dossiers against the due date before the extension
  --online-times-sync       index 3.3 as the national portal computes it: online × sync ratio (1.4);
                            not for spark, clickhouse (their 64-bit products can overflow silently)
  --handling-time   add a second statement: index 2.2 (average handling time), its sums per
                    procedure (days / dossiers, working_days / in_calendar; docs/sql.md)
  --calendar-table T  the working calendar table for --handling-time (default motcua_calendar;
                    made by motcua calendar export --format sql --dialect D)
  --lang vi|en      the language of the messages (default vi); the SQL printed is the same
`,
    what: (got: string | undefined) => `say what to generate: report or table${got ? `, not "${got}"` : ''}`,
    unexpected: (a: string) => `unexpected argument "${a}"`,
    dialect: (list: string, got: string) => `--dialect must be one of ${list}, got "${got}"`,
    fromTo: '--from and --to go together',
    period: 'give --period or --from and --to',
    placement: (k: string, got: string) => `--${k} must be resolved, excluded or on-time, got "${got}"`,
    convention: (got: string) => `--convention must be default, form-exact or all-resolved, got "${got}"`,
    calendarTable: '--calendar-table goes with --handling-time',
    onlineTimesSync: (dialect: string) => `--online-times-sync is not available for --dialect ${dialect}: its 64-bit multiplication can overflow without an error on large counts; compute index 3.3 from c04_online, synced and received_in_period`,
  },
);

// ── check ────────────────────────────────────────────────────────────────────────────────────────

export const CHECK = table(
  {
    usage: `Cách dùng: motcua check <baocao.txt|baocao.md|baocao.docx|claims.json|-> [--json] [--lang vi|en]
                         [--encoding e]

  báo cáo       văn bản của một báo cáo (.txt, .md), một tệp Word (.docx, kể cả bảng), hoặc - để đọc
                từ đầu vào chuẩn: các tỷ lệ ("a/b … đạt x%", "x% (a/b hồ sơ)", "a hồ sơ, đạt tỷ lệ
                x%"), các tổng ("N hồ sơ (trong đó: a …; b …)"), tiếp nhận = đã giải quyết + đang
                giải quyết, tổng của bảng và số liệu in hai lần được đọc và tính lại
  claims.json   { "counts": { tên: số }, "sums": [{ "total": tên, "parts": [tên, …] }],
                  "rates": [{ "label": chữ, "numerator": tên|số|"a + b", "denominator": …,
                              "reported": "96,19%" | "trên 70%" }] }
  --json        { "claims": [{ line, text, kind, printed, numerator, denominator, total, parts,
                               exact, verdict, hint }] } (tệp claims giữ cả { sums, rates, ok })
  --lang        ngôn ngữ của văn bản in ra và các gợi ý: vi (mặc định) hoặc en
  --encoding    tệp văn bản không có BOM và không phải UTF-8: windows-1258 (cp1258), utf-16le,
                utf-16be
Mã thoát: 0 khi mọi số liệu kiểm tra được đều đúng (kể cả số cắt bớt), 1 khi có số sai, 2 khi không
đọc được dữ liệu vào (hoặc dùng sai lệnh).
`,
    missingFile: 'thiếu <báo cáo> (một tệp .txt, .md, .docx, claims .json, hoặc - cho đầu vào chuẩn)',
    unexpected: (a: string) => `đối số thừa "${a}"`,
    cannotRead: (file: string) => `không đọc được ${file}`,
    notJson: (m: string) => `không phải JSON: ${m}`,
    kind: { rate: 'tỷ lệ', sum: 'tổng', balance: 'cân đối', 'table-row': 'bảng (dòng)', 'table-column': 'bảng (cột)', contradiction: 'mâu thuẫn' },
    group: { mismatch: 'SAI', 'match-truncated': 'ĐÚNG NẾU CẮT SỐ (không làm tròn)', unverifiable: 'KHÔNG KIỂM CHỨNG ĐƯỢC', match: 'ĐÚNG' },
    line: 'dòng',
    printed: 'in',
    exact: 'tính lại',
    none: 'Không tìm thấy số liệu nào để kiểm tra.',
    summary: (w: number, t: number, u: number, m: number) => `Kết quả: ${w} số liệu sai, ${t} cắt số, ${u} không kiểm chứng được, ${m} đúng.`,
    sums: 'Các tổng',
    sumsHead: ['', 'Tổng', 'Các phần', 'Tính lại', 'Công bố', 'Chênh lệch'],
    rates: 'Các tỷ lệ',
    ratesHead: ['', 'Nhãn', 'Phân số', 'Tính lại', 'Công bố'],
    why: 'Vì sao:',
    ok: 'ĐÚNG',
    okTruncated: 'ĐÚNG (cắt số)',
    unverifiable: 'KHÔNG KIỂM CHỨNG ĐƯỢC',
    wrong: 'SAI',
    allRight: 'Mọi số liệu đều đúng.',
    someWrong: (n: number) => `${n} số liệu không đúng.`,
  },
  {
    usage: `Usage: motcua check <report.txt|report.md|report.docx|claims.json|-> [--json] [--lang vi|en]
                    [--encoding e]

  report        a report's text (.txt, .md), a Word document (.docx, tables included), or - for
                stdin: rates ("a/b … đạt x%", "x% (a/b hồ sơ)", "a hồ sơ, đạt tỷ lệ x%"), sums
                ("N hồ sơ (trong đó: a …; b …)"), received = resolved + pending, table totals and
                figures printed twice are read and recomputed
  claims.json   { "counts": { name: number }, "sums": [{ "total": name, "parts": [name, …] }],
                  "rates": [{ "label": text, "numerator": name|number|"a + b", "denominator": …,
                              "reported": "96,19%" | "trên 70%" }] }
  --json        { "claims": [{ line, text, kind, printed, numerator, denominator, total, parts,
                               exact, verdict, hint }] }
                (claims files also keep { sums, rates, ok })
  --lang        the language of the text output and hints: vi (default) or en
  --encoding    a text file without a byte order mark that is not UTF-8: windows-1258 (cp1258),
                utf-16le, utf-16be
Exit code: 0 when every checkable figure holds (truncated prints included), 1 when one does not,
2 when the input cannot be read (or on usage errors).
`,
    missingFile: 'missing <report> (a .txt, .md, .docx, claims .json, or - for stdin)',
    unexpected: (a: string) => `unexpected argument "${a}"`,
    cannotRead: (file: string) => `cannot read ${file}`,
    notJson: (m: string) => `not JSON: ${m}`,
    kind: { rate: 'rate', sum: 'sum', balance: 'balance', 'table-row': 'table row', 'table-column': 'table column', contradiction: 'contradiction' },
    group: { mismatch: 'WRONG', 'match-truncated': 'RIGHT IF TRUNCATED (not rounded)', unverifiable: 'UNVERIFIABLE', match: 'RIGHT' },
    line: 'line',
    printed: 'printed',
    exact: 'exact',
    none: 'No figure found to check.',
    summary: (w: number, t: number, u: number, m: number) => `Result: ${w} wrong, ${t} truncated, ${u} unverifiable, ${m} right.`,
    sums: 'Sums (tổng)',
    sumsHead: ['', 'Total', 'Parts', 'Expected', 'Claimed', 'Difference'],
    rates: 'Rates (tỷ lệ)',
    ratesHead: ['', 'Label', 'Fraction', 'Exact', 'Printed'],
    why: 'Why:',
    ok: 'OK',
    okTruncated: 'OK (truncated)',
    unverifiable: 'UNVERIFIABLE',
    wrong: 'WRONG',
    allRight: 'Every figure checks out.',
    someWrong: (n: number) => `${n} figure(s) do not check out.`,
  },
);

// ── report ───────────────────────────────────────────────────────────────────────────────────────

const PLACEMENT_VI: Record<string, string> = { resolved: 'tính vào (7)', excluded: 'không tính vào (7)', 'on-time': 'tính vào (9) đúng hạn' };
const dmy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** What `motcua report` prints, but its usage (in report.ts, beside the options it documents). */
export const REPORT = table(
  {
    columns: [
      '(3) Tổng số', '(4) Trực tuyến', '(5) Trực tiếp, BCCI', '(6) Kỳ trước chuyển qua', '(7) Đã giải quyết', '(8) Trước hạn', '(9) Đúng hạn', '(10) Quá hạn',
      '(11) Đang giải quyết', '(12) Trong hạn', '(13) Quá hạn', 'Rút hồ sơ', 'Không tính vào (7)',
    ],
    short: ['(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)', '(10)', '(11)', '(12)', '(13)', 'Rút', 'Ngoài (7)'],
    tableLegend: (c: readonly string[]) => [
      `${c[0]} = ${c[1]} + ${c[2]} + ${c[3]}`,
      `${c[4]} = ${c[5]} + ${c[6]} + ${c[7]}`,
      `${c[8]} = ${c[9]} + ${c[10]}`,
      'Rút: hồ sơ rút; Ngoài (7): hồ sơ kết thúc không tính vào (7)',
    ],
    group: 'Nhóm',
    total: 'Tổng cộng',
    all: 'Tất cả',
    rate: {
      onTime: 'Tỷ lệ giải quyết đúng và trước hạn', late: 'Tỷ lệ giải quyết quá hạn', overdue: 'Tỷ lệ hồ sơ tồn quá hạn', online: 'Tỷ lệ hồ sơ trực tuyến',
      digitisation: 'Tỷ lệ số hóa hồ sơ', eResult: 'Tỷ lệ cấp kết quả điện tử', onlinePayment: 'Tỷ lệ thanh toán trực tuyến', sync: 'Tỷ lệ đồng bộ lên Cổng DVCQG',
      satisfaction: 'Tỷ lệ không có phản ánh, kiến nghị',
    } as Record<string, string>,
    title: (periodInWords: string, _label: string, from: string, to: string, asOf: string | null) =>
      `Biểu II.06a: kết quả giải quyết TTHC, ${periodInWords} (từ ngày ${dmy(from)} đến ngày ${dmy(to)})${asOf ? `, số liệu đến ngày ${dmy(asOf)}` : ''}`,
    conventions: (p: { withdrawn: string; refused: string; stopped: string; supplements: string; lateAgainstOriginal: boolean }) =>
      `Quy ước: hồ sơ rút ${PLACEMENT_VI[p.withdrawn] ?? p.withdrawn}, từ chối ${PLACEMENT_VI[p.refused] ?? p.refused}, dừng xử lý ${PLACEMENT_VI[p.stopped] ?? p.stopped}; bổ sung hồ sơ ${p.supplements === 'decision-766' ? 'theo Quyết định 766/QĐ-TTg' : 'theo quy định (tính lại thời hạn)'}${p.lateAgainstOriginal ? '; quá hạn so với hạn ban đầu (trước gia hạn)' : ''}`,
    assumed: (list: string) => `Cột không có trong tệp, giả định (--assume): ${list}`,
    // the value as typed, then in words: reusedData=false (không), pausedSince=none (không có)
    assumedValue: (k: string, x: string) => {
      const count = k === 'supplements' || k === 'extensions';
      const words = x === '' ? 'không có' : x === 'false' || (x === '0' && !count) ? 'không' : x === 'true' || (x === '1' && !count) ? 'có' : null;
      return `${k}=${x === '' ? 'none' : x}${words === null ? '' : ` (${words})`}`;
    },
    none: 'không có',
    rates: 'Tỷ lệ',
    indices: 'Chỉ số theo Quyết định 766/QĐ-TTg (tính được từ dữ liệu hồ sơ)',
    indicesHead: ['Mã', 'Chỉ số', 'Tỷ lệ', 'Chỉ tiêu', 'Điểm'],
    indexName: (i: { name: string; nameEn: string }) => i.name,
    score766: (earned: string, scored: number, missing: number, unmodelled: number, na: number) =>
      `Điểm Quyết định 766: ${earned} / ${scored} điểm đã tính được trên 100; chưa tính ${100 - scored} điểm (thiếu dữ liệu danh mục TTHC, công bố: ${missing}; motcua chưa tính: ${unmodelled}; không áp dụng vì mẫu số bằng 0: ${na})`,
    identities: 'Kiểm tra cân đối:',
    identityName: (name: string) => name.replace(/\bexcluded\b/, 'Ngoài (7)'),
    identityOk: 'ĐÚNG',
    identityFails: (actual: number, expected: number) => `SAI (${actual} khác ${expected})`,
    rowsRead: (read: number, counted: number, rejected: number, outside: number) => `Số dòng đã đọc: ${read} = tính vào biểu ${counted} + bị loại ${rejected} + ngoài kỳ báo cáo ${outside}`,
    rejectedSee: (n: number) => `${n} dòng bị loại: xem stderr.`,
    period: 'Kỳ báo cáo',
    legend: [
      '(3) tổng số nhận giải quyết = (4) trực tuyến + (5) trực tiếp, bưu chính công ích',
      '    + (6) kỳ trước chuyển qua',
      '(7) đã giải quyết = (8) trước hạn + (9) đúng hạn + (10) quá hạn',
      '(11) đang giải quyết = (12) trong hạn + (13) quá hạn',
    ],
    line: 'dòng',
    sheetRow: (shownName: string) => `trang tính ${shownName}, dòng`,
    more: (n: number, keep: number | null) => `… và ${n} dòng bị loại khác${keep === null ? '' : ` (${keep} dòng đầu có trong --format json)`}`,
    wroteForm: (file: string, groups: number, dossiers: number, rejected: number) => `Đã ghi Biểu II.06a vào ${file} (${groups} nhóm, ${dossiers} hồ sơ${rejected ? `, ${rejected} dòng bị loại` : ''}).`,
    wrote: (file: string) => `Đã ghi ${file}.`,
    duckdbPlain: '--engine duckdb chỉ đọc tệp xuất đơn giản (không ánh xạ giá trị, định dạng ngày, bảng mã hay cột sự kiện kết thúc); hãy dùng --engine js',
    noColumn: (file: string, shown: string) => `${file} không có cột ${shown} (ánh xạ cột của bạn bằng --mapping)`,
    // usage errors
    unexpected: (a: string) => `đối số thừa "${a}"`,
    fileOrSample: 'hãy cho một tệp hoặc --sample',
    eitherFileOrSample: 'chỉ cho một tệp hoặc --sample, không cả hai',
    format: (got: string) => `--format phải là table, csv, json hoặc html, không phải "${got}"`,
    form: (got: string) => `--form phải là ii06a (Biểu II.06a), không phải "${got}"`,
    outExt: (got: string) => `--out phải có đuôi .xlsx (cần --form), .csv, .html, .json hoặc .txt, không phải "${got}"`,
    outXlsx: '--out TỆP.xlsx ghi biểu mẫu: hãy thêm --form ii06a',
    formGroupBy: '--form ii06a xếp dòng theo cấp rồi lĩnh vực: bỏ --group-by',
    sheet: '--sheet dùng cho tệp .xlsx',
    year: (got: string) => `--year phải có bốn chữ số, không phải "${got}"`,
    fromTo: '--from và --to phải đi cùng nhau',
    engine: (got: string) => `--engine phải là js hoặc duckdb, không phải "${got}"`,
    duckdbCsv: '--engine duckdb chỉ đọc tệp CSV',
    threads: (shown: string) => `--threads phải là số nguyên từ 1, không phải ${shown}`,
    delimiter: (shown: string) => `--delimiter phải là một ký tự không phải dấu ngoặc kép hay xuống dòng (hoặc \\t cho tab), không phải ${shown}`,
    htmlGroupBy: 'báo cáo html tự nhóm theo cấp, lĩnh vực và tháng: bỏ --group-by',
    maxCellBytes: (got: string) => `--max-cell-bytes phải là số byte nguyên từ 1, không phải "${got}"`,
  },
  {
    columns: [
      '(3) Received', '(4) Online', '(5) Direct, postal', '(6) Carried over', '(7) Resolved', '(8) Early', '(9) On time', '(10) Late',
      '(11) Pending', '(12) Within time', '(13) Overdue', 'Withdrawn', 'Not in (7)',
    ],
    short: ['(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)', '(10)', '(11)', '(12)', '(13)', 'Withdrawn', 'Not in (7)'],
    tableLegend: (c: readonly string[]) => [
      `${c[0]} = ${c[1]} + ${c[2]} + ${c[3]}`,
      `${c[4]} = ${c[5]} + ${c[6]} + ${c[7]}`,
      `${c[8]} = ${c[9]} + ${c[10]}`,
      'Withdrawn: dossiers withdrawn; Not in (7): dossiers ended outside (7)',
    ],
    group: 'Group',
    total: 'Total',
    all: 'All',
    rate: {
      onTime: 'Resolved on time or early', late: 'Resolved late', overdue: 'Pending and overdue', online: 'Received online',
      digitisation: 'Digitised', eResult: 'Electronic result', onlinePayment: 'Paid online', sync: 'Synced to the national portal',
      satisfaction: 'No complaint or petition',
    } as Record<string, string>,
    title: (periodInWords: string, _label: string, from: string, to: string, asOf: string | null) =>
      `Form II.06a: administrative procedures resolved, ${periodInWords} (${from} .. ${to})${asOf ? `, data as of ${asOf}` : ''}`,
    conventions: (p: { withdrawn: string; refused: string; stopped: string; supplements: string; lateAgainstOriginal: boolean }) =>
      `Conventions: withdrawn ${p.withdrawn}, refused ${p.refused}, stopped ${p.stopped}, supplements ${p.supplements}${p.lateAgainstOriginal ? ', late against the original due date' : ''}`,
    assumed: (list: string) => `Columns not in the file, assumed absent (--assume): ${list}`,
    assumedValue: (k: string, x: string) => `${k}=${x === '' ? 'none' : x}`,
    none: 'none',
    rates: 'Rates',
    indices: 'Decision 766/QĐ-TTg indices (computable from dossier data)',
    indicesHead: ['Code', 'Index', 'Rate', 'Target', 'Score'],
    indexName: (i: { name: string; nameEn: string }) => i.nameEn,
    score766: (earned: string, scored: number, missing: number, unmodelled: number, na: number) =>
      `Decision 766 score: ${earned} of the ${scored} points scored out of 100; ${100 - scored} points not scored (input not given: catalogue, publications: ${missing}; not modelled by motcua: ${unmodelled}; not applicable, denominator 0: ${na})`,
    identities: 'Identities:',
    identityName: (name: string) => name,
    identityOk: 'OK',
    identityFails: (actual: number, expected: number) => `FAILS (${actual} vs ${expected})`,
    rowsRead: (read: number, counted: number, rejected: number, outside: number) => `Rows read: ${read} = counted ${counted} + rejected ${rejected} + outside the period ${outside}`,
    rejectedSee: (n: number) => `${n} row(s) rejected: see stderr.`,
    period: 'Reporting period',
    legend: [
      '(3) received = (4) online + (5) direct or by public postal service',
      '    + (6) carried over from the previous period',
      '(7) resolved = (8) early + (9) on time + (10) late',
      '(11) pending = (12) within time + (13) overdue',
    ],
    line: 'line',
    sheetRow: (shownName: string) => `sheet ${shownName}, row`,
    more: (n: number, keep: number | null) => `… and ${n} more rejected rows${keep === null ? '' : ` (the first ${keep} are in --format json)`}`,
    wroteForm: (file: string, groups: number, dossiers: number, rejected: number) => `Wrote Form II.06a to ${file} (${groups} groups, ${dossiers} dossiers${rejected ? `, ${rejected} rows rejected` : ''}).`,
    wrote: (file: string) => `Wrote ${file}.`,
    duckdbPlain: '--engine duckdb reads plain exports only (no value maps, date format, encoding or end event columns); use --engine js',
    noColumn: (file: string, shown: string) => `${file} has no column ${shown} (map yours with --mapping)`,
    unexpected: (a: string) => `unexpected argument "${a}"`,
    fileOrSample: 'give a file or --sample',
    eitherFileOrSample: 'give either a file or --sample',
    format: (got: string) => `--format must be table, csv, json or html, got "${got}"`,
    form: (got: string) => `--form must be ii06a (Biểu II.06a), got "${got}"`,
    outExt: (got: string) => `--out must end in .xlsx (needs --form), .csv, .html, .json or .txt, got "${got}"`,
    outXlsx: '--out FILE.xlsx writes the form: add --form ii06a',
    formGroupBy: '--form ii06a lists rows by level then field: leave out --group-by',
    sheet: '--sheet is for .xlsx files',
    year: (got: string) => `--year must be four digits, got "${got}"`,
    fromTo: '--from and --to go together',
    engine: (got: string) => `--engine must be js or duckdb, got "${got}"`,
    duckdbCsv: '--engine duckdb reads CSV files only',
    threads: (shown: string) => `--threads must be a whole number from 1, got ${shown}`,
    delimiter: (shown: string) => `--delimiter must be one character other than a quote or a line break (or \\t for a tab), got ${shown}`,
    htmlGroupBy: 'the html report groups by level, field and month itself: leave out --group-by',
    maxCellBytes: (got: string) => `--max-cell-bytes must be a whole number of bytes from 1, got "${got}"`,
  },
);

// ── report --events ──────────────────────────────────────────────────────────────────────────────

export const REPORT_EVENTS = table(
  {
    usage: `Cách dùng: motcua report --events <events.ndjson> [--catalog catalog.json] [--facts facts.json]
                        [tùy chọn của report]

  --events TỆP    NDJSON: mỗi dòng một sự kiện hồ sơ, có "dossierId" và "procedureCode" (và "agency"
                  nếu báo cáo nhóm theo cơ quan), ví dụ
                  {"dossierId":"H1","procedureCode":"2.000815","agency":"UBND xã A","id":"e1",
                   "type":"received","at":"2026-03-02T09:00+07:00"}
  --catalog TỆP   danh mục thủ tục (JSON, như motcua/schema kiểm tra); mặc định: danh mục mẫu đi kèm
  --facts TỆP     JSON { "<dossierId>": { digitised, eResult, feeDue, paidOnline, synced, complaint,
                  … }, "*": {…} }: điều không sự kiện nào mang; "*" áp dụng cho hồ sơ không được
                  liệt kê. Hồ sơ không có facts bị loại.
                  Sự kiện của một hồ sơ nằm trên các dòng liền nhau, theo thứ tự thời gian; các
                  hồ sơ theo thứ tự tăng dần của mã (thứ tự điểm mã: LC_ALL=C sort,
                  ORDER BY ma_ho_so COLLATE "C", thoi_gian). Hồ sơ sai thứ tự dừng báo cáo,
                  nêu số dòng (mã thoát 2).
  --any-order     sự kiện theo thứ tự bất kỳ: đọc cả tệp vào bộ nhớ (chỉ cho tệp nhỏ)
  --policy-766    chạy lại yêu cầu bổ sung theo Quyết định 766 (trừ thời gian chờ; yêu cầu bổ sung
                  lần hai được nhận và tính quá hạn thay vì từ chối cả nhật ký)
  --threads N     số luồng (mặc định: mọi lõi cho tệp trên 32 MB, nếu không 1); tệp được cắt ở ranh
                  giới giữa hai hồ sơ
  --max-line-bytes N  dòng dài nhất (mặc định 1048576 byte): dòng dài hơn bị loại,
                  nêu số dòng
  --lang vi|en    ngôn ngữ của văn bản in ra (mặc định vi)
  Các tùy chọn khác là của motcua report: --period, --statistical, --from/--to, --as-of, --group-by,
  --format, --form, --out, --withdrawn/--refused/--stopped, --assume. Dòng lỗi và nhật ký lỗi được
  liệt kê trên stderr với số dòng; khi đó mã thoát là 1.
`,
    needsFile: (name: string) => `${name} cần một tệp`,
    needsNumber: (name: string) => `${name} cần một số`,
    maxLine: (v: string) => `--max-line-bytes phải là số byte nguyên từ 16, nhận được "${v}"`,
    readLine: (dossiers: number, counted: number, rejected: number, outside: number, events: number, badLines: number, threads: number) =>
      `Hồ sơ đã phát lại từ nhật ký: ${dossiers} = tính vào biểu ${counted} + bị loại ${rejected} + ngoài kỳ báo cáo ${outside}; dòng sự kiện đã đọc: ${events}, trong đó ${badLines} dòng bị loại (${threads} luồng)`,
    notWithEvents: (name: string) => `${name} không đi cùng --events`,
    unexpected: (a: string) => `đối số thừa "${a}": dữ liệu vào là --events`,
    giveEvents: 'hãy cho --events TỆP',
    line: (file: string, line: number, reason: string) => `${file}: dòng ${line}: ${reason}`,
    more: (n: number) => `… và ${n} hồ sơ hoặc dòng bị loại khác`,
    summary: (bad: number, file: string, ok: number) => `${bad} hồ sơ hoặc dòng của ${file} bị loại; ${ok} hồ sơ được báo cáo.`,
  },
  {
    usage: `Usage: motcua report --events <events.ndjson> [--catalog catalog.json] [--facts facts.json]
                    [report options]

  --events FILE   NDJSON: one dossier event a line, with "dossierId" and "procedureCode"
                  (and "agency" if the report is grouped by office), e.g.
                  {"dossierId":"H1","procedureCode":"2.000815","agency":"UBND xã A","id":"e1",
                   "type":"received","at":"2026-03-02T09:00+07:00"}
  --catalog FILE  the procedure catalogue (JSON, as motcua/schema validates it); default: the
                  bundled sample
  --facts FILE    JSON { "<dossierId>": { digitised, eResult, feeDue, paidOnline, synced, complaint,
                  … }, "*": {…} }: what no event carries; "*" applies to dossiers not listed. A
                  dossier without facts is rejected.
                  The events of a dossier on consecutive lines, in time order; the dossiers in
                  ascending order of id (code point order: LC_ALL=C sort, ORDER BY dossier_id
                  COLLATE "C", at). A dossier out of order stops the report naming its line
                  (exit 2).
  --any-order     the events may come in any order: the whole file is read in memory (small files)
  --policy-766    also replays supplements under the Decision 766 policy (the wait is subtracted,
                  and a second supplement request is accepted and counted late instead of refusing
                  the log)
  --threads N     worker threads (default: all cores for files over 32 MB, else 1); the file is
                  cut at dossier boundaries
  --max-line-bytes N  the longest line (default 1048576 bytes): a longer one is rejected, numbered
  --lang vi|en    the language of the text printed (default vi)
  Every other option is that of motcua report: --period, --statistical, --from/--to, --as-of,
  --group-by, --format, --form, --out, --withdrawn/--refused/--stopped, --assume. Bad lines and
  bad logs are listed on stderr with their line numbers; the exit code is then 1.
`,
    needsFile: (name: string) => `${name} needs a file`,
    needsNumber: (name: string) => `${name} needs a number`,
    maxLine: (v: string) => `--max-line-bytes must be a whole number of bytes from 16, got "${v}"`,
    readLine: (dossiers: number, counted: number, rejected: number, outside: number, events: number, badLines: number, threads: number) =>
      `Dossiers replayed from the log: ${dossiers} = counted ${counted} + rejected ${rejected} + outside the period ${outside}; event lines read: ${events}, of which ${badLines} rejected (${threads} thread(s))`,
    notWithEvents: (name: string) => `${name} does not go with --events`,
    unexpected: (a: string) => `unexpected argument "${a}": the input is --events`,
    giveEvents: 'give --events FILE',
    line: (file: string, line: number, reason: string) => `${file}: line ${line}: ${reason}`,
    more: (n: number) => `… and ${n} more rejected dossiers or lines`,
    summary: (bad: number, file: string, ok: number) => `${bad} dossier(s) or line(s) of ${file} rejected; ${ok} dossier(s) reported.`,
  },
);
