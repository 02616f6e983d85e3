/**
 * motcua: one-stop public service desks of Vietnam (Bộ phận Một cửa) as a library.
 * The root entry re-exports every module; import a subpath (`motcua/calendar`, …) to load less.
 *
 * @module motcua
 */
export * from './calendar/index';
