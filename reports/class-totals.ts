/**
 * The totals of a class, as its dashboard and summary.md both give them (summary.ts has the figures
 * of one report): worked out once, so the two never disagree.
 */
import type { GradeReport } from '../engine/report.js';
import { percentOf } from './summary.js';

/** How many reports have each verdict. */
export function verdictCounts(reports: readonly GradeReport[]): Record<GradeReport['verdict'], number> {
  const counts = { passed: 0, failed: 0, ungradable: 0 };
  for (const report of reports) counts[report.verdict]++;
  return counts;
}

/** The average of the graded reports' percentages, to one decimal; null when none has a score. */
export function averagePercent(reports: readonly GradeReport[]): number | null {
  const percents = reports.map(percentOf).filter((p): p is number => p !== null);
  return percents.length ? Math.round((percents.reduce((a, b) => a + b, 0) / percents.length) * 10) / 10 : null;
}
