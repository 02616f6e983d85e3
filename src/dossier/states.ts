import type { DossierState, NationalStatusCode } from './types';

/** One row of {@link DOSSIER_STATES}. */
export interface StateInfo {
  readonly state: DossierState;
  readonly code: NationalStatusCode;
  /** Vietnamese name used by desks. */
  readonly vi: string;
  readonly en: string;
  /** No event is accepted after it. */
  readonly terminal: boolean;
  /** Legal basis, with its verification mark: [V] read in the legal text, [S] secondary / portal practice, [?] a configurable default. */
  readonly article: string;
}

/**
 * The states of a dossier (trạng thái hồ sơ), each with its national status code (`TrangThai`),
 * its Vietnamese name and its legal basis. Plain data; the docs table is rendered from it.
 *
 * @example
 * ```ts
 * import { DOSSIER_STATES } from 'motcua/dossier';
 * DOSSIER_STATES.find((s) => s.state === 'supplement')?.code; // 5
 * ```
 */
export const DOSSIER_STATES: readonly StateInfo[] = [
  { state: 'submitted', code: 1, vi: 'Mới đăng ký (nộp trực tuyến / bưu chính)', en: 'submitted online or by post', terminal: false, article: 'Decree 118/2025 Art 17(2); Decree 61/2018 Art 17 [V]' },
  {
    state: 'intake-supplement',
    code: 1,
    vi: 'Yêu cầu bổ sung, hoàn thiện hồ sơ khi tiếp nhận',
    en: 'intake supplement requested (not received yet)',
    terminal: false,
    article: 'Decree 118/2025 Art 17(1)(a) [V]; code 1 [?] (5 on request: policy.nationalCodes)',
  },
  { state: 'rejected', code: 3, vi: 'Không được tiếp nhận (từ chối tiếp nhận)', en: 'rejected at intake', terminal: true, article: 'Decree 118/2025 Art 17(1)(b) [V]' },
  { state: 'received', code: 2, vi: 'Được tiếp nhận', en: 'received (appointment slip issued)', terminal: false, article: 'Decree 118/2025 Art 17(1)(c), 17(3) [V]' },
  { state: 'in-process', code: 4, vi: 'Đang xử lý', en: 'in process (per step, with the agency)', terminal: false, article: 'Decree 118/2025 Art 18, 19, 20 [V]' },
  { state: 'supplement', code: 5, vi: 'Yêu cầu bổ sung giấy tờ', en: 'supplement requested after appraisal', terminal: false, article: 'Decree 118/2025 Art 19(5); Decree 61/2018 Art 19(4) [V]' },
  { state: 'financial-obligation', code: 6, vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'awaiting financial obligation (clock stopped)', terminal: false, article: 'specialised law (e.g. Land Law) [S]' },
  { state: 'clock-stopped', code: 4, vi: 'Tạm dừng tính thời hạn (niêm yết, giám định, xác minh…)', en: 'clock stopped for another reason of the procedure', terminal: false, article: 'specialised law [S]; code 4 [?]' },
  { state: 'withdrawal-requested', code: 7, vi: 'Công dân yêu cầu rút hồ sơ', en: 'withdrawal requested', terminal: false, article: 'Decree 118/2025 Art 21 [V]' },
  { state: 'stopped', code: 8, vi: 'Dừng xử lý', en: 'stopped', terminal: true, article: 'Decree 118/2025 Art 21 [V]' },
  { state: 'refused', code: 9, vi: 'Từ chối giải quyết (có văn bản nêu lý do)', en: 'refused after appraisal', terminal: false, article: 'Decree 118/2025 Art 19(3) [V]; code 9 [?] (8 on request: policy.nationalCodes)' },
  { state: 'closed-no-supplement', code: 8, vi: 'Kết thúc do không bổ sung hồ sơ', en: 'closed: no supplement within 15 days', terminal: true, article: 'Decree 118/2025 Art 19(5) [V]; code 8 [?]' },
  { state: 'resolved', code: 9, vi: 'Đã xử lý xong', en: 'resolved (result ready)', terminal: false, article: 'Decree 118/2025 Art 19 [V]' },
  { state: 'returned', code: 10, vi: 'Đã trả kết quả', en: 'result returned', terminal: false, article: 'Decree 118/2025 Art 22 [V]' },
  { state: 'correction', code: 4, vi: 'Đang đính chính kết quả', en: 'correction in progress', terminal: false, article: 'Decree 118/2025 Art 23 [V]; code 4 [?] (9 or 10 on request: policy.nationalCodes)' },
];

/**
 * The national status codes a state may take where practice differs, with the default first and the
 * reason for it. Choose with `policy.nationalCodes`.
 *
 * @example
 * ```ts
 * import { NATIONAL_CODE_CHOICES } from 'motcua/dossier';
 * NATIONAL_CODE_CHOICES['intake-supplement'].codes; // [1, 5]
 * ```
 */
export const NATIONAL_CODE_CHOICES: Readonly<Record<'refused' | 'intake-supplement' | 'correction', { readonly codes: readonly NationalStatusCode[]; readonly why: string }>> = {
  refused: {
    codes: [9, 8],
    why: 'A refusal after appraisal is the agency’s answer, with written reasons, within the deadline (Decree 118/2025 Art 19(3) [V]): a result, so 9 (Đã xử lý xong), then 10 when the letter is handed over. Some systems report it as 8 (Dừng xử lý) [S]. The code itself is not in the decree [?].',
  },
  'intake-supplement': {
    codes: [1, 5],
    why: 'Before official receipt the dossier is not received yet (Decree 118/2025 Art 17(1)(a), 17(3) [V]), so 1 (Mới đăng ký). Reporting 5 makes the portal count it as a supplement request: with a later supplement after appraisal it counts twice and the Decision 766 computation marks the dossier overdue (issue #15) [S]. Code 1 is a default, not a verified rule [?]; 5 on request.',
  },
  correction: {
    codes: [4, 9, 10],
    why: 'A faulty result is corrected within 3 working days (Decree 118/2025 Art 23 [V]): motcua reports it as processed again (4). Some systems keep 10 (the result stays returned) or report 9 [S]. Not in the decree [?].',
  },
};

/** @internal What `evolve` reads of a state, found with one lookup per event: its bit for transition masks, whether it is terminal, its national code. */
export interface StateSlot {
  readonly bit: number;
  readonly terminal: boolean;
  /** 0 for `none`. */
  readonly code: NationalStatusCode | 0;
}

/** @internal State (and `none`) → slot. */
export const STATE_SLOTS: ReadonlyMap<string, StateSlot> = new Map<string, StateSlot>([
  ['none', { bit: 1, terminal: false, code: 0 }],
  ...DOSSIER_STATES.map((s, k): [string, StateSlot] => [s.state, { bit: 2 ** (k + 1), terminal: s.terminal, code: s.code }]),
]);

/** @internal State → national code. */
export const CODE_OF: Readonly<Record<DossierState, NationalStatusCode>> = Object.fromEntries(DOSSIER_STATES.map((s) => [s.state, s.code])) as Record<DossierState, NationalStatusCode>;

/**
 * The national status codes (mã trạng thái `TrangThai` on the national portal) with their Vietnamese names.
 *
 * @example
 * ```ts
 * import { NATIONAL_STATUS_CODES } from 'motcua/dossier';
 * NATIONAL_STATUS_CODES[10]; // 'Đã trả kết quả'
 * ```
 */
export const NATIONAL_STATUS_CODES: Readonly<Record<NationalStatusCode, string>> = {
  1: 'Mới đăng ký',
  2: 'Được tiếp nhận',
  3: 'Không được tiếp nhận',
  4: 'Đang xử lý',
  5: 'Yêu cầu bổ sung giấy tờ',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  7: 'Công dân yêu cầu rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã xử lý xong',
  10: 'Đã trả kết quả',
};

/**
 * The national status code (mã trạng thái) of a state.
 *
 * @example
 * ```ts
 * import { statusCodeOf } from 'motcua/dossier';
 * statusCodeOf('financial-obligation'); // 6
 * ```
 */
export function statusCodeOf(state: DossierState): NationalStatusCode {
  return CODE_OF[state];
}
