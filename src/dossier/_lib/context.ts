/** @internal Per-procedure, per-calendar and per-policy caches, so evolve does no repeated work. */
import type { Calendar, CalendarOptions, Limit } from '../../calendar/index';
import { createCalendar, defaultCalendar } from '../../calendar/index';
import { checkLimit } from '../../calendar/dueDate';
import { parseClock } from '../../_lib/civil/date';
import { MotcuaError, show } from '../../errors';
import { NATIONAL_CODE_CHOICES } from '../states';
import type { NationalStatusCode } from '../types';
import type { DossierChannel, DossierClockStopReason, DossierPolicy, DossierProcedure, DossierProcedureStep, SupplementPeriod } from '../types';
import type { Cal } from './clock';
import { calOf } from './clock';

export interface ProcInfo {
  /** The limit of each channel the procedure offers, as fields (read without a keyed lookup: see {@link limitOf}). */
  readonly direct: Limit | undefined;
  readonly online: Limit | undefined;
  readonly postal: Limit | undefined;
  readonly cutMin: number | null;
  readonly cutText: string | null;
  readonly clockStops: ReadonlySet<DossierClockStopReason>;
  readonly steps: ReadonlyMap<string, DossierProcedureStep>;
  readonly parallel: boolean;
  /** The procedure's own supplement periods (`undefined`: the rule set's; closure `null`: none). */
  readonly closure: SupplementPeriod | null | undefined;
  readonly window: SupplementPeriod | undefined;
}

function period(v: unknown, field: string): SupplementPeriod {
  const o = v as Record<string, unknown> | null;
  if (typeof o !== 'object' || o === null || (o.unit !== 'calendar-day' && o.unit !== 'working-day') || typeof o.amount !== 'number' || !Number.isInteger(o.amount) || o.amount < 1 || o.amount > 366) {
    throw new MotcuaError('INVALID_INPUT', { vi: `cần thời hạn bổ sung { amount: 1-366, unit: 'calendar-day' | 'working-day' }, nhận được ${show(v, 'vi')}`, en: `expected a supplement period { amount: 1-366, unit: 'calendar-day' | 'working-day' }, got ${show(v)}` }, v, field);
  }
  return { amount: o.amount, unit: o.unit };
}

const procCache = new WeakMap<object, ProcInfo>();
const CLOCK_STOP_REASONS: ReadonlySet<unknown> = new Set<DossierClockStopReason>(['financial-obligation', 'public-posting', 'expert-assessment', 'site-inspection', 'verification', 'other']);

/** The limit of a channel, or `undefined` when the procedure does not offer it. */
export function limitOf(p: ProcInfo, channel: DossierChannel): Limit | undefined {
  return channel === 'direct' ? p.direct : channel === 'online' ? p.online : channel === 'postal' ? p.postal : undefined;
}

/** Validate and index a procedure (once per object). */
export function procInfo(p: DossierProcedure): ProcInfo {
  let info = procCache.get(p);
  if (info) return info;
  if (typeof p !== 'object' || p === null || !Array.isArray(p.channels)) {
    throw new MotcuaError('INVALID_INPUT', { vi: `cần một thủ tục hành chính { code, channels, cutoff, clockStops, steps, immediate }, nhận được ${show(p, 'vi')}`, en: `expected a procedure { code, channels, cutoff, clockStops, steps, immediate }, got ${show(p)}` }, p, 'procedure');
  }
  const limits: Partial<Record<DossierChannel, Limit>> = {};
  p.channels.forEach((c, k) => {
    if (typeof c !== 'object' || c === null) throw new MotcuaError('INVALID_INPUT', { vi: `cần một cách thức thực hiện { channel, limit }, nhận được ${show(c, 'vi')}`, en: `expected a channel { channel, limit }, got ${show(c)}` }, c, `procedure.channels[${k}]`);
    const ch: unknown = c.channel;
    if (ch !== 'direct' && ch !== 'online' && ch !== 'postal') {
      throw new MotcuaError('INVALID_INPUT', { vi: `kênh không xác định ${show(ch, 'vi')}`, en: `unknown channel ${show(ch)}` }, ch, `procedure.channels[${k}].channel`);
    }
    limits[ch] = checkLimit(c.limit, `procedure.channels[${k}].limit`);
  });
  if (p.cutoff !== null && p.cutoff !== undefined && (typeof p.cutoff !== 'object' || typeof p.cutoff.time !== 'string')) {
    throw new MotcuaError('INVALID_INPUT', { vi: `cần giờ chốt tiếp nhận { time: "HH:MM", rule } hoặc null, nhận được ${show(p.cutoff, 'vi')}`, en: `expected a cut-off { time: "HH:MM", rule } or null, got ${show(p.cutoff)}` }, p.cutoff, 'procedure.cutoff');
  }
  const cutText = p.cutoff ? p.cutoff.time : null;
  const cutMin = cutText === null ? null : parseClock(cutText, 'procedure.cutoff.time');
  const clockStops: unknown = p.clockStops ?? [];
  if (!Array.isArray(clockStops)) throw new MotcuaError('INVALID_INPUT', { vi: `cần một mảng các lý do tạm dừng tính thời gian, nhận được ${show(clockStops, 'vi')}`, en: `expected an array of clock-stop reasons, got ${show(clockStops)}` }, clockStops, 'procedure.clockStops');
  for (const [k, r] of clockStops.entries()) {
    if (!CLOCK_STOP_REASONS.has(r)) throw new MotcuaError('INVALID_INPUT', { vi: `lý do tạm dừng tính thời gian không xác định ${show(r, 'vi')}; chỉ nhận một trong: ${[...CLOCK_STOP_REASONS].join(', ')}`, en: `unknown clock-stop reason ${show(r)}; expected one of ${[...CLOCK_STOP_REASONS].join(', ')}` }, r, `procedure.clockStops[${k}]`);
  }
  if (p.steps !== null && p.steps !== undefined && (typeof p.steps !== 'object' || !Array.isArray(p.steps.items))) {
    throw new MotcuaError('INVALID_INPUT', { vi: `cần quy trình liên thông { mode, items: [...] } hoặc null, nhận được ${show(p.steps, 'vi')}`, en: `expected steps { mode, items: [...] } or null, got ${show(p.steps)}` }, p.steps, 'procedure.steps');
  }
  const steps = new Map<string, DossierProcedureStep>();
  for (const [k, s] of (p.steps?.items ?? []).entries()) {
    if (typeof s !== 'object' || s === null) throw new MotcuaError('INVALID_INPUT', { vi: `cần một bước { id, name, agency, level, budget }, nhận được ${show(s, 'vi')}`, en: `expected a step { id, name, agency, level, budget }, got ${show(s)}` }, s, `procedure.steps.items[${k}]`);
    if (typeof s.id !== 'string' || s.id.length === 0) throw new MotcuaError('INVALID_INPUT', { vi: `cần mã bước không rỗng, nhận được ${show(s.id, 'vi')}`, en: `expected a non-empty step id, got ${show(s.id)}` }, s.id, `procedure.steps.items[${k}].id`);
    checkLimit(s.budget, `procedure.steps.items[${k}].budget`);
    steps.set(s.id, s);
  }
  const sup: unknown = p.supplement;
  if (sup !== undefined && (typeof sup !== 'object' || sup === null)) throw new MotcuaError('INVALID_INPUT', { vi: `cần procedure.supplement { closure?, window? }, nhận được ${show(sup, 'vi')}`, en: `expected procedure.supplement { closure?, window? }, got ${show(sup)}` }, sup, 'procedure.supplement');
  const so = (sup ?? {}) as { closure?: unknown; window?: unknown };
  const closure = so.closure === undefined ? undefined : so.closure === null ? null : period(so.closure, 'procedure.supplement.closure');
  const window = so.window === undefined ? undefined : period(so.window, 'procedure.supplement.window');
  info = { direct: limits.direct, online: limits.online, postal: limits.postal, cutMin, cutText, clockStops: new Set(clockStops as DossierClockStopReason[]), steps, parallel: p.steps?.mode === 'parallel', closure, window };
  procCache.set(p, info);
  return info;
}

/**
 * What one dossier is evaluated with, resolved once per `evolve` or `replay` (not per event): its
 * calendar, its indexed procedure and the cut-off of each channel under its policy.
 */
export interface Ctx {
  readonly c: Cal;
  readonly proc: ProcInfo;
  /** Cut-off minute and its `HH:MM` text for direct / postal dossiers, and for online ones (`null`: none). */
  readonly counterCutMin: number | null;
  readonly counterCutText: string | null;
  readonly onlineCutMin: number | null;
  readonly onlineCutText: string | null;
  /** National codes chosen by the policy for some states (`null`: the defaults). */
  readonly codes: ReadonlyMap<string, NationalStatusCode> | null;
}

/** The context of a dossier (its procedure, calendar options and policy travel with it). */
export function contextOf(d: { readonly procedure: DossierProcedure; readonly calendar: CalendarOptions | null; readonly policy: DossierPolicy }): Ctx {
  return makeCtx(procInfo(d.procedure), calendarFromOptions(d.calendar), d.policy);
}

/** The context from an indexed procedure, a calendar and a resolved policy (no lookup: see `seed` in initial.ts). */
export function makeCtx(proc: ProcInfo, c: Cal, policy: DossierPolicy): Ctx {
  const counter = proc.cutText === null && policy.counterCutoff !== null;
  return {
    c,
    proc,
    counterCutMin: counter ? cutMinOf(policy.counterCutoff!) : proc.cutMin,
    counterCutText: counter ? policy.counterCutoff : proc.cutText,
    onlineCutMin: proc.cutMin,
    onlineCutText: proc.cutText,
    codes: codesOf(policy),
  };
}

const byOptions = new WeakMap<object, Cal>();
const byJson = new Map<string, Cal>();
let defaultCal: Cal | undefined;

/** Remember a calendar so a dossier holding its options finds it again. */
export function registerCalendar(cal: Calendar): CalendarOptions | null {
  if (cal === defaultCalendar()) return null;
  if (typeof cal !== 'object' || cal === null || typeof cal.options !== 'object' || cal.options === null) {
    throw new MotcuaError('INVALID_OPTION', { vi: `cần một lịch tạo bởi createCalendar(), nhận được ${show(cal, 'vi')}`, en: `expected a calendar made by createCalendar(), got ${show(cal)}` }, cal, 'calendar');
  }
  if (byOptions.has(cal.options)) return cal.options;
  let c: Cal;
  try {
    c = calOf(cal);
  } catch (err) {
    if (err instanceof MotcuaError) throw err;
    throw new MotcuaError('INVALID_OPTION', { vi: `cần một lịch tạo bởi createCalendar(), nhận được ${show(cal, 'vi')}`, en: `expected a calendar made by createCalendar(), got ${show(cal)}` }, cal, 'calendar');
  }
  byOptions.set(cal.options, c);
  return cal.options;
}

/** The calendar of a dossier, from its options (`null`: default). */
export function calendarFromOptions(options: CalendarOptions | null): Cal {
  if (options === null) return (defaultCal ??= calOf(defaultCalendar()));
  let c = byOptions.get(options);
  if (c) return c;
  const key = JSON.stringify(options);
  c = byJson.get(key);
  if (!c) {
    c = calOf(createCalendar(options));
    byJson.set(key, c);
  }
  byOptions.set(options, c);
  return c;
}

/**
 * Default policy of the state machine: legal supplement restart, one supplement, 15:00 counter
 * cut-off, online clock from the official receipt within 8 working hours, date-level timeliness,
 * extended dossiers judged against the extended date.
 *
 * @example
 * ```ts
 * import { DEFAULT_DOSSIER_POLICY } from 'motcua/dossier';
 * DEFAULT_DOSSIER_POLICY.supplement; // 'legal-restart'
 * ```
 */
export const DEFAULT_DOSSIER_POLICY: DossierPolicy = Object.freeze({
  supplement: 'legal-restart',
  repeatedSupplements: 'reject',
  counterCutoff: '15:00',
  onlineClockStart: 'official-receipt',
  onlineReceiptHours: 8,
  timelinessLevel: 'date',
  lateAgainstOriginal: false,
  ruleSet: null,
});

const policyCache = new WeakMap<object, DossierPolicy>();
const KEYS = [...Object.keys(DEFAULT_DOSSIER_POLICY), 'nationalCodes'];

const codesCache = new WeakMap<object, ReadonlyMap<string, NationalStatusCode>>();
function codesOf(policy: DossierPolicy): ReadonlyMap<string, NationalStatusCode> | null {
  const o = policy.nationalCodes;
  if (o === undefined) return null;
  let m = codesCache.get(o);
  if (m === undefined) {
    m = new Map(Object.entries(o) as [string, NationalStatusCode][]);
    codesCache.set(o, m);
  }
  return m;
}

function checkCodes(v: unknown): void {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new MotcuaError('INVALID_OPTION', { vi: `cần lựa chọn mã trạng thái quốc gia { refused?, 'intake-supplement'?, correction? }, nhận được ${show(v, 'vi')}`, en: `expected { refused?, 'intake-supplement'?, correction? }, got ${show(v)}` }, v, 'policy.nationalCodes');
  for (const [k, code] of Object.entries(v)) {
    if (!Object.hasOwn(NATIONAL_CODE_CHOICES, k)) throw new MotcuaError('INVALID_OPTION', { vi: `không có lựa chọn mã trạng thái quốc gia cho ${show(k, 'vi')}; chỉ nhận một trong: ${Object.keys(NATIONAL_CODE_CHOICES).join(', ')}`, en: `no choice of national code for ${show(k)}; expected one of ${Object.keys(NATIONAL_CODE_CHOICES).join(', ')}` }, k, 'policy.nationalCodes');
    const allowed = NATIONAL_CODE_CHOICES[k as keyof typeof NATIONAL_CODE_CHOICES].codes;
    if (!allowed.includes(code as NationalStatusCode)) throw new MotcuaError('INVALID_OPTION', { vi: `cần một trong các mã ${allowed.join(', ')} cho ${show(k, 'vi')}, nhận được ${show(code, 'vi')}`, en: `expected one of ${allowed.join(', ')} for ${k}, got ${show(code)}` }, code, `policy.nationalCodes.${k}`);
  }
}

/** Merge a partial policy with the defaults, validating every field. */
export function resolvePolicy(p: Partial<DossierPolicy> | undefined): DossierPolicy {
  if (p === undefined) return DEFAULT_DOSSIER_POLICY;
  const hit = policyCache.get(p);
  if (hit) return hit;
  if (typeof p !== 'object' || p === null) throw new MotcuaError('INVALID_OPTION', { vi: `cần một đối tượng chính sách (policy), nhận được ${show(p, 'vi')}`, en: `expected a policy object, got ${show(p)}` }, p, 'policy');
  for (const k of Object.keys(p)) if (!KEYS.includes(k)) throw new MotcuaError('INVALID_OPTION', { vi: `trường chính sách không xác định ${show(k, 'vi')}; chỉ nhận một trong: ${KEYS.join(', ')}`, en: `unknown policy field ${show(k)}; expected one of ${KEYS.join(', ')}` }, k, 'policy');
  const r: DossierPolicy = { ...DEFAULT_DOSSIER_POLICY, ...p };
  const one = (field: keyof DossierPolicy, allowed: readonly unknown[]) => {
    if (!allowed.includes(r[field])) throw new MotcuaError('INVALID_OPTION', { vi: `cần một trong: ${allowed.map((a) => show(a, 'vi')).join(', ')}, nhận được ${show(r[field], 'vi')}`, en: `expected one of ${allowed.map((a) => show(a)).join(', ')}, got ${show(r[field])}` }, r[field], `policy.${field}`);
  };
  one('supplement', ['legal-restart', 'decision-766']);
  one('repeatedSupplements', ['reject', 'accept']);
  one('onlineClockStart', ['official-receipt', 'submission']);
  one('timelinessLevel', ['date', 'instant']);
  one('lateAgainstOriginal', [true, false]);
  one('ruleSet', [null, 'decree-61-2018', 'decree-118-2025', 'decree-118-2025-309-2026']);
  if (r.counterCutoff !== null) parseClock(r.counterCutoff, 'policy.counterCutoff');
  if (r.nationalCodes !== undefined) checkCodes(r.nationalCodes);
  if (typeof r.onlineReceiptHours !== 'number' || !(r.onlineReceiptHours >= 0)) {
    throw new MotcuaError('INVALID_OPTION', { vi: `cần số giờ ≥ 0, nhận được ${show(r.onlineReceiptHours, 'vi')}`, en: `expected a number of hours ≥ 0, got ${show(r.onlineReceiptHours)}` }, r.onlineReceiptHours, 'policy.onlineReceiptHours');
  }
  const frozen = Object.freeze(r);
  policyCache.set(p, frozen);
  return frozen;
}

/** Parsed counter cut-off of a policy. */
const cutCache = new Map<string, number>();
export function cutMinOf(text: string): number {
  let m = cutCache.get(text);
  if (m === undefined) {
    m = parseClock(text, 'policy.counterCutoff');
    cutCache.set(text, m);
  }
  return m;
}
