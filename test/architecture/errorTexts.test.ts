// Every error of the calendar, procedure, schema and dossier layers has a Vietnamese and an English
// text (#19): `texts.vi` for the officer, `texts.en` (= `message`, unchanged) for the developer. The
// first part triggers a representative error of every family of throw sites and checks that the
// Vietnamese is Vietnamese (not the English again, no English words); the second scans the sources
// so that a new throw with a plain English string fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, addWorkingHours, calendarTable, createCalendar, daysOff, dueDate, explain, isWorkingDay, messageOf, tetDate, workingHoursBetween } from '../../src/calendar/index';
import type { ErrorTexts, MotcuaError } from '../../src/calendar/index';
import { dueDateFor } from '../../src/procedure/index';
import { parseCatalog, parseProcedure, parseProcedureOrThrow } from '../../src/schema/index';
import { checkDossierCode, evolve, formatDossierCode, initial, parseDossierCode, replay, replayMany, timeliness } from '../../src/dossier/index';
import type { DossierError, DossierEvent, DossierProcedure } from '../../src/dossier/index';
import { ev, interlinked, simpleProcedure } from '../dossier/_fixtures';

const root = fileURLToPath(new URL('../../', import.meta.url));
const VI_LETTERS = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;
/** Technical words that may stand in both texts: formats, constants, names of functions and JSON values. */
const TECHNICAL = new Set(['iso', 'utc', 'json', 'vnd', 'yyyy', 'yymmdd', 'null', 'true', 'false', 'createcalendar', 'initial', 'replay', 'epoch', 'none', 'undefined', 'type']);

/** Words of a text once the parts that are data, not language, are gone: quoted values, `{ shapes }`, codes, paths, numbers. */
function words(text: string, identifiers: readonly string[]): string[] {
  let t = text;
  for (const id of identifiers) if (id.length >= 3) t = t.replace(new RegExp(`(?<![\\w-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'g'), ' ');
  t = t
    .replace(/"[^"]*"|'[^']*'|`[^`]*`/g, ' ') // quoted values
    .replace(/\{[^}]*\}/g, ' ') // shapes { amount, unit }
    .replace(/\(\s*[^\s()]+\s*\)/g, ' ') // a code named in parentheses: (online), (note)
    .replace(/(?:expected )?one of [^;]*|một trong:? [^;]*/g, ' ') // lists of allowed codes
    .replace(/[^\s,;()]*[-._/\d[\]:<>=|?][^\s,;()]*/g, ' '); // paths, dates, codes with - . _ or digits
  return t
    .split(/[^A-Za-zÀ-ỹ]+/)
    .filter((w) => w.length >= 3 && !/[A-Z].*[A-Z]|[a-z][A-Z]/.test(w) && !VI_LETTERS.test(w))
    .map((w) => w.toLowerCase());
}

/** The checks every pair of texts must pass. */
function checkTexts(t: ErrorTexts, identifiers: readonly string[] = []): void {
  expect(t.vi).not.toBe(t.en);
  expect(t.vi).toMatch(VI_LETTERS);
  const viWords = new Set(words(t.vi, identifiers));
  // the English of a schema issue quotes the Vietnamese label in parentheses: that part is not English
  let en = t.en;
  for (let before = ''; before !== en; ) {
    before = en;
    en = en.replace(/\([^()]*\)/g, (m) => (VI_LETTERS.test(m) ? ' ' : m.replace('(', '\u0000').replace(')', '\u0001')));
  }
  const english = words(en.replace(/\u0000/g, '(').replace(/\u0001/g, ')'), identifiers).filter((w) => !TECHNICAL.has(w) && viWords.has(w));
  expect(english, `English words in "${t.vi}"`).toEqual([]);
}

function caught(f: () => unknown): MotcuaError {
  try {
    f();
  } catch (e) {
    return e as MotcuaError;
  }
  throw new Error('did not throw');
}

/** Check a thrown error: a MotcuaError whose texts pass, message unchanged (= texts.en), messageOf gives the Vietnamese. */
function checkError(f: () => unknown): MotcuaError {
  const e = caught(f);
  expect(e.name === 'MotcuaError' || e.name === 'DossierError').toBe(true);
  expect(e.texts.en).toBe(e.message);
  expect(messageOf(e)).toBe(e.texts.vi);
  const d = e as Partial<DossierError>;
  const ids = [e.field ?? '', typeof e.value === 'string' ? e.value : '', d.state ?? '', d.event ?? '', d.rule ?? '', d.eventId ?? ''].sort((a, b) => b.length - a.length);
  checkTexts(e.texts, ids);
  return e;
}

const at = '2026-03-02T09:00+07:00';
const procedure = simpleProcedure(3);

const CASES: [string, () => unknown][] = [
  // src/_lib: locale, civil dates, clock times, instants, out of range
  ['locale', () => explain('2026-03-02', undefined, { locale: 'fr' as never })],
  ['locale options', () => explain('2026-03-02', undefined, 5 as never)],
  ['date: not a string', () => isWorkingDay(20260302 as never)],
  ['date: not real', () => isWorkingDay('2025-02-30')],
  ['date: not padded', () => isWorkingDay('2025-2-3')],
  ['clock time', () => dueDate({ receivedAt: at, limit: { amount: 1, unit: 'working-day' }, cutoff: '25:00' })],
  ['instant: invalid Date', () => addWorkingHours(new Date(Number.NaN), 1)],
  ['instant: not a string', () => addWorkingHours(5 as never, 1)],
  ['instant: not ISO', () => addWorkingHours('tomorrow', 1)],
  ['instant: no offset', () => addWorkingHours('2026-03-02T09:00', 1)],
  ['instant: not real', () => addWorkingHours('2026-02-30T09:00+07:00', 1)],
  ['instant: offset', () => addWorkingHours('2026-03-02T09:00+19:00', 1)],
  ['due date out of range', () => dueDate({ receivedAt: '2100-12-30T09:00+07:00', limit: { amount: 30, unit: 'working-day' } })],
  ['calendar-day due date out of range', () => dueDate({ receivedAt: '2100-12-30T09:00+07:00', limit: { amount: 30, unit: 'calendar-day' } })],
  ['instant out of range', () => workingHoursBetween('1980-01-01T09:00+07:00', at)],
  // src/calendar
  ['date out of range', () => isWorkingDay('1980-01-01')],
  ['working days out of range', () => addWorkingDays('2100-12-30', 10)],
  ['integer', () => addWorkingDays('2026-03-02', 1.5)],
  ['finite number', () => addWorkingHours(at, Number.NaN)],
  ['year of daysOff', () => daysOff(1.5)],
  ['daysOff out of range', () => daysOff(1800)],
  ['lunar year', () => tetDate(1.5)],
  ['lunar out of range', () => tetDate(1800)],
  ['calendar table', () => calendarTable({ fromYear: 2026, toYear: 2025 })],
  ['limit shape', () => dueDate({ receivedAt: at, limit: 3 as never })],
  ['limit unit', () => dueDate({ receivedAt: at, limit: { amount: 3, unit: 'week' as never } })],
  ['same-day amount', () => dueDate({ receivedAt: at, limit: { amount: 2, unit: 'same-day' } })],
  ['negative amount', () => dueDate({ receivedAt: at, limit: { amount: -1, unit: 'working-day' } })],
  ['calendar-day fraction', () => dueDate({ receivedAt: at, limit: { amount: 1.5, unit: 'calendar-day' } })],
  ['dueDate input', () => dueDate(null as never)],
  ['options object', () => createCalendar(5 as never)],
  ['unknown option', () => createCalendar({ swap: [] } as never)],
  ['option year', () => createCalendar({ fromYear: 'x' as never })],
  ['option year range', () => createCalendar({ fromYear: 1800 })],
  ['toYear before fromYear', () => createCalendar({ fromYear: 2026, toYear: 2025 })],
  ['boolean option', () => createCalendar({ cultureDay: 'yes' as never })],
  ['weekday', () => createCalendar({ weeklyRest: [7 as never] })],
  ['a week without work', () => createCalendar({ weeklyRest: [0, 1, 2, 3, 4, 5, 6] })],
  ['hours per day', () => createCalendar({ hoursPerWorkingDay: 0 })],
  ['array option', () => createCalendar({ extraDaysOff: 'x' as never })],
  ['override shape', () => createCalendar({ extraDaysOff: [5 as never] })],
  ['override date', () => createCalendar({ extraDaysOff: [{ date: 5 as never }] })],
  ['override text', () => createCalendar({ extraDaysOff: [{ date: '2026-03-02', name: 5 as never }] })],
  ['option date', () => createCalendar({ extraDaysOff: ['2026-02-30'] })],
  ['override out of range', () => createCalendar({ fromYear: 2026, toYear: 2026, extraDaysOff: ['2027-03-02'] })],
  ['override twice', () => createCalendar({ extraDaysOff: ['2026-03-02'], extraWorkingDays: ['2026-03-02'] })],
  ['schedule shape', () => createCalendar({ schedules: [5 as never] })],
  ['schedule source', () => createCalendar({ schedules: [{ year: 2030, daysOff: [] } as never] })],
  ['two schedules', () => createCalendar({ schedules: [{ year: 2030, daysOff: [], source: 's' }, { year: 2030, daysOff: [], source: 's' }] })],
  ['schedule year', () => createCalendar({ schedules: [{ year: 2030, daysOff: ['2031-01-02'], source: 's' }] })],
  ['swap shape', () => createCalendar({ swaps: [5 as never] })],
  ['swap day off already off', () => createCalendar({ swaps: [{ dayOff: '2026-03-07', workingDay: '2026-03-02' }] })],
  ['swap working day a holiday', () => createCalendar({ swaps: [{ dayOff: '2026-03-02', workingDay: '2026-09-02' }] })],
  ['swap working day already working', () => createCalendar({ swaps: [{ dayOff: '2026-03-02', workingDay: '2026-03-03' }] })],
  ['office hours shape', () => createCalendar({ officeHours: 5 as never })],
  ['office hours key', () => createCalendar({ officeHours: { periods: [['08:00', '12:00']], x: 1 } as never })],
  ['office periods', () => createCalendar({ officeHours: { periods: [] } })],
  ['office period', () => createCalendar({ officeHours: { periods: [['08:00'] as never] } })],
  ['office overlap', () => createCalendar({ officeHours: { periods: [['08:00', '12:00'], ['11:00', '17:00']] } })],
  ['seasons', () => createCalendar({ officeHours: { periods: [['08:00', '12:00']], seasons: 5 as never } })],
  ['season', () => createCalendar({ officeHours: { periods: [['08:00', '12:00']], seasons: [5 as never] } })],
  ['month-day', () => createCalendar({ officeHours: { periods: [['08:00', '12:00']], seasons: [{ from: '13-01', to: '12-31', periods: [['08:00', '12:00']] }] } })],
  // src/procedure
  ['channel not offered', () => dueDateFor({ code: '1.000001', channels: [{ channel: 'direct', limit: { amount: 3, unit: 'working-day' }, fees: [] }], cutoff: null } as never, 'online', at)],
  // src/schema
  ['invalid procedure', () => parseProcedureOrThrow({ code: 'x', channels: [] })],
  // src/dossier: options, procedure, policy, calendar, codes
  ['replay events', () => replay(5 as never, { procedure })],
  ['initial options', () => initial(5 as never)],
  ['dossier id', () => initial({ procedure, id: 5 as never })],
  ['procedure shape', () => initial({ procedure: 5 as never })],
  ['procedure channel', () => initial({ procedure: { ...procedure, channels: [5 as never] } })],
  ['procedure channel name', () => initial({ procedure: { ...procedure, channels: [{ channel: 'fax' as never, limit: { amount: 1, unit: 'working-day' } }] } })],
  ['procedure cutoff', () => initial({ procedure: { ...procedure, cutoff: 5 as never } })],
  ['clock stops', () => initial({ procedure: { ...procedure, clockStops: 5 as never } })],
  ['clock-stop reason', () => initial({ procedure: { ...procedure, clockStops: ['lunch' as never] } })],
  ['steps', () => initial({ procedure: { ...procedure, steps: 5 as never } })],
  ['step', () => initial({ procedure: { ...procedure, steps: { mode: 'sequential', items: [5 as never] } } })],
  ['step id', () => initial({ procedure: { ...procedure, steps: { mode: 'sequential', items: [{ id: '' } as never] } } })],
  ['supplement', () => initial({ procedure: { ...procedure, supplement: 5 as never } })],
  ['supplement period', () => initial({ procedure: { ...procedure, supplement: { closure: { amount: 0, unit: 'calendar-day' } } } })],
  ['calendar', () => initial({ procedure, calendar: 5 as never })],
  ['policy', () => initial({ procedure, policy: 5 as never })],
  ['policy field', () => initial({ procedure, policy: { bogus: 1 } as never })],
  ['policy value', () => initial({ procedure, policy: { supplement: 'x' } as never })],
  ['policy hours', () => initial({ procedure, policy: { onlineReceiptHours: -1 } })],
  ['national codes', () => initial({ procedure, policy: { nationalCodes: 5 as never } })],
  ['national code choice', () => initial({ procedure, policy: { nationalCodes: { bogus: 1 } as never } })],
  ['national code', () => initial({ procedure, policy: { nationalCodes: { refused: 99 } as never } })],
  ['code format', () => formatDossierCode({ agency: '000.00.12.H23', date: '2026-03-02', sequence: 1 }, { format: 'x' as never })],
  ['code parts', () => formatDossierCode(5 as never)],
  ['code agency', () => formatDossierCode({ agency: 'x', date: '2026-03-02', sequence: 1 })],
  ['code date', () => formatDossierCode({ agency: '000.00.12.H23', date: '1999-01-01', sequence: 1 })],
  ['code sequence', () => formatDossierCode({ agency: '000.00.12.H23', date: '2026-03-02', sequence: 0 })],
  ['code string', () => parseDossierCode(5 as never)],
  ['code shape', () => parseDossierCode('abc')],
  ['code date part', () => parseDossierCode('000.00.12.H23-260230-0001')],
  ['code sequence 0', () => parseDossierCode('000.00.12.H23-260302-0000')],
  ['code 4 digits', () => parseDossierCode('000.00.12.H23-260302-000001', { format: 'circular-01-2018' })],
  ['code date of receipt', () => checkDossierCode('000.00.12.H23-260302-0001', '2026-03-03')],
  ['timeliness options', () => timeliness(initial({ procedure }), 5 as never)],
  ['dossier', () => timeliness(5 as never)],
  ['dossier arrays', () => timeliness({ ...initial({ procedure }), warnings: 5 } as never)],
  ['dossier history', () => timeliness({ ...initial({ procedure }), history: [{}] } as never)],
  ['replayMany logs', () => replayMany(5 as never)],
  ['replayMany options', () => replayMany([], 5 as never)],
  ['replayMany log', () => replayMany([5 as never])],
  ['replayMany id', () => replayMany([{ events: [], procedure, id: 5 as never }])],
  ['replayMany procedure', () => replayMany([{ events: [] }])],
  ['replayMany epoch ms', () => replayMany([{ events: [{ id: 'a', type: 'received', at: 1e20 }], procedure }], { strict: true })],
];

/** Events refused by the state machine (DossierError), one per family of rules. */
const received = ev('received', at);
const REFUSALS: [string, DossierEvent[], DossierProcedure?][] = [
  ['event object', [5 as never]],
  ['event id', [{ type: 'received', at } as never]],
  ['event type', [{ id: 'a', type: 'sent', at } as never]],
  ['event at', [{ id: 'a', type: 'received', at: 5 } as never]],
  ['event at: no offset', [{ id: 'a', type: 'received', at: '2026-03-02T09:00' } as never]],
  ['by and note', [{ id: 'a', type: 'received', at, by: 5 } as never]],
  ['submission channel', [{ id: 'a', type: 'submitted', at, channel: 'direct' } as never]],
  ['received channel', [{ id: 'a', type: 'received', at, channel: 'fax' } as never]],
  ['nonBoundary', [{ id: 'a', type: 'received', at, nonBoundary: 'yes' } as never]],
  ['appointmentSlip', [{ id: 'a', type: 'received', at, appointmentSlip: 'yes' } as never]],
  ['dossier code', [{ id: 'a', type: 'received', at, code: 'abc' } as never]],
  ['dossier code date', [ev('received', at, { code: '000.00.12.H23-260303-0001' } as never)]],
  ['fee', [received, { id: 'f', type: 'fee-assessed', at, amount: -1 } as never]],
  ['payment channel', [received, { id: 'f', type: 'fee-paid', at, channel: 'cash' } as never]],
  ['payment amount', [received, { id: 'f', type: 'fee-paid', at, channel: 'counter', amount: 1.5 } as never]],
  ['refund amount', [received, { id: 'f', type: 'fee-refunded', at, amount: -5 } as never]],
  ['transfer to', [received, { id: 't', type: 'transferred', at, to: 5 } as never]],
  ['step level', [received, { id: 's', type: 'step-started', at, step: 'a', level: 'planet' } as never]],
  ['step agency', [received, { id: 's', type: 'step-started', at, step: 'a', agency: 5 } as never]],
  ['step budget', [received, { id: 's', type: 'step-started', at, step: 'a', agency: 'x', budget: { amount: 1, unit: 'week' } } as never]],
  ['step id', [received, { id: 's', type: 'step-started', at, agency: 'x' } as never]],
  ['completed step id', [received, { id: 's', type: 'step-completed', at } as never]],
  ['clock-stop reason', [received, { id: 's', type: 'clock-stopped', at, reason: 'lunch' } as never]],
  ['extension date', [received, { id: 'x', type: 'extended', at, until: '2026-02-30' } as never]],
  ['extension letter', [received, { id: 'x', type: 'extended', at, until: '2026-03-20', letter: 5 } as never]],
  ['reason text', [received, { id: 'x', type: 'refused', at, reason: 5 } as never]],
  ['bounded values', [{ id: 'a', type: 'received', at, extra: Object.fromEntries(Array.from({ length: 10_001 }, (_, k) => [`k${k}`, k])) } as never]],
  ['nested too deep', [{ id: 'a', type: 'received', at, extra: JSON.parse(`${'['.repeat(40)}${']'.repeat(40)}`) } as never]],
  ['bigint', [{ id: 'a', type: 'received', at, extra: 5n } as never]],
  ['duplicate id', [received, { ...received, at: '2026-03-02T10:00+07:00' }]],
  ['terminal', [ev('rejected', at), ev('received', at)]],
  ['chronology', [received, ev('resolved', '2026-03-01T09:00+07:00')]],
  ['transition table', [ev('resolved', at)]],
  ['channel offered', [ev('received', at, { channel: 'postal' } as never)], simpleProcedure(3, { channels: [{ channel: 'direct', limit: { amount: 3, unit: 'working-day' } }] })],
  ['rule set in force', [ev('received', '2017-03-02T09:00+07:00')]],
  ['non-boundary', [received, ev('agency-received', at)]],
  ['known step', [received, ev('step-started', at, { step: 'nope' } as never)]],
  ['step in progress', [received, ev('step-started', at, { step: 'x', agency: 'UBND xã' } as never), ev('step-started', at, { step: 'x', agency: 'UBND xã' } as never)]],
  ['step not open', [received, ev('step-completed', at, { step: 'x' } as never)]],
  ['supplement once', [received, ev('supplement-requested', at), ev('supplement-received', at), ev('supplement-requested', at)]],
  ['closure not run', [received, ev('supplement-requested', at), ev('supplement-expired', '2026-03-03T09:00+07:00')]],
  ['no clock stop of the procedure', [received, ev('clock-stopped', at, { reason: 'site-inspection' } as never)]],
  ['extension notice', [received, ev('extended', '2026-03-05T09:00+07:00', { until: '2026-03-10' } as never)]],
  ['extension later date', [received, ev('extended', at, { until: '2026-03-04' } as never)]],
  ['extension working day', [received, ev('extended', at, { until: '2026-03-07' } as never)]],
  ['extension once', [received, ev('extended', at, { until: '2026-03-10' } as never), ev('extended', at, { until: '2026-03-11' } as never)]],
  ['withdrawal before receipt', [ev('submitted', at, { channel: 'postal' } as never), ev('withdrawal-requested', at)]],
  ['transfer once', [received, ev('transferred', at), ev('transferred', at)]],
  ['fee paid twice', [received, ev('fee-assessed', at, { amount: 1000 } as never), ev('fee-paid', at, { channel: 'counter' } as never), ev('fee-paid', at, { channel: 'counter' } as never)]],
  ['fee not assessed', [received, ev('fee-paid', at, { channel: 'counter' } as never)]],
  ['fee free', [received, ev('fee-assessed', at, { amount: 0 } as never), ev('fee-paid', at, { channel: 'counter' } as never)]],
  ['fee assessed after payment', [received, ev('fee-assessed', at, { amount: 1000 } as never), ev('fee-paid', at, { channel: 'counter' } as never), ev('fee-assessed', at, { amount: 5 } as never)]],
  ['no fee to refund', [received, ev('fee-refunded', at)]],
  ['calendar range', [ev('received', '2100-12-31T09:00+07:00')]],
];

describe('error texts in Vietnamese and English (#19)', () => {
  it.each(CASES)('%s: texts.vi is Vietnamese, texts.en the unchanged message', (_, f) => {
    checkError(f);
  });

  it.each(REFUSALS)('refused event, %s: the DossierError and the rejected entry have both texts', (_, events, p) => {
    const e = checkError(() => replay(events, { procedure: p ?? { ...procedure, clockStops: ['financial-obligation'] }, strict: true })) as DossierError;
    expect(e.name).toBe('DossierError');
    expect(e.texts.vi).toContain(`[trạng thái ${e.state}, sự kiện ${e.event}`);
    const d = replay(events, { procedure: p ?? { ...procedure, clockStops: ['financial-obligation'] } });
    const r = d.rejected[d.rejected.length - 1]!;
    expect(r.message).toBe(e.message);
    expect(r.texts).toEqual(e.texts);
    expect(JSON.parse(JSON.stringify(r)).texts).toEqual(e.texts); // plain JSON in a stored dossier
  });

  it('the refusals of interlinked steps and rule sets have both texts', () => {
    checkError(() => replay([ev('received', at), ev('step-started', at, { step: 'nope' } as never)], { procedure: interlinked, strict: true }));
  });

  it('warnings keep their English message and add texts { vi, en }', () => {
    const household = { ...simpleProcedure(3), code: '1.001612' };
    const late = replay([ev('received', '2025-07-01T09:00+07:00'), ev('supplement-requested', '2025-07-07T10:00+07:00'), ev('supplement-received', '2025-07-30T10:00+07:00')], { procedure: household, strict: true });
    expect(late.warnings.map((w) => w.rule)).toEqual(['supplement-within-3-working-days', 'supplement-closure-period']);
    for (const w of late.warnings) {
      expect(w.texts!.en).toBe(w.message);
      checkTexts(w.texts!, [w.rule]);
    }
    const transferred = replay([ev('received', '2026-03-02T09:00+07:00'), ev('transferred', '2026-03-04T09:00+07:00')], { procedure, strict: true });
    expect(transferred.warnings.map((w) => w.rule)).toEqual(['transfer-same-working-day']);
    checkTexts(transferred.warnings[0]!.texts!);
    const online = replay([ev('submitted', '2026-03-02T09:00+07:00', { channel: 'online' } as never), ev('received', '2026-03-05T09:00+07:00')], { procedure: simpleProcedure(3, { channels: [{ channel: 'online', limit: { amount: 3, unit: 'working-day' } }] } as never), strict: true });
    expect(online.warnings.map((w) => w.rule)).toEqual(['online-receipt-8-working-hours']);
    checkTexts(online.warnings[0]!.texts!);
  });

  it('schema issues: texts.vi with the Vietnamese label, texts.en = message, path and code keys unchanged', () => {
    const bad = {
      code: 'x',
      name: '',
      channels: [
        { channel: 'direct', limit: { amount: -1, unit: 'working-day' } },
        { channel: 'direct', limit: { amount: 2, unit: 'same-day' } },
        { channel: 'online', limit: { amount: 1.5, unit: 'calendar-day' } },
        { channel: 'postal', limit: { amount: 1, unit: 'week' } },
      ],
      cutoff: { time: '25:00' },
      extra: 1,
      steps: { mode: 'sequential', items: [] },
    };
    const r = parseProcedure(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.length).toBeGreaterThan(5);
    for (const i of r.issues) {
      expect(Object.keys(i)).toEqual(['path', 'at', 'label', 'message', 'texts']);
      expect(i.texts.en).toBe(i.message);
      expect(i.texts.vi.startsWith(`${i.label} tại ${i.at}: `)).toBe(true);
      checkTexts({ vi: i.texts.vi.slice(i.label.length), en: i.message.slice(i.message.indexOf(' at ')) }, [i.at]);
    }
    const c = parseCatalog({ procedures: [{ ...bad, code: '1.000001' }, { ...bad, code: '1.000001' }] });
    expect(c.ok).toBe(false);
    if (!c.ok) for (const i of c.issues) expect(i.texts.vi).toMatch(VI_LETTERS);
    // the thrown error lists the issues in each language
    const e = checkError(() => parseProcedureOrThrow(bad));
    expect(e.texts.vi).toContain('thủ tục hành chính không hợp lệ');
  });
});

/** Every .ts file under a directory of src. */
function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const p = join(dir, name);
    if (statSync(join(root, p)).isDirectory()) out.push(...sources(p));
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

describe('no untranslated throw (#19)', () => {
  const DIRS = ['src/errors.ts', 'src/_lib', 'src/calendar', 'src/procedure', 'src/schema', 'src/dossier'];
  const files = DIRS.flatMap((d) => (d.endsWith('.ts') ? [d] : sources(d)));

  it('scans the files of the calendar, procedure, schema and dossier layers', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(files)('%s: new MotcuaError / new DossierError / fail / warn take { vi, en }, never a plain string', (file) => {
    const text = readFileSync(join(root, file), 'utf8');
    const bad: string[] = [];
    // the message is the second argument of the constructors, the fifth of fail(d, e, code, rule, message) and the fourth of warn(d, h, rule, message)
    const sites = /new (?:MotcuaError|DossierError)\(\s*[^,]+,\s*(\S)|\bfail\(\s*d,\s*[^,]+,\s*[^,]+,\s*'[^']*',\s*(\S)|\bwarn\(\s*d,\s*h,\s*'[^']*',\s*(\S)/g;
    for (const m of text.matchAll(sites)) {
      const first = m[1] ?? m[2] ?? m[3];
      if (first === "'" || first === '"' || first === '`') bad.push(text.slice(m.index, m.index + 120).split('\n')[0]!);
    }
    expect(bad).toEqual([]);
  });

  it('the scan catches a plain message', () => {
    const sites = /new (?:MotcuaError|DossierError)\(\s*[^,]+,\s*(\S)/g;
    expect([..."throw new MotcuaError('INVALID_DATE', `x ${y}`, v)".matchAll(sites)].map((m) => m[1])).toEqual(['`']);
    expect([..."throw new MotcuaError('INVALID_DATE', { vi: 'x', en: 'y' }, v)".matchAll(sites)].map((m) => m[1])).toEqual(['{']);
  });
});
