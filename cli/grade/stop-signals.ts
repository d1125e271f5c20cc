/**
 * Ctrl-C, a CI job cancelled (SIGTERM), a terminal closed (SIGHUP), Ctrl-Break on Windows
 * (SIGBREAK): a batch stops at once, its exit code 128 + the signal's number, after cleaning up
 * what it has begun.
 */

/** Signals that stop a batch, and the exit code each ends it with (128 + its number). */
const STOP_SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
/** Windows only: Ctrl-Break (Node can listen for it elsewhere, but nothing ever sends it there). */
const WINDOWS_STOP_SIGNALS = { ...STOP_SIGNALS, SIGBREAK: 149 } as const;

type StopSignal = keyof typeof WINDOWS_STOP_SIGNALS;

/** The process a batch runs in, as far as stopping it goes (a test stands in for Windows). */
export interface SignalledProcess {
  platform: NodeJS.Platform;
  on(signal: StopSignal, listener: (signal: StopSignal) => void): unknown;
  off(signal: StopSignal, listener: (signal: StopSignal) => void): unknown;
  exit(code: number): void;
}

/**
 * From now until the returned function is called, a stop signal runs `cleanUp` and ends the
 * process: at once, or once the promise `cleanUp` returns has settled (the grading threads
 * stopped before their staging folder is removed). Listening on (not once): a second Ctrl-C while
 * `cleanUp` runs would otherwise find no listener and kill the process half-way, staging folder
 * and lock left behind.
 */
export function exitOnStopSignals(cleanUp: () => void | Promise<void>, proc: SignalledProcess = process as SignalledProcess): () => void {
  const codes: Partial<Record<StopSignal, number>> = proc.platform === 'win32' ? WINDOWS_STOP_SIGNALS : STOP_SIGNALS;
  const signals = Object.keys(codes) as StopSignal[];
  let stopping = false;
  const onStop = (signal: StopSignal) => {
    if (stopping) return;
    stopping = true;
    const exit = () => proc.exit(codes[signal]!);
    let cleaning: void | Promise<void>;
    try {
      cleaning = cleanUp();
    } catch (error) {
      exit();
      throw error;
    }
    if (cleaning === undefined) exit();
    else void cleaning.then(exit, exit);
  };
  for (const signal of signals) proc.on(signal, onStop);
  return () => {
    for (const signal of signals) proc.off(signal, onStop);
  };
}
