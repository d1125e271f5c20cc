/**
 * flowgrade installed as a dependency (a git+https:// or git+file:// devDependency of a CI
 * project, or npm install -g of one) without its build: npm builds a git dependency while packing
 * it, and skips that with --ignore-scripts (or ignore-scripts=true in .npmrc), which hardened CI
 * jobs set. Running npm ci in node_modules/flowgrade, as for a clone, cannot help there.
 */
import { test, expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT, tempDir } from '../../helpers.js';

test('an installed copy without dist/ says to install it again with scripts on, exit 2', async () => {
  const installed = path.join(tempDir('not-built-dependency'), 'node_modules', 'flowgrade');
  mkdirSync(path.join(installed, 'bin'), { recursive: true });
  copyFileSync(path.join(ROOT, 'bin', 'flowgrade.js'), path.join(installed, 'bin', 'flowgrade.js'));
  const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(process.execPath, [path.join(installed, 'bin', 'flowgrade.js'), 'checks'], (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }));
  });
  expect(run).toEqual({
    code: 2,
    stdout: '',
    stderr:
      `flowgrade: not built: ${path.join(installed, 'dist', 'cli.js')} is missing: npm installed it without running its build ` +
      '(--ignore-scripts, or ignore-scripts in .npmrc); install it again with scripts on, or from a tarball made by npm pack in a clone\n',
  });
});
