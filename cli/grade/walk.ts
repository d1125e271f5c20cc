/**
 * Listing the files under a folder for batch grading: hidden entries, node_modules and flowgrade's
 * own output folders skipped, symlinked folders not followed.
 */
import { isUtf8 } from 'node:buffer';
import { realpathSync, type Dirent, type PathLike } from 'node:fs';
import { lstat, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { notUtf8Name } from '../io.js';
import { unflaggedName } from './unflagged-name.js';

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
 * A file under a folder given whose path is not UTF-8 (Linux's `unzip` writes the names of a zip
 * made on Windows in its DOS code page, as they are). Node lists such a name with U+FFFD in place
 * of its bytes and cannot open it by that name: it is opened by its path's bytes instead, and
 * shown with each name read as an archive's name is (unflaggedName: code page 437).
 */
export interface NotUtf8File {
  /** The path as shown. */
  file: string;
  /** The path's bytes, to open it by. */
  bytes: Buffer;
  /** The last folder on its path whose name is UTF-8, as walked. */
  under: string;
}

/** What a folder walk (walkFiles) or a pattern (glob.ts) found: paths, and the files whose path is not UTF-8 (see NotUtf8File). */
export interface Walked {
  files: string[];
  notUtf8: NotUtf8File[];
}

/**
 * Every entry under `dir` that is not a folder, recursively, as paths joined onto `dir`, sorted by
 * code point: files, and also pipes, devices and broken symlinks (reading them says what they
 * are). Skips isSkippedName's names (`.x`, `node_modules`, …) and folders holding OUTPUT_MARKER or RUN_RECORD_FILE;
 * never follows a symlink to a folder (no loops). Folders that cannot be read are reported through
 * `warn` and skipped. Files and folders whose names are not UTF-8 are walked by their bytes (notUtf8).
 */
export async function walkFiles(dir: string, warn: (line: string) => void, list: Listing = listFolder): Promise<Walked> {
  const files: string[] = [];
  const notUtf8: NotUtf8File[] = [];
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop()!;
    const entries = await list(current, warn);
    const { aliases, byBytes } = await notUtf8Entries(current, entries, warn);
    for (const entry of entries) {
      if (isSkippedName(entry.name) || aliases.has(entry.name)) continue;
      const full = path.join(current, entry.name);
      const type = await entryType(entry, full);
      if (type === 'folder') pending.push(full);
      else if (await isTakenAsFile(type, full)) files.push(full);
    }
    // What lies under those, walked by bytes all the way down.
    const pendingBytes = byBytes ? [byBytes] : [];
    while (pendingBytes.length > 0) {
      const { at, shown, entries: listed } = pendingBytes.pop()!;
      for (const entry of listed) {
        const full = entryByBytes({ at, shown }, entry);
        if (isSkippedName(full.name)) continue;
        const type = await entryType(entry, full.at);
        if (type === 'folder') pendingBytes.push({ at: full.at, shown: full.shown, entries: await listFolderBytes(full.at, full.shown, warn) });
        else if (await isTakenAsFile(type, full.at)) notUtf8.push({ file: full.shown, bytes: full.at, under: current });
      }
    }
  }
  return { files: files.sort(compareCodePoints), notUtf8: notUtf8.sort((a, b) => compareCodePoints(a.file, b.file)) };
}

/** A folder named by its path's bytes (`at`), shown as `shown`. */
export interface FolderByBytes {
  at: Buffer;
  shown: string;
}

/**
 * The entries of `dir` (listed as `entries`) whose names are not UTF-8, listed again as bytes
 * (`byBytes`; undefined unless a listed name holds U+FFFD, as in almost every folder), and the names
 * Node listed them by (`aliases`: U+FFFD for those bytes), which are no entries of their own.
 */
export async function notUtf8Entries(dir: string, entries: readonly Dirent[], warn: (line: string) => void): Promise<{ aliases: Set<string>; byBytes?: FolderByBytes & { entries: Dirent<Buffer>[] } }> {
  const aliases = new Set<string>();
  if (!entries.some((entry) => entry.name.includes('\uFFFD'))) return { aliases };
  const byBytes = { at: Buffer.from(dir), shown: dir, entries: [] as Dirent<Buffer>[] };
  const named = new Set<string>();
  for (const entry of await listFolderBytes(byBytes.at, dir, warn)) {
    if (isUtf8(entry.name)) named.add(entry.name.toString());
    else {
      aliases.add(entry.name.toString());
      byBytes.entries.push(entry);
    }
  }
  // (A name holding U+FFFD itself, in UTF-8, is a name of its own.)
  for (const name of named) aliases.delete(name);
  return { aliases, byBytes };
}

/** An entry of a folder listed by bytes: its name shown as an archive's would be (unflaggedName), its path by bytes and as shown. */
export function entryByBytes(folder: FolderByBytes, entry: Dirent<Buffer>): FolderByBytes & { name: string } {
  const name = unflaggedName(entry.name);
  return { name, at: Buffer.concat([folder.at, SEPARATOR, entry.name]), shown: path.join(folder.shown, name) };
}

const SEPARATOR = Buffer.from(path.sep);

/** How a folder's entries are listed (listFolder; a test stands in for another system's). */
export type Listing = (dir: string, warn: (line: string) => void) => Promise<Dirent[]>;

/** A folder's entries; none (said through `warn`) for a folder that cannot be read or that holds OUTPUT_MARKER or RUN_RECORD_FILE. */
export async function listFolder(dir: string, warn: (line: string) => void): Promise<Dirent[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    warn(cannotReadFolder(dir, notUtf8Name(error, 'folder') ?? (error as NodeJS.ErrnoException).code ?? 'error'));
    return [];
  }
  return isOutputFolder(dir, (name) => entries.some((entry) => entry.name === name), warn) ? [] : entries;
}

/** listFolder for a folder named by its bytes (`at`), shown as `shown`: its entries' names as bytes. */
export async function listFolderBytes(at: Buffer, shown: string, warn: (line: string) => void): Promise<Dirent<Buffer>[]> {
  let entries;
  try {
    entries = await readdir(at, { withFileTypes: true, encoding: 'buffer' });
  } catch (error) {
    warn(cannotReadFolder(shown, (error as NodeJS.ErrnoException).code ?? 'error'));
    return [];
  }
  return isOutputFolder(shown, (name) => entries.some((entry) => entry.name.equals(Buffer.from(name))), warn) ? [] : entries;
}

function cannotReadFolder(dir: string, reason: string): string {
  return `flowgrade: ${dir}: cannot read folder (${reason}); skipped [unreadable-file]`;
}

/** Whether a folder holding the names `holds` says is a flowgrade output folder (said through `warn`). */
function isOutputFolder(dir: string, holds: (name: string) => boolean, warn: (line: string) => void): boolean {
  // Its record too: an output downloaded as a CI artifact has no marker (upload-artifact leaves hidden files out), and its reports and record would be graded as so many ungradable submissions.
  const held = [OUTPUT_MARKER, RUN_RECORD_FILE].find(holds);
  if (held !== undefined) warn(`flowgrade: ${dir}: a flowgrade output folder (it holds ${held}); skipped [output-folder]`);
  return held !== undefined;
}

/**
 * A listed entry: a folder, a symlink (to follow or not), or anything else. Windows lists every
 * reparse point as a symlink, and OneDrive (where Windows keeps Desktop and Documents) makes each
 * folder and file it syncs one, though they are no links: lstat, which calls only symlinks and
 * junctions links, says what such an entry is.
 */
export async function entryType(entry: Dirent | Dirent<Buffer>, full: PathLike): Promise<EntryType> {
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
export async function isTakenAsFile(type: EntryType, full: PathLike): Promise<boolean> {
  return type !== 'folder' && (type !== 'link' || !(await isFolder(full)));
}

async function isFolder(file: PathLike): Promise<boolean> {
  try {
    return (await stat(file)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Locale-independent string order, the same on every machine: by code point (as UTF-8 bytes sort),
 * where `<` compares UTF-16 units and puts an emoji (a surrogate pair, from U+D800) before U+E000–U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** A UTF-16 unit ranked as the code points it starts: surrogates (U+10000 and above) after U+E000–U+FFFF. */
function codePointRank(unit: number): number {
  return unit < 0xd800 ? unit : unit < 0xe000 ? unit + 0x2000 : unit - 0x800;
}
