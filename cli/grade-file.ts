/** Grade one file from disk: a file that cannot even be read still gives an `ungradable` report. */
import { gradeFlow, refusedReport, type GradeOptions } from '../engine/grade.js';
import type { GradeReport } from '../engine/report.js';
import { readInputFile } from './io.js';

export async function gradeFile(file: string, options: Omit<GradeOptions, 'fileName'>): Promise<GradeReport> {
  const read = await readInputFile(file, options.limits?.maxBytes);
  return read.ok ? gradeFlow(read.bytes, { ...options, fileName: file }) : refusedReport(read.error, { ...options, fileName: file });
}
