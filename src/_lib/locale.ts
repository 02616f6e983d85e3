/**
 * The language of the human-readable texts motcua produces (explanations, due-date steps,
 * error messages' human part, period names). Codes and JSON keys never depend on it.
 * @internal
 * @module
 */
import { MotcuaError, show } from '../errors';

/** Language of human-readable text: `vi` (tiếng Việt, the default) or `en`. */
export type Locale = 'vi' | 'en';

/** The locales motcua writes, the default first. */
export const LOCALES: readonly Locale[] = ['vi', 'en'];

/** Options that choose the language of the texts a function returns. */
export interface LocaleOptions {
  /** Language of the human-readable texts: `'vi'` (default) or `'en'`. Codes and keys stay English. */
  readonly locale?: Locale;
}

/** @internal `undefined` → `'vi'`; anything but `'vi'`/`'en'` is refused, naming the field. */
export function checkLocale(value: unknown, field = 'options.locale'): Locale {
  if (value === undefined) return 'vi';
  if (value === 'vi' || value === 'en') return value;
  throw new MotcuaError('INVALID_OPTION', `expected a locale "vi" or "en", got ${show(value)}`, value, field);
}

/** @internal The locale of an optional options object (`undefined`/`null` options → `'vi'`). */
export function localeOf(options: unknown, field = 'options'): Locale {
  if (options === undefined || options === null) return 'vi';
  if (typeof options !== 'object') throw new MotcuaError('INVALID_OPTION', `expected an options object { locale? }, got ${show(options)}`, options, field);
  return checkLocale((options as { locale?: unknown }).locale, `${field}.locale`);
}
