/**
 * A bug of ours never becomes the attendee's mistake: a check that throws, or a check judging a
 * simulated call that stopped on a simulator bug, is `errored`; the other checks are judged as
 * usual and the grading goes on.
 */
import { expect, test } from '@playwright/test';
import { mission as lab } from '../../../checks/callback-on-global-error/index.js';
import { defineCheck, type Check, type Mission } from '../../../engine/check.js';
import { gradeFlow } from '../../../engine/grade.js';
import type { Scenario } from '../../../engine/simulator/index.js';
import { blockingChecks, summaryLine } from '../../../reports/summary.js';
import { readFixture } from '../../helpers.js';

const SOLUTION = readFixture('flows/solution.json');

/** A scenario whose contact data cannot be read: NewPhoneContact hits a TypeError, as a bug of ours would. */
const brokenScenario: Scenario = {
  get contact(): Scenario['contact'] {
    throw new TypeError('contact data unreadable');
  },
};

function judging(id: string, scenario: string): Check {
  return defineCheck({
    id,
    title: `The ${scenario} call ends`,
    step: 1,
    points: 1,
    severity: 'required',
    scenario,
    hint: 'none',
    description: 'test',
    run: (ctx) => (ctx.runs[scenario].result.status === 'completed' ? { status: 'passed', message: 'ended' } : { status: 'failed', message: ctx.runs[scenario].result.summary }),
  });
}

const throwing = defineCheck({
  id: 'throws',
  title: 'A check with a bug',
  step: 1,
  points: 1,
  severity: 'required',
  hint: 'none',
  description: 'test',
  run: () => {
    throw new RangeError('boom');
  },
});

const staticCheck = defineCheck({ id: 'static', title: 'A static check', step: 1, points: 1, severity: 'required', hint: 'none', description: 'test', run: () => ({ status: 'passed', message: 'fine' }) });

function missionWith(checks: Check[], broken: boolean): Mission {
  return {
    ...lab,
    checks,
    scenarios: (settings, model) => [
      lab.scenarios(settings, model)[0],
      { id: 'second', title: 'Second call', scenario: broken ? brokenScenario : lab.scenarios(settings, model)[0].scenario },
    ],
  };
}

const grade = (mission: Mission) => gradeFlow(SOLUTION, { mission, fileName: 'Main_Flow_140.json', now: () => new Date('2025-07-30T09:00:00Z'), tool: { name: 'flowgrade', version: 'test' } });

test('a check that throws is errored, naming the check; the other checks are judged', async () => {
  const report = await grade(missionWith([throwing, staticCheck], false));
  expect(report.checks.map((c) => [c.id, c.status, c.earned])).toEqual([
    ['throws', 'errored', 0],
    ['static', 'passed', 1],
  ]);
  expect(report.checks[0].message).toBe('check throws crashed: boom');
});

test('a simulated call stopped by a simulator bug errors the checks judging it, not the others', async () => {
  const checks = [staticCheck, judging('first-ends', 'happy-path'), judging('second-ends', 'second')];
  const sound = await grade(missionWith(checks, false));
  expect(sound.checks.map((c) => c.status)).toEqual(['passed', 'passed', 'passed']);

  const report = await grade(missionWith(checks, true));
  expect(report.checks.map((c) => [c.id, c.status])).toEqual([
    ['static', 'passed'],
    ['first-ends', 'passed'],
    ['second-ends', 'errored'],
  ]);
  expect(report.checks[2].message).toMatch(/^check second-ends not judged: the simulated second call stopped on a bug of flowgrade, not of the flow \(simulator failure at NewPhoneContact: contact data unreadable\)$/);
  expect(report.scenarios[1].summary).toMatch(/^simulator failure at NewPhoneContact/);
  expect(report.verdict).toBe('failed');
});

test('a required or recommended check answering "not checkable" (info) is errored, naming it: it neither fails every attendee with nothing to fix nor passes them unjudged', async () => {
  const notCheckable = (severity: Check['severity']) =>
    defineCheck({ id: `${severity}-info`, title: `A ${severity} check`, step: 1, points: 2, severity, hint: 'none', description: 'test', run: () => ({ status: 'info', message: 'check it in Control Hub' }) });
  const report = await grade(missionWith([staticCheck, notCheckable('required'), notCheckable('recommended'), notCheckable('info')], false));
  expect(report.checks.map((c) => [c.id, c.status, c.earned, c.points])).toEqual([
    ['static', 'passed', 1, 1],
    ['required-info', 'errored', 0, 2],
    ['recommended-info', 'errored', 0, 2],
    ['info-info', 'info', 0, 0],
  ]);
  expect(report.checks[1].message).toBe('check required-info is required but answered “not checkable”, which only an info check may: check it in Control Hub');
  expect(report.verdict).toBe('failed');
  // What the report tells the attendee agrees with the verdict: one required check could not be run.
  expect(blockingChecks(report).map((c) => c.id)).toEqual(['required-info']);
  expect(summaryLine(report)).toMatch(/^FAILED 1\/5 .*1 required check could not be run \(a flowgrade bug\)/);
});
