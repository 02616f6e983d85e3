// fast-check generators of valid procedures and catalogues (every generated value must parse).
import fc from 'fast-check';
import type { AgencyLevel, Catalog, Channel, Limit, Procedure, Provenance } from '../../src/procedure/index';

const CHANNELS: Channel[] = ['direct', 'online', 'postal'];
const LEVELS: AgencyLevel[] = ['ministry', 'province', 'district', 'commune'];
const BASES = ['law', 'national-portal', 'provincial-decision', 'ministerial-decision', 'secondary'] as const;
const STATUSES = ['verified', 'verified-secondary', 'inferred', 'unknown'] as const;

/** Non-empty text, Vietnamese letters included. */
export const text = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.constantFrom('Ủy ban nhân dân cấp xã', 'Hộ tịch', 'Đăng ký khai sinh', 'Sở Tư pháp', 'lần', 'bản'),
);

export const nationalCode = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 999_999 })).map(([a, b]) => `${a}.${String(b).padStart(6, '0')}`);
export const code = fc.tuple(nationalCode, fc.array(fc.stringMatching(/^[0-9A-Z]{1,3}$/), { maxLength: 4 })).map(([c, parts]) => [c, ...parts].join('.'));

const date = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const clock = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

/** A limit valid for the calendar: quarter working days, half working hours, whole calendar days, same day. */
export const limit: fc.Arbitrary<Limit> = fc.oneof(
  fc.integer({ min: 0, max: 400 }).map((n) => ({ amount: n / 4, unit: 'working-day' as const })),
  fc.integer({ min: 0, max: 200 }).map((n) => ({ amount: n / 2, unit: 'working-hour' as const })),
  fc.integer({ min: 0, max: 120 }).map((n) => ({ amount: n, unit: 'calendar-day' as const })),
  fc.constant({ amount: 0, unit: 'same-day' as const }),
);

function provenance(ids: string[]): fc.Arbitrary<Provenance> {
  return fc.record(
    { basis: fc.constantFrom(...BASES), status: fc.constantFrom(...STATUSES), documents: fc.subarray(ids), note: text },
    { requiredKeys: ['basis', 'status', 'documents'] },
  );
}

const cutoff = fc.option(fc.record({ time: clock, rule: fc.constant('next-working-day' as const) }), { nil: null });

/** A valid procedure: unique channels, document ids, step budgets that add up to every channel limit. */
export const procedure: fc.Arbitrary<Procedure> = fc
  .record({
    ids: fc.uniqueArray(fc.stringMatching(/^[A-Z][A-Z0-9-]{0,8}$/), { minLength: 1, maxLength: 4 }),
    channels: fc.shuffledSubarray(CHANNELS, { minLength: 1 }),
    withSteps: fc.boolean(),
  })
  .chain(({ ids, channels, withSteps }) => {
    const prov = provenance(ids);
    const fee = fc.record(
      {
        kind: fc.constantFrom('fee' as const, 'charge' as const),
        amount: fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: null }),
        per: fc.option(text, { nil: null }),
        collectedAt: fc.constantFrom('on-receipt' as const, 'on-result' as const, 'not-stated' as const),
        province: fc.option(text, { nil: null }),
        validFrom: date,
        exemptions: fc.array(text, { maxLength: 2 }),
        source: prov,
      },
      { requiredKeys: ['kind', 'amount', 'per', 'collectedAt', 'province'] },
    );
    const alternative = fc.record({
      amount: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
      unit: fc.constantFrom('working-day' as const, 'working-hour' as const, 'calendar-day' as const, 'same-day' as const, 'immediate' as const, 'unspecified' as const, 'not-stated' as const),
      case: fc.option(text, { nil: null }),
      cutoff,
      source: prov,
    });
    // steps: budgets in half working days; every channel limit is their total
    const steps = withSteps
      ? fc
          .record({
            mode: fc.constantFrom('sequential' as const, 'parallel' as const),
            halves: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 5 }),
            names: fc.array(fc.tuple(text, text, fc.constantFrom(...LEVELS)), { minLength: 5, maxLength: 5 }),
          })
          .map(({ mode, halves, names }) => ({
            mode,
            items: halves.map((h, i) => ({ id: `s${i + 1}`, name: names[i]![0], agency: names[i]![1], level: names[i]![2], budget: { amount: h / 2, unit: 'working-day' as const } })),
          }))
      : fc.constant(null);
    return steps.chain((st) => {
      const total = st === null ? null : { amount: st.mode === 'sequential' ? st.items.reduce((a, s) => a + s.budget.amount, 0) : Math.max(...st.items.map((s) => s.budget.amount)), unit: 'working-day' as const };
      const channelRules = fc.tuple(
        ...channels.map((channel) =>
          fc.record(
            { channel: fc.constant(channel), limit: total === null ? limit : fc.constant(total), fees: fc.array(fee, { maxLength: 2 }), limitSource: prov, alternatives: fc.array(alternative, { maxLength: 2 }) },
            { requiredKeys: ['channel', 'limit', 'fees'] },
          ),
        ),
      );
      const documents = fc.tuple(
        ...ids.map((id) =>
          fc.record(
            { id: fc.constant(id), basis: fc.constantFrom(...BASES), title: text, reference: text, issuedOn: date, province: text, location: text },
            { requiredKeys: ['id', 'basis', 'title'] },
          ),
        ),
      );
      return fc.record(
        {
          code,
          name: text,
          field: fc.record({ code: fc.option(text, { nil: null }), name: text }),
          agency: fc.record({ name: text, level: fc.constantFrom(...LEVELS), levelBefore2025: fc.constantFrom(...LEVELS), ministry: text }, { requiredKeys: ['name', 'level'] }),
          applicants: fc.array(text, { maxLength: 3 }),
          channels: channelRules,
          cutoff,
          clockStops: fc.uniqueArray(fc.constantFrom('financial-obligation' as const, 'public-posting' as const, 'expert-assessment' as const, 'site-inspection' as const, 'verification' as const, 'other' as const)),
          steps: fc.constant(st),
          immediate: fc.boolean(),
          paperResultRequired: fc.option(fc.boolean(), { nil: null }),
          onlineLevel: fc.option(fc.constantFrom('full' as const, 'partial' as const, 'none' as const), { nil: null }),
          notes: fc.array(fc.string(), { maxLength: 2 }),
          interlinkedGroup: code,
          sources: fc.record(
            { documents, values: fc.dictionary(fc.constantFrom('code', 'name', 'field', 'agency.level', 'onlineLevel', 'cutoff', 'steps'), prov) },
            { requiredKeys: ['documents'] },
          ),
        },
        { requiredKeys: ['code', 'name', 'field', 'agency', 'channels', 'cutoff', 'clockStops', 'steps', 'immediate', 'paperResultRequired', 'onlineLevel', 'sources'] },
      );
    });
  });

/** A valid catalogue: procedures with distinct codes. */
export const catalog: fc.Arbitrary<Catalog> = fc
  .array(procedure, { maxLength: 5 })
  .map((ps) => ({ procedures: ps.map((p, i) => ({ ...p, code: `${i + 1}.${String(i).padStart(6, '0')}` })) }));
