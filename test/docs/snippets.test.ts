// Docs that run (issue #20): every ```ts block of README.md, docs/*.md and examples/*/README.md, and
// every JSDoc @example under src/, is executed with `motcua/*` resolved to the sources (as vitest's
// alias does for the examples), and each commented result is asserted (see ./_snippets.ts).
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presetMapping, sampleRecords } from '../../src/kpi';
import { DOSSIER_TABLE } from '../../src/sql';
import { writeXlsx } from '../../src/node';
import { instrument, jsdocSnippets, markdownFiles, markdownSnippets, parseExpected, root, type Snippet } from './_snippets';

const dir = join(root, 'test/_snippets');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const matcher = (v: unknown): unknown => {
  if (v && typeof v === 'object' && '__ellipsis' in v) return expect.stringMatching((v as { __ellipsis: RegExp }).__ellipsis);
  if (Array.isArray(v)) return v.map(matcher);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, matcher(x)]));
  return v;
};

// The files the snippets open, in the working directory they run in: a dossier export of the
// bundled sample for 2024 (export.csv, export.xlsx; ho-so-2024.csv in the SQL layout's column names)
// the sample catalogue (catalogue.json, data/procedures.json) and an event log (events.ndjson).
const work = mkdtempSync(join(tmpdir(), 'motcua-snippets-'));
const cwd = process.cwd();
beforeAll(async () => {
  const records = sampleRecords({ year: 2024 }) as unknown as Record<string, unknown>[];
  const keys = [...new Set(records.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown) => (v === null || v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
  const csv = (header: readonly string[], fields: readonly string[]) => [header.join(','), ...records.map((r) => fields.map((k) => cell(r[k])).join(','))].join('\n') + '\n';
  writeFileSync(join(work, 'export.csv'), csv(keys, keys));
  // the SQL layout's columns, in its order (docs/sql.md reads the file with DuckDB's positional `columns`)
  writeFileSync(join(work, 'ho-so-2024.csv'), csv(DOSSIER_TABLE.map((c) => c.name), DOSSIER_TABLE.map((c) => c.field)));
  // the national portal's field names (presetMapping('dvcqg')); the agency under 'TenDonVi' as docs/from-export-to-form.md maps it
  const dvcqg = presetMapping('dvcqg') as Record<string, string>;
  writeFileSync(join(work, 'xuat-ho-so-dvcqg.csv'), csv(keys.map((k) => (k === 'agency' ? 'TenDonVi' : dvcqg[k] ?? k)), keys));
  const xlsxCell = (v: unknown) => ({ v: typeof v === 'boolean' ? String(v) : ((v ?? null) as string | number | null) });
  await writeXlsx(join(work, 'xuat-ho-so-dvcqg.xlsx'), [{ name: 'Hồ sơ', rows: [keys.map((k) => xlsxCell(dvcqg[k] ?? k)), ...records.slice(0, 200).map((r) => keys.map((k) => xlsxCell(r[k])))] }]);
  await writeXlsx(join(work, 'export.xlsx'), [{ name: 'Hồ sơ', rows: [keys.map((k) => xlsxCell(k)), ...records.slice(0, 200).map((r) => keys.map((k) => xlsxCell(r[k])))] }]);
  copyFileSync(join(root, 'data/procedures.json'), join(work, 'catalogue.json'));
  mkdirSync(join(work, 'data'));
  copyFileSync(join(root, 'data/procedures.json'), join(work, 'data/procedures.json'));
  // an event log (motcua/node's summarizeEventsFile examples): two dossiers in 2024-Q1, three in 2026-Q1,
  // one of them waiting for a supplement; a dossier's events on consecutive lines, ids ascending
  writeFileSync(
    join(work, 'events.ndjson'),
    [
    '{"dossierId":"HS-2024-0001","procedureCode":"2.000815","agency":"UBND xã An Bình","id":"e1","type":"received","at":"2024-02-05T09:00+07:00"}',
    '{"dossierId":"HS-2024-0001","procedureCode":"2.000815","agency":"UBND xã An Bình","id":"e2","type":"resolved","at":"2024-02-05T14:00+07:00"}',
    '{"dossierId":"HS-2024-0002","procedureCode":"1.001612","agency":"UBND xã An Bình","id":"e1","type":"received","at":"2024-03-04T09:00+07:00"}',
    '{"dossierId":"HS-2024-0002","procedureCode":"1.001612","agency":"UBND xã An Bình","id":"e2","type":"resolved","at":"2024-03-12T10:00+07:00"}',
    '{"dossierId":"HS-2026-0001","procedureCode":"2.000815","agency":"UBND xã An Bình","id":"e1","type":"received","at":"2026-03-02T09:00+07:00"}',
    '{"dossierId":"HS-2026-0001","procedureCode":"2.000815","agency":"UBND xã An Bình","id":"e2","type":"resolved","at":"2026-03-02T14:00+07:00"}',
    '{"dossierId":"HS-2026-0002","procedureCode":"1.001612","agency":"UBND phường 3","id":"e1","type":"received","at":"2026-03-02T09:00+07:00"}',
    '{"dossierId":"HS-2026-0002","procedureCode":"1.001612","agency":"UBND phường 3","id":"e2","type":"supplement-requested","at":"2026-03-03T10:00+07:00"}',
    '{"dossierId":"HS-2026-0003","procedureCode":"1.001612","agency":"UBND phường 3","id":"e1","type":"received","at":"2026-03-09T09:00+07:00"}',
    '{"dossierId":"HS-2026-0003","procedureCode":"1.001612","agency":"UBND phường 3","id":"e2","type":"resolved","at":"2026-03-11T10:00+07:00"}',
    ].join('\n') + '\n',
  );
  process.chdir(work);
});
afterAll(() => process.chdir(cwd));

(globalThis as { __check?: unknown }).__check = async (f: () => Promise<unknown>, comment: string, where: string) => {
  const e = parseExpected(comment);
  if (!e) return f();
  if (e.kind === 'throws') {
    await expect(f(), `${where}: ${comment}`).rejects.toThrow();
    return;
  }
  const actual = await f();
  if (e.kind === 'oneOf') expect(e.values, `${where}: ${comment}`).toContainEqual(actual);
  else if (e.kind === 'equal') expect(actual, `${where}: ${comment}`).toEqual(matcher(e.value));
  else if (Array.isArray(e.value)) expect((actual as unknown[]).slice(0, e.value.length), `${where}: ${comment}`).toMatchObject(matcher(e.value) as object);
  else expect(actual, `${where}: ${comment}`).toMatchObject(matcher(e.value) as object);
};

function run(s: Snippet, k: number) {
  const { code, checks } = instrument(s);
  const title = `${s.where}${s.noRun ? ` (not run: ${s.noRun})` : ` (${checks} result${checks === 1 ? '' : 's'} asserted)`}`;
  it.skipIf(s.noRun !== null)(title, async () => {
    const file = join(dir, `s${k}_${s.where.replace(/[^\w]+/g, '_')}.ts`);
    writeFileSync(file, `${code}\nexport {};\n`);
    await import(file);
  });
}

let k = 0;
describe('the snippets of the README, docs/*.md and examples/*/README.md run and print what they say', () => {
  for (const f of markdownFiles()) for (const s of markdownSnippets(f)) run(s, k++);
});

describe('the JSDoc @example blocks run and return what they say', () => {
  for (const s of jsdocSnippets()) run(s, k++);
});

describe('the snippet checker', () => {
  it('reads values, unions, partial objects and prose', () => {
    expect(parseExpected("'2026-02-23'")).toEqual({ kind: 'equal', value: '2026-02-23' });
    expect(parseExpected('false: Tết Nguyên đán')).toEqual({ kind: 'equal', value: false });
    expect(parseExpected('5: working days in (a, b]')).toEqual({ kind: 'equal', value: 5 });
    expect(parseExpected("'early' | 'on-time' | 'late'")).toEqual({ kind: 'oneOf', values: ['early', 'on-time', 'late'] });
    expect(parseExpected("{ state: 'received', nationalCode: 2, … }")).toEqual({ kind: 'match', value: { state: 'received', nationalCode: 2 } });
    expect(parseExpected("{ agency, date: '2024-04-26' }")).toEqual({ kind: 'match', value: { date: '2024-04-26' } });
    expect(parseExpected('column (3)')).toBeNull();
    expect(parseExpected('2026-02-23')).toBeNull();
    expect(parseExpected('throws: dated 2024-04-26')).toMatchObject({ kind: 'throws' });
  });

  it('fails a snippet whose commented result is wrong', async () => {
    const { code, checks } = instrument({ where: 'wrong.md:1', code: "import { addWorkingDays } from 'motcua/calendar';\naddWorkingDays('2026-02-13', 1); // '2026-02-24'\n", noRun: null });
    expect(checks).toBe(1);
    const file = join(dir, 'wrong.ts');
    writeFileSync(file, `${code}\nexport {};\n`);
    await expect(import(file)).rejects.toThrow(/wrong\.md:3: '2026-02-24': expected '2026-02-23'/);
  });

  it('asserted the commented results of the snippets (a checker that asserts nothing is a defect)', () => {
    const all = [...markdownFiles().flatMap(markdownSnippets), ...jsdocSnippets()];
    expect(all.length).toBeGreaterThan(140);
    expect(all.reduce((n, s) => n + instrument(s).checks, 0)).toBeGreaterThan(150);
  });
});
