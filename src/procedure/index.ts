/**
 * `motcua/procedure`: the model of an administrative procedure (thủ tục hành chính) as plain data,
 * catalogue lookups, per-channel limits and due dates. No zod: validate with `motcua/schema`.
 *
 * @module procedure
 */
export type * from './types';
export { PROCEDURE_CODE_PATTERN, isProcedureCode, nationalCode } from './codes';
export { PROCEDURE_LABELS, labelOf } from './labels';
export type { AttributeLabel } from './labels';
export { procedureLimit } from './procedureLimit';
export { dueDateFor } from './dueDateFor';
export { findProcedure, proceduresByField, proceduresByAgency } from './catalog';
export type { AgencyQuery } from './catalog';
export { stepsTotal, stepBudgetProblems } from './stepBudgets';
export type { StepBudgetProblem } from './stepBudgets';
export { sampleCatalog } from './sample';
export { MotcuaError, isMotcuaError, messageOf } from '../errors';
export type { ErrorTexts } from '../errors';
export type { MotcuaErrorCode } from '../errors';
