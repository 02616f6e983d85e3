/**
 * `motcua sql report|table [options]`: print the SQL that `motcua/sql` generates, to run where
 * the data is, in any of its dialects (DuckDB, PostgreSQL, Trino, Spark SQL, BigQuery,
 * ClickHouse, SQL Server).
 */
import { type GroupKey, period as makePeriod, type Period } from '../kpi';
import { createDossierTableSql, type Dialect, DIALECTS, handlingTimeSql, reportSql, type SqlColumnMapping } from '../sql';
import { commandArgs, usageError } from './_format';
import { messageOf } from '../errors';
import { SQL } from './_messages';
import { policyFlags } from './report';
import type { CliIo, Command } from './io';

export const run: Command = async (argv, io) => {
  const flags = commandArgs(io, 'sql', { vi: SQL.vi.usage, en: SQL.en.usage }, argv, {
    dialect: { type: 'string' }, table: { type: 'string' }, columns: { type: 'string' },
    period: { type: 'string' }, statistical: { type: 'boolean' }, from: { type: 'string' }, to: { type: 'string' }, 'as-of': { type: 'string' }, 'group-by': { type: 'string' },
    withdrawn: { type: 'string' }, refused: { type: 'string' }, stopped: { type: 'string' }, 'policy-766': { type: 'boolean' },
    convention: { type: 'string' }, 'late-against-original': { type: 'boolean' }, 'online-times-sync': { type: 'boolean' },
    'handling-time': { type: 'boolean' }, 'calendar-table': { type: 'string' },
  });
  if (typeof flags === 'number') return flags;
  const t = SQL[flags.lang];
  const usage = (io: CliIo, message: string) => usageError(io, 'sql', t.usage, message);
  const v = flags.values;
  const [what, ...extra] = flags.positionals;
  if (what !== 'report' && what !== 'table') return usage(io, t.what(what));
  if (extra.length) return usage(io, t.unexpected(extra[0]!));
  const dialect = (v.dialect ?? 'duckdb') as Dialect;
  if (!DIALECTS.includes(dialect)) return usage(io, t.dialect(DIALECTS.join(', '), String(v.dialect)));
  let columns: SqlColumnMapping = {};
  if (v.columns) {
    try {
      columns = JSON.parse(await io.readFile(v.columns));
    } catch (e) {
      return usage(io, `--columns ${v.columns}: ${messageOf(e, flags.lang)}`);
    }
  }
  if (what === 'table') {
    io.stdout(createDossierTableSql(v.table ?? 'dossiers', columns, { dialect }));
    return 0;
  }
  let p: Period;
  if (v.from || v.to) {
    if (!v.from || !v.to) return usage(io, t.fromTo);
    p = makePeriod({ from: v.from, to: v.to });
  } else if (v.period) p = makePeriod(v.period, { statistical: v.statistical === true });
  else return usage(io, t.period);
  // the same conventions and flags as motcua report (issue #22): the SQL gives the same figures
  if (v.convention !== undefined && !['default', 'form-exact', 'all-resolved'].includes(v.convention)) return usage(io, t.convention(String(v.convention)));
  for (const k of ['withdrawn', 'refused', 'stopped'] as const) {
    if (v[k] !== undefined && v[k] !== 'resolved' && v[k] !== 'excluded' && v[k] !== 'on-time') return usage(io, t.placement(k, String(v[k])));
  }
  const policy = policyFlags(v);
  if (typeof policy === 'string') return usage(io, policy);
  if (v['online-times-sync'] === true && (dialect === 'spark' || dialect === 'clickhouse')) return usage(io, t.onlineTimesSync(dialect));
  if (v['calendar-table'] !== undefined && v['handling-time'] !== true) return usage(io, t.calendarTable);
  const report = reportSql({
    dialect,
    table: v.table ?? 'dossiers',
    columns,
    period: p,
    groupBy: (v['group-by'] ?? '').split(',').filter(Boolean) as GroupKey[],
    ...(v['as-of'] ? { asOf: v['as-of'] } : {}),
    policy,
    ...(v['online-times-sync'] === true ? { onlineTimesSync: true } : {}),
  });
  // index 2.2 (#22): a second statement, its sums per procedure over the dossier table and the calendar table
  const handling = v['handling-time'] === true
    ? handlingTimeSql({ dialect, table: v.table ?? 'dossiers', columns, period: p, ...(v['as-of'] ? { asOf: v['as-of'] } : {}), ...(v['calendar-table'] ? { calendarTable: v['calendar-table'] } : {}) })
    : '';
  io.stdout(handling ? `${report}
${handling}` : report);
  return 0;
};
