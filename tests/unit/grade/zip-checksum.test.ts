/**
 * An archive entry whose bytes were damaged after it was written (a bad download, a flipped bit on
 * a USB stick) expands to something else than what was zipped: its CRC-32 says so, and it is
 * refused as its own row (`zip-corrupt`) instead of graded as if the attendee had written it. fflate
 * checks no CRC; before, such an entry was graded. An archive streamed with data descriptors (its
 * headers' CRC 0, the right one in the directory), and two entries of one name with different
 * contents, are not mistaken for damage.
 */
import { test, expect } from '@playwright/test';
import zlib from 'node:zlib';
import { Zip, ZipDeflate, zipSync } from 'fflate';
import { crc32, expandArchive, type ZipLimits } from '../../../cli/grade/zip.js';
import { checkDirectory, zipDirectory, type Directory } from '../../../cli/grade/zip-times.js';

const LIMITS: ZipLimits = { maxEntryBytes: 20 * 1024 * 1024, maxTotalBytes: 200 * 1024 * 1024, maxEntries: 10_000 };
const encode = (text: string) => new TextEncoder().encode(text);
const FLOW = encode('{"name":"Main_Flow_1","process":{}}');

/** The archive with the first occurrence of `from` (in an entry's stored bytes) replaced by `to`, of the same length. */
function damaged(zip: Uint8Array, from: string, to: string): Uint8Array {
  const at = Buffer.from(zip).indexOf(from);
  expect(at).toBeGreaterThan(0);
  const copy = zip.slice();
  copy.set(encode(to), at);
  return copy;
}

function outcome(candidates: ReturnType<typeof expandArchive>): Record<string, string> {
  return Object.fromEntries(candidates.map((c) => [c.file, c.kind === 'refused' ? `${c.error.code}: ${c.error.message}` : c.kind]));
}

const DAMAGED = 'zip-corrupt: zip entry is damaged: what it expands to does not match its checksum (CRC-32); ask for the archive again';

test('zip: a stored entry one character of which changed after it was zipped is refused as damaged; the others are expanded', () => {
  const archive = zipSync({ 'Ann/Main_Flow_1.json': FLOW, 'Bob/Main_Flow_2.json': encode('{"name":"Main_Flow_2","process":{}}') }, { level: 0 });
  expect(outcome(expandArchive(archive, 'lms.zip', 0, LIMITS))).toEqual({ 'lms.zip!/Ann/Main_Flow_1.json': 'bytes', 'lms.zip!/Bob/Main_Flow_2.json': 'bytes' });
  expect(outcome(expandArchive(damaged(archive, 'Main_Flow_1"', 'Main_Flow_9"'), 'lms.zip', 0, LIMITS))).toEqual({
    'lms.zip!/Ann/Main_Flow_1.json': DAMAGED,
    'lms.zip!/Bob/Main_Flow_2.json': 'bytes',
  });
});

test('zip: a deflated entry whose directory lists another CRC-32 than its bytes have is refused as damaged', () => {
  const archive = zipSync({ 'a.json': FLOW, 'b.json': FLOW });
  const view = new DataView(archive.buffer);
  const directory = Buffer.from(archive).indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); // the first directory entry: a.json's
  view.setUint32(directory + 16, (view.getUint32(directory + 16, true) ^ 1) >>> 0, true);
  expect(outcome(expandArchive(archive, 'lms.zip', 0, LIMITS))).toEqual({ 'lms.zip!/a.json': DAMAGED, 'lms.zip!/b.json': 'bytes' });
});

test('zip: an archive inside the archive, damaged in the class archive, is that entry\'s row; damaged inside, its export is; the others still count', () => {
  const inner = zipSync({ 'x.json': FLOW }, { level: 0 });
  const archive = zipSync({ 'Ann/upload.zip': inner, 'Bob/b.json': FLOW }, { level: 0 });
  expect(outcome(expandArchive(damaged(archive, 'Main_Flow_1"', 'Main_Flow_8"'), 'lms.zip', 0, LIMITS))).toEqual({ 'lms.zip!/Ann/upload.zip': DAMAGED, 'lms.zip!/Bob/b.json': 'bytes' });
  const damagedInside = zipSync({ 'Ann/upload.zip': damaged(inner, 'Main_Flow_1"', 'Main_Flow_8"'), 'Bob/b.json': FLOW }, { level: 0 });
  expect(outcome(expandArchive(damagedInside, 'lms.zip', 0, LIMITS))).toEqual({ 'lms.zip!/Ann/upload.zip!/x.json': DAMAGED, 'lms.zip!/Bob/b.json': 'bytes' });
});

test('zip: entries streamed with data descriptors (CRC-32 0 in their own headers) are expanded', () => {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
  });
  for (const [name, bytes] of [['a.json', FLOW], ['b.json', encode('{"name":"Main_Flow_2"}')]] as const) {
    const entry = new ZipDeflate(name);
    zip.add(entry);
    entry.push(bytes, true);
  }
  zip.end();
  const archive = Buffer.concat(parts);
  expect(archive.readUInt16LE(6) & 8).toBe(8); // the first local header announces a data descriptor
  expect(archive.readUInt32LE(14)).toBe(0); // and holds no CRC
  expect(outcome(expandArchive(archive, 'lms.zip', 0, LIMITS))).toEqual({ 'lms.zip!/a.json': 'bytes', 'lms.zip!/b.json': 'bytes' });
});

test('zip: two entries of one name with different contents are each matched against the CRCs listed for that name', () => {
  const zip = zipSync({ 'Ann/x.json': FLOW, 'Bob/x.json': encode('{"name":"Main_Flow_2"}') }, { level: 0 });
  for (let i = 0; i + 3 <= zip.length; i++) if (zip[i] === 0x42 && zip[i + 1] === 0x6f && zip[i + 2] === 0x62) zip.set(encode('Ann'), i); // Bob's entry renamed as Ann's
  const directory = checkDirectory(zip) as Directory;
  expect(directory.entries).toHaveLength(2);
  expect(zipDirectory(zip, directory).checksums.get('Ann/x.json')).toHaveLength(2);
  expect(expandArchive(zip, 'lms.zip', 0, LIMITS).map((c) => c.kind)).toEqual(['bytes', 'bytes']);
});

test('zip: a damaged entry whose name Windows wrote in code page 437 (no UTF-8 flag) is refused as damaged too, under the name as written', () => {
  const zip = zipSync({ 'AAAAAAAAAA/Main_Flow_1.json': FLOW, 'Bob/b.json': FLOW }, { level: 0 });
  const cp437 = new Uint8Array([0x90, 0x6c, 0x8a, 0x76, 0x65, 0x5f, 0x52, 0x65, 0x6e, 0x82]); // "Élève_René"
  for (let i = 0; i + 10 <= zip.length; i++) if (zip.subarray(i, i + 10).every((b) => b === 0x41)) zip.set(cp437, i); // in its own header and the directory
  expect(outcome(expandArchive(zip, 'lms.zip', 0, LIMITS))).toEqual({ 'lms.zip!/Élève_René/Main_Flow_1.json': 'bytes', 'lms.zip!/Bob/b.json': 'bytes' });
  // Before (a mutation sweep): looked up under fflate's Latin-1 reading of the name, it had no CRC to match, and was graded.
  expect(outcome(expandArchive(damaged(zip, 'Main_Flow_1"', 'Main_Flow_9"'), 'lms.zip', 0, LIMITS))).toEqual({ 'lms.zip!/Élève_René/Main_Flow_1.json': DAMAGED, 'lms.zip!/Bob/b.json': 'bytes' });
});

/** Runs `body` as on Node 20.0–20.14, which have no `zlib.crc32`. */
function withoutZlibCrc32(body: () => void): void {
  const own = zlib.crc32;
  try {
    (zlib as { crc32?: unknown }).crc32 = undefined;
    body();
  } finally {
    zlib.crc32 = own;
  }
}

test('zip: where Node has no zlib.crc32 (20.0–20.14), a damaged entry is refused as damaged all the same', () => {
  const archive = damaged(zipSync({ 'a.json': FLOW, 'b.json': FLOW }, { level: 0 }), 'Main_Flow_1"', 'Main_Flow_9"');
  withoutZlibCrc32(() => expect(outcome(expandArchive(archive, 'lms.zip', 0, LIMITS))).toEqual({ 'lms.zip!/a.json': DAMAGED, 'lms.zip!/b.json': 'bytes' }));
});

test('zip: the CRC-32 without zlib.crc32 is the standard one, for no bytes, the check string, and more than a gzip stored block holds', () => {
  const random = new Uint8Array(200_000).map((_, i) => (i * 2654435761) >>> 24);
  const inputs = [new Uint8Array(), encode('123456789'), random];
  const expected = [0, 0xcbf43926, ...(typeof zlib.crc32 === 'function' ? [zlib.crc32(random)] : [])];
  withoutZlibCrc32(() => expect(inputs.slice(0, expected.length).map(crc32)).toEqual(expected));
  expect(inputs.slice(0, expected.length).map(crc32)).toEqual(expected);
});
