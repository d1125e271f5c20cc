/**
 * The scenarios of one call share the main flow's run (engine/run-scenarios.ts): each run must be
 * exactly what running its scenario from the start gives — trace, variables, callbacks, tasks and
 * the requests the mocks saw — on every fixture, every real export, and flows that reach the
 * Tasks API before their main flow stops (those are not shared).
 */
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { mission } from '../../../checks/callback-on-global-error/index.js';
import type { ScenarioDefinition, ScenarioRun } from '../../../engine/check.js';
import { loadFlow } from '../../../engine/loader.js';
import type { FlowModel } from '../../../engine/model.js';
import { runScenarios } from '../../../engine/run-scenarios.js';
import { simulate } from '../../../engine/simulator/index.js';
import { createMockServices, DEFAULT_DYNVARS } from '../../../mocks/index.js';
import { fixturePath, HAS_SHARED, SHARED } from '../../helpers.js';
import { buildFlow, condition, endFlow, menu, setVar, type Node } from '../simulator/helpers.js';

const settings = { ...mission.defaultSettings, dynvars: DEFAULT_DYNVARS };
const now = () => new Date('2025-07-30T09:00:00Z');

/** Each definition run on its own, from the start. */
async function fromTheStart(model: FlowModel, definitions: ScenarioDefinition[]): Promise<ScenarioRun[]> {
  const runs: ScenarioRun[] = [];
  for (const definition of definitions) {
    const services = createMockServices({ ...definition.mocks });
    runs.push({ result: await simulate(model, definition.scenario, { services, now }), tasks: services.tasks, requests: services.requests });
  }
  return runs;
}

/** Runs sharing the main flow, checked equal to runs from the start; whether the main flow was shared. */
async function expectSameAsFromTheStart(model: FlowModel, definitions = mission.scenarios(settings, model)): Promise<boolean> {
  const shared = await runScenarios(model, definitions, undefined, { now });
  expect(shared).toEqual(await fromTheStart(model, definitions));
  return shared.slice(1).some((run) => run.result.trace.length > 0 && run.result.trace[0] === shared[0].result.trace[0]);
}

function load(bytes: Uint8Array, file: string): FlowModel {
  const loaded = loadFlow(bytes, { fileName: file });
  if (!loaded.ok) throw new Error(`${file}: ${loaded.error.message}`);
  return loaded.model;
}

const FIXTURES = readdirSync(fixturePath('flows')).filter((f) => f.endsWith('.json'));

test('every fixture: the three scenarios sharing the main flow run as each would from the start', async () => {
  const sharedFor: string[] = [];
  for (const file of FIXTURES) {
    if (await expectSameAsFromTheStart(load(readFileSync(fixturePath(`flows/${file}`)), file))) sharedFor.push(file);
  }
  // Not vacuous: the solution (and most fixtures) do share it.
  expect(sharedFor).toContain('solution.json');
  expect(sharedFor.length).toBeGreaterThan(FIXTURES.length / 2);
});

test.describe('real exports', () => {
  test.skip(!HAS_SHARED, '../shared/real-flows is not present');
  test('every real export: the scenarios run as each would from the start', async () => {
    const dir = path.join(SHARED, 'real-flows');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      await expectSameAsFromTheStart(load(readFileSync(path.join(dir, file)), file));
    }
  });
});

const createTask = (label: string): Node => ({
  label,
  type: 'http-request-v2',
  props: {
    authenticated: true,
    'connectorId:name': 'WxCC_API',
    httpRequestMethod: 'POST',
    httpRequestPath: '/v1/tasks',
    httpContentType: 'application/json',
    httpRequestBody: JSON.stringify({ entryPointId: DEFAULT_DYNVARS[0].outboundcallbackep, destination: '+14085267209', mediaType: 'telephony', outboundType: 'OUTDIAL', origin: '+14694096861' }),
  },
});

test('a main flow that reaches the Tasks API is not shared (its answer differs by scenario), and each run is still right', async () => {
  const model = buildFlow({
    main: [createTask('EarlyTask'), { label: 'Fail', type: 'set-variable', props: { srcVariable: 'nope', value: '{{ ANI | 123 }}' } }],
    links: [
      ['NewPhoneContact', 'out', 'EarlyTask'],
      ['EarlyTask', 'default', 'Fail'],
    ],
    events: [createTask('LateTask')],
    eventLinks: [['GlobalErrorHandling', 'out', 'LateTask']],
  });
  const definitions = mission.scenarios(settings, model);
  expect(await expectSameAsFromTheStart(model, definitions)).toBe(false);
  const runs = await runScenarios(model, definitions, undefined, { now });
  expect(runs.map((run) => run.result.trace.find((e) => e.activity === 'EarlyTask')?.http?.status)).toEqual([201, 400, 500]);
});

test('a main flow without the Tasks API is shared, and each scenario gets its own answer after it', async () => {
  const model = buildFlow({
    main: [{ label: 'Fail', type: 'set-variable', props: { srcVariable: 'nope', value: '{{ ANI | 123 }}' } }],
    links: [['NewPhoneContact', 'out', 'Fail']],
    events: [createTask('LateTask')],
    eventLinks: [['GlobalErrorHandling', 'out', 'LateTask']],
  });
  expect(await expectSameAsFromTheStart(model)).toBe(true);
  const runs = await runScenarios(model, mission.scenarios(settings, model), undefined, { now });
  expect(runs.map((run) => run.result.trace.find((e) => e.activity === 'LateTask')?.http?.status)).toEqual([201, 400, 500]);
});

test('each scenario goes on from its own copy of the call: variables, outputs, visits, menu answers, callbacks, queue and ids', async () => {
  // OnGlobalError reads what it writes itself (a counter, LateTask's status before LateTask runs),
  // loops 20 times through one activity (25 visits allowed per run), answers a menu again and
  // registers a callback: a scenario that saw another one's state would differ from its own run.
  const model = buildFlow({
    variables: [
      { name: 'count', type: 'INTEGER', value: '0' },
      { name: 'seen', type: 'STRING', value: '' },
      { name: 'note', type: 'STRING', value: '' },
    ],
    main: [{ label: 'Queue', type: 'queue-contact', props: { destination: 'q-1' } }, menu('Pick', ['1', '2']), callback('MainCallback'), setVar('Fail', 'note', '{{ ANI | 123}}')],
    links: [
      ['NewPhoneContact', 'out', 'Queue'],
      ['Queue', 'default', 'Pick'],
      ['Pick', '1', 'MainCallback'],
      ['MainCallback', 'default', 'Fail'],
    ],
    events: [setVar('Before', 'seen', '{{ LateTask.httpStatusCode }}'), createTask('LateTask'), menu('Pick', ['1', '2']), callback('LateCallback'), setVar('Count', 'count', '{{ count + 1 }}'), condition('Again', '{{ count < 20 }}'), endFlow()],
    eventLinks: [
      ['GlobalErrorHandling', 'out', 'Before'],
      ['Before', 'out', 'LateTask'],
      ['LateTask', 'default', 'Pick'],
      ['Pick', '2', 'LateCallback'],
      ['LateCallback', 'default', 'Count'],
      ['Count', 'out', 'Again'],
      ['Again', 'true', 'Count'],
      ['Again', 'false', 'EndFlow'],
    ],
  });
  const call = { dtmf: { Pick: ['1', '2'] } };
  const definitions: ScenarioDefinition[] = [
    { id: 'a', title: 'a', scenario: call },
    { id: 'b', title: 'b', scenario: call, mocks: { tasks: { status: 400 } } },
    { id: 'c', title: 'c', scenario: { ...call }, mocks: { tasks: { status: 500 } } },
  ];
  const options = { now, callerConnectedInErrorHandler: true };
  const shared = await runScenarios(model, definitions, undefined, options);
  const fresh: ScenarioRun[] = [];
  for (const definition of definitions) {
    const services = createMockServices({ ...definition.mocks });
    fresh.push({ result: await simulate(model, definition.scenario, { ...options, services }), tasks: services.tasks, requests: services.requests });
  }
  expect(shared).toEqual(fresh);
  expect(shared[1].result.trace[0]).toBe(shared[0].result.trace[0]); // shared, not run again
  expect(shared.map((run) => [run.result.status, run.result.variables.count, run.result.variables.seen, (run.result.callbacks ?? []).map((c) => c.id), run.result.inQueue])).toEqual([
    ['completed', 20, '', ['sim-id-1', 'sim-id-2'], true],
    ['completed', 20, '', ['sim-id-1', 'sim-id-2'], true],
    ['completed', 20, '', ['sim-id-1', 'sim-id-2'], true],
  ]);
});

function callback(label: string): Node {
  return { label, type: 'callback', props: { callbackDn: '{{NewPhoneContact.ANI}}', callbackQueue: 'q-1' } };
}

test('an explicit undefined in a call is not the same call as a missing field', async () => {
  const model = load(readFileSync(fixturePath('flows/solution.json')), 'solution.json');
  const definitions: ScenarioDefinition[] = [
    { id: 'a', title: 'a', scenario: { contact: {} } },
    { id: 'b', title: 'b', scenario: { contact: { ANI: undefined } }, mocks: { tasks: { status: 400 } } },
  ];
  expect(await expectSameAsFromTheStart(model, definitions)).toBe(false);
});
