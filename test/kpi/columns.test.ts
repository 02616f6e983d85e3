import { describe, expect, it } from 'vitest';
import { figuresByColumn } from '../../src/kpi/index';

describe('figuresByColumn: the columns each printed figure reads, from the definitions', () => {
  it('default policy', () => {
    const m = figuresByColumn();
    expect(m.get('pausedSince')).toEqual(expect.arrayContaining(['(12)', '(13)', 'index 2.1']));
    expect(m.get('digitised')).toEqual(expect.arrayContaining(['rate digitisation', 'index 4.2']));
    expect(m.has('originalDueOn')).toBe(false);
    expect(m.has('supplements')).toBe(false);
    expect(m.has('extensions')).toBe(false);
  });
  it('the columns read only under a policy', () => {
    const m = figuresByColumn({ supplements: 'decision-766', lateAgainstOriginal: true });
    expect(m.get('supplements')).toEqual(expect.arrayContaining(['(10)', '(8)', '(9)', 'index 2.1']));
    expect(m.get('originalDueOn')).toEqual(expect.arrayContaining(['(10)', '(12)', '(13)']));
  });
});
