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
  /** Whether stdout is a terminal (for progress bars and colours). */
  isTTY: boolean;
}

/** A CLI command: parses its own arguments and returns an exit code (0 ok, 1 failure, 2 usage). */
export type Command = (argv: string[], io: CliIo) => Promise<number>;
