/**
 * `grade`'s exit code (docs/errors.md) for every mix of verdicts a class can have, with each
 * --fail-on: grade-cli.test.ts runs the CLI on a few classes, none with failed and ungradable
 * submissions together.
 */
import { test, expect } from '@playwright/test';
import { exitCode } from '../../../cli/commands/grade.js';
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
