/**
 * Types of the dossier state machine (vòng đời hồ sơ): plain, JSON-serialisable data.
 * @module
 */
import type { CalendarOptions, CivilDate, Limit } from '../calendar/index';
import type { ErrorTexts } from '../errors';

/** Receiving channel (kênh tiếp nhận, national code `KenhThucHien`: 1 direct, 2 online, 3 postal). */
export type DossierChannel = 'direct' | 'online' | 'postal';

/** Why the clock stops (thời gian không tính vào thời hạn giải quyết), as in the procedure model. */
export type DossierClockStopReason = 'financial-obligation' | 'public-posting' | 'expert-assessment' | 'site-inspection' | 'verification' | 'other';

/** One step of an interlinked or internal procedure (bước xử lý / thủ tục liên thông), with its own budget. */
export interface DossierProcedureStep {
  readonly id: string;
  readonly name: string;
  readonly agency: string;
  readonly level: 'ministry' | 'province' | 'district' | 'commune';
  readonly budget: Limit;
}

/**
 * A period of the supplement rules (thời hạn bổ sung hồ sơ): calendar days (Decree 118/2025 Art 19(5):
 * 15 days) or working days (some specialised decrees, e.g. Decree 297/2025: 15 working days [S]).
 */
export interface SupplementPeriod {
  readonly amount: number;
  readonly unit: 'calendar-day' | 'working-day';
}

/**
 * What the state machine reads from a procedure (thủ tục hành chính). A structural subset of
 * `Procedure` from `motcua/procedure`: pass a whole `Procedure`, or just these fields.
 */
export interface DossierProcedure {
  readonly code: string;
  readonly channels: readonly { readonly channel: DossierChannel; readonly limit: Limit }[];
  readonly cutoff: { readonly time: string; readonly rule: 'next-working-day' } | null;
  readonly clockStops: readonly DossierClockStopReason[];
  readonly steps: { readonly mode: 'sequential' | 'parallel'; readonly items: readonly DossierProcedureStep[] } | null;
  readonly immediate: boolean;
  /**
   * The procedure's own supplement periods, where specialised law differs from the rule set's:
   * `closure` (no supplement within it: the dossier may be closed; `null` turns closure off) and
   * `window` (the request should come within it after receipt). Absent: the rule set's.
   */
  readonly supplement?: { readonly closure?: SupplementPeriod | null; readonly window?: SupplementPeriod };
}

/**
 * Rule set (bộ quy tắc) a dossier keeps for its whole life, chosen by its receipt date:
 * - `decree-61-2018`: Decree 61/2018/NĐ-CP as amended by Decree 107/2021/NĐ-CP (received 21/6/2018 - 30/6/2025);
 * - `decree-118-2025`: Decree 118/2025/NĐ-CP (received 1/7/2025 - 4/8/2026);
 * - `decree-118-2025-309-2026`: Decree 118/2025 as amended by Decree 309/2026/NĐ-CP (received from 5/8/2026).
 */
export type RuleSetId = 'decree-61-2018' | 'decree-118-2025' | 'decree-118-2025-309-2026';

/**
 * States of a dossier (trạng thái hồ sơ). Each maps to one national status code (see `DOSSIER_STATES`).
 */
export type DossierState =
  | 'submitted'
  | 'intake-supplement'
  | 'rejected'
  | 'received'
  | 'in-process'
  | 'supplement'
  | 'financial-obligation'
  | 'clock-stopped'
  | 'withdrawal-requested'
  | 'stopped'
  | 'refused'
  | 'closed-no-supplement'
  | 'resolved'
  | 'returned'
  | 'correction';

/** The state before any event: not a dossier yet (no national code). */
export type NoState = 'none';

/**
 * National status code (portal sync field `TrangThai`): 1 Mới đăng ký · 2 Được tiếp nhận ·
 * 3 Không được tiếp nhận · 4 Đang xử lý · 5 Yêu cầu bổ sung giấy tờ · 6 Yêu cầu thực hiện nghĩa vụ tài chính ·
 * 7 Công dân yêu cầu rút hồ sơ · 8 Dừng xử lý · 9 Đã xử lý xong · 10 Đã trả kết quả.
 */
export type NationalStatusCode = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

/** Fields every event has. `at` is an ISO 8601 instant with an offset, e.g. `2026-02-13T15:30+07:00`. */
export interface EventBase<T extends string> {
  /** Unique id of the event in the dossier's log (replaying the same id twice is a no-op). */
  readonly id: string;
  readonly type: T;
  /** When it happened: ISO 8601 with `Z` or `±HH:MM`. */
  readonly at: string;
  /** Who recorded it (officer, system), free text. */
  readonly by?: string;
  readonly note?: string;
}

/** Nộp hồ sơ trực tuyến / qua bưu chính: the portal or post office acknowledges a dossier (status 1). */
export interface SubmittedEvent extends EventBase<'submitted'> {
  readonly channel?: 'online' | 'postal';
}
/** Tiếp nhận hồ sơ: official receipt, appointment slip issued (status 2). First event for counter dossiers. */
export interface ReceivedEvent extends EventBase<'received'> {
  /** Default: `direct` when it is the first event, else the channel of the submission. */
  readonly channel?: DossierChannel;
  /** Received by a centre outside the competent agency's area (tiếp nhận không phụ thuộc địa giới hành chính). */
  readonly nonBoundary?: boolean;
  /**
   * Dossier code (mã hồ sơ) written on the receipt, e.g. `000.00.12.H23-240426-0001`: checked
   * (format, and its date against the receipt date; see `parseDossierCode`).
   */
  readonly code?: string;
  /**
   * Immediate-result procedures (Decree 118/2025 Art 17(4)): no appointment slip unless the applicant
   * asks for one (`true`). Ignored for other procedures, which always issue one.
   */
  readonly appointmentSlip?: boolean;
}
/** Từ chối tiếp nhận (Phiếu từ chối tiếp nhận): refused at intake (status 3). */
export interface RejectedEvent extends EventBase<'rejected'> {
  readonly reason?: string;
}
/** Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ at intake (status 5), before receipt. */
export interface IntakeSupplementRequestedEvent extends EventBase<'intake-supplement-requested'> {
  readonly reason?: string;
}
/** The applicant completes the dossier at intake: back to submitted. */
export type IntakeSupplementedEvent = EventBase<'intake-supplemented'>;
/** The competent agency receives a dossier received outside its area (Decree 309/2026: the clock starts here). */
export type AgencyReceivedEvent = EventBase<'agency-received'>;
/** Hand-over to a step (chuyển xử lý; Phiếu chuyển / Phiếu kiểm soát quá trình). */
export interface StepStartedEvent extends EventBase<'step-started'> {
  /** Step id: one of the procedure's steps, or an internal step given here with its own budget. */
  readonly step: string;
  readonly name?: string;
  readonly agency?: string;
  readonly level?: DossierProcedureStep['level'];
  readonly budget?: Limit;
}
/** A step finished and handed back (hoàn thành bước). */
export interface StepCompletedEvent extends EventBase<'step-completed'> {
  readonly step: string;
}
/** Yêu cầu bổ sung, hoàn thiện hồ sơ after appraisal (status 5): once only. */
export interface SupplementRequestedEvent extends EventBase<'supplement-requested'> {
  readonly reason?: string;
}
/** Xác định phí, lệ phí: the fee (and charges) due for the dossier, in VND (0: none). */
export interface FeeAssessedEvent extends EventBase<'fee-assessed'> {
  readonly amount: number;
}
/**
 * How a fee is paid (hình thức thanh toán): at the counter, online through the national portal's
 * payment platform (counts for Decision 766 index 3.6), or by bank transfer.
 */
export type PaymentChannel = 'counter' | 'online-national-portal' | 'bank-transfer';
/** Nộp phí, lệ phí: the assessed fee is paid. */
export interface FeePaidEvent extends EventBase<'fee-paid'> {
  readonly channel: PaymentChannel;
  /** Default: the assessed amount. */
  readonly amount?: number;
}
/** Hoàn trả phí, lệ phí (e.g. on withdrawal). */
export interface FeeRefundedEvent extends EventBase<'fee-refunded'> {
  readonly amount?: number;
}
/**
 * Chuyển hồ sơ đến cơ quan có thẩm quyền giải quyết: the one-stop desk hands the dossier to the
 * competent agency (Decree 118/2025 Art 18(2): the same working day, or the next one when received
 * after 15:00; Art 20(1)(a): within 1 working day for a paper dossier received outside the agency's area).
 */
export interface TransferredEvent extends EventBase<'transferred'> {
  /** The competent agency. */
  readonly to?: string;
}
/** The complete dossier arrives (nhận đủ hồ sơ bổ sung): the clock restarts (legal) or resumes (Decision 766). */
export type SupplementReceivedEvent = EventBase<'supplement-received'>;
/** No supplement within 15 days: the dossier is closed (Decree 118/2025 only). */
export type SupplementExpiredEvent = EventBase<'supplement-expired'>;
/** The clock stops for a reason of the procedure (status 6 for financial obligations, else 4). */
export interface ClockStoppedEvent extends EventBase<'clock-stopped'> {
  readonly reason: DossierClockStopReason;
}
/** The clock runs again. */
export type ClockResumedEvent = EventBase<'clock-resumed'>;
/** Văn bản xin lỗi và hẹn lại ngày trả kết quả (apology letter with a new date): once only. */
export interface ExtendedEvent extends EventBase<'extended'> {
  /** The new due date `YYYY-MM-DD`. */
  readonly until: CivilDate;
  /** Reference of the apology letter (số văn bản xin lỗi). */
  readonly letter?: string;
}
/** Từ chối giải quyết: refused after appraisal with written reasons (status 9, a result). */
export interface RefusedEvent extends EventBase<'refused'> {
  readonly reason?: string;
}
/** Công dân yêu cầu rút hồ sơ (status 7). */
export type WithdrawalRequestedEvent = EventBase<'withdrawal-requested'>;
/** The withdrawal cannot be granted (e.g. the decision was already issued): back to the previous state. */
export type WithdrawalDeclinedEvent = EventBase<'withdrawal-declined'>;
/** Dừng xử lý (thông báo dừng xử lý; status 8). */
export interface StoppedEvent extends EventBase<'stopped'> {
  readonly reason?: string;
}
/** Đã xử lý xong: the result is ready (status 9). */
export type ResolvedEvent = EventBase<'resolved'>;
/** Đã trả kết quả: the result (or the refusal letter) is returned (status 10). */
export type ReturnedEvent = EventBase<'returned'>;
/** A faulty result is reported: correction within 3 working days (Decree 118/2025 Art 23). */
export interface CorrectionRequestedEvent extends EventBase<'correction-requested'> {
  readonly reason?: string;
}
/** The corrected result is returned. */
export type CorrectedEvent = EventBase<'corrected'>;

/** Every dossier event (sự kiện hồ sơ): plain, serialisable objects. */
export type DossierEvent =
  | SubmittedEvent
  | ReceivedEvent
  | RejectedEvent
  | IntakeSupplementRequestedEvent
  | IntakeSupplementedEvent
  | AgencyReceivedEvent
  | StepStartedEvent
  | StepCompletedEvent
  | SupplementRequestedEvent
  | SupplementReceivedEvent
  | SupplementExpiredEvent
  | ClockStoppedEvent
  | ClockResumedEvent
  | ExtendedEvent
  | RefusedEvent
  | WithdrawalRequestedEvent
  | WithdrawalDeclinedEvent
  | StoppedEvent
  | ResolvedEvent
  | ReturnedEvent
  | CorrectionRequestedEvent
  | CorrectedEvent
  | FeeAssessedEvent
  | FeePaidEvent
  | FeeRefundedEvent
  | TransferredEvent;

/** The type names of {@link DossierEvent}. */
export type DossierEventType = DossierEvent['type'];

/**
 * Supplement policy (chính sách tính thời gian bổ sung hồ sơ):
 * - `legal-restart`: the processing period restarts from zero when the complete dossier arrives
 *   (Decree 118/2025 Art 19(5); Decree 61/2018 Art 19(4)) [V];
 * - `decision-766`: the elapsed waiting time is subtracted, as the portal's formula does (end − (supplement
 *   received − supplement requested), then the dates compared): the due instant shown is the original
 *   one moved later by that elapsed time, calendar time, so it may fall on a day off, and
 *   `originalDueDate` moves with it (it is the due date before any extension); a dossier with more than
 *   one supplement request counts as overdue (Decision 766/QĐ-TTg practice) [S].
 */
export type SupplementPolicy = 'legal-restart' | 'decision-766';

/** Options of the state machine; every field has a default (`DEFAULT_DOSSIER_POLICY`). */
export interface DossierPolicy {
  readonly supplement: SupplementPolicy;
  /** A second supplement request: `reject` (the law allows one) or `accept` (import real logs; Decision 766 then counts it overdue). */
  readonly repeatedSupplements: 'reject' | 'accept';
  /** Cut-off `HH:MM` for direct and postal dossiers when the procedure has none (`null`: none). Default `15:00`. */
  readonly counterCutoff: string | null;
  /** Clock start of online dossiers: the official receipt (Art 17(3), default) or the submission. */
  readonly onlineClockStart: 'official-receipt' | 'submission';
  /** Working hours allowed between an online submission and its official receipt (Art 17(2): 8). */
  readonly onlineReceiptHours: number;
  /** Timeliness compares `date`s (portal practice, default) or exact `instant`s. */
  readonly timelinessLevel: 'date' | 'instant';
  /** An extended dossier finished after its original due date counts as late (default false). */
  readonly lateAgainstOriginal: boolean;
  /** Force a rule set instead of choosing it by receipt date (`null`: by date). */
  readonly ruleSet: RuleSetId | null;
  /**
   * National status codes where practice differs (see `NATIONAL_CODE_CHOICES`); absent: the defaults of
   * `DOSSIER_STATES`.
   */
  readonly nationalCodes?: NationalCodeOverrides;
}

/**
 * States whose national status code differs between systems, and the codes each may take:
 * - `refused` (refusal after appraisal): 9 Đã xử lý xong (default) or 8 Dừng xử lý;
 * - `intake-supplement` (supplement requested before official receipt): 1 Mới đăng ký (default) or 5;
 * - `correction` (a returned result being corrected): 4 Đang xử lý (default), 9 or 10.
 */
export interface NationalCodeOverrides {
  readonly refused?: 8 | 9;
  readonly 'intake-supplement'?: 1 | 5;
  readonly correction?: 4 | 9 | 10;
}

/** The clock of a received dossier (thời hạn giải quyết). */
export interface DossierClock {
  readonly limit: Limit;
  /** Limit counted in office hours (hour units, fractional days): due instants are exact. */
  readonly precise: boolean;
  /** The working day the period counts from (ngày tiếp nhận tính thời hạn). */
  readonly countFrom: CivilDate;
  readonly clockStart: string;
  /** The due date in force (ngày hẹn trả kết quả). */
  readonly dueDate: CivilDate;
  readonly dueAt: string;
  /** The due date before the extension (equal to `dueDate` when there is none). */
  readonly originalDueDate: CivilDate;
  readonly originalDueAt: string;
  /** While waiting for a supplement or a clock stop: since when, and why. */
  readonly pausedAt: string | null;
  readonly pause: 'supplement' | 'clock-stop' | null;
  /** Working days (or office minutes for a precise clock) excluded so far. */
  readonly excluded: number;
  /** How many times the period restarted from zero (legal supplement rule). */
  readonly restarts: number;
  /** @internal epoch ms caches. */
  readonly dueMs: number;
  readonly originalDueMs: number;
  readonly pausedMs: number;
}

/** One hand-over to a step (một dòng của Phiếu kiểm soát quá trình). */
export interface StepRun {
  readonly step: string;
  readonly name: string;
  readonly agency: string;
  readonly level: DossierProcedureStep['level'] | null;
  /** Who handed over: the previous step's agency, or the one-stop desk. */
  readonly from: string;
  readonly startedAt: string;
  readonly budget: Limit | null;
  readonly dueDate: CivilDate | null;
  readonly dueAt: string | null;
  readonly endedAt: string | null;
  /** Against the step's own limit, at date level. */
  readonly result: Timeliness | null;
  /** @internal */
  readonly startedMs: number;
  readonly dueMs: number;
}

/** Early / on time / late (trước hạn / đúng hạn / quá hạn; Circular 01/2018 Art 13). */
export type Timeliness = 'early' | 'on-time' | 'late';

/** How a dossier ended, for the KPI end time (thời điểm kết thúc). */
export type DossierEndKind = 'resolved' | 'refused' | 'stopped' | 'withdrawn' | 'closed-no-supplement';

/** One accepted event and the state it led to (a line of the timeline). */
export interface HistoryEntry {
  readonly id: string;
  readonly type: DossierEventType;
  readonly at: string;
  readonly state: DossierState;
  readonly code: NationalStatusCode;
  /** Due date in force after the event, `null` before the clock starts. */
  readonly dueDate: CivilDate | null;
  /** @internal */
  readonly ms: number;
  readonly dueMs: number;
  readonly paused: boolean;
}

/** Something the law asks for that the log shows was not done (recorded, never refused). */
export interface DossierWarning {
  readonly eventId: string;
  readonly rule: string;
  /** The warning in English (as before #19). */
  readonly message: string;
  /**
   * The warning in Vietnamese (`vi`, for the officer) and English (`en`, = `message`), as plain
   * JSON. Every warning motcua makes has it; it is absent only from a warning that came in with a
   * stored dossier saved by motcua 0.1.0 (kept as it is by `evolve`). Read `texts?.vi ?? message`.
   */
  readonly texts?: ErrorTexts;
}

/** An event `replay` could not accept, kept with the reason (nothing in the log is dropped). */
export interface RejectedEntry {
  readonly event: unknown;
  readonly code: string;
  readonly state: DossierState | NoState;
  readonly rule: string;
  /** The refusal in English: the error's `message`. */
  readonly message: string;
  /**
   * The refusal in Vietnamese (`vi`) and English (`en`, = `message`): the error's `texts`, as plain
   * JSON. Every entry motcua makes has it (`replay`, `replayMany`, and so `EventLogError.rejected`
   * and `DossierSummary.firstRejected`). It is absent only from an entry that came in with a stored
   * dossier: one saved by motcua 0.1.0, which had no `texts`, and kept as it is by `evolve` (or
   * written by other code). Read `texts?.vi ?? message`.
   */
  readonly texts?: ErrorTexts;
}

/** A correction of a faulty result (đính chính kết quả, Decree 118/2025 Art 23). */
export interface CorrectionRun {
  readonly requestedAt: string;
  /** 3 working days after the request. */
  readonly dueDate: CivilDate;
  readonly correctedAt: string | null;
}

/**
 * The dossier snapshot (hồ sơ): plain JSON, a cache of folding its events. Rebuild it any time
 * with `replay(dossier.events, …)`.
 */
export interface Dossier {
  readonly type: 'motcua.dossier';
  readonly id: string | null;
  readonly procedure: DossierProcedure;
  readonly policy: DossierPolicy;
  /** Options of the calendar (`null`: the default civil-servant calendar). */
  readonly calendar: CalendarOptions | null;
  readonly ruleSet: RuleSetId | null;
  readonly channel: DossierChannel | null;
  readonly state: DossierState | NoState;
  readonly nationalCode: NationalStatusCode | null;
  /** States to go back to after a supplement, a clock stop or a declined withdrawal (innermost last). */
  readonly resume: readonly DossierState[];
  readonly submittedAt: string | null;
  /** Official receipt (tiếp nhận chính thức). */
  readonly receivedAt: string | null;
  readonly nonBoundary: boolean;
  readonly clock: DossierClock | null;
  readonly steps: readonly StepRun[];
  readonly supplements: number;
  readonly extensions: number;
  /** KPI end: the first of refusal, stop, resolution (9), return (10), withdrawal. */
  readonly end: { readonly at: string; readonly kind: DossierEndKind; readonly eventId: string } | null;
  readonly resolvedAt: string | null;
  readonly returnedAt: string | null;
  readonly corrections: readonly CorrectionRun[];
  readonly events: readonly DossierEvent[];
  readonly history: readonly HistoryEntry[];
  readonly warnings: readonly DossierWarning[];
  readonly rejected: readonly RejectedEntry[];
  /** @internal epoch ms of the last accepted event. */
  readonly lastMs: number;
}
