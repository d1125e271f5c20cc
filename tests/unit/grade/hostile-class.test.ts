/**
 * Every output of a hostile export stays small, not only its JSON and HTML reports
 * (reports/bounds.ts): `check`'s console report and the class files of `grade` (index.html,
 * junit.xml, summary.md, grades.csv) show its 200,000-character labels cut too.
 */
import { test, expect } from '@playwright/test';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixturePath, removeTempDirs, runCli, tempDir } from '../../helpers.js';

const NOW = ['--now', '2025-08-01T09:00:00Z'];
const MB = 1_000_000;
test.afterAll(removeTempDirs);

/** The solution with every activity's label 200,000 characters long (7.5 MB, within the loader's limits): every hint and message quoting a label would quote that. */
function hostileExport(dir: string): string {
  const flow = JSON.parse(readFileSync(fixturePath('flows/solution.json'), 'utf8'));
  const lengthen = (activities: Record<string, { name: string }>, letter: string) => {
    for (const [i, activity] of Object.values(activities).entries()) activity.name = `${activity.name}_${letter.repeat(200_000)}${i}`;
  };
  lengthen(flow.process.activities, 'W');
  lengthen(flow.eventFlows.eventsMap.GLOBAL_EVENTS.process.activities, 'Z');
  const file = path.join(dir, 'Main_Flow_140.json');
  writeFileSync(file, JSON.stringify(flow));
  return file;
}

test('check: the console report of an export whose labels are 200,000 characters long stays small', async () => {
  const file = hostileExport(tempDir('hostile-check-'));
  const run = await runCli(['check', file, ...NOW]);
  expect(run.code).toBe(1);
  expect(run.stdout).toMatch(/… \(2\d{5} characters\)/); // a label cut as every text is: its whole length
  expect(run.stdout.length).toBeLessThan(1 * MB);
});

test('grade: the class files of such an export stay small (index.html, junit.xml, summary.md, grades.csv)', async () => {
  const dir = tempDir('hostile-grade-');
  hostileExport(dir);
  const out = path.join(tempDir('hostile-out-'), 'out');
  const run = await runCli(['grade', dir, '--out', out, '--quiet', ...NOW]);
  expect(run.code).toBe(1);
  for (const name of ['index.html', 'junit.xml', 'summary.md', 'grades.csv', '140.json', '140.html']) {
    expect([name, statSync(path.join(out, name)).size < 1 * MB]).toEqual([name, true]);
  }
  expect(readFileSync(path.join(out, 'index.html'), 'utf8')).not.toMatch(/W{10001}/);
});
