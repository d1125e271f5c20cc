/**
 * `check --out` naming what is not a regular file (a named pipe, a device, a socket), or a symlink
 * to one: refused in one line ending in [bad-out], exit 2, before it is opened: a pipe no program
 * reads is never waited on, and nothing is removed (a failed write used to remove the "part
 * written", which was the device node itself: `--out /dev/full` as root removed the system's).
 * Devices are made with mknod in a temp folder (root only); /dev is never touched.
 */
import { test, expect } from '@playwright/test';
import { execFile, execFileSync } from 'node:child_process';
import { lstatSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { ROOT, fixturePath, tempDir, unixSocket } from '../../helpers.js';

test.skip(process.platform === 'win32', 'named pipes, device nodes and Unix sockets in a folder are POSIX');

const refusal = (out: string) =>
  `flowgrade: cannot write --out ${out}: is not a regular file (a pipe, device or socket); give a file to write the report into, or leave out --out to print the report [bad-out]\n`;

/** The built CLI, killed if it has not ended within `ms` (a blocked open of a pipe never ends). */
function checkOut(out: string, ms = 15_000): Promise<{ code: number | null; stdout: string; stderr: string; killed: boolean }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, 'bin', 'flowgrade.js'), 'check', fixturePath('flows/solution.json'), '--format', 'json', '--out', out], { env: { ...process.env, NO_COLOR: '1' }, timeout: ms, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      const failed = error as (Error & { code?: unknown; killed?: boolean }) | null;
      resolve({ code: failed ? (typeof failed.code === 'number' ? failed.code : null) : 0, stdout, stderr, killed: failed?.killed ?? false });
    });
  });
}

test('check --out a named pipe no program reads (or a symlink to it): refused at once, the pipe kept', async () => {
  const dir = tempDir('check-out-fifo');
  const fifo = path.join(dir, 'report.json');
  execFileSync('mkfifo', [fifo]);
  const link = path.join(dir, 'link.json');
  symlinkSync(fifo, link);
  for (const out of [fifo, link]) {
    const run = await checkOut(out);
    // Before: the CLI waited for a reader forever (killed here after 15 s).
    expect([run.killed, run.code, run.stdout, run.stderr], out).toEqual([false, 2, '', refusal(out)]);
  }
  expect(lstatSync(fifo).isFIFO()).toBe(true);
  expect(lstatSync(link).isSymbolicLink()).toBe(true);
});

test('check --out a character device (one that is always full, one that discards): refused, never opened, never removed', async () => {
  const dir = tempDir('check-out-device');
  const devices = { full: '1:7', null: '1:3' };
  try {
    for (const [name, numbers] of Object.entries(devices)) execFileSync('mknod', ['-m', '666', path.join(dir, name), 'c', ...numbers.split(':')], { stdio: 'ignore' });
  } catch {
    test.skip(true, 'mknod is not allowed here (not root, or in a container without CAP_MKNOD)');
  }
  const link = path.join(dir, 'link.json');
  symlinkSync(path.join(dir, 'full'), link);
  for (const out of [path.join(dir, 'full'), path.join(dir, 'null'), link]) {
    const run = await checkOut(out);
    // Before: full said "no space left on the device; the part written is removed" and removed the
    // device node; null took the report (exit 0).
    expect([run.code, run.stdout, run.stderr], out).toEqual([2, '', refusal(out)]);
  }
  for (const [name, numbers] of Object.entries(devices)) {
    const info = lstatSync(path.join(dir, name));
    expect([name, info.isCharacterDevice(), `${info.rdev >> 8}:${info.rdev & 0xff}`]).toEqual([name, true, numbers]);
  }
  expect(statSync(link).isCharacterDevice()).toBe(true);
});

test('check --out a Unix socket: refused in the same words, the socket kept', async () => {
  const socket = path.join(tempDir('check-out-socket'), 'report.json');
  const close = await unixSocket(socket);
  try {
    const run = await checkOut(socket);
    // Before: "cannot write --out …: ENXIO: no such device or address, open '…' [bad-out]".
    expect([run.code, run.stdout, run.stderr]).toEqual([2, '', refusal(socket)]);
    expect(lstatSync(socket).isSocket()).toBe(true);
  } finally {
    await close();
  }
});
