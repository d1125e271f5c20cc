/**
 * canvas-grades.csv: the grades of the students of a Canvas "Download Submissions" as a file that
 * Canvas's Gradebook Import (Grades → Import) reads back as one assignment's scores, for exactly
 * those students (docs/grade.md, "Grades back into Canvas").
 *
 * Canvas's importer (instructure/canvas-lms, lib/gradebook_importer.rb, and the page that sends
 * what it found, ui/features/gradebook_uploads/jquery/process_gradebook_upload.js), read:
 * - the header row must start `Student`, `ID` (each cell only has to contain the word) and have
 *   more than 3 cells, the last student column (the third when there is no SIS column) holding
 *   `Section`; the cells after it are assignments, each found by the id in `Title (123)` (its own
 *   export's header, Assignment.title_and_id), else by its title exactly, else taken as a new
 *   assignment, which the importer's next page asks about (create it, ignore it, or pick an
 *   assignment of the course); a column whose header holds `Current Score`, `Final Grade`,
 *   `Override Score` … (NON_ASSIGNMENT_COLUMN_HEADERS) is dropped, never an assignment;
 * - a row whose first cell holds `Points Possible` gives the points of the assignments it creates;
 * - a student is found by the user id in the `ID` column (before SIS ids and names): the id
 *   Canvas's download writes in each file's name (`doejane_12000_67001_…`: ContentZipper);
 * - a grade cell goes to Canvas as the submission's `posted_grade`, which takes points (`9.5`) or
 *   a percentage of the assignment's points possible (`92.38%`: Assignment#interpret_grade);
 *   `,` as the decimal mark is made `.` first (the decimal_comma_to_period converter);
 * - an empty cell for a student who has a grade is a change to no grade: it removes the grade;
 *   a student left out of the file is not touched;
 * - while an anonymous assignment's grades are not posted, the import grades none of its
 *   submissions (gradeable?), and an anonymous id is no user id;
 * - Ruby's CSV reads the file: `"` around a field, doubled inside; `,` (or `;`, when it counts more
 *   fields in the first lines); any line end. A byte-order mark stays on the first cell, which still
 *   contains `Student` (Canvas's own export writes one when the user asks for it).
 *
 * So the file has the columns `Student` (the name from the download, for your eyes; Canvas finds
 * the student by the id), `ID` (the user id), `Section` (empty: required, not read) and the
 * assignment's column (`--canvas-assignment`, default `flowgrade`, which matches no assignment:
 * Canvas asks which one it is), a `Points Possible` row (100, for an assignment Canvas creates from
 * the column), then one row per student with a grade: the percentage of the mission's points with
 * `%` (`92.38%`, 2 decimals at most), which Canvas turns into points of the assignment's own
 * points possible, whatever they are. A student with no grade to give (ungradable, two reports,
 * anonymous) has no row: an empty cell would remove a grade typed in Canvas.
 */
import { canvasStudentsOf } from '../../engine/attendee.js';
import type { GradeReport } from '../../engine/report.js';
import { csvCell } from '../../reports/escape.js';
import { plural } from '../../reports/summary.js';

export const CANVAS_GRADES_FILE = 'canvas-grades.csv';

/** The assignment column's header without --canvas-assignment: no assignment's title, so Canvas's import asks which assignment it is. */
export const DEFAULT_CANVAS_COLUMN = 'flowgrade';

/** The points of an assignment Canvas's import creates from the column (the grades are percentages: any points read them right). */
const NEW_ASSIGNMENT_POINTS = 100;

/** Header words Canvas's importer takes for its own computed columns, never an assignment's (NON_ASSIGNMENT_COLUMN_HEADERS, matched anywhere in the header). */
const NON_ASSIGNMENT_HEADERS = ['Current Score', 'Current Points', 'Current Grade', 'Final Score', 'Final Points', 'Final Grade', 'Override Score', 'Override Grade', 'Override Status'];

export interface CanvasGradesPlan {
  /** One row per Canvas user id given a grade, in row order. */
  students: { userId: string; name: string; grade: string }[];
  /** Rows from a Canvas download left out, with why (a [canvas-grades] warning each). */
  leftOut: { file: string; why: string }[];
  /** Students whose one report is ungradable (no row: their grade is yours to give). */
  ungradable: number;
  /** Rows of anonymous submissions (`anon_<id>`): no user id to import by. */
  anonymous: number;
  /** Rows not from a Canvas download. */
  notCanvas: number;
}

type PlanRow = { file: string; report: Pick<GradeReport, 'attendee' | 'verdict' | 'score'> & { input?: { sha256?: string } } };

/** The plan for `rows` (kept rows, sorted: the students are in their order, the same whatever the parallelism). */
export function planCanvasGrades(rows: readonly PlanRow[]): CanvasGradesPlan {
  const plan: CanvasGradesPlan = { students: [], leftOut: [], ungradable: 0, anonymous: 0, notCanvas: 0 };
  const byUser = new Map<string, { name: string; rows: PlanRow[]; bytes: Set<string> }>();
  for (const row of rows) {
    const { own, inFolders } = canvasStudentsOf(row.file);
    if (own === undefined) {
      plan.notCanvas++;
      continue;
    }
    if ('anonymousId' in own) {
      plan.anonymous++;
      continue;
    }
    const student = `${own.name}_${own.userId}`;
    if (row.report.attendee.id !== student) {
      plan.notCanvas++;
      continue;
    }
    const others = inFolders.filter((name) => name !== student);
    if (others.length > 0) {
      plan.leftOut.push({ file: row.file, why: `its path names more than one Canvas student (${[...others, student].join(', ')}): a student's own archive may name another, so whose it is cannot be told` });
      continue;
    }
    const entry = byUser.get(own.userId) ?? { name: own.name, rows: [], bytes: new Set<string>() };
    byUser.set(own.userId, entry);
    // The same bytes reached twice (the download's zip and the folder it was extracted into) are one submission.
    const sha256 = row.report.input?.sha256;
    if (sha256 !== undefined) {
      if (entry.bytes.has(sha256)) continue;
      entry.bytes.add(sha256);
    }
    entry.rows.push(row);
  }
  for (const [userId, { name, rows: own }] of byUser) {
    if (own.length > 1) {
      const [first, ...rest] = own;
      plan.leftOut.push({ file: first!.file, why: `Canvas user ${userId} has ${own.length} reports (also ${rest.map((row) => row.file).join(', ')}) and takes one grade: which counts is yours to decide` });
      continue;
    }
    const grade = gradeOf(own[0]!.report);
    if (grade === undefined) plan.ungradable++;
    else plan.students.push({ userId, name, grade });
  }
  return plan;
}

/**
 * The Canvas user whose student the download names in `file`'s own name, if any: one student of
 * canvas-grades.csv whatever the name (`--shard` keeps a user's rows together, as they are one row).
 */
export function canvasUserOf(file: string): string | undefined {
  const { own } = canvasStudentsOf(file);
  return own !== undefined && 'userId' in own ? own.userId : undefined;
}

/** The percentage of the mission's points, 2 decimals at most, with `%`; none for an ungradable report. */
function gradeOf(report: PlanRow['report']): string | undefined {
  const { score } = report;
  if (!score || report.verdict === 'ungradable' || score.possible <= 0) return undefined;
  return `${Math.round((score.earned / score.possible) * 10_000) / 100}%`;
}

/** The file (UTF-8 with a BOM and CRLF, as grades.csv; cells through csvCell: quotes, commas, formulas defused). */
export function renderCanvasGrades(plan: Pick<CanvasGradesPlan, 'students'>, column = DEFAULT_CANVAS_COLUMN): string {
  const lines = [
    ['Student', 'ID', 'Section', column],
    ['Points Possible', '', '', String(NEW_ASSIGNMENT_POINTS)],
    ...plan.students.map(({ name, userId, grade }) => [name, userId, '', grade]),
  ].map((cells) => cells.map(csvCell).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/**
 * `--canvas-assignment`'s value as the column's header: an assignment id alone (`4567`, from the
 * assignment's address) is written `flowgrade (4567)`, which Canvas finds by the id; anything else
 * as given (`Lab 3 (4567)`, its export's header, or the title alone). Refused, with why: a blank
 * one, one with a control character (no title has one), one Canvas would not read as an assignment.
 */
export function canvasColumnOf(value: string): string | { why: string } {
  const column = value.trim();
  if (column === '') return { why: 'is blank: give the assignment\'s column header in Canvas\'s Gradebook export ("Lab 3 (4567)") or its id' };
  if (/^[1-9]\d*$/.test(column)) return `${DEFAULT_CANVAS_COLUMN} (${column})`;
  if (/[\u0000-\u001f\u007f-\u009f]/.test(column)) return { why: 'holds a control character or a line break, which no assignment title has' };
  const word = NON_ASSIGNMENT_HEADERS.find((header) => column.includes(header));
  if (word !== undefined) return { why: `holds "${word}": Canvas's import takes such a column for one of its own totals and drops it; give the assignment's id` };
  return column;
}

/** grade's stdout line for `plan` (undefined for a class with no row from a Canvas download). */
export function canvasGradesLine(plan: CanvasGradesPlan): string | undefined {
  const fromCanvas = plan.students.length + plan.ungradable + plan.anonymous + plan.leftOut.length;
  if (fromCanvas === 0) return undefined;
  const notIn = [
    ...(plan.ungradable > 0 ? [`${plan.ungradable} ungradable`] : []),
    ...(plan.anonymous > 0 ? [`${plural(plan.anonymous, 'anonymous submission')}, which Canvas's import cannot grade`] : []),
    ...(plan.notCanvas > 0 ? [`${plural(plan.notCanvas, 'attendee')} not from a Canvas download`] : []),
    ...(plan.leftOut.length > 0 ? [`${plan.leftOut.length} left out, see the warnings`] : []),
  ];
  const what = plan.students.length > 0 ? `grades of ${plural(plan.students.length, 'student')}, for Canvas's Gradebook Import` : 'not written, no grade to give';
  return `${CANVAS_GRADES_FILE}: ${what}${notIn.length > 0 ? ` (not in it: ${notIn.join('; ')})` : ''}`;
}
