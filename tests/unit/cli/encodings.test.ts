/**
 * A UTF-16 export (Windows Notepad's "Unicode") gets the loader's one clear line in `check` and
 * an ungradable row with it in `grade` (run `npm run build` first).
 */
import { test, expect } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixturePath, runCli, tempDir } from '../../helpers.js';

const MESSAGE = 'not valid JSON: the file is UTF-16 (Notepad\'s "Unicode"), not UTF-8; export it again from Flow Designer, or save it as UTF-8';

/** The solution export as Notepad saves it: UTF-16LE with a BOM. */
function writeUtf16(dir: string, name: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(fixturePath('flows/solution.json'), 'utf8'), 'utf16le')]));
  return file;
}

test('check: a UTF-16 export is UNGRADABLE with the encoding named, exit 2', async () => {
  const file = writeUtf16(tempDir('utf16-check'), 'Main_Flow_140.json');
  const run = await runCli(['check', file]);
  expect(run.code).toBe(2);
  expect(run.stdout.trim()).toBe(`${file}: UNGRADABLE — ${MESSAGE} [not-json]`);
});

test('grade: a UTF-16 export is one ungradable row with the encoding named; the batch goes on', async () => {
  const dir = tempDir('utf16-grade');
  const file = writeUtf16(dir, 'Main_Flow_141.json');
  const out = tempDir('utf16-grade-out');
  const run = await runCli(['grade', file, fixturePath('flows/solution.json'), '--out', out, '--now', '2025-08-01T09:00:00Z', '--quiet']);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toContain('1 passed, 0 failed, 1 ungradable');
  expect(run.stderr).toContain(`flowgrade: ${file}: ${MESSAGE} [not-json]`);
  const report = JSON.parse(readFileSync(path.join(out, '141.json'), 'utf8'));
  expect(report.verdict).toBe('ungradable');
  expect(report.error).toEqual({ code: 'not-json', message: MESSAGE });
});
