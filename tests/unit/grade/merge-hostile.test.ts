/**
 * `flowgrade merge` on shard folders an attacker or an unlucky user changed (run `npm run build`
 * first): it reads only the regular files of each folder itself, never where a symlink leads nor
 * a pipe, device or folder in a file's place, and says which file and why in one line.
 */
import { test, expect } from '@playwright/test';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fixturePath, runCli } from '../../helpers.js';
import { tempDir } from './class-fixture.js';

const NOW = ['--now', '2025-08-01T09:00:00Z'];
/** (--quiet, as grade's runs here: stderr holds only the lines these tests read, no progress; merge-progress.test.ts has it.) */
const merge = (...args: string[]) => runCli(['merge', ...args, '--quiet']);

/** fixtures/class graded as 2 shards, each into its own folder. */
async function shards(name: string): Promise<[string, string]> {
  const outs: string[] = [];
  for (const index of [1, 2]) {
    const out = tempDir(`merge-hostile-${name}-${index}`);
    expect((await runCli(['grade', fixturePath('class'), '--out', out, ...NOW, '--quiet', '--jobs', '1', '--shard', `${index}/2`])).code).toBeLessThan(2);
    outs.push(out);
  }
  return outs as [string, string];
}

const reportsOf = (dir: string) => (JSON.parse(readFileSync(path.join(dir, 'flowgrade-run.json'), 'utf8')) as { attendees: { report: string; attendee: string }[] }).attendees;

test.describe(() => {
  test.skip(process.platform === 'win32', 'named pipes and symlinks made as on Linux and macOS');

  test('a report that is a symlink (out of the folder, to a valid copy, to a device), a named pipe, a folder or a sparse file of 2 GB is not read: one line each saying what it is, its row ungradable, no hang', async () => {
    const [a, b] = await shards('reports');
    const [first, second, third, fourth, fifth, sixth] = reportsOf(b);
    const file = (entry: { report: string }) => path.join(b, `${entry.report}.json`);
    // The attendee's own report, valid, moved out of the folder and linked back: still not the folder's file.
    const elsewhere = tempDir('merge-hostile-elsewhere');
    copyFileSync(file(first!), path.join(elsewhere, 'copy.json'));
    rmSync(file(first!));
    symlinkSync(path.join(elsewhere, 'copy.json'), file(first!));
    rmSync(file(second!));
    symlinkSync('/etc/passwd', file(second!));
    rmSync(file(third!));
    execFileSync('mkfifo', [file(third!)]);
    rmSync(file(fourth!));
    mkdirSync(file(fourth!));
    rmSync(file(fifth!));
    truncateSync(file(sixth!), 2 ** 31); // a sparse file of 2 GB: refused by its size, not read
    const run = await merge(a, b, '--out', tempDir('merge-hostile-reports-out'));
    expect(run.code).toBe(2);
    const line = (entry: { attendee: string }, why: string) => `flowgrade: ${file(entry as { report: string; attendee: string })}: ${why}; "${entry.attendee}" is merged as ungradable (report-unreadable) [report-unreadable]`;
    const link = 'is a symbolic link: merge reads only the files of a shard\'s folder itself, never where a link leads';
    expect(run.stderr.trim().split('\n')).toEqual([
      line(first!, link),
      line(second!, link),
      line(third!, 'is not a regular file (a pipe, device or socket)'),
      line(fourth!, 'is a directory, not a file'),
      line(fifth!, 'is missing'),
      line(sixth!, 'is larger than 268435456 bytes, more than any flowgrade writes'),
      'flowgrade: 6 reports of the shards could not be used: their rows say ungradable (report-unreadable); grade their shards again, then merge again',
    ]);
    expect(run.stdout).toMatch(/^merged 12 attendees from 2 shards into .*: \d+ passed, \d+ failed, \d+ ungradable; 1 submission set aside as a duplicate\n/);
  });

  test('one folder under two names (a symlink to it): the line names both, not "given twice" of a name given once', async () => {
    const [a, b] = await shards('alias');
    const alias = path.join(tempDir('merge-hostile-alias'), 'graded-2');
    symlinkSync(a, alias);
    const run = await merge(a, b, alias, '--out', tempDir('merge-hostile-alias-out'));
    expect([run.code, run.stdout, run.stderr]).toEqual([2, '', `flowgrade: ${alias}: is the folder ${a} (through a symlink, or spelt otherwise): give each shard's folder once [bad-shard]\n`]);
  });

  test('a flowgrade-run.json that is a symlink, a named pipe or a folder refuses its folder, saying what it is (not that it is missing)', async () => {
    const [a, b] = await shards('record');
    const record = path.join(b, 'flowgrade-run.json');
    const elsewhere = path.join(tempDir('merge-hostile-record-elsewhere'), 'flowgrade-run.json');
    copyFileSync(record, elsewhere);
    rmSync(record);
    symlinkSync(elsewhere, record);
    const refused = async () => {
      const run = await merge(a, b, '--out', tempDir('merge-hostile-record-out'));
      return [run.code, run.stdout, run.stderr];
    };
    expect(await refused()).toEqual([2, '', `flowgrade: ${b}: flowgrade-run.json is a symbolic link: merge reads only the files of a shard's folder itself, never where a link leads [bad-shard]\n`]);
    rmSync(record);
    execFileSync('mkfifo', [record]);
    expect(await refused()).toEqual([2, '', `flowgrade: ${b}: flowgrade-run.json is not a regular file (a pipe, device or socket) [bad-shard]\n`]);
    rmSync(record);
    mkdirSync(record);
    expect(await refused()).toEqual([2, '', `flowgrade: ${b}: flowgrade-run.json is a directory, not a file [bad-shard]\n`]);
  });
});

test('a record naming more reports than its class has submissions (each would be written again, as ungradable) refuses its folder', async () => {
  const [a, b] = await shards('many');
  const file = path.join(b, 'flowgrade-run.json');
  const record = JSON.parse(readFileSync(file, 'utf8')) as { class: { submissions: number }; attendees: unknown[]; duplicates: { dropped: string[] }[] };
  expect(record.class.submissions).toBe(13);
  const kept = record.attendees.length + record.duplicates.reduce((sum, d) => sum + d.dropped.length, 0); // 7 of the 13
  record.attendees.push(...Array.from({ length: 14 - kept }, (_, i) => ({ report: `claimed-${i}`, attendee: `claimed-${i}`, file: `claimed-${i}.json` })));
  writeFileSync(file, JSON.stringify(record));
  const out = tempDir('merge-hostile-many-out');
  rmSync(out, { recursive: true });
  const run = await merge(a, b, '--out', out);
  expect([run.code, run.stdout, run.stderr]).toEqual([2, '', `flowgrade: ${b}: flowgrade-run.json is not a run record flowgrade wrote: it keeps or sets aside 14 submissions, more than the 13 its class has; grade the shard again [bad-shard]\n`]);
  expect(existsSync(out)).toBe(false);
});

test('a record\'s part and options edited past what its schema says (a shard given twice in it, a clock that is no time, two reports named alike but for case, options nested 7 levels below grading) refuse its folder, the line saying which', async () => {
  const [a, b] = await shards('edited');
  const file = path.join(b, 'flowgrade-run.json');
  const valid = readFileSync(file, 'utf8');
  const refusal = async (edit: (record: { part: { shards: number[]; of: number }; lab: { id: string; title: string }; checkIds: string[]; settings: { grading: Record<string, unknown> }; now: string; attendees: { report: string }[] }) => void) => {
    const record = JSON.parse(valid);
    edit(record);
    writeFileSync(file, JSON.stringify(record));
    const run = await merge(a, b, '--out', tempDir('merge-hostile-edited-out'));
    return [run.code, run.stdout, run.stderr];
  };
  const wrote = (why: string) => [2, '', `flowgrade: ${b}: flowgrade-run.json is not a run record flowgrade wrote: ${why}; grade the shard again [bad-shard]\n`];
  // (Increasing: one shard twice is not, though each is at most /part/of.)
  expect(await refusal((record) => (record.part.shards = [2, 2]))).toEqual(wrote('/part/shards must be increasing, each at most /part/of'));
  // (The schema's date-time is not checked by its validator: the class's clock is read from it.)
  expect(await refusal((record) => (record.now = 'yesterday'))).toEqual(wrote('/now is not a time'));
  // Two reports named alike but for case: one file on a case-insensitive file system (macOS, Windows).
  expect(await refusal((record) => ([record.attendees[0]!.report, record.attendees[1]!.report] = ['bob', 'Bob']))).toEqual(wrote("two attendees' reports are named Bob"));
  // The deepest object 8 levels below settings (grading 1, x 2 … 8): one level past what is let through.
  const nested = (levels: number): Record<string, unknown> => (levels === 1 ? {} : { a: nested(levels - 1) });
  expect(await refusal((record) => (record.settings.grading.x = nested(7)))).toEqual(wrote('/settings nested too deep'));
  // One level less is read, and is then another option than the other shard's.
  expect((await refusal((record) => (record.settings.grading.x = nested(6))))[2]).toContain('is graded with other options than the folder');
  // Its lab titled or checked otherwise than this version has it (before: a title made every report of the shard report-unreadable, and given first, was the merged record's).
  expect(await refusal((record) => (record.lab.title = 'Edited'))).toEqual(wrote('lab callback-on-global-error is titled "Edited", not "Callback on Global Error"'));
  const version = (JSON.parse(valid) as { tool: { version: string } }).tool.version;
  expect(await refusal((record) => record.checkIds.pop())).toEqual(wrote(`it gives lab callback-on-global-error other checks than flowgrade ${version} does (channel-routes-to-flow)`));
  expect(await refusal((record) => (record.lab.id = 'another-lab'))).toEqual(wrote(`lab another-lab is none flowgrade ${version} has`));
});

test('a record naming a report as grade never names one (the record itself, a class file, a Windows device) refuses its folder', async () => {
  const [a, b] = await shards('reserved');
  const file = path.join(b, 'flowgrade-run.json');
  const valid = readFileSync(file, 'utf8');
  for (const name of ['flowgrade-run', 'Index', 'nul', 'con.x']) {
    const record = JSON.parse(valid) as { attendees: { report: string }[] };
    record.attendees[0]!.report = name;
    writeFileSync(file, JSON.stringify(record));
    const run = await merge(a, b, '--out', tempDir('merge-hostile-reserved-out'));
    expect([run.code, run.stdout, run.stderr], name).toEqual([2, '', `flowgrade: ${b}: flowgrade-run.json is not a run record flowgrade wrote: an attendee's report is named ${name}, a name grade never gives one; grade the shard again [bad-shard]\n`]);
  }
});

test('a blank folder name (an empty variable in a CI script) is said to be blank, quoted, not a folder of no name', async () => {
  const [a] = await shards('blank');
  for (const blank of ['', ' ']) {
    const run = await merge(a, blank, '--out', tempDir('merge-hostile-blank-out'));
    expect([run.code, run.stdout, run.stderr]).toEqual([2, '', `flowgrade: "${blank}" is blank: give the --out folder of a flowgrade grade [bad-shard]\n`]);
  }
});

test('a folder name ending in a carriage return (the last word of a line of a script saved with CRLF) that names no folder is said to, as --out is, not to be a shard whose job failed', async () => {
  const [a, b] = await shards('crlf');
  const run = await merge(a, `${b}\r`, '--out', tempDir('merge-hostile-crlf-out'));
  // Before: "flowgrade: …\u000d: no such folder (a shard whose job failed uploads none): grade that shard again, …".
  expect([run.code, run.stdout, run.stderr]).toEqual([2, '', `flowgrade: "${b}\\u000d" ends in a carriage return, as a line of a script saved with Windows line endings (CRLF) does: save the script with Unix line endings (LF) [bad-shard]\n`]);
  // A folder whose name does end in one (no Windows name does) is merged as any other. (Moved into a folder tempDir made, and removes.)
  if (process.platform === 'win32') return;
  const named = path.join(tempDir('merge-hostile-crlf-named'), `${path.basename(b)}\r`);
  renameSync(b, named);
  expect((await merge(a, named, '--out', tempDir('merge-hostile-crlf-named-out'))).code).toBe(1);
});

test('a report valid against the schema but not of the mission its record names (another lab, checks it does not have, one check twice, 20,000 made-up checks that made every row of the dashboard 20,000 columns wide) is that row\'s report-unreadable', async () => {
  const [a, b] = await shards('checks');
  const [first, second, third, fourth] = reportsOf(b);
  const file = (entry: { report: string }) => path.join(b, `${entry.report}.json`);
  type Report = { lab: { id: string }; checks: { id: string; step: number }[] };
  const edit = (entry: { report: string }, change: (report: Report) => void) => {
    const report = JSON.parse(readFileSync(file(entry), 'utf8')) as Report;
    change(report);
    writeFileSync(file(entry), JSON.stringify(report));
  };
  edit(first!, (report) => (report.lab.id = 'another-lab'));
  edit(second!, (report) => (report.checks[0]!.id = 'made-up-check'));
  edit(third!, (report) => report.checks.push({ ...report.checks[0]! }));
  edit(fourth!, (report) => (report.checks = Array.from({ length: 20_000 }, (_, i) => ({ ...report.checks[0]!, id: `made-up-${i}`, step: i + 1 }))));
  const out = tempDir('merge-hostile-checks-out');
  const run = await merge(a, b, '--out', out);
  expect(run.code).toBe(2);
  const line = (entry: { report: string; attendee: string }, why: string) => `flowgrade: ${file(entry)}: ${why}; "${entry.attendee}" is merged as ungradable (report-unreadable) [report-unreadable]`;
  expect(run.stderr.trim().split('\n').slice(0, 4)).toEqual([
    line(first!, 'the report of lab another-lab, not of callback-on-global-error as flowgrade-run.json says'),
    line(second!, 'its check made-up-check is none of lab callback-on-global-error\'s'),
    line(third!, 'its check flow-name is in it twice'),
    line(fourth!, 'its check made-up-0 is none of lab callback-on-global-error\'s'),
  ]);
  // The class files' columns are the mission's (the unusable reports' messages name the checks made up).
  const header = (dir: string) => readFileSync(path.join(dir, 'grades.csv'), 'utf8').split('\n')[0]!;
  expect(header(out)).toBe(header(a));
  expect(readFileSync(path.join(out, 'index.html'), 'utf8').length).toBeLessThan(1_000_000);
});

test('a graded report edited by hand to what grade could never write (a failed attendee\'s failed checks deleted and passed; a check worth 5 points; a check at step 42; a check dropped) is that row\'s report-unreadable', async () => {
  // Before: each was merged as it was: the failed attendee passed 3 of 3, 114 points of a lab worth 110, a "Step 42" column in the dashboard.
  const [a, b] = await shards('edited-checks');
  type Check = { id: string; step: number; status: string; severity: string; points: number; earned: number };
  type Graded = { verdict: string; score: { earned: number; possible: number }; checks: Check[] };
  const file = (entry: { report: string }) => path.join(b, `${entry.report}.json`);
  const read = (entry: { report: string }) => JSON.parse(readFileSync(file(entry), 'utf8')) as Graded;
  /** The report with its checks edited, its verdict and score made what those give. */
  const edit = (entry: { report: string }, change: (checks: Check[]) => Check[]) => {
    const report = read(entry);
    const checks = change(report.checks);
    const scored = checks.filter((check) => check.severity !== 'info');
    const sum = (values: number[]) => values.reduce((x, y) => x + y, 0);
    const verdict = checks.every((check) => check.severity !== 'required' || check.status === 'passed') ? 'passed' : 'failed';
    writeFileSync(file(entry), JSON.stringify({ ...report, checks, verdict, score: { earned: sum(scored.map((check) => check.earned)), possible: sum(scored.map((check) => check.points)) } }));
  };
  const graded = reportsOf(b).filter((entry) => read(entry).verdict !== 'ungradable');
  const failed = graded.find((entry) => read(entry).verdict === 'failed')!;
  const [worth, step, dropped] = graded.filter((entry) => entry !== failed);
  const firstFailed = read(failed).checks.find((check) => check.status !== 'passed' && check.status !== 'info')!.id;
  edit(failed, (checks) => checks.filter((check) => check.status === 'passed' || check.status === 'info'));
  edit(worth!, (checks) => checks.map((check, at) => (at === 0 ? { ...check, points: 5, earned: check.status === 'passed' ? 5 : 0 } : check)));
  edit(step!, (checks) => checks.map((check, at) => (at === 0 ? { ...check, step: 42 } : check)));
  const last = read(dropped!).checks.at(-1)!.id;
  edit(dropped!, (checks) => checks.slice(0, -1));
  const out = tempDir('merge-hostile-edited-checks-out');
  const run = await merge(a, b, '--out', out);
  expect(run.code).toBe(2);
  const line = (entry: { report: string; attendee: string }, why: string) => `flowgrade: ${file(entry)}: ${why}; "${entry.attendee}" is merged as ungradable (report-unreadable) [report-unreadable]`;
  const lab = 'callback-on-global-error';
  expect(run.stderr.trim().split('\n')).toEqual([
    ...[
      [failed, `it lacks lab ${lab}'s check ${firstFailed}`],
      [worth!, `its check flow-name is worth 5 points, not 1 point as lab ${lab} has it`],
      [step!, `its check flow-name is step 42, not step 1 as lab ${lab} has it`],
      [dropped!, `it lacks lab ${lab}'s check ${last}`],
    ].sort(([x], [y]) => reportsOf(b).indexOf(x as typeof failed) - reportsOf(b).indexOf(y as typeof failed)).map(([entry, why]) => line(entry as typeof failed, why as string)),
    'flowgrade: 4 reports of the shards could not be used: their rows say ungradable (report-unreadable); grade their shards again, then merge again',
  ]);
  const dashboard = readFileSync(path.join(out, 'index.html'), 'utf8');
  expect(dashboard).not.toContain('step-42');
  expect(JSON.parse(readFileSync(path.join(out, `${failed.report}.json`), 'utf8')).verdict).toBe('ungradable');
});

test('a report of another submission whose attendee id is a megabyte long: its line and its row\'s message quote 200 characters of it, not the megabyte into every class file', async () => {
  const [a, b] = await shards('long');
  const [first] = reportsOf(b);
  const file = path.join(b, `${first!.report}.json`);
  const report = JSON.parse(readFileSync(file, 'utf8')) as { attendee: { id: string }; input: { file: string } };
  writeFileSync(file, JSON.stringify({ ...report, attendee: { ...report.attendee, id: 'x'.repeat(1_000_000) } }));
  const out = tempDir('merge-hostile-long-out');
  const run = await merge(a, b, '--out', out);
  expect(run.code).toBe(2);
  expect(run.stderr.split('\n')[0]).toBe(`flowgrade: ${file}: the report of another submission ("${'x'.repeat(200)}… (1000000 characters)", ${JSON.stringify(report.input.file)}) than flowgrade-run.json names; "${first!.attendee}" is merged as ungradable (report-unreadable) [report-unreadable]`);
  for (const name of ['index.html', 'grades.csv', 'junit.xml', 'summary.md', `${first!.report}.json`, `${first!.report}.html`]) {
    expect(readFileSync(path.join(out, name), 'utf8'), name).not.toContain('x'.repeat(1000));
  }
});

test('a record whose Canvas column is none grade writes (one of Canvas\'s totals, an id not written as flowgrade (id), blank around) refuses its folder, as --canvas-assignment refuses it', async () => {
  const [a, b] = await shards('canvas');
  const records = [a, b].map((dir) => path.join(dir, 'flowgrade-run.json'));
  const valid = records.map((file) => readFileSync(file, 'utf8'));
  for (const [column, why] of [
    ['Final Score', 'holds "Final Score": Canvas\'s import takes such a column for one of its own totals and drops it; give the assignment\'s id'],
    ['4567', 'is not written as grade writes it ("flowgrade (4567)")'],
    [' Lab 3 ', 'is not written as grade writes it ("Lab 3")'],
  ] as const) {
    // (Both shards alike: they agree, so only the record's own check can refuse it.)
    records.forEach((file, at) => writeFileSync(file, JSON.stringify({ ...JSON.parse(valid[at]!), settings: { ...JSON.parse(valid[at]!).settings, canvasAssignment: column } })));
    const run = await merge(a, b, '--out', tempDir('merge-hostile-canvas-out'));
    expect([run.code, run.stdout, run.stderr], column).toEqual([2, '', `flowgrade: ${a}: flowgrade-run.json is not a run record flowgrade wrote: /settings/canvasAssignment ${why}; grade the shard again [bad-shard]\n`]);
  }
});

test('a report whose time is no time or not written as grade writes it (junit.xml\'s timestamp, the dashboard\'s "graded"), made by another version, or titling its lab otherwise than its record is that row\'s report-unreadable', async () => {
  const [a, b] = await shards('times');
  const [first, second, third, fourth] = reportsOf(b);
  const version = (JSON.parse(readFileSync(path.join(b, 'flowgrade-run.json'), 'utf8')) as { tool: { version: string } }).tool.version;
  const file = (entry: { report: string }) => path.join(b, `${entry.report}.json`);
  const edit = (entry: { report: string }, change: (report: Record<string, unknown>) => Record<string, unknown>) => writeFileSync(file(entry), JSON.stringify(change(JSON.parse(readFileSync(file(entry), 'utf8')))));
  edit(first!, (report) => ({ ...report, generatedAt: 'garbage<script>' }));
  edit(second!, (report) => ({ ...report, tool: { name: 'flowgrade', version: '9.9.9' } }));
  edit(third!, (report) => ({ ...report, lab: { id: 'callback-on-global-error', title: 'x'.repeat(1_000_000) } }));
  // A time, but not as grade writes it (toISOString: milliseconds, Z): the class files would show another text than grade's.
  edit(fourth!, (report) => ({ ...report, generatedAt: '2025-08-01T09:00:00Z' }));
  const out = tempDir('merge-hostile-times-out');
  const run = await merge(a, b, '--out', out);
  expect(run.code).toBe(2);
  const line = (entry: { report: string; attendee: string }, why: string) => `flowgrade: ${file(entry)}: ${why}; "${entry.attendee}" is merged as ungradable (report-unreadable) [report-unreadable]`;
  expect(run.stderr.trim().split('\n').slice(0, 4)).toEqual([
    line(first!, 'its time /generatedAt "garbage<script>" is not one grade writes'),
    line(second!, `made by flowgrade 9.9.9, not ${version} as flowgrade-run.json says`),
    line(third!, `the report of lab callback-on-global-error titled "${'x'.repeat(200)}… (1000000 characters)", not "Callback on Global Error" as flowgrade-run.json says`),
    line(fourth!, 'its time /generatedAt "2025-08-01T09:00:00Z" is not one grade writes'),
  ]);
  expect(readFileSync(path.join(out, 'junit.xml'), 'utf8')).not.toContain('timestamp="garbage'); // (its row's message names it)
});

test('an ungradable report whose error message is megabytes long: every class file shows it cut, as the attendee\'s own report does, not whole', async () => {
  const [a, b] = await shards('error');
  const ungradable = reportsOf(b).find((entry) => (JSON.parse(readFileSync(path.join(b, `${entry.report}.json`), 'utf8')) as { verdict: string }).verdict === 'ungradable')!;
  const file = path.join(b, `${ungradable.report}.json`);
  const report = JSON.parse(readFileSync(file, 'utf8')) as { error: { code: string; message: string } };
  writeFileSync(file, JSON.stringify({ ...report, error: { ...report.error, message: 'm'.repeat(2_000_000) } }));
  const out = tempDir('merge-hostile-error-out');
  expect((await merge(a, b, '--out', out)).code).toBe(1);
  for (const name of ['index.html', 'grades.csv', 'junit.xml', 'summary.md', `${ungradable.report}.json`, `${ungradable.report}.html`]) {
    expect(readFileSync(path.join(out, name), 'utf8').length, name).toBeLessThan(500_000);
  }
  expect(readFileSync(path.join(out, 'grades.csv'), 'utf8')).toContain('… (2000000 characters)');
});

test('a graded report whose verdict or score is not its checks\' (edited: a failed attendee passed, a grade of a billion percent into moodle-grades.csv and canvas-grades.csv) is that row\'s report-unreadable', async () => {
  const [a, b] = await shards('score');
  type Graded = { verdict: string; score?: { earned: number; possible: number } };
  const file = (entry: { report: string }) => path.join(b, `${entry.report}.json`);
  const read = (entry: { report: string }) => JSON.parse(readFileSync(file(entry), 'utf8')) as Graded;
  const failed = reportsOf(b).find((entry) => read(entry).verdict === 'failed')!;
  const other = reportsOf(b).find((entry) => entry.report !== failed.report && read(entry).verdict !== 'ungradable')!;
  const score = read(other).score!;
  writeFileSync(file(failed), JSON.stringify({ ...read(failed), verdict: 'passed' }));
  writeFileSync(file(other), JSON.stringify({ ...read(other), score: { earned: 1e9, possible: score.possible } }));
  // A check earning a billion points, the score summed to match.
  const third = reportsOf(b).find((entry) => ![failed.report, other.report].includes(entry.report) && read(entry).verdict !== 'ungradable')!;
  const checked = read(third) as Graded & { checks: { id: string; earned: number }[] };
  const check = checked.checks[0]!;
  writeFileSync(file(third), JSON.stringify({ ...checked, checks: [{ ...check, earned: 1e9 }, ...checked.checks.slice(1)], score: { ...checked.score!, earned: checked.score!.earned - check.earned + 1e9 } }));
  const run = await merge(a, b, '--out', tempDir('merge-hostile-score-out'));
  expect(run.code).toBe(2);
  const line = (entry: { report: string; attendee: string }, why: string) => `flowgrade: ${file(entry)}: ${why}; "${entry.attendee}" is merged as ungradable (report-unreadable) [report-unreadable]`;
  const lines = run.stderr.trim().split('\n');
  expect(lines).toContain(line(failed, 'its verdict passed is not what its checks give (failed)'));
  expect(lines).toContain(line(other, `its score 1000000000 of ${score.possible} is not what its checks give (${score.earned} of ${score.possible})`));
  expect(lines).toContain(line(third, `its check ${check.id} earns 1000000000 points, not the 1 grade gives it`));
});

test('a score off its checks\' sum by the last bits of a rounding is the report\'s own, also where the checks earn nothing', async () => {
  const [a, b] = await shards('rounding');
  type Graded = { verdict: string; score: { earned: number; possible: number }; checks: { status: string; earned: number }[] };
  const entry = reportsOf(b).find((candidate) => (JSON.parse(readFileSync(path.join(b, `${candidate.report}.json`), 'utf8')) as Graded).verdict === 'failed')!;
  const file = path.join(b, `${entry.report}.json`);
  const report = JSON.parse(readFileSync(file, 'utf8')) as Graded;
  // Every check failed, so it earns 0: a score of 1e-12 is 0 summed otherwise, not an edit.
  writeFileSync(file, JSON.stringify({ ...report, checks: report.checks.map((check) => ({ ...check, status: 'failed', earned: 0 })), score: { earned: 1e-12, possible: report.score.possible } }));
  const run = await merge(a, b, '--out', tempDir('merge-hostile-rounding-out'));
  expect([run.code, run.stderr]).toEqual([1, '']);
});

test('a report of exactly the size limit (256 MB, sparse) is read, and is no JSON; one byte more is refused by its size', async () => {
  const [a, b] = await shards('limit');
  const [first, second] = reportsOf(b);
  const file = (entry: { report: string }) => path.join(b, `${entry.report}.json`);
  truncateSync(file(first!), 256 * 1024 * 1024);
  truncateSync(file(second!), 256 * 1024 * 1024 + 1);
  const run = await merge(a, b, '--out', tempDir('merge-hostile-limit-out'));
  const lines = run.stderr.trim().split('\n');
  expect(lines[0]).toMatch(new RegExp(`^flowgrade: ${file(first!).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid JSON \\(`));
  expect(lines[1]).toContain(`${file(second!)}: is larger than 268435456 bytes, more than any flowgrade writes;`);
});

test('a report of the attendee the record names but of another of their files (the duplicate set aside, say) is that row\'s report-unreadable', async () => {
  const [a, b] = await shards('other-file');
  const [entry] = reportsOf(b);
  const file = path.join(b, `${entry!.report}.json`);
  const report = JSON.parse(readFileSync(file, 'utf8')) as { input: { file: string } };
  writeFileSync(file, JSON.stringify({ ...report, input: { ...report.input, file: 'elsewhere/Main_Flow_old.json' } }));
  const run = await merge(a, b, '--out', tempDir('merge-hostile-other-file-out'));
  expect(run.stderr.trim().split('\n')[0]).toBe(`flowgrade: ${file}: the report of another submission ("${entry!.attendee}", "elsewhere/Main_Flow_old.json") than flowgrade-run.json names; "${entry!.attendee}" is merged as ungradable (report-unreadable) [report-unreadable]`);
});

test('a folder named with a terminal control sequence: merge\'s refusal and its warnings name it escaped, never sending the sequence to the terminal', async () => {
  const [a, b] = await shards('control');
  const missing = `${b}-gone\u001b[2J`;
  const refused = await merge(a, missing, '--out', tempDir('merge-hostile-control-out'));
  expect(refused.stderr).toBe(`flowgrade: ${b}-gone\\u001b[2J: no such folder (a shard whose job failed uploads none): grade that shard again, or leave its folder out and merge the others with --partial [bad-shard]\n`);
  // Moved into a folder tempDir made (and removes): renamed beside b, it was left in the temp folder.
  const parent = tempDir('merge-hostile-control-named');
  const named = path.join(parent, `${path.basename(b)}\u001b[31m`);
  renameSync(b, named);
  const [entry] = reportsOf(named);
  writeFileSync(path.join(named, `${entry!.report}.json`), '{');
  const run = await merge(a, named, '--out', tempDir('merge-hostile-control-out'));
  expect(run.stderr).not.toContain('\u001b');
  expect(run.stderr.split('\n')[0]).toContain(`flowgrade: ${parent}${path.sep}${path.basename(b)}\\u001b[31m${path.sep}${entry!.report}.json: not valid JSON`);
});

test('what grade makes of the checks, held to: an info check earns nothing even passed, a recommended one failed leaves the verdict passed, a score of other possible points is an edit', async () => {
  const [a, b] = await shards('checks');
  type Check = { severity: string; status: string; points: number; earned: number };
  type Graded = { verdict: string; score: { earned: number; possible: number }; checks: Check[] };
  const file = (entry: { report: string }) => path.join(b, `${entry.report}.json`);
  const read = (entry: { report: string }) => JSON.parse(readFileSync(file(entry), 'utf8')) as Graded;
  const passed = reportsOf(b).find((entry) => read(entry).verdict === 'passed')!;
  const [info, possible] = reportsOf(b).filter((entry) => read(entry).verdict === 'failed');
  // An info check said passed: it earns none, and the score leaves it out. (Worth points, as grade never writes an info check, it is an edit: merge-read-report.test.ts.)
  const withInfo = read(info!);
  writeFileSync(file(info!), JSON.stringify({ ...withInfo, checks: withInfo.checks.map((check) => (check.severity === 'info' ? { ...check, status: 'passed', earned: 0 } : check)) }));
  // A recommended check failed: still passed, its point not earned.
  const withRecommended = read(passed);
  const at = withRecommended.checks.findIndex((check) => check.severity === 'recommended');
  const recommended = withRecommended.checks[at]!;
  const checks = withRecommended.checks.map((check, index) => (index === at ? { ...check, status: 'failed', earned: 0 } : check));
  writeFileSync(file(passed), JSON.stringify({ ...withRecommended, checks, score: { ...withRecommended.score, earned: withRecommended.score.earned - recommended.points } }));
  const other = read(possible!);
  writeFileSync(file(possible!), JSON.stringify({ ...other, score: { ...other.score, possible: other.score.possible + 1 } }));
  const run = await merge(a, b, '--out', tempDir('merge-hostile-checks-out'));
  expect(run.stderr.trim().split('\n').slice(0, 2)).toEqual([
    `flowgrade: ${file(possible!)}: its score ${other.score.earned} of ${other.score.possible + 1} is not what its checks give (${other.score.earned} of ${other.score.possible}); "${possible!.attendee}" is merged as ungradable (report-unreadable) [report-unreadable]`,
    'flowgrade: 1 report of the shards could not be used: its row says ungradable (report-unreadable); grade its shard again, then merge again',
  ]);
});
