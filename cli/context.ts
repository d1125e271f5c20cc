/** What every command gets: output streams (swappable in tests), global flags, and the exit code. */
export interface CliContext {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal that can redraw the progress line (not a dumb one). */
  isTTY: boolean;
  /** The width of stdout in columns when it is a terminal (console output wraps to it); undefined for a pipe or file. */
  columns?: () => number | undefined;
  /** Colour allowed: not NO_COLOR, not --no-color. */
  color: boolean;
  /** Whether the terminal shows ✓ and ✗ (not Windows' own console: cli/terminal.ts). */
  unicode: boolean;
  /** --debug: an internal error is told with its stack trace. */
  debug: boolean;
  version: string;
  /** Record an exit code; the process exits with the highest one recorded. */
  exit: (code: number) => void;
}
