/**
 * An attendee id as every output but the JSON report shows it. The id is whatever the flow name or
 * the file name gives (engine/attendee.ts), so an export can make it as long as the loader lets a
 * string be (262,144 characters): shown whole, one filled an instructor's terminal, the attendee's
 * page and a row of the class dashboard. Past REPORT_BOUNDS.name characters (200, as a report's
 * other names: the flow name it came from is cut there too) it is a cut text, `… (N characters)`
 * after its first 200 (code-points.ts `clipText`), the same in the console, the HTML report and
 * dashboard, grades.csv, junit.xml, summary.md and `grade`'s own lines, so the outputs name the
 * attendee alike. An id of 200 characters or fewer (every real one) is shown as it is.
 *
 * The JSON report keeps the id whole (bounds.ts does not cut it): it is the attendee's identity,
 * what `grade` tells duplicates and names files by, and a person or script matching reports to a
 * roster finds the whole of it there. Two ids cut alike read as one: the class files tell them
 * apart by their files, as two students sharing an id (shared-ids.ts `attendeeIds`).
 */
import { REPORT_BOUNDS } from './bounds.js';
import { clipText } from './code-points.js';

/** Characters of an attendee id shown before it is cut. */
const ATTENDEE_ID_SHOWN = REPORT_BOUNDS.name;

/** `id` as the outputs a person reads show it: whole, or cut after ATTENDEE_ID_SHOWN characters. */
export function shownAttendeeId(id: string): string {
  return clipText(id, ATTENDEE_ID_SHOWN);
}
