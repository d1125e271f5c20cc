/**
 * Workers that die before they are ready: twice in a row is a setup that cannot work (the pool
 * stops, every task rejected with a plain Error), but a start that fails once, between good ones,
 * is only that worker's: the pool goes on. Each start of the worker script is counted in a file.
 */
import { test, expect } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PoolTaskError, WorkerPool } from '../../../cli/grade/pool.js';
import { tempDir } from '../../helpers.js';

/** A worker whose n-th start (1-based) fails when `failing(n)`; 'crash' ends it, anything else is answered. */
function countedWorker(failing: string): { script: URL; starts: () => number } {
  const dir = tempDir('pool-startup');
  const log = path.join(dir, 'starts');
  writeFileSync(log, '');
  const file = path.join(dir, 'worker.mjs');
  writeFileSync(
    file,
    `import { appendFileSync, readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
appendFileSync(${JSON.stringify(log)}, 'x');
const n = readFileSync(${JSON.stringify(log)}, 'utf8').length;
if ((${failing})(n)) throw new Error('start ' + n + ' failed');
parentPort.on('message', (task) => {
  if (task === 'crash') process.exit(3);
  parentPort.postMessage({ ok: true, result: task });
});
parentPort.postMessage({ ready: true });
`,
  );
  return { script: pathToFileURL(file), starts: () => readFileSync(log, 'utf8').length };
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
