/**
 * `motcua sql report|table [options]`: print the SQL that `motcua/sql` generates, to run where
 * the data is, in any of its dialects (DuckDB, PostgreSQL, Trino, Spark SQL, BigQuery,
 * ClickHouse, SQL Server).
 */
import { type GroupKey, period as makePeriod, type Period } from '../kpi';
import { createDossierTableSql, type Dialect, DIALECTS, reportSql, type SqlColumnMapping } from '../sql';
import { commandArgs, usageError } from './_format';
import type { CliIo, Command } from './io';

const USAGE = `Usage: motcua sql report [--dialect D] [--table T] [--columns FILE] [--period P | --from D --to D] [options]
       motcua sql table  [--dialect D] [--table T] [--columns FILE]

  report            SELECT computing Biểu II.06a, the rates and the Decision 766 indices, one row per group and a total row
  table             CREATE TABLE of the documented dossier layout (docs/sql.md), in the dialect's types
  --dialect D       the SQL dialect, one of:
                      motcua sql report --dialect duckdb       DuckDB (default)
                      motcua sql report --dialect postgres     PostgreSQL
                      motcua sql report --dialect trino        Trino / Presto
                      motcua sql report --dialect spark        Spark SQL / Databricks
                      motcua sql report --dialect bigquery     BigQuery
                      motcua sql report --dialect clickhouse   ClickHouse
                      motcua sql report --dialect sqlserver    SQL Server
  --table T         the dossier table (default dossiers; schema.table allowed)
  --columns FILE    JSON { recordField: "your column name" } when your table's names differ
  --period P        2024, 2024-Q1 or 2024-03 (--statistical for the 15th-to-14th cut-off periods)
  --from D --to D   any date range (YYYY-MM-DD)
  --as-of D         the extraction date, if earlier than the period end
  --group-by G      field, agency, level, procedure, channel, month (comma-separated; default none)
  --withdrawn X, --refused X, --stopped X    resolved | excluded
  --policy-766      more than one supplement request counts as late
`;

const usage = (io: CliIo, message: string) => usageError(io, 'sql', USAGE, message);

export const run: Command = async (argv, io) => {
  const flags = commandArgs(io, 'sql', USAGE, argv, {
    dialect: { type: 'string' }, table: { type: 'string' }, columns: { type: 'string' },
    period: { type: 'string' }, statistical: { type: 'boolean' }, from: { type: 'string' }, to: { type: 'string' }, 'as-of': { type: 'string' }, 'group-by': { type: 'string' },
    withdrawn: { type: 'string' }, refused: { type: 'string' }, stopped: { type: 'string' }, 'policy-766': { type: 'boolean' },
  });
  if (typeof flags === 'number') return flags;
  const v = flags.values;
  const [what, ...extra] = flags.positionals;
  if (what !== 'report' && what !== 'table') return usage(io, `say what to generate: report or table${what ? `, not "${what}"` : ''}`);
  if (extra.length) return usage(io, `unexpected argument "${extra[0]}"`);
  const dialect = (v.dialect ?? 'duckdb') as Dialect;
  if (!DIALECTS.includes(dialect)) return usage(io, `--dialect must be one of ${DIALECTS.join(', ')}, got "${v.dialect}"`);
  let columns: SqlColumnMapping = {};
  if (v.columns) {
    try {
      columns = JSON.parse(await io.readFile(v.columns));
    } catch (e) {
      return usage(io, `--columns ${v.columns}: ${(e as Error).message}`);
    }
  }
  if (what === 'table') {
    io.stdout(createDossierTableSql(v.table ?? 'dossiers', columns, { dialect }));
    return 0;
  }
  let p: Period;
  if (v.from || v.to) {
    if (!v.from || !v.to) return usage(io, '--from and --to go together');
    p = makePeriod({ from: v.from, to: v.to });
  } else if (v.period) p = makePeriod(v.period, { statistical: v.statistical === true });
  else return usage(io, 'give --period or --from and --to');
  for (const k of ['withdrawn', 'refused', 'stopped'] as const) {
    if (v[k] !== undefined && v[k] !== 'resolved' && v[k] !== 'excluded') return usage(io, `--${k} must be resolved or excluded, got "${v[k]}"`);
  }
  io.stdout(reportSql({
    dialect,
    table: v.table ?? 'dossiers',
    columns,
    period: p,
    groupBy: (v['group-by'] ?? '').split(',').filter(Boolean) as GroupKey[],
    ...(v['as-of'] ? { asOf: v['as-of'] } : {}),
    policy: {
      ...(v.withdrawn ? { withdrawn: v.withdrawn as 'resolved' | 'excluded' } : {}),
      ...(v.refused ? { refused: v.refused as 'resolved' | 'excluded' } : {}),
      ...(v.stopped ? { stopped: v.stopped as 'resolved' | 'excluded' } : {}),
      ...(v['policy-766'] ? { supplements: 'decision-766' as const } : {}),
    },
  }));
  return 0;
};
