/**
 * Queue To Agent, an activity type of a public template (hnavilur/webex-contact-center-flows
 * LastAgentRouting_Template: its ports are in, default and error), on our own fixture in that format.
 */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { loadFlow } from '../../../engine/loader.js';
import { simulate, type Scenario } from '../../../engine/simulator/index.js';
import { fixturePath } from '../../helpers.js';
import { fakeServices } from './helpers.js';

function model(lastAgent?: string) {
  const exported = JSON.parse(readFileSync(fixturePath('activities/queue-to-agent.json'), 'utf8'));
  if (lastAgent !== undefined) exported.variables[0].value = lastAgent;
  const result = loadFlow(JSON.stringify(exported));
  if (!result.ok) throw new Error(result.error.message);
  return result.model;
}

const run = (lastAgent?: string, scenario: Scenario = {}) => simulate(model(lastAgent), scenario, { services: fakeServices() });

test('Queue To Agent has the exits of its canvas ports', () => {
  const activity = model().main.activities.find((a) => a.label === 'ToLastAgent')!;
  expect([activity.knownExits, activity.unlinkedExits]).toEqual([['default', 'error'], []]);
});

test('with the agent free the call is connected there; otherwise the caller waits on default', async () => {
  const connected = await run(undefined, { agentsAvailable: true });
  expect(connected).toMatchObject({ status: 'completed', summary: 'connected to agent 9d000000-0000-4000-8000-0000000000a9 at ToLastAgent' });
  const waiting = await run();
  expect(waiting.trace.slice(0, 3).map((e) => `${e.activity}:${e.outcome}`)).toEqual(['NewPhoneContact:out', 'ToLastAgent:default', 'Hold:default']);
  expect(waiting).toMatchObject({ status: 'stuck', summary: 'caller waiting in queue: hold loop at Hold', inQueue: true });
});

test('no agent id is its Undefined Error', async () => {
  for (const blank of ['', '   ']) {
    const result = await run(blank);
    expect(result.trace.map((e) => `${e.activity}:${e.outcome}`), JSON.stringify(blank)).toEqual(['NewPhoneContact:out', 'ToLastAgent:error', 'NoAgent:default', 'Bye:end']);
    expect(result.trace[1].error).toBe('no agent to queue to: {{lastAgent}} is empty');
  }
});
