/**
 * `explain` and `simulate` as instructors run them: their exit codes.
 * Written by the mutation sweep h24-g: each test fails with a mutant that every earlier test let through.
 */
import { test, expect } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixturePath, runCli, tempDir } from '../../helpers.js';
import { tinyFlow } from '../loader/tiny-flow.js';

test('explain with a check id the lab does not have: one line on stderr naming it, nothing on stdout, exit 2', async () => {
  const run = await runCli(['explain', 'no-such-check']);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe('flowgrade: no check "no-such-check" in callback-on-global-error; run `flowgrade checks` for the list\n');
  const known = await runCli(['explain', 'flow-name']);
  expect(known.code).toBe(0);
  expect(known.stdout).toContain('flow-name');
});

test('explain takes a check id in any case, and a word of one says which ids hold it', async () => {
  const upper = await runCli(['explain', 'GET-CBID-URL']);
  expect(upper.code).toBe(0);
  expect(upper.stdout).toBe((await runCli(['explain', 'get-cbid-url'])).stdout);
  expect(upper.stdout).toMatch(/^# get-cbid-url\n/);
  const one = await runCli(['explain', 'url']);
  expect([one.code, one.stdout, one.stderr]).toEqual([2, '', 'flowgrade: no check "url" in callback-on-global-error; did you mean get-cbid-url?\n']);
  const several = await runCli(['explain', 'Parse']);
  expect(several.stderr).toBe('flowgrade: no check "Parse" in callback-on-global-error; did you mean one of get-cbid-parse-json, get-cbid-parse-paths?\n');
});

test('simulate of an export that cannot be read: its one line on stderr, exit 2 (not 1, a failed flow)', async () => {
  const file = path.join('no-such-folder', 'Main_Flow_7.json');
  const run = await runCli(['simulate', file]);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe(`flowgrade: ${file}: no such file [unreadable-file]\n`);
});

test('inspect of a missing export whose name holds an escape sequence: the name in its error line is escaped, never sent to the terminal', async () => {
  const file = path.join('no-such-folder', 'a\u001b[2Jb\u009b.json');
  const run = await runCli(['inspect', file]);
  expect(run.code).toBe(2);
  expect(run.stderr).not.toMatch(/[\u001b\u009b]/);
  expect(run.stderr).toBe(`flowgrade: ${path.join('no-such-folder', 'a\\u001b[2Jb\\u009b.json')}: no such file [unreadable-file]\n`);
});

test('simulate --max-size: an export over the limit is refused before it is read, exit 2', async () => {
  const file = fixturePath('flows/solution.json');
  const run = await runCli(['simulate', file, '--max-size', '1K']);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/\[too-large\]\n$/);
});

test('inspect --max-size 1K: a file of exactly 1,024 bytes is read (only a larger one is too large)', async () => {
  const dir = tempDir('g24-size');
  const exact = path.join(dir, 'exact.json');
  writeFileSync(exact, '{}' + ' '.repeat(1022));
  const one = await runCli(['inspect', exact, '--max-size', '1K']);
  expect(one.stderr).not.toContain('[too-large]');
  const over = path.join(dir, 'over.json');
  writeFileSync(over, '{}' + ' '.repeat(1023));
  const two = await runCli(['inspect', over, '--max-size', '1K']);
  expect(two.code).toBe(2);
  expect(two.stderr).toContain('[too-large]');
});

test('inspect: an event handler whose path runs through two activities says it reaches 2', async () => {
  const flow = tinyFlow();
  const events = flow.eventFlows.eventsMap.GLOBAL_EVENTS.process;
  events.activities.sorry = { id: 'sorry', name: 'Sorry', group: 'action', properties: { activityName: 'play-message', name: 'Sorry' } };
  events.links = [
    { id: 'e1s', sourceActivityId: 'e1', targetActivityId: 'sorry', conditionExpr: 'out', properties: { value: 'out' } },
    { id: 'se', sourceActivityId: 'sorry', targetActivityId: 'end', conditionExpr: 'default', properties: { value: 'default' } },
  ];
  const file = path.join(tempDir('g24-handler'), 'Main_Flow_207.json');
  writeFileSync(file, JSON.stringify(flow));
  const run = await runCli(['inspect', file]);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('OnGlobalError (GlobalErrorHandling) → Sorry (reaches 2 activities)\n');
});
