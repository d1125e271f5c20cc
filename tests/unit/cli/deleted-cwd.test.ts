/**
 * flowgrade started in a folder that no longer exists (a shell left in a folder another terminal,
 * a cleanup job or an unzip deleted): Node starts, but everything that resolves a path fails.
 */
import { test, expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT, fixturePath, tempDir } from '../../helpers.js';

test.skip(process.platform === 'win32', 'a folder in use cannot be deleted on Windows');

const MESSAGE = 'flowgrade: the current folder no longer exists (deleted or moved): cd into a folder that exists and run it again\n';

function runInDeletedFolder(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const gone = path.join(tempDir('deleted-cwd'), 'gone');
  mkdirSync(gone);
  const script = 'cd "$1" && rmdir "$1" && shift && exec "$@"';
  const command = ['sh', '-c', script, 'sh', gone, process.execPath, path.join(ROOT, 'bin', 'flowgrade.js'), ...args];
  return new Promise((resolve) => {
    const child = execFile(command[0], command.slice(1), (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }));
  });
}

test('grade with absolute paths says the folder is gone, exit 2, not an internal error of its workers', async () => {
  const out = path.join(tempDir('deleted-cwd-out'), 'graded');
  expect(await runInDeletedFolder(['grade', fixturePath('class'), '--out', out])).toEqual({ code: 2, stdout: '', stderr: MESSAGE });
});

test('check of a relative path says the folder is gone, not that the file is missing', async () => {
  expect(await runInDeletedFolder(['check', 'solution.json'])).toEqual({ code: 2, stdout: '', stderr: MESSAGE });
});
