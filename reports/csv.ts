/** The gradebook: one row per submission, one column per check. */
import type { GradeReport } from '../engine/report.js';
import { csvCell } from './escape.js';

export interface CsvOptions {
  /** Notes per input file (e.g. "duplicate: newer submission kept"). */
  notes?: Record<string, string>;
}

export function renderCsv(reports: GradeReport[], options: CsvOptions = {}): string {
  const checkIds = [...new Set(reports.flatMap((r) => r.checks.map((c) => c.id)))];
  const header = ['attendee', 'file', 'verdict', 'earned', 'possible', 'percent', 'notes', ...checkIds];
  const rows = reports.map((report) => {
    const status = new Map(report.checks.map((c) => [c.id, c.status]));
    const score = report.score;
    return [
      report.attendee.id,
      report.input.file,
      report.verdict,
      score ? String(score.earned) : '',
      score ? String(score.possible) : '',
      score && score.possible > 0 ? String(Math.round((score.earned / score.possible) * 100)) : '',
      [options.notes?.[report.input.file], report.error ? `${report.error.code}: ${report.error.message}` : ''].filter(Boolean).join('; '),
      ...checkIds.map((id) => status.get(id) ?? ''),
    ];
  });
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
