/**
 * Entry of a grading worker thread (bundled as dist/worker.js). workerData: `{ flags, stagingDir }`;
 * the worker resolves the grading options itself (missions hold functions, which cannot cross
 * threads), says it is ready, then grades the tasks the pool posts, one at a time, in order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { resolveGradingOptions, type GradingFlags } from '../grading-options.js';
import type { WorkerReply } from './pool.js';
import { runTask, type GradeTask, type TaskEnv } from './task.js';
import type { GradedRow } from './types.js';

const port = parentPort!;
const { flags, stagingDir } = workerData as { flags: GradingFlags; stagingDir: string };
const env: TaskEnv = { options: await resolveGradingOptions(flags), stagingDir };

/** Tasks run one after the other, answered in the order they came (the pool relies on it). */
let queue: Promise<void> = Promise.resolve();
port.on('message', (task: GradeTask) => {
  queue = queue.then(() =>
    runTask(task, env).then(
      (result) => port.postMessage({ ok: true, result } satisfies WorkerReply<GradedRow>),
      (error: unknown) => port.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) } satisfies WorkerReply<GradedRow>),
    ),
  );
});
port.postMessage({ ready: true } satisfies WorkerReply<GradedRow>);
