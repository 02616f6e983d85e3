// Regression: the byte reader's interner kept Buffer.slice views (not copies) of the read buffer.
// When the reader refilled its buffer, a later row whose cell sat at the same offset as the last
// interned value compared equal to the (overwritten) view and took the earlier row's string: a
// dossier counted under another procedure. Found on the 1M-row bench file (row 30,073).
import { expect, it } from 'vitest';
import { CsvScanner } from '../../src/kpi/_lib/fastCsv';
import { createAccumulator, result } from '../../src/kpi/index';

const HEADER = 'id,procedureCode,field,agency,level,channel,receivedOn,dueOn,finishedOn,finishedAs,supplements,extensions,digitised,eResult,paperResultRequired,feeDue,paidOnline,synced,complaint\n';
const row = (id: string, code: string) => `${id},${code},Hộ tịch,UBND xã A,commune,direct,2024-01-10,2024-01-12,2024-01-11,resolved,0,0,true,true,,false,false,true,false\n`;

it('a refilled Node Buffer never gives a row the interned value of an earlier row', () => {
  const acc = createAccumulator({ period: { from: '2024-01-01', to: '2024-12-31', label: '2024' }, groupBy: 'procedure' });
  const scanner = new CsvScanner({ acc, onReject: (line, reason) => { throw new Error(`line ${line}: ${reason}`); } });
  const buf = Buffer.alloc(4096); // the file reader's buffer, refilled in place
  const first = Buffer.from(HEADER + row('1', '2.000815'));
  first.copy(buf);
  expect(scanner.feed(buf, first.length, false)).toBe(first.length);
  // Refill: a row whose procedure cell lands where the first row's did (a long id pushes it there).
  const offset = Buffer.byteLength(HEADER) + 2;
  const second = Buffer.from(row('x'.repeat(offset - 1), '1.000656'));
  buf.fill(0);
  second.copy(buf);
  scanner.feed(buf, second.length, true);
  expect(result(acc).rows.map((r) => [r.key, r.counts.received])).toEqual([['1.000656', 1], ['2.000815', 1]]);
});
