import type { DossierEventType, DossierState, NoState, RuleSetId } from './types';

/** Named guards of the transition table; their meaning and legal basis are in {@link GUARDS}. */
export type GuardId =
  | 'rule-set-in-force'
  | 'non-boundary'
  | 'known-step'
  | 'step-not-open'
  | 'step-open'
  | 'supplement-once'
  | 'supplement-closure-period'
  | 'clock-stop-reason-of-procedure'
  | 'clock-running'
  | 'extension-once'
  | 'extension-notice'
  | 'extension-later-date'
  | 'extension-working-day'
  | 'withdrawal-online-before-receipt'
  | 'dossier-code'
  | 'fee-not-paid'
  | 'fee-assessed'
  | 'fee-paid'
  | 'transfer-once';

/** Rules every event is checked against before the table: named in errors as `rule`. */
export type GeneralRule = 'event-schema' | 'duplicate-id' | 'chronology' | 'terminal' | 'transition-table' | 'rule-set' | 'channel-offered' | 'calendar';

/** One row of the transition table. */
export interface Transition {
  readonly event: DossierEventType;
  readonly from: readonly (DossierState | NoState)[];
  /** Target: a state; `same` (stays); `resume` (back to the state before the pause); `by-reason` (by the clock-stop reason). */
  readonly to: DossierState | 'same' | 'resume' | 'by-reason';
  /** Possible targets of `resume` / `by-reason`, for the diagram. */
  readonly targets?: readonly DossierState[];
  readonly guards: readonly GuardId[];
  /** Only under these rule sets (absent: all). */
  readonly ruleSets?: readonly RuleSetId[];
  /** Legal basis with its verification mark. */
  readonly article: string;
}

/**
 * The guards: what each checks and where the rule comes from.
 *
 * @example
 * ```ts
 * import { GUARDS } from 'motcua/dossier';
 * GUARDS['supplement-once'].article; // 'Decree 118/2025 Art 19(5); Decree 61/2018 Art 19(4) [V]'
 * ```
 */
export const GUARDS: Readonly<Record<GuardId, { readonly text: string; readonly article: string }>> = {
  'rule-set-in-force': { text: 'a rule set governs the receipt date (from 21/6/2018), or the policy forces one', article: 'domain.md §1 [V]' },
  'non-boundary': { text: 'only for a dossier received outside the competent agency’s area (nonBoundary)', article: 'Decree 118/2025 Art 16; Decree 309/2026 [S]' },
  'known-step': { text: 'the step is one of the procedure’s steps, or the event gives its agency and budget (internal step)', article: 'Decree 118/2025 Art 20(2) [V]' },
  'step-not-open': { text: 'the step is not already in progress', article: 'control slip practice [S]' },
  'step-open': { text: 'the step is in progress', article: 'control slip practice [S]' },
  'supplement-once': { text: 'a supplement after appraisal is requested only once (policy repeatedSupplements: "accept" records more)', article: 'Decree 118/2025 Art 19(5); Decree 61/2018 Art 19(4) [V]' },
  'supplement-closure-period': {
    text: 'closure only after the period following the request: 15 calendar days by default, ending on the next working day when its last day is a day off; a procedure may set its own period (supplement.closure)',
    article: 'Decree 118/2025 Art 19(5) [V]; Civil Code 2015 Art 147-148 [V]',
  },
  'clock-stop-reason-of-procedure': { text: 'the clock-stop reason is one of the procedure’s clockStops', article: 'specialised law, procedure data [S]' },
  'clock-running': { text: 'the processing clock has started (non-boundary dossiers under Decree 309/2026 wait for the competent agency)', article: 'Decree 118/2025 Art 17(3) [V]; Decree 309/2026 [S]' },
  'extension-once': { text: 'the due date is extended only once', article: 'Decree 118/2025 Art 19(6) [V]; Decree 61/2018 Art 19 [S]' },
  'extension-notice': { text: 'the apology letter comes at least 1 day before the due date', article: 'Decree 118/2025 Art 19(6) [V]' },
  'extension-later-date': { text: 'the new date is later than the due date in force', article: 'Decree 118/2025 Art 19(6) [V]' },
  'extension-working-day': { text: 'the new date is a working day of the calendar (a result is returned on a working day)', article: 'Decree 118/2025 Art 19(6) [V]; working calendar [S]' },
  'dossier-code': {
    text: 'a dossier code given on the receipt has the form <agency ID>-<YYMMDD>-<sequence> and is dated the receipt date',
    article: 'Circular 01/2018/TT-VPCP Art 19 [S]; Circular 03/2025/TT-VPCP Art 13(3) as added by Circular 04/2025 [?]',
  },
  'fee-not-paid': { text: 'a fee is assessed (or re-assessed) only before it is paid', article: 'fee and charge law; portal practice [S]' },
  'fee-assessed': { text: 'a payment needs an assessed fee above 0 that is not paid yet', article: 'fee and charge law; Decision 766 index 3.6 [S]' },
  'fee-paid': { text: 'a refund needs a fee that was paid and not refunded', article: 'fee and charge law [S]' },
  'transfer-once': { text: 'the one-stop desk transfers the dossier to the competent agency once', article: 'Decree 118/2025 Art 18(2), 20(1)(a) [V for the article; once: S]' },
  'withdrawal-online-before-receipt': {
    text: 'before official receipt, only an online applicant may ask to stop (from the moment the system received the dossier, also while an intake supplement is pending)',
    article: 'Decree 118/2025 Art 21(2) ("kể từ thời điểm hệ thống tiếp nhận thành công") [S: wording as quoted in issue #15, not read in the gazette]',
  },
};

const PENDING: readonly DossierState[] = ['received', 'in-process'];
const PAUSED: readonly DossierState[] = ['supplement', 'financial-obligation', 'clock-stopped'];
const BEFORE_RECEIPT: readonly DossierState[] = ['submitted', 'intake-supplement'];
/** States where a fee can be assessed or paid: from submission to the result. */
const FEE_STATES: readonly DossierState[] = [...BEFORE_RECEIPT, ...PENDING, ...PAUSED, 'resolved'];

/**
 * The transition table (bảng chuyển trạng thái) as plain data, versioned by rule set. `evolve`
 * interprets it; the lifecycle diagram in the docs is rendered from it by `toMermaid`.
 *
 * @example
 * ```ts
 * import { TRANSITIONS } from 'motcua/dossier';
 * TRANSITIONS.find((t) => t.event === 'supplement-expired')?.ruleSets; // ['decree-118-2025', 'decree-118-2025-309-2026']
 * ```
 */
export const TRANSITIONS: readonly Transition[] = [
  { event: 'submitted', from: ['none'], to: 'submitted', guards: [], article: 'Decree 118/2025 Art 17(2) [V]' },
  { event: 'intake-supplement-requested', from: ['none', 'submitted'], to: 'intake-supplement', guards: [], article: 'Decree 118/2025 Art 17(1)(a), 17(2) [V]' },
  { event: 'intake-supplemented', from: ['intake-supplement'], to: 'submitted', guards: [], article: 'Decree 118/2025 Art 17(1)(a) [V]' },
  { event: 'rejected', from: ['none', 'submitted', 'intake-supplement'], to: 'rejected', guards: [], article: 'Decree 118/2025 Art 17(1)(b) [V]' },
  { event: 'received', from: ['none', 'submitted'], to: 'received', guards: ['rule-set-in-force', 'dossier-code'], article: 'Decree 118/2025 Art 17(1)(c), 17(2), 17(3) [V]' },
  { event: 'agency-received', from: PENDING, to: 'same', guards: ['non-boundary'], article: 'Decree 309/2026 [S]' },
  { event: 'step-started', from: PENDING, to: 'in-process', guards: ['known-step', 'step-not-open'], article: 'Decree 118/2025 Art 18, 20(2) [V]' },
  { event: 'step-completed', from: ['in-process'], to: 'same', guards: ['step-open'], article: 'Decree 118/2025 Art 20(2) [V]' },
  { event: 'supplement-requested', from: PENDING, to: 'supplement', guards: ['clock-running', 'supplement-once'], article: 'Decree 118/2025 Art 19(5); Decree 61/2018 Art 19(4) [V]' },
  { event: 'supplement-received', from: ['supplement'], to: 'resume', targets: PENDING, guards: [], article: 'Decree 118/2025 Art 19(5) [V]' },
  {
    event: 'supplement-expired',
    from: ['supplement'],
    to: 'closed-no-supplement',
    guards: ['supplement-closure-period'],
    ruleSets: ['decree-118-2025', 'decree-118-2025-309-2026'],
    article: 'Decree 118/2025 Art 19(5) [V]',
  },
  {
    event: 'clock-stopped',
    from: PENDING,
    to: 'by-reason',
    targets: ['financial-obligation', 'clock-stopped'],
    guards: ['clock-running', 'clock-stop-reason-of-procedure'],
    article: 'specialised law (Land Law: financial obligations, public posting) [S]',
  },
  { event: 'clock-resumed', from: ['financial-obligation', 'clock-stopped'], to: 'resume', targets: PENDING, guards: [], article: 'specialised law [S]' },
  { event: 'extended', from: PENDING, to: 'same', guards: ['clock-running', 'extension-once', 'extension-notice', 'extension-later-date', 'extension-working-day'], article: 'Decree 118/2025 Art 19(6) [V]' },
  { event: 'refused', from: PENDING, to: 'refused', guards: [], article: 'Decree 118/2025 Art 19(3) [V]' },
  {
    event: 'withdrawal-requested',
    from: [...BEFORE_RECEIPT, ...PENDING, ...PAUSED],
    to: 'withdrawal-requested',
    guards: ['withdrawal-online-before-receipt'],
    article: 'Decree 118/2025 Art 21(1), 21(2) [V]',
  },
  { event: 'withdrawal-declined', from: ['withdrawal-requested'], to: 'resume', targets: [...BEFORE_RECEIPT, ...PENDING, ...PAUSED], guards: [], article: 'Decree 118/2025 Art 21 [S]' },
  { event: 'stopped', from: [...PENDING, ...PAUSED, 'withdrawal-requested'], to: 'stopped', guards: [], article: 'Decree 118/2025 Art 21 [V]' },
  { event: 'resolved', from: PENDING, to: 'resolved', guards: [], article: 'Decree 118/2025 Art 19 [V]' },
  { event: 'returned', from: ['resolved', 'refused'], to: 'returned', guards: [], article: 'Decree 118/2025 Art 22 [V]' },
  { event: 'correction-requested', from: ['returned'], to: 'correction', guards: [], article: 'Decree 118/2025 Art 23 [V]' },
  { event: 'corrected', from: ['correction'], to: 'returned', guards: [], article: 'Decree 118/2025 Art 23 [V]' },
  { event: 'transferred', from: ['received'], to: 'same', guards: ['transfer-once'], article: 'Decree 118/2025 Art 18(2), 20(1)(a) [V]' },
  { event: 'fee-assessed', from: FEE_STATES, to: 'same', guards: ['fee-not-paid'], article: 'fee and charge law [S]' },
  { event: 'fee-paid', from: FEE_STATES, to: 'same', guards: ['fee-assessed'], article: 'fee and charge law; Decision 766 index 3.6 [S]' },
  { event: 'fee-refunded', from: [...FEE_STATES, 'withdrawal-requested', 'refused'], to: 'same', guards: ['fee-paid'], article: 'fee and charge law (refund on withdrawal) [S]' },
];

/**
 * Every event type of the table, in table order.
 *
 * @example
 * ```ts
 * import { DOSSIER_EVENT_TYPES } from 'motcua/dossier';
 * DOSSIER_EVENT_TYPES.includes('extended'); // true
 * ```
 */
export const DOSSIER_EVENT_TYPES: readonly DossierEventType[] = [...new Set(TRANSITIONS.map((t) => t.event))];
