/**
 * Grade one file from disk: a file that cannot even be read still gives an `ungradable` report.
 * The report is the one every output shows (within the reports' bounds: a hostile export's
 * 200,000-character labels cut in the console report too).
 */
import { gradeFlow, gradingFailed, refusedReport, type GradeOptions } from '../engine/grade.js';
import type { GradeReport } from '../engine/report.js';
import { boundReport } from '../reports/index.js';
import { readInputFile } from './io.js';

/**
 * A grading that throws (a bug of ours an export met) gives this file an `internal-error` report, as
 * a row of `grade` gets (cli/grade/task.ts): `check`'s other files are graded and reported all the same.
 */
export async function gradeFile(file: string, options: Omit<GradeOptions, 'fileName'>, grade = gradeFlow): Promise<GradeReport> {
  const named = { ...options, fileName: file };
  const read = await readInputFile(file, options.limits?.maxBytes);
  if (!read.ok) return boundReport(refusedReport(read.error, named));
  try {
    return boundReport(await grade(read.bytes, named));
  } catch (error) {
    return boundReport(refusedReport(gradingFailed(error), named));
  }
}
