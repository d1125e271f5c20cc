/** The fuzz files' counts across workers (support.ts tally): the total once, and no folder left behind. */
import { test, expect } from '@playwright/test';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../../helpers.js';
import { FUZZ_FILES, FUZZ_RUNS, FUZZ_SEED, tally, type PropertyCount } from './support.js';

const counted: PropertyCount[] = [{ name: 'a property', cases: 3, failures: 0, seed: 1 }];

test('the last fuzz file to report gets the total, once, and the run\'s folder of counts is removed', () => {
  const runs = tempDir('fuzz-counts');
  const dir = path.join(runs, '4242');
  const [last, ...others] = [...FUZZ_FILES].reverse();
  for (const file of others) expect(tally(dir, file, counted, () => 1), file).toBeUndefined();
  expect(tally(dir, last!, counted, () => 1)).toBe(`fuzz total: ${FUZZ_FILES.length} properties, ${3 * FUZZ_FILES.length} cases, 0 failures (FUZZ_RUNS=${FUZZ_RUNS}, FUZZ_SEED=${FUZZ_SEED})`);
  // Before: every run left its folder (and total.printed) in the temp folder, 500 of them after a while.
  expect(existsSync(dir)).toBe(false);
  expect(existsSync(runs)).toBe(false); // the folder of every run's folders, empty, too
});

test('a run whose files have not all reported prints no total and keeps its counts', () => {
  const dir = path.join(tempDir('fuzz-counts'), '4243');
  expect(tally(dir, FUZZ_FILES[0], counted, () => 1)).toBeUndefined();
  expect(existsSync(path.join(dir, `${FUZZ_FILES[0]}.${process.pid}.json`))).toBe(true);
});
