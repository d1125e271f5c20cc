/**
 * An archive that holds nothing to grade — empty, or only folders and system files (`__MACOSX`,
 * `.DS_Store`) — found in a class folder, given, or inside another archive, is named in one line
 * on stderr, as an archive holding only a screenshot is (`not-an-export`): never dropped without a
 * word. So is a folder given as an input that holds none, beside inputs that do. When nothing at
 * all is found, the usage error (`no-input`) alone says so.
 */
import { test, expect } from '@playwright/test';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { discover } from '../../../cli/grade/discover.js';
import type { ZipLimits } from '../../../cli/grade/zip.js';
import { fixturePath, runCli, tempDir } from '../../helpers.js';

const LIMITS: ZipLimits = { maxEntryBytes: 20 * 1024 * 1024, maxTotalBytes: 200 * 1024 * 1024, maxEntries: 10_000 };
const FLOW = new TextEncoder().encode('{"name":"Main_Flow_1","process":{}}');

function tree(files: Record<string, string | Uint8Array>): string {
  const root = tempDir('no-exports');
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(name.endsWith('/') ? path.join(root, name) : path.dirname(path.join(root, name)), { recursive: true });
    if (!name.endsWith('/')) writeFileSync(path.join(root, name), content);
  }
  return root;
}

const inArchive = (file: string) => `flowgrade: ${file}: no flow export (*.json) or archive (*.zip) in this archive; nothing in it is graded [no-exports]`;
const inFolder = (folder: string) => `flowgrade: ${folder}: no flow export (*.json) or archive (*.zip) in this folder; nothing in it is graded [no-exports]`;

test('an empty archive, or one holding only folders and system files, in a class folder: one line each, as for an archive holding only a screenshot', async () => {
  const root = tree({
    'Main_Flow_1.json': FLOW,
    'empty.zip': zipSync({}),
    'mac.zip': zipSync({ '__MACOSX/._Main_Flow_2.json': new Uint8Array([0, 5]), '.DS_Store': new Uint8Array(4), 'Ann/': new Uint8Array() }),
    'shot.zip': zipSync({ 'shot.png': FLOW }),
  });
  const found = await discover([root], LIMITS);
  expect(found.candidates.map((c) => c.file)).toEqual([path.join(root, 'Main_Flow_1.json')]);
  // Before: only shot.zip's line; empty.zip and mac.zip vanished without a word.
  expect(found.warnings).toEqual([
    inArchive(path.join(root, 'empty.zip')),
    inArchive(path.join(root, 'mac.zip')),
    `flowgrade: ${path.join(root, 'shot.zip')}: 1 entry is not a flow export (*.json) or archive (*.zip) and not graded: shot.png [not-an-export]`,
  ]);
});

test("a student's empty upload inside the class archive is named; the class archive, which holds it, is not", async () => {
  const root = tree({ 'class.zip': zipSync({ 'Ann_1/Main_Flow_1.json': FLOW, 'Bob_2/upload.zip': zipSync({}) }) });
  const found = await discover([path.join(root, 'class.zip')], LIMITS);
  expect(found.candidates.map((c) => c.file)).toEqual([`${path.join(root, 'class.zip')}!/Ann_1/Main_Flow_1.json`]);
  expect(found.warnings).toEqual([inArchive(`${path.join(root, 'class.zip')}!/Bob_2/upload.zip`)]); // before: []
});

test('a folder or an archive given as an input that holds nothing, beside one that holds exports, is named; alone, the usage error says so', async () => {
  const root = tree({ 'lab3/Main_Flow_1.json': FLOW, 'lab4/notes.txt': 'x', 'lab5/': '', 'empty.zip': zipSync({}) });
  const [lab3, lab4, lab5, empty] = ['lab3', 'lab4', 'lab5', 'empty.zip'].map((name) => path.join(root, name));
  // Before: [] (lab4, lab5 and empty.zip graded nothing, without a word).
  expect((await discover([lab3, lab4, lab5, empty!], LIMITS)).warnings).toEqual([inFolder(lab4!), inFolder(lab5!), inArchive(empty!)]);
  // Nothing found at all: no line of discovery's (the usage error names the inputs) …
  expect((await discover([lab4!, empty!], LIMITS)).warnings).toEqual([]);
  // … but an archive found in a folder given is named: it is what the folder held.
  const holding = tree({ 'b2/empty.zip': zipSync({}) });
  expect((await discover([path.join(holding, 'b2')], LIMITS)).warnings).toEqual([inArchive(path.join(holding, 'b2', 'empty.zip'))]);
});

test('a folder given that is skipped (a flowgrade output folder, or one that cannot be read) is named once, as skipped: never also said to hold no export', async () => {
  const root = tree({ 'lab3/Main_Flow_1.json': FLOW, 'graded/.flowgrade-output': '{}', 'graded/1.json': FLOW, 'locked/Main_Flow_2.json': FLOW });
  const [lab3, graded, locked] = ['lab3', 'graded', 'locked'].map((name) => path.join(root, name));
  // Before: also inFolder(graded), though it holds a report 1.json, and nothing in it was looked at.
  expect((await discover([lab3!, graded!], LIMITS)).warnings).toEqual([`flowgrade: ${graded}: a flowgrade output folder (it holds .flowgrade-output); skipped [output-folder]`]);
  // A folder given that holds only an output folder was listed: that one is skipped, and the folder given holds no export.
  const holding = path.join(root, 'holding');
  mkdirSync(path.join(holding, 'graded'), { recursive: true });
  writeFileSync(path.join(holding, 'graded', '.flowgrade-output'), '{}');
  expect((await discover([lab3!, holding], LIMITS)).warnings).toEqual([`flowgrade: ${path.join(holding, 'graded')}: a flowgrade output folder (it holds .flowgrade-output); skipped [output-folder]`, inFolder(holding)]);
  if (process.getuid?.() === 0) return; // root reads any folder
  chmodSync(locked!, 0);
  try {
    // Before: also inFolder(locked), of a folder no one could look into.
    expect((await discover([lab3!, locked!], LIMITS)).warnings).toEqual([`flowgrade: ${locked}: cannot read folder (EACCES); skipped [unreadable-file]`]);
  } finally {
    chmodSync(locked!, 0o755);
  }
});

test('grade: an empty zip beside an export is one warning line, the batch goes on; alone, one usage error', async () => {
  const root = tree({ 'b1/empty.zip': zipSync({}), 'b1/Main_Flow_ok.json': readFileSync(fixturePath('flows/solution.json')) });
  const run = await runCli(['grade', 'b1', '--out', 'o', '--quiet'], { cwd: root });
  expect(run.code).toBe(0);
  expect(run.stderr).toBe(`${inArchive(path.join('b1', 'empty.zip'))}\n`); // before: ''
  const alone = await runCli(['grade', path.join('b1', 'empty.zip'), '--out', 'o2', '--quiet'], { cwd: root });
  expect(alone.code).toBe(2);
  expect(alone.stderr).toBe(`flowgrade: no exports (*.json) or archives (*.zip) found in ${path.join('b1', 'empty.zip')} [no-input]\n`);
});
