/**
 * `--timeout` is per submission: a task's time counts from when its worker starts it, not from when
 * it was posted (the pool posts a few tasks ahead to each worker), nor from the start of the task
 * before it. The pool's timers run on a clock this test moves by hand (only timers of the pool's
 * delay are taken over), so nothing here waits for real time.
 */
import { test, expect } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PoolTaskError, WorkerPool } from '../../../cli/grade/pool.js';
import { tempDir } from '../../helpers.js';

/** 'ok' answers at once, 'hold' once the gate opens, 'hang' never. */
const WORKER = (() => {
  const file = path.join(tempDir('pool-timeout'), 'worker.mjs');
  writeFileSync(
    file,
    `import { parentPort, workerData } from 'node:worker_threads';
const gate = new Int32Array(workerData.gate);
parentPort.on('message', (task) => {
  if (task === 'hang') for (;;);
  if (task === 'hold') Atomics.wait(gate, 0, 0);
  parentPort.postMessage({ ok: true, result: task });
});
parentPort.postMessage({ ready: true });
`,
  );
  return pathToFileURL(file);
})();

/** An unusual delay: only the pool's timers have it. */
const TIMEOUT_MS = 4_321_000;

/** setTimeout and clearTimeout of TIMEOUT_MS on a clock moved by `advance`; any other delay is left to Node. */
function handClock() {
  const real = { set: globalThis.setTimeout, clear: globalThis.clearTimeout };
  const timers = new Set<{ at: number; fire: () => void }>();
  let now = 0;
  globalThis.setTimeout = ((fire: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    if (ms !== TIMEOUT_MS) return real.set(fire, ms, ...args);
    const timer = { at: now + ms, fire: () => fire(...args) };
    timers.add(timer);
    return timer;
  }) as typeof setTimeout;
  globalThis.clearTimeout = ((timer: unknown) => {
    if (!timers.delete(timer as never)) real.clear(timer as NodeJS.Timeout);
  }) as typeof clearTimeout;
  return {
    async advance(ms: number): Promise<void> {
      now += ms;
      for (const timer of [...timers].sort((a, b) => a.at - b.at)) {
        if (timer.at <= now && timers.delete(timer)) timer.fire();
      }
      await new Promise((resolve) => setImmediate(resolve)); // what the timers settled is seen
    },
    restore(): void {
      globalThis.setTimeout = real.set;
      globalThis.clearTimeout = real.clear;
    },
  };
}

/** A task's promise and whether (and how) it has settled yet. */
function watched<T>(promise: Promise<T>) {
  const state: { settled?: 'fulfilled' | 'timeout' | 'other' } = {};
  promise.then(
    () => (state.settled = 'fulfilled'),
    (error: unknown) => (state.settled = error instanceof PoolTaskError && error.reason === 'timeout' ? 'timeout' : 'other'),
  );
  return state;
}

test('a task posted behind a hung one does not put off the hung one\'s timeout', async () => {
  const clock = handClock();
  const pool = new WorkerPool<string, string>({ size: 1, pipeline: 2, script: WORKER, workerData: { gate: new SharedArrayBuffer(4) }, taskTimeoutMs: TIMEOUT_MS });
  try {
    expect(await pool.run('ok')).toBe('ok'); // the worker is ready: the next task starts as it is posted
    const hung = watched(pool.run('hang'));
    await clock.advance(0.6 * TIMEOUT_MS);
    const behind = pool.run('ok'); // posted to the same worker, ahead
    await clock.advance(0.4 * TIMEOUT_MS);
    // Before (a mutation sweep): the timer started again when the second task was posted.
    expect(hung.settled).toBe('timeout');
    expect(await behind).toBe('ok'); // on the fresh worker
  } finally {
    clock.restore();
    await pool.close();
  }
});

test('a task\'s time counts from its own start, not from the start of the task before it on its worker', async () => {
  const clock = handClock();
  const gate = new Int32Array(new SharedArrayBuffer(4));
  const pool = new WorkerPool<string, string>({ size: 1, pipeline: 2, script: WORKER, workerData: { gate: gate.buffer }, taskTimeoutMs: TIMEOUT_MS });
  try {
    expect(await pool.run('ok')).toBe('ok');
    const held = pool.run('hold');
    const hung = watched(pool.run('hang')); // posted at once, started when 'hold' ends
    await clock.advance(0.6 * TIMEOUT_MS);
    Atomics.store(gate, 0, 1);
    Atomics.notify(gate, 0);
    expect(await held).toBe('hold');
    await clock.advance(0.4 * TIMEOUT_MS);
    // Before (a mutation sweep): the first task's timer stayed, stopping the second 0.6 of its time early.
    expect(hung.settled).toBeUndefined();
    await clock.advance(0.6 * TIMEOUT_MS);
    expect(hung.settled).toBe('timeout');
  } finally {
    clock.restore();
    await pool.close();
  }
});
