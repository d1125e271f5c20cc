import type { GradeReport } from '../engine/report.js';

/** The report as JSON (schemas/report.schema.json): 2-space indent, trailing newline. */
export function renderJson(report: GradeReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
