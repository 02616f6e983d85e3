// The committed JSON Schemas (docs/*.schema.json) are generated from the zod schema.
// Regenerate with: UPDATE_SCHEMA=1 npx vitest run test/procedure/jsonSchema.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sampleCatalog } from '../../src/procedure/index';
import { procedureJsonSchema } from '../../src/schema/index';

const root = fileURLToPath(new URL('../../', import.meta.url));

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; additionalProperties?: boolean | Schema; items?: Schema; enum?: unknown[]; anyOf?: Schema[]; pattern?: string; minimum?: number; minItems?: number; const?: unknown; minLength?: number };

/** A tiny checker for the subset of JSON Schema that zod emits here (no dependency on a validator). */
function check(s: Schema, v: unknown, path = '$'): string[] {
  if (s.anyOf) return s.anyOf.some((x) => check(x, v, path).length === 0) ? [] : [`${path}: no anyOf branch matches`];
  if (s.const !== undefined && v !== s.const) return [`${path}: const`];
  if (s.enum && !s.enum.includes(v)) return [`${path}: enum`];
  const types = s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
  const typeOf = v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' && Number.isInteger(v) ? 'integer' : typeof v;
  if (types.length && !types.includes(typeOf) && !(typeOf === 'integer' && types.includes('number'))) return [`${path}: type ${typeOf} not ${types.join('|')}`];
  const out: string[] = [];
  if (typeof v === 'string' && s.pattern && !new RegExp(s.pattern).test(v)) out.push(`${path}: pattern`);
  if (typeof v === 'string' && s.minLength !== undefined && v.length < s.minLength) out.push(`${path}: minLength`);
  if (typeof v === 'number' && s.minimum !== undefined && v < s.minimum) out.push(`${path}: minimum`);
  if (Array.isArray(v)) {
    if (s.minItems !== undefined && v.length < s.minItems) out.push(`${path}: minItems`);
    if (s.items) v.forEach((x, i) => out.push(...check(s.items!, x, `${path}[${i}]`)));
  } else if (typeof v === 'object' && v !== null) {
    for (const r of s.required ?? []) if (!(r in v)) out.push(`${path}.${r}: required`);
    for (const [k, x] of Object.entries(v)) {
      const p = s.properties?.[k];
      if (p) out.push(...check(p, x, `${path}.${k}`));
      else if (s.additionalProperties === false) out.push(`${path}.${k}: additional property`);
      else if (typeof s.additionalProperties === 'object') out.push(...check(s.additionalProperties, x, `${path}.${k}`));
    }
  }
  return out;
}

describe('JSON Schema export', () => {
  for (const which of ['procedure', 'catalog'] as const) {
    it(`docs/${which}.schema.json is the schema generated from zod`, () => {
      const file = `${root}docs/${which}.schema.json`;
      const generated = `${JSON.stringify(procedureJsonSchema(which), null, 2)}\n`;
      if (process.env.UPDATE_SCHEMA) writeFileSync(file, generated);
      expect(readFileSync(file, 'utf8')).toBe(generated);
    });
  }

  it('the sample catalogue validates against the JSON Schema, and a broken one does not', () => {
    const schema = procedureJsonSchema('catalog') as Schema;
    expect(check(schema, JSON.parse(JSON.stringify(sampleCatalog)))).toEqual([]);
    const broken = JSON.parse(JSON.stringify(sampleCatalog));
    broken.procedures[0].code = '1.1193';
    broken.procedures[1].channels[0].channel = 'fax';
    broken.procedures[2].channels[0].limit.amount = -1;
    delete broken.procedures[3].channels[0].limit;
    broken.procedures[4].colour = 'blue';
    expect(check(schema, broken)).toEqual([
      '$.procedures[0].code: pattern',
      '$.procedures[1].channels[0].channel: enum',
      '$.procedures[2].channels[0].limit.amount: minimum',
      '$.procedures[3].channels[0].limit: required',
      '$.procedures[4].colour: additional property',
    ]);
  });
});
