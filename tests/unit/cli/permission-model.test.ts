/**
 * Node's permission model (`--experimental-permission`, `--permission` from Node 22.13, in
 * NODE_OPTIONS or a wrapper script): a file flowgrade may not read or a folder it may not write
 * is one line that names the permission model and the flag that allows it, not Node's bare
 * "Access to this API has been restricted", which does not say which setting restricts it.
 */
import { test, expect } from '@playwright/test';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, fixturePath, tempDir } from '../../helpers.js';
import { runCliAfter } from './run-under-shell.js';

const FLAG = process.allowedNodeEnvironmentFlags.has('--permission') ? '--permission' : '--experimental-permission';

/** stderr without Node's own warnings (ExperimentalWarning of the permission model). */
const ownLines = (stderr: string) => stderr.split('\n').filter((line) => line !== '' && !line.startsWith('(node:') && !line.startsWith('(Use `node'));

test('an export outside --allow-fs-read, and --out outside --allow-fs-write: the permission model named, with the flag to add', async () => {
  test.skip(!process.allowedNodeEnvironmentFlags.has(FLAG), 'a Node without the permission model');
  const dir = tempDir('permission-model');
  const flow = path.join(dir, 'Main_Flow_140.json');
  copyFileSync(fixturePath('flows/solution.json'), flow);
  const readOnlyProject = { NODE_OPTIONS: `${FLAG} --allow-fs-read=${ROOT}/*` };
  const check = await runCliAfter(undefined, ['check', flow, '-q'], readOnlyProject);
  // Before: '<file>: UNGRADABLE — Access to this API has been restricted [unreadable-file]'.
  expect([check.code, check.stdout]).toEqual([2, `${flow}: UNGRADABLE — Node's permission model does not allow reading it: add --allow-fs-read=<path> to ${FLAG} [unreadable-file]\n`]);
  const readAll = { NODE_OPTIONS: `${FLAG} --allow-fs-read=*` };
  const out = path.join(dir, 'report.html');
  const report = await runCliAfter(undefined, ['check', flow, '--format', 'html', '--out', out], readAll);
  expect([report.code, ownLines(report.stderr)]).toEqual([2, [`flowgrade: cannot write --out ${out}: Node's permission model does not allow writing there: add --allow-fs-write=<path> to ${FLAG} [bad-out]`]]);
  const graded = path.join(dir, 'graded');
  const grade = await runCliAfter(undefined, ['grade', dir, '--out', graded], readAll);
  expect([grade.code, ownLines(grade.stderr)]).toEqual([2, [`flowgrade: cannot write into --out ${graded}: Node's permission model does not allow writing there: add --allow-fs-write=<path> to ${FLAG} [bad-out]`]]);
});

test('an --out flowgrade may write into but not read: said so (reading), not taken for a missing folder to be made from /', async () => {
  test.skip(!process.allowedNodeEnvironmentFlags.has(FLAG), 'a Node without the permission model');
  const dir = tempDir('permission-read-out');
  const flow = path.join(dir, 'Main_Flow_140.json');
  copyFileSync(fixturePath('flows/solution.json'), flow);
  const out = tempDir('permission-write-only');
  const writeOnly = { NODE_OPTIONS: `${FLAG} --allow-fs-read=${ROOT}/* --allow-fs-read=${dir}/* --allow-fs-write=${out}/*` };
  const grade = await runCliAfter(undefined, ['grade', dir, '--out', out], writeOnly);
  // Before: 'Node's permission model does not allow writing there', from mkdir('/'): the folder, not
  // readable, was taken for missing and its parents made, up to the root.
  expect([grade.code, ownLines(grade.stderr)]).toEqual([2, [`flowgrade: cannot write into --out ${out}: Node's permission model does not allow reading it: add --allow-fs-read=<path> to ${FLAG} [bad-out]`]]);
});

test('a new --out under the permission model, allowed by --allow-fs-read and --allow-fs-write for it alone, is made and graded into', async () => {
  test.skip(!process.allowedNodeEnvironmentFlags.has(FLAG), 'a Node without the permission model');
  const dir = tempDir('permission-new-class');
  copyFileSync(fixturePath('flows/solution.json'), path.join(dir, 'Main_Flow_140.json'));
  const out = path.join(tempDir('permission-new-out'), 'graded');
  const allowed = { NODE_OPTIONS: `${FLAG} --allow-fs-read=${ROOT}/* --allow-fs-read=${dir}/* --allow-fs-read=${out}* --allow-fs-write=${out}*` };
  const grade = await runCliAfter(undefined, ['grade', dir, '--out', out, '--jobs', '1', '--quiet'], allowed);
  // Before: looking for the missing folders up to the root, it was refused reading the parent folder.
  expect([grade.code, grade.stdout, ownLines(grade.stderr)]).toEqual([0, `graded 1 attendee into ${out}: 1 passed, 0 failed, 0 ungradable\n`, []]);
});
