/** Grade one file from disk: a file that cannot even be read still gives an `ungradable` report. */
import { gradeFlow, type GradeOptions } from '../engine/grade.js';
import type { GradeReport } from '../engine/report.js';
import { readInputFile } from './io.js';

export async function gradeFile(file: string, options: Omit<GradeOptions, 'fileName'>): Promise<GradeReport> {
  const read = await readInputFile(file, options.limits?.maxBytes);
  if (read.ok) return gradeFlow(read.bytes, { ...options, fileName: file });
  // Same shape as the loader's refusals: grade an empty input, then put the read error in place.
  const report = await gradeFlow(new Uint8Array(), { ...options, fileName: file });
  return { ...report, error: read.error };
}
