/**
 * Tests leave nothing in the temp folder: tests/helpers.ts tempDir removes the folders it made when
 * the test process exits, but not a folder a test renamed out of one. The test that does so is run
 * here by a Playwright of its own, with a temp folder of its own, which must be left empty (but for
 * Playwright's cache). Run `npm run build` first (the test runs the CLI).
 */
import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT, tempDir } from '../../helpers.js';

/** What a run of `file` (its tests matching `grep`) leaves in a temp folder of its own. */
function leftBehind(file: string, grep: string): string[] {
  const tmp = tempDir('leftovers');
  const playwright = createRequire(import.meta.url).resolve('@playwright/test/cli');
  // Not this run's worker: Playwright tells its workers apart by these.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(TEST_|PW_|PLAYWRIGHT_)/.test(name)));
  const run = spawnSync(process.execPath, [playwright, 'test', '--project=unit', file, '--grep', grep, '--workers=1', '--reporter=line', `--output=${tempDir('leftovers-results')}`], {
    cwd: ROOT,
    env: { ...env, TMPDIR: tmp, TMP: tmp, TEMP: tmp },
    encoding: 'utf8',
  });
  expect(run.status, run.stdout + run.stderr).toBe(0);
  return readdirSync(tmp).filter((name) => !name.startsWith('playwright-'));
}

test('merge-hostile\'s folder named with a terminal control sequence is removed with the others', () => {
  // Before: renamed beside its tempDir folder, flowgrade-merge-hostile-control-2-XXXXXX\u001b[31m stayed, one a run.
  expect(leftBehind(path.join('tests', 'unit', 'grade', 'merge-hostile.test.ts'), 'terminal control sequence')).toEqual([]);
});
