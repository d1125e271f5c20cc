/**
 * A picked file graded as the self-check page grades it, on one thread: read on the page
 * (readPickedFile), its bytes graded as its grading worker grades them (gradeBytes).
 */
import type { GradeOptions } from '../../../engine/grade.js';
import { gradeBytes, readPickedFile, type GradedFile, type PickedFile } from '../../../web/grade-file.js';

export async function gradePickedFile(file: PickedFile, options: Omit<GradeOptions, 'fileName'>, readBefore = new WeakSet<object>()): Promise<GradedFile> {
  const read = await readPickedFile(file, options, readBefore);
  return 'refused' in read ? read.refused : gradeBytes(read.bytes, { ...options, fileName: file.name });
}
