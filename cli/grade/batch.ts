/**
 * A batch: discover the submissions, take this shard's share, grade them (worker threads, or
 * in-process for one job), keep each attendee's newest submission, and write the outputs.
 * Everything written depends only on the set of submissions and the options, never on input
 * order, parallelism or timing.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { attendeeIdOf, type GradeOptions } from '../../engine/grade.js';
import { wordList } from '../../engine/word-list.js';
import { coded } from '../errors.js';
import type { GradingFlags } from '../grading-options.js';
import { namesIn, reasonOf } from '../io.js';
import { giveOwner, makeFolder } from '../make-folder.js';
import { discover, outFolderTests, type Discovery } from './discover.js';
import { keepNewest, sortRows, type Duplicate } from './duplicates.js';
import { nameClashKey } from './file-names.js';
import { PoolTaskError, WorkerPool } from './pool.js';
import { addressSpace, limitReason, threadsWithin } from './address-space.js';
import { fewThreadsLine, noThreadsLine } from './no-threads.js';
import { Progress } from './progress.js';
import { selectShardByGroup, type Shard } from './shard.js';
import { tierUpFlag } from './tier-up.js';
import { exitOnStopSignals } from './stop-signals.js';
import { attendeeOfTask, failedTask, gradeTask, taskEnv, type GradeTask, type TaskEnv, type WorkerJob } from './task.js';
import type { GradedRow, Submission } from './types.js';
import type { HeldRun } from './write-outputs.js';
import { LOCK_FILE, LockInTheWay, takeLock } from './out-lock.js';
import { markedPart, markerOfOutputs, partClash, partOf, readMarker, writeMarker } from './out-marker.js';
import { compareCodePoints, realPath } from './walk.js';
import { CLASS_FILES, planGradebooks, staleReports, staleReportsLine, writeOutputs, type Gradebooks } from './write-outputs.js';
import type { JunitOptions } from '../../reports/junit.js';
import { MOODLE_FEEDBACK_FILE, moodleParticipantOf } from './moodle-feedback.js';
import { MOODLE_GRADES_FILE } from './moodle-grades.js';
import { CANVAS_GRADES_FILE, DEFAULT_CANVAS_COLUMN, canvasUserOf } from './canvas-grades.js';
import type { ZipLimits } from './zip.js';
import { RUN_RECORD_FILE, classFingerprint, renderRunRecord, runRecord, splitFingerprint, type RunRecord } from './run-record.js';

interface BatchOptions {
  inputs: string[];
  outDir: string;
  /** Grading flags as given, with `now` fixed for the whole batch. */
  flags: GradingFlags & { now: string };
  /** Resolved from the same flags (validated before the batch starts). */
  options: Omit<GradeOptions, 'fileName'>;
  jobs: number;
  shard?: Shard;
  zipLimits: ZipLimits;
  /** Per-submission limit in worker threads (none in-process). */
  taskTimeoutMs: number;
  /** What moodle-grades.csv gives each grade out of (the Moodle assignment's Maximum grade; default 100). */
  moodleMaxGrade?: number;
  /** canvas-grades.csv's assignment column (`--canvas-assignment`; default: one Canvas asks about). */
  canvasColumn?: string;
  /** How junit.xml writes a recommended check not met (`--junit-recommended`; default <skipped>). */
  junit?: JunitOptions;
  /** Where progress goes (undefined: no progress). */
  progress?: { isTTY: boolean; write: (text: string) => void; columns?: () => number | undefined };
  warn: (line: string) => void;
}

type BatchOutcome =
  | { ok: false; problems: string[] }
  | ({
      ok: true;
      /** Submissions found in all inputs (before sharding). */
      found: number;
      /** Kept rows, sorted by attendee id then path. */
      rows: GradedRow[];
      duplicates: Duplicate[];
    } & Gradebooks);

const WORKER_SCRIPT = new URL('./worker.js', import.meta.url);
/** A run's staging folder in --out: this, then a few random characters (and `-stopped` while a signal's cleanup removes it). */
const STAGING_PREFIX = '.flowgrade-staging-';

export async function runBatch(batch: BatchOptions): Promise<BatchOutcome> {
  // Also through a symlink: --out named by a link to the class folder is that folder.
  const out = realPath(batch.outDir);
  const clash = batch.inputs.find((input) => realPath(input) === out);
  if (clash !== undefined) return { ok: false, problems: [coded(`flowgrade: --out ${batch.outDir} is also an input: write the reports into another folder`, 'bad-out')] };
  // The grader's dataset is an input too: read before grading, then replaced by a report of its name.
  const dataset = batch.flags.dynvars;
  if (dataset !== undefined && outFolderTests(batch.outDir).insideOut(dataset)) {
    return { ok: false, problems: [coded(`flowgrade: --dynvars ${dataset} is inside --out ${batch.outDir}, where a report could replace it: keep the dataset in another folder`, 'bad-out')] };
  }
  const found = await discover(batch.inputs, batch.zipLimits, batch.outDir);
  found.warnings.forEach(batch.warn);
  if (found.problems.length > 0) return { ok: false, problems: found.problems };
  if (found.candidates.length === 0) {
    return { ok: false, problems: [coded(`flowgrade: no exports (*.json) or archives (*.zip) found in ${batch.inputs.join(', ')}`, 'no-input')] };
  }
  // Listening before the staging folder exists: a signal can come the moment it does.
  const run: Run = { lockFile: path.join(batch.outDir, LOCK_FILE), locked: false };
  const stopListening = exitOnStopSignals(() => removeStopped(run));
  let prepared: Prepared | undefined;
  try {
    prepared = await prepareOut(batch.outDir, run, partOf(batch.shard));
    if (!prepared.ok) return { ok: false, problems: [prepared.problem] };
    return await gradeAndWrite(found, prepared, run, batch);
  } finally {
    await finishRun(run, prepared, stopListening, batch.warn);
  }
}

/**
 * A run's end in --out, however it ended: the stop signals no longer listened to, and what
 * prepareOut made removed (endRun once it was ready, else undoPrepare). Stopped by a signal whose
 * cleanup waits for the grading threads, it never ends: what the run does meanwhile (its tasks
 * rejected, moves out of a staging folder no longer there) is never said nor undone here, and the
 * signals are still listened to; the cleanup ends the process.
 */
export async function finishRun(run: Run, prepared: Prepared | undefined, stopListening: () => void, warn: (line: string) => void): Promise<void> {
  if (run.stopping) await new Promise<never>(() => {});
  stopListening();
  if (prepared?.ok) await endRun(prepared.stagingDir, run.lockFile, warn);
  else await undoPrepare(run, warn);
}

/** How far a run has come in --out: what a stop signal leaves to remove. */
export interface Run extends HeldRun {
  lockFile: string;
  locked: boolean;
  stagingDir?: string;
  progress?: Progress;
  /** The grading threads, once started: they write into the staging folder. */
  pool?: { close(): Promise<void> };
  /** A stop signal came: its cleanup is under way. */
  stopping?: boolean;
  /** The class files being moved into --out (or an earlier run's removed): a stop signal's cleanup waits for it (write-outputs.ts held). */
  holding?: Promise<void>;
}

/**
 * `earlier`: a flowgrade run had written into --out before (its `.flowgrade-output` marker was
 * there): its reports this run does not replace are an earlier run's (staleReports); in a folder
 * no run wrote, other `.json` and `.html` files are the user's own, left as they are, unsaid.
 */
export type Prepared = { ok: true; stagingDir: string; earlier: boolean } | { ok: false; problem: string };

/**
 * --out made ready for a run: the folder made, its lock taken, a staging folder made in it, and
 * the marker that keeps any run from grading the folder written (out-marker.ts; a shard is refused
 * where another part of the class was graded). `run` records each step as it is done; a failure is
 * the problem line saying why (what was done is left to undoPrepare).
 */
export async function prepareOut(outDir: string, run: Run, part: string): Promise<Prepared> {
  try {
    await makeFolder(outDir);
    const holder = takeLock(run.lockFile);
    if (holder !== undefined) {
      return {
        ok: false,
        problem: coded(`flowgrade: cannot write into --out ${outDir}: another flowgrade run (process ${holder}) is writing into it; wait for it to end, or write the reports into another folder (if no run is, delete ${run.lockFile})`, 'bad-out'),
      };
    }
    run.locked = true;
    const marker = readMarker(outDir);
    const held = markerOfOutputs(outDir, marker);
    const clash = partClash(held, part);
    if (clash !== undefined) return { ok: false, problem: coded(`flowgrade: cannot write into --out ${outDir}: ${clash}`, 'bad-out') };
    const present = namesIn(outDir, [...CLASS_FILES, MOODLE_FEEDBACK_FILE, MOODLE_GRADES_FILE, CANVAS_GRADES_FILE, RUN_RECORD_FILE]);
    // A folder where a class file or the run's record goes: said now, not once the whole class is
    // graded. (One where a report goes is found once the reports' names are known, from the
    // attendee ids inside the exports: before anything is removed or moved, write-outputs.ts.)
    const inTheWay = present.folders.find((name) => ([...CLASS_FILES, RUN_RECORD_FILE] as readonly string[]).includes(name));
    if (inTheWay !== undefined) return { ok: false, problem: coded(`flowgrade: cannot write into --out ${outDir} (${path.join(outDir, inTheWay)}): is a directory, not a file`, 'bad-out') };
    // In a folder no run has written into (no marker), a course folder's own index.html or gradebook (`--out .`): never replaced.
    const theirs = marker === undefined ? present.files.filter((name) => name !== RUN_RECORD_FILE) : [];
    if (theirs.length > 0) return { ok: false, problem: coded(`flowgrade: cannot write into --out ${outDir}: it holds ${wordList(theirs)}, which flowgrade did not write and this run would replace: write the reports into a new or empty folder`, 'bad-out') };
    removeLeftStaging(outDir);
    // Made synchronously: between an asynchronous mkdtemp making the folder and its promise
    // settling, a signal's listener could run and find no folder to remove, leaving it behind.
    const stagingDir = mkdtempSync(path.join(outDir, STAGING_PREFIX));
    run.stagingDir = stagingDir;
    giveOwner(stagingDir, 0o700);
    // The part the folder's class files are of: until this run's replace them (a run stopped
    // before, by Ctrl-C, leaves them), the earlier run's; in a folder holding none, this run's.
    writeMarker(outDir, stagingDir, (held === undefined ? undefined : markedPart(held)) ?? part);
    return { ok: true, stagingDir, earlier: marker !== undefined };
  } catch (error) {
    // (A folder or a named pipe where the lock goes: named, as a folder in the way of a class file is.)
    if (error instanceof LockInTheWay) return { ok: false, problem: coded(`flowgrade: cannot write into --out ${outDir} (${error.file}): ${error.message}`, 'bad-out') };
    return { ok: false, problem: coded(`flowgrade: cannot write into --out ${outDir}: ${reasonOf(error)}`, 'bad-out') };
  }
}

/**
 * The staging folders a run killed outright (SIGKILL, the OOM killer, a machine losing power,
 * `taskkill /f`) left in --out: a run stages and removes its own only while it holds the lock,
 * which this run now holds, so any there is a dead run's, reports it staged (tens of MB for a
 * class) that would otherwise stay for good. One that cannot be removed (on Windows, another
 * program has it open) stays, as it would have; it is never graded.
 */
function removeLeftStaging(outDir: string): void {
  for (const name of readdirSync(outDir).filter((entry) => entry.startsWith(STAGING_PREFIX))) {
    try {
      rmSync(path.join(outDir, name), { recursive: true, force: true });
    } catch {
      // left as it was
    }
  }
}

/**
 * What prepareOut did for a run that never started grading, removed: the staging folder as endRun
 * removes it (with retries; one still held open a warning), the lock if this run took it.
 */
export async function undoPrepare(run: Run, warn: (line: string) => void, remove: typeof rm = rm): Promise<void> {
  try {
    if (run.stagingDir !== undefined) await removeStaging(run.stagingDir, warn, remove);
  } finally {
    if (run.locked) rmSync(run.lockFile, { force: true });
  }
}

/**
 * A run stopped by a signal: its progress line ended (the shell's prompt on a line of its own), its
 * staging folder and its lock removed. The folder is renamed first, a path nothing can move
 * reports out of any more (no dashboard is made of it). The grading threads may still be writing
 * into it: a write whose path was looked up before the rename lands in the renamed folder, and
 * one landing while rm empties it was left there (`-stopped/144.html`, 2 runs in 120). So with
 * threads, the folder is removed once every one of them has stopped (the promise returned).
 */
export function removeStopped(run: Run): void | Promise<void> {
  run.stopping = true;
  // The class files being moved, a few renames: let finish (the marker rewritten too), so that a
  // stop never leaves some of them and not others; the run's outputs are then whole.
  const holding = run.holding;
  if (holding !== undefined) return holding.then(() => removeStoppedNow(run));
  return removeStoppedNow(run);
}

function removeStoppedNow(run: Run): void | Promise<void> {
  let staged = run.stagingDir;
  const remove = () => {
    try {
      if (staged !== undefined) rmSync(staged, { recursive: true, force: true, maxRetries: 5 });
    } finally {
      if (run.locked) rmSync(run.lockFile, { force: true });
    }
  };
  try {
    run.progress?.abandon();
    if (staged !== undefined) {
      renameSync(staged, `${staged}-stopped`);
      staged = `${staged}-stopped`;
    }
  } catch {
    // removed where it is
  }
  if (run.pool === undefined) return remove();
  return run.pool.close().then(remove, remove);
}

/** This shard's share of `found` graded into `stagingDir`, then the outputs written into --out. */
async function gradeAndWrite(found: Discovery, { stagingDir, earlier }: Prepared & { ok: true }, run: Run, batch: BatchOptions): Promise<BatchOutcome> {
  const foundCount = found.candidates.length;
  const classOf: RunRecord['class'] = { submissions: foundCount, fingerprint: classFingerprint(found.candidates) };
  const env = taskEnv(batch.options, stagingDir, batch.junit);
  // One pool for both passes (whose submissions these are, for --shard; then the grading): its
  // threads start once, and the first pass warms up the loading code the second one runs again.
  const pool = batch.jobs > 1 && foundCount > 1 ? await startedPool(threadsToStart(Math.min(batch.jobs, foundCount), batch), env, batch) : undefined;
  run.pool = pool;
  let progress: Progress | undefined;
  let stopped: Promise<void> | undefined;
  try {
    // (Spliced out of `found`: once this shard's share is taken, the others' archive entries can be freed.)
    // The --shard pass (seconds for a large class) shows its progress by the same rules: a line of
    // its own on a terminal, plain lines elsewhere (a CI log, where it was silent for that long).
    const reading = batch.shard && batch.progress ? (run.progress = new Progress({ total: foundCount, ...batch.progress, verb: 'read', note: `to cut the class into ${batch.shard.count} shards` })) : undefined;
    const { share, split } = await shareOf(found.candidates.splice(0), batch, pool, () => reading?.tick());
    if (split !== undefined) classOf.split = split;
    const tasks: GradeTask[] = share.map((candidate, index) => ({ ...candidate, index }));
    reading?.finish();
    progress = run.progress = batch.progress ? new Progress({ total: tasks.length, ...batch.progress }) : undefined;
    const graded = await gradeAll(tasks, env, pool, (row) => progress?.tick(row.report.verdict));
    stopped = pool?.close(); // the threads stop while the class files are written
    progress?.finish();
    const { kept, duplicates } = keepNewest(sortRows(graded));
    const gradebooks = planGradebooks(kept, batch.warn);
    const names = await writeOutputs({ outDir: batch.outDir, stagingDir, rows: kept, duplicates, checkIds: env.columns.checkIds, moodleFeedback: { plan: gradebooks.moodleFeedback, students: gradebooks.moodleStudents, now: batch.flags.now, maxGrade: batch.moodleMaxGrade }, canvasGrades: { plan: gradebooks.canvasGrades, column: batch.canvasColumn }, ...(batch.shard ? { part: { shards: [batch.shard.index], count: batch.shard.count, found: foundCount } } : {}), record: (names) => renderRunRecord(recordOf(batch, kept, names, duplicates, env.columns.checkIds, classOf)), run, afterClassFiles: () => writeMarker(batch.outDir, stagingDir, partOf(batch.shard)) });
    // (In a folder no run wrote, other .json and .html files are the user's own: not called an earlier run's.)
    const stale = earlier ? await staleReports(batch.outDir, names) : [];
    if (stale.length > 0) batch.warn(staleReportsLine(batch.outDir, stale));
    return { ok: true, found: foundCount, rows: kept, duplicates, ...gradebooks };
  } catch (error) {
    if (!isFileSystemError(error)) throw error;
    return { ok: false, problems: [cannotWriteOut(batch.outDir, error)] };
  } finally {
    progress?.abandon(); // stopped before the end: the error starts a line of its own
    await (stopped ?? pool?.close());
  }
}

/**
 * This run's record (run-record.ts): the part graded, the class it is cut from, the options that
 * change its outputs (the clock apart: shards graded on several machines each have their own),
 * its rows' report names and the duplicates set aside.
 */
function recordOf(batch: BatchOptions, rows: readonly GradedRow[], names: readonly string[], duplicates: Duplicate[], checkIds: readonly string[], found: RunRecord['class']): RunRecord {
  const { now, ...flags } = batch.flags;
  // The --dynvars dataset by its path as given and its records' SHA-256: shards given one dataset
  // at other paths (on other machines) were graded alike, and one edited between them were not.
  const dataset = batch.options.mocks?.dynvars;
  const grading = flags.dynvars === undefined || dataset === undefined ? flags : { ...flags, dynvars: { file: flags.dynvars, sha256: createHash('sha256').update(JSON.stringify(dataset)).digest('hex') } };
  return runRecord({
    tool: { name: 'flowgrade', version: batch.options.tool.version },
    part: batch.shard ? { shards: [batch.shard.index], of: batch.shard.count } : { shards: [1], of: 1 },
    class: found,
    lab: { id: batch.options.mission.id, title: batch.options.mission.title },
    settings: { grading: JSON.parse(JSON.stringify(grading)) as Record<string, unknown>, junitRecommended: batch.junit?.recommended ?? 'skipped', moodleMaxGrade: batch.moodleMaxGrade ?? 100, canvasAssignment: batch.canvasColumn ?? DEFAULT_CANVAS_COLUMN, zipLimits: { ...batch.zipLimits } },
    now,
    checkIds: [...checkIds],
    rows,
    names,
    duplicates,
  });
}

/** The end of a run: its staging folder (removeStaging) and its lock removed; the lock goes anyway. */
export async function endRun(stagingDir: string, lockFile: string, warn: (line: string) => void, remove: typeof rm = rm): Promise<void> {
  try {
    await removeStaging(stagingDir, warn, remove);
  } finally {
    rmSync(lockFile, { force: true });
  }
}

/**
 * A run's staging folder removed. On Windows a folder another program has open (the antivirus
 * scanner, the search indexer, an Explorer window on --out) cannot be removed for a while: rm tries
 * again (maxRetries: 5, 100 ms more each time), and a folder still there is a warning, not a
 * failure of the run (whose outputs are all written, or whose own problem line says why it stopped).
 */
async function removeStaging(stagingDir: string, warn: (line: string) => void, remove: typeof rm): Promise<void> {
  try {
    await remove(stagingDir, { recursive: true, force: true, maxRetries: 5 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const why = code === 'EBUSY' ? 'EBUSY: another program has it open' : code;
    warn(`flowgrade: ${stagingDir}: this run's staging folder cannot be removed (${why}); delete it, it is never graded [staging-left]`);
  }
}

/**
 * The submissions this shard grades (all of them without --shard), and how the class was cut (splitFingerprint). Which of an attendee's
 * submissions are duplicates, and which report file names could clash, depends on the attendee
 * id inside each export, so every export is loaded (not graded) first — about a millisecond each,
 * on the grading threads when there are some — to keep each group in one shard. A submission
 * whose loading crashes its thread is keyed by its file name, as its ungradable report will be.
 */
export async function shareOf(submissions: Submission[], batch: Pick<BatchOptions, 'shard' | 'options'>, pool: GradingPool | undefined, onRead: () => void = () => {}): Promise<{ share: Submission[]; split?: string }> {
  if (!batch.shard) return { share: submissions };
  const read = (attendee: string) => {
    onRead();
    return attendee;
  };
  const attendees = pool ? await Promise.all(submissions.map((submission) => attendeeOnThreads(submission, batch.options, pool).then(read))) : await attendeesInProcess(submissions, batch.options, read);
  // Keyed by name, not by attendee and folder: one attendee's submissions (the duplicates) and
  // every attendee whose report files could take each other's names (the same id in two folders,
  // ids alike but for case) stay together, so the shard names its reports as the whole run does.
  const keys = shardKeys(submissions, attendees);
  return { share: selectShardByGroup(submissions, keys, batch.shard), split: splitFingerprint(submissions, keys) };
}

/**
 * Each submission's group for --shard: its attendee's report-name clash key, joined with the keys
 * of the other attendees of its Moodle participant (a student renamed between two downloads given
 * together is two attendees, but one student of moodle-feedback.zip and moodle-grades.csv, their
 * reports numbered and no grade: cut apart, each shard would grade them), or of its Canvas user
 * (one student of canvas-grades.csv, left out with two reports; cut apart, each shard's file would
 * give them a grade of one). A joined group takes its least attendee key, so the split depends on
 * the submissions only, as before.
 */
function shardKeys(submissions: readonly Submission[], attendees: readonly string[]): string[] {
  const keys = attendees.map(nameClashKey);
  const parent = new Map<string, string>();
  const root = (key: string): string => {
    const up = parent.get(key);
    return up === undefined ? key : root(up);
  };
  // Never clash keys: they never lead a group.
  const student = (file: string) => {
    const participant = moodleParticipantOf(file);
    if (participant !== undefined) return `\u0000moodle participant ${participant}`;
    const user = canvasUserOf(file);
    return user === undefined ? undefined : `\u0000canvas user ${user}`;
  };
  submissions.forEach((submission, at) => {
    const id = student(submission.file);
    if (id === undefined) return;
    const [a, b] = [root(keys[at]!), root(id)];
    if (a === b) return;
    const [least, other] = b.startsWith('\u0000') || compareCodePoints(a, b) < 0 ? [a, b] : [b, a];
    parent.set(other, least);
  });
  return keys.map(root);
}

function attendeeOnThreads(submission: Submission, options: GradeOptionsBase, pool: GradingPool): Promise<string> {
  return pool.run({ attendeeOf: submission }).then(
    (attendee) => attendee as string,
    (error: unknown) => {
      if (!(error instanceof PoolTaskError)) throw error;
      return attendeeIdOf(undefined, { ...options, fileName: submission.file }); // as an unread file's
    },
  );
}

/** One after the other, a turn of the event loop between two (see nextTurn). */
async function attendeesInProcess(submissions: Submission[], options: GradeOptionsBase, read: (attendee: string) => string): Promise<string[]> {
  const attendees: string[] = [];
  for (const submission of submissions) {
    await nextTurn();
    attendees.push(read(await attendeeOfTask(submission, options)));
  }
  return attendees;
}

/**
 * Lets the event loop run once. Grading in-process (`--jobs 1`) awaits only promises that are
 * already settled, which never leave the microtask queue, and merge's rows await nothing: without
 * this, a Ctrl-C or SIGTERM would wait for the whole class. `setImmediate` runs after the loop has polled for I/O, signals
 * included, and costs microseconds (a submission takes milliseconds); a timer would cost more
 * (at least a millisecond each).
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** An error of a file system call (it names its syscall), as opposed to a bug of ours. */
export function isFileSystemError(error: unknown): boolean {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

/**
 * Why --out cannot take the outputs, for a file system error (isFileSystemError) met writing them:
 * the disk filled up, a folder is in the way of a report… The path it names, if any, is named.
 */
export function cannotWriteOut(outDir: string, error: unknown): string {
  const { dest, path: file } = error as NodeJS.ErrnoException & { dest?: string };
  const where = dest ?? file;
  return coded(`flowgrade: cannot write into --out ${outDir}${where ? ` (${where})` : ''}: ${reasonOf(error)}`, 'bad-out');
}

type GradeOptionsBase = BatchOptions['options'];

export type GradingPool = WorkerPool<WorkerJob, GradedRow | string>;

function startPool(size: number, env: TaskEnv, batch: BatchOptions): GradingPool {
  tierUpLater();
  return new WorkerPool<WorkerJob, GradedRow | string>({
    size,
    script: WORKER_SCRIPT,
    workerData: { flags: batch.flags, stagingDir: env.stagingDir, junit: env.junit },
    taskTimeoutMs: batch.taskTimeoutMs,
    resourceLimits: { maxOldGenerationSizeMb: 512 },
    // Posted ahead this far, a worker never waits for the main thread between two tasks.
    pipeline: 3,
  });
}

/** How many of `requested` threads to start: as many as a limit on virtual memory leaves room for (said once if fewer). */
function threadsToStart(requested: number, batch: BatchOptions): number {
  const space = addressSpace();
  const fit = threadsWithin(requested, space);
  if (space === undefined || fit === requested) return requested;
  if (fit < 2) batch.warn(noThreadsLine(limitReason(space)));
  else batch.warn(fewThreadsLine(fit, requested, limitReason(space)));
  return fit;
}

/** A pool whose first thread is ready; none when none is to start or none can (said once), to grade in-process. */
async function startedPool(size: number, env: TaskEnv, batch: BatchOptions): Promise<GradingPool | undefined> {
  if (size < 2) return undefined;
  const pool = startPool(size, env, batch);
  if (await pool.started()) return pool;
  batch.warn(noThreadsLine(pool.failure));
  await pool.close();
  return undefined;
}

async function gradeAll(tasks: GradeTask[], env: TaskEnv, pool: GradingPool | undefined, onRow: (row: GradedRow) => void): Promise<GradedRow[]> {
  if (!pool) {
    const rows: GradedRow[] = [];
    for (const task of tasks) {
      await nextTurn();
      const row = await gradeTask(task, env);
      onRow(row);
      rows.push(row);
    }
    return rows;
  }
  return Promise.all(
    tasks.map(async (task) => {
      const row = await pool.run({ grade: task }, transferable(task)).then(
        (result) => result as GradedRow,
        (error: unknown) => {
          if (!(error instanceof PoolTaskError)) throw error;
          // Its reports could not be written: the batch stops, naming --out (as in-process), rather
          // than grading the submission ungradable with a smaller report that still fits.
          if (error.fileSystem) throw Object.assign(new Error(error.message), error.fileSystem);
          return failedTask(task, { code: error.reason === 'timeout' ? 'grading-timeout' : 'grading-crashed', message: error.message }, env);
        },
      );
      onRow(row);
      return row;
    }),
  );
}

/** Later optimising for the grading threads, where V8 has the setting (tier-up.ts). */
function tierUpLater(): void {
  const flag = tierUpFlag(process.versions.v8);
  if (flag !== undefined) setFlagsFromString(flag);
}

/** A zip entry's bytes move to the worker instead of being copied (when they own their buffer). */
function transferable(task: GradeTask): ArrayBuffer[] {
  if (task.kind !== 'bytes') return [];
  const { buffer, byteOffset, byteLength } = task.bytes;
  return buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength ? [buffer] : [];
}
