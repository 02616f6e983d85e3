/**
 * The SQL engines of the differential tests: embedded DuckDB (@duckdb/node-api) and a real
 * PostgreSQL server at MOTCUA_PG_URL (.ci/run starts one from Debian's packages). Without the URL
 * the PostgreSQL tests skip locally, and fail when CI=true.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import type { DossierRecord } from '../../src/kpi/index';
import { DOSSIER_TABLE } from '../../src/sql/index';

export interface Engine {
  readonly name: 'duckdb' | 'postgres';
  exec(sql: string): Promise<void>;
  query(sql: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export const PG_URL = process.env.MOTCUA_PG_URL;
export const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

export async function duckdb(): Promise<Engine> {
  const inst = await DuckDBInstance.create(':memory:');
  const con = await inst.connect();
  return {
    name: 'duckdb',
    exec: async (sql) => {
      await con.run(sql);
    },
    query: async (sql) => (await con.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[],
    close: async () => {
      con.closeSync();
      inst.closeSync();
    },
  };
}

export async function postgres(): Promise<Engine> {
  if (!PG_URL) throw new Error('MOTCUA_PG_URL is not set: start PostgreSQL with `eval "$(.ci/postgres.sh start)"`');
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  const schema = `motcua_test_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  await client.query(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
  return {
    name: 'postgres',
    exec: async (sql) => {
      await client.query(sql);
    },
    query: async (sql) => (await client.query(sql)).rows,
    close: async () => {
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    },
  };
}

function literal(v: unknown, type: string): string {
  if (v === null || v === undefined) return 'NULL';
  if (type === 'BOOLEAN') return v ? 'TRUE' : 'FALSE';
  if (type === 'INTEGER') return String(v);
  if (type === 'DATE') return `DATE '${v}'`;
  return `'${String(v).replaceAll("'", "''")}'`;
}

/** INSERT statements for records into a table of the documented layout (optionally renamed columns). */
export function insertSql(table: string, records: readonly DossierRecord[], names: Record<string, string> = {}): string[] {
  const cols = DOSSIER_TABLE.map((c) => names[c.field] ?? c.name);
  const out: string[] = [];
  for (let i = 0; i < records.length; i += 200) {
    const rows = records.slice(i, i + 200).map((r) => `(${DOSSIER_TABLE.map((c) => literal((r as unknown as Record<string, unknown>)[c.field], c.type.startsWith('VARCHAR') ? 'TEXT' : c.type)).join(', ')})`);
    out.push(`INSERT INTO ${table} (${cols.join(', ')}) VALUES ${rows.join(', ')}`);
  }
  return out;
}
