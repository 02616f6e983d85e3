// `motcua report` on vendor exports as offices have them: the national portal's field names
// (--preset dvcqg), dd/MM/yyyy HH:mm:ss dates, Vietnamese values and status codes, in every
// encoding and delimiter we read. Every file must give the same summary as the clean CSV, and
// list every rejected row (rows in = counted + rejected).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { decodeCp1258 } from '../../src/node/text';
import { sheetRows } from '../../src/node/xlsx';
import { dvcqgFixture } from '../kpi/_vendorFixture';
import { fakeIo } from './_io';

/** Encode text as Windows-1258 the way Windows does: base letters with combining tone marks where no precomposed byte exists. */
export function encodeCp1258(text: string): Uint8Array {
  const byChar = new Map<string, number>();
  for (let b = 0; b < 256; b++) byChar.set(decodeCp1258(Uint8Array.of(b)), b);
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const direct = byChar.get(ch);
    if (direct !== undefined) {
      out.push(direct);
      continue;
    }
    const [base, ...marks] = [...ch.normalize('NFD')];
    let done = false;
    // compose some marks into the base letter (ô, ơ, ư, ă, â, ê), write the others as combining bytes
    for (let mask = (1 << marks.length) - 1; mask >= 0 && !done; mask--) {
      const b = byChar.get((base! + marks.filter((_, i) => mask & (1 << i)).join('')).normalize('NFC'));
      const rest = marks.filter((_, i) => !(mask & (1 << i))).map((m) => byChar.get(m));
      if (b !== undefined && rest.every((m) => m !== undefined)) {
        out.push(b, ...(rest as number[]));
        done = true;
      }
    }
    if (!done) throw new Error(`cannot encode ${ch} in Windows-1258`);
  }
  return Uint8Array.from(out);
}

function utf16(text: string, be: boolean): Buffer {
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  if (be) for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
}

// the export has no pause, e-result, complaint or 4.3/4.4 columns: declared absent (issue #22)
const ARGS = ['--period', '2024', '--group-by', 'level,field', '--format', 'json', '--assume', 'pausedSince=none,eResult=false,paperResultRequired=none,complaint=false,reusedData=false,dataStored=false,componentsFromStore=false'];

async function report(file: string, extra: string[]) {
  const io = fakeIo();
  const code = await main(['report', file, ...ARGS, ...extra], io);
  return { code, io, j: code === 2 ? null : JSON.parse(io.out || 'null') };
}

describe('motcua report on vendor exports', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-vendor-'));
  const { vendor, clean, rows, bad } = dvcqgFixture();
  const cleanFile = join(dir, 'clean.csv');
  writeFileSync(cleanFile, clean);

  const variants: [string, Buffer | Uint8Array | string, string[]][] = [
    ['utf-8, comma', vendor, []],
    ['utf-8 with BOM, semicolon', `\uFEFF${vendor.replaceAll(',', ';')}`, []],
    ['utf-8, tab', vendor.replaceAll(',', '\t'), []],
    ['utf-16 LE with BOM', utf16(vendor, false), []],
    ['utf-16 BE with BOM, semicolon', utf16(vendor.replaceAll(',', ';'), true), []],
    ['windows-1258 (combining tone marks)', encodeCp1258(vendor), ['--encoding', 'windows-1258']],
    ['windows-1258 named cp1258', encodeCp1258(vendor), ['--encoding', 'cp1258']],
  ];

  it('gives the clean CSV its summary', async () => {
    const c = await report(cleanFile, []);
    expect(c.code).toBe(0);
    expect(c.j.total.counts.received).toBe(rows - bad);
  });

  for (const [name, bytes, flags] of variants) {
    it(`reads ${name} with --preset dvcqg into the same summary as the clean CSV`, async () => {
      const f = join(dir, `${name.replace(/\W+/g, '-')}.csv`);
      writeFileSync(f, bytes);
      const want = (await report(cleanFile, [])).j;
      const got = await report(f, ['--preset', 'dvcqg', ...flags]);
      expect(got.io.err.split('\n').filter(Boolean).length).toBe(bad);
      expect(got.code).toBe(1);
      expect(got.j.rows).toEqual(want.rows);
      expect(got.j.total).toEqual(want.total);
      expect(got.j.rejectedCount).toBe(bad);
      // rows in = counted + rejected
      expect(got.j.total.counts.received + got.j.rejectedCount).toBe(rows);
      // the file, the line, the column and the value are named
      expect(got.io.err).toMatch(new RegExp(`${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, dòng \\d+: receivedOn \\(cột "NgayTiepNhan"\\): "31/02/2024 08:00:00" không phải ngày có thật \\(cần YYYY-MM-DD`));
    });
  }

  it('says what is wrong with a file that is not UTF-8 or is UTF-16 without a BOM, instead of a missing column', async () => {
    const f = join(dir, 'cp1258-unsaid.csv');
    writeFileSync(f, encodeCp1258(vendor));
    // exit 2: input that cannot be read (one exit-code convention, issue #20; it was 1)
    let r = await report(f, ['--preset', 'dvcqg']);
    expect(r.code).toBe(2);
    expect(r.io.err).toMatch(/cp1258-unsaid\.csv: byte thứ \d+ \(0x[0-9A-F]+\) không phải UTF-8: hãy cho bảng mã của tệp, ví dụ --encoding windows-1258/);
    const g = join(dir, 'utf16-nobom.csv');
    writeFileSync(g, Buffer.from(vendor, 'utf16le'));
    r = await report(g, ['--preset', 'dvcqg']);
    expect(r.code).toBe(2);
    expect(r.io.err).toContain('utf16-nobom.csv: tệp có byte NUL và không có dấu thứ tự byte: có vẻ là UTF-16 không có BOM (hãy cho --encoding utf-16le hoặc utf-16be)');
    expect(r.io.err).not.toContain('dòng tiêu đề không có cột');
    r = await report(g, ['--preset', 'dvcqg', '--encoding', 'utf-16le']);
    expect(r.j.rejectedCount).toBe(bad);
    const h = join(dir, 'wrong-columns.csv');
    writeFileSync(h, 'Ma;Ten\n1;2\n');
    r = await report(h, ['--preset', 'dvcqg']);
    // the hint is the mapping file's syntax, the CLI's (#14)
    expect(r.io.err).toContain('wrong-columns.csv: INVALID_INPUT: mapping: dòng 1: dòng tiêu đề thiếu 10 cột bắt buộc: "MaHoSo" cho id, "MaTTHC" cho procedureCode, ');
    expect(r.io.err).toContain('; hãy ghi tên các cột của tệp vào "columns" của tệp ánh xạ (--mapping), ví dụ "id": "<tên cột trong tệp>" (trong mã: mapping: { id: \'…\' }). Các cột của dòng tiêu đề là "Ma", "Ten".');
    // one missing: named alone
    const one = join(dir, 'one-missing.csv');
    writeFileSync(one, `${clean.split('\n')[0]!.replace('receivedOn', 'ngay_nhan')}\n`);
    const o = fakeIo();
    expect(await main(['report', one, '--period', '2024'], o)).toBe(2);
    expect(o.err).toContain('INVALID_INPUT: mapping.receivedOn: dòng 1: dòng tiêu đề không có cột "receivedOn" cho receivedOn; hãy ghi tên cột của tệp vào "columns" của tệp ánh xạ (--mapping): "receivedOn": "<tên cột trong tệp>" (trong mã: mapping: { receivedOn: \'…\' }).');
  });

  it('names every optional column a figure reads that the export lacks in one error, with one --assume for them all (CSV, JSON, --preset dvcqg) (#14)', async () => {
    // the example of docs/from-export-to-form.md, without --assume: six columns at once
    const ex = 'examples/vendor-export';
    const files = { [`${ex}/mapping.json`]: readFileSync(`${ex}/mapping.json`, 'utf8') };
    const io = fakeIo(files);
    expect(await main(['report', `${ex}/xuat-ho-so-quy1-2024.csv`, '--mapping', `${ex}/mapping.json`, '--period', '2024-Q1', '--form', 'ii06a'], io)).toBe(2);
    const named = (err: string) => [...err.matchAll(/^ {2}- (\w+)/gm)].map((m) => m[1]);
    expect(named(io.err)).toEqual(['paperResultRequired', 'eResult', 'complaint', 'reusedData', 'componentsFromStore', 'dataStored']);
    expect(io.err).toContain('INVALID_INPUT: mapping: dòng 1: dòng tiêu đề thiếu 6 cột');
    expect(io.err).not.toContain('{ mapping: {'); // the library's syntax is only mentioned as "in code"
    expect(io.err).toContain('"columns" của tệp ánh xạ (--mapping)');
    const flag = io.err.trimEnd().split('\n').at(-1)!.split('--assume ')[1]!;
    expect(flag).toBe('paperResultRequired=false,eResult=false,complaint=false,reusedData=false,componentsFromStore=false,dataStored=false');
    const ok = fakeIo(files);
    expect(await main(['report', `${ex}/xuat-ho-so-quy1-2024.csv`, '--mapping', `${ex}/mapping.json`, '--period', '2024-Q1', '--form', 'ii06a', '--assume', flag], ok)).toBe(1); // the one bad row of the example
    expect(ok.out).toContain('Tổng cộng');
    // --preset dvcqg: the portal's fields have no pause, reuse or data store columns
    const { vendor } = dvcqgFixture();
    const v = join(dir, 'dvcqg-all-missing.csv');
    writeFileSync(v, vendor);
    const d = fakeIo();
    expect(await main(['report', v, '--preset', 'dvcqg', '--period', '2024', '--lang', 'en'], d)).toBe(2);
    // (this fixture also lacks the e-result and complaint columns the preset names)
    expect(named(d.err)).toEqual(['pausedSince', 'paperResultRequired', 'eResult', 'complaint', 'reusedData', 'componentsFromStore', 'dataStored']);
    expect(d.err).toContain('\n  - paperResultRequired (column "YeuCauKetQuaGiay"): rate eResult, index 4.1, index 4.2\n');
    expect(d.err.trimEnd().split('\n').at(-1)).toMatch(/--assume pausedSince=none,paperResultRequired=false,eResult=false,complaint=false,reusedData=false,componentsFromStore=false,dataStored=false$/);
    // JSON records: the first record stands for the header, every key it lacks named at once
    const rec = { id: 'A', procedureCode: '1.001193', field: 'Hộ tịch', agency: 'UBND xã A', level: 'commune', channel: 'online', receivedOn: '2024-01-02', dueOn: '2024-01-05', finishedOn: null, finishedAs: null, returnedOn: null, supplements: 0, extensions: 0, digitised: true, feeDue: false, paidOnline: false, synced: true };
    const j = join(dir, 'missing.json');
    writeFileSync(j, JSON.stringify([rec, { ...rec, id: 'B' }]));
    const jo = fakeIo();
    expect(await main(['report', j, '--period', '2024-Q1'], jo)).toBe(2);
    expect(named(jo.err)).toEqual(['pausedSince', 'paperResultRequired', 'eResult', 'complaint', 'reusedData', 'componentsFromStore', 'dataStored']);
    expect(jo.err).toContain('INVALID_INPUT: mapping: dòng 1: bản ghi đầu tiên thiếu 7 khóa');
    const jflag = jo.err.trimEnd().split('\n').at(-1)!.split('--assume ')[1]!;
    const jok = fakeIo();
    expect(await main(['report', j, '--period', '2024-Q1', '--format', 'json', '--assume', jflag], jok)).toBe(0);
    expect(JSON.parse(jok.out).total.counts.received).toBe(2);
  });

  it('records the --assume declarations in the notes of every output of --form and of the html and xlsx report: in Vietnamese in the form and documents whatever --lang, and in English too under the text form with --lang en; values in words in vi (#14)', async () => {
    const ex = 'examples/vendor-export';
    const files = { [`${ex}/mapping.json`]: readFileSync(`${ex}/mapping.json`, 'utf8') };
    const flag = 'paperResultRequired=false,eResult=false,complaint=false,reusedData=false,componentsFromStore=false,dataStored=false';
    const base = ['report', `${ex}/xuat-ho-so-quy1-2024.csv`, '--mapping', `${ex}/mapping.json`, '--period', '2024-Q1', '--assume', flag];
    const vi = 'Cột không có trong tệp, giả định (--assume): paperResultRequired=false (không), eResult=false (không), complaint=false (không), reusedData=false (không), componentsFromStore=false (không), dataStored=false (không)';
    const en = 'Columns not in the file, assumed absent (--assume): paperResultRequired=false, eResult=false, complaint=false, reusedData=false, componentsFromStore=false, dataStored=false';
    const unwrap = (text: string) => text.replace(/\n {2}/g, ' ');
    for (const [lang, reader] of [['vi', vi], ['en', en]] as const) {
      // the form and the documents are Vietnamese (the legal form): their notes too, whatever --lang
      const note = vi;
      // the text form: the form's own note in Vietnamese, and the reader's language below it
      const form = fakeIo(files);
      await main([...base, '--form', 'ii06a', '--lang', lang], form);
      expect(unwrap(form.out), `${lang} --form`).toContain(vi);
      expect(unwrap(form.out), `${lang} --form`).toContain(reader);
      if (lang === 'en') expect(unwrap(form.out).indexOf(en)).toBeGreaterThan(unwrap(form.out).indexOf(vi));
      // the plain report speaks the language asked for
      const plain = fakeIo(files);
      await main([...base, '--lang', lang], plain);
      expect(unwrap(plain.out), `${lang} plain`).toContain(reader);
      if (lang === 'en') expect(unwrap(plain.out)).not.toContain(vi);
      // the form's CSV, the workbook's form sheet, the html page (the form's notes, and without --form)
      const csv = join(dir, `form-${lang}.csv`);
      await main([...base, '--form', 'ii06a', '--out', csv, '--lang', lang], fakeIo(files));
      expect(readFileSync(csv, 'utf8').split('\r\n')).toContain(`"${note}"`);
      const xlsx = join(dir, `form-${lang}.xlsx`);
      await main([...base, '--form', 'ii06a', '--out', xlsx, '--lang', lang], fakeIo(files));
      const cells: string[] = [];
      for await (const r of sheetRows(xlsx)) cells.push(...r.cells);
      expect(cells).toContain(note);
      for (const extra of [['--form', 'ii06a'], []]) {
        const html = join(dir, `report-${lang}.html`);
        await main([...base, ...extra, '--format', 'html', '--out', html, '--lang', lang], fakeIo(files));
        expect(readFileSync(html, 'utf8')).toContain(`<p>${note}</p>`);
      }
    }
    // pausedSince=none reads "none", in words in vi
    const io = fakeIo(files);
    await main([...base.slice(0, -1), `${flag},supplements=0,digitised=true`, '--form', 'ii06a'], io);
    expect(unwrap(io.out)).toContain('dataStored=false (không), supplements=0, digitised=true');
    const none = fakeIo({ [`${ex}/mapping.json`]: JSON.stringify({ ...JSON.parse(files[`${ex}/mapping.json`]!), columns: { ...JSON.parse(files[`${ex}/mapping.json`]!).columns, pausedSince: undefined, pausedFor: undefined } }) });
    await main([...base.slice(0, -1), `${flag},pausedSince=none,pausedFor=none`, '--form', 'ii06a'], none);
    expect(unwrap(none.out)).toContain('pausedSince=none (không có), pausedFor=none (không có)');
  });

  it('says it in Vietnamese: an unknown status lists the words read and the values map to write; the columns as mapped in the finishedOn/finishedAs and duplicate id messages (#14)', async () => {
    const f = join(dir, 'status.csv');
    writeFileSync(f, 'Số hồ sơ,procedureCode,field,agency,level,channel,receivedOn,dueOn,Ngày xong,Trạng thái\nA,1,F,X,commune,online,2024-01-02,2024-01-05,2024-01-04,Đã có kết quả\nB,1,F,X,commune,online,2024-01-02,2024-01-05,2024-01-04,\nC,1,F,X,commune,online,2024-01-02,2024-01-05,,\nC,1,F,X,commune,online,2024-01-02,2024-01-05,,\n');
    const files = { 'm.json': JSON.stringify({ id: 'Số hồ sơ', finishedOn: 'Ngày xong', finishedAs: 'Trạng thái' }) };
    const absent = 'returnedOn=none,pausedSince=none,digitised=false,eResult=false,paperResultRequired=none,feeDue=false,paidOnline=false,synced=false,complaint=false,reusedData=false,dataStored=false,componentsFromStore=false';
    const run = async (lang: string) => {
      const io = fakeIo(files);
      expect(await main(['report', f, '--mapping', 'm.json', '--period', '2024-Q1', '--assume', absent, '--lang', lang], io)).toBe(1);
      return io.err.trimEnd().split('\n');
    };
    const [status, both, dup] = await run('vi');
    expect(status).toContain('status.csv, dòng 2: finishedAs (cột "Trạng thái"): "Đã có kết quả" không phải resolved, refused, stopped hoặc withdrawn (hay mã trạng thái quốc gia 1-10), cũng không phải trạng thái được đọc sẵn (resolved: "Đã xử lý xong", "Đã giải quyết"');
    expect(status).toContain('withdrawn: "Công dân yêu cầu rút hồ sơ", "Công dân rút hồ sơ"');
    expect(status).toMatch(/; hãy ánh xạ từ mà hệ thống của bạn dùng trong tệp ánh xạ \(--mapping\): "values": \{ "finishedAs": \{ "Đã có kết quả": "resolved" \} \}$/);
    expect(both).toBe(`${f}, dòng 3: finishedOn (cột "Ngày xong") và finishedAs (cột "Trạng thái") phải cùng để trống hoặc cùng có giá trị`);
    expect(dup).toBe(`${f}, dòng 5: id (cột "Số hồ sơ"): trùng mã hồ sơ "C": đã được tính từ dòng 4 (dòng đó được giữ); dòng này không được tính`);
    const en = await run('en');
    expect(en[0]).toMatch(/^.*status\.csv, line 2: finishedAs \(column "Trạng thái"\): "Đã có kết quả" is not resolved, refused, stopped or withdrawn \(or a national status code 1-10\), nor a status read without a map \(resolved: .*\); map your system's word in the mapping file \(--mapping\): "values": \{ "finishedAs": \{ "Đã có kết quả": "resolved" \} \}$/);
    expect(en[1]).toBe(`${f}, line 3: finishedOn (column "Ngày xong") and finishedAs (column "Trạng thái") must be both empty or both set`);
    expect(en[2]).toBe(`${f}, line 5: id (column "Số hồ sơ"): duplicate dossier id "C": already counted from line 4, which wins; this row is not counted`);
    // the values map the message gives makes the row read
    const mapped = fakeIo({ 'm.json': JSON.stringify({ columns: { id: 'Số hồ sơ', finishedOn: 'Ngày xong', finishedAs: 'Trạng thái' }, values: { finishedAs: { 'Đã có kết quả': 'resolved' } } }) });
    await main(['report', f, '--mapping', 'm.json', '--period', '2024-Q1', '--assume', absent], mapped);
    expect(mapped.err).not.toContain('dòng 2:');
  });

  it('reads a mapping file with columns, value maps and a date format, and refuses a bad one', async () => {
    const f = join(dir, 'own.csv');
    writeFileSync(f, 'so_ho_so,thu_tuc,linh_vuc,don_vi,cap,hinh_thuc,ngay_nhan,han_tra,ngay_xong,ket_qua\nA,1.001193,Hộ tịch,Phường 1,Phường,Một cửa,03.05.2024 08:00,03.07.2024 17:00,03.06.2024 10:00,Hoàn tất\n');
    const mapping = { columns: { id: 'so_ho_so', procedureCode: 'thu_tuc', field: 'linh_vuc', agency: 'don_vi', level: 'cap', channel: 'hinh_thuc', receivedOn: 'ngay_nhan', dueOn: 'han_tra', finishedOn: 'ngay_xong', finishedAs: 'ket_qua' }, values: { level: { Phường: 'commune' }, channel: { 'Một cửa': 'direct' }, finishedAs: { 'Hoàn tất': 'resolved' } }, dateFormat: 'MM.dd.yyyy HH:mm' };
    const io = fakeIo({ 'm.json': JSON.stringify(mapping) });
    const absent = 'returnedOn=none,pausedSince=none,digitised=false,eResult=false,paperResultRequired=none,feeDue=false,paidOnline=false,synced=false,complaint=false,reusedData=false,dataStored=false,componentsFromStore=false';
    expect(await main(['report', f, '--mapping', 'm.json', '--period', '2024-Q1', '--format', 'json', '--assume', absent], io)).toBe(0);
    expect(JSON.parse(io.out).total.counts).toMatchObject({ received: 1, resolved: 1, early: 1 });
    const bad = fakeIo({ 'm.json': JSON.stringify({ ...mapping, values: { channel: { Online: 'direct' } } }) });
    // a bad mapping file is bad input: exit 2 (issue #20; it was 1)
    await expect(main(['report', f, '--mapping', 'm.json', '--period', '2024-Q1'], bad)).resolves.toBe(2);
    expect(bad.err).toContain('sẽ đọc "Online" là direct');
    const typo = fakeIo({ 'm.json': JSON.stringify({ columns: { recievedOn: 'x' } }) });
    expect(await main(['report', f, '--mapping', 'm.json'], typo)).toBe(2);
    expect(typo.err).toContain('"recievedOn" không phải trường bản ghi');
  });
});
