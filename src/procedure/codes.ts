/**
 * Procedure codes (mã thủ tục hành chính).
 * @module
 */

/**
 * Pattern of a procedure code (mã thủ tục): a national code `d.dddddd` optionally followed by a
 * local or case suffix of dot-separated letters and digits: `1.001193`, `1.001193.01`,
 * `1.013978.H19`, `1.008377.000.00.00.H13`.
 *
 * @example
 * ```ts
 * import { PROCEDURE_CODE_PATTERN } from 'motcua/procedure';
 * PROCEDURE_CODE_PATTERN.test('1.013978.H19'); // true
 * ```
 */
export const PROCEDURE_CODE_PATTERN = /^\d\.\d{6}(?:\.[0-9A-Za-z]+)*$/;

/**
 * Whether a string is a procedure code (mã thủ tục): national `d.dddddd` or a local variant.
 *
 * @example
 * ```ts
 * import { isProcedureCode } from 'motcua/procedure';
 * isProcedureCode('1.001193'); // true
 * isProcedureCode('1.008377.000.00.00.H13'); // true
 * isProcedureCode('1.1193'); // false
 * ```
 */
export function isProcedureCode(code: unknown): code is string {
  return typeof code === 'string' && PROCEDURE_CODE_PATTERN.test(code);
}

/**
 * The national code (mã thủ tục quốc gia) of a code or local variant, or `null` if the string is not a code.
 *
 * @example
 * ```ts
 * import { nationalCode } from 'motcua/procedure';
 * nationalCode('1.008377.000.00.00.H13'); // '1.008377'
 * ```
 */
export function nationalCode(code: string): string | null {
  return isProcedureCode(code) ? code.slice(0, 8) : null;
}
