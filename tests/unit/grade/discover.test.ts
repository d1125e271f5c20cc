/** Finding submissions: folders, files, globs and zip archives (with their refusals). */
import { test, expect } from '@playwright/test';
import { chmodSync, linkSync, mkdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { discover, sameFileNames } from '../../../cli/grade/discover.js';
import { segmentMatcher } from '../../../cli/grade/glob.js';
import type { Candidate } from '../../../cli/grade/types.js';
import { expandArchive, type ZipLimits } from '../../../cli/grade/zip.js';
import { tempDir } from '../../helpers.js';
import { bytesPath, inCodePage437 } from './not-utf8-paths.js';
import { declareSize, zipEntryTimes } from './zip-headers.js';

const LIMITS: ZipLimits = { maxEntryBytes: 20 * 1024 * 1024, maxTotalBytes: 200 * 1024 * 1024, maxEntries: 10_000 };
const FLOW = new TextEncoder().encode('{"name":"Main_Flow_1","process":{}}');

function tree(files: Record<string, string | Uint8Array>): string {
  const root = tempDir('discover');
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
}

const files = (candidates: Candidate[]) => candidates.map((c) => c.file);
const refusal = (candidates: Candidate[], file: string) => {
  const found = candidates.find((c) => c.file === file);
  return found?.kind === 'refused' ? found.error : undefined;
};

test('a folder is walked recursively for .json and .zip, skipping hidden folders, node_modules and other files', async () => {
  const root = tree({
    'a.json': FLOW,
    'b/c/d.JSON': FLOW,
    'b/notes.txt': 'x',
    '.hidden/e.json': FLOW,
    'node_modules/f.json': FLOW,
    '.g.json': FLOW,
    'h.zip': zipSync({ 'i.json': FLOW }),
  });
  const found = await discover([root], LIMITS);
  expect(files(found.candidates)).toEqual([path.join(root, 'a.json'), path.join(root, 'b/c/d.JSON'), `${path.join(root, 'h.zip')}!/i.json`]);
  expect(found.problems).toEqual([]);
});

test('a single file is taken whatever its extension, and a file reached twice counts once', async () => {
  const root = tree({ 'a.json': FLOW, 'export.txt': FLOW });
  const found = await discover([path.join(root, 'export.txt'), root, path.join(root, 'a.json'), `${root}/./a.json`], LIMITS);
  expect(files(found.candidates)).toEqual([path.join(root, 'a.json'), path.join(root, 'export.txt')]);
  expect(found.candidates[0].kind).toBe('path');
});

test('zip entry times from a damaged directory: lengths pointing past the end give no time, never an exception', () => {
  const stamp = new Uint8Array([1, 0, 0, 0, 0x68]);
  const archive = zipSync({ 'a.json': [FLOW, { extra: { 0x5455: stamp } }] } as Zippable);
  const directory = archive.findLastIndex((_, at) => archive[at] === 0x50 && archive[at + 1] === 0x4b && archive[at + 2] === 1 && archive[at + 3] === 2);
  const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const extraTooLong = archive.slice();
  view(extraTooLong).setUint16(directory + 30, 0xffff, true);
  expect(() => zipEntryTimes(extraTooLong)).not.toThrow();
  expect(zipEntryTimes(extraTooLong)).toEqual(new Map()); // no time read from bytes past the end
  const fieldTooLong = archive.slice();
  view(fieldTooLong).setUint16(directory + 46 + 6 + 2, 0xfff0, true); // the 0x5455 field's own size
  const times = zipEntryTimes(fieldTooLong);
  expect([...times.values()].every(Number.isFinite)).toBe(true);
});

test('a folder named through a symlink is the same folder: its files count once, and one folder however it is spelled', async () => {
  const root = tree({ 'class/a.json': FLOW, 'class/b.json': FLOW, 'class/c.zip': zipSync({ 'sub/d.json': FLOW }) });
  symlinkSync(path.join(root, 'class'), path.join(root, 'link'));
  const found = await discover([path.join(root, 'link'), path.join(root, 'class'), path.relative(process.cwd(), path.join(root, 'class', 'a.json'))], LIMITS);
  expect(files(found.candidates).map((file) => path.resolve(file.split('!/')[0]!).slice(root.length) + (file.split('!/')[1] ?? '')).sort()).toEqual(['/class/a.json', '/class/b.json', '/class/c.zipsub/d.json']);
  const real = realpathSync(path.join(root, 'class'));
  expect(found.candidates.map((c) => c.folder).sort()).toEqual([real, real, `${real}/c.zip!/sub`]);
});

test('a file and a symlink to it are one submission, in the file\'s folder, under the smaller path whatever the input order', async () => {
  const root = tree({ 'class/Main_Flow_9.json': FLOW, 'class/z/Main_Flow_8.json': FLOW });
  mkdirSync(path.join(root, 'class/sub'));
  symlinkSync('../Main_Flow_9.json', path.join(root, 'class/sub/Main_Flow_9.json'));
  symlinkSync('../z/Main_Flow_8.json', path.join(root, 'class/sub/Main_Flow_8.json')); // the link's path is the smaller
  const real = realpathSync(path.join(root, 'class'));
  for (const inputs of [[path.join(root, 'class')], [path.join(root, 'class/sub'), path.join(root, 'class')], [path.join(root, 'class'), path.join(root, 'class/sub/Main_Flow_9.json')]]) {
    const found = await discover(inputs, LIMITS);
    expect(found.candidates.map((c) => [c.file, c.folder])).toEqual([
      [path.join(root, 'class/Main_Flow_9.json'), real],
      [path.join(root, 'class/sub/Main_Flow_8.json'), path.join(real, 'z')],
    ]);
  }
});

test('two files that are symlinks to one stored file are two submissions, each in its own folder', async () => {
  const root = tree({ 'store/abc123': FLOW, 'class/Jane/Main_Flow_140.json': FLOW, 'class/Bob/Main_Flow_140.json': FLOW });
  for (const student of ['Jane', 'Bob']) {
    const link = path.join(root, 'class', student, 'Main_Flow_140.json');
    rmSync(link);
    symlinkSync(path.join(root, 'store/abc123'), link);
  }
  const found = await discover([path.join(root, 'class')], LIMITS);
  expect(found.candidates.map((c) => path.basename(c.folder)).sort()).toEqual(['Bob', 'Jane']);
});

/**
 * On a case-insensitive file system (Windows, macOS) `Main_Flow_Ann.json` and `main_flow_ann.json`
 * are one file: a folder lists it once, but named again in another case (`grade class
 * class/main_flow_ann.json`) it was a second submission, and the attendee got a bogus "duplicate
 * submission" note. One file is one submission whatever name reaches it. Linux's file systems
 * here are case-sensitive: two hard links in one folder are the same one file under two names.
 */
test('one file under two names in one folder (case-insensitive file systems; hard links) is one submission, under the smaller name', async () => {
  const root = tree({ 'class/Main_Flow_Ann.json': FLOW, 'other/Main_Flow_Ann.json': FLOW });
  linkSync(path.join(root, 'class/Main_Flow_Ann.json'), path.join(root, 'class/main_flow_ann.json'));
  const sub = path.join(root, 'class/sub');
  mkdirSync(sub);
  symlinkSync('../main_flow_ann.json', path.join(sub, 'link.json'));
  for (const inputs of [[path.join(root, 'class')], [path.join(root, 'class/main_flow_ann.json'), path.join(root, 'class/Main_Flow_Ann.json')], [path.join(root, 'class'), path.join(root, 'class/main_flow_ann.json')]]) {
    const found = await discover(inputs, LIMITS);
    expect(files(found.candidates), inputs.join(' ')).toEqual([path.join(root, 'class/Main_Flow_Ann.json')]);
  }
  // The same file in two folders (a content store's hard links) is two students' submissions, as with symlinks.
  linkSync(path.join(root, 'class/Main_Flow_Ann.json'), path.join(root, 'other/Main_Flow_Bob.json'));
  const both = await discover([path.join(root, 'class/Main_Flow_Ann.json'), path.join(root, 'other/Main_Flow_Bob.json')], LIMITS);
  expect(files(both.candidates)).toEqual([path.join(root, 'class/Main_Flow_Ann.json'), path.join(root, 'other/Main_Flow_Bob.json')]);
});

test('files without an identity (inode 0, as some network shares give every file) stay apart by name; one id in two folders is two files', () => {
  const noIdentity = sameFileNames(() => ({ dev: 7n, ino: 0n }));
  expect(['/class/a.json', '/class/b.json'].map(noIdentity.keyOf)).toEqual(['/class/a.json', '/class/b.json']);
  const oneFile = sameFileNames(() => ({ dev: 7n, ino: 2n ** 60n + 1n }));
  expect(['/class/A.json', '/class/a.json', '/other/a.json'].map(oneFile.keyOf)).toEqual(['/class/A.json', '/class/A.json', '/other/a.json']);
});

test('zip entries whose folders a Windows tool wrote with backslashes keep their folders', () => {
  const archive = zipSync({ 'Jane Doe_1_file_\\Main_Flow_140.json': FLOW, 'Bob Roe_2_file_\\Main_Flow_140.json': FLOW } as Zippable);
  const root = tree({ 'class.zip': archive });
  return discover([path.join(root, 'class.zip')], LIMITS).then((found) => {
    const zip = path.join(realpathSync(root), 'class.zip');
    expect(found.candidates.map((c) => c.folder).sort()).toEqual([`${zip}!/Bob Roe_2_file_`, `${zip}!/Jane Doe_1_file_`]);
  });
});

test('missing paths and patterns matching nothing are reported as usage problems', async () => {
  const root = tree({ 'a.json': FLOW });
  const found = await discover([path.join(root, 'nope.json'), `${root}/*.xml`, root], LIMITS);
  expect(found.problems).toEqual([`flowgrade: ${path.join(root, 'nope.json')}: no such file or folder [no-input]`, `flowgrade: ${root}/*.xml: no file matches this pattern [no-input]`]);
  const missingFolder = await discover([`${root}/missing/*.json`, root], LIMITS);
  expect([missingFolder.problems, missingFolder.warnings]).toEqual([[`flowgrade: ${root}/missing/*.json: no file matches this pattern [no-input]`], []]); // no folder warning besides
});

test('files named inside --out (a shell expands class/*.json --out class) are one usage problem, naming three and counting the others, in its place among the problems', async () => {
  const root = tree(Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`Main_Flow_${100 + i}.json`, FLOW])));
  const named = Array.from({ length: 500 }, (_, i) => path.join(root, `Main_Flow_${100 + i}.json`));
  const missing = path.join(root, 'nope.json');
  const found = await discover([missing, ...named, `${root}/x*.json`], LIMITS, root);
  // Before: 500 lines, one per file, each saying the same.
  expect(found.problems).toEqual([
    `flowgrade: ${missing}: no such file or folder [no-input]`,
    `flowgrade: ${named.slice(0, 3).join(', ')} and 497 more files given are inside --out ${root}, where their reports could replace them: write the reports into another folder [bad-out]`,
    `flowgrade: ${root}/x*.json: no file matches this pattern [no-input]`,
  ]);
  expect(found.candidates).toEqual([]);
  // Matched by a quoted pattern, alike; two are both named; one is said as before.
  expect((await discover([`${root}/Main_Flow_10?.json`], LIMITS, root)).problems).toEqual([`flowgrade: ${named.slice(0, 3).join(', ')} and 7 more files given are inside --out ${root}, where their reports could replace them: write the reports into another folder [bad-out]`]);
  expect((await discover(named.slice(0, 4), LIMITS, root)).problems).toEqual([`flowgrade: ${named.slice(0, 3).join(', ')} and 1 more file given are inside --out ${root}, where their reports could replace them: write the reports into another folder [bad-out]`]);
  expect((await discover(named.slice(0, 3), LIMITS, root)).problems).toEqual([`flowgrade: ${named[0]}, ${named[1]} and ${named[2]} are inside --out ${root}, where their reports could replace them: write the reports into another folder [bad-out]`]);
  expect((await discover(named.slice(0, 2), LIMITS, root)).problems).toEqual([`flowgrade: ${named[0]} and ${named[1]} are inside --out ${root}, where their reports could replace them: write the reports into another folder [bad-out]`]);
  expect((await discover(named.slice(0, 1), LIMITS, root)).problems).toEqual([`flowgrade: ${named[0]}: it is inside --out ${root}, where its report could replace it: write the reports into another folder [bad-out]`]);
});

test('[…] and {a,b}, special in other globs, are plain characters here: the input that matches nothing says so', async () => {
  const root = tree({ 'Main_Flow_1.json': FLOW, 'Main_Flow_2.json': FLOW });
  const note = " ([…] and {a,b} are not special in flowgrade's patterns, only *, ? and **: leave the pattern unquoted for your shell to expand, or use * and ?)";
  const found = await discover([`${root}/Main_Flow_[12].json`, `${root}/*_{1,2}.json`, `${root}/*_[.json`, root], LIMITS);
  expect(found.problems).toEqual([
    `flowgrade: ${root}/Main_Flow_[12].json: no such file or folder${note} [no-input]`,
    `flowgrade: ${root}/*_{1,2}.json: no file matches this pattern${note} [no-input]`,
    `flowgrade: ${root}/*_[.json: no file matches this pattern [no-input]`, // no class: nothing to explain
  ]);
});

test('braces holding one alternative ({json}), no pattern even to a shell: the input that matches nothing says braces need two or more, and how to write it plainly', async () => {
  const root = tree({ 'Main_Flow_1.json': FLOW });
  // Before: the plain "no file matches this pattern", nothing on the braces.
  const note = (plain: string) => ` ({json} holds one alternative, no comma: braces need two or more separated by commas, as {a,b}, and are not special in flowgrade's patterns anyway, only *, ? and **: write ${plain})`;
  const found = await discover([`${root}/*.{json}`, `${root}/Main_Flow_1.{json}`, `${root}/*_{1,2}.{json}`, `${root}/*.{}`, root], LIMITS);
  expect(found.problems).toEqual([
    `flowgrade: ${root}/*.{json}: no file matches this pattern${note(`${root}/*.json`)} [no-input]`,
    `flowgrade: ${root}/Main_Flow_1.{json}: no such file or folder${note(`${root}/Main_Flow_1.json`)} [no-input]`,
    // {a,b} with it: the note of {a,b}.
    `flowgrade: ${root}/*_{1,2}.{json}: no file matches this pattern ([…] and {a,b} are not special in flowgrade's patterns, only *, ? and **: leave the pattern unquoted for your shell to expand, or use * and ?) [no-input]`,
    `flowgrade: ${root}/*.{}: no file matches this pattern [no-input]`, // nothing in them: nothing to explain
  ]);
});

test('a pattern through a file (an archive taken for a folder) or a folder that cannot be read matches nothing; it is never a submission', async () => {
  const root = tree({ 'class.zip': zipSync({ 'a.json': FLOW }), 'a.json': FLOW });
  // Before: the pattern itself became a submission (an ungradable row "a part of the path is a file", attendee "_").
  const throughFile = await discover([`${root}/class.zip/**/*.json`, `${root}/a.json/*.json`, root], LIMITS);
  expect(throughFile.problems).toEqual([`flowgrade: ${root}/class.zip/**/*.json: no file matches this pattern [no-input]`, `flowgrade: ${root}/a.json/*.json: no file matches this pattern [no-input]`]);
  expect(throughFile.warnings).toEqual([]);
  expect(files(throughFile.candidates).some((file) => file.includes('*'))).toBe(false);
  if (process.getuid?.() === 0) return; // root reads any folder
  mkdirSync(path.join(root, 'locked'));
  writeFileSync(path.join(root, 'locked', 'b.json'), FLOW);
  chmodSync(path.join(root, 'locked'), 0);
  try {
    const locked = await discover([`${root}/locked/*.json`], LIMITS);
    expect(locked.problems).toEqual([`flowgrade: ${root}/locked/*.json: no file matches this pattern [no-input]`]);
    expect(locked.warnings).toEqual([`flowgrade: ${root}/locked: cannot read folder (EACCES); skipped [unreadable-file]`]);
    expect(locked.candidates).toEqual([]);
  } finally {
    chmodSync(path.join(root, 'locked'), 0o755);
  }
});

/** A class unzipped on Linux from a Windows zip: Ann/Main_Flow_1.json, then names in code page 437: Élève_1/ (Main_Flow_2.json, René.json, notes.txt, sub/Main_Flow_3.json), René.json, é.zip (Main_Flow_4.json, notes.txt). */
function notUtf8Class(): string {
  const root = tree({ 'Ann/Main_Flow_1.json': FLOW });
  const eleve = inCodePage437('Élève_1');
  mkdirSync(bytesPath(root, eleve));
  writeFileSync(bytesPath(root, eleve, 'Main_Flow_2.json'), FLOW);
  writeFileSync(bytesPath(root, eleve, inCodePage437('René.json')), FLOW);
  writeFileSync(bytesPath(root, eleve, 'notes.txt'), 'x');
  mkdirSync(bytesPath(root, eleve, 'sub'));
  writeFileSync(bytesPath(root, eleve, 'sub', 'Main_Flow_3.json'), FLOW);
  writeFileSync(bytesPath(root, inCodePage437('René.json')), FLOW);
  writeFileSync(bytesPath(root, inCodePage437('é.zip')), zipSync({ 'Main_Flow_4.json': FLOW, 'notes.txt': new Uint8Array(1) }));
  return root;
}

test('files and folders whose names are not UTF-8 (Linux\'s unzip of a zip made on Windows) are read by their bytes and shown in code page 437, as an archive\'s names', async () => {
  test.skip(process.platform !== 'linux', 'other file systems refuse such names');
  const root = notUtf8Class();
  const found = await discover([root], LIMITS);
  expect(found.warnings).toEqual([`flowgrade: ${root}/é.zip: 1 entry is not a flow export (*.json) or archive (*.zip) and not graded: notes.txt [not-an-export]`]);
  expect(found.problems).toEqual([]);
  // Each opened by its path's bytes (an archive read now, as any).
  const opened = (c: Candidate) => (c.kind === 'path' ? (c.at ? Buffer.from(c.at) : Buffer.from(c.file)) : c.kind);
  expect(found.candidates.map((c) => [c.file, opened(c)])).toEqual([
    [`${root}/Ann/Main_Flow_1.json`, Buffer.from(`${root}/Ann/Main_Flow_1.json`)],
    [`${root}/René.json`, bytesPath(root, inCodePage437('René.json'))],
    [`${root}/Élève_1/Main_Flow_2.json`, bytesPath(root, inCodePage437('Élève_1'), 'Main_Flow_2.json')],
    [`${root}/Élève_1/René.json`, bytesPath(root, inCodePage437('Élève_1'), inCodePage437('René.json'))],
    [`${root}/Élève_1/sub/Main_Flow_3.json`, bytesPath(root, inCodePage437('Élève_1'), 'sub', 'Main_Flow_3.json')],
    [`${root}/é.zip!/Main_Flow_4.json`, 'bytes'],
  ]);
  // Each in its own folder, below the real folder it was found in (duplicates are looked for there).
  const real = realpathSync(root);
  expect(found.candidates.map((c) => (c as { folder: string }).folder)).toEqual([`${real}/Ann`, real, `${real}/Élève_1`, `${real}/Élève_1`, `${real}/Élève_1/sub`, `${real}/é.zip!`]);
  // Found twice (the folder given twice, once through another spelling): once.
  const twice = await discover([root, `${root}/./`], LIMITS);
  expect(files(twice.candidates)).toEqual(files(found.candidates));
});

test('quoted patterns match names that are not UTF-8 as shown (code page 437), under folders so named too, and the files are opened by their bytes', async () => {
  test.skip(process.platform !== 'linux', 'other file systems refuse such names');
  const root = notUtf8Class();
  const matched = async (pattern: string) => {
    const found = await discover([pattern], LIMITS);
    expect(found.problems).toEqual([]);
    return found.candidates.map((c) => [c.file, c.kind === 'path' && c.at !== undefined ? Buffer.from(c.at) : c.kind]);
  };
  const mainFlow2 = [`${root}/Élève_1/Main_Flow_2.json`, bytesPath(root, inCodePage437('Élève_1'), 'Main_Flow_2.json')];
  const rene = [`${root}/Élève_1/René.json`, bytesPath(root, inCodePage437('Élève_1'), inCodePage437('René.json'))];
  const mainFlow3 = [`${root}/Élève_1/sub/Main_Flow_3.json`, bytesPath(root, inCodePage437('Élève_1'), 'sub', 'Main_Flow_3.json')];
  expect(await matched(`${root}/*/Main_Flow_*.json`)).toEqual([[`${root}/Ann/Main_Flow_1.json`, 'path'], mainFlow2]);
  expect(await matched(`${root}/**/*.json`)).toEqual([[`${root}/Ann/Main_Flow_1.json`, 'path'], [`${root}/René.json`, bytesPath(root, inCodePage437('René.json'))], mainFlow2, rene, mainFlow3]);
  expect(await matched(`${root}/Élève_?/Ren?.json`)).toEqual([rene]);
  // Matched as shown: É is no E.
  expect((await discover([`${root}/El*/**/*.json`], LIMITS)).problems).toEqual([`flowgrade: ${root}/El*/**/*.json: no file matches this pattern [no-input]`]);
  expect(await matched(`${root}/*.zip`)).toEqual([[`${root}/é.zip!/Main_Flow_4.json`, 'bytes']]);
});

test('a folder whose name is not UTF-8 holding flowgrade\'s output is skipped as such, its hidden files too, and a name holding U+FFFD in UTF-8 is one of its own', async () => {
  test.skip(process.platform !== 'linux', 'other file systems refuse such names');
  const root = tree({ 'Jos\uFFFD.json': FLOW });
  writeFileSync(bytesPath(root, inCodePage437('José.json')), FLOW); // listed by Node as Jos\uFFFD.json too
  writeFileSync(bytesPath(root, inCodePage437('.René.json')), FLOW); // hidden
  mkdirSync(bytesPath(root, inCodePage437('Élève_1')));
  writeFileSync(bytesPath(root, inCodePage437('Élève_1'), '.flowgrade-output'), '');
  writeFileSync(bytesPath(root, inCodePage437('Élève_1'), 'Main_Flow_2.json'), FLOW);
  const found = await discover([root], LIMITS);
  expect(found.candidates.map((c) => [c.file, c.kind === 'path' && c.at !== undefined])).toEqual([
    [`${root}/José.json`, true],
    [`${root}/Jos\uFFFD.json`, false],
  ]);
  expect(found.warnings).toEqual([`flowgrade: ${root}/Élève_1: a flowgrade output folder (it holds .flowgrade-output); skipped [output-folder]`]);
});

test('a blank input (a script\'s unset variable: grade "$SUBMISSIONS") is a usage problem saying it is blank', async () => {
  const root = tree({ 'a.json': FLOW });
  const found = await discover(['', '  ', root], LIMITS);
  // Before: "flowgrade: : no such file or folder [no-input]", naming nothing.
  expect(found.problems).toEqual([
    'flowgrade: "" is blank: give a folder, a zip archive, an export or a quoted pattern [no-input]',
    'flowgrade: "  " is blank: give a folder, a zip archive, an export or a quoted pattern [no-input]',
  ]);
});

test('quoted globs: * stays in one folder, ** crosses folders, ? is one character', async () => {
  const root = tree({ 'x/a1.json': FLOW, 'x/a22.json': FLOW, 'x/y/a3.json': FLOW, 'x/y/z/a4.json': FLOW, 'x/b.txt': 'x' });
  expect(files((await discover([`${root}/x/*.json`], LIMITS)).candidates)).toEqual([path.join(root, 'x/a1.json'), path.join(root, 'x/a22.json')]);
  expect(files((await discover([`${root}/x/a?.json`], LIMITS)).candidates)).toEqual([path.join(root, 'x/a1.json')]);
  expect(files((await discover([`${root}/x/**/*.json`], LIMITS)).candidates)).toEqual(
    ['x/a1.json', 'x/a22.json', 'x/y/a3.json', 'x/y/z/a4.json'].map((f) => path.join(root, f)),
  );
  expect(files((await discover([`${root}/**/a3.json`], LIMITS)).candidates)).toEqual([path.join(root, 'x/y/a3.json')]); // ** can be no folder at all
  expect(files((await discover([`${root}/x/**/**/a4.json`], LIMITS)).candidates)).toEqual([path.join(root, 'x/y/z/a4.json')]); // found once
  expect(segmentMatcher('*.json').test('d/a.json')).toBe(false);
  expect(segmentMatcher('a.b').test('axb')).toBe(false);
});

test('quoted globs: wildcards never match a leading dot and ** never enters node_modules, but a segment spelling them does', async () => {
  const root = tree({
    'c2/Main_Flow_201.json': FLOW,
    'c2/.Main_Flow_203.json': FLOW,
    'c2/.hidden/h.json': FLOW,
    'c2/node_modules/n.json': FLOW,
    'c2/sub/.deep/d.json': FLOW,
    'c2/sub/s.json': FLOW,
  });
  const glob = async (pattern: string) => files((await discover([`${root}/${pattern}`], LIMITS)).candidates).map((file) => path.relative(root, file));
  // Before: the first matched nothing, while the walk skipped dot names everywhere but in the fixed leading folders.
  expect(await glob('c2/.Main_Flow_20?.json')).toEqual(['c2/.Main_Flow_203.json']);
  expect(await glob('c2/.*.json')).toEqual(['c2/.Main_Flow_203.json']);
  expect(await glob('c2/*.json')).toEqual(['c2/Main_Flow_201.json']);
  expect(await glob('c2/?Main_Flow_203.json')).toEqual([]);
  expect(await glob('c2/**/*.json')).toEqual(['c2/Main_Flow_201.json', 'c2/sub/s.json']);
  expect(await glob('c2/**')).toEqual(['c2/Main_Flow_201.json', 'c2/sub/s.json']);
  expect(await glob('c2/*/*.json')).toEqual(['c2/node_modules/n.json', 'c2/sub/s.json']); // * is any name without a leading dot
  expect(await glob('c2/.hidden/*.json')).toEqual(['c2/.hidden/h.json']);
  expect(await glob('c2/node_modules/*.json')).toEqual(['c2/node_modules/n.json']);
  expect(await glob('c2/**/.deep/*.json')).toEqual(['c2/sub/.deep/d.json']);
  expect(await glob('c2/**/node_modules/*.json')).toEqual(['c2/node_modules/n.json']);
});

test('zip: nested folders and archives inside the archive are expanded; hidden, __MACOSX and Windows Explorer entries skipped', () => {
  const inner = zipSync({ 'deep/k.json': FLOW });
  const archive = zipSync({ 'class/alice/a.json': FLOW, 'class/bob/b.json': FLOW, 'class/bob/upload.zip': inner, '__MACOSX/class/._a.json': FLOW, 'class/.DS_Store.json': FLOW, 'readme.pdf': FLOW, 'class/bob/Thumbs.db': FLOW, 'class/alice/desktop.ini': FLOW, 'class/THUMBS.DB': FLOW } as Zippable);
  const ignored: string[] = [];
  const candidates = expandArchive(archive, 'lms.zip', 7, LIMITS, (entry) => ignored.push(entry));
  expect(files(candidates).sort()).toEqual(['lms.zip!/class/alice/a.json', 'lms.zip!/class/bob/b.json', 'lms.zip!/class/bob/upload.zip!/deep/k.json']);
  expect(ignored).toEqual(['lms.zip!/readme.pdf']); // named, so that a student who uploaded something else is not lost silently
  const entry = candidates[0];
  expect(entry.kind).toBe('bytes');
  expect(entry.kind === 'bytes' && new TextDecoder().decode(entry.bytes)).toBe(new TextDecoder().decode(FLOW));
  expect(entry.mtimeMs).not.toBe(7); // its own time in the archive, not the archive's
});

test('Office lock files (~$ and the name less its first two characters) are never submissions, in a folder or a zip: a newer one would pass for the export', async () => {
  // Word and Excel leave `~$in_Flow_140.json` (or `~$Main_Flow_1.json`) beside a file they open:
  // a few bytes holding the user's name, newer than the export, and named like it.
  const lock = new Uint8Array([10, 74, 97, 110, 101, 0, 0]);
  const root = tree({ 'Doe Jane_1_assignsubmission_file_/Main_Flow_1.json': FLOW, 'Doe Jane_1_assignsubmission_file_/~$Main_Flow_1.json': lock, 'class/~$in_Flow_2.json': lock, 'class/~$upload.zip': lock });
  expect(files((await discover([root], LIMITS)).candidates)).toEqual([path.join(root, 'Doe Jane_1_assignsubmission_file_/Main_Flow_1.json')]);
  for (const pattern of [`${root}/*/*.json`, `${root}/**/*`]) expect(files((await discover([pattern], LIMITS)).candidates)).toEqual([path.join(root, 'Doe Jane_1_assignsubmission_file_/Main_Flow_1.json')]);
  expect(files((await discover([`${root}/class/~$*.json`], LIMITS)).candidates)).toEqual([path.join(root, 'class/~$in_Flow_2.json')]); // as a pattern spelling a leading dot does
  const ignored: string[] = [];
  const archive = zipSync({ 'Doe Jane_1_assignsubmission_file_/Main_Flow_1.json': FLOW, 'Doe Jane_1_assignsubmission_file_/~$Main_Flow_1.json': lock, '~$upload.zip': lock } as Zippable);
  expect(files(expandArchive(archive, 'lms.zip', 7, LIMITS, (entry) => ignored.push(entry)))).toEqual(['lms.zip!/Doe Jane_1_assignsubmission_file_/Main_Flow_1.json']);
  expect(ignored).toEqual([]); // never a submission, never worth a word
});

test('zip: each entry has its own time (which of two uploads is newer), the archive\'s when it has none', () => {
  const local = new Date(2025, 6, 30, 9, 15, 20); // the archiver writes MS-DOS time in its own zone, read back as UTC
  const exact = Date.UTC(2025, 6, 31, 12, 0, 7);
  const stamp = new Uint8Array([1, ...new Uint8Array(new Uint32Array([exact / 1000]).buffer)]);
  const archive = zipSync({ 'a.json': [FLOW, { mtime: local }], 'b.json': [FLOW, { mtime: local, extra: { 0x5455: stamp } }] } as Zippable);
  // Mixed (an archive updated by a second tool): the DOS times of all, one clock.
  expect([...zipEntryTimes(archive).values()]).toEqual([Date.UTC(2025, 6, 30, 9, 15, 20), Date.UTC(2025, 6, 30, 9, 15, 20)]);
  const exactOnes = zipSync({ 'b.json': [FLOW, { mtime: local, extra: { 0x5455: stamp } }] } as Zippable);
  expect(zipEntryTimes(exactOnes).get('b.json')).toBe(exact); // every entry stamped: exact, in UTC
  const candidates = expandArchive(archive, 'lms.zip', 7, LIMITS);
  expect(candidates.map((c) => c.mtimeMs)).toEqual([Date.UTC(2025, 6, 30, 9, 15, 20), Date.UTC(2025, 6, 30, 9, 15, 20)]);
  expect(zipEntryTimes(archive.subarray(0, archive.length - 30)).size).toBe(0); // no readable directory: no times
  expect(expandArchive(zipSync({ 'n.zip': zipSync({ 'k.json': [FLOW, { mtime: local }] } as Zippable) }), 'lms.zip', 7, LIMITS)[0].mtimeMs).toBe(Date.UTC(2025, 6, 30, 9, 15, 20));
});

test('zip: each entry\'s time read past the entries before it that have a comment, and past an extra field before its timestamp', () => {
  const exact = Date.UTC(2025, 6, 31, 12, 0, 7);
  const stamp = new Uint8Array([1, ...new Uint8Array(new Uint32Array([exact / 1000]).buffer)]);
  const archive = zipSync({
    'a.json': [FLOW, { comment: 'resubmitted', extra: { 0x5455: stamp } }],
    'b.json': [FLOW, { extra: { 0x0009: new Uint8Array(5), 0x5455: stamp } }], // a field of 5 bytes before the timestamp
  } as Zippable);
  expect([...zipEntryTimes(archive)]).toEqual([['a.json', exact], ['b.json', exact]]);
});

test('zip: an extended timestamp holding no modification time (flags 2: the access time only) is no time: the DOS time is read', () => {
  const local = new Date(2025, 6, 30, 9, 15, 20);
  const accessed = new Uint8Array([2, ...new Uint8Array(new Uint32Array([Date.UTC(2001, 0, 1) / 1000]).buffer)]);
  const archive = zipSync({ 'a.json': [FLOW, { mtime: local, extra: { 0x5455: accessed } }] } as Zippable);
  expect(zipEntryTimes(archive).get('a.json')).toBe(Date.UTC(2025, 6, 30, 9, 15, 20));
});

test('zip: entries with absolute or .. paths are refused, each as its own row, and the others still count', () => {
  const archive = zipSync({ 'ok.json': FLOW, '../evil.json': FLOW, '/abs.json': FLOW, 'a/../../up.json': FLOW, 'C:/win.json': FLOW });
  const candidates = expandArchive(archive, 'lms.zip', 0, LIMITS);
  expect(files(candidates).sort()).toEqual(['lms.zip!/../evil.json', 'lms.zip!//abs.json', 'lms.zip!/C:/win.json', 'lms.zip!/a/../../up.json', 'lms.zip!/ok.json']);
  for (const bad of ['lms.zip!/../evil.json', 'lms.zip!//abs.json', 'lms.zip!/a/../../up.json', 'lms.zip!/C:/win.json']) {
    expect(refusal(candidates, bad)?.code).toBe('zip-unsafe-path');
  }
  expect(candidates.find((c) => c.file === 'lms.zip!/ok.json')?.kind).toBe('bytes');
});

test('zip bomb: an entry expanding far beyond the file size limit is refused without expanding it', () => {
  const bomb = zipSync({ 'bomb.json': new Uint8Array(64 * 1024 * 1024), 'ok.json': FLOW }); // 64 MB of zeros, ~64 KB compressed
  expect(bomb.length).toBeLessThan(1024 * 1024);
  const candidates = expandArchive(bomb, 'class.zip', 0, LIMITS);
  expect(refusal(candidates, 'class.zip!/bomb.json')).toEqual({ code: 'too-large', message: expect.stringContaining('beyond the 20 MB file size limit') });
  expect(candidates.find((c) => c.file === 'class.zip!/ok.json')?.kind).toBe('bytes');
});

test('zip bomb: an entry that lies about its size is stopped at the size it declares', () => {
  const archive = zipSync({ 'liar.json': new Uint8Array(50 * 1024 * 1024) });
  declareSize(archive, 'liar.json', 1000);
  const candidates = expandArchive(archive, 'class.zip', 0, LIMITS);
  expect(refusal(candidates, 'class.zip!/liar.json')).toEqual({ code: 'zip-bomb', message: 'zip entry expands beyond the 1000 bytes it declares; refused' });
});

test('zip bomb: an archive whose exports add up beyond the total limit is refused as a whole', () => {
  const entries: Zippable = {};
  for (let i = 0; i < 5; i++) entries[`e${i}.json`] = new Uint8Array(300 * 1024);
  const candidates = expandArchive(zipSync(entries), 'class.zip', 0, { ...LIMITS, maxTotalBytes: 1024 * 1024 });
  expect(candidates).toEqual([{ kind: 'refused', file: 'class.zip', mtimeMs: 0, error: { code: 'zip-too-large', message: expect.stringContaining('beyond the 1 MB limit for an archive') } }]);
});

test('zip bomb: the total limit also holds when the sizes are lies, across nested archives', () => {
  const inner = zipSync({ 'big.json': new Uint8Array(600 * 1024) });
  const archive = zipSync({ 'a.zip': inner, 'b.zip': inner }, { level: 0 });
  const candidates = expandArchive(archive, 'class.zip', 0, { ...LIMITS, maxTotalBytes: 1024 * 1024 });
  expect(candidates).toHaveLength(1);
  expect(candidates[0]).toMatchObject({ kind: 'refused', file: 'class.zip', error: { code: 'zip-too-large' } });
});

test('zip: a nested archive over the total limit is refused with the total that broke it, not its own size', () => {
  const three = (prefix: string) => Object.fromEntries([1, 2, 3].map((i) => [`${prefix}${i}.json`, new Uint8Array(100 * 1024)]));
  const inner = zipSync(three('b'), { level: 0 });
  const archive = zipSync({ ...three('a'), 'sub/inner.zip': inner });
  const expanded = 3 * 100 * 1024 + inner.length; // the outer archive's exports and the nested archive itself: within 640 KB
  expect(expanded).toBeLessThan(640 * 1024);
  // Before: "nested archive declares 307200 bytes of exports, beyond the 640 KB limit", though 307,200 < 655,360.
  expect(expandArchive(archive, 'class.zip', 0, { ...LIMITS, maxTotalBytes: 640 * 1024 })).toEqual([
    {
      kind: 'refused',
      file: 'class.zip',
      mtimeMs: 0,
      error: { code: 'zip-too-large', message: `archive would expand to ${expanded + 307200} bytes, beyond the 640 KB limit for an archive: ${expanded} expanded, then 307200 more declared by nested archive sub/inner.zip; refused` },
    },
  ]);
});

test('zip: too many entries, and bytes that are not a zip, refuse the archive', () => {
  const entries: Zippable = {};
  for (let i = 0; i < 6; i++) entries[`e${i}.json`] = FLOW;
  expect(expandArchive(zipSync(entries), 'many.zip', 0, { ...LIMITS, maxEntries: 5 })[0]).toMatchObject({ kind: 'refused', error: { code: 'zip-too-many-entries' } });
  expect(expandArchive(new TextEncoder().encode('not a zip at all'), 'fake.zip', 0, LIMITS)[0]).toMatchObject({ kind: 'refused', error: { code: 'zip-corrupt' } });
});

test('zip: the entries limit counts exports, nested archives\' included, and apart the archives inside', () => {
  const three = (prefix: string) => Object.fromEntries([1, 2, 3].map((i) => [`${prefix}${i}.json`, FLOW]));
  const six = zipSync({ ...three('a'), 'inner.zip': zipSync(three('b')) });
  // Before: the nested zip counted as a seventh export.
  expect(expandArchive(six, 'class.zip', 0, { ...LIMITS, maxEntries: 6 }).map((c) => c.kind)).toEqual(Array(6).fill('bytes'));
  expect(expandArchive(six, 'class.zip', 0, { ...LIMITS, maxEntries: 5 })).toEqual([
    { kind: 'refused', file: 'class.zip', mtimeMs: 0, error: { code: 'zip-too-many-entries', message: 'archive holds more than 5 exports; refused' } },
  ]);
  // Archives holding nothing still count, as archives: each costs an expansion.
  const empties = zipSync(Object.fromEntries([1, 2, 3].map((i) => [`e${i}.zip`, zipSync({})])));
  expect(expandArchive(empties, 'class.zip', 0, { ...LIMITS, maxEntries: 3 })).toEqual([]);
  expect(expandArchive(empties, 'class.zip', 0, { ...LIMITS, maxEntries: 2 })).toEqual([
    { kind: 'refused', file: 'class.zip', mtimeMs: 0, error: { code: 'zip-too-many-entries', message: 'archive holds more than 2 archives (.zip files inside it, at any depth); refused' } },
  ]);
});

test('zip: a nested archive that is not a readable zip is its own row; the class archive\'s other entries still count', () => {
  const archive = zipSync({
    'Alice/a.json': FLOW,
    'Bob/upload.zip': new TextEncoder().encode('not a zip at all'),
    'Carol/empty.zip': new Uint8Array(0),
    'Dave/upload.zip': zipSync({ 'd.json': FLOW, 'broken.zip': zipSync({ 'x.json': FLOW }).subarray(0, 20) }),
  });
  const candidates = expandArchive(archive, 'class.zip', 0, LIMITS);
  // Before: one student's damaged upload made the whole class archive one zip-corrupt row.
  expect(candidates.map((c) => [c.file, c.kind]).sort()).toEqual([
    ['class.zip!/Alice/a.json', 'bytes'],
    ['class.zip!/Bob/upload.zip', 'refused'],
    ['class.zip!/Carol/empty.zip', 'refused'],
    ['class.zip!/Dave/upload.zip!/broken.zip', 'refused'],
    ['class.zip!/Dave/upload.zip!/d.json', 'bytes'],
  ]);
  expect(refusal(candidates, 'class.zip!/Bob/upload.zip')).toEqual({ code: 'zip-corrupt', message: 'not a readable zip archive (invalid zip data)' });
});

test('zip: a password-protected entry is refused as encrypted, not taken for a damaged entry or a zip bomb', () => {
  const archive = zipSync({ 'Alice/a.json': FLOW, 'Bob/b.json': FLOW, 'Carol/c.json': FLOW }, { level: 0 });
  setEncrypted(archive, 'Bob/b.json');
  setEncrypted(archive, 'Carol/c.json');
  declareSize(archive, 'Carol/c.json', FLOW.length - 12); // stored and encrypted: 12 bytes of the cipher's header before the data
  const candidates = expandArchive(archive, 'class.zip', 0, LIMITS);
  const encrypted = { code: 'zip-unsupported', message: 'zip entry is encrypted (password-protected); ask for it without a password' };
  expect(refusal(candidates, 'class.zip!/Bob/b.json')).toEqual(encrypted);
  expect(refusal(candidates, 'class.zip!/Carol/c.json')).toEqual(encrypted); // before: "expands beyond the … bytes it declares" [zip-bomb]
  expect(candidates.find((c) => c.file === 'class.zip!/Alice/a.json')?.kind).toBe('bytes');
});

test('zip: entry names without the UTF-8 flag are read as Windows writes them (code page 437), or as UTF-8 when they are (macOS)', () => {
  const cp437 = new Uint8Array([0x90, 0x6c, 0x8a, 0x76, 0x65, 0x5f, 0x52, 0x65, 0x6e, 0x82]); // "Élève_René" in code page 437
  const utf8 = new TextEncoder().encode('Zoë_Müller'); // as macOS's Archive Utility writes it, without the flag
  const archive = zipSync({ 'AAAAAAAAAA/Main_Flow_41.json': FLOW, 'BBBBBBBBBBBB/Main_Flow_42.json': FLOW, 'CCCCCCCCCC/notes.pdf': FLOW }, { level: 0 });
  renameEntry(archive, 'AAAAAAAAAA', cp437);
  renameEntry(archive, 'BBBBBBBBBBBB', utf8);
  renameEntry(archive, 'CCCCCCCCCC', cp437);
  const ignored: string[] = [];
  const candidates = expandArchive(archive, 'class.zip', 0, LIMITS, (entry) => ignored.push(entry));
  // Before: read as Latin-1, "\u0090l\u008ave_Ren\u0082" and "ZoÃ«_MÃ¼ller".
  expect(files(candidates)).toEqual(['class.zip!/Élève_René/Main_Flow_41.json', 'class.zip!/Zoë_Müller/Main_Flow_42.json']);
  expect(ignored).toEqual(['class.zip!/Élève_René/notes.pdf']);
  expect(candidates.map((c) => c.kind)).toEqual(['bytes', 'bytes']);
  expect(candidates[0].mtimeMs).not.toBe(0); // its own time in the archive, found under its name
});

test('zip: an entry the directory lists but whose own header is damaged is a row of its own, never lost without a word', () => {
  const archive = zipSync({ 'Alice/a.json': FLOW, 'Bob/b.json': FLOW, 'Carol/c.json': FLOW, 'Dave/d.pdf': FLOW });
  const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
  const bob = new TextEncoder().encode('Bob/b.json');
  for (let i = 0; i + 30 < archive.length; i++) {
    if (view.getUint32(i, true) === 0x04034b50 && bob.every((b, k) => archive[i + 30 + k] === b)) archive[i + 2] = 0x99; // its local header's signature
  }
  const candidates = expandArchive(archive, 'class.zip', 0, LIMITS);
  // Before: Bob's submission silently missing, Alice's and Carol's graded.
  expect(candidates.map((c) => [c.file, c.kind]).sort()).toEqual([
    ['class.zip!/Alice/a.json', 'bytes'],
    ['class.zip!/Bob/b.json', 'refused'],
    ['class.zip!/Carol/c.json', 'bytes'],
  ]);
  expect(refusal(candidates, 'class.zip!/Bob/b.json')).toEqual({ code: 'zip-corrupt', message: 'zip entry is listed in the archive\'s directory, but its own header is damaged; it cannot be expanded' });
});

test('a zip in a folder with a refused entry still yields the others', async () => {
  const root = tree({ 'class.zip': zipSync({ 'a.json': FLOW, '../b.json': FLOW }) });
  const found = await discover([root], LIMITS);
  expect(found.candidates.map((c) => [c.file, c.kind])).toEqual([
    [`${path.join(root, 'class.zip')}!/../b.json`, 'refused'],
    [`${path.join(root, 'class.zip')}!/a.json`, 'bytes'],
  ]);
});

/** Sets an entry's encryption flag (general purpose bit 0), in its local header and the central directory. */
function setEncrypted(zip: Uint8Array, name: string): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const nameBytes = new TextEncoder().encode(name);
  const matchesAt = (at: number) => nameBytes.every((b, i) => zip[at + i] === b);
  for (let i = 0; i + 46 < zip.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50 && matchesAt(i + 30)) view.setUint16(i + 6, view.getUint16(i + 6, true) | 1, true);
    if (signature === 0x02014b50 && matchesAt(i + 46)) view.setUint16(i + 8, view.getUint16(i + 8, true) | 1, true);
  }
}

/** Replaces the bytes of an ASCII part of entry names (local headers and central directory) by bytes of the same length; the UTF-8 flag stays unset. */
function renameEntry(zip: Uint8Array, part: string, bytes: Uint8Array): void {
  const from = new TextEncoder().encode(part);
  expect(bytes.length).toBe(from.length);
  for (let i = 0; i + from.length <= zip.length; i++) if (from.every((b, k) => zip[i + k] === b)) zip.set(bytes, i);
}

test('a folder reached by two inputs is named once: an earlier output folder in a class given as a folder and a pattern', async () => {
  const root = tree({ 'Main_Flow_1.json': FLOW, 'graded/.flowgrade-output': '', 'graded/1.json': FLOW });
  const found = await discover([root, `${root}/**/*.json`, root], LIMITS);
  expect(files(found.candidates)).toEqual([path.join(root, 'Main_Flow_1.json')]);
  // Before: the same line three times, once per input that reached the folder.
  expect(found.warnings).toEqual([`flowgrade: ${path.join(root, 'graded')}: a flowgrade output folder (it holds .flowgrade-output); skipped [output-folder]`]);
});

test('zip: an archive inside the archive over the file size limit says that none of its exports is graded, and which option grades them', () => {
  const inner = zipSync({ 'Main_Flow_1.json': FLOW, 'Main_Flow_2.json': FLOW }, { level: 0 });
  const candidates = expandArchive(zipSync({ 'group/class.zip': inner, 'Main_Flow_3.json': FLOW }, { level: 0 }), 'all.zip', 0, { ...LIMITS, maxEntryBytes: inner.length - 1 });
  // Before: 'zip entry declares N bytes, beyond the … file size limit; refused', as for one export.
  expect(refusal(candidates, 'all.zip!/group/class.zip')).toEqual({
    code: 'too-large',
    message: `zip entry declares ${inner.length} bytes, beyond the ${inner.length - 1} bytes file size limit; refused: an archive inside the archive, none of whose exports is graded (a larger --max-size grades them)`,
  });
  // An export over the limit keeps its message.
  const big = expandArchive(zipSync({ 'Main_Flow_4.json': new Uint8Array(4096) }), 'all.zip', 0, { ...LIMITS, maxEntryBytes: 1000 });
  expect(refusal(big, 'all.zip!/Main_Flow_4.json')?.message).toMatch(/file size limit; refused$/);
});

test('an earlier output downloaded as a CI artifact (upload-artifact leaves .flowgrade-output out, flowgrade-run.json in) in the class folder is skipped too, not graded as 7 ungradable submissions', async () => {
  const root = tree({ 'Main_Flow_1.json': FLOW, 'graded-1/flowgrade-run.json': '{}', 'graded-1/1.json': FLOW });
  const found = await discover([root], LIMITS);
  expect(files(found.candidates)).toEqual([path.join(root, 'Main_Flow_1.json')]);
  expect(found.warnings).toEqual([`flowgrade: ${path.join(root, 'graded-1')}: a flowgrade output folder (it holds flowgrade-run.json); skipped [output-folder]`]);
});

test('an --out folder inside an input, not yet marked as an output folder, has its files left out with one warning, however many it holds', async () => {
  const root = tree({ 'Main_Flow_1.json': FLOW, 'reports/1.json': FLOW, 'reports/2.json': FLOW, 'reports/deep/3.json': FLOW });
  const outDir = path.join(root, 'reports');
  const found = await discover([root], LIMITS, outDir);
  expect(files(found.candidates)).toEqual([path.join(root, 'Main_Flow_1.json')]);
  expect(found.warnings).toEqual([`flowgrade: ${outDir}: the --out folder lies inside an input; its files are not graded [output-folder]`]);
  expect(found.problems).toEqual([]);
});
