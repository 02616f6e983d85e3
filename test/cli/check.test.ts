import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { docx, p, tbl } from '../node/_docx';
import { fakeIo } from './_io';

const thanhLo = readFileSync(new URL('../kpi/reports/thanh-lo-2023.txt', import.meta.url), 'utf8');

/** A fake io that also reads bytes and standard input. */
function bytesIo(files: Record<string, Uint8Array>, stdin?: Uint8Array): CliIo & { out: string; err: string } {
  const io = fakeIo();
  return Object.assign(io, {
    async readBytes(path: string) {
      const f = files[path];
      if (!f) throw new Error(`ENOENT: ${path}`);
      return f;
    },
    ...(stdin ? { readStdin: async () => stdin } : {}),
  });
}

const claims = readFileSync(new URL('../../examples/claims/quarter-claims.json', import.meta.url), 'utf8');

describe('motcua check', () => {
  it('prints a verdict per figure and exits 1 when one is wrong', async () => {
    const io = fakeIo({ 'claims.json': claims });
    expect(await main(['check', 'claims.json', '--lang', 'en'], io)).toBe(1);
    expect(io.out).toMatch(/WRONG\s+resolved\s+early \+ onTime \+ late\s+1318\s+1320\s+\+2/);
    expect(io.out).toMatch(/OK \(truncated\)\s+Tỷ lệ giải quyết đúng hạn \(cắt số\)/);
    expect(io.out).toMatch(/fraction 903\/1350 was printed/);
    expect(io.out).toMatch(/figure\(s\) do not check out/);
    // Vietnamese by default (#19): ĐÚNG/SAI, the headings
    const vi = fakeIo({ 'claims.json': claims });
    expect(await main(['check', 'claims.json'], vi)).toBe(1);
    expect(vi.out).toMatch(/SAI\s+resolved\s+early \+ onTime \+ late\s+1318\s+1320\s+\+2/);
    expect(vi.out).toMatch(/ĐÚNG \(cắt số\)\s+Tỷ lệ giải quyết đúng hạn \(cắt số\)/);
    expect(vi.out).toContain('Các tổng');
    expect(vi.out).toContain('2 số liệu không đúng.');
  });

  it('--json gives { sums, rates } with verdicts', async () => {
    const io = fakeIo({ 'claims.json': claims });
    expect(await main(['check', 'claims.json', '--json'], io)).toBe(1);
    const out = JSON.parse(io.out);
    expect(out.sums[0]).toMatchObject({ total: 'resolved', expected: 1318, actual: 1320, ok: false });
    expect(out.rates.map((r: { verdict: string }) => r.verdict)).toEqual(['match', 'mismatch', 'match-truncated', 'match-truncated']);
    expect(out.rates[2].hint).toBe('bị cắt số thay vì làm tròn: làm tròn thì in 3,64%');
  });

  it('usage and data errors', async () => {
    let io = fakeIo();
    expect(await main(['check'], io)).toBe(2);
    // unreadable input exits 2 (issue #17: 1 means "some figure does not hold", and the two must differ)
    io = fakeIo({ 'bad.json': '{ nope' });
    expect(await main(['check', 'bad.json'], io)).toBe(2);
    expect(io.err).toMatch(/bad\.json: không phải JSON/);
    io = fakeIo({ 'bad.json': '{ nope' });
    expect(await main(['check', 'bad.json', '--lang', 'en'], io)).toBe(2);
    expect(io.err).toMatch(/bad\.json: not JSON/);
    io = fakeIo({ 'c.json': JSON.stringify({ counts: { a: 1 }, rates: [{ label: 'x', numerator: 'b', denominator: 'a', reported: '1%' }] }) });
    expect(await main(['check', 'c.json'], io)).toBe(2);
    expect(io.err).toMatch(/INVALID_INPUT: .*rates\[0\]\.numerator/);
  });
});

describe('motcua check on a report\'s text', () => {
  it('a text report: the wrong figures first, in Vietnamese, exit 1', async () => {
    const io = fakeIo({ 'thanh-lo.txt': thanhLo });
    expect(await main(['check', 'thanh-lo.txt'], io)).toBe(1);
    expect(io.out.startsWith('SAI (1)\n  dòng 138 · tỷ lệ · in 72,1% · tính lại 72,4193%\n    “72,1% 1.817/2.509')).toBe(true);
    expect(io.out).toContain('→ 1.817/2.509 = 72,4%, không phải 72,1%; tử số 1.810 in ở dòng 90 cho ra 72,1%');
    expect(io.out.indexOf('KHÔNG KIỂM CHỨNG ĐƯỢC')).toBeLessThan(io.out.indexOf('ĐÚNG ('));
    expect(io.out).toMatch(/Kết quả: 1 số liệu sai, 0 cắt số, 1 không kiểm chứng được, \d+ đúng\.\n$/);
  });

  it('--json gives { claims: [...] } with the stable keys; --lang en', async () => {
    const io = fakeIo({ 'r.md': thanhLo });
    expect(await main(['check', 'r.md', '--json', '--lang', 'en'], io)).toBe(1);
    const out = JSON.parse(io.out) as { claims: Record<string, unknown>[] };
    expect(Object.keys(out)).toEqual(['claims']);
    for (const c of out.claims) expect(Object.keys(c)).toEqual(['line', 'text', 'kind', 'printed', 'numerator', 'denominator', 'total', 'parts', 'exact', 'value', 'verdict', 'hint']);
    // one rate scale (#20): a rate's exact value is a fraction in `value`; `exact` is a sum's total only
    expect(out.claims.find((c) => c.printed === '72,1%')).toMatchObject({ exact: null, value: 1817 / 2509 });
    expect(out.claims.find((c) => c.verdict === 'mismatch')).toMatchObject({ line: 138, kind: 'rate', printed: '72,1%', numerator: 1817, denominator: 2509, hint: '1.817/2.509 = 72,4%, not 72,1%; the numerator 1.810 printed on line 90 reproduces 72,1%' });
  });

  it('exit 0 when every checkable figure holds; a .docx with its tables; standard input', async () => {
    const good = 'Quý I/2024 tiếp nhận 368 hồ sơ (trong đó: trực tuyến 300 hồ sơ; trực tiếp 68 hồ sơ). Trả đúng hạn 354/368 hồ sơ, đạt 96,20%.';
    let io = fakeIo({ 'good.txt': good });
    expect(await main(['check', 'good.txt'], io)).toBe(0);
    expect(io.out).toMatch(/Kết quả: 0 số liệu sai, 0 cắt số, 0 không kiểm chứng được, 2 đúng\./);
    const doc = docx(p('Tiếp nhận 368 hồ sơ.') + tbl([['Lĩnh vực', 'Tổng số', 'Đúng hạn', 'Quá hạn'], ['Hộ tịch', '120', '100', '20'], ['Chứng thực', '200', '190', '11'], ['Đất đai', '48', '40', '8'], ['Tổng cộng', '368', '330', '38']]));
    io = bytesIo({ 'r.docx': doc });
    expect(await main(['check', 'r.docx', '--json'], io)).toBe(1);
    const wrong = (JSON.parse(io.out) as { claims: { kind: string; printed: string; verdict: string }[] }).claims.filter((c) => c.verdict === 'mismatch');
    expect(wrong.map((c) => [c.kind, c.printed])).toEqual([['table-row', '200'], ['table-column', '38']]);
    io = bytesIo({}, new TextEncoder().encode(good));
    expect(await main(['check', '-'], io)).toBe(0);
    // a docx sent on standard input is recognised by its zip signature
    io = bytesIo({}, doc);
    expect(await main(['check', '-', '--json'], io)).toBe(1);
  });

  it('unreadable input exits 2: a missing file, binary bytes, a broken .docx, a bad encoding name', async () => {
    let io = bytesIo({});
    expect(await main(['check', 'nope.txt'], io)).toBe(2);
    expect(io.err).toMatch(/không đọc được nope\.txt/);
    io = bytesIo({ 'x.txt': new Uint8Array([0x42, 0, 0xff, 0xfe, 0x00, 0x01]) });
    expect(await main(['check', 'x.txt'], io)).toBe(2);
    io = bytesIo({ 'x.txt': new Uint8Array([0x42, 0xc3, 0x28]) });
    expect(await main(['check', 'x.txt'], io)).toBe(2);
    expect(io.err).toMatch(/không phải văn bản UTF-8/);
    io = bytesIo({ 'x.txt': new Uint8Array([0x42, 0xc3, 0x28]) });
    expect(await main(['check', 'x.txt', '--lang', 'en'], io)).toBe(2);
    expect(io.err).toMatch(/not UTF-8 text/);
    io = bytesIo({ 'r.docx': new TextEncoder().encode('not a zip') });
    expect(await main(['check', 'r.docx'], io)).toBe(2);
    expect(io.err).toMatch(/không đọc được tệp \.docx/);
    io = bytesIo({ 'r.txt': new TextEncoder().encode('x') });
    expect(await main(['check', 'r.txt', '--encoding', 'latin9'], io)).toBe(2);
    io = bytesIo({});
    expect(await main(['check', '-'], io)).toBe(2); // no standard input available
  });

  it('a Windows-1258 text with --encoding, and UTF-16 with a byte order mark', async () => {
    const text = 'Trả đúng hạn 354/368 hồ sơ, đạt 96,10%.';
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    let io = bytesIo({ 'r.txt': utf16 });
    expect(await main(['check', 'r.txt', '--json'], io)).toBe(1);
    expect(JSON.parse(io.out).claims[0]).toMatchObject({ numerator: 354, verdict: 'mismatch' });
    // "đạt" in Windows-1258: đ = 0xF0, ạ = a + 0xF2 (combining dot below)
    const cp = new Uint8Array([...Buffer.from('Tr\u1ea3 ', 'latin1').subarray(0, 0), ...Buffer.from('354/368 h', 'latin1'), 0xf4, 0x20, ...Buffer.from('s', 'latin1'), 0xf5, 0x2c, 0x20, 0xf0, 0x61, 0xf2, 0x74, ...Buffer.from(' 96,20%.', 'latin1')]);
    io = bytesIo({ 'r.txt': cp });
    expect(await main(['check', 'r.txt', '--encoding', 'windows-1258', '--json'], io)).toBe(0);
    expect(JSON.parse(io.out).claims[0]).toMatchObject({ numerator: 354, denominator: 368, verdict: 'match' });
  });

  it('claims files: decimals, sums of names and bounds', async () => {
    const io = fakeIo({ 'c.json': JSON.stringify({
      counts: { disbursed: 1005.8, planned: 1029.7, online: 848, direct: 1097, carriedOver: 17, received: 1962 },
      rates: [
        { label: 'Giải ngân', numerator: 'disbursed', denominator: 'planned', reported: '97,7%' },
        { label: 'Trực tuyến', numerator: 'online', denominator: 'online + direct', reported: '43,6%' },
        { label: 'Trực tuyến (trên 50%)', numerator: 'online', denominator: 'received', reported: 'trên 50%' },
      ],
      sums: [{ total: 'received', parts: ['online', 'direct', 'carriedOver'] }],
    }) });
    expect(await main(['check', 'c.json', '--json'], io)).toBe(1);
    const out = JSON.parse(io.out);
    expect(out.rates.map((r: { verdict: string }) => r.verdict)).toEqual(['match', 'match', 'mismatch']);
    expect(out.rates[2].hint).toBe('giá trị chính xác 43,22% không trên mức đã nêu');
    expect(out.sums[0]).toMatchObject({ ok: true, expected: 1962 });
    expect(out.claims.map((c: { kind: string; verdict: string }) => [c.kind, c.verdict])).toEqual([['sum', 'match'], ['rate', 'match'], ['rate', 'match'], ['rate', 'mismatch']]);
  });
});
