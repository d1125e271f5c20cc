/**
 * The Virtual Agent activity (ivr-virtualassistantvoice) of public exports: Dialogflow CX and
 * Webex AI Agent (autonomous, hnavilur/webex-contact-center-flows; scripted, the 2026 WebexSamples
 * payment flow) has the canvas ports ENDED, ESCALATE and error, and no default.
 */
import { test, expect } from '@playwright/test';
import { loadFlow } from '../../../engine/loader.js';
import { tinyFlow } from './tiny-flow.js';

function agent(exits: string[]) {
  const flow = tinyFlow();
  flow.process.activities.va = { id: 'va', name: 'AIAgent', group: 'enum-gateway', properties: { activityName: 'ivr-virtualassistantvoice', name: 'AIAgent', connector: 'NATIVE_ADVANCED_VIRTUAL_AGENT' } };
  exits.forEach((exit, i) => flow.process.links.push({ id: `lv${i}`, sourceActivityId: 'va', targetActivityId: 'd', conditionExpr: exit, properties: { value: exit } }));
  const result = loadFlow(JSON.stringify(flow));
  if (!result.ok) throw new Error(result.error.message);
  const va = result.model.main.activities.find((a) => a.id === 'va')!;
  return { known: va.knownExits, unlinked: va.unlinkedExits, unknown: result.model.findings.filter((f) => f.code === 'unknown-exit').map((f) => f.message) };
}

test('a Virtual Agent has ENDED, ESCALATE and error', () => {
  expect(agent(['ENDED', 'ESCALATE'])).toEqual({ known: ['ENDED', 'ESCALATE', 'error'], unlinked: ['error'], unknown: [] });
  expect(agent(['default']).unknown).toEqual(['AIAgent (ivr-virtualassistantvoice) has no exit named default']);
});
