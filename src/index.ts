/**
 * motcua: one-stop public service desks of Vietnam (Bộ phận Một cửa) as a library.
 * The root entry re-exports every module but the zod schemas (`motcua/schema`); import a subpath (`motcua/calendar`, …) to load less.
 *
 * @module motcua
 */
export * from './calendar/index';
export * from './procedure/index';
export * from './kpi/index';
export * from './dossier/index';
export * from './sql/index';
