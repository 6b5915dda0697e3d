/**
 * The top-level handler every command-line tool runs under: whatever goes
 * wrong ends as one sentence on stderr and a non-zero exit code, never a
 * stack trace. Expected failures (a bad file, a bad argument) are reported
 * by the tool itself with their own exit codes; this catches the rest.
 */

/** Exit codes shared by the command-line tools. */
export const EXIT = {
  /** Done. */
  ok: 0,
  /** An input (a file, a manifest) cannot be read or used; the message names it. */
  badInput: 1,
  /** The command line is wrong; usage follows the message. */
  usage: 2,
  /** The tool failed on its own (a bug): the message says what happened. */
  failed: 3,
} as const;

/** `error`'s message on one line, without its stack. */
export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/gu, ' ').trim().slice(0, 500) || 'unknown error';
}

/**
 * Runs `main` with the process arguments and sets the exit code to what it
 * returns. An exception thrown by it, or left uncaught later, prints
 * "NAME: …" on one line and exits with EXIT.failed. A closed stdout (the
 * output piped into `head`) ends the tool quietly.
 */
export function runCli(name: string, main: (args: readonly string[]) => number | Promise<number>): void {
  const fail = (error: unknown): void => {
    if ((error as NodeJS.ErrnoException | null)?.code === 'EPIPE') process.exit(EXIT.ok);
    const what = error instanceof RangeError && /call stack/iu.test(error.message) ? 'ran out of stack' : oneLine(error);
    process.stderr.write(`${name}: failed unexpectedly (${what}); this is a bug, please report it with the input that caused it.\n`);
    process.exit(EXIT.failed);
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  process.stdout.on('error', fail);
  try {
    Promise.resolve(main(process.argv.slice(2))).then((code) => {
      process.exitCode = code;
    }, fail);
  } catch (error) {
    fail(error);
  }
}
