/**
 * FLOWGRADE_REPORT_RSS, which `npm run bench` sets (scripts/bench.mjs): `grade` then ends with its
 * peak RSS on stderr, the bench's figure where `/usr/bin/time -v` is missing (docs/performance.md,
 * How to measure). Without it, no such line: stderr is the grading's own.
 */
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { fixturePath, runCli, tempDir } from '../../helpers.js';

const RSS_LINE = /^flowgrade: peak RSS \d+ KB$/m;

test('grade prints its peak RSS on stderr with FLOWGRADE_REPORT_RSS set, and not without it', async () => {
  const dir = tempDir('report-rss');
  const args = (out: string) => ['grade', fixturePath('flows/solution.json'), '--out', path.join(dir, out), '--quiet', '--jobs', '1'];
  const asked = await runCli(args('asked'), { env: { FLOWGRADE_REPORT_RSS: '1' } });
  expect(asked.code).toBe(0);
  expect(asked.stderr).toMatch(RSS_LINE);
  const plain = await runCli(args('plain'));
  expect(plain.code).toBe(0);
  expect(plain.stderr).not.toMatch(/peak RSS/);
});
