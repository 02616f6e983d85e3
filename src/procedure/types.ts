/**
 * Types of the procedure model (thủ tục hành chính): plain, JSON-serialisable data.
 * No zod here: the validating schemas live in `motcua/schema`.
 *
 * Legal basis of the attributes: Decree 63/2010/NĐ-CP Art 8(2) (what a published procedure
 * contains) and the national TTHC database; channels: Decree 118/2025/NĐ-CP Art 15.
 *
 * @module
 */
import type { Limit, LimitUnit } from '../calendar/index';

export type { Limit, LimitUnit };

/**
 * Channel (cách thức thực hiện, national code `KenhThucHien`, Decree 118/2025 Art 15):
 * `direct` trực tiếp (1), `online` trực tuyến (2), `postal` dịch vụ bưu chính công ích (3).
 */
export type Channel = 'direct' | 'online' | 'postal';

/**
 * Level of the implementing agency (cấp thực hiện). `district` (cấp huyện) exists only in
 * data before 1/7/2025, when the district level was abolished.
 */
export type AgencyLevel = 'ministry' | 'province' | 'district' | 'commune';

/**
 * Online public-service level (mức độ dịch vụ công trực tuyến, Decree 42/2022/NĐ-CP):
 * `full` toàn trình, `partial` một phần, `none` no online service.
 */
export type OnlineLevel = 'full' | 'partial' | 'none';

/**
 * Why the clock stops (thời gian không tính vào thời hạn giải quyết), set by specialised law:
 * `financial-obligation` thực hiện nghĩa vụ tài chính, `public-posting` niêm yết công khai,
 * `expert-assessment` giám định / thẩm định chuyên môn, `site-inspection` kiểm tra thực địa,
 * `verification` xác minh, `other` khác.
 */
export type ClockStopReason = 'financial-obligation' | 'public-posting' | 'expert-assessment' | 'site-inspection' | 'verification' | 'other';

/**
 * Kind of legal or data source a value comes from:
 * `law` luật / nghị định; `national-portal` Cổng Dịch vụ công quốc gia (DVCQG);
 * `provincial-decision` quyết định công bố của UBND tỉnh; `ministerial-decision` quyết định
 * của bộ / Văn phòng Chính phủ; `secondary` a secondary source quoting one of these.
 */
export type Basis = 'law' | 'national-portal' | 'provincial-decision' | 'ministerial-decision' | 'secondary';

/**
 * How sure a value is: `verified` read in a primary copy; `verified-secondary` read in a
 * secondary transcription; `inferred` deduced (the note says how); `unknown` not found.
 */
export type SourceStatus = 'verified' | 'verified-secondary' | 'inferred' | 'unknown';

/** Where a value comes from. */
export interface Provenance {
  readonly basis: Basis;
  readonly status: SourceStatus;
  /** Ids of {@link SourceDocument}s in `procedure.sources.documents`. */
  readonly documents: readonly string[];
  readonly note?: string;
}

/** A document cited by a procedure (văn bản, quyết định công bố, dữ liệu cổng DVCQG). */
export interface SourceDocument {
  readonly id: string;
  readonly basis: Basis;
  readonly title: string;
  /** Number of the decision or instrument, e.g. `2770/QĐ-UBND`, when it has one. */
  readonly reference?: string;
  /** Date of issue `YYYY-MM-DD`. */
  readonly issuedOn?: string;
  /** Province of a provincial decision. */
  readonly province?: string;
  /** Where the copy was read: URL, or `owner/repo@commit:path`. */
  readonly location?: string;
}

/** The sources of a procedure: the documents and, per attribute path, the provenance of its value. */
export interface ProcedureSources {
  /** At least one document: the publication decision or the data the procedure was read from. */
  readonly documents: readonly SourceDocument[];
  /**
   * Provenance per attribute path, e.g. `code`, `name`, `agency.level`, `onlineLevel`,
   * `cutoff`, `clockStops`, `steps`, `fees`.
   */
  readonly values?: Readonly<Record<string, Provenance>>;
}

/** The cut-off rule (giờ chốt tiếp nhận): a dossier received after `time` counts from the next working day. */
export interface Cutoff {
  /** `HH:MM`, e.g. `15:00` (Decree 118/2025 Art 18(2)). */
  readonly time: string;
  readonly rule: 'next-working-day';
}

/**
 * Unit of a limit as published, which may not be computable:
 * a {@link LimitUnit}, `immediate` (ngay sau khi nhận đủ giấy tờ), `unspecified` (DVCQG unit
 * "Khác": an amount with no unit) or `not-stated` (no time given).
 */
export type PublishedUnit = LimitUnit | 'immediate' | 'unspecified' | 'not-stated';

/** A published limit that was not chosen as the effective one, kept with its basis. */
export interface LimitAlternative {
  readonly amount: number | null;
  readonly unit: PublishedUnit;
  /** The case it applies to (trường hợp), `null` for the general case. */
  readonly case: string | null;
  readonly cutoff: Cutoff | null;
  readonly source: Provenance;
}

/** Kind of charge: `fee` lệ phí, `charge` phí. */
export type FeeKind = 'fee' | 'charge';

/** When a fee is collected: on receipt (khi nộp hồ sơ), on return of the result (khi nhận kết quả), or not stated. */
export type FeeCollection = 'on-receipt' | 'on-result' | 'not-stated';

/** A fee or charge (phí, lệ phí) of one channel. */
export interface Fee {
  readonly kind: FeeKind;
  /** Amount in VND per `per`; `null` = not given here (set elsewhere, e.g. by a provincial resolution). */
  readonly amount: number | null;
  /** What one amount pays for, in Vietnamese (`lần`, `bản`, `trang`, …), `null` if not stated. */
  readonly per: string | null;
  readonly collectedAt: FeeCollection;
  /** Province whose resolution sets it; `null` = nationwide rule. */
  readonly province: string | null;
  /** First date `YYYY-MM-DD` the amount applies. */
  readonly validFrom?: string;
  readonly exemptions?: readonly string[];
  readonly source?: Provenance;
}

/** One channel of a procedure with its own processing limit and fees. */
export interface ChannelRule {
  readonly channel: Channel;
  /** Effective processing limit (thời hạn giải quyết) of this channel. */
  readonly limit: Limit;
  readonly fees: readonly Fee[];
  /** Where the effective limit comes from. */
  readonly limitSource?: Provenance;
  /** Other published limits for this channel, not chosen, with their basis. */
  readonly alternatives?: readonly LimitAlternative[];
}

/** One step of an interlinked procedure (thủ tục liên thông), with its own time budget. */
export interface ProcedureStep {
  readonly id: string;
  readonly name: string;
  readonly agency: string;
  readonly level: AgencyLevel;
  readonly budget: Limit;
}

/**
 * Steps of an interlinked procedure (Decree 118/2025 Art 20(2)): `sequential` (paper: agencies
 * work in turn, budgets add up to the limit) or `parallel` (electronic: sent to all at once,
 * the longest budget equals the limit).
 */
export interface ProcedureSteps {
  readonly mode: 'sequential' | 'parallel';
  readonly items: readonly ProcedureStep[];
}

/** Field (lĩnh vực) of a procedure. */
export interface ProcedureField {
  /** National category code, e.g. `G15-TP07`, `null` when not known. */
  readonly code: string | null;
  readonly name: string;
}

/** Implementing agency (cơ quan thực hiện) and its level. */
export interface ProcedureAgency {
  readonly name: string;
  readonly level: AgencyLevel;
  /** The level before 1/7/2025, when recorded. */
  readonly levelBefore2025?: AgencyLevel;
  /** Managing ministry (bộ quản lý), e.g. `Bộ Tư pháp`. */
  readonly ministry?: string;
}

/**
 * An administrative procedure (thủ tục hành chính), Decree 63/2010/NĐ-CP Art 8(2).
 *
 * `onlineLevel` and `paperResultRequired` are `null` when the source does not state them.
 */
export interface Procedure {
  /** National code `d.dddddd` (`1.001193`) or a local variant with a suffix (`1.008377.000.00.00.H13`). */
  readonly code: string;
  readonly name: string;
  readonly field: ProcedureField;
  readonly agency: ProcedureAgency;
  /** Applicants (đối tượng thực hiện), free text; absent when not stated. */
  readonly applicants?: readonly string[];
  readonly channels: readonly ChannelRule[];
  readonly cutoff: Cutoff | null;
  readonly clockStops: readonly ClockStopReason[];
  readonly steps: ProcedureSteps | null;
  /** Result given on the spot (trả kết quả ngay, Decree 118/2025 Art 17(4)). */
  readonly immediate: boolean;
  /** Whether a paper result is required (kết quả bản giấy); `null` = not stated. */
  readonly paperResultRequired: boolean | null;
  /** `null` = not stated in the source. */
  readonly onlineLevel: OnlineLevel | null;
  /** Caveats about the data, in English (e.g. a portal value that contradicts the law). */
  readonly notes?: readonly string[];
  /** Interlinked group the procedure belongs to (nhóm thủ tục liên thông), by code. */
  readonly interlinkedGroup?: string;
  readonly sources: ProcedureSources;
}

/** Facts about a catalogue as a whole. */
export interface CatalogMeta {
  readonly title: string;
  /** Date `YYYY-MM-DD` the data was read. */
  readonly asOf: string | null;
  readonly description?: string;
  /** How the effective limit of each channel was chosen. */
  readonly limitRule?: string;
  /** Procedures of the source left out, and why. */
  readonly excluded?: readonly { readonly code: string; readonly reason: string }[];
}

/** A catalogue of procedures (danh mục thủ tục hành chính). Codes are unique. */
export interface Catalog {
  readonly meta?: CatalogMeta;
  readonly procedures: readonly Procedure[];
}
