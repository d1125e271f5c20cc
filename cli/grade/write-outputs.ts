/**
 * The files a batch writes into `--out`: per attendee `<name>.json` and `<name>.html` (staged by
 * the graders, renamed here once names are known), and the class-level `index.html`, `grades.csv`,
 * `junit.xml` and `summary.md`, with `moodle-feedback.zip` and `moodle-grades.csv` when a row is
 * from a Moodle download, `canvas-grades.csv` when a student of a Canvas download has a grade. Rows arrive sorted (attendee id, then path), so every file is the same
 * whatever the parallelism.
 */
import { readFileSync, writeFileSync, type Dirent } from 'node:fs';
import { lstat, readdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { GradeReport } from '../../engine/report.js';
import { firstFew } from '../../engine/word-list.js';
import { renderCsv, renderDashboard, renderJunitDocument, renderMarkdown } from '../../reports/index.js';
import { plural } from '../../reports/summary.js';
import type { Duplicate } from './duplicates.js';
import { compareCodePoints, entryType } from './walk.js';
import { assignFileNames } from './file-names.js';
import { MOODLE_FEEDBACK_FILE, planMoodleFeedback, type MoodleFeedbackPlan } from './moodle-feedback.js';
import { MOODLE_GRADES_FILE, moodleStudents, renderMoodleGrades, type MoodleStudent } from './moodle-grades.js';
import { CANVAS_GRADES_FILE, planCanvasGrades, renderCanvasGrades, type CanvasGradesPlan } from './canvas-grades.js';
import { writeZip } from './zip-writer.js';
import { stagedPath } from './task.js';
import type { GradedRow } from './types.js';
import { RUN_RECORD_FILE } from './run-record.js';
import { missingWords, shardsWords } from './shard.js';

interface Outputs {
  outDir: string;
  stagingDir: string;
  /** Kept rows, sorted. */
  rows: GradedRow[];
  duplicates: Duplicate[];
  /** The mission's check ids, in order: the gradebook's columns. */
  checkIds: readonly string[];
  /**
   * moodle-feedback.zip's entries (none: neither it nor moodle-grades.csv is written), dated the run's
   * clock (`--now`); `maxGrade`: what moodle-grades.csv gives each grade out of (`--moodle-max-grade`).
   */
  moodleFeedback?: { plan: MoodleFeedbackPlan; students: readonly MoodleStudent[]; now: string; maxGrade?: number };
  /** canvas-grades.csv's students (none: it is not written) and its assignment column's header (`--canvas-assignment`). */
  canvasGrades?: { plan: Pick<CanvasGradesPlan, 'students'>; column?: string };
  /**
   * The part of the class graded (`--shard`; none: the whole class), and how many submissions the
   * class has: the dashboard and summary.md say so in their titles, so that a shard's, read alone
   * (a CI job's summary), is not taken for the class's.
   */
  part?: { shards: readonly number[]; count: number; found: number; merged?: boolean };
  /** The run's record (run-record.ts) from the rows' report names, written and moved with the class files. */
  record?: (names: readonly string[]) => string;
  /**
   * The run a stop signal ends (batch.ts Run): its cleanup waits while an earlier run's class files
   * are removed and while this run's are moved (held), so that a stop never leaves some of them and not others.
   */
  run?: HeldRun;
  /** Done once the class files are moved, before a stop waiting for them goes on: the marker rewritten to name their part (out-marker.ts). */
  afterClassFiles?: () => void;
}

/** What writeOutputs and a stop signal's cleanup (batch.ts removeStopped) share of a run. */
export interface HeldRun {
  /** A stop signal came: its cleanup is under way. */
  stopping?: boolean;
  /** The step under way that a stop signal's cleanup waits for (held), if any. */
  holding?: Promise<void>;
}

/** What the files handed back to a learning platform hold: moodle-feedback.zip and moodle-grades.csv (Moodle's), canvas-grades.csv (Canvas's). */
export interface Gradebooks {
  /** What moodle-feedback.zip holds (written, with moodle-grades.csv, when it has entries). */
  moodleFeedback: MoodleFeedbackPlan;
  /** moodle-grades.csv's students, one row each. */
  moodleStudents: MoodleStudent[];
  /** canvas-grades.csv's students (written when there is one) and what was left out of it. */
  canvasGrades: CanvasGradesPlan;
}

/** The gradebooks of the class's kept rows (grade's, or merge's), each row one leaves out said with why. */
export function planGradebooks(rows: readonly GradedRow[], warn: (line: string) => void): Gradebooks {
  const moodleFeedback = planMoodleFeedback(rows);
  for (const { file, why } of moodleFeedback.leftOut) warn(`flowgrade: ${file}: not in ${MOODLE_FEEDBACK_FILE} and ${MOODLE_GRADES_FILE}: ${why} [moodle-feedback]`);
  const students = moodleStudents(moodleFeedback, rows.map((row) => row.report));
  const canvasGrades = planCanvasGrades(rows);
  for (const { file, why } of canvasGrades.leftOut) warn(`flowgrade: ${file}: not in ${CANVAS_GRADES_FILE}: ${why} [canvas-grades]`);
  return { moodleFeedback, moodleStudents: students, canvasGrades };
}

/** The class files a run writes into --out (besides moodle-feedback.zip and moodle-grades.csv for a Moodle class). */
export const CLASS_FILES = ['index.html', 'grades.csv', 'junit.xml', 'summary.md'] as const;

/** The file operations that move the outputs into place, and the system they run on (a test stands in for Windows). */
export interface OutputFs {
  platform: NodeJS.Platform;
  unlink(file: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
}

const NODE_FS: OutputFs = { platform: process.platform, unlink, rename };

/**
 * Writes everything; returns the base name given to each row. The per-attendee reports are moved
 * to their names by the thread pool while this thread renders the class-level files into the
 * staging folder; those are moved last, so that a run stopped on the way (Ctrl-C) never leaves a
 * dashboard linking to reports that are not there (nor an earlier run's, removed first).
 */
export async function writeOutputs(outputs: Outputs, fs: OutputFs = NODE_FS): Promise<string[]> {
  const { outDir, stagingDir, rows, run } = outputs;
  const names = assignFileNames(rows.map((row) => row.report.attendee.id));
  const reports = rows.flatMap((row, i) => (['json', 'html'] as const).map((extension) => ({ from: stagedPath(stagingDir, row.index, extension), to: path.join(outDir, `${names[i]}.${extension}`) })));
  const feedbackFiles = [...(writesMoodleFeedback(outputs.moodleFeedback) ? [MOODLE_FEEDBACK_FILE, MOODLE_GRADES_FILE] : []), ...(writesCanvasGrades(outputs.canvasGrades) ? [CANVAS_GRADES_FILE] : [])];
  const classFiles = [...CLASS_FILES, ...feedbackFiles, ...(outputs.record ? [RUN_RECORD_FILE] : [])].map((file) => ({ from: path.join(stagingDir, file), to: path.join(outDir, file) }));
  // A folder where a report or a class file goes (`mkdir out/5000.html`) is found before anything
  // is removed or moved: found by the move there, it stopped the run once the earlier run's class
  // files were removed and reports replaced, leaving no dashboard nor gradebook at all.
  await refuseFolderInTheWay(outDir, [...reports, ...classFiles]);
  // An earlier run's class files go first: stopped while the reports move, this run must not leave
  // an old dashboard and gradebook linking its new reports. One that cannot be removed (on Windows,
  // a gradebook open in Excel) stops the run here, before any report is replaced; a folder in the
  // way of this run's file was named above (one where this run writes none is left).
  // So are moodle-feedback.zip, moodle-grades.csv and canvas-grades.csv: an earlier run's would
  // hand back reports and grades this run replaces.
  // And the run's record, which says what the class files are of.
  // (Held: a stop never leaves some of them removed and not others.)
  await held(run, () => settledAll([...CLASS_FILES, MOODLE_FEEDBACK_FILE, MOODLE_GRADES_FILE, CANVAS_GRADES_FILE, RUN_RECORD_FILE].map((file) => removeClassFile(path.join(outDir, file), fs))));
  const moved = Promise.all(reports.map(({ from, to }) => moveFile(from, to, fs)));
  try {
    writeClassFiles(outputs, names);
  } finally {
    await Promise.allSettled([moved]); // never leave moves running behind a failure
  }
  await moved;
  writeMoodleFeedback(outputs, names);
  writeCanvasGrades(outputs);
  if (outputs.record) writeFileSync(path.join(stagingDir, RUN_RECORD_FILE), outputs.record(names));
  // Held: a stop signal landing between two of these renames left index.html, grades.csv and
  // junit.xml moved, summary.md and flowgrade-run.json not, under a marker naming the whole class.
  // A stop waits for these few renames (and the marker) instead: the run's outputs are then whole.
  await held(run, async () => {
    await settledAll(classFiles.map(({ from, to }) => moveFile(from, to, fs)));
    outputs.afterClassFiles?.();
  });
  return names;
}

/**
 * `step` run so that a stop signal's cleanup (batch.ts removeStopped) waits for it to end: a stop
 * never lands between two of its renames or removals. Once a stop has come, it is not begun, nor
 * is anything after it: the promise returned never settles (the stop's cleanup ends the process).
 */
async function held(run: HeldRun | undefined, step: () => Promise<void>): Promise<void> {
  if (run === undefined) return step();
  if (run.stopping) return stopped();
  // Set before the step begins: a listener it lets run (between two of its operations) finds it.
  let ended!: () => void;
  run.holding = new Promise<void>((resolve) => (ended = resolve));
  try {
    await step();
  } catch (error) {
    if (!run.stopping) throw error;
  } finally {
    run.holding = undefined;
    ended();
  }
  if (run.stopping) return stopped();
}

/** A run stopped by a signal goes no further: its cleanup ends the process. */
function stopped(): Promise<never> {
  return new Promise<never>(() => {});
}

/** Every one of `operations` settled (none left running behind a failure); then the first failure, if any, thrown. */
async function settledAll(operations: Promise<void>[]): Promise<void> {
  const failed = (await Promise.allSettled(operations)).find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * A folder where one of `moves` goes, thrown as the rename there would fail (EISDIR, naming the
 * place: batch.ts cannotWriteOut says `(out/5000.html): is a directory, not a file`). Only names
 * --out lists as other than a file or a link are looked at (any case: a folder `5000.HTML` takes
 * `5000.html`'s place on macOS and Windows), each then asked of the file system itself.
 */
async function refuseFolderInTheWay(outDir: string, moves: readonly { from: string; to: string }[]): Promise<void> {
  // A folder that cannot be listed: the moves say why.
  const entries = await readdir(outDir, { withFileTypes: true }).catch(() => [] as Dirent[]);
  const others = new Set(entries.filter((entry) => !entry.isFile() && !entry.isSymbolicLink()).map((entry) => entry.name.toLowerCase()));
  if (others.size === 0) return;
  for (const { from, to } of moves) {
    if (!others.has(path.basename(to).toLowerCase())) continue;
    if (await lstat(to).then((info) => info.isDirectory(), () => false)) {
      throw Object.assign(new Error(`EISDIR: illegal operation on a directory, rename '${from}' -> '${to}'`), { errno: -21, code: 'EISDIR', syscall: 'rename', path: from, dest: to });
    }
  }
}

/** An earlier run's class file removed; nothing there is fine, and so is a folder (see writeOutputs). */
async function removeClassFile(file: string, fs: OutputFs): Promise<void> {
  try {
    await windowsRetrying(() => fs.unlink(file), fs.platform);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    // (unlink says EISDIR for a folder on Linux, EPERM on macOS and Windows.)
    if (await lstat(file).then((info) => info.isDirectory(), () => false)) return;
    throw error;
  }
}

function moveFile(from: string, to: string, fs: OutputFs): Promise<void> {
  return windowsRetrying(() => fs.rename(from, to), fs.platform);
}

/**
 * On Windows, a file just written is opened for a moment by the antivirus scanner or the search
 * indexer, and renaming or removing it meanwhile fails (EPERM, EACCES, EBUSY): tried again a few
 * times, about a second in all. (npm's graceful-fs retries renames on Windows for these codes too,
 * but only onto a free name, for up to a minute, and never a removal.) Elsewhere these refusals
 * last: not retried.
 */
async function windowsRetrying(operation: () => Promise<void>, platform: NodeJS.Platform): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (platform !== 'win32' || attempt > WINDOWS_RETRIES || !WINDOWS_TRANSIENT.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
      await new Promise((resolve) => setTimeout(resolve, WINDOWS_RETRY_MS * attempt));
    }
  }
}

const WINDOWS_TRANSIENT = new Set(['EPERM', 'EACCES', 'EBUSY']);
const WINDOWS_RETRIES = 8;
const WINDOWS_RETRY_MS = 30;

/**
 * `, shard 2/3 of 120 submissions found` after a shard's titles (a merge of some shards:
 * `, shards 1, 2, 4 of 4 (shard 3 missing) of 120 submissions found`); nothing for the whole class.
 */
function partTitle(part: Outputs['part']): string {
  if (!part) return '';
  const found = `of ${plural(part.found, 'submission')} found`;
  // (A merge of some shards names the missing ones, also when it holds one.)
  if (part.shards.length === 1 && !part.merged) return `, shard ${part.shards[0]}/${part.count} ${found}`;
  const missing = Array.from({ length: part.count }, (_, i) => i + 1).filter((index) => !part.shards.includes(index));
  return `, ${shardsWords(part.shards, part.count)} (${missingWords(missing)}) ${found}`;
}

function writeClassFiles({ stagingDir, rows, duplicates, checkIds, part }: Outputs, names: string[]): void {
  const reports = rows.map((row) => row.report);
  const hrefs = new Map<GradeReport, string>(reports.map((report, i) => [report, `${encodeURIComponent(names[i])}.html`]));
  const parts = rows.map((row) => row.classRow);
  const contents: Record<(typeof CLASS_FILES)[number], string> = {
    'index.html': renderDashboard(reports, { reportHref: (report: GradeReport) => hrefs.get(report) ?? '', duplicates, rows: parts.map((row) => row.dashboard), ...(part ? { title: `flowgrade — class results${partTitle(part)}` } : {}) }),
    'grades.csv': renderCsv(reports, { notes: duplicateNotes(duplicates), checkIds, rows: parts.map((row) => row.csv) }),
    'junit.xml': renderJunitDocument(parts.map((row) => row.junit)),
    'summary.md': renderMarkdown(reports, { rows: parts.map((row) => row.markdown), duplicates, ...(part ? { title: `flowgrade results${partTitle(part)}` } : {}) }),
  };
  for (const file of CLASS_FILES) writeFileSync(path.join(stagingDir, file), contents[file]);
}

/**
 * moodle-feedback.zip (from the reports already moved into --out) and moodle-grades.csv, written
 * into the staging folder when the zip has entries.
 */
function writeMoodleFeedback({ outDir, stagingDir, moodleFeedback }: Outputs, names: string[]): void {
  if (!writesMoodleFeedback(moodleFeedback)) return;
  const entries = moodleFeedback.plan.entries.map(({ name, row }) => ({ name, bytes: () => readFileSync(path.join(outDir, `${names[row]}.html`)) }));
  writeZip(path.join(stagingDir, MOODLE_FEEDBACK_FILE), entries, new Date(moodleFeedback.now));
  writeFileSync(path.join(stagingDir, MOODLE_GRADES_FILE), renderMoodleGrades(moodleFeedback.students, moodleFeedback.now, moodleFeedback.maxGrade));
}

/** canvas-grades.csv, written into the staging folder when a student has a grade. */
function writeCanvasGrades({ stagingDir, canvasGrades }: Outputs): void {
  if (!writesCanvasGrades(canvasGrades)) return;
  writeFileSync(path.join(stagingDir, CANVAS_GRADES_FILE), renderCanvasGrades(canvasGrades.plan, canvasGrades.column));
}

/** Whether the Moodle files are written: the zip has entries (writeOutputs lists them, writeMoodleFeedback writes them). */
function writesMoodleFeedback(moodleFeedback: Outputs['moodleFeedback']): moodleFeedback is NonNullable<Outputs['moodleFeedback']> {
  return moodleFeedback !== undefined && moodleFeedback.plan.entries.length > 0;
}

/** Whether canvas-grades.csv is written: a student has a grade. */
function writesCanvasGrades(canvasGrades: Outputs['canvasGrades']): canvasGrades is NonNullable<Outputs['canvasGrades']> {
  return canvasGrades !== undefined && canvasGrades.plan.students.length > 0;
}

/**
 * CSV notes by input file: the kept row of each duplicated attendee says what was set aside, the
 * first NOTED_SET_ASIDE files, fewer when their paths pass NOTE_LENGTH characters (a spreadsheet
 * cell holds 32,767: a student's upload of a thousand copies would overflow it).
 */
export function duplicateNotes(duplicates: Duplicate[]): Record<string, string> {
  return Object.fromEntries(duplicates.map((d) => {
    // As many as fit, up to NOTED_SET_ASIDE: an archive entry's path may be long.
    const named: string[] = [];
    let length = 0;
    for (const file of d.dropped.slice(0, NOTED_SET_ASIDE)) {
      if (length + file.length > NOTE_LENGTH) break;
      named.push(file);
      length += file.length + 2;
    }
    const rest = d.dropped.length - named.length;
    const more = rest === 0 ? '' : named.length === 0 ? `${rest} files` : ` and ${rest} more`;
    return [d.keptFile ?? d.kept, `newest of ${d.dropped.length + 1} submissions; set aside: ${named.join(', ')}${more}`];
  }));
}

const NOTED_SET_ASIDE = 20;
/** The set-aside paths a note names stop before this many characters, far under a cell's 32,767. */
const NOTE_LENGTH = 10_000;

/**
 * The reports in `outDir` that this run did not write (`names`: its rows' base names): an earlier
 * run's, of attendees not in this one. They are left where they are (the folder may hold the
 * instructor's own files), but index.html does not link them,
 * so the batch names them rather than letting them pass for this run's.
 */
export async function staleReports(outDir: string, names: readonly string[], list: (dir: string) => Promise<Dirent[]> = listEntries): Promise<string[]> {
  const written = new Set<string>([...CLASS_FILES, RUN_RECORD_FILE, ...names.flatMap((name) => [`${name}.json`, `${name}.html`])]);
  // Everything is written by now: a folder that cannot be listed is only a warning left out.
  const entries = await list(outDir).catch(() => []);
  const reports = entries.filter((entry) => !entry.name.startsWith('.') && /\.(json|html)$/i.test(entry.name) && !written.has(entry.name));
  // (A file OneDrive syncs is listed as a link on Windows: entryType asks again.)
  const files = await Promise.all(reports.map(async (entry) => ((await entryType(entry, path.join(outDir, entry.name))) === 'file' ? [entry.name] : [])));
  return files.flat().sort(compareCodePoints);
}

function listEntries(dir: string): Promise<Dirent[]> {
  return readdir(dir, { withFileTypes: true });
}

/**
 * The warning for `stale` (staleReports), naming the first few files. It counts the files and the
 * attendees they are the reports of (one name, .html and .json): ten attendees left over are
 * twenty files, which "20 reports" made twice as many as there are. `command` is the one that
 * wrote the folder, to run again into a fresh one.
 */
export function staleReportsLine(outDir: string, stale: readonly string[], command: 'grade' | 'merge' = 'grade'): string {
  const shown = firstFew(stale, STALE_NAMED, { before: ', and ' });
  const attendees = new Set(stale.map((name) => name.replace(/\.(?:json|html)$/i, ''))).size;
  const whose = `the report${attendees === 1 ? '' : 's'} of ${plural(attendees, 'attendee')}`;
  const them = stale.length === 1 ? 'it' : 'them';
  // Named as reports, not said to be ones: a folder an earlier run wrote may hold files of the user's own too.
  return `flowgrade: --out ${outDir} also holds ${plural(stale.length, 'file')} this run did not write, named as ${whose} (${shown}): an earlier run's, or files of your own: kept, but index.html does not link ${them}; remove ${them} or ${command} into a fresh folder [stale-reports]`;
}

const STALE_NAMED = 5;
