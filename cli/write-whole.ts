/**
 * A report written to a file the user named (`check --out`): whole, or not at all. A write that
 * fails once the file is open (a full disk, a quota, a file-size limit, an I/O error) would leave
 * the part written, which opens as a report that merely stops: it is removed, and the error thrown
 * says so (`partRemoved`). Refusals to open (no folder, permission) leave the file as it was.
 */
import { lstat, truncate, unlink, writeFile } from 'node:fs/promises';

/** Errors of write(2) itself: the file was opened (and emptied) before. */
const WRITE_FAILURES = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'EIO']);

/** A write that failed part-way: a full disk, a quota, a file-size limit, an I/O error. */
export function isWriteFailure(error: unknown): boolean {
  return WRITE_FAILURES.has((error as NodeJS.ErrnoException).code ?? '');
}

export interface WholeFileFs {
  writeFile(file: string, text: string): Promise<void>;
  lstat(file: string): Promise<{ isSymbolicLink(): boolean }>;
  unlink(file: string): Promise<void>;
  truncate(file: string): Promise<void>;
}

const NODE_FS: WholeFileFs = { writeFile: (file, text) => writeFile(file, text), lstat, unlink, truncate: (file) => truncate(file, 0) };

export async function writeWhole(file: string, text: string, fs: WholeFileFs = NODE_FS): Promise<void> {
  try {
    await fs.writeFile(file, text);
  } catch (error) {
    if (!isWriteFailure(error)) throw error;
    // Through a symlink (a report published elsewhere), the file it leads to is emptied, the link kept.
    const removed = await fs.lstat(file).then((info) => (info.isSymbolicLink() ? fs.truncate(file) : fs.unlink(file))).then(() => true, () => false);
    throw Object.assign(error as Error, { partRemoved: removed });
  }
}
