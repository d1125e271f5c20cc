/**
 * bin/flowgrade.js says "not built" only when dist/cli.js is missing (not-built.test.ts,
 * not-built-dependency.test.ts): a built CLI that fails to load one of its own imports (a package
 * missing from node_modules) is Node's error as it is, not a false "run npm ci" (mutation sweep
 * h25: the message on any module not found).
 */
import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, tempDir } from '../../helpers.js';

test('a built dist/cli.js importing a package that is not installed fails with Node\'s own error, not "not built"', () => {
  const clone = tempDir('missing-dependency');
  for (const dir of ['bin', 'dist']) mkdirSync(path.join(clone, dir));
  copyFileSync(path.join(ROOT, 'bin', 'flowgrade.js'), path.join(clone, 'bin', 'flowgrade.js'));
  writeFileSync(path.join(clone, 'dist', 'cli.js'), "import 'flowgrade-h25-no-such-package';\nexport async function run() { return 0; }\n");
  const run = spawnSync(process.execPath, [path.join(clone, 'bin', 'flowgrade.js'), 'checks'], { encoding: 'utf8' });
  expect([run.status, run.stdout]).toEqual([1, '']);
  expect(run.stderr).toContain("Cannot find package 'flowgrade-h25-no-such-package'");
  expect(run.stderr).not.toContain('not built');
});
