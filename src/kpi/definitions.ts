/**
 * The KPI definitions as plain data: one source of truth for the JavaScript accumulator (its
 * counting code is generated from these by `npm run gen:kpi`) and for the SQL that `motcua/sql`
 * generates. Each Biểu II.06a count, each rate and each Decision 766 index is written once here.
 * @module
 */
import type { Counts } from './types';

/** A date-valued column of a dossier record. */
export type DateColumn = 'receivedOn' | 'dueOn' | 'originalDueOn' | 'finishedOn' | 'returnedOn' | 'pausedSince';
/** A boolean column of a dossier record (null or missing counts as false). */
export type FlagColumn = 'digitised' | 'eResult' | 'paperResultRequired' | 'feeDue' | 'paidOnline' | 'synced' | 'complaint' | 'reusedData' | 'dataStored' | 'componentsFromStore';
/** A text column compared with a constant. */
export type TextColumn = 'channel' | 'finishedAs' | 'pausedFor';

/** A date-valued term: a column, a parameter of the summary, or a derived term. */
export type DateTerm =
  | { readonly column: DateColumn }
  | { readonly param: 'from' | 'asOf' }
  | { readonly coalesce: readonly DateTerm[] }
  | { readonly ifPolicy: PolicyTest; readonly then: DateTerm; readonly else: DateTerm }
  | { readonly ifCond: Condition; readonly then: DateTerm; readonly else: DateTerm }
  | { readonly term: DerivedTerm };

/** A text-valued term. */
export type TextTerm =
  | { readonly column: TextColumn }
  | { readonly when: Condition; readonly then: string; readonly else: TextTerm }
  | { readonly derived: DerivedText };

/** A test of the summary policy, decided before counting (a constant per summary). */
export type PolicyTest =
  | { readonly policy: 'withdrawn' | 'refused' | 'stopped'; readonly is: 'resolved' | 'excluded' | 'on-time' }
  | { readonly policy: 'supplements'; readonly is: 'legal' | 'decision-766' }
  | { readonly policy: 'lateAgainstOriginal'; readonly is: boolean };

/** A condition over one record. */
export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  | { readonly compare: '<' | '<=' | '=' | '>=' | '>'; readonly left: DateTerm; readonly right: DateTerm }
  | { readonly isNull: DateTerm }
  | { readonly flag: FlagColumn }
  | { readonly text: TextTerm; readonly equals: string }
  | { readonly moreSupplementsThan: number }
  | PolicyTest
  | { readonly ref: DerivedCondition };

/** Names of the derived terms. */
export type DerivedTerm = 'end' | 'due' | 'judgedEnd';
/** Names of the derived conditions. */
export type DerivedCondition = 'inScope' | 'receivedInPeriod' | 'ended' | 'excludedEnd' | 'counted' | 'onTimeByForm' | 'late' | 'pending' | 'pausedAtAsOf' | 'pendingOverdue';
/** Names of the derived text terms. */
export type DerivedText = 'endKind';

const col = (column: DateColumn): DateTerm => ({ column });
const term = (t: DerivedTerm): DateTerm => ({ term: t });
const ref = (r: DerivedCondition): Condition => ({ ref: r });
const all = (...c: Condition[]): Condition => ({ all: c });
const any = (...c: Condition[]): Condition => ({ any: c });
const not = (c: Condition): Condition => ({ not: c });
const cmp = (left: DateTerm, op: '<' | '<=' | '=' | '>=' | '>', right: DateTerm): Condition => ({ compare: op, left, right });
const FROM: DateTerm = { param: 'from' };
const AS_OF: DateTerm = { param: 'asOf' };

/**
 * The end kind (how the dossier ended) by the KPI end time rule (domain.md §5): a result
 * returned (status 10) without a recorded end counts as resolved.
 */
export const END_KIND: TextTerm = {
  when: all({ isNull: col('finishedOn') }, not({ isNull: col('returnedOn') })),
  then: 'resolved',
  else: { column: 'finishedAs' },
};

/** Derived text terms: `endKind`, see {@link END_KIND}. */
export const DERIVED_TEXT: Readonly<Record<DerivedText, TextTerm>> = { endKind: END_KIND };

const endKindIs = (kind: string): Condition => ({ text: { derived: 'endKind' }, equals: kind });

/**
 * Derived terms:
 * - `end`: the end date by the KPI end time rule: `finishedOn`, else `returnedOn`;
 * - `due`: the due date compared with: `dueOn`, or the original due date before an extension
 *   when the policy says `lateAgainstOriginal`;
 * - `judgedEnd`: the date the end is judged at: the pause start when the dossier ended while its
 *   clock was paused (`pausedSince` ≤ end: no period runs while it waits for the applicant, Decree
 *   118 Art 19(5); Decision 766 takes the supplement request as the end time [S]), else `end`.
 */
export const DERIVED_TERMS: Readonly<Record<DerivedTerm, DateTerm>> = {
  end: { coalesce: [col('finishedOn'), col('returnedOn')] },
  due: { ifPolicy: { policy: 'lateAgainstOriginal', is: true }, then: { coalesce: [col('originalDueOn'), col('dueOn')] }, else: col('dueOn') },
  judgedEnd: { ifCond: cmp(col('pausedSince'), '<=', term('end')), then: col('pausedSince'), else: term('end') },
};

/**
 * Derived conditions (domain.md §5, §7):
 * - `inScope`: received by `asOf` and not ended before the period: the dossier is in the report;
 * - `receivedInPeriod`: received on or after the period start (else carried over);
 * - `ended`: ended by `asOf`;
 * - `excludedEnd`: ended as withdrawn, refused or stopped where the policy keeps that kind out of (7);
 * - `counted`: ended and counted in (7);
 * - `onTimeByForm`: counted, and ended as a kind the policy puts in (9) whatever its dates
 *   (`'on-time'`: the form-exact convention, withdrawals and stops in (9) as the vendor print of
 *   the form does [S]);
 * - `late`: counted, not `onTimeByForm`, and judged after the due date, or (Decision 766 policy)
 *   after more than one supplement request;
 * - `pending`: not ended by `asOf`: (11);
 * - `pausedAtAsOf`: the clock is paused (`pausedSince`) on or before `asOf`: waiting for the applicant;
 * - `pendingOverdue`: pending and overdue (13). Not paused: the due date is before `asOf`. Paused:
 *   never under the legal convention (no period runs while the dossier waits, and a supplement
 *   restarts it: Decree 118 Art 19(5)); under Decision 766 judged at the pause start (end = request
 *   date [S]): the due date is before `pausedSince`.
 */
export const DERIVED_CONDITIONS: Readonly<Record<DerivedCondition, Condition>> = {
  inScope: all(cmp(col('receivedOn'), '<=', AS_OF), any({ isNull: term('end') }, cmp(term('end'), '>=', FROM))),
  receivedInPeriod: cmp(col('receivedOn'), '>=', FROM),
  ended: all(not({ isNull: term('end') }), cmp(term('end'), '<=', AS_OF)),
  excludedEnd: any(
    all(endKindIs('withdrawn'), { policy: 'withdrawn', is: 'excluded' }),
    all(endKindIs('refused'), { policy: 'refused', is: 'excluded' }),
    all(endKindIs('stopped'), { policy: 'stopped', is: 'excluded' }),
  ),
  counted: all(ref('ended'), not(ref('excludedEnd'))),
  onTimeByForm: all(
    ref('counted'),
    any(
      all(endKindIs('withdrawn'), { policy: 'withdrawn', is: 'on-time' }),
      all(endKindIs('refused'), { policy: 'refused', is: 'on-time' }),
      all(endKindIs('stopped'), { policy: 'stopped', is: 'on-time' }),
    ),
  ),
  late: all(ref('counted'), not(ref('onTimeByForm')), any(cmp(term('judgedEnd'), '>', term('due')), all({ moreSupplementsThan: 1 }, { policy: 'supplements', is: 'decision-766' }))),
  pending: not(ref('ended')),
  pausedAtAsOf: all(not({ isNull: col('pausedSince') }), cmp(col('pausedSince'), '<=', AS_OF)),
  pendingOverdue: all(
    ref('pending'),
    any(
      all(not(ref('pausedAtAsOf')), cmp(term('due'), '<', AS_OF)),
      all(ref('pausedAtAsOf'), { policy: 'supplements', is: 'decision-766' }, cmp(term('due'), '<', col('pausedSince'))),
    ),
  ),
};

/** A count of Biểu II.06a (or a numerator of a rate) with its definition and source. */
export interface CountDefinition {
  /** Records counted, among those in scope (`inScope`). */
  readonly when: Condition;
  /** Column of Biểu II.06a, when it is one. */
  readonly column?: string;
  /** Heading in Vietnamese. */
  readonly vi: string;
  /** Legal or documentary source. */
  readonly source: string;
}

const II06A = 'Biểu II.06a, Thông tư 01/2020/TT-VPCP';

/**
 * Every count, in the order of {@link Counts}: each counts the records in scope that meet `when`.
 * The JS accumulator's counting code is generated from this table (src/kpi/_generated/count.ts)
 * and `motcua/sql` compiles the same table to SQL.
 */
export const COUNT_DEFINITIONS: Readonly<Record<keyof Counts, CountDefinition>> = {
  received: { when: all(), column: '(3)', vi: 'Tổng số hồ sơ tiếp nhận', source: II06A },
  online: { when: all(ref('receivedInPeriod'), { text: { column: 'channel' }, equals: 'online' }), column: '(4)', vi: 'Tiếp nhận trực tuyến', source: II06A },
  directOrPostal: { when: all(ref('receivedInPeriod'), not({ text: { column: 'channel' }, equals: 'online' })), column: '(5)', vi: 'Tiếp nhận trực tiếp, qua bưu chính công ích', source: II06A },
  carriedOver: { when: not(ref('receivedInPeriod')), column: '(6)', vi: 'Từ kỳ trước chuyển qua', source: II06A },
  resolved: { when: ref('counted'), column: '(7)', vi: 'Đã giải quyết', source: II06A },
  early: { when: all(ref('counted'), not(ref('onTimeByForm')), not(ref('late')), cmp(term('judgedEnd'), '<', term('due'))), column: '(8)', vi: 'Giải quyết trước hạn', source: II06A },
  onTime: { when: all(ref('counted'), any(ref('onTimeByForm'), all(not(ref('late')), cmp(term('judgedEnd'), '=', term('due'))))), column: '(9)', vi: 'Giải quyết đúng hạn', source: II06A },
  late: { when: ref('late'), column: '(10)', vi: 'Giải quyết quá hạn', source: II06A },
  pending: { when: ref('pending'), column: '(11)', vi: 'Đang giải quyết', source: II06A },
  withinTime: {
    when: all(
      ref('pending'),
      any(
        all(not(ref('pausedAtAsOf')), cmp(term('due'), '>=', AS_OF)),
        all(ref('pausedAtAsOf'), { policy: 'supplements', is: 'legal' }),
        all(ref('pausedAtAsOf'), { policy: 'supplements', is: 'decision-766' }, cmp(term('due'), '>=', col('pausedSince'))),
      ),
    ),
    column: '(12)', vi: 'Chưa đến hạn', source: `${II06A}; paused: Nghị định 118/2025/NĐ-CP Điều 19(5), QĐ 766 [S]`,
  },
  overdue: { when: ref('pendingOverdue'), column: '(13)', vi: 'Quá hạn', source: `${II06A}; paused: Nghị định 118/2025/NĐ-CP Điều 19(5), QĐ 766 [S]` },
  withdrawn: { when: all(ref('ended'), endKindIs('withdrawn')), vi: 'Rút hồ sơ', source: 'Nghị định 118/2025/NĐ-CP Điều 17; bucket of motcua (domain.md §7)' },
  refused: { when: all(ref('ended'), endKindIs('refused')), vi: 'Từ chối giải quyết', source: 'Nghị định 118/2025/NĐ-CP Điều 19(3); bucket of motcua (domain.md §7)' },
  stopped: { when: all(ref('ended'), endKindIs('stopped')), vi: 'Dừng xử lý', source: 'bucket of motcua (domain.md §7)' },
  excluded: { when: all(ref('ended'), ref('excludedEnd')), vi: 'Không tính vào (7)', source: 'motcua policy: (3) = (7) + (11) + excluded' },
  receivedInPeriod: { when: ref('receivedInPeriod'), column: '(4)+(5)', vi: 'Tiếp nhận trong kỳ', source: II06A },
  digitised: { when: all(ref('receivedInPeriod'), { flag: 'digitised' }), vi: 'Hồ sơ được số hóa', source: 'Quyết định 766/QĐ-TTg, chỉ số 4.2 [S]' },
  synced: { when: all(ref('receivedInPeriod'), { flag: 'synced' }), vi: 'Đồng bộ lên Cổng DVCQG', source: 'Quyết định 766/QĐ-TTg, chỉ số 1.4 [S]' },
  feeDue: { when: all(ref('receivedInPeriod'), { flag: 'feeDue' }), vi: 'Có phí, lệ phí', source: 'Quyết định 766/QĐ-TTg, chỉ số 3.6 [S]' },
  paidOnline: { when: all(ref('receivedInPeriod'), { flag: 'feeDue' }, { flag: 'paidOnline' }), vi: 'Thanh toán trực tuyến', source: 'Quyết định 766/QĐ-TTg, chỉ số 3.6 [S]' },
  eResult: { when: all(ref('counted'), { flag: 'eResult' }), vi: 'Có kết quả điện tử', source: 'Quyết định 766/QĐ-TTg, chỉ số 4.1 [S]' },
  paperResultRequired: { when: all(ref('counted'), { flag: 'paperResultRequired' }), vi: 'Thủ tục có kết quả giấy', source: 'Quyết định 766/QĐ-TTg, chỉ số 4.1 [S]' },
  eResultWherePaperRequired: { when: all(ref('counted'), { flag: 'paperResultRequired' }, { flag: 'eResult' }), vi: 'Kết quả điện tử (thủ tục có kết quả giấy)', source: 'Quyết định 766/QĐ-TTg, chỉ số 4.1 [S]' },
  complaints: { when: { flag: 'complaint' }, vi: 'Phản ánh, kiến nghị, không hài lòng', source: 'Quyết định 766/QĐ-TTg, chỉ số 5.4 [?]' },
  multiSupplement: { when: all(ref('counted'), { moreSupplementsThan: 1 }), vi: 'Yêu cầu bổ sung hơn một lần', source: 'Quyết định 766/QĐ-TTg [S] (domain.md §8)' },
  reusedData: { when: all(ref('receivedInPeriod'), { flag: 'reusedData' }), vi: 'Khai thác, sử dụng lại dữ liệu số hóa', source: 'Quyết định 766/QĐ-TTg, chỉ số 4.3 [?]' },
  dataStored: { when: all(ref('counted'), { flag: 'eResult' }, { flag: 'dataStored' }), vi: 'Kết quả lưu vào kho dữ liệu', source: 'Quyết định 766/QĐ-TTg, chỉ số 4.4 [?]' },
  paused: { when: all(ref('pending'), ref('pausedAtAsOf')), vi: 'Đang tạm dừng (chờ bổ sung, nghĩa vụ tài chính)', source: 'Nghị định 118/2025/NĐ-CP Điều 19(5); part of (11)' },
  digitisedComplete: {
    when: all(ref('receivedInPeriod'), { flag: 'digitised' }, any(not({ flag: 'paperResultRequired' }), { flag: 'eResult' })),
    vi: 'Số hóa hồ sơ và kết quả (kết quả điện tử khi có kết quả giấy)', source: 'Quyết định 766/QĐ-TTg, chỉ số 4.2; mô tả công thức (domain.md §8) [S]',
  },
  dataStoreUsed: {
    when: all(ref('receivedInPeriod'), any({ flag: 'componentsFromStore' }, all({ flag: 'eResult' }, { flag: 'dataStored' }))),
    vi: 'Khai thác thành phần hồ sơ từ kho dữ liệu hoặc đồng bộ kết quả điện tử vào kho', source: 'Quyết định 766/QĐ-TTg, chỉ số 4.4; mô tả công thức [S]',
  },
};

/** The count keys in order. */
export const COUNT_KEYS = Object.keys(COUNT_DEFINITIONS) as readonly (keyof Counts)[];

/** A linear combination of counts: `{ received: 1, complaints: -1 }` is (3) − complaints. */
export type CountSum = Readonly<Partial<Record<keyof Counts, number>>>;

/** A rate's definition: numerator and denominator as sums of counts. */
export interface RateDefinition {
  readonly numerator: CountSum;
  readonly denominator: CountSum;
  /** Floor the numerator at 0 (5.4). */
  readonly floorAtZero?: boolean;
  readonly vi: string;
  readonly source: string;
}

/** The standard rates (tỷ lệ) of a summary; see `rates` of `motcua/kpi`. */
export const RATE_DEFINITIONS = {
  onTime: { numerator: { early: 1, onTime: 1 }, denominator: { resolved: 1 }, vi: 'Tỷ lệ giải quyết đúng và trước hạn', source: II06A },
  late: { numerator: { late: 1 }, denominator: { resolved: 1 }, vi: 'Tỷ lệ giải quyết quá hạn', source: II06A },
  overdue: { numerator: { overdue: 1 }, denominator: { pending: 1 }, vi: 'Tỷ lệ đang giải quyết quá hạn', source: II06A },
  online: { numerator: { online: 1 }, denominator: { receivedInPeriod: 1 }, vi: 'Tỷ lệ hồ sơ trực tuyến', source: II06A },
  digitisation: { numerator: { digitised: 1 }, denominator: { receivedInPeriod: 1 }, vi: 'Tỷ lệ số hóa hồ sơ', source: 'Quyết định 766/QĐ-TTg, chỉ số 4.2 [S]' },
  eResult: { numerator: { eResultWherePaperRequired: 1 }, denominator: { paperResultRequired: 1 }, vi: 'Tỷ lệ cấp kết quả điện tử', source: 'Quyết định 766/QĐ-TTg, chỉ số 4.1 [S]' },
  onlinePayment: { numerator: { paidOnline: 1 }, denominator: { feeDue: 1 }, vi: 'Tỷ lệ thanh toán trực tuyến', source: 'Quyết định 766/QĐ-TTg, chỉ số 3.6 [S]' },
  sync: { numerator: { synced: 1 }, denominator: { receivedInPeriod: 1 }, vi: 'Tỷ lệ đồng bộ', source: 'Quyết định 766/QĐ-TTg, chỉ số 1.4 [S]' },
  // The key stays `satisfaction` (JSON and SQL names are stable); it is the no-complaint rate, not index 5.4 (issue #22).
  satisfaction: { numerator: { received: 1, complaints: -1 }, denominator: { received: 1 }, vi: 'Tỷ lệ hồ sơ không có phản ánh, kiến nghị (không phải chỉ số 5.4)', source: 'dossiers without a complaint or dislike rating / (3); not Decision 766 index 5.4, which also subtracts late and overdue dossiers [?]' },
} as const satisfies Record<string, RateDefinition>;

/** A Decision 766 index computable from counts: its ratio, points and target. */
export interface IndexDefinition extends RateDefinition {
  readonly code: string;
  readonly name: string;
  /** Maximum points. */
  readonly points: number;
  /** Target in hundredths of a percent (5000 = 50%), or null when scored proportionally. */
  readonly targetHundredths: number | null;
  readonly basis: '[S]' | '[?]';
}

/**
 * The Decision 766/QĐ-TTg indices computable from dossier counts (domain.md §8). 3.3's variant
 * "online × sync" of the national portal is a product of two rates and is handled by
 * the `onlineTimesSync` option of `indices766`, not here.
 */
export const INDEX_DEFINITIONS: readonly IndexDefinition[] = [
  { code: '1.4', name: 'Synchronisation with the national portal', vi: 'Đồng bộ hồ sơ lên Cổng DVCQG', points: 6, targetHundredths: null, numerator: { synced: 1 }, denominator: { receivedInPeriod: 1 }, basis: '[S]', source: 'Quyết định 766/QĐ-TTg' },
  { code: '2.1', name: 'Processing progress', vi: 'Tiến độ giải quyết', points: 20, targetHundredths: null, numerator: { early: 1, onTime: 1, withinTime: 1 }, denominator: { resolved: 1, pending: 1 }, basis: '[S]', source: 'Quyết định 766/QĐ-TTg' },
  { code: '3.3', name: 'Online dossiers', vi: 'Hồ sơ trực tuyến', points: 6, targetHundredths: 5000, numerator: { online: 1 }, denominator: { receivedInPeriod: 1 }, basis: '[S]', source: 'Quyết định 766/QĐ-TTg' },
  { code: '3.6', name: 'Online payment', vi: 'Thanh toán trực tuyến', points: 6, targetHundredths: null, numerator: { paidOnline: 1 }, denominator: { feeDue: 1 }, basis: '[S]', source: 'Quyết định 766/QĐ-TTg' },
  { code: '4.1', name: 'Electronic results', vi: 'Cấp kết quả điện tử', points: 6, targetHundredths: null, numerator: { eResultWherePaperRequired: 1 }, denominator: { paperResultRequired: 1 }, basis: '[S]', source: 'Quyết định 766/QĐ-TTg' },
  { code: '4.2', name: 'Digitised dossiers', vi: 'Số hóa hồ sơ', points: 4, targetHundredths: 8000, numerator: { digitisedComplete: 1 }, denominator: { receivedInPeriod: 1 }, basis: '[S]', source: 'Quyết định 766/QĐ-TTg; digitised, with an electronic result where the procedure issues a paper result (formula sheet, domain.md §8)' },
  { code: '4.3', name: 'Reuse of digitised data', vi: 'Khai thác, sử dụng lại dữ liệu số hóa', points: 2, targetHundredths: 8000, numerator: { reusedData: 1 }, denominator: { receivedInPeriod: 1 }, basis: '[?]', source: 'Quyết định 766/QĐ-TTg' },
  { code: '4.4', name: 'Use of the personal data store', vi: 'Khai thác, đồng bộ kho dữ liệu điện tử của tổ chức, cá nhân', points: 4, targetHundredths: null, numerator: { dataStoreUsed: 1 }, denominator: { receivedInPeriod: 1 }, basis: '[S]', source: 'Quyết định 766/QĐ-TTg; (components taken from the data store, or e-results synced to it) / received (formula sheet)' },
  {
    code: '5.4', name: 'Satisfaction', vi: 'Mức độ hài lòng', points: 6, targetHundredths: 9000, floorAtZero: true,
    numerator: { received: 1, late: -1, overdue: -1, complaints: -1 }, denominator: { received: 1 }, basis: '[?]', source: 'Quyết định 766/QĐ-TTg',
  },
];

/** Evaluate a sum of counts. @internal */
export function sumCounts(c: Counts, s: CountSum): number {
  let v = 0;
  for (const k in s) v += (c[k as keyof Counts] ?? 0) * s[k as keyof Counts]!;
  return v;
}

/**
 * Points earned, in hundredths, from a percentage in hundredths (exact integer arithmetic, half
 * up): at or above the target, full points; below it, percent / target × points; without a target,
 * percent × points.
 * @internal
 */
export function scoreHundredths(percentHundredths: number, points: number, targetHundredths: number | null): number {
  if (targetHundredths === null) return Math.floor((percentHundredths * points * 2 + 100) / 200);
  if (percentHundredths >= targetHundredths) return points * 100;
  return Math.floor((percentHundredths * points * 200 + targetHundredths) / (2 * targetHundredths));
}
