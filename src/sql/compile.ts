/**
 * Compiles the KPI definitions (src/kpi/definitions.ts) to SQL predicates, two-valued as the JS
 * accumulator is: a comparison with a NULL operand is false (each operand that may be NULL is
 * tested with IS NOT NULL first), and NOT of it true, in every dialect. Predicates, not boolean
 * values, so SQL Server (which has no BOOLEAN) takes them too; the constructs that differ between
 * dialects come from {@link DialectSql}.
 * @internal
 * @module
 */
import type { SummaryPolicy } from '../kpi/accumulator';
import { type Condition, type DateTerm, DERIVED_CONDITIONS, DERIVED_TERMS, DERIVED_TEXT, type PolicyTest, type TextTerm } from '../kpi/definitions';
import type { DossierRecord } from '../kpi/types';
import type { DialectSql } from './dialect';

/** What the compiler needs: the dialect, column names, parameter literals and the policy (constants). */
export interface CompileContext {
  readonly dialect: DialectSql;
  readonly columns: Record<keyof DossierRecord, string>;
  readonly from: string;
  readonly asOf: string;
  readonly policy: SummaryPolicy;
  /** Names of the columns holding the derived terms (`end`, `due`, `endKind`) in the CTE. */
  readonly derived: { readonly end: string; readonly due: string; readonly judgedEnd: string; readonly endKind: string };
  /** Derived conditions already computed as 0/1 columns (named {@link conditionColumn}). */
  readonly conditionColumns?: ReadonlySet<string>;
}

/** Internal constants of the folding; turned into the dialect's predicates by {@link predicate}. */
const TRUE = '\u0000TRUE';
const FALSE = '\u0000FALSE';

/** The 0/1 column holding a derived condition: `motcua_c_<snake_name>`. @internal */
export function conditionColumn(name: string): string {
  return `motcua_c_${name.replace(/[A-Z]/g, (x) => `_${x.toLowerCase()}`)}`;
}

function policyTest(p: PolicyTest, ctx: CompileContext): boolean {
  return ctx.policy[p.policy] === p.is;
}

/** A date term as SQL (may be NULL). @internal */
export function sqlDate(t: DateTerm, ctx: CompileContext, inline = false): string {
  if ('column' in t) return ctx.columns[t.column];
  if ('param' in t) return ctx.dialect.date(t.param === 'from' ? ctx.from : ctx.asOf);
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
  return `CASE WHEN ${predicate(sqlCond(t.when, ctx, inline), ctx)} THEN ${str(t.then)} ELSE ${sqlText(t.else, ctx, inline)} END`;
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
  return p === TRUE ? FALSE : p === FALSE ? TRUE : `NOT (${p})`;
}

/** A date term that can never be NULL (a parameter literal) needs no IS NOT NULL guard. */
function nullable(t: DateTerm): boolean {
  return !('param' in t);
}

/**
 * A condition as a two-valued SQL predicate (never UNKNOWN), policy tests folded to constants.
 * The result may be one of the internal constants: pass it through {@link predicate} or
 * {@link flag} before emitting it. With `inline`, derived terms are expanded instead of referring
 * to CTE columns.
 * @internal
 */
export function sqlCond(c: Condition, ctx: CompileContext, inline = false): string {
  if ('all' in c) return and(c.all.map((x) => sqlCond(x, ctx, inline)));
  if ('any' in c) return or(c.any.map((x) => sqlCond(x, ctx, inline)));
  if ('not' in c) return not(sqlCond(c.not, ctx, inline));
  if ('compare' in c) {
    const l = sqlDate(c.left, ctx, inline);
    const r = sqlDate(c.right, ctx, inline);
    const guards = [...(nullable(c.left) ? [`${l} IS NOT NULL`] : []), ...(nullable(c.right) ? [`${r} IS NOT NULL`] : [])];
    return `(${[...guards, `${l} ${c.compare} ${r}`].join(' AND ')})`;
  }
  if ('isNull' in c) return `(${sqlDate(c.isNull, ctx, inline)} IS NULL)`;
  if ('flag' in c) return `(${ctx.dialect.isTrue(ctx.columns[c.flag])})`;
  // A NULL text equals no non-empty constant; JS's null === '' is false too.
  if ('text' in c) {
    const t = sqlText(c.text, ctx, inline);
    return c.equals === '' ? `(${t} IS NOT NULL AND ${t} = '')` : `(COALESCE(${t}, '') = ${str(c.equals)})`;
  }
  // JS compares a missing count as 0 (null > n is 0 > n).
  if ('moreSupplementsThan' in c) return `(COALESCE(${ctx.columns.supplements}, 0) > ${c.moreSupplementsThan})`;
  if ('ref' in c) return ctx.conditionColumns?.has(c.ref) ? `(${conditionColumn(c.ref)} = 1)` : sqlCond(DERIVED_CONDITIONS[c.ref], ctx, inline);
  return policyTest(c, ctx) ? TRUE : FALSE;
}

/** A compiled condition as a predicate of the dialect (constants as `1 = 1` / `1 = 0`). @internal */
export function predicate(p: string, ctx: CompileContext): string {
  return p === TRUE ? ctx.dialect.alwaysTrue : p === FALSE ? ctx.dialect.alwaysFalse : p;
}

/** A compiled condition as a 0/1 integer expression. @internal */
export function flag(p: string): string {
  return p === TRUE ? '1' : p === FALSE ? '0' : `CASE WHEN ${p} THEN 1 ELSE 0 END`;
}
