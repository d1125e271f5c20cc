/** Entry of the Node CLI: parses argv, runs the command, returns the exit code (never calls process.exit). */
import { setFlagsFromString } from 'node:v8';
import { CommanderError } from 'commander';
import { createProgram } from './program.js';
import type { CliContext } from './context.js';
import { printableLine } from '../reports/escape.js';
import { EXIT, UsageError } from './errors.js';
import { isUnusedHttpParserFailure } from './unused-http-parser.js';
import { reasonOf } from './io.js';
import { unicodeTerminal } from './terminal.js';
import { version } from './version.js';

// bin/flowgrade.js asks it too, of rejections that come after the CLI has returned.
export { isUnusedHttpParserFailure };

/**
 * A regular expression from an export (Pebble's `matches`, `split`, `replace`) that backtracks
 * more than V8's threshold (50,000 steps) is finished by V8's linear-time engine instead: a pattern
 * such as `a*a*a*b` that passes the engine's own guard took 36 s on 1,000 characters, and takes
 * milliseconds this way. Flags are per process: the grading threads have it too.
 */
function regexpsInLinearTimeWhenTheyBacktrack(): void {
  setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
}

/** Output streams that can no longer be written: their reader went away, or the write failed. */
const closed = new Set<NodeJS.WriteStream>();
/** Set when output was lost for another reason than a closed pipe (a full disk): exit code 2. */
let outputLost = false;

/**
 * Writes to one of the process's streams. A failed write is an error event on the stream (a crash
 * with a stack trace when nobody listens). A reader that stops early (`| head -1`, EPIPE) ends the
 * output, not the run: later writes are dropped and the command keeps its own exit code. Any other
 * failure (`> /dev/full`) is said in one line on stderr, and the command ends with exit code 2.
 */
function writerTo(stream: NodeJS.WriteStream): (text: string) => void {
  if (stream.listenerCount('error') === 0) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      closed.add(stream);
      if (error.code === 'EPIPE') return;
      outputLost = true;
      process.exitCode = EXIT.unusable;
      if (stream === process.stdout && !closed.has(process.stderr)) process.stderr.write(`flowgrade: cannot write the output: ${reasonOf(error)}\n`);
    });
  }
  return (text) => {
    if (!closed.has(stream)) stream.write(text);
  };
}

export async function run(argv: string[], overrides: Partial<CliContext> = {}): Promise<number> {
  regexpsInLinearTimeWhenTheyBacktrack();
  let exitCode: number = EXIT.passed;
  const ctx: CliContext = {
    stdout: writerTo(process.stdout),
    stderr: writerTo(process.stderr),
    isTTY: smartTerminal(Boolean(process.stderr.isTTY), process.env), // grade's progress redrawn in place
    color: colourWanted(argv, process.env, Boolean(process.stdout.isTTY)),
    unicode: unicodeTerminal(process.platform, process.env),
    columns: () => (process.stdout.isTTY ? process.stdout.columns : undefined),
    debug: argv.includes('--debug'),
    version,
    exit: (code) => {
      exitCode = Math.max(exitCode, code);
    },
    ...overrides,
  };
  let fatal = false;
  const onFatal = (error: unknown) => {
    if (isUnusedHttpParserFailure(error)) return;
    fatal = true;
    ctx.stderr(`flowgrade: internal error: ${describe(error, ctx.debug)}\n`);
    process.exitCode = EXIT.unusable;
  };
  process.on('uncaughtException', onFatal);
  process.on('unhandledRejection', onFatal);
  try {
    await createProgram(ctx, argv).parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with code 0; usage mistakes (already printed by commander) with 2.
      return error.exitCode === 0 ? EXIT.passed : EXIT.unusable;
    }
    // Option values come from the command line, pasted from anywhere: escaped as any name is.
    if (error instanceof UsageError) ctx.stderr(`flowgrade: ${printableLine(error.message)}\n`);
    else ctx.stderr(`flowgrade: internal error: ${describe(error, ctx.debug)}\n`);
    return EXIT.unusable;
  } finally {
    process.off('uncaughtException', onFatal);
    process.off('unhandledRejection', onFatal);
  }
  return outputLost || fatal ? EXIT.unusable : exitCode;
}

/**
 * Colours on stdout: never with --no-color or a non-empty NO_COLOR (no-color.org); else on a
 * terminal, or when FORCE_COLOR is set (empty too) to anything but `0` or `false`, as Node and
 * chalk read it. A dumb terminal (smartTerminal) gets none unless FORCE_COLOR asks, as Node and
 * chalk decide.
 */
export function colourWanted(argv: string[], env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (argv.includes('--no-color') || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR.toLowerCase() !== 'false';
  return smartTerminal(isTTY, env);
}

/**
 * Whether a stream is a terminal that acts on escape sequences and carriage returns (colours, a
 * progress line redrawn in place): not one that says it is `dumb` (Emacs's shell, an editor's
 * output pane), which shows them as text. There, as in a pipe: no colours, plain progress lines.
 */
export function smartTerminal(isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  return isTTY && env.TERM !== 'dumb';
}

function describe(error: unknown, debug: boolean): string {
  if (!(error instanceof Error)) return String(error);
  return debug && error.stack ? error.stack : `${error.message} (run with --debug for details)`;
}
