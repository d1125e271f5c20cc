/**
 * The gradebook: one row per submission (attendee, file, verdict, points earned and possible,
 * percent, the reason when ungradable, notes such as duplicate submissions when given), then one
 * column per check id with its status. UTF-8 with a byte-order mark (BOM), so that Excel, which
 * otherwise reads a CSV file in the ANSI code page, shows accents and other scripts as they are;
 * RFC 4180 (CRLF, quoted when needed); cells that a
 * spreadsheet would run as a formula are defused (escape.ts `csvCell`). A batch renders each row
 * where the report is graded (`renderCsvRow`) and hands the rows in, as for the dashboard.
 */
import type { GradeReport } from '../engine/report.js';
import { shownAttendeeId } from './attendee-id.js';
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
  /**
   * Each report's row, rendered before (by `renderCsvRow`), in the order of the reports. A row
   * rendered for other check columns than this gradebook's is rendered again.
   */
  rows?: readonly CsvRow[];
}

/** One submission's gradebook line but its note, its cells already quoted. */
export interface CsvRow {
  /** The check columns the statuses are for (`checkIdsKey`). */
  checkIds: string;
  /** attendee … error. */
  fields: string;
  /** A comma, then the status, for each check column. */
  statuses: string;
}

export function renderCsv(reports: readonly GradeReport[], options: CsvOptions = {}): string {
  const checkIds = [...new Set([...(options.checkIds ?? []), ...reports.flatMap((report) => report.checks.map((check) => check.id))])];
  const notes = options.notes;
  const key = checkIdsKey(checkIds);
  const header = ['attendee', 'file', 'verdict', 'earned', 'possible', 'percent', 'error', ...(notes ? ['notes'] : []), ...checkIds].map(csvCell).join(',');
  const lines = reports.map((report, i) => {
    const given = options.rows?.[i];
    const row = given?.checkIds === key ? given : renderCsvRow(report, checkIds);
    return `${row.fields}${notes ? `,${csvCell(noteFor(notes, report, i))}` : ''}${row.statuses}`;
  });
  return BOM + [header, ...lines].join('\r\n') + '\r\n';
}

/** U+FEFF, written first: UTF-8's byte-order mark (EF BB BF), Excel's sign that the file is UTF-8. */
const BOM = '\ufeff';

/** `report`'s line for a gradebook whose check columns are `checkIds` (in order), but its note. */
export function renderCsvRow(report: GradeReport, checkIds: readonly string[]): CsvRow {
  const status = new Map(report.checks.map((check) => [check.id, check.status]));
  const percent = percentOf(report);
  const fields = [
    shownAttendeeId(report.attendee.id),
    report.input.file,
    report.verdict,
    report.score ? formatPoints(report.score.earned) : '',
    report.score ? formatPoints(report.score.possible) : '',
    percent === null ? '' : String(percent),
    report.error ? `${report.error.code}: ${report.error.message}` : '',
  ];
  return { checkIds: checkIdsKey(checkIds), fields: fields.map(csvCell).join(','), statuses: checkIds.map((id) => `,${csvCell(status.get(id) ?? '')}`).join('') };
}

/** The check columns of a gradebook, as `CsvRow.checkIds` records them. */
function checkIdsKey(checkIds: readonly string[]): string {
  return JSON.stringify(checkIds);
}

function noteFor(notes: NonNullable<CsvOptions['notes']>, report: GradeReport, index: number): string {
  if (isList(notes)) return notes[index] ?? '';
  return Object.hasOwn(notes, report.input.file) ? notes[report.input.file] : '';
}

function isList(notes: NonNullable<CsvOptions['notes']>): notes is readonly string[] {
  return Array.isArray(notes);
}
