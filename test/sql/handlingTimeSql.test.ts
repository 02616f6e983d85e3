/** `handlingTimeSql` (index 2.2's sums in SQL): bad options get a typed error naming the option. */
import { describe, expect, it } from 'vitest';
import { period } from '../../src/kpi/index';
import { handlingTimeSql } from '../../src/sql/index';

const q1 = period('2025-Q1');

describe('handlingTimeSql: bad input', () => {
  it('names the option: dialect, period, asOf, table, source, columns, calendarTable', () => {
    const bad = (options: unknown, code: string, field: string) => expect(() => handlingTimeSql(options as never)).toThrow(expect.objectContaining({ code, field }));
    bad({ dialect: 'oracle', period: q1 }, 'INVALID_INPUT', 'dialect');
    bad({ dialect: 'duckdb', period: { from: '2025-02-30', to: '2025-03-31', label: 'x' } }, 'INVALID_DATE', 'period.from');
    bad({ dialect: 'duckdb', period: q1, asOf: '31/03/2025' }, 'INVALID_DATE', 'asOf');
    bad({ dialect: 'duckdb', period: q1, table: '' }, 'INVALID_INPUT', 'table');
    bad({ dialect: 'duckdb', period: q1, source: '  ' }, 'INVALID_INPUT', 'source');
    bad({ dialect: 'duckdb', period: q1, columns: { nope: 'x' } }, 'INVALID_INPUT', 'columns.nope');
    bad({ dialect: 'duckdb', period: q1, columns: { receivedOn: null } }, 'INVALID_INPUT', 'columns.receivedOn');
    bad({ dialect: 'duckdb', period: q1, calendarTable: '' }, 'INVALID_INPUT', 'calendarTable');
  });

  it('a column declared absent reads as its typed NULL, a mapped one from the source', () => {
    const sql = handlingTimeSql({ dialect: 'postgres', period: q1, columns: { returnedOn: null, receivedOn: 'ngay_nhan' } });
    expect(sql).toContain('s.ngay_nhan AS motcua_received');
    expect(sql).toContain('COALESCE(s.finished_on, CAST(NULL AS DATE)) AS motcua_end');
  });
});
