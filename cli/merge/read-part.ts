/**
 * `flowgrade merge`, reading: a grade output folder's run record (flowgrade-run.json) and its
 * attendees' JSON reports. Both are CI artifacts, untrusted files: each is read within a size
 * limit, parsed, and validated against its schema (schemas/run.schema.json,
 * schemas/report.schema.json) before anything is made of it; a report that cannot be used is one
 * line naming it, its attendee's row kept as ungradable (merge.ts), nothing else lost.
 */
import { constants, lstatSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { firstSchemaError } from '../../engine/ajv.js';
import reportSchema from '../../schemas/report.schema.json' with { type: 'json' };
import { wideEncoding, withoutBom } from '../../engine/json-text.js';
import type { Check } from '../../engine/check.js';
import type { GradeReport } from '../../engine/report.js';
import { earnedBy, scoreOf, verdictOf, worthOf } from '../../engine/score.js';
import { REPORT_BOUNDS } from '../../reports/bounds.js';
import { clipText } from '../../reports/code-points.js';
import { plural } from '../../reports/summary.js';
import { IS_A_DIRECTORY, NOT_A_REGULAR_FILE, notAFileReason, openedNoFile, reasonOf, withOpenedSync } from '../io.js';
import { canvasColumnOf } from '../grade/canvas-grades.js';
import { isReserved } from '../grade/file-names.js';
import { OUTPUT_MARKER } from '../grade/walk.js';
import { RUN_RECORD_FILE, runRecordProblem, type RunRecord } from '../grade/run-record.js';
import { setAsideCount } from '../../reports/dashboard.js';

/** More than any record or report flowgrade writes (a report is bounded: reports/bounds.ts); a larger file is not read. */
const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** A folder given to merge, read: its record, or why it is not a grade output this version can merge (a usage error line). */
export function readPart(dir: string): { ok: true; record: RunRecord } | { ok: false; problem: string } {
  const refuse = (why: string) => ({ ok: false as const, problem: `flowgrade: ${dir}: ${why} [bad-shard]` });
  const info = statSync(dir, { throwIfNoEntry: false });
  // In CI a folder not there is mostly a shard whose job failed: it uploaded no artifact (docs/grade.md, In a CI pipeline).
  if (info === undefined) return refuse('no such folder (a shard whose job failed uploads none): grade that shard again, or leave its folder out and merge the others with --partial');
  if (!info.isDirectory()) return refuse('not a folder: give the --out folder a flowgrade grade wrote');
  const file = path.join(dir, RUN_RECORD_FILE);
  const read = readFolderFile(file);
  if (!read.ok && read.missing) {
    // An earlier version's output: its marker, or its class files, but no record.
    const earlier = [OUTPUT_MARKER, 'index.html', 'grades.csv'].some((name) => statSync(path.join(dir, name), { throwIfNoEntry: false }) !== undefined);
    return refuse(earlier ? `holds no ${RUN_RECORD_FILE}: graded by a flowgrade before merge could read its outputs; grade it again with this version` : `not a flowgrade grade output (no ${RUN_RECORD_FILE}): give the --out folder of a flowgrade grade`);
  }
  if (!read.ok) return refuse(`${RUN_RECORD_FILE} ${read.why}`);
  const value = parse(read.text);
  const problem = value.ok ? runRecordProblem(value.value) : value.why;
  if (problem !== undefined) return refuse(`${RUN_RECORD_FILE} is not a run record flowgrade wrote: ${problem}; grade the shard again`);
  const record = (value as { value: RunRecord }).value;
  // (What the schema cannot say.)
  const shards = record.part.shards;
  if (shards.some((shard, at) => shard > record.part.of || (at > 0 && shard <= shards[at - 1]!))) return refuse(`${RUN_RECORD_FILE} is not a run record flowgrade wrote: /part/shards must be increasing, each at most /part/of; grade the shard again`);
  // The options are compared as JSON text (plan.ts): a value nested past what the stack holds would stop the merge.
  if (!nestedWithin(record.settings, MAX_SETTINGS_DEPTH)) return refuse(`${RUN_RECORD_FILE} is not a run record flowgrade wrote: /settings nested too deep; grade the shard again`);
  if (!Number.isFinite(Date.parse(record.now))) return refuse(`${RUN_RECORD_FILE} is not a run record flowgrade wrote: /now is not a time; grade the shard again`);
  // canvas-grades.csv's header as grade writes it (--canvas-assignment's value, checked, as written): never one Canvas would drop.
  const column = canvasColumnOf(record.settings.canvasAssignment);
  if (column !== record.settings.canvasAssignment) return refuse(`${RUN_RECORD_FILE} is not a run record flowgrade wrote: /settings/canvasAssignment ${typeof column === 'string' ? `is not written as grade writes it (${JSON.stringify(clipText(column, QUOTED))})` : column.why}; grade the shard again`);
  // Each row kept and each duplicate set aside is one of the submissions its class found: a record
  // naming more (a hundred thousand reports, each written again as ungradable: minutes, gigabytes)
  // is not one grade wrote.
  const submissions = record.attendees.length + setAsideCount(record.duplicates);
  if (submissions > record.class.submissions) return refuse(`${RUN_RECORD_FILE} is not a run record flowgrade wrote: it keeps or sets aside ${submissions} submissions, more than the ${record.class.submissions} its class has; grade the shard again`);
  const names = new Set<string>();
  for (const { report } of record.attendees) {
    // (Read as `<report>.json`: `flowgrade-run` would be the record itself, `nul` on Windows the null device.)
    if (isReserved(report)) return refuse(`${RUN_RECORD_FILE} is not a run record flowgrade wrote: an attendee's report is named ${report}, a name grade never gives one; grade the shard again`);
    if (names.has(report.toLowerCase())) return refuse(`${RUN_RECORD_FILE} is not a run record flowgrade wrote: two attendees' reports are named ${report}; grade the shard again`);
    names.add(report.toLowerCase());
  }
  return { ok: true, record };
}

/** Deeper than any option flowgrade records (a --connector map is 2 levels below settings). */
const MAX_SETTINGS_DEPTH = 8;

/** `value` holds no array or object more than `depth` levels down (walked without recursion). */
function nestedWithin(value: unknown, depth: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, level] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (level >= depth) return false;
    for (const inner of Object.values(item)) stack.push([inner, level + 1]);
  }
  return true;
}

/**
 * Its own ajv, not engine/ajv.ts's validatorFor: a report is validated without formats (its
 * generatedAt is checked by hand, checkedReport), an option the shared instance does not take, and
 * scripts/build.mjs precompiles it so, for the CLI's bundle only.
 */
let validateReport: ReturnType<Ajv['compile']> | undefined;

/** The most characters of a value from a report quoted in why it cannot be used (a name's, reports/bounds.ts). */
const QUOTED = REPORT_BOUNDS.name;

/**
 * The JSON report `<report>.json` in `dir` of the attendee `expected` names, or why it cannot be
 * used (a line naming the file): missing, too large, not JSON, not a report, the report of
 * another attendee or submission than the record says (a file replaced or edited), a verdict or
 * score other than its checks give, made by
 * another version, dated with no time grade writes, or not of the mission `record` names: another
 * lab's (or titled otherwise), with checks it does not have (each check is a column
 * of every row of the class files: 20,000 made up in one report made the dashboard of a class of
 * 12 22 MB), or, graded, other checks than `checks`, the lab's as this version grades it (plan.ts
 * holds the record to it): one missing, out of the lab's order, or at another step, severity,
 * worth or title than the lab's.
 */
export function readReport(dir: string, expected: RunRecord['attendees'][number], record: Pick<RunRecord, 'tool' | 'lab'>, checks: readonly LabCheck[]): { ok: true; report: GradeReport } | { ok: false; file: string; why: string } {
  const file = path.join(dir, `${expected.report}.json`);
  try {
    return checkedReport(file, expected, record, checks);
  } catch (error) {
    // A value nested past what the stack holds (a hostile file's), anything else thrown reading it: that file's line.
    return { ok: false, file, why: `cannot be read as a report (${error instanceof Error ? error.message : String(error)})` };
  }
}

/**
 * What a value is that is not even shaped as a report: no object, or one without a field every
 * report has. (The schema's if/then on the verdict is checked first, which said "(top level) must
 * have required property 'error'" of `{}`, and "must NOT be valid" of `[]`.)
 */
function reportShapeProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `it is ${Array.isArray(value) ? 'a list' : value === null ? 'null' : `a ${typeof value}`}, not a JSON object`;
  }
  const missing = reportSchema.required.find((field) => !Object.hasOwn(value, field));
  return missing === undefined ? undefined : `it has no "${missing}"`;
}

function checkedReport(file: string, expected: RunRecord['attendees'][number], record: Pick<RunRecord, 'tool' | 'lab'>, checks: readonly LabCheck[]): { ok: true; report: GradeReport } | { ok: false; file: string; why: string } {
  const fail = (why: string) => ({ ok: false as const, file, why });
  const read = readFolderFile(file);
  if (!read.ok) return fail(read.why);
  const value = parse(read.text);
  if (!value.ok) return fail(value.why);
  const shape = reportShapeProblem(value.value);
  if (shape !== undefined) return fail(`not a flowgrade report: ${shape}`);
  validateReport ??= new Ajv({ allErrors: false, strict: false, validateFormats: false }).compile(reportSchema);
  if (!validateReport(value.value)) return fail(`not a flowgrade report: ${firstSchemaError(validateReport.errors)}`);
  const report = value.value as GradeReport;
  // (Each quoted within QUOTED characters: the line is also the message of that row's report, in every class file; a megabyte id made each a megabyte larger.)
  const quoted = (text: string) => JSON.stringify(clipText(text, QUOTED));
  if (report.attendee.id !== expected.attendee || report.input.file !== expected.file) return fail(`the report of another submission (${quoted(report.attendee.id)}, ${quoted(report.input.file)}) than ${RUN_RECORD_FILE} names`);
  if (report.lab.id !== record.lab.id) return fail(`the report of lab ${clipText(report.lab.id, QUOTED)}, not of ${record.lab.id} as ${RUN_RECORD_FILE} says`);
  if (report.lab.title !== record.lab.title) return fail(`the report of lab ${record.lab.id} titled ${quoted(report.lab.title)}, not ${quoted(record.lab.title)} as ${RUN_RECORD_FILE} says`);
  if (report.tool.name !== record.tool.name || report.tool.version !== record.tool.version) return fail(`made by ${clipText(report.tool.name, QUOTED)} ${clipText(report.tool.version, QUOTED)}, not ${record.tool.version} as ${RUN_RECORD_FILE} says`);
  // The schema's date-time is not checked by its validator (no formats): junit.xml's timestamp and the dashboard's "graded" are this text.
  const time = Date.parse(report.generatedAt);
  if (!Number.isFinite(time) || new Date(time).toISOString() !== report.generatedAt) return fail(`its time /generatedAt ${quoted(report.generatedAt)} is not one grade writes`);
  const mission = new Map(checks.map((check) => [check.id, check] as const));
  const seen = new Set<string>();
  for (const check of report.checks) {
    const { id, status, severity, points, earned } = check;
    const own = mission.get(id);
    if (own === undefined) return fail(`its check ${clipText(id, QUOTED)} is none of lab ${record.lab.id}'s`);
    if (seen.has(id)) return fail(`its check ${clipText(id, QUOTED)} is in it twice`);
    seen.add(id);
    // Each as grade writes it (engine/grade.ts result): a step edited added a "Step 42" column to the
    // dashboard, a worth edited (and earned) gave 114 points of a lab's 110.
    const other = otherThanLab(check, own);
    if (other !== undefined) return fail(`its check ${id} is ${other.report}, not ${other.lab} as lab ${record.lab.id} has it`);
    const gives = earnedBy({ severity, points }, status);
    if (earned !== gives) return fail(`its check ${id} earns ${earned} points, not the ${gives} grade gives it`);
  }
  if (report.verdict !== 'ungradable') {
    // Every check of the lab, in its order (grade judges each: engine/grade.ts runChecks): a failed
    // one deleted, the verdict and score then summed from those left, passed a failed attendee.
    const missing = checks.find((check) => !seen.has(check.id));
    if (missing !== undefined) return fail(`it lacks lab ${record.lab.id}'s check ${missing.id}`);
    const moved = report.checks.findIndex((check, at) => check.id !== checks[at]!.id);
    if (moved >= 0) return fail(`its checks are not in lab ${record.lab.id}'s order (${report.checks[moved]!.id} where it has ${checks[moved]!.id})`);
    // What grade makes of the checks (engine/grade.ts): a verdict or score edited apart from them (a failed attendee passed, a billion percent in the gradebooks) is no report it wrote.
    const verdict = verdictOf(report.checks);
    if (report.verdict !== verdict) return fail(`its verdict ${report.verdict} is not what its checks give (${verdict})`);
    const { earned, possible } = scoreOf(report.checks);
    const given = report.score;
    if (given === undefined || !near(given.earned, earned) || !near(given.possible, possible)) return fail(`its score ${given === undefined ? 'is missing, and' : `${given.earned} of ${given.possible}`} is not what its checks give (${earned} of ${possible})`);
  }
  return { ok: true, report };
}

/** A check of a lab as this version grades it: what each report's check is held to. */
export type LabCheck = Pick<Check, 'id' | 'title' | 'step' | 'severity' | 'points'>;

/**
 * How a report's check differs from the lab's `own` (its step, severity, worth or title), each side
 * as said (`step 42`, `worth 5 points`), or undefined. An info check is worth nothing in a report.
 */
function otherThanLab(check: GradeReport['checks'][number], own: LabCheck): { report: string; lab: string } | undefined {
  const worth = worthOf(own);
  if (check.step !== own.step) return { report: `step ${check.step}`, lab: `step ${own.step}` };
  if (check.severity !== own.severity) return { report: check.severity, lab: own.severity };
  if (check.points !== worth) return { report: `worth ${plural(check.points, 'point')}`, lab: plural(worth, 'point') };
  const quoted = (text: string) => JSON.stringify(clipText(text, QUOTED));
  if (check.title !== own.title) return { report: `titled ${quoted(check.title)}`, lab: quoted(own.title) };
  return undefined;
}

/** What is said of a symlink in a shard's folder, in a record's or a report's place. */
const SYMLINK = "is a symbolic link: merge reads only the files of a shard's folder itself, never where a link leads";

/**
 * A file of a shard's folder, as text, or why it is not read (`is …`, `cannot be read (…)`; `missing`
 * when there is none). Only a regular file of the folder itself is read: a symlink may lead anywhere
 * (/etc/passwd, another shard's report, a device), and is not followed, even to a valid report; a
 * named pipe is never waited on, a folder or device never read (opened as inputs are: io.ts
 * withOpenedSync, and refused in their words: notAFileReason). A file over the size limit is
 * refused by its size, before a byte is read (a sparse file of 2 GB had its first 256 MB read
 * first), in words of its own: its limit is more than any file flowgrade writes, not the
 * --max-size an input is held to.
 */
function readFolderFile(file: string): { ok: true; text: string } | { ok: false; why: string; missing?: true } {
  try {
    if (lstatSync(file).isSymbolicLink()) return { ok: false, why: SYMLINK };
    // (O_NOFOLLOW: a symlink put in the file's place after lstat is not followed either; open(2) then fails, ELOOP.)
    return withOpenedSync(file, (fd, info) => {
      const notAFile = notAFileReason(info);
      if (notAFile !== undefined) return { ok: false, why: notAFile };
      if (info.size > MAX_FILE_BYTES) return { ok: false, why: `is larger than ${MAX_FILE_BYTES} bytes, more than any flowgrade writes` };
      const buffer = Buffer.alloc(info.size);
      let filled = 0;
      while (filled < buffer.length) {
        const bytes = readSync(fd, buffer, filled, buffer.length - filled, filled);
        if (bytes === 0) break; // (cut short since fstat: what is left is read as it is)
        filled += bytes;
      }
      // Saved again by an editor (Notepad): a BOM is left out, as an export's is; UTF-16 or UTF-32 is named.
      const wide = wideEncoding(buffer.subarray(0, filled));
      if (wide !== undefined) return { ok: false, why: `is ${wide}, not UTF-8 as flowgrade writes it (saved again by an editor?): save it as UTF-8, or grade again` };
      return { ok: true, text: withoutBom(buffer.toString('utf8', 0, filled)) };
    }, constants.O_NOFOLLOW ?? 0);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, why: 'is missing', missing: true };
    if (code === 'ELOOP') return { ok: false, why: SYMLINK };
    if (code === 'EISDIR') return { ok: false, why: IS_A_DIRECTORY }; // (Windows: open(2) on a folder)
    return { ok: false, why: openedNoFile(error) ? NOT_A_REGULAR_FILE : `cannot be read (${reasonOf(error)})` };
  }
}

/** Equal but for the last bits of a sum taken in another order (points need not be whole numbers). */
function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

function parse(text: string): { ok: true; value: unknown } | { ok: false; why: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    // (V8 quotes the text around the error: a file that is no report, or a symlink to one that is no report, is not shown.)
    const message = (error instanceof Error ? error.message : String(error)).replace(/, ".*$/s, '');
    return { ok: false, why: `not valid JSON (${message})` };
  }
}
