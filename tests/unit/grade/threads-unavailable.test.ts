/**
 * Grading threads that cannot start: too few file descriptors (`ulimit -n 24` on a CI runner or a
 * laptop, EMFILE when Node makes a thread's event loop), or Node's permission model without
 * --allow-worker. The class is still graded, every file as with threads, and the run says why it
 * took one thread, never an "internal error".
 */
import { test, expect } from '@playwright/test';
import { tempDir } from '../../helpers.js';
import { runCliAfter } from '../cli/run-under-shell.js';
import { snapshot, writeSolutions } from './class-fixture.js';
import { noThreadsLine } from '../../../cli/grade/no-threads.js';
import { permissionModelFlag } from '../../../cli/io.js';

const NOW = ['--now', '2025-08-01T09:00:00Z'];

function grade(args: string[], options: { shell?: string; env?: Record<string, string> } = {}) {
  return runCliAfter(options.shell, ['grade', ...args, ...NOW, '--quiet'], options.env);
}

/** stderr without Node's own warnings (ExperimentalWarning of the permission model). */
function ownLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line !== '' && !line.startsWith('(node:') && !line.startsWith('(Use `node'));
}

test('grade --jobs 2, 4 and 8 under ulimit -n 24 (EMFILE when a grading thread starts) grades the class as --jobs 1 does: no internal error', async () => {
  test.skip(process.platform !== 'linux', 'ulimit -n through a shell');
  const dir = tempDir('emfile-class');
  writeSolutions(dir, 6);
  const reference = tempDir('emfile-reference');
  expect((await grade([dir, '--out', reference, '--jobs', '1'])).code).toBe(0);
  for (const jobs of ['2', '4', '8']) {
    const out = tempDir(`emfile-out-${jobs}`);
    const run = await grade([dir, '--out', out, '--jobs', jobs], { shell: 'ulimit -n 24' });
    // Before: 'flowgrade: internal error: grading workers cannot start (grading worker crashed: Worker initialization failure: EMFILE)', exit 2, no reports.
    expect(run.stderr, jobs).not.toContain('internal error');
    expect([run.code, run.stdout], jobs).toEqual([0, `graded 6 attendees into ${out}: 6 passed, 0 failed, 0 ungradable\n`]);
    // Whether one thread could start or none: the same files, and at most the one line of no-threads.
    for (const line of ownLines(run.stderr)) expect(line, jobs).toMatch(/^flowgrade: grading threads cannot start \(too many open files: raise the limit of open files, ulimit -n\); grading in one thread, as --jobs 1 does \[no-threads\]$/);
    expect(snapshot(out), jobs).toEqual(snapshot(reference));
  }
});

test("grade under Node's permission model without --allow-worker grades in one thread and says why in one line", async () => {
  const flag = process.allowedNodeEnvironmentFlags.has('--permission') ? '--permission' : '--experimental-permission';
  test.skip(!process.allowedNodeEnvironmentFlags.has(flag), 'a Node without the permission model');
  const dir = tempDir('permission-class');
  writeSolutions(dir, 3);
  const reference = tempDir('permission-reference');
  expect((await grade([dir, '--out', reference, '--jobs', '1'])).code).toBe(0);
  const out = tempDir('permission-out');
  const run = await grade([dir, '--out', out, '--jobs', '2'], { env: { NODE_OPTIONS: `${flag} --allow-fs-read=* --allow-fs-write=*` } });
  // Before: 'flowgrade: internal error: Access to this API has been restricted', exit 2.
  expect([run.code, run.stdout, ownLines(run.stderr)]).toEqual([
    0,
    `graded 3 attendees into ${out}: 3 passed, 0 failed, 0 ungradable\n`,
    [`flowgrade: grading threads cannot start (Node's permission model allows none: add --allow-worker to ${flag}); grading in one thread, as --jobs 1 does [no-threads]`],
  ]);
  expect(snapshot(out)).toEqual(snapshot(reference));
});

test('why no thread started, from the error of the one that could not: the machine\'s limit of open files too (ENFILE), a cause, or the error\'s own words', () => {
  const line = (reason: string) => `flowgrade: grading threads cannot start (${reason}); grading in one thread, as --jobs 1 does [no-threads]`;
  // Node says it in the message, without a code.
  expect(noThreadsLine(new Error('Worker initialization failure: EMFILE'))).toBe(line('too many open files: raise the limit of open files, ulimit -n'));
  // Before (a mutation sweep): ENFILE, the machine's limit, left as Node's words; and any other error said as 'unknown reason'.
  expect(noThreadsLine(new Error('Worker initialization failure: ENFILE'))).toBe(line('too many files open on this machine'));
  expect(noThreadsLine(new Error('thread start failed', { cause: new Error('out of memory') }))).toBe(line('out of memory'));
  expect(noThreadsLine(undefined)).toBe(line('unknown reason'));
  expect(noThreadsLine(Object.assign(new Error('Access to this API has been restricted'), { code: 'ERR_ACCESS_DENIED' }))).toBe(line(`Node's permission model allows none: add --allow-worker to ${permissionModelFlag()}`));
});
