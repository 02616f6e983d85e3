/**
 * @internal Re-export of the shared instant foundation (`src/_lib/civil/instant.ts`), kept for modules
 * that still import the calendar's old path. New code imports `src/_lib/civil` directly.
 * @module
 */
export * from '../../_lib/civil/instant';
