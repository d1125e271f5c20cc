/**
 * The mission's metadata is complete and consistent: every check is one file named after its id,
 * has everything a report and a docs page need, appears in the pass/fail table, and the required
 * checks add up to 100 points. The registry finds the mission.
 */
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_MISSION_ID, findMission, MISSIONS } from '../../../checks/index.js';
import { ROOT } from '../../helpers.js';
import { loadFlow } from '../../../engine/loader.js';
import { FAILS_ON } from './pairs.js';
import { activity, addActivity, link, mission, mutated, solutionExport } from './support.js';

const MISSION_DIR = path.join(ROOT, 'checks', DEFAULT_MISSION_ID);
const checkFiles = readdirSync(MISSION_DIR).filter((name) => name.endsWith('.ts') && name !== 'index.ts');

test('the registry: default mission, lookup by id, unknown ids', () => {
  expect(DEFAULT_MISSION_ID).toBe('callback-on-global-error');
  expect(findMission(DEFAULT_MISSION_ID)).toBe(mission);
  expect(findMission('no-such-mission')).toBeUndefined();
  expect(new Set(MISSIONS.map((m) => m.id)).size).toBe(MISSIONS.length);
  const ids = MISSIONS.flatMap((m) => m.checks.map((c) => c.id));
  expect(new Set(ids).size, 'check ids are unique across missions (docs/checks/<id>.md)').toBe(ids.length);
});

test('the mission: title, guide, steps 1–13, default DNIS, three scenarios', () => {
  expect(mission.title).toBe('Callback on Global Error');
  expect(mission.guide).toMatch(/CallbackTrack_Mission3\.md$/);
  expect(Object.keys(mission.steps).map(Number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
  expect(Object.values(mission.steps).every((t) => t.length > 5)).toBe(true);
  expect(mission.defaultSettings).toEqual({ dnis: '+14694096861' });
  const scenarios = mission.scenarios({ dnis: "+15550001111" });
  expect(scenarios.map((s) => s.id)).toEqual(['happy-path', 'tasks-400', 'tasks-500']);
  expect(scenarios.every((s) => s.scenario.contact?.DNIS === '+15550001111' && s.scenario.dtmf?.WantCallback === '3')).toBe(true);
  expect(scenarios.map((s) => s.mocks?.tasks)).toEqual([undefined, { status: 400 }, { status: 500 }]);
});

test("the scenarios' caller answers the other Menus on the way with the option that leads on, and only those", () => {
  const dtmfOf = (text: string) => {
    const loaded = loadFlow(text);
    if (!loaded.ok) throw new Error(loaded.error.message);
    return mission.scenarios(mission.defaultSettings, loaded.model).map((s) => s.scenario.dtmf);
  };
  // The solution: WantCallback only (NewNumber and VerifyNumber come after option 1, not on the way).
  expect(dtmfOf(JSON.stringify(solutionExport()))).toEqual(Array(3).fill({ WantCallback: '3' }));
  const withMenu = mutated((f) => {
    const keys = ['1', '2', '3'];
    addActivity(f, 'WantCallback', '__proto__', { activityName: 'ivr-menu', menuLinks: keys, menuLinks_input: keys }, 'enum-gateway');
    link(f, 'WelcomePrompt', 'default', '__proto__');
    link(f, '__proto__', '1', 'DisconnectContact_3zq');
    link(f, '__proto__', '3', 'Queue');
    link(f, '__proto__', 'timeout', '__proto__');
    expect(activity(f, '__proto__').name).toBe('__proto__');
  });
  for (const dtmf of dtmfOf(withMenu)) {
    expect(Object.entries(dtmf ?? {})).toEqual([['__proto__', '3'], ['WantCallback', '3']]);
  }
});

test('one file per check, named after its id; every file is in the mission', () => {
  expect(checkFiles.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(mission.checks.map((c) => c.id).sort());
  for (const check of mission.checks) {
    const source = readFileSync(path.join(MISSION_DIR, `${check.id}.ts`), 'utf8');
    expect(source, `${check.id}.ts declares its own id`).toContain(`'${check.id}'`);
  }
});

test('every check has complete metadata', () => {
  const scenarioIds = new Set(mission.scenarios(mission.defaultSettings).map((s) => s.id));
  for (const check of mission.checks) {
    expect(check.id, check.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(check.title.length, check.id).toBeGreaterThan(10);
    expect(Number.isInteger(check.step) && check.step >= 1 && check.step <= 13, check.id).toBe(true);
    expect(['required', 'recommended', 'info'], check.id).toContain(check.severity);
    expect(Number.isInteger(check.points), check.id).toBe(true);
    expect(check.severity === 'info' ? check.points === 0 : check.points > 0, `${check.id} points`).toBe(true);
    expect(check.hint.length, check.id).toBeGreaterThan(15);
    expect(check.description.length, check.id).toBeGreaterThan(60);
    if (check.scenario !== undefined) expect(scenarioIds.has(check.scenario), check.id).toBe(true);
    expect(typeof check.run, check.id).toBe('function');
  }
});

test('checks run in Build-step order; required checks are worth 100 points', () => {
  const steps = mission.checks.map((c) => c.step);
  expect(steps).toEqual([...steps].sort((a, b) => a - b));
  const total = (severity: string) => mission.checks.filter((c) => c.severity === severity).reduce((a, c) => a + c.points, 0);
  expect(total('required')).toBe(100);
  expect(total('recommended')).toBeGreaterThan(0);
  expect(total('info')).toBe(0);
  for (let step = 1; step <= 10; step++) expect(steps, `a check for Build step ${step}`).toContain(step);
});

test('every scored check is in at least one pass/fail pair', () => {
  for (const check of mission.checks.filter((c) => c.severity !== 'info')) {
    expect(FAILS_ON[check.id]?.length ?? 0, `${check.id} has an input it fails on`).toBeGreaterThan(0);
  }
  expect(Object.keys(FAILS_ON).filter((id) => !mission.checks.some((c) => c.id === id))).toEqual([]);
});

test('every scored check fails on a flow with its own mistake, not only on the flow before the mission (every step undone)', () => {
  for (const check of mission.checks.filter((c) => c.severity !== 'info')) {
    const single = (FAILS_ON[check.id] ?? []).filter((input) => input !== 'flows/before-mission.json');
    expect(single.length, `${check.id} has an input with one mistake`).toBeGreaterThan(0);
  }
});

test('checks/ is pure: no Node built-ins, no eval', () => {
  const sources: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) sources.push(full);
    }
  };
  walk(path.join(ROOT, 'checks'));
  for (const file of sources) {
    const text = readFileSync(file, 'utf8');
    expect(text, file).not.toMatch(/from ['"](node:|fs|path|os|child_process|process|buffer)['"/]/);
    expect(text, file).not.toMatch(/\beval\(|new Function\(|\bprocess\.|\bBuffer\./);
  }
});
