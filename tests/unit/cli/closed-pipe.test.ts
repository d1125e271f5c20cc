/** `flowgrade … | head -1`: a reader that stops early ends the output, never the command with a stack trace. */
import { test, expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, fixturePath, tempDir } from '../../helpers.js';

/** Runs the CLI into `head -1` through a real pipe (bash): the CLI's exit code and its stderr. */
function intoHead(args: string[]): Promise<{ code: number; stderr: string }> {
  const stderrFile = path.join(tempDir('closed-pipe'), 'stderr.txt');
  const script = '"$@" 2>"$STDERR_FILE" | head -1 >/dev/null; echo "${PIPESTATUS[0]}"';
  const cli = [process.execPath, path.join(ROOT, 'bin', 'flowgrade.js'), ...args];
  return new Promise((resolve, reject) => {
    execFile('bash', ['-c', script, 'bash', ...cli], { env: { ...process.env, NO_COLOR: '1', STDERR_FILE: stderrFile } }, (error, stdout) => {
      if (error) reject(error);
      else resolve({ code: Number(stdout.trim()), stderr: readFileSync(stderrFile, 'utf8') });
    });
  });
}

// Outputs larger than a pipe holds, so that the CLI is still writing when `head` goes away.
for (const [args, code] of [
  [['checks'], 0],
  [['check', fixturePath('flows/solution.json'), '--format', 'html'], 0],
  [['check', fixturePath('flows/before-mission.json'), '--format', 'html'], 1],
] as const) {
  test(`flowgrade ${args.map((a) => path.basename(a)).join(' ')} | head -1: the rest is dropped, the command's own exit code, nothing on stderr`, async () => {
    expect(await intoHead([...args])).toEqual({ code, stderr: '' });
  });
}

test('output that cannot be written (> /dev/full) is one line on stderr and exit code 2, never a stack trace', async () => {
  test.skip(!existsSync('/dev/full'), 'needs /dev/full');
  const run = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    execFile('bash', ['-c', '"$@" >/dev/full', 'bash', process.execPath, path.join(ROOT, 'bin', 'flowgrade.js'), 'check', fixturePath('flows/solution.json'), '--format', 'json'], (error, _stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stderr });
    });
  });
  expect(run).toEqual({ code: 2, stderr: 'flowgrade: cannot write the output: no space left on the device\n' });
});
