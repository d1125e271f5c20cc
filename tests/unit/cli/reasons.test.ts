/** Why a file-system call failed, in words a user can act on: the limits of the machine named by the setting that sets them. */
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { openedNoFile, permissionModelFlag, readStartSync, reasonOf, unreadable } from '../../../cli/io.js';
import { runCli, tempDir } from '../../helpers.js';

const failure = (code: string, message: string) => Object.assign(new Error(message), { code });

test('file-size limit, open-file limits and disk quota: named with the setting, not as Node words them', () => {
  // Before: Node's own words, naming neither ulimit nor the quota.
  expect(reasonOf(failure('EFBIG', 'EFBIG: file too large, write'))).toBe('the file would pass the limit on file sizes (ulimit -f)');
  expect(reasonOf(failure('EMFILE', "EMFILE: too many open files, open 'out/.flowgrade-staging-x/0.json'"))).toBe('too many open files: raise the limit of open files, ulimit -n');
  expect(reasonOf(failure('ENFILE', 'ENFILE: file table overflow'))).toBe('too many files open on this machine');
  expect(reasonOf(failure('EDQUOT', 'EDQUOT: disk quota exceeded, write'))).toBe('the disk quota is used up');
});

test('an input/output error and an invalid argument: in words, not Node\'s "EIO: i/o error, read"', async () => {
  expect(reasonOf(failure('EIO', 'EIO: i/o error, read'))).toBe('an input/output error (a damaged disk, or a special file such as /proc/self/mem)');
  expect(reasonOf(failure('EINVAL', 'EINVAL: invalid argument, read'))).toBe('the system refuses it (a special file, or a name the file system does not take)');
  if (process.platform !== 'linux') return;
  // As the robustness hunt of session 50 met them: Linux's files of a process's memory.
  const check = (file: string) => runCli(['check', file]);
  expect((await check('/proc/self/mem')).stdout).toBe('/proc/self/mem: UNGRADABLE — an input/output error (a damaged disk, or a special file such as /proc/self/mem) [unreadable-file]\n');
  expect((await check('/proc/self/pagemap')).stdout).toBe('/proc/self/pagemap: UNGRADABLE — the system refuses it (a special file, or a name the file system does not take) [unreadable-file]\n');
});

test('a code that is a name of every object (toString, constructor) is no reason of ours: the error\'s own words', () => {
  // Before (a mutation sweep): `code in REASONS` gave Object's function for these.
  for (const code of ['toString', 'constructor', '__proto__']) expect(reasonOf(Object.assign(new Error('odd failure'), { code }))).toBe('odd failure');
});

test('readStartSync reads the start of a regular file only: a folder, a named pipe or a device gives nothing', () => {
  const dir = tempDir('read-start');
  writeFileSync(path.join(dir, 'file'), 'part: the whole class\n');
  expect(readStartSync(path.join(dir, 'file'), 4)).toEqual({ text: 'part', size: 22 });
  expect(readStartSync(dir, 4)).toBeUndefined();
  if (process.platform === 'win32') return;
  execFileSync('mkfifo', [path.join(dir, 'pipe')]);
  // Before (a mutation sweep): a pipe (and /dev/null) read as an empty file, '' of size 0.
  expect(readStartSync(path.join(dir, 'pipe'), 4)).toBeUndefined();
  expect(readStartSync('/dev/null', 4)).toBeUndefined();
});

test('what open(2) says of a socket is told as not a regular file: ENXIO on Linux, EOPNOTSUPP on macOS and the BSDs', () => {
  // Before (a mutation sweep): EOPNOTSUPP, which no Linux test meets, said in Node's words.
  for (const code of ['ENXIO', 'EOPNOTSUPP']) {
    expect(openedNoFile(Object.assign(new Error(code), { code })), code).toBe(true);
    expect(unreadable(Object.assign(new Error(`${code}: open 'sock'`), { code }))).toEqual({ ok: false, error: { code: 'unreadable-file', message: 'is not a regular file (a pipe, device or socket)' } });
  }
  expect(openedNoFile(Object.assign(new Error('ENOENT'), { code: 'ENOENT' }))).toBe(false);
});

test('the permission model\'s flag is --permission only when Node was given that flag itself, not one that starts alike', () => {
  const saved = process.env.NODE_OPTIONS;
  try {
    process.env.NODE_OPTIONS = '--permission --allow-fs-read=*';
    expect(permissionModelFlag()).toBe('--permission');
    // Before (a mutation sweep): any option holding '--permission' counted, one that only starts alike too.
    process.env.NODE_OPTIONS = '--permission-audit';
    expect(permissionModelFlag()).toBe('--experimental-permission');
  } finally {
    if (saved === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = saved;
  }
});

test('a name that is not UTF-8 is said so only where it was not found: permission denied on it is said as such, and a failure naming no path as Node words it', () => {
  const named = (code: string, file?: string) => Object.assign(new Error(`${code}: open`), { code, ...(file === undefined ? {} : { path: file }) });
  expect(reasonOf(named('ENOENT', 'class/Jos\uFFFD.json'))).toBe('its name is not valid UTF-8: rename the file');
  // Before (a mutation sweep): these survived dropping notUtf8Name's `code === 'ENOENT'`, and its test that a path is given.
  expect(reasonOf(named('EACCES', 'class/Jos\uFFFD.json'))).toBe('permission denied');
  expect(reasonOf(named('ENOENT'))).toBe('no such file');
});
