/**
 * Expanding a zip archive (as an LMS hands out a class's submissions) into candidates, refusing
 * whatever could hurt: entry paths that are absolute or contain `..`, entries larger than the file
 * size limit (exports, than the loader decodes: beyondText), archives that expand beyond a total or hold too many entries (zip bombs), and entries
 * that expand beyond the size they declare. Only `.json` entries (exports) and `.zip` entries
 * (archives inside the archive, up to MAX_NESTING deep) are expanded; everything else is ignored
 * without being decompressed.
 *
 * The central directory is first checked against itself (checkDirectory: fflate trusts its end
 * record, and an archive lying there passed for an empty one). Then two passes with fflate:
 * `unzipSync` with a filter that extracts nothing reads the central directory (declared sizes →
 * refuse early, before decompressing a byte); then the streaming
 * `Unzip` expands the chosen entries, fed in small chunks through a bounded DEFLATE decoder that
 * stops as soon as an entry goes past its allowance, so memory and time stay bounded whatever the
 * archive declares. An expanded entry must match its CRC-32 (fflate checks none).
 */
import { Inflate, Unzip, unzipSync, type UnzipDecoder, type UnzipFile } from 'fflate';
import zlib from 'node:zlib';
import { beyondText, formatBytes, MOST_TEXT_BYTES } from '../../engine/json-text.js';
import { plural } from '../../reports/summary.js';
import type { Candidate, InputError } from './types.js';
import { isOfficeLockName } from './walk.js';
import { checkDirectory, zipDirectory, type Directory } from './zip-times.js';
import { messageOf } from '../../engine/error-message.js';

export interface ZipLimits {
  /** Largest expanded entry (the file size limit). */
  maxEntryBytes: number;
  /** Largest total expansion of an archive, nested archives included. */
  maxTotalBytes: number;
  /**
   * Most exports (`.json` entries) in an archive, nested archives' included; and, apart, most
   * archives (`.zip` entries) inside it at any depth.
   */
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: Omit<ZipLimits, 'maxEntryBytes'> = { maxTotalBytes: 200 * 1024 * 1024, maxEntries: 10_000 };

/** Archives inside archives are expanded this many levels deep (the top-level archive is level 1). */
const MAX_NESTING = 3;

/** Compressed bytes fed to the decoder at a time: bounds what one step can expand to (~1 000×). */
const FEED_CHUNK = 16 * 1024;


/** Raised when the archive as a whole must be refused (its candidates are dropped, one row stands for it). */
class ArchiveRefused extends Error {
  constructor(readonly error: InputError) {
    super(error.message);
  }
}

/**
 * What an archive has used of its limits so far, nested archives included. Exports and archives
 * are counted apart: `--max-entries` promises a number of exports (what an instructor counts),
 * and an archive of nested archives holding none must not get past it unbounded (each costs a
 * directory read and an expansion, and thousands of empty ones compress to a few kilobytes).
 */
interface Budget {
  /** The archive given, the one whole row a refusal stands for. */
  archive: string;
  bytes: number;
  exports: number;
  archives: number;
}

/**
 * Expand `data` (the bytes of `file`) into candidates: one per `.json` entry, refused entries
 * included (their error says why). Never throws for a bad archive: a refused archive gives a
 * single refused candidate named after it. `ignored` hears each file entry that is neither an
 * export nor an archive (a screenshot, a document), skipped without being decompressed; `empty`,
 * each archive (`file`, or one inside it) that holds neither an export nor an archive nor such a
 * file (empty, or only folders and system files): it gives no candidate, and no entry to name.
 */
export function expandArchive(
  data: Uint8Array,
  file: string,
  mtimeMs: number,
  limits: ZipLimits,
  ignored: (entryFile: string) => void = () => {},
  empty: (archiveFile: string) => void = () => {},
): Candidate[] {
  const out: Candidate[] = [];
  const empties: string[] = [];
  try {
    expandInto(data, file, mtimeMs, limits, { archive: file, bytes: 0, exports: 0, archives: 0 }, 1, out, { ignored, empty: (archiveFile) => empties.push(archiveFile) });
  } catch (error) {
    if (!(error instanceof ArchiveRefused)) throw error;
    return [{ kind: 'refused', file, mtimeMs, error: error.error }]; // its row stands for all it holds
  }
  empties.forEach(empty);
  return out;
}

/** What an expansion tells of the entries that give no candidate (see expandArchive). */
interface Listeners {
  ignored: (entryFile: string) => void;
  empty: (archiveFile: string) => void;
}

/** An archive inside an archive, or one given, by its name (`.zip`, in any case); any other name read is an export. */
export function isArchiveName(name: string): boolean {
  return /\.zip$/i.test(name);
}

function expandInto(whole: Uint8Array, file: string, mtimeMs: number, limits: ZipLimits, budget: Budget, depth: number, out: Candidate[], listeners: Listeners): void {
  const directory = trustedDirectory(whole);
  const data = whole.subarray(directory.prefix);
  const { declared, repeated } = readDirectory(data, file, limits, budget);
  // Each entry's own time in the archive (else the archive's): which of two uploads is newer.
  const { times, encrypted, links, names, checksums } = zipDirectory(whole, directory);
  const timeOf = (entryFile: string) => times.get(entryFile.slice(file.length + 2)) ?? mtimeMs;
  const refuse = (entryFile: string, error: InputError, place?: Place) => {
    out.push({ kind: 'refused', file: entryFile, mtimeMs: timeOf(entryFile), error: archiveTooLarge(entryFile, error), ...place });
  };
  const expanded: { name: string; bytes: Uint8Array; place: Place }[] = [];
  /** Entries the stream has reached, folders and other files included: the next one's place in the archive. */
  let entries = 0;
  /** The exports and archives the stream reached (fflate's names), to find those the directory lists but it never reached. */
  const reached = new Set<string>();
  /** Entries of this archive that give a candidate or are named as no export: none, and the archive is named as holding nothing. */
  let held = 0;
  const unzip = new Unzip((entry) => {
    entries++;
    if (!isFolderEntry(entry.name) && isCandidateName(entry.name) && !isUnsafeName(entry.name)) reached.add(entry.name);
    const name = names.get(entry.name) ?? entry.name; // as it was written (code page 437, unflagged UTF-8)
    if (isFolderEntry(name) || !isCandidateName(name)) {
      if (!isFolderEntry(name) && !isSystemName(name)) {
        held++;
        listeners.ignored(`${file}!/${name}`);
      }
      return; // not started: never decompressed
    }
    held++;
    const entryFile = `${file}!/${name}`;
    // Two entries of one name (an upload added twice): their place tells them apart.
    const place: Place = repeated.has(entry.name) ? { entry: entries } : {};
    if (isUnsafeName(name)) return refuse(entryFile, { code: 'zip-unsafe-path', message: unsafeNameMessage(name) }, place);
    // Its bytes are ciphertext: expanded, they would pass for a damaged entry or a zip bomb.
    if (encrypted.has(name)) return refuse(entryFile, { code: 'zip-unsupported', message: 'zip entry is encrypted (password-protected); ask for it without a password' }, place);
    // Its bytes are the link's target, never followed: read, they would be refused as no JSON.
    if (links.has(name)) return refuse(entryFile, { code: 'zip-unsupported', message: 'zip entry is a symbolic link, not a file (never followed); ask for the export itself' }, place);
    if (entry.compression !== 0 && entry.compression !== 8) {
      return refuse(entryFile, { code: 'zip-unsupported', message: unsupportedMethod(entry.compression) }, place);
    }
    const size = declared.get(entry.name) ?? entry.originalSize;
    if (size !== undefined && size > limits.maxEntryBytes) return refuse(entryFile, tooLarge(limits.maxEntryBytes, size), place);
    const beyond = size !== undefined && !isArchiveName(name) ? beyondText(size) : undefined;
    // An export over what the loader decodes, under a --max-size raised that far: expanded, it was
    // held whole (seconds, and its size in memory) only for the loader to refuse it, as here.
    if (beyond) return refuse(entryFile, { code: 'too-large', message: beyond }, place);
    countEntry(name, budget, limits);
    const whole = (bytes: Uint8Array) => {
      if (!matchesChecksum(bytes, checksums.get(name))) return refuse(entryFile, { code: 'zip-corrupt', message: 'zip entry is damaged: what it expands to does not match its checksum (CRC-32); ask for the archive again' }, place);
      expanded.push({ name, bytes, place });
    };
    collect(entry, name, size, entryFile, limits, budget, whole, (refused, error) => refuse(refused, error, place));
  });
  unzip.register(boundedInflate(limits.maxEntryBytes));
  readingZip(() => {
    for (let offset = 0; offset < data.length; offset += FEED_CHUNK) {
      unzip.push(data.subarray(offset, Math.min(offset + FEED_CHUNK, data.length)), offset + FEED_CHUNK >= data.length);
    }
  });
  // An export or archive the directory lists, whose own (local) header is damaged: the stream
  // passes over it. Its row says so; the submission is never lost without a word. (Only when
  // fewer were reached: a name spelled otherwise in its own header is not a missing entry.)
  for (const listed of reached.size < declared.size ? declared.keys() : []) {
    if (reached.has(listed)) continue;
    held++;
    refuse(`${file}!/${names.get(listed) ?? listed}`, { code: 'zip-corrupt', message: "zip entry is listed in the archive's directory, but its own header is damaged; it cannot be expanded" });
  }
  for (const { name, bytes, place } of expanded) {
    const entryFile = `${file}!/${name}`;
    if (!isArchiveName(name)) {
      out.push({ kind: 'bytes', file: entryFile, mtimeMs: timeOf(entryFile), bytes, ...place });
    } else if (depth >= MAX_NESTING) {
      refuse(entryFile, { code: 'zip-too-deep', message: `archive nested more than ${MAX_NESTING} levels deep; refused` }, place);
    } else {
      expandNested(bytes, entryFile, timeOf(entryFile), limits, budget, depth + 1, out, listeners);
    }
  }
  if (held === 0) listeners.empty(file);
}

/**
 * A nested archive (a student's upload inside the class archive) that is not a readable zip, or
 * is one part of a split archive, is that entry's row, not the whole class archive's: the other
 * students' entries still count. The limits (total expansion, entries) still refuse the archive
 * given as a whole.
 */
function expandNested(data: Uint8Array, file: string, mtimeMs: number, limits: ZipLimits, budget: Budget, depth: number, out: Candidate[], listeners: Listeners): void {
  const inner: Candidate[] = [];
  try {
    expandInto(data, file, mtimeMs, limits, budget, depth, inner, listeners);
  } catch (error) {
    if (!(error instanceof ArchiveRefused) || (error.error.code !== 'zip-corrupt' && error.error.code !== 'zip-unsupported')) throw error;
    out.push({ kind: 'refused', file, mtimeMs, error: error.error });
    return;
  }
  out.push(...inner);
}

/**
 * The archive's central directory, once found to agree with itself (checkDirectory): its entries,
 * and the bytes before the archive to cut off (a self-extractor's program). An archive whose
 * directory does not is refused as a whole: it is no readable zip archive, whatever fflate would
 * make of it.
 */
function trustedDirectory(data: Uint8Array): Directory {
  const directory = checkDirectory(data);
  if (directory === undefined) return { prefix: 0, entries: [] }; // no end record: fflate's pass says so
  if ('entries' in directory) return directory;
  if (directory.code === 'zip-unsupported') throw new ArchiveRefused({ code: 'zip-unsupported', message: 'zip archive split into parts (.z01, .z02, …); ask for it as a single .zip' });
  throw new ArchiveRefused({ code: 'zip-corrupt', message: `not a readable zip archive (${directory.why})` });
}

/** An archive entry's place in it (Candidate's `entry`), when another entry has its name; else nothing. */
type Place = { entry?: number };

/**
 * Pass 1: the central directory. Refuses the archive when its declared expansion is over the
 * limits. `declared`: each export's and archive's declared size; `repeated`: the names of
 * exports and archives listed twice or more (fflate's names, as the stream gives them).
 */
function readDirectory(data: Uint8Array, file: string, limits: ZipLimits, budget: Budget): { declared: Map<string, number>; repeated: Set<string> } {
  const declared = new Map<string, number>();
  const listed = new Set<string>();
  const repeated = new Set<string>();
  let total = 0;
  const count: Budget = { ...budget };
  readingZip(() =>
    unzipSync(data, {
      filter: (info) => {
        if (isFolderEntry(info.name) || !isCandidateName(info.name)) return false;
        if (listed.has(info.name)) repeated.add(info.name);
        listed.add(info.name);
        if (isUnsafeName(info.name)) return false;
        countEntry(info.name, count, limits);
        total += info.originalSize;
        declared.set(info.name, Math.max(info.originalSize, declared.get(info.name) ?? 0));
        return false; // nothing is extracted here
      },
    }),
  );
  if (budget.bytes + total > limits.maxTotalBytes) throw new ArchiveRefused(tooLargeTotal(file, total, budget, limits.maxTotalBytes));
  return { declared, repeated };
}

/**
 * Runs one of fflate's passes over an archive: what it throws (but a refusal of ours, which goes
 * on as it is) means the bytes are no readable zip archive.
 */
function readingZip(pass: () => unknown): void {
  try {
    pass();
  } catch (error) {
    if (error instanceof ArchiveRefused) throw error;
    throw new ArchiveRefused({ code: 'zip-corrupt', message: `not a readable zip archive (${messageOf(error)})` });
  }
}

/** Pass 2 for one entry: gather its expanded bytes, refusing it when it goes past what it declared or the limits. */
function collect(
  entry: UnzipFile,
  name: string,
  declaredSize: number | undefined,
  entryFile: string,
  limits: ZipLimits,
  budget: Budget,
  done: (bytes: Uint8Array) => void,
  refuse: (file: string, error: InputError) => void,
): void {
  const allowance = allowanceOf(name, limits.maxEntryBytes, declaredSize);
  const chunks: Uint8Array[] = [];
  let size = 0;
  let finished = false;
  entry.ondata = (error, chunk, final) => {
    if (finished) return;
    if (error) {
      finished = true;
      const overrun = (error as Error & { overrun?: boolean }).overrun;
      return refuse(entryFile, overrun ? expandsBeyond(name, declaredSize, limits.maxEntryBytes) : { code: 'zip-corrupt', message: `zip entry cannot be expanded (${error.message})` });
    }
    size += chunk.length;
    budget.bytes += chunk.length;
    if (budget.bytes > limits.maxTotalBytes) {
      throw new ArchiveRefused({ code: 'zip-too-large', message: `archive expands beyond the ${formatBytes(limits.maxTotalBytes)} limit (at ${entryFile}); refused` });
    }
    if (size > allowance) {
      finished = true;
      return refuse(entryFile, expandsBeyond(name, declaredSize, limits.maxEntryBytes));
    }
    if (chunk.length) chunks.push(chunk);
    if (final) {
      finished = true;
      done(concat(chunks, size));
    }
  };
  entry.start();
}

/**
 * The most an entry may expand to: the file size limit, and the size it declares when it declares
 * one; an export, also what the loader decodes. An entry whose size nothing tells (its own header
 * gives none, and the directory lists it under another name: a hostile archive) is held to these
 * as it expands, whatever it turns out to hold.
 */
function allowanceOf(name: string, maxEntryBytes: number, declaredSize: number | undefined): number {
  return Math.min(maxEntryBytes, declaredSize ?? Infinity, isArchiveName(name) ? Infinity : MOST_TEXT_BYTES);
}

/**
 * DEFLATE for the streaming Unzip that stops decoding once an entry has produced more than its
 * allowance (allowanceOf, with the size its local header declares): a bomb costs at most one fed
 * chunk's worth of expansion, never its full size.
 */
function boundedInflate(maxEntryBytes: number) {
  return class BoundedInflate implements UnzipDecoder {
    static compression = 8;
    ondata!: UnzipDecoder['ondata'];
    private readonly allowance: number;
    private produced = 0;
    private stopped = false;
    private readonly inflate = new Inflate((chunk, final) => {
      if (this.stopped) return;
      this.produced += chunk.length;
      if (this.produced > this.allowance) {
        this.stopped = true;
        this.ondata(Object.assign(new Error('expands beyond its allowance'), { overrun: true }) as never, new Uint8Array(), true);
        return;
      }
      this.ondata(null, chunk, final);
    });

    constructor(name: string, _size?: number, originalSize?: number) {
      this.allowance = allowanceOf(name, maxEntryBytes, originalSize);
    }

    push(chunk: Uint8Array, final: boolean): void {
      if (this.stopped) return;
      try {
        this.inflate.push(chunk, final);
      } catch (error) {
        if (error instanceof ArchiveRefused) throw error;
        this.stopped = true;
        this.ondata(error as never, new Uint8Array(), true);
      }
    }
  };
}

/**
 * Whether an expanded entry's CRC-32 is one the central directory lists for its name (any of
 * them, for a name listed twice). True when there is none to compare with.
 */
function matchesChecksum(bytes: Uint8Array, listed: number[] | undefined): boolean {
  return listed === undefined || listed.includes(crc32(bytes));
}

/**
 * The CRC-32 of `bytes`: `zlib.crc32`, which Node has from 20.15; before it, the one zlib writes
 * into a gzip member's trailer (the same CRC-32 as zip's), the bytes stored, not compressed.
 */
export function crc32(bytes: Uint8Array): number {
  if (typeof zlib.crc32 === 'function') return zlib.crc32(bytes);
  const member = zlib.gzipSync(bytes, { level: 0 });
  return member.readUInt32LE(member.length - 8);
}

/** A folder's entry: its name ends in `/`, or in `\` as Windows PowerShell 5.1's Compress-Archive writes them. */
function isFolderEntry(name: string): boolean {
  return name.endsWith('/') || name.endsWith('\\');
}

/** Exports and archives; not directories, hidden files, macOS resource forks, or node_modules. */
function isCandidateName(name: string): boolean {
  const base = name.split(/[\\/]/).pop()!;
  return /\.(json|zip)$/i.test(base) && !isSystemName(name);
}

/**
 * macOS resource forks, hidden files and folders, node_modules, the files Windows Explorer
 * leaves in folders (Thumbs.db, desktop.ini) and Office lock files: never a submission, never
 * worth a word.
 */
function isSystemName(name: string): boolean {
  return name.split(/[\\/]/).some((s) => s === '__MACOSX' || s === 'node_modules' || (s.startsWith('.') && s !== '.' && s !== '..') || WINDOWS_FOLDER_FILES.has(s.toLowerCase()) || isOfficeLockName(s));
}

const WINDOWS_FOLDER_FILES = new Set(['thumbs.db', 'desktop.ini']);

/** Absolute (`/x`, `\x`, `C:x`), traversing (`..`), or with a NUL: never trusted as a path. */
export function isUnsafeName(name: string): boolean {
  return /^[\\/]/.test(name) || /^[A-Za-z]:/.test(name) || name.includes('\0') || name.split(/[\\/]/).some((s) => s === '..');
}

/**
 * Why isUnsafeName refuses `name`: a NUL is named as such (the name shows it as `\u0000`, and
 * "absolute or contains .." would send the reader looking for what the name does not hold).
 */
function unsafeNameMessage(name: string): string {
  return name.includes('\0') ? 'zip entry name holds a NUL character (\\u0000), which no file name can; refused' : 'zip entry path is absolute or contains ".."; refused';
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0].slice();
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

function tooLarge(limit: number, size: number): InputError {
  return { code: 'too-large', message: `zip entry declares ${size} bytes, beyond the ${formatBytes(limit)} file size limit; refused` };
}

/**
 * An archive inside the archive refused for its size (the file size limit holds for every entry)
 * is a whole group of students in one row: its message says so, and names the option.
 */
function archiveTooLarge(entryFile: string, error: InputError): InputError {
  if (error.code !== 'too-large' || !isArchiveName(entryFile)) return error;
  return { ...error, message: `${error.message}: an archive inside the archive, none of whose exports is graded (a larger --max-size grades them)` };
}

/**
 * Why an entry stopped past its allowance (allowanceOf): beyond what it declares, or else beyond
 * the file size limit or, for an export under a limit above what the loader decodes, beyond that,
 * in the loader's words (beyondText of the limit: the entry went past the smaller of the two).
 */
function expandsBeyond(name: string, declared: number | undefined, limit: number): InputError {
  if (declared !== undefined && declared <= limit) return { code: 'zip-bomb', message: `zip entry expands beyond the ${declared} bytes it declares; refused` };
  const beyond = isArchiveName(name) ? undefined : beyondText(limit);
  return { code: 'too-large', message: beyond ?? `zip entry expands beyond the ${formatBytes(limit)} file size limit; refused` };
}

/**
 * The archive's declared expansion is over the limit. A nested archive adds to what the archive
 * has expanded so far: the message gives the sum, the figure that broke the limit.
 */
function tooLargeTotal(file: string, declared: number, budget: Budget, limit: number): InputError {
  if (file === budget.archive) {
    return { code: 'zip-too-large', message: `archive declares ${declared} bytes of exports, beyond the ${formatBytes(limit)} limit for an archive; refused` };
  }
  const nested = file.slice(budget.archive.length + 2);
  return {
    code: 'zip-too-large',
    message: `archive would expand to ${budget.bytes + declared} bytes, beyond the ${formatBytes(limit)} limit for an archive: ${budget.bytes} expanded, then ${declared} more declared by nested archive ${nested}; refused`,
  };
}

/** Counts an export or archive entry against the limit; refuses the archive once it is past it. */
function countEntry(name: string, budget: Budget, limits: ZipLimits): void {
  const archive = isArchiveName(name);
  const count = archive ? ++budget.archives : ++budget.exports;
  if (count > limits.maxEntries) {
    throw new ArchiveRefused({
      code: 'zip-too-many-entries',
      message: archive ? `archive holds more than ${plural(limits.maxEntries, 'archive')} (.zip files inside it, at any depth); refused` : `archive holds more than ${plural(limits.maxEntries, 'export')}; refused`,
    });
  }
}

/**
 * The compression methods an archiver offers beside deflate (7-Zip's Compression method list,
 * WinZip's and Windows' own for large files), by their number in the zip format (APPNOTE 4.4.5).
 */
const METHOD_NAMES: ReadonlyMap<number, string> = new Map([
  [9, 'Deflate64'],
  [12, 'BZip2'],
  [14, 'LZMA'],
  [93, 'Zstandard'],
  [95, 'XZ'],
  [98, 'PPMd'],
]);

/** What is said of an entry compressed by a method that cannot be expanded, with what to do. */
function unsupportedMethod(method: number): string {
  const name = METHOD_NAMES.get(method);
  return `zip entry uses compression method ${method}${name ? ` (${name})` : ''}; only stored and deflate are supported: zip it again with Deflate, the usual method`;
}
