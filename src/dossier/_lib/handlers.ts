/**
 * @internal One small, named handler per event kind (one row of the transition table each): the
 * legal checks of the event, then the new values. A handler checks before it writes: it sets the
 * turn's `clock`, `steps`, `resume` and `to` (committed by `applyEvent` afterwards) and writes to the
 * draft only after its last check, so a refused event leaves the draft untouched.
 */
import { tryParseDate } from '../../_lib/civil/date';
import { show } from '../../errors';
import { amountVi, channelVi } from '../../_lib/locale';
import { parseDossierCode } from '../code';
import { ruleSetById, ruleSetForDay } from '../ruleSets';
import type { DossierChannel, DossierClock, DossierEvent, DossierEventType, ClockStoppedEvent, ExtendedEvent, ReceivedEvent, StepCompletedEvent, StepStartedEvent, SubmittedEvent, DossierState, NoState, RuleSetId, StepRun } from '../types';
import type { Due } from './clock';
import { closeOf, computeDue, formatMs, dateOfOff, dayOfMs, offOf, workingDaysBetweenOff, addWorkingOff } from './clock';
import type { Ctx } from './context';
import { limitOf } from './context';
import { instantMs } from './time';
import type { Draft } from './draft';
import { fail } from './draft';
import type { Head } from './apply';
import { DESK, THREE_WORKING_DAYS, clockFrom, closeSteps, closureOf, copyClock, dueOn, elapsedShiftedClock, feeOf, lastOpenStep, lastSubmissionMs, msOfLine, openStep, overOnlineHours, paused, periodLastOff, ruleSetOf, scanLog, setEnd, shiftClock, shiftedSteps, startClock, warn } from './ops';

/**
 * One event being applied: what the handler reads (the draft, the context, the event and its head,
 * its instant, the state it leaves) and what it decides (the state it leads to, the new clock, step
 * runs and resume stack; `null` steps / resume: unchanged). Reused from event to event.
 */
export interface Turn {
  d: Draft;
  x: Ctx;
  e: DossierEvent;
  h: Head;
  ms: number;
  at: string;
  from: DossierState | NoState;
  to: DossierState;
  clock: DossierClock | null;
  steps: StepRun[] | null;
  resume: DossierState[] | null;
}

export type Handler = (t: Turn) => void;

/** Nộp hồ sơ (trực tuyến / bưu chính): the portal or post office acknowledges the dossier; its channel and time are kept. */
function onSubmitted(t: Turn): void {
  const { d, e, at } = t;
  const ev = e as SubmittedEvent;
  const ch = ev.channel ?? 'online';
  {
    d.channel = ch;
    d.submittedAt = at;
  }
}

/** Tiếp nhận: the official receipt. Checks the channel is offered, a rule set governs the day and the dossier code matches the receipt date (Circular 01/2018 Art 19); starts the clock (from the complete online resubmission under `onlineClockStart: submission`, Decree 118/2025 Art 17(3); deferred for a non-boundary receipt under a rule set that starts it at the competent agency, Art 20); warns past the 8 working hours of Art 17(2). */
function onReceived(t: Turn): void {
  const { d, e, h, x, ms, at, from } = t;
  const idx = x.c.idx;
  const proc = x.proc;
  const ev = e as ReceivedEvent;
  const channel: DossierChannel = ev.channel ?? (from === 'none' ? 'direct' : (d.channel ?? 'online'));
  if (limitOf(proc, channel) === undefined) fail(d, e, 'CHANNEL_NOT_OFFERED', 'channel-offered', { vi: `thủ tục ${d.procedure.code} không được thực hiện qua kênh ${channelVi(channel)}`, en: `procedure ${d.procedure.code} is not offered through the ${channel} channel` }, channel, 'channel');
  const dayNo = dayOfMs(ms);
  const day = dateOfOff(idx, offOf(idx, dayNo));
  const rsId: RuleSetId | null = d.policy.ruleSet ?? ruleSetForDay(dayNo)?.id ?? null;
  if (rsId === null) fail(d, e, 'INVALID_TRANSITION', 'rule-set-in-force', { vi: `không có bộ quy định nào áp dụng cho hồ sơ tiếp nhận ngày ${day} (các quy định bắt đầu từ 2018-06-21); đặt policy.ruleSet để chỉ định một bộ quy định`, en: `no rule set governs a receipt on ${day} (rules start 2018-06-21); set policy.ruleSet to force one` }, at, 'at');
  if (ev.code !== undefined && parseDossierCode(ev.code).date !== day) {
    const dated = parseDossierCode(ev.code).date;
    fail(d, e, 'INVALID_TRANSITION', 'dossier-code', { vi: `mã hồ sơ ${show(ev.code, 'vi')} ghi ngày ${dated}, nhưng hồ sơ được tiếp nhận ngày ${day} (Điều 19 Thông tư 01/2018)`, en: `the dossier code ${show(ev.code)} is dated ${dated}, but the dossier is received on ${day} (Circular 01/2018 Art 19)` }, ev.code, 'code');
  }
  const nonBoundary = ev.nonBoundary === true;
  const deferred = nonBoundary && ruleSetById(rsId).clockStartAtCompetentAgency;
  let startMs = ms;
  let submittedMs = NaN;
  if (d.submittedAt !== null && channel === 'online') {
    // the complete dossier: after an intake supplement, its resubmission (Art 17(3))
    submittedMs = lastSubmissionMs(d, h);
    if (d.policy.onlineClockStart === 'submission') startMs = submittedMs;
  }
  const newClock = deferred ? null : startClock(x, startMs, channel);
  const lateReceipt = overOnlineHours(d, idx, submittedMs, ms);
  t.clock = newClock;
  {
    d.channel = channel;
    d.ruleSet = rsId;
    d.receivedAt = at;
    d.nonBoundary = nonBoundary;
    if (lateReceipt) warn(d, h, 'online-receipt-8-working-hours', { vi: `tiếp nhận chính thức sau hơn ${d.policy.onlineReceiptHours} giờ làm việc kể từ khi nộp (hoặc nộp lại) trực tuyến (khoản 2 Điều 17 Nghị định 118/2025)`, en: `official receipt more than ${d.policy.onlineReceiptHours} working hours after the online (re)submission (Decree 118/2025 Art 17(2))` });
  }
}

/** Cơ quan có thẩm quyền nhận hồ sơ: a non-boundary dossier reaches the competent agency; the clock starts if it was deferred. */
function onAgencyReceived(t: Turn): void {
  const { d, e, x, ms } = t;
  if (!(d.nonBoundary)) fail(d, e, 'INVALID_TRANSITION', 'non-boundary', { vi: 'chỉ hồ sơ tiếp nhận không phụ thuộc địa giới hành chính (nonBoundary) mới được chuyển đến cơ quan có thẩm quyền', en: 'only a dossier received outside the competent agency’s area (nonBoundary) is handed to the competent agency' });
  if (t.clock === null) t.clock = startClock(x, ms, d.channel ?? 'direct');
}

/** Bắt đầu bước xử lý: a step of the procedure (or an internal one with its agency) starts, with its own due date from its budget; sequential procedures close the previous step. */
function onStepStarted(t: Turn): void {
  const { d, e, h, ms, at, x } = t;
  const c = x.c;
  const idx = x.c.idx;
  const proc = x.proc;
  const ev = e as StepStartedEvent;
  const known = proc.steps.get(ev.step);
  if (!(known !== undefined || typeof ev.agency === 'string')) fail(d, e, 'INVALID_TRANSITION', 'known-step', { vi: `bước ${show(ev.step, 'vi')} không phải là một bước của thủ tục ${d.procedure.code}; hãy ghi cơ quan (và thời hạn) cho một bước nội bộ`, en: `step ${show(ev.step)} is not a step of procedure ${d.procedure.code}; give its agency (and budget) for an internal step` });
  if (openStep(d.steps, h, ev.step) >= 0) fail(d, e, 'INVALID_TRANSITION', 'step-not-open', { vi: `bước ${show(ev.step, 'vi')} đang được thực hiện`, en: `step ${show(ev.step)} is already in progress` });
  const budget = ev.budget ?? known?.budget ?? null;
  let due: Due | null = null;
  if (budget !== null) due = computeDue(c, ms, budget, null, null);
  const prev = lastOpenStep(d.steps, h) ?? (d.steps.length > 0 ? d.steps[d.steps.length - 1] : undefined);
  const run: StepRun = {
    step: ev.step,
    name: ev.name ?? known?.name ?? ev.step,
    agency: ev.agency ?? known?.agency ?? '',
    level: ev.level ?? known?.level ?? null,
    from: prev?.agency ?? DESK,
    startedAt: at,
    budget,
    dueDate: due === null ? null : dateOfOff(idx, due.dueOff),
    dueAt: due === null ? null : formatMs(c, due.dueMs),
    endedAt: null,
    result: null,
    startedMs: ms,
    dueMs: due === null ? 0 : due.dueMs,
  };
  {
    if (!proc.parallel) closeSteps(d, h, at, ms);
    d.steps[d.steps.length] = run;
  }
}

/** Hoàn thành bước: the open run of the step ends, judged against its own due date. */
function onStepCompleted(t: Turn): void {
  const { d, e, h, ms, at } = t;
  const ev = e as StepCompletedEvent;
  if (openStep(d.steps, h, ev.step) < 0) fail(d, e, 'INVALID_TRANSITION', 'step-open', { vi: `bước ${show(ev.step, 'vi')} không đang được thực hiện`, en: `step ${show(ev.step)} is not in progress` });
  closeSteps(d, h, at, ms, ev.step);
}

/** Yêu cầu bổ sung: the clock pauses; one request only under the rule set (Decree 118/2025 Art 19(5)) unless the policy accepts repeats; warns past the supplement window after receipt. */
function onSupplementRequested(t: Turn): void {
  const { d, e, h, ms, at, from, x } = t;
  const idx = x.c.idx;
  const proc = x.proc;
  const rs = ruleSetOf(d);
  const max = rs?.maxSupplements ?? 1;
  if (!(d.supplements < max || d.policy.repeatedSupplements === 'accept')) fail(d, e, 'INVALID_TRANSITION', 'supplement-once', {
      vi: `yêu cầu bổ sung hồ sơ sau thẩm định chỉ được thực hiện ${max === 1 ? 'một lần' : `${max} lần`} (${rs?.id === 'decree-61-2018' ? 'khoản 4 Điều 19 Nghị định 61/2018' : 'khoản 5 Điều 19 Nghị định 118/2025'})`,
      en: `a supplement after appraisal may be requested only ${max === 1 ? 'once' : `${max} times`} (${rs?.notes[0] ?? ''})`,
    });
  t.clock = paused(t.clock!, 'supplement', at, ms);
  t.resume = [...d.resume, from as DossierState];
  const recv = d.receivedAt === null ? ms : (msOfLine(d, 'received') ?? instantMs(d.receivedAt, 'receivedAt'));
  const window = proc.window ?? rs?.supplementWindow ?? THREE_WORKING_DAYS;
  const recvOff = offOf(idx, dayOfMs(recv));
  const reqOff = offOf(idx, dayOfMs(ms));
  // more than n working days in (receipt, request]; a calendar-day window: after its last day
  const late = window.unit === 'working-day' ? workingDaysBetweenOff(idx, recvOff, reqOff) > window.amount : reqOff > periodLastOff(idx, recvOff, window);
  {
    d.supplements++;
    if (late) warn(d, h, 'supplement-within-3-working-days', { vi: `yêu cầu bổ sung sau hơn ${amountVi(window.amount, window.unit)} kể từ khi tiếp nhận (khoản 5 Điều 19 Nghị định 118/2025)`, en: `supplement requested more than ${window.amount} ${window.unit === 'working-day' ? 'working days' : 'days'} after receipt (Decree 118/2025 Art 19(5))` });
    if (d.supplements > 1) warn(d, h, 'supplement-once', { vi: `yêu cầu bổ sung lần thứ ${d.supplements}: pháp luật chỉ cho phép một lần`, en: `supplement request number ${d.supplements}: the law allows one` });
  }
}

/** Nhận hồ sơ bổ sung: the clock resumes, restarted from the complete dossier (legal rule) or shifted by the elapsed wait (Decision 766 formula); open steps shift too; warns past the closure period. */
function onSupplementReceived(t: Turn): void {
  const { d, h, x, ms } = t;
  const c = x.c;
  const idx = x.c.idx;
  const cl = t.clock!;
  const waitedFrom = cl.pausedMs;
  if (d.policy.supplement === 'legal-restart') {
    t.clock = clockFrom(c, dueOn(x, ms, cl.limit, d.channel ?? 'direct'), cl.limit, cl.restarts + 1, cl.excluded);
  } else t.clock = elapsedShiftedClock(c, cl, ms - waitedFrom);
  t.steps = shiftedSteps(c, h, d.steps, waitedFrom, ms);
  t.resume = d.resume.slice(0, -1);
  t.to = d.resume[d.resume.length - 1] ?? 'in-process';
  const closure = closureOf(x, ruleSetOf(d));
  if (closure !== null && offOf(idx, dayOfMs(ms)) > periodLastOff(idx, offOf(idx, dayOfMs(waitedFrom)), closure)) {
    warn(d, h, 'supplement-closure-period', { vi: `hồ sơ bổ sung được nhận sau ${amountVi(closure.amount, closure.unit)} kể từ khi yêu cầu bổ sung: hồ sơ đã có thể bị đóng (khoản 5 Điều 19 Nghị định 118/2025)`, en: `supplement received after the ${closure.amount} ${closure.unit === 'working-day' ? 'working days' : 'days'} following the request: the dossier could have been closed (Decree 118/2025 Art 19(5))` });
  }
}

/** Hết hạn bổ sung: the dossier is closed for no supplement, only once the closure period has run (Decree 118/2025 Art 19(5); Civil Code Art 147-148). */
function onSupplementExpired(t: Turn): void {
  const { d, e, h, x, ms } = t;
  const idx = x.c.idx;
  const closure = closureOf(x, ruleSetOf(d));
  if (closure === null) fail(d, e, 'INVALID_TRANSITION', 'supplement-closure-period', { vi: `thủ tục ${d.procedure.code} không quy định thời hạn đóng hồ sơ khi không bổ sung (procedure.supplement.closure là null)`, en: `procedure ${d.procedure.code} sets no closure period for a missing supplement (procedure.supplement.closure is null)` });
  const since = t.clock === null ? ms : t.clock.pausedMs;
  const lastOff = periodLastOff(idx, offOf(idx, dayOfMs(since)), closure);
  if (!(offOf(idx, dayOfMs(ms)) > lastOff)) {
    fail(d, e, 'INVALID_TRANSITION', 'supplement-closure-period', {
      vi: `thời hạn ${amountVi(closure.amount, closure.unit)} để bổ sung hồ sơ kéo dài đến hết ngày ${dateOfOff(idx, lastOff)} (khoản 5 Điều 19 Nghị định 118/2025; Điều 147-148 Bộ luật Dân sự)`,
      en: `the ${closure.amount} ${closure.unit === 'working-day' ? 'working days' : 'days'} for the supplement run until ${dateOfOff(idx, lastOff)} (Decree 118/2025 Art 19(5); Civil Code Art 147-148)`,
    });
  }
  setEnd(d, h, 'closed-no-supplement');
}

/** Tạm dừng tính thời gian: a clock stop the procedure provides for (financial obligation, posting, assessment...); the clock pauses. */
function onClockStopped(t: Turn): void {
  const { d, e, ms, at, from, x } = t;
  const proc = x.proc;
  const ev = e as ClockStoppedEvent;
  if (!(proc.clockStops.has(ev.reason))) fail(d, e, 'INVALID_TRANSITION', 'clock-stop-reason-of-procedure', {
      vi: `thủ tục ${d.procedure.code} không có trường hợp tạm dừng tính thời gian vì lý do ${show(ev.reason, 'vi')} (các lý do của thủ tục: ${[...proc.clockStops].map((r) => show(r, 'vi')).join(', ') || 'không có'})`,
      en: `procedure ${d.procedure.code} has no clock stop for ${ev.reason} (its clockStops: ${[...proc.clockStops].join(', ') || 'none'})`,
    });
  t.to = ev.reason === 'financial-obligation' ? 'financial-obligation' : 'clock-stopped';
  t.clock = paused(t.clock!, 'clock-stop', at, ms);
  t.resume = [...d.resume, from as DossierState];
}

/** Tiếp tục tính thời gian: the pause ends; the due date (and open steps) move later by the excluded working time. */
function onClockResumed(t: Turn): void {
  const { d, h, ms, x } = t;
  const c = x.c;
  const cl = t.clock!;
  t.clock = shiftClock(c, cl, cl.pausedMs, ms);
  t.steps = shiftedSteps(c, h, d.steps, cl.pausedMs, ms);
  t.resume = d.resume.slice(0, -1);
  t.to = d.resume[d.resume.length - 1] ?? 'in-process';
}

/** Gia hạn (thư xin lỗi): one extension, announced at least the notice days before the due date, to a later working day (Decree 118/2025 Art 19(6)). */
function onExtended(t: Turn): void {
  const { d, e, ms, x } = t;
  const c = x.c;
  const idx = x.c.idx;
  const ev = e as ExtendedEvent;
  const cl = t.clock!;
  const rs = ruleSetOf(d);
  const max = rs?.maxExtensions ?? 1;
  if (!(d.extensions < max)) fail(d, e, 'INVALID_TRANSITION', 'extension-once', { vi: `hạn giải quyết chỉ được gia hạn một lần (khoản 6 Điều 19 Nghị định 118/2025); hồ sơ đã được gia hạn đến ngày ${cl.dueDate}`, en: `the due date may be extended only once (Decree 118/2025 Art 19(6)); it was extended to ${cl.dueDate}` });
  const notice = rs?.extensionNoticeDays ?? 1;
  const dueDay = dayOfMs(cl.dueMs);
  if (!(dayOfMs(ms) <= dueDay - notice)) fail(d, e, 'INVALID_TRANSITION', 'extension-notice', {
      vi: `văn bản xin lỗi và hẹn lại ngày trả kết quả phải gửi trước hạn giải quyết ${cl.dueDate} ít nhất ${notice} ngày; văn bản được gửi ngày ${dateOfOff(idx, offOf(idx, dayOfMs(ms)))}`,
      en: `the apology letter must come at least ${notice} day before the due date ${cl.dueDate}; it came on ${dateOfOff(idx, offOf(idx, dayOfMs(ms)))}`,
    });
  const untilDay = tryParseDate(ev.until);
  if (!(untilDay > dueDay)) fail(d, e, 'INVALID_TRANSITION', 'extension-later-date', { vi: `ngày hẹn mới ${ev.until} không sau hạn giải quyết ${cl.dueDate}`, en: `the new date ${ev.until} is not later than the due date ${cl.dueDate}` });
  const off = offOf(idx, untilDay);
  if (!idx.working[off]) fail(d, e, 'INVALID_TRANSITION', 'extension-working-day', { vi: `ngày hẹn mới ${ev.until} không phải là ngày làm việc theo lịch (khoản 6 Điều 19 Nghị định 118/2025)`, en: `the new date ${ev.until} is not a working day of the calendar (Decree 118/2025 Art 19(6))` }, ev.until, 'until');
  const dueMs = closeOf(c, off);
  const n = copyClock(cl);
  n.dueMs = dueMs;
  n.dueAt = formatMs(c, dueMs);
  n.dueDate = dateOfOff(idx, off);
  t.clock = n;
  {
    d.extensions++;
  }
}

/** Từ chối giải quyết: the dossier ends refused; open steps close. */
function onRefused(t: Turn): void {
  const { d, h, ms, at } = t;
  {
    closeSteps(d, h, at, ms);
    setEnd(d, h, 'refused');
  }
}

/** Xin rút hồ sơ: before official receipt only an online applicant may stop the dossier (Decree 118/2025 Art 21(2)); the dossier ends withdrawn until declined. */
function onWithdrawalRequested(t: Turn): void {
  const { d, e, h, from } = t;
  if ((from === 'submitted' || from === 'intake-supplement') && d.channel !== 'online') {
    fail(d, e, 'INVALID_TRANSITION', 'withdrawal-online-before-receipt', {
      vi: `trước khi tiếp nhận chính thức, chỉ người nộp hồ sơ trực tuyến mới được đề nghị dừng giải quyết hồ sơ (khoản 2 Điều 21 Nghị định 118/2025); hồ sơ này nộp qua kênh ${channelVi(d.channel ?? 'direct')}`,
      en: `before official receipt only an online applicant may ask to stop the dossier (Decree 118/2025 Art 21(2)); this one came by the ${d.channel ?? 'direct'} channel`,
    });
  }
  t.resume = [...d.resume, from as DossierState];
  setEnd(d, h, 'withdrawn');
}

/** Không chấp nhận rút hồ sơ: back to the state before the request; the withdrawal end is cleared. */
function onWithdrawalDeclined(t: Turn): void {
  const { d } = t;
  t.resume = d.resume.slice(0, -1);
  t.to = d.resume[d.resume.length - 1] ?? 'in-process';
  {
    if (d.end?.kind === 'withdrawn') d.end = null;
  }
}

/** Dừng xử lý: the dossier ends stopped; open steps close. */
function onStopped(t: Turn): void {
  const { d, h, ms, at } = t;
  t.resume = [];
  {
    closeSteps(d, h, at, ms);
    setEnd(d, h, 'stopped');
  }
}

/** Đã giải quyết: the result is ready; the KPI end. */
function onResolved(t: Turn): void {
  const { d, h, ms, at } = t;
  {
    closeSteps(d, h, at, ms);
    d.resolvedAt = at;
    setEnd(d, h, 'resolved');
  }
}

/** Trả kết quả: the result is handed over (the first return is kept). */
function onReturned(t: Turn): void {
  const { d, at } = t;
  {
    d.returnedAt ??= at;
  }
}

/** Đã đính chính: the faulty result is corrected; warns past 3 working days after the request (Decree 118/2025 Art 23). */
function onCorrected(t: Turn): void {
  const { d, h, ms, at } = t;
  const last = d.corrections[d.corrections.length - 1];
  // the due date this fold wrote is read back as its day number, not parsed again (#18)
  const late = last !== undefined && dayOfMs(ms) > (last.dueDate === h.corrDue ? h.corrDueDay : (tryParseDate(last.dueDate) as number));
  {
    if (last) d.corrections[d.corrections.length - 1] = { ...last, correctedAt: at };
    if (late) warn(d, h, 'correction-within-3-working-days', { vi: 'kết quả có sai sót được đính chính sau hơn 3 ngày làm việc kể từ khi có yêu cầu (Điều 23 Nghị định 118/2025)', en: 'the faulty result was corrected more than 3 working days after the request (Decree 118/2025 Art 23)' });
  }
}

/** Yêu cầu đính chính: a correction of the result is requested, due within 3 working days (Decree 118/2025 Art 23). */
function onCorrectionRequested(t: Turn): void {
  const { d, h, ms, at, x } = t;
  const idx = x.c.idx;
  const dueOff = addWorkingOff(idx, offOf(idx, dayOfMs(ms)), 3);
  const due = dateOfOff(idx, dueOff);
  d.corrections.push({ requestedAt: at, dueDate: due, correctedAt: null });
  h.corrDue = due;
  h.corrDueDay = idx.fromDay + dueOff;
}

/** Yêu cầu bổ sung khi tiếp nhận: the intake desk asks for a complete dossier; for an online one the notice is due within 8 working hours of the (re)submission (Decree 118/2025 Art 17(2)). */
function onIntakeSupplementRequested(t: Turn): void {
  const { d, h, ms, from, x } = t;
  const idx = x.c.idx;
  // Art 17(2): the supplement request notice, like the receipt, is due within 8 working hours of the (re)submission
  const late = from === 'submitted' && d.channel === 'online' && overOnlineHours(d, idx, lastSubmissionMs(d, h), ms);
  if (late) warn(d, h, 'online-receipt-8-working-hours', { vi: `yêu cầu bổ sung khi tiếp nhận sau hơn ${d.policy.onlineReceiptHours} giờ làm việc kể từ khi nộp (hoặc nộp lại) trực tuyến (khoản 2 Điều 17 Nghị định 118/2025)`, en: `intake supplement request more than ${d.policy.onlineReceiptHours} working hours after the online (re)submission (Decree 118/2025 Art 17(2))` });
}

/** Chuyển hồ sơ: once; the same working day (or the next when received after 15:00) for a counter dossier (Art 18(2)), within 1 working day for a paper non-boundary one (Art 20(1)(a)). */
function onTransferred(t: Turn): void {
  const { d, e, h, ms, x } = t;
  const idx = x.c.idx;
  scanLog(d, h);
  if (h.transferId !== null) fail(d, e, 'INVALID_TRANSITION', 'transfer-once', { vi: `hồ sơ đã được chuyển (sự kiện ${show(h.transferId, 'vi')})`, en: `the dossier was already transferred (event ${show(h.transferId)})` });
  const recv = msOfLine(d, 'received') ?? instantMs(d.receivedAt!, 'receivedAt');
  const rDay = dayOfMs(recv);
  const rOff = offOf(idx, rDay);
  const tOff = offOf(idx, dayOfMs(ms));
  if (d.nonBoundary && d.channel !== 'online') {
    if (workingDaysBetweenOff(idx, rOff, tOff) > 1) warn(d, h, 'transfer-paper-1-working-day', { vi: 'hồ sơ giấy tiếp nhận không phụ thuộc địa giới hành chính được chuyển sau hơn 1 ngày làm việc kể từ khi tiếp nhận (điểm a khoản 1 Điều 20 Nghị định 118/2025)', en: 'paper dossier received outside the competent agency’s area transferred more than 1 working day after receipt (Decree 118/2025 Art 20(1)(a))' });
  } else if (d.channel !== 'online') {
    // Art 18(2): the same working day, or the next one when received after 15:00 (or on a day off)
    const minute = recv / 60000 + 420 - rDay * 1440;
    const lastOff = idx.working[rOff] && minute <= 900 ? rOff : addWorkingOff(idx, rOff, 1);
    if (tOff > lastOff) warn(d, h, 'transfer-same-working-day', {
        vi: `hồ sơ được chuyển sau ngày ${dateOfOff(idx, lastOff)}: phải chuyển trong ngày làm việc tiếp nhận, hoặc ngày làm việc tiếp theo nếu tiếp nhận sau 15:00 (khoản 2 Điều 18 Nghị định 118/2025)`,
        en: `dossier transferred after ${dateOfOff(idx, lastOff)}: the same working day, or the next one when received after 15:00 (Decree 118/2025 Art 18(2))`,
      });
  }
}

/** Xác định phí, lệ phí: a fee (0: free) is assessed, not once it is paid. */
function onFeeAssessed(t: Turn): void {
  const { d, e, h } = t;
  if (feeOf(d, h) === 'paid') fail(d, e, 'INVALID_TRANSITION', 'fee-not-paid', { vi: 'phí, lệ phí đã được nộp: không thể xác định lại (hãy hoàn phí trước)', en: 'the fee is already paid: it cannot be assessed again (refund it first)' });
}

/** Nộp phí: the assessed fee is paid, through the counter, the national portal or a bank transfer. */
function onFeePaid(t: Turn): void {
  const { d, e, h } = t;
  const st = feeOf(d, h);
  if (st !== 'assessed') {
    fail(
      d,
      e,
      'INVALID_TRANSITION',
      'fee-assessed',
      st === 'paid'
        ? { vi: 'phí, lệ phí đã được nộp', en: 'the fee is already paid' }
        : st === 'free'
          ? { vi: 'mức phí, lệ phí được xác định là 0: không có khoản nào phải nộp', en: 'the assessed fee is 0: there is nothing to pay' }
          : { vi: 'hồ sơ chưa được xác định phí, lệ phí: cần có sự kiện fee-assessed trước khi nộp phí', en: 'no fee has been assessed for this dossier: a payment needs a fee-assessed event first' },
    );
  }
}

/** Hoàn phí: a paid fee is refunded (e.g. on withdrawal). */
function onFeeRefunded(t: Turn): void {
  const { d, e, h } = t;
  if (feeOf(d, h) !== 'paid') fail(d, e, 'INVALID_TRANSITION', 'fee-paid', { vi: 'không có khoản phí, lệ phí đã nộp để hoàn trả', en: 'no paid fee to refund' });
}

/** Từ chối tiếp nhận, bổ sung khi tiếp nhận: only the state changes (the table row says which). */
function noChange(t: Turn): void {

}

/** Event type → its handler. */
export const HANDLERS: Readonly<Record<DossierEventType, Handler>> = {
  'submitted': onSubmitted,
  'received': onReceived,
  'agency-received': onAgencyReceived,
  'step-started': onStepStarted,
  'step-completed': onStepCompleted,
  'supplement-requested': onSupplementRequested,
  'supplement-received': onSupplementReceived,
  'supplement-expired': onSupplementExpired,
  'clock-stopped': onClockStopped,
  'clock-resumed': onClockResumed,
  'extended': onExtended,
  'refused': onRefused,
  'withdrawal-requested': onWithdrawalRequested,
  'withdrawal-declined': onWithdrawalDeclined,
  'stopped': onStopped,
  'resolved': onResolved,
  'returned': onReturned,
  'corrected': onCorrected,
  'correction-requested': onCorrectionRequested,
  'intake-supplement-requested': onIntakeSupplementRequested,
  'transferred': onTransferred,
  'fee-assessed': onFeeAssessed,
  'fee-paid': onFeePaid,
  'fee-refunded': onFeeRefunded,
  'rejected': noChange,
  'intake-supplemented': noChange,
};
