/**
 * The signals that stop a batch, cleaning up its staging folder and lock first. On Windows,
 * Ctrl-Break is SIGBREAK: it stopped the process where it was, the staging folder left behind.
 * Run with a stand-in process (Windows' signals cannot be sent here).
 */
import { test, expect } from '@playwright/test';
import { EventEmitter } from 'node:events';
import { exitOnStopSignals, type SignalledProcess } from '../../../cli/grade/stop-signals.js';

function fakeProcess(platform: NodeJS.Platform): SignalledProcess & { emit(signal: string): void; exits: number[]; listening(): string[] } {
  const events = new EventEmitter();
  const exits: number[] = [];
  return {
    platform,
    on: (signal, listener) => events.on(signal, listener),
    off: (signal, listener) => events.off(signal, listener),
    exit: (code) => void exits.push(code),
    emit: (signal) => void events.emit(signal, signal),
    exits,
    listening: () => events.eventNames().map(String).sort(),
  };
}

test('Windows: Ctrl-Break (SIGBREAK) cleans up and ends the run (exit 149 = 128 + 21), as Ctrl-C does (130)', () => {
  for (const [signal, code] of [['SIGBREAK', 149], ['SIGINT', 130]] as const) {
    const proc = fakeProcess('win32');
    let cleaned = 0;
    exitOnStopSignals(() => void cleaned++, proc);
    proc.emit(signal);
    proc.emit(signal); // an impatient second one while cleaning up: ignored
    expect([cleaned, proc.exits], signal).toEqual([1, [code]]);
  }
});

test('listened to where the platform has it, and no longer once the run has ended', () => {
  const windows = fakeProcess('win32');
  const stopListening = exitOnStopSignals(() => {}, windows);
  expect(windows.listening()).toEqual(['SIGBREAK', 'SIGHUP', 'SIGINT', 'SIGTERM']);
  stopListening();
  expect(windows.listening()).toEqual([]);
  // Elsewhere, SIGBREAK is never sent (before, a mutation sweep: macOS was not looked at).
  for (const platform of ['linux', 'darwin'] as const) {
    const proc = fakeProcess(platform);
    exitOnStopSignals(() => {}, proc);
    expect(proc.listening(), platform).toEqual(['SIGHUP', 'SIGINT', 'SIGTERM']);
  }
});

test('each stop signal ends the run with 128 + its number: SIGHUP (a terminal closed) 129, SIGINT 130, SIGTERM 143', () => {
  for (const [signal, code] of [['SIGHUP', 129], ['SIGINT', 130], ['SIGTERM', 143]] as const) {
    const proc = fakeProcess('linux');
    exitOnStopSignals(() => {}, proc);
    proc.emit(signal);
    // Before (a mutation sweep): SIGHUP's code was held by no test.
    expect(proc.exits, signal).toEqual([code]);
  }
});

test('a cleanup that waits (for the grading threads to stop) ends the run once it has settled, a second signal meanwhile ignored', async () => {
  const proc = fakeProcess('linux');
  let finish!: () => void;
  let cleaned = 0;
  exitOnStopSignals(() => {
    cleaned++;
    return new Promise<void>((resolve) => (finish = resolve));
  }, proc);
  proc.emit('SIGTERM');
  proc.emit('SIGINT');
  await new Promise((resolve) => setImmediate(resolve));
  // Before: the process exited as soon as the cleanup was called, the threads still writing.
  expect([cleaned, proc.exits]).toEqual([1, []]);
  finish();
  await new Promise((resolve) => setImmediate(resolve));
  expect(proc.exits).toEqual([143]);
});
