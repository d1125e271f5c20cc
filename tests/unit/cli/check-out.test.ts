/** `check --out FILE`: the report goes to the file; a place that cannot be written is one line and exit 2. */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fixturePath, runCli, tempDir } from '../../helpers.js';

test('check --out writes the report to the file, and refuses a folder in one line', async () => {
  const dir = tempDir('check-out');
  const file = path.join(dir, 'report.html');
  const written = await runCli(['check', fixturePath('flows/solution.json'), '--format', 'html', '--out', file]);
  expect([written.code, written.stdout]).toEqual([0, '']);
  expect(readFileSync(file, 'utf8')).toMatch(/^<!DOCTYPE html>/i);
  const refused = await runCli(['check', fixturePath('flows/solution.json'), '--format', 'json', '--out', dir]);
  expect(refused.code).toBe(2);
  expect(refused.stderr.trim()).toBe(`flowgrade: cannot write --out ${dir}: is a directory, not a file`);
});
