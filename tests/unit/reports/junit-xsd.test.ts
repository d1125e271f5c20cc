/**
 * junit.xml and `check --format junit` are valid against junit-10.xsd (Jenkins xUnit validates
 * before reading; transcribed in junit-xsd.ts, checked offline) and readable by GitLab's parser,
 * whatever the attendee ids and files, in both `--junit-recommended` modes: from the writer, and
 * from the CLI on every fixture flow and on a class whose ids are hostile. Also what the counts
 * must say for CI readers: each suite's tests, failures, errors and skipped are its test cases',
 * the totals the suites' sums, and no two test cases share a classname and name (GitLab keeps one).
 */
import { test, expect } from '@playwright/test';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { renderJunit } from '../../../reports/junit.js';
import type { GradeReport } from '../../../engine/report.js';
import { findAll, parseXml, type XmlNode } from './xml-check.js';
import { junit10Problems } from './junit-xsd.js';
import { failedReport, hostileReport, passedReport, ungradableReport } from './sample-reports.js';
import { fixturePath, runCli, tempDir } from '../../helpers.js';

/** What a CI reader counts, as the document says it: every problem found (empty: none). */
function countProblems(root: XmlNode, recommended: 'skipped' | 'failure'): string[] {
  const problems: string[] = [];
  const suites = findAll(root, 'testsuite');
  const sum = { tests: 0, failures: 0, errors: 0 };
  const keys = new Set<string>();
  for (const suite of suites) {
    const cases = findAll(suite, 'testcase');
    const outcome = (name: string) => cases.filter((c) => c.children[0]?.name === name).length;
    const said = (attribute: string) => Number(suite.attributes[attribute]);
    const counts = { tests: cases.length, failures: outcome('failure'), errors: outcome('error'), skipped: outcome('skipped') };
    for (const [attribute, count] of Object.entries(counts)) if (said(attribute) !== count) problems.push(`${suite.attributes.name}: ${attribute}="${suite.attributes[attribute]}", ${count} test cases`);
    for (const c of cases) {
      if (c.children.length > 1) problems.push(`${c.attributes.name}: ${c.children.length} outcomes`); // GitLab takes the first of failure, error, skipped
      const key = `${c.attributes.classname}\u0000${c.attributes.name}`;
      if (keys.has(key)) problems.push(`two test cases ${c.attributes.classname} / ${c.attributes.name}`);
      keys.add(key);
    }
    const verdict = findAll(suite, 'property').find((p) => p.attributes.name === 'verdict')?.attributes.value;
    // A passed attendee has no failed test (but a crashed check, a flowgrade bug, an <error>), unless recommended checks are written as failures.
    if (verdict === 'passed' && recommended === 'skipped' && counts.failures > 0) problems.push(`${suite.attributes.name}: passed, yet ${counts.failures} failures and ${counts.errors} errors`);
    sum.tests += counts.tests;
    sum.failures += counts.failures;
    sum.errors += counts.errors;
  }
  for (const [attribute, count] of Object.entries(sum)) if (Number(root.attributes[attribute]) !== count) problems.push(`<testsuites> ${attribute}="${root.attributes[attribute]}", the suites sum to ${count}`);
  return problems;
}

const problemsOf = (xml: string, recommended: 'skipped' | 'failure' = 'skipped') => {
  const root = parseXml(xml); // throws when not well-formed
  return [...junit10Problems(root), ...countProblems(root, recommended)];
};

test('the transcribed schema tells a planted mistake (the check is not vacuous)', () => {
  const valid = renderJunit([failedReport()]);
  expect(problemsOf(valid)).toEqual([]);
  const planted: [string, string][] = [
    [valid.replace('<testsuites name="flowgrade"', '<testsuites skipped="1" name="flowgrade"'), 'attribute skipped not declared'],
    [valid.replace(/<testsuite name="141"/, '<testsuite'), 'required attribute name missing'],
    [valid.replace(/(<testsuite [^>]*)time="0"/, '$1time="0.5s"'), 'is not a SUREFIRE_TIME'],
    [valid.replace('type="required"', 'type="file"'), "type GitLab's reader converts"],
    [valid.replace('<properties>', 'stray text<properties>'), 'text in an element that is not mixed'],
    [valid.replace('</testcase>', '<properties/></testcase>'), '<properties> not allowed here'],
    [valid.replace(/(<testsuite name[^>]*)failures="1"/, '$1failures="2"'), '141: failures="2", 1 test cases'],
    [valid.replace(/failures="1"/, 'failures="2"'), '<testsuites> failures="2", the suites sum to 1'],
  ];
  for (const [xml, said] of planted) expect(problemsOf(xml).join('\n'), said).toContain(said);
});

test('the writer: every kind of report, hostile and 260,000-character texts, both ways of writing a recommended check not met', () => {
  const long = failedReport();
  long.attendee = { id: '😀.'.repeat(130_000), source: 'flow-name' };
  long.checks = long.checks.map((check) => ({ ...check, message: '&<'.repeat(130_000) }));
  const reports: GradeReport[] = [passedReport(), failedReport(), ungradableReport(), hostileReport(), long];
  for (const recommended of ['skipped', 'failure'] as const) expect(problemsOf(renderJunit(reports, { recommended }), recommended), recommended).toEqual([]);
});

test('check --format junit of every fixture export, readable or not, in one document', async () => {
  const files = [
    ...readdirSync(fixturePath('flows')).map((name) => fixturePath(`flows/${name}`)),
    ...readdirSync(fixturePath('unreadable')).map((name) => fixturePath(`unreadable/${name}`)),
  ];
  for (const recommended of ['skipped', 'failure'] as const) {
    const run = await runCli(['check', ...files, '--format', 'junit', '--junit-recommended', recommended, '--now', '2025-08-01T09:00:00Z']);
    expect(run.code).toBe(2); // some are unreadable
    expect(problemsOf(run.stdout, recommended), recommended).toEqual([]);
    expect(findAll(parseXml(run.stdout), 'testsuite')).toHaveLength(files.length);
  }
});

test('grade: junit.xml of a class whose ids are hostile (markup, quotes, pipes, dots, bidi and control characters, emoji, one id in two folders)', async () => {
  const dir = tempDir('junit-xsd');
  const submissions = path.join(dir, 'class');
  const flows = readdirSync(fixturePath('flows')).filter((name) => name.startsWith('defect-') || name === 'solution.json');
  const names = ['<b>Doe<!-- & "Ann"', "O'Brien |x| `tick`", 'jane.doe.', 'Mallory\u202eevil\u0007', '😀 Emoji', ']]> CDATA end'];
  names.forEach((name, i) => {
    for (const [j, group] of ['group-a', 'group-b'].entries()) {
      const folder = path.join(submissions, group);
      mkdirSync(folder, { recursive: true });
      copyFileSync(fixturePath(`flows/${flows[(i * 2 + j) % flows.length]}`), path.join(folder, `${name}_${100 + i}_assignsubmission_file_Main_Flow_140.json`));
    }
  });
  copyFileSync(fixturePath(`unreadable/${readdirSync(fixturePath('unreadable'))[0]}`), path.join(submissions, 'group-a', '<script>_999_assignsubmission_file_x.json'));
  const out = path.join(dir, 'graded');
  const run = await runCli(['grade', submissions, '--out', out, '--quiet', '--jobs', '2', '--now', '2025-08-01T09:00:00Z']);
  expect(run.code).toBe(1);
  const xml = readFileSync(path.join(out, 'junit.xml'), 'utf8');
  expect(problemsOf(xml)).toEqual([]);
  expect(findAll(parseXml(xml), 'testsuite')).toHaveLength(names.length * 2 + 1);
});
