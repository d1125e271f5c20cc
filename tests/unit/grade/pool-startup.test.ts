/**
 * Workers that die before they are ready: twice in a row is a setup that cannot work (the pool
 * stops, every task rejected with a plain Error), but a start that fails once, between good ones,
 * is only that worker's: the pool goes on. Each start of the worker script is counted in a file.
 */
import { test, expect } from '@playwright/test';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PoolTaskError, WorkerPool } from '../../../cli/grade/pool.js';
import { tempDir } from '../../helpers.js';

/** A wait close() is never to sit out. */
const HOUR = 3_600_000;

/**
 * A worker whose n-th start (1-based) fails when `failing(n)`; 'crash' ends it, anything else is
 * answered. One that does not fail is ready once `readyAfter` starts have been made (a start-<n>
 * file made by hand counts), and makes a ready-<n> file as it says so; or then fails instead, when
 * `failingLate(n)`.
 */
function countedWorker(failing: string, readyAfter = 0, failingLate = '() => false'): { dir: string; script: URL; starts: () => number; readied: () => number } {
  const dir = tempDir('pool-startup');
  const file = path.join(dir, 'worker.mjs');
  const starts = `readdirSync(${JSON.stringify(dir)}).filter((name) => name.startsWith('start-')).length`;
  writeFileSync(
    file,
    `import { closeSync, openSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
// Numbered by the first start-<n> file it can make: two starts at once never share a number
// (appending to a log and reading its length back, two could both read 2, and none was the first).
let n = 1;
for (;; n++) {
  try {
    closeSync(openSync(path.join(${JSON.stringify(dir)}, 'start-' + n), 'wx'));
    break;
  } catch {}
}
if ((${failing})(n)) throw new Error('start ' + n + ' failed');
parentPort.on('message', (task) => {
  if (task === 'crash') process.exit(3);
  parentPort.postMessage({ ok: true, result: task });
});
const ready = setInterval(() => {
  if (${starts} < ${readyAfter}) return;
  clearInterval(ready);
  if ((${failingLate})(n)) throw new Error('start ' + n + ' failed late');
  closeSync(openSync(path.join(${JSON.stringify(dir)}, 'ready-' + n), 'w'));
  parentPort.postMessage({ ready: true });
}, 1);
`,
  );
  const count = (prefix: string) => readdirSync(dir).filter((name) => name.startsWith(prefix)).length;
  return { dir, script: pathToFileURL(file), starts: () => count('start-'), readied: () => count('ready-') };
}

test('two starts failing in a row stop the pool: no third worker is started', async () => {
  const worker = countedWorker('() => true');
  const pool = new WorkerPool<string, string>({ size: 1, script: worker.script });
  try {
    const result = await pool.run('a').then(
      () => 'answered',
      (error: Error) => error,
    );
    expect(result).toBeInstanceOf(Error);
    expect(result).not.toBeInstanceOf(PoolTaskError);
    expect((result as Error).message).toBe('grading workers cannot start (grading worker crashed: start 2 failed)');
    // Before (a mutation sweep): stopped only at the third failure, a worker more started.
    expect(worker.starts()).toBe(2);
  } finally {
    await pool.close();
  }
});

test('a start failing once after a worker was ready is not counted with an earlier one: the pool goes on', async () => {
  // starts 1 and 3 fail; 2 and 4 are ready.
  const worker = countedWorker('(n) => n % 2 === 1');
  const pool = new WorkerPool<string, string>({ size: 1, script: worker.script });
  try {
    expect(await pool.run('a')).toBe('a');
    await expect(pool.run('crash')).rejects.toMatchObject({ reason: 'crashed' });
    // Before (a mutation sweep): start 3 was taken for the second failure in a row, and the pool broke.
    expect(await pool.run('b')).toBe('b');
    expect(worker.starts()).toBe(4);
  } finally {
    await pool.close();
  }
});

test('workers that cannot start beside one that can (too few file descriptors: EMFILE) leave a smaller pool that grades everything, not a broken one', async () => {
  // Of four workers started together, only the first can start: the others fail before it is
  // ready (as Node's "Worker initialization failure: EMFILE" does under ulimit -n 32).
  const worker = countedWorker('(n) => n > 1', 4);
  const pool = new WorkerPool<string, string>({ size: 4, script: worker.script });
  try {
    expect(await pool.started()).toBe(true);
    // Before: the second and third failures in a row broke the pool, and every task was rejected.
    expect(await Promise.all(['a', 'b', 'c', 'd', 'e'].map((task) => pool.run(task)))).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(worker.starts()).toBe(4); // the three that failed are not started again
  } finally {
    await pool.close();
  }
});

test('close() stops a worker still starting only once it is ready: terminated while its script loads, a worker whose script threw could abort the whole process (Node 20)', async () => {
  // Neither worker is ready before a third start, made by hand once close() has been called.
  const worker = countedWorker('() => false', 3);
  // (startWaitMs an hour: close() settles as each gets ready, not when the wait is over.)
  const pool = new WorkerPool<string, string>({ size: 2, script: worker.script, startWaitMs: HOUR });
  const closed = pool.close();
  writeFileSync(path.join(worker.dir, 'start-3'), '');
  await closed;
  // Before: close() terminated both at once, as they started (none ever ready), the race by which
  // Node aborted the test process with SIGABRT when a worker's script was throwing (EMFILE test above).
  expect(worker.readied()).toBe(2);
  await expect(pool.run('a')).rejects.toThrow('the worker pool is closed');
});

test('close() waits as well for a worker still starting that then fails: settled once it has exited', async () => {
  // The second start fails instead of being ready, once a third start is made by hand.
  const worker = countedWorker('() => false', 3, '(n) => n === 2');
  const pool = new WorkerPool<string, string>({ size: 2, script: worker.script, startWaitMs: HOUR });
  const closed = pool.close();
  writeFileSync(path.join(worker.dir, 'start-3'), '');
  // Its exit ends its start as being ready would: otherwise close() would wait for it forever.
  await closed;
  expect(worker.readied()).toBe(1);
});

test('workers failing as they start while the pool closes neither break it nor are started again', async () => {
  // Both fail instead of being ready, once a third start is made by hand after close().
  const worker = countedWorker('() => false', 3, '() => true');
  const pool = new WorkerPool<string, string>({ size: 2, script: worker.script, startWaitMs: HOUR });
  const closed = pool.close();
  writeFileSync(path.join(worker.dir, 'start-3'), '');
  await closed;
  expect(pool.failure).toBeUndefined();
  await expect(pool.run('a')).rejects.toThrow('the worker pool is closed');
});

test('started() is false for a pool closed before any worker was ready, though one gets ready as it closes', async () => {
  const worker = countedWorker('() => false', 2);
  const pool = new WorkerPool<string, string>({ size: 1, script: worker.script, startWaitMs: HOUR });
  const started = pool.started();
  const closed = pool.close();
  writeFileSync(path.join(worker.dir, 'start-2'), '');
  await closed;
  expect(worker.readied()).toBe(1);
  expect(await started).toBe(false);
});

test('close() does not wait forever for a worker that never gets ready: terminated after startWaitMs', async () => {
  // No third start is ever made: neither worker gets ready.
  const worker = countedWorker('() => false', 3);
  const pool = new WorkerPool<string, string>({ size: 2, script: worker.script, startWaitMs: 200 });
  await pool.close(); // without the bound, never settled: the test would time out
  expect(worker.readied()).toBe(0);
});

test('started() is false, with the reason, when no worker can start; true once one is ready', async () => {
  const failing = new WorkerPool<string, string>({ size: 2, script: countedWorker('() => true').script });
  try {
    expect(await failing.started()).toBe(false);
    expect(failing.failure?.message).toBe('grading workers cannot start (grading worker crashed: start 3 failed)');
  } finally {
    await failing.close();
  }
  const good = new WorkerPool<string, string>({ size: 2, script: countedWorker('() => false').script });
  try {
    expect(await good.started()).toBe(true);
    expect(good.failure).toBeUndefined();
  } finally {
    await good.close();
  }
});
