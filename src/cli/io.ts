/** The I/O a CLI command gets: injected so commands are testable without spawning a process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Read a whole file as UTF-8 text. */
  readFile(path: string): Promise<string>;
  /** Whether stdout is a terminal (for progress bars and colours). */
  isTTY: boolean;
}

/** A CLI command: parses its own arguments and returns an exit code (0 ok, 1 failure, 2 usage). */
export type Command = (argv: string[], io: CliIo) => Promise<number>;
