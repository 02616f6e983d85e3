import { describe, expect, it } from 'vitest';
import { formatRate, period, presetMapping, rate, recordFromLog } from '../../src/kpi';
import { reportSql } from '../../src/sql';
import { messageOf } from '../../src/errors';

function caught(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('no error');
}

// #19: the errors of kpi, sql and node in both languages; the English text (message) unchanged.
describe('error texts of motcua/kpi and motcua/sql (#19)', () => {
  it('period, rates and presets', () => {
    const p = caught(() => period('2024-Q5'));
    expect(messageOf(p, 'en')).toBe('period: expected a period such as "2024", "2024-Q1", "2024-H1", "2024-9M", "2024-03" or { from, to }, got "2024-Q5"');
    expect(messageOf(p)).toBe('period: cần một kỳ báo cáo như "2024", "2024-Q1", "2024-H1", "2024-9M", "2024-03" hoặc { from, to }, nhận được "2024-Q5"');
    const d = caught(() => formatRate(rate(1, 3), { decimals: 11 }));
    expect(messageOf(d)).toBe('decimals: decimals phải là số nguyên từ 0 đến 10, nhận được 11');
    const x = caught(() => presetMapping('vnpt'));
    expect(messageOf(x)).toMatch(/^không có mẫu ánh xạ "vnpt" \(các mẫu: /);
    expect(messageOf(x, 'en')).toMatch(/^there is no preset "vnpt" \(known: /);
  });

  it('an event log error names the dossier in each language', () => {
    const e = caught(() => recordFromLog([], { id: 'H1', procedure: { code: '1', channels: [], cutoff: null, clockStops: [], steps: null, immediate: false } as never, facts: null as never }));
    expect(messageOf(e, 'en')).toMatch(/^facts: dossier "H1": expected the facts the log cannot know/);
    expect(messageOf(e)).toMatch(/^facts: hồ sơ "H1": cần các dữ kiện mà nhật ký không cho biết/);
  });

  it('sql', () => {
    const e = caught(() => reportSql({ dialect: 'oracle' as never, period: period('2024') }));
    expect(messageOf(e, 'en')).toMatch(/expected dialect .*, got "oracle"/);
    expect(messageOf(e)).toMatch(/cần phương ngữ SQL .*, nhận được "oracle"/);
  });
});
