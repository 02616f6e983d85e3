import type { Calendar, CalendarOptions } from '../calendar/index';
import { MotcuaError, show } from '../errors';
import type { Ctx } from './_lib/context';
import { calendarFromOptions, makeCtx, procInfo, registerCalendar, resolvePolicy } from './_lib/context';
import type { Draft } from './_lib/apply';
import type { Dossier, DossierPolicy, DossierProcedure } from './types';

/** What a dossier is evaluated with: the procedure, the working calendar and the policy. */
export interface DossierContext {
  readonly procedure: DossierProcedure;
  /** Default: the civil-servant calendar (`defaultCalendar()`). */
  readonly calendar?: Calendar;
  /** Partial policy, merged with `DEFAULT_DOSSIER_POLICY`. */
  readonly policy?: Partial<DossierPolicy>;
  /** Dossier code (mã hồ sơ), e.g. `000.00.12.H23-240426-0001`. */
  readonly id?: string;
}

/**
 * The empty dossier (hồ sơ chưa có sự kiện), state `none`: the seed of the fold. Its procedure,
 * calendar options and policy travel with it, so `evolve(dossier, event)` needs nothing else.
 *
 * @throws {MotcuaError} `INVALID_INPUT` / `INVALID_LIMIT` / `INVALID_TIME` for a malformed procedure, `INVALID_OPTION` for a bad policy.
 * @example
 * ```ts
 * import { initial } from 'motcua/dossier';
 * const procedure = { code: '1.000001', channels: [{ channel: 'direct' as const, limit: { amount: 3, unit: 'working-day' as const } }], cutoff: null, clockStops: [], steps: null, immediate: false };
 * initial({ procedure }).state; // 'none'
 * ```
 */
export function initial(ctx: DossierContext): Dossier {
  return seed(ctx).d;
}

/**
 * @internal `initial` and the context the fold evaluates its events with, each resolved once: the
 * procedure is indexed, the policy merged and the calendar found a single time per dossier (#18).
 */
export function seed(ctx: DossierContext): { d: Dossier; x: Ctx } {
  if (typeof ctx !== 'object' || ctx === null) throw new MotcuaError('INVALID_INPUT', { vi: `cần tùy chọn { procedure, calendar?, policy?, id? }, nhận được ${show(ctx, 'vi')}`, en: `expected options { procedure, calendar?, policy?, id? }, got ${show(ctx)}` }, ctx, 'options');
  const proc = procInfo(ctx.procedure);
  if (ctx.id !== undefined && ctx.id !== null && typeof ctx.id !== 'string') throw new MotcuaError('INVALID_INPUT', { vi: `cần mã hồ sơ là một chuỗi, nhận được ${show(ctx.id, 'vi')}`, en: `expected a dossier code string, got ${show(ctx.id)}` }, ctx.id, 'id');
  const policy = resolvePolicy(ctx.policy);
  const calendar = ctx.calendar === undefined ? null : registerCalendar(ctx.calendar);
  const x = makeCtx(proc, calendarFromOptions(calendar), policy);
  return { d: blank(ctx, policy, calendar), x };
}

/** The empty dossier for a resolved policy and calendar options (no validation: the caller did it). */
export function blank(ctx: DossierContext, policy: DossierPolicy, calendar: CalendarOptions | null): Dossier {
  return {
    type: 'motcua.dossier',
    id: ctx.id ?? null,
    procedure: ctx.procedure,
    policy,
    calendar,
    ruleSet: null,
    channel: null,
    state: 'none',
    nationalCode: null,
    resume: [],
    submittedAt: null,
    receivedAt: null,
    nonBoundary: false,
    clock: null,
    steps: [],
    supplements: 0,
    extensions: 0,
    end: null,
    resolvedAt: null,
    returnedAt: null,
    corrections: [],
    events: [],
    history: [],
    warnings: [],
    rejected: [],
    lastMs: Number.MIN_SAFE_INTEGER,
  };
}

/**
 * @internal Make a draft the empty dossier of {@link blank} again, for the next log of a summary fold
 * (`replayMany` with `output: 'summary'`), which reads each draft once and never hands it out (new
 * arrays, only where the last log wrote: emptying one by its `length` is a slow runtime call). Same
 * fields as `blank`.
 */
export function reblank(d: Draft, ctx: DossierContext, policy: DossierPolicy, calendar: CalendarOptions | null): void {
  d.id = ctx.id ?? null;
  d.procedure = ctx.procedure;
  d.policy = policy;
  d.calendar = calendar;
  d.ruleSet = null;
  d.channel = null;
  d.state = 'none';
  d.nationalCode = null;
  d.resume = NO_STATES;
  d.submittedAt = null;
  d.receivedAt = null;
  d.nonBoundary = false;
  d.clock = null;
  if (d.steps.length !== 0) d.steps = [];
  d.supplements = 0;
  d.extensions = 0;
  d.end = null;
  d.resolvedAt = null;
  d.returnedAt = null;
  if (d.corrections.length !== 0) d.corrections = [];
  d.events = [];
  d.history = [];
  if (d.warnings.length !== 0) d.warnings = [];
  if (d.rejected.length !== 0) d.rejected = [];
  d.lastMs = Number.MIN_SAFE_INTEGER;
}

/** The empty resume stack a reused draft starts with (handlers replace the stack, never push to it). */
const NO_STATES: Draft['resume'] = [];
