// The compact id ledger of the file reader (#22): the same answers as a Map of the id texts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompactLedger, hashId, mergeLedgers } from '../../src/node/_ledger';

const enc = new TextEncoder();

describe('CompactLedger', () => {
  it('answers as a Map of the ids does (first line wins), from the text or from the UTF-8 bytes of the cell (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('a', 'A', 'ệ', 'e\u0323\u0302', '000.00.12.H23-240426-0001', ''), fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 300 }), fc.boolean(), (ids, bytes) => {
        // offsets are positions in `ids`: idAt reads the id back, as the file reader reads the row again
        const ledger = new CompactLedger((offset) => ids[offset]!);
        const map = new Map<string, number>();
        ids.forEach((id, k) => {
          const line = k + 2;
          const want = map.get(id) ?? -1;
          if (want < 0) map.set(id, line);
          const b = enc.encode(`,${id},`);
          const got = bytes ? ledger.onceBytes(b, 1, b.length - 1, () => id, line, k) : ledger.once(id, line, k);
          expect(got).toBe(want);
        });
        expect(ledger.entries().count).toBe(map.size);
      }),
      { numRuns: 200 }
    );
  });

  it('hashes an ASCII id from its bytes as from its text', () => {
    const ledger = new CompactLedger(() => 'ABC-1');
    const b = enc.encode('ABC-1');
    expect(ledger.onceBytes(b, 0, b.length, () => 'ABC-1', 2, 0)).toBe(-1);
    // found again from the text, compared with the text read back
    expect(ledger.once('ABC-1', 3, 1)).toBe(2);
    expect(hashId('ABC-1')).not.toEqual(hashId('ABC-2'));
  });

  it('mergeLedgers: an id counted by an earlier range makes each later range row with it a duplicate naming the earlier line', () => {
    const text = ['a', 'b', 'c', 'b', 'a', 'd', 'c', 'e'];
    // ranges: [0,3) [3,6) [6,8); lines = index + 2 in the file; a range's line 1 is its first row
    const cuts = [0, 3, 6, 8];
    const parts = cuts.slice(0, -1).map((start, k) => {
      const l = new CompactLedger((o) => text[o]!);
      for (let i = start; i < cuts[k + 1]!; i++) l.once(text[i]!, i - start + 1, i);
      return l.entries();
    });
    const d = mergeLedgers(parts, [2, 5, 8], (o) => text[o]!);
    expect(d.map((x) => [x.range, x.line, x.first])).toEqual([
      [1, 5, 3], // b again: line 3 wins
      [1, 6, 2], // a again
      [2, 8, 4], // c again
    ]);
  });
});
