/**
 * Loads DuckDB (`@duckdb/node-api`, an optional peer dependency) for the commands that use it,
 * with a clear message when it is not installed.
 */
import { MotcuaError } from '../errors';

type DuckDb = typeof import('@duckdb/node-api');

export async function loadDuckDb(feature: string): Promise<DuckDb> {
  try {
    return await import('@duckdb/node-api');
  } catch (e) {
    throw new MotcuaError('INVALID_OPTION', { vi: `${feature} cần DuckDB: npm install @duckdb/node-api (${(e as Error).message.split('\n')[0]})`, en: `${feature} needs DuckDB: npm install @duckdb/node-api (${(e as Error).message.split('\n')[0]})` }, '@duckdb/node-api', 'engine');
  }
}

/** A DuckDB string literal. */
export function duckString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}
