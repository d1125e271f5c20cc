/**
 * Every scored check passes on the solution and fails on each input carrying its mistake
 * (pairs.ts); tolerated variations of the solution (mutations.ts) pass every check.
 */
import { test, expect } from '@playwright/test';
import { MISTAKES, TOLERATED } from './mutations.js';
import { FAILS_ON } from './pairs.js';
import { gradeFixture, gradeMutation, mission, resultOf } from './support.js';

const scored = mission.checks.filter((c) => c.severity !== 'info');

for (const check of scored) {
  test(`${check.id}: passes on the solution`, async () => {
    const result = resultOf(await gradeFixture('flows/solution.json'), check.id);
    expect(result.status, result.message).toBe('passed');
    expect(result.earned).toBe(check.points);
  });

  for (const input of FAILS_ON[check.id] ?? []) {
    test(`${check.id}: fails on ${input}`, async () => {
      const report = input.startsWith('flows/') ? await gradeFixture(input) : await gradeMutation(MISTAKES[input as keyof typeof MISTAKES]);
      const result = resultOf(report, check.id);
      expect(result.status, result.message).toBe('failed');
      expect(result.earned).toBe(0);
      expect(result.message.length).toBeGreaterThan(10);
      expect(result.expected !== undefined || result.traceExcerpt !== undefined, `${check.id} states what was expected`).toBe(true);
    });
  }
}

for (const check of mission.checks.filter((c) => c.severity === 'info')) {
  test(`${check.id}: is information only (never passed, no points)`, async () => {
    const result = resultOf(await gradeFixture('flows/solution.json'), check.id);
    expect(result.status).toBe('info');
    expect(result.points).toBe(0);
    expect(result.earned).toBe(0);
  });
}

for (const [name, mutation] of Object.entries(TOLERATED)) {
  test(`tolerated: ${name} passes every required and recommended check`, async () => {
    const report = await gradeMutation(mutation);
    const notPassed = report.checks.filter((c) => c.severity !== 'info' && c.status !== 'passed').map((c) => `${c.id}: ${c.message}`);
    expect(notPassed).toEqual([]);
    expect(report.verdict).toBe('passed');
  });
}

test('failures point at the activity: label and JSON pointer of the export', async () => {
  const result = resultOf(await gradeFixture('flows/defect-getcbid-method-post.json'), 'get-cbid-method');
  expect(result.activity).toBe('GET_CBID');
  expect(result.pointer).toMatch(/^\/process\/activities\/[0-9a-f-]+$/);
  expect([result.expected, result.actual]).toEqual(['GET', 'POST']);
});

test('a behavioural failure carries the trace entries that show it, on the Build step that caused it', async () => {
  const report = await gradeFixture('flows/defect-simulate-valid-expression.json');
  const result = resultOf(report, 'run-global-error-raised');
  expect(result.step).toBe(6);
  expect(result.traceExcerpt?.[0]).toMatchObject({ activity: 'SimulateGlobalError', outcome: 'out' });
  // Later stages of the same call are not judged on a run that never got there.
  expect(resultOf(report, 'run-task-created').status).toBe('skipped');
  expect(resultOf(report, 'run-status-true-on-201').status).toBe('skipped');
});

test('flow-name: with --attendee the name must carry that id', async () => {
  const same = await gradeMutation(() => {}, '140');
  expect(resultOf(same, 'flow-name').status).toBe('passed');
  const other = await gradeMutation(() => {}, '141');
  const result = resultOf(other, 'flow-name');
  expect(result.status).toBe('failed');
  expect(result.expected).toBe('Main_Flow_141');
});

test('the January 2025 labels pass only when every reference agrees', async () => {
  const consistent = await gradeFixture('flows/noise-older-guide-labels.json');
  expect(resultOf(consistent, 'variable-customani').message).toContain('customANI');
  const partial = await gradeMutation(MISTAKES['customani-old-spelling-declared-only']);
  expect(resultOf(partial, 'variable-customani').message).toContain('declared as customANI');
  const mismatch = await gradeFixture('flows/defect-condition-label-mismatch.json');
  expect(resultOf(mismatch, 'status-condition-expression').message).toContain('it reads CallBackAPI_Request');
});
