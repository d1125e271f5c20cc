/**
 * Fuzzing the simulator (and the whole grading pipeline: loader, simulator, checks, report) with mutated fixtures (structure damaged, properties of the wrong type,
 * random Pebble templates in every field, links rewired into cycles) and hostile scenarios, run
 * against the real mocks. Every run ends with a status and a summary — never a rejection, never
 * the simulator's "bug of ours" catch-all — inside the step and visit budgets, as plain JSON
 * data, deterministically, and without a single network call.
 */
import { test } from '@playwright/test';
import Ajv from 'ajv';
import fc from 'fast-check';
import reportSchema from '../../../schemas/report.schema.json' with { type: 'json' };
import { findMission } from '../../../checks/index.js';
import { gradeFlow } from '../../../engine/grade.js';
import { loadFlow } from '../../../engine/loader.js';
import { runScenarios } from '../../../engine/run-scenarios.js';
import { renderJson } from '../../../reports/index.js';
import type { FlowModel } from '../../../engine/model.js';
import { simulate, type Scenario, type SimulationResult } from '../../../engine/simulator/index.js';
import { createMockServices } from '../../../mocks/index.js';
import { fixtureJson, FLOW_FILES, hostileString, mutate, mutations, propertyAttacks, type Json, type Mutation } from './mutations.js';
import { checkNoPollution } from './outcomes.js';
import { template } from './pebble-arbitraries.js';
import { check, fuzz, summarise } from './support.js';

test.afterAll(() => summarise('simulator'));
test.describe.configure({ timeout: 900_000 });

const STATUSES = new Set(['completed', 'error', 'stuck', 'not-simulated']);
const MENU_LABELS = ['WantCallback', 'NewNumber', 'VerifyNumber', 'MainMenu', 'CollectDigits'];

/** Counts fetch calls for the whole file: the simulator must never make one. */
let fetchCalls = 0;
const realFetch = globalThis.fetch;
test.beforeAll(() => {
  globalThis.fetch = (async () => {
    fetchCalls += 1;
    throw new Error('network disabled in fuzz tests');
  }) as typeof fetch;
});
test.afterAll(() => {
  globalThis.fetch = realFetch;
});

const scenario: fc.Arbitrary<Scenario> = fc.record(
  {
    dtmf: fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom({ WantCallback: '3' }, { WantCallback: '1', NewNumber: '4694096861', VerifyNumber: '1' }, { WantCallback: '2' }) },
      { weight: 1, arbitrary: fc.dictionary(
      fc.oneof(fc.constantFrom(...MENU_LABELS), hostileString),
      fc.oneof(fc.constantFrom('1', '2', '3', '9', '', '4694096861', '#'), hostileString, fc.array(fc.constantFrom('1', '2', '3', '', '*'), { maxLength: 30 })),
      { maxKeys: 4 },
    ) },
    ),
    contact: fc.record({ ANI: fc.oneof(fc.constant('+14085551234'), hostileString), DNIS: fc.oneof(fc.constant('+14694096861'), hostileString) }, { requiredKeys: [] }),
    agentsAvailable: fc.boolean(),
    businessHours: fc.constantFrom('working' as const, 'closed' as const, 'holiday' as const, 'override' as const),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Scenario>;

/** Random Pebble templates written into random existing properties. */
const templateAttacks: fc.Arbitrary<Mutation[]> = fc.array(
  fc.record({ op: fc.constant('retype-property' as const), at: fc.nat(), key: fc.nat(), value: template as fc.Arbitrary<Json> }),
  { minLength: 1, maxLength: 8 },
);

/** Attacks on a fixture's templates and properties (not its structure): flows the loader still takes. */
const attacks = fc.oneof(templateAttacks, propertyAttacks);

const damage = fc.oneof(mutations, propertyAttacks, templateAttacks, fc.tuple(mutations, templateAttacks).map(([a, b]) => [...a, ...b]));
const budgets = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ maxSteps: 500, maxVisitsPerActivity: 25 }) },
  { weight: 1, arbitrary: fc.record({ maxSteps: fc.integer({ min: 1, max: 600 }), maxVisitsPerActivity: fc.integer({ min: 1, max: 40 }) }) },
);

function load(doc: Json): FlowModel | undefined {
  const loaded = loadFlow(JSON.stringify(doc));
  return loaded.ok ? loaded.model : undefined;
}

/** The run contract: a known status, a one-line summary, within budget, plain JSON, no network, no pollution. */
function checkRun(result: SimulationResult, limits: { maxSteps: number; maxVisitsPerActivity: number }): void {
  check(STATUSES.has(result.status), `unknown status ${result.status}`);
  check(typeof result.summary === 'string' && result.summary.length > 0, 'no summary');
  check(result.status !== 'internal-error', `simulator bug surfaced: ${result.summary.slice(0, 300)}`);
  // Activity executions are counted by the walk; the OnGlobalError node entry is added on top.
  check(result.trace.length <= limits.maxSteps + 1, `${result.trace.length} trace entries for maxSteps ${limits.maxSteps}`);
  const visits = new Map<string, number>();
  for (const entry of result.trace) {
    const key = `${entry.flow}:${entry.activityId}`;
    visits.set(key, (visits.get(key) ?? 0) + 1);
    if (entry.http) check(/^https?:/.test(entry.http.url), `request to ${entry.http.url}`);
    if (entry.http?.unmocked) check(entry.http.status === null, 'an unmocked request has a status');
  }
  for (const [key, count] of visits) check(count <= limits.maxVisitsPerActivity + 1, `${key} ran ${count} times for maxVisitsPerActivity ${limits.maxVisitsPerActivity}`);
  const json = JSON.stringify(result);
  check(JSON.stringify(JSON.parse(json)) === json, 'the result is not plain JSON data');
  check(fetchCalls === 0, `fetch was called ${fetchCalls} times`);
  checkNoPollution();
}

test('fuzz: mutated fixtures run against the mocks end with a status, within budget', async () => {
  await fuzz(
    'simulator/mutated-fixtures',
    fc.asyncProperty(fc.constantFrom(...FLOW_FILES), damage, scenario, budgets, async (file, list, run, limits) => {
      const model = load(mutate(fixtureJson(file), list));
      if (!model) return; // refused by the loader: covered by the loader fuzz
      const result = await simulate(model, run, { services: createMockServices(), ...limits, now: () => new Date(0) });
      checkRun(result, limits);
    }),
    0.25,
  );
});

test('fuzz: hostile scenarios on the solution and the before-mission flow', async () => {
  const models = ['flows/solution.json', 'flows/before-mission.json'].map((f) => load(fixtureJson(f))!);
  const defaults = { maxSteps: 500, maxVisitsPerActivity: 25 };
  await fuzz(
    'simulator/hostile-scenarios',
    fc.asyncProperty(fc.constantFrom(...models), scenario, async (model, run) => {
      checkRun(await simulate(model, run, { services: createMockServices() }), defaults);
    }),
    0.5,
  );
});

test('fuzz: a run is deterministic: same flow and scenario, fresh mocks, identical result', async () => {
  await fuzz(
    'simulator/determinism',
    fc.asyncProperty(fc.constantFrom(...FLOW_FILES), attacks, scenario, async (file, list, run) => {
      const model = load(mutate(fixtureJson(file), list));
      if (!model) return;
      const once = await simulate(model, run, { services: createMockServices() });
      const twice = await simulate(model, run, { services: createMockServices() });
      check(JSON.stringify(once) === JSON.stringify(twice), `${file}: two runs differ`);
    }),
    0.15,
  );
});

test('fuzz: scenarios sharing the main flow run as each would from the start', async () => {
  await fuzz(
    'simulator/shared-main-flow',
    fc.asyncProperty(fc.constantFrom(...FLOW_FILES), attacks, scenario, async (file, list, call) => {
      const model = load(mutate(fixtureJson(file), list));
      if (!model) return;
      const definitions = [undefined, { status: 400 as const }, { status: 500 as const }].map((tasks, i) => ({ id: `s${i}`, title: `s${i}`, scenario: call, ...(tasks ? { mocks: { tasks } } : {}) }));
      const shared = await runScenarios(model, definitions, undefined, {});
      for (const [i, definition] of definitions.entries()) {
        const services = createMockServices({ ...definition.mocks });
        const alone = { result: await simulate(model, call, { services }), tasks: services.tasks, requests: services.requests };
        check(JSON.stringify(shared[i]) === JSON.stringify(alone), `${file}: scenario ${i} differs when it shares the main flow`);
      }
    }),
    0.15,
  );
});

test('fuzz: grading mutated fixtures gives a schema-valid report in which no check crashed', async () => {
  const mission = findMission('callback-on-global-error')!;
  const validate = new Ajv({ allErrors: false, strict: false }).compile(reportSchema);
  await fuzz(
    'grade/mutated-fixtures',
    fc.asyncProperty(fc.constantFrom(...FLOW_FILES), damage, async (file, list) => {
      const report = await gradeFlow(JSON.stringify(mutate(fixtureJson(file), list)), { mission, fileName: file, now: () => new Date(0), tool: { name: 'flowgrade', version: 'fuzz' } });
      const json = JSON.parse(renderJson(report)) as unknown;
      check(validate(json), () => `report does not match schemas/report.schema.json: ${JSON.stringify(validate.errors?.[0])}`);
      if (report.verdict === 'ungradable') check(report.error !== undefined, 'ungradable without an error');
      const crashed = report.checks.filter((c) => c.status === 'errored');
      check(crashed.length === 0, () => `check ${crashed[0].id} crashed: ${crashed[0].message}`);
      for (const scenario of report.scenarios) check(!scenario.summary.includes('simulator failure'), `simulator bug surfaced: ${scenario.summary.slice(0, 300)}`);
      check(fetchCalls === 0, `fetch was called ${fetchCalls} times`);
      checkNoPollution();
    }),
    0.2,
  );
});
