/**
 * Grading one file the user picked or dropped: the size is checked before anything is read, and
 * a file that cannot be read still gives an `ungradable` report (as `flowgrade check` does).
 */
import { gradeFlow, refusedReport, type GradeOptions } from '../engine/grade.js';
import { DEFAULT_LIMITS } from '../engine/json-text.js';
import type { GradeReport } from '../engine/report.js';
import { boundReport } from '../reports/bounds.js';

/** What the page needs of a File (a File, or a stand-in in tests); `folder` when a folder was dropped. */
export type PickedFile = Pick<File, 'name' | 'size' | 'arrayBuffer'> & { folder?: boolean };

export const MAX_BYTES = DEFAULT_LIMITS.maxBytes;

/**
 * `readBefore`: the files read whole before (the page's record, so a file given once and graded
 * again when an option changes is told apart from one given just now); the file joins it once read.
 */
export async function gradePickedFile(file: PickedFile, options: Omit<GradeOptions, 'fileName'>, readBefore = new WeakSet<object>()): Promise<GradeReport> {
  const fileName = file.name;
  // A dropped folder comes as a File that cannot be read ("could not be found"): say what it is, as the CLI does.
  if (file.folder) return refusedReport({ code: 'unreadable-file', message: 'is a directory, not a file' }, { ...options, fileName });
  if (file.size > MAX_BYTES) {
    return refusedReport({ code: 'too-large', message: `file is larger than the ${formatMegabytes(MAX_BYTES)} limit (${file.size} bytes)` }, { ...options, fileName });
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    return refusedReport({ code: 'unreadable-file', message: `could not be read: ${unreadableReason(error, readBefore.has(file))}` }, { ...options, fileName });
  }
  readBefore.add(file);
  return boundReport(await gradeFlow(bytes, { ...options, fileName })); // as the CLI shows it (reports/bounds.ts)
}

/**
 * Why the browser could not read a file. Chromium blames "permission problems" (NotReadableError)
 * both for a file read before that changed (exported again over it), moved or was deleted since it
 * was given (the browser reads a file as it was when given), and for one refused on its first read:
 * locked by another program, or a cloud placeholder not downloaded (OneDrive "online-only").
 */
function unreadableReason(error: unknown, readBefore: boolean): string {
  const name = (error as { name?: unknown } | undefined)?.name;
  if (name === 'NotReadableError' || name === 'NotFoundError') {
    return readBefore
      ? 'it changed, moved or was deleted since it was given'
      : 'the browser was refused it (it may be locked by another program, or kept online only, such as a OneDrive "online-only" file not downloaded to this computer)';
  }
  return error instanceof Error && error.message ? error.message : 'the browser could not read it';
}

export function formatMegabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}
