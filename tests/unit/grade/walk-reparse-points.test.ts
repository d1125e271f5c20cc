/**
 * Windows lists every reparse point as a symlink (libuv: FILE_ATTRIBUTE_REPARSE_POINT → a link
 * entry), and OneDrive, where Windows keeps Desktop and Documents, makes every folder and file one
 * (Files On-Demand placeholders), though they are no links: lstat tells them apart (only symlinks
 * and junctions are links to it). A class folder synced by OneDrive, a folder per student as a
 * learning platform hands them out, lost every student's folder without a word. Simulated by a
 * listing that reports folders as Windows reports OneDrive's.
 */
import { test, expect } from '@playwright/test';
import { mkdirSync, symlinkSync, writeFileSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { expandGlob } from '../../../cli/grade/glob.js';
import { listFolder, walkFiles, type Listing } from '../../../cli/grade/walk.js';
import { tempDir } from '../../helpers.js';

/** Every folder entry as Windows lists a OneDrive folder: a link, not a folder. */
const oneDriveListing: Listing = async (dir, warn) =>
  (await listFolder(dir, warn)).map((entry) => (entry.isDirectory() ? ({ name: entry.name, isDirectory: () => false, isSymbolicLink: () => true, isFile: () => false } as Dirent) : entry));

function classFolder(): string {
  const root = tempDir('onedrive');
  for (const student of ['Jane Doe_1234', 'John Roe_5678']) {
    mkdirSync(path.join(root, 'class', student), { recursive: true });
    writeFileSync(path.join(root, 'class', student, `Main_Flow_${student.slice(0, 4)}.json`), '{}');
  }
  mkdirSync(path.join(root, 'elsewhere'));
  writeFileSync(path.join(root, 'elsewhere', 'Main_Flow_x.json'), '{}');
  symlinkSync(path.join(root, 'elsewhere'), path.join(root, 'class', 'link')); // a true link to a folder: still not followed
  return root;
}

test('a folder input: the folders OneDrive keeps (reparse points, listed as links on Windows) are walked; a true symlink to a folder still is not', async () => {
  const root = classFolder();
  expect((await walkFiles(path.join(root, 'class'), () => {}, oneDriveListing)).files).toEqual([
    path.join(root, 'class', 'Jane Doe_1234', 'Main_Flow_Jane.json'),
    path.join(root, 'class', 'John Roe_5678', 'Main_Flow_John.json'),
  ]);
});

test('a quoted pattern: * and ** enter the folders OneDrive keeps; a true symlink to a folder still is not', async () => {
  const root = classFolder();
  const expected = [path.join(root, 'class', 'Jane Doe_1234', 'Main_Flow_Jane.json'), path.join(root, 'class', 'John Roe_5678', 'Main_Flow_John.json')];
  expect((await expandGlob(`${root}/class/*/*.json`, () => {}, oneDriveListing)).files).toEqual(expected);
  expect((await expandGlob(`${root}/class/**/*.json`, () => {}, oneDriveListing)).files).toEqual(expected);
});
