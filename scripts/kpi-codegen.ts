/**
 * Generates src/kpi/_generated/count.ts, the counting code of the JS accumulator, from the KPI
 * definitions (src/kpi/definitions.ts): the same table `motcua/sql` compiles to SQL. Run by
 * `npm run gen:kpi`; a test checks the committed file equals this output.
 *
 * Dates are day keys (numbers) with NaN for null, which compares false like SQL NULL; the SQL side
 * wraps every comparison in COALESCE(…, FALSE) so both are two-valued and agree under NOT.
 */
import {
  COUNT_DEFINITIONS,
  type Condition,
  type DateTerm,
  DERIVED_CONDITIONS,
  DERIVED_TERMS,
  DERIVED_TEXT,
  type DerivedCondition,
  type DerivedTerm,
  type DerivedText,
  type PolicyTest,
  type TextTerm,
} from '../src/kpi/definitions';

/** Locals the generated function receives: date keys (NaN for null). */
const DATE_ARGS = { receivedOn: 'receivedOn', dueOn: 'dueOn', originalDueOn: 'originalDueOn', finishedOn: 'finishedOn', returnedOn: 'returnedOn', pausedSince: 'pausedSince' } as const;

interface Ctx {
  readonly terms: Set<DerivedTerm>;
  readonly conds: Set<DerivedCondition>;
  readonly texts: Set<DerivedText>;
  /** Record fields read, each loaded once into a local. */
  readonly fields?: Set<string>;
}

function policy(p: PolicyTest): string {
  return `policy.${p.policy} === ${JSON.stringify(p.is)}`;
}

function date(t: DateTerm, ctx: Ctx): string {
  if ('column' in t) return DATE_ARGS[t.column];
  if ('param' in t) return t.param;
  if ('term' in t) {
    ctx.terms.add(t.term);
    return `t_${t.term}`;
  }
  if ('coalesce' in t) {
    const parts = t.coalesce.map((x) => date(x, ctx));
    return parts.reduceRight((rest, p) => `(${p} === ${p} ? ${p} : ${rest})`);
  }
  if ('ifCond' in t) return `(${cond(t.ifCond, ctx)} ? ${date(t.then, ctx)} : ${date(t.else, ctx)})`;
  return `(${policy(t.ifPolicy)} ? ${date(t.then, ctx)} : ${date(t.else, ctx)})`;
}

function text(t: TextTerm, ctx: Ctx): string {
  if ('column' in t) {
    ctx.fields?.add(t.column);
    return ctx.fields ? `v_${t.column}` : `r.${t.column}`;
  }
  if ('derived' in t) {
    ctx.texts.add(t.derived);
    return `x_${t.derived}`;
  }
  return `(${cond(t.when, ctx)} ? ${JSON.stringify(t.then)} : ${text(t.else, ctx)})`;
}

function cond(c: Condition, ctx: Ctx): string {
  if ('all' in c) return c.all.length === 0 ? 'true' : c.all.length === 1 ? cond(c.all[0]!, ctx) : `(${c.all.map((x) => cond(x, ctx)).join(' && ')})`;
  if ('any' in c) return c.any.length === 0 ? 'false' : `(${c.any.map((x) => cond(x, ctx)).join(' || ')})`;
  if ('not' in c) return `!${cond(c.not, ctx)}`;
  if ('compare' in c) return `(${date(c.left, ctx)} ${c.compare === '=' ? '===' : c.compare} ${date(c.right, ctx)})`;
  if ('isNull' in c) {
    const d = date(c.isNull, ctx);
    return `(${d} !== ${d})`;
  }
  if ('flag' in c) {
    ctx.fields?.add(c.flag);
    return ctx.fields ? `(v_${c.flag} === true)` : `(r.${c.flag} === true)`;
  }
  if ('text' in c) return `(${text(c.text, ctx)} === ${JSON.stringify(c.equals)})`;
  if ('moreSupplementsThan' in c) {
    ctx.fields?.add('supplements');
    return ctx.fields ? `(v_supplements > ${c.moreSupplementsThan})` : `(r.supplements > ${c.moreSupplementsThan})`;
  }
  if ('ref' in c) {
    ctx.conds.add(c.ref);
    return `c_${c.ref}`;
  }
  return `(${policy(c)})`;
}

/** Locals for the derived terms and conditions an expression needs, in dependency order. */
function locals(roots: string[], ctx: Ctx): string[] {
  const out: string[] = [];
  const done = new Set<string>();
  const visit = (kind: 't' | 'c' | 'x', name: string) => {
    const key = `${kind}_${name}`;
    if (done.has(key)) return;
    done.add(key);
    const sub: Ctx = { terms: new Set(), conds: new Set(), texts: new Set(), ...(ctx.fields ? { fields: ctx.fields } : {}) };
    const expr = kind === 't' ? date(DERIVED_TERMS[name as DerivedTerm], sub) : kind === 'c' ? cond(DERIVED_CONDITIONS[name as DerivedCondition], sub) : text(DERIVED_TEXT[name as DerivedText], sub);
    for (const t of sub.terms) visit('t', t);
    for (const x of sub.texts) visit('x', x);
    for (const c of sub.conds) visit('c', c);
    out.push(`  const ${key} = ${expr};`);
  };
  for (const t of ctx.terms) visit('t', t);
  for (const x of ctx.texts) visit('x', x);
  for (const c of ctx.conds) visit('c', c);
  void roots;
  return out;
}

/** The source of src/kpi/_generated/count.ts. */
export function generateCountSource(): string {
  const scopeCtx: Ctx = { terms: new Set(), conds: new Set(), texts: new Set() };
  const scope = cond({ ref: 'inScope' }, scopeCtx);
  const scopeLocals = locals([], scopeCtx);

  const ctx: Ctx = { terms: new Set(), conds: new Set(), texts: new Set(), fields: new Set() };
  // Counts whose definitions start with the same derived condition are counted under one test of
  // it (the definitions' order is kept within a group), so a record skips whole groups at once.
  const groups = new Map<string, { key: string; rest: string[] }[]>();
  for (const [key, def] of Object.entries(COUNT_DEFINITIONS)) {
    const parts = ('all' in def.when ? def.when.all : [def.when]).map((x) => cond(x, ctx));
    const head = parts.length > 0 && /^!?c_[A-Za-z]+$/.test(parts[0]!) ? parts[0]! : '';
    const list = groups.get(head) ?? [];
    list.push({ key, rest: head ? parts.slice(1) : parts });
    groups.set(head, list);
  }
  const lines: string[] = [];
  for (const [head, list] of groups) {
    const indent = head ? '    ' : '  ';
    if (head) lines.push(`  if (${head}) {`);
    for (const { key, rest } of list) lines.push(rest.length === 0 ? `${indent}g.${key}++;` : `${indent}if (${rest.join(' && ')}) g.${key}++;`);
    if (head) lines.push('  }');
  }
  const countLocals = locals([], ctx);
  const fieldLocals = [...ctx.fields!].sort().map((f) => `  const v_${f} = r.${f};`);
  return `// Generated by scripts/gen-kpi.mjs from src/kpi/definitions.ts: do not edit by hand.
// Dates are day keys, NaN for null (NaN compares false, as SQL NULL does under COALESCE(…, FALSE)).
/* eslint-disable */
import type { SummaryPolicy } from '../accumulator';
import type { Counts, DossierRecord } from '../types';

/** Whether a record is in the report (definition \`inScope\`). @internal */
export function inScope(receivedOn: number, finishedOn: number, returnedOn: number, from: number, asOf: number): boolean {
${scopeLocals.join('\n')}
  return ${scope};
}

/** Count one in-scope record into \`g\` (every definition of COUNT_DEFINITIONS, in order). @internal */
export function countRecord(
  g: Counts, r: DossierRecord, policy: SummaryPolicy,
  receivedOn: number, dueOn: number, originalDueOn: number, finishedOn: number, returnedOn: number, pausedSince: number, from: number, asOf: number,
): void {
${fieldLocals.join('\n')}
${countLocals.join('\n')}
${lines.join('\n')}
}
`;
}
