/**
 * scripts/build.mjs where its tools (esbuild, ajv) are not installed: `npm install <a clone not
 * built yet>` (npm runs the clone's prepare in the clone), `npm ci --omit=dev`, or `npm run build`
 * before `npm ci`, as the shim's "not built" line may lead one to.
 */
import { test, expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import { cpSync } from 'node:fs';
import path from 'node:path';
import { ROOT, tempDir } from '../../helpers.js';

test('without node_modules the build says in one line what to run, exit 1, not a stack trace', async () => {
  const clone = tempDir('build-without-tools');
  cpSync(path.join(ROOT, 'scripts'), path.join(clone, 'scripts'), { recursive: true });
  const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(process.execPath, ['scripts/build.mjs'], { cwd: clone }, (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }));
  });
  expect(run).toEqual({
    code: 1,
    stdout: '',
    stderr: `flowgrade build: esbuild is not installed in ${clone}: run npm ci --include=dev there (the build's tools are devDependencies, which --omit=dev and NODE_ENV=production leave out)\n`,
  });
});
