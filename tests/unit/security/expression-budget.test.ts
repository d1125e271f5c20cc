/**
 * Each expression evaluation has a step budget (100,000), but a flow decides how many evaluations
 * a simulated call makes: a Set Variable of 2,000 rows each urlencoding a 100,000-character
 * variable took `simulate` 12 s per visit, and an export of 20 MB holds 90,000 such rows. The
 * expressions of one call share a budget too (EXPRESSION_STEPS_PER_ACTIVITY for each activity run
 * the call may make); past it the call is not simulated.
 */
import { test, expect } from '@playwright/test';
import { simulate, simulateMainFlow } from '../../../engine/simulator/index.js';
import { EXPRESSION_STEPS_PER_ACTIVITY } from '../../../engine/simulator/expressions.js';
import { buildFlow, endFlow, fakeServices, type Node } from '../simulator/helpers.js';

/** `{{ range(1, 90000) | length }}`: 90,004 steps of one evaluation's 100,000, in a millisecond. */
const HEAVY = '{{ range(1, 90000) | length }}';
const STEPS_OF_HEAVY = 90_004;

/** A Set Variable of `rows` rows, each setting `note` to HEAVY. */
function heavy(label: string, rows: number): Node {
  const row = { srcVariable: 'note', setTo: 'set-to-literal', expr: HEAVY };
  return { label, type: 'set-variable', props: { ...row, setVariablesArray: new Array(rows).fill(row) } };
}

const variables = [{ name: 'note', type: 'STRING', value: '' }];

/** The budget of a call of at most 500 activity runs, the default. */
const MAX_CALL_EXPRESSION_STEPS = 500 * EXPRESSION_STEPS_PER_ACTIVITY;

test('the expressions of one call share a budget: past it the call is not simulated, whatever each evaluation takes', async () => {
  const rows = Math.floor(MAX_CALL_EXPRESSION_STEPS / STEPS_OF_HEAVY) + 1;
  const model = buildFlow({ variables, main: [heavy('Rows', rows), endFlow()], links: [['NewPhoneContact', 'out', 'Rows'], ['Rows', 'out', 'EndFlow']] });
  const result = await simulate(model, {}, { services: fakeServices() });
  expect(result.trace.at(-1)).toMatchObject({ activity: 'Rows', outcome: 'not-simulated' });
  expect(result).toMatchObject({
    status: 'not-simulated',
    summary: `the expressions of one call take more than ${MAX_CALL_EXPRESSION_STEPS} steps together (${EXPRESSION_STEPS_PER_ACTIVITY} for each of the 500 activity runs it may make), which the simulator does not go beyond; at the value of note "${HEAVY}"`,
  });
});

test('a call allowed more activity runs (--max-steps) has as many more steps for its expressions', async () => {
  const rows = Math.floor(MAX_CALL_EXPRESSION_STEPS / STEPS_OF_HEAVY) + 1;
  const model = buildFlow({ variables, main: [heavy('Rows', rows), endFlow()], links: [['NewPhoneContact', 'out', 'Rows'], ['Rows', 'out', 'EndFlow']] });
  expect(await simulate(model, {}, { services: fakeServices(), maxSteps: 1_000 })).toMatchObject({ status: 'completed' });
});

test('within the budget the call runs to its end, a row of its own still failing past 100,000 steps', async () => {
  const rows = Math.floor(MAX_CALL_EXPRESSION_STEPS / STEPS_OF_HEAVY) - 1;
  const model = buildFlow({ variables, main: [heavy('Rows', rows), endFlow()], links: [['NewPhoneContact', 'out', 'Rows'], ['Rows', 'out', 'EndFlow']] });
  expect(await simulate(model, {}, { services: fakeServices() })).toMatchObject({ status: 'completed', variables: { note: '90000' } });
  const over = buildFlow({
    variables,
    main: [{ label: 'Over', type: 'set-variable', props: { srcVariable: 'note', setTo: 'set-to-literal', expr: '{{ range(1, 90000) | join(",") | length }}' } }, endFlow()],
    links: [['NewPhoneContact', 'out', 'Over'], ['Over', 'out', 'EndFlow']],
  });
  expect((await simulate(over, {}, { services: fakeServices() })).trace[1]).toMatchObject({ outcome: 'error', error: expect.stringContaining('Evaluation exceeded 100000 steps') });
});

test('each copy of a paused call goes on with what the main flow left of the budget, not with what another copy left', async () => {
  // The main flow spends a little over half the budget, OnGlobalError a little under half: each
  // copy runs to its end only if the other copy's spending is not taken from its own budget.
  const half = Math.floor(MAX_CALL_EXPRESSION_STEPS / STEPS_OF_HEAVY / 2);
  const model = buildFlow({
    variables,
    main: [heavy('Main', half + 1), { label: 'Fail', type: 'set-variable', props: { srcVariable: 'note', setTo: 'set-to-literal', expr: '{{ ANI | 123 }}' } }],
    links: [['NewPhoneContact', 'out', 'Main'], ['Main', 'out', 'Fail']],
    events: [heavy('Handler', half - 2), endFlow('EndFlow_err')],
    eventLinks: [['GlobalErrorHandling', 'out', 'Handler'], ['Handler', 'out', 'EndFlow_err']],
  });
  const paused = await simulateMainFlow(model, {}, { services: fakeServices() });
  const first = paused.fork(fakeServices());
  const second = paused.fork(fakeServices());
  expect((await first.finish()).status).toBe('completed');
  expect((await second.finish()).status).toBe('completed');
});
