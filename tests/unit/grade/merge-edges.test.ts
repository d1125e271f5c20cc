/**
 * merge.ts's rules left alive by the other merge tests, pinned by a mutation sweep (run
 * `npm run build` first): a report standing for one that cannot be used is dated as its part's
 * run, not at the epoch nor at merge time, so the merged class reads the same whenever merged;
 * and merge holds one whole report at a time, not the class's (docs/performance.md, Merging the shards).
 * And what merge says of the reports an earlier run left in its --out.
 */
import { test, expect } from '@playwright/test';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixturePath, runCli } from '../../helpers.js';
import { tempDir, withAttendee } from './class-fixture.js';

const NOW = '2025-08-01T09:00:00Z';

test('a report that cannot be used stands as an ungradable report dated as its part\'s run (--now)', async () => {
  const parts: string[] = [];
  for (const index of [1, 2]) {
    const out = tempDir(`merge-edges-shard-${index}`);
    expect((await runCli(['grade', fixturePath('class'), '--out', out, '--now', NOW, '--quiet', '--jobs', '1', '--shard', `${index}/2`])).code).toBeLessThan(2);
    parts.push(out);
  }
  const record = JSON.parse(readFileSync(path.join(parts[1]!, 'flowgrade-run.json'), 'utf8')) as { attendees: { report: string }[] };
  const name = record.attendees[0]!.report;
  writeFileSync(path.join(parts[1]!, `${name}.json`), '{');
  const out = tempDir('merge-edges-out');
  const run = await runCli(['merge', ...parts, '--out', out, '--quiet']);
  // One report: said in the singular, and the class has no result for its row: exit 2.
  expect(run.stderr).toContain('[report-unreadable]');
  expect(run.stderr.trim().split('\n').at(-1)).toBe('flowgrade: 1 report of the shards could not be used: its row says ungradable (report-unreadable); grade its shard again, then merge again');
  expect(run.code).toBe(2);
  const report = JSON.parse(readFileSync(path.join(out, `${name}.json`), 'utf8'));
  expect([report.verdict, report.error.code, report.generatedAt]).toEqual(['ungradable', 'report-unreadable', '2025-08-01T09:00:00.000Z']);
});

test('an attendee id starting with "-" (Main_Flow_-2+3) is merged: its report is named as the run record allows, not "-2_3", which merge refused as a record grade never wrote', async () => {
  const dir = tempDir('merge-edges-dash-class');
  const solution = readFileSync(fixturePath('flows/solution.json'), 'utf8');
  for (const id of ['-2+3', '--x', '141']) writeFileSync(path.join(dir, `${id}.json`), withAttendee(solution, id));
  const parts: string[] = [];
  for (const index of [1, 2]) {
    const out = tempDir(`merge-edges-dash-shard-${index}`);
    expect((await runCli(['grade', dir, '--out', out, '--now', NOW, '--quiet', '--jobs', '1', '--shard', `${index}/2`])).code).toBe(0);
    parts.push(out);
  }
  const out = tempDir('merge-edges-dash-out');
  const run = await runCli(['merge', ...parts, '--out', out, '--quiet']);
  expect([run.code, run.stderr]).toEqual([0, '']);
  const names = (JSON.parse(readFileSync(path.join(out, 'flowgrade-run.json'), 'utf8')) as { attendees: { report: string }[] }).attendees.map((row) => row.report);
  expect(names).toEqual(['__x', '_2_3', '141']);
  for (const name of names) expect(existsSync(path.join(out, `${name}.html`))).toBe(true);
});

test('merge holds one whole report at a time, not the class\'s: reports of 12 MB each merge within a heap of 80 MB', async () => {
  // A report's trace is cut to what its pages show (reports/bounds.ts), so only the report as read
  // is large: held for the whole class until the class rows were rendered, 11 of them needed a
  // heap of 160 MB; read one at a time, 48 MB was enough (80: room both ways).
  const parts: string[] = [];
  for (const index of [1, 2]) {
    const out = tempDir(`merge-edges-memory-${index}`);
    expect((await runCli(['grade', fixturePath('class'), '--out', out, '--now', NOW, '--quiet', '--jobs', '1', '--shard', `${index}/2`])).code).toBeLessThan(2);
    parts.push(out);
  }
  let padded = 0;
  for (const dir of parts) {
    const record = JSON.parse(readFileSync(path.join(dir, 'flowgrade-run.json'), 'utf8')) as { attendees: { report: string }[] };
    for (const { report: name } of record.attendees) {
      const file = path.join(dir, `${name}.json`);
      const report = JSON.parse(readFileSync(file, 'utf8')) as { scenarios: { trace: { modifiedVariables: Record<string, unknown> }[] }[] };
      const entry = report.scenarios[0]?.trace[0];
      if (entry === undefined) continue; // (an ungradable report has no trace)
      entry.modifiedVariables.padding = 'x'.repeat(12 * 1024 * 1024);
      writeFileSync(file, JSON.stringify(report));
      padded += 1;
    }
  }
  expect(padded).toBe(11);
  const out = tempDir('merge-edges-memory-out');
  const run = await runCli(['merge', ...parts, '--out', out, '--quiet'], { env: { NODE_OPTIONS: '--max-old-space-size=80' } });
  expect(run.stdout).toContain('merged 12 attendees from 2 shards');
  expect(run.stderr).toBe('');
});

test('a merge into a folder holding an earlier run\'s reports of other attendees names them as stale, and says to merge into a fresh folder', async () => {
  const dir = tempDir('merge-edges-stale-class');
  const solution = readFileSync(fixturePath('flows/solution.json'), 'utf8');
  for (const id of ['141', '142']) writeFileSync(path.join(dir, `${id}.json`), withAttendee(solution, id));
  const parts: string[] = [];
  for (const index of [1, 2]) {
    const out = tempDir(`merge-edges-stale-shard-${index}`);
    expect((await runCli(['grade', dir, '--out', out, '--now', NOW, '--quiet', '--jobs', '1', '--shard', `${index}/2`])).code).toBe(0);
    parts.push(out);
  }
  const other = tempDir('merge-edges-stale-other');
  writeFileSync(path.join(other, '7.json'), withAttendee(solution, '7'));
  const out = tempDir('merge-edges-stale-out');
  expect((await runCli(['grade', other, '--out', out, '--now', NOW, '--quiet', '--jobs', '1'])).code).toBe(0);
  const run = await runCli(['merge', ...parts, '--out', out, '--quiet']);
  // Before: "…; remove them or grade into a fresh folder", of a folder merge writes.
  expect([run.code, run.stderr]).toEqual([0, `flowgrade: --out ${out} also holds 2 files this run did not write, named as the report of 1 attendee (7.html, 7.json): an earlier run's, or files of your own: kept, but index.html does not link them; remove them or merge into a fresh folder [stale-reports]\n`]);
});

test("a merge into a folder no run wrote (no .flowgrade-output) leaves the user's own .json and .html files there unsaid: they are no earlier run's reports", async () => {
  const dir = tempDir('merge-edges-own-class');
  writeFileSync(path.join(dir, '141.json'), withAttendee(readFileSync(fixturePath('flows/solution.json'), 'utf8'), '141'));
  const part = tempDir('merge-edges-own-shard');
  expect((await runCli(['grade', dir, '--out', part, '--now', NOW, '--quiet', '--jobs', '1', '--shard', '1/1'])).code).toBe(0);
  const out = tempDir('merge-edges-own-out');
  writeFileSync(path.join(out, 'config.json'), '{}');
  writeFileSync(path.join(out, 'readme.html'), 'x');
  const run = await runCli(['merge', part, '--out', out, '--quiet']);
  // Before: "also holds 2 files, the reports of 2 attendees, this run did not write (config.json, readme.html), an earlier run's".
  expect([run.code, run.stderr]).toEqual([0, '']);
  expect(readFileSync(path.join(out, 'config.json'), 'utf8')).toBe('{}');
});
