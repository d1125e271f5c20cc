/**
 * Rules of the simulator that no other test held (found by a mutation sweep): each test names the
 * rule; a simulator that broke it passed every other simulator test.
 */
import { test, expect } from '@playwright/test';
import { simulate, simulateMainFlow, type Scenario, type SimulationOptions } from '../../../engine/simulator/index.js';
import type { FlowModel } from '../../../engine/model.js';
import { buildFlow, endFlow, exportOf, fakeServices, menu, play, setVar } from './helpers.js';
import { loadFlow } from '../../../engine/loader.js';

function run(model: FlowModel, scenario: Scenario = {}, extra: Partial<SimulationOptions> = {}) {
  return simulate(model, scenario, { services: fakeServices(), ...extra });
}

const fail = setVar('Fail', 'note', '{{ ANI | 123 }}');
const variables = [{ name: 'note', type: 'STRING', value: '' }];

test.describe('global error', () => {
  test('a queued caller kept for OnGlobalError whose handler loops on a prompt is stuck there, not waiting in queue', async () => {
    const model = buildFlow({
      variables,
      main: [{ label: 'Queue', type: 'queue-contact', props: { destination: 'q-1' } }, fail],
      links: [['NewPhoneContact', 'out', 'Queue'], ['Queue', 'default', 'Fail']],
      events: [play('Sorry', 'Sorry, still trying')],
      eventLinks: [['GlobalErrorHandling', 'out', 'Sorry'], ['Sorry', 'default', 'Sorry']],
    });
    const result = await run(model, {}, { callerConnectedInErrorHandler: true });
    expect(result).toMatchObject({ status: 'stuck', summary: 'global error at Fail; stuck in a loop at Sorry', globalErrorRaised: true });
  });

  test('an event node named only by its display name OnGlobalError is the error handler', async () => {
    const exported = exportOf({ variables, main: [fail], links: [['NewPhoneContact', 'out', 'Fail']], events: [endFlow('EndFlow_kid')], eventLinks: [['GlobalErrorHandling', 'out', 'EndFlow_kid']] });
    // No eventSpecificationName, and a label of its own: the handler's name is its label.
    const events = (exported.eventFlows as { eventsMap: { GLOBAL_EVENTS: { process: { activities: Record<string, { name: string; properties: Record<string, unknown> }> } } } }).eventsMap.GLOBAL_EVENTS.process.activities;
    const node = events['e-GlobalErrorHandling'];
    node.name = 'ErrorHandler';
    node.properties.name = 'ErrorHandler';
    delete node.properties.eventSpecificationName;
    const loaded = loadFlow(JSON.stringify(exported));
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(loaded.model.handlers.map((h) => [h.name, h.display])).toEqual([['ErrorHandler', 'OnGlobalError']]);
    const result = await run(loaded.model);
    expect(result).toMatchObject({ status: 'completed', summary: 'global error at Fail; OnGlobalError ended at EndFlow_kid', globalErrorRaised: true });
  });
});

test('copies of a paused call do not share the outputs an activity label had before the pause', async () => {
  // Main: Pick (answers 1) → Fail. OnGlobalError: Seen (reads Pick.OptionEntered) → Pick (answers 2) → EndFlow.
  const model = buildFlow({
    variables: [{ name: 'seen', type: 'STRING', value: '' }, ...variables],
    main: [menu('Pick', ['1', '2']), fail],
    links: [['NewPhoneContact', 'out', 'Pick'], ['Pick', '1', 'Fail']],
    events: [setVar('Seen', 'seen', '{{ Pick.OptionEntered }}'), menu('Pick', ['1', '2']), endFlow()],
    eventLinks: [['GlobalErrorHandling', 'out', 'Seen'], ['Seen', 'out', 'Pick'], ['Pick', '2', 'EndFlow']],
  });
  const scenario: Scenario = { dtmf: { Pick: ['1', '2'] } };
  const options = { callerConnectedInErrorHandler: true };
  const alone = await run(model, scenario, options);
  expect(alone.variables).toMatchObject({ seen: '1', 'Pick.OptionEntered': '2' });
  const paused = await simulateMainFlow(model, scenario, { services: fakeServices(), ...options });
  const copy = paused.fork(fakeServices());
  expect(await paused.finish()).toEqual(alone);
  expect(await copy.finish()).toEqual(alone);
});

test.describe('set-variable', () => {
  const typedVariables = [
    { name: 'text', type: 'STRING', value: '' },
    { name: 'price', type: 'DECIMAL', value: '10' },
  ];
  const one = (props: Record<string, unknown>) =>
    buildFlow({ variables: typedVariables, main: [{ label: 'S', type: 'set-variable', props }, endFlow()], links: [['NewPhoneContact', 'out', 'S'], ['S', 'out', 'EndFlow']] });

  test('an empty setVariablesArray falls back to the top-level row', async () => {
    const result = await run(one({ srcVariable: 'text', setTo: 'set-to-literal', expr: 'top level', setVariablesArray: [] }));
    expect(result.variables.text).toBe('top level');
  });

  test('a text target gets the text Pebble renders, also of a lone {{ expr }}: a DECIMAL of 10 is 10.0, in a list too', async () => {
    expect((await run(one({ srcVariable: 'text', setTo: 'set-to-literal', expr: '{{ price }}' }))).variables.text).toBe('10.0');
    expect((await run(one({ srcVariable: 'text', setTo: 'set-to-literal', expr: '{{ [price, 1] }}' }))).variables.text).toBe('[10.0,1]');
  });
});

test.describe('case-statement', () => {
  const caseFlow = (expression: string, value: string) =>
    buildFlow({
      variables: [{ name: 'result', type: 'STRING', value }],
      main: [{ label: 'Case', type: 'case-statement', props: { expression, menuLinks: ['0', '1'], 'menuLinks:input': ['AMD', 'ABANDONED'] } }],
      links: [['NewPhoneContact', 'out', 'Case']],
    });
  const exitOf = async (model: FlowModel) => (await run(model)).trace.find((e) => e.activity === 'Case')?.outcome;

  test('the value is compared exactly: spaces around it match no label', async () => {
    expect(await exitOf(caseFlow('{{result}}', ' ABANDONED '))).toBe('default');
    expect(await exitOf(caseFlow('{{result}}', 'ABANDONED'))).toBe('1');
  });

  test('a bare variable name as the expression is read as that variable', async () => {
    expect(await exitOf(caseFlow('result', 'ABANDONED'))).toBe('1');
  });

  test('labels that do not match the keys one to one are not used: the keys themselves are matched', async () => {
    const model = buildFlow({
      variables: [{ name: 'result', type: 'STRING', value: '1' }],
      main: [{ label: 'Case', type: 'case-statement', props: { expression: '{{result}}', menuLinks: ['0', '1'], 'menuLinks:input': ['AMD'] } }],
      links: [['NewPhoneContact', 'out', 'Case']],
    });
    expect(await exitOf(model)).toBe('1');
  });
});

test('a Play Message set to audio files with none falls back to its TTS prompts', async () => {
  const model = buildFlow({
    main: [{ label: 'Say', type: 'play-message', props: { toggle: false, prompts: [], promptsTts: [{ type: 'tts', value: 'Hello {{ NewPhoneContact.ANI }}' }] } }, endFlow()],
    links: [['NewPhoneContact', 'out', 'Say'], ['Say', 'default', 'EndFlow']],
  });
  expect((await run(model)).trace.find((e) => e.activity === 'Say')?.prompts).toEqual(['Hello +14085551234']);
});

test('a Set Variable row with both an expression and a literal sets the expression', async () => {
  const model = buildFlow({
    variables,
    main: [{ label: 'S', type: 'set-variable', props: { setVariablesArray: [{ srcVariable: 'note', setTo: 'set-to-literal', expr: 'from expr', literal: 'from literal' }] } }, endFlow()],
    links: [['NewPhoneContact', 'out', 'S'], ['S', 'out', 'EndFlow']],
  });
  expect((await run(model)).variables.note).toBe('from expr');
});

test('a Condition whose text result is "true" with spaces around it takes True (choice)', async () => {
  const model = buildFlow({
    variables: [{ name: 'answer', type: 'STRING', value: ' true ' }],
    main: [{ label: 'Check', type: 'condition-activity', props: { expression: '{{ answer }}' } }],
    links: [['NewPhoneContact', 'out', 'Check']],
  });
  expect((await run(model)).trace.find((e) => e.activity === 'Check')?.outcome).toBe('true');
});

test('a Play Message that does not say which list it plays (no toggle) plays its TTS prompts', async () => {
  const model = buildFlow({
    main: [{ label: 'Say', type: 'play-message', props: { promptsTts: [{ type: 'tts', value: 'spoken' }], prompts: [{ type: 'audioFile', value: 'file.wav' }] } }, endFlow()],
    links: [['NewPhoneContact', 'out', 'Say'], ['Say', 'default', 'EndFlow']],
  });
  expect((await run(model)).trace.find((e) => e.activity === 'Say')?.prompts).toEqual(['spoken']);
});

test('a Queue Contact to a queue variable writes the rendered queue as its QueueId', async () => {
  const model = buildFlow({
    variables: [{ name: 'queue', type: 'STRING', value: 'q-sales' }],
    main: [{ label: 'Queue', type: 'queue-contact', props: { destination: 'q-static', destinationVariable: '{{ queue }}' } }],
    links: [['NewPhoneContact', 'out', 'Queue']],
  });
  expect((await run(model, { agentsAvailable: true })).variables['Queue.QueueId']).toBe('q-sales');
});
