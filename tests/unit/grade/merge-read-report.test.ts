/** merge's reading of one shard's report (cli/merge/read-part.ts readReport): what is said of a file that is no report. */
import { test, expect } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { readReport } from '../../../cli/merge/read-part.js';
import type { CheckResult, GradeReport } from '../../../engine/report.js';
import { gradeFixture, mission } from '../checks/support.js';
import { tempDir } from './class-fixture.js';

const expected = { attendee: '140', file: 'Main_Flow_140.json', report: '140' } as Parameters<typeof readReport>[1];
const record = { tool: { name: 'flowgrade', version: 'test' }, lab: { id: 'callback-on-global-error', title: 'Callback on Global Error' } } as Parameters<typeof readReport>[2];

test('a report replaced by an object without a report\'s fields names the first one it lacks, and by no object says what it is, not what the schema\'s check of the verdict tried first', () => {
  const dir = tempDir('merge-read-report');
  const cases: [string, string][] = [
    ['{}', 'not a flowgrade report: it has no "schemaVersion"'],
    ['{"schemaVersion": 1, "tool": {}}', 'not a flowgrade report: it has no "lab"'],
    ['[]', 'not a flowgrade report: it is a list, not a JSON object'],
    ['"140"', 'not a flowgrade report: it is a string, not a JSON object'],
    ['null', 'not a flowgrade report: it is null, not a JSON object'],
  ];
  for (const [text, why] of cases) {
    writeFileSync(path.join(dir, '140.json'), text);
    expect(readReport(dir, expected, record, []), text).toEqual({ ok: false, file: path.join(dir, '140.json'), why });
  }
});

test('a graded report is held to its lab\'s own checks: each of them, in the lab\'s order, each at the lab\'s step, severity, points and title', async () => {
  // Before: a report whose failed and skipped checks were deleted (verdict passed, score 95 of 95)
  // turned a failed attendee passed; a check worth 5 points gave 114 of a lab's 110; a check at
  // step 42 added a "Step 42" column to the dashboard; a check dropped went unnoticed.
  const dir = tempDir('merge-read-report-checks');
  const checks = mission.checks;
  const record = { tool: { name: 'flowgrade' as const, version: 'test' }, lab: { id: mission.id, title: mission.title }, checkIds: checks.map((check) => check.id) };
  const failed = await gradeFixture('flows/before-mission.json');
  const passed = await gradeFixture('flows/solution.json');
  const entry = (report: GradeReport) => ({ attendee: report.attendee.id, file: report.input.file, report: '140' }) as Parameters<typeof readReport>[1];
  /** `report` with `edit` made to a copy of its checks, its verdict and score made what those give (as one editing it by hand would). */
  const edited = (report: GradeReport, edit: (checks: CheckResult[]) => CheckResult[]): GradeReport => {
    const kept = edit(report.checks.map((check) => ({ ...check })));
    const scored = kept.filter((check) => check.severity !== 'info');
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    const verdict = kept.every((check) => check.severity !== 'required' || check.status === 'passed') ? 'passed' : 'failed';
    return { ...report, checks: kept, verdict, score: { earned: sum(scored.map((check) => check.earned)), possible: sum(scored.map((check) => check.points)) } };
  };
  const read = (report: GradeReport) => {
    writeFileSync(path.join(dir, '140.json'), JSON.stringify(report));
    const result = readReport(dir, entry(report), record, checks);
    return result.ok ? 'ok' : result.why;
  };
  expect(read(failed)).toBe('ok');
  expect(read(passed)).toBe('ok');
  // The failed attendee's failed and skipped checks deleted: passed, 3 of 3.
  expect(read(edited(failed, (kept) => kept.filter((check) => check.status === 'passed' || check.status === 'info')))).toBe(`it lacks lab ${mission.id}'s check variable-outdialcbid`);
  // One check dropped from a passed report, the score summed without it.
  expect(read(edited(passed, (kept) => kept.filter((check) => check.id !== 'get-cbid-label')))).toBe(`it lacks lab ${mission.id}'s check get-cbid-label`);
  // Two checks swapped.
  expect(read(edited(passed, (kept) => [kept[1]!, kept[0]!, ...kept.slice(2)]))).toBe(`its checks are not in lab ${mission.id}'s order (variable-outdialcbid where it has flow-name)`);
  // A check's points, severity, step or title edited.
  expect(read(edited(passed, (kept) => kept.map((check) => (check.id === 'flow-name' ? { ...check, points: 5, earned: 5 } : check))))).toBe(`its check flow-name is worth 5 points, not 1 point as lab ${mission.id} has it`);
  // (One point is said so: "worth 1 points" was written.)
  expect(read(edited(failed, (kept) => kept.map((check) => (check.id === 'variable-outdialcbid' ? { ...check, points: 1, earned: check.status === 'passed' ? 1 : 0 } : check))))).toMatch(/^its check variable-outdialcbid is worth 1 point, not \d+ points as lab /);
  expect(read(edited(passed, (kept) => kept.map((check) => (check.id === 'flow-name' ? { ...check, step: 42 } : check))))).toBe(`its check flow-name is step 42, not step 1 as lab ${mission.id} has it`);
  expect(read(edited(failed, (kept) => kept.map((check) => (check.id === 'variable-outdialcbid' ? { ...check, severity: 'recommended' } : check))))).toBe(`its check variable-outdialcbid is recommended, not required as lab ${mission.id} has it`);
  expect(read(edited(passed, (kept) => kept.map((check) => (check.id === 'flow-name' ? { ...check, title: 'x'.repeat(1000) } : check))))).toBe(`its check flow-name is titled "${'x'.repeat(200)}… (1000 characters)", not ${JSON.stringify(checks[0]!.title)} as lab ${mission.id} has it`);
  // An info check is worth nothing in a report (engine/grade.ts): points given it are an edit too.
  const info = checks.findIndex((check) => check.severity === 'info');
  expect(read(edited(passed, (kept) => kept.map((check, index) => (index === info ? { ...check, points: 5 } : check))))).toBe(`its check ${checks[info]!.id} is worth 5 points, not 0 points as lab ${mission.id} has it`);
});
