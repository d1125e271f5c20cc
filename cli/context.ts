/** What every command gets: output streams (swappable in tests), global flags, and the exit code. */
export interface CliContext {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout/stderr is a terminal (progress display). */
  isTTY: boolean;
  /** Colour allowed: not NO_COLOR, not --no-color. */
  color: boolean;
  debug: boolean;
  version: string;
  /** Record an exit code; the process exits with the highest one recorded. */
  exit: (code: number) => void;
}
