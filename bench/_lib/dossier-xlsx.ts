// The generated dossier workbook of the kpi-xlsx bench: the same rows as dossier-csv.mjs (cycled
// from eight years of the bundled sample), stored the way a spreadsheet program stores an export:
// shared strings (the dossier codes are unique strings, as real ones are), dates as serial
// numbers, numbers as numbers, empty cells left out. Streamed through the zip writer, so
// generating a million rows never holds the sheet in memory.
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { sampleRecords } from '../../src/kpi/index';
import { createZipWriter } from '../../src/node/zip';

const COLS = ['id', 'procedureCode', 'field', 'agency', 'level', 'channel', 'receivedOn', 'dueOn', 'finishedOn', 'finishedAs', 'supplements', 'extensions', 'digitised', 'eResult', 'paperResultRequired', 'feeDue', 'paidOnline', 'synced', 'complaint'];
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
const letter = (i: number) => (i < 26 ? String.fromCharCode(65 + i) : `A${String.fromCharCode(65 + i - 26)}`);
const EPOCH = Date.UTC(1899, 11, 30);
const serial = (d: string) => (Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) - EPOCH) / 86_400_000;

/** The path of a generated workbook of `rows` rows, written if missing; the id of row i is `000.00.12.H23-<i>`, the CSV's being `i`. */
export async function dossierXlsx(root: string, rows: number): Promise<string> {
  const dir = `${root}.bench-tmp`;
  mkdirSync(dir, { recursive: true });
  const path = `${dir}/dossiers-${rows}.xlsx`;
  if (existsSync(path)) return path;
  const base: ReturnType<typeof sampleRecords>[number][] = [];
  for (let y = 2019; y <= 2026; y++) base.push(...sampleRecords({ year: y }));
  const sst = new Map<string, number>();
  const s = (v: string) => {
    let k = sst.get(v);
    if (k === undefined) sst.set(v, (k = sst.size));
    return k;
  };
  const tmp = `${path}.part`;
  const z = await createZipWriter(tmp);
  await z.add('[Content_Types].xml', ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>']);
  await z.add('_rels/.rels', ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>']);
  await z.add('xl/workbook.xml', ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Hồ sơ" sheetId="1" r:id="rId1"/></sheets></workbook>']);
  await z.add('xl/_rels/workbook.xml.rels', ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>']);
  function* sheet(): Generator<string> {
    yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
    yield `<row r="1">${COLS.map((c, i) => `<c r="${letter(i)}1" t="s"><v>${s(c)}</v></c>`).join('')}</row>`;
    let buf = '';
    for (let i = 0; i < rows; i++) {
      const r = base[i % base.length]!;
      const n = i + 2;
      const str = (col: number, v: string) => (v === '' ? '' : `<c r="${letter(col)}${n}" t="s"><v>${s(v)}</v></c>`);
      const num = (col: number, v: number | string) => (v === '' ? '' : `<c r="${letter(col)}${n}"><v>${v}</v></c>`);
      const date = (col: number, v: string | null | undefined) => (v ? `<c r="${letter(col)}${n}" s="1"><v>${serial(v)}</v></c>` : '');
      const b = (col: number, v: boolean) => `<c r="${letter(col)}${n}" t="b"><v>${v ? 1 : 0}</v></c>`;
      buf += `<row r="${n}">${str(0, `000.00.12.H23-${i}`)}${str(1, r.procedureCode)}${str(2, r.field)}${str(3, r.agency)}${str(4, r.level)}${str(5, r.channel)}${date(6, r.receivedOn)}${date(7, r.dueOn)}${date(8, r.finishedOn)}${str(9, r.finishedAs ?? '')}${num(10, r.supplements)}${num(11, r.extensions)}${b(12, r.digitised)}${b(13, r.eResult)}${b(15, r.feeDue)}${b(16, r.paidOnline)}${b(17, r.synced)}${b(18, r.complaint)}</row>`;
      if (buf.length > 1 << 20) {
        yield buf;
        buf = '';
      }
    }
    yield `${buf}</sheetData></worksheet>`;
  }
  await z.add('xl/worksheets/sheet1.xml', sheet());
  function* strings(): Generator<string> {
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="${sst.size}">`;
    let buf = '';
    for (const k of sst.keys()) {
      buf += `<si><t>${esc(k)}</t></si>`;
      if (buf.length > 1 << 20) {
        yield buf;
        buf = '';
      }
    }
    yield `${buf}</sst>`;
  }
  await z.add('xl/sharedStrings.xml', strings());
  await z.close();
  renameSync(tmp, path);
  return path;
}
