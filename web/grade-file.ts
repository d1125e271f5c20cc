/**
 * Grading one file the user picked or dropped: the size is checked before anything is read, and
 * a file that cannot be read still gives an `ungradable` report (as `flowgrade check` does).
 */
import { gradeFlow, type GradeOptions } from '../engine/grade.js';
import { DEFAULT_LIMITS } from '../engine/json-text.js';
import type { GradeReport } from '../engine/report.js';

/** What the page needs of a File (a File, or a stand-in in tests). */
export type PickedFile = Pick<File, 'name' | 'size' | 'arrayBuffer'>;

export const MAX_BYTES = DEFAULT_LIMITS.maxBytes;

export async function gradePickedFile(file: PickedFile, options: Omit<GradeOptions, 'fileName'>): Promise<GradeReport> {
  const fileName = file.name;
  if (file.size > MAX_BYTES) {
    return refused(fileName, options, { code: 'too-large', message: `file is larger than the ${formatMegabytes(MAX_BYTES)} limit (${file.size} bytes)` });
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    const reason = error instanceof Error && error.message ? error.message : 'the browser could not read it';
    return refused(fileName, options, { code: 'unreadable-file', message: `could not be read: ${reason}` });
  }
  return gradeFlow(bytes, { ...options, fileName });
}

/** Same shape as the loader's refusals: grade an empty input, then put the real reason in place. */
async function refused(fileName: string, options: Omit<GradeOptions, 'fileName'>, error: { code: string; message: string }): Promise<GradeReport> {
  const report = await gradeFlow(new Uint8Array(), { ...options, fileName });
  return { ...report, error };
}

export function formatMegabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}
