/**
 * @internal Re-export of the shared civil-date foundation (`src/_lib/civil/date.ts`), kept for modules
 * that still import the calendar's old path. New code imports `src/_lib/civil` directly.
 * @module
 */
export * from '../../_lib/civil/date';
