/**
 * The palette names of the activity types whose exits were learnt from public exports (6dd3803):
 * console.test.ts requires a palette-like name for every type knownActivityTypes lists; these are
 * the names Flow Designer's palette gives (mutation sweep h25: a name copied from the next row, or
 * made from the type, passed it, and so did a list that left types out).
 */
import { test, expect } from '@playwright/test';
import { knownActivityTypes } from '../../../engine/activity-types.js';
import { activityTypeName } from '../../../reports/drawing.js';

test('Virtual Agent, Get Queue Info and Feedback, each a type whose exits the model knows', () => {
  const names = { 'ivr-virtualassistant': 'Virtual Agent', 'ivr-virtualassistantvoice': 'Virtual Agent V2', 'queue-lookup': 'Get Queue Info', 'Feedback-V2': 'Feedback' };
  expect(Object.fromEntries(Object.keys(names).map((type) => [type, activityTypeName(type)]))).toEqual(names);
  expect(knownActivityTypes()).toEqual(expect.arrayContaining([...Object.keys(names), 'record', 'SendCustomMessage', 'parse-activity', 'end-subflow']));
});
