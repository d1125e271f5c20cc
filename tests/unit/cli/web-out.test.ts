/** `flowgrade web --out` into a folder that already holds a site's files: its own are never replaced; an earlier page of ours is. */
import { test, expect } from '@playwright/test';
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, runCli, tempDir } from '../../helpers.js';

test('a web root or course site with its own index.html (or app.js) is refused before anything is written', async () => {
  const site = tempDir('own-site');
  writeFileSync(path.join(site, 'index.html'), '<h1>Course home</h1>');
  writeFileSync(path.join(site, 'page.css'), 'h1 { color: red }');
  const run = await runCli(['web', '--out', site]);
  expect([run.code, run.stdout, run.stderr]).toEqual([2, '', `flowgrade: cannot write into --out ${site}: it holds index.html and page.css, which flowgrade did not write and the page would replace: write the page into a new or empty folder [bad-out]\n`]);
  expect(readdirSync(site).sort()).toEqual(['index.html', 'page.css']);
  expect(readFileSync(path.join(site, 'index.html'), 'utf8')).toBe('<h1>Course home</h1>');
  const scripts = tempDir('own-scripts');
  writeFileSync(path.join(scripts, 'app.js'), 'run()');
  expect((await runCli(['web', '--out', scripts])).stderr).toContain('it holds app.js, which flowgrade did not write');
});

test('the page written again over an earlier one, and beside other files, replaces only its own', async () => {
  const site = tempDir('our-site');
  writeFileSync(path.join(site, 'notes.txt'), 'mine');
  expect((await runCli(['web', '--out', site])).code).toBe(0);
  writeFileSync(path.join(site, 'app.js'), 'stale');
  const again = await runCli(['web', '--out', site]);
  expect([again.code, again.stderr]).toEqual([0, '']);
  expect(readFileSync(path.join(site, 'app.js'), 'utf8')).not.toBe('stale');
  expect(readFileSync(path.join(site, 'notes.txt'), 'utf8')).toBe('mine');
});

test('web --out whose files cannot be looked at (a path too long once a file name is added; a folder the user cannot search) is one line, exit 2, never an internal error', async () => {
  // Under 4,096 bytes itself, over it with /THIRD-PARTY-LICENSES.txt: ENAMETOOLONG from lstat, as root too.
  const base = tempDir('web-long');
  const out = path.join(base, ...Array.from({ length: Math.floor((4080 - base.length) / 201) }, () => 'd'.repeat(200)), 'e'.repeat(4080 - base.length - 201 * Math.floor((4080 - base.length) / 201)));
  const run = await runCli(['web', '--out', out]);
  // Before: 'flowgrade: internal error: ENAMETOOLONG: name too long, lstat …'.
  expect([run.code, run.stdout, run.stderr]).toEqual([2, '', `flowgrade: cannot write into --out ${out}: the path is too long [bad-out]\n`]);
});

test('web --out over an earlier page past a file-size limit (a full disk alike) leaves the earlier page as it was, whole', async () => {
  test.skip(process.platform !== 'linux', 'ulimit -f through a shell');
  const { runCliAfter } = await import('./run-under-shell.js');
  const site = tempDir('web-partial');
  expect((await runCli(['web', '--out', site])).code).toBe(0);
  const before = Object.fromEntries(readdirSync(site).map((name) => [name, readFileSync(path.join(site, name), 'utf8')]));
  // 512 blocks (256 KB in dash, 512 KB in bash): app.js.map (1.5 MB) cannot be written, nor app.js in dash.
  const run = await runCliAfter('ulimit -f 512', ['web', '--out', site]);
  expect([run.code, run.stdout]).toEqual([2, '']);
  expect(run.stderr).toMatch(/^flowgrade: cannot write .*app\.js(\.map)?: the file would pass the limit on file sizes \(ulimit -f\); nothing was written \[bad-out\]\n$/);
  // Before (session 47): the earlier index.html was removed first, and the page was gone until written again.
  expect(Object.fromEntries(readdirSync(site).map((name) => [name, readFileSync(path.join(site, name), 'utf8')]))).toEqual(before);
});

test('web --out never writes through a symbolic link in the folder: the link is replaced by the page\'s file, and what it led to is left as it was', async () => {
  const dir = tempDir('web-link');
  const victim = path.join(dir, 'victim.txt');
  writeFileSync(victim, 'IMPORTANT USER DATA');
  const site = path.join(dir, 'site');
  expect((await runCli(['web', '--out', site])).code).toBe(0);
  const licence = readdirSync(site).find((name) => name.endsWith('.txt'))!;
  rmSync(path.join(site, licence));
  symlinkSync(victim, path.join(site, licence));
  const again = await runCli(['web', '--out', site]);
  expect([again.code, again.stderr]).toEqual([0, '']);
  // Before: copyFile followed the link and wrote the licences into victim.txt.
  expect(readFileSync(victim, 'utf8')).toBe('IMPORTANT USER DATA');
  expect(lstatSync(path.join(site, licence)).isFile()).toBe(true);
  expect(readdirSync(site).filter((name) => name.startsWith('.'))).toEqual([]); // no staging folder left
});

test('web --out whose page file is a named pipe replaces it without waiting on it; a folder in the way is refused before anything is written', async () => {
  test.skip(process.platform === 'win32', 'mkfifo');
  const site = tempDir('web-fifo');
  expect((await runCli(['web', '--out', site])).code).toBe(0);
  rmSync(path.join(site, 'page.css'));
  execFileSync('mkfifo', [path.join(site, 'page.css')]);
  // Before: the earlier index.html removed, then copyFile waited on the pipe for ever.
  const again = await runCli(['web', '--out', site]);
  expect([again.code, again.stderr]).toEqual([0, '']);
  expect(lstatSync(path.join(site, 'page.css')).isFile()).toBe(true);
  rmSync(path.join(site, 'page.css'));
  mkdirSync(path.join(site, 'page.css'));
  const index = readFileSync(path.join(site, 'index.html'), 'utf8');
  const blocked = await runCli(['web', '--out', site]);
  expect([blocked.code, blocked.stderr]).toEqual([2, `flowgrade: cannot write into --out ${site}: page.css is a folder where the page writes a file: move it away, or write the page into a new folder [bad-out]\n`]);
  // Before: index.html was removed first, then the copy failed on the folder.
  expect(readFileSync(path.join(site, 'index.html'), 'utf8')).toBe(index);
});

test('web --out through a symbolic link to where the page is built is refused: writing the page over itself would lose it', async () => {
  const link = path.join(tempDir('web-self'), 'web');
  symlinkSync(path.join(ROOT, 'dist', 'web'), link);
  const run = await runCli(['web', '--out', link]);
  expect([run.code, run.stderr]).toEqual([2, `flowgrade: --out ${link} is where the page is built; choose another folder [bad-out]\n`]);
  expect(existsSync(path.join(ROOT, 'dist', 'web', 'index.html'))).toBe(true);
});

test('a page written from read-only files (a package installed read-only) can be written again: its files are the user\'s to replace', async () => {
  // flowgrade's package copied, its page read-only (a Nix store, a read-only image).
  const install = tempDir('web-read-only-install');
  for (const part of ['bin', 'dist', 'package.json']) cpSync(path.join(ROOT, part), path.join(install, part), { recursive: true });
  for (const name of readdirSync(path.join(install, 'dist', 'web'))) chmodSync(path.join(install, 'dist', 'web', name), 0o444);
  const site = tempDir('web-modes');
  const write = () => new Promise<number | null>((resolve) => execFile(process.execPath, [path.join(install, 'bin', 'flowgrade.js'), 'web', '--out', site], (error) => resolve(error ? (error.code as number) : 0)));
  expect(await write()).toBe(0);
  // Before: copyFile kept the source's mode, every file read-only, and the page could not be written again by its user.
  for (const name of readdirSync(site)) expect(statSync(path.join(site, name)).mode & 0o200).toBe(0o200);
  expect(await write()).toBe(0);
});
