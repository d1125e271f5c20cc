/**
 * The rules gradeFlow (engine/grade.ts) applies around the checks, held with missions made for the
 * purpose: a scenario passes only when every check judging it passes, an info check is worth no
 * points whatever it declares, settings left undefined keep the mission's, --attendee names a
 * submission that cannot be read, and the flow drawing names an event node as its canvas does.
 */
import { expect, test } from '@playwright/test';
import { mission as lab } from '../../../checks/callback-on-global-error/index.js';
import { defineCheck, type Check, type CheckOutcome, type Mission } from '../../../engine/check.js';
import { attendeeIdOf, gradeFlow, missionSettings, refusedReport, type GradeOptions } from '../../../engine/grade.js';
import { readFixture } from '../../helpers.js';

const SOLUTION = readFixture('flows/solution.json');
const SCENARIO = lab.scenarios(lab.defaultSettings)[0].id;

function check(id: string, outcome: CheckOutcome, more: Partial<Check> = {}): Check {
  return defineCheck({ id, title: id, step: 1, points: 2, severity: 'required', hint: 'none', description: 'test', run: () => outcome, ...more });
}

const options = (mission: Mission, more: Partial<GradeOptions> = {}): GradeOptions => ({ mission, fileName: 'Main_Flow_140.json', now: () => new Date('2025-07-30T09:00:00Z'), tool: { name: 'flowgrade', version: 'test' }, ...more });
const grade = (mission: Mission, more: Partial<GradeOptions> = {}) => gradeFlow(SOLUTION, options(mission, more));

test('a scenario passes only when every check judging it passes', async () => {
  const passed = check('judges-passed', { status: 'passed', message: 'ok' }, { scenario: SCENARIO });
  const failed = check('judges-failed', { status: 'failed', message: 'no' }, { scenario: SCENARIO, severity: 'recommended' });
  const scenarioOf = async (checks: Check[]) => (await grade({ ...lab, checks })).scenarios.find((s) => s.id === SCENARIO)?.passed;
  expect(await scenarioOf([passed])).toBe(true);
  expect(await scenarioOf([passed, failed])).toBe(false);
  expect(await scenarioOf([failed, passed])).toBe(false);
});

test('an info check earns and is worth no points, whatever points it declares', async () => {
  const info = check('info', { status: 'info', message: 'in Control Hub' }, { severity: 'info', points: 3 });
  const report = await grade({ ...lab, checks: [check('static', { status: 'passed', message: 'ok' }), info] });
  expect(report.checks.map((c) => [c.id, c.points, c.earned])).toEqual([
    ['static', 2, 2],
    ['info', 0, 0],
  ]);
  expect(report.score).toEqual({ earned: 2, possible: 2 });
});

test('a setting given as undefined keeps the mission default', async () => {
  expect(missionSettings({ mission: lab, settings: { dnis: undefined } }).dnis).toBe(lab.defaultSettings.dnis);
  expect(missionSettings({ mission: lab, settings: { dnis: '+15550001111' } }).dnis).toBe('+15550001111');
  const report = await gradeFlow(SOLUTION, options(lab, { settings: { dnis: undefined } }));
  expect(report.verdict).toBe('passed');
});

test('a submission that cannot be read is the --attendee given, else the file name\'s', async () => {
  const unreadable = await gradeFlow('not json', options(lab, { attendee: 'jane', fileName: 'Main_Flow_140.json' }));
  expect([unreadable.verdict, unreadable.attendee]).toEqual(['ungradable', { id: 'jane', source: 'option' }]);
  expect((await gradeFlow('not json', options(lab))).attendee).toEqual({ id: '140', source: 'file-name' });
  const refused = refusedReport({ code: 'too-large', message: 'file is too large' }, options(lab, { attendee: 'jane' }));
  expect(refused.attendee).toEqual({ id: 'jane', source: 'option' });
  expect(attendeeIdOf(undefined, options(lab, { attendee: 'jane' }))).toBe('jane');
});

test('the flow drawing names an event node as its canvas shows it (OnGlobalError), as the checks do', async () => {
  const report = await grade(lab);
  const labels = report.flow?.events.nodes.map((node) => node.label) ?? [];
  expect(labels).toContain('OnGlobalError');
  expect(labels).not.toContain('GlobalErrorHandling');
});
