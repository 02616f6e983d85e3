import { EXIT } from './exit';
import { processIo } from './io';
import { describeError, main } from './main';

main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // main turns every error into one line; this is only reached with MOTCUA_DEBUG=1 (the stack is wanted)
    process.stderr.write(`motcua: ${process.env.MOTCUA_DEBUG && e instanceof Error ? (e.stack ?? e.message) : describeError(e)}\n`);
    process.exitCode = EXIT.badInput;
  },
);
