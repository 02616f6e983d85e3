import { readFile } from 'node:fs/promises';

/** The I/O a CLI command gets: injected so commands are testable without spawning a process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Read a whole file as UTF-8 text. */
  readFile(path: string): Promise<string>;
  /** Read a whole file as bytes (for .docx); commands fall back to `readFile` without it. */
  readBytes?(path: string): Promise<Uint8Array>;
  /** Read all of standard input (for `-`). */
  readStdin?(): Promise<Uint8Array>;
  /**
   * Whether standard error is a terminal: progress bars draw there (on stderr), so
   * `motcua report big.csv > out.txt` still shows one, and `2> log` gets no bar frames.
   */
  isTTY: boolean;
  /**
   * Set by `motcua report --events` for the records it derived from an event log: no record at
   * all is then a log whose every dossier was rejected (and reported), not an empty file.
   */
  readonly derivedRecords?: boolean;
}

/** A CLI command: parses its own arguments and returns an exit code (see `EXIT` in ./exit). */
export type Command = (argv: string[], io: CliIo) => Promise<number>;

/** The I/O of the real process. */
export function processIo(): CliIo {
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    readFile: (p) => readFile(p, 'utf8'),
    readBytes: (p) => readFile(p),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    },
    isTTY: Boolean(process.stderr.isTTY),
  };
}
