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
  throw new MotcuaError('INVALID_OPTION', { vi: `cần ngôn ngữ "vi" hoặc "en", nhận được ${show(value, 'vi')}`, en: `expected a locale "vi" or "en", got ${show(value)}` }, value, field);
}

/** @internal The locale of an optional options object (`undefined`/`null` options → `'vi'`). */
export function localeOf(options: unknown, field = 'options'): Locale {
  if (options === undefined || options === null) return 'vi';
  if (typeof options !== 'object') throw new MotcuaError('INVALID_OPTION', { vi: `cần một đối tượng tùy chọn { locale? }, nhận được ${show(options, 'vi')}`, en: `expected an options object { locale? }, got ${show(options)}` }, options, field);
  return checkLocale((options as { locale?: unknown }).locale, `${field}.locale`);
}

/** @internal Vietnamese names of the channels (kênh thực hiện) for human texts; the codes stay English. */
export const CHANNEL_VI: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  direct: 'trực tiếp',
  online: 'trực tuyến',
  postal: 'bưu chính',
});

/** @internal A channel code in Vietnamese words (`trực tuyến`), or the code itself quoted when unknown. */
export function channelVi(channel: unknown): string {
  return typeof channel === 'string' && channel in CHANNEL_VI ? CHANNEL_VI[channel]! : show(channel, 'vi');
}

/** @internal Vietnamese names of the limit units, for human texts (`ngày làm việc`); the codes stay English. */
export const UNIT_VI: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  'working-day': 'ngày làm việc',
  'working-hour': 'giờ làm việc',
  'calendar-day': 'ngày',
  'same-day': 'trong ngày',
});

/** @internal An amount and unit in Vietnamese words: `3 ngày làm việc`, `0,5 ngày làm việc`, `trong ngày`. */
export function amountVi(amount: number, unit: string): string {
  if (unit === 'same-day') return UNIT_VI[unit]!;
  return `${String(amount).replace('.', ',')} ${UNIT_VI[unit] ?? unit}`;
}
