/**
 * A second mission can be graded: the test-only Hello World mission (tests/unit/missions/hello-world/)
 * through the real gradeFlow, as tests/unit/checks does for Callback on Global Error. Every scored
 * check passes on the solution and fails on its defect; the real public Hello World export (read in
 * place from ../shared, skipped when absent) passes; scenarios and points are the mission's own.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MISSIONS } from '../../../checks/index.js';
import { gradeFlow } from '../../../engine/grade.js';
import type { GradeReport } from '../../../engine/report.js';
import { HAS_SHARED, SHARED } from '../../helpers.js';
import { DEFECTS, solutionText } from './hello-world/flows.js';
import helloWorld from './hello-world/index.js';

const NOW = new Date('2025-07-30T09:00:00.000Z');

function grade(text: string | Uint8Array, fileName = 'HelloWorld_140.json'): Promise<GradeReport> {
  return gradeFlow(text, { mission: helloWorld, fileName, now: () => new Date(NOW), tool: { name: 'flowgrade', version: 'test' } });
}

test('metadata: ids unique beside the product\'s missions, each check in a step of the mission, in step order, judging a scenario it has', () => {
  expect(MISSIONS.map((m) => m.id)).not.toContain(helloWorld.id);
  const ids = [...MISSIONS, helloWorld].flatMap((m) => m.checks.map((c) => c.id));
  expect(new Set(ids).size, 'check ids are unique across missions (docs/checks/<id>.md)').toBe(ids.length);
  const scenarios = new Set(helloWorld.scenarios(helloWorld.defaultSettings).map((s) => s.id));
  for (const check of helloWorld.checks) {
    expect(check.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(helloWorld.steps[check.step], check.id).toBeDefined();
    if (check.scenario !== undefined) expect(scenarios.has(check.scenario), check.id).toBe(true);
  }
  const steps = helloWorld.checks.map((c) => c.step);
  expect(steps).toEqual([...steps].sort((a, b) => a - b));
});

test('the solution passes every check, with the mission\'s own points, scenario and lab', async () => {
  const report = await grade(solutionText());
  expect(report.checks.map((c) => [c.id, c.status])).toEqual(helloWorld.checks.map((c) => [c.id, 'passed']));
  expect(report.verdict).toBe('passed');
  expect(report.score).toEqual({ earned: 11, possible: 11 });
  expect(report.lab).toEqual({ id: 'hello-world', title: 'Hello World' });
  expect(report.scenarios.map((s) => [s.id, s.passed])).toEqual([['call', true]]);
  expect(report.scenarios[0].summary).toBe('caller disconnected at DisconnectContact_h1w');
  // The call dials the mission's own default DNIS.
  expect(report.scenarios[0].trace[0].modifiedVariables['NewPhoneContact.DNIS']).toBe('+15550100140');
});

for (const [name, defect] of Object.entries(DEFECTS)) {
  test(`defect ${name} fails exactly ${defect.fails.join(', ')}`, async () => {
    const report = await grade(defect.text);
    const failing = report.checks.filter((c) => c.status === 'failed').map((c) => c.id);
    expect(failing).toEqual(defect.fails);
    expect(report.verdict).toBe('failed');
    for (const id of defect.fails) {
      const result = report.checks.find((c) => c.id === id)!;
      expect(result.earned).toBe(0);
      expect(result.expected !== undefined || result.traceExcerpt !== undefined, `${id} states what was expected`).toBe(true);
    }
  });
}

test('every scored check fails on at least one defect', () => {
  const covered = new Set(Object.values(DEFECTS).flatMap((d) => d.fails));
  expect(helloWorld.checks.filter((c) => !covered.has(c.id)).map((c) => c.id)).toEqual([]);
});

test('a missing Welcome is reported once: the later checks that need it are not judged and name the first', async () => {
  const report = await grade(DEFECTS['no-welcome'].text);
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
  const report = await grade(readFileSync(file), path.basename(file));
  expect(report.checks.filter((c) => c.status !== 'passed').map((c) => `${c.id}: ${c.message}`)).toEqual([]);
  expect(report.scenarios[0].summary).toBe('caller disconnected at DisconnectContact_3o4');
});
