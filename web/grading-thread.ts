/**
 * The page's grading worker: each file is graded in a Web Worker, so the page stays responsive
 * (its status, the keyboard, another file dropped) and a grading that outlasts the time limit is
 * stopped: a regular expression from the export that backtracks without end would otherwise keep
 * the tab busy for ever (a browser has no linear-time fallback, the CLI has: SECURITY.md).
 *
 * The worker runs the page's own script: app.js is one function, `flowgradeSelfCheck`
 * (scripts/build.mjs), whose source is the worker's, given as a `blob:` URL. That also works from
 * file://, where Chromium refuses `new Worker('app.js')`; the page's CSP allows it with
 * `worker-src blob:`. One worker at a time, started with the page: kept for the next file once it
 * answers; stopped when it outlasts the limit or a newer grading replaces its own (a file given, an
 * option typed), a fresh one started in its place.
 */
import { WORKER_STARTED, type GradingAnswer, type GradingRequest } from './grading-request.js';

/** How a grading asked of the worker ended; `no-worker`: none could be started, and the file is not graded (noWorkerFile). */
type ThreadOutcome = { kind: 'answered'; answer: GradingAnswer } | { kind: 'timed-out' } | { kind: 'abandoned' } | { kind: 'no-worker' };

/** The page's script as one function (the banner and footer of its build); not defined in a script built otherwise. */
declare const flowgradeSelfCheck: () => void;

/**
 * Seconds a grading may take in the worker: `grade --timeout`'s default. A typical export takes well
 * under a second, a 12 MB one about 0.7 s; the limit is for a pattern that would never end, and the
 * page answers meanwhile (another file given replaces the grading at once).
 */
export const GRADING_TIME_LIMIT = 120;

/**
 * The limit in force: GRADING_TIME_LIMIT, unless a script run before the page's (a browser test's
 * init script; nothing in the page can) set `flowgradeGradingTimeLimit` to a number of seconds
 * over 0, to see the limit reached without waiting two minutes.
 */
export function gradingTimeLimit(scope: object = globalThis): number {
  const set = (scope as { flowgradeGradingTimeLimit?: unknown }).flowgradeGradingTimeLimit;
  return typeof set === 'number' && Number.isFinite(set) && set > 0 ? set : GRADING_TIME_LIMIT;
}

/** A worker: starting until its first message, then ready for one grading at a time (`job`). */
interface Slot {
  worker: Worker;
  started: boolean;
  job?: Job;
}

interface Job {
  send(): void;
  finish(outcome: ThreadOutcome, keepWorker: boolean): void;
}

export class GradingThread {
  private url: string | undefined;
  /** A worker with no grading: started or starting, for the next file. */
  private spare: Slot | undefined;
  private busy: Job | undefined;
  private unavailable = false;

  /** `limitSeconds`: how long a grading may take once the worker has the file. */
  constructor(readonly limitSeconds: number) {}

  /** Starts a worker ahead of the first file, so that it is ready when the file comes. */
  prepare(): void {
    if (!this.spare && !this.busy) this.spare = this.start();
  }

  /** Grades in the worker; a grading still under way is abandoned (its worker stopped). */
  grade(request: GradingRequest): Promise<ThreadOutcome> {
    this.stop();
    const slot = this.spare ?? this.start();
    this.spare = undefined;
    if (!slot) return Promise.resolve({ kind: 'no-worker' });
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const job: Job = {
        send: () => {
          slot.worker.postMessage(request, [request.bytes]);
          timer = setTimeout(() => job.finish({ kind: 'timed-out' }, false), this.limitSeconds * 1000);
        },
        finish: (outcome, keepWorker) => {
          slot.job = undefined;
          this.busy = undefined;
          clearTimeout(timer);
          if (keepWorker) this.spare = slot;
          else this.replace(slot);
          resolve(outcome);
        },
      };
      slot.job = job;
      this.busy = job;
      if (slot.started) job.send();
    });
  }

  /** A grading under way abandoned, its worker stopped (a fresh one started for the next file). */
  stop(): void {
    this.busy?.finish({ kind: 'abandoned' }, false);
  }

  /** A new worker, or undefined when none can be made (no Worker, no script to run in it, or a policy refusing it). */
  private start(): Slot | undefined {
    if (this.unavailable) return undefined;
    let worker: Worker;
    try {
      this.url ??= URL.createObjectURL(new Blob([`(${flowgradeSelfCheck.toString()})()`], { type: 'text/javascript' }));
      worker = new Worker(this.url);
    } catch {
      // No Worker (a ReferenceError in a browser without them), no script (flowgradeSelfCheck not
      // defined), or a worker refused as it is made: none will start.
      this.unavailable = true;
      return undefined;
    }
    const slot: Slot = { worker, started: false };
    worker.onmessage = (event: MessageEvent<GradingAnswer | typeof WORKER_STARTED>) => {
      if (event.data === WORKER_STARTED) {
        slot.started = true;
        slot.job?.send();
      } else slot.job?.finish({ kind: 'answered', answer: event.data }, true);
    };
    worker.onerror = (event) => {
      event.preventDefault(); // said on the page, not also reported as the page's own uncaught error (its window's error event, the console)
      // Not started (a host's policy refusing it as it loads): none will, and no file is graded.
      if (!slot.started) this.unavailable = true;
      if (slot.job) slot.job.finish(slot.started ? { kind: 'answered', answer: { failed: event.message || 'the grading worker failed' } } : { kind: 'no-worker' }, false);
      else this.replace(slot);
    };
    return slot;
  }

  /** A worker stopped (timed out, replaced by a newer grading, failed), and a fresh one started for the next file. */
  private replace(slot: Slot): void {
    slot.worker.terminate();
    if (this.spare === slot) this.spare = undefined;
    this.spare ??= this.start();
  }
}
