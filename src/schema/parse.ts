import { errorNamingField, MotcuaError } from '../errors';
import type { Catalog, Procedure } from '../procedure/types';
import { catalogCrossChecks, procedureCrossChecks } from './crossChecks';
import { fromZod, issueAt } from './issues';
import type { ParseIssue } from './issues';
import { schemasFor } from './procedure';
import type { UnknownKeys } from './procedure';

/** Options of the parse functions. */
export interface ParseOptions {
  /** Fields the model does not know: `reject` (default: one issue each) or `keep` (returned as given). Never dropped. */
  readonly unknownKeys?: UnknownKeys;
}

/** The result of a parse: the value, or every issue found. */
export type ParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly ParseIssue[] };

/** A {@link MotcuaError} (`INVALID_INPUT`) carrying every issue. */
export type ParseError = MotcuaError & { readonly issues: readonly ParseIssue[] };

function sortIssues(issues: ParseIssue[]): ParseIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.at}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Validate a procedure (kiểm tra dữ liệu thủ tục hành chính) read from JSON: structure, units,
 * codes, and the cross-field rules (step budgets add up to the limit, no channel twice, every
 * cited document listed). Returns every issue at once, each with its path and a message.
 *
 * @example
 * ```ts
 * import { parseProcedure } from 'motcua/schema';
 * const r = parseProcedure({ code: '1.1193', name: 'Đăng ký khai sinh' });
 * if (!r.ok) r.issues.map((i) => i.at); // ['code', 'field', 'agency', 'channels', …]
 * ```
 */
export function parseProcedure(input: unknown, options: ParseOptions = {}): ParseResult<Procedure> {
  const mode = options.unknownKeys ?? 'reject';
  const r = safeParse(schemasFor(mode).procedure, input, []);
  const issues = sortIssues([...r.issues, ...procedureCrossChecks(input, [], mode)]);
  return issues.length === 0 && r.ok ? { ok: true, value: r.value as Procedure } : { ok: false, issues };
}

/** What {@link safeParse} needs of a zod schema. */
interface Schema {
  safeParse(input: unknown, ctx: { reportInput: boolean }): { success: true; data: unknown } | { success: false; error: { issues: Parameters<typeof fromZod>[0] } };
}

/**
 * A zod parse whose issues are turned into {@link ParseIssue}s under `prefix`. zod spreads the issues
 * of a child into its parent's (`push(...issues)`): with more than about 120,000 of them that
 * overflows the stack, and a deeply nested input can too. That becomes one issue at `prefix` saying
 * so, never a `RangeError` (#14).
 */
function safeParse(schema: Schema, input: unknown, prefix: readonly (string | number)[]): { ok: boolean; value: unknown; issues: ParseIssue[] } {
  let r: ReturnType<Schema['safeParse']>;
  try {
    r = schema.safeParse(input, { reportInput: true });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return { ok: false, value: undefined, issues: [issueAt(prefix, { vi: 'quá nhiều lỗi (hoặc lồng quá sâu) để liệt kê hết; hãy sửa các lỗi đầu tiên rồi kiểm tra lại', en: 'too many problems (or nesting too deep) to list them all; fix the first ones and parse again' })] };
  }
  return r.success ? { ok: true, value: r.data, issues: [] } : { ok: false, value: undefined, issues: fromZod(r.error.issues, prefix) };
}

/**
 * Validate a catalogue `{ meta?, procedures }` (danh mục thủ tục): every procedure as
 * {@link parseProcedure} does, and no code twice. Returns every issue at once.
 *
 * @example
 * ```ts
 * import { parseCatalog } from 'motcua/schema';
 * import { sampleCatalog } from 'motcua/procedure';
 * parseCatalog(JSON.parse(JSON.stringify(sampleCatalog))).ok; // true
 * ```
 */
export function parseCatalog(input: unknown, options: ParseOptions = {}): ParseResult<Catalog> {
  const mode = options.unknownKeys ?? 'reject';
  const schemas = schemasFor(mode);
  const procs: unknown = typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as { procedures?: unknown }).procedures : undefined;
  let ok: boolean;
  let value: unknown;
  const found: ParseIssue[] = [];
  if (Array.isArray(procs)) {
    // each procedure parsed on its own, so a catalogue with any number of issues returns them all (#14)
    const top = safeParse(schemas.catalog, { ...(input as object), procedures: [] }, []);
    ok = top.ok;
    for (const i of top.issues) found.push(i);
    const parsed: unknown[] = [];
    for (let k = 0; k < procs.length; k++) {
      const r = safeParse(schemas.procedure, procs[k], ['procedures', k]);
      if (r.ok) parsed.push(r.value);
      else {
        ok = false;
        for (const i of r.issues) found.push(i);
      }
    }
    value = ok ? { ...(top.value as object), procedures: parsed } : undefined;
  } else {
    const r = safeParse(schemas.catalog, input, []);
    ok = r.ok;
    value = r.value;
    for (const i of r.issues) found.push(i);
  }
  for (const i of catalogCrossChecks(input, mode)) found.push(i);
  const issues = sortIssues(found);
  return issues.length === 0 && ok ? { ok: true, value: value as Catalog } : { ok: false, issues };
}

/**
 * The error of a failed parse: the summary first (`thủ tục hành chính không hợp lệ: 4 lỗi:`), then
 * each issue on its own line with its path (the first 20); `field` is the first issue's path.
 */
function orThrow<T>(r: ParseResult<T>, what: 'procedure' | 'catalogue', input: unknown): T {
  if (r.ok) return r.value;
  const n = r.issues.length;
  const head = r.issues.slice(0, 20).map((i) => `  - ${i.message}`).join('\n');
  const headVi = r.issues.slice(0, 20).map((i) => `  - ${i.texts.vi}`).join('\n');
  const more = n > 20 ? `\n  … and ${n - 20} more` : '';
  const moreVi = n > 20 ? `\n  … và ${n - 20} lỗi khác` : '';
  const whatVi = what === 'procedure' ? 'thủ tục hành chính' : 'danh mục thủ tục hành chính';
  const texts = { vi: `${whatVi} không hợp lệ: ${n} lỗi:\n${headVi}${moreVi}`, en: `invalid ${what}: ${n} issue${n === 1 ? '' : 's'}:\n${head}${more}` };
  // the summary leads the message; the first issue's path is the error's field, not a prefix of it
  const e = r.issues[0] === undefined ? new MotcuaError('INVALID_INPUT', texts, input) : errorNamingField('INVALID_INPUT', texts, input, r.issues[0].at);
  throw Object.assign(e, { issues: r.issues }) as ParseError;
}

/**
 * Like {@link parseProcedure}, but returns the procedure or throws a {@link ParseError} carrying every issue.
 *
 * @throws {MotcuaError} `INVALID_INPUT` with `issues`.
 * @example
 * ```ts
 * import { parseProcedureOrThrow } from 'motcua/schema';
 * import { isMotcuaError } from 'motcua/calendar';
 * try {
 *   parseProcedureOrThrow({});
 * } catch (e) {
 *   if (isMotcuaError(e, 'INVALID_INPUT')) console.log((e as unknown as { issues: unknown[] }).issues.length);
 * }
 * ```
 */
export function parseProcedureOrThrow(input: unknown, options?: ParseOptions): Procedure {
  return orThrow(parseProcedure(input, options), 'procedure', input);
}

/**
 * Like {@link parseCatalog}, but returns the catalogue or throws a {@link ParseError} carrying every issue.
 *
 * @throws {MotcuaError} `INVALID_INPUT` with `issues`.
 * @example
 * ```ts
 * import { parseCatalogOrThrow } from 'motcua/schema';
 * const catalog = parseCatalogOrThrow({ procedures: [] });
 * catalog.procedures.length; // 0
 * ```
 */
export function parseCatalogOrThrow(input: unknown, options?: ParseOptions): Catalog {
  return orThrow(parseCatalog(input, options), 'catalogue', input);
}
