/**
 * Every error motcua throws on purpose is a {@link MotcuaError}: it carries a stable
 * machine-readable `code`, the offending `value`, and where known the `field` (or line)
 * that held it. Nothing is guessed silently: bad input always ends here.
 *
 * @module
 */

/** Stable error codes. New codes may be added in minor releases; existing ones never change meaning. */
export type MotcuaErrorCode =
  /** A civil date that is not a real `YYYY-MM-DD` date (format, month, day, leap year). */
  | 'INVALID_DATE'
  /** An instant that is not an ISO 8601 date-time or a valid `Date`. */
  | 'INVALID_INSTANT'
  /** An instant string without a `Z` or `±HH:MM` offset, where one is needed to know the civil time. */
  | 'INSTANT_WITHOUT_OFFSET'
  /** A date or year outside the calendar's supported range (1990-2100 by default). */
  | 'OUT_OF_RANGE'
  /** A number that must be an integer (or finite, or non-negative) and is not. */
  | 'INVALID_NUMBER'
  /** A duration `{ amount, unit }` that is malformed or uses an unknown unit. */
  | 'INVALID_LIMIT'
  /** A clock time that is not `HH:MM`, or office hours that overlap or run backwards. */
  | 'INVALID_TIME'
  /** An option of `createCalendar` (or another factory) that is malformed. */
  | 'INVALID_OPTION'
  /** A value that does not match the expected schema (procedures, records, events). */
  | 'INVALID_INPUT'
  /** A procedure is not offered through the requested channel (direct, online, postal). */
  | 'CHANNEL_NOT_OFFERED'
  /** A dossier event that is malformed (missing id, bad timestamp, unknown type, conflicting duplicate id). */
  | 'INVALID_EVENT'
  /** A well-formed dossier event that the transition table or a legal rule does not allow in the dossier's state. */
  | 'INVALID_TRANSITION';

/**
 * The typed error thrown by motcua.
 *
 * @example
 * ```ts
 * import { addWorkingDays, isMotcuaError } from 'motcua/calendar';
 * try {
 *   addWorkingDays('2025-02-30', 1);
 * } catch (e) {
 *   if (isMotcuaError(e)) console.log(e.code, e.value); // 'INVALID_DATE' '2025-02-30'
 * }
 * ```
 */
export class MotcuaError extends Error {
  override readonly name = 'MotcuaError';
  /** Stable machine-readable code. */
  readonly code: MotcuaErrorCode;
  /** The offending value, as given. */
  readonly value: unknown;
  /** The field, argument or line that held the value, when known (e.g. `receivedAt`, `line 12`). */
  readonly field: string | undefined;

  constructor(code: MotcuaErrorCode, message: string, value?: unknown, field?: string) {
    super(field ? `${field}: ${message}` : message);
    this.code = code;
    this.value = value;
    this.field = field;
  }
}

/**
 * Narrow an unknown caught value to a {@link MotcuaError}, optionally of one code.
 *
 * @example
 * ```ts
 * import { isMotcuaError } from 'motcua';
 * isMotcuaError(new Error('x')); // false
 * ```
 */
export function isMotcuaError(e: unknown, code?: MotcuaErrorCode): e is MotcuaError {
  return e instanceof MotcuaError && (code === undefined || e.code === code);
}

/** @internal Describe a value for an error message without dumping huge objects. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? 'Invalid' : value.toISOString()})`;
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value);
  try {
    const s = JSON.stringify(value);
    return s.length > 80 ? `${s.slice(0, 77)}...` : s;
  } catch {
    return Object.prototype.toString.call(value);
  }
}
