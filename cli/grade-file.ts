/**
 * Grade one file from disk: a file that cannot even be read still gives an `ungradable` report.
 * The report is the one every output shows (within the reports' bounds: a hostile export's
 * 200,000-character labels cut in the console report too).
 */
import { gradeFlow, refusedReport, type GradeOptions } from '../engine/grade.js';
import type { GradeReport } from '../engine/report.js';
import { boundReport } from '../reports/index.js';
import { readInputFile } from './io.js';

export async function gradeFile(file: string, options: Omit<GradeOptions, 'fileName'>): Promise<GradeReport> {
  const read = await readInputFile(file, options.limits?.maxBytes);
  return boundReport(read.ok ? await gradeFlow(read.bytes, { ...options, fileName: file }) : refusedReport(read.error, { ...options, fileName: file }));
}
