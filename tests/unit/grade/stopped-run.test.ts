/**
 * A run stopped by a signal (Ctrl-C, SIGTERM) while its grading threads write reports into the
 * staging folder. The folder was renamed and removed at once, the threads still running: a
 * thread's write whose path was looked up before the rename landed in the renamed folder while rm
 * emptied it, and `.flowgrade-staging-…-stopped/144.html` stayed (2 runs in 120 killed at random
 * moments). The threads here are a stand-in whose stopping the test holds, and which writes its
 * last report as it is stopped: no luck of timing decides the outcome.
 */
import { test, expect } from '@playwright/test';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { removeStopped, type Run } from '../../../cli/grade/batch.js';
import { WorkerPool } from '../../../cli/grade/pool.js';
import { tempDir } from '../../helpers.js';

/** An --out folder as a run leaves it while it grades: its lock, and a staging folder holding one staged report. */
function stoppedRunFolder(prefix: string, staged: string): { out: string; stagingDir: string; lockFile: string } {
  const out = tempDir(prefix);
  const stagingDir = path.join(out, '.flowgrade-staging-Ab12Cd');
  mkdirSync(stagingDir);
  writeFileSync(path.join(stagingDir, staged), 'staged');
  const lockFile = path.join(out, '.flowgrade-lock');
  writeFileSync(lockFile, `${process.pid}\n`);
  return { out, stagingDir, lockFile };
}

test('the staging folder of a run stopped while its threads write is removed once every thread has stopped, with what they wrote meanwhile; the lock too', async () => {
  const { out, stagingDir, lockFile } = stoppedRunFolder('stopped-run', '143.html');

  let stopThreads!: () => void;
  let asked = 0;
  const threadsStopped = new Promise<void>((resolve) => (stopThreads = resolve));
  const run: Run = {
    lockFile,
    locked: true,
    stagingDir,
    pool: {
      close: () => {
        asked++;
        return threadsStopped;
      },
    },
  };
  const cleaning = removeStopped(run);
  // Before: the folder was gone already, the threads never asked to stop (the process exited on them).
  expect(asked, 'the threads are asked to stop').toBe(1);
  const [renamed] = readdirSync(out).filter((name) => name.startsWith('.flowgrade-staging-'));
  expect(renamed).toBe('.flowgrade-staging-Ab12Cd-stopped');
  // A thread not stopped yet finishes the report it was writing (its path looked up before the rename).
  writeFileSync(path.join(out, renamed!, '144.html'), 'written late');
  stopThreads();
  await cleaning;
  expect(readdirSync(out)).toEqual([]);
});

test('with no threads (--jobs 1), the staging folder and the lock are removed at once', () => {
  const { out, stagingDir, lockFile } = stoppedRunFolder('stopped-run-in-process', '0.json');
  expect(removeStopped({ lockFile, locked: true, stagingDir })).toBeUndefined(); // nothing to wait for
  expect([existsSync(stagingDir), readdirSync(out)]).toEqual([false, []]);
});

test('closing a pool twice waits for the same stopping of its threads (a signal\'s cleanup waits on the close the batch began)', async () => {
  const script = path.join(tempDir('pool-close'), 'worker.mjs');
  writeFileSync(script, `import { parentPort } from 'node:worker_threads';\nparentPort.postMessage({ ready: true });\n`);
  const pool = new WorkerPool<string, string>({ size: 2, script: new URL(`file://${script}`) });
  expect(await pool.started()).toBe(true);
  const first = pool.close();
  // Before: a second close found no thread left to stop and settled at once, the first ones still stopping.
  expect(pool.close()).toBe(first);
  await first;
});
