// A vendor-style workbook built from CSV text the way spreadsheet programs store it: shared
// strings, numbers as numbers, date-times as Excel serial numbers with a date style, sparse
// cells (empty cells left out), an instructions sheet before the data. Written with the zip
// writer of src/node/zip.ts, but its XML is written here, independently of src/node/xlsx.ts.
import { createZipWriter } from '../../src/node/zip';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
const col = (i: number) => {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** `dd/MM/yyyy HH:mm:ss` as an Excel serial with a day fraction, or null. */
export function serialOf(v: string): number | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})(?: (\d{2}):(\d{2}):(\d{2}))?$/.exec(v);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])));
  // a date that does not exist stays text, as a spreadsheet program leaves it
  if (d.getUTCDate() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1) return null;
  const days = (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
  const frac = (Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0)) / 86_400;
  return days + frac;
}

/** Rows of cells as a sheet's XML: shared strings, numbers, serial dates with style 1. */
function sheetXml(rows: readonly (readonly string[])[], sst: Map<string, number>, rowStart = 1): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData>'];
  rows.forEach((cells, r) => {
    const n = r + rowStart;
    const cs: string[] = [];
    cells.forEach((v, i) => {
      if (v === '') return; // sparse: empty cells are not stored
      const ref = `${col(i)}${n}`;
      const serial = serialOf(v);
      if (serial !== null) cs.push(`<c r="${ref}" s="1"><v>${serial}</v></c>`);
      else if (/^(0|[1-9]\d{0,14})$/.test(v)) cs.push(`<c r="${ref}"><v>${v}</v></c>`);
      else {
        let k = sst.get(v);
        if (k === undefined) sst.set(v, (k = sst.size));
        cs.push(`<c r="${ref}" t="s"><v>${k}</v></c>`);
      }
    });
    out.push(`<row r="${n}" spans="1:${cells.length}">${cs.join('')}</row>`);
  });
  // formatting-only rows at the end, as Excel leaves them
  out.push(`<row r="${rows.length + rowStart + 3}" s="2" customFormat="1"/><row r="${rows.length + rowStart + 4}"><c r="A${rows.length + rowStart + 4}" s="2"/></row>`);
  out.push('</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
  return out.join('');
}

/** Write the workbook: sheet 1 "Hướng dẫn" (a note), sheet 2 `dataSheet` holding the CSV's rows. */
export async function writeVendorWorkbook(path: string, csv: string, dataSheet = 'Hồ sơ', firstIsData = false): Promise<void> {
  const rows = csv.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l !== '').map((l) => l.split(','));
  const sst = new Map<string, number>();
  const notes = sheetXml([['Dữ liệu xuất từ hệ thống một cửa điện tử & Cổng DVCQG'], ['Ngày xuất', '05/04/2024 10:00:00']], sst);
  const data = sheetXml(rows, sst);
  const sheets = firstIsData ? [[dataSheet, data]] : [['Hướng dẫn', notes], [dataSheet, data]];
  const z = await createZipWriter(path);
  await z.add('[Content_Types].xml', [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
  ]);
  await z.add('_rels/.rels', ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>']);
  // relationship ids in another order than the sheets, as real workbooks often have
  await z.add('xl/workbook.xml', [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets>${sheets.map(([name], i) => `<sheet name="${esc(name!)}" sheetId="${i + 1}" r:id="rId${sheets.length - i + 2}"/>`).join('')}</sheets></workbook>`,
  ]);
  await z.add('xl/_rels/workbook.xml.rels', [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>${sheets.map((_, i) => `<Relationship Id="rId${sheets.length - i + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`,
  ]);
  await z.add('xl/styles.xml', ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy hh:mm:ss"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="3"><xf/><xf numFmtId="164" applyNumberFormat="1"/><xf/></cellXfs></styleSheet>']);
  for (let i = 0; i < sheets.length; i++) await z.add(`xl/worksheets/sheet${i + 1}.xml`, [sheets[i]![1]!]);
  // shared strings last (after the sheets used them), with a rich-text item and a phonetic run
  const items = [...sst.keys()].map((s) => (s.includes('&') ? `<si><r><rPr><b/></rPr><t xml:space="preserve">${esc(s.slice(0, 4))}</t></r><r><t xml:space="preserve">${esc(s.slice(4))}</t></r><rPh sb="0" eb="1"><t>x</t></rPh></si>` : `<si><t>${esc(s)}</t></si>`));
  await z.add('xl/sharedStrings.xml', [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${sst.size}" uniqueCount="${sst.size}">`, ...items, '</sst>']);
  await z.close();
}
