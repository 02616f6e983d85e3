// The CLI conventions every command follows (issue #20): --help and --version, one line for a file
// that cannot be read, one exit-code convention (0 ok, 1 figures or checks failed, 2 bad usage or
// input), the progress bar's terminal being stderr.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXIT } from '../../src/cli/exit';
import { processIo, type CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));

/** A CLI io on the real disk that records what is printed. */
function diskIo(): CliIo & { out: string; err: string } {
  const real = processIo();
  const io = {
    ...real,
    out: '',
    err: '',
    isTTY: false,
    stdout: (s: string) => void (io.out += s),
    stderr: (s: string) => void (io.err += s),
  };
  return io;
}

const cli = async (...argv: string[]) => {
  const io = diskIo();
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
};

const dir = mkdtempSync(join(tmpdir(), 'motcua-cli-conv-'));
const missing = join(dir, 'không-có.csv');

describe('motcua --version and --help', () => {
  it('prints the package version', async () => {
    for (const flag of ['--version', '-v', 'version']) expect(await cli(flag)).toEqual({ code: 0, out: `${pkg.version}\n`, err: '' });
  });

  // --help in English (--lang en); the Vietnamese usage is the default (#19), see the snapshots in cli/text.test.ts
  const COMMANDS: [string[], RegExp][] = [
    [['calendar'], /Usage: motcua calendar <year>/],
    [['calendar', 'export'], /Usage: motcua calendar export --from <year>/],
    [['due'], /motcua due/],
    [['report'], /motcua report/],
    [['report', '--events'], /Usage: motcua report --events <events.ndjson>/],
    [['report', '--events', 'x.ndjson'], /Usage: motcua report --events <events.ndjson>/],
    [['dossier'], /motcua dossier/],
    [['check'], /motcua check/],
    [['sql'], /Usage: motcua sql/],
    [['sql', 'report'], /Usage: motcua sql/],
    [['demo'], /Usage: motcua demo/],
  ];
  for (const [argv, usage] of COMMANDS) {
    it(`motcua ${argv.join(' ')} --help prints its usage on stdout and exits 0`, async () => {
      for (const help of ['--help', '-h']) {
        const r = await cli(...argv, help, '--lang', 'en');
        expect(r.code).toBe(EXIT.ok);
        expect(r.out).toMatch(usage);
        expect(r.err).toBe('');
      }
    });
  }

  it('motcua help <command> is motcua <command> --help; motcua --help lists the exit codes', async () => {
    expect(await cli('help', 'report')).toEqual(await cli('report', '--help'));
    expect(await cli('help', 'report', '--lang', 'en')).toEqual(await cli('report', '--help', '--lang', 'en'));
    const r = await cli('--help', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Exit codes: 0 .*; 1 .*; 2 bad usage/s);
    const vi = await cli('--help');
    expect(vi.code).toBe(0);
    expect(vi.out).toMatch(/Mã thoát: 0 .*; 1 .*; 2 dùng sai lệnh/s);
    expect((await cli()).code).toBe(EXIT.badInput);
  });
});

describe('a file that cannot be read: one line, no stack trace, exit 2', () => {
  writeFileSync(join(dir, 'events.json'), '{"procedure":');
  writeFileSync(join(dir, 'good.csv'), 'id,procedureCode,field,agency,level,channel,receivedOn,dueOn,finishedOn,finishedAs\nA,1.001193,Hộ tịch,UBND xã A,commune,direct,2024-02-01,2024-03-05,,\n');
  const CASES: [string, string[]][] = [
    ['report', ['report', missing, '--period', '2024-Q1']],
    ['report --mapping', ['report', join(dir, 'good.csv'), '--mapping', missing]],
    ['report --events', ['report', '--events', missing, '--period', '2024-Q1']],
    ['report --events --facts', ['report', '--events', join(dir, 'events.json'), '--facts', missing, '--period', '2024-Q1']],
    ['dossier', ['dossier', missing]],
    ['dossier (not JSON)', ['dossier', join(dir, 'events.json')]],
    ['check', ['check', missing]],
    ['sql --columns', ['sql', 'report', '--columns', missing]],
    ['report on a directory', ['report', dir, '--period', '2024-Q1']],
  ];
  for (const [what, argv] of CASES) {
    it(what, async () => {
      const r = await cli(...argv);
      expect(r.code).toBe(EXIT.badInput);
      const lines = r.err.trimEnd().split('\n');
      // a usage error may add the usage after a blank line; the message itself is one line
      expect(lines[0]).toMatch(/^motcua /);
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(r.err).not.toMatch(/chunk-|dist\//);
      expect(r.out).toBe('');
    });
  }
});

describe('one exit-code convention for every command', () => {
  const claims = join(dir, 'claims.json');
  writeFileSync(claims, JSON.stringify({ counts: { received: 10, resolved: 6, pending: 4 }, rates: [{ label: 'đúng hạn', numerator: 6, denominator: 10, reported: '70%' }] }));
  const okClaims = join(dir, 'ok-claims.json');
  writeFileSync(okClaims, JSON.stringify({ counts: { received: 10, resolved: 6, pending: 4 }, rates: [{ label: 'đúng hạn', numerator: 6, denominator: 10, reported: '60%' }] }));
  const badCsv = join(dir, 'bad.csv');
  writeFileSync(badCsv, 'id,procedureCode,field,agency,level,channel,receivedOn,dueOn,finishedOn,finishedAs\nA,1.001193,Hộ tịch,UBND xã A,commune,direct,2024-02-30,2024-03-05,,\n');
  const refused = join(dir, 'refused.json');
  writeFileSync(refused, JSON.stringify([{ id: 'e1', type: 'received', at: '2026-03-02T09:00+07:00', channel: 'direct' }, { id: 'e2', type: 'received', at: '2026-03-02T10:00+07:00', channel: 'direct' }]));
  const ROWS: [string, string[], number][] = [
    ['calendar ok', ['calendar', '2026', '--json'], 0],
    ['calendar bad year', ['calendar', '20x6'], 2],
    ['calendar export ok', ['calendar', 'export', '--from', '2026', '--to', '2026', '--format', 'json'], 0],
    ['calendar export bad format', ['calendar', 'export', '--from', '2026', '--to', '2026', '--format', 'xml'], 2],
    ['due ok', ['due', '--received', '2026-02-13T15:01+07:00', '--limit', '3 working-day'], 0],
    ['due without offset (MotcuaError)', ['due', '--received', '2026-02-13T15:01', '--limit', '3 working-day'], 2],
    ['due unknown option', ['due', '--recieved', 'x'], 2],
    ['report --sample ok', ['report', '--sample', '--period', '2025', '--year', '2025'], 0],
    ['report rows rejected (figures incomplete)', ['report', badCsv, '--period', '2024-Q1', '--assume', 'returnedOn=none,pausedSince=none,digitised=false,eResult=false,paperResultRequired=none,feeDue=false,paidOnline=false,synced=false,complaint=false,reusedData=false,dataStored=false,componentsFromStore=false'], 1],
    ['report bad period', ['report', '--sample', '--period', '2025-Q5'], 2],
    ['dossier an event refused', ['dossier', refused, '--limit', '3 working-day'], 1],
    ['dossier no file', ['dossier'], 2],
    ['check figures right', ['check', okClaims], 0],
    ['check a figure wrong', ['check', claims], 1],
    ['sql ok', ['sql', 'report', '--period', '2024-Q1'], 0],
    ['sql bad dialect', ['sql', 'report', '--dialect', 'oracle'], 2],
    ['demo', ['demo'], 0],
    ['demo unknown argument', ['demo', '--fast'], 2],
    ['unknown command', ['repotr'], 2],
  ];
  for (const [what, argv, code] of ROWS) {
    it(`${what}: exit ${code}`, async () => {
      const r = await cli(...argv);
      expect(r.code, r.err).toBe(code);
    });
  }
});

describe('the progress bar follows stderr, not stdout', () => {
  afterEach(() => vi.restoreAllMocks());
  it('processIo().isTTY is whether stderr is a terminal', () => {
    const out = Object.getOwnPropertyDescriptor(process.stdout, 'isTTY');
    const err = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
    try {
      Object.defineProperty(process.stdout, 'isTTY', { value: false, configurable: true });
      Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true });
      expect(processIo().isTTY).toBe(true); // `motcua report big.csv > out.txt` shows the bar
      Object.defineProperty(process.stdout, 'isTTY', { value: true, configurable: true });
      Object.defineProperty(process.stderr, 'isTTY', { value: false, configurable: true });
      expect(processIo().isTTY).toBe(false); // `2> log` gets no bar frames
    } finally {
      if (out) Object.defineProperty(process.stdout, 'isTTY', out);
      else delete (process.stdout as { isTTY?: boolean }).isTTY;
      if (err) Object.defineProperty(process.stderr, 'isTTY', err);
      else delete (process.stderr as { isTTY?: boolean }).isTTY;
    }
  });
});
