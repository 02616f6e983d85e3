/**
 * `motcua/kpi`: Biểu II.06a, rates and report checking from dossier records, or from event logs
 * replayed through the state machine of `motcua/dossier`.
 *
 * @module kpi
 */
export type * from './types';
export { period } from './period';
export type { Period } from './period';
export { add, CONVENTIONS, createAccumulator, DEFAULT_POLICY, emptyCounts, merge } from './accumulator';
export type { Accumulator, ConventionName, EndPlacement, GroupKey, SummaryPolicy } from './accumulator';
export { checkIdentities, result, summarize } from './result';
export type { Identity, Summary, SummaryRow } from './result';
export { formatRate, rate, rates } from './rates';
export { checkReport } from './checkReport';
export { checkText, extractClaims } from './checkText';
export type { CheckTextOptions, ExtractedClaim, TextCheck, TextClaim, TextClaimKind, TextVerdict } from './checkText';
export { indices766 } from './indices766';
export { score766 } from './score766';
export type { Group766, Point766, PointStatus, Score766, Score766Options } from './score766';
export { addHandlingTime, createHandlingTime, handlingTime766, handlingTimeResult, mergeHandlingTime } from './handlingTime766';
export type { HandlingTime766, HandlingTimeOptions, HandlingTimeRow, HandlingTimeState, HandlingTimeSums, SupplementWait } from './handlingTime766';
export { hasFinancialObligation, indicesCatalog } from './indicesCatalog';
export type { CatalogIndicesOptions, Publication } from './indicesCatalog';
export { endOf } from './endOf';
export type { EndEvents } from './endOf';
export { validateRecord } from './validateRecord';
export { readJsonRecordBatches, readJsonRecords } from './readJson';
export { parseCsv, parseCsvBatches } from './csv';
export type { CsvRow } from './csv';
export { readRecordBatches, readRecords, recordFromObject } from './readRecords';
export { sampleRecords } from './sample';
export { EventLogError, isEventLogError, recordAndWaitsFromLog, recordFromLog, recordsFromEventStream } from './fromLog';
export { rejectionTexts } from './reasonTexts';
export type { EventLine, EventLogProblem, EventStreamOptions, EventStreamResult, LogProcedure, RecordFacts, RecordFromLogOptions } from './fromLog';
export type { ColumnMapping, EndEventField, EndTarget, ReadResult, RecordField, RecordReadOptions, ValueMaps, ValueOptions } from './readRecords';
export { regroup } from './regroup';
export { FORM_COLUMNS, FORM_FLAT_HEADINGS, FORM_HEADINGS, formII06a, formII06aCsv, LEVEL_NAMES, periodInWords, RATE_NAMES } from './form';
export type { FormII06a, FormRow } from './form';
export { DVCQG_COLUMNS, DVCQG_UNUSED, presetMapping, PRESETS } from './presets';
export type { PresetColumn } from './presets';
export type { Index766, Indices766Options } from './indices766';
export type { Claims, RateVerdict, ReportCheck, SumVerdict } from './checkReport';
export type { FormatOptions, Rates, Rounding } from './rates';
export { MotcuaError, isMotcuaError, messageOf } from '../errors';
export type { ErrorTexts } from '../errors';
export type { MotcuaErrorCode } from '../errors';
export { figuresByColumn } from './columns';
