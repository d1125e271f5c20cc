/** Shared shapes of batch grading: what discovery finds and what one graded submission gives back. */
import type { GradeReport } from '../../engine/report.js';
import type { ClassRow } from '../../reports/index.js';

/** A stable code and a one-line message, as the loader and `readInputFile` report them. */
export interface InputError {
  code: string;
  message: string;
}

/**
 * One submission found in the inputs. `file` is its display path: the path as found for a file
 * on disk, `<archive>!/<entry>` for a zip entry (nested: `a.zip!/b.zip!/c.json`). `entry`, for a
 * zip entry whose archive holds another entry of its name (two uploads of one file): its place
 * in the archive, 1 for the first entry (folders and other files counted), which tells the two
 * apart where their one display path cannot.
 */
export type Candidate = (
  /**
   * A file on disk: read (with the size check) by whoever grades it. `at`, for a file whose path
   * is not UTF-8 (walk.ts), is the path's bytes, which it is opened by; `file` then only shows it.
   */
  | { kind: 'path'; file: string; mtimeMs: number; at?: Uint8Array }
  /** A zip entry, already expanded (within the limits). */
  | { kind: 'bytes'; file: string; mtimeMs: number; bytes: Uint8Array }
  /** Refused before grading (unsafe zip entry, archive over its limits, …): an `ungradable` row. */
  | { kind: 'refused'; file: string; mtimeMs: number; error: InputError }
) & { entry?: number };

/**
 * A candidate as discovery found it, with the real folder it lies in (symlinks resolved; inside an
 * archive, the archive's real path then the entry's folder): one attendee's submissions are
 * duplicates only within one folder, however the folder was named on the command line.
 */
export type Submission = Candidate & { folder: string };

/** What one graded submission gives back to the batch. */
export interface GradedRow {
  /** Position in the batch's task list: names the staged report files. */
  index: number;
  file: string;
  /** Its place in its archive, when the archive holds another entry of its name (see Candidate). */
  entry?: number;
  /** The real folder it lies in (see Submission). */
  folder: string;
  mtimeMs: number;
  /** The report without its bulky parts (traces, flow drawing): enough for class-level outputs. */
  report: GradeReport;
  /** Its rows of junit.xml, index.html, grades.csv and summary.md, rendered by the thread that graded it. */
  classRow: ClassRow;
}
