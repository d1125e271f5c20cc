/**
 * The lines the docs quote word for word that only the built command, the shim or the build
 * print, in a folder of their own: an `--out` holding files flowgrade did not write, a clone not
 * built, a copy npm installed without its build, a built module run as the command, a build
 * without its tools, a current folder deleted, a Desktop Layout or an AI Agent export given as
 * the flow. Each is made for real (after `npm run build`), and its line, with the temporary
 * folder written as the page writes it (`<clone>`, `<project>`), must stand in its page as it
 * is: a reworded message fails here rather than living on in the docs.
 */
import { expect, test } from '@playwright/test';
import { execFile } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, fixturePath, runCli, tempDir } from '../../helpers.js';

/** Its page quotes `line` in a code span or as a line of a fenced block. */
function expectQuoted(page: string, line: string): void {
  const markdown = readFileSync(path.join(ROOT, page), 'utf8');
  expect(markdown.includes(`\`${line}\``) || markdown.split('\n').includes(line), `${page} quotes: ${line}`).toBe(true);
}

/**
 * `node <args>` in `cwd`: its exit code and its one line (stderr, else stdout). Without the
 * runner's FORCE_COLOR: beside NO_COLOR, Node 22 and later warn about it as a module loads, before
 * any code of a script that is not the bin (which settles the two itself) runs.
 */
function node(args: string[], cwd: string): Promise<{ code: number | null; line: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, args, { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined } }, (_error, stdout, stderr) =>
      resolve({ code: child.exitCode, line: (stderr || stdout).trimEnd() }),
    );
  });
}

/** A fresh folder holding `files` (relative path → text). */
function folderWith(files: Record<string, string>): string {
  const dir = tempDir('docs-quoted');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const BIN = path.join(ROOT, 'bin', 'flowgrade.js');
const SOLUTION = fixturePath('flows/solution.json');

test('docs/grade.md quotes grade --out into a course folder of its own', async () => {
  const cwd = folderWith({ 'course/index.html': '<title>Course</title>', 'course/grades.csv': 'name,grade\n' });
  const run = await runCli(['grade', SOLUTION, '--out', 'course/'], { cwd });
  expect(run.code).toBe(2);
  expectQuoted('docs/grade.md', run.stderr.trimEnd());
});

test('docs/web.md quotes web --out into a web root of its own', async () => {
  const cwd = folderWith({ 'site/index.html': '<title>Our course</title>' });
  const run = await runCli(['web', '--out', 'site/'], { cwd });
  expect(run.code).toBe(2);
  expectQuoted('docs/web.md', run.stderr.trimEnd());
});

test('docs/errors.md quotes the Desktop Layout and AI Agent refusals', async () => {
  const cwd = folderWith({ 'layout.json': '{"agent":{},"supervisor":{},"supervisorAgent":{}}', 'agent.json': '{"bot_type":"x","configuration":{}}' });
  for (const file of ['layout.json', 'agent.json']) {
    const run = await runCli(['check', file], { cwd });
    expect(run.code).toBe(2);
    const message = /^\S+: UNGRADABLE — (.*) \[not-a-flow\]$/.exec(run.stdout.trimEnd())?.[1];
    expectQuoted('docs/errors.md', message ?? run.stdout);
  }
});

test('docs/errors.md quotes the shim in a clone not built and in a copy npm installed without its build', async () => {
  const clone = tempDir('docs-not-built');
  const project = tempDir('docs-installed');
  for (const [root, name] of [[clone, '<clone>'], [path.join(project, 'node_modules', 'flowgrade'), '<project>/node_modules/flowgrade']] as const) {
    mkdirSync(path.join(root, 'bin'), { recursive: true });
    copyFileSync(BIN, path.join(root, 'bin', 'flowgrade.js'));
    const run = await node([path.join(root, 'bin', 'flowgrade.js'), 'checks'], root);
    expect(run.code).toBe(2);
    expectQuoted('docs/errors.md', run.line.replaceAll(`${root}${path.sep}dist${path.sep}cli.js`, `${name}/dist/cli.js`).replaceAll(root, name));
  }
});

test('docs/errors.md quotes a built module run as the command', async () => {
  const run = await node([path.join(ROOT, 'dist', 'cli.js'), 'check', SOLUTION], ROOT);
  expect(run.code).toBe(2);
  expectQuoted('docs/errors.md', run.line.replaceAll(ROOT, '<clone>').replaceAll(path.sep, '/'));
});

test('docs/errors.md quotes the build without its tools', async () => {
  const clone = tempDir('docs-build-without-tools');
  cpSync(path.join(ROOT, 'scripts'), path.join(clone, 'scripts'), { recursive: true });
  const run = await node(['scripts/build.mjs'], clone);
  expect(run.code).toBe(1);
  expectQuoted('docs/errors.md', run.line.replaceAll(clone, '<clone>'));
});

test('docs/errors.md quotes a command started in a folder that no longer exists', async () => {
  test.skip(process.platform === 'win32', 'a folder in use cannot be deleted on Windows');
  const gone = path.join(tempDir('docs-deleted-cwd'), 'gone');
  mkdirSync(gone);
  const run = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = execFile('sh', ['-c', 'cd "$1" && rmdir "$1" && shift && exec "$@"', 'sh', gone, process.execPath, BIN, 'checks'], (_error, _stdout, stderr) =>
      resolve({ code: child.exitCode, stderr }),
    );
  });
  expect(run.code).toBe(2);
  expectQuoted('docs/errors.md', run.stderr.trimEnd());
});
