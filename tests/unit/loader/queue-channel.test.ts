/**
 * Queue Contact of a digital channel (hnavilur/webex-contact-center-flows
 * BYO_Custom_Messaging_Template: channelType CUSTOM_MESSAGING) has no failure port on the canvas;
 * a voice one (no channelType, or TELEPHONY in 2026 exports) has default and failure.
 */
import { test, expect } from '@playwright/test';
import { loadFlow } from '../../../engine/loader.js';
import { tinyFlow } from './tiny-flow.js';

function queueExits(channelType?: string) {
  const flow = tinyFlow();
  const properties: Record<string, unknown> = { activityName: 'queue-contact', name: 'ToTeam', destination: 'q-1', queueRadioGroup: 'staticQueue' };
  if (channelType !== undefined) properties.channelType = channelType;
  flow.process.activities.q = { id: 'q', name: 'ToTeam', group: 'action', properties };
  flow.process.links.push({ id: 'lq', sourceActivityId: 'q', targetActivityId: 'd', conditionExpr: 'failure', properties: { value: 'failure' } });
  const result = loadFlow(JSON.stringify(flow));
  if (!result.ok) throw new Error(result.error.message);
  const queue = result.model.main.activities.find((a) => a.id === 'q')!;
  return { known: queue.knownExits, unknown: result.model.findings.filter((f) => f.code === 'unknown-exit').map((f) => f.message) };
}

test('a voice Queue Contact has default and failure', () => {
  expect(queueExits()).toEqual({ known: ['default', 'failure'], unknown: [] });
  expect(queueExits('TELEPHONY')).toEqual({ known: ['default', 'failure'], unknown: [] });
});

test('a messaging Queue Contact has default only: a failure link is an unknown exit', () => {
  expect(queueExits('CUSTOM_MESSAGING')).toEqual({ known: ['default'], unknown: ['ToTeam (queue-contact) has no exit named failure'] });
});
