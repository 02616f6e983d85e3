/**
 * The exit codes of every motcua command (one convention, documented in docs/cli.md and tested
 * for every command in test/cli/conventions.test.ts):
 *
 * - 0: done, and every figure or check is right;
 * - 1: done, but the figures or checks failed: a claimed figure does not match (`check`), rows or
 *   dossiers of the input were rejected so the figures do not cover them (`report`), an event was
 *   refused (`dossier`);
 * - 2: nothing done: bad usage (an unknown option, a missing argument) or input that cannot be read
 *   (a missing or unreadable file, a malformed file, a bad value: any `MotcuaError`).
 */
export const EXIT = {
  ok: 0,
  failed: 1,
  badInput: 2,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
