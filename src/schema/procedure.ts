import * as z from 'zod/mini';
import { LIMIT_UNITS } from '../calendar/dueDate';
import { PROCEDURE_CODE_PATTERN } from '../procedure/codes';
import { zodText } from './issues';

/** How objects treat fields the model does not know: `reject` them (an issue each) or `keep` them as given. */
export type UnknownKeys = 'reject' | 'keep';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Channels (cách thức thực hiện, `KenhThucHien` 1, 2, 3).
 * @example
 * ```ts
 * import { CHANNELS } from 'motcua/schema';
 * CHANNELS.includes('online'); // true
 * ```
 */
export const CHANNELS = ['direct', 'online', 'postal'] as const;
/**
 * Agency levels (cấp thực hiện); `district` only before 1/7/2025.
 * @example
 * ```ts
 * import { AGENCY_LEVELS } from 'motcua/schema';
 * AGENCY_LEVELS.length; // 4
 * ```
 */
export const AGENCY_LEVELS = ['ministry', 'province', 'district', 'commune'] as const;
/**
 * Online service levels (mức độ dịch vụ công trực tuyến: toàn trình, một phần, không).
 * @example
 * ```ts
 * import { ONLINE_LEVELS } from 'motcua/schema';
 * ONLINE_LEVELS[0]; // 'full'
 * ```
 */
export const ONLINE_LEVELS = ['full', 'partial', 'none'] as const;
/**
 * Clock-stop reasons (thời gian không tính vào thời hạn giải quyết).
 * @example
 * ```ts
 * import { CLOCK_STOP_REASONS } from 'motcua/schema';
 * CLOCK_STOP_REASONS.includes('financial-obligation'); // true
 * ```
 */
export const CLOCK_STOP_REASONS = ['financial-obligation', 'public-posting', 'expert-assessment', 'site-inspection', 'verification', 'other'] as const;
/**
 * Bases of a value (căn cứ): law, national portal, provincial or ministerial decision, secondary.
 * @example
 * ```ts
 * import { BASES } from 'motcua/schema';
 * BASES[0]; // 'law'
 * ```
 */
export const BASES = ['law', 'national-portal', 'provincial-decision', 'ministerial-decision', 'secondary'] as const;
/**
 * Statuses of a value (mức xác minh).
 * @example
 * ```ts
 * import { SOURCE_STATUSES } from 'motcua/schema';
 * SOURCE_STATUSES.includes('inferred'); // true
 * ```
 */
export const SOURCE_STATUSES = ['verified', 'verified-secondary', 'inferred', 'unknown'] as const;
/**
 * Units of a published limit (đơn vị thời hạn công bố), computable or not.
 * @example
 * ```ts
 * import { PUBLISHED_UNITS } from 'motcua/schema';
 * PUBLISHED_UNITS.includes('unspecified'); // true: DVCQG "Khác"
 * ```
 */
export const PUBLISHED_UNITS = [...(LIMIT_UNITS as readonly ['working-day', 'working-hour', 'calendar-day', 'same-day']), 'immediate', 'unspecified', 'not-stated'] as const;

const text = () => z.string().check(z.minLength(1, { error: zodText({ vi: 'không được để trống', en: 'must not be empty' }) }));
const date = () => z.string().check(z.regex(DATE, { error: zodText({ vi: 'cần một ngày dạng YYYY-MM-DD', en: 'expected a date YYYY-MM-DD' }) }));

/** Build every schema for one treatment of unknown fields. */
function build(unknownKeys: UnknownKeys) {
  const object = unknownKeys === 'keep' ? z.looseObject : z.strictObject;

  const limit = object({
    amount: z.number().check(z.gte(0, { error: zodText({ vi: 'phải là số hữu hạn ≥ 0', en: 'must be a finite number ≥ 0' }) })),
    unit: z.enum(LIMIT_UNITS as readonly ['working-day', 'working-hour', 'calendar-day', 'same-day']),
  }).check(
    z.superRefine((l, ctx) => {
      // A negative amount already has its issue (≥ 0, above): the same-day rule (0 or 1) would say
      // the same mistake twice. The calendar-day rule (a whole number) is another rule: -1.5 breaks both.
      if (l.unit === 'same-day' && l.amount > 0 && l.amount !== 1) {
        ctx.addIssue({ code: 'custom', message: `a same-day limit has amount 0 (or 1), got ${l.amount}`, params: { vi: `thời hạn trong ngày (same-day) có số lượng 0 (hoặc 1), nhận được ${l.amount}` }, path: ['amount'], input: l.amount });
      }
      if (l.unit === 'calendar-day' && !Number.isInteger(l.amount)) {
        ctx.addIssue({ code: 'custom', message: `a calendar-day limit must be a whole number of days, got ${l.amount}`, params: { vi: `thời hạn tính theo ngày (calendar-day) phải là số ngày nguyên, nhận được ${l.amount}` }, path: ['amount'], input: l.amount });
      }
    }),
  );

  const provenance = object({
    basis: z.enum(BASES),
    status: z.enum(SOURCE_STATUSES),
    documents: z.array(text()),
    note: z.optional(z.string()),
  });

  const cutoff = object({
    time: z.string().check(z.regex(CLOCK, { error: zodText({ vi: 'cần giờ dạng HH:MM (00:00-23:59)', en: 'expected a clock time HH:MM (00:00-23:59)' }) })),
    rule: z.literal('next-working-day'),
  });

  const fee = object({
    kind: z.enum(['fee', 'charge']),
    amount: z.nullable(z.number().check(z.gte(0, { error: zodText({ vi: 'phải là số hữu hạn ≥ 0', en: 'must be a finite number ≥ 0' }) }))),
    per: z.nullable(z.string()),
    collectedAt: z.enum(['on-receipt', 'on-result', 'not-stated']),
    province: z.nullable(text()),
    validFrom: z.optional(date()),
    exemptions: z.optional(z.array(text())),
    source: z.optional(provenance),
  });

  const alternative = object({
    amount: z.nullable(z.number().check(z.gte(0, { error: zodText({ vi: 'phải là số hữu hạn ≥ 0', en: 'must be a finite number ≥ 0' }) }))),
    unit: z.enum(PUBLISHED_UNITS),
    case: z.nullable(z.string()),
    cutoff: z.nullable(cutoff),
    source: provenance,
  });

  const channelRule = object({
    channel: z.enum(CHANNELS),
    limit,
    fees: z.array(fee),
    limitSource: z.optional(provenance),
    alternatives: z.optional(z.array(alternative)),
  });

  const step = object({
    id: text(),
    name: text(),
    agency: text(),
    level: z.enum(AGENCY_LEVELS),
    budget: limit,
  });

  const steps = object({
    mode: z.enum(['sequential', 'parallel']),
    items: z.array(step).check(z.minLength(1, { error: zodText({ vi: 'thủ tục liên thông phải có ít nhất một bước', en: 'an interlinked procedure needs at least one step' }) })),
  });

  const document = object({
    id: text(),
    basis: z.enum(BASES),
    title: text(),
    reference: z.optional(text()),
    issuedOn: z.optional(date()),
    province: z.optional(text()),
    location: z.optional(text()),
  });

  const procedure = object({
    code: z.string().check(z.regex(PROCEDURE_CODE_PATTERN, { error: zodText({ vi: 'cần mã thủ tục quốc gia dạng d.dddddd (ví dụ 1.001193) hoặc mã biến thể địa phương có hậu tố (ví dụ 1.008377.000.00.00.H13)', en: 'expected a national code d.dddddd (e.g. 1.001193) or a local variant with a suffix (e.g. 1.008377.000.00.00.H13)' }) })),
    name: text(),
    field: object({ code: z.nullable(text()), name: text() }),
    agency: object({
      name: text(),
      level: z.enum(AGENCY_LEVELS),
      levelBefore2025: z.optional(z.enum(AGENCY_LEVELS)),
      ministry: z.optional(text()),
    }),
    applicants: z.optional(z.array(text())),
    channels: z.array(channelRule).check(z.minLength(1, { error: zodText({ vi: 'thủ tục phải có ít nhất một cách thức thực hiện', en: 'a procedure needs at least one channel' }) })),
    cutoff: z.nullable(cutoff),
    clockStops: z.array(z.enum(CLOCK_STOP_REASONS)),
    steps: z.nullable(steps),
    immediate: z.boolean(),
    paperResultRequired: z.nullable(z.boolean()),
    onlineLevel: z.nullable(z.enum(ONLINE_LEVELS)),
    notes: z.optional(z.array(z.string())),
    interlinkedGroup: z.optional(z.string().check(z.regex(PROCEDURE_CODE_PATTERN, { error: zodText({ vi: 'cần một mã thủ tục', en: 'expected a procedure code' }) }))),
    sources: object({
      documents: z.array(document).check(z.minLength(1, { error: zodText({ vi: 'thủ tục phải có ít nhất một văn bản làm căn cứ', en: 'a procedure needs at least one source document' }) })),
      values: z.optional(z.record(z.string(), provenance)),
    }),
  });

  const meta = object({
    title: text(),
    asOf: z.nullable(date()),
    description: z.optional(z.string()),
    limitRule: z.optional(z.string()),
    excluded: z.optional(z.array(object({ code: text(), reason: text() }))),
  });

  const catalog = object({ meta: z.optional(meta), procedures: z.array(procedure) });

  return { limit, cutoff, fee, channelRule, steps, provenance, procedure, catalog };
}

/** @internal The schemas that reject unknown fields (the default of the parse functions). */
export const strictSchemas = build('reject');
/** @internal The schemas that keep unknown fields as given. */
export const looseSchemas = build('keep');

/** @internal The schemas for an `unknownKeys` option. */
export function schemasFor(unknownKeys: UnknownKeys = 'reject'): typeof strictSchemas {
  return unknownKeys === 'keep' ? (looseSchemas as unknown as typeof strictSchemas) : strictSchemas;
}

/**
 * The zod schema (zod/mini) of a procedure (thủ tục hành chính), rejecting unknown fields.
 * Structure only: {@link parseProcedure} adds the cross-field checks (step budgets, duplicate
 * channels, cited documents).
 *
 * @example
 * ```ts
 * import { procedureSchema } from 'motcua/schema';
 * procedureSchema.safeParse({}).success; // false
 * ```
 */
export const procedureSchema = strictSchemas.procedure;

/**
 * The zod schema (zod/mini) of a catalogue (danh mục thủ tục), rejecting unknown fields.
 *
 * @example
 * ```ts
 * import { catalogSchema } from 'motcua/schema';
 * catalogSchema.safeParse({ procedures: [] }).success; // true
 * ```
 */
export const catalogSchema = strictSchemas.catalog;

/** The procedure type inferred from the schema (structurally the same as `Procedure` of motcua/procedure; kiểu dữ liệu thủ tục). */
export type ProcedureData = z.infer<typeof procedureSchema>;
/** The catalogue type inferred from the schema. */
export type CatalogData = z.infer<typeof catalogSchema>;
