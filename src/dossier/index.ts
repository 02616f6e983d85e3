/**
 * `motcua/dossier`: the dossier state machine (vòng đời hồ sơ một cửa). A typed transition table as
 * plain data, versioned by rule set (Decree 61/2018, Decree 118/2025, Decree 309/2026); a pure
 * `evolve(dossier, event)` and `replay(events, ctx)`; due dates through the working calendar;
 * queries for the state at an instant, timeliness and the control slip.
 *
 * @module dossier
 */
export type * from './types';
export { initial } from './initial';
export type { DossierContext } from './initial';
export { evolve } from './evolve';
export { replay } from './replay';
export type { ReplayOptions } from './replay';
export { replayMany } from './replayMany';
export type { ReplayLog, ReplayManyOptions, TimedEvent } from './replayMany';
export { statusAt } from './statusAt';
export type { DossierStatus } from './statusAt';
export { timeliness } from './timeliness';
export type { LateStep, TimelinessOptions, TimelinessResult } from './timeliness';
export { controlSlip } from './controlSlip';
export type { ControlSlipRow } from './controlSlip';
export { DOSSIER_STATES, NATIONAL_CODE_CHOICES, NATIONAL_STATUS_CODES, statusCodeOf } from './states';
export type { StateInfo } from './states';
export { RULE_SETS, ruleSetFor } from './ruleSets';
export type { RuleSet } from './ruleSets';
export { TRANSITIONS, GUARDS, DOSSIER_EVENT_TYPES } from './table';
export type { GeneralRule, GuardId, Transition } from './table';
export { toMermaid } from './mermaid';
export { DossierError, isDossierError } from './errors';
export { DEFAULT_DOSSIER_POLICY } from './_lib/context';
export { MotcuaError, isMotcuaError, messageOf } from '../errors';
export type { ErrorTexts } from '../errors';
export { formatDossierCode, parseDossierCode, checkDossierCode } from './code';
export type { DossierCodeFormat, DossierCodeParts, ParsedDossierCode } from './code';
export { paymentOf, receiptOf } from './payment';
export type { DossierPayment, DossierReceipt, FeeStatus } from './payment';
export { dateText, instantText } from './summary';
export type { DossierSummary, SupplementWaitMs } from './summary';
