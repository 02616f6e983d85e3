/**
 * sqlglot (Debian's python3-sqlglot, installed by .ci/run) as a real SQL parser per dialect, run
 * through test/sql/_sqlglot.py: SQL in on stdin (as JSON), facts of the syntax tree out. Without
 * it the parser tests skip locally, and fail when CI=true.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Dialect } from '../../src/sql/index';

export const PYTHON = process.env.MOTCUA_PYTHON ?? '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./_sqlglot.py', import.meta.url));

export interface SqlFacts {
  readonly dialect: Dialect;
  readonly ok: boolean;
  readonly error?: string;
  readonly statements: number;
  readonly commands: number;
  readonly quoted: string[];
  readonly strings: string[];
  readonly divisions: { left: string; right: string; int64: boolean }[];
  readonly intDivisions: number;
  readonly functions: string[];
  readonly scalarSubqueries: number;
  readonly value?: { number?: number | null; integer?: boolean; error?: string };
}

export interface SqlItem {
  readonly dialect: Dialect;
  readonly sql: string;
  readonly evaluate?: { column: string; bindings: Record<string, number> };
}

/** sqlglot's version when it can be imported, else null. */
export function sqlglotVersion(): string | null {
  const r = spawnSync(PYTHON, ['-c', 'import sqlglot; print(sqlglot.__version__)'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Parse every item with sqlglot in its dialect (one Python process for the batch). */
export function parseSql(items: readonly SqlItem[]): SqlFacts[] {
  const r = spawnSync(PYTHON, [SCRIPT], { input: JSON.stringify(items), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${SCRIPT} failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as SqlFacts[];
}
