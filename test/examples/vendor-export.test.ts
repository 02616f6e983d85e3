// docs/from-export-to-form.md, run: the vendor-style export of examples/vendor-export/ through
// the commands the page shows, with the figures and the error line it quotes.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { sheetRows } from '../../src/node/xlsx';
import { presetMapping, sampleRecords } from '../../src/kpi';
import { fakeIo } from '../cli/_io';

const root = join(__dirname, '../..');
const file = 'examples/vendor-export/xuat-ho-so-quy1-2024.csv';
const mapping = 'examples/vendor-export/mapping.json';
const doc = readFileSync(join(root, 'docs/from-export-to-form.md'), 'utf8');
// The export has no column for these (it has the pause columns): declared absent, as motcua report requires (#22).
const ASSUME = 'paperResultRequired=false,eResult=false,complaint=false,reusedData=false,componentsFromStore=false,dataStored=false';
const io = () => fakeIo({ [mapping]: readFileSync(join(root, mapping), 'utf8') });

/** The fenced block of the page that starts with `first`. */
function block(first: string): string {
  const i = doc.indexOf(`\`\`\`text\n${first}`);
  if (i < 0) throw new Error(`no block starting ${first}`);
  return doc.slice(i + 8, doc.indexOf('```', i + 8));
}

describe('docs/from-export-to-form.md', () => {
  const cwd = process.cwd();
  it('prints the form the page shows, and the one rejected row on stderr', async () => {
    process.chdir(root);
    try {
      const o = io();
      expect(await main(['report', file, '--mapping', mapping, '--assume', ASSUME, '--period', '2024-Q1', '--form', 'ii06a', '--unit', 'UBND huyện Hương Trà'], o)).toBe(1);
      const shown = block('UBND huyện Hương Trà').split('\n').filter((l) => l && l !== '…' && !l.endsWith('…'));
      const out = o.out.split('\n');
      for (const l of shown) expect(out).toContain(l);
      const err = block('examples/vendor-export/').trim();
      expect(o.err.trim()).toBe(err);
      // 31 rows in: 30 counted in (3), 1 rejected
      const data = readFileSync(join(root, file), 'utf8').trim().split('\r\n').length - 1;
      expect(data).toBe(31);
      expect(doc).toContain('31 rows in, 30 counted, 1 rejected');
      const j = io();
      await main(['report', file, '--mapping', mapping, '--assume', ASSUME, '--period', '2024-Q1', '--format', 'json'], j);
      const s = JSON.parse(j.out);
      expect(s.total.counts.received + s.rejectedCount).toBe(data);
      expect(s.total.counts.received).toBe(30);
    } finally {
      process.chdir(cwd);
    }
  });

  it('counts the dossiers waiting for a supplement within time (12), and overdue only when the pause columns are declared absent', async () => {
    process.chdir(root);
    try {
      const m = JSON.parse(readFileSync(join(root, mapping), 'utf8'));
      delete m.columns.pausedSince;
      delete m.columns.pausedFor;
      const totals = async (mappingText: string, assume: string) => {
        const o = fakeIo({ [mapping]: mappingText });
        await main(['report', file, '--mapping', mapping, '--assume', assume, '--period', '2024-Q1', '--format', 'json'], o);
        const c = JSON.parse(o.out).total.counts;
        return [c.pending, c.withinTime, c.overdue, c.paused];
      };
      expect(await totals(readFileSync(join(root, mapping), 'utf8'), ASSUME)).toEqual([11, 5, 6, 5]);
      expect(await totals(JSON.stringify(m), `pausedSince=none,pausedFor=none,${ASSUME}`)).toEqual([11, 1, 10, 0]);
      // without the declaration, the report refuses rather than guess
      const o = fakeIo({ [mapping]: JSON.stringify(m) });
      expect(await main(['report', file, '--mapping', mapping, '--assume', ASSUME, '--period', '2024-Q1'], o)).toBe(2);
      expect(o.err).toMatch(/pausedSince/);
    } finally {
      process.chdir(cwd);
    }
  });

  it('writes the workbook, the CSV and the HTML page it describes', async () => {
    process.chdir(root);
    const dir = mkdtempSync(join(tmpdir(), 'motcua-doc-'));
    try {
      const x = join(dir, 'bieu-ii06a.xlsx');
      expect(await main(['report', file, '--mapping', mapping, '--assume', ASSUME, '--period', '2024-Q1', '--form', 'ii06a', '--out', x, '--unit', 'UBND huyện Hương Trà', '--recipient', 'UBND tỉnh Thừa Thiên Huế'], io())).toBe(1);
      const names: string[] = [];
      const rows: string[][] = [];
      for await (const r of sheetRows(x, { onSheet: (i) => names.push(...i.names) })) rows.push(r.cells);
      expect(names).toEqual(['Biểu II.06a', 'Tỷ lệ', 'Chỉ số 766']);
      expect(rows.find((r) => r[1] === 'Tổng cộng')!.slice(2, 13)).toEqual(['30', '10', '20', '0', '19', '5', '10', '4', '11', '5', '6']);
      const c = join(dir, 'bieu.csv');
      await main(['report', file, '--mapping', mapping, '--assume', ASSUME, '--period', '2024-Q1', '--form', 'ii06a', '--out', c], io());
      expect(readFileSync(c, 'utf8')).toMatch(/^\uFEFF\(1\) STT,/);
      const h = join(dir, 'bao-cao.html');
      await main(['report', file, '--mapping', mapping, '--assume', ASSUME, '--period', '2024-Q1', '--format', 'html', '--out', h], io());
      expect(readFileSync(h, 'utf8')).toContain('Quý I/2024');
    } finally {
      process.chdir(cwd);
    }
  });

  it('runs the complete --preset dvcqg command of the preset section on an export with exactly the preset\'s columns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-doc-'));
    // the command as the page prints it, its lines joined
    const i = doc.indexOf('motcua report xuat-ho-so-dvcqg.csv --preset dvcqg');
    const command = doc.slice(i, doc.indexOf('```', i)).replaceAll('\\\n', ' ').trim();
    const argv = [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!).slice(1);
    expect(argv.slice(0, 3)).toEqual(['report', 'xuat-ho-so-dvcqg.csv', '--preset']);
    // an export with the preset's columns only: no pause, reuse or data store column
    const preset = presetMapping('dvcqg') as Record<string, string>;
    const fields = Object.keys(preset);
    expect(fields).not.toContain('pausedSince');
    const records = sampleRecords({ year: 2024 }) as unknown as Record<string, unknown>[];
    const cell = (v: unknown) => (v === null || v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
    const csv = join(dir, 'xuat-ho-so-dvcqg.csv');
    writeFileSync(csv, [fields.map((f) => preset[f]).join(','), ...records.map((r) => fields.map((f) => cell(r[f])).join(','))].join('\n') + '\n');
    argv[1] = csv;
    const o = fakeIo();
    expect(await main(argv, o), o.err).toBe(0);
    expect(o.out).toContain('UBND xã A');
    expect(o.out).toMatch(/Tổng cộng/);
    // without the --assume: the one error naming the four columns the page lists
    const without = argv.filter((a, k) => a !== '--assume' && argv[k - 1] !== '--assume');
    const e = fakeIo();
    expect(await main(without, e)).toBe(2);
    expect([...e.err.matchAll(/^ {2}- (\w+)/gm)].map((m) => m[1])).toEqual(['pausedSince', 'reusedData', 'componentsFromStore', 'dataStored']);
    expect(e.err).toContain(argv[argv.indexOf('--assume') + 1]);
  });

  it('the "From code" snippet gives the form --form ii06a prints: same convention, require and assume (its figures equal the CLI\'s, and differ from the library default)', async () => {
    // the snippet's file: the sample for 2024 under the portal's names, agency under TenDonVi, with
    // withdrawn and stopped dossiers (where the conventions differ) and without the pause, reuse and data store columns
    const dir = mkdtempSync(join(tmpdir(), 'motcua-from-code-'));
    const preset: Record<string, string> = { ...(presetMapping('dvcqg') as Record<string, string>), agency: 'TenDonVi' };
    const records = sampleRecords({ year: 2024 }) as unknown as Record<string, unknown>[];
    const keys = [...new Set(records.flatMap((r) => Object.keys(r)))].filter((k) => !['reusedData', 'componentsFromStore', 'dataStored'].includes(k));
    const cell = (v: unknown) => (v === null || v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
    writeFileSync(join(dir, 'xuat-ho-so-dvcqg.csv'), [keys.map((k) => preset[k] ?? k).join(','), ...records.map((r) => keys.map((k) => cell(r[k])).join(','))].join('\n') + '\n');
    // the snippet, as the page prints it, made a module that exports its summary
    const i = doc.indexOf('## From code');
    const code = doc.slice(doc.indexOf('```ts\n', i) + 6, doc.indexOf('```', doc.indexOf('```ts\n', i) + 6));
    const modDir = join(root, 'test/_snippets');
    mkdirSync(modDir, { recursive: true });
    const mod = join(modDir, 'from-code-vs-cli.ts');
    writeFileSync(mod, `${code}\nexport { s };\n`);
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const { s } = (await import(mod)) as { s: { total: { counts: Record<string, number> }; rows: { key: string; counts: Record<string, number> }[] } };
      const o = fakeIo({ 'm.json': JSON.stringify({ preset: 'dvcqg', columns: { agency: 'TenDonVi' }, values: { channel: { 'Qua bưu điện': 'postal' } } }) });
      expect(await main(['report', 'xuat-ho-so-dvcqg.csv', '--mapping', 'm.json', '--assume', 'pausedSince=none,reusedData=false,componentsFromStore=false,dataStored=false', '--period', '2024-Q1', '--form', 'ii06a', '--format', 'json'], o), o.err).toBe(0);
      const cli = JSON.parse(o.out);
      expect(s.total.counts).toEqual(cli.total.counts);
      expect(s.rows).toEqual(cli.rows);
      // and it matters: withdrawn or stopped dossiers are there, which the library default keeps out of (7)
      expect(cli.total.counts.withdrawn).toBeGreaterThan(0);
      const d = fakeIo({ 'm.json': JSON.stringify({ preset: 'dvcqg', columns: { agency: 'TenDonVi' } }) });
      await main(['report', 'xuat-ho-so-dvcqg.csv', '--mapping', 'm.json', '--assume', 'pausedSince=none,reusedData=false,componentsFromStore=false,dataStored=false', '--period', '2024-Q1', '--group-by', 'level,field', '--format', 'json'], d);
      expect(JSON.parse(d.out).total.counts.resolved).not.toBe(cli.total.counts.resolved);
      // without the assumption, the library refuses as the CLI does, naming the four columns at once
      const { summarizeCsvFile } = await import('../../src/node');
      const { figuresByColumn, CONVENTIONS, period } = await import('../../src/kpi');
      await expect(summarizeCsvFile('xuat-ho-so-dvcqg.csv', { period: period('2024-Q1'), groupBy: ['level', 'field'], delimiter: 'auto', mapping: preset, require: figuresByColumn(CONVENTIONS['form-exact']) })).rejects.toThrow(/header has no column for 4 fields[\s\S]*--assume pausedSince=none,reusedData=false,componentsFromStore=false,dataStored=false$/);
    } finally {
      process.chdir(cwd);
    }
  });
});
