/**
 * A zip archive whose central directory disagrees with itself — an end record counting entries the
 * directory does not hold, a directory said to lie outside the file or elsewhere than it does, two
 * entry counts — is not a readable zip: one `zip-corrupt` row, never an archive that vanishes
 * without a row or a word (the stream of local headers found nothing, or only part of it).
 * Archives that only look odd stay readable: an empty archive, a self-extractor's program before
 * the archive (its offsets not shifted), ZIP64 end records.
 */
import { test, expect } from '@playwright/test';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import type { Candidate } from '../../../cli/grade/types.js';
import { expandArchive, type ZipLimits } from '../../../cli/grade/zip.js';
import { checkDirectory } from '../../../cli/grade/zip-times.js';
import { fixturePath, runCli, tempDir } from '../../helpers.js';

const LIMITS: ZipLimits = { maxEntryBytes: 20 * 1024 * 1024, maxTotalBytes: 200 * 1024 * 1024, maxEntries: 10_000 };
const FLOW = new TextEncoder().encode('{"name":"Main_Flow_1","process":{}}');
const END = 0x06054b50;

/** A one-entry archive and the offset of its end record (the last 22 bytes: no comment). */
function oneEntry(): { zip: Uint8Array; view: DataView; end: number } {
  const zip = zipSync({ 'Alice/Main_Flow_1.json': FLOW });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  expect(view.getUint32(end, true)).toBe(END);
  return { zip, view, end };
}

const shown = (candidates: Candidate[]) => candidates.map((c) => (c.kind === 'refused' ? [c.file, c.error.code, c.error.message] : [c.file, c.kind]));
const corrupt = (why: string) => [['class.zip', 'zip-corrupt', `not a readable zip archive (${why})`]];

test('an end record alone, counting 5 entries (22 bytes): one zip-corrupt row, not an archive holding nothing', () => {
  const bytes = new Uint8Array(22);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, END, true);
  view.setUint16(8, 5, true);
  view.setUint16(10, 5, true);
  view.setUint32(12, 230, true); // the directory's size
  // Before: [] (no row, no word: the archive vanished from the class).
  expect(shown(expandArchive(bytes, 'class.zip', 0, LIMITS))).toEqual(corrupt('its directory, 230 bytes at byte 0, would run past its end record at byte 0'));
  view.setUint32(12, 0, true);
  view.setUint16(8, 65535, true);
  view.setUint16(10, 65535, true);
  expect(shown(expandArchive(bytes, 'class.zip', 0, LIMITS))).toEqual(corrupt('its end record counts 65535 entries, but its directory holds 0'));
});

test('an entry count that disagrees with the entries the directory holds: zip-corrupt, though the one entry could be read', () => {
  const more = oneEntry();
  more.view.setUint16(more.end + 8, 7, true);
  more.view.setUint16(more.end + 10, 7, true);
  // Before: Alice graded, and nothing said of the 6 entries the archive claims besides.
  expect(shown(expandArchive(more.zip, 'class.zip', 0, LIMITS))).toEqual(corrupt('its end record counts 7 entries, but its directory holds 1'));
  const none = oneEntry();
  none.view.setUint16(none.end + 8, 0, true);
  none.view.setUint16(none.end + 10, 0, true);
  // Before: graded from the stream, the directory unread (its sizes never checked before expanding).
  expect(shown(expandArchive(none.zip, 'class.zip', 0, LIMITS))).toEqual(corrupt('its end record counts 0 entries, but its directory holds 1'));
  const two = oneEntry();
  two.view.setUint16(two.end + 8, 2, true); // on this disk; 1 in all
  expect(shown(expandArchive(two.zip, 'class.zip', 0, LIMITS))).toEqual(corrupt('its end record counts 2 entries on this disk, and 1 in all'));
});

test('a directory said to lie past the end of the file, or elsewhere than it does, or whose entry is damaged: zip-corrupt', () => {
  const past = oneEntry();
  const offset = past.view.getUint32(past.end + 16, true);
  const size = past.view.getUint32(past.end + 12, true);
  past.view.setUint32(past.end + 16, offset + 1000, true);
  // Before: graded (fflate read the directory's entries from beyond the end: nothing).
  expect(shown(expandArchive(past.zip, 'class.zip', 0, LIMITS))).toEqual(corrupt(`its directory, ${size} bytes at byte ${offset + 1000}, would run past its end record at byte ${past.end}`));
  const elsewhere = oneEntry();
  elsewhere.view.setUint32(elsewhere.end + 16, 0, true); // the first entry's own header, not the directory
  expect(shown(expandArchive(elsewhere.zip, 'class.zip', 0, LIMITS))).toEqual(corrupt(`its directory is said to start at byte 0, but lies at byte ${offset}`));
  const damaged = oneEntry();
  damaged.zip[offset + 2] = 0x99; // the directory entry's signature
  expect(shown(expandArchive(damaged.zip, 'class.zip', 0, LIMITS))).toEqual(corrupt('its end record counts 1 entry, but its directory holds 0'));
  const far = oneEntry();
  far.view.setUint32(offset + 42, offset + 5, true); // the entry's own header said to lie inside the directory
  expect(shown(expandArchive(far.zip, 'class.zip', 0, LIMITS))).toEqual(corrupt(`its directory places entry 1 at byte ${offset + 5}, past the entries' data`));
});

test('split archives (a part of a .z01, .z02, … set) are refused as such', () => {
  const part = oneEntry();
  part.view.setUint16(part.end + 4, 2, true); // this disk's number
  part.view.setUint16(part.end + 6, 2, true); // the disk the directory starts on
  expect(shown(expandArchive(part.zip, 'class.zip', 0, LIMITS))).toEqual([
    ['class.zip', 'zip-unsupported', 'zip archive split into parts (.z01, .z02, …); ask for it as a single .zip'],
  ]);
  // Only the disk the directory starts on said to be another: split all the same.
  const last = oneEntry();
  last.view.setUint16(last.end + 6, 1, true);
  expect(shown(expandArchive(last.zip, 'class.zip', 0, LIMITS))).toEqual([
    ['class.zip', 'zip-unsupported', 'zip archive split into parts (.z01, .z02, …); ask for it as a single .zip'],
  ]);
  // Inside the class archive: that entry's row, the others still count.
  const candidates = expandArchive(zipSync({ 'Bob/upload.zip': part.zip, 'Carol/Main_Flow_3.json': FLOW }), 'class.zip', 0, LIMITS);
  expect(shown(candidates)).toEqual([
    ['class.zip!/Bob/upload.zip', 'zip-unsupported', 'zip archive split into parts (.z01, .z02, …); ask for it as a single .zip'],
    ['class.zip!/Carol/Main_Flow_3.json', 'bytes'],
  ]);
});

test('still read: an empty archive, a self-extractor (a program before the archive, offsets not shifted), ZIP64 end records', () => {
  expect(expandArchive(zipSync({}), 'class.zip', 0, LIMITS)).toEqual([]);
  const { zip } = oneEntry();
  const program = new Uint8Array(1000 + zip.length);
  program.set([0x4d, 0x5a]); // MZ
  program.set(zip, 1000);
  expect(shown(expandArchive(program, 'class.zip', 0, LIMITS))).toEqual([['class.zip!/Alice/Main_Flow_1.json', 'bytes']]);
  expect(shown(expandArchive(zip64(zip), 'class.zip', 0, LIMITS))).toEqual([['class.zip!/Alice/Main_Flow_1.json', 'bytes']]);
  const lying = zip64(zip);
  const record = new DataView(lying.buffer, lying.length - 22 - 20 - 56);
  record.setBigUint64(24, 3n, true); // the ZIP64 record's counts
  record.setBigUint64(32, 3n, true);
  expect(shown(expandArchive(lying, 'class.zip', 0, LIMITS))).toEqual(corrupt('its end record counts 3 entries, but its directory holds 1'));
  const lost = zip64(zip);
  lost[lost.length - 22 - 20 - 56] = 0x99; // the ZIP64 end record's signature: the locator points at nothing
  expect(shown(expandArchive(lost, 'class.zip', 0, LIMITS))).toEqual(corrupt('its ZIP64 end record is missing'));
});

test('a ZIP64 archive\'s directory is read where its ZIP64 end record places it: a damaged entry is refused by its CRC-32, an encrypted one as such', () => {
  const stored = zipSync({ 'Alice/Main_Flow_1.json': FLOW, 'Bob/Main_Flow_2.json': FLOW }, { level: 0 });
  expect(shown(expandArchive(zip64(stored), 'class.zip', 0, LIMITS))).toEqual([
    ['class.zip!/Alice/Main_Flow_1.json', 'bytes'],
    ['class.zip!/Bob/Main_Flow_2.json', 'bytes'],
  ]);
  const damaged = zip64(stored);
  damaged[Buffer.from(damaged).indexOf('Main_Flow_1"') + 10] = 0x39; // Alice's "Main_Flow_1" now reads "Main_Flow_9"
  expect(shown(expandArchive(damaged, 'class.zip', 0, LIMITS))[0]).toEqual(['class.zip!/Alice/Main_Flow_1.json', 'zip-corrupt', 'zip entry is damaged: what it expands to does not match its checksum (CRC-32); ask for the archive again']);
  const locked = zip64(stored);
  const view = new DataView(locked.buffer);
  const directory = Buffer.from(locked).indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); // Alice's directory entry
  view.setUint16(directory + 8, view.getUint16(directory + 8, true) | 1, true); // "encrypted"
  expect(shown(expandArchive(locked, 'class.zip', 0, LIMITS))[0]).toEqual(['class.zip!/Alice/Main_Flow_1.json', 'zip-unsupported', 'zip entry is encrypted (password-protected); ask for it without a password']);
});

test('a directory entry running past the end record, or bytes in the directory that are no entry: zip-corrupt, saying which', () => {
  const long = oneEntry();
  const offset = long.view.getUint32(long.end + 16, true);
  long.view.setUint16(offset + 28, 1000, true); // the entry's name length
  expect(shown(expandArchive(long.zip, 'class.zip', 0, LIMITS))).toEqual(corrupt('its end record counts 1 entry, but its directory holds 0'));
  // Five bytes between the last entry and the end record, counted in the directory's size.
  const { zip, view, end } = oneEntry();
  const padded = new Uint8Array(zip.length + 5);
  padded.set(zip.subarray(0, end));
  padded.set(zip.subarray(end), end + 5);
  new DataView(padded.buffer).setUint32(end + 5 + 12, view.getUint32(end + 12, true) + 5, true);
  expect(shown(expandArchive(padded, 'class.zip', 0, LIMITS))).toEqual(corrupt('its directory ends in 5 bytes that are not an entry'));
});

test('an entry\'s own header must fit before the directory (30 bytes at least): at 30 bytes before it, read; at 29, zip-corrupt', () => {
  for (const [before, fault] of [[30, undefined], [29, 'its directory places entry 1 at byte 29, past the entries\' data']] as const) {
    const { zip, view, end } = oneEntry();
    const offset = view.getUint32(end + 16, true);
    view.setUint32(offset + 42, offset - before, true);
    const found = checkDirectory(zip);
    expect(found, `${before}`).toEqual(fault === undefined ? { prefix: 0, entries: [offset] } : { code: 'zip-corrupt', why: fault.replace('29', `${offset - before}`) });
  }
});

test('a self-extractor whose entry is said to lie far past the file: zip-corrupt, not a crash', () => {
  const { zip, view, end } = oneEntry();
  const offset = view.getUint32(end + 16, true);
  view.setUint32(offset + 42, 0x7fffffff, true);
  const program = new Uint8Array(1000 + zip.length);
  program.set(zip, 1000);
  expect(shown(expandArchive(program, 'class.zip', 0, LIMITS))).toEqual(corrupt(`its directory is said to start at byte ${offset}, but lies at byte ${offset + 1000}`));
});

test('also read: an empty archive after a self-extractor\'s program, a ZIP64 self-extractor (its locator not shifted), a comment of the most bytes an end record allows', () => {
  const empty = zipSync({});
  const emptyProgram = new Uint8Array(1000 + empty.length);
  emptyProgram.set(empty, 1000);
  expect(expandArchive(emptyProgram, 'class.zip', 0, LIMITS)).toEqual([]);
  const large = zip64(oneEntry().zip);
  const program = new Uint8Array(1000 + large.length);
  program.set(large, 1000);
  expect(shown(expandArchive(program, 'class.zip', 0, LIMITS))).toEqual([['class.zip!/Alice/Main_Flow_1.json', 'bytes']]);
  const { zip, view, end } = oneEntry();
  const commented = new Uint8Array(zip.length + 0xffff);
  commented.set(zip);
  new DataView(commented.buffer).setUint16(end + 20, 0xffff, true);
  expect(checkDirectory(commented)).toEqual({ prefix: 0, entries: [view.getUint32(end + 16, true)] });
  expect(shown(expandArchive(commented, 'class.zip', 0, LIMITS))).toEqual([['class.zip!/Alice/Main_Flow_1.json', 'bytes']]);
});

/**
 * The one-entry archive with its entry's offset (and, when `sizes`, its two sizes) said to be in a
 * ZIP64 extra field, as a ZIP64 writer leaves them, after an extended timestamp; the field holds `values`.
 */
function zip64Entry(values: number[], sizes: boolean): Uint8Array {
  const { zip, view, end } = oneEntry();
  const offset = view.getUint32(end + 16, true);
  const field = new Uint8Array(9 + 4 + 8 * values.length);
  const fieldView = new DataView(field.buffer);
  fieldView.setUint16(0, 0x5455, true);
  fieldView.setUint16(2, 5, true);
  field[4] = 1;
  fieldView.setUint16(9, 0x0001, true);
  fieldView.setUint16(11, 8 * values.length, true);
  values.forEach((value, i) => fieldView.setBigUint64(13 + 8 * i, BigInt(value), true));
  // The directory's one entry runs up to the end record: the fields go at its end.
  const out = new Uint8Array(zip.length + field.length);
  out.set(zip.subarray(0, end));
  out.set(field, end);
  out.set(zip.subarray(end), end + field.length);
  const outView = new DataView(out.buffer);
  outView.setUint16(offset + 30, outView.getUint16(offset + 30, true) + field.length, true);
  outView.setUint32(offset + 42, 0xffffffff, true);
  if (sizes) [20, 24].forEach((at) => outView.setUint32(offset + at, 0xffffffff, true));
  outView.setUint32(end + field.length + 12, view.getUint32(end + 12, true) + field.length, true);
  return out;
}

test('an entry\'s own header placed by its ZIP64 field (its offset 0xFFFFFFFF, after its ZIP64 sizes when those are too): checked there; a field too short to hold it, zip-corrupt', () => {
  const { view, end } = oneEntry();
  const offset = view.getUint32(end + 16, true);
  const [compressed, size] = [view.getUint32(offset + 20, true), view.getUint32(offset + 24, true)];
  for (const sizes of [false, true]) {
    const before = sizes ? [size, compressed] : [];
    expect(checkDirectory(zip64Entry([...before, 0], sizes)), `sizes: ${sizes}`).toEqual({ prefix: 0, entries: [offset] });
    expect(checkDirectory(zip64Entry([...before, offset + 5], sizes)), `sizes: ${sizes}`).toEqual({ code: 'zip-corrupt', why: `its directory places entry 1 at byte ${offset + 5}, past the entries' data` });
  }
  expect(checkDirectory(zip64Entry([size, compressed], true))).toEqual({ code: 'zip-corrupt', why: "its directory places entry 1 at byte Infinity, past the entries' data" });
});

test('a ZIP64 field (the last bytes of the directory\'s last entry) that says it runs on past them: zip-corrupt, not a crash of the whole run', () => {
  // Its offset would be read 16 bytes on, past the sizes it says come first: past the end record.
  const { end } = oneEntry();
  const zip = zip64Entry([], true);
  new DataView(zip.buffer).setUint16(end + 9 + 2, 24, true); // the ZIP64 field's own size: 24 bytes where there are none
  expect(checkDirectory(zip)).toEqual({ code: 'zip-corrupt', why: "its directory places entry 1 at byte Infinity, past the entries' data" });
  expect(shown(expandArchive(zip, 'class.zip', 0, LIMITS))).toEqual(corrupt("its directory places entry 1 at byte Infinity, past the entries' data"));
});

test('grade: an unreadable archive in a class folder is a zip-corrupt row beside the exports, and alone one too', async () => {
  const root = tempDir('zip-directory');
  mkdirSync(path.join(root, 'b1'));
  const eocd = new Uint8Array(22);
  new DataView(eocd.buffer).setUint32(0, END, true);
  new DataView(eocd.buffer).setUint16(8, 5, true);
  new DataView(eocd.buffer).setUint16(10, 5, true);
  new DataView(eocd.buffer).setUint32(12, 230, true);
  writeFileSync(path.join(root, 'b1', 'eocd5.zip'), eocd);
  writeFileSync(path.join(root, 'b1', 'Main_Flow_ok.json'), readFileSync(fixturePath('flows/solution.json')));
  const run = await runCli(['grade', 'b1', '--out', 'o', '--quiet'], { cwd: root });
  // Before: 1 attendee, no line and no row for the archive.
  expect(run.stderr).toBe(`flowgrade: ${path.join('b1', 'eocd5.zip')}: not a readable zip archive (its directory, 230 bytes at byte 0, would run past its end record at byte 0) [zip-corrupt]\n`);
  const csv = readFileSync(path.join(root, 'o', 'grades.csv'), 'utf8');
  expect(csv).toContain(`${path.join('b1', 'eocd5.zip')},ungradable`);
  expect(csv.trim().split('\n')).toHaveLength(3);
  const alone = await runCli(['grade', path.join('b1', 'eocd5.zip'), '--out', 'o2', '--quiet'], { cwd: root });
  // Before: "no exports (*.json) or archives (*.zip) found in b1/eocd5.zip [no-input]", exit 2.
  expect(alone.stderr).toContain('[zip-corrupt]');
  expect(alone.stderr).not.toContain('[no-input]');
});

/** `zip` with a ZIP64 end record and locator before its end record, whose fields then say 0xFFFF(FFFF), as for a large archive. */
function zip64(zip: Uint8Array): Uint8Array {
  const end = zip.length - 22;
  const old = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const [count, size, offset] = [old.getUint16(end + 10, true), old.getUint32(end + 12, true), old.getUint32(end + 16, true)];
  const out = new Uint8Array(end + 56 + 20 + 22);
  out.set(zip.subarray(0, end));
  const view = new DataView(out.buffer);
  view.setUint32(end, 0x06064b50, true); // ZIP64 end record
  view.setBigUint64(end + 4, 44n, true);
  view.setUint16(end + 12, 45, true);
  view.setUint16(end + 14, 45, true);
  view.setBigUint64(end + 24, BigInt(count), true);
  view.setBigUint64(end + 32, BigInt(count), true);
  view.setBigUint64(end + 40, BigInt(size), true);
  view.setBigUint64(end + 48, BigInt(offset), true);
  const locator = end + 56;
  view.setUint32(locator, 0x07064b50, true);
  view.setBigUint64(locator + 8, BigInt(end), true);
  view.setUint32(locator + 16, 1, true);
  const last = locator + 20;
  view.setUint32(last, END, true);
  view.setUint16(last + 8, 0xffff, true);
  view.setUint16(last + 10, 0xffff, true);
  view.setUint32(last + 12, 0xffffffff, true);
  view.setUint32(last + 16, 0xffffffff, true);
  return out;
}
