/** `check` given a folder: ungradable as any unreadable input (exit 2, unreadable-file), and told that `grade` grades a folder. */
import { test, expect } from '@playwright/test';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { fixturePath, runCli, tempDir } from '../../helpers.js';

const ADVICE = 'is a directory: `check` takes export files (.json); `flowgrade grade <folder> --out <dir>` grades a folder [unreadable-file]';

test('check <folder> says that check takes export files and that grade grades a folder, one line, exit 2', async () => {
  const dir = tempDir('check-folder');
  copyFileSync(fixturePath('flows/solution.json'), path.join(dir, 'Main_Flow_140.json'));
  // Before: `UNGRADABLE — is a directory, not a file`, and nothing on what to run instead.
  const run = await runCli(['check', dir]);
  expect([run.code, run.stdout.trim(), run.stderr]).toEqual([2, `${dir}: UNGRADABLE — ${ADVICE}`, '']);
  // Other formats: the report's error keeps its code, the line goes to stderr.
  const json = await runCli(['check', dir, '--format', 'json']);
  expect([json.code, json.stderr.trim()]).toEqual([2, `flowgrade: ${dir}: ${ADVICE}`]);
  expect(JSON.parse(json.stdout).error.code).toBe('unreadable-file');
  // Beside an export: the export is graded, the folder said so.
  const both = await runCli(['check', fixturePath('flows/solution.json'), dir, '-q']);
  expect(both.code).toBe(2);
  expect(both.stdout).toContain(`${dir}: UNGRADABLE — ${ADVICE}`);
});
