/**
 * Isolation and determinism: the same input gives byte-identical JSON (fixed clock); a class graded
 * in another order or with another `--jobs` gives identical per-attendee results; and one attendee's
 * flow can never change another's result (fresh mock state per submission and per scenario).
 */
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findMission } from '../../../checks/index.js';
import { gradeFlow, type GradeOptions } from '../../../engine/grade.js';
import { DEFAULT_DYNVARS } from '../../../mocks/index.js';
import type { GradeReport } from '../../../engine/report.js';
import { fixturePath, runCli } from '../../helpers.js';
import { FIXTURE_FILES, FLOW_FILES, fixtureText } from '../fuzz/mutations.js';
import { expectNoVisibleEffect, removeTempDirs, tempDir } from './flows.js';

test.afterAll(removeTempDirs);

const NOW = '2025-08-01T09:00:00.000Z';
const mission = findMission('callback-on-global-error')!;
const options: Omit<GradeOptions, 'fileName'> = { mission, now: () => new Date(NOW), tool: { name: 'flowgrade', version: 'test' } };
const withAttendee = (text: string, id: string) => text.split('Main_Flow_140').join(`Main_Flow_${id}`);

/** The Tasks API requests a report's scenarios made. */
const taskPosts = (report: GradeReport) =>
  report.scenarios.flatMap((s) => s.trace).filter((e) => e.http?.method === 'POST' && /\/v1\/tasks$/.test(new URL(e.http.url).pathname));

test('the same export graded twice in-process gives byte-identical JSON', async () => {
  for (const file of ['flows/solution.json', 'flows/defect-condition-tests-200.json', 'flows/noise-style-2026.json', 'unreadable/truncated-solution.json']) {
    const text = readFileSync(fixturePath(file));
    const first = JSON.stringify(await gradeFlow(text, { ...options, fileName: file }));
    const second = JSON.stringify(await gradeFlow(text, { ...options, fileName: file }));
    expect(second, file).toBe(first);
  }
});

test('the same export checked twice by the CLI with --now gives byte-identical JSON', async () => {
  const file = fixturePath('flows/solution.json');
  const [a, b] = await Promise.all([runCli(['check', file, '--format', 'json', '--now', NOW]), runCli(['check', file, '--format', 'json', '--now', NOW])]);
  expect(a.code).toBe(0);
  expect(a.stdout.length).toBeGreaterThan(1000);
  expect(b.stdout).toBe(a.stdout);
});

test('one attendee cannot affect another: B graded after A equals B graded alone', async () => {
  // A: the solution (creates a callback task) and hostile flows (pollution attempts, loops).
  const solution = fixtureText('flows/solution.json');
  const hostile = JSON.parse(solution);
  for (const activity of Object.values<Record<string, Record<string, unknown>>>(hostile.process.activities)) {
    if (activity.properties.activityName === 'http-request-v2') {
      activity.properties.httpRequestBody = '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}';
    }
  }
  hostile.variables.push({ name: '__proto__', type: 'JSON', value: '{"polluted": "yes"}', source: '' });
  const others = [solution, JSON.stringify(hostile), fixtureText('flows/defect-callbackapi-body-without-callback.json')];
  // B: the flow before the mission (creates no task), and a second solution with another attendee.
  const before = fixtureText('flows/before-mission.json');
  const secondSolution = withAttendee(solution, '777');

  const aloneBefore = await gradeFlow(before, { ...options, fileName: 'b.json' });
  const aloneSecond = await gradeFlow(secondSolution, { ...options, fileName: 'b2.json' });
  expect(taskPosts(aloneBefore)).toEqual([]);
  const tasksOfSolution = taskPosts(aloneSecond).length;
  expect(tasksOfSolution).toBeGreaterThan(0);

  const shared = { ...options, mocks: {} }; // one options object for the whole batch, as the CLI does
  for (const text of others) await gradeFlow(text, { ...shared, fileName: 'a.json' });
  const afterBefore = await gradeFlow(before, { ...shared, fileName: 'b.json' });
  for (const text of others) await gradeFlow(text, { ...shared, fileName: 'a.json' });
  const afterSecond = await gradeFlow(secondSolution, { ...shared, fileName: 'b2.json' });

  expect(JSON.stringify(afterBefore)).toBe(JSON.stringify(aloneBefore));
  expect(taskPosts(afterBefore)).toEqual([]); // none of A's tasks shows in B's report
  expect(JSON.stringify(afterSecond)).toBe(JSON.stringify(aloneSecond));
  expect(taskPosts(afterSecond)).toHaveLength(tasksOfSolution);
  expect(shared.mocks).toEqual({}); // grading never writes into the options it was given
  expectNoVisibleEffect();
});

test('a class graded in another order and with another --jobs gives identical per-attendee reports', async () => {
  const dir = tempDir('iso-class');
  const files = FLOW_FILES.filter((_, i) => i % 3 === 0).map((fixture, i) => {
    const file = path.join(dir, `${String(i).padStart(2, '0')}.json`);
    writeFileSync(file, withAttendee(fixtureText(fixture), String(500 + i)));
    return file;
  });
  // A hostile neighbour in the same class.
  const hostile = JSON.parse(fixtureText('flows/solution.json'));
  hostile.name = 'Main_Flow_666';
  hostile.variables.push({ name: '__proto__', type: 'JSON', value: '{"polluted": "yes"}', source: '' });
  const hostileFile = path.join(dir, 'zz-hostile.json');
  writeFileSync(hostileFile, JSON.stringify(hostile));
  const all = [...files, hostileFile];
  const shuffled = [...all].sort((a, b) => (a.length * 31 + a.charCodeAt(a.length - 6)) % 7 - (b.length * 31 + b.charCodeAt(b.length - 6)) % 7 || b.localeCompare(a));

  const outs = [tempDir('iso-1'), tempDir('iso-2'), tempDir('iso-3')];
  const runs = await Promise.all([
    runCli(['grade', ...all, '--out', outs[0], '--jobs', '1', '--now', NOW, '--quiet']),
    runCli(['grade', ...shuffled, '--out', outs[1], '--jobs', '2', '--now', NOW, '--quiet']),
    runCli(['grade', ...all.reverse(), '--out', outs[2], '--jobs', '4', '--now', NOW, '--quiet']),
  ]);
  for (const run of runs) expect(run.stderr).not.toContain('internal');
  const reports = (out: string) => Object.fromEntries(readdirSync(out).filter((f) => f.endsWith('.json') && f !== 'flowgrade-run.json').sort().map((f) => [f, readFileSync(path.join(out, f), 'utf8')]));
  const [first, ...others] = outs.map(reports);
  expect(Object.keys(first)).toHaveLength(all.length);
  for (const other of others) expect(other).toEqual(first);

  // And each report equals the one `check` gives for that file alone.
  const alone = await runCli(['check', files[0], '--format', 'json', '--now', NOW]);
  const id = JSON.parse(alone.stdout).attendee.id as string;
  expect(JSON.parse(first[`${id}.json`])).toEqual(JSON.parse(alone.stdout));
});

/** Freezes a value and everything it holds (plain objects and arrays). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

test('grading never writes into the options it is given, nor into the shared DynVars dataset: frozen, every fixture grades the same', async () => {
  const hostile = JSON.parse(fixtureText('flows/solution.json'));
  hostile.variables.push({ name: '__proto__', type: 'JSON', value: '{"polluted": "yes"}', source: '' }, { name: 'constructor', type: 'STRING', value: 'x', source: '' });
  const inputs: [string, string][] = [...FIXTURE_FILES.map((file) => [file, fixtureText(file)] as [string, string]), ['hostile.json', JSON.stringify(hostile)]];
  const settings = { dnis: mission.defaultSettings.dnis };
  const make = () => ({ ...options, settings: { ...settings }, mocks: { dynvars: structuredClone(DEFAULT_DYNVARS) }, limits: { maxSteps: 500, maxVisitsPerActivity: 25 }, tool: { ...options.tool } });
  const expected = new Map<string, string>();
  for (const [file, text] of inputs) expected.set(file, JSON.stringify(await gradeFlow(text, { ...make(), fileName: file })));
  deepFreeze(DEFAULT_DYNVARS);
  const frozen = deepFreeze(make());
  for (const [file, text] of inputs) {
    const report = await gradeFlow(text, { ...frozen, fileName: file });
    expect(JSON.stringify(report), file).toBe(expected.get(file));
  }
  const defaults = await gradeFlow(fixtureText('flows/solution.json'), { ...options, fileName: 'solution.json' }); // the frozen default dataset
  expect(defaults.verdict).toBe('passed');
  expectNoVisibleEffect();
});
