import pkg from '../../package.json' with { type: 'json' };
import { isMotcuaError, messageOf, show } from '../errors';
import { EXIT } from './exit';
import { langOf, withoutLang } from './_format';
import { MAIN } from './_messages';
import type { CliIo, Command } from './io';

const commands: Record<string, () => Promise<Command>> = {
  calendar: async () => (await import('./calendar')).run,
  due: async () => (await import('./due')).run,
  demo: async () => (await import('./demo')).run,
  check: async () => (await import('./check')).run,
  report: async () => (await import('./report')).run,
  dossier: async () => (await import('./dossier')).run,
  sql: async () => (await import('./sql')).run,
};

export async function main(argv: string[], io: CliIo): Promise<number> {
  // --lang may come anywhere (`motcua --lang en due …`, `motcua help due --lang en`): it is taken
  // out to find the command, and given back to the command.
  const { lang, error } = langOf(argv);
  const t = MAIN[lang];
  if (error !== undefined) {
    io.stderr(`motcua: ${error}\n${t.see}\n`);
    return EXIT.badInput;
  }
  const given = argv.length !== withoutLang(argv).length;
  const [first, ...tail] = withoutLang(argv);
  if (first === '--version' || first === '-v' || first === 'version') {
    io.stdout(`${pkg.version}\n`);
    return EXIT.ok;
  }
  // `motcua help report` is `motcua report --help`
  const [name, ...rest] = first === 'help' && tail.length > 0 ? [tail[0]!, ...tail.slice(1), '--help'] : [first, ...tail];
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(t.usage);
    return name ? EXIT.ok : EXIT.badInput;
  }
  if (!Object.hasOwn(commands, name)) {
    io.stderr(`motcua: ${t.unknownCommand(show(name))}\n${t.see}\n`);
    return EXIT.badInput;
  }
  const load = commands[name]!;
  if (given) rest.push('--lang', lang);
  try {
    return await (await load())(rest, io);
  } catch (e) {
    if (isMotcuaError(e)) {
      io.stderr(`motcua ${name}: ${e.code}: ${cut(messageOf(e, lang))}\n`);
      return EXIT.badInput;
    }
    // Anything else (a file that cannot be read, a worker thread that crashed): one line, no stack
    // trace in an officer's terminal. MOTCUA_DEBUG=1 shows the stack.
    if (process.env.MOTCUA_DEBUG) throw e;
    io.stderr(`motcua ${name}: ${describeError(e)}\n`);
    return EXIT.badInput;
  }
}

/** A message cut to one line of at most 500 characters (messages may quote input). */
function cut(m: string): string {
  const l = m.split('\n', 1)[0]!;
  return l.length > 500 ? `${l.slice(0, 497)}...` : l;
}

/** One line for an error that is not a MotcuaError: the file and what is wrong with it for system errors. */
export function describeError(e: unknown): string {
  const x = e as { code?: unknown; path?: unknown; message?: unknown };
  const path = typeof x?.path === 'string' ? x.path : undefined;
  if (path !== undefined) {
    if (x.code === 'ENOENT') return `không tìm thấy tệp ${JSON.stringify(path)} (ENOENT: no such file)`;
    if (x.code === 'EISDIR') return `${JSON.stringify(path)} là một thư mục, không phải một tệp (EISDIR)`;
    if (x.code === 'EACCES' || x.code === 'EPERM') return `không có quyền đọc ${JSON.stringify(path)} (${x.code})`;
  }
  return cut(e instanceof Error ? e.message : String(e));
}

