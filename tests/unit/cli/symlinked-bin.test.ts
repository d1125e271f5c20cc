/**
 * bin/flowgrade.js run through a symlink, as npm installs it (<prefix>/bin/flowgrade →
 * ../lib/node_modules/flowgrade/bin/flowgrade.js), with Node told to keep the symlink's path for
 * the main module (--preserve-symlinks-main, in NODE_OPTIONS for pnpm or Bazel set-ups).
 */
import { test, expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { ROOT, tempDir } from '../../helpers.js';

test.skip(process.platform === 'win32', 'npm installs cmd shims on Windows, not symlinks');

const VERSION = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;

for (const nodeOptions of ['', '--preserve-symlinks-main']) {
  test(`a symlinked bin finds the build beside the real file${nodeOptions ? ` (NODE_OPTIONS=${nodeOptions})` : ''}`, async () => {
    const bin = path.join(tempDir('symlinked-bin'), 'bin');
    mkdirSync(bin);
    symlinkSync(path.join(ROOT, 'bin', 'flowgrade.js'), path.join(bin, 'flowgrade'));
    const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const env = { ...process.env, NODE_OPTIONS: nodeOptions };
      const child = execFile(process.execPath, [path.join(bin, 'flowgrade'), '--version'], { env }, (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }));
    });
    expect(run).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });
}
