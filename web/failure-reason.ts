/**
 * Why the page could not grade a file: one code per case, given where the case is known (the
 * page's own checks and the loader's stable code in grade-file.ts, a bug of ours in app.ts) and
 * read by messages.ts to say what to do next. The advice never depends on a message's wording.
 */
export const FAILURE_REASONS = [
  /** A folder was dropped (the unzipped export folder). */
  'folder',
  /** Over the page's size limit (refused before it is read), or over one of the loader's. */
  'too-large',
  /** The browser could not read it, for a reason it did not name. */
  'unreadable',
  /** Read whole before (graded), refused when graded again: changed, moved or deleted since. */
  'changed-since-given',
  /** Refused on its first read: locked by another program, or a cloud file kept online only. */
  'refused-on-first-read',
  /** Not JSON but a ZIP archive (a zipped export): to unzip, not to export again. */
  'zip',
  /** Not JSON (a syntax error, UTF-16) in a file named or starting as an export: an export gone wrong. */
  'not-json',
  /**
   * JSON, but not a Flow Designer export (`not-a-flow`, `invalid-flow`), or another kind of file (an
   * image, a PDF, a web page: json-text.ts isOtherKindOfFile; a text neither named nor starting as an
   * export, such as notes.txt: grade-file.ts pickedAnotherFile).
   */
  'not-a-flow',
  /** Any other of the loader's refusals (`empty-file`, `too-deep`, …). */
  'unusable-export',
  /**
   * Grading outlasted the page's time limit and was stopped: a regular expression that backtracks
   * without end, which the CLI finishes (its linear-time engine) and a browser cannot.
   */
  'grading-timeout',
  /**
   * No grading worker could be started (a browser without Web Workers, a host's policy refusing
   * them): the page does not grade on its own thread, where nothing could stop a grading that
   * never ends and the tab would hang.
   */
  'no-grading-worker',
  /** A bug of the grader, not the user's file. */
  'internal-error',
] as const;

export type FailureReason = (typeof FAILURE_REASONS)[number];
