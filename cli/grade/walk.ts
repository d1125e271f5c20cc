/**
 * Listing the files under a folder for batch grading: hidden entries, node_modules and flowgrade's
 * own output folders skipped, symlinked folders not followed.
 */
import { realpathSync, type Dirent } from 'node:fs';
import { lstat, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { notUtf8Name } from '../io.js';

/** The path with every symlink resolved, or (when it does not exist yet) just made absolute. */
export function realPath(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return path.resolve(file);
  }
}

/**
 * Never walked into, nor by `**`: hidden names (`.git`, macOS's `.Trashes`, `._x.json`),
 * `node_modules`, Office lock files (`~$x.json`), and the folders Windows keeps at a drive's root,
 * its recycle bin (deleted files as `$R….json`) and `System Volume Information` (unreadable): a
 * USB stick graded from its root.
 */
export function isSkippedName(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules' || isOfficeLockName(name) || WINDOWS_DRIVE_FOLDERS.has(name.toLowerCase());
}

const WINDOWS_DRIVE_FOLDERS = new Set(['$recycle.bin', 'system volume information', 'recycler']);

/**
 * The lock file Word or Excel leaves beside a file it has open: `~$` and the name (less its first
 * two characters when long: `~$in_Flow_140.json`), a few bytes holding the user's name, newer
 * than the export and named like it, so that it would otherwise be kept as the attendee's newest.
 * Skipped in folder walks (isSkippedName) and in archives (zip.ts).
 */
export function isOfficeLockName(name: string): boolean {
  return name.startsWith('~$');
}

/** The file `flowgrade grade` leaves in its output folder: a folder holding it holds reports, not submissions. */
export const OUTPUT_MARKER = '.flowgrade-output';

/** The run's record `grade` leaves beside its class files (run-record.ts): visible, so a CI artifact of the folder keeps it. */
export const RUN_RECORD_FILE = 'flowgrade-run.json';

/**
 * Every entry under `dir` that is not a folder, recursively, as paths joined onto `dir`, sorted by
 * code point: files, and also pipes, devices and broken symlinks (reading them says what they
 * are). Skips isSkippedName's names (`.x`, `node_modules`, …) and folders holding OUTPUT_MARKER or RUN_RECORD_FILE;
 * never follows a symlink to a folder (no loops). Folders that cannot be read are reported through
 * `warn` and skipped.
 */
export async function walkFiles(dir: string, warn: (line: string) => void, list: Listing = listFolder): Promise<string[]> {
  const files: string[] = [];
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop()!;
    for (const entry of await list(current, warn)) {
      if (isSkippedName(entry.name)) continue;
      const full = path.join(current, entry.name);
      const type = await entryType(entry, full);
      if (type === 'folder') pending.push(full);
      else if (await isTakenAsFile(type, full)) files.push(full);
    }
  }
  return files.sort(compareCodePoints);
}

/** How a folder's entries are listed (listFolder; a test stands in for another system's). */
export type Listing = (dir: string, warn: (line: string) => void) => Promise<Dirent[]>;

/** A folder's entries; none (said through `warn`) for a folder that cannot be read or that holds OUTPUT_MARKER or RUN_RECORD_FILE. */
export async function listFolder(dir: string, warn: (line: string) => void): Promise<Dirent[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    warn(`flowgrade: ${dir}: cannot read folder (${notUtf8Name(error, 'folder') ?? (error as NodeJS.ErrnoException).code ?? 'error'}); skipped [unreadable-file]`);
    return [];
  }
  // Its record too: an output downloaded as a CI artifact has no marker (upload-artifact leaves hidden files out), and its reports and record would be graded as so many ungradable submissions.
  const held = [OUTPUT_MARKER, RUN_RECORD_FILE].find((name) => entries.some((entry) => entry.name === name));
  if (held !== undefined) {
    warn(`flowgrade: ${dir}: a flowgrade output folder (it holds ${held}); skipped [output-folder]`);
    return [];
  }
  return entries;
}

/**
 * A listed entry: a folder, a symlink (to follow or not), or anything else. Windows lists every
 * reparse point as a symlink, and OneDrive (where Windows keeps Desktop and Documents) makes each
 * folder and file it syncs one, though they are no links: lstat, which calls only symlinks and
 * junctions links, says what such an entry is.
 */
export async function entryType(entry: Dirent, full: string): Promise<EntryType> {
  if (entry.isDirectory()) return 'folder';
  if (entry.isFile()) return 'file';
  if (!entry.isSymbolicLink()) return 'other'; // a pipe, a device, a socket
  try {
    const info = await lstat(full);
    return info.isSymbolicLink() ? 'link' : info.isDirectory() ? 'folder' : info.isFile() ? 'file' : 'other';
  } catch {
    return 'link'; // gone meanwhile, or not to be looked at: as listed
  }
}

type EntryType = 'folder' | 'file' | 'link' | 'other';

/**
 * Whether a listed entry (`type` from entryType) is taken as a file by folder walks and patterns:
 * anything that is not a folder — a file, a pipe, a device, a symlink to a file, a broken or
 * looping one — whose row says what it is; a symlink to a folder is not (it is never followed).
 */
export async function isTakenAsFile(type: EntryType, full: string): Promise<boolean> {
  return type !== 'folder' && (type !== 'link' || !(await isFolder(full)));
}

async function isFolder(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isDirectory();
  } catch {
    return false;
  }
}

/** Locale-independent string order (the same on every machine). */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
