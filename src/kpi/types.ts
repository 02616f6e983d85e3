/**
 * Types of the KPI module: one record per dossier, the counts of Biểu II.06a, rates as exact fractions.
 * @module
 */
import type { CivilDate } from '../calendar/types';

/** Receiving channel (kênh tiếp nhận; national code `KenhThucHien` 1 direct, 2 online, 3 postal). */
export type RecordChannel = 'direct' | 'online' | 'postal';

/** Agency level, with the historical district level for data before 1/7/2025. */
export type RecordLevel = 'ministry' | 'province' | 'district' | 'commune';

/**
 * How a dossier ended (kết quả xử lý), for the KPI end time rule of domain.md §5:
 * - `resolved`: processing finished (national status 9, or 10 when 9 is missing);
 * - `refused`: refused after appraisal (từ chối giải quyết, with written reasons);
 * - `stopped`: processing stopped (dừng xử lý, status 8);
 * - `withdrawn`: the applicant withdrew it (rút hồ sơ, status 7).
 */
export type EndKind = 'resolved' | 'refused' | 'stopped' | 'withdrawn';

/**
 * What a paused dossier waits for (tạm dừng tính thời hạn, domain.md §3):
 * - `supplement`: a supplement requested after appraisal (yêu cầu bổ sung, hoàn thiện hồ sơ; national status 5);
 *   the period restarts from zero when the complete dossier arrives (Decree 118 Art 19(5));
 * - `financial-obligation`: the applicant's financial obligation (thực hiện nghĩa vụ tài chính; status 6);
 * - `other`: another clock stop set by specialised law (public posting, expert assessment, …).
 */
export type PauseReason = 'supplement' | 'financial-obligation' | 'other';

/**
 * One dossier (hồ sơ) as a flat record: what provincial systems export. Dates are civil dates
 * `YYYY-MM-DD` in Vietnamese time; the KPI compares dates, not instants (domain.md §5).
 */
export interface DossierRecord {
  readonly id: string;
  readonly procedureCode: string;
  readonly field: string;
  readonly agency: string;
  readonly level: RecordLevel;
  readonly channel: RecordChannel;
  /** Official receipt (ngày tiếp nhận). */
  readonly receivedOn: CivilDate;
  /** Due date (ngày hẹn trả), after any extension. */
  readonly dueOn: CivilDate;
  /** Due date before an extension (ngày hẹn trả ban đầu), when there was one. */
  readonly originalDueOn?: CivilDate | null;
  /** End date by the KPI end time rule: the first of refusal, stop, resolution (9), withdrawal; null while pending. */
  readonly finishedOn: CivilDate | null;
  /** How it ended; null while pending. */
  readonly finishedAs: EndKind | null;
  /** Result returned to the applicant (status 10). */
  readonly returnedOn?: CivilDate | null;
  /**
   * The clock is paused since this date (ngày tạm dừng: the supplement request, the notice of the
   * financial obligation, the clock stop) and had not run again when the record was extracted;
   * null or missing when it is not paused. No processing period runs while the dossier waits for
   * the applicant: a pending paused dossier is within time (column (12)) under the legal
   * convention, and judged at this date under Decision 766 (end = request date).
   */
  readonly pausedSince?: CivilDate | null;
  /** What the paused dossier waits for ({@link PauseReason}); required with `pausedSince`. */
  readonly pausedFor?: PauseReason | null;
  readonly supplements: number;
  readonly extensions: number;
  /** The dossier's components were digitised (số hóa hồ sơ). */
  readonly digitised: boolean;
  /** An electronic result was issued (kết quả điện tử). */
  readonly eResult: boolean;
  /** The procedure requires a paper result (4.1 denominator); unknown counts as not required. */
  readonly paperResultRequired?: boolean | null;
  /** A non-zero fee or charge is due (3.6 denominator). */
  readonly feeDue: boolean;
  /** Paid online (thanh toán trực tuyến). */
  readonly paidOnline: boolean;
  /** Synchronised to the national portal (đồng bộ lên Cổng DVCQG). */
  readonly synced: boolean;
  /** A complaint or a "dislike" rating (phản ánh, kiến nghị; không hài lòng). */
  readonly complaint: boolean;
  /**
   * Data already digitised was reused instead of asking the applicant for the paper again
   * (khai thác, sử dụng lại thông tin, dữ liệu số hóa; 766 index 4.3). Missing counts as false.
   */
  readonly reusedData?: boolean;
  /**
   * The electronic result was saved to the applicant's data store (lưu vào kho quản lý dữ liệu
   * điện tử của tổ chức, cá nhân; 766 index 4.4). Missing counts as false.
   */
  readonly dataStored?: boolean;
  /**
   * Components of the dossier were taken from the applicant's data store instead of being
   * submitted again (thành phần hồ sơ được lấy từ kho quản lý dữ liệu điện tử của tổ chức, cá nhân;
   * 766 index 4.4 numerator, with the e-results saved to the store). Missing counts as false.
   */
  readonly componentsFromStore?: boolean;
}

/** The counts of Biểu II.06a (columns (3)-(13)) plus the buckets and the numerators of the rates. */
export interface Counts {
  /** (3) received in the period and carried over: (4) + (5) + (6). */
  received: number;
  /** (4) received online in the period. */
  online: number;
  /** (5) received directly or by post in the period. */
  directOrPostal: number;
  /** (6) carried over from the previous period. */
  carriedOver: number;
  /** (7) resolved in the period: (8) + (9) + (10). */
  resolved: number;
  /** (8) resolved before the due date. */
  early: number;
  /** (9) resolved on the due date. */
  onTime: number;
  /** (10) resolved after the due date. */
  late: number;
  /** (11) pending at the end of the period: (12) + (13). */
  pending: number;
  /** (12) pending and within time. */
  withinTime: number;
  /** (13) pending and overdue. */
  overdue: number;
  /** Withdrawn in the period (its own bucket, also when counted in (7)). */
  withdrawn: number;
  /** Refused after appraisal in the period. */
  refused: number;
  /** Stopped in the period. */
  stopped: number;
  /** Ended in the period in a bucket kept outside (7) by the policy. */
  excluded: number;
  /** Received in the period (4) + (5). */
  receivedInPeriod: number;
  /** Of those received in the period: digitised, synced, with a fee due, paid online. */
  digitised: number;
  synced: number;
  feeDue: number;
  paidOnline: number;
  /** Finished in the period with an electronic result, and of those, requiring a paper result. */
  eResult: number;
  paperResultRequired: number;
  eResultWherePaperRequired: number;
  /** Handled in the period (received + carried over) with a complaint or dislike. */
  complaints: number;
  /** Resolved in the period with more than one supplement request (766: counted as overdue). */
  multiSupplement: number;
  /** Of those received in the period: reusing digitised data (766 index 4.3). */
  reusedData: number;
  /** Of the electronic results counted in `eResult`: saved to the applicant's data store (766 index 4.4). */
  dataStored: number;
  /** Of the pending (11): paused at the end of the period, waiting for the applicant (supplement, financial obligation, other stop). */
  paused: number;
  /**
   * Of those received in the period: digitised, and with an electronic result where the procedure
   * issues a paper result (766 index 4.2 numerator, formula sheet [S]).
   */
  digitisedComplete: number;
  /**
   * Of those received in the period: components taken from the applicant's data store, or an
   * electronic result saved to it (766 index 4.4 numerator, formula sheet [S]).
   */
  dataStoreUsed: number;
}

/**
 * A share on motcua's one scale for rates (tỷ lệ), ratios and targets: a fraction, where 1 is
 * 100% and 96.21% is `0.9621`. Every rate, ratio, target and exact value the API returns as a
 * number is a `Fraction`; percentages appear only in printed text (`formatRate`: `'96,21%'`).
 * A claimed rate in a report may exceed 1 (`'118,6%'`).
 */
export type Fraction = number;

/** A rate as an exact fraction (tỷ lệ): `value` is null when the denominator is 0 (not applicable). */
export interface Rate {
  readonly numerator: number;
  readonly denominator: number;
  /** `numerator / denominator`, a {@link Fraction} (0.9621 for 96.21%); null when the denominator is 0. */
  readonly value: Fraction | null;
}
