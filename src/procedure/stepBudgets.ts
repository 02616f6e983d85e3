import type { Limit } from '../calendar/index';
import type { ErrorTexts } from '../errors';
import { amountVi, channelVi } from '../_lib/locale';
import type { ChannelRule, ProcedureSteps } from './types';

/** A problem found by {@link stepBudgetProblems}: where, and what. */
export interface StepBudgetProblem {
  readonly path: readonly (string | number)[];
  /** The problem in English (as before #19). */
  readonly message: string;
  /** The problem in Vietnamese (`vi`, for the officer) and English (`en`, = `message`). */
  readonly texts: ErrorTexts;
}

function problem(path: readonly (string | number)[], texts: ErrorTexts): StepBudgetProblem {
  return { path, message: texts.en, texts };
}

const EPS = 1e-9;

function amountOf(limit: Limit): number {
  return limit.unit === 'same-day' ? 0 : limit.amount;
}

/**
 * The total time of interlinked steps (tổng thời hạn các bước liên thông): the sum of the
 * budgets for `sequential` steps, the longest budget for `parallel` ones; `null` when the
 * budgets mix units (a `same-day` budget counts as 0 of any unit).
 *
 * @example
 * ```ts
 * import { stepsTotal } from 'motcua/procedure';
 * const b = (amount: number) => ({ amount, unit: 'working-day' as const });
 * stepsTotal({ mode: 'sequential', items: [0.5, 1.5, 1, 2, 5].map((n, i) => ({ id: `s${i}`, name: 'bước', agency: 'UBND xã', level: 'commune' as const, budget: b(n) })) });
 * // { amount: 10, unit: 'working-day' }
 * ```
 */
export function stepsTotal(steps: ProcedureSteps): Limit | null {
  const units = new Set(steps.items.map((s) => s.budget.unit).filter((u) => u !== 'same-day'));
  if (units.size > 1) return null;
  const unit = units.values().next().value ?? 'same-day';
  const amounts = steps.items.map((s) => amountOf(s.budget));
  const amount = steps.mode === 'sequential' ? amounts.reduce((a, b) => a + b, 0) : Math.max(0, ...amounts);
  return { amount: Math.round(amount * 1e9) / 1e9, unit };
}

/**
 * Check that the step budgets of an interlinked procedure add up to the limit of every channel
 * (thời hạn từng bước cộng lại bằng thời hạn giải quyết). Returns every problem, `[]` when consistent.
 *
 * @example
 * ```ts
 * import { stepBudgetProblems } from 'motcua/procedure';
 * const step = (id: string, amount: number) => ({ id, name: id, agency: 'UBND xã', level: 'commune' as const, budget: { amount, unit: 'working-day' as const } });
 * stepBudgetProblems({ mode: 'sequential', items: [step('a', 1), step('b', 1)] }, [{ channel: 'online', limit: { amount: 3, unit: 'working-day' }, fees: [] }]).length; // 1
 * ```
 */
export function stepBudgetProblems(steps: ProcedureSteps | null, channels: readonly ChannelRule[]): StepBudgetProblem[] {
  if (steps === null) return [];
  const problems: StepBudgetProblem[] = [];
  if (steps.items.length === 0) {
    problems.push(problem(['steps', 'items'], { vi: 'thủ tục liên thông phải có ít nhất một bước', en: 'an interlinked procedure needs at least one step' }));
    return problems;
  }
  const seen = new Set<string>();
  steps.items.forEach((s, i) => {
    if (seen.has(s.id)) problems.push(problem(['steps', 'items', i, 'id'], { vi: `mã bước ${JSON.stringify(s.id)} bị trùng`, en: `duplicate step id ${JSON.stringify(s.id)}` }));
    seen.add(s.id);
  });
  const total = stepsTotal(steps);
  if (total === null) {
    const units = [...new Set(steps.items.map((s) => s.budget.unit))].join(', ');
    problems.push(problem(['steps', 'items'], { vi: `thời hạn các bước dùng nhiều đơn vị khác nhau (${units}); hãy dùng một đơn vị`, en: `step budgets mix units (${units}); use one unit` }));
    return problems;
  }
  const how = steps.mode === 'sequential' ? 'add up to' : 'have a longest budget of';
  channels.forEach((c, i) => {
    const limit = c.limit;
    const sameUnit = total.unit === limit.unit || total.unit === 'same-day' || limit.unit === 'same-day';
    if (!sameUnit || Math.abs(total.amount - amountOf(limit)) > EPS) {
      const howVi = steps.mode === 'sequential' ? 'tổng thời hạn các bước tuần tự là' : 'thời hạn dài nhất của các bước song song là';
      problems.push(
        problem(['channels', i, 'limit'], {
          vi: `${howVi} ${amountVi(total.amount, total.unit)}, nhưng thời hạn giải quyết của kênh ${channelVi(c.channel)} là ${amountVi(limit.amount, limit.unit)}`,
          en: `the ${steps.mode} step budgets ${how} ${total.amount} ${total.unit}, but the ${c.channel} limit is ${limit.amount} ${limit.unit}`,
        }),
      );
    }
  });
  return problems;
}
