/**
 * moodle-feedback.zip: which kept rows' HTML reports go into it, under what entry names, so that
 * Moodle's assignment grading action "Upload multiple feedback files in a zip" attaches each to
 * the student whose submission it is (docs/grade.md, "Handing reports back through Moodle").
 *
 * Moodle's importer (mod/assign/feedback/file/importziplib.php, is_valid_filename_for_import)
 * walks each entry's path parts, splits a part by `_` into at most 5 pieces
 * `fullname_participantid_plugintype_pluginname[_rest]`, and takes the first with at least 4
 * pieces, a numeric participant id of a participant and a plugin of that type and name; the rest
 * of the part and the parts after it become the feedback file's name. Its own "Download all
 * submissions" names each student's folder so (`Doe Jane_12345_assignsubmission_file_` before
 * Moodle 4.1, `…_file` from 4.1), or prefixes each file's name with it (without folders). Each
 * report goes in as `<the student's folder name, as the download spelt it>/flowgrade-report.html`.
 *
 * For a download without folders (`Doe Jane_12345_assignsubmission_file_Main_Flow_140.json`),
 * traced by hand, with the prefix `Doe Jane_12345_assignsubmission_file_` (the name's first four
 * pieces and `_`):
 * - as a folder, `Doe Jane_12345_assignsubmission_file_/flowgrade-report.html`: extracted to
 *   `/import/Doe Jane_…_file_/flowgrade-report.html`; the parts `` and `import` have fewer than
 *   4 pieces; the folder splits into `Doe Jane`, `12345`, `assignsubmission`, `file`, `` (the
 *   student, the submission file plugin); the rest is `` then `flowgrade-report.html`, the file
 *   name `/flowgrade-report.html`, stored as `flowgrade-report.html` at the root of the student's
 *   feedback files (Moodle cleans the path `//` to `/`) — exactly what its own folder downloads give;
 * - as a prefix, `Doe Jane_12345_assignsubmission_file_flowgrade-report.html`: the same student,
 *   the fifth piece `flowgrade-report.html` the file name, stored at the same place.
 * Both are read as the student; the folder is taken, so that every entry has one shape whatever
 * the download, and the file name is never part of a piece Moodle splits. (The file name has no
 * `_`: no part after the folder can be read as another student's.)
 *
 * A row is left out, with a warning, when its Moodle name would not come back as its student:
 * Moodle's importer would read no student from it (a full name with `_`, which Moodle's own
 * downloads replace with spaces) or another participant than flowgrade's (a name with two marks),
 * or it is not a safe single entry name (a control character; longer than a folder name may be).
 * So is a row whose path names two students (a file or archive a student submitted, named with
 * another's prefix or holding another's folder): flowgrade takes the nearest name as the attendee,
 * and would hand that student a report and a grade of what someone else submitted.
 */
import { moodlePartOf, moodleStudentsAlong } from '../../engine/attendee.js';
import { plural } from '../../reports/summary.js';
import { MOODLE_GRADES_FILE } from './moodle-grades.js';

export const MOODLE_FEEDBACK_FILE = 'moodle-feedback.zip';

/** What the student downloads from their feedback (no `_`: see the module comment). */
const FEEDBACK_FILE_NAME = 'flowgrade-report.html';

/** The longest entry folder name, in UTF-8 bytes: a folder name's on most file systems. */
const MAX_FOLDER_BYTES = 255;

export interface MoodleFeedbackPlan {
  /** Entry name, the index of its row and the student Moodle's importer reads from it, in row order. */
  entries: { name: string; row: number; participant: string; fullName: string }[];
  /** Students (participants) in the zip. */
  students: number;
  /** Rows from a Moodle download left out of the zip and the worksheet, with why (a [moodle-feedback] warning each). */
  leftOut: { file: string; why: string }[];
  /** Rows not from a Moodle download (not in either file, no warning). */
  notMoodle: number;
}

/** The plan for `rows` (kept rows, sorted: the entries are in their order, the same whatever the parallelism). */
export function planMoodleFeedback(rows: readonly { file: string; report: { attendee: { id: string }; input?: { sha256?: string } } }[]): MoodleFeedbackPlan {
  const plan: MoodleFeedbackPlan = { entries: [], students: 0, leftOut: [], notMoodle: 0 };
  const reportsIn = new Map<string, number>(); // by participant id
  const bytesIn = new Set<string>(); // participant id and SHA-256 of each report taken
  rows.forEach((row, index) => {
    const found = moodlePartOf(row.file);
    if (!found) {
      plan.notMoodle++;
      return;
    }
    const students = moodleStudentsAlong(row.file);
    if (students.length > 1) {
      plan.leftOut.push({ file: row.file, why: `its path names more than one Moodle student (${students.join(', ')}): a student's own file or archive may name another, so whose it is cannot be told` });
      return;
    }
    const folder = entryFolder(found.part, found.inFileName, row.report.attendee.id);
    if ('why' in folder) {
      plan.leftOut.push({ file: row.file, why: folder.why });
      return;
    }
    // The same bytes reached twice (the download's zip and the folder it was extracted into, both
    // given: grade warns [same-submissions]) are one submission of the student: one report.
    const sha256 = row.report.input?.sha256;
    if (sha256 !== undefined) {
      if (bytesIn.has(`${folder.participant}/${sha256}`)) return;
      bytesIn.add(`${folder.participant}/${sha256}`);
    }
    // A student with two kept rows of their own (a file and an archive in their folder, or two
    // folders: renamed between two downloads given together) gets both reports, numbered apart:
    // Moodle's importer reads a student by the participant id, and one file name twice keeps the last.
    const count = (reportsIn.get(folder.participant) ?? 0) + 1;
    reportsIn.set(folder.participant, count);
    const fileName = count === 1 ? FEEDBACK_FILE_NAME : FEEDBACK_FILE_NAME.replace(/\.html$/, ` (${count}).html`);
    plan.entries.push({ name: `${folder.name}/${fileName}`, row: index, participant: folder.participant, fullName: folder.fullName });
  });
  plan.students = reportsIn.size;
  return plan;
}

/** The entry folder for a row whose Moodle name is `part` (a folder's, or the file's own), or why there is none. */
function entryFolder(part: string, inFileName: boolean, attendee: string): { name: string; participant: string; fullName: string } | { why: string } {
  const pieces = part.split('_');
  const name = inFileName ? `${pieces.slice(0, 4).join('_')}_` : part;
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) return { why: `its Moodle name "${name}" holds a control character` };
  if (Buffer.byteLength(name) > MAX_FOLDER_BYTES) return { why: `its Moodle name is longer than a folder name may be (${MAX_FOLDER_BYTES} bytes)` };
  const participant = importerStudent(pieces);
  if (participant === undefined) return { why: `Moodle's importer would not read "${name}" as a student's (<full name>_<participant id>_assignsubmission_file, the full name without _)` };
  if (`${pieces[0]}_${participant}` !== attendee) return { why: `Moodle's importer would read "${name}" as participant ${participant}'s, not ${attendee}'s` };
  return { name, participant, fullName: pieces[0]! };
}

/**
 * The participant whose Moodle name `file` lies under, as Moodle's importer reads it (the entry
 * folder's id), if any: one student of moodle-feedback.zip and moodle-grades.csv, whatever the
 * full name (`--shard` keeps a participant's rows together, as they are numbered and graded together).
 */
export function moodleParticipantOf(file: string): string | undefined {
  const found = moodlePartOf(file);
  return found && importerStudent(found.part.split('_'));
}

/**
 * The participant id Moodle's importer reads from a path part split by `_` (the first four
 * pieces: its split into five keeps them whole), if it reads one: a number (digits, as its
 * downloads write it), then the submission file plugin.
 */
function importerStudent(pieces: readonly string[]): string | undefined {
  return pieces.length >= 4 && /^\d+$/.test(pieces[1]!) && pieces[2] === 'assignsubmission' && pieces[3] === 'file' ? pieces[1] : undefined;
}

/**
 * grade's line on stdout for `plan` and moodle-grades.csv (undefined when neither is written):
 * `graded` is how many of the students the worksheet gives a grade.
 */
export function moodleFeedbackLine(plan: MoodleFeedbackPlan, graded: number): string | undefined {
  if (plan.entries.length === 0) return undefined;
  const reports = plan.entries.length > plan.students ? ` (${plural(plan.entries.length, 'report')})` : '';
  const what = graded === plan.students ? `reports and grades of ${plural(plan.students, 'student')}${reports}` : `reports of ${plural(plan.students, 'student')}${reports} and grades of ${graded}`;
  const notIn = [
    ...(plan.notMoodle > 0 ? [`${plural(plan.notMoodle, 'attendee')} not from a Moodle download`] : []),
    ...(plan.leftOut.length > 0 ? [`${plan.leftOut.length} left out, see the warnings`] : []),
  ];
  return `${MOODLE_FEEDBACK_FILE} and ${MOODLE_GRADES_FILE}: ${what}, for Moodle's "Upload multiple feedback files in a zip" and "Upload grading worksheet"${notIn.length > 0 ? ` (not in them: ${notIn.join('; ')})` : ''}`;
}
