import fc from 'fast-check';
import { daysFromCivil, formatDate } from '../../src/calendar/_lib/civil';
import type { DossierRecord, SummaryPolicy } from '../../src/kpi/index';

const D = (s: string) => daysFromCivil(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8)));
export const base = D('2023-10-01');

/** Random dossier records around 2023-10 … 2024-06. */
export const recordArb: fc.Arbitrary<DossierRecord> = fc
  .record({
    id: fc.uuid(),
    field: fc.constantFrom('Hộ tịch', 'Chứng thực', 'Đất đai'),
    agency: fc.constantFrom('UBND xã A', 'UBND xã B'),
    channel: fc.constantFrom('direct', 'online', 'postal') as fc.Arbitrary<DossierRecord['channel']>,
    received: fc.integer({ min: 0, max: 270 }),
    limit: fc.integer({ min: 0, max: 20 }),
    took: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
    how: fc.constantFrom('resolved', 'resolved', 'resolved', 'refused', 'stopped', 'withdrawn') as fc.Arbitrary<NonNullable<DossierRecord['finishedAs']>>,
    supplements: fc.integer({ min: 0, max: 3 }),
    flags: fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }),
    // days from the end (or from receipt, for a result returned without a recorded end) to the return
    returned: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null, freq: 3 }),
  })
  .map((x) => ({
    id: x.id,
    procedureCode: '1.001193',
    field: x.field,
    agency: x.agency,
    level: 'commune' as const,
    channel: x.channel,
    receivedOn: formatDate(base + x.received),
    dueOn: formatDate(base + x.received + x.limit),
    finishedOn: x.took === null ? null : formatDate(base + x.received + x.took),
    returnedOn: x.returned === null || (x.took !== null && x.how !== 'resolved') ? null : formatDate(base + x.received + (x.took ?? 0) + x.returned),
    finishedAs: x.took === null ? null : x.how,
    supplements: x.supplements,
    extensions: 0,
    digitised: x.flags[0]!,
    eResult: x.flags[1]!,
    paperResultRequired: x.flags[2]!,
    feeDue: x.flags[3]!,
    paidOnline: x.flags[3]! && x.flags[4]!,
    synced: x.flags[5]!,
    complaint: x.flags[6]!,
    reusedData: x.flags[7]!,
    dataStored: x.flags[8]!,
  }));


/** Any summary policy. */
export const policyArb: fc.Arbitrary<SummaryPolicy> = fc.record({
  withdrawn: fc.constantFrom('resolved', 'excluded', 'on-time'),
  refused: fc.constantFrom('resolved', 'excluded', 'on-time'),
  stopped: fc.constantFrom('resolved', 'excluded', 'on-time'),
  supplements: fc.constantFrom('legal', 'decision-766'),
  lateAgainstOriginal: fc.boolean(),
});

/**
 * Random records that also carry the pause (pausedSince, pausedFor) and the data-store flag of
 * 766 index 4.4, extensions (an original due date) and missing optional flags: pending dossiers and
 * dossiers that ended other than resolved may be paused, from their receipt up to their end.
 */
export const fullRecordArb: fc.Arbitrary<DossierRecord> = fc
  .tuple(
    recordArb,
    fc.option(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.constantFrom('supplement', 'financial-obligation', 'other') as fc.Arbitrary<NonNullable<DossierRecord['pausedFor']>>), { nil: null, freq: 2 }),
    fc.option(fc.integer({ min: 1, max: 9 }), { nil: null }),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([r, pause, back, fromStore, drop]) => {
    const o: Record<string, unknown> = { ...r, componentsFromStore: fromStore };
    const kind = r.finishedOn === null && r.returnedOn != null ? 'resolved' : r.finishedAs;
    if (pause !== null && kind !== 'resolved') {
      const received = D(r.receivedOn);
      const end = r.finishedOn === null ? received + pause[0] : Math.min(received + pause[0], D(r.finishedOn));
      o.pausedSince = formatDate(end);
      o.pausedFor = pause[1];
    }
    if (back !== null) {
      o.originalDueOn = formatDate(D(r.dueOn) - back);
      o.extensions = 1;
    }
    if (drop) {
      delete o.reusedData;
      delete o.dataStored;
      delete o.componentsFromStore;
      o.paperResultRequired = null;
    }
    return o as unknown as DossierRecord;
  });
