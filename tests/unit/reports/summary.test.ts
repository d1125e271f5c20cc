/** Figures every writer shows (reports/summary.ts), at their edges. */
import { test, expect } from '@playwright/test';
import { renderCsv } from '../../../reports/csv.js';
import { percentOf, stepState, stepsToFix, summaryLine } from '../../../reports/summary.js';
import type { CheckResult } from '../../../engine/report.js';
import { passedReport } from './sample-reports.js';

test('a score out of 0 points has no percentage (not NaN), in the gradebook either', () => {
  const nothing = { ...passedReport(), score: { earned: 0, possible: 0 } };
  expect(percentOf(nothing)).toBeNull();
  expect(renderCsv([nothing]).split('\r\n')[1].split(',').slice(3, 6)).toEqual(['0', '0', '']);
  expect(percentOf({ ...passedReport(), score: { earned: 1, possible: 3 } })).toBe(33.3);
});

test('a passed report counts a recommended check that crashed as not met, as one that failed', () => {
  const withContentType = (status: 'failed' | 'errored') => ({
    ...passedReport(),
    score: { earned: 8, possible: 10 },
    checks: passedReport().checks.map((c) => (c.id === 'get-cbid-content-type' ? { ...c, status, earned: 0 } : c)),
  });
  expect(summaryLine(withContentType('failed'))).toBe('PASSED 8/10 — 1 recommended check not met');
  expect(summaryLine(withContentType('errored'))).toBe('PASSED 8/10 — 1 recommended check not met');
  expect(summaryLine(passedReport())).toBe('PASSED 10/10');
});

/** A check of Build step `step`, as a report holds it. */
const check = (step: number, severity: CheckResult['severity'], status: CheckResult['status']): CheckResult => ({ id: `c${step}-${severity}-${status}`, title: 't', step, severity, status, points: 1, earned: status === 'passed' ? 1 : 0, message: 'm', hint: 'h' });

test('a Build step is failed (red) when a required check failed or crashed, or nothing passed where one is required; a step of recommended checks only, missed, is partly passed', () => {
  expect(stepState([check(1, 'recommended', 'failed')])).toBe('partial'); // a passed attendee's flow name: not red
  expect(stepState([check(1, 'recommended', 'errored'), check(1, 'info', 'info')])).toBe('partial');
  expect(stepState([check(4, 'required', 'skipped'), check(4, 'recommended', 'failed')])).toBe('failed'); // nothing of it built
  expect(stepState([check(4, 'required', 'skipped'), check(4, 'recommended', 'passed')])).toBe('partial');
  expect(stepState([check(4, 'required', 'failed'), check(4, 'required', 'passed')])).toBe('failed');
  expect(stepState([check(4, 'required', 'errored'), check(4, 'required', 'passed')])).toBe('failed');
  expect(stepState([check(5, 'required', 'passed'), check(5, 'required', 'skipped')])).toBe('partial');
  expect(stepState([check(5, 'required', 'passed'), check(5, 'recommended', 'passed')])).toBe('passed');
  expect(stepState([check(10, 'info', 'info')])).toBe('not-checkable');
});

test('the Build steps to fix are those with a failed or crashed check, recommended ones too, not those only not judged', () => {
  const report = {
    ...passedReport(),
    checks: [check(1, 'recommended', 'failed'), check(2, 'required', 'passed'), check(4, 'required', 'skipped'), check(5, 'required', 'errored'), check(6, 'required', 'failed'), check(10, 'info', 'info')],
  };
  expect(stepsToFix(report)).toEqual([1, 5, 6]);
  expect(stepsToFix(passedReport())).toEqual([]);
});
