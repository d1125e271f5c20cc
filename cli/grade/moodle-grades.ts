/**
 * moodle-grades.csv: the grades of moodle-feedback.zip's students as a grading worksheet that a
 * Moodle assignment's "Upload grading worksheet" (feedback type "Offline grading worksheet") takes
 * back in one upload (docs/grade.md, "Grades back into Moodle").
 *
 * Moodle's importer (mod/assign/feedback/offline/importgradeslib.php and locallib.php), read:
 * - the file goes through csv_import_reader (lib/csvlib.class.php) as UTF-8, comma-separated:
 *   a UTF-8 BOM is taken off, CR LF and CR become LF (inside quotes too), the content is trimmed,
 *   rows are read by PHP's fgetcsv with `"` around fields (doubled inside) and `\` as its escape
 *   character, and a row with another count of columns than the header refuses the whole file;
 * - it finds its columns by their names in the site's language, exactly: get_string('recordid',
 *   'assign') "Identifier", get_string('grade') "Grade", get_string('lastmodifiedgrade', 'assign')
 *   "Last modified (grade)" (all three needed, else "invalidgradeimport"), and each enabled feedback
 *   plugin's text field, the comments plugin's "Feedback comments" (ignored in the first column);
 * - the participant is the Identifier after get_string('hiddenuser', 'assign'), "Participant ",
 *   the id Moodle's downloads put in a student's folder name (assign_user_mapping);
 * - the grade is read by unformat_float (the site's decimal mark made `.`: a `.` reads everywhere);
 *   an empty grade, a grade equal to Moodle's, out of the assignment's range (0 to its maximum
 *   grade), a grade locked or overridden in the gradebook, or a grade Moodle last changed more
 *   than 60 s after the row's "Last modified (grade)" (strtotime) is skipped, the last unless
 *   "Allow updating records that have been modified more recently in Moodle than in the
 *   spreadsheet" is ticked;
 * - the feedback comment is saved unless that last case holds (an empty grade too), in
 *   FORMAT_HTML: Moodle shows it as HTML.
 *
 * So each student of the zip gets one row: `Participant <id>`, the full name from the folder name
 * (for the instructor's eyes; not read; never with a `\`, which fgetcsv would read as escaping
 * a closing quote: a path is cut into names at `\` as at `/`), the grade, the run's clock (DATE_ATOM, which strtotime
 * reads: checked with PHP 8.2) and a comment made of flowgrade's own words and numbers only (never
 * text from an export: nothing in it to read as HTML). The grade is the mission's points as a grade
 * out of the assignment's Maximum grade (grade's --moodle-max-grade; Moodle's default 100 gives the
 * percentage), 2 decimals at most; an ungradable row, and
 * a student with several reports (which one counts is the instructor's call), get none.
 */
import type { GradeReport } from '../../engine/report.js';
import { csvCell } from '../../reports/escape.js';
import { plural, scoreText, stepsToFix } from '../../reports/summary.js';
import type { MoodleFeedbackPlan } from './moodle-feedback.js';

export const MOODLE_GRADES_FILE = 'moodle-grades.csv';

/** The worksheet's columns, by the English names Moodle's importer looks for (the full name's aside). */
const COLUMNS = ['Identifier', 'Full name', 'Grade', 'Last modified (grade)', 'Feedback comments'];

/** What Moodle writes before the participant id in the Identifier column (get_string('hiddenuser', 'assign'), English). */
const IDENTIFIER_PREFIX = 'Participant ';

/** The grade Moodle's assignment is out of by default ("Maximum grade"); grade's --moodle-max-grade gives another. */
const DEFAULT_MAXIMUM_GRADE = 100;

export interface MoodleStudent {
  participant: string;
  /** From the folder name, as the download wrote it (the first folder's, for a participant with two). */
  fullName: string;
  /** The student's reports, by the file name they have in the zip. */
  reports: { fileName: string; report: GradeReport }[];
}

/** moodle-feedback.zip's students (participants), in its order, each with their reports (`reports`: the kept rows' reports). */
export function moodleStudents(plan: MoodleFeedbackPlan, reports: readonly GradeReport[]): MoodleStudent[] {
  const students = new Map<string, MoodleStudent>();
  for (const { name, row, participant, fullName } of plan.entries) {
    // One row per participant: two folders of one (renamed between two downloads) are one student.
    const student = students.get(participant) ?? { participant, fullName, reports: [] };
    student.reports.push({ fileName: name.slice(name.indexOf('/') + 1), report: reports[row]! });
    students.set(participant, student);
  }
  return [...students.values()];
}

/** The worksheet (UTF-8 with a BOM, CRLF, as grades.csv; Moodle takes the BOM off). */
export function renderMoodleGrades(students: readonly MoodleStudent[], now: string, maxGrade = DEFAULT_MAXIMUM_GRADE): string {
  const modified = atomTime(now);
  const lines = students.map((student) =>
    [`${IDENTIFIER_PREFIX}${student.participant}`, student.fullName, gradeOf(student, maxGrade), modified, commentOf(student)].map(csvCell).join(','),
  );
  return `\ufeff${[COLUMNS.map(csvCell).join(','), ...lines].join('\r\n')}\r\n`;
}

/** How many of `students` the worksheet gives a grade. */
export function gradedCount(students: readonly MoodleStudent[]): number {
  return students.filter((student) => gradeOf(student) !== '').length;
}

/** `2025-08-01T09:00:00+00:00`: PHP's DATE_ATOM, read exactly by strtotime whatever the server's time zone. */
function atomTime(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 19)}+00:00`;
}

/**
 * The points earned as a grade out of `maxGrade` (the percentage for Moodle's default 100), 2
 * decimals at most; empty (no grade) when ungradable or several reports.
 */
function gradeOf(student: MoodleStudent, maxGrade = DEFAULT_MAXIMUM_GRADE): string {
  if (student.reports.length !== 1) return '';
  const { score } = student.reports[0]!.report;
  if (!score || score.possible <= 0) return '';
  return String(Math.round((score.earned / score.possible) * maxGrade * 100) / 100);
}

/** One line of flowgrade's own words and numbers, pointing to the report in the feedback files. */
function commentOf(student: MoodleStudent): string {
  if (student.reports.length === 1) {
    const [{ fileName, report }] = student.reports as [MoodleStudent['reports'][number]];
    return `${outcomeOf(report)}. Details in ${fileName}, in your feedback files.`;
  }
  const each = student.reports.map(({ fileName, report }) => `${fileName}: ${outcomeOf(report)}`);
  return `${plural(student.reports.length, 'submission')} graded, your teacher gives the grade: ${each.join('; ')}. Details in your feedback files.`;
}

/** `PASSED, 105/105 points`, `FAILED, 62/105 points, Build steps to fix: 3, 5`, `UNGRADABLE, flowgrade could not grade the file (not-json)`. */
function outcomeOf(report: GradeReport): string {
  if (!report.score || report.verdict === 'ungradable') {
    const code = report.error && /^[a-z0-9-]{1,40}$/.test(report.error.code) ? ` (${report.error.code})` : '';
    return `UNGRADABLE, flowgrade could not grade the file${code}`;
  }
  const outcome = `${report.verdict === 'passed' ? 'PASSED' : 'FAILED'}, ${scoreText(report.score)} points`;
  const steps = stepsToFix(report).filter(Number.isInteger);
  return steps.length === 0 ? outcome : `${outcome}, ${steps.length === 1 ? 'Build step' : 'Build steps'} to fix: ${steps.join(', ')}`;
}
