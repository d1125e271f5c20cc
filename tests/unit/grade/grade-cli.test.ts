/** `flowgrade grade` end to end through the built CLI (run `npm run build` first). */
import { test, expect } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { escapeMarkdown } from '../../../reports/index.js';
import { ROOT, fixturePath, runCli, unixSocket } from '../../helpers.js';
import { snapshot, tempDir, withAttendee, writeClass, writeSolutions } from './class-fixture.js';

const NOW = ['--now', '2025-08-01T09:00:00Z'];
const solution = () => readFileSync(fixturePath('flows/solution.json'), 'utf8');
const csvRows = (out: string) => readFileSync(path.join(out, 'grades.csv'), 'utf8').trim().split(/\r?\n/).slice(1);

test.describe.configure({ mode: 'parallel' });

test('a whole class: one row per submission, ungradable rows with their reason, every output written', async () => {
  const dir = tempDir('class');
  const members = writeClass(dir, { unreadable: true });
  const out = tempDir('class-out');
  const run = await runCli(['grade', dir, '--out', out, ...NOW, '--quiet']);
  expect(run.code).toBe(1); // the defect fixtures fail

  const names = readdirSync(out).sort();
  for (const file of ['index.html', 'grades.csv', 'junit.xml', 'summary.md', 'flowgrade-run.json']) expect(names).toContain(file);
  for (const member of members) {
    expect(names).toContain(`${member.attendee}.json`);
    expect(names).toContain(`${member.attendee}.html`);
  }
  expect(names).toHaveLength(members.length * 2 + 6); // the class files, the run's record and .flowgrade-output, nothing else (no staging leftovers)
  expect(csvRows(out)).toHaveLength(members.length);

  const manifest: { file: string; verdict: string }[] = JSON.parse(readFileSync(fixturePath('manifest.json'), 'utf8'));
  for (const member of members) {
    const report = JSON.parse(readFileSync(path.join(out, `${member.attendee}.json`), 'utf8'));
    expect(report.verdict, member.fixture).toBe(manifest.find((m) => m.file === member.fixture)?.verdict);
    expect(report.attendee.id).toBe(member.attendee);
  }
  const unreadable = members.filter((m) => m.fixture.startsWith('unreadable/'));
  expect(unreadable.length).toBeGreaterThan(0);
  for (const member of unreadable) {
    const report = JSON.parse(readFileSync(path.join(out, `${member.attendee}.json`), 'utf8'));
    expect(report.verdict).toBe('ungradable');
    expect(run.stderr).toContain(`flowgrade: ${member.file}: ${report.error.message} [${report.error.code}]`);
  }
  const index = readFileSync(path.join(out, 'index.html'), 'utf8');
  for (const member of members) expect(index).toContain(`href="${member.attendee}.html"`);
  expect(run.stdout).toContain(`graded ${members.length} attendees into ${out}`);
});

test('the outputs are byte-identical whatever the parallelism or the input order', async () => {
  const dir = tempDir('determinism');
  const members = writeClass(dir, { unreadable: true, only: (f) => !/defect-(callbackapi|condition)/.test(f) });
  const files = members.map((m) => m.file);
  const outs = [tempDir('det-1'), tempDir('det-2'), tempDir('det-3')];
  const runs = await Promise.all([
    runCli(['grade', ...files, '--out', outs[0], '--jobs', '1', ...NOW, '--quiet']),
    runCli(['grade', ...[...files].reverse(), '--out', outs[1], '--jobs', '2', ...NOW, '--quiet']),
    runCli(['grade', dir, '--out', outs[2], '--jobs', '3', ...NOW, '--quiet']),
  ]);
  for (const run of runs) expect(run.stderr).not.toContain('internal');
  const [first, ...others] = outs.map(snapshot);
  expect(Object.keys(first)).toHaveLength(members.length * 2 + 6);
  for (const other of others) {
    expect(Object.keys(other)).toEqual(Object.keys(first));
    for (const name of Object.keys(first)) expect(other[name], name).toBe(first[name]);
  }
});

test('--shard 1/2 and 2/2 grade every submission exactly once', async () => {
  const dir = tempDir('shard');
  const members = writeClass(dir, { unreadable: true });
  const [a, b] = [tempDir('shard-1'), tempDir('shard-2')];
  const runs = await Promise.all([runCli(['grade', dir, '--out', a, '--shard', '1/2', ...NOW, '--quiet']), runCli(['grade', dir, '--out', b, '--shard', '2/2', ...NOW, '--quiet'])]);
  expect(runs[0].stdout).toContain(`(shard 1/2 of ${members.length} submissions found)`);
  const graded = (out: string) => readdirSync(out).filter((f) => f.endsWith('.json') && f !== 'flowgrade-run.json').map((f) => f.replace(/\.json$/, ''));
  const [first, second] = [graded(a), graded(b)];
  expect(first.length + second.length).toBe(members.length);
  expect(first.filter((id) => second.includes(id))).toEqual([]);
  expect([...first, ...second].sort()).toEqual(members.map((m) => m.attendee).sort());
  expect(Math.abs(first.length - second.length)).toBeLessThanOrEqual(1);
});

test('a shard is the same whether its submissions were sorted on the grading threads or in-process', async () => {
  const dir = tempDir('shard-jobs');
  writeClass(dir, { unreadable: true });
  for (const shard of ['1/3', '3/3']) {
    const outs = [tempDir('shard-jobs-1'), tempDir('shard-jobs-2')];
    const runs = await Promise.all(outs.map((out, i) => runCli(['grade', dir, '--out', out, '--shard', shard, '--jobs', String(i + 1), ...NOW, '--quiet'])));
    expect(runs[0].stdout).toBe(runs[1].stdout.replace(outs[1], outs[0]));
    const [one, two] = outs.map(snapshot);
    expect(Object.keys(one).length).toBeGreaterThan(5);
    expect(two).toEqual(one);
  }
});

test('--shard never splits one attendee\'s submissions: the shards keep and set aside what the whole run does', async () => {
  const dir = tempDir('shard-dup');
  const dated = (text: string, date: string) => text.replace(/"lastModifiedDate": "[^"]*"/, `"lastModifiedDate": "${date}"`);
  // Sorted by path, the first file alone would be block 1 of 2, and its older twin block 2.
  writeFileSync(path.join(dir, 'Main_Flow_1 (1).json'), withAttendee(dated(solution(), '2025-07-30T08:00:00.000'), '1'));
  writeFileSync(path.join(dir, 'Main_Flow_1.json'), withAttendee(dated(readFileSync(fixturePath('flows/before-mission.json'), 'utf8'), '2025-07-29T08:00:00.000'), '1'));
  writeFileSync(path.join(dir, 'Main_Flow_2.json'), withAttendee(solution(), '2'));
  const [whole, a, b] = [tempDir('shard-dup-all'), tempDir('shard-dup-1'), tempDir('shard-dup-2')];
  const runs = await Promise.all([
    runCli(['grade', dir, '--out', whole, ...NOW, '--quiet']),
    runCli(['grade', dir, '--out', a, '--shard', '1/2', ...NOW, '--quiet']),
    runCli(['grade', dir, '--out', b, '--shard', '2/2', ...NOW, '--quiet']),
  ]);
  expect(runs.map((run) => run.code)).toEqual([0, 0, 0]); // the older, failing twin is set aside in every run
  const reports = (out: string) => Object.fromEntries(readdirSync(out).filter((f) => /^\d+\.json$/.test(f)).map((f) => [f, JSON.parse(readFileSync(path.join(out, f), 'utf8')).input.file]));
  expect({ ...reports(a), ...reports(b) }).toEqual(reports(whole));
  expect(Object.keys(reports(a)).filter((f) => f in reports(b))).toEqual([]);
  expect(runs.filter((run) => run.stdout.includes('duplicate submissions for 1:'))).toHaveLength(2);
});

test('--shard: the shards\' report files together are the whole run\'s, also for one id in two folders and ids alike but for case', async () => {
  const dir = tempDir('shard-names');
  const before = readFileSync(fixturePath('flows/before-mission.json'), 'utf8');
  // The same id in two folders is two students, named 1 and 1-2; Ann and ann are ann-2 on a
  // case-insensitive disk; index is index-2 beside the dashboard, and so would be an id index-2.
  const members: [string, string, string][] = [['a/Main_Flow_1.json', solution(), '1'], ['b/Main_Flow_1.json', before, '1'], ['Ann.json', solution(), 'Ann'], ['ann.json', before, 'ann'], ['x.json', solution(), 'index'], ['y.json', before, 'index-2'], ['z.json', solution(), '2']];
  for (const [file, text, attendee] of members) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), withAttendee(text, attendee));
  }
  const reports = (out: string) => Object.fromEntries(readdirSync(out).filter((f) => f.endsWith('.json') && f !== 'flowgrade-run.json').map((f) => [f, JSON.parse(readFileSync(path.join(out, f), 'utf8')).input.file]));
  const whole = tempDir('shard-names-all');
  await runCli(['grade', dir, '--out', whole, ...NOW, '--quiet']);
  expect(Object.keys(reports(whole)).sort()).toEqual(['1-2.json', '1.json', '2.json', 'Ann.json', 'ann-2.json', 'index-2-2.json', 'index-2.json']);
  for (const count of [2, 3, 4]) {
    const outs = Array.from({ length: count }, () => tempDir('shard-names-part'));
    await Promise.all(outs.map((out, i) => runCli(['grade', dir, '--out', out, '--shard', `${i + 1}/${count}`, ...NOW, '--quiet'])));
    const parts = outs.map(reports);
    expect(parts.flatMap((part) => Object.keys(part)).sort(), `${count} shards`).toEqual(Object.keys(reports(whole)).sort()); // no name written twice
    expect(Object.assign({}, ...parts), `${count} shards`).toEqual(reports(whole));
  }
});

test('two submissions for one attendee: the newest is graded, the other is flagged everywhere', async () => {
  const dir = tempDir('dup');
  const older = solution().replace(/"lastModifiedDate": "[^"]*"/, '"lastModifiedDate": "2025-07-01T08:00:00.000"');
  const newer = readFileSync(fixturePath('flows/before-mission.json'), 'utf8').replace(/"lastModifiedDate": "[^"]*"/, '"lastModifiedDate": "2025-07-30T08:00:00.000"');
  writeFileSync(path.join(dir, 'a-first-try.json'), withAttendee(older, '77'));
  writeFileSync(path.join(dir, 'b-second-try.json'), withAttendee(newer, '77'));
  writeFileSync(path.join(dir, 'other.json'), withAttendee(solution(), '78'));
  const out = tempDir('dup-out');
  const run = await runCli(['grade', dir, '--out', out, ...NOW, '--quiet']);
  const kept = path.join(dir, 'b-second-try.json');
  const dropped = path.join(dir, 'a-first-try.json');
  expect(run.stdout).toContain(`duplicate submissions for 77: kept ${kept}; set aside ${dropped}`);
  expect(JSON.parse(readFileSync(path.join(out, '77.json'), 'utf8')).input.file).toBe(kept);
  expect(run.code).toBe(1); // the newest (before-mission) fails
  expect(csvRows(out)).toHaveLength(2);
  expect(readFileSync(path.join(out, 'grades.csv'), 'utf8')).toContain('a-first-try.json');
  expect(readFileSync(path.join(out, 'summary.md'), 'utf8')).toContain(escapeMarkdown(dropped));
  expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('a-first-try.json');
});

test('without lastModifiedDate the file time decides', async () => {
  const dir = tempDir('dup-mtime');
  const bare = solution().replace(/\s*"lastModifiedDate": "[^"]*",?/, '');
  writeFileSync(path.join(dir, 'z.json'), withAttendee(bare, '5'));
  writeFileSync(path.join(dir, 'a.json'), withAttendee(bare, '5'));
  utimesSync(path.join(dir, 'z.json'), new Date('2025-01-01'), new Date('2025-01-01'));
  utimesSync(path.join(dir, 'a.json'), new Date('2025-02-01'), new Date('2025-02-01'));
  const run = await runCli(['grade', dir, '--out', tempDir('dup-mtime-out'), ...NOW, '--quiet']);
  expect(run.stdout).toContain(`duplicate submissions for 5: kept ${path.join(dir, 'a.json')}; set aside ${path.join(dir, 'z.json')}`);
});

test('an unreadable resubmission named Main_Flow_<ID>.json is that attendee\'s, so it takes part in the duplicates', async () => {
  const dir = tempDir('dup-unreadable');
  const bare = solution().replace(/\s*"lastModifiedDate": "[^"]*",?/, '');
  writeFileSync(path.join(dir, 'first.json'), withAttendee(bare, '140'));
  writeFileSync(path.join(dir, 'Main_Flow_140.json'), '');
  utimesSync(path.join(dir, 'first.json'), new Date('2025-01-01'), new Date('2025-01-01'));
  utimesSync(path.join(dir, 'Main_Flow_140.json'), new Date('2025-02-01'), new Date('2025-02-01'));
  const out = tempDir('dup-unreadable-out');
  const run = await runCli(['grade', dir, '--out', out, ...NOW, '--quiet']);
  expect(run.stdout).toContain(`duplicate submissions for 140: kept ${path.join(dir, 'Main_Flow_140.json')}; set aside ${path.join(dir, 'first.json')}`);
  expect(csvRows(out)).toHaveLength(1);
});

test('a pipe, a device, a symlink loop or a path through a file is one ungradable row; the batch goes on', async () => {
  test.skip(process.platform === 'win32', 'named pipes and /dev are POSIX');
  const dir = tempDir('hostile-paths');
  writeFileSync(path.join(dir, 'good.json'), withAttendee(solution(), '1'));
  execFileSync('mkfifo', [path.join(dir, 'pipe.json')]);
  execFileSync('mkfifo', [path.join(dir, 'pipe.zip')]);
  symlinkSync('loop-b.json', path.join(dir, 'loop-a.json'));
  symlinkSync('loop-a.json', path.join(dir, 'loop-b.json'));
  const inputs = ['good.json', 'pipe.json', 'pipe.zip', '/dev/zero', 'loop-a.json', 'good.json/x.json'].map((f) => (path.isAbsolute(f) ? f : path.join(dir, f)));
  const out = tempDir('hostile-paths-out');
  const run = await runCli(['grade', ...inputs, '--out', out, ...NOW, '--quiet', '--jobs', '2']);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toContain('1 passed, 0 failed, 5 ungradable');
  expect(run.stderr).toContain(`${path.join(dir, 'pipe.json')}: is not a regular file (a pipe, device or socket) [unreadable-file]`);
  expect(run.stderr).toContain(`${path.join(dir, 'pipe.zip')}: is not a regular file`);
  expect(run.stderr).toContain('/dev/zero: is not a regular file');
  expect(run.stderr).toContain(`${path.join(dir, 'loop-a.json')}: too many symbolic links (a loop) [unreadable-file]`);
  expect(run.stderr).toContain(`${path.join(dir, 'good.json', 'x.json')}: a part of the path is a file, not a folder [unreadable-file]`);
});

test('found in a folder, a pipe, a device, a socket, a broken or looping symlink is one ungradable row too, never silently left out', async () => {
  test.skip(process.platform === 'win32', 'named pipes, Unix sockets and /dev are POSIX');
  const dir = tempDir('hostile-walk');
  writeFileSync(path.join(dir, 'good.json'), withAttendee(solution(), '1'));
  execFileSync('mkfifo', [path.join(dir, 'pipe.json')]);
  // Before: "ENXIO: no such device or address, open '…'", for an export and an archive alike.
  const closeSockets = await Promise.all(['socket.json', 'socket.zip'].map((name) => unixSocket(path.join(dir, name))));
  symlinkSync('/dev/zero', path.join(dir, 'zero.json'));
  symlinkSync('nowhere.json', path.join(dir, 'broken.json'));
  symlinkSync('loop.json', path.join(dir, 'loop.json'));
  mkdirSync(path.join(dir, 'real-folder'));
  symlinkSync('real-folder', path.join(dir, 'folder-link.json')); // a link to a folder is not followed
  const run = await runCli(['grade', dir, '--out', tempDir('hostile-walk-out'), ...NOW, '--quiet', '--jobs', '2']);
  await Promise.all(closeSockets.map((close) => close()));
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toContain('1 passed, 0 failed, 6 ungradable');
  const notRegular = 'is not a regular file (a pipe, device or socket) [unreadable-file]';
  for (const [name, reason] of [['pipe.json', notRegular], ['socket.json', notRegular], ['socket.zip', notRegular], ['zero.json', notRegular], ['broken.json', 'a symbolic link to nowhere.json, which does not exist'], ['loop.json', 'too many symbolic links (a loop)']]) {
    expect(run.stderr).toContain(`${path.join(dir, name)}: ${reason}`);
  }
});

/**
 * Grades a class of `count` copies of the solution in a child CLI with `--jobs jobs`, sends it
 * `signal` once `underWay(out)` says the batch is under way, and gives its exit code and --out.
 */
async function stopMidBatch(name: string, count: number, jobs: string, signal: NodeJS.Signals, underWay: (out: string) => boolean): Promise<{ code: number | null; out: string }> {
  const dir = tempDir(`${name}-class`);
  writeSolutions(dir, count);
  const out = tempDir(`${name}-out`);
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'flowgrade.js'), 'grade', dir, '--out', out, ...NOW, '--quiet', '--jobs', jobs]);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  while (child.exitCode === null && !underWay(out)) await new Promise((r) => setTimeout(r, 5));
  child.kill(signal);
  return { code: await exited, out };
}

const stagingFolders = (out: string) => readdirSync(out).filter((f) => f.startsWith('.flowgrade-staging-'));

test('a batch stopped by SIGTERM (a CI job cancelled) exits 143 and leaves no staging folder', async () => {
  test.skip(process.platform === 'win32', 'POSIX signals');
  // As soon as reports are being staged, the batch is under way.
  const { code, out } = await stopMidBatch('sigterm', 80, '2', 'SIGTERM', (dir) => stagingFolders(dir).length > 0);
  expect(code).toBe(143);
  expect(readdirSync(out).filter((f) => f.startsWith('.flowgrade-staging'))).toEqual([]);
});

test('grading in-process (--jobs 1), a batch stops at once on SIGINT: exit 130, no reports, no class files, no staging folder', async () => {
  test.skip(process.platform === 'win32', 'POSIX signals');
  // Once a report is staged, grading is under way, with some 200 submissions (seconds) to go.
  const staged = (dir: string) => stagingFolders(dir).some((f) => readdirSync(path.join(dir, f)).length > 0);
  const { code, out } = await stopMidBatch('sigint', 200, '1', 'SIGINT', staged);
  expect(code).toBe(130);
  // Before: the signal waited for the whole class, whose reports and class files were all written.
  expect(readdirSync(out)).toEqual(['.flowgrade-output']);
});

test('--out: an input, or a place that cannot be written, is a usage error; an earlier output folder is never graded', async () => {
  const dir = tempDir('out-checks');
  writeFileSync(path.join(dir, 'a.json'), withAttendee(solution(), '7'));
  const same = await runCli(['grade', dir, '--out', dir, ...NOW, '--quiet']);
  expect([same.code, same.stderr.trim()]).toEqual([2, `flowgrade: --out ${dir} is also an input: write the reports into another folder [bad-out]`]);
  const blocked = await runCli(['grade', dir, '--out', path.join(dir, 'a.json'), ...NOW, '--quiet']);
  expect([blocked.code, blocked.stderr.trim()]).toEqual([2, `flowgrade: cannot write into --out ${path.join(dir, 'a.json')}: a file of that name is in the way [bad-out]`]);
  // Node's recursive mkdir never returns for a folder procfs refuses with ENOENT; nor does a path through a file
  const [procfs, throughFile, webThroughFile] = await Promise.all([
    existsSync('/proc/self') ? runCli(['grade', dir, '--out', '/proc/flowgrade/x', ...NOW, '--quiet']) : undefined,
    runCli(['grade', dir, '--out', path.join(dir, 'a.json', 'x'), ...NOW, '--quiet']),
    runCli(['web', '--out', path.join(dir, 'a.json', 'x')]),
  ]);
  if (procfs) expect([procfs.code, procfs.stderr.trim()]).toEqual([2, 'flowgrade: cannot write into --out /proc/flowgrade/x: no such file [bad-out]']);
  const notAFolder = `flowgrade: cannot write into --out ${path.join(dir, 'a.json', 'x')}: a part of the path is a file, not a folder [bad-out]`;
  expect([throughFile.code, throughFile.stderr.trim()]).toEqual([2, notAFolder]);
  expect([webThroughFile.code, webThroughFile.stderr.trim()]).toEqual([2, notAFolder]);
  // a file named directly inside --out (its report could replace it), and --out as a link to an input folder
  const named = await runCli(['grade', path.join(dir, 'a.json'), '--out', dir, ...NOW, '--quiet']);
  expect([named.code, named.stderr.trim()]).toEqual([2, `flowgrade: ${path.join(dir, 'a.json')}: it is inside --out ${dir}, where its report could replace it: write the reports into another folder [bad-out]`]);
  // the grader's --dynvars dataset inside --out (named there, or through a link): a report of its name would replace it
  const dataset = path.join(tempDir('out-dataset'), '140.json');
  writeFileSync(dataset, readFileSync(path.join(ROOT, 'mocks/data/dynvars.json')));
  const datasetLink = path.join(tempDir('out-dataset-link'), 'dynvars.json');
  symlinkSync(dataset, datasetLink);
  for (const given of [dataset, datasetLink]) {
    const inOut = await runCli(['grade', dir, '--out', path.dirname(dataset), '--dynvars', given, ...NOW, '--quiet']);
    expect([inOut.code, inOut.stderr.trim()]).toEqual([2, `flowgrade: --dynvars ${given} is inside --out ${path.dirname(dataset)}, where a report could replace it: keep the dataset in another folder [bad-out]`]);
  }
  expect(readdirSync(path.dirname(dataset))).toEqual(['140.json']);
  const link = path.join(tempDir('out-link'), 'class-link');
  symlinkSync(dir, link);
  const linked = await runCli(['grade', dir, '--out', link, ...NOW, '--quiet']);
  expect([linked.code, linked.stderr.trim()]).toEqual([2, `flowgrade: --out ${link} is also an input: write the reports into another folder [bad-out]`]);
  expect(existsSync(path.join(dir, '.flowgrade-output'))).toBe(false);
  // a class folder inside --out: a usage error, not "no exports found"
  const outer = tempDir('out-outer');
  const sub = path.join(outer, 'sub');
  mkdirSync(sub);
  writeFileSync(path.join(sub, 'b.json'), withAttendee(solution(), '8'));
  const inner = await runCli(['grade', sub, '--out', outer, ...NOW, '--quiet']);
  expect([inner.code, inner.stderr.trim()]).toEqual([2, `flowgrade: ${sub}: this folder is inside --out ${outer}, where the reports go: write them into another folder [bad-out]`]);
  // a folder in the way of a class file: a usage error naming it, not an internal error, before anything is graded
  const blockedOut = tempDir('out-blocked');
  mkdirSync(path.join(blockedOut, 'index.html'));
  const inTheWay = await runCli(['grade', dir, '--out', blockedOut, ...NOW]);
  expect([inTheWay.code, inTheWay.stdout, inTheWay.stderr.trim()]).toEqual([2, '', `flowgrade: cannot write into --out ${blockedOut} (${path.join(blockedOut, 'index.html')}): is a directory, not a file [bad-out]`]);
  expect(readdirSync(blockedOut)).toEqual(['index.html']);
  // reports written inside the class folder are not submissions the next time
  expect((await runCli(['grade', dir, '--out', path.join(dir, 'graded'), ...NOW, '--quiet'])).code).toBe(0);
  const again = await runCli(['grade', dir, '--out', tempDir('out-checks-again'), ...NOW, '--quiet']);
  expect(again.stdout).toContain('graded 1 attendee');
  expect(again.stdout).toContain('1 passed, 0 failed, 0 ungradable');
  expect(again.stderr).toContain(`flowgrade: ${path.join(dir, 'graded')}: a flowgrade output folder (it holds .flowgrade-output); skipped [output-folder]`);
});

test('--out a symbolic link to a folder that does not exist (a share not mounted): grade, merge and web name the link and its target, and make nothing there', async () => {
  const dir = tempDir('out-dangling');
  writeFileSync(path.join(dir, 'a.json'), withAttendee(solution(), '7'));
  const target = path.join(tempDir('out-dangling-share'), 'graded');
  const link = path.join(dir, 'graded');
  symlinkSync(target, link);
  const shard = tempDir('out-dangling-shard');
  expect((await runCli(['grade', path.join(dir, 'a.json'), '--out', shard, ...NOW, '--quiet'])).code).toBe(0);
  const runs = await Promise.all([
    runCli(['grade', path.join(dir, 'a.json'), '--out', link, ...NOW, '--quiet']),
    runCli(['merge', shard, '--out', link, '--quiet']),
    runCli(['web', '--out', link]),
  ]);
  // Before: "cannot write into --out …/graded: no such file", of a name ls lists.
  for (const run of runs) expect([run.code, run.stdout, run.stderr]).toEqual([2, '', `flowgrade: cannot write into --out ${link}: a symbolic link to ${target}, which does not exist [bad-out]\n`]);
  expect(existsSync(target)).toBe(false);
});

test('a blank --out is a usage error saying so, nothing written', async () => {
  const dir = tempDir('blank-out');
  writeFileSync(path.join(dir, 'Main_Flow_1.json'), withAttendee(solution(), '1'));
  for (const out of ['', '  ']) {
    const run = await runCli(['grade', dir, '--out', out, '--quiet'], { cwd: dir });
    expect(run.code).toBe(2);
    // Before: "cannot write into --out : no such file [bad-out]", or "… is inside --out , where the reports go".
    expect(run.stderr).toContain(`option '--out <dir>' argument '${out}' is invalid. "${out}" is blank: give the folder to write the reports into`);
  }
  expect(readdirSync(dir)).toEqual(['Main_Flow_1.json']);
});

test('a submission that is a symlink to a file inside --out is a usage error naming the link and its target; nothing is written over it', async () => {
  test.skip(process.platform === 'win32', 'symlinks');
  const [dir, out] = [tempDir('link-into-out'), tempDir('link-into-out-out')];
  writeFileSync(path.join(out, '7.json'), withAttendee(solution(), '7'));
  symlinkSync(path.join(out, '7.json'), path.join(dir, 'Main_Flow_7.json'));
  writeFileSync(path.join(dir, 'Main_Flow_8.json'), withAttendee(solution(), '8'));
  const run = await runCli(['grade', dir, '--out', out, ...NOW, '--quiet']);
  // Before: Main_Flow_7 was left out, and the message said --out lay inside the input.
  expect([run.code, run.stderr.trim()]).toEqual([2, `flowgrade: ${path.join(dir, 'Main_Flow_7.json')}: a symlink to ${realpathSync(path.join(out, '7.json'))}, inside --out ${out}, where its report could replace it: write the reports into another folder [bad-out]`]);
  expect(readdirSync(out)).toEqual(['7.json']);
  expect(readFileSync(path.join(out, '7.json'), 'utf8')).toBe(withAttendee(solution(), '7'));
});

test('exit codes: 0 all pass, 1 any fail, --fail-on none, --fail-on ungradable → 2, 2 when there is nothing to grade', async () => {
  const passing = tempDir('exit-pass');
  writeClass(passing, { only: (f) => f === 'flows/solution.json' || f.startsWith('flows/noise-') });
  const mixed = tempDir('exit-mixed');
  writeClass(mixed, { only: (f) => f === 'flows/solution.json' || f === 'flows/before-mission.json' });
  const unreadable = tempDir('exit-unreadable');
  writeClass(unreadable, { unreadable: true, only: (f) => f === 'flows/solution.json' || f === 'unreadable/empty.json' });
  const empty = tempDir('exit-empty');
  mkdirSync(path.join(empty, 'sub'));
  writeFileSync(path.join(empty, 'sub', 'notes.txt'), 'no exports here');
  const grade = (inputs: string[], ...flags: string[]) => runCli(['grade', ...inputs, '--out', tempDir('exit-out'), ...NOW, '--quiet', ...flags]);

  const [pass, fail, none, ungradableDefault, ungradableStrict, nothing, missing, badShard] = await Promise.all([
    grade([passing]),
    grade([mixed]),
    grade([mixed], '--fail-on', 'none'),
    grade([unreadable]),
    grade([unreadable], '--fail-on', 'ungradable'),
    grade([empty]),
    grade([passing, path.join(passing, 'nope.json')]),
    grade([passing], '--shard', '3/2'),
  ]);
  expect(pass.code).toBe(0);
  expect(fail.code).toBe(1);
  expect(none.code).toBe(0);
  expect(ungradableDefault.code).toBe(0);
  expect(ungradableStrict.code).toBe(2);
  expect(nothing.code).toBe(2);
  expect(nothing.stderr).toContain('no exports (*.json) or archives (*.zip) found');
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain(`flowgrade: ${path.join(passing, 'nope.json')}: no such file or folder [no-input]`);
  expect(badShard.code).toBe(2);
  const noOut = await runCli(['grade', passing]);
  expect(noOut.code).toBe(2);
});

test('--timeout beyond a day and --jobs beyond 64 are usage errors; a day is a timeout that waits', async () => {
  const folder = tempDir('limits-class');
  writeClass(folder, { only: (f) => f === 'flows/solution.json' || f === 'flows/noise-bom.json' });
  const grade = (...flags: string[]) => runCli(['grade', folder, '--out', tempDir('limits-out'), ...NOW, '--quiet', ...flags]);
  const [longest, tooLong, tooMany] = await Promise.all([grade('--timeout', '86400', '--jobs', '2'), grade('--timeout', '86401'), grade('--jobs', '65')]);
  // Before: 86,400,000 ms fits a timer, but 3,000,000 s overflowed Node's 32-bit timers and stopped every submission at once.
  expect([longest.code, longest.stderr]).toEqual([0, '']);
  expect(tooLong.code).toBe(2);
  expect(tooLong.stderr).toContain('86401 is more than 86400 seconds');
  expect(tooMany.code).toBe(2);
  expect(tooMany.stderr).toContain('65 is more than 64 threads');
});

test('hostile attendee ids and labels are escaped in HTML, XML and Markdown, and never shape a path', async () => {
  const hostile = '<img src=x onerror=alert(1)>';
  const dir = tempDir('hostile');
  const text = withAttendee(solution(), hostile).replace('"name": "GET_CBID"', `"name": "${hostile}"`);
  writeFileSync(path.join(dir, 'evil.json'), text);
  writeFileSync(path.join(dir, 'traversal.json'), withAttendee(solution(), '../../outside'));
  const out = tempDir('hostile-out');
  const run = await runCli(['grade', dir, '--out', out, ...NOW, '--quiet']);
  expect(run.stderr).not.toContain('internal');
  const names = readdirSync(out).sort();
  expect(names).toContain('_img_src_x_onerror_alert_1__.html');
  expect(names).toContain('___.._outside.html');
  expect(existsSync(path.join(out, '..', 'outside.json'))).toBe(false);
  for (const file of ['index.html', '_img_src_x_onerror_alert_1__.html', 'junit.xml', 'summary.md', '___.._outside.html']) {
    expect(readFileSync(path.join(out, file), 'utf8'), file).not.toContain(hostile);
  }
  expect(readFileSync(path.join(out, '_img_src_x_onerror_alert_1__.html'), 'utf8')).toMatch(/(&lt;|&#0*60;|&#x0*3c;)img src=x onerror=alert\(1\)/i);
});

test('control characters from exports never reach the terminal', async () => {
  const dir = tempDir('terminal');
  const escaped = '\\u001b]0;pwned\\u0007x'; // JSON escapes: the flow name holds ESC and BEL
  writeFileSync(path.join(dir, 'a.json'), withAttendee(solution(), escaped));
  writeFileSync(path.join(dir, 'b.json'), withAttendee(solution(), escaped));
  const run = await runCli(['grade', dir, '--out', tempDir('terminal-out'), ...NOW, '--quiet']);
  expect(run.stdout).toContain('duplicate submissions for \\u001b]0;pwned\\u0007x: kept');
  expect(run.stdout + run.stderr).not.toMatch(/[\u001b\u0007]/);
});

test('names in warnings and usage errors (archive entries, folders) never send control characters to the terminal nor break the line', async () => {
  const dir = tempDir('warn-escapes');
  const evil = '\u001b]0;pwned\u0007\u001b[2J\u009b31m\nFAKE';
  const enc = (s: string) => new TextEncoder().encode(s);
  writeFileSync(path.join(dir, 'class.zip'), zipSync({ 'Main_Flow_300.json': enc(withAttendee(solution(), '300')), [`Eve${evil}/screenshot.png`]: enc('x') }));
  const old = path.join(dir, `old${evil}`);
  mkdirSync(old);
  writeFileSync(path.join(old, '.flowgrade-output'), '');
  const run = await runCli(['grade', dir, '--out', tempDir('warn-escapes-out'), ...NOW, '--quiet']);
  expect(run.code).toBe(0);
  expect(run.stderr).toContain('Eve\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\\u000aFAKE/screenshot.png [not-an-export]');
  expect(run.stderr).toContain('old\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\\u000aFAKE: a flowgrade output folder');
  expect(run.stderr).not.toMatch(/[\x00-\x09\x0B-\x1F\x7F-\x9F]/);
  expect(run.stderr.split('\n').filter((line) => line.includes('FAKE'))).toHaveLength(2);
  const bad = await runCli(['grade', path.join(dir, `missing${evil}.json`), '--out', tempDir('warn-escapes-out2')]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('missing\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\\u000aFAKE.json: no such file or folder [no-input]');
  expect(bad.stderr).not.toMatch(/[\x00-\x09\x0B-\x1F\x7F-\x9F]/);
});

test('progress: plain lines on stderr when not a terminal, none with --quiet', async () => {
  const dir = tempDir('progress');
  const members = writeClass(dir, { unreadable: true });
  const [loud, quiet] = await Promise.all([runCli(['grade', dir, '--out', tempDir('progress-out'), ...NOW]), runCli(['grade', dir, '--out', tempDir('progress-out'), ...NOW, '--quiet'])]);
  const lines = loud.stderr.split('\n').filter((l) => l.startsWith('graded '));
  expect(lines.length).toBeGreaterThanOrEqual(2);
  expect(lines.every((l) => /^graded \d+\/\d+ submissions \(\d+ failed, \d+ ungradable\) \d+ flows\/s$/.test(l))).toBe(true);
  const unreadable = members.filter((m) => m.fixture.startsWith('unreadable/')).length;
  expect(lines.at(-1)).toMatch(new RegExp(`^graded ${members.length}/${members.length} submissions \\(\\d+ failed, ${unreadable} ungradable\\)`));
  expect(loud.stderr).not.toContain('\r');
  expect(quiet.stderr.split('\n').filter((l) => l.startsWith('graded '))).toEqual([]);
});

test('a zip from an LMS: nested folders graded, unsafe entries and bombs become ungradable rows with one-line errors', async () => {
  const dir = tempDir('zip');
  const enc = (s: string) => new TextEncoder().encode(s);
  const archive = zipSync({
    'Alice_1_assignsubmission_file_/Main_Flow_201.json': enc(withAttendee(solution(), '201')),
    'Bob_2_assignsubmission_file_/upload.zip': zipSync({ 'flows/Main_Flow_202.json': enc(withAttendee(solution(), '202')) }),
    '../escape.json': enc(withAttendee(solution(), '203')),
    'Carol_3_assignsubmission_file_/bomb.json': new Uint8Array(40 * 1024 * 1024),
    'Dave_4_assignsubmission_file_/screenshot.png': enc('not an export'),
  });
  const zip = path.join(dir, 'class.zip');
  writeFileSync(zip, archive);
  const out = tempDir('zip-out');
  const run = await runCli(['grade', zip, '--out', out, ...NOW, '--quiet']);
  expect(run.code).toBe(0);
  // Each file is the student's whose Moodle folder it lies in, also inside a zip the student made.
  expect(JSON.parse(readFileSync(path.join(out, 'Alice_1.json'), 'utf8')).verdict).toBe('passed');
  expect(JSON.parse(readFileSync(path.join(out, 'Bob_2.json'), 'utf8')).input.file).toBe(`${zip}!/Bob_2_assignsubmission_file_/upload.zip!/flows/Main_Flow_202.json`);
  expect(run.stderr).toContain(`flowgrade: ${zip}!/../escape.json: zip entry path is absolute or contains ".."; refused [zip-unsafe-path]`);
  expect(run.stderr).toMatch(new RegExp(`flowgrade: ${zip.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}!/Carol_3_assignsubmission_file_/bomb.json: .*20 MB.* \\[too-large\\]`));
  expect(csvRows(out)).toHaveLength(4);
  expect(existsSync(path.join(dir, 'escape.json'))).toBe(false);
  expect(run.stderr).toContain(`flowgrade: ${zip}: 1 entry is not a flow export (*.json) or archive (*.zip) and not graded: Dave_4_assignsubmission_file_/screenshot.png [not-an-export]`);
});

test('on a terminal, a batch that ends early (Ctrl-C, or --out failing mid-run) ends its progress line first: the error or the prompt gets a line of its own', async () => {
  test.skip(process.platform === 'win32', 'POSIX signals');
  // The child's stderr is a pipe: told it is a terminal before the CLI starts, it draws the line as on one.
  const asTerminal = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=data:text/javascript,process.stderr.isTTY=true` };
  const staged = (dir: string) => stagingFolders(dir).some((f) => readdirSync(path.join(dir, f)).length > 0);
  async function stopped(name: string, stop: (child: ReturnType<typeof spawn>, out: string) => void): Promise<{ code: number | null; stderr: string }> {
    const dir = tempDir(`${name}-class`);
    writeSolutions(dir, 200);
    const out = tempDir(`${name}-out`);
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'flowgrade.js'), 'grade', dir, '--out', out, ...NOW, '--jobs', '1'], { env: asTerminal });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    while (child.exitCode === null && !(staged(out) && stderr.includes('\r'))) await new Promise((r) => setTimeout(r, 5));
    stop(child, out);
    return { code: await exited, stderr };
  }
  const interrupted = await stopped('tty-sigint', (child) => child.kill('SIGINT'));
  expect(interrupted.code).toBe(130);
  expect(interrupted.stderr).toMatch(/\r\x1b\[Kgraded \d+\/200 [^\n]*\n$/);
  // The staging folder taken away mid-run: --out cannot take the reports (exit 2, one line of its own).
  const failed = await stopped('tty-bad-out', (_child, out) => stagingFolders(out).forEach((f) => rmSync(path.join(out, f), { recursive: true, force: true })));
  expect(failed.code).toBe(2);
  expect(failed.stderr).toMatch(/\r\x1b\[Kgraded \d+\/200 [^\n]*\nflowgrade: cannot write into --out [^\n]*\[bad-out\]\n$/);
});

test('an --out holding an earlier run: its reports of attendees not in this run are named as kept and not linked, never silently left beside the new ones', async () => {
  const dir = tempDir('stale-class');
  for (const id of ['1', '2', '3']) writeFileSync(path.join(dir, `Main_Flow_${id}.json`), withAttendee(solution(), id));
  const out = tempDir('stale-out');
  const first = await runCli(['grade', dir, '--out', out, ...NOW, '--quiet']);
  expect(first.stderr).not.toContain('[stale-reports]');
  // The next run grades attendee 1 only (the others left the class, or another group is graded).
  const again = await runCli(['grade', path.join(dir, 'Main_Flow_1.json'), '--out', out, ...NOW, '--quiet']);
  expect(again.code).toBe(0);
  expect(again.stderr.trim()).toBe(`flowgrade: --out ${out} also holds 4 files this run did not write, named as the reports of 2 attendees (2.html, 2.json, 3.html, 3.json): an earlier run's, or files of your own: kept, but index.html does not link them; remove them or grade into a fresh folder [stale-reports]`);
  expect(readdirSync(out)).toContain('2.html');
  expect(readFileSync(path.join(out, 'index.html'), 'utf8')).not.toContain('href="2.html"');
  // Still there at the next run: named again; once removed, nothing is said.
  const same = await runCli(['grade', path.join(dir, 'Main_Flow_1.json'), '--out', out, ...NOW, '--quiet']);
  expect(same.stderr).toContain('[stale-reports]');
  rmSync(path.join(out, '2.html'));
  rmSync(path.join(out, '2.json'));
  rmSync(path.join(out, '3.html'));
  rmSync(path.join(out, '3.json'));
  const clean = await runCli(['grade', path.join(dir, 'Main_Flow_1.json'), '--out', out, ...NOW, '--quiet']);
  expect(clean.stderr).toBe('');
});

test('two runs at once into one --out: the second is refused (exit 2) instead of mixing its reports and class files with the first one\'s; a lock left by a run that died does not block', async () => {
  test.skip(process.platform === 'win32', 'POSIX process ids');
  const dir = tempDir('two-runs-class');
  writeSolutions(dir, 200);
  const out = tempDir('two-runs-out');
  const first = spawn(process.execPath, [path.join(ROOT, 'bin', 'flowgrade.js'), 'grade', dir, '--out', out, ...NOW, '--quiet', '--jobs', '1']);
  const firstExit = new Promise<number | null>((resolve) => first.on('exit', (code) => resolve(code)));
  try {
    while (first.exitCode === null && stagingFolders(out).length === 0) await new Promise((r) => setTimeout(r, 5));
    const second = await runCli(['grade', path.join(dir, 'Main_Flow_1000.json'), '--out', out, ...NOW, '--quiet']);
    expect(first.exitCode).toBe(null); // still grading: the two overlapped
    expect([second.code, second.stderr.trim()]).toEqual([2, `flowgrade: cannot write into --out ${out}: another flowgrade run (process ${first.pid}) is writing into it; wait for it to end, or write the reports into another folder (if no run is, delete ${path.join(out, '.flowgrade-lock')}) [bad-out]`]);
  } catch (error) {
    first.kill('SIGKILL'); // never left running behind a failed test
    throw error;
  }
  expect(await firstExit).toBe(0);
  expect(readdirSync(out).filter((f) => f.endsWith('.json') && f !== 'flowgrade-run.json')).toHaveLength(200); // the first run's, whole
  expect(existsSync(path.join(out, '.flowgrade-lock'))).toBe(false);
  // A lock whose process is gone (a run killed with SIGKILL, a machine rebooted) is taken over.
  const gone = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => gone.on('exit', resolve));
  writeFileSync(path.join(out, '.flowgrade-lock'), `${gone.pid}\n`);
  const after = await runCli(['grade', path.join(dir, 'Main_Flow_1000.json'), '--out', out, ...NOW, '--quiet']);
  expect(after.code, after.stderr).toBe(0);
  expect(existsSync(path.join(out, '.flowgrade-lock'))).toBe(false);
});

test('a report that cannot be written from a grading thread (a file-size limit, a full disk) stops the batch as --out\'s fault (exit 2), as in-process; never an attendee\'s row turned ungradable ("grading-crashed")', async () => {
  test.skip(process.platform !== 'linux', 'ulimit -f through a shell');
  const dir = tempDir('fsize-class');
  writeSolutions(dir, 4);
  // 90 KB per file: a correct flow's HTML report is larger, an ungradable row's report smaller.
  const grade = (jobs: string, out: string) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn('sh', ['-c', `ulimit -f 90 && exec "$0" "$@"`, process.execPath, path.join(ROOT, 'bin', 'flowgrade.js'), 'grade', dir, '--out', out, ...NOW, '--quiet', '--jobs', jobs]);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  for (const jobs of ['1', '2']) {
    const out = tempDir(`fsize-out-${jobs}`);
    const run = await grade(jobs, out);
    expect(run.stderr, jobs).not.toContain('grading-crashed');
    expect([run.code, run.stderr.trim()], jobs).toEqual([2, `flowgrade: cannot write into --out ${out}: the file would pass the limit on file sizes (ulimit -f) [bad-out]`]);
    expect(run.stdout, jobs).toBe('');
  }
});

test('Ctrl-C pressed again while a stopped batch cleans up (an impatient second Ctrl-C) still ends it with 130 and no staging folder or lock, not killed half-way', async () => {
  test.skip(process.platform === 'win32', 'POSIX signals');
  const dir = tempDir('sigint-twice-class');
  writeSolutions(dir, 200);
  const out = tempDir('sigint-twice-out');
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'flowgrade.js'), 'grade', dir, '--out', out, ...NOW, '--quiet', '--jobs', '1']);
  const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('exit', (code, signal) => resolve([code, signal])));
  const stagedFiles = () => stagingFolders(out).reduce((n, f) => n + (existsSync(path.join(out, f)) ? readdirSync(path.join(out, f)).length : 0), 0);
  while (child.exitCode === null && stagedFiles() < 150) await new Promise((r) => setTimeout(r, 5));
  // The first Ctrl-C, then one every millisecond until the process has ended: some land while it cleans up.
  child.kill('SIGINT');
  while (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGINT');
    await new Promise((r) => setTimeout(r, 1));
  }
  expect(await exited).toEqual([130, null]);
  expect(readdirSync(out)).toEqual(['.flowgrade-output']);
});

test('a lock naming a process id now used by another program (a container restarted, ids reused) does not block: only a running flowgrade holds --out', async () => {
  test.skip(process.platform !== 'linux', '/proc');
  const dir = tempDir('lock-reused-class');
  writeFileSync(path.join(dir, 'Main_Flow_1.json'), withAttendee(solution(), '1'));
  const out = tempDir('lock-reused-out');
  const other = spawn('sleep', ['30']);
  try {
    writeFileSync(path.join(out, '.flowgrade-lock'), `${other.pid}\n`);
    const run = await runCli(['grade', dir, '--out', out, ...NOW, '--quiet']);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(existsSync(path.join(out, '.flowgrade-lock'))).toBe(false);
  } finally {
    other.kill('SIGKILL');
  }
});

test('a folder or a named pipe named .flowgrade-lock in --out is refused at once (exit 2, one line naming it) and left as it is', async () => {
  const dir = tempDir('lock-in-the-way-class');
  writeFileSync(path.join(dir, 'Main_Flow_1.json'), withAttendee(solution(), '1'));
  // Before: a pipe was opened to be read, and the run waited for a writer for good (SIGTERM unheard,
  // .flowgrade-lock-<pid> left); a folder gave Node's words, 'Path is a directory: rm returned EISDIR …'.
  const kinds: [string, (file: string) => void][] = [['is a directory', (file) => mkdirSync(file)]];
  if (process.platform !== 'win32') kinds.push(['is a named pipe', (file) => execFileSync('mkfifo', [file])]);
  for (const [kind, make] of kinds) {
    const out = tempDir('lock-in-the-way-out');
    const lock = path.join(out, '.flowgrade-lock');
    make(lock);
    const run = await runCli(['grade', dir, '--out', out, ...NOW, '--quiet']);
    expect([run.code, run.stdout, run.stderr], kind).toEqual([2, '', `flowgrade: cannot write into --out ${out} (${lock}): ${kind}, not the lock file a flowgrade run leaves: delete it [bad-out]\n`]);
    expect(readdirSync(out), kind).toEqual(['.flowgrade-lock']);
  }
});

test('a file whose size reads 0 but holds text (Linux\'s /proc files) is read and judged by what it holds, in the main thread and in a grading thread; an empty file is still "file is empty"', async () => {
  test.skip(!existsSync('/proc/self/environ'), 'Linux /proc');
  const dir = tempDir('proc-class');
  writeFileSync(path.join(dir, 'Main_Flow_1.json'), '');
  for (const jobs of ['1', '2']) {
    const run = await runCli(['grade', '/proc/self/environ', dir, '--out', path.join(tempDir('proc-out'), 'out'), '--jobs', jobs, ...NOW, '--quiet']);
    const lines = run.stderr.trim().split('\n');
    const [proc, empty, ...more] = [...lines.filter((line) => line.includes('/proc/')), ...lines.filter((line) => !line.includes('/proc/'))];
    // Before: "flowgrade: /proc/self/environ: file is empty [empty-file]", of a file cat shows.
    expect(proc, jobs).toMatch(/^flowgrade: \/proc\/self\/environ: not valid JSON: unexpected ".*" at line 1 column 1 \[not-json\]$/);
    expect([run.code, empty, more], jobs).toEqual([0, `flowgrade: ${path.join(dir, 'Main_Flow_1.json')}: file is empty [empty-file]`, []]);
  }
});
