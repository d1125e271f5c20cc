/**
 * The variable a happy-path deviation's failure is about, as its callers pass it on (lib/happy-path/
 * main-flow-stages.ts, event-flow-stages.ts: `afterwards(...).failedVariable`): an activity after the
 * entry the call left that fails on a flow variable not declared gives the stage's check that
 * variable's cause (the one its Build step 2 check reports). A wrong connection or a loop back,
 * which the message tells instead of that failure, names no variable; nor does SimulateGlobalError
 * put too early, which fails on purpose. (afterwards alone: failure-quoted.test.ts.)
 */
import { test, expect } from '@playwright/test';
import { activity, addActivity, gradeMutation, link, props, resultOf, variable, type Json } from './support.js';

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

test('OnGlobalError → a Set Variable writing an undeclared variable → the Create Task request: the task check points to that variable\'s check', async () => {
  const result = await judged('run-task-created', (f) => {
    undeclaredWriter(f, 'CallBackAPI_HTTPRequest', 'SetVariable_ev');
    link(f, 'GlobalErrorHandling', 'out', 'SetVariable_ev');
    link(f, 'SetVariable_ev', 'out', 'CallBackAPI_HTTPRequest');
  });
  expect(result.status).toBe('skipped');
  expect(result.message).toContain(POINTS_TO_VARIABLE);
});

test('a guard before the Create Task request leaving by False to a Set Variable writing an undeclared variable: the task check points to that variable\'s check', async () => {
  const result = await judged('run-task-created', (f) => {
    undeclaredWriter(f, 'CallBackAPI_HTTPRequest', 'SetVariable_ev');
    addActivity(f, 'CallBackAPI_HTTPRequest', 'HasNumber', { ...props(f, 'HTTPStatusCode'), name: 'HasNumber', expression: '{{false}}' }, activity(f, 'HTTPStatusCode').group);
    link(f, 'GlobalErrorHandling', 'out', 'HasNumber');
    link(f, 'HasNumber', 'true', 'CallBackAPI_HTTPRequest');
    link(f, 'HasNumber', 'false', 'SetVariable_ev');
  });
  expect(result.status).toBe('skipped');
  expect(result.message).toContain(POINTS_TO_VARIABLE);
});

test('OnGlobalError → two Set Variables in a loop, the first failing when it runs again: the loop back is told, no variable named', async () => {
  const result = await judged('run-task-created', (f) => {
    const template = variable(f, 'getresult');
    f.variables.push({ ...template, name: 'n', type: 'INTEGER', value: '0' }, { ...template, name: 'src', value: '1' });
    addActivity(f, 'CallBackAPI_HTTPRequest', 'SetVariable_a', { activityName: 'set-variable', activityId: 'set-variable', srcVariable: 'n', setTo: 'set-to-literal', expr: '{{ src }}' }, 'set-variable');
    addActivity(f, 'CallBackAPI_HTTPRequest', 'SetVariable_b', { activityName: 'set-variable', activityId: 'set-variable', srcVariable: 'src', setTo: 'set-to-literal', expr: 'abc' }, 'set-variable');
    link(f, 'GlobalErrorHandling', 'out', 'SetVariable_a');
    link(f, 'SetVariable_a', 'out', 'SetVariable_b');
    link(f, 'SetVariable_b', 'out', 'SetVariable_a');
  });
  expect(result).toEqual({
    status: 'failed',
    message: 'OnGlobalError ran, but CallBackAPI_HTTPRequest never did (after SetVariable_a, SetVariable_b, it went back to SetVariable_a, in a loop)',
    // Not the hint for n's type (a value it cannot hold, "abc" on the second run): the loop is what to change.
    hint: 'Event Flows → SetVariable_a → it fails before the call reaches CallBackAPI_HTTPRequest: correct it, or drag the connection of SetVariable_b from SetVariable_a to CallBackAPI_HTTPRequest (Build step 8).',
  });
});

test('the Create Task request → a Set Variable writing an undeclared variable → HTTPStatusCode: the 201 check points to that variable\'s check', async () => {
  const result = await judged('run-status-true-on-201', (f) => {
    undeclaredWriter(f, 'CallBackAPI_HTTPRequest', 'SetVariable_ev');
    link(f, 'CallBackAPI_HTTPRequest', 'default', 'SetVariable_ev');
    link(f, 'SetVariable_ev', 'out', 'HTTPStatusCode');
  });
  expect(result.status).toBe('skipped');
  expect(result.message).toContain(POINTS_TO_VARIABLE);
});

test('the Create Task request\'s success exit to a Set Variable failing on an undeclared variable, HTTPStatusCode on its error exit: the wrong connection is told, no variable named', async () => {
  const result = await judged('run-status-true-on-201', (f) => {
    undeclaredWriter(f, 'CallBackAPI_HTTPRequest', 'SetVariable_ev');
    link(f, 'CallBackAPI_HTTPRequest', 'default', 'SetVariable_ev');
    link(f, 'CallBackAPI_HTTPRequest', 'error', 'HTTPStatusCode');
  });
  expect(result.status).toBe('failed');
  expect(result.message).toBe('After CallBackAPI_HTTPRequest the event flow never reached HTTPStatusCode (HTTPStatusCode is connected to the Undefined Error exit of CallBackAPI_HTTPRequest, not to its success exit)');
});
