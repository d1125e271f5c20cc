/**
 * `--junit-recommended` (check and grade): a recommended check not met fails no attendee (exit 0,
 * verdict passed), so by default junit.xml writes it as <skipped type="recommended">, not as a
 * <failure> that would mark a Jenkins build UNSTABLE and show the class red in GitLab and GitHub's
 * test-report actions; `failure` keeps the spec's <failure type="recommended">. Grading threads and
 * the main thread (`--jobs 1`) write the same.
 */
import { test, expect } from '@playwright/test';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findAll, parseXml } from '../reports/xml-check.js';
import { fixturePath, runCli, tempDir } from '../../helpers.js';

/** Passed, 109/110: WantCallback option 1 no longer leads to NewNumber (want-callback-option1-regression, recommended). */
const MISSED_RECOMMENDED = fixturePath('flows/defect-regression-option1-unlinked.json');
const CASE = '3. want-callback-option1-regression';

const outcomeOf = (xml: string) => {
  const root = parseXml(xml);
  const testcase = findAll(root, 'testcase').find((c) => c.attributes.name === CASE)!;
  return { totals: [root.attributes.failures, root.attributes.errors], element: testcase.children[0]?.name, type: testcase.children[0]?.attributes.type };
};

test('check --format junit: a passed flow missing a recommended check exits 0 with no <failure> by default; --junit-recommended failure writes one', async () => {
  const byDefault = await runCli(['check', MISSED_RECOMMENDED, '--format', 'junit', '--now', '2025-08-01T09:00:00Z']);
  expect([byDefault.code, byDefault.stderr]).toEqual([0, '']);
  expect(outcomeOf(byDefault.stdout)).toEqual({ totals: ['0', '0'], element: 'skipped', type: 'recommended' });
  const skipped = await runCli(['check', MISSED_RECOMMENDED, '--format', 'junit', '--now', '2025-08-01T09:00:00Z', '--junit-recommended', 'skipped']);
  expect(skipped.stdout).toBe(byDefault.stdout);
  const failure = await runCli(['check', MISSED_RECOMMENDED, '--format', 'junit', '--now', '2025-08-01T09:00:00Z', '--junit-recommended', 'failure']);
  expect(failure.code).toBe(0); // the exit code is the verdict's, either way
  expect(outcomeOf(failure.stdout)).toEqual({ totals: ['1', '0'], element: 'failure', type: 'recommended' });
  const wrong = await runCli(['check', MISSED_RECOMMENDED, '--format', 'junit', '--junit-recommended', 'error']);
  expect(wrong.code).toBe(2);
  expect(wrong.stderr).toContain("'error' is invalid");
});

test('grade: junit.xml writes a recommended check not met as --junit-recommended says, from grading threads and in-process alike', async () => {
  const dir = tempDir('junit-recommended');
  const submissions = path.join(dir, 'class');
  mkdirSync(submissions);
  copyFileSync(MISSED_RECOMMENDED, path.join(submissions, 'Doe Ann_101_assignsubmission_file_Main_Flow_140.json'));
  copyFileSync(fixturePath('flows/solution.json'), path.join(submissions, 'Roe Bob_102_assignsubmission_file_Main_Flow_140.json'));
  for (const [as, element, failures] of [[undefined, 'skipped', '0'], ['failure', 'failure', '1']] as const) {
    const outputs: string[] = [];
    for (const jobs of ['1', '2']) {
      const out = path.join(dir, `out-${as ?? 'default'}-${jobs}`);
      const run = await runCli(['grade', submissions, '--out', out, '--quiet', '--jobs', jobs, '--now', '2025-08-01T09:00:00Z', ...(as ? ['--junit-recommended', as] : [])]);
      expect(run.code, `${as} --jobs ${jobs}`).toBe(0);
      const xml = readFileSync(path.join(out, 'junit.xml'), 'utf8');
      expect(outcomeOf(xml), `${as} --jobs ${jobs}`).toMatchObject({ totals: [failures, '0'], element, type: 'recommended' });
      outputs.push(xml);
    }
    expect(outputs[1]).toBe(outputs[0]);
  }
});

test('check --help and grade --help say what --junit-recommended does, its choices and its default', async () => {
  for (const command of ['check', 'grade']) {
    const help = await runCli([command, '--help']);
    expect(help.code, command).toBe(0);
    expect(help.stdout.replace(/\s+/g, ' '), command).toContain(
      '--junit-recommended <as> JUnit XML: write a recommended check not met as skipped (it fails no attendee: the CI run stays green, as the exit code) or as a failure (choices: "skipped", "failure", default: "skipped")',
    );
  }
});
