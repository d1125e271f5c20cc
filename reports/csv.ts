/**
 * The gradebook: one row per submission (attendee, file, verdict, points earned and possible,
 * percent, the reason when ungradable, notes such as duplicate submissions when given), then one
 * column per check id with its status. RFC 4180 (CRLF, quoted when needed); cells that a
 * spreadsheet would run as a formula are defused (escape.ts `csvCell`).
 */
import type { GradeReport } from '../engine/report.js';
import { csvCell } from './escape.js';
import { formatPoints, percentOf } from './summary.js';

export interface CsvOptions {
  /**
   * Adds a `notes` column (e.g. "newest of 2 submissions; set aside: …"): one note per row, in the
   * order of `reports`, or a map from `input.file` to its note.
   */
  notes?: readonly string[] | Readonly<Record<string, string>>;
  /**
   * The check columns, in order (the mission's checks): the same header whatever the rows, so that
   * the gradebooks of `--shard` runs, or of a class with no gradable row, line up. Check ids of the
   * rows not listed here follow. Default: the check ids of the rows.
   */
  checkIds?: readonly string[];
}

export function renderCsv(reports: readonly GradeReport[], options: CsvOptions = {}): string {
  const checkIds = [...new Set([...(options.checkIds ?? []), ...reports.flatMap((report) => report.checks.map((check) => check.id))])];
  const notes = options.notes;
  const header = ['attendee', 'file', 'verdict', 'earned', 'possible', 'percent', 'error', ...(notes ? ['notes'] : []), ...checkIds];
  const rows = reports.map((report, i) => {
    const status = new Map(report.checks.map((check) => [check.id, check.status]));
    const percent = percentOf(report);
    return [
      report.attendee.id,
      report.input.file,
      report.verdict,
      report.score ? formatPoints(report.score.earned) : '',
      report.score ? formatPoints(report.score.possible) : '',
      percent === null ? '' : String(percent),
      report.error ? `${report.error.code}: ${report.error.message}` : '',
      ...(notes ? [noteFor(notes, report, i)] : []),
      ...checkIds.map((id) => status.get(id) ?? ''),
    ];
  });
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function noteFor(notes: NonNullable<CsvOptions['notes']>, report: GradeReport, index: number): string {
  if (isList(notes)) return notes[index] ?? '';
  return Object.hasOwn(notes, report.input.file) ? notes[report.input.file] : '';
}

function isList(notes: NonNullable<CsvOptions['notes']>): notes is readonly string[] {
  return Array.isArray(notes);
}
