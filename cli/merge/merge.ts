/**
 * `flowgrade merge <shard-out-dir>… --out <dir>`: one class's outputs from its shards' (grade
 * --shard i/n). The class files are rendered again, by the renderers `grade` uses, from data only:
 * each part's run record (the rows, their report names, the duplicates set aside) and each
 * attendee's JSON report, both validated (read-part.ts); no HTML, CSV or XML of a shard is read.
 * The attendee reports are written again from those JSON reports, under the names one unsharded
 * run gives them (file-names.ts: each shard named its reports so already). --out is written as
 * `grade` writes it: locked, staged, the class files moved in last (batch.ts prepareOut, write-outputs.ts).
 * Its progress is grade's (progress.ts), on stderr, counting the rows merged.
 */
import path from 'node:path';
import type { GradeReport } from '../../engine/report.js';
import { boundReport, renderClassRow, renderHtmlReport, renderJson, type ClassRow } from '../../reports/index.js';
import { shownAttendeeId } from '../../reports/attendee-id.js';
import { coded } from '../errors.js';
import { endsInCarriageReturn } from '../options.js';
import { cannotWriteOut, finishRun, isFileSystemError, nextTurn, prepareOut, removeStopped, type Prepared, type Run } from '../grade/batch.js';
import type { Duplicate } from '../grade/duplicates.js';
import { LOCK_FILE } from '../grade/out-lock.js';
import { partOfShards, writeMarker } from '../grade/out-marker.js';
import { Progress } from '../grade/progress.js';
import { renderRunRecord, runRecord, type RunRecord } from '../grade/run-record.js';
import { exitOnStopSignals } from '../grade/stop-signals.js';
import { slim, stagedPath } from '../grade/task.js';
import type { GradedRow } from '../grade/types.js';
import { realPath } from '../grade/walk.js';
import { planGradebooks, staleReports, staleReportsLine, writeOutputs, type Gradebooks } from '../grade/write-outputs.js';
import { existsSync, writeFileSync } from 'node:fs';
import { planMerge, type PartRecord } from './plan.js';
import { missingWords, shardsWords } from '../grade/shard.js';
import { readPart, readReport, type LabCheck } from './read-part.js';

interface MergeOptions {
  dirs: string[];
  outDir: string;
  /** Merge when shards are missing (--partial); else that is a usage error. */
  partial: boolean;
  /** This flowgrade's version: a part graded by another is refused. */
  version: string;
  warn: (line: string) => void;
  /** Where progress goes, as for grade (batch.ts BatchOptions; undefined: no progress). */
  progress?: { isTTY: boolean; write: (text: string) => void; columns?: () => number | undefined };
}

type MergeOutcome =
  | { ok: false; problems: string[] }
  | ({
      ok: true;
      shards: number[];
      count: number;
      missing: number[];
      /** The merged rows, in the class's order. */
      rows: GradedRow[];
      duplicates: Duplicate[];
    } & Gradebooks);

/** The code of a row whose report in its shard could not be used (read-part.ts readReport). */
export const REPORT_UNREADABLE = 'report-unreadable';

export async function runMerge(merge: MergeOptions): Promise<MergeOutcome> {
  const refused = foldersProblem(merge.dirs, merge.outDir);
  if (refused !== undefined) return { ok: false, problems: [refused] };
  const parts: PartRecord[] = [];
  for (const dir of merge.dirs) {
    const read = readPart(dir);
    if (!read.ok) return { ok: false, problems: [read.problem] };
    parts.push({ dir, record: read.record });
  }
  const plan = planMerge(parts, { version: merge.version, partial: merge.partial });
  if (!plan.ok) return { ok: false, problems: [plan.problem] };
  const run: Run = { lockFile: path.join(merge.outDir, LOCK_FILE), locked: false };
  const stopListening = exitOnStopSignals(() => removeStopped(run));
  let prepared: Prepared | undefined;
  let progress: Progress | undefined;
  const part = partOfShards(plan.shards, plan.count);
  // A report that cannot be used is said once the progress display has ended, in the order met: on
  // a terminal, a line said meanwhile would be written onto the progress line and redrawn over.
  const readLines: string[] = [];
  const sayReadLines = () => readLines.splice(0).forEach((line) => merge.warn(line));
  try {
    prepared = await prepareOut(merge.outDir, run, part);
    if (!prepared.ok) return { ok: false, problems: [prepared.problem] };
    // Said once --out is taken, as the merge then goes ahead: before, a refused --out came after "merged without it", and nothing was merged.
    if (plan.missing.length > 0) merge.warn(`flowgrade: ${shardsWords(plan.shards, plan.count)}: ${missingWords(plan.missing)}; merged without ${plan.missing.length === 1 ? 'it' : 'them'} (--partial) [missing-shards]`);
    const stagingDir = prepared.stagingDir;
    // (The lowest shard's, whatever the folders' order: plan.ts.)
    const first = parts[plan.lowest]!.record;
    // Each report is read, its pages rendered and staged, and only its slim copies kept before the
    // next is read: a whole report (its flow drawing, its traces) is ten times those, and holding
    // every one until the class rows were rendered made merge's memory grow with the class beyond
    // grade's (483 MB for 3,000 attendees, grade 376 MB; docs/performance.md, Merging the shards).
    // Lines of reports that cannot be rendered are said after those of reports that cannot be read, as before.
    const renderLines: [number, string][] = [];
    const stepsSeen = new Set<number>();
    // What takes the time (each report read, its pages rendered and written): the rows counted are those.
    progress = run.progress = merge.progress ? new Progress({ total: plan.rows.length, ...merge.progress, verb: 'merged', noun: ['attendee', 'attendees'], rateOf: 'reports' }) : undefined;
    const kept: { report: GradeReport; shown: GradeReport }[] = [];
    for (const [index, { part: at, attendee }] of plan.rows.entries()) {
      await nextTurn(); // a Ctrl-C or SIGTERM is heard between two rows, not once every row is merged
      const row = stageRow(stagingDir, index, parts[at]!, attendee, plan.lab.checks, stepsSeen, { read: (line) => readLines.push(line), render: (line) => renderLines.push([index, line]) });
      progress?.tick(row.report.verdict);
      kept.push(row);
    }
    progress?.finish();
    sayReadLines();
    const columns = { steps: [...stepsSeen].sort((a, b) => a - b), checkIds: first.checkIds };
    const junit = { recommended: first.settings.junitRecommended };
    // The class rows, from the slim copies: none of their renderers reads a trace or the drawing (task.ts slim).
    const rows: GradedRow[] = kept.map(({ report, shown }, index) => {
      let row = { report, shown };
      let classRow: ClassRow;
      try {
        classRow = renderClassRow(shown, columns, junit);
      } catch (error) {
        const { part: at, attendee } = plan.rows[index]!;
        const standIn = unrendered(parts[at]!, attendee, error, (line) => renderLines.push([index, line]));
        row = { report: slim(standIn), shown: slim(stagePages(stagingDir, index, standIn)) };
        classRow = renderClassRow(row.shown, columns, junit);
      }
      return { index, file: row.report.input.file, folder: '', mtimeMs: 0, report: row.report, classRow };
    });
    renderLines.sort(([a], [b]) => a - b).forEach(([, line]) => merge.warn(line));
    const gradebooks = planGradebooks(rows, merge.warn);
    const found = first.class.submissions;
    // Every shard given: the whole class's record, as one unsharded grade writes it (no split); else a part of it, still cut as its shards were.
    const whole = plan.missing.length === 0;
    const { split: _split, ...wholeClass } = first.class;
    const record = (names: readonly string[]): string =>
      renderRunRecord(runRecord({ tool: first.tool, part: whole ? { shards: [1], of: 1 } : { shards: plan.shards, of: plan.count }, class: whole ? wholeClass : first.class, lab: first.lab, settings: first.settings, now: plan.now, checkIds: first.checkIds, rows, names, duplicates: plan.duplicates }));
    const names = await writeOutputs({
      outDir: merge.outDir,
      stagingDir,
      rows,
      duplicates: plan.duplicates,
      checkIds: first.checkIds,
      moodleFeedback: { plan: gradebooks.moodleFeedback, students: gradebooks.moodleStudents, now: plan.now, maxGrade: first.settings.moodleMaxGrade },
      canvasGrades: { plan: gradebooks.canvasGrades, column: first.settings.canvasAssignment },
      ...(!whole ? { part: { shards: plan.shards, count: plan.count, found, merged: true } } : {}),
      record,
      run,
      afterClassFiles: () => writeMarker(merge.outDir, stagingDir, part),
    });
    // (In a folder no run wrote, other .json and .html files are the user's own: not called an earlier run's.)
    const stale = prepared.earlier ? await staleReports(merge.outDir, names) : [];
    if (stale.length > 0) merge.warn(staleReportsLine(merge.outDir, stale, 'merge'));
    return { ok: true, shards: plan.shards, count: plan.count, missing: plan.missing, rows, duplicates: plan.duplicates, ...gradebooks };
  } catch (error) {
    progress?.abandon(); // stopped before the end: what follows starts a line of its own
    sayReadLines();
    if (!isFileSystemError(error)) throw error;
    return { ok: false, problems: [cannotWriteOut(merge.outDir, error)] };
  } finally {
    await finishRun(run, prepared, stopListening, merge.warn);
  }
}

/**
 * Why the folders given cannot be merged into `outDir`, or undefined: one is blank, ends in a
 * carriage return and names no folder, is --out, or is given twice (spelt otherwise, or through a symlink).
 */
function foldersProblem(dirs: readonly string[], outDir: string): string | undefined {
  // An empty variable in a CI script: said before a path is made of it ("" is the working folder, which "no such folder" did not name).
  const blank = dirs.find((dir) => dir.trim() === '');
  if (blank !== undefined) return coded(`flowgrade: "${blank}" is blank: give the --out folder of a flowgrade grade`, 'bad-shard');
  // The last word of a line of a script saved with CRLF line endings, run by sh, keeps the CR: the folder is
  // there, under the name without it, and "no such folder (a shard whose job failed …)" sent the user to CI.
  const crlf = dirs.find((dir) => dir.endsWith('\r') && !existsSync(dir));
  if (crlf !== undefined) return coded(`flowgrade: ${endsInCarriageReturn(crlf)}`, 'bad-shard');
  const out = realPath(outDir);
  const clash = dirs.find((dir) => realPath(dir) === out);
  if (clash !== undefined) return coded(`flowgrade: --out ${outDir} is also a folder to merge (${clash}): write the merged outputs into another folder`, 'bad-out');
  const reals = dirs.map(realPath);
  const again = reals.findIndex((real, at) => reals.indexOf(real) < at);
  if (again < 0) return undefined;
  // (Named as it was first given when that was spelt otherwise: "given twice" of a name the user typed once was no help.)
  const [twice, first] = [dirs[again]!, dirs[reals.indexOf(reals[again]!)]!];
  return coded(`flowgrade: ${twice}: ${twice === first ? 'given twice' : `is the folder ${first} (through a symlink, or spelt otherwise)`}: give each shard's folder once`, 'bad-shard');
}

/**
 * The row `index` of the class, a part's attendee: its report read, held to its lab's `checks` (one
 * that cannot be used is said with `say.read`), its pages rendered and staged, and its slim copies kept (the report, and
 * the report as its pages show it). A report past what the renderers can take (a value nested
 * deeper than the stack holds) stands as one that cannot be used (said with `say.render`). The
 * steps of the report read go into `steps`: the class's step columns are its reports' steps,
 * those of one that cannot be rendered too.
 */
function stageRow(stagingDir: string, index: number, part: PartRecord, attendee: number, checks: readonly LabCheck[], steps: Set<number>, say: { read: (line: string) => void; render: (line: string) => void }): { report: GradeReport; shown: GradeReport } {
  const valid = reportOf(part, attendee, checks, say.read);
  for (const check of valid.checks) steps.add(check.step);
  let report = valid;
  let shown: GradeReport;
  try {
    shown = stagePages(stagingDir, index, report);
  } catch (error) {
    // A page that could not be written (a full disk, ulimit -f) is --out's, not the report's: the merge stops on it as anywhere else.
    if (isFileSystemError(error)) throw error;
    report = unrendered(part, attendee, error, say.render);
    shown = stagePages(stagingDir, index, report);
  }
  const slimmed = slim(report);
  return { report: slimmed, shown: sameFields(shown, report) ? slimmed : slim(shown) };
}

/**
 * The report of a part's attendee; one that cannot be used is named on stderr and stands as an
 * ungradable report of that submission (code report-unreadable), whose message says where to look:
 * the row stays in the class, and counts as flowgrade's failure for the exit code, not the attendee's.
 */
function reportOf(part: PartRecord, attendee: number, checks: readonly LabCheck[], warn: (line: string) => void): GradeReport {
  const read = readReport(part.dir, part.record.attendees[attendee]!, part.record, checks);
  return read.ok ? read.report : unusable(part, attendee, read, warn);
}

/** The report standing for a part's attendee whose own cannot be used (`problem`), said on stderr. */
function unusable({ dir, record }: PartRecord, attendee: number, problem: { file: string; why: string }, warn: (line: string) => void): GradeReport {
  const expected = record.attendees[attendee]!;
  const message = `its report in ${dir} cannot be used (${problem.file}: ${problem.why}); grade its shard again`;
  // The id cut as every line a person reads shows it (an id can be 262,144 characters).
  warn(`flowgrade: ${problem.file}: ${problem.why}; ${expected.attendee === '' ? 'its attendee' : JSON.stringify(shownAttendeeId(expected.attendee))} is merged as ungradable (${REPORT_UNREADABLE}) [${REPORT_UNREADABLE}]`);
  return unusableReport(record, expected, message);
}

/**
 * `bounded` is `report` as it was (boundReport copies a report it leaves as it is): the slim copy of
 * one is the other's, and one is kept, not two (a slim report is a third of a whole one).
 */
function sameFields(bounded: GradeReport, report: GradeReport): boolean {
  return Object.keys({ ...report, ...bounded }).every((key) => bounded[key as keyof GradeReport] === report[key as keyof GradeReport]);
}

/**
 * `report` bounded, as a grading thread bounds it (task.ts: a shard's file may be anything the schema
 * allows), its JSON and HTML pages rendered, then staged as row `index`'s: nothing is written when
 * rendering throws. Returns the bounded report.
 */
function stagePages(stagingDir: string, index: number, report: GradeReport): GradeReport {
  const shown = boundReport(report);
  const json = renderJson(shown);
  const html = renderHtmlReport(shown);
  writeFileSync(stagedPath(stagingDir, index, 'json'), json);
  writeFileSync(stagedPath(stagingDir, index, 'html'), html);
  return shown;
}

/** The report standing for a part's attendee whose own is valid but cannot be rendered (`error`). */
function unrendered(part: PartRecord, attendee: number, error: unknown, warn: (line: string) => void): GradeReport {
  const why = `cannot be rendered (${error instanceof Error ? error.message : String(error)})`;
  return unusable(part, attendee, { file: path.join(part.dir, `${part.record.attendees[attendee]!.report}.json`), why }, warn);
}

function unusableReport(record: RunRecord, expected: RunRecord['attendees'][number], message: string): GradeReport {
  return {
    schemaVersion: 1,
    tool: record.tool,
    lab: record.lab,
    attendee: { id: expected.attendee, source: 'unknown' },
    input: { file: expected.file },
    verdict: 'ungradable',
    checks: [],
    scenarios: [],
    error: { code: 'report-unreadable', message }, // (REPORT_UNREADABLE, spelled out for docs/errors.md's test)
    generatedAt: new Date(Date.parse(record.now)).toISOString(),
  };
}
