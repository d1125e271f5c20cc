/**
 * `grade`'s exit code (docs/errors.md) for every mix of verdicts a class can have, with each
 * --fail-on: grade-cli.test.ts runs the CLI on a few classes, none with failed and ungradable
 * submissions together.
 */
import { test, expect } from '@playwright/test';
import { exitCode, graderFailureLine } from '../../../cli/commands/grade.js';
import type { GradedRow } from '../../../cli/grade/types.js';
import type { Verdict } from '../../../engine/report.js';

const rows = (...verdicts: Verdict[]) => verdicts.map((verdict) => ({ report: { verdict } }) as unknown as GradedRow);

test('--fail-on failed (the default) is 1 for a failed submission, ungradable ones or not; --fail-on ungradable makes an ungradable one 2, whatever else failed', () => {
  const classes = { passed: rows('passed', 'passed'), failed: rows('passed', 'failed'), ungradable: rows('passed', 'ungradable'), both: rows('failed', 'passed', 'ungradable'), none: rows() };
  const codes = Object.fromEntries(
    (['failed', 'ungradable', 'none'] as const).map((failOn) => [failOn, Object.fromEntries(Object.entries(classes).map(([name, graded]) => [name, exitCode(graded, failOn)]))]),
  );
  expect(codes).toEqual({
    failed: { passed: 0, failed: 1, ungradable: 0, both: 1, none: 0 },
    // Before (a mutation sweep): a failed submission beside an ungradable one could be taken for 1.
    ungradable: { passed: 0, failed: 1, ungradable: 2, both: 2, none: 0 },
    none: { passed: 0, failed: 0, ungradable: 0, both: 0, none: 0 },
  });
});

test('a submission flowgrade itself failed to grade (internal-error, report-failed, grading-crashed) makes it 2 unless --fail-on none; an unreadable file or a timeout stays an ungradable row like any other', () => {
  const withCode = (code: string) => ({ report: { verdict: 'ungradable', error: { code, message: '' } } }) as unknown as GradedRow;
  const codes = (row: GradedRow) => (['failed', 'ungradable', 'none'] as const).map((failOn) => exitCode([...rows('passed', 'failed'), row], failOn));
  for (const code of ['internal-error', 'report-failed', 'grading-crashed']) expect(codes(withCode(code)), code).toEqual([2, 2, 0]);
  for (const code of ['not-json', 'grading-timeout', 'zip-bomb']) expect(codes(withCode(code)), code).toEqual([1, 2, 0]);
  expect(graderFailureLine([...rows('passed'), withCode('internal-error'), withCode('report-failed')])).toBe(
    'flowgrade: 2 submissions not graded because flowgrade failed on them (internal-error, report-failed): their rows say ungradable through no fault of theirs; please report it with the file',
  );
  expect(graderFailureLine([...rows('passed', 'failed'), withCode('grading-timeout')])).toBeUndefined();
});

test('the closing line names each code once, however many submissions had it', () => {
  const withCode = (code: string) => ({ report: { verdict: 'ungradable', error: { code, message: '' } } }) as unknown as GradedRow;
  // Before (a mutation sweep): '(internal-error, internal-error, grading-crashed)'.
  expect(graderFailureLine([withCode('internal-error'), withCode('internal-error'), withCode('grading-crashed')])).toBe(
    'flowgrade: 3 submissions not graded because flowgrade failed on them (internal-error, grading-crashed): their rows say ungradable through no fault of theirs; please report it with the file',
  );
  expect(graderFailureLine([withCode('report-failed')])).toBe(
    'flowgrade: 1 submission not graded because flowgrade failed on it (report-failed): their rows say ungradable through no fault of theirs; please report it with the file',
  );
});
