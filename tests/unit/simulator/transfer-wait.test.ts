/**
 * Wait and Bridged Transfer, activity types of public templates (hnavilur/webex-contact-center-flows
 * Bridged_Transfer_Template, BYO_Custom_Messaging_Template, Prompt_Management_Template), run on our
 * own fixture in that format.
 */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { loadFlow } from '../../../engine/loader.js';
import { simulate } from '../../../engine/simulator/index.js';
import { fixturePath } from '../../helpers.js';
import { fakeServices } from './helpers.js';

async function run(partnerNumber?: string) {
  const exported = JSON.parse(readFileSync(fixturePath('activities/bridged-transfer-wait.json'), 'utf8'));
  if (partnerNumber !== undefined) exported.variables[0].value = partnerNumber;
  const result = loadFlow(JSON.stringify(exported));
  if (!result.ok) throw new Error(result.error.message);
  return simulate(result.model, {}, { services: fakeServices() });
}

test('a Wait goes on by default; a Bridged Transfer comes back by default when the call returns', async () => {
  const result = await run();
  expect(result.trace.map((e) => `${e.activity}:${e.outcome}`)).toEqual(['NewPhoneContact:out', 'Pause:default', 'ToPartner:default', 'Back:default', 'Bye:end']);
  expect(result).toMatchObject({ status: 'completed', summary: 'caller disconnected at Bye' });
});

test('a Bridged Transfer to no number takes its failure exit', async () => {
  for (const blank of ['', '   ']) {
    const result = await run(blank);
    expect(result.trace.map((e) => `${e.activity}:${e.outcome}`), JSON.stringify(blank)).toEqual(['NewPhoneContact:out', 'Pause:default', 'ToPartner:failure', 'NoPartner:default', 'Bye:end']);
  }
});
