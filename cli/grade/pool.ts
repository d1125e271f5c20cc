/**
 * A small pool of worker threads running one script. Each worker runs its tasks one at a time, in
 * the order posted; the pool keeps up to `pipeline` tasks posted to each worker so that a worker
 * never waits for the main thread between two tasks (on a busy machine the main thread may wait
 * milliseconds for a core). A worker that crashes, runs out of its memory limit, or exceeds the
 * per-task timeout is replaced: the task it was running fails (with a PoolTaskError), the tasks
 * queued behind it go to the next free worker, so one hostile input can never stop the batch.
 *
 * Protocol with the worker script: once ready, the worker posts `{ ready: true }`; the pool then
 * posts tasks, and the worker answers each, in order, with `{ ok: true, result }` or
 * `{ ok: false, message }`. A worker that dies before being ready while other workers of the pool
 * live is not started again: the pool goes on smaller (too few file descriptors, `ulimit -n`, let
 * some threads start and not others). The last one dying before being ready twice in a row breaks
 * the pool: every task is rejected with a plain Error (not a PoolTaskError), `failure`, whose
 * `cause` is the worker's error: the setup is wrong, not an input. So does a worker that cannot
 * even be made (Node's permission model without --allow-worker). A worker still starting when the
 * pool closes is stopped once it is ready, or left to end by itself, never while it loads (see
 * `Slot.started`).
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';

interface PoolOptions {
  size: number;
  script: URL;
  workerData?: unknown;
  /** A task running longer than this is abandoned and its worker replaced. */
  taskTimeoutMs?: number;
  resourceLimits?: ResourceLimits;
  /** Tasks posted ahead to each worker (default 2). */
  pipeline?: number;
  /**
   * How long close() lets a worker still starting finish its start before terminating it anyway
   * (default 10 s): one whose script hangs as it loads must not hold the pool open forever.
   */
  startWaitMs?: number;
}

export type WorkerReply<R> = { ready: true } | { ok: true; result: R } | { ok: false; message: string; fileSystem?: FileSystemFault };

/** What a file system call's error says (Node's ErrnoException, which does not cross threads as such). */
interface FileSystemFault {
  code?: string;
  syscall: string;
  path?: string;
  dest?: string;
}

/** Why a task produced no result: `crashed` (the worker died), `timeout`, or `failed` (it reported an error). */
export class PoolTaskError extends Error {
  constructor(
    readonly reason: 'crashed' | 'timeout' | 'failed',
    message: string,
    /** For `failed`: the task's error was a file system call's (a write refused, a full disk). */
    readonly fileSystem?: FileSystemFault,
    /** For `crashed`: the worker's own error. */
    cause?: Error,
  ) {
    super(message, cause ? { cause } : undefined);
    this.name = 'PoolTaskError';
  }
}

interface Job<T, R> {
  task: T;
  transfer: ArrayBuffer[];
  resolve: (result: R) => void;
  reject: (error: Error) => void;
}

interface Slot<T, R> {
  worker: Worker;
  ready: boolean;
  /** Posted to the worker, oldest (the one running) first. */
  jobs: Job<T, R>[];
  /** Timeout of the running job. */
  timer?: NodeJS.Timeout;
  /** The uncaught error that is ending the worker, until it has exited. */
  crash?: PoolTaskError;
  /**
   * Settled once the worker has said it is ready or has exited, before which the pool never
   * terminates it: Node (20.x, seen on 20.20) aborts the whole process (`FATAL ERROR:
   * v8::ToLocalChecked Empty MaybeLocal` in `node::errors::TriggerUncaughtException`, SIGABRT) when
   * terminate() lands while a worker is reporting an error its script threw as it loaded (EMFILE
   * opening it under a low `ulimit -n`), and nothing can catch that. A worker ready has loaded.
   */
  started: Promise<void>;
}

export class WorkerPool<T, R> {
  private readonly slots: Slot<T, R>[] = [];
  private readonly queue: Job<T, R>[] = [];
  private readonly pipeline: number;
  private closed = false;
  private closing?: Promise<void>;
  /** Workers being stopped (replaced: crashed, timed out, or not ready), until they have. */
  private readonly stopping = new Set<Promise<void>>();
  private startupFailures = 0;
  private broken?: Error;
  /** Settled by the first worker ready (true), or the pool broken or closed before (false). */
  private settleStartup!: (started: boolean) => void;
  private readonly startup = new Promise<boolean>((resolve) => (this.settleStartup = resolve));

  constructor(private readonly options: PoolOptions) {
    this.pipeline = Math.max(1, options.pipeline ?? 2);
    for (let i = 0; i < Math.max(1, options.size) && !this.broken; i++) {
      const slot = this.spawn();
      if (slot) this.slots.push(slot);
    }
  }

  /** Whether a worker started (true) or none can (false, `failure` says why). */
  started(): Promise<boolean> {
    return this.startup;
  }

  /** Why the pool cannot run tasks, when no worker can start. */
  get failure(): Error | undefined {
    return this.broken;
  }

  /** Runs `task` on a worker; `transfer` buffers are moved, not copied. */
  run(task: T, transfer: ArrayBuffer[] = []): Promise<R> {
    if (this.closed) return Promise.reject(this.broken ?? new Error('the worker pool is closed'));
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ task, transfer, resolve, reject });
      this.dispatch();
    });
  }

  /**
   * Stops every worker (tasks not finished are rejected); settled once every worker the pool ever
   * started has stopped, those it replaced included, so that none writes anything afterwards. The
   * same promise for every call (a stop signal's cleanup waits on the close the batch began).
   */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    this.closed = true;
    this.settleStartup(false);
    const error = this.broken ?? new Error('the worker pool is closed');
    for (const job of this.queue.splice(0)) job.reject(error);
    await Promise.all([...this.slots.splice(0).map((slot) => this.retire(slot, error)), ...this.stopping]);
  }

  /** A new worker's slot; none when the worker cannot be made (the pool is then broken). */
  private spawn(): Slot<T, R> | undefined {
    let worker: Worker;
    try {
      worker = new Worker(this.options.script, { workerData: this.options.workerData, resourceLimits: this.options.resourceLimits });
    } catch (error) {
      this.breakDown(error as Error);
      return undefined;
    }
    let started!: () => void;
    const slot: Slot<T, R> = { worker, ready: false, jobs: [], started: new Promise((resolve) => (started = resolve)) };
    worker.on('message', (reply: WorkerReply<R>) => {
      if ('ready' in reply) {
        slot.ready = true;
        started();
        this.startupFailures = 0;
        this.settleStartup(true);
        this.dispatch();
        return;
      }
      const job = slot.jobs.shift();
      this.startTimer(slot);
      if (job && reply.ok) job.resolve(reply.result);
      else job?.reject(new PoolTaskError('failed', reply.ok ? 'no result' : reply.message, reply.ok ? undefined : reply.fileSystem));
      this.dispatch();
    });
    // An uncaught error ends the worker: its 'exit' follows, after the messages it sent before
    // dying (a result it finished just before), so the slot is replaced then, with the error.
    worker.on('error', (error) => (slot.crash ??= new PoolTaskError('crashed', `grading worker crashed: ${error.message}`, undefined, error)));
    worker.on('exit', (code) => {
      started();
      this.replace(slot, slot.crash ?? new PoolTaskError('crashed', `grading worker exited with code ${code}`));
    });
    return slot;
  }

  /** Fill every ready worker up to the pipeline depth, least loaded first. */
  private dispatch(): void {
    for (let depth = 1; depth <= this.pipeline; depth++) {
      for (const slot of this.slots) {
        if (this.queue.length === 0) return;
        if (!slot.ready || slot.jobs.length >= depth) continue;
        const job = this.queue.shift()!;
        slot.jobs.push(job);
        if (slot.jobs.length === 1) this.startTimer(slot);
        slot.worker.postMessage(job.task, job.transfer);
      }
    }
  }

  /** (Re)arms the timeout for the slot's running job, if any. */
  private startTimer(slot: Slot<T, R>): void {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    const timeout = this.options.taskTimeoutMs;
    if (timeout && slot.jobs.length > 0) {
      slot.timer = setTimeout(() => this.replace(slot, new PoolTaskError('timeout', `grading took longer than ${timeout / 1000} s; stopped`)), timeout);
    }
  }

  /** A worker died or hung: fail its running task, requeue the ones behind it, start a fresh worker. */
  private replace(slot: Slot<T, R>, error: PoolTaskError): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return; // already replaced or retired
    clearTimeout(slot.timer);
    const [running, ...waiting] = slot.jobs.splice(0);
    this.queue.unshift(...waiting);
    void this.stop(slot.worker);
    // (A worker not ready was never given a task.)
    if (!slot.ready && this.slots.length > 1) {
      this.slots.splice(index, 1);
      return;
    }
    if (!slot.ready && ++this.startupFailures >= 2) {
      this.slots.splice(index, 1);
      this.breakDown(error);
      return;
    }
    const fresh = this.spawn();
    if (fresh) this.slots[index] = fresh;
    else this.slots.splice(index, 1);
    running?.reject(this.broken ?? error);
    this.dispatch();
  }

  /** No worker can start: every task rejected with why, now and later. */
  private breakDown(error: Error): void {
    this.broken ??= new Error(`grading workers cannot start (${error.message})`, { cause: error.cause ?? error });
    this.settleStartup(false);
    void this.close();
  }

  /**
   * A worker still starting is stopped once it is ready, or left to end by itself (see
   * `Slot.started`); one still not ready after `startWaitMs` is terminated anyway.
   */
  private async retire(slot: Slot<T, R>, error: Error): Promise<void> {
    clearTimeout(slot.timer);
    for (const job of slot.jobs.splice(0)) job.reject(error);
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.options.startWaitMs ?? 10_000)));
    await Promise.race([slot.started, waited]);
    clearTimeout(timer);
    await this.stop(slot.worker);
  }

  private stop(worker: Worker): Promise<void> {
    worker.removeAllListeners();
    worker.on('error', () => {});
    const stopped = worker.terminate().then(
      () => void this.stopping.delete(stopped),
      () => void this.stopping.delete(stopped),
    );
    this.stopping.add(stopped);
    return stopped;
  }
}
