/**
 * `flowgrade merge`, reading: a grade output folder's run record (flowgrade-run.json) and its
 * attendees' JSON reports. Both are CI artifacts, untrusted files: each is read within a size
 * limit, parsed, and validated against its schema (schemas/run.schema.json,
 * schemas/report.schema.json) before anything is made of it; a report that cannot be used is one
 * line naming it, its attendee's row kept as ungradable (merge.ts), nothing else lost.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import reportSchema from '../../schemas/report.schema.json' with { type: 'json' };
import type { GradeReport } from '../../engine/report.js';
import { readStartSync } from '../io.js';
import { OUTPUT_MARKER } from '../grade/walk.js';
import { RUN_RECORD_FILE, runRecordProblem, type RunRecord } from '../grade/run-record.js';

/** More than any record or report flowgrade writes (a report is bounded: reports/bounds.ts); a larger file is not read. */
const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** A folder given to merge, read: its record, or why it is not a grade output this version can merge (a usage error line). */
export function readPart(dir: string): { ok: true; record: RunRecord } | { ok: false; problem: string } {
  const refuse = (why: string) => ({ ok: false as const, problem: `flowgrade: ${dir}: ${why} [bad-shard]` });
  const info = statSync(dir, { throwIfNoEntry: false });
  if (info === undefined) return refuse('no such folder');
  if (!info.isDirectory()) return refuse('not a folder: give the --out folder a flowgrade grade wrote');
  const file = path.join(dir, RUN_RECORD_FILE);
  const read = readStartSync(file, MAX_FILE_BYTES);
  if (read === undefined) {
    // An earlier version's output: its marker, or its class files, but no record.
    const earlier = [OUTPUT_MARKER, 'index.html', 'grades.csv'].some((name) => statSync(path.join(dir, name), { throwIfNoEntry: false }) !== undefined);
    return refuse(earlier ? `holds no ${RUN_RECORD_FILE}: graded by a flowgrade before merge could read its outputs; grade it again with this version` : `not a flowgrade grade output (no ${RUN_RECORD_FILE}): give the --out folder of a flowgrade grade`);
  }
  if (read.size > MAX_FILE_BYTES) return refuse(`${RUN_RECORD_FILE} is larger than ${MAX_FILE_BYTES} bytes, more than any flowgrade writes`);
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
  const names = new Set<string>();
  for (const { report } of record.attendees) {
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

let validateReport: ReturnType<Ajv['compile']> | undefined;

/**
 * The JSON report `<report>.json` in `dir` of the attendee `expected` names, or why it cannot be
 * used (a line naming the file): missing, too large, not JSON, not a report, or the report of
 * another attendee or submission than the record says (a file replaced or edited).
 */
export function readReport(dir: string, expected: RunRecord['attendees'][number]): { ok: true; report: GradeReport } | { ok: false; file: string; why: string } {
  const file = path.join(dir, `${expected.report}.json`);
  try {
    return checkedReport(file, expected);
  } catch (error) {
    // A value nested past what the stack holds (a hostile file's), anything else thrown reading it: that file's line.
    return { ok: false, file, why: `cannot be read as a report (${error instanceof Error ? error.message : String(error)})` };
  }
}

function checkedReport(file: string, expected: RunRecord['attendees'][number]): { ok: true; report: GradeReport } | { ok: false; file: string; why: string } {
  const fail = (why: string) => ({ ok: false as const, file, why });
  const read = readStartSync(file, MAX_FILE_BYTES);
  if (read === undefined) return fail('missing or unreadable');
  if (read.size > MAX_FILE_BYTES) return fail(`larger than ${MAX_FILE_BYTES} bytes, more than any report flowgrade writes`);
  const value = parse(read.text);
  if (!value.ok) return fail(value.why);
  validateReport ??= new Ajv({ allErrors: false, strict: false, validateFormats: false }).compile(reportSchema);
  if (!validateReport(value.value)) {
    const first = validateReport.errors?.[0];
    return fail(`not a flowgrade report: ${first?.instancePath || '(top level)'} ${first?.message ?? 'does not match the schema'}`);
  }
  const report = value.value as GradeReport;
  if (report.attendee.id !== expected.attendee || report.input.file !== expected.file) return fail(`the report of another submission (${JSON.stringify(report.attendee.id)}, ${JSON.stringify(report.input.file)}) than ${RUN_RECORD_FILE} names`);
  return { ok: true, report };
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
