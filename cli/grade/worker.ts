/**
 * Entry of a grading worker thread (bundled as dist/worker.js). workerData: `{ flags, stagingDir }`;
 * the worker resolves the grading options itself (missions hold functions, which cannot cross
 * threads), says it is ready, then grades the tasks the pool posts, one at a time, and answers
 * each once its reports are written, in the order they came (the pool relies on it).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { resolveGradingOptions, type GradingFlags } from '../grading-options.js';
import type { WorkerReply } from './pool.js';
import { gradeTask, type GradeTask, type TaskEnv } from './task.js';
import type { GradedRow } from './types.js';

const port = parentPort!;
const { flags, stagingDir } = workerData as { flags: GradingFlags; stagingDir: string };
const env: TaskEnv = { options: await resolveGradingOptions(flags), stagingDir };

let grading: Promise<void> = Promise.resolve();

port.on('message', (task: GradeTask) => {
  grading = grading.then(async () => {
    let reply: WorkerReply<GradedRow>;
    try {
      reply = { ok: true, result: await gradeTask(task, env) };
    } catch (error) {
      reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
});
port.postMessage({ ready: true } satisfies WorkerReply<GradedRow>);
