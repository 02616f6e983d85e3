import { describe, expect, it } from 'vitest';
import { period, periodInWords } from '../../src/kpi';

// #19: period names as reports write them, in Vietnamese (default) and English.
describe('periodInWords', () => {
  const cases: [Parameters<typeof period>[0], string, string][] = [
    ['2024-Q1', 'Quý I/2024', 'Q1 2024'],
    ['2024-Q4', 'Quý IV/2024', 'Q4 2024'],
    ['2024-H1', '6 tháng đầu năm 2024', 'First half of 2024'],
    ['2024-H2', '6 tháng cuối năm 2024', 'Second half of 2024'],
    ['2024-9M', '9 tháng năm 2024', 'First nine months of 2024'],
    ['2024', 'Năm 2024', 'Year 2024'],
    ['2024-03', 'Tháng 3/2024', 'March 2024'],
    [{ from: '2024-01-01', to: '2024-06-30' }, '6 tháng đầu năm 2024', 'First half of 2024'],
    [{ from: '2024-01-01', to: '2024-09-30' }, '9 tháng năm 2024', 'First nine months of 2024'],
    [{ from: '2024-04-01', to: '2024-06-30' }, 'Quý II/2024', 'Q2 2024'],
    [{ from: '2024-02-01', to: '2024-02-29' }, 'Tháng 2/2024', 'February 2024'],
    [{ from: '2024-01-05', to: '2024-02-20' }, 'Từ ngày 05/01/2024 đến ngày 20/02/2024', 'From 05/01/2024 to 20/02/2024'],
    [{ from: '2024-02-01', to: '2024-02-28' }, 'Từ ngày 01/02/2024 đến ngày 28/02/2024', 'From 01/02/2024 to 28/02/2024'],
  ];
  for (const [spec, vi, en] of cases) {
    it(`${JSON.stringify(spec)}: ${vi} / ${en}`, () => {
      expect(periodInWords(period(spec))).toBe(vi);
      expect(periodInWords(period(spec), { locale: 'vi' })).toBe(vi);
      expect(periodInWords(period(spec), { locale: 'en' })).toBe(en);
    });
  }
  it('the half-years and nine months are periods of their own; a statistical period says so', () => {
    expect(period('2024-H1')).toEqual({ from: '2024-01-01', to: '2024-06-30', label: '2024-H1' });
    expect(period('2024-H2')).toEqual({ from: '2024-07-01', to: '2024-12-31', label: '2024-H2' });
    expect(period('2024-9M')).toEqual({ from: '2024-01-01', to: '2024-09-30', label: '2024-9M' });
    expect(periodInWords(period('2024-Q1', { statistical: true }))).toBe('Quý I/2024 (kỳ thống kê)');
    expect(periodInWords(period('2024-Q1', { statistical: true }), { locale: 'en' })).toBe('Q1 2024 (statistical period)');
    expect(() => periodInWords(period('2024'), { locale: 'fr' as never })).toThrow(/locale/);
    expect(() => period('2024-H3')).toThrow(/expected a period/);
  });
});
