/**
 * docs/grade.md's "In a CI pipeline" gives a GitHub Actions, a GitLab CI and a Jenkins pipeline.
 * Their `flowgrade grade` command lines, with each CI's shard variables given values, run as they
 * are on the example class (a renamed or dropped option fails here), exit as the pipelines expect
 * (0 or 1: a failed attendee is a result, not an error), and write the files the pipelines then
 * read (`graded/summary.md`, `graded/junit.xml`); the sharded pipelines' `flowgrade merge` line
 * runs on the shards' folders as the CI hands them to the merge job, and writes the class's
 * files, the whole class's as one grade writes them; an empty shard, which Jenkins' junit step
 * would refuse without allowEmptyResults, writes a junit.xml with no test.
 */
import { expect, test } from '@playwright/test';
import { existsSync, readFileSync, renameSync } from 'node:fs';
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
  for (const block of BLOCKS) expect(block.text).toMatch(/npx --no-install flowgrade grade submissions\/ --out "?graded/);
  expect(BLOCKS[0]!.text).toContain('graded/summary.md');
  for (const block of BLOCKS.slice(1)) expect(block.text).toContain('graded/junit.xml');
});

/** A command line of the block with each CI's shard variables given values. */
function lineOf(command: string, shard: number): string[] {
  let line = command;
  for (const [variable, value] of VARIABLES) line = line.replaceAll(variable, variable === '$CI_NODE_TOTAL' ? value : String(shard));
  return words(line).map((word) => (word === 'submissions/' ? fixturePath('class') : word));
}

test('the sharded pipelines (GitHub Actions, GitLab CI) end with a job that merges the shards; Jenkins grades the class whole', () => {
  for (const block of BLOCKS.slice(0, 2)) expect(block.text).toMatch(/npx --no-install flowgrade merge graded-1 graded-2 --out graded\n/);
  expect(BLOCKS[2]!.text).not.toContain('--shard');
});

for (const [i, name] of ['GitHub Actions', 'GitLab CI', 'Jenkins'].entries()) {
  test(`the ${name} pipeline's flowgrade commands run on the example class and write what the pipeline reads`, async () => {
    const block = BLOCKS[i]!;
    const command = /flowgrade (grade [^'\n]*)/.exec(block.text)![1]!;
    const merge = /flowgrade (merge [^'\n]*)/.exec(block.text)?.[1];
    const dir = tempDir('ci-pipeline');
    if (merge === undefined) {
      const run = await runCli(lineOf(command, 1), { cwd: dir });
      expect(run.code, run.stderr).toBe(1); // the example class has failed attendees: a result
      for (const file of block.text.match(/graded\/[\w.]+/g) ?? []) expect(existsSync(path.join(dir, file)), file).toBe(true);
      return;
    }
    // Each shard on a machine of its own; the merge job gets each shard's folder as the CI names it:
    // GitHub's download-artifact puts each artifact into a folder of its name (graded-<shard>).
    for (const shard of [1, 2]) {
      const machine = tempDir('ci-pipeline-shard');
      const run = await runCli(lineOf(command, shard), { cwd: machine });
      expect(run.code, run.stderr).toBe(0); // --fail-on none: the shard's job passes once graded
      const out = words(lineOf(command, shard).join(' ')).at(words(command).indexOf('--out') + 1)!;
      const artifact = block.text.includes('name: graded-${{ matrix.shard }}') ? `graded-${shard}` : out;
      renameSync(path.join(machine, out), path.join(dir, artifact));
    }
    const run = await runCli(words(merge), { cwd: dir });
    expect(run.code, run.stderr).toBe(1); // the class has failed attendees: the merge job's result
    const whole = tempDir('ci-pipeline-whole');
    await runCli(['grade', fixturePath('class'), '--out', 'graded', '--quiet'], { cwd: whole });
    for (const file of [...new Set(block.text.match(/graded\/[\w.]+/g) ?? [])]) {
      expect(existsSync(path.join(dir, file)), file).toBe(true);
      // (The shards graded without --now, as the pipelines do: the reports' times differ.)
      const timeless = (text: string) => text.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z?/g, 'TIME').replace(/ time="[\d.]+"/g, '');
      expect(timeless(readFileSync(path.join(dir, file), 'utf8')), file).toBe(timeless(readFileSync(path.join(whole, file), 'utf8')));
    }
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
