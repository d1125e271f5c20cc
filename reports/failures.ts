/** The most common failing checks across a class: which checks, how many attendees, who. */
import type { GradeReport } from '../engine/report.js';
import { isFailure } from './summary.js';

export interface CommonFailure {
  id: string;
  title: string;
  step: number;
  /** The reports of the attendees it failed for, in the order given. */
  reports: GradeReport[];
  /**
   * What to change, and for whom: a failure may carry its own hint (the connection to drag, the
   * setting the simulated call points at), so one check can need different fixes. Most attendees first.
   */
  fixes: Fix[];
}

export interface Fix {
  hint: string;
  reports: GradeReport[];
}

/** Failed or errored checks, most frequent first (then by step and id, so the order is stable). */
export function commonFailures(reports: readonly GradeReport[]): CommonFailure[] {
  const byId = new Map<string, CommonFailure>();
  for (const report of reports) {
    for (const check of report.checks.filter(isFailure)) {
      const entry = byId.get(check.id) ?? { id: check.id, title: check.title, step: check.step, reports: [], fixes: [] };
      if (!entry.reports.includes(report)) entry.reports.push(report);
      const fix = entry.fixes.find((f) => f.hint === check.hint) ?? entry.fixes[entry.fixes.push({ hint: check.hint, reports: [] }) - 1];
      if (!fix.reports.includes(report)) fix.reports.push(report);
      byId.set(check.id, entry);
    }
  }
  for (const entry of byId.values()) entry.fixes.sort((a, b) => b.reports.length - a.reports.length); // stable: first seen first on ties
  return [...byId.values()].sort((a, b) => b.reports.length - a.reports.length || a.step - b.step || compare(a.id, b.id));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
