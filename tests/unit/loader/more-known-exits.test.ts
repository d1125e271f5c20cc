/**
 * Exits of three activity types of public exports, from their canvas ports: Get Queue Info
 * (queue-lookup; WebexSamples/webex-contact-center-api-samples CJDS02_Voice, bmclella_Voice_JDS_2:
 * in, default, insufficientdata, failure), the first Virtual Agent (ivr-virtualassistant, Dialogflow
 * ES; the same repository's CCAI_Flow_DialogFlowES and shaurobi/wxccflowsamples: in, error, ENDED,
 * ESCALATE) and Feedback (Feedback-V2, a post-call survey; shaurobi/wxccflowsamples: in, default, error).
 */
import { test, expect } from '@playwright/test';
import { exitsOfActivity as activity } from './tiny-flow.js';

test('Get Queue Info has default, insufficientdata and failure', () => {
  expect(activity('queue-lookup', ['default', 'insufficientdata'])).toEqual({ known: ['default', 'insufficientdata', 'failure'], unlinked: ['failure'], unknown: [] });
  expect(activity('queue-lookup', ['error']).unknown).toEqual(['Under_Test (queue-lookup) has no exit named error']);
});

test('the Dialogflow ES Virtual Agent has ENDED, ESCALATE and error, as Virtual Agent V2', () => {
  expect(activity('ivr-virtualassistant', ['ENDED', 'ESCALATE'])).toEqual({ known: ['ENDED', 'ESCALATE', 'error'], unlinked: ['error'], unknown: [] });
  expect(activity('ivr-virtualassistant', ['default']).unknown).toEqual(['Under_Test (ivr-virtualassistant) has no exit named default']);
});

test('Feedback has default and error', () => {
  expect(activity('Feedback-V2', ['default'])).toEqual({ known: ['default', 'error'], unlinked: ['error'], unknown: [] });
});
