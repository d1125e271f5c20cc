/** bin/flowgrade.js in a clone not built yet (no dist/: before `npm ci`, or an install whose build script did not run). */
import { test, expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT, tempDir } from '../../helpers.js';

test('without dist/cli.js the command says in one line what to run, exit 2, not a stack trace', async () => {
  const clone = tempDir('not-built');
  mkdirSync(path.join(clone, 'bin'));
  copyFileSync(path.join(ROOT, 'bin', 'flowgrade.js'), path.join(clone, 'bin', 'flowgrade.js'));
  const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(process.execPath, [path.join(clone, 'bin', 'flowgrade.js'), 'checks'], (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }));
  });
  expect(run).toEqual({ code: 2, stdout: '', stderr: `flowgrade: not built: ${path.join(clone, 'dist', 'cli.js')} is missing; run npm ci (or npm run build) in ${clone}\n` });
});
