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
  const regular = { isFile: () => true, isDirectory: () => false, dev: 1, ino: 7 };
  const fs = (code: string, link: boolean) => ({
    stat: async () => regular,
    lstat: async () => ({ ...regular, isSymbolicLink: () => link, isFile: () => !link }),
    open: async (file: string) => {
      if (code === 'EACCES') throw Object.assign(new Error(code), { code });
      return {
        stat: async () => regular,
        truncate: async () => void calls.push(`truncate ${file}`),
        writeFile: async () => {
          throw Object.assign(new Error(code), { code });
        },
        close: async () => void calls.push(`close ${file}`),
      };
    },
    unlink: async (file: string) => void calls.push(`unlink ${file}`),
  });
  await expect(writeWhole('r.html', 'x', fs('ENOSPC', false))).rejects.toMatchObject({ code: 'ENOSPC', partRemoved: true });
  await expect(writeWhole('l.html', 'x', fs('EDQUOT', true))).rejects.toMatchObject({ code: 'EDQUOT', partRemoved: true });
  await expect(writeWhole('p.html', 'x', fs('EACCES', false))).rejects.not.toHaveProperty('partRemoved');
  await expect(writeWhole('e.html', 'x', fs('EIO', false))).rejects.toMatchObject({ code: 'EIO', partRemoved: true });
  expect(calls).toEqual([
    'truncate r.html', 'truncate r.html', 'unlink r.html', 'close r.html',
    'truncate l.html', 'truncate l.html', 'close l.html',
    'truncate e.html', 'truncate e.html', 'unlink e.html', 'close e.html',
  ]);
});

test('writeWhole: the part written is said removed when the file was emptied or its name removed, not when neither could be; a file of the same id on another device is kept', async () => {
  const { writeWhole } = await import('../../../cli/write-whole.js');
  const calls: string[] = [];
  const info = (dev: number) => ({ isFile: () => true, isDirectory: () => false, dev, ino: 7 });
  const fs = (emptying: boolean, unlinking: boolean, namedDev = 1) => ({
    stat: async () => info(1),
    lstat: async () => ({ ...info(namedDev), isSymbolicLink: () => false }),
    open: async (file: string) => {
      let truncated = 0;
      return {
        stat: async () => info(1),
        truncate: async () => {
          // The first (before writing) always works; the one after the failed write as `emptying` says.
          if (truncated++ > 0 && !emptying) throw Object.assign(new Error('EIO'), { code: 'EIO' });
          calls.push(`truncate ${file}`);
        },
        writeFile: async () => {
          throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
        },
        close: async () => {},
      };
    },
    unlink: async (file: string) => {
      if (!unlinking) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      calls.push(`unlink ${file}`);
    },
  });
  await expect(writeWhole('unlinked', 'x', fs(false, true))).rejects.toMatchObject({ code: 'ENOSPC', partRemoved: true });
  await expect(writeWhole('stuck', 'x', fs(false, false))).rejects.toMatchObject({ code: 'ENOSPC', partRemoved: false });
  // The name now a file on another device that happens to have the same file id: not the report.
  await expect(writeWhole('mounted', 'x', fs(true, true, 2))).rejects.toMatchObject({ code: 'ENOSPC', partRemoved: true });
  expect(calls).toEqual(['truncate unlinked', 'unlink unlinked', 'truncate stuck', 'truncate mounted', 'truncate mounted']);
});

test('writeWhole: a full disk or a quota said only as the file is closed (NFS writes back then): the report is not whole, its name removed; other errors of close change nothing', async () => {
  const { writeWhole } = await import('../../../cli/write-whole.js');
  const calls: string[] = [];
  const regular = { isFile: () => true, isDirectory: () => false, dev: 1, ino: 7 };
  const fs = (atClose: string | undefined, ino = 7) => ({
    stat: async () => regular,
    lstat: async () => ({ ...regular, ino, isSymbolicLink: () => false }),
    open: async (file: string) => ({
      stat: async () => regular,
      truncate: async () => void calls.push(`truncate ${file}`),
      writeFile: async () => void calls.push(`write ${file}`),
      close: async () => {
        calls.push(`close ${file}`);
        if (atClose) throw Object.assign(new Error(atClose), { code: atClose });
      },
    }),
    unlink: async (file: string) => void calls.push(`unlink ${file}`),
  });
  // Before: resolved, as if the report were written whole.
  await expect(writeWhole('quota', 'x', fs('EDQUOT'))).rejects.toMatchObject({ code: 'EDQUOT', partRemoved: true });
  await expect(writeWhole('full', 'x', fs('ENOSPC', 8))).rejects.toMatchObject({ code: 'ENOSPC', partRemoved: false }); // the name now another file's: kept
  await expect(writeWhole('interrupted', 'x', fs('EINTR'))).resolves.toBeUndefined();
  expect(calls).toEqual([
    'truncate quota', 'write quota', 'close quota', 'unlink quota',
    'truncate full', 'write full', 'close full',
    'truncate interrupted', 'write interrupted', 'close interrupted',
  ]);
});

test('writeWhole: a pipe, a device or a socket is refused before it is opened, or once opened if it became one; only the file opened is ever removed', async () => {
  const { writeWhole } = await import('../../../cli/write-whole.js');
  const calls: string[] = [];
  const info = (regular: boolean, ino = 7) => ({ isFile: () => regular, isDirectory: () => false, dev: 1, ino });
  const fs = (atStat: boolean | undefined, atOpen: boolean | 'ENXIO', named = info(true)) => ({
    stat: async () => {
      if (atStat === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return info(atStat);
    },
    lstat: async () => ({ ...named, isSymbolicLink: () => false }),
    open: async (file: string) => {
      calls.push(`open ${file}`);
      if (atOpen === 'ENXIO') throw Object.assign(new Error('ENXIO'), { code: 'ENXIO' });
      return {
        stat: async () => info(atOpen),
        truncate: async () => void calls.push(`truncate ${file}`),
        writeFile: async () => {
          throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
        },
        close: async () => void calls.push(`close ${file}`),
      };
    },
    unlink: async (file: string) => void calls.push(`unlink ${file}`),
  });
  await expect(writeWhole('device', 'x', fs(false, true))).rejects.toMatchObject({ notRegular: true });
  expect(calls).toEqual([]); // never opened
  // Made a pipe between stat and open: with no reader open says ENXIO, with one it opens a pipe.
  await expect(writeWhole('pipe', 'x', fs(undefined, 'ENXIO'))).rejects.toMatchObject({ notRegular: true });
  await expect(writeWhole('pipe', 'x', fs(undefined, false))).rejects.toMatchObject({ notRegular: true });
  expect(calls).toEqual(['open pipe', 'open pipe', 'close pipe']); // nothing emptied, written or removed
  calls.length = 0;
  // The name given to another file while the report was written: the report is emptied, that file kept.
  await expect(writeWhole('moved', 'x', fs(true, true, info(true, 8)))).rejects.toMatchObject({ code: 'ENOSPC', partRemoved: true });
  expect(calls).toEqual(['open moved', 'truncate moved', 'truncate moved', 'close moved']);
});
