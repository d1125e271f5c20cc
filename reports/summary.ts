/** Figures every reporter shows, computed once. */
import type { CheckResult, GradeReport } from '../engine/report.js';

export interface ReportSummary {
  line: string;
  /** Required checks that failed or crashed. */
  failedRequired: CheckResult[];
  /** Required checks not judged because something they depend on went wrong first. */
  skippedRequired: CheckResult[];
  failedOther: CheckResult[];
  percent: number | null;
}

export function summarize(report: GradeReport): ReportSummary {
  const failedRequired = report.checks.filter((c) => c.severity === 'required' && (c.status === 'failed' || c.status === 'errored'));
  const skippedRequired = report.checks.filter((c) => c.severity === 'required' && c.status === 'skipped');
  const failedOther = report.checks.filter((c) => c.severity === 'recommended' && c.status !== 'passed');
  if (report.verdict === 'ungradable' || !report.score) {
    return { line: `UNGRADABLE — ${report.error?.message ?? 'not a readable flow export'} [${report.error?.code ?? 'error'}]`, failedRequired, skippedRequired, failedOther, percent: null };
  }
  const { earned, possible } = report.score;
  const percent = possible > 0 ? Math.round((earned / possible) * 100) : 0;
  const score = `${formatPoints(earned)}/${formatPoints(possible)}`;
  const line =
    report.verdict === 'passed'
      ? `PASSED ${score}${failedOther.length ? ` — ${plural(failedOther.length, 'recommended check')} not met` : ''}`
      : `FAILED ${score} — ${plural(failedRequired.length, 'required check')} failed${skippedRequired.length ? `, ${skippedRequired.length} not judged` : ''}`;
  return { line, failedRequired, skippedRequired, failedOther, percent };
}

export function formatPoints(points: number): string {
  return Number.isInteger(points) ? String(points) : points.toFixed(1);
}

export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Checks grouped by Build step, in step order. */
export function byStep(checks: CheckResult[]): [number, CheckResult[]][] {
  const groups = new Map<number, CheckResult[]>();
  for (const check of checks) groups.set(check.step, [...(groups.get(check.step) ?? []), check]);
  return [...groups].sort(([a], [b]) => a - b);
}

/** Step state for heat-maps: every check passed, some failed, all failed, or nothing checkable. */
export function stepState(checks: CheckResult[]): 'passed' | 'partial' | 'failed' | 'info' {
  const scored = checks.filter((c) => c.severity !== 'info');
  if (scored.length === 0) return 'info';
  const passed = scored.filter((c) => c.status === 'passed').length;
  return passed === scored.length ? 'passed' : passed === 0 ? 'failed' : 'partial';
}

/** Step titles of the Callback on Global Error guide (missions may pass their own). */
export const DEFAULT_STEP_TITLES: Record<number, string> = {
  1: 'Open Main_Flow_<ID>',
  2: 'Add the four flow variables',
  3: 'WantCallback option 3',
  4: 'HTTP Request GET_CBID',
  5: 'Set Variable SetGetResult',
  6: 'SimulateGlobalError and Disconnect',
  7: 'Unlink OnGlobalError from End Flow',
  8: 'HTTP Request CallBackAPI_HTTPRequest',
  9: 'Condition HTTPStatusCode',
  10: 'Validate and publish',
  11: 'Control Hub: open Channels',
  12: 'Control Hub: your channel',
  13: 'Control Hub: route to Main_Flow_<ID> / Latest',
};
