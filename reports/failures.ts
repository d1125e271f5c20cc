/** The most common failing checks across a class: which checks, how many attendees, who. */
import type { GradeReport } from '../engine/report.js';
import { isFailure } from './summary.js';

export interface CommonFailure {
  id: string;
  title: string;
  step: number;
  hint: string;
  /** The reports of the attendees it failed for, in the order given. */
  reports: GradeReport[];
}

/** Failed or errored checks, most frequent first (then by step and id, so the order is stable). */
export function commonFailures(reports: readonly GradeReport[]): CommonFailure[] {
  const byId = new Map<string, CommonFailure>();
  for (const report of reports) {
    for (const check of report.checks.filter(isFailure)) {
      const entry = byId.get(check.id) ?? { id: check.id, title: check.title, step: check.step, hint: check.hint, reports: [] };
      if (!entry.reports.includes(report)) entry.reports.push(report);
      byId.set(check.id, entry);
    }
  }
  return [...byId.values()].sort((a, b) => b.reports.length - a.reports.length || a.step - b.step || compare(a.id, b.id));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
