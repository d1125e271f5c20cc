/**
 * The end of a run on Windows: a folder another program has open (the antivirus scanner, the
 * search indexer, an Explorer window on --out) cannot be removed for a while (EBUSY, EPERM,
 * ENOTEMPTY). The staging folder's removal threw past the end of a run whose outputs were all
 * written ("internal error"), and left the lock behind. Simulated by a removal that fails so.
 */
import { test, expect } from '@playwright/test';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { endRun, undoPrepare } from '../../../cli/grade/batch.js';
import { tempDir } from '../../helpers.js';

function run(): { stagingDir: string; lockFile: string } {
  const out = tempDir('end-run');
  const stagingDir = path.join(out, '.flowgrade-staging-x');
  mkdirSync(stagingDir);
  const lockFile = path.join(out, '.flowgrade-lock');
  writeFileSync(lockFile, `${process.pid}\n`);
  return { stagingDir, lockFile };
}

/** A removal that fails as Windows' does while another program holds `dir` open. */
function busyRm(dir: string): typeof rm {
  return (async () => {
    throw Object.assign(new Error(`EBUSY: resource busy or locked, rmdir '${dir}'`), { code: 'EBUSY', syscall: 'rmdir', path: dir });
  }) as unknown as typeof rm;
}

/** The real removal, each call's options recorded in `asked`. */
function recordingRm(asked: unknown[]): typeof rm {
  return ((dir: string, options: unknown) => (asked.push(options), rm(dir, options as never))) as typeof rm;
}

test('a staging folder that cannot be removed is named in a warning; the lock goes all the same, and the run ends as it would', async () => {
  const { stagingDir, lockFile } = run();
  const warnings: string[] = [];
  await endRun(stagingDir, lockFile, (line) => warnings.push(line), busyRm(stagingDir));
  expect(existsSync(lockFile)).toBe(false);
  expect(warnings).toEqual([
    `flowgrade: ${stagingDir}: this run's staging folder cannot be removed (EBUSY: another program has it open); delete it, it is never graded [staging-left]`,
  ]);
});

test('removed, with retries asked for (Windows lets go of a folder a moment later): no warning', async () => {
  const { stagingDir, lockFile } = run();
  const asked: unknown[] = [];
  const warnings: string[] = [];
  await endRun(stagingDir, lockFile, (line) => warnings.push(line), recordingRm(asked));
  expect([existsSync(stagingDir), existsSync(lockFile), warnings]).toEqual([false, false, []]);
  expect(asked).toEqual([{ recursive: true, force: true, maxRetries: 5 }]);
});

/**
 * A run that made its staging folder but could not finish preparing --out (the marker's rename
 * refused) removes that folder as the end of a run does: with retries, a folder still held open a
 * warning, not an internal error hiding the run's own problem line; its lock goes all the same.
 */
test('undoPrepare removes the staging folder with the same retries as endRun; one that cannot be removed is the same warning', async () => {
  const { stagingDir, lockFile } = run();
  const asked: unknown[] = [];
  await undoPrepare({ stagingDir, lockFile, locked: true }, () => {}, recordingRm(asked));
  expect([existsSync(stagingDir), existsSync(lockFile)]).toEqual([false, false]);
  expect(asked).toEqual([{ recursive: true, force: true, maxRetries: 5 }]);
  const held = run();
  const warnings: string[] = [];
  await undoPrepare({ ...held, locked: true }, (line) => warnings.push(line), busyRm(held.stagingDir));
  expect(existsSync(held.lockFile)).toBe(false);
  expect(warnings).toEqual([
    `flowgrade: ${held.stagingDir}: this run's staging folder cannot be removed (EBUSY: another program has it open); delete it, it is never graded [staging-left]`,
  ]);
});
