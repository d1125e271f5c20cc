/**
 * Canvas's Gradebook Import, transcribed for the tests of canvas-grades.csv: GradebookImporter
 * (instructure/canvas-lms, lib/gradebook_importer.rb: csv_stream, header?, update_column_count,
 * strip_non_assignment_columns, parse_assignments, check_for_non_student_row, process_student,
 * process_submissions), the page that posts what it found (process_gradebook_upload.js:
 * posted_grade) and Assignment#interpret_grade (points, or a percentage of points possible).
 */

/** Ruby's CSV.parse_line/foreach with its defaults: `"` around a field, doubled inside; `\r\n`, `\n` or `\r` rows; an unquoted empty field is nil. */
export function rubyCsv(text: string, separator = ','): (string | null)[][] {
  const rows: (string | null)[][] = [];
  let i = 0;
  while (i < text.length) {
    const row: (string | null)[] = [];
    for (;;) {
      let field: string | null = null;
      if (text[i] === '"') {
        field = '';
        i++;
        for (;;) {
          if (i >= text.length) throw new Error('MalformedCSVError: unclosed quoted field');
          if (text[i] === '"' && text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else if (text[i] === '"') {
            i++;
            break;
          } else field += text[i++];
        }
        if (i < text.length && text[i] !== separator && text[i] !== '\r' && text[i] !== '\n') throw new Error('MalformedCSVError: any value after quoted field');
      } else {
        let raw = '';
        while (i < text.length && text[i] !== separator && text[i] !== '\r' && text[i] !== '\n') {
          if (text[i] === '"') throw new Error('MalformedCSVError: illegal quoting');
          raw += text[i++];
        }
        field = raw === '' ? null : raw;
      }
      row.push(field);
      if (text[i] === separator) {
        i++;
        continue;
      }
      if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
      else if (i < text.length) i++;
      break;
    }
    rows.push(row);
  }
  return rows;
}

/** The :decimal_comma_to_period converter: a pure number or percentage gets `.` as its decimal mark. */
function decimalCommaToPeriod(field: string | null): string | null {
  if (field === null || !/^-?[0-9.,]+%?$/.test(field)) return field;
  const parts = field.split(/[,.]/);
  const last = parts.pop()!;
  return parts.length === 0 ? last : `${parts.join('')}.${last}`;
}

const NON_ASSIGNMENT = /Current Score|Current Points|Current Grade|Final Score|Final Points|Final Grade|Override Score|Override Grade|Override Status/;

export interface CanvasCourse {
  /** Canvas user id → the student. */
  students: ReadonlyMap<number, { name: string; sortableName: string }>;
  /** The course's assignments: id, title, points possible. */
  assignments: readonly { id: number; title: string; pointsPossible: number }[];
}

export interface CanvasImport {
  /** The file's assignment column, found (its id) or new (its title), with the points possible the file gives. */
  assignment: { id: number } | { newTitle: string; pointsPossible?: number };
  /** Each student row: the user found (or none: Canvas asks) and the score Canvas would set from the cell (null: the grade removed). */
  grades: { userId: number | undefined; cell: string | null; score: number | null | undefined }[];
}

/**
 * The import of `bytes` into `course`, for a file of one assignment column (the importer's rules
 * for Student/ID/Section files without SIS columns: the only kind canvas-grades.csv is).
 */
export function canvasImport(bytes: Buffer, course: CanvasCourse): CanvasImport {
  const text = bytes.toString('utf8'); // Ruby's CSV keeps a BOM on the first cell
  const firstLines = text.split(/\r\n|\n|\r/).slice(0, 3).join('\n');
  const count = (sep: string) => {
    try {
      const sizes = rubyCsv(firstLines, sep).map((row) => row.length);
      return new Set(sizes).size === 1 ? sizes[0]! : 0;
    } catch {
      return 0;
    }
  };
  const separator = count(';') > count(',') ? ';' : ',';
  const rows = rubyCsv(text, separator); // (skip_lines /^[;, ]+$/: the file has no such line)
  const [header, ...rest] = rows.map((row) => row.map(decimalCommaToPeriod));
  // header?: "Student" and "ID" in the first cells, more than 3 of them, the last student column "Section".
  if (!(header && header.length > 3 && header[0]!.includes('Student') && header[1]!.includes('ID'))) throw new Error('Invalid header row');
  if (/SIS\s+Login\s+ID/.test(header[2]!) || /SIS\s+User\s+ID/.test(header[2]!)) throw new Error('SIS columns: not transcribed');
  if (!header[2]!.includes('Section')) throw new Error('Invalid header row');
  const assignmentColumns = header.slice(3).filter((name) => !NON_ASSIGNMENT.test(name ?? ''));
  if (assignmentColumns.length !== 1) throw new Error(`${assignmentColumns.length} assignment columns`);
  const name = assignmentColumns[0]!;
  const index = header.indexOf(name);
  const titled = /^(.*)\s\((\d+)\)$/s.exec(name);
  const found = (titled ? course.assignments.find((a) => a.id === Number(titled[2])) : undefined) ?? course.assignments.find((a) => a.title === name);
  let pointsPossible: number | undefined;
  const grades: CanvasImport['grades'] = [];
  for (const row of rest) {
    if (row[0]?.includes('Points Possible')) {
      if (row[index] !== null && row[index] !== undefined) pointsPossible = Number(row[index]);
      continue;
    }
    if (row.filter((cell) => cell !== null).every((cell) => /^\s*(Muted|Manual Posting.*)?\s*$/i.test(cell!))) continue;
    // process_student: by the user id in ID (to_i: leading digits), else by name; none found: Canvas asks.
    const id = row[1] ? Number.parseInt(row[1], 10) : NaN;
    const byId = course.students.has(id) ? id : undefined;
    const byName = [...course.students].find(([, s]) => s.name === row[0] || s.sortableName === row[0])?.[0];
    const userId = byId ?? byName;
    const cell = row[index]?.trim() ?? null;
    grades.push({ userId, cell, score: found ? interpretGrade(cell, found.pointsPossible) : undefined });
  }
  return { assignment: found ? { id: found.id } : { newTitle: titled ? titled[1]! : name, ...(pointsPossible !== undefined ? { pointsPossible } : {}) }, grades };
}

/** posted_grade through Assignment#grade_to_score/interpret_grade for a points assignment: null removes the grade; undefined: not a grade Canvas reads. */
function interpretGrade(cell: string | null, pointsPossible: number): number | null | undefined {
  if (cell === null || cell === '') return null;
  if (/^[+-]?\d*\.?\d+%$/.test(cell)) return (pointsPossible * Number.parseFloat(cell)) / 100;
  if (/^[+-]?\d*\.?\d+$/.test(cell)) return Number.parseFloat(cell);
  return undefined;
}
