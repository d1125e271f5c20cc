/**
 * Record, an activity type of public templates (hnavilur/webex-contact-center-flows Recording_Template,
 * Prompt_Management_Template), names its exits default, noInputTimeout and undefinedErrors (its
 * canvas ports), on our own fixture in that format.
 */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { exitName } from '../../../engine/activity-types.js';
import { loadFlow } from '../../../engine/loader.js';
import { fixturePath } from '../../helpers.js';

test('Record has the exits of its canvas ports, named as the canvas names them', () => {
  const result = loadFlow(readFileSync(fixturePath('activities/record.json'), 'utf8'));
  if (!result.ok) throw new Error(result.error.message);
  const record = result.model.main.activities.find((a) => a.label === 'LeaveMessage')!;
  expect([record.knownExits, record.unlinkedExits]).toEqual([['default', 'noInputTimeout', 'undefinedErrors'], ['noInputTimeout']]);
  expect(result.model.findings).toEqual([]);
  expect([exitName('noInputTimeout'), exitName('undefinedErrors')]).toEqual(['No-Input Timeout', 'Undefined Error']);
});
