/**
 * How a report scores its checks, in one place: grading writes reports by these rules, and `merge`
 * holds a shard's report to them (an edited verdict or score is no report grading wrote).
 */
import type { CheckResult, Severity } from './report.js';

type Scored = { severity: Severity; points: number };

/** What a check is worth in a report: its points, none for an info check (never scored). */
export function worthOf(check: Scored): number {
  return check.severity === 'info' ? 0 : check.points;
}

/** The points a check earns: its worth when it passed, else none. */
export function earnedBy(check: Scored, status: CheckResult['status']): number {
  return status === 'passed' ? worthOf(check) : 0;
}

/** A flow passes when every required check passed. */
export function verdictOf(checks: readonly Pick<CheckResult, 'severity' | 'status'>[]): 'passed' | 'failed' {
  return checks.every((check) => check.severity !== 'required' || check.status === 'passed') ? 'passed' : 'failed';
}

/** The points the checks earned of those they are worth (info checks are not scored). */
export function scoreOf(checks: readonly Pick<CheckResult, 'severity' | 'points' | 'earned'>[]): { earned: number; possible: number } {
  const scored = checks.filter((check) => check.severity !== 'info');
  return { earned: sum(scored.map((check) => check.earned)), possible: sum(scored.map((check) => check.points)) };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
