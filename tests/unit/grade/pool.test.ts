/** The worker pool: results come back, and a crashing, hanging or broken worker fails only its own task. */
import { test, expect } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PoolTaskError, WorkerPool } from '../../../cli/grade/pool.js';
import { tempDir } from '../../helpers.js';

const dir = tempDir('pool');
function script(name: string, source: string): URL {
  const file = path.join(dir, name);
  writeFileSync(file, source);
  return pathToFileURL(file);
}

const WORKER = script(
  'worker.mjs',
  `import { parentPort, threadId } from 'node:worker_threads';
parentPort.on('message', (task) => {
  if (task === 'crash') process.exit(3);
  if (task === 'throw') throw new Error('kaboom');
  if (task === 'hang') for (;;);
  if (task === 'fail') return parentPort.postMessage({ ok: false, message: 'nope' });
  if (typeof task === 'number') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30);
  if (typeof task === 'number') parentPort.postMessage({ ok: true, result: { double: task * 2, threadId } });
});
parentPort.postMessage({ ready: true });
`,
);

/**
 * A worker of a pool of two that answers no task before the other worker has been given one too,
 * so that a second worker slow to start (a loaded machine) cannot leave every task to the first.
 * Each worker says on a channel when it has a task; a worker told so before it had one (or before
 * the other's channel existed, when the message is lost) says it again once it has one.
 */
const PAIRED_WORKER = script(
  'paired-worker.mjs',
  `import { BroadcastChannel, parentPort, threadId } from 'node:worker_threads';
const peers = new BroadcastChannel('pool-test-pair');
let hasTask = false;
let peerHasTask = false;
let saidAgain = false;
let release;
const bothHaveTasks = new Promise((resolve) => (release = resolve));
peers.onmessage = () => {
  peerHasTask = true;
  if (!hasTask) return;
  if (!saidAgain) (saidAgain = true), peers.postMessage('has a task');
  release();
};
parentPort.on('message', async (task) => {
  if (!hasTask) {
    hasTask = true;
    peers.postMessage('has a task');
    if (peerHasTask) release();
  }
  await bothHaveTasks;
  parentPort.postMessage({ ok: true, result: { double: task * 2, threadId } });
});
parentPort.postMessage({ ready: true });
`,
);

test('every task gets its result, spread over the workers', async () => {
  const pool = new WorkerPool<number, { double: number; threadId: number }>({ size: 2, script: PAIRED_WORKER });
  try {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => pool.run(i)));
    expect(results.map((r) => r.double)).toEqual(Array.from({ length: 20 }, (_, i) => i * 2));
    expect(new Set(results.map((r) => r.threadId)).size).toBe(2);
  } finally {
    await pool.close();
  }
});

test('a worker that crashes or throws fails only its task, and a fresh worker takes over', async () => {
  const pool = new WorkerPool<number | string, { double: number }>({ size: 1, script: WORKER });
  try {
    const [a, crash, b, thrown, c, failed] = await Promise.allSettled([pool.run(1), pool.run('crash'), pool.run(2), pool.run('throw'), pool.run(3), pool.run('fail')]);
    expect(a).toEqual({ status: 'fulfilled', value: expect.objectContaining({ double: 2 }) });
    expect(b).toEqual({ status: 'fulfilled', value: expect.objectContaining({ double: 4 }) });
    expect(c).toEqual({ status: 'fulfilled', value: expect.objectContaining({ double: 6 }) });
    expect(crash.status === 'rejected' && crash.reason).toBeInstanceOf(PoolTaskError);
    expect(crash.status === 'rejected' && crash.reason.reason).toBe('crashed');
    expect(thrown.status === 'rejected' && thrown.reason.message).toContain('kaboom');
    expect(failed.status === 'rejected' && failed.reason).toMatchObject({ reason: 'failed', message: 'nope' });
  } finally {
    await pool.close();
  }
});

test('a task running past the timeout is stopped and the batch goes on', async () => {
  const pool = new WorkerPool<number | string, { double: number }>({ size: 1, script: WORKER, taskTimeoutMs: 300 });
  try {
    const [hang, after] = await Promise.allSettled([pool.run('hang'), pool.run(5)]);
    expect(hang.status === 'rejected' && hang.reason).toMatchObject({ reason: 'timeout' });
    expect(after).toEqual({ status: 'fulfilled', value: expect.objectContaining({ double: 10 }) });
  } finally {
    await pool.close();
  }
});

test('close() rejects the task a worker was running, and is the same promise however often it is called', async () => {
  const pool = new WorkerPool<number | string, { double: number }>({ size: 1, script: WORKER });
  expect(await pool.started()).toBe(true);
  const hung = pool.run('hang'); // posted to the worker, which never answers it
  const closed = pool.close();
  // (A stop signal's cleanup waits on the close the batch began.)
  expect(pool.close()).toBe(closed);
  await expect(hung).rejects.toThrow('the worker pool is closed');
  await closed;
});

test('workers that cannot start reject every task with a plain error instead of respawning forever', async () => {
  const broken = script('broken.mjs', `throw new Error('cannot load the grader');\n`);
  const pool = new WorkerPool<number, number>({ size: 2, script: broken });
  try {
    const results = await Promise.allSettled([pool.run(1), pool.run(2), pool.run(3)]);
    for (const result of results) {
      expect(result.status).toBe('rejected');
      expect(result.status === 'rejected' && result.reason).not.toBeInstanceOf(PoolTaskError);
      expect(result.status === 'rejected' && result.reason.message).toContain('cannot load the grader');
    }
  } finally {
    await pool.close();
  }
});
