// The text of every CLI command (#19): Vietnamese by default and English with --lang en, both
// tables with the same keys, every line within 100 terminal columns, and the whole text of each
// command in both languages kept as snapshots (test/cli/__snapshots__/text/*.txt) so a change
// of wording is seen in review.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnBlocks, displayWidth, langOf, MAX_WIDTH, withoutLang, wrap } from '../../src/cli/_format';
import * as messages from '../../src/cli/_messages';
import { main } from '../../src/cli/main';
import { interlinked } from '../dossier/_fixtures';
import { fakeIo } from './_io';

/** The shape of a message table: keys (nested), array lengths, function arities. */
function shape(x: unknown): unknown {
  if (typeof x === 'function') return `function/${x.length}`;
  if (Array.isArray(x)) return x.map(shape);
  if (x !== null && typeof x === 'object') return Object.fromEntries(Object.keys(x).sort().map((k) => [k, shape((x as Record<string, unknown>)[k])]));
  return typeof x;
}

describe('the CLI message tables', () => {
  const tables = Object.entries(messages) as [string, { vi: unknown; en: unknown }][];
  it('there is one per command', () => {
    expect(tables.map(([name]) => name).sort()).toEqual(['CALENDAR', 'CALENDAR_EXPORT', 'CHECK', 'DEMO', 'DOSSIER', 'DUE', 'MAIN', 'REPORT', 'REPORT_EVENTS', 'SQL']);
  });
  for (const [name, t] of tables) {
    it(`${name}: vi and en have the same keys, list lengths and function arities`, () => {
      expect(Object.keys(t).sort()).toEqual(['en', 'vi']);
      expect(shape(t.en)).toEqual(shape(t.vi));
    });
  }
});

describe('display width and wrapping', () => {
  it('counts a precomposed or decomposed Vietnamese letter as one column, a CJK ideograph as two', () => {
    expect(displayWidth('Nghị định')).toBe(9);
    expect(displayWidth('Nghị định'.normalize('NFD'))).toBe(9);
    expect(displayWidth('Thứ Năm 01/01/2026')).toBe(18);
    expect(displayWidth('春节')).toBe(4);
    expect(displayWidth('a\u200Bb')).toBe(2);
  });
  it('wraps at spaces within the width, cutting only a word longer than a line', () => {
    const text = 'Quy ước: hồ sơ rút không tính vào (7), từ chối tính vào (7), dừng xử lý không tính vào (7)';
    const lines = wrap(text, '', '  ', 40);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(40);
    expect(lines.map((l) => l.trim()).join(' ')).toBe(text);
    const long = wrap('x'.repeat(95), '', '', 40);
    expect(long).toEqual(['x'.repeat(40), 'x'.repeat(40), 'x'.repeat(15)]);
  });
  it('splits a wide table into blocks of columns that fit, repeating the first column', () => {
    const rows = [['Nhóm', ...Array.from({ length: 12 }, (_, i) => `Cột số ${i + 1} dài`)], ['Hộ tịch', ...Array.from({ length: 12 }, (_, i) => String(i))]];
    const out = columnBlocks(rows, { maxWidth: 60 });
    for (const l of out) expect(displayWidth(l)).toBeLessThanOrEqual(60);
    expect(out.filter((l) => l.startsWith('Nhóm')).length).toBeGreaterThan(1);
    for (let i = 1; i <= 12; i++) expect(out.join('\n')).toContain(`Cột số ${i} dài`);
  });
  it('--lang: vi by default, the last one wins, anything else is a usage error', () => {
    expect(langOf(['2026'])).toEqual({ lang: 'vi' });
    expect(langOf(['--lang', 'en', '2026', '--lang=vi'])).toEqual({ lang: 'vi' });
    expect(langOf(['--lang=en'])).toEqual({ lang: 'en' });
    expect(langOf(['--lang', 'fr']).error).toMatch(/--lang phải là vi hoặc en/);
    expect(withoutLang(['help', '--lang', 'en', 'due', '--lang=vi'])).toEqual(['help', 'due']);
  });
});

// Deterministic inputs: bundled sample data, fixed dates, fixtures.
const events = {
  id: 'H23-260302-0001',
  procedure: interlinked,
  events: [
    { id: 'e1', type: 'received', at: '2026-03-02T09:00+07:00' },
    { id: 'e2', type: 'step-started', at: '2026-03-02T10:00+07:00', step: 'commune' },
    { id: 'e3', type: 'step-started', at: '2026-03-05T14:00+07:00', step: 'province' },
    { id: 'e4', type: 'resolved', at: '2026-03-20T10:00+07:00' },
    { id: 'e5', type: 'returned', at: '2026-03-20T15:00+07:00' },
  ],
};
const L = (dossierId: string, e: Record<string, unknown>) => JSON.stringify({ dossierId, procedureCode: '1.004873', agency: 'UBND xã A', ...e });
const log = [
  L('A', { id: 'e1', type: 'received', at: '2024-05-06T08:00+07:00', channel: 'online' }),
  L('B', { id: 'e1', type: 'received', at: '2024-05-06T09:00+07:00' }),
  L('A', { id: 'e2', type: 'resolved', at: '2024-05-08T10:00+07:00' }),
  L('B', { id: 'e2', type: 'withdrawal-requested', at: '2024-05-07T10:00+07:00' }),
  L('D', { id: 'e1', type: 'received', at: '2024-05-20T09:00+07:00' }),
].join('\n');
const FILES: Record<string, string> = {
  'd.json': JSON.stringify(events),
  'claims.json': readFileSync(new URL('../../examples/claims/quarter-claims.json', import.meta.url), 'utf8'),
  'thanh-lo.txt': readFileSync(new URL('../kpi/reports/thanh-lo-2023.txt', import.meta.url), 'utf8'),
  'ev.ndjson': log,
  'facts.json': JSON.stringify({ '*': { digitised: true, eResult: false, feeDue: false, paidOnline: false, synced: true, complaint: false } }),
};
const ABSENT = ['--assume', 'reusedData=false,dataStored=false,componentsFromStore=false'];

/** Each command with deterministic input: [snapshot name, argv, exit code]. */
const CASES: [string, string[], number][] = [
  ['help', ['--help'], 0],
  ['calendar-2026', ['calendar', '2026'], 0],
  ['calendar-2031-estimated', ['calendar', '2031'], 0],
  ['calendar-help', ['calendar', '--help'], 0],
  ['calendar-export-help', ['calendar', 'export', '--help'], 0],
  ['due', ['due', '--received', '2026-02-13T15:01+07:00', '--limit', '3 working-day', '--cutoff', '15:00'], 0],
  ['due-help', ['due', '--help'], 0],
  ['dossier', ['dossier', 'd.json'], 0],
  ['dossier-help', ['dossier', '--help'], 0],
  ['check-claims', ['check', 'claims.json'], 1],
  ['check-text', ['check', 'thanh-lo.txt'], 1],
  ['check-help', ['check', '--help'], 0],
  ['demo', ['demo'], 0],
  ['demo-help', ['demo', '--help'], 0],
  ['report-sample', ['report', '--sample', '--year', '2025', '--period', '2025-Q1'], 0],
  ['report-form', ['report', '--sample', '--year', '2025', '--period', '2025', '--form', 'ii06a', '--unit', 'UBND xã Mẫu'], 0],
  ['report-help', ['report', '--help'], 0],
  ['report-events', ['report', '--events', 'ev.ndjson', '--any-order', '--facts', 'facts.json', '--period', '2024-05', ...ABSENT], 0],
  ['report-events-help', ['report', '--events', '--help'], 0],
  ['sql-help', ['sql', '--help'], 0],
];

// Inputs with errors (#19): what goes to stderr, in each language.
const BAD_CSV = [
  'id,procedureCode,field,agency,level,channel,receivedOn,dueOn,finishedOn,finishedAs',
  'A,1.001193,Hộ tịch,UBND xã A,commune,online,2025-01-02,2025-01-05,2025-01-04,resolved',
  'B,1.001193,Hộ tịch,UBND xã A,commune,fax,2025-01-02,2025-01-05,,',
  'C,1.001193,Hộ tịch,UBND xã A,xã,online,31/02/2025,2025-01-05,,',
  'D,1.001193,Hộ tịch,UBND xã A,commune,online,2025-01-06,2025-01-03,,',
  'A,1.001193,Hộ tịch,UBND xã A,commune,online,2025-01-02,2025-01-05,,',
  '',
].join('\n');
const BAD_LOG = [
  L('A', { id: 'e1', type: 'received', at: '2024-05-06T08:00+07:00', channel: 'online' }),
  L('A', { id: 'e2', type: 'returned', at: '2024-05-08T10:00+07:00' }),
  '{"dossierId": ',
  JSON.stringify({ id: 'e1', type: 'received' }),
  L('B', { id: 'e1', type: 'received', at: '2024-05-06T09:00+07:00' }),
].join('\n');
const REFUSED = { ...events, events: [...events.events.slice(0, 2), { id: 'e9', type: 'extended', at: '2026-03-03T10:00+07:00' }, { id: 'e10', type: 'returned', at: '2026-03-04T10:00+07:00' }, ...events.events.slice(2)] };
const ERR_FILES: Record<string, string> = { ...FILES, 'bad.csv': BAD_CSV, 'bad.ndjson': BAD_LOG, 'refused.json': JSON.stringify(REFUSED), 'empty.csv': '' };
const ASSUMED = ['--assume', 'returnedOn=none,pausedSince=none,digitised=false,eResult=false,paperResultRequired=none,feeDue=false,paidOnline=false,synced=false,complaint=false,reusedData=false,dataStored=false,componentsFromStore=false'];
/** Commands that print errors, rejected rows or refusals: [snapshot name, argv, exit code]. */
const ERROR_CASES: [string, string[], number][] = [
  ['report-rejected', ['report', 'bad.csv', '--period', '2025-Q1', ...ASSUMED], 1],
  ['report-empty', ['report', 'empty.csv', '--period', '2025-Q1'], 2],
  ['report-bad-preset', ['report', 'bad.csv', '--preset', 'vnpt', '--period', '2025-Q1'], 2],
  ['report-events-rejected', ['report', '--events', 'bad.ndjson', '--any-order', '--facts', 'facts.json', '--period', '2024-05', ...ABSENT], 1],
  ['report-events-no-facts', ['report', '--events', 'bad.ndjson', '--any-order', '--period', '2024-05', ...ABSENT], 1],
  ['report-events-order', ['report', '--events', 'ev.ndjson', '--facts', 'facts.json', '--period', '2024-05', ...ABSENT], 2],
  ['dossier-refused', ['dossier', 'refused.json'], 1],
];

describe('errors, rejected rows and refusals, in Vietnamese (default) and English (#19)', () => {
  for (const [name, argv, code] of ERROR_CASES) {
    for (const lang of ['vi', 'en'] as const) {
      it(`${name} (${lang})`, async () => {
        const io = fakeIo(ERR_FILES);
        expect(await main(lang === 'vi' ? argv : [...argv, '--lang', lang], io)).toBe(code);
        expect(io.err + io.out).not.toBe('');
        await expect(`${io.err}--- stdout ---\n${io.out}`).toMatchFileSnapshot(`./__snapshots__/text/${name}.${lang}.txt`);
      });
    }
  }
});

describe('the text of every command, in Vietnamese (default) and English', () => {
  for (const [name, argv, code] of CASES) {
    for (const lang of ['vi', 'en'] as const) {
      it(`${name} (${lang})`, async () => {
        const io = fakeIo(FILES);
        expect(await main(lang === 'vi' ? argv : [...argv, '--lang', lang], io)).toBe(code);
        expect(io.out).not.toBe('');
        // every line within 100 columns of display width
        const wide = io.out.split('\n').filter((l) => displayWidth(l) > MAX_WIDTH);
        expect(wide).toEqual([]);
        // and so is what goes to stderr (the rows-read line, a notice)
        expect(io.err.split('\n').filter((l) => displayWidth(l) > MAX_WIDTH)).toEqual([]);
        await expect(io.out).toMatchFileSnapshot(`./__snapshots__/text/${name}.${lang}.txt`);
      });
    }
  }

  it('the default is Vietnamese: no English heading or verdict leaks into the default text', async () => {
    for (const [, argv] of CASES) {
      const io = fakeIo(FILES);
      await main(argv, io);
      expect(io.out, argv.join(' ')).not.toMatch(/^(Usage|Sources|Conventions|Identities|Why|Due|Dossier|Warnings|Rates|Sums)\b/m);
      expect(io.out, argv.join(' ')).not.toMatch(/\b(OFF|WORKING|WRONG|FAILS)\b/);
      expect(io.out, argv.join(' ')).not.toMatch(/Tỷ lệ \(rates\)|kỳ \d{4}-Q\d/);
    }
  });

  it('a usage error is in the language asked for', async () => {
    const vi = fakeIo();
    expect(await main(['calendar', '26'], vi)).toBe(2);
    expect(vi.err).toMatch(/^motcua calendar: .*\nXem: motcua calendar --help\n$/);
    const en = fakeIo();
    expect(await main(['calendar', '26', '--lang', 'en'], en)).toBe(2);
    expect(en.err).toMatch(/^motcua calendar: .*\nSee: motcua calendar --help\n$/);
    const bad = fakeIo();
    expect(await main(['calendar', '2026', '--lang', 'fr'], bad)).toBe(2);
    expect(bad.err).toContain('--lang phải là vi hoặc en (--lang must be vi or en)');
  });

  it('a usage error of every command is the error and one line saying where the help is, not the help; --help prints it all (#14)', async () => {
    const cases: [string[], string][] = [
      [['report', '--sample', '--out', 'x.xlsx'], 'motcua report --help'],
      [['report', '--events', 'ev.ndjson', 'extra'], 'motcua report --events --help'],
      [['calendar', '26'], 'motcua calendar --help'],
      [['calendar', 'export', '--bogus'], 'motcua calendar export --help'],
      [['due', '--limit', '3 working-day'], 'motcua due --help'],
      [['dossier', '--bogus'], 'motcua dossier --help'],
      [['demo', 'x'], 'motcua demo --help'],
      [['sql', 'report', '--bogus'], 'motcua sql --help'],
      [['check', '--bogus'], 'motcua check --help'],
      [['nosuchcommand'], 'motcua --help'],
    ];
    for (const [argv, help] of cases) {
      for (const [lang, see] of [['vi', 'Xem'], ['en', 'See']] as const) {
        const io = fakeIo();
        expect(await main([...argv, '--lang', lang], io), argv.join(' ')).toBe(2);
        const lines = io.err.split('\n');
        expect(lines, `${argv.join(' ')} ${lang}`).toHaveLength(3);
        expect(lines[0]).toMatch(/^motcua[ :]/);
        expect(lines[1]).toBe(`${see}: ${help}`);
        expect(lines[2]).toBe('');
      }
      // and the help it points to is the full help, on stdout, exit 0
      const h = fakeIo();
      expect(await main([...help.split(' ').slice(1)], h), help).toBe(0);
      expect(h.out, help).toMatch(/^(Cách dùng|motcua: )/);
      expect(h.out.split('\n').length, help).toBeGreaterThan(3);
    }
  });

  it('report --help and the --out error list the same file types, and each one is written (#14)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-out-'));
    for (const lang of ['vi', 'en']) {
      const help = fakeIo();
      await main(['report', '--help', '--lang', lang], help);
      const block = help.out.slice(help.out.indexOf('  --out '), help.out.indexOf('\n  --unit'));
      const listed = (text: string) => [...new Set([...text.matchAll(/\.(xlsx|csv|html?|json|txt|pdf|\w+)\b/g)].map((m) => m[1]))].filter((x) => x !== 'htm').sort();
      const err = fakeIo();
      expect(await main(['report', '--sample', '--out', 'x.pdf', '--lang', lang], err)).toBe(2);
      expect(listed(block), lang).toEqual(listed(err.err.split('\n')[0]!.replace(/"x\.pdf"/, '')));
      expect(listed(block)).toEqual(['csv', 'html', 'json', 'txt', 'xlsx']);
    }
    for (const ext of ['xlsx', 'csv', 'html', 'htm', 'json', 'txt']) {
      const out = join(dir, `r.${ext}`);
      const io = fakeIo();
      expect(await main(['report', '--sample', '--period', '2025-Q1', '--out', out, ...(ext === 'xlsx' ? ['--form', 'ii06a'] : [])], io), `${ext}: ${io.err}`).toBe(0);
      expect(existsSync(out), ext).toBe(true);
    }
  });

  it('JSON output does not depend on the language: keys and codes stay English', async () => {
    for (const argv of [['calendar', '2026', '--json'], ['due', '--received', '2026-02-13T15:01+07:00', '--limit', '3 working-day', '--json'], ['dossier', 'd.json', '--json'], ['report', '--sample', '--period', '2025-Q1', '--format', 'json']]) {
      const vi = fakeIo(FILES);
      const en = fakeIo(FILES);
      await main(argv, vi);
      await main([...argv, '--lang', 'en'], en);
      expect(Object.keys(JSON.parse(vi.out))).toEqual(Object.keys(JSON.parse(en.out)));
    }
    const cal = fakeIo();
    await main(['calendar', '2026', '--json'], cal);
    expect(JSON.parse(cal.out)[0]).toMatchObject({ working: false, kind: 'holiday', status: 'verified' });
  });
});
