/** The most common failing checks across a class. */
import type { GradeReport } from '../engine/report.js';

export interface CommonFailure {
  id: string;
  title: string;
  step: number;
  hint: string;
  attendees: string[];
}

export function commonFailures(reports: GradeReport[]): CommonFailure[] {
  const byId = new Map<string, CommonFailure>();
  for (const report of reports) {
    for (const check of report.checks) {
      if (check.status !== 'failed' && check.status !== 'errored') continue;
      const entry = byId.get(check.id) ?? { id: check.id, title: check.title, step: check.step, hint: check.hint, attendees: [] };
      entry.attendees.push(report.attendee.id);
      byId.set(check.id, entry);
    }
  }
  return [...byId.values()].sort((a, b) => b.attendees.length - a.attendees.length || a.step - b.step || a.id.localeCompare(b.id));
}
