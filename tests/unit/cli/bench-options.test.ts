/**
 * scripts/bench.mjs, the speed benchmark, answers --help with its usage and refuses an option it
 * does not know, before generating anything: it used to take both for "run the benchmark" and
 * spend minutes generating a class of 1,000 and grading it three times. The child is stopped at its
 * first line when that is not the one expected, so that a regression shows here as that line, not as
 * minutes of benchmark.
 */
import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../../helpers.js';

/**
 * The bench's first line (stdout or stderr), and its exit code; a first line that is not
 * `expected` is the benchmark starting: the child is stopped there (code null).
 */
function firstLine(args: string[], expected: RegExp): Promise<{ line: string; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'bench.mjs'), ...args], { cwd: ROOT });
    let output = '';
    let line: string | undefined;
    const take = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (line === undefined && output.includes('\n')) {
        line = output.slice(0, output.indexOf('\n'));
        if (!expected.test(line)) child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('close', (code) => resolve({ line: line ?? output, code }));
  });
}

test('bench.mjs --help (and -h) prints its usage and exits 0, running nothing', async () => {
  for (const flag of ['--help', '-h']) {
    const usage = /^Usage: node scripts\/bench\.mjs /;
    const { line, code } = await firstLine([flag], usage);
    expect(line, flag).toMatch(usage);
    expect(code, flag).toBe(0);
  }
});

test('bench.mjs refuses an option it does not know, exit 2, running nothing', async () => {
  const { line, code } = await firstLine(['--cuont', '10'], /^bench: unknown option/);
  expect(line).toBe('bench: unknown option --cuont; see node scripts/bench.mjs --help');
  expect(code).toBe(2);
});
