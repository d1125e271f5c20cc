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

export async function gradePickedFile(file: PickedFile, options: Omit<GradeOptions, 'fileName'>): Promise<GradeReport> {
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
    // The browser reads the file as it was when given: changed (exported again over it), moved or
    // deleted since, it cannot be read again, and Chromium blames "permission problems".
    const name = (error as { name?: unknown } | undefined)?.name;
    const gone = name === 'NotReadableError' || name === 'NotFoundError';
    const reason = gone ? 'it changed, moved or was deleted since it was given' : error instanceof Error && error.message ? error.message : 'the browser could not read it';
    return refusedReport({ code: 'unreadable-file', message: `could not be read: ${reason}` }, { ...options, fileName });
  }
  return boundReport(await gradeFlow(bytes, { ...options, fileName })); // as the CLI shows it (reports/bounds.ts)
}

export function formatMegabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}
