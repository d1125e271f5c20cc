/**
 * The start node's contact data read ignoring case (engine/contact-fields.ts, VariableStore.setContactData):
 * the edges the NewPhoneContact tests of activities.test.ts leave open (mutation sweep h25: a prefix
 * taken for the name, a key that is not text, clones sharing the set of such labels, a store told
 * to read exact names, a scope built before the contact data, a field the scenario drops or names
 * __proto__).
 */
import { test, expect } from '@playwright/test';
import { FieldsIgnoringCase } from '../../../engine/contact-fields.js';
import { simulate, type Scenario } from '../../../engine/simulator/index.js';
import { VariableStore } from '../../../engine/simulator/variables.js';
import { buildFlow, disconnect, fakeServices, play } from './helpers.js';

/** `{{label.key}}` as the store's scope gives it. */
function field(store: VariableStore, label: string, key: string): unknown {
  const outputs = store.scope().get(label);
  return outputs instanceof Map ? outputs.get(key) : (outputs as Record<string, unknown> | undefined)?.[key];
}

test('a field is found by its whole name in any case, never by a prefix, and a key that is not text finds nothing', () => {
  const fields = new FieldsIgnoringCase([['ANI', '+1408'], ['InteractionID', 'call-7']]);
  expect([fields.get('ani'), fields.get('interactionid'), fields.has('aNI')]).toEqual(['+1408', 'call-7', true]);
  for (const part of ['an', 'A', 'Interaction', 'ANIS']) expect([part, fields.has(part), fields.get(part)]).toEqual([part, false, undefined]);
  expect([fields.has(1 as unknown as string), fields.get(1 as unknown as string)]).toEqual([false, undefined]);
});

async function prompt(text: string, scenario: Scenario = {}) {
  const model = buildFlow({ main: [play('Say', text), disconnect()], links: [['NewPhoneContact', 'out', 'Say'], ['Say', 'default', 'Disconnect']] });
  const result = await simulate(model, scenario, { services: fakeServices() });
  return { result, said: result.trace.find((e) => e.activity === 'Say')?.prompts?.[0] };
}

test('in a flow: {{NewPhoneContact.an}} is no field, and {{NewPhoneContact[1]}} (a number for a key) reads nothing instead of failing', async () => {
  expect((await prompt('[{{NewPhoneContact.an}}][{{NewPhoneContact.ANI}}]')).said).toBe('[][+14085551234]');
  const indexed = await prompt('[{{NewPhoneContact[1]}}]');
  expect([indexed.result.status, indexed.said]).toEqual(['completed', '[]']);
});

test('a scenario field given as undefined drops the default, and a field named __proto__ is a field like any other', async () => {
  const dropped = await prompt('[{{NewPhoneContact.dnis}}][{{NewPhoneContact.ani}}]', { contact: { DNIS: undefined } });
  expect(dropped.said).toBe('[][+14085551234]');
  expect(Object.keys(dropped.result.trace[0].modifiedVariables)).not.toContain('NewPhoneContact.DNIS');
  const proto = await prompt('[{{NewPhoneContact.__PROTO__}}]', { contact: JSON.parse('{"__proto__": "odd"}') as Record<string, string> });
  expect(proto.said).toBe('[odd]');
  expect(proto.result.trace[0].modifiedVariables['NewPhoneContact.__proto__']).toBe('odd');
});

test('a clone reads the contact ignoring case as its original does; contact data set on one of them later changes only that one', () => {
  const original = new VariableStore([]);
  original.setContactData('NewPhoneContact', { ANI: '+1408' });
  const copy = original.clone();
  expect(field(copy, 'NewPhoneContact', 'ani')).toBe('+1408');
  copy.setContactData('Other', { DNIS: '+1469' });
  original.setOutput('Other', 'DNIS', '+1972');
  expect([field(copy, 'Other', 'dnis'), field(original, 'Other', 'dnis'), field(original, 'Other', 'DNIS')]).toEqual(['+1469', undefined, '+1972']);
});

test('a store told to read exact names (contactFieldsIgnoreCase false) does so, and so do its clones', () => {
  const exact = new VariableStore([], false);
  const copy = exact.clone();
  for (const store of [exact, copy]) {
    store.setContactData('NewPhoneContact', { ANI: '+1408' });
    expect([field(store, 'NewPhoneContact', 'ani'), field(store, 'NewPhoneContact', 'ANI')]).toEqual([undefined, '+1408']);
  }
});

test('contact data written after the scope was built, or a second time, is read ignoring case too', () => {
  const store = new VariableStore([]);
  store.setOutput('Start', 'ANI', '+1408');
  expect(field(store, 'Start', 'ani')).toBeUndefined();
  store.setContactData('Start', {});
  expect(field(store, 'Start', 'ani')).toBe('+1408');
  store.setContactData('Start', { DNIS: '+1469' });
  expect([field(store, 'Start', 'ani'), field(store, 'Start', 'dnis')]).toEqual(['+1408', '+1469']);
});
