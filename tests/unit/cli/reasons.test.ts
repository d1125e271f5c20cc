/** Why a file-system call failed, in words a user can act on: the limits of the machine named by the setting that sets them. */
import { test, expect } from '@playwright/test';
import { reasonOf } from '../../../cli/io.js';

const failure = (code: string, message: string) => Object.assign(new Error(message), { code });

test('file-size limit, open-file limits and disk quota: named with the setting, not as Node words them', () => {
  // Before: Node's own words, naming neither ulimit nor the quota.
  expect(reasonOf(failure('EFBIG', 'EFBIG: file too large, write'))).toBe('the file would pass the limit on file sizes (ulimit -f)');
  expect(reasonOf(failure('EMFILE', "EMFILE: too many open files, open 'out/.flowgrade-staging-x/0.json'"))).toBe('too many open files: raise the limit of open files, ulimit -n');
  expect(reasonOf(failure('ENFILE', 'ENFILE: file table overflow'))).toBe('too many files open on this machine');
  expect(reasonOf(failure('EDQUOT', 'EDQUOT: disk quota exceeded, write'))).toBe('the disk quota is used up');
});
