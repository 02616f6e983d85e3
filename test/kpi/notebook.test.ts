import { expect, it } from 'vitest';
import { quarterReport } from '../../examples/notebook/quarter-report';

it('the notebook example recomputes the quarter and finds the planted wrong figure', async () => {
  const { rejected, summary, indices, check } = await quarterReport();
  expect(rejected).toEqual([]);
  expect(summary.identities.every((i) => i.ok)).toBe(true);
  expect(indices.find((i) => i.code === '2.1')?.score).toBeGreaterThan(15);
  // the planted error: late claimed one too many, so (8) + (9) + (10) exceeds (7) by one
  expect(check.sums.filter((s) => !s.ok).map((s) => [s.total, s.parts.join('+'), s.difference])).toEqual([['resolved', 'early+onTime+late', -1]]);
  expect(check.rates[0]?.verdict).not.toBe('mismatch');
  expect(check.rates[1]).toMatchObject({ verdict: 'mismatch', hint: expect.stringContaining('kèm dấu "%" thay cho tỷ lệ phần trăm') });
  expect(indices.find((i) => i.code === '4.3')?.score).not.toBeNull();
});
