/**
 * The variable a happy-path deviation's failure is about, as its callers pass it on (lib/happy-path/
 * main-flow-stages.ts, event-flow-stages.ts: `afterwards(...).failedVariable`): an activity after the
 * entry the call left that fails on a flow variable not declared gives the stage's check that
 * variable's cause (the one its Build step 2 check reports). A wrong connection or a loop back,
 * which the message tells instead of that failure, names no variable; nor does SimulateGlobalError
 * put too early, which fails on purpose. (afterwards alone: failure-quoted.test.ts.)
 */
import { test, expect } from '@playwright/test';
import { addActivity, gradeMutation, link, props, resultOf, variable, type Json } from './support.js';

/**
 * getresult declared as getResult, which SetGetResult writes: the variable check reports
 * `flow variable getresult not declared`, and a check whose failure has that cause points to it.
 */
function getresultMisspelt(f: Json): void {
  variable(f, 'getresult').name = 'getResult';
  props(f, 'SetGetResult').srcVariable = 'getResult';
}

/** A Set Variable `label` beside `near` writing getresult, which the flow does not declare (getresultMisspelt). */
function undeclaredWriter(f: Json, near: string, label: string): void {
  getresultMisspelt(f);
  addActivity(f, near, label, { activityName: 'set-variable', activityId: 'set-variable', srcVariable: 'getresult', setTo: 'set-to-literal', expr: 'x' }, 'set-variable');
}

const POINTS_TO_VARIABLE = 'reported under “Flow variable getresult (String, empty default)”';

/** The check's status and message. */
async function judged(id: string, mutation: (f: Json) => void): Promise<{ status: string; message: string; hint?: string }> {
  const { status, message, hint } = resultOf(await gradeMutation(mutation), id);
  return { status, message, hint };
}

test('option 3 → a Set Variable writing an undeclared variable → GET_CBID: the reach check points to that variable\'s check', async () => {
  const result = await judged('run-option3-reaches-get-cbid', (f) => {
    undeclaredWriter(f, 'WantCallback', 'SetVariable_ww');
    link(f, 'WantCallback', '3', 'SetVariable_ww');
    link(f, 'SetVariable_ww', 'out', 'GET_CBID');
  });
  expect(result.status).toBe('skipped');
  expect(result.message).toContain("SetVariable_ww, which failed: variable 'getresult' is not declared in the flow");
  expect(result.message).toContain(POINTS_TO_VARIABLE);
});

test('option 3 → SimulateGlobalError failing on an undeclared variable: it fails on purpose, and that variable is not named as the cause', async () => {
  const result = await judged('run-option3-reaches-get-cbid', (f) => {
    // simulatederror declared as simulatedError: SimulateGlobalError fails writing simulatederror.
    variable(f, 'simulatederror').name = 'simulatedError';
    link(f, 'WantCallback', '3', 'SimulateGlobalError');
  });
  expect(result.status).toBe('failed');
  expect(result.message).toBe('After option 3 the call never reached GET_CBID (it went on to SimulateGlobalError, which raises the global error on purpose, so nothing after it runs)');
});

test('GET_CBID or SetGetResult → a Set Variable writing an undeclared variable: the stage that never reached the next activity points to that variable\'s check', async () => {
  const beforeSetGetResult = await judged('run-getresult-holds-body', (f) => {
    undeclaredWriter(f, 'GET_CBID', 'SetVariable_bad');
    link(f, 'GET_CBID', 'default', 'SetVariable_bad');
    link(f, 'SetVariable_bad', 'out', 'SetGetResult');
  });
  expect(beforeSetGetResult.status).toBe('skipped');
  expect(beforeSetGetResult.message).toContain(POINTS_TO_VARIABLE);
  const beforeSimulateError = await judged('run-global-error-raised', (f) => {
    undeclaredWriter(f, 'SetGetResult', 'SetVariable_bad');
    link(f, 'SetGetResult', 'out', 'SetVariable_bad');
    link(f, 'SetVariable_bad', 'out', 'SimulateGlobalError');
  });
  expect(beforeSimulateError.status).toBe('skipped');
  expect(beforeSimulateError.message).toContain(POINTS_TO_VARIABLE);
});

test('GET_CBID\'s success exit to a Set Variable failing on an undeclared variable, SetGetResult on its error exit: the wrong connection is told, no variable named', async () => {
  const result = await judged('run-getresult-holds-body', (f) => {
    undeclaredWriter(f, 'GET_CBID', 'SetVariable_bad');
    link(f, 'GET_CBID', 'default', 'SetVariable_bad');
    link(f, 'GET_CBID', 'error', 'SetGetResult');
  });
  expect(result.status).toBe('failed');
  expect(result.message).toBe('After GET_CBID the call never reached SetGetResult (SetGetResult is connected to the Undefined Error exit of GET_CBID, not to its success exit)');
});
