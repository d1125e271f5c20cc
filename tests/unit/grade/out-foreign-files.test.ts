/** `grade --out` into a folder holding files flowgrade did not write under the names of its class files (`--out .` in a course folder). */
import { test, expect } from '@playwright/test';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixturePath, runCli, tempDir } from '../../helpers.js';

const NOW = ['--now', '2025-08-01T09:00:00Z'];
const grade = (out: string) => runCli(['grade', fixturePath('flows/solution.json'), '--out', out, ...NOW, '--quiet']);

test('a course folder\'s own index.html and gradebook are never replaced: the run is refused before it writes anything', async () => {
  const out = tempDir('course-folder');
  writeFileSync(path.join(out, 'index.html'), '<h1>My course</h1>');
  writeFileSync(path.join(out, 'grades.csv'), 'student,grade\n');
  const run = await grade(out);
  expect([run.code, run.stdout, run.stderr]).toEqual([2, '', `flowgrade: cannot write into --out ${out}: it holds index.html and grades.csv, which flowgrade did not write and this run would replace: write the reports into a new or empty folder [bad-out]\n`]);
  expect(readdirSync(out).sort()).toEqual(['grades.csv', 'index.html']);
  expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('<h1>My course</h1>');
  // One such file is named alone; Moodle's file names count too.
  const moodle = tempDir('course-folder-moodle');
  writeFileSync(path.join(moodle, 'moodle-grades.csv'), 'x');
  expect((await grade(moodle)).stderr).toContain('it holds moodle-grades.csv, which flowgrade did not write and this run would replace');
  // And Canvas's: a course folder's own canvas-grades.csv (an export to import) is never replaced, Canvas class or not.
  const canvas = tempDir('course-folder-canvas');
  writeFileSync(path.join(canvas, 'canvas-grades.csv'), 'Student,ID,Section,Lab 3\r\n');
  const refused = await grade(canvas);
  expect([refused.code, refused.stderr]).toEqual([2, `flowgrade: cannot write into --out ${canvas}: it holds canvas-grades.csv, which flowgrade did not write and this run would replace: write the reports into a new or empty folder [bad-out]\n`]);
  expect(readdirSync(canvas)).toEqual(['canvas-grades.csv']);
});

test('other files beside the reports are left alone, and a folder flowgrade wrote into is written again', async () => {
  const out = tempDir('notes-folder');
  writeFileSync(path.join(out, 'notes.txt'), 'mine');
  // The user's own .json and .html files too, in a folder no run wrote (no .flowgrade-output): no
  // earlier run's reports, nothing said of them. Before: "also holds 2 files, the reports of 2
  // attendees, this run did not write (config.json, readme.html), an earlier run's: kept, …".
  writeFileSync(path.join(out, 'config.json'), '{}');
  writeFileSync(path.join(out, 'readme.html'), 'x');
  const first = await grade(out);
  expect([first.code, first.stderr]).toEqual([0, '']);
  expect(existsSync(path.join(out, 'index.html'))).toBe(true);
  expect(readFileSync(path.join(out, 'notes.txt'), 'utf8')).toBe('mine');
  expect(readFileSync(path.join(out, 'config.json'), 'utf8')).toBe('{}');
  rmSync(path.join(out, 'config.json'));
  rmSync(path.join(out, 'readme.html'));
  const again = await grade(out);
  expect([again.code, again.stderr]).toEqual([0, '']);
});

test('a folder in --out where a report goes stops the run naming that place in --out, not the staging file that was to move there', async () => {
  const out = tempDir('report-in-the-way');
  mkdirSync(path.join(out, '140.json', 'inside'), { recursive: true });
  const run = await grade(out);
  // Before (a mutation sweep): '(…/.flowgrade-staging-…/0.json)', a file the run removes.
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(new RegExp(`^flowgrade: cannot write into --out ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(${path.join(out, '140.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\): .* \\[bad-out\\]\\n$`));
});

test("a folder where a report goes, in an earlier run's --out: the run stops before it removes or replaces anything, the earlier outputs whole; one named as the run's record is refused up front", async () => {
  const out = tempDir('report-folder-earlier');
  expect((await grade(out)).code).toBe(0);
  const before = Object.fromEntries(readdirSync(out).filter((f) => !f.startsWith('.')).map((f) => [f, readFileSync(path.join(out, f), 'utf8')]));
  rmSync(path.join(out, '140.html'));
  mkdirSync(path.join(out, '140.html'));
  const run = await grade(out);
  expect([run.code, run.stdout, run.stderr]).toEqual([2, '', `flowgrade: cannot write into --out ${out} (${path.join(out, '140.html')}): is a directory, not a file [bad-out]\n`]);
  // Before: index.html, grades.csv, junit.xml, summary.md and flowgrade-run.json removed, 140.json replaced.
  const { ['140.html']: _gone, ...kept } = before;
  expect(Object.fromEntries(readdirSync(out).filter((f) => !f.startsWith('.') && f !== '140.html').map((f) => [f, readFileSync(path.join(out, f), 'utf8')]))).toEqual(kept);
  expect(readdirSync(out).filter((f) => f.startsWith('.flowgrade-staging') || f === '.flowgrade-lock')).toEqual([]);
  // The run's record is written by every run: a folder of its name is refused before anything is graded, as one of a class file's.
  const recordOut = tempDir('record-folder');
  mkdirSync(path.join(recordOut, 'flowgrade-run.json'));
  const refused = await grade(recordOut);
  expect([refused.code, refused.stderr]).toEqual([2, `flowgrade: cannot write into --out ${recordOut} (${path.join(recordOut, 'flowgrade-run.json')}): is a directory, not a file [bad-out]\n`]);
  expect(readdirSync(recordOut)).toEqual(['flowgrade-run.json']);
});

test('a symbolic link named like a class file (the course\'s index.html linked in) counts as a file flowgrade did not write, not as a folder in the way', async () => {
  test.skip(process.platform === 'win32', 'symbolic links need rights on Windows');
  const out = tempDir('course-link');
  const page = path.join(tempDir('course-page'), 'index.html');
  writeFileSync(page, '<h1>My course</h1>');
  symlinkSync(page, path.join(out, 'index.html'));
  const run = await grade(out);
  // Before (a mutation sweep): anything not a regular file was taken for a folder: 'is a directory, not a file'.
  expect([run.code, run.stderr]).toEqual([2, `flowgrade: cannot write into --out ${out}: it holds index.html, which flowgrade did not write and this run would replace: write the reports into a new or empty folder [bad-out]\n`]);
});
