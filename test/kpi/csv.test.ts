import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/kpi/csv';

async function rows(chunks: string[]) {
  const out: [number, string[]][] = [];
  for await (const r of parseCsv(chunks)) out.push([r.line, r.cells]);
  return out;
}

const cell = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('a,b', 'say "hi"', 'two\nlines', 'cr\r\nlf', '', 'Hộ tịch', '"'));
function encode(c: string) {
  return /[",\r\n]/.test(c) || c === '' ? `"${c.replaceAll('"', '""')}"` : c;
}

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, CRLF, a BOM and line numbers', async () => {
    expect(await rows(['\uFEFFid,name\r\n1,"Hộ tịch, ""A"""\r\n2,"multi\nline"\n3,x'])).toEqual([
      [1, ['id', 'name']],
      [2, ['1', 'Hộ tịch, "A"']],
      [3, ['2', 'multi\nline']],
      [5, ['3', 'x']],
    ]);
  });

  it('any table, encoded and cut into any chunks, parses back to itself', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 40 }),
        async (table, eol, cuts) => {
          const text = table.map((r) => r.map(encode).join(',')).join(eol) + eol;
          const chunks: string[] = [];
          let at = 0;
          for (let k = 0; at < text.length; k++) {
            const len = cuts[k % cuts.length]!;
            chunks.push(text.slice(at, at + len));
            at += len;
          }
          const got = (await rows(chunks)).map(([, c]) => c);
          expect(got).toEqual(table);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('counts a CRLF inside a quoted cell as one line wherever the chunks are cut', async () => {
    const text = 'a,"x\r\ny"\r\nb,c\r\n';
    for (let k = 1; k < text.length; k++) expect(await rows([text.slice(0, k), text.slice(k)])).toEqual([[1, ['a', 'x\r\ny']], [3, ['b', 'c']]]);
  });

  it('keeps a last row of one empty quoted cell (no final line end)', async () => {
    expect(await rows(['a\n""'])).toEqual([[1, ['a']], [2, ['']]]);
    expect(await rows(['""'])).toEqual([[1, ['']]]);
  });
});
