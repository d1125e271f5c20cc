/**
 * Files are written only under `--out`: a name already in `--out` that is a symlink to a file
 * elsewhere (left by an unpacked archive, or planted by whoever could write there) is replaced,
 * never written through. Needs `npm run build`.
 */
import { test, expect } from '@playwright/test';
import { copyFileSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixturePath, runCli } from '../../helpers.js';
import { removeTempDirs, tempDir } from './flows.js';

test.afterAll(removeTempDirs);

const NOW = '2025-08-01T09:00:00.000Z';
const WRITTEN = ['.flowgrade-output', 'index.html', 'grades.csv', 'junit.xml', 'summary.md', '140.json', '140.html'];

for (const jobs of ['1', '2']) {
  test(`grade --jobs ${jobs}: every file name in --out that is a symlink to a file outside is replaced, not written through`, async () => {
    const dir = tempDir('out-symlinks');
    const input = path.join(dir, 'class');
    const out = path.join(dir, 'reports');
    const outside = path.join(dir, 'outside');
    mkdirSync(input);
    mkdirSync(out);
    mkdirSync(outside);
    copyFileSync(fixturePath('flows/solution.json'), path.join(input, 'a.json'));
    copyFileSync(fixturePath('flows/before-mission.json'), path.join(input, 'b.json'));
    for (const name of WRITTEN) {
      const victim = path.join(outside, `victim${name}`);
      writeFileSync(victim, 'precious\n');
      symlinkSync(victim, path.join(out, name));
    }
    const run = await runCli(['grade', input, '--out', out, '--jobs', jobs, '--now', NOW]);
    expect(run.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
    for (const name of WRITTEN) {
      expect(readFileSync(path.join(outside, `victim${name}`), 'utf8'), `${name} was written through its symlink`).toBe('precious\n');
    }
    // Whatever the run did with the names, it wrote nothing outside --out and its marker is a file of its own.
    expect(run.code, run.stderr).toBe(0);
    expect(lstatSync(path.join(out, '.flowgrade-output')).isSymbolicLink()).toBe(false);
  });
}
