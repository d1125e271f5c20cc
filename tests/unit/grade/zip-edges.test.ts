/**
 * The edges of zip.ts's rules, each found unheld by a mutation sweep. Entry names a student or a
 * tool can write that point outside the archive (`..` between backslashes, as Windows tools write
 * folders, a leading backslash, a drive letter, a NUL) are refused as their own row; a name merely
 * holding two dots is a name. The limits are exact: an entry of the file size limit, exports adding
 * up to the total limit, and archives nested MAX_NESTING (3) deep are expanded; a byte or a level
 * more is refused. An entry stored without compression is held to the size it declares as a
 * deflated one is, and an export or archive named in capitals is one.
 */
import { test, expect } from '@playwright/test';
import { zipSync, type Zippable } from 'fflate';
import { expandArchive, isUnsafeName, type ZipLimits } from '../../../cli/grade/zip.js';
import { declareSize } from './zip-headers.js';
import { printableLine } from '../../../reports/escape.js';

const LIMITS: ZipLimits = { maxEntryBytes: 20 * 1024 * 1024, maxTotalBytes: 200 * 1024 * 1024, maxEntries: 10_000 };
const FLOW = new TextEncoder().encode('{"name":"Main_Flow_1","process":{}}');

test('zip: .. between backslashes, a leading backslash, a drive letter in either case and a NUL are refused, each as its own row', () => {
  const unsafe = ['..\\evil.json', 'a\\..\\..\\up.json', 'a/..\\up.json', '\\abs.json', 'c:win.json', 'D:\\x.json', 'a\0b.json'];
  const archive = zipSync(Object.fromEntries([['ok.json', FLOW], ...unsafe.map((name) => [name, FLOW])]) as Zippable);
  const candidates = expandArchive(archive, 'lms.zip', 0, LIMITS);
  const kinds = Object.fromEntries(candidates.map((c) => [c.file.slice('lms.zip!/'.length), c.kind === 'refused' ? c.error.code : c.kind]));
  expect(kinds).toEqual({ 'ok.json': 'bytes', ...Object.fromEntries(unsafe.map((name) => [name, 'zip-unsafe-path'])) });
  for (const name of unsafe) expect(isUnsafeName(name), JSON.stringify(name)).toBe(true);
});

test('zip: an entry whose name holds a NUL is refused in words naming the NUL, the name shown whole with \\u0000 (not "absolute or contains ..")', () => {
  const archive = zipSync({ 'Alice_1_assignsubmission_file_/a\0b.json': FLOW, '../up.json': FLOW } as Zippable);
  const refused = expandArchive(archive, 'lms.zip', 0, LIMITS).map((c) => [c.file, c.kind === 'refused' ? c.error.message : c.kind]);
  expect(refused.sort()).toEqual([
    ['lms.zip!/../up.json', 'zip entry path is absolute or contains ".."; refused'],
    ['lms.zip!/Alice_1_assignsubmission_file_/a\0b.json', 'zip entry name holds a NUL character (\\u0000), which no file name can; refused'],
  ]);
  // On stderr (and in grades.csv) the NUL is a visible \u0000 like any control character, the name whole after it.
  expect(printableLine(`flowgrade: ${refused[1][0]}: x`)).toBe('flowgrade: lms.zip!/Alice_1_assignsubmission_file_/a\\u0000b.json: x');
});

test('zip: a name that only holds two dots (v1..2.json, a..b/x.json) is an export like any other', () => {
  const names = ['v1..2.json', 'a..b/x.json', 'a\\b..\\x.json', 'x/y..json'];
  const candidates = expandArchive(zipSync(Object.fromEntries(names.map((name) => [name, FLOW])) as Zippable), 'lms.zip', 0, LIMITS);
  expect(candidates.map((c) => [c.file, c.kind]).sort()).toEqual(names.map((name) => [`lms.zip!/${name}`, 'bytes']).sort());
  for (const name of names) expect(isUnsafeName(name), name).toBe(false);
});

test('zip: an entry of exactly the file size limit is expanded; a byte more is refused as too large', () => {
  const limits = { ...LIMITS, maxEntryBytes: 1000 };
  const archive = zipSync({ 'exact.json': new Uint8Array(1000), 'over.json': new Uint8Array(1001) });
  const candidates = expandArchive(archive, 'lms.zip', 0, limits);
  expect(candidates.map((c) => [c.file, c.kind === 'refused' ? c.error.code : c.kind]).sort()).toEqual([
    ['lms.zip!/exact.json', 'bytes'],
    ['lms.zip!/over.json', 'too-large'],
  ]);
});

test('zip: archives nested 3 deep (the class archive counting as the first) are expanded; an archive a level deeper is refused by name', () => {
  const level3 = zipSync({ 'x.json': FLOW, 'd.zip': zipSync({ 'y.json': FLOW }) });
  const archive = zipSync({ 'b.zip': zipSync({ 'c.zip': level3 }) });
  const candidates = expandArchive(archive, 'lms.zip', 0, LIMITS);
  expect(candidates.map((c) => [c.file, c.kind === 'refused' ? c.error.code : c.kind]).sort()).toEqual([
    ['lms.zip!/b.zip!/c.zip!/d.zip', 'zip-too-deep'],
    ['lms.zip!/b.zip!/c.zip!/x.json', 'bytes'],
  ]);
});

test('zip bomb: a stored (uncompressed) entry holding more than the size it declares is refused, as a deflated one is', () => {
  const archive = zipSync({ 'liar.json': new Uint8Array(5000), 'ok.json': FLOW }, { level: 0 });
  declareSize(archive, 'liar.json', 1000);
  const candidates = expandArchive(archive, 'lms.zip', 0, LIMITS);
  expect(candidates.find((c) => c.file === 'lms.zip!/liar.json')).toMatchObject({ kind: 'refused', error: { code: 'zip-bomb', message: 'zip entry expands beyond the 1000 bytes it declares; refused' } });
  expect(candidates.find((c) => c.file === 'lms.zip!/ok.json')?.kind).toBe('bytes');
});

test('zip: an export whose directory says it is over 512 MB (the most a string holds) is refused on that size under limits above it, in the words a file of that size gets, not expanded; an archive inside is no text', () => {
  const limits = { ...LIMITS, maxEntryBytes: 1024 * 1024 * 1024, maxTotalBytes: 2048 * 1024 * 1024 };
  const archive = zipSync({ 'big.json': FLOW, 'inner.zip': zipSync({ 'x.json': FLOW }) });
  // What the directory says, whatever the entry holds: the entry is refused before a byte of it is expanded.
  declareSize(archive, 'big.json', 600 * 1024 * 1024);
  declareSize(archive, 'inner.zip', 600 * 1024 * 1024);
  const candidates = expandArchive(archive, 'lms.zip', 0, limits);
  expect(candidates.map((c) => [c.file, c.kind === 'refused' ? c.error : c.kind])).toEqual([
    ['lms.zip!/big.json', { code: 'too-large', message: 'file is larger than 536870888 bytes (512 MB), the most that can be read as text' }],
    ['lms.zip!/inner.zip!/x.json', 'bytes'],
  ]);
});

test('zip: an archive whose exports add up to exactly the total limit is expanded; a byte more refuses it as a whole', () => {
  const limits = { ...LIMITS, maxTotalBytes: 2000 };
  const exact = expandArchive(zipSync({ 'a.json': new Uint8Array(1000), 'b.json': new Uint8Array(1000) }), 'lms.zip', 0, limits);
  expect(exact.map((c) => [c.file, c.kind])).toEqual([
    ['lms.zip!/a.json', 'bytes'],
    ['lms.zip!/b.json', 'bytes'],
  ]);
  const over = expandArchive(zipSync({ 'a.json': new Uint8Array(1000), 'b.json': new Uint8Array(1001) }), 'lms.zip', 0, limits);
  expect(over).toMatchObject([{ kind: 'refused', file: 'lms.zip', error: { code: 'zip-too-large' } }]);
});

test('zip: an export or archive named in capitals (Main_Flow_140.JSON, Class.ZIP, as Windows tools may write them) is expanded, not set aside as no export', () => {
  const archive = zipSync({ 'Main_Flow_140.JSON': FLOW, 'b.Json': FLOW, 'Class.ZIP': zipSync({ 'c.json': FLOW }) });
  const ignored: string[] = [];
  const candidates = expandArchive(archive, 'lms.zip', 0, LIMITS, (entry) => ignored.push(entry));
  expect(candidates.map((c) => [c.file, c.kind]).sort()).toEqual([
    ['lms.zip!/Class.ZIP!/c.json', 'bytes'],
    ['lms.zip!/Main_Flow_140.JSON', 'bytes'],
    ['lms.zip!/b.Json', 'bytes'],
  ]);
  expect(ignored).toEqual([]);
});

test('zip: an entry a Unix zip stored as a symbolic link (zip -y) is refused as one, never read as its target\'s path; a file whose mode is a regular file\'s, beside it, is expanded', () => {
  const archive = zipSync({ 'Alice/Main_Flow_1.json': new TextEncoder().encode('/etc/passwd'), 'Bob/Main_Flow_2.json': FLOW }, { level: 0 });
  const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
  const entry = (from: number) => Buffer.from(archive).indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), from);
  const [alice, bob] = [entry(0), entry(entry(0) + 1)];
  // Made on Unix (version made by, high byte 3), the mode in the external attributes' high half.
  for (const [at, mode] of [[alice, 0o120777], [bob, 0o100644]]) {
    view.setUint8(at + 5, 3);
    view.setUint32(at + 38, (mode << 16) >>> 0, true);
  }
  const candidates = expandArchive(archive, 'lms.zip', 0, LIMITS);
  expect(candidates.map((c) => (c.kind === 'refused' ? [c.file, c.error.code, c.error.message] : [c.file, c.kind]))).toEqual([
    ['lms.zip!/Alice/Main_Flow_1.json', 'zip-unsupported', 'zip entry is a symbolic link, not a file (never followed); ask for the export itself'],
    ['lms.zip!/Bob/Main_Flow_2.json', 'bytes'],
  ]);
});

test('zip: an export compressed by a method other than stored or deflate (bzip2, 12) is refused by name, naming the method; the entry beside it is expanded', () => {
  const archive = zipSync({ 'Alice/Main_Flow_1.json': FLOW, 'Bob/Main_Flow_2.json': FLOW }, { level: 0 });
  const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
  // Alice's method, in her local header (offset 8) and in her directory entry (offset 10).
  view.setUint16(8, 12, true);
  const directory = Buffer.from(archive).indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  view.setUint16(directory + 10, 12, true);
  const candidates = expandArchive(archive, 'lms.zip', 0, LIMITS);
  expect(candidates.map((c) => (c.kind === 'refused' ? [c.file, c.error.code, c.error.message] : [c.file, c.kind]))).toEqual([
    ['lms.zip!/Alice/Main_Flow_1.json', 'zip-unsupported', 'zip entry uses compression method 12 (BZip2); only stored and deflate are supported: zip it again with Deflate, the usual method'],
    ['lms.zip!/Bob/Main_Flow_2.json', 'bytes'],
  ]);
});
