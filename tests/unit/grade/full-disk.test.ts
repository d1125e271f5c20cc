/**
 * grade into a folder on a disk with no room left: one line, exit 2, and nothing of the run left
 * in --out (the lock it could not write included), so that the folder is as it was.
 */
import { test, expect } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { fixturePath, tempDir } from '../../helpers.js';
import { runCliAfter } from '../cli/run-under-shell.js';

test('grade when not one byte can be written (ulimit -f 0, a full disk alike): one line, exit 2, --out left empty', async () => {
  test.skip(process.platform !== 'linux', 'ulimit -f through a shell');
  const out = tempDir('full-disk-out');
  const run = await runCliAfter('ulimit -f 0', ['grade', fixturePath('class'), '--out', out, '--quiet']);
  expect([run.code, run.stdout, run.stderr]).toEqual([2, '', `flowgrade: cannot write into --out ${out}: the file would pass the limit on file sizes (ulimit -f) [bad-out]\n`]);
  // Before: an empty .flowgrade-lock-<pid> stayed there, the lock this run began to write.
  expect(readdirSync(out)).toEqual([]);
});
