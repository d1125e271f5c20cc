/**
 * Entry of a grading worker thread (bundled as dist/worker.js). workerData: `{ flags, stagingDir, junit }`;
 * the worker resolves the grading options itself (missions hold functions, which cannot cross
 * threads), says it is ready, then does the jobs the pool posts, one at a time — grade a
 * submission (answered once its reports are written), or say whose it is (the --shard pass) —
 * and answers each in the order they came (the pool relies on it).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { resolveGradingOptions, type GradingFlags } from '../grading-options.js';
import type { WorkerReply } from './pool.js';
import { attendeeOfTask, gradeTask, taskEnv, type WorkerJob } from './task.js';
import type { GradedRow } from './types.js';
import { messageOf } from '../../engine/error-message.js';
import { isUnusedHttpParserFailure } from '../unused-http-parser.js';
import type { JunitOptions } from '../../reports/junit.js';

// Under a limit on virtual memory, Node's HTTP client fails to make a parser flowgrade never uses:
// that rejection must not crash the thread (and the submission it is grading); any other still does.
process.on('unhandledRejection', (error) => {
  if (!isUnusedHttpParserFailure(error)) throw error;
});

const port = parentPort!;
const { flags, stagingDir, junit } = workerData as { flags: GradingFlags; stagingDir: string; junit: JunitOptions };
const env = taskEnv(await resolveGradingOptions(flags), stagingDir, junit);

let grading: Promise<void> = Promise.resolve();

port.on('message', (job: WorkerJob) => {
  grading = grading.then(async () => {
    let reply: WorkerReply<GradedRow | string>;
    try {
      reply = { ok: true, result: 'grade' in job ? await gradeTask(job.grade, env) : await attendeeOfTask(job.attendeeOf, env.options) };
    } catch (error) {
      // A report that could not be written (a full disk, a file-size limit) is --out's fault, not
      // the submission's: what the file system said goes back, for the batch to stop as in-process.
      const { code, syscall, path, dest } = (error ?? {}) as NodeJS.ErrnoException & { dest?: string };
      reply = { ok: false, message: messageOf(error), ...(typeof syscall === 'string' ? { fileSystem: { code, syscall, path, dest } } : {}) };
    }
    port.postMessage(reply);
  });
});
port.postMessage({ ready: true } satisfies WorkerReply<GradedRow | string>);
