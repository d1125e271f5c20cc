/** File reading at the Node edge: size-checked before reading, errors as one line with a stable code. */
import { closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, readSync, type PathLike, type Stats } from 'node:fs';
import path from 'node:path';
import { open, type FileHandle } from 'node:fs/promises';
import { loadFlow, type LoadOptions, type LoadResult } from '../engine/loader.js';
import { beyondText, DEFAULT_LIMITS, tooLargeText } from '../engine/json-text.js';
import { printableLine } from '../reports/escape.js';
import { strayQuote } from './stray-quote.js';

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; error: { code: string; message: string } };

/**
 * How every input is opened: read-only and non-blocking, so that opening a named pipe returns at
 * once (a blocking open waits for a writer forever); what was opened is then checked with fstat.
 */
const OPEN_FOR_READING = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * `use` given `file` opened as inputs are (OPEN_FOR_READING, with `flags`) and what fstat says of
 * what was opened; the file closed after, whatever `use` does. An error opening it is thrown.
 */
export function withOpenedSync<T>(file: PathLike, use: (fd: number, info: Stats) => T, flags = 0): T {
  const fd = openSync(file, OPEN_FOR_READING | flags);
  try {
    return use(fd, fstatSync(fd));
  } finally {
    closeSync(fd);
  }
}

export async function readInputFile(file: string, maxBytes = DEFAULT_LIMITS.maxBytes): Promise<ReadResult> {
  try {
    const handle = await open(file, OPEN_FOR_READING);
    try {
      const info = await handle.stat();
      return refusedBeforeReadingText(info, maxBytes) ?? (await readAtMost(handle, info.size, maxBytes));
    } finally {
      await handle.close();
    }
  } catch (error) {
    return unreadable(error);
  }
}

/** The most bytes a file is read into (Node's own limit for one read, and readFile's: 2 GiB - 1). */
const MOST_READ = 2 ** 31 - 1;

/**
 * The bytes of a file whose size stat gave, but no more than `maxBytes`: a file may give more than
 * its size says (Linux's /proc and /sys files say 0; /proc/self/pagemap then gives gigabytes, which
 * reading to the end held in memory for minutes), and is refused as too large once past the limit.
 * A size said over 2 GB, or over what the loader decodes, is refused before (refusedBeforeReadingText).
 */
async function readAtMost(handle: FileHandle, size: number, maxBytes: number): Promise<ReadResult> {
  const limit = readLimit(maxBytes);
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    // Room for the size said and one byte more, which tells the end (or a file that grew) in one read;
    // never more than 2 GB at once (Node aborts the process on a larger length).
    const buffer = Buffer.allocUnsafe(Math.min(Math.max(size - total + 1, 65_536), limit + 1 - total, MOST_READ));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
    if (bytesRead === 0) break;
    chunks.push(buffer.subarray(0, bytesRead));
    total += bytesRead;
    if (total > limit) return givesMore(size, maxBytes);
  }
  return { ok: true, bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total) };
}

/** The most bytes of a file read under `maxBytes`: one byte more and it is refused (givesMore). */
export function readLimit(maxBytes: number): number {
  return Math.min(maxBytes, MOST_READ);
}

/** A file that gave more than readLimit(`maxBytes`) though its size (stat's) said `size`, refused. */
export function givesMore(size: number, maxBytes: number): ReadResult {
  return tooLarge(`${readLimit(maxBytes) < maxBytes ? 'file is larger than 2 GB, the most that can be read' : tooLargeText(maxBytes)} (its size says ${size} bytes, but it gives more)`);
}

/** What is said of a folder given as an input (fstat says so, or open(2) on Windows: EISDIR) or as --out. */
export const IS_A_DIRECTORY = 'is a directory, not a file';

/** What is said of a named pipe, a device or a socket, given as an input or as --out. */
export const NOT_A_REGULAR_FILE = 'is not a regular file (a pipe, device or socket)';

/**
 * Why what stat (or fstat) describes is not a file to read: a directory (IS_A_DIRECTORY), or a
 * pipe, device or socket (NOT_A_REGULAR_FILE); undefined for a regular file. Inputs (below) and
 * merge's run records and reports (merge/read-part.ts) are refused in these words.
 */
export function notAFileReason(info: { isDirectory(): boolean; isFile(): boolean }): string | undefined {
  if (info.isDirectory()) return IS_A_DIRECTORY;
  return info.isFile() ? undefined : NOT_A_REGULAR_FILE;
}

/**
 * A directory, anything else that is not a regular file (a pipe, a device such as /dev/zero, whose
 * size says nothing about what it would give), or a file over the size limit: refused before a byte
 * is read (also by grading threads).
 */
export function refusedBeforeReading(info: { isDirectory(): boolean; isFile(): boolean; size: number }, maxBytes: number): ReadResult | undefined {
  const notAFile = notAFileReason(info);
  if (notAFile !== undefined) return { ok: false, error: { code: 'unreadable-file', message: notAFile } };
  if (info.size > maxBytes) return { ok: false, error: { code: 'too-large', message: `${tooLargeText(maxBytes)} (${info.size} bytes)` } };
  return undefined;
}

/**
 * refusedBeforeReading, for a file read to be decoded as text (an export, a --dynvars dataset):
 * also one whose size says it is more than one read takes (2 GB) or than the loader decodes
 * (beyondText: 512 MB), under a --max-size raised that far. Read, such a file was held whole (for
 * seconds, and its size in memory) only for the loader to refuse it, in the words it is refused in
 * here; over 2 GB, grade's one read of it failed. A size that says less than the file gives (0, for
 * /proc files) is no refusal here: the reading stops at the limit.
 */
export function refusedBeforeReadingText(info: { isDirectory(): boolean; isFile(): boolean; size: number }, maxBytes: number): ReadResult | undefined {
  const refused = refusedBeforeReading(info, maxBytes);
  if (refused) return refused;
  if (info.size > MOST_READ) return tooLarge(`file is larger than 2 GB, the most that can be read (${info.size} bytes)`);
  const beyond = beyondText(info.size);
  return beyond === undefined ? undefined : tooLarge(beyond);
}

function tooLarge(message: string): ReadResult {
  return { ok: false, error: { code: 'too-large', message } };
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  // Windows: a file another program holds open (Excel, the gradebook it shows) cannot be removed or replaced.
  EBUSY: 'the file is open in another program (Excel, say): close it and try again',
  EISDIR: IS_A_DIRECTORY,
  ELOOP: 'too many symbolic links (a loop)',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENAMETOOLONG: 'the path is too long',
  EEXIST: 'a file of that name is in the way',
  ENOSPC: 'no space left on the device',
  // The machine's limits, named by the setting that sets them.
  EFBIG: 'the file would pass the limit on file sizes (ulimit -f)',
  EMFILE: 'too many open files: raise the limit of open files, ulimit -n',
  ENFILE: 'too many files open on this machine',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  // Said of reads (/proc/self/mem, /proc/self/pagemap) and of writes (a name a file system does not take) alike.
  EIO: 'an input/output error (a damaged disk, or a special file such as /proc/self/mem)',
  EINVAL: 'the system refuses it (a special file, or a name the file system does not take)',
};

/**
 * What open(2) says of a socket, before fstat can tell it apart as it does a pipe or a device:
 * ENXIO on Linux (also a device without its driver, and a pipe no program reads, opened for
 * writing without waiting), EOPNOTSUPP on macOS and the BSDs.
 */
const NOT_OPENED_AS_A_FILE = new Set(['ENXIO', 'EOPNOTSUPP']);

/** Whether `error`, of open(2), says the path is not a regular file (see NOT_OPENED_AS_A_FILE). */
export function openedNoFile(error: unknown): boolean {
  return NOT_OPENED_AS_A_FILE.has((error as NodeJS.ErrnoException).code ?? '');
}

/** A file that could not be opened or read, in one line. */
export function unreadable(error: unknown): ReadResult {
  return { ok: false, error: { code: 'unreadable-file', message: openedNoFile(error) ? NOT_A_REGULAR_FILE : (brokenLink(error) ?? notFoundQuoted(error) ?? reasonOf(error)) } };
}

/**
 * A symlink whose target is missing, where open(2) said ENOENT: it is there (ls lists it), so
 * "no such file" would deny the name given; its target is named instead. Undefined otherwise.
 */
function brokenLink(error: unknown): string | undefined {
  const { code, path: file } = error as NodeJS.ErrnoException;
  if (code !== 'ENOENT' || typeof file !== 'string') return undefined;
  try {
    return lstatSync(file).isSymbolicLink() ? `a symbolic link to ${readlinkSync(file)}, which does not exist` : undefined;
  } catch {
    return undefined;
  }
}

/** A name not found that kept the quotes it was given in (`check "'sol.json'"`, cmd's), told so. Undefined otherwise. */
function notFoundQuoted(error: unknown): string | undefined {
  const { code, path: file } = error as NodeJS.ErrnoException;
  const advice = code === 'ENOENT' && typeof file === 'string' ? strayQuote(file) : '';
  return advice ? `${REASONS.ENOENT}${advice}` : undefined;
}

/**
 * A name that is not UTF-8 (as Linux's unzip leaves the names of a zip made on Windows, in its DOS
 * code page) reaches us with U+FFFD in place of its bytes, and is then not found: said so of a
 * `file` or `folder`, or undefined for any other error.
 */
export function notUtf8Name(error: unknown, what: 'file' | 'folder'): string | undefined {
  const { code, path } = error as NodeJS.ErrnoException;
  return code === 'ENOENT' && typeof path === 'string' && path.includes('\uFFFD') ? `its name is not valid UTF-8: rename the ${what}` : undefined;
}

/** Why a file-system call failed, in a few words. */
export function reasonOf(error: unknown): string {
  const { code } = error as NodeJS.ErrnoException;
  if (code === 'ERR_ACCESS_DENIED') return deniedByPermissionModel((error as { permission?: string }).permission);
  const notUtf8 = notUtf8Name(error, 'file');
  if (notUtf8 !== undefined) return notUtf8;
  // An --out that is a link to a folder not there (a share not mounted): `ls` lists it, "no such file" would deny it.
  const link = brokenLink(error);
  if (link !== undefined) return link;
  return code !== undefined && Object.hasOwn(REASONS, code) ? REASONS[code] : (error as Error).message;
}

/**
 * Refused by Node's permission model (Node's own words, "Access to this API has been restricted",
 * do not say which setting restricts it): the flag that allows it.
 */
function deniedByPermissionModel(permission: string | undefined): string {
  const flag = permissionModelFlag();
  if (permission === 'FileSystemRead') return `Node's permission model does not allow reading it: add --allow-fs-read=<path> to ${flag}`;
  if (permission === 'FileSystemWrite') return `Node's permission model does not allow writing there: add --allow-fs-write=<path> to ${flag}`;
  return `Node's permission model does not allow it (${permission ?? 'access denied'}; ${flag})`;
}

/** The permission model's flag as this Node was given it (`--permission` from Node 22.13 and 23.5). */
export function permissionModelFlag(): string {
  return process.execArgv.includes('--permission') || /(^|\s)--permission(\s|$)/.test(process.env.NODE_OPTIONS ?? '') ? '--permission' : '--experimental-permission';
}

/**
 * The first `bytes` bytes of a regular file, as UTF-8 text, and the file's size; undefined for
 * anything else or a file that cannot be read (opened as inputs are: a pipe is never waited on).
 */
export function readStartSync(file: string, bytes: number): { text: string; size: number } | undefined {
  try {
    return withOpenedSync(file, (fd, info) => {
      if (!info.isFile()) return undefined;
      const buffer = Buffer.alloc(Math.min(info.size, bytes));
      return { text: buffer.toString('utf8', 0, readSync(fd, buffer, 0, buffer.length, 0)), size: info.size };
    });
  } catch {
    return undefined;
  }
}

/** Which of `names` are in `folder`: as `folders`, and as `files` (anything else, a symlink included). */
export function namesIn(folder: string, names: readonly string[]): { files: string[]; folders: string[] } {
  const files: string[] = [];
  const folders: string[] = [];
  for (const name of names) {
    const info = lstatSync(path.join(folder, name), { throwIfNoEntry: false });
    if (info !== undefined) (info.isDirectory() ? folders : files).push(name);
  }
  return { files, folders };
}

/** Read and load one flow file. */
export async function loadFlowFile(file: string, options: LoadOptions = {}): Promise<LoadResult> {
  const read = await readInputFile(file, options.maxBytes);
  if (!read.ok) return { ok: false, error: read.error as { code: never; message: string } };
  return loadFlow(read.bytes, { ...options, fileName: options.fileName ?? file });
}

/** The one-line form of an input error: `flowgrade: <file>: <message> [<code>]`, printable (file names come from strangers). */
export function inputErrorLine(file: string, error: { code: string; message: string }): string {
  return printableLine(`flowgrade: ${file}: ${error.message} [${error.code}]`);
}
