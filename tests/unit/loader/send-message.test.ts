/**
 * Send Message of a custom messaging channel (SendCustomMessage, hnavilur/webex-contact-center-flows
 * BYO_Custom_Messaging_Template) has the canvas ports default and error.
 */
import { test, expect } from '@playwright/test';
import { loadFlow } from '../../../engine/loader.js';
import { tinyFlow } from './tiny-flow.js';

test('a SendCustomMessage has default and error', () => {
  const flow = tinyFlow();
  flow.process.activities.m = { id: 'm', name: 'Greet', group: 'action', properties: { activityName: 'SendCustomMessage', name: 'Greet', messageType: 'text', messageText: 'Hello' } };
  flow.process.links.push({ id: 'lm', sourceActivityId: 'm', targetActivityId: 'd', conditionExpr: 'default', properties: { value: 'default' } });
  const result = loadFlow(JSON.stringify(flow));
  if (!result.ok) throw new Error(result.error.message);
  const send = result.model.main.activities.find((a) => a.id === 'm')!;
  expect([send.knownExits, send.unlinkedExits]).toEqual([['default', 'error'], ['error']]);
});
