/**
 * An export that is not UTF-8 — UTF-16 (Windows Notepad's "Unicode") or Windows-1252 / Latin-1
 * (an editor's "ANSI") — gets the loader's one clear line in `check` and an ungradable row with it
 * in `grade` (run `npm run build` first), never a grade of garbled text.
 */
import { test, expect } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixturePath, runCli, tempDir } from '../../helpers.js';

const SOLUTION = readFileSync(fixturePath('flows/solution.json'), 'utf8');

const ENCODINGS = [
  {
    name: 'UTF-16',
    /** The solution export as Notepad saves it: UTF-16LE with a BOM. */
    bytes: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SOLUTION, 'utf16le')]),
    message: 'not valid JSON: the file is UTF-16 (Notepad\'s "Unicode"), not UTF-8; export it again from Flow Designer, or save it as UTF-8',
  },
  {
    name: 'Windows-1252',
    /** The solution export with "Café" in its welcome prompt, saved as "ANSI" (é is the one byte E9). */
    bytes: () => Buffer.from(SOLUTION.replace('Welcome to the', 'Café, welcome to the'), 'latin1'),
    message:
      'not valid JSON: the file is not UTF-8 (byte 0xE9, "é" in Windows-1252, at line 145 column 28, as in a file saved as "ANSI", Windows-1252 or Latin-1); export it again from Flow Designer, or save it as UTF-8',
  },
];

for (const encoding of ENCODINGS) {
  const write = (dir: string, name: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, encoding.bytes());
    return file;
  };

  test(`check: a ${encoding.name} export is UNGRADABLE with the encoding named, exit 2`, async () => {
    const file = write(tempDir('encoding-check'), 'Main_Flow_140.json');
    const run = await runCli(['check', file]);
    expect(run.code).toBe(2);
    expect(run.stdout.trim()).toBe(`${file}: UNGRADABLE — ${encoding.message} [not-json]`);
  });

  test(`grade: a ${encoding.name} export is one ungradable row with the encoding named; the batch goes on`, async () => {
    const file = write(tempDir('encoding-grade'), 'Main_Flow_141.json');
    const out = tempDir('encoding-grade-out');
    const run = await runCli(['grade', file, fixturePath('flows/solution.json'), '--out', out, '--now', '2025-08-01T09:00:00Z', '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('1 passed, 0 failed, 1 ungradable');
    expect(run.stderr).toContain(`flowgrade: ${file}: ${encoding.message} [not-json]`);
    const report = JSON.parse(readFileSync(path.join(out, '141.json'), 'utf8'));
    expect(report.verdict).toBe('ungradable');
    expect(report.error).toEqual({ code: 'not-json', message: encoding.message });
  });
}
