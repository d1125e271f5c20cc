/**
 * A subflow's inputs (SUBFLOW_INPUT variables) are what its calling flow maps into it: the scenario
 * gives them (`subflowInputs`), the start node receives them, and a run that leaves one out says so.
 */
import { test, expect } from '@playwright/test';
import { simulate } from '../../../engine/simulator/index.js';
import { buildFlow, exportOf, fakeServices, play, type FlowSpec } from './helpers.js';
import { loadFlow } from '../../../engine/loader.js';

const errorSubflow: FlowSpec = {
  subflow: true,
  noGlobalErrorNode: true,
  variables: [
    { name: 'errorMessage', type: 'STRING', value: null, source: 'SUBFLOW_INPUT' },
    { name: 'attempts', type: 'INTEGER', value: '0', source: 'SUBFLOW_INPUT' },
    { name: 'note', type: 'STRING', value: 'local' },
  ],
  main: [play('PlayError', '{{ errorMessage }} (attempt {{ attempts + 1 }})'), { label: 'EndSubflow', type: 'end-subflow' }],
  links: [
    ['StartSubflow', 'out', 'PlayError'],
    ['PlayError', 'default', 'EndSubflow'],
  ],
};

test.describe('subflow inputs', () => {
  test('inputs the scenario gives are received by the start node, converted to their types', async () => {
    const result = await simulate(buildFlow(errorSubflow), { subflowInputs: { errorMessage: 'We are experiencing technical difficulties.', attempts: '2' } }, { services: fakeServices() });
    expect(result.trace[0]).toMatchObject({ activity: 'StartSubflow', outcome: 'out', modifiedVariables: { errorMessage: 'We are experiencing technical difficulties.', attempts: 2 } });
    expect(result.trace[1].prompts).toEqual(['We are experiencing technical difficulties. (attempt 3)']);
    expect([result.status, result.summary]).toEqual(['completed', 'subflow ended at EndSubflow']);
  });

  test('inputs no calling flow gave keep their defaults, and the summary names them', async () => {
    const none = await simulate(buildFlow(errorSubflow), {}, { services: fakeServices() });
    expect(none.trace[1].prompts).toEqual([' (attempt 1)']);
    expect(none.summary).toBe('subflow ended at EndSubflow; run without a calling flow: its inputs errorMessage, attempts kept their defaults');
    const some = await simulate(buildFlow(errorSubflow), { subflowInputs: { attempts: '1' } }, { services: fakeServices() });
    expect(some.summary).toBe('subflow ended at EndSubflow; run without a calling flow: its input errorMessage kept its default');
  });

  test('past five inputs not given, the summary names the first five and counts them all', async () => {
    const inputs = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => ({ name, type: 'STRING', value: null, source: 'SUBFLOW_INPUT' }));
    const many = await simulate(buildFlow({ ...errorSubflow, variables: [...errorSubflow.variables!, ...inputs] }), { subflowInputs: { errorMessage: 'x', attempts: '0' } }, { services: fakeServices() });
    expect(many.summary).toBe('subflow ended at EndSubflow; run without a calling flow: its inputs a, b, c, d, e, … (6 in all) kept their defaults');
    const five = await simulate(buildFlow({ ...errorSubflow, variables: [...errorSubflow.variables!, ...inputs.slice(0, 5)] }), { subflowInputs: { errorMessage: 'x', attempts: '0' } }, { services: fakeServices() });
    expect(five.summary).toBe('subflow ended at EndSubflow; run without a calling flow: its inputs a, b, c, d, e kept their defaults');
  });

  test('only inputs are set: a name that is a local variable, or no variable, is left alone', async () => {
    const result = await simulate(buildFlow(errorSubflow), { subflowInputs: { errorMessage: 'x', attempts: '0', note: 'changed', other: 'y' } }, { services: fakeServices() });
    expect(result.trace[0].modifiedVariables).toEqual({ errorMessage: 'x', attempts: 0 });
    expect(result.variables).toMatchObject({ note: 'local' });
    expect(Object.hasOwn(result.variables, 'other')).toBe(false);
  });

  test('a subflow that starts at a New Phone Contact (an export edited by hand) receives no input: each kept its default, and the summary says why', async () => {
    const flow = exportOf(errorSubflow) as { process: { activities: Record<string, { name: string; properties: Record<string, unknown> }> } };
    const start = Object.values(flow.process.activities).find((a) => a.name === 'StartSubflow')!;
    Object.assign(start, { name: 'NewPhoneContact' });
    Object.assign(start.properties, { name: 'NewPhoneContact', activityName: 'NewPhoneContact', activityId: 'start', event: 'NewPhoneContact' });
    const loaded = loadFlow(JSON.stringify(flow));
    if (!loaded.ok) throw new Error(loaded.error.message);
    const given = await simulate(loaded.model, { subflowInputs: { errorMessage: 'x', attempts: '99999999999999999999' } }, { services: fakeServices() });
    expect(given.trace[0]).toMatchObject({ activity: 'NewPhoneContact', outcome: 'out' });
    expect(given.trace[0].modifiedVariables).not.toHaveProperty('attempts');
    expect(given.summary).toBe('subflow ended at EndSubflow; run without a calling flow: its inputs errorMessage, attempts kept their defaults (it starts at NewPhoneContact, which receives no inputs: a subflow\'s start does)');
    const none = await simulate(loaded.model, {}, { services: fakeServices() });
    expect(none.summary).toBe('subflow ended at EndSubflow; run without a calling flow: its inputs errorMessage, attempts kept their defaults');
  });

  test('an input whose value its type cannot hold fails the start node', async () => {
    const result = await simulate(buildFlow(errorSubflow), { subflowInputs: { errorMessage: 'x', attempts: 'two' } }, { services: fakeServices() });
    expect(result.trace[0]).toMatchObject({ activity: 'StartSubflow', outcome: 'error', error: `cannot store "two" in Integer variable 'attempts'` });
    expect(result.status).toBe('error');
  });
});
