/**
 * A report written to a file the user named (`check --out`): whole, or not at all. A write that
 * fails once the file is open (a full disk, a quota, a file-size limit, an I/O error) would leave
 * the part written, which opens as a report that merely stops: it is removed, and the error thrown
 * says so (`partRemoved`). Refusals to open (no folder, permission) leave the file as it was.
 *
 * Only a regular file is written: a named pipe, a device or a socket (or a symlink to one) is
 * refused before it is opened (`notRegular`), so a pipe no program reads is never waited on, a
 * device is never opened (nor, after a failed write, removed: `--out /dev/full` as root removed
 * the system's), and what is opened is checked again, in case it changed in between.
 */
import { constants } from 'node:fs';
import { lstat, open, stat, unlink } from 'node:fs/promises';
import { openedNoFile } from './io.js';

/** Errors of write(2) itself: the file was opened (and emptied) before. */
const WRITE_FAILURES = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'EIO']);

/** A write that failed part-way: a full disk, a quota, a file-size limit, an I/O error. */
function isWriteFailure(error: unknown): boolean {
  return WRITE_FAILURES.has((error as NodeJS.ErrnoException).code ?? '');
}

/** What writeWhole asks of a file's status. */
interface FileInfo {
  isFile(): boolean;
  isDirectory(): boolean;
  dev: number | bigint;
  ino: number | bigint;
}

interface WholeFileHandle {
  stat(): Promise<FileInfo>;
  truncate(): Promise<void>;
  writeFile(text: string): Promise<void>;
  close(): Promise<void>;
}

interface WholeFileFs {
  /** Through symlinks; fails for a file that is not there. */
  stat(file: string): Promise<FileInfo>;
  lstat(file: string): Promise<FileInfo & { isSymbolicLink(): boolean }>;
  /** For writing, made if missing, not emptied yet; never waiting (a pipe that appeared since stat). */
  open(file: string): Promise<WholeFileHandle>;
  unlink(file: string): Promise<void>;
}

/** Write-only, created if missing, not truncated (that waits until it is known to be a regular file), non-blocking. */
const OPEN_FOR_WRITING = constants.O_WRONLY | constants.O_CREAT | (constants.O_NONBLOCK ?? 0);

// Ids as bigints: on Windows (NTFS) a file id is often beyond 2^53, where a number would round it.
const NODE_FS: WholeFileFs = {
  stat,
  lstat: (file) => lstat(file, { bigint: true }),
  unlink,
  open: async (file) => {
    const handle = await open(file, OPEN_FOR_WRITING, 0o666);
    return { stat: () => handle.stat({ bigint: true }), truncate: () => handle.truncate(0), writeFile: (text) => handle.writeFile(text), close: () => handle.close() };
  },
};

/** The error writeWhole throws for a file that is not a regular one (a pipe, a device, a socket). */
function notRegular(file: string): Error {
  return Object.assign(new Error(`${file} is not a regular file`), { notRegular: true });
}

export async function writeWhole(file: string, text: string, fs: WholeFileFs = NODE_FS): Promise<void> {
  // A file not there is made by open; a folder is refused by open (EISDIR), as any other error says.
  const before = await fs.stat(file).catch(() => undefined);
  if (before !== undefined && !before.isFile() && !before.isDirectory()) throw notRegular(file);
  const handle = await fs.open(file).catch((error: unknown) => {
    // A pipe with no reader, a socket or a device without its driver, there since stat.
    throw openedNoFile(error) ? notRegular(file) : error;
  });
  let opened: FileInfo;
  try {
    opened = await handle.stat();
    if (!opened.isFile()) throw notRegular(file);
    await handle.truncate();
    try {
      await handle.writeFile(text);
    } catch (error) {
      if (!isWriteFailure(error)) throw error;
      throw Object.assign(error as Error, { partRemoved: await removePart(file, opened, handle, fs) });
    }
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
  // A file system that writes back later (NFS) may say only now that the disk is full or the
  // quota reached: the report is not whole. (Any other error of close changes nothing written.)
  await handle.close().catch(async (error: unknown) => {
    if (!isWriteFailure(error)) return;
    throw Object.assign(error as Error, { partRemoved: await removePart(file, opened, undefined, fs) });
  });
}

/**
 * The part written removed: the file opened is emptied (while it is open); the name is removed
 * only if it still names that very file. Through a symlink (a report published elsewhere) the link is kept.
 */
async function removePart(file: string, opened: FileInfo, handle: WholeFileHandle | undefined, fs: WholeFileFs): Promise<boolean> {
  const emptied = handle !== undefined && (await handle.truncate().then(() => true, () => false));
  const named = await fs.lstat(file).catch(() => undefined);
  const same = named !== undefined && !named.isSymbolicLink() && named.isFile() && named.dev === opened.dev && named.ino === opened.ino;
  const unlinked = same && (await fs.unlink(file).then(() => true, () => false));
  return emptied || unlinked;
}
