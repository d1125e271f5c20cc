/** `check --out FILE`: the report goes to the file; a place that cannot be written is one line ending in [bad-out] (as grade's and web's) and exit 2. */
import { test, expect } from '@playwright/test';
import { readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixturePath, ROOT, runCli, tempDir } from '../../helpers.js';
import { runCliAfter } from './run-under-shell.js';

test('check --out writes the report to the file, and refuses a folder in one line', async () => {
  const dir = tempDir('check-out');
  const file = path.join(dir, 'report.html');
  const written = await runCli(['check', fixturePath('flows/solution.json'), '--format', 'html', '--out', file]);
  expect([written.code, written.stdout]).toEqual([0, '']);
  expect(readFileSync(file, 'utf8')).toMatch(/^<!DOCTYPE html>/i);
  const refused = await runCli(['check', fixturePath('flows/solution.json'), '--format', 'json', '--out', dir]);
  expect(refused.code).toBe(2);
  expect(refused.stderr.trim()).toBe(`flowgrade: cannot write --out ${dir}: is a directory, not a file [bad-out]`);
});

test('check --out makes the report with the modes the umask gives a new file (readable by the group and others under umask 022), as any program\'s', async () => {
  test.skip(process.platform === 'win32', 'POSIX modes');
  const file = path.join(tempDir('check-out-mode'), 'report.json');
  const run = await runCliAfter('umask 022', ['check', fixturePath('flows/solution.json'), '--format', 'json', '--out', file]);
  expect([run.code, run.stderr]).toEqual([0, '']);
  expect(statSync(file).mode & 0o777).toBe(0o644);
});

test('a console report written to --out is never coloured, though stdout would be', async () => {
  const file = path.join(tempDir('check-out-colour'), 'report.txt');
  const colour = { FORCE_COLOR: '1', NO_COLOR: '' };
  const onStdout = await runCli(['check', fixturePath('flows/defect-menu-option3-unlinked.json')], { env: colour });
  expect(onStdout.stdout).toContain('\u001b[');
  const toFile = await runCli(['check', fixturePath('flows/defect-menu-option3-unlinked.json'), '--out', file], { env: colour });
  expect([toFile.code, toFile.stdout]).toEqual([1, '']);
  const written = readFileSync(file, 'utf8');
  expect(written).toContain('FAILED');
  expect(written).not.toContain('\u001b');
});

test('check --out: an unreadable input is one line on stderr in every format, the console one too', async () => {
  const dir = tempDir('check-out-unreadable');
  const missing = path.join(dir, 'nope.json');
  for (const format of ['console', 'json', 'markdown']) {
    const run = await runCli(['check', missing, '--format', format, '--out', path.join(dir, `r.${format}`)]);
    expect([run.code, run.stdout, run.stderr], format).toEqual([2, '', `flowgrade: ${missing}: no such file [unreadable-file]\n`]);
  }
});

test('check --out in a folder that does not exist, or blank: one line saying so, exit 2', async () => {
  const dir = tempDir('check-out-missing');
  const missing = path.join(dir, 'no-such-folder', 'report.json');
  const run = await runCli(['check', fixturePath('flows/solution.json'), '--format', 'json', '--out', missing]);
  expect([run.code, run.stdout, run.stderr]).toEqual([2, '', `flowgrade: cannot write --out ${missing}: the folder ${path.dirname(missing)} does not exist [bad-out]\n`]);
  const blank = await runCli(['check', fixturePath('flows/solution.json'), '--out', '']);
  expect([blank.code, blank.stdout]).toEqual([2, '']);
  expect(blank.stderr).toContain(`option '--out <file>' argument '' is invalid. "" is blank: give the file to write`);
});

test('check --out naming one of the exports (by another path too) is refused before anything is written: the export is kept', async () => {
  const dir = tempDir('check-out-input');
  const file = path.join(dir, 'Main_Flow_140.json');
  const original = readFileSync(fixturePath('flows/solution.json'));
  writeFileSync(file, original);
  symlinkSync(file, path.join(dir, 'link.json'));
  for (const out of [file, path.join(dir, '.', 'Main_Flow_140.json'), path.join(dir, 'link.json')]) {
    const run = await runCli(['check', fixturePath('flows/before-mission.json'), file, '--format', 'json', '--out', out]);
    expect([run.code, run.stdout, run.stderr]).toEqual([2, '', `flowgrade: --out ${out} is one of the exports given: the report would overwrite it; choose another file [bad-out]\n`]);
    expect(readFileSync(file)).toEqual(original);
  }
});

test('check --out, a symbolic link whose target is in a folder that does not exist: said so, not that the folder holding the link does not exist', async () => {
  const dir = tempDir('check-out-dangling');
  const link = path.join(dir, 'report.json');
  const target = path.join(dir, 'unmounted-share', 'report.json');
  symlinkSync(target, link);
  const run = await runCli(['check', fixturePath('flows/solution.json'), '--format', 'json', '--out', link]);
  expect([run.code, run.stdout, run.stderr]).toEqual([2, '', `flowgrade: cannot write --out ${link}: it is a symbolic link to ${target}, which leads into a folder that does not exist [bad-out]\n`]);
});

test('check --out naming the --dynvars dataset (by another path too) is refused before anything is written: the dataset is kept', async () => {
  const dir = tempDir('check-out-dynvars');
  const dataset = path.join(dir, 'dynvars.json');
  const original = readFileSync(path.join(ROOT, 'mocks', 'data', 'dynvars.json'));
  writeFileSync(dataset, original);
  symlinkSync(dataset, path.join(dir, 'link.json'));
  for (const out of [dataset, path.join(dir, 'link.json')]) {
    const run = await runCli(['check', fixturePath('flows/solution.json'), '--dynvars', dataset, '--out', out]);
    expect([run.code, run.stdout, run.stderr]).toEqual([2, '', `flowgrade: --out ${out} is the --dynvars dataset: the report would overwrite it; choose another file [bad-out]\n`]);
    expect(readFileSync(dataset)).toEqual(original);
  }
});

test('check --out ending in "/" names a folder: said so, not that a folder that does not exist "is a directory"', async () => {
  const missing = path.join(tempDir('check-out-slash'), 'reports') + '/';
  const run = await runCli(['check', fixturePath('flows/solution.json'), '--format', 'json', '--out', missing]);
  expect([run.code, run.stdout]).toEqual([2, '']);
  expect(run.stderr.trim()).toBe(`flowgrade: cannot write --out ${missing}: it ends in "/", so it names a folder, not a file; give the file to write the report into [bad-out]`);
  // A folder that is there, named with its "/": it is a directory, said as any folder given as --out is. Before (a mutation sweep): the line for a name ending in "/".
  const there = tempDir('check-out-slash-there') + '/';
  const again = await runCli(['check', fixturePath('flows/solution.json'), '--format', 'json', '--out', there]);
  expect([again.code, again.stderr.trim()]).toEqual([2, `flowgrade: cannot write --out ${there}: is a directory, not a file [bad-out]`]);
});

test('check --out through a file (a part of the path is not a folder): one line with [bad-out], exit 2, as grade says it', async () => {
  const dir = tempDir('check-out-through-file');
  const file = path.join(dir, 'a.json');
  writeFileSync(file, '{}');
  const out = path.join(file, 'report.json');
  const run = await runCli(['check', fixturePath('flows/solution.json'), '--out', out]);
  expect([run.code, run.stdout, run.stderr]).toEqual([2, '', `flowgrade: cannot write --out ${out}: a part of the path is a file, not a folder [bad-out]\n`]);
});
