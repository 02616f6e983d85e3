import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { CONVENTIONS, period } from '../../src/kpi/index';
import { calendarTable } from '../../src/calendar/index';
import { calendarTableSql, createDossierTableSql, DIALECTS, handlingTimeSql, reportSql } from '../../src/sql/index';
import { duckdb } from '../sql/_engines';
import { fakeIo } from './_io';

describe('motcua sql', () => {
  it('prints the CREATE TABLE and the report SELECT, which run in DuckDB', async () => {
    const table = fakeIo();
    expect(await main(['sql', 'table', '--table', 'ho_so'], table)).toBe(0);
    expect(table.out).toMatch(/^CREATE TABLE ho_so \(\n {2}id VARCHAR\(64\) NOT NULL,/);
    const report = fakeIo({ 'cols.json': JSON.stringify({ receivedOn: 'ngay_tiep_nhan' }) });
    expect(await main(['sql', 'report', '--table', 'ho_so', '--period', '2024-Q1', '--group-by', 'field', '--columns', 'cols.json', '--policy-766'], report)).toBe(0);
    expect(report.out).toContain('-- policy: withdrawn excluded, refused resolved, stopped excluded, supplements decision-766');
    expect(report.out).toContain('ngay_tiep_nhan');
    const db = await duckdb();
    await db.exec(table.out.replace('received_on DATE', 'ngay_tiep_nhan DATE'));
    await db.exec(`INSERT INTO ho_so VALUES ('H1', '1.001193', 'Hộ tịch', 'UBND xã A', 'commune', 'online', DATE '2024-01-02', DATE '2024-01-05', NULL, DATE '2024-01-04', 'resolved', NULL, NULL, NULL, 2, 0, TRUE, TRUE, NULL, FALSE, FALSE, TRUE, FALSE, NULL, NULL, NULL)`);
    const rows = await db.query(report.out);
    await db.close();
    expect(rows.map((r) => [r.field, Number(r.motcua_is_total), Number(r.c07_resolved), Number(r.c10_late)])).toEqual([['Hộ tịch', 0, 1, 1], [null, 1, 1, 1]]);
  });

  it('generates the report in each dialect, and the help lists `motcua sql report --dialect X` for each', async () => {
    for (const dialect of DIALECTS) {
      const io = fakeIo();
      expect(await main(['sql', 'report', '--dialect', dialect, '--period', '2024-Q1', '--group-by', 'field,month'], io), dialect).toBe(0);
      expect(io.out).toContain(`; dialect ${dialect}\n`);
      expect(io.out).toBe(reportSql({ dialect, table: 'dossiers', columns: {}, period: period('2024-Q1'), groupBy: ['field', 'month'], policy: {} }));
    }
    const help = fakeIo();
    await main(['sql', '--help'], help);
    for (const dialect of DIALECTS) expect(help.out + help.err).toContain(`motcua sql report --dialect ${dialect} `);
  });

  it('prints the DDL in a dialect: motcua sql table --dialect, motcua calendar export --format sql --dialect', async () => {
    const table = fakeIo();
    expect(await main(['sql', 'table', '--dialect', 'sqlserver', '--table', 'ho_so'], table)).toBe(0);
    expect(table.out).toBe(createDossierTableSql('ho_so', {}, { dialect: 'sqlserver' }));
    expect(table.out).toContain('  digitised BIT NOT NULL,');
    const cal = fakeIo();
    expect(await main(['calendar', 'export', '--from', '2026', '--to', '2026', '--format', 'sql', '--dialect', 'spark'], cal)).toBe(0);
    expect(cal.out).toContain('  name STRING,');
    for (const args of [['calendar', 'export', '--from', '2026', '--to', '2026', '--format', 'sql', '--dialect', 'oracle'], ['calendar', 'export', '--from', '2026', '--to', '2026', '--dialect', 'spark']]) {
      const io = fakeIo();
      expect(await main(args, io), args.join(' ')).toBe(2);
      expect(io.err).toContain('--dialect');
    }
  });

  it('#22 sql report --handling-time adds index 2.2\'s sums as a second statement, in each dialect; both run in DuckDB', async () => {
    for (const dialect of DIALECTS) {
      const io = fakeIo();
      expect(await main(['sql', 'report', '--dialect', dialect, '--period', '2024-Q1', '--as-of', '2024-03-20', '--table', 'ho_so', '--handling-time', '--calendar-table', 'lich'], io), dialect).toBe(0);
      const report = reportSql({ dialect, table: 'ho_so', columns: {}, period: period('2024-Q1'), asOf: '2024-03-20', groupBy: [], policy: {} });
      expect(io.out).toBe(`${report}\n${handlingTimeSql({ dialect, table: 'ho_so', period: period('2024-Q1'), asOf: '2024-03-20', calendarTable: 'lich' })}`);
    }
    const io = fakeIo();
    expect(await main(['sql', 'report', '--period', '2024-Q1', '--handling-time'], io)).toBe(0);
    const db = await duckdb();
    await db.exec(createDossierTableSql('dossiers'));
    await db.exec(calendarTableSql(calendarTable({ fromYear: 2024, toYear: 2024 })));
    // Fri 2/2/2024 → Mon 19/2: 17 days, 6 working days (Tết off 8-14/2); a second dossier the same day: 0 and 0
    await db.exec(`INSERT INTO dossiers VALUES ('H1', '1.001193', 'Hộ tịch', 'UBND xã A', 'commune', 'online', DATE '2024-02-02', DATE '2024-02-20', NULL, DATE '2024-02-19', 'resolved', NULL, NULL, NULL, 1, 0, TRUE, TRUE, NULL, FALSE, FALSE, TRUE, FALSE, NULL, NULL, NULL),
      ('H2', '1.001193', 'Hộ tịch', 'UBND xã A', 'commune', 'online', DATE '2024-03-05', DATE '2024-03-06', NULL, DATE '2024-03-05', 'resolved', NULL, NULL, NULL, 0, 0, TRUE, TRUE, NULL, FALSE, FALSE, TRUE, FALSE, NULL, NULL, NULL)`);
    const [first, second] = io.out.split(/;\n\n(?=-- motcua: Decision 766 index 2\.2)/);
    expect(Number((await db.query(`${first};`))[0]!.c07_resolved)).toBe(2);
    const rows = await db.query(second!);
    await db.close();
    expect(rows.map((r) => [r.procedure_code, Number(r.dossiers), Number(r.days), Number(r.in_calendar), Number(r.working_days), Number(r.with_supplements)])).toEqual([['1.001193', 2, 17, 2, 6, 1]]);
    // --calendar-table without --handling-time is a mistake, said so
    const bad = fakeIo();
    expect(await main(['sql', 'report', '--period', '2024-Q1', '--calendar-table', 'lich'], bad)).toBe(2);
    expect(bad.err).toContain('--calendar-table');
  });

  it('refuses bad flags with exit code 2', async () => {
    for (const args of [['sql'], ['sql', 'report'], ['sql', 'report', '--period', '2024', '--dialect', 'oracle'], ['sql', 'report', '--period', '2024', '--refused', 'maybe'], ['sql', 'table', 'extra']]) {
      const io = fakeIo();
      expect(await main(args, io), args.join(' ')).toBe(2);
      expect(io.err).toMatch(/motcua sql:/);
    }
  });

  it('#22 sql report takes the conventions and flags of motcua report (--convention, on-time, --late-against-original, --online-times-sync): the SQL of the same policy; refused with a reason where a dialect cannot', async () => {
    const io = fakeIo();
    expect(await main(['sql', 'report', '--period', '2024-Q1', '--convention', 'form-exact', '--late-against-original', '--online-times-sync', '--policy-766', '--refused', 'on-time'], io)).toBe(0);
    const want = reportSql({ dialect: 'duckdb', table: 'dossiers', columns: {}, period: period('2024-Q1'), groupBy: [], policy: { ...CONVENTIONS['form-exact'], refused: 'on-time', supplements: 'decision-766', lateAgainstOriginal: true }, onlineTimesSync: true });
    expect(io.out).toBe(want);
    expect(io.out).toContain('-- policy: withdrawn on-time, refused on-time, stopped on-time, supplements decision-766, late against original true; index 3.3 = online × sync');
    // the default convention stays the default
    const plain = fakeIo();
    expect(await main(['sql', 'report', '--period', '2024-Q1', '--convention', 'default'], plain)).toBe(0);
    expect(plain.out).toBe(reportSql({ dialect: 'duckdb', table: 'dossiers', columns: {}, period: period('2024-Q1'), groupBy: [], policy: {} }));
    for (const [args, text] of [
      [['--convention', 'vendor'], '--convention'],
      [['--withdrawn', 'maybe'], '--withdrawn'],
      [['--online-times-sync', '--dialect', 'clickhouse'], '--dialect clickhouse'],
      [['--online-times-sync', '--dialect', 'spark'], '--dialect spark'],
    ] as const) {
      const bad = fakeIo();
      expect(await main(['sql', 'report', '--period', '2024-Q1', ...args], bad), args.join(' ')).toBe(2);
      expect(bad.err).toContain(text);
      expect(bad.out).toBe('');
    }
  });
});
