/**
 * `flowgrade merge` shows its progress as `grade` does (docs/grade.md, Progress): on stderr, a line
 * rewritten in place on a terminal, plain lines elsewhere, none with --quiet; it counts the rows
 * merged. Its stdout and files are the same with or without it (run `npm run build` first).
 */
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fixturePath, ROOT, runCli } from '../../helpers.js';
import { snapshot, tempDir, writeSolutions } from './class-fixture.js';
import { runCliAfter } from '../cli/run-under-shell.js';

const NOW = ['--now', '2025-08-01T09:00:00Z'];
/** A terminal's stderr: told it is one before the CLI starts, the child draws the line as on one. */
const AS_TERMINAL = { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=data:text/javascript,process.stderr.isTTY=true` };

test.describe.configure({ mode: 'parallel' });

/** fixtures/class (13 submissions, 12 attendees: 5 passed, 6 failed, 1 ungradable) graded as 2 shards. */
async function shards(name: string): Promise<string[]> {
  const outs: string[] = [];
  for (const index of [1, 2]) {
    const out = tempDir(`${name}-shard-${index}`);
    expect((await runCli(['grade', fixturePath('class'), '--out', out, ...NOW, '--quiet', '--jobs', '1', '--shard', `${index}/2`])).code).toBeLessThan(2);
    outs.push(out);
  }
  return outs;
}

test('not on a terminal: plain lines on stderr counting the attendees merged, the last with the class\'s counts; none with --quiet; stdout and files the same', async () => {
  const parts = await shards('merge-progress-plain');
  const [loudOut, quietOut] = [tempDir('merge-progress-loud'), tempDir('merge-progress-quiet')];
  const [loud, quiet] = await Promise.all([runCli(['merge', ...parts, '--out', loudOut]), runCli(['merge', ...parts, '--out', quietOut, '--quiet'])]);
  expect([loud.code, quiet.code]).toEqual([1, 1]);
  const lines = loud.stderr.split('\n').filter((line) => line !== '');
  expect(lines.length).toBeGreaterThanOrEqual(2); // every 10 rows of fewer than 100, and the end
  for (const line of lines) expect(line).toMatch(/^merged \d+\/12 attendees \(\d+ failed, \d+ ungradable\) \d+ reports\/s$/);
  expect(lines.at(-1)).toMatch(/^merged 12\/12 attendees \(6 failed, 1 ungradable\) \d+ reports\/s$/);
  expect(loud.stdout).toContain('merged 12 attendees from 2 shards into');
  expect(loud.stderr).not.toContain('\r');
  expect(quiet.stderr).toBe('');
  expect(loud.stdout.replace(loudOut, 'OUT')).toBe(quiet.stdout.replace(quietOut, 'OUT'));
  expect(snapshot(loudOut)).toEqual(snapshot(quietOut));
});

test('on a terminal: one line rewritten in place, ended before the lines that follow it (a report that cannot be used), which start lines of their own', async () => {
  const parts = await shards('merge-progress-tty');
  const record = JSON.parse(readFileSync(path.join(parts[1]!, 'flowgrade-run.json'), 'utf8')) as { attendees: { report: string }[] };
  const name = record.attendees[0]!.report;
  writeFileSync(path.join(parts[1]!, `${name}.json`), '{');
  const run = await runCli(['merge', ...parts, '--out', tempDir('merge-progress-tty-out')], { env: AS_TERMINAL });
  expect(run.code).toBe(2);
  const [drawn, ...after] = run.stderr.split('\n');
  expect(drawn).toMatch(/^(\r\x1b\[Kmerged \d+\/12 attendees \(\d+ failed, \d+ ungradable\) \d+ reports\/s(, ETA \d+s)?)+$/);
  expect(drawn).toMatch(/\r\x1b\[Kmerged 12\/12 attendees \(5 failed, 2 ungradable\) \d+ reports\/s$/); // the last row always drawn
  expect(after[0]).toMatch(/^flowgrade: .*: not valid JSON \(.*\); ".*" is merged as ungradable \(report-unreadable\) \[report-unreadable\]$/);
  expect(after[0]).toContain(`${path.join(parts[1]!, `${name}.json`)}: `);
  expect(after.at(-2)).toBe('flowgrade: 1 report of the shards could not be used: its row says ungradable (report-unreadable); grade its shard again, then merge again');
  // --quiet: nothing drawn on a terminal either.
  const quiet = await runCli(['merge', ...parts, '--out', tempDir('merge-progress-tty-quiet'), '--quiet'], { env: AS_TERMINAL });
  expect(quiet.stderr).not.toMatch(/^merged |\r/m);
  expect(quiet.stderr.startsWith('flowgrade: ')).toBe(true);
});

test('on a terminal, an --out that cannot take the reports mid-merge (ulimit -f): the line ended, the reports that could not be used said, then the one bad-out line; no report blamed for it', async () => {
  test.skip(process.platform !== 'linux', 'ulimit -f through a shell');
  const parts = await shards('merge-progress-full');
  // Shard 1's reports (the class's first 6 rows) cannot be used: their stand-ins' pages (12 kB) are
  // written; shard 2's first report's (100 kB) passes the limit of 50 kB.
  const record = JSON.parse(readFileSync(path.join(parts[0]!, 'flowgrade-run.json'), 'utf8')) as { attendees: { report: string }[] };
  for (const { report } of record.attendees) writeFileSync(path.join(parts[0]!, `${report}.json`), '{');
  const out = tempDir('merge-progress-full-out');
  const run = await runCliAfter('ulimit -f 100', ['merge', ...parts, '--out', out], AS_TERMINAL);
  expect(run.code).toBe(2);
  const [drawn, ...after] = run.stderr.split('\n');
  expect(drawn).toMatch(/^(\r\x1b\[Kmerged \d\/12 attendees \(0 failed, \d ungradable\) \d+ reports\/s(, ETA \d+s)?)+$/);
  expect(after.slice(0, 6)).toEqual(record.attendees.map(({ report }) => expect.stringMatching(new RegExp(`^flowgrade: ${path.join(parts[0]!, report)}\\.json: not valid JSON .*\\[report-unreadable\\]$`))));
  // Before: the write that failed was taken for a report that cannot be rendered, each of shard 2's
  // merged as ungradable ("grade their shards again"), and the merge went on, exit 2 for the reports.
  expect(run.stderr).not.toContain('cannot be rendered');
  expect(after.slice(6)).toEqual([`flowgrade: cannot write into --out ${out}: the file would pass the limit on file sizes (ulimit -f) [bad-out]`, '']);
  expect(run.stdout).toBe('');
  expect(readdirSync(out)).toEqual(['.flowgrade-output']); // its lock and staging folder removed, as grade's
});

test('on a narrow terminal the line is cut as grade\'s, to whole parts one column short of its width', async () => {
  const parts = await shards('merge-progress-narrow');
  const narrow = { NODE_OPTIONS: `${AS_TERMINAL.NODE_OPTIONS} --import=data:text/javascript,process.stderr.columns=20` };
  const run = await runCli(['merge', ...parts, '--out', tempDir('merge-progress-narrow-out')], { env: narrow });
  expect(run.code).toBe(1);
  // `merged 12/12 attendees` is 22 columns: the count alone is left.
  expect(run.stderr).toMatch(/^(\r\x1b\[Kmerged \d+\/12)+\n$/);
});

test('a merge stopped by SIGINT stops at once: exit 130, no class files, no reports, no staging folder', async () => {
  test.skip(process.platform === 'win32', 'POSIX signals');
  const dir = tempDir('merge-stop-class');
  writeSolutions(dir, 400);
  const parts: string[] = [];
  for (const index of [1, 2]) {
    const out = tempDir(`merge-stop-shard-${index}`);
    expect((await runCli(['grade', dir, '--out', out, ...NOW, '--quiet', '--shard', `${index}/2`])).code).toBe(0);
    parts.push(out);
  }
  const out = tempDir('merge-stop-out');
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'flowgrade.js'), 'merge', ...parts, '--out', out, '--quiet']);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // Once a report's pages are staged, the merge is under way, with hundreds of rows to go.
  const staged = () => readdirSync(out).some((f) => f.startsWith('.flowgrade-staging-') && readdirSync(path.join(out, f)).length > 0);
  while (child.exitCode === null && !staged()) await new Promise((resolve) => setTimeout(resolve, 5));
  child.kill('SIGINT');
  expect(await exited).toBe(130);
  // Before: the signal waited for every row, whose reports and class files were all written.
  expect(readdirSync(out)).toEqual(['.flowgrade-output']);
});
