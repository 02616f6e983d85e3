/**
 * Which record columns each printed figure reads, walked from the KPI definitions under a policy
 * (policy tests folded to constants), so that a reader can refuse an export that lacks a column a
 * figure depends on instead of reading it as all false (issue #22).
 * @module
 */
import type { SummaryPolicy } from './accumulator';
import { DEFAULT_POLICY } from './accumulator';
import {
  COUNT_DEFINITIONS,
  COUNT_KEYS,
  type Condition,
  type DateTerm,
  DERIVED_CONDITIONS,
  DERIVED_TERMS,
  DERIVED_TEXT,
  INDEX_DEFINITIONS,
  type PolicyTest,
  RATE_DEFINITIONS,
  type TextTerm,
} from './definitions';
import type { Counts, DossierRecord } from './types';

type Field = keyof DossierRecord;

function walk(policy: SummaryPolicy) {
  const pol = (p: PolicyTest) => policy[p.policy] === p.is;
  const date = (t: DateTerm, out: Set<Field>): void => {
    if ('column' in t) out.add(t.column);
    else if ('term' in t) date(DERIVED_TERMS[t.term], out);
    else if ('coalesce' in t) for (const x of t.coalesce) date(x, out);
    else if ('ifPolicy' in t) date(pol(t.ifPolicy) ? t.then : t.else, out);
    else if ('ifCond' in t) {
      cond(t.ifCond, out);
      date(t.then, out);
      date(t.else, out);
    }
  };
  const text = (t: TextTerm, out: Set<Field>): void => {
    if ('column' in t) out.add(t.column);
    else if ('derived' in t) text(DERIVED_TEXT[t.derived], out);
    else {
      cond(t.when, out);
      text(t.else, out);
    }
  };
  // A condition adds its columns; an `all` with a false policy test is dead and adds none.
  const dead = (c: Condition): boolean => ('policy' in c ? !pol(c) : 'all' in c ? c.all.some(dead) : 'ref' in c ? dead(DERIVED_CONDITIONS[c.ref]) : false);
  const cond = (c: Condition, out: Set<Field>): void => {
    if (dead(c)) return;
    if ('all' in c) for (const x of c.all) cond(x, out);
    else if ('any' in c) for (const x of c.any) cond(x, out);
    else if ('not' in c) cond(c.not, out);
    else if ('compare' in c) {
      date(c.left, out);
      date(c.right, out);
    } else if ('isNull' in c) date(c.isNull, out);
    else if ('flag' in c) out.add(c.flag);
    else if ('text' in c) text(c.text, out);
    else if ('moreSupplementsThan' in c) out.add('supplements');
    else if ('ref' in c) cond(DERIVED_CONDITIONS[c.ref], out);
  };
  return (k: keyof Counts) => {
    const out = new Set<Field>();
    cond(COUNT_DEFINITIONS[k].when, out);
    return out;
  };
}

/**
 * The figures (columns of Biểu II.06a, rates, Decision 766 indices) that read each record column
 * under a policy: `figuresByColumn(policy).get('digitised')` → `['rate digitisation', 'index 4.2']`.
 * Derived from the definitions, so it follows them.
 *
 * @example
 * ```ts
 * import { figuresByColumn } from 'motcua/kpi';
 * figuresByColumn().get('pausedSince')?.includes('(13)'); // true
 * figuresByColumn().has('originalDueOn'); // false: read only with lateAgainstOriginal
 * ```
 */
export function figuresByColumn(policy: Partial<SummaryPolicy> = {}): Map<Field, string[]> {
  const p = { ...DEFAULT_POLICY, ...policy };
  const used = walk(p);
  const byCount = new Map<keyof Counts, Set<Field>>();
  for (const k of COUNT_KEYS) byCount.set(k, used(k));
  const out = new Map<Field, string[]>();
  const note = (fields: Iterable<Field>, figure: string) => {
    for (const f of fields) {
      const list = out.get(f) ?? [];
      if (!list.includes(figure)) list.push(figure);
      out.set(f, list);
    }
  };
  for (const k of COUNT_KEYS) {
    const c = COUNT_DEFINITIONS[k].column;
    if (c !== undefined && /^\(\d+\)$/.test(c)) note(byCount.get(k)!, c);
    else if (k === 'withdrawn' || k === 'excluded') note(byCount.get(k)!, k);
  }
  const sumFields = (s: Readonly<Partial<Record<keyof Counts, number>>>) => Object.keys(s).flatMap((k) => [...byCount.get(k as keyof Counts)!]);
  for (const [name, d] of Object.entries(RATE_DEFINITIONS)) note([...sumFields(d.numerator), ...sumFields(d.denominator)], `rate ${name}`);
  for (const d of INDEX_DEFINITIONS) note([...sumFields(d.numerator), ...sumFields(d.denominator)], `index ${d.code}`);
  return out;
}
