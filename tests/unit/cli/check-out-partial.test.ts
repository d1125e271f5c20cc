/**
 * `check --out` onto a disk that fills up (ENOSPC), or past a file-size limit (`ulimit -f`, EFBIG):
 * one line, exit 2, and no half-written report left behind, which would open as a report that
 * merely stops (an HTML page cut in the middle, a JSON report that no longer parses).
 */
import { test, expect } from '@playwright/test';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixturePath, tempDir } from '../../helpers.js';
import { runCliAfter } from './run-under-shell.js';

// 64 blocks (32 KB in dash's 512-byte blocks, 64 KB in bash's): less than either report.
const checkUnderFileSizeLimit = (args: string[]) => runCliAfter('ulimit -f 64', ['check', fixturePath('flows/solution.json'), ...args]);

for (const format of ['html', 'json']) {
  test(`check --format ${format} --out past a file-size limit: one line, exit 2, no half-written report left (nor an earlier one cut short)`, async () => {
    test.skip(process.platform !== 'linux', 'ulimit -f through a shell');
    const dir = tempDir('check-out-partial');
    for (const earlier of [false, true]) {
      const out = path.join(dir, `report-${earlier}.${format}`);
      if (earlier) writeFileSync(out, 'an earlier report\n');
      const run = await checkUnderFileSizeLimit(['--format', format, '--out', out]);
      expect([run.code, run.stdout, run.stderr]).toEqual([2, '', `flowgrade: cannot write --out ${out}: the file would pass the limit on file sizes (ulimit -f); the part written is removed [bad-out]\n`]);
      // Before: a report of the first 32 KB (or 64 KB) was left, cut in the middle of a line.
      expect(existsSync(out), `earlier report: ${earlier}`).toBe(false);
    }
  });
}

test('writeWhole: a full disk removes the part written (a symlink kept, its file emptied); a refusal to open leaves the file alone', async () => {
  const { writeWhole } = await import('../../../cli/write-whole.js');
  const calls: string[] = [];
  const fs = (code: string, link: boolean) => ({
    writeFile: async () => {
      throw Object.assign(new Error(code), { code });
    },
    lstat: async () => ({ isSymbolicLink: () => link }),
    unlink: async (file: string) => void calls.push(`unlink ${file}`),
    truncate: async (file: string) => void calls.push(`truncate ${file}`),
  });
  await expect(writeWhole('r.html', 'x', fs('ENOSPC', false))).rejects.toMatchObject({ code: 'ENOSPC', partRemoved: true });
  await expect(writeWhole('l.html', 'x', fs('EDQUOT', true))).rejects.toMatchObject({ code: 'EDQUOT', partRemoved: true });
  await expect(writeWhole('p.html', 'x', fs('EACCES', false))).rejects.not.toHaveProperty('partRemoved');
  expect(calls).toEqual(['unlink r.html', 'truncate l.html']);
});
