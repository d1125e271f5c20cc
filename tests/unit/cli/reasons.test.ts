/** Why a file-system call failed, in words a user can act on: the limits of the machine named by the setting that sets them. */
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { readStartSync, reasonOf } from '../../../cli/io.js';
import { tempDir } from '../../helpers.js';

const failure = (code: string, message: string) => Object.assign(new Error(message), { code });

test('file-size limit, open-file limits and disk quota: named with the setting, not as Node words them', () => {
  // Before: Node's own words, naming neither ulimit nor the quota.
  expect(reasonOf(failure('EFBIG', 'EFBIG: file too large, write'))).toBe('the file would pass the limit on file sizes (ulimit -f)');
  expect(reasonOf(failure('EMFILE', "EMFILE: too many open files, open 'out/.flowgrade-staging-x/0.json'"))).toBe('too many open files: raise the limit of open files, ulimit -n');
  expect(reasonOf(failure('ENFILE', 'ENFILE: file table overflow'))).toBe('too many files open on this machine');
  expect(reasonOf(failure('EDQUOT', 'EDQUOT: disk quota exceeded, write'))).toBe('the disk quota is used up');
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
