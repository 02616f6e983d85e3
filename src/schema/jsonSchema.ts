import * as z from 'zod/mini';
import { catalogSchema, procedureSchema } from './procedure';

/**
 * The JSON Schema (draft 2020-12) of a procedure or a catalogue, generated from the zod schema,
 * for portals written in other languages. Structure only: the cross-field rules of
 * `parseProcedure` (step budgets, duplicate channels and codes, cited documents) are listed in
 * the description. Committed as `docs/procedure.schema.json` and `docs/catalog.schema.json`.
 *
 * @example
 * ```ts
 * import { procedureJsonSchema } from 'motcua/schema';
 * procedureJsonSchema('procedure').$schema; // 'https://json-schema.org/draft/2020-12/schema'
 * ```
 */
export function procedureJsonSchema(which: 'procedure' | 'catalog' = 'procedure'): Record<string, unknown> {
  const schema = z.toJSONSchema(which === 'procedure' ? procedureSchema : catalogSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return {
    $schema,
    title: which === 'procedure' ? 'motcua procedure (thủ tục hành chính)' : 'motcua catalogue (danh mục thủ tục hành chính)',
    description:
      'Generated from the zod schema of motcua/schema. Rules not expressible here, checked by parseProcedure / parseCatalog: ' +
      'a same-day limit has amount 0 or 1; a calendar-day limit is a whole number; no channel twice in a procedure; ' +
      'step budgets add up (sequential) or have a longest budget (parallel) equal to every channel limit, in one unit; ' +
      'every document id cited in a provenance is listed in sources.documents; no procedure code twice in a catalogue.',
    ...rest,
  };
}
