/**
 * Bridged Transfer and Wait, activity types of public templates (hnavilur/webex-contact-center-flows
 * Bridged_Transfer_Template, BYO_Custom_Messaging_Template, Prompt_Management_Template), have the
 * exits their canvas ports show, on our own fixture in that format.
 */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { loadFlow } from '../../../engine/loader.js';
import { fixturePath } from '../../helpers.js';

test('Bridged Transfer has default and failure, Wait default and error', () => {
  const result = loadFlow(readFileSync(fixturePath('activities/bridged-transfer-wait.json'), 'utf8'));
  if (!result.ok) throw new Error(result.error.message);
  const exits = Object.fromEntries(result.model.main.activities.map((a) => [a.label, [a.knownExits, a.unlinkedExits]]));
  expect(exits.ToPartner).toEqual([['default', 'failure'], []]);
  expect(exits.Pause).toEqual([['default', 'error'], ['error']]);
  expect(result.model.findings).toEqual([]);
});
