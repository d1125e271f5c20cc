/** Figures every writer shows (reports/summary.ts), at their edges. */
import { test, expect } from '@playwright/test';
import { renderCsv } from '../../../reports/csv.js';
import { percentOf, summaryLine } from '../../../reports/summary.js';
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
