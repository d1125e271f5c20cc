/**
 * Whether a zip archive's central directory agrees with itself (checkDirectory, which walks it
 * once and keeps where each entry lies), and what its entries say that fflate does not expose
 * (zipDirectory, which reads those entries, never the directory again): the
 * entries' names as written, which entries are encrypted, their CRC-32s, and the modification time of each
 * entry: the exact UTC time of the extended-timestamp field (0x5455) when every entry has one,
 * else the MS-DOS date and time every entry has (an archive updated by a second tool may mix
 * them: two clocks). A DOS time carries no time zone: it is read as UTC, the same on every
 * machine; the entries of one archive were written in one zone, so their order holds.
 * Untrusted bytes: every read is bounds-checked, and an archive whose directory cannot be read
 * (truncated) simply gives nothing; a ZIP64 one is read where its ZIP64 end record places it.
 */
import { latin1, unflaggedName } from './unflagged-name.js';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64_END = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const EXTENDED_TIMESTAMP = 0x5455;
const ZIP64_EXTRA = 0x0001;
/** The end record is 22 bytes, followed by a comment of at most 65,535. */
const END_SEARCH = 22 + 0xffff;

/** What checkDirectory finds wrong: a stable code and the reason, worded for the row's message. */
interface DirectoryFault {
  code: 'zip-corrupt' | 'zip-unsupported';
  why: string;
}

/**
 * A central directory found to agree with itself (checkDirectory), as zipDirectory reads it: each
 * of `entries` whole within the bytes, so nothing there is bounds-checked again.
 */
export interface Directory {
  /** Bytes before the archive (a self-extractor's program), to cut off before fflate reads it. */
  prefix: number;
  /** Where each of its entries starts in the bytes checked, in the directory's order. */
  entries: number[];
}

/**
 * Whether the central directory agrees with itself, before fflate reads it (fflate trusts the end
 * record: it reads as many entries as it counts from where it says, checking no signature, and an
 * archive whose end record lies gave no entry and no error, or only some of its entries). The
 * end record (and a ZIP64 one) must place the directory between the file's start and itself, the
 * directory must hold exactly the entries it counts, each whole, and each entry's own header must
 * lie before the directory. Bytes before the archive (a self-extractor's program, whose offsets an
 * archiver did not shift) are allowed when the entries' own headers are found shifted alike:
 * `prefix` is their number, to cut off. Undefined when there is no end record at all (fflate
 * says so).
 */
export function checkDirectory(data: Uint8Array): Directory | DirectoryFault | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const record = endRecord(data, view);
  if (record === undefined || 'code' in record) return record;
  const corrupt = (why: string): DirectoryFault => ({ code: 'zip-corrupt', why });
  const { disk, directoryDisk, countHere, count, size, offset, directoryEnd } = record;
  if (disk !== 0 || directoryDisk !== 0) return { code: 'zip-unsupported', why: 'split' };
  if (countHere !== count) return corrupt(`its end record counts ${entries(countHere)} on this disk, and ${count} in all`);
  if (offset + size > directoryEnd) return corrupt(`its directory, ${size} bytes at byte ${offset}, would run past its end record at byte ${directoryEnd}`);
  const start = directoryEnd - size;
  const found: number[] = [];
  let at = start;
  while (at + 46 <= directoryEnd && u32(at) === DIRECTORY_ENTRY) {
    const next = at + 46 + u16(at + 28) + u16(at + 30) + u16(at + 32);
    if (next > directoryEnd) break;
    found.push(at);
    at = next;
  }
  if (found.length !== count) return corrupt(`its end record counts ${entries(count)}, but its directory holds ${found.length}`);
  if (at !== directoryEnd) return corrupt(`its directory ends in ${directoryEnd - at} bytes that are not an entry`);
  const locals = found.map((entry) => localOffset(view, entry));
  const prefix = start - offset;
  if (prefix > 0 && locals.length > 0 && !locals.some((local) => local + prefix + 4 <= start && u32(local + prefix) === LOCAL_HEADER)) {
    return corrupt(`its directory is said to start at byte ${offset}, but lies at byte ${start}`);
  }
  const outside = locals.findIndex((local) => local + prefix + 30 > start);
  if (outside >= 0) return corrupt(`its directory places entry ${outside + 1} at byte ${locals[outside]}, past the entries' data`);
  return { prefix, entries: found };
}

/** What the end record says of the directory, or its ZIP64 record when it has one (a large archive, or a ZIP64 writer's). */
interface EndRecord {
  disk: number;
  directoryDisk: number;
  /** Entries on this disk, and in all. */
  countHere: number;
  count: number;
  /** The directory's size and where it starts, as said. */
  size: number;
  offset: number;
  /** Where the directory ends: the (ZIP64) end record's place. */
  directoryEnd: number;
}

/**
 * The end record's account of the directory (from its ZIP64 record when a ZIP64 locator precedes
 * it); undefined when there is no end record, a fault when the ZIP64 record is missing.
 */
function endRecord(data: Uint8Array, view: DataView): EndRecord | DirectoryFault | undefined {
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => u32(at) + u32(at + 4) * 2 ** 32;
  const end = findEnd(data, view);
  if (end < 0) return undefined;
  if (end >= 20 && u32(end - 20) === ZIP64_LOCATOR) {
    // Where the locator says (else just before it: a self-extractor's offsets are not shifted).
    const record = [u64(end - 12), end - 20 - 56].find((at) => at >= 0 && at + 56 <= end - 20 && u32(at) === ZIP64_END);
    if (record === undefined) return { code: 'zip-corrupt', why: 'its ZIP64 end record is missing' };
    return { disk: u32(record + 16), directoryDisk: u32(record + 20), countHere: u64(record + 24), count: u64(record + 32), size: u64(record + 40), offset: u64(record + 48), directoryEnd: record };
  }
  return { disk: u16(end + 4), directoryDisk: u16(end + 6), countHere: u16(end + 8), count: u16(end + 10), size: u32(end + 12), offset: u32(end + 16), directoryEnd: end };
}

/** The end record's offset, found as fflate finds it (the last signature within reach of the end), or -1. */
function findEnd(data: Uint8Array, view: DataView): number {
  for (let at = data.length - 22; at >= Math.max(0, data.length - END_SEARCH); at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  return -1;
}

/** A directory entry's offset of its own header, from its ZIP64 field when it says 0xFFFFFFFF (then Infinity without one). */
function localOffset(view: DataView, entry: number): number {
  const offset = view.getUint32(entry + 42, true);
  if (offset !== 0xffffffff) return offset;
  const [nameLength, extraLength] = [view.getUint16(entry + 28, true), view.getUint16(entry + 30, true)];
  const from = entry + 46 + nameLength;
  const to = from + extraLength;
  for (let at = from; at + 4 <= to; at += 4 + view.getUint16(at + 2, true)) {
    if (view.getUint16(at, true) !== ZIP64_EXTRA) continue;
    // Its 8-byte values in order: sizes first, those the entry says are 0xFFFFFFFF. Within the
    // field as it says, and the extra field as the entry says: a field saying it runs on had its
    // value read past the end record, past the bytes (a RangeError that ended the whole run).
    const before = 8 * [entry + 24, entry + 20].filter((field) => view.getUint32(field, true) === 0xffffffff).length;
    const value = at + 4 + before;
    return value + 8 <= Math.min(at + 4 + view.getUint16(at + 2, true), to) ? view.getUint32(value, true) + view.getUint32(value + 4, true) * 2 ** 32 : Infinity;
  }
  return Infinity;
}

function entries(count: number): string {
  return count === 1 ? '1 entry' : `${count} entries`;
}

/**
 * What the central directory says that fflate does not expose: each entry's time (entry name → modification time in ms since the epoch),
 * which entries are encrypted (general purpose flag bit 0: a password-protected entry, whose
 * bytes are ciphertext and must not be taken for a damaged or lying entry), and the names of
 * entries without the UTF-8 flag (bit 11) as they were written: fflate reads those as Latin-1,
 * but Windows writes them in its DOS code page (437), and macOS in UTF-8 without saying so.
 * `checksums` holds each entry's CRC-32 (the central directory's: an entry written with a data
 * descriptor has none in its own header), several for a name listed more than once. `links` are
 * the entries a Unix zip (Info-ZIP's `zip -y`, macOS's ditto) stored as symbolic links: their bytes
 * are the link's target, a path, not the file it names.
 * `times`, `encrypted`, `links` and `checksums` are keyed by these names; `names` maps fflate's name to it.
 * Read from the entries checkDirectory found in these same bytes (where a ZIP64 end record placed
 * them too), not by walking the directory again.
 */
export function zipDirectory(data: Uint8Array, directory: Directory): { times: Map<string, number>; encrypted: Set<string>; links: Set<string>; names: Map<string, string>; checksums: Map<string, number[]> } {
  const times = new Map<string, number>(); // extended timestamps
  const encrypted = new Set<string>();
  const links = new Set<string>();
  const names = new Map<string, string>();
  const checksums = new Map<string, number[]>();
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const utf8 = new TextDecoder();
  const dos = new Map<string, number>();
  for (const at of directory.entries) {
    const flags = u16(at + 8);
    const [time, date] = [u16(at + 12), u16(at + 14)];
    const nameEnd = at + 46 + u16(at + 28);
    const extraEnd = nameEnd + u16(at + 30);
    const nameBytes = data.subarray(at + 46, nameEnd);
    // UTF-8 when the archive says so (bit 11), as fflate reads it; else see unflaggedName.
    const name = flags & 0x800 ? utf8.decode(nameBytes) : unflaggedName(nameBytes);
    if (!(flags & 0x800) && name !== latin1(nameBytes)) names.set(latin1(nameBytes), name);
    dos.set(name, dosTime(date, time));
    if (flags & 1) encrypted.add(name);
    // Made on Unix (the high byte of "version made by"), its mode (the external attributes' high half) a symbolic link's.
    if (data[at + 5] === UNIX_HOST && ((u32(at + 38) >>> 16) & S_IFMT) === S_IFLNK) links.add(name);
    checksums.set(name, [...(checksums.get(name) ?? []), u32(at + 16)]);
    const exact = extendedTime(view, nameEnd, extraEnd);
    if (exact !== undefined) times.set(name, exact);
  }
  return { times: times.size === dos.size ? times : dos, encrypted, links, names, checksums };
}

/** The zip format's host of a Unix archiver (APPNOTE 4.4.2), and the file type bits of a Unix mode. */
const UNIX_HOST = 3;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** The modification time of an extended-timestamp field in `[from, to)`, if there is one. */
function extendedTime(view: DataView, from: number, to: number): number | undefined {
  for (let at = from; at + 4 <= to; ) {
    const [tag, size] = [view.getUint16(at, true), view.getUint16(at + 2, true)];
    if (tag === EXTENDED_TIMESTAMP && size >= 5 && at + 9 <= to && view.getUint8(at + 4) & 1) return view.getInt32(at + 5, true) * 1000; // signed: Unix seconds
    at += 4 + size;
  }
  return undefined;
}

/** An MS-DOS date and time (two-second precision), read as UTC. */
function dosTime(date: number, time: number): number {
  return Date.UTC(1980 + (date >> 9), ((date >> 5) & 0xf) - 1, date & 0x1f, time >> 11, (time >> 5) & 0x3f, (time & 0x1f) * 2);
}
