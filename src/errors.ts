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
 * The human-readable text of an error in each language motcua writes (`vi`: tiếng Việt, for the
 * officer; `en`: English, for the developer). The `code` is what programs compare.
 */
export interface ErrorTexts {
  /** Vietnamese text (văn bản tiếng Việt). */
  readonly vi: string;
  /** English text; the error's `message`. */
  readonly en: string;
}

/**
 * The brand every motcua error carries, on its prototype: `Symbol.for` makes it the same symbol in
 * every copy of motcua loaded in a process (the ESM and the CJS build, two versions in
 * `node_modules`), so {@link isMotcuaError} and `instanceof` recognise an error thrown by any copy.
 * @internal
 */
export const ERROR_BRAND: unique symbol = Symbol.for('motcua.error') as never;

/** Whether `e` is an object branded by some copy of motcua. */
function branded(e: unknown): e is MotcuaError {
  return typeof e === 'object' && e !== null && (e as { [ERROR_BRAND]?: unknown })[ERROR_BRAND] === true;
}

/** `field: text`, the field named once: a text that already starts with `field: ` is kept as it is. */
function withField(field: string | undefined, text: string): string {
  return field && !text.startsWith(`${field}: `) ? `${field}: ${text}` : text;
}

/**
 * The typed error thrown by motcua. Its `name` is `'MotcuaError'`; the errors that carry more
 * context are subclasses with their own `name` (`DossierError` in `motcua/dossier`,
 * `EventLogError` in `motcua/kpi`). Check errors with {@link isMotcuaError} (or `instanceof`):
 * both recognise an error thrown by another copy of motcua, such as the CJS build when you import
 * the ESM one.
 *
 * @example
 * ```ts
 * import { addWorkingDays, isMotcuaError } from 'motcua/calendar';
 * try {
 *   addWorkingDays('2025-02-30', 1);
 * } catch (e) {
 *   if (isMotcuaError(e)) console.log(e.name, e.code, e.value); // 'MotcuaError' 'INVALID_DATE' '2025-02-30'
 * }
 * ```
 */
export class MotcuaError extends Error {
  declare readonly name: string;
  /** Stable machine-readable code. */
  readonly code: MotcuaErrorCode;
  /** The offending value, as given. */
  readonly value: unknown;
  /** The field, argument or line that held the value, when known (e.g. `receivedAt`, `line 12`). */
  readonly field: string | undefined;
  /**
   * The human-readable text in each language (the field first, as in `message`, unless the text
   * names it in another form or starts with a summary, as a procedure's parse error): `texts.vi` for
   * the officer, `texts.en` (= `message`) for the developer. Read it with {@link messageOf}.
   */
  readonly texts: ErrorTexts;

  /**
   * @param message - the text in Vietnamese and English (`{ vi, en }`). The type requires both
   *   (every throw site of motcua gives both; source-scan tests keep it so); a plain string from
   *   untyped JavaScript is still used for both rather than lost.
   */
  constructor(code: MotcuaErrorCode, message: ErrorTexts, value?: unknown, field?: string) {
    const t = typeof message === 'string' ? { vi: message, en: message } : message;
    super(withField(field, t.en));
    this.code = code;
    this.value = value;
    this.field = field;
    this.texts = { vi: withField(field, t.vi), en: this.message };
  }

  /**
   * `e instanceof MotcuaError` (or a subclass) holds for an error of any copy of motcua: a
   * branded error whose `name` is the class's (any branded error for `MotcuaError` itself).
   */
  static override [Symbol.hasInstance](e: unknown): boolean {
    if (!branded(e)) return false;
    const own = (this as { prototype?: { name?: unknown } }).prototype;
    if (own === undefined || own === MotcuaError.prototype) return true;
    if (Object.prototype.isPrototypeOf.call(own, e)) return true;
    // another copy's subclass: the same name somewhere on its chain
    for (let p = Object.getPrototypeOf(e); p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
      if (Object.hasOwn(p, 'name') && p.name === own.name) return true;
    }
    return false;
  }
}
nameErrorClass(MotcuaError, 'MotcuaError');

/**
 * @internal A {@link MotcuaError} whose texts are kept as given, not prefixed with `field: `, with
 * its `field` set: for texts that name the field themselves in another form
 * (`finishedOn (column "Ngày xong"): …`, `finishedOn and finishedAs must be …`) or that start with
 * a summary (`thủ tục hành chính không hợp lệ: 4 lỗi: …`, the first issue's path as `field`).
 */
export function errorNamingField(code: MotcuaErrorCode, texts: ErrorTexts, value: unknown, field: string): MotcuaError {
  const e = new MotcuaError(code, texts, value);
  (e as { field: string | undefined }).field = field;
  return e;
}

/**
 * Set the `name` of an error class on its prototype (so stack traces and `e.name` show it) and,
 * for the base class, the brand. @internal
 */
export function nameErrorClass(cls: { prototype: object }, name: string): void {
  Object.defineProperty(cls.prototype, 'name', { value: name, writable: true, configurable: true, enumerable: false });
  if (name === 'MotcuaError') Object.defineProperty(cls.prototype, ERROR_BRAND, { value: true, enumerable: false });
}

/**
 * Narrow an unknown caught value to a {@link MotcuaError}, optionally of one code. It recognises
 * errors thrown by any copy of motcua (the CJS and the ESM build both loaded, for instance): they
 * carry the brand `Symbol.for('motcua.error')`.
 *
 * @example
 * ```ts
 * import { isMotcuaError } from 'motcua';
 * isMotcuaError(new Error('x')); // false
 * ```
 */
export function isMotcuaError(e: unknown, code?: MotcuaErrorCode): e is MotcuaError {
  return branded(e) && (code === undefined || e.code === code);
}

/**
 * The human-readable text of a caught error in a language: Vietnamese by default, English with
 * `'en'`. A {@link MotcuaError} gives its `texts[locale]`; any other error its `message`; anything
 * else its string form. This is what to show an officer; `e.message` is the English text, for logs.
 *
 * @example
 * ```ts
 * import { addWorkingDays, messageOf } from 'motcua/calendar';
 * try {
 *   addWorkingDays('2025-02-30', 1);
 * } catch (e) {
 *   messageOf(e);       // the Vietnamese text
 *   messageOf(e, 'en'); // the English text (e.message)
 * }
 * ```
 */
export function messageOf(e: unknown, locale: 'vi' | 'en' = 'vi'): string {
  if (branded(e)) {
    const t = (e as { texts?: Partial<ErrorTexts> }).texts;
    const text = t?.[locale];
    return typeof text === 'string' ? text : e.message;
  }
  if (e instanceof Error) return e.message;
  return String(e);
}

/**
 * @internal The `{ vi, en }` texts of a caught error: a {@link MotcuaError}'s own `texts`, any
 * other error's message (or string form) for both. Used where one error is re-thrown inside
 * another's text.
 */
export function textsOf(e: unknown): ErrorTexts {
  if (branded(e)) {
    const t = (e as { texts?: Partial<ErrorTexts> }).texts;
    return { vi: typeof t?.vi === 'string' ? t.vi : e.message, en: e.message };
  }
  const m = e instanceof Error ? e.message : String(e);
  return { vi: m, en: m };
}

/**
 * @internal The texts of a caught error without the `field: ` prefix its constructor put in front,
 * and that field: for re-throwing it inside an error that names the field itself, so the message
 * does not read `at: at: …`.
 */
export function bareTextsOf(e: unknown): { texts: ErrorTexts; field: string | undefined } {
  const texts = textsOf(e);
  const field = branded(e) ? (e as { field?: unknown }).field : undefined;
  if (typeof field !== 'string' || field.length === 0) return { texts, field: undefined };
  const p = `${field}: `;
  return { texts: { vi: texts.vi.startsWith(p) ? texts.vi.slice(p.length) : texts.vi, en: texts.en.startsWith(p) ? texts.en.slice(p.length) : texts.en }, field };
}

/**
 * The most characters of a user's value that an error message quotes (#14): a longer value is
 * cut to this prefix, followed by an ellipsis and its length, so a 10 MB cell never makes a 10 MB
 * line on stderr. @internal
 */
export const SHOW_MAX_CHARS = 80;

/**
 * @internal A text cut to its first `max` characters (a surrogate pair is never split), with
 * `…` and its length in characters when it is longer; unchanged otherwise.
 */
export function clip(text: string, max = SHOW_MAX_CHARS, locale: 'vi' | 'en' = 'en'): string {
  if (text.length <= max) return text;
  return `${prefix(text, max)}… (${text.length} ${locale === 'vi' ? 'ký tự' : 'characters'})`;
}

function prefix(text: string, max: number): string {
  const end = max > 0 && (text.charCodeAt(max - 1) & 0xfc00) === 0xd800 ? max - 1 : max;
  return text.slice(0, end);
}

/**
 * @internal Describe a value for an error message without dumping huge values: a string is
 * quoted (JSON) up to {@link SHOW_MAX_CHARS} characters, then `…` and its length; any other value
 * as JSON cut to the same bound. Every message that quotes user input goes through it (#14).
 * `locale` only changes the words around a cut value (`… (120 ký tự)` in Vietnamese); the
 * default, English, is what every English text has always used.
 */
export function show(value: unknown, locale: 'vi' | 'en' = 'en'): string {
  if (typeof value === 'string') return value.length <= SHOW_MAX_CHARS ? JSON.stringify(value) : `${JSON.stringify(prefix(value, SHOW_MAX_CHARS))}… (${value.length} ${locale === 'vi' ? 'ký tự' : 'characters'})`;
  if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? (locale === 'vi' ? 'không hợp lệ' : 'Invalid') : value.toISOString()})`;
  // a missing value reads as words in Vietnamese ("nhận được không có giá trị"), not as the JavaScript keyword
  if (value === undefined) return locale === 'vi' ? 'không có giá trị' : 'undefined';
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (typeof value === 'bigint') return `${clip(String(value), SHOW_MAX_CHARS, locale)}n`;
  try {
    const s = JSON.stringify(value);
    if (s === undefined) return Object.prototype.toString.call(value);
    return s.length > SHOW_MAX_CHARS ? `${prefix(s, SHOW_MAX_CHARS - 3)}...` : s;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

const KIND_VI: Readonly<Record<string, string>> = {
  string: 'chuỗi',
  number: 'số',
  bigint: 'số nguyên lớn',
  boolean: 'giá trị đúng/sai',
  symbol: 'ký hiệu',
  undefined: 'không có giá trị',
  object: 'đối tượng',
  function: 'hàm',
};

/**
 * @internal The Vietnamese word for `typeof value` (`chuỗi`, `số`, `đối tượng`…), for the
 * Vietnamese text of an error that says what kind of value it got (the English says `typeof`).
 */
export function kindVi(value: unknown): string {
  return KIND_VI[typeof value] ?? typeof value;
}
