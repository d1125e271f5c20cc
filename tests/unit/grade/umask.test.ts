/**
 * A umask that takes the owner's own write permission away (`umask 0277`, `0577`: "new files
 * read-only"): the folders flowgrade makes to write into (--out and its missing parents, the run's
 * staging folder, web --out) are still its to write, as `mkdir -p` makes its parents, and readable
 * back; the reports themselves keep the modes the umask gives them.
 */
import { test, expect } from '@playwright/test';
import { readdirSync, statSync } from 'node:fs';
import { takeLock } from '../../../cli/grade/out-lock.js';
import path from 'node:path';
import { tempDir } from '../../helpers.js';
import { runCliAfter } from '../cli/run-under-shell.js';
import { writeSolutions } from './class-fixture.js';

const NOW = ['--now', '2025-08-01T09:00:00Z'];
const ownerBits = (file: string) => statSync(file).mode & 0o700;

for (const umask of ['0277', '0577', '0777']) {
  test(`grade and web under umask ${umask} make --out folders their owner can write into and read back; reports keep the umask's modes`, async () => {
    test.skip(process.platform === 'win32', 'POSIX modes');
    const dir = tempDir('umask-class');
    writeSolutions(dir, 3);
    const base = tempDir('umask-out');
    const out = path.join(base, 'course', 'graded');
    const run = await runCliAfter(`umask ${umask}`, ['grade', dir, '--out', out, ...NOW, '--quiet', '--jobs', '1']);
    expect([run.code, run.stderr]).toEqual([0, '']);
    // Before: dr-x------ (0500), or d-w------- under 0577: a user other than root could not write
    // into it ("cannot write into --out …: permission denied", for a folder flowgrade had just made).
    expect([ownerBits(path.join(base, 'course')), ownerBits(out)]).toEqual([0o700, 0o700]);
    expect(readdirSync(out).filter((name) => name.startsWith('.flowgrade-staging'))).toEqual([]);
    expect(ownerBits(path.join(out, 'index.html'))).toBe(0o600 & ~Number.parseInt(umask, 8));
    // The marker is flowgrade's to read back: unreadable (0577, 0777), a run by a user other than
    // root took the class files for someone else's and refused the folder.
    expect(ownerBits(path.join(out, '.flowgrade-output'))).toBe(0o600);
    expect(await runCliAfter(`umask ${umask}`, ['grade', dir, '--out', out, ...NOW, '--quiet', '--jobs', '1'])).toMatchObject({ code: 0, stderr: '' });
    const site = path.join(base, 'site');
    expect((await runCliAfter(`umask ${umask}`, ['web', '--out', site])).code).toBe(0);
    expect(ownerBits(site)).toBe(0o700);
  });
}

test('a lock taken under umask 0777 is readable by the next run (which would otherwise take it over from a running one)', () => {
  test.skip(process.platform === 'win32', 'POSIX modes');
  const lock = path.join(tempDir('umask-lock'), '.flowgrade-lock');
  const before = process.umask(0o777);
  try {
    expect(takeLock(lock)).toBeUndefined();
  } finally {
    process.umask(before);
  }
  expect(ownerBits(lock)).toBe(0o600);
});
