/**
 * `flowgrade-run.json`, the record a run leaves in `--out` beside its class files
 * (schemas/run.schema.json): which part of which class the folder holds, what it was graded with,
 * each kept row's report and the duplicates set aside. `flowgrade merge` joins shards from it and
 * from the attendees' JSON reports, never from the HTML, CSV or XML made of them. It is a visible
 * file, not hidden as `.flowgrade-output` is: CI artifact uploads (GitHub's upload-artifact from
 * v4.4) leave hidden files out by default.
 */
import { createHash } from 'node:crypto';
import { firstSchemaError, validatorFor } from '../../engine/ajv.js';
import runSchema from '../../schemas/run.schema.json' with { type: 'json' };
import type { RecommendedAs } from '../../reports/junit.js';
import type { Duplicate } from './duplicates.js';
import { compareCodePoints } from './walk.js';

/** Its name in --out; an attendee's report is never named so (file-names.ts reserves `flowgrade-run`). (In walk.ts: a folder holding it is never walked for submissions.) */
export { RUN_RECORD_FILE } from './walk.js';

export interface RunRecord {
  kind: 'flowgrade-grade-run';
  schemaVersion: 1;
  tool: { name: 'flowgrade'; version: string };
  /** The shards held, increasing; the whole class is shards [1] of 1. */
  part: { shards: number[]; of: number };
  /** `split`, only in a shard's record: how the class was cut into groups (splitFingerprint). */
  class: { submissions: number; fingerprint: string; split?: string };
  lab: { id: string; title: string };
  settings: { grading: Record<string, unknown>; junitRecommended: RecommendedAs; moodleMaxGrade: number; canvasAssignment: string; zipLimits: Record<string, unknown> };
  now: string;
  checkIds: string[];
  attendees: { report: string; attendee: string; file: string }[];
  duplicates: Duplicate[];
}

export function renderRunRecord(record: RunRecord): string {
  return JSON.stringify(record, null, 2) + '\n';
}

/**
 * The class a run found, as a fingerprint every shard of it shares: a SHA-256 of the submissions'
 * display paths (an archive entry's place in it, for two entries of one name), sorted, so that the
 * order the inputs or the folders were listed in does not count.
 */
export function classFingerprint(submissions: readonly { file: string; entry?: number }[]): string {
  const hash = createHash('sha256');
  for (const line of submissions.map((s) => (s.entry === undefined ? s.file : `${s.file}\u0000${s.entry}`)).sort(compareCodePoints)) hash.update(`${line}\n`);
  return hash.digest('hex');
}

/**
 * How a sharded run cut the class (shard.ts): a SHA-256 of each submission's display path (and
 * archive entry) with its group's key, sorted. The key comes from the attendee id inside the
 * export, so shards graded while a submission changed (a resubmission renamed its flow) may cut
 * the class otherwise, each grading some submissions twice and others never: their splits differ.
 */
export function splitFingerprint(submissions: readonly { file: string; entry?: number }[], keys: readonly string[]): string {
  const hash = createHash('sha256');
  const lines = submissions.map((s, at) => `${s.file}\u0000${s.entry ?? ''}\u0000${keys[at]!}`);
  for (const line of lines.sort(compareCodePoints)) hash.update(`${line}\n`);
  return hash.digest('hex');
}

/** Why `value` is not a run record (the first problem, with where it is), or undefined when it is one. */
export function runRecordProblem(value: unknown): string | undefined {
  const validate = validatorFor(runSchema);
  return validate(value) ? undefined : firstSchemaError(validate.errors);
}

/** The record of a run that kept `rows`, named `names` in --out (the same order). */
export function runRecord(run: Omit<RunRecord, 'kind' | 'schemaVersion' | 'attendees'> & { rows: readonly { file: string; report: { attendee: { id: string } } }[]; names: readonly string[] }): RunRecord {
  const { rows, names, ...rest } = run;
  return {
    kind: 'flowgrade-grade-run',
    schemaVersion: 1,
    tool: rest.tool,
    part: rest.part,
    class: rest.class,
    lab: rest.lab,
    settings: rest.settings,
    now: rest.now,
    checkIds: rest.checkIds,
    attendees: rows.map((row, at) => ({ report: names[at]!, attendee: row.report.attendee.id, file: row.file })),
    duplicates: rest.duplicates.map((d) => ({ attendee: d.attendee, kept: d.kept, dropped: d.dropped, ...(d.keptFile === undefined ? {} : { keptFile: d.keptFile }) })),
  };
}
