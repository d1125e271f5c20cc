/** `grade`'s summary line on stdout, in words: counts agree with their nouns. */
import { test, expect } from '@playwright/test';
import path from 'node:path';
import { fixturePath, runCli, tempDir } from '../../helpers.js';

test('--shard: the summary counts the submissions found in the singular for one', async () => {
  const out = (name: string) => path.join(tempDir('grade-summary'), name);
  const one = await runCli(['grade', fixturePath('flows/solution.json'), '--out', out('one'), '--shard', '1/1', '--quiet']);
  expect(one.code).toBe(0);
  expect(one.stdout).toMatch(/\(shard 1\/1 of 1 submission found\)/);
  const two = await runCli(['grade', fixturePath('flows/solution.json'), fixturePath('flows/before-mission.json'), '--out', out('two'), '--shard', '1/1', '--quiet']);
  expect(two.stdout).toMatch(/\(shard 1\/1 of 2 submissions found\)/);
});
