/**
 * A second mission can be graded: the test-only Hello World mission (tests/unit/missions/hello-world/),
 * never registered in the product, through the tests every mission needs (conformance.ts), and what
 * is its own: the call it simulates, a missing Welcome reported once, and the real public Hello World
 * export (read in place from ../shared, skipped when absent) passing.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gradeFlow } from '../../../engine/grade.js';
import { HAS_SHARED, ROOT, SHARED } from '../../helpers.js';
import { gradeWith, testMission } from './conformance.js';
import { DEFECTS, solutionText } from './hello-world/flows.js';
import helloWorld from './hello-world/index.js';

testMission(helloWorld, { fileName: 'HelloWorld_140.json', solution: solutionText(), defects: DEFECTS });

test('the product does not register it: checks/index.ts has only the product\'s missions', () => {
  expect(readFileSync(path.join(ROOT, 'checks', 'index.ts'), 'utf8')).not.toContain('hello');
});

test('the call dials the mission\'s own number and ends at the Disconnect Contact', async () => {
  const report = await gradeWith(helloWorld, solutionText(), 'HelloWorld_140.json');
  expect(report.scenarios.map((s) => [s.id, s.passed, s.summary])).toEqual([['call', true, 'caller disconnected at DisconnectContact_h1w']]);
  expect(report.scenarios[0].trace[0].modifiedVariables['NewPhoneContact.DNIS']).toBe('+15550100140');
});

test('a scenario that gives no DNIS dials the mission\'s number, or the one the grader gives, not the first mission\'s', async () => {
  const withoutDnis = { ...helloWorld, scenarios: () => [{ id: 'call', title: 'A caller dials in', scenario: {} }] };
  const dialled = async (dnis?: string) => {
    const report = await gradeFlow(solutionText(), { mission: withoutDnis, fileName: 'HelloWorld_140.json', ...(dnis ? { settings: { dnis } } : {}), tool: { name: 'flowgrade', version: 'test' } });
    return report.scenarios[0].trace[0].modifiedVariables['NewPhoneContact.DNIS'];
  };
  expect(await dialled()).toBe('+15550100140');
  expect(await dialled('+15550100777')).toBe('+15550100777');
});

test('the attendee id is the <ID> of the mission\'s flow name HelloWorld_<ID>, from the flow or the file name', async () => {
  expect((await gradeWith(helloWorld, solutionText(), 'export.json')).attendee).toEqual({ id: '140', source: 'flow-name' });
  expect((await gradeWith(helloWorld, '{', 'HelloWorld_141 (1).json')).attendee).toEqual({ id: '141', source: 'file-name' });
  const renamed = solutionText().replace('"name": "HelloWorld_140"', '"name": "Main_Flow_140"');
  expect((await gradeWith(helloWorld, renamed, 'export.json')).attendee).toEqual({ id: 'export', source: 'file-name' });
});

test('a missing Welcome is reported once: the later checks that need it are not judged and name the first', async () => {
  const report = await gradeWith(helloWorld, DEFECTS['no-welcome'].text, 'HelloWorld_140.json');
  const [first, ...later] = report.checks.filter((c) => c.message.includes('no Play Message labelled Welcome'));
  expect(first.status).toBe('failed');
  expect(later.map((c) => [c.id, c.status])).toEqual([
    ['hello-welcome-prompt-text', 'skipped'],
    ['hello-welcome-to-disconnect', 'skipped'],
  ]);
  for (const check of later) expect(check.message).toContain(`reported under “${first.title}”`);
});

test('the real public Hello World export (../shared/real-flows) passes', async () => {
  test.skip(!HAS_SHARED, '../shared/real-flows is absent');
  const file = path.join(SHARED, 'real-flows', 'hello-world_start-play-disconnect_MIT.json');
  const report = await gradeWith(helloWorld, readFileSync(file, 'utf8'), path.basename(file));
  expect(report.checks.filter((c) => c.status !== 'passed').map((c) => `${c.id}: ${c.message}`)).toEqual([]);
  expect(report.scenarios[0].summary).toBe('caller disconnected at DisconnectContact_3o4');
});
