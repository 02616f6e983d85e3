import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { fakeIo } from './_io';

const claims = readFileSync(new URL('../../examples/claims/quarter-claims.json', import.meta.url), 'utf8');

describe('motcua check', () => {
  it('prints a verdict per figure and exits 1 when one is wrong', async () => {
    const io = fakeIo({ 'claims.json': claims });
    expect(await main(['check', 'claims.json'], io)).toBe(1);
    expect(io.out).toMatch(/WRONG\s+resolved\s+early \+ onTime \+ late\s+1318\s+1320\s+\+2/);
    expect(io.out).toMatch(/OK \(truncated\)\s+Tỷ lệ giải quyết đúng hạn \(cắt số\)/);
    expect(io.out).toMatch(/fraction 903\/1350 was printed/);
    expect(io.out).toMatch(/figure\(s\) do not check out/);
  });

  it('--json gives { sums, rates } with verdicts', async () => {
    const io = fakeIo({ 'claims.json': claims });
    expect(await main(['check', 'claims.json', '--json'], io)).toBe(1);
    const out = JSON.parse(io.out);
    expect(out.sums[0]).toMatchObject({ total: 'resolved', expected: 1318, actual: 1320, ok: false });
    expect(out.rates.map((r: { verdict: string }) => r.verdict)).toEqual(['match', 'mismatch', 'match-truncated', 'match-truncated']);
    expect(out.rates[2].hint).toBe('truncated: half-up rounding prints 3,64%');
  });

  it('usage and data errors', async () => {
    let io = fakeIo();
    expect(await main(['check'], io)).toBe(2);
    io = fakeIo({ 'bad.json': '{ nope' });
    expect(await main(['check', 'bad.json'], io)).toBe(1);
    expect(io.err).toMatch(/INVALID_INPUT/);
    io = fakeIo({ 'c.json': JSON.stringify({ counts: { a: 1 }, rates: [{ label: 'x', numerator: 'b', denominator: 'a', reported: '1%' }] }) });
    expect(await main(['check', 'c.json'], io)).toBe(1);
    expect(io.err).toMatch(/rates\[0\]\.numerator/);
  });
});
