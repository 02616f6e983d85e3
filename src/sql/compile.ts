/**
 * Compiles the KPI definitions (src/kpi/definitions.ts) to SQL boolean expressions. Every
 * comparison is wrapped in COALESCE(…, FALSE) so the SQL is two-valued, as the JS accumulator is:
 * a comparison with NULL is false, and NOT of it true, in both.
 * @internal
 * @module
 */
import type { SummaryPolicy } from '../kpi/accumulator';
import { type Condition, type DateTerm, DERIVED_CONDITIONS, DERIVED_TERMS, DERIVED_TEXT, type PolicyTest, type TextTerm } from '../kpi/definitions';
import type { DossierRecord } from '../kpi/types';

/** What the compiler needs: column names, parameter literals and the policy (constants). */
export interface CompileContext {
  readonly columns: Record<keyof DossierRecord, string>;
  readonly from: string;
  readonly asOf: string;
  readonly policy: SummaryPolicy;
  /** Names of the columns holding the derived terms (`end`, `due`, `endKind`) in the CTE. */
  readonly derived: { readonly end: string; readonly due: string; readonly judgedEnd: string; readonly endKind: string };
  /** Derived conditions already computed as columns (named `motcua_c_<snake_name>`). */
  readonly conditionColumns?: ReadonlySet<string>;
}

const TRUE = 'TRUE';
const FALSE = 'FALSE';

function policyTest(p: PolicyTest, ctx: CompileContext): boolean {
  return ctx.policy[p.policy] === p.is;
}

const dateLiteral = (d: string) => `DATE '${d}'`;

/** A date term as SQL (may be NULL). @internal */
export function sqlDate(t: DateTerm, ctx: CompileContext, inline = false): string {
  if ('column' in t) return ctx.columns[t.column];
  if ('param' in t) return dateLiteral(t.param === 'from' ? ctx.from : ctx.asOf);
  if ('term' in t) return inline ? sqlDate(DERIVED_TERMS[t.term], ctx, true) : ctx.derived[t.term];
  if ('coalesce' in t) return `COALESCE(${t.coalesce.map((x) => sqlDate(x, ctx, inline)).join(', ')})`;
  if ('ifCond' in t) return `CASE WHEN ${sqlCond(t.ifCond, ctx, inline)} THEN ${sqlDate(t.then, ctx, inline)} ELSE ${sqlDate(t.else, ctx, inline)} END`;
  return policyTest(t.ifPolicy, ctx) ? sqlDate(t.then, ctx, inline) : sqlDate(t.else, ctx, inline);
}


const str = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** A text term as SQL (may be NULL). @internal */
export function sqlText(t: TextTerm, ctx: CompileContext, inline = false): string {
  if ('column' in t) return ctx.columns[t.column];
  if ('derived' in t) return inline ? sqlText(DERIVED_TEXT[t.derived], ctx, true) : ctx.derived[t.derived];
  return `CASE WHEN ${sqlCond(t.when, ctx, inline)} THEN ${str(t.then)} ELSE ${sqlText(t.else, ctx, inline)} END`;
}

function and(parts: string[]): string {
  if (parts.includes(FALSE)) return FALSE;
  const rest = parts.filter((p) => p !== TRUE);
  return rest.length === 0 ? TRUE : rest.length === 1 ? rest[0]! : `(${rest.join(' AND ')})`;
}

function or(parts: string[]): string {
  if (parts.includes(TRUE)) return TRUE;
  const rest = parts.filter((p) => p !== FALSE);
  return rest.length === 0 ? FALSE : rest.length === 1 ? rest[0]! : `(${rest.join(' OR ')})`;
}

function not(p: string): string {
  return p === TRUE ? FALSE : p === FALSE ? TRUE : `NOT ${p}`;
}

/**
 * A condition as a two-valued SQL boolean expression (never NULL), policy tests folded to
 * constants. With `inline`, derived terms are expanded instead of referring to CTE columns.
 * @internal
 */
export function sqlCond(c: Condition, ctx: CompileContext, inline = false): string {
  if ('all' in c) return and(c.all.map((x) => sqlCond(x, ctx, inline)));
  if ('any' in c) return or(c.any.map((x) => sqlCond(x, ctx, inline)));
  if ('not' in c) return not(sqlCond(c.not, ctx, inline));
  if ('compare' in c) return `COALESCE(${sqlDate(c.left, ctx, inline)} ${c.compare} ${sqlDate(c.right, ctx, inline)}, FALSE)`;
  if ('isNull' in c) return `(${sqlDate(c.isNull, ctx, inline)} IS NULL)`;
  if ('flag' in c) return `COALESCE(${ctx.columns[c.flag]}, FALSE)`;
  if ('text' in c) return `COALESCE(${sqlText(c.text, ctx, inline)} = ${str(c.equals)}, FALSE)`;
  if ('moreSupplementsThan' in c) return `COALESCE(${ctx.columns.supplements} > ${c.moreSupplementsThan}, FALSE)`;
  if ('ref' in c) return ctx.conditionColumns?.has(c.ref) ? `motcua_c_${c.ref.replace(/[A-Z]/g, (x) => `_${x.toLowerCase()}`)}` : sqlCond(DERIVED_CONDITIONS[c.ref], ctx, inline);
  return policyTest(c, ctx) ? TRUE : FALSE;
}
