/** withInputFileSync: a grading thread's reads into one reused buffer, never mixing two files' bytes. */
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withInputFileSync } from '../../../cli/grade/read-sync.js';
import { readInputFile } from '../../../cli/io.js';
import { unixSocket } from '../../helpers.js';

let dir: string;
test.beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'flowgrade-read-'));
  writeFileSync(path.join(dir, 'big.json'), 'b'.repeat(3 * 1024 * 1024)); // beyond the first buffer
  writeFileSync(path.join(dir, 'mid.json'), 'm'.repeat(5000));
  writeFileSync(path.join(dir, 'small.json'), '{"small":1}');
  writeFileSync(path.join(dir, 'empty.json'), '');
  mkdirSync(path.join(dir, 'folder.json'));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = (file: string, maxBytes?: number) =>
  withInputFileSync(path.isAbsolute(file) ? file : path.join(dir, file), maxBytes, async (read) => (read.ok ? Buffer.from(read.bytes).toString() : `${read.error.code}: ${read.error.message}`));

test('each file gives exactly its bytes, whatever was read before it', async () => {
  expect(await text('big.json')).toBe('b'.repeat(3 * 1024 * 1024));
  expect(await text('mid.json')).toBe('m'.repeat(5000));
  expect(await text('small.json')).toBe('{"small":1}');
  expect(await text('empty.json')).toBe('');
  expect(await text('big.json')).toHaveLength(3 * 1024 * 1024);
});

test('a reading while the buffer is lent gets its own buffer: the first bytes stay intact', async () => {
  const seen = await withInputFileSync(path.join(dir, 'mid.json'), undefined, async (outer) => {
    const inner = await text('small.json');
    return { outer: outer.ok ? Buffer.from(outer.bytes).toString() : '', inner };
  });
  expect(seen).toEqual({ outer: 'm'.repeat(5000), inner: '{"small":1}' });
});

test('unreadable files give the same codes and messages as readInputFile', async () => {
  for (const [file, maxBytes] of [['missing.json'], ['folder.json'], ['mid.json', 4000]] as const) {
    const read = await readInputFile(path.join(dir, file), maxBytes);
    expect(await text(file, maxBytes)).toBe(read.ok ? '' : `${read.error.code}: ${read.error.message}`);
  }
  expect(await text('missing.json')).toBe('unreadable-file: no such file');
  expect(await text('folder.json')).toBe('unreadable-file: is a directory, not a file');
  expect(await text('mid.json', 4000)).toBe('too-large: file is larger than the 4000 bytes limit (5000 bytes)');
});

test('a broken symlink is named as one by both readers: it is there (ls lists it), so "no such file" alone would deny it', async () => {
  test.skip(process.platform === 'win32', 'symlinks need privileges on Windows');
  symlinkSync('nowhere.json', path.join(dir, 'broken.json'));
  const read = await readInputFile(path.join(dir, 'broken.json'));
  const message = 'a symbolic link to nowhere.json, which does not exist';
  expect([await text('broken.json'), read.ok ? '' : read.error.message]).toEqual([`unreadable-file: ${message}`, message]);
});

test('a pipe, a device or a socket is refused before it is read, by both readers: nothing blocks, nothing grows', async () => {
  test.skip(process.platform === 'win32', 'named pipes, Unix sockets and /dev are POSIX');
  execFileSync('mkfifo', [path.join(dir, 'pipe.json')]);
  const closeSocket = await unixSocket(path.join(dir, 'socket.json')); // before: ENXIO: no such device or address, open '…'
  symlinkSync('/dev/zero', path.join(dir, 'zero.json'));
  symlinkSync('loop-b.json', path.join(dir, 'loop-a.json'));
  symlinkSync('loop-a.json', path.join(dir, 'loop-b.json'));
  const expected = 'unreadable-file: is not a regular file (a pipe, device or socket)';
  for (const file of ['pipe.json', 'socket.json', 'zero.json', ...(existsSync('/dev/urandom') ? ['/dev/urandom'] : [])]) {
    expect(await text(file), file).toBe(expected);
    const read = await readInputFile(path.isAbsolute(file) ? file : path.join(dir, file));
    expect(read.ok ? '' : `${read.error.code}: ${read.error.message}`, file).toBe(expected);
  }
  expect(await text('loop-a.json')).toBe('unreadable-file: too many symbolic links (a loop)');
  await closeSocket();
});

test('a file whose size says 0 (Linux\'s /proc files) is read to its end, as readInputFile reads it, and no further than the limit', async () => {
  test.skip(!existsSync('/proc/self/environ'), 'Linux /proc');
  // Before: read as far as its size said, nothing: grade called it "file is empty" (check, through readInputFile, read it).
  const environ = (await readInputFile('/proc/self/environ')) as { ok: true; bytes: Uint8Array };
  expect(environ.bytes.length).toBeGreaterThan(16);
  expect(await text('/proc/self/environ')).toBe(Buffer.from(environ.bytes).toString());
  const over = 'too-large: file is larger than the 16 bytes limit (its size says 0 bytes, but it gives more)';
  expect(await text('/proc/self/environ', 16)).toBe(over);
  // Past the buffer a thread keeps (1 MB), read on in a bigger one, to the end or the limit: /proc/kallsyms gives megabytes.
  const symbols = existsSync('/proc/kallsyms') ? readFileSync('/proc/kallsyms', 'latin1') : '';
  if (symbols.length > 4 * 1024 * 1024) {
    expect(await withInputFileSync('/proc/kallsyms', 64 * 1024 * 1024, async (read) => (read.ok ? Buffer.from(read.bytes).toString('latin1') : read.error.message))).toBe(symbols);
    expect(await text('/proc/kallsyms', 3 * 1024 * 1024)).toBe(over.replace('16 bytes', '3 MB'));
  }
});

test('a file whose name is not UTF-8 is named as such, not as missing', async () => {
  test.skip(process.platform !== 'linux', 'other file systems refuse such names');
  writeFileSync(Buffer.concat([Buffer.from(path.join(dir, 'bad')), Buffer.from([0xff, 0xfe]), Buffer.from('.json')]), '{}');
  const [name] = readdirSync(dir).filter((entry) => entry.startsWith('bad'));
  expect(await text(name)).toBe('unreadable-file: its name is not valid UTF-8: rename the file');
});
