/** The most common failing checks across a class: which checks, how many attendees, who. */
import type { CheckResult, GradeReport } from '../engine/report.js';
import { fixOf, isFailure } from './summary.js';

export interface CommonFailure {
  id: string;
  title: string;
  step: number;
  /** Recommended checks are named so wherever the failure is listed: missing one does not fail an attendee. */
  severity: CheckResult['severity'];
  /** The reports of the attendees it failed for, in the order given. */
  reports: GradeReport[];
  /**
   * What to change, and for whom: a failure may carry its own hint (the connection to drag, the
   * setting the simulated call points at), so one check can need different fixes. Most attendees first.
   */
  fixes: Fix[];
}

interface Fix {
  hint: string;
  reports: GradeReport[];
}

/**
 * Failed or errored checks, most frequent first, then by step and in the reports' order (a step's
 * checks as the mission lists them: the check naming a mistake before the simulated call that meets
 * it too), then by id, so the order is stable.
 */
export function commonFailures(reports: readonly GradeReport[]): CommonFailure[] {
  const byId = new Map<string, CommonFailure & { byHint: Map<string, Fix>; order: number }>();
  for (const report of reports) {
    for (const [order, check] of report.checks.entries()) {
      if (!isFailure(check)) continue;
      let entry = byId.get(check.id);
      if (!entry) byId.set(check.id, (entry = { id: check.id, title: check.title, step: check.step, severity: check.severity, reports: [], fixes: [], byHint: new Map(), order }));
      // A report's checks come one after another: it is counted once even when it lists a check twice.
      if (entry.reports.at(-1) !== report) entry.reports.push(report);
      const hint = fixOf(check);
      let fix = entry.byHint.get(hint);
      if (!fix) {
        entry.byHint.set(hint, (fix = { hint, reports: [] }));
        entry.fixes.push(fix);
      }
      if (fix.reports.at(-1) !== report) fix.reports.push(report);
    }
  }
  return [...byId.values()]
    .sort((a, b) => b.reports.length - a.reports.length || a.step - b.step || a.order - b.order || compare(a.id, b.id))
    .map(({ byHint: _byHint, order: _order, ...entry }) => ({ ...entry, fixes: entry.fixes.sort((a, b) => b.reports.length - a.reports.length) })); // stable: first seen first on ties
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
