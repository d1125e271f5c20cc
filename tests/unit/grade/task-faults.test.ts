/**
 * A bug of ours inside one submission's task (the grading throws, or its report cannot be made)
 * makes that submission one `ungradable` row with its own code, its reports written, and the
 * task does not throw: in-process (`--jobs 1`) a throw would end the batch.
 */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { resolveGradingOptions } from '../../../cli/grading-options.js';
import { gradeTask, stagedPath, taskEnv, type GradeTask, type TaskParts } from '../../../cli/grade/task.js';
import { renderHtmlReport, renderJson } from '../../../reports/index.js';
import { tempDir } from '../../helpers.js';

const SOLUTION = path.resolve('fixtures/flows/solution.json');

async function setUp() {
  const options = await resolveGradingOptions({ lab: 'callback-on-global-error', now: '2025-08-01T09:00:00Z' });
  const stagingDir = tempDir('task-faults');
  const env = taskEnv(options, stagingDir);
  const task: GradeTask = { kind: 'path', file: SOLUTION, mtimeMs: 0, folder: path.dirname(SOLUTION), index: 7 };
  const staged = (extension: 'json' | 'html') => readFileSync(stagedPath(stagingDir, 7, extension), 'utf8');
  return { env, task, staged };
}

const render: TaskParts['render'] = (report) => ({ json: renderJson(report), html: renderHtmlReport(report) });

test('the control: the same task with its own parts grades the solution as passed', async () => {
  const { env, task, staged } = await setUp();
  const row = await gradeTask(task, env);
  expect(row.report.verdict).toBe('passed');
  expect(JSON.parse(staged('json')).verdict).toBe('passed');
});

test('a grading that throws: an internal-error row naming the failure, both reports staged', async () => {
  const { env, task, staged } = await setUp();
  const row = await gradeTask(task, env, { grade: () => Promise.reject(new Error('stand-in failure')) });
  expect(row.report.verdict).toBe('ungradable');
  expect(row.report.error).toEqual({ code: 'internal-error', message: 'grading failed: stand-in failure' });
  expect(row.classRow).toBeDefined();
  expect(JSON.parse(staged('json')).error.code).toBe('internal-error');
  expect(staged('html')).toContain('grading failed: stand-in failure');
});

test('a report that cannot be made: a report-failed row, the refused report staged in its place', async () => {
  const { env, task, staged } = await setUp();
  let calls = 0;
  const failingOnce: TaskParts['render'] = (report) => {
    if (calls++ === 0) throw new RangeError('Invalid string length');
    return render(report);
  };
  const row = await gradeTask(task, env, { render: failingOnce });
  expect(row.report.verdict).toBe('ungradable');
  expect(row.report.error).toEqual({ code: 'report-failed', message: 'its report could not be made: Invalid string length' });
  // The refused report, not the graded one: no checks, no sha256 (docs/reports.md, `input`).
  const written = JSON.parse(staged('json'));
  expect(written.error.code).toBe('report-failed');
  expect(written.checks).toEqual([]);
  expect(written.input.sha256).toBeUndefined();
  expect(staged('html')).toContain('its report could not be made');
});
