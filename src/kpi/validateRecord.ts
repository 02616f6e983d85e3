import { tryParseDate } from '../_lib/civil/date';
import type { DossierRecord } from './types';

const CHANNELS = new Set(['direct', 'online', 'postal']);
const LEVELS = new Set(['ministry', 'province', 'district', 'commune']);
const ENDS = new Set(['resolved', 'refused', 'stopped', 'withdrawn']);
const FLAGS = ['digitised', 'eResult', 'feeDue', 'paidOnline', 'synced', 'complaint'] as const;
const OPTIONAL_FLAGS = ['paperResultRequired', 'reusedData', 'dataStored', 'componentsFromStore'] as const;
const PAUSES = new Set(['supplement', 'financial-obligation', 'other']);

function day(v: unknown): number {
  return typeof v === 'string' ? tryParseDate(v) : NaN;
}

/**
 * Check a dossier record (kiểm tra bản ghi hồ sơ) and return every problem as `field: reason`;
 * an empty list means the record is usable. Besides types and enumerations, the dates must be in
 * order: due and end not before receipt, return not before the end, the original due date not
 * after the extended one; an end date needs its kind and the reverse.
 *
 * @example
 * ```ts
 * import { validateRecord } from 'motcua/kpi';
 * validateRecord({ id: 'H1', procedureCode: '1.001193', field: 'Hộ tịch', agency: 'UBND xã A', level: 'commune', channel: 'online',
 *   receivedOn: '2024-01-10', dueOn: '2024-01-09', finishedOn: null, finishedAs: null, supplements: 0, extensions: 0,
 *   digitised: true, eResult: false, feeDue: false, paidOnline: false, synced: true, complaint: false });
 * // ['dueOn: 2024-01-09 is before receivedOn 2024-01-10']
 * ```
 */
export function validateRecord(r: DossierRecord): string[] {
  const problems: string[] = [];
  if (typeof r !== 'object' || r === null) return [`record: expected an object, got ${r === null ? 'null' : typeof r}`];
  for (const f of ['id', 'procedureCode', 'field', 'agency'] as const) {
    if (typeof r[f] !== 'string' || (f !== 'field' && f !== 'agency' && r[f] === '')) problems.push(`${f}: expected a non-empty string`);
  }
  if (!LEVELS.has(r.level)) problems.push(`level: ${JSON.stringify(r.level)} is not ministry, province, district or commune`);
  if (!CHANNELS.has(r.channel)) problems.push(`channel: ${JSON.stringify(r.channel)} is not direct, online or postal`);
  const received = day(r.receivedOn);
  const due = day(r.dueOn);
  if (received !== received) problems.push(`receivedOn: ${JSON.stringify(r.receivedOn)} is not a civil date "YYYY-MM-DD"`);
  if (due !== due) problems.push(`dueOn: ${JSON.stringify(r.dueOn)} is not a civil date "YYYY-MM-DD"`);
  else if (due < received) problems.push(`dueOn: ${r.dueOn} is before receivedOn ${r.receivedOn}`);
  const finished = r.finishedOn == null ? null : day(r.finishedOn);
  if (finished !== null && finished !== finished) problems.push(`finishedOn: ${JSON.stringify(r.finishedOn)} is not a civil date "YYYY-MM-DD"`);
  else if (finished !== null && finished < received) problems.push(`finishedOn: ${r.finishedOn} is before receivedOn ${r.receivedOn}`);
  if ((r.finishedOn == null) !== (r.finishedAs == null)) problems.push('finishedAs: finishedOn and finishedAs must be both empty or both set');
  else if (r.finishedAs != null && !ENDS.has(r.finishedAs)) problems.push(`finishedAs: ${JSON.stringify(r.finishedAs)} is not resolved, refused, stopped or withdrawn`);
  if (r.returnedOn != null) {
    const returned = day(r.returnedOn);
    if (returned !== returned) problems.push(`returnedOn: ${JSON.stringify(r.returnedOn)} is not a civil date "YYYY-MM-DD"`);
    else if (returned < (finished ?? received)) problems.push(`returnedOn: ${r.returnedOn} is before ${finished !== null ? `finishedOn ${r.finishedOn}` : `receivedOn ${r.receivedOn}`}`);
  }
  if (r.originalDueOn != null) {
    const original = day(r.originalDueOn);
    if (original !== original) problems.push(`originalDueOn: ${JSON.stringify(r.originalDueOn)} is not a civil date "YYYY-MM-DD"`);
    else if (original > due) problems.push(`originalDueOn: ${r.originalDueOn} is after the extended dueOn ${r.dueOn}`);
  }
  if (r.pausedSince != null) {
    const paused = day(r.pausedSince);
    if (paused !== paused) problems.push(`pausedSince: ${JSON.stringify(r.pausedSince)} is not a civil date "YYYY-MM-DD"`);
    else if (paused < received) problems.push(`pausedSince: ${r.pausedSince} is before receivedOn ${r.receivedOn}`);
    else if (finished !== null && paused > finished) problems.push(`pausedSince: ${r.pausedSince} is after finishedOn ${r.finishedOn}`);
    if (r.finishedAs === 'resolved') problems.push('pausedSince: a resolved dossier is not waiting for the applicant');
    if (r.pausedFor == null || !PAUSES.has(r.pausedFor)) problems.push(`pausedFor: expected supplement, financial-obligation or other with pausedSince, got ${JSON.stringify(r.pausedFor)}`);
  } else if (r.pausedFor != null) problems.push(`pausedFor: ${JSON.stringify(r.pausedFor)} is set without pausedSince`);
  for (const f of ['supplements', 'extensions'] as const) {
    if (!Number.isSafeInteger(r[f]) || r[f] < 0) problems.push(`${f}: expected a whole number, got ${JSON.stringify(r[f])}`);
  }
  for (const f of FLAGS) if (typeof r[f] !== 'boolean') problems.push(`${f}: expected true or false, got ${JSON.stringify(r[f])}`);
  for (const f of OPTIONAL_FLAGS) if (r[f] != null && typeof r[f] !== 'boolean') problems.push(`${f}: expected true, false or null, got ${JSON.stringify(r[f])}`);
  return problems;
}
