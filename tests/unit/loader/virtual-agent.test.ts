/**
 * The Virtual Agent activity (ivr-virtualassistantvoice) of public exports: Dialogflow CX and
 * Webex AI Agent (autonomous, hnavilur/webex-contact-center-flows; scripted, the 2026 WebexSamples
 * payment flow) has the canvas ports ENDED, ESCALATE and error, and no default.
 */
import { test, expect } from '@playwright/test';
import { exitsOfActivity } from './tiny-flow.js';

const agent = (exits: string[]) => exitsOfActivity('ivr-virtualassistantvoice', exits, 'AIAgent', { connector: 'NATIVE_ADVANCED_VIRTUAL_AGENT' });

test('a Virtual Agent has ENDED, ESCALATE and error', () => {
  expect(agent(['ENDED', 'ESCALATE'])).toEqual({ known: ['ENDED', 'ESCALATE', 'error'], unlinked: ['error'], unknown: [] });
  expect(agent(['default']).unknown).toEqual(['AIAgent (ivr-virtualassistantvoice) has no exit named default']);
});
