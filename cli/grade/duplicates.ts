/**
 * Two submissions for one attendee in one folder: keep the newest — by the export's `lastModifiedDate`, else the
 * file's modification time (a zip entry has its archive's) — ties broken by the smaller display
 * path, so the choice never depends on input order or parallelism. Ungradable rows take part too
 * (their attendee id comes from the file name).
 */
import type { GradedRow } from './types.js';
import { compareCodePoints } from './walk.js';

export interface Duplicate {
  attendee: string;
  /** Display path of the submission kept. */
  kept: string;
  /** Display paths of the older submissions set aside (not graded into the outputs). */
  dropped: string[];
}

export function keepNewest(rows: GradedRow[]): { kept: GradedRow[]; duplicates: Duplicate[] } {
  // One attendee id in two folders is two students (a learning platform gives each student a
  // folder of their own: two who renamed their flow alike must not lose one grade to the other);
  // a resubmission lies beside the first submission.
  const groups = new Map<string, GradedRow[]>();
  for (const row of rows) {
    const key = JSON.stringify([row.report.attendee.id, folderOf(row.file)]);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const kept: GradedRow[] = [];
  const duplicates: Duplicate[] = [];
  for (const group of groups.values()) {
    const ordered = [...group].sort((a, b) => timeOf(b) - timeOf(a) || compareCodePoints(a.file, b.file));
    kept.push(ordered[0]);
    if (ordered.length > 1) duplicates.push({ attendee: ordered[0].report.attendee.id, kept: ordered[0].file, dropped: ordered.slice(1).map((r) => r.file) });
  }
  return { kept: sortRows(kept), duplicates: duplicates.sort((a, b) => compareCodePoints(a.attendee, b.attendee) || compareCodePoints(a.kept, b.kept)) };
}

/** The folder of a display path (`class.zip!/Jane_1_…/My flow.json` → `class.zip!/Jane_1_…`). */
function folderOf(file: string): string {
  return file.slice(0, Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'), 0));
}

/** The order of every output: attendee id, then display path. */
export function sortRows(rows: GradedRow[]): GradedRow[] {
  return [...rows].sort((a, b) => compareCodePoints(a.report.attendee.id, b.report.attendee.id) || compareCodePoints(a.file, b.file));
}

function timeOf(row: GradedRow): number {
  const declared = row.report.input.lastModified ? Date.parse(row.report.input.lastModified) : NaN;
  return Number.isFinite(declared) ? declared : row.mtimeMs;
}
