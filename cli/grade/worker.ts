/**
 * Entry of a grading worker thread (bundled as dist/worker.js). workerData: `{ flags, stagingDir }`;
 * the worker resolves the grading options itself (missions hold functions, which cannot cross
 * threads), says it is ready, then grades the tasks the pool posts, one at a time, in order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { resolveGradingOptions, type GradingFlags } from '../grading-options.js';
import type { WorkerReply } from './pool.js';
import { gradeTask, type GradeTask, type TaskEnv } from './task.js';
import type { GradedRow } from './types.js';

const port = parentPort!;
const { flags, stagingDir } = workerData as { flags: GradingFlags; stagingDir: string };
const env: TaskEnv = { options: await resolveGradingOptions(flags), stagingDir };

/**
 * Tasks are graded one after the other and answered in the order they came (the pool relies on
 * it). A task is answered once its reports are on disk; meanwhile the next one is graded, so a
 * slow disk does not stop the grading. At most MAX_UNWRITTEN graded tasks wait for their writes.
 */
const MAX_UNWRITTEN = 4;
const unwritten: Promise<unknown>[] = [];
let grading: Promise<void> = Promise.resolve();
let answering: Promise<void> = Promise.resolve();

port.on('message', (task: GradeTask) => {
  grading = grading.then(async () => {
    let reply: Promise<WorkerReply<GradedRow>>;
    try {
      const { row, written } = await gradeTask(task, env);
      reply = written.then(() => ({ ok: true, result: row }) as const, failure);
    } catch (error) {
      reply = Promise.resolve(failure(error));
    }
    answering = answering.then(() => reply).then((message) => port.postMessage(message));
    unwritten.push(reply);
    if (unwritten.length > MAX_UNWRITTEN) await unwritten.shift();
  });
});
port.postMessage({ ready: true } satisfies WorkerReply<GradedRow>);

function failure(error: unknown): WorkerReply<GradedRow> {
  return { ok: false, message: error instanceof Error ? error.message : String(error) };
}
