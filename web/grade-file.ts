/**
 * Grading one file the user picked or dropped: the size is checked before anything is read, and
 * a file that cannot be read still gives an `ungradable` report (as `flowgrade check` does), with
 * the reason code the page's advice is chosen by.
 */
import { gradeFlow, refusedReport, type GradeOptions } from '../engine/grade.js';
import { DEFAULT_LIMITS, isOtherKindOfFile, isZipArchive, tooLargeText, wideEncoding, withoutBom } from '../engine/json-text.js';
import type { GradeReport } from '../engine/report.js';
import { boundReport } from '../reports/bounds.js';
import type { FailureReason } from './failure-reason.js';

/**
 * What the page needs of a File (a File, or a stand-in in tests); `folder` when a folder was dropped;
 * `lastModified` tells it from another file of its name given with it (web/messages.ts oneToGrade).
 */
export type PickedFile = Pick<File, 'name' | 'size' | 'arrayBuffer'> & Partial<Pick<File, 'lastModified'>> & { folder?: boolean };

/** A file's report and, when it is ungradable, why (the page's advice follows the reason, never the message's words). */
export interface GradedFile {
  report: GradeReport;
  reason?: FailureReason;
}

export const MAX_BYTES = DEFAULT_LIMITS.maxBytes;

/**
 * The file's bytes, or the report of a file refused before they were read whole (a folder, too large,
 * unreadable). `readBefore`: the files read whole before (the page's record, so a file given once and
 * graded again when an option changes is told apart from one given just now); the file joins it once
 * read. The page then grades the bytes in its grading worker (gradeBytes there: web/grading-request.ts).
 */
export async function readPickedFile(file: PickedFile, options: Omit<GradeOptions, 'fileName'>, readBefore: WeakSet<object>): Promise<{ bytes: Uint8Array } | { refused: GradedFile }> {
  const refused = (reason: FailureReason, code: string, message: string) => ({ refused: refusedFile(reason, { code, message }, { ...options, fileName: file.name }) });
  // A dropped folder comes as a File that cannot be read ("could not be found"): say what it is, as the CLI does.
  if (file.folder) return refused('folder', 'unreadable-file', 'is a directory, not a file');
  if (file.size > MAX_BYTES) return refused('too-large', 'too-large', `${tooLargeText(MAX_BYTES)} (${file.size} bytes)`);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    const unreadable = unreadableReason(error, readBefore.has(file));
    return refused(unreadable.reason, 'unreadable-file', `could not be read: ${unreadable.words}`);
  }
  readBefore.add(file);
  return { bytes };
}

/** A file's bytes graded, the report as the CLI shows it (reports/bounds.ts), with the reason when it is ungradable. */
export async function gradeBytes(bytes: Uint8Array, options: GradeOptions): Promise<GradedFile> {
  const report = boundReport(await gradeFlow(bytes, options));
  return { report, reason: report.error ? loaderReason(report.error.code, bytes, options.fileName) : undefined };
}

/**
 * The report of a file whose grading outlasted the page's time limit (`seconds`), its worker
 * stopped: the code of `grade --timeout`, and what a browser cannot finish that the CLI can.
 */
export function timedOutFile(seconds: number, options: GradeOptions): GradedFile {
  const message = `grading took longer than ${seconds} s; stopped: the export may hold an expression or pattern this browser cannot finish`;
  return refusedFile('grading-timeout', { code: 'grading-timeout', message }, options);
}

/**
 * The report of a file not graded because no grading worker could be started: on the page's own
 * thread nothing could stop a grading at the time limit (a regular expression that backtracks
 * without end, run there, would hang the tab for good).
 */
export function noWorkerFile(options: GradeOptions): GradedFile {
  const message = 'not graded: this browser could not start the grading worker, which stops a grading that would never end (a browser without Web Workers, or a site refusing them)';
  return refusedFile('no-grading-worker', { code: 'no-grading-worker', message }, options);
}

function refusedFile(reason: FailureReason, error: { code: string; message: string }, options: GradeOptions): GradedFile {
  return { report: refusedReport(error, options), reason };
}

/**
 * The reason of a loader's refusal, from its stable code (docs/errors.md) and, for a file refused as
 * not JSON, its first bytes and name: a ZIP archive (isZipArchive, as the loader tells one), another
 * kind of file (isOtherKindOfFile), or a text that is no export (pickedAnotherFile).
 */
function loaderReason(code: string, bytes: Uint8Array, fileName: string): FailureReason {
  switch (code) {
    case 'not-json':
      // An image, a PDF, a write-up, a report of ours, notes: another file picked, not an export gone wrong.
      return isZipArchive(bytes) ? 'zip' : isOtherKindOfFile(bytes) || pickedAnotherFile(bytes, fileName) ? 'not-a-flow' : 'not-json';
    case 'not-a-flow':
    case 'invalid-flow':
      return 'not-a-flow';
    case 'too-large':
      return 'too-large';
    default:
      return 'unusable-export';
  }
}

/**
 * A file refused as not JSON that is neither named as an export (`.json`) nor starts as one (`{`, or
 * `[`, after whitespace and a UTF-8 BOM): notes.txt, a .pdf holding text. Exporting again would not
 * mend it; the export is another file. An export cut short or saved as `.txt` starts as one, and one
 * saved again in UTF-16 (wideEncoding) is told by its message to be exported again.
 */
function pickedAnotherFile(bytes: Uint8Array, fileName: string): boolean {
  if (/\.json$/i.test(fileName) || wideEncoding(bytes) !== undefined) return false;
  const start = withoutBom(new TextDecoder().decode(bytes.subarray(0, 256))).trimStart();
  return !/^[{[]/.test(start);
}

/**
 * Why the browser could not read a file. Chromium blames "permission problems" (NotReadableError)
 * both for a file read before that changed (exported again over it), moved or was deleted since it
 * was given (the browser reads a file as it was when given), and for one refused on its first read:
 * locked by another program, or a cloud placeholder not downloaded (OneDrive "online-only").
 */
function unreadableReason(error: unknown, readBefore: boolean): { reason: FailureReason; words: string } {
  const name = (error as { name?: unknown } | undefined)?.name;
  if (name === 'NotReadableError' || name === 'NotFoundError') {
    return readBefore
      ? { reason: 'changed-since-given', words: 'it changed, moved or was deleted since it was given' }
      : { reason: 'refused-on-first-read', words: 'the browser was refused it (it may be locked by another program, or kept online only, such as a OneDrive "online-only" file not downloaded to this computer)' };
  }
  return { reason: 'unreadable', words: error instanceof Error && error.message ? error.message : 'the browser could not read it' };
}
