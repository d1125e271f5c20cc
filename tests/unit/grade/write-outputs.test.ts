/** The end of a batch: staged reports moved to their names, then the class files, last. */
import { test, expect } from '@playwright/test';
import { existsSync, readFileSync, mkdirSync, readdirSync, writeFileSync, type Dirent } from 'node:fs';
import { readdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { resolveGradingOptions } from '../../../cli/grading-options.js';
import { classColumns, stagedPath } from '../../../cli/grade/task.js';
import type { GradedRow } from '../../../cli/grade/types.js';
import { duplicateNotes, type OutputFs, staleReports, staleReportsLine, writeOutputs } from '../../../cli/grade/write-outputs.js';
import { nextTurn, removeStopped, type Run } from '../../../cli/grade/batch.js';
import { reasonOf } from '../../../cli/io.js';
import { refusedReport } from '../../../engine/grade.js';
import { renderClassRow } from '../../../reports/index.js';
import { tempDir } from '../../helpers.js';

async function rows(count: number): Promise<GradedRow[]> {
  const options = await resolveGradingOptions({ lab: 'callback-on-global-error', now: '2025-08-01T09:00:00Z' });
  return Array.from({ length: count }, (_, index) => {
    const report = refusedReport({ code: 'empty-file', message: 'file is empty' }, { ...options, fileName: `Main_Flow_${100 + index}.json` });
    return { index, file: report.input.file, folder: '.', mtimeMs: 0, report, classRow: renderClassRow(report, classColumns(options.mission)) };
  });
}

function staged(count: number, missing?: number): { outDir: string; stagingDir: string } {
  const outDir = tempDir('write-outputs');
  const stagingDir = path.join(outDir, '.flowgrade-staging-test');
  mkdirSync(stagingDir);
  for (let index = 0; index < count; index++) {
    if (index === missing) continue;
    for (const extension of ['json', 'html'] as const) writeFileSync(stagedPath(stagingDir, index, extension), `${index}.${extension}`);
  }
  return { outDir, stagingDir };
}

test('every report moved to its name, then the four class files; nothing left in staging', async () => {
  const dirs = staged(3);
  expect(await writeOutputs({ ...dirs, rows: await rows(3), duplicates: [], checkIds: ['flow-name'] })).toEqual(['100', '101', '102']);
  expect(readdirSync(dirs.outDir).filter((f) => !f.startsWith('.')).sort()).toEqual(['100.html', '100.json', '101.html', '101.json', '102.html', '102.json', 'grades.csv', 'index.html', 'junit.xml', 'summary.md']);
  expect(readdirSync(dirs.stagingDir)).toEqual([]);
});

test('the gradebook has a column per check of the mission, even with only ungradable rows (shards line up)', async () => {
  const dirs = staged(2);
  await writeOutputs({ ...dirs, rows: await rows(2), duplicates: [], checkIds: ['flow-name', 'variable-getresult'] });
  const header = readFileSync(path.join(dirs.outDir, 'grades.csv'), 'utf8').split('\r\n')[0];
  expect(header).toBe('\ufeffattendee,file,verdict,earned,possible,percent,error,notes,flow-name,variable-getresult'); // (UTF-8 BOM first, for Excel)
});

test('when a report cannot be moved (a run stopped on the way), no dashboard links to it: the class files stay out', async () => {
  const dirs = staged(3, 1);
  await expect(writeOutputs({ ...dirs, rows: await rows(3), duplicates: [], checkIds: ['flow-name'] })).rejects.toThrow(/ENOENT/);
  for (const file of ['index.html', 'grades.csv', 'junit.xml', 'summary.md']) expect(existsSync(path.join(dirs.outDir, file)), file).toBe(false);
});

test('over an earlier run, a run stopped while moving its reports leaves none of the earlier class files: no old dashboard or gradebook passes for this run, linking its new reports', async () => {
  const dirs = staged(3, 1);
  for (const file of ['index.html', 'grades.csv', 'junit.xml', 'summary.md']) writeFileSync(path.join(dirs.outDir, file), `earlier run's ${file}`);
  await expect(writeOutputs({ ...dirs, rows: await rows(3), duplicates: [], checkIds: ['flow-name'] })).rejects.toThrow(/ENOENT/);
  expect(existsSync(path.join(dirs.outDir, '100.json'))).toBe(true); // moved: this run's
  for (const file of ['index.html', 'grades.csv', 'junit.xml', 'summary.md']) expect(existsSync(path.join(dirs.outDir, file)), file).toBe(false);
});

/**
 * A stop signal (Ctrl-C) lands while the class files are moved: its listener (batch.ts
 * removeStopped) runs between two renames, here as the second one is to be made. Its cleanup ends
 * the process once it settles, so what --out holds then is what the stopped run leaves.
 */
function stoppedAt(run: Run, file: string, step: 'rename' | 'unlink'): { fs: OutputFs; cleanedUp: Promise<void> } {
  let signalled!: (cleaning: void | Promise<void>) => void;
  const cleanedUp = new Promise<void | Promise<void>>((resolve) => (signalled = resolve)).then(() => undefined);
  const fs: OutputFs = {
    platform: process.platform,
    unlink: async (target) => {
      if (step === 'unlink' && path.basename(target) === file) {
        signalled(removeStopped(run));
        await nextTurn(); // (the removal still under way when the listener has run)
      }
      await unlink(target);
    },
    rename: async (from, to) => {
      if (step === 'rename' && path.basename(to) === file) signalled(removeStopped(run));
      await rename(from, to);
    },
  };
  return { fs, cleanedUp };
}

function stoppableRun(dirs: { outDir: string; stagingDir: string }): Run {
  const lockFile = path.join(dirs.outDir, '.flowgrade-lock');
  writeFileSync(lockFile, `${process.pid}\n`);
  return { lockFile, locked: true, stagingDir: dirs.stagingDir };
}

test('a stop signal between two moves of the class files waits for the others and the marker: the class files and the record are all there, not some of them', async () => {
  const dirs = staged(2);
  const run = stoppableRun(dirs);
  const { fs, cleanedUp } = stoppedAt(run, 'grades.csv', 'rename');
  let settled = false;
  void writeOutputs({ ...dirs, rows: await rows(2), duplicates: [], checkIds: ['flow-name'], record: () => '{}\n', run, afterClassFiles: () => writeFileSync(path.join(dirs.outDir, '.flowgrade-output'), 'part: the whole class\n') }, fs).then(
    () => (settled = true),
    () => (settled = true),
  );
  await cleanedUp;
  // Before: index.html moved, then the staging folder removed under the others: no grades.csv,
  // junit.xml, summary.md nor flowgrade-run.json, and a marker naming the whole class.
  expect(readdirSync(dirs.outDir).sort()).toEqual(['.flowgrade-output', '100.html', '100.json', '101.html', '101.json', 'flowgrade-run.json', 'grades.csv', 'index.html', 'junit.xml', 'summary.md']);
  await nextTurn();
  expect(settled, 'the stopped run goes no further: its cleanup ends the process').toBe(false);
});

test("a stop signal while an earlier run's class files are removed waits for the rest of them: none is left when the process ends, and no report is moved", async () => {
  const dirs = staged(2);
  const earlier = ['flowgrade-run.json', 'grades.csv', 'index.html', 'junit.xml', 'summary.md'];
  for (const file of earlier) writeFileSync(path.join(dirs.outDir, file), `earlier run's ${file}`);
  const run = stoppableRun(dirs);
  const { fs, cleanedUp } = stoppedAt(run, 'grades.csv', 'unlink');
  void writeOutputs({ ...dirs, rows: await rows(2), duplicates: [], checkIds: ['flow-name'], record: () => '{}\n', run }, fs).catch(() => undefined);
  await cleanedUp;
  // Before: the process ended with grades.csv's removal still under way, the earlier run's grades.csv left beside none of its other class files.
  expect(readdirSync(dirs.outDir)).toEqual([]);
});

/**
 * Windows: a file another program has open without sharing it for deletion (Excel holds the
 * grades.csv it shows) can be neither removed nor replaced: both fail with EBUSY. Simulated by
 * file operations that refuse `locked` (as a test cannot open a file the Windows way here).
 */
function lockedFiles(locked: readonly string[], platform: NodeJS.Platform = 'win32'): OutputFs & { tried: string[] } {
  const busy = (syscall: string, file: string) => Object.assign(new Error(`EBUSY: resource busy or locked, ${syscall} '${file}'`), { code: 'EBUSY', syscall, path: file });
  const isLocked = (file: string) => locked.includes(path.basename(file));
  const tried: string[] = [];
  return {
    platform,
    tried,
    unlink: async (file) => {
      tried.push(`unlink ${path.basename(file)}`);
      if (isLocked(file)) throw busy('unlink', file);
      await unlink(file);
    },
    rename: async (from, to) => {
      tried.push(`rename ${path.basename(to)}`);
      if (isLocked(to)) throw Object.assign(busy('rename', from), { dest: to });
      await rename(from, to);
    },
  };
}

test("Windows: an earlier run's grades.csv open in Excel stops the run before a report is replaced, naming the file and why (no new reports behind an old gradebook)", async () => {
  const dirs = staged(3);
  for (const file of ['index.html', 'grades.csv', 'junit.xml', 'summary.md', '100.json', '100.html']) writeFileSync(path.join(dirs.outDir, file), `earlier run's ${file}`);
  const error = await writeOutputs({ ...dirs, rows: await rows(3), duplicates: [], checkIds: ['flow-name'] }, lockedFiles(['grades.csv'])).catch((e: unknown) => e as NodeJS.ErrnoException);
  expect(error).toMatchObject({ code: 'EBUSY', path: path.join(dirs.outDir, 'grades.csv') });
  expect(readFileSync(path.join(dirs.outDir, '100.json'), 'utf8')).toBe("earlier run's 100.json"); // not replaced
  expect(readFileSync(path.join(dirs.outDir, 'grades.csv'), 'utf8')).toBe("earlier run's grades.csv");
  expect(existsSync(path.join(dirs.outDir, '101.json'))).toBe(false);
  expect(reasonOf(error)).toMatch(/open in another program/);
});

test("a folder in the way of a class file is still named as where this run's file goes (it cannot be removed, but is not a locked file), before any report is moved", async () => {
  const dirs = staged(1);
  mkdirSync(path.join(dirs.outDir, 'grades.csv'));
  writeFileSync(path.join(dirs.outDir, 'grades.csv', 'x'), 'x');
  await expect(writeOutputs({ ...dirs, rows: await rows(1), duplicates: [], checkIds: ['flow-name'] })).rejects.toMatchObject({ code: 'EISDIR', dest: path.join(dirs.outDir, 'grades.csv') });
  expect(existsSync(path.join(dirs.outDir, '100.json'))).toBe(false);
});

test("a folder where one of this run's reports goes (mkdir out/101.html) stops the run before anything is removed or moved: the earlier run's class files and reports stay whole", async () => {
  const dirs = staged(3);
  const earlier = ['100.html', '100.json', '101.json', 'flowgrade-run.json', 'grades.csv', 'index.html', 'junit.xml', 'summary.md'];
  for (const file of earlier) writeFileSync(path.join(dirs.outDir, file), `earlier run's ${file}`);
  mkdirSync(path.join(dirs.outDir, '101.html'));
  await expect(writeOutputs({ ...dirs, rows: await rows(3), duplicates: [], checkIds: ['flow-name'], record: () => '{}\n' })).rejects.toMatchObject({ code: 'EISDIR', syscall: 'rename', dest: path.join(dirs.outDir, '101.html') });
  // Before: the earlier run's class files removed first, then 100.html and 100.json replaced: no dashboard nor gradebook left at all.
  expect(readdirSync(dirs.outDir).filter((f) => !f.startsWith('.')).sort()).toEqual([...earlier, '101.html'].sort());
  for (const file of earlier) expect(readFileSync(path.join(dirs.outDir, file), 'utf8'), file).toBe(`earlier run's ${file}`);
  expect(readdirSync(dirs.stagingDir)).toHaveLength(6); // nothing moved out of it
  // A folder of that name in another case takes the report's place where names ignore case: asked of the file system itself.
  const other = staged(1);
  mkdirSync(path.join(other.outDir, '100.HTML'));
  const caseless = existsSync(path.join(other.outDir, '100.html'));
  const moved = await writeOutputs({ ...other, rows: await rows(1), duplicates: [], checkIds: ['flow-name'] }).then(() => 'written', (error: NodeJS.ErrnoException) => error.code);
  expect(moved).toBe(caseless ? 'EISDIR' : 'written');
});

/**
 * Windows: a file just written is opened by the antivirus scanner (and the search indexer) for a
 * moment; renaming it meanwhile fails with EPERM or EBUSY, then works. Simulated: each staged file's
 * first two moves fail so.
 */
test('Windows: a report whose move fails for a moment (EPERM, EBUSY: an antivirus scanning the fresh file) is moved again, and the run completes', async () => {
  const dirs = staged(2);
  const failures = new Map<string, number>();
  const ops: OutputFs = {
    platform: 'win32',
    unlink,
    rename: async (from, to) => {
      const failed = failures.get(from) ?? 0;
      if (failed < 2) {
        failures.set(from, failed + 1);
        throw Object.assign(new Error(`EPERM: operation not permitted, rename '${from}'`), { code: failed === 0 ? 'EPERM' : 'EBUSY', syscall: 'rename', path: from, dest: to });
      }
      await rename(from, to);
    },
  };
  expect(await writeOutputs({ ...dirs, rows: await rows(2), duplicates: [], checkIds: ['flow-name'] }, ops)).toEqual(['100', '101']);
  expect(readdirSync(dirs.outDir).filter((f) => !f.startsWith('.')).sort()).toEqual(['100.html', '100.json', '101.html', '101.json', 'grades.csv', 'index.html', 'junit.xml', 'summary.md']);
});

test('Windows: a move is tried 9 times in all (8 retries, about a second) for any of EPERM, EACCES and EBUSY; refused a 9th time, the run stops', async () => {
  // Each move refused `refusals` times, with the three codes in turn (EACCES first: a scanner holding the file denies access).
  const refusing = (refusals: number) => {
    const tries = new Map<string, number>();
    const ops: OutputFs = {
      platform: 'win32',
      unlink,
      rename: async (from, to) => {
        const tried = tries.get(from) ?? 0;
        tries.set(from, tried + 1);
        if (tried < refusals) throw Object.assign(new Error(`refused, rename '${from}'`), { code: ['EACCES', 'EPERM', 'EBUSY'][tried % 3], syscall: 'rename', path: from, dest: to });
        await rename(from, to);
      },
    };
    return { ops, tries };
  };
  // Before (a mutation sweep): with the retries one fewer (attempt >= 8), or EACCES not retried, every test passed.
  const eight = refusing(8);
  expect(await writeOutputs({ ...staged(1), rows: await rows(1), duplicates: [], checkIds: ['flow-name'] }, eight.ops)).toEqual(['100']);
  expect([...eight.tries.values()]).toEqual(Array(6).fill(9)); // the two reports and the four class files
  const nine = refusing(9);
  await expect(writeOutputs({ ...staged(1), rows: await rows(1), duplicates: [], checkIds: ['flow-name'] }, nine.ops)).rejects.toMatchObject({ code: 'EBUSY' }); // the 9th refusal's
  expect(Math.max(...nine.tries.values())).toBe(9); // (the other report's move may be at its 8th)
});

test('elsewhere than Windows, a move refused (EPERM) is not tried again: the refusal is lasting there', async () => {
  const dirs = staged(1);
  let tries = 0;
  const ops: OutputFs = {
    platform: 'linux',
    unlink,
    rename: async (from, to) => {
      tries++;
      throw Object.assign(new Error(`EPERM: operation not permitted, rename '${from}'`), { code: 'EPERM', syscall: 'rename', path: from, dest: to });
    },
  };
  await expect(writeOutputs({ ...dirs, rows: await rows(1), duplicates: [], checkIds: ['flow-name'] }, ops)).rejects.toMatchObject({ code: 'EPERM' });
  expect(tries).toBe(2); // the two reports, once each
});

test("Windows: an earlier run's reports in an --out synced by OneDrive (files Windows lists as links) are still named as stale", async () => {
  const dirs = staged(0);
  for (const file of ['100.json', '100.html', '7.json']) writeFileSync(path.join(dirs.outDir, file), 'x');
  // As Windows lists the files OneDrive syncs: reparse points, so links.
  const oneDrive = async (dir: string) =>
    (await readdir(dir, { withFileTypes: true })).map((entry) => (entry.isFile() ? ({ name: entry.name, isFile: () => false, isDirectory: () => false, isSymbolicLink: () => true } as Dirent) : entry));
  expect(await staleReports(dirs.outDir, ['100'], oneDrive)).toEqual(['7.json']);
});

test("the gradebook's note on a kept submission counts it with those set aside", async () => {
  const dirs = staged(2);
  const graded = await rows(2);
  const duplicates = [{ attendee: '100', kept: graded[0]!.file, dropped: ['a/Main_Flow_100.json', 'b/Main_Flow_100.json'] }];
  await writeOutputs({ ...dirs, rows: graded, duplicates, checkIds: ['flow-name'] });
  // Before (a mutation sweep): 'newest of 2 submissions' would have passed too.
  expect(readFileSync(path.join(dirs.outDir, 'grades.csv'), 'utf8')).toContain(',"newest of 3 submissions; set aside: a/Main_Flow_100.json, b/Main_Flow_100.json",');
});

test('stale reports: an earlier run\'s .json and .html files in any case, sorted by code point; not this run\'s, not a hidden file (macOS\'s ._ files beside each report on a shared drive), not a folder', async () => {
  const dirs = staged(0);
  for (const file of ['b.json', '7.JSON', 'B.html', '100.json', '100.html', 'index.html', 'grades.csv', '._b.json', '.hidden.html', 'notes.txt']) writeFileSync(path.join(dirs.outDir, file), 'x');
  mkdirSync(path.join(dirs.outDir, 'old.json'));
  // Before (a mutation sweep): hidden files, upper-case extensions, folders and the order were each held by no test.
  expect(await staleReports(dirs.outDir, ['100'])).toEqual(['7.JSON', 'B.html', 'b.json']);
  // Whatever order the folder is listed in (Node's is sorted on Linux, not on Windows).
  expect(await staleReports(dirs.outDir, ['100'], async (dir) => (await readdir(dir, { withFileTypes: true })).reverse())).toEqual(['7.JSON', 'B.html', 'b.json']);
  // Everything is written by then: a folder that cannot be listed is no stale report, and no failure.
  expect(await staleReports(dirs.outDir, ['100'], () => Promise.reject(Object.assign(new Error('EACCES: permission denied, scandir'), { code: 'EACCES' })))).toEqual([]);
});

test('the stale reports\' warning counts the files and the attendees whose reports they are, names five, then how many more, and says it or them', () => {
  const names = (count: number) => Array.from({ length: count }, (_, i) => `${i + 1}.json`);
  expect(staleReportsLine('out', names(1))).toBe("flowgrade: --out out also holds 1 file this run did not write, named as the report of 1 attendee (1.json): an earlier run's, or files of your own: kept, but index.html does not link it; remove it or grade into a fresh folder [stale-reports]");
  expect(staleReportsLine('out', names(5))).toContain('holds 5 files this run did not write, named as the reports of 5 attendees (1.json, 2.json, 3.json, 4.json, 5.json): an earlier run\'s, or files of your own: kept, but index.html does not link them; remove them');
  expect(staleReportsLine('out', names(6))).toContain('(1.json, 2.json, 3.json, 4.json, 5.json, and 1 more)');
  // Each attendee's report is two files: ten attendees are ten, not "20 reports". Before: "holds 20 reports".
  const pairs = Array.from({ length: 10 }, (_, i) => [`${i + 1}.html`, `${i + 1}.json`]).flat();
  expect(staleReportsLine('out', pairs)).toContain('holds 20 files this run did not write, named as the reports of 10 attendees (1.html, 1.json, 2.html, 2.json, 3.html, and 15 more)');
  // One attendee's two files (any case of the extension), and another's one.
  expect(staleReportsLine('out', ['2.HTML', '2.json', '3.json'])).toContain('holds 3 files this run did not write, named as the reports of 2 attendees');
  expect(staleReportsLine('out', ['2.html', '2.json'])).toContain('holds 2 files this run did not write, named as the report of 1 attendee (2.html, 2.json): an earlier run\'s, or files of your own: kept, but index.html does not link them; remove them');
  // merge's says to merge into a fresh folder (before: "or grade into a fresh folder", of a folder no grade wrote).
  expect(staleReportsLine('out', ['2.html', '2.json'], 'merge')).toMatch(/; remove them or merge into a fresh folder \[stale-reports\]$/);
});

test('the duplicate note names 20 files set aside at most, and stops before 10,000 characters of their paths (a spreadsheet cell holds 32,767)', () => {
  const dropped = (count: number, length: number) => Array.from({ length: count }, (_, i) => `${String(i).padStart(2, '0')}${'x'.repeat(length - 2)}`);
  const note = (files: string[]) => duplicateNotes([{ attendee: '7', kept: 'k.json', dropped: files }])['k.json']!;
  expect(note(dropped(25, 10))).toBe(`newest of 26 submissions; set aside: ${dropped(20, 10).join(', ')} and 5 more`);
  // Paths of 3,000 characters (archive entries): three fit, the rest are counted.
  const long = note(dropped(25, 3000));
  expect(long).toBe(`newest of 26 submissions; set aside: ${dropped(3, 3000).join(', ')} and 22 more`);
  expect(note(dropped(2, 20_000))).toBe('newest of 3 submissions; set aside: 2 files');
});
