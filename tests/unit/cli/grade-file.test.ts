/**
 * cli/grade-file.ts: `check`'s grading of one file. A grading that throws (a bug of ours an export
 * met: session 50's robustness hunt found a Collect Digits whose Minimum Digits made it throw) gives
 * that file an `internal-error` report, as a row of `grade` gets; before, the throw ended `check`
 * with one line naming no file, and the reports of the other files given with it were lost.
 */
import { test, expect } from '@playwright/test';
import { gradeFile } from '../../../cli/grade-file.js';
import { resolveGradingOptions } from '../../../cli/grading-options.js';
import { gradeFlow } from '../../../engine/grade.js';
import { fixturePath } from '../../helpers.js';

test('a grading that throws gives that file an internal-error report, naming it; the next file is graded all the same', async () => {
  const options = await resolveGradingOptions({ lab: 'callback-on-global-error', now: '2025-08-01T09:00:00Z' });
  const broken = fixturePath('flows/defect-condition-constant-true.json');
  const throwing: typeof gradeFlow = async () => {
    throw new RangeError('Invalid string length');
  };
  const report = await gradeFile(broken, options, throwing);
  expect([report.verdict, report.input.file, report.error]).toEqual(['ungradable', broken, { code: 'internal-error', message: 'grading failed: Invalid string length' }]);
  expect((await gradeFile(fixturePath('flows/solution.json'), options)).verdict).toBe('passed');
});
