/**
 * Shards into one --out folder. Each shard writes its own index.html, grades.csv, junit.xml and
 * summary.md, so a second shard graded into the folder of a first one replaced them: the folder's
 * gradebook held the last shard's third of the class, and the other shards' reports were called
 * "an earlier run's". A shard is now refused (exit 2, nothing graded) in a folder that holds
 * another shard's outputs, or the whole class's.
 */
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT, runCli } from '../../helpers.js';
import { snapshot, tempDir, writeSolutions } from './class-fixture.js';

const NOW = ['--now', '2025-08-01T09:00:00Z'];
const rows = (out: string) => readFileSync(path.join(out, 'grades.csv'), 'utf8').trim().split(/\r?\n/).length - 1;
const grade = (dir: string, out: string, ...more: string[]) => runCli(['grade', dir, '--out', out, ...NOW, '--quiet', '--jobs', '1', ...more]);

test('a shard is refused in a folder holding another shard\'s or the whole class\'s outputs; the same shard again, or the whole class, is not', async () => {
  const dir = tempDir('shard-out-class');
  writeSolutions(dir, 6);
  const out = tempDir('shard-out');
  expect((await grade(dir, out, '--shard', '1/3')).code).toBe(0);
  const first = snapshot(out);
  const second = await grade(dir, out, '--shard', '2/3');
  expect([second.code, second.stderr.trim()]).toEqual([
    2,
    `flowgrade: cannot write into --out ${out}: it holds the outputs of --shard 1/3, whose index.html, grades.csv, junit.xml and summary.md this run (--shard 2/3) would replace: give each shard its own --out folder [bad-out]`,
  ]);
  expect(snapshot(out)).toEqual(first); // nothing written, the lock and staging folder gone
  // The same shard again (a CI job re-run) writes as before.
  expect((await grade(dir, out, '--shard', '1/3')).code).toBe(0);
  expect(snapshot(out)).toEqual(first);
  // Another split of the class is another shard.
  expect((await grade(dir, out, '--shard', '1/2')).code).toBe(2);
  // The whole class may replace a shard's outputs; then a shard may not replace the whole class's.
  expect((await grade(dir, out)).code).toBe(0);
  expect(rows(out)).toBe(6);
  const part = await grade(dir, out, '--shard', '3/3');
  expect([part.code, part.stderr.trim()]).toEqual([
    2,
    `flowgrade: cannot write into --out ${out}: it holds the outputs of the whole class, whose index.html, grades.csv, junit.xml and summary.md this run (--shard 3/3) would replace: give each shard its own --out folder [bad-out]`,
  ]);
  expect(rows(out)).toBe(6);
});

test('a whole-class run stopped before its outputs are written leaves the folder a shard\'s: that shard may write there again', async () => {
  test.skip(process.platform === 'win32', 'POSIX signals');
  const dir = tempDir('shard-out-stopped-class');
  writeSolutions(dir, 150);
  const out = tempDir('shard-out-stopped');
  expect((await grade(dir, out, '--shard', '1/3')).code).toBe(0);
  const first = snapshot(out);
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'flowgrade.js'), 'grade', dir, '--out', out, ...NOW, '--quiet', '--jobs', '1']);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const staged = () => readdirSync(out).some((f) => f.startsWith('.flowgrade-staging-') && readdirSync(path.join(out, f)).length > 0);
  while (child.exitCode === null && !staged()) await new Promise((r) => setTimeout(r, 5));
  child.kill('SIGINT');
  expect(await exited).toBe(130);
  expect(snapshot(out)).toEqual(first); // shard 1/3's outputs, and its marker
  // Before: refused, 'it holds the outputs of the whole class'.
  const again = await grade(dir, out, '--shard', '1/3');
  expect([again.code, again.stderr]).toEqual([0, '']);
});

test('a shard stopped before its outputs are written leaves a fresh folder holding no part\'s outputs: another shard may write there', async () => {
  test.skip(process.platform === 'win32', 'POSIX signals');
  const dir = tempDir('shard-out-first-stopped-class');
  writeSolutions(dir, 150);
  const out = path.join(tempDir('shard-out-first-stopped'), 'graded');
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'flowgrade.js'), 'grade', dir, '--out', out, ...NOW, '--quiet', '--jobs', '1', '--shard', '1/2']);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const staged = () => existsSync(out) && readdirSync(out).some((f) => f.startsWith('.flowgrade-staging-') && readdirSync(path.join(out, f)).length > 0);
  while (child.exitCode === null && !staged()) await new Promise((r) => setTimeout(r, 5));
  child.kill('SIGINT');
  expect(await exited).toBe(130);
  expect(Object.keys(snapshot(out))).toEqual(['.flowgrade-output']); // the stopped run's marker only
  // Before: refused, 'it holds the outputs of --shard 1/2', of a folder holding none.
  const second = await grade(dir, out, '--shard', '2/2');
  expect([second.code, second.stderr]).toEqual([0, '']);
  expect(rows(out)).toBe(75);
  // The folder is now the second shard's: the first is refused there, as in any folder of another shard's.
  expect((await grade(dir, out, '--shard', '1/2')).stderr).toMatch(/it holds the outputs of --shard 2\/2, whose/);
});

test('on a terminal, --shard shows its first pass, which reads the whole class before grading its share', async () => {
  const dir = tempDir('shard-out-tty-class');
  writeSolutions(dir, 4);
  // The child's stderr is a pipe: told it is a terminal before the CLI starts, it draws the line as on one.
  const asTerminal = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=data:text/javascript,process.stderr.isTTY=true` };
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'flowgrade.js'), 'grade', dir, '--out', tempDir('shard-out-tty'), ...NOW, '--jobs', '1', '--shard', '1/2'], { env: asTerminal });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  expect(await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))).toBe(0);
  // Before: nothing until the first submission of the share was graded (3 s for a class of 2,000).
  expect(stderr).toMatch(/^\r\x1b\[Kread 1\/4 submissions \(to cut the class into 2 shards\) \d+ flows\/s/); // an ETA from a second in
  expect(stderr).toMatch(/\r\x1b\[Kread 4\/4 submissions \(to cut the class into 2 shards\) \d+ flows\/s\n\r\x1b\[Kgraded 1\/2 /);
  expect(stderr).toMatch(/\r\x1b\[Kgraded 2\/2 submissions \(0 failed, 0 ungradable\) \d+ flows\/s\n$/);
});

test('off a terminal (a CI log), --shard shows its first pass in plain lines too, then those of the share it grades', async () => {
  const dir = tempDir('shard-out-plain-class');
  writeSolutions(dir, 12);
  const run = await runCli(['grade', dir, '--out', tempDir('shard-out-plain'), ...NOW, '--jobs', '1', '--shard', '1/2']);
  expect(run.code).toBe(0);
  // Before: nothing while the whole class was read (seconds for a class of 2,000), the plain lines
  // promised every tenth or 5 seconds missing. A batch of fewer than 100: a line every 10, and at the end.
  expect(run.stderr).toMatch(/^read 10\/12 submissions \(to cut the class into 2 shards\) \d+ flows\/s\nread 12\/12 submissions \(to cut the class into 2 shards\) \d+ flows\/s\ngraded 6\/6 submissions \(0 failed, 0 ungradable\) \d+ flows\/s\n$/);
  // --quiet: none.
  const quiet = await runCli(['grade', dir, '--out', tempDir('shard-out-plain-quiet'), ...NOW, '--jobs', '1', '--shard', '1/2', '--quiet']);
  expect([quiet.code, quiet.stderr]).toEqual([0, '']);
});

test("a shard's summary.md and dashboard say they are one shard of the class: read alone (a CI job's summary), its totals are not the class's", async () => {
  const dir = tempDir('shard-title-class');
  writeSolutions(dir, 6);
  const out = tempDir('shard-title');
  expect((await grade(dir, out, '--shard', '2/3')).code).toBe(0);
  const summary = readFileSync(path.join(out, 'summary.md'), 'utf8').split('\n');
  expect(summary[0]).toBe('# flowgrade results, shard 2/3 of 6 submissions found');
  expect(summary[2]).toMatch(/^\*\*2 submissions\*\*/);
  expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('<h1>flowgrade &#8212; class results, shard 2/3 of 6 submissions found</h1>');
  // The whole class keeps its titles.
  const whole = tempDir('shard-title-whole');
  expect((await grade(dir, whole)).code).toBe(0);
  expect(readFileSync(path.join(whole, 'summary.md'), 'utf8').split('\n')[0]).toBe('# flowgrade results');
  expect(readFileSync(path.join(whole, 'index.html'), 'utf8')).toContain('<h1>flowgrade &#8212; class results</h1>');
});
