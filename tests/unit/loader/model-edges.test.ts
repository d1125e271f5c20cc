/**
 * Rules of the loader and the flow model that no other loader test held (found by a mutation
 * sweep): each test names the rule; a loader that broke it passed every other loader test.
 */
import { test, expect } from '@playwright/test';
import { loadFlow } from '../../../engine/loader.js';
import type { FlowModel } from '../../../engine/model.js';
import { tinyFlow } from './tiny-flow.js';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HAS_SHARED, ROOT, SHARED } from '../../helpers.js';

function load(flow: Record<string, unknown>): FlowModel {
  const result = loadFlow(JSON.stringify(flow));
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.model;
}

test('a 2026 export is told by either of its new keys, associatedChannels or flowOutcome', () => {
  expect(load(tinyFlow({ flowOutcome: null })).generation).toBe('2026');
  expect(load(tinyFlow({ associatedChannels: [] })).generation).toBe('2026');
});

test('a key ending in _name, _type or _input is UI data only beside the plain key it copies', () => {
  const flow = tinyFlow();
  Object.assign(flow.process.activities.p.properties, { greeting_name: 'Hello', prompt: 'a.wav', prompt_name: 'A' });
  const play = load(flow).main.activities.find((a) => a.label === 'Welcome')!;
  expect(play.props.greeting_name).toBe('Hello');
  expect(play.props).not.toHaveProperty('prompt_name');
  expect(play.ui['prompt:name']).toBe('A');
});

test('a variable type written in lower case is read as its upper-case type, and its default parsed so', () => {
  const flow = tinyFlow({ variables: [{ name: 'count', type: 'integer', value: '5' }, { name: 'flag', type: 'Boolean', value: 'TRUE' }] });
  expect(load(flow).variables.map((v) => [v.name, v.type, v.defaultValue])).toEqual([['count', 'INTEGER', 5], ['flag', 'BOOLEAN', true]]);
});

test('the 2026 start node NewContact starts the main flow', () => {
  const flow = tinyFlow();
  flow.process.activities.s.properties.activityName = 'NewContact';
  const model = load(flow);
  expect(model.main.start).toBe('s');
  expect(model.main.activities.find((a) => a.label === 'Welcome')?.reachable).toBe(true);
  expect(model.findings.map((f) => f.code)).not.toContain('missing-start');
});

test('an event node of an unknown specification name gets its display name from its label when that is a catalogue display name', () => {
  const flow = tinyFlow();
  const events = flow.eventFlows.eventsMap.GLOBAL_EVENTS.process.activities;
  events.e2 = { id: 'e2', name: 'AgentOffered', group: 'event', properties: { activityId: 'event', name: 'AgentOffered', eventSpecificationName: 'CustomOffer' } };
  expect(load(flow).handlers.find((h) => h.nodeId === 'e2')).toMatchObject({ name: 'CustomOffer', display: 'AgentOffered' });
});

test('a pointer escapes a "~" in an id that has no "/" (RFC 6901)', () => {
  const flow = tinyFlow();
  flow.process.activities['a~b'] = { id: 'a~b', name: 'Tilde', group: 'action', properties: { activityName: 'play-message', name: 'Tilde' } };
  expect(load(flow).main.activities.find((a) => a.label === 'Tilde')?.pointer).toBe('/process/activities/a~0b');
});

test('a string or a key of exactly the string limit is accepted, one character more refused', () => {
  const limit = { maxStringLength: 1000 };
  expect(loadFlow(JSON.stringify(tinyFlow({ note: 'x'.repeat(1000), ['k'.repeat(1000)]: 1 })), limit).ok).toBe(true);
  expect(loadFlow(JSON.stringify(tinyFlow({ note: 'x'.repeat(1001) })), limit)).toEqual({
    ok: false,
    error: { code: 'too-large', message: 'a string of 1001 characters at /note is longer than the limit of 1000 characters' },
  });
  expect(loadFlow(JSON.stringify(tinyFlow({ ['k'.repeat(1001)]: 1 })), limit)).toMatchObject({ ok: false, error: { code: 'too-large', message: expect.stringMatching(/^a key of 1001 characters at \(top level\) is longer/) } });
});

test('variable defaults as people type them: TRUE, NULL and an empty JSON default', () => {
  const flow = tinyFlow({
    variables: [
      { name: 'flag', type: 'BOOLEAN', value: 'TRUE' },
      { name: 'count', type: 'INTEGER', value: 'NULL' },
      { name: 'price', type: 'DECIMAL', value: ' null ' },
      { name: 'blob', type: 'JSON', value: '' },
    ],
  });
  const model = load(flow);
  expect(model.variables.map((v) => [v.name, v.defaultValue])).toEqual([['flag', true], ['count', null], ['price', null], ['blob', null]]);
  expect(model.findings.map((f) => f.code)).not.toContain('default-unparseable');
});

test('a BOOLEAN or JSON default its type cannot read is a finding, and no value; a type flowgrade does not know keeps its text', () => {
  const flow = tinyFlow({
    variables: [
      { name: 'flag', type: 'BOOLEAN', value: 'yes' },
      { name: 'blob', type: 'JSON', value: '{"a": 1' },
      { name: 'other', type: 'PHONE', value: ' 42 ' },
    ],
  });
  const model = load(flow);
  expect(model.variables.map((v) => [v.name, v.defaultValue])).toEqual([['flag', null], ['blob', null], ['other', ' 42 ']]);
  expect(model.findings.filter((f) => f.code === 'default-unparseable').map((f) => f.message)).toEqual([
    'variable flag: default "yes" is not a valid BOOLEAN',
    'variable blob: default "{\\"a\\": 1" is not a valid JSON',
  ]);
});

test('a Postman collection is named as such by its list of items alone', () => {
  expect(loadFlow(JSON.stringify({ info: { name: 'WxCC' }, item: [] }))).toEqual({ ok: false, error: { code: 'not-a-flow', message: 'this is a Postman collection, not a Flow Designer export' } });
});

test('a Postman collection without items is named as such by its info: a _postman_id, or a schema', () => {
  const message = 'this is a Postman collection, not a Flow Designer export';
  for (const info of [{ _postman_id: 'c0ffee', name: 'WxCC' }, { name: 'WxCC', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' }]) {
    expect(loadFlow(JSON.stringify({ info }))).toEqual({ ok: false, error: { code: 'not-a-flow', message } });
  }
});

test('BOOLEAN, INTEGER and DECIMAL defaults left empty are no value, not a finding', () => {
  const model = load(tinyFlow({ variables: [{ name: 'flag', type: 'BOOLEAN', value: '' }, { name: 'count', type: 'INTEGER', value: '' }, { name: 'price', type: 'DECIMAL', value: 'null' }] }));
  expect(model.variables.map((v) => [v.name, v.defaultValue])).toEqual([['flag', null], ['count', null], ['price', null]]);
  expect(model.findings.map((f) => f.code)).not.toContain('default-unparseable');
});

test("a MockAPI DynVars dataset (the lab's own, or one given to --dynvars) is named as such; other arrays are not", () => {
  const dataset = readFileSync(path.join(ROOT, 'mocks', 'data', 'dynvars.json'), 'utf8');
  const message = 'this is a MockAPI DynVars dataset (records with "dn"), not a Flow Designer export: export the flow from Flow Designer (Flows → your flow → Export)';
  expect(loadFlow(dataset)).toEqual({ ok: false, error: { code: 'not-a-flow', message } });
  const plain = 'JSON is an array, not a Flow Designer export (expected an object with "process")';
  for (const array of ['[]', '[{"dn":"1"},{"id":2}]', '[1]', '[[{"dn":"1"}]]']) expect(loadFlow(array), array).toEqual({ ok: false, error: { code: 'not-a-flow', message: plain } });
});

test('the real MockAPI DynVars downloads of the lab are named as datasets', () => {
  const folder = path.join(SHARED, 'real-flows', 'lab');
  test.skip(!HAS_SHARED, '../shared/real-flows is not beside the project');
  const downloads = readdirSync(folder).filter((name) => name.startsWith('mockapi-dynvars'));
  expect(downloads.length).toBeGreaterThan(0);
  for (const name of downloads) expect(loadFlow(readFileSync(path.join(folder, name), 'utf8')), name).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^this is a MockAPI DynVars dataset/) } });
});

test('a large export is measured for nesting without counting brackets inside strings, after an escaped quote too', () => {
  // Over SCAN_BEFORE_PARSE_LENGTH, so its nesting is scanned in the text before it is parsed.
  const flow = tinyFlow({ body: '{"note": "a \\"quote\\" then [[[' + '['.repeat(100) + '"}', pad: 'x'.repeat(1_100_000) });
  expect(loadFlow(JSON.stringify(flow), { maxStringLength: 2_000_000 }).ok).toBe(true);
});

test('menu options written as numbers are exits named by their digits', () => {
  const flow = tinyFlow();
  Object.assign(flow.process.activities.p.properties, { activityName: 'ivr-menu', menuLinks: [1, 2] });
  flow.process.links.push({ id: 'l3', sourceActivityId: 'p', targetActivityId: 'd', conditionExpr: '1', properties: { value: '1' } });
  const menu = load(flow).main.activities.find((a) => a.label === 'Welcome')!;
  expect(menu.knownExits).toEqual(['1', '2', 'timeout', 'invalid', 'error']);
  expect(menu.unlinkedExits).toEqual(['2', 'timeout', 'invalid', 'error']);
});
