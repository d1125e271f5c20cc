/**
 * Running a mission's scenarios, each against fresh mocks. Scenarios of one call that differ only
 * in how the Tasks API answers (happy-path, tasks-400, tasks-500) share the main flow's work: it
 * runs once, and each scenario goes on from a copy of where it stopped, with its own mocks —
 * provided nothing before that point reached the Tasks API, so that every one of them would have
 * run the main flow alike. The runs are the same as running each scenario from the start (a test
 * compares them on every fixture and real flow). Their trace entries up to that point are the same
 * objects: nothing changes a trace entry once it is written.
 */
import { createMockServices, type MockOptions, type MockServices } from '../mocks/index.js';
import type { ScenarioDefinition, ScenarioRun } from './check.js';
import type { FlowModel } from './model.js';
import { simulateMainFlow, type PausedSimulation, type SimulationOptions } from './simulator/index.js';

interface Started {
  paused: PausedSimulation;
  services: MockServices;
}

/** One run per definition, in order. */
export async function runScenarios(
  model: FlowModel,
  definitions: readonly ScenarioDefinition[],
  mocks: Omit<MockOptions, 'tasks'> | undefined,
  options: Omit<SimulationOptions, 'services'>,
): Promise<ScenarioRun[]> {
  const firstOfCall = new Map<string, Started>();
  const started: Started[] = [];
  for (const definition of definitions) {
    const services = createMockServices({ ...mocks, ...definition.mocks });
    const call = callKey(definition);
    const shared = call === undefined ? undefined : firstOfCall.get(call);
    if (shared && !shared.services.requests.some((request) => request.service === 'tasks-api')) {
      // What the mocks saw so far, as if this scenario had sent it (tracking ids count them).
      services.requests.push(...shared.services.requests.map((request) => ({ ...request })));
      started.push({ paused: shared.paused.fork(services), services });
      continue;
    }
    const paused = await simulateMainFlow(model, definition.scenario, { ...options, services });
    if (call !== undefined && !firstOfCall.has(call)) firstOfCall.set(call, { paused, services });
    started.push({ paused, services });
  }
  // Forked before any of them goes on: a paused simulation is copied only before it finishes.
  const runs: ScenarioRun[] = [];
  for (const { paused, services } of started) runs.push({ result: await paused.finish(), tasks: services.tasks, requests: services.requests });
  return runs;
}

/**
 * The call a scenario makes (contact, answers, agents, hours) as a key, an explicit undefined kept
 * apart from a missing field (`{ ANI: undefined }` is no ANI); undefined when it cannot be written.
 */
function callKey(definition: ScenarioDefinition): string | undefined {
  try {
    return JSON.stringify(definition.scenario, (_key, value: unknown) => (value === undefined ? UNDEFINED : value));
  } catch {
    return undefined;
  }
}

const UNDEFINED = { undefined: true };
