import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, createAccumulator, merge } from '../../src/kpi/accumulator';
import { CsvScanner, isByteDelimiter, rebaseRejection } from '../../src/kpi/_lib/fastCsv';
import type { CsvHeader } from '../../src/kpi/readRecords';
import { bytePath, csvArb, feedBytes, general, PERIOD } from '../node/_csvGen';

const groupings = fc.constantFrom([], ['field'], ['agency', 'procedure'], ['channel', 'month'], ['level']);
const pieces = fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 8 });

describe('the byte CSV reader (fast path of motcua report)', () => {
  it('gives the same counts and the same rejections, with lines and reasons, as readRecords + add', async () => {
    await fc.assert(
      fc.asyncProperty(csvArb, groupings, pieces, pieces, async (g, groupBy, a, b) => {
        const want = await general(g.text, { ...g, groupBy, chunks: a });
        const got = bytePath(g.text, { ...g, groupBy, chunks: b });
        expect(got).toEqual(want);
      }),
      { numRuns: 400 }
    );
  });

  it('reads whole exports in one piece the same way too', async () => {
    await fc.assert(
      fc.asyncProperty(csvArb, groupings, async (g, groupBy) => {
        expect(bytePath(g.text, { ...g, groupBy })).toEqual(await general(g.text, { ...g, groupBy }));
      }),
      { numRuns: 300 }
    );
  });

  it('handles the cases by hand: BOM, CRLF, quotes, a bad row of each kind, no final line end', async () => {
    const head = 'id,procedureCode,field,agency,level,channel,receivedOn,dueOn,finishedOn,finishedAs';
    const text = [
      `\uFEFF${head}`,
      'A,1.001193,"Hộ tịch, ""A""",UBND xã A,commune,online,2024-01-02,2024-01-05,2024-01-04,resolved',
      'B,1.001193,"two',
      'lines",UBND xã A,commune,ONLINE,02/01/2024,2024-01-05,,',
      'C,1.001193,Hộ tịch,UBND xã A,commune,fax,2024-01-02,2024-01-05,,',
      '',
      'D,1.001193,Hộ tịch, UBND xã A ,commune,2,2024-01-02,2024-01-05,,',
      'E,1.001193,Hộ tịch,UBND xã A,commune,2,2024-01-02',
      'F,1.001193,Hộ tịch,UBND xã A,commune,2,2024-01-02,2024-01-01,,',
    ].join('\r\n');
    const o = { mapping: {}, delimiter: ',', groupBy: ['agency'] };
    const got = bytePath(text, o);
    expect(got).toEqual(await general(text, o));
    expect(got.rejected).toEqual([
      { line: 5, reason: 'channel: "fax" is not a channel (direct, online, postal or 1, 2, 3, or a name read without a map: direct: "Trực tiếp", "Nộp trực tiếp", "Tại quầy"; online: "Trực tuyến", "Nộp trực tuyến", "Dịch vụ công trực tuyến", "Qua mạng"; postal: "Bưu chính", "Bưu chính công ích", "Qua bưu chính công ích", "Dịch vụ bưu chính công ích", "BCCI", "Qua dịch vụ bưu chính công ích")' },
      { line: 6, reason: 'empty line' },
      { line: 8, reason: '7 cells where the header has 10' },
      { line: 9, reason: 'dueOn: 2024-01-01 is before receivedOn 2024-01-02' },
    ]);
    expect(Object.keys(got.groups)).toEqual(['UBND xã A']);
    expect(got.groups['UBND xã A']!.received).toBe(3);
  });

  it('refuses a header without a required column as readRecords does', async () => {
    const o = { mapping: {}, delimiter: ',', groupBy: [] };
    const got = bytePath('id,procedureCode\nA,1\n', o);
    expect(got.error).toMatch(/the header has no column for 8 required fields: "field" for field, /);
    expect(got).toEqual(await general('id,procedureCode\nA,1\n', o));
  });

  it('byte ranges cut at line ends, read separately and merged, give the whole (or say they straddled a quoted newline)', async () => {
    await fc.assert(
      fc.asyncProperty(csvArb, groupings, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }), async (g, groupBy, fractions) => {
        const want = await general(g.text, { ...g, groupBy });
        if (want.error) return;
        const bytes = new TextEncoder().encode(g.text);
        const acc0 = createAccumulator({ period: PERIOD, groupBy: groupBy as never });
        const head = new CsvScanner({ acc: acc0, mapping: g.mapping, delimiter: g.delimiter, headerOnly: true, onReject: () => {} });
        const dataStart = feedBytes(head, bytes, [1 << 30]);
        if (head.header === null) return;
        const header: CsvHeader = head.header;
        // cut just after a LF, as summarizeCsvFile does
        const cuts = [dataStart];
        for (const f of [...fractions].sort()) {
          const i = bytes.indexOf(10, Math.max(cuts[cuts.length - 1]!, dataStart + Math.floor(f * (bytes.length - dataStart))));
          if (i >= 0 && i + 1 < bytes.length && i + 1 > cuts[cuts.length - 1]!) cuts.push(i + 1);
        }
        cuts.push(bytes.length);
        let acc = createAccumulator({ period: PERIOD, groupBy: groupBy as never });
        let line = head.line;
        const rejected: { line: number; reason: string }[] = [];
        let straddled = false;
        for (let k = 0; k + 1 < cuts.length; k++) {
          const part = createAccumulator({ period: PERIOD, groupBy: groupBy as never });
          const local: typeof rejected = [];
          const s = new CsvScanner({ acc: part, mapping: g.mapping, delimiter: g.delimiter, header, line: 1, onReject: (l, reason) => local.push({ line: l, reason }) });
          const stop = feedBytes(s, bytes, [7, 100, 3], cuts[k]!, cuts[k + 1]!);
          if (stop !== cuts[k + 1]) straddled = true;
          acc = merge(acc, part);
          rejected.push(...local.map((r) => rebaseRejection(r.line, r.reason, line)));
          line += s.line - 1;
        }
        if (straddled) {
          // only possible when a quoted cell holds a line end
          expect(g.text).toMatch(/"[^"]*[\r\n]/);
          return;
        }
        const one = createAccumulator({ period: PERIOD, groupBy: groupBy as never });
        for (const [key, counts] of Object.entries(want.groups)) one.groups[key] = counts;
        expect(result(acc)).toEqual(result(one));
        expect(rejected).toEqual(want.rejected);
      }),
      { numRuns: 300 }
    );
  });

  it('takes one-character ASCII delimiters only', () => {
    expect([',', ';', '\t', '|'].map(isByteDelimiter)).toEqual([true, true, true, true]);
    expect(['"', '\n', '\r', ';;', '；', ''].map(isByteDelimiter)).toEqual([false, false, false, false, false, false]);
    void add;
  });
});

function result(acc: { groups: Record<string, unknown> }) {
  return Object.fromEntries(Object.entries(acc.groups).sort(([a], [b]) => (a < b ? -1 : 1)));
}
