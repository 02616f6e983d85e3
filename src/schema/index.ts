/**
 * `motcua/schema`: zod (zod/mini) schemas of the procedure model, the parse functions that
 * return every issue at once, and the JSON Schema export. Kept apart from `motcua/procedure`
 * so that the calculator and the state machine do not load zod.
 *
 * @module schema
 */
export {
  procedureSchema,
  catalogSchema,
  CHANNELS,
  AGENCY_LEVELS,
  ONLINE_LEVELS,
  CLOCK_STOP_REASONS,
  BASES,
  SOURCE_STATUSES,
  PUBLISHED_UNITS,
} from './procedure';
export type { ProcedureData, CatalogData, UnknownKeys } from './procedure';
export { parseProcedure, parseCatalog, parseProcedureOrThrow, parseCatalogOrThrow } from './parse';
export type { ParseOptions, ParseResult, ParseError } from './parse';
export type { ParseIssue } from './issues';
export { procedureJsonSchema } from './jsonSchema';
