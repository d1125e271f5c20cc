/**
 * docs/grade.md's "In a CI pipeline" gives a GitHub Actions, a GitLab CI and a Jenkins pipeline.
 * Their `flowgrade grade` command lines, with each CI's shard variables given values, run as they
 * are on the example class (a renamed or dropped option fails here), exit as the pipelines expect
 * (0 or 1: a failed attendee is a result, not an error), and write the files the pipelines then
 * read (`graded/summary.md`, `graded/junit.xml`); an empty shard, which Jenkins' junit step would
 * refuse without allowEmptyResults, writes a junit.xml with no test.
 */
import { expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, fixturePath, runCli, tempDir } from '../../helpers.js';

const GRADE_MD = readFileSync(path.join(ROOT, 'docs/grade.md'), 'utf8');
const SECTION = GRADE_MD.slice(GRADE_MD.indexOf('## In a CI pipeline'), GRADE_MD.indexOf('\n## ', GRADE_MD.indexOf('## In a CI pipeline') + 1));
const BLOCKS = [...SECTION.matchAll(/^```(\w+)\n([\s\S]*?)^```/gm)].map(([, language, text]) => ({ language: language!, text: text! }));

/** Each CI's values for its shard variables. */
const VARIABLES: [string, string][] = [
  ['${{ matrix.shard }}', '1'],
  ['$CI_NODE_INDEX', '1'],
  ['$CI_NODE_TOTAL', '2'],
];

/** The words of a command line as sh splits them (double quotes only, which the pipelines use). */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map(([, quoted, bare]) => quoted ?? bare!);
}

test('the section gives a GitHub Actions, a GitLab CI and a Jenkins pipeline, each grading the class', () => {
  expect(BLOCKS.map((block) => block.language)).toEqual(['yaml', 'yaml', 'groovy']);
  for (const block of BLOCKS) expect(block.text).toMatch(/npx --no-install flowgrade grade submissions\/ --out graded/);
  expect(BLOCKS[0]!.text).toContain('graded/summary.md');
  for (const block of BLOCKS.slice(1)) expect(block.text).toContain('graded/junit.xml');
});

for (const [i, name] of ['GitHub Actions', 'GitLab CI', 'Jenkins'].entries()) {
  test(`the ${name} pipeline's flowgrade command runs on the example class and writes what the pipeline reads`, async () => {
    const block = BLOCKS[i]!;
    const command = /flowgrade (grade [^'\n]*)/.exec(block.text)![1]!;
    let line = command;
    for (const [variable, value] of VARIABLES) line = line.replaceAll(variable, value);
    const dir = tempDir('ci-pipeline');
    const args = words(line).map((word) => (word === 'submissions/' ? fixturePath('class') : word));
    const run = await runCli(args, { cwd: dir });
    expect(run.code, run.stderr).toBe(1); // the example class has failed attendees: a result
    for (const file of block.text.match(/graded\/[\w.]+/g) ?? []) expect(existsSync(path.join(dir, file)), file).toBe(true);
  });
}

test('an empty shard writes a junit.xml without a test (Jenkins needs allowEmptyResults for it, as the pipeline says)', async () => {
  expect(BLOCKS[2]!.text).toContain('allowEmptyResults: true');
  const dir = tempDir('ci-empty-shard');
  // One submission, one group: shard 1 of 2 is empty (the blocks are cut at floor((i - 1) × groups / n)).
  const run = await runCli(['grade', fixturePath('flows/solution.json'), '--out', 'graded', '--shard', '1/2', '--quiet'], { cwd: dir });
  expect(run.code, run.stderr).toBe(0);
  expect(readFileSync(path.join(dir, 'graded', 'junit.xml'), 'utf8')).toContain('<testsuites name="flowgrade" tests="0" failures="0" errors="0" time="0"');
});
