/**
 * Two students may share an attendee id (the same Main_Flow_<ID> in two folders: `grade` keeps one
 * submission per attendee and folder, so both are graded). Every class file tells them apart the
 * same way, by the id and the file less the folder every file is in: `141 (group-b/Main_Flow_141.json)`
 * in the dashboard and summary.md, `flowgrade.141 (group-b/Main_Flow_141․json)` in junit.xml.
 * Which ids are shared and what that folder is are worked out here, once, for all three. An id is
 * compared as it is shown (attendee-id.ts): two ids of 200,000 characters that differ only past
 * their first 200 read alike, so they are told apart by their files too.
 */
import type { GradeReport } from '../engine/report.js';
import { shownAttendeeId } from './attendee-id.js';
import { withoutControls } from './escape.js';

/** The ids of a class and the files that tell apart the submissions sharing one. */
interface ClassIds {
  /** Every id given, once each. */
  readonly ids: ReadonlySet<string>;
  /** The ids more than one submission has (as given: either Unicode form of one id, `alike`). */
  readonly shared: ReadonlySet<string>;
  /** The folder every file is in, with its last separator ('' when they share none): `sharedFolder`. */
  readonly folder: string;
  /** `file` less `folder`: said once for the class, the rest of each file tells its submission apart. */
  withinFolder(file: string): string;
}

/**
 * The ids (`id`) of `items` and the folder their files (`file`) are all in. Ids that read alike are
 * shared: by default the same in either Unicode form (`José` composed, and decomposed as macOS
 * writes file names, are one id for grading too: grade.md, Duplicates) and but for the control
 * characters the pages and summary.md leave out (`14\u00001` reads `141` there); `alike` gives the
 * text they are compared by.
 */
export function classIds<T>(
  items: readonly T[],
  id: (item: T) => string,
  file: (item: T) => string,
  alike: (id: string) => string = (key) => withoutControls(key).normalize('NFC'),
): ClassIds {
  const ids = new Set<string>();
  const counts = new Map<string, number>();
  for (const item of items) {
    const key = id(item);
    ids.add(key);
    counts.set(alike(key), (counts.get(alike(key)) ?? 0) + 1);
  }
  const shared = new Set([...ids].filter((key) => counts.get(alike(key))! > 1));
  const folder = sharedFolder(items.map(file));
  return { ids, shared, folder, withinFolder: (path) => path.slice(folder.length) };
}

/** The attendee ids of a class's reports as shown, and the folder their files are all in. */
export interface AttendeeIds extends ClassIds {
  /**
   * `report`'s id as shown (`shownAttendeeId`), cut once per report: a class names an attendee
   * in every common failure they have, and cutting an id of 250,000 characters counts them all.
   */
  shown(report: GradeReport): string;
  /** Whether `report`'s id, as shown, is another submission's too: the file then tells them apart. */
  isShared(report: GradeReport): boolean;
}

/** The attendee ids of a class's reports as shown, and the folder their files are all in. */
export function attendeeIds(reports: readonly GradeReport[]): AttendeeIds {
  const cut = new Map(reports.map((report) => [report, shownAttendeeId(report.attendee.id)]));
  const shown = (report: GradeReport) => cut.get(report) ?? shownAttendeeId(report.attendee.id);
  const ids = classIds(reports, shown, (report) => report.input.file);
  return { ...ids, shown, isShared: (report) => ids.shared.has(shown(report)) };
}

/**
 * The folder all `files` are in, with its last separator ('' when they share none). The
 * dashboard's script (dashboard-assets.ts, plain JavaScript in the page) has its own copy, for
 * what its filter leaves out.
 */
export function sharedFolder(files: readonly string[]): string {
  if (files.length === 0) return '';
  const first = files[0];
  let end = first.length;
  for (const file of files) {
    let i = 0;
    while (i < end && i < file.length && file.charCodeAt(i) === first.charCodeAt(i)) i++;
    end = i;
  }
  if (end === 0) return '';
  return first.slice(0, Math.max(first.lastIndexOf('/', end - 1), first.lastIndexOf('\\', end - 1)) + 1);
}
