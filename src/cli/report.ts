/**
 * `motcua report <file.csv|json> | --sample [--year 2025]`: Biểu II.06a, rates and the Decision 766
 * indices for a period, from a provincial export (streamed) or the bundled sample.
 */
import { createReadStream, statSync } from 'node:fs';
import { reportWithDuckDb } from './_engineDuckdb';
import {
  type Accumulator,
  type ColumnMapping,
  type ConventionName,
  CONVENTIONS,
  type DossierRecord,
  figuresByColumn,
  type ReadResult,
  type RecordField,
  type SummaryPolicy,
  createAccumulator,
  emptyCounts,
  formatRate,
  formII06a,
  formII06aCsv,
  periodInWords,
  type GroupKey,
  indices766,
  score766,
  createHandlingTime,
  addHandlingTime,
  handlingTimeResult,
  type HandlingTime766,
  type HandlingTimeState,
  type Index766,
  type Score766,
  regroup,
  period as makePeriod,
  type Period,
  readJsonRecordBatches,
  readRecordBatches,
  result,
  sampleRecords,
  type Summary,
} from '../kpi';
import { accumulateCsvFile, defaultThreads, MAX_THREADS } from '../node/summarizeFile';
import { addRecord } from '../kpi/accumulator';
import { readXlsxRecordBatches } from '../node/xlsx';
import { writeFormII06a } from '../node/reportWorkbook';
import { reportHtml } from '../node/reportHtml';
import { writeFile } from 'node:fs/promises';
import { columnBlocks, columns, commandArgs, csvCell, type Lang, reasonIn, usageError, wrap } from './_format';
import { REPORT } from './_messages';
import { type Catalog766, catalogIndices766, factsNeedCatalog, handlingTimeOfCsvFile, type HandlingTimeGap, indicesCatalogHeading, pointsBlock, readCatalog766 } from './_report766';
import { inputSpec } from './_mappingFile';
import { clip, type ErrorTexts, isMotcuaError, messageOf, MotcuaError, show } from '../errors';
import { reasonTexts } from '../kpi/reasonTexts';
import { duplicateReason } from '../kpi/_lib/fastCsv';
import { missingColumnsError, noDataRowsError, readHeader } from '../kpi/readRecords';
import { noRecordsError } from '../kpi/readJson';
import type { CliIo, Command } from './io';

const USAGE = {
  vi: `Cách dùng: motcua report <tệp.csv|tệp.xlsx|tệp.json|tệp.ndjson> [tùy chọn]
           motcua report --sample [--year 2025] [tùy chọn]

  --period P        2024, 2024-Q1, 2024-H1, 2024-9M hoặc 2024-03 (kỳ theo lịch; H1: 6 tháng đầu năm)
  --statistical     dùng kỳ thống kê (từ ngày 15 đến ngày 14) cho --period
  --from D --to D   một khoảng ngày bất kỳ thay cho --period (YYYY-MM-DD)
  --as-of D         ngày lấy số liệu, nếu trước ngày cuối kỳ
  --group-by G      field, agency, level, procedure, channel, month (cách nhau bằng dấu phẩy;
                    mặc định field: lĩnh vực)
  --format F        table (mặc định), csv, json hoặc html (một trang có bảng và biểu đồ theo tháng
                    và lĩnh vực)
  --form ii06a      Biểu II.06a như bản in (STT, cột (1)-(13), dòng theo cấp rồi lĩnh vực, cộng theo
                    cấp); với --out TỆP.xlsx (các trang biểu, tỷ lệ, chỉ số 766) hoặc --out TỆP.csv
                    (UTF-8 có BOM)
  --out TỆP         ghi báo cáo vào TỆP thay vì in ra màn hình: .xlsx (cần --form), .csv, .html,
                    .json hoặc .txt (theo đuôi tệp; .htm như .html)
  --unit TÊN        đơn vị báo cáo in trên biểu; --recipient TÊN đơn vị nhận báo cáo
  --sheet TÊN       trang tính cần đọc của tệp .xlsx (mặc định: trang đầu)
  --mapping TỆP     JSON { recordField: "tên cột CSV hoặc khóa JSON" } cho tệp xuất của hệ thống,
                    hoặc { "preset": "dvcqg", "columns": {…}, "values": {…}, "dateFormat": "…" }
                    (docs/from-export-to-form.md)
  --preset TÊN      tên cột của một bố cục đã biết: dvcqg (các trường đồng bộ của Cổng DVCQG
                    MaHoSo, NgayTiepNhan, …)
  --date-format P   mẫu ngày mà trình đọc chưa biết, ví dụ "MM/dd/yyyy HH:mm" (giờ Việt Nam)
  Tệp .json là một mảng bản ghi, tệp .ndjson hoặc .jsonl mỗi dòng một bản ghi; cả hai được đọc dần.
  --delimiter C     dấu phân cách CSV: một ký tự không phải dấu ngoặc kép hay xuống dòng, hoặc tab
                    (\\t); mặc định: dấu , ; hoặc tab mà dòng tiêu đề dùng
  --encoding E      utf-8 (mặc định), utf-16le, utf-16be hoặc windows-1258; BOM được nhận ra
  --threads N       số luồng đọc tệp CSV, số nguyên từ 1 (mặc định: mọi lõi cho tệp trên 32 MB,
                    còn lại 1); nhiều hơn số lõi của máy thì giảm về số lõi, có thông báo
  --max-cell-bytes N  ô CSV có ngoặc kép dài nhất (mặc định 1048576): ô dài hơn là một dấu ngoặc
                    lạc, dòng đó bị loại và việc đọc tiếp tục từ dòng sau
  --engine E        js hoặc duckdb: duckdb chạy SQL của motcua/sql trong DuckDB nhúng trên tệp CSV
                    (cần npm install @duckdb/node-api)
  --events TỆP      nhật ký sự kiện NDJSON thay cho bản ghi, mỗi hồ sơ được chạy lại qua máy trạng
                    thái (với --facts TỆP cho điều sự kiện không biết; xem motcua report --events
                    --help)
  --convention C    default | form-exact | all-resolved: hồ sơ rút, dừng xử lý, từ chối được tính ở
                    đâu. form-exact (mặc định với --form) tính rút và dừng vào (7), cột (9), nên
                    (3) = (7) + (11) như trên biểu; default để riêng: (3) = (7) + (11) + không tính
  --withdrawn X, --refused X, --stopped X    resolved | excluded | on-time (thay quy ước)
  --policy-766      Quyết định 766: yêu cầu bổ sung quá một lần tính là quá hạn, hồ sơ tạm dừng
                    được xét tại ngày yêu cầu (mặc định: theo luật, thời hạn không chạy khi chờ)
  --late-against-original   xét hồ sơ đã gia hạn theo hạn trước khi gia hạn
  --online-times-sync       chỉ số 3.3 như Cổng DVCQG tính: tỷ lệ trực tuyến × tỷ lệ đồng bộ (1.4)
  --catalog TỆP     danh mục TTHC của đơn vị (JSON, như data/procedures.json): thêm các chỉ số 766
                    3.1, 3.2, 3.5b; không có thì các điểm này ghi là chưa có đầu vào
  --catalog-facts TỆP   điều danh mục không có: { "publications": [{ code, decidedOn, effectiveOn,
                    publishedOn }], "paymentIntegrated": [mã], "componentsComplete": [mã] } cho
                    1.1, 1.2, 3.5a, 1.3 (cần --catalog)
  --handling-time   tính chỉ số 2.2 (thời gian giải quyết trung bình) cả với tệp CSV trên 32 MB: đọc
                    tệp lần thứ hai (lâu hơn nhiều); tệp nhỏ hơn, --engine duckdb và --events luôn
                    được tính
  --assume F=V      một cột tệp xuất không có, khai báo vắng với giá trị mọi hồ sơ nhận, ví dụ
                    --assume digitised=false,pausedSince=none (cách nhau bằng dấu phẩy hoặc lặp
                    lại).
                    Nếu không, thiếu một cột mà số liệu in ra cần là lỗi nêu tên cột và số liệu
  --lang vi|en      ngôn ngữ của văn bản in ra (mặc định vi)
  Mã hồ sơ xuất hiện hai lần được tính một lần (dòng tốt đầu tiên); mỗi dòng sau được liệt kê là bị
  loại.
Các dòng lỗi được liệt kê trên stderr kèm số dòng và được đếm trong kết quả; không dòng nào bị bỏ
qua im lặng.
`,
  en: `Usage: motcua report <file.csv|file.xlsx|file.json|file.ndjson> [options]
       motcua report --sample [--year 2025] [options]

  --period P        2024, 2024-Q1, 2024-H1, 2024-9M or 2024-03 (calendar periods; H1: first half)
  --statistical     use the statistical cut-off periods (15th to 14th) for --period
  --from D --to D   any date range instead of --period (YYYY-MM-DD)
  --as-of D         the extraction date, if earlier than the period end
  --group-by G      field, agency, level, procedure, channel, month (comma-separated; default field)
  --format F        table (default), csv, json or html (a page with the table and charts by month
                    and field)
  --form ii06a      Biểu II.06a as printed (STT, columns (1)-(13), rows by level then field,
                    subtotals); with --out FILE.xlsx (the form, rates and 766 indices sheets) or
                    --out FILE.csv (UTF-8 with BOM)
  --out FILE        write the report to FILE instead of the terminal: .xlsx (needs --form), .csv,
                    .html, .json or .txt (by the file's extension; .htm as .html)
  --unit NAME       the reporting unit printed on the form (Đơn vị báo cáo); --recipient NAME the
                    unit it goes to
  --sheet NAME      the sheet of an .xlsx file to read (default: the first)
  --mapping FILE    JSON { recordField: "CSV header or JSON key" } for your system's export, or
                    { "preset": "dvcqg", "columns": {…}, "values": {…}, "dateFormat": "…" }
                    (docs/from-export-to-form.md)
  --preset NAME     column names of a known layout: dvcqg (the national portal's sync fields
                    MaHoSo, NgayTiepNhan, …)
  --date-format P   a date pattern the built-in reader does not know, e.g. "MM/dd/yyyy HH:mm"
                    (Vietnamese time)
  A .json file holds one array of records, a .ndjson or .jsonl file one record per line; both are
  streamed.
  --delimiter C     CSV delimiter: one character other than a quote or a line break, or tab (\\t);
                    default: the one of , ; or tab the header line uses
  --encoding E      utf-8 (default), utf-16le, utf-16be or windows-1258; a byte order mark is
                    detected
  --threads N       worker threads for a CSV file, a whole number from 1 (default: all cores for
                    files over 32 MB, else 1); more than the machine's cores is capped to them,
                    with a notice
  --max-cell-bytes N  the largest quoted CSV cell (default 1048576): a longer one is a stray quote,
                    its row is rejected and reading resumes on the next line
  --engine E        js or duckdb: duckdb runs the SQL of motcua/sql in embedded DuckDB over the CSV
                    file (needs npm install @duckdb/node-api)
  --events FILE     an NDJSON event log instead of records, each dossier replayed through the state
                    machine (with --facts FILE for what events cannot know; see motcua report
                    --events --help)
  --convention C    default | form-exact | all-resolved: where withdrawn, stopped and refused
                    dossiers count. form-exact (the default with --form) counts withdrawals and
                    stops in (7), column (9), so (3) = (7) + (11) as on the form; default keeps
                    them apart: (3) = (7) + (11) + excluded
  --withdrawn X, --refused X, --stopped X    resolved | excluded | on-time (override the convention)
  --policy-766      Decision 766: more than one supplement request counts as late, and a paused
                    dossier is judged at its request date (default: the law, no period runs while
                    it waits)
  --late-against-original   judge extended dossiers against the due date before the extension
  --online-times-sync       index 3.3 as the national portal computes it: online ratio × sync
                            ratio (1.4)
  --catalog FILE    the agency's procedure catalogue (JSON, as data/procedures.json): adds the 766
                    indices 3.1, 3.2, 3.5b; without it their points are listed as input not given
  --catalog-facts FILE  what a catalogue does not hold: { "publications": [{ code, decidedOn,
                    effectiveOn, publishedOn }], "paymentIntegrated": [codes],
                    "componentsComplete": [codes] } for 1.1, 1.2, 3.5a, 1.3 (needs --catalog)
  --handling-time   compute index 2.2 (average handling time) on a CSV file over 32 MB too: a
                    second reading of the file (much slower); smaller files, --engine duckdb and
                    --events always get it
  --assume F=V      a column your export does not have, declared absent with the value every
                    dossier takes, e.g. --assume digitised=false,pausedSince=none (comma-separated
                    or repeated). Without it, a missing column that a printed figure reads is an
                    error naming the column and the figures
  --lang vi|en      the language of the text printed (default vi)
  A dossier id that appears twice is counted once (its first good row); each later row is listed
  as rejected.
Bad rows are listed on stderr with their line numbers and counted in the output; none is dropped
silently.
`,
};

/** Vietnamese headings of Biểu II.06a columns (3)-(13). */
export const II06A_COLUMNS: readonly [string, keyof Summary['total']['counts']][] = [
  ['(3) Tổng số', 'received'],
  ['(4) Trực tuyến', 'online'],
  ['(5) Trực tiếp, BCCI', 'directOrPostal'],
  ['(6) Kỳ trước chuyển qua', 'carriedOver'],
  ['(7) Đã giải quyết', 'resolved'],
  ['(8) Trước hạn', 'early'],
  ['(9) Đúng hạn', 'onTime'],
  ['(10) Quá hạn', 'late'],
  ['(11) Đang giải quyết', 'pending'],
  ['(12) Trong hạn', 'withinTime'],
  ['(13) Quá hạn', 'overdue'],
  ['Rút hồ sơ', 'withdrawn'],
  ['Không tính vào (7)', 'excluded'],
];



/**
 * Another input than a record file, read straight into the report's accumulator (the event logs
 * of `motcua report --events`): everything after the reading (options, formats, exit code) is
 * the report's. @internal
 */
export interface RecordSource {
  /** The input's name in messages. */
  readonly name: string;
  /** The size in bytes, for the progress bar (-1 when unknown). */
  readonly size: number;
  read(ctx: {
    readonly acc: Accumulator;
    readonly require: ReadonlyMap<RecordField, readonly string[]>;
    readonly assume: Readonly<Record<string, string>>;
    readonly keep: number;
    /** --threads, when given. */
    readonly threads: number | undefined;
    readonly onProgress: (done: number, total: number) => void;
    /** Index 2.2's running state, to fill from the same records as `acc` (#22). */
    readonly handling: HandlingTimeState;
  }): Promise<{
    readonly acc: Accumulator;
    /** `handling` with the records counted (a new state or the same). */
    readonly handling: HandlingTimeState;
    readonly rowsRead: number;
    readonly outsidePeriod: number;
    readonly rejectedCount: number;
    readonly rejected: readonly { readonly line: number; readonly reason: string; readonly texts?: ErrorTexts }[];
    /** The rejections are already on stderr, in the source's own words. */
    readonly listed: boolean;
    readonly notice?: string;
    /** The line of the table that says what was read (replaces "Số dòng đã đọc …"). */
    readonly readLine?: string;
    /** More keys of the JSON output. */
    readonly json?: Readonly<Record<string, unknown>>;
  }>;
}

function progress(io: CliIo, done: number, total: number) {
  const w = 30;
  const k = total > 0 ? Math.min(w, Math.round((done / total) * w)) : w;
  io.stderr(`\r[${'█'.repeat(k)}${'░'.repeat(w - k)}] ${total > 0 ? Math.round((done / total) * 100) : 100}%`);
}

function csvOut(s: Summary): string {
  const head = ['group', ...II06A_COLUMNS.map(([, k]) => k)];
  const rows = [...s.rows, s.total].map((r) => [r.key, ...II06A_COLUMNS.map(([, k]) => String(r.counts[k]))]);
  return `${[head, ...rows].map((r) => r.map(csvCell).join(',')).join('\n')}\n`;
}

/** The Decision 766 part of a report: the indices (of the dossiers, and of the catalogue when given), 2.2 and the score. */
interface Report766 {
  readonly indices: readonly Index766[];
  readonly catalog: boolean;
  readonly score: Score766;
  readonly handling: { readonly result?: HandlingTime766; readonly gap?: HandlingTimeGap };
}

function tableOut(s: Summary, rejected: number, read: { rowsRead: number; outsidePeriod: number; readLine?: string }, r766: Report766, assume: Readonly<Record<string, string>>, lang: Lang = 'vi'): string {
  const t = REPORT[lang];
  // numbered headings, named in the legend above the table, as on the form: the table then fits 100 columns
  const head = [t.group, ...II06A_COLUMNS.map((_, i) => t.short[i]!)];
  const rows = [...s.rows, s.total].map((r) => [r.key === 'total' ? t.total : r.key === '*' ? t.all : r.key, ...II06A_COLUMNS.map(([, k]) => String(r.counts[k]))]);
  const lines = [
    ...wrap(t.title(periodInWords(s.period, { locale: lang }), s.period.label, s.period.from, s.period.to, s.asOf !== s.period.to ? s.asOf : null), '', '  '),
    ...wrap(t.conventions(s.policy), '', '  '),
    ...assumedNotes(assume, lang).flatMap((n) => wrap(n, '', '  ')),
    '',
    ...t.tableLegend(t.columns).flatMap((l) => wrap(l, '', '  ')),
    '',
    // a table wider than 100 columns (long group names) goes in blocks of columns
    ...columnBlocks([head, ...rows]),
    '',
    t.rates,
    ...columns(Object.entries(s.total.rates).map(([k, r]) => [`  ${t.rate[k] ?? k}`, `${r.numerator}/${r.denominator}`, formatRate(r)])),
    '',
    r766.catalog ? indicesCatalogHeading(lang) : t.indices,
    ...columnBlocks([
      t.indicesHead,
      ...r766.indices.map((i) => [
        i.code,
        t.indexName(i),
        formatRate(i.ratio), // i.rounded, printed
        i.target === null ? '-' : `${Math.round(i.target * 100)}%`,
        i.score === null ? `- / ${i.points}` : `${String(i.score).replace('.', ',')} / ${i.points}`,
      ]),
    ], { keep: 2, indent: '  ' }),
    ...wrap(scoreLine(r766.score, t), '  ', '  '),
    ...pointsBlock(r766.score, r766.handling, lang),
    '',
    ...wrap(`${t.identities} ${s.identities.map((i) => `${t.identityName(i.name)} ${i.ok ? t.identityOk : t.identityFails(i.actual, i.expected)}`).join('; ')}`, '', '  '),
    ...wrap(read.readLine ?? t.rowsRead(read.rowsRead, s.total.counts.received, rejected, read.outsidePeriod), '', '  '),
    ...(rejected ? [t.rejectedSee(rejected)] : []),
  ];
  return `${lines.join('\n')}\n`;
}

/** The overall Decision 766 score line: the points scored out of those computable, and why the rest are not (#22). */
function scoreLine(sc: Score766, t: (typeof REPORT)[Lang]): string {
  const pts = (status: string) => sc.points.filter((p) => p.status === status).reduce((a, p) => a + p.points, 0);
  return t.score766(String(sc.total.earned).replace('.', ','), sc.total.scoredMax, pts('missing'), pts('unmodelled'), pts('not-applicable'));
}

const PLACEMENTS = ['resolved', 'excluded', 'on-time'];
/** A CSV file larger than this gets index 2.2 (a second reading of the file) only with --handling-time. */
const HANDLING_TIME_MAX_BYTES = 32_000_000;
/** The codes of the indices computed from dossier data (indices766). */
const INDICES_766_DOSSIERS: ReadonlySet<string> = new Set(indices766(emptyCounts()).map((i) => i.code));

/** The policy from --convention, --withdrawn/--refused/--stopped, --policy-766 and --late-against-original; a usage message when bad. @internal */
export function policyFlags(v: Readonly<Record<string, unknown>>): Partial<SummaryPolicy> | string {
  const name = (v.convention ?? 'default') as string;
  if (!Object.hasOwn(CONVENTIONS, name)) return `--convention must be ${Object.keys(CONVENTIONS).join(', ')}, got "${name}"`;
  const out: Record<string, unknown> = { ...CONVENTIONS[name as ConventionName] };
  for (const k of ['withdrawn', 'refused', 'stopped'] as const) {
    const x = v[k];
    if (x === undefined) continue;
    if (typeof x !== 'string' || !PLACEMENTS.includes(x)) return `--${k} must be resolved, excluded or on-time, got "${String(x)}"`;
    out[k] = x;
  }
  if (v['policy-766'] === true) out.supplements = 'decision-766';
  if (v['late-against-original'] === true) out.lateAgainstOriginal = true;
  return out as Partial<SummaryPolicy>;
}

const OPTIONAL_FIELDS: readonly string[] = [
  'originalDueOn', 'returnedOn', 'pausedSince', 'pausedFor', 'supplements', 'extensions', 'digitised', 'eResult', 'paperResultRequired', 'feeDue', 'paidOnline', 'synced', 'complaint', 'reusedData', 'dataStored', 'componentsFromStore',
];

/** --assume field=value pairs (comma-separated or repeated): `none` (or empty) for no value. @internal */
export function assumeFlags(list: readonly string[] | undefined): Record<string, string> | string {
  const out: Record<string, string> = Object.create(null);
  for (const item of (list ?? []).flatMap((x) => x.split(','))) {
    if (item.trim() === '') continue;
    const m = /^\s*([A-Za-z]+)\s*=\s*(.*?)\s*$/.exec(item);
    if (!m) return `--assume takes field=value, e.g. digitised=false, got "${item}"`;
    const f = m[1]!;
    const x = m[2]!;
    if (!OPTIONAL_FIELDS.includes(f)) return `--assume: "${f}" is not an optional column (${OPTIONAL_FIELDS.join(', ')})`;
    out[f] = x === 'none' || x === 'null' ? '' : x;
  }
  return out;
}

/** The optional columns the printed figures read under a policy, with those figures. @internal */
export function requiredColumns(policy: SummaryPolicy): Map<RecordField, string[]> {
  const out = new Map<RecordField, string[]>();
  for (const [f, figures] of figuresByColumn(policy)) if (OPTIONAL_FIELDS.includes(f)) out.set(f, figures);
  return out;
}

/**
 * The note of the columns declared absent (--assume), which change the figures: for the notes of
 * every output (#14). The value as typed (`reusedData=false`), and in Vietnamese in words too
 * (`reusedData=false (không)`). @internal
 */
export function assumedNotes(assume: Readonly<Record<string, string>>, lang: Lang): string[] {
  const t = REPORT[lang];
  const entries = Object.entries(assume);
  if (entries.length === 0) return [];
  return [t.assumed(entries.map(([k, x]) => t.assumedValue(k, x)).join(', '))];
}

/** Biểu II.06a as printed, as a text table: numbered columns, STT, level subtotals, the total, the notes. */
function formTableOut(s: Summary, options: { unit?: string; recipient?: string; notes?: readonly string[] }, rejected: number, lang: Lang = 'vi', readerNotes: readonly string[] = []): string {
  const t = REPORT[lang];
  const form = formII06a(s, options);
  const head = ['(1)', '(2)', ...Array.from({ length: 11 }, (_, i) => `(${i + 3})`)];
  const rows = form.rows.map((r) => [r.stt, r.kind === 'field' ? `  ${r.label}` : r.label, ...r.values.map(String)]);
  const lines = [
    ...(form.unit ? wrap(form.unit) : []),
    ...wrap(`${form.code}: ${form.title}`),
    // the form itself is Vietnamese (its rows and headings are the form's); the period is named in the language asked for
    ...wrap(`${t.period}: ${lang === 'vi' ? form.periodText : `${periodInWords(s.period, { locale: 'en' })} (${s.period.from} .. ${s.period.to})`}`),
    '',
    ...t.legend,
    '',
    ...columnBlocks([head, ...rows], { keep: 2 }),
    '',
    ...form.notes.flatMap((n) => wrap(n, '', '  ')),
    ...readerNotes.flatMap((n) => wrap(n, '', '  ')),
    ...(rejected ? [t.rejectedSee(rejected)] : []),
  ];
  return `${lines.join('\n')}\n`;
}

export const run: Command = async (argv, io) => {
  if (argv.some((a) => a === '--events' || a.startsWith('--events='))) return (await import('./reportEvents')).run(argv, io);
  return runReport(argv, io);
};

/** `motcua report` over its file, or over another source (`--events`). @internal */
export async function runReport(argv: readonly string[], io: CliIo, source?: RecordSource): Promise<number> {
  const flags = commandArgs(io, 'report', USAGE, [...argv], {
    engine: { type: 'string' },
    sample: { type: 'boolean' }, year: { type: 'string' }, period: { type: 'string' }, statistical: { type: 'boolean' },
    from: { type: 'string' }, to: { type: 'string' }, 'as-of': { type: 'string' }, 'group-by': { type: 'string' },
    format: { type: 'string' }, mapping: { type: 'string' }, delimiter: { type: 'string' }, threads: { type: 'string' }, 'max-cell-bytes': { type: 'string' },
    preset: { type: 'string' }, 'date-format': { type: 'string' }, encoding: { type: 'string' },
    form: { type: 'string' }, out: { type: 'string' }, unit: { type: 'string' }, recipient: { type: 'string' }, sheet: { type: 'string' },
    withdrawn: { type: 'string' }, refused: { type: 'string' }, stopped: { type: 'string' }, 'policy-766': { type: 'boolean' },
    convention: { type: 'string' }, 'late-against-original': { type: 'boolean' }, 'online-times-sync': { type: 'boolean' }, assume: { type: 'string', multiple: true },
    catalog: { type: 'string' }, 'catalog-facts': { type: 'string' }, 'handling-time': { type: 'boolean' },
  });
  if (typeof flags === 'number') return flags;
  const lang = flags.lang;
  const t = REPORT[lang];
  const usage = (io: CliIo, message: string) => usageError(io, 'report', USAGE[lang], message);
  const v = flags.values;
  const [positional, ...extra] = flags.positionals;
  if (extra.length) return usage(io, t.unexpected(extra[0]!));
  if (source !== undefined && positional !== undefined) return usage(io, t.unexpected(positional));
  const file = positional ?? source?.name;
  if (!file && !v.sample) return usage(io, t.fileOrSample);
  if (file && v.sample) return usage(io, t.eitherFileOrSample);
  const format = v.format ?? 'table';
  if (!['table', 'csv', 'json', 'html'].includes(format)) return usage(io, t.format(format));
  if (v.form !== undefined && v.form.toLowerCase() !== 'ii06a') return usage(io, t.form(v.form));
  const outExt = v.out === undefined ? null : (/\.(xlsx|csv|html?|json|txt)$/i.exec(v.out)?.[1]?.toLowerCase() ?? '');
  if (outExt === '') return usage(io, t.outExt(v.out!));
  if (outExt === 'xlsx' && v.form === undefined) return usage(io, t.outXlsx);
  if (v.form !== undefined && v['group-by'] !== undefined && v['group-by'] !== 'level,field') return usage(io, t.formGroupBy);
  if (v.sheet !== undefined && !/\.xlsx$/i.test(file ?? '')) return usage(io, t.sheet);
  if (v.year !== undefined && !/^\d{4}$/.test(v.year)) return usage(io, t.year(v.year));
  const year = Number(v.year ?? 2025);
  let p: Period;
  if (v.from || v.to) {
    if (!v.from || !v.to) return usage(io, t.fromTo);
    p = makePeriod({ from: v.from, to: v.to });
  } else p = makePeriod(v.period ?? String(v.sample ? year : new Date().getUTCFullYear() - 1), { statistical: v.statistical === true });
  if (v.engine !== undefined && v.engine !== 'js' && v.engine !== 'duckdb') return usage(io, t.engine(v.engine));
  if (v.engine === 'duckdb' && (v.sample || /\.(json|ndjson|jsonl)$/i.test(file ?? ''))) return usage(io, t.duckdbCsv);
  if (v.threads !== undefined && !/^[1-9]\d*$/.test(v.threads)) return usage(io, t.threads(show(v.threads)));
  // more threads than cores only add overhead: capped to the cores, and said (#14)
  const cores = Math.min(MAX_THREADS, defaultThreads());
  const threadsWanted = v.threads === undefined ? undefined : Math.min(Number(v.threads), cores);
  if (v.threads !== undefined && threadsWanted !== Number(v.threads)) io.stderr(`motcua report: --threads ${clip(v.threads, 20)} lớn hơn số lõi CPU của máy (${cores}): dùng ${cores} luồng (capped to the machine's cores)\n`);
  // one character, not a quote or a line break; \t or "tab" for a tab (#14)
  const delimiter = v.delimiter === undefined ? undefined : v.delimiter === '\\t' || v.delimiter.toLowerCase() === 'tab' ? '\t' : v.delimiter;
  if (delimiter !== undefined && (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r')) {
    return usage(io, t.delimiter(show(delimiter)));
  }
  const html = format === 'html' || outExt === 'html' || outExt === 'htm';
  if (html && v['group-by'] !== undefined) return usage(io, t.htmlGroupBy);
  // the html report needs months too: it regroups level × field × month into the form, by month and by field
  if (v['max-cell-bytes'] !== undefined && !/^[1-9]\d{0,12}$/.test(v['max-cell-bytes'])) return usage(io, t.maxCellBytes(v['max-cell-bytes'].slice(0, 40)));
  const maxCellBytes = v['max-cell-bytes'] === undefined ? undefined : Number(v['max-cell-bytes']);
  const groupBy = (html ? 'level,field,month' : v['group-by'] ?? (v.form !== undefined ? 'level,field' : 'field')).split(',').filter(Boolean) as GroupKey[];
  // the official form takes the form-exact convention unless told otherwise: (3) = (7) + (11)
  const policy = policyFlags({ ...v, ...(v.convention === undefined && v.form !== undefined ? { convention: 'form-exact' } : {}) });
  if (typeof policy === 'string') return usage(io, policy);
  const assume = assumeFlags(v.assume as string[] | undefined);
  if (typeof assume === 'string') return usage(io, assume);
  if (v['catalog-facts'] !== undefined && v.catalog === undefined) return usage(io, factsNeedCatalog(lang));
  // the catalogue (#22) is read before the records, so a bad one fails fast; its indices need the counts by procedure
  let cat: Catalog766 | undefined;
  if (v.catalog !== undefined) {
    const c = await readCatalog766(io, v.catalog, v['catalog-facts'], p, lang);
    if (Array.isArray(c)) {
      for (const line of c) io.stderr(`motcua report: ${line}\n`);
      return 2; // bad input (exit codes: src/cli/exit.ts)
    }
    cat = c;
  }
  const accGroupBy: GroupKey[] = cat !== undefined && !groupBy.includes('procedure') ? [...groupBy, 'procedure'] : groupBy;
  let acc: Accumulator = createAccumulator({ period: p, groupBy: accGroupBy, ...(v['as-of'] ? { asOf: v['as-of'] } : {}), policy });
  // index 2.2 (#22) from every record counted; the byte reader hands none out (a second pass, below),
  // DuckDB computes it in SQL, an event log's reader fills it (supplement waits subtracted)
  let handling = createHandlingTime({ period: acc.period, asOf: acc.asOf });
  let handlingGap: HandlingTimeGap | undefined;
  // Every optional column a printed figure reads must be in the export or declared absent.
  const require = requiredColumns(acc.policy);
  // Every rejected row is counted; the first KEEP are kept with their reasons, so memory stays flat on a bad file.
  const KEEP = 10_000;
  const rejected: { line: number; reason: string; texts?: ErrorTexts }[] = [];
  let rejectedCount = 0;
  // rows read = counted (column (3)) + rejected + outside the period: all four are printed
  let rowsRead = 0;
  let outsidePeriod = 0;
  const count = (r: DossierRecord) => {
    if (!addRecord(acc, r)) outsidePeriod++;
    addHandlingTime(handling, r);
  };
  // how a rejected row is located: a line of a text file, or a row of a sheet
  let where = t.line;
  // a source that listed its rejections on stderr itself
  let listed = false;
  let readLine: string | undefined;
  let sourceJson: Readonly<Record<string, unknown>> = {};
  // a dossier id is counted once: its first good row wins, each later one is rejected naming it
  const seen = new Map<string, number>();
  // the id's column as mapped, for the duplicate message
  let idMapping: ColumnMapping | undefined;
  const take = (r: ReadResult) => {
    rowsRead++;
    const first = r.ok ? seen.get(r.record.id) : undefined;
    if (r.ok && first === undefined) {
      seen.set(r.record.id, r.line);
      count(r.record);
    } else if (++rejectedCount <= KEEP) rejected.push({ line: r.line, reason: r.ok ? duplicateReason(r.record.id, first!, idMapping) : r.reason });
  };
  if (source !== undefined) {
    const showBar = io.isTTY && source.size > 5_000_000;
    let lastDraw = 0;
    try {
      const r = await source.read({
        acc,
        require,
        assume,
        keep: KEEP,
        threads: threadsWanted,
        handling,
        onProgress: (done, total) => {
          if (showBar && done - lastDraw > 4_000_000) {
            progress(io, done, total);
            lastDraw = done;
          }
        },
      });
      acc = r.acc;
      handling = r.handling;
      rowsRead = r.rowsRead;
      outsidePeriod = r.outsidePeriod;
      rejectedCount = r.rejectedCount;
      rejected.push(...r.rejected);
      listed = r.listed;
      readLine = r.readLine;
      sourceJson = r.json ?? {};
      if (r.notice !== undefined) io.stderr(`motcua report: không khởi động được luồng xử lý song song, đã đọc tệp trên một luồng (${r.notice})\n`);
    } catch (e) {
      if (isMotcuaError(e) && e.code !== 'INVALID_OPTION') {
        if (showBar) io.stderr('\n');
        io.stderr(`motcua report: ${source.name}: ${e.code}: ${messageOf(e, lang)}\n`);
        return 2;
      }
      throw e;
    }
    if (showBar) {
      progress(io, source.size, source.size);
      io.stderr('\n');
    }
  } else if (v.sample) {
    for (const r of sampleRecords({ year })) {
      rowsRead++;
      count(r);
    }
  } else {
    let size = -1;
    let showBar = false;
    try {
      const spec = inputSpec(v.mapping ? await io.readFile(v.mapping) : undefined, v.mapping, { ...(v.preset !== undefined ? { preset: v.preset } : {}), ...(v['date-format'] !== undefined ? { dateFormat: v['date-format'] } : {}) });
      const { mapping } = spec;
      idMapping = mapping;
      const valueOptions = { ...(spec.values !== undefined ? { values: spec.values } : {}), ...(spec.dateFormat !== undefined ? { dateFormat: spec.dateFormat } : {}), require, assume };
      const json = /\.(json|ndjson|jsonl)$/i.test(file!);
      const xlsx = /\.xlsx$/i.test(file!);
      // Files on disk are streamed (with a progress bar on a terminal); other sources are read whole.
      try {
        const st = statSync(file!);
        if (st.isDirectory()) throw Object.assign(new Error(`EISDIR: ${file}`), { code: 'EISDIR', path: file });
        size = st.size;
      } catch (e) {
        if ((e as { code?: unknown }).code === 'EISDIR') throw e;
        size = -1;
      }
      let read = 0;
      let lastDraw = 0;
      showBar = io.isTTY && size > 5_000_000;
      // DuckDB only by choice (#14): it is never chosen on its own, since it refuses files the JS
      // engine reads; the JS engine streams, so a file larger than memory needs no other engine.
      const engine = v.engine;
      if (engine === 'duckdb' && (xlsx || json)) return usage(io, t.duckdbCsv);
      if (engine === 'duckdb' && (spec.values !== undefined || spec.dateFormat !== undefined || v.encoding !== undefined || ['refusedOn', 'stoppedOn', 'resolvedOn', 'withdrawnOn'].some((f) => Object.hasOwn(mapping, f)))) {
        io.stderr(`motcua report: ${t.duckdbPlain}\n`);
        return 2;
      }
      if (engine === 'duckdb') {
        const r = await reportWithDuckDb(file!, { period: acc.period, asOf: acc.asOf, groupBy: acc.groupBy, policy: acc.policy, mapping, require, assume, delimiter: delimiter ?? ',', handlingTime: handling, ...(threadsWanted !== undefined ? { threads: threadsWanted } : {}), ...(maxCellBytes !== undefined ? { maxCellBytes } : {}), ...(showBar ? { onProgress: (done: number, total: number) => progress(io, done, total) } : {}) });
        if (showBar && (r.missing.length > 0 || r.missingOptional.length > 0)) io.stderr('\n'); // end the bar's line
        if (r.missing.length > 0) {
          // the JS engine's error, word for word: the header read as it reads it (#14)
          if (r.header !== undefined) readHeader({ line: 1, cells: [...r.header] }, mapping);
          io.stderr(`motcua report: ${t.noColumn(file!, r.missing.map((m) => show(m)).join(', '))}\n`);
          return 2; // bad input (exit codes: src/cli/exit.ts)
        }
        if (r.missingOptional.length > 0) {
          // the JS engine's error, word for word: every missing column at once (#14), exit 2
          const e = missingColumnsError(1, r.missingOptional, 'header');
          io.stderr(`motcua report: ${file}: ${e.code}: ${messageOf(e, lang)}\n`);
          return 2;
        }
        acc = { ...acc, groups: Object.fromEntries(r.summary.rows.map((row) => [row.key, { ...row.counts }])) };
        rejectedCount = r.rejected.length;
        // DuckDB gives the rows and the rejections; the rows outside the period are what is left
        rowsRead = r.rows;
        outsidePeriod = r.rows - r.rejected.length - r.summary.total.counts.received;
        rejected.push(...r.rejected.slice(0, KEEP));
        // index 2.2 in SQL over the same rows (#22)
        if (r.handling !== undefined) handling = r.handling;
      } else if (xlsx) {
        // A workbook: its sheet streamed row by row through the same record reader
        for await (const batch of readXlsxRecordBatches(file!, { mapping, ...valueOptions, ...(v.sheet !== undefined ? { sheet: v.sheet } : {}), onSheet: (info) => (where = t.sheetRow(JSON.stringify(info.name))) })) {
          for (const r of batch) take(r);
        }
      } else if (!json && size >= 0) {
        // A CSV file on disk: the byte reader, split over worker threads for a large file.
        const threads = threadsWanted ?? (size > 32_000_000 ? cores : 1);
        const r = await accumulateCsvFile(file!, acc, {
          mapping,
          ...valueOptions,
          ...(v.encoding !== undefined ? { encoding: v.encoding } : {}),
          delimiter: delimiter ?? 'auto',
          threads,
          dedupe: true,
          keepRejected: KEEP,
          ...(maxCellBytes !== undefined ? { maxCellBytes } : {}),
          onProgress: (done, total) => {
            if (showBar && done - lastDraw > 4_000_000) {
              progress(io, done, total);
              lastDraw = done;
            }
          },
        });
        acc = r.acc;
        rowsRead = r.rowsRead;
        outsidePeriod = r.outsidePeriod;
        if (r.notice !== undefined) io.stderr(`motcua report: không khởi động được luồng xử lý song song, đã đọc tệp trên một luồng (${r.notice})\n`);
        rejectedCount = r.rejectedCount;
        rejected.push(...r.rejected);
        // the byte reader counts without handing records out: 2.2 takes a second pass (general reader),
        // about 5× the time of the first on 1M rows, so over 32 MB only when asked (--handling-time)
        if (rowsRead > 0 && size > HANDLING_TIME_MAX_BYTES && v['handling-time'] !== true) handlingGap = 'large';
        else if (rowsRead > 0) await handlingTimeOfCsvFile(file!, handling, { read: { mapping, ...valueOptions, ...(maxCellBytes !== undefined ? { maxCellBytes } : {}) }, delimiter: delimiter ?? 'auto', ...(v.encoding !== undefined ? { encoding: v.encoding } : {}) });
      } else {
        async function* chunks(): AsyncGenerator<string> {
          if (size < 0) {
            yield await io.readFile(file!);
            return;
          }
          for await (const c of createReadStream(file!, { encoding: 'utf8', highWaterMark: 1 << 20 }) as AsyncIterable<string>) {
            read += Buffer.byteLength(c);
            if (showBar && read - lastDraw > 4_000_000) {
              progress(io, read, size);
              lastDraw = read;
            }
            yield c;
          }
        }
        const batches = json ? readJsonRecordBatches(chunks(), { mapping, ...valueOptions }) : readRecordBatches(chunks(), { mapping, ...valueOptions, delimiter: delimiter ?? ',', ...(maxCellBytes !== undefined ? { maxCellBytes } : {}) });
        for await (const batch of batches) for (const r of batch) take(r);
      }
      // an empty file, an empty array or a header alone: an error, never an empty report (#14)
      if (rowsRead === 0 && io.derivedRecords !== true) {
        throw json
          ? noRecordsError()
          : noDataRowsError(1);
      }
    } catch (e) {
      // name the file: the reader's message names the line, column and value
      if (isMotcuaError(e) && e.code !== 'INVALID_OPTION') {
        io.stderr(`motcua report: ${file}: ${e.code}: ${messageOf(e, lang)}\n`);
        return 2;
      }
      throw e;
    }
    if (showBar) {
      progress(io, size, size);
      io.stderr('\n');
    }
  }
  if (!listed) for (const r of rejected.slice(0, 50)) io.stderr(`${file ? `${file}, ` : ''}${where} ${r.line}: ${reasonIn(r, lang)}\n`);
  if (rejectedCount > 50 && !listed) io.stderr(`${t.more(rejectedCount - 50, rejectedCount > KEEP ? KEEP : null)}\n`);
  const full = result(acc);
  // grouped by procedure too for the catalogue indices: the report's own groups are a regrouping (sums of counts)
  const s = accGroupBy === groupBy ? full : regroup(full, groupBy);
  const indexOptions = { onlineTimesSync: v['online-times-sync'] === true };
  let r766: Report766;
  try {
    const dossierIndices = indices766(s.total.counts, indexOptions);
    const catIndices = cat !== undefined ? catalogIndices766(cat, full) : [];
    const handlingResult = handlingGap === undefined ? handlingTimeResult(handling) : undefined;
    r766 = {
      indices: [...dossierIndices, ...catIndices],
      catalog: cat !== undefined,
      score: score766([...dossierIndices, ...catIndices], handlingResult !== undefined ? { handlingTime: handlingResult } : {}),
      handling: { ...(handlingResult !== undefined ? { result: handlingResult } : {}), ...(handlingGap !== undefined ? { gap: handlingGap } : {}) },
    };
  } catch (e) {
    if (isMotcuaError(e)) {
      io.stderr(`motcua report: ${v.catalog ?? file}: ${e.code}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  // the columns declared absent change the figures: said in the notes of every output (#14). The
  // form, its workbook and the HTML report are Vietnamese documents (the legal form), so their notes
  // are in Vietnamese whatever --lang; the text form under --lang en repeats the note in English below
  const notes = assumedNotes(assume, 'vi');
  const unitOptions = { ...(v.unit !== undefined ? { unit: v.unit } : {}), ...(v.recipient !== undefined ? { recipient: v.recipient } : {}), ...(notes.length > 0 ? { notes } : {}) };
  const kind = outExt === null || outExt === 'txt' ? format : outExt === 'htm' ? 'html' : outExt;
  let text: string;
  if (kind === 'xlsx') {
    await writeFormII06a(v.out!, s, { ...unitOptions, indices766: r766.indices, score766: r766.score, ...(r766.handling.result !== undefined ? { handlingTime766: r766.handling.result } : {}) });
    io.stderr(`${t.wroteForm(v.out!, s.rows.length, s.total.counts.received, rejectedCount)}\n`);
    return rejectedCount ? 1 : 0;
  } else if (kind === 'json') text = `${JSON.stringify({ ...s, indices766: r766.indices.filter((i) => !r766.catalog || INDICES_766_DOSSIERS.has(i.code)), ...(r766.catalog ? { indicesCatalog: r766.indices.filter((i) => !INDICES_766_DOSSIERS.has(i.code)) } : {}), ...(r766.handling.result !== undefined ? { handlingTime766: r766.handling.result } : {}), score766: r766.score, ...(Object.keys(assume).length > 0 ? { assumed: { ...assume } } : {}), rowsRead, counted: s.total.counts.received, rejectedCount, outsidePeriod, rejected: rejected.map((r) => ({ line: r.line, reason: r.reason, texts: r.texts ?? reasonTexts(r.reason) })), ...sourceJson }, null, 2)}\n`;
  else if (kind === 'html') text = reportHtml(s, { ...unitOptions, rejectedCount, indices766: r766.indices, score766: r766.score, ...(r766.handling.result !== undefined ? { handlingTime766: r766.handling.result } : {}) });
  else if (kind === 'csv') text = v.form !== undefined ? formII06aCsv(formII06a(s, unitOptions), { notes: true }) : csvOut(s);
  else if (v.form !== undefined) text = formTableOut(s, unitOptions, rejectedCount, lang, lang === 'vi' ? [] : assumedNotes(assume, lang));
  else text = tableOut(s, rejectedCount, { rowsRead, outsidePeriod, ...(readLine !== undefined ? { readLine } : {}) }, r766, assume, lang);
  if (v.out !== undefined) {
    await writeFile(v.out, text);
    io.stderr(`${t.wrote(v.out)}\n`);
  } else io.stdout(text);
  return rejectedCount ? 1 : 0;
}
