/**
 * Ctrl-C, a CI job cancelled (SIGTERM), a terminal closed (SIGHUP): a batch stops at once, its
 * exit code 128 + the signal's number, after cleaning up what it has begun.
 */

/** Signals that stop a batch, and the exit code each ends it with (128 + its number). */
const STOP_SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
const SIGNAL_NAMES = Object.keys(STOP_SIGNALS) as (keyof typeof STOP_SIGNALS)[];

/**
 * From now until the returned function is called, a stop signal runs `cleanUp` and ends the
 * process. Listening on (not once): a second Ctrl-C while `cleanUp` runs would otherwise find no
 * listener and kill the process half-way, staging folder and lock left behind.
 */
export function exitOnStopSignals(cleanUp: () => void): () => void {
  let stopping = false;
  const onStop = (signal: keyof typeof STOP_SIGNALS) => {
    if (stopping) return;
    stopping = true;
    try {
      cleanUp();
    } finally {
      process.exit(STOP_SIGNALS[signal]);
    }
  };
  for (const signal of SIGNAL_NAMES) process.on(signal, onStop);
  return () => {
    for (const signal of SIGNAL_NAMES) process.off(signal, onStop);
  };
}
