/**
 * The built modules run as if they were the command (`node dist/cli.js check flow.json`, as a CI
 * script may be written after a look at dist/): the CLI's module only exports run(), so nothing
 * was graded, nothing printed, and the exit code was 0, a pass.
 */
import { test, expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { ROOT, fixturePath } from '../../helpers.js';

for (const module of ['cli.js', 'worker.js']) {
  test(`node dist/${module} check … says to run bin/flowgrade.js, exit 2`, async () => {
    const file = path.join(ROOT, 'dist', module);
    const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(process.execPath, [file, 'check', fixturePath('flows/solution.json')], (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }));
    });
    expect(run).toEqual({ code: 2, stdout: '', stderr: `flowgrade: ${file} is not the command: run node ${path.join(ROOT, 'bin', 'flowgrade.js')} instead\n` });
  });
}
