/**
 * One of the fixtures' typical mistakes (a `defect-*` of fixtures/generate.mjs) in a flow also built
 * in one of the ways the grader tolerates (a `noise-*`: the January 2025 guide's labels, an extra
 * Set Variable in OnGlobalError, …), as a sweep of every such pair found them told otherwise than
 * the mistake alone: a hint naming the guide's spelling where the flow uses the other one, a step
 * not named. Each case builds the solution with the variant and the mistake, beside the mistake
 * alone. two-mistakes.test.ts checks two mistakes at once; this file, one mistake in a variant.
 */
import { test, expect } from '@playwright/test';
import type { GradeReport } from '../../../engine/report.js';
import { firstFix } from '../../../reports/summary.js';
import { TOLERATED } from './mutations.js';
import { activity, addActivity, addFailingSetVariable, grade, link, mutated, props, relabel, resultOf, unlink, variable, type Json, type Mutation } from './support.js';

const both = (...edits: Mutation[]) => mutated((f) => edits.forEach((edit) => edit(f)));
const failedIds = (report: GradeReport) => report.checks.filter((c) => c.status === 'failed').map((c) => c.id);

/** customANI in place of customani throughout (variable, parse row, the body of the request labelled `request`). */
const customAniThroughout = (request: string): Mutation => (f) => {
  variable(f, 'customani').name = 'customANI';
  for (const row of props(f, 'GET_CBID').outputVariableArray as Json[]) if (row.outputVariable === 'customani') row.outputVariable = 'customANI';
  const p = props(f, request);
  p.httpRequestBody = (p.httpRequestBody as string).replaceAll('{{customani}}', '{{customANI}}');
};

/** The January 2025 guide's labels, used consistently: CallBackAPI_Request (label and condition) and customANI (variable, parse row, body). */
const olderGuideLabels: Mutation = (f) => {
  relabel(f, 'CallBackAPI_HTTPRequest', 'CallBackAPI_Request');
  const condition = props(f, 'HTTPStatusCode');
  condition.expression = (condition.expression as string).replace('CallBackAPI_HTTPRequest.', 'CallBackAPI_Request.');
  customAniThroughout('CallBackAPI_Request')(f);
};

const setRows = (rows: [string, string][]): Mutation => (f) => {
  props(f, 'GET_CBID').outputVariableArray = rows.map(([outputVariable, jsonPathExp]) => ({ outputVariable, jsonPathExp }));
};
const editBody = (edit: (body: string) => string): Mutation => (f) => {
  const p = props(f, 'CallBackAPI_HTTPRequest');
  p.httpRequestBody = edit(p.httpRequestBody as string);
};

/** Mistakes whose hint names the variable customani (the guide's Build steps 4 and 8), with the checks that give it. */
const NAMING_CUSTOMANI: [string, Mutation, string[]][] = [
  ['parse paths without [0]', setRows([['outdialcbid', '$.outboundcallbackep'], ['customani', '$.tacnumber']]), ['get-cbid-parse-paths', 'run-get-cbid-fills-variables']],
  ['parse rows swapped', setRows([['outdialcbid', '$[0].tacnumber'], ['customani', '$[0].outboundcallbackep']]), ['get-cbid-parse-paths', 'run-get-cbid-fills-variables']],
  ['parse Content Type left on Select', (f) => Object.assign(props(f, 'GET_CBID'), { contentType: null, 'contentType:name': null, contentType_name: null }), ['run-get-cbid-fills-variables']],
  ['body without "callback"', editBody((body) => body.replace(/,\n {4}"callback": \{\n.*\n.*\n {4}\}/, '')), ['callback-api-body', 'run-task-created']],
  ['body sending entryPointId {{customani}}', editBody((body) => body.replace('"{{outdialcbid}}"', '"{{customani}}"')), ['callback-api-body', 'run-task-created']],
  ['body without a comma (not JSON)', editBody((body) => body.replace('"telephony",', '"telephony"')), ['callback-api-body', 'run-task-created']],
];

for (const [name, mistake, checks] of NAMING_CUSTOMANI) {
  test(`${name}, in a flow using the January 2025 guide's customANI throughout: the hint names customANI, as the message does`, async () => {
    // The mistake first (written for the guide's names), then the older guide's names over it all.
    const [variant, alone] = await Promise.all([grade(both(mistake, olderGuideLabels)), grade(both(mistake))]);
    for (const id of checks) {
      const hint = resultOf(alone, id).hint;
      expect(resultOf(variant, id), id).toMatchObject({ status: 'failed', hint: hint.replaceAll('CallBackAPI_HTTPRequest', 'CallBackAPI_Request').replaceAll('customani', 'customANI') });
      expect(resultOf(variant, id).hint, id).not.toMatch(/\bcustomani\b/);
    }
    expect(failedIds(variant)).toEqual(failedIds(alone));
  });
}

test("parse paths without [0], in a flow with customANI throughout but every activity under the guide's label: the hint names customANI", async () => {
  // No label to reword here: the variable's spelling alone must still be.
  const [mistake, rows] = [NAMING_CUSTOMANI[0][1], NAMING_CUSTOMANI[0][2]];
  const report = await grade(both(mistake, customAniThroughout('CallBackAPI_HTTPRequest')));
  for (const id of rows) {
    expect(resultOf(report, id).status, id).toBe('failed');
    expect(resultOf(report, id).hint, id).toMatch(/\bcustomANI\b/);
    expect(resultOf(report, id).hint, id).not.toMatch(/\bcustomani\b/);
  }
});

test("customani typed Boolean, in a flow using the January 2025 guide's customANI throughout: as alone, only its Build step 2 check fails, GET_CBID's call pointing to it", async () => {
  // GET_CBID fails storing the record's tacnumber in the Boolean customANI: the type's cause is customANI's check's.
  const boolean: Mutation = (f) => void (variable(f, 'customani').type = 'BOOLEAN');
  const [variant, alone] = await Promise.all([grade(both(boolean, customAniThroughout('CallBackAPI_HTTPRequest'))), grade(both(boolean))]);
  expect(failedIds(variant)).toEqual(failedIds(alone));
  expect(failedIds(variant)).toEqual(['variable-customani']);
  const own = resultOf(variant, 'variable-customani');
  expect(resultOf(variant, 'run-get-cbid-fills-variables')).toMatchObject({ status: 'skipped', message: expect.stringContaining(`customANI' (reported under “${own.title}”)`) });
});

test("OnGlobalError still to EndFlow, in a flow using the January 2025 guide's CallBackAPI_Request: expected names the request by its label, as the hint does", async () => {
  const stillToEnd: Mutation = (f) => link(f, 'GlobalErrorHandling', 'out', 'EndFlow_kid');
  const [variant, alone] = await Promise.all([grade(both(stillToEnd, olderGuideLabels)), grade(both(stillToEnd))]);
  expect(resultOf(alone, 'global-error-not-to-endflow')).toMatchObject({ status: 'failed', expected: 'OnGlobalError → CallBackAPI_HTTPRequest' });
  expect(resultOf(variant, 'global-error-not-to-endflow')).toMatchObject({
    status: 'failed',
    expected: 'OnGlobalError → CallBackAPI_Request',
    hint: 'Event Flows → delete the connection from OnGlobalError to EndFlow_kid (Build step 7), then connect OnGlobalError to CallBackAPI_Request (Build step 8).',
  });
});

/** OnGlobalError first runs a Set Variable (errortime = {{now()}}), then what it led to: the request, or in a mistake, the End Flow. */
const extraSetVariable: Mutation = (f) => {
  const events = f.eventFlows.eventsMap.GLOBAL_EVENTS.process as Json;
  const handler = activity(f, 'GlobalErrorHandling');
  const next = (events.links as Json[]).find((l) => l.sourceActivityId === handler.id && l.conditionExpr === 'out')?.targetActivityId as string | undefined;
  (f.variables as Json[]).push({ ...structuredClone(variable(f, 'getresult')), name: 'errortime' });
  addActivity(f, 'GlobalErrorHandling', 'SetVariable_e4r', { activityName: 'set-variable', activityId: 'set-variable', srcVariable: 'errortime', srcVariableType: 'STRING', setTo: 'set-to-literal', expr: '{{now()}}' }, 'set-variable');
  link(f, 'GlobalErrorHandling', 'out', 'SetVariable_e4r');
  if (next) link(f, 'SetVariable_e4r', 'out', events.activities[next].name as string);
};

test('OnGlobalError still to EndFlow, through an extra Set Variable: told under Build step 7 as when straight, each hint naming the connection of the Set Variable', async () => {
  const stillToEnd: Mutation = (f) => link(f, 'GlobalErrorHandling', 'out', 'EndFlow_kid');
  const [variant, alone, variantAlone] = await Promise.all([grade(both(stillToEnd, extraSetVariable)), grade(both(stillToEnd)), grade(both(extraSetVariable))]);
  expect(variantAlone.verdict).toBe('passed');
  // The same checks fail, for the same points, and the report starts at the same step.
  expect(failedIds(variant)).toEqual(failedIds(alone));
  expect(variant.score).toEqual(alone.score);
  expect(firstFix(variant)?.id).toBe(firstFix(alone)?.id);
  expect(resultOf(variant, 'global-error-not-to-endflow')).toMatchObject({
    status: 'failed',
    message: 'OnGlobalError still goes to EndFlow_kid (through SetVariable_e4r)',
    expected: 'OnGlobalError → SetVariable_e4r → CallBackAPI_HTTPRequest',
    actual: 'OnGlobalError → SetVariable_e4r → EndFlow_kid (End Flow)',
    hint: 'Event Flows → delete the connection from SetVariable_e4r to EndFlow_kid (Build step 7), then connect SetVariable_e4r to CallBackAPI_HTTPRequest (Build step 8).',
  });
  // Not to drag OnGlobalError away from the Set Variable, which may stay.
  expect(resultOf(variant, 'callback-api-after-global-error')).toMatchObject({
    status: 'failed',
    actual: 'OnGlobalError → SetVariable_e4r → EndFlow_kid',
    hint: 'Event Flows → delete the connection from SetVariable_e4r to EndFlow_kid (Build step 7), then connect SetVariable_e4r to CallBackAPI_HTTPRequest (Build step 8).',
  });
  expect(resultOf(variant, 'run-task-created')).toMatchObject({
    status: 'failed',
    message: 'OnGlobalError ran, but CallBackAPI_HTTPRequest never did (after SetVariable_e4r, it went on to EndFlow_kid)',
    hint: 'Event Flows → delete the connection from SetVariable_e4r to EndFlow_kid (Build step 7), then connect SetVariable_e4r to CallBackAPI_HTTPRequest (Build step 8).',
  });
  // As alone, where OnGlobalError goes straight to it.
  expect(resultOf(alone, 'run-task-created').hint).toBe('Event Flows → delete the connection from OnGlobalError to EndFlow_kid (Build step 7), then connect OnGlobalError to CallBackAPI_HTTPRequest (Build step 8).');
});

test('an extra Set Variable in OnGlobalError left unconnected: the hints say to connect the Set Variable, not OnGlobalError', async () => {
  const open: Mutation = (f) => unlink(f, 'SetVariable_e4r', 'out');
  const report = await grade(both(extraSetVariable, open));
  expect(resultOf(report, 'global-error-not-to-endflow').status).toBe('passed');
  expect(resultOf(report, 'callback-api-after-global-error')).toMatchObject({ status: 'failed', actual: 'OnGlobalError → SetVariable_e4r', hint: 'Event Flows → connect SetVariable_e4r to CallBackAPI_HTTPRequest (Build step 8).' });
  expect(resultOf(report, 'run-task-created')).toMatchObject({ status: 'failed', hint: 'Event Flows → connect SetVariable_e4r to CallBackAPI_HTTPRequest (Build step 8).' });
});

/** A second Set Variable beside the Event Flows' handler (not connected yet). */
const secondSetVariable: Mutation = (f) => {
  addActivity(f, 'GlobalErrorHandling', 'SetVariable_b7q', { activityName: 'set-variable', activityId: 'set-variable', srcVariable: 'errortime', srcVariableType: 'STRING', setTo: 'set-to-literal', expr: 'later' }, 'set-variable');
};
/** A Play Message in the Event Flows (as the main flow's), and a Disconnect Contact. */
const playMessage: Mutation = (f) => {
  addActivity(f, 'GlobalErrorHandling', 'PlayMessage_x1y', structuredClone(props(f, 'PlayMessage_n4w')), 'action');
};
const disconnect: Mutation = (f) => {
  addActivity(f, 'GlobalErrorHandling', 'DisconnectContact_k2z', { activityName: 'disconnect-contact', activityId: '5faa898c8bf5b65b82f0706b' }, 'terminating-action');
};
const errorChecks = ['global-error-not-to-endflow', 'callback-api-after-global-error', 'run-task-created'];
const said = (report: GradeReport, id: string) => {
  const r = resultOf(report, id);
  return r.status === 'passed' ? 'passed' : { status: r.status, message: r.message, actual: r.actual, hint: r.hint };
};

test('the extra Set Variable leading to a second Set Variable left open: the hints say to connect the second, the last on the way', async () => {
  const report = await grade(both(extraSetVariable, secondSetVariable, (f) => link(f, 'SetVariable_e4r', 'out', 'SetVariable_b7q')));
  expect(said(report, 'global-error-not-to-endflow')).toBe('passed');
  expect(said(report, 'callback-api-after-global-error')).toMatchObject({ actual: 'OnGlobalError → SetVariable_e4r → SetVariable_b7q', hint: 'Event Flows → connect SetVariable_b7q to CallBackAPI_HTTPRequest (Build step 8).' });
  expect(said(report, 'run-task-created')).toMatchObject({
    message: 'OnGlobalError ran, but CallBackAPI_HTTPRequest never did (after SetVariable_e4r, SetVariable_b7q, the event flow ended: the exit of SetVariable_b7q is not connected)',
    hint: 'Event Flows → connect SetVariable_b7q to CallBackAPI_HTTPRequest (Build step 8).',
  });
});

test('two Set Variables on the way to the End Flow: told as one, the connection to delete the second\'s', async () => {
  const report = await grade(both(extraSetVariable, secondSetVariable, (f) => {
    link(f, 'SetVariable_e4r', 'out', 'SetVariable_b7q');
    link(f, 'SetVariable_b7q', 'out', 'EndFlow_kid');
  }));
  expect(said(report, 'global-error-not-to-endflow')).toMatchObject({
    message: 'OnGlobalError still goes to EndFlow_kid (through SetVariable_e4r, SetVariable_b7q)',
    actual: 'OnGlobalError → SetVariable_e4r → SetVariable_b7q → EndFlow_kid (End Flow)',
    hint: 'Event Flows → delete the connection from SetVariable_b7q to EndFlow_kid (Build step 7), then connect SetVariable_b7q to CallBackAPI_HTTPRequest (Build step 8).',
  });
  expect(resultOf(report, 'callback-api-after-global-error').hint).toBe('Event Flows → delete the connection from SetVariable_b7q to EndFlow_kid (Build step 7), then connect SetVariable_b7q to CallBackAPI_HTTPRequest (Build step 8).');
  expect(resultOf(report, 'run-task-created').hint).toBe('Event Flows → delete the connection from SetVariable_b7q to EndFlow_kid (Build step 7), then connect SetVariable_b7q to CallBackAPI_HTTPRequest (Build step 8).');
});

test('the extra Set Variable leading to a Play Message (or a Disconnect Contact): the connection to drag is the Set Variable\'s, and Build step 7 is done', async () => {
  const toPlay = await grade(both(extraSetVariable, playMessage, (f) => link(f, 'SetVariable_e4r', 'out', 'PlayMessage_x1y')));
  expect(said(toPlay, 'global-error-not-to-endflow')).toBe('passed');
  expect(said(toPlay, 'callback-api-after-global-error')).toMatchObject({ actual: 'OnGlobalError → SetVariable_e4r → PlayMessage_x1y', hint: 'Event Flows → drag the connection of SetVariable_e4r from PlayMessage_x1y to CallBackAPI_HTTPRequest (Build step 8).' });
  // No caller to play to in the event flow: the Play Message fails, and the way round it is the Set Variable's connection.
  expect(resultOf(toPlay, 'run-task-created').hint).toContain('drag the connection of SetVariable_e4r from PlayMessage_x1y to CallBackAPI_HTTPRequest (Build step 8)');
  const toDisconnect = await grade(both(extraSetVariable, disconnect, (f) => link(f, 'SetVariable_e4r', 'out', 'DisconnectContact_k2z')));
  expect(said(toDisconnect, 'global-error-not-to-endflow')).toBe('passed');
  expect(said(toDisconnect, 'callback-api-after-global-error')).toMatchObject({ actual: 'OnGlobalError → SetVariable_e4r → DisconnectContact_k2z', hint: 'Event Flows → drag the connection of SetVariable_e4r from DisconnectContact_k2z to CallBackAPI_HTTPRequest (Build step 8).' });
  expect(said(toDisconnect, 'run-task-created')).toMatchObject({
    message: 'OnGlobalError ran, but CallBackAPI_HTTPRequest never did (after SetVariable_e4r, it went on to DisconnectContact_k2z)',
    hint: 'Event Flows → drag the connection of SetVariable_e4r from DisconnectContact_k2z to CallBackAPI_HTTPRequest (Build step 8).',
  });
});

test('Set Variables then the request further on: a second Set Variable passes; a Play Message on the way is what the simulated call names', async () => {
  const throughTwo = await grade(both(extraSetVariable, secondSetVariable, (f) => {
    link(f, 'SetVariable_e4r', 'out', 'SetVariable_b7q');
    link(f, 'SetVariable_b7q', 'out', 'CallBackAPI_HTTPRequest');
  }));
  expect(throughTwo.verdict).toBe('passed');
  const throughPlay = await grade(both(extraSetVariable, playMessage, (f) => {
    link(f, 'SetVariable_e4r', 'out', 'PlayMessage_x1y');
    link(f, 'PlayMessage_x1y', 'out', 'CallBackAPI_HTTPRequest');
  }));
  expect(said(throughPlay, 'global-error-not-to-endflow')).toBe('passed');
  expect(said(throughPlay, 'callback-api-after-global-error')).toBe('passed');
  expect(said(throughPlay, 'run-task-created')).toMatchObject({ status: 'failed', hint: 'Event Flows → PlayMessage_x1y → it fails before the call reaches CallBackAPI_HTTPRequest: correct it, or drag the connection of SetVariable_e4r from PlayMessage_x1y to CallBackAPI_HTTPRequest (Build step 8).' });
});

/** Set Variables in a loop: SetVariable_e4r → SetVariable_b7q → SetVariable_e4r, or SetVariable_e4r to itself. */
const LOOPS: Record<string, [Mutation, string, string, string]> = {
  'A → B → A': [
    (f) => { secondSetVariable(f); link(f, 'SetVariable_e4r', 'out', 'SetVariable_b7q'); link(f, 'SetVariable_b7q', 'out', 'SetVariable_e4r'); },
    'SetVariable_b7q',
    'OnGlobalError → SetVariable_e4r → SetVariable_b7q → SetVariable_e4r',
    'SetVariable_e4r, SetVariable_b7q',
  ],
  'A → A': [(f) => link(f, 'SetVariable_e4r', 'out', 'SetVariable_e4r'), 'SetVariable_e4r', 'OnGlobalError → SetVariable_e4r → SetVariable_e4r', 'SetVariable_e4r'],
};

for (const [name, [loop, last, actual, through]] of Object.entries(LOOPS)) {
  test(`Set Variables in a loop in OnGlobalError (${name}): every check finishes, the hints drag the connection that goes back, the loop told once`, async () => {
    const report = await grade(both(extraSetVariable, loop));
    expect(report.checks.filter((c) => c.status === 'errored').map((c) => c.id)).toEqual([]);
    expect(said(report, 'global-error-not-to-endflow')).toBe('passed');
    // The exit of the last Set Variable is connected (back): "connect" would contradict the canvas.
    expect(said(report, 'callback-api-after-global-error')).toMatchObject({ actual, hint: `Event Flows → drag the connection of ${last} from SetVariable_e4r to CallBackAPI_HTTPRequest (Build step 8).` });
    const task = resultOf(report, 'run-task-created');
    expect(task).toMatchObject({ status: 'failed', hint: `Event Flows → drag the connection of ${last} from SetVariable_e4r to CallBackAPI_HTTPRequest (Build step 8).` });
    // Each Set Variable named once, not once per time round the loop.
    expect(task.message).toBe(`OnGlobalError ran, but CallBackAPI_HTTPRequest never did (after ${through}, it went back to SetVariable_e4r, in a loop)`);
    for (const id of errorChecks) expect(resultOf(report, id).message.match(/SetVariable_e4r/g)?.length ?? 0, id).toBeLessThanOrEqual(3);
  });
}

/** A Set Variable chained after the first one OnGlobalError runs (SetVariable_e4r → SetVariable_r7t → what e4r led to). */
const chainedSetVariable: Mutation = (f) => {
  const events = f.eventFlows.eventsMap.GLOBAL_EVENTS.process as Json;
  const first = activity(f, 'SetVariable_e4r');
  const next = (events.links as Json[]).find((l) => l.sourceActivityId === first.id && l.conditionExpr === 'out')?.targetActivityId as string | undefined;
  addActivity(f, 'SetVariable_e4r', 'SetVariable_r7t', { activityName: 'set-variable', activityId: 'set-variable', srcVariable: 'errortime', srcVariableType: 'STRING', setTo: 'set-to-literal', expr: '{{now()}}' }, 'set-variable');
  link(f, 'SetVariable_e4r', 'out', 'SetVariable_r7t');
  if (next) link(f, 'SetVariable_r7t', 'out', events.activities[next].name as string);
};

test('OnGlobalError still to EndFlow, through two Set Variables: named in order, each hint naming the connection of the last one', async () => {
  const stillToEnd: Mutation = (f) => link(f, 'GlobalErrorHandling', 'out', 'EndFlow_kid');
  const [variant, alone] = await Promise.all([grade(both(stillToEnd, extraSetVariable, chainedSetVariable)), grade(both(stillToEnd))]);
  expect(failedIds(variant)).toEqual(failedIds(alone));
  expect(resultOf(variant, 'global-error-not-to-endflow')).toMatchObject({
    status: 'failed',
    message: 'OnGlobalError still goes to EndFlow_kid (through SetVariable_e4r, SetVariable_r7t)',
    expected: 'OnGlobalError → SetVariable_e4r → SetVariable_r7t → CallBackAPI_HTTPRequest',
    actual: 'OnGlobalError → SetVariable_e4r → SetVariable_r7t → EndFlow_kid (End Flow)',
    hint: 'Event Flows → delete the connection from SetVariable_r7t to EndFlow_kid (Build step 7), then connect SetVariable_r7t to CallBackAPI_HTTPRequest (Build step 8).',
  });
  expect(resultOf(variant, 'callback-api-after-global-error')).toMatchObject({
    status: 'failed',
    actual: 'OnGlobalError → SetVariable_e4r → SetVariable_r7t → EndFlow_kid',
    hint: 'Event Flows → delete the connection from SetVariable_r7t to EndFlow_kid (Build step 7), then connect SetVariable_r7t to CallBackAPI_HTTPRequest (Build step 8).',
  });
  expect(resultOf(variant, 'run-task-created')).toMatchObject({
    status: 'failed',
    message: 'OnGlobalError ran, but CallBackAPI_HTTPRequest never did (after SetVariable_e4r, SetVariable_r7t, it went on to EndFlow_kid)',
    hint: 'Event Flows → delete the connection from SetVariable_r7t to EndFlow_kid (Build step 7), then connect SetVariable_r7t to CallBackAPI_HTTPRequest (Build step 8).',
  });
  // The excerpt runs on past the Set Variables, to where the call went instead (five rows at most).
  expect(resultOf(variant, 'run-task-created').traceExcerpt?.map((e) => e.activity)).toEqual(['SimulateGlobalError', 'GlobalErrorHandling', 'SetVariable_e4r', 'SetVariable_r7t', 'EndFlow_kid']);
});

test('OnGlobalError → a Set Variable → one that fails before the request: the hint names the failing one, and the connection from the last that ran', async () => {
  const failingNext: Mutation = (f) => {
    const events = f.eventFlows.eventsMap.GLOBAL_EVENTS.process as Json;
    const first = activity(f, 'SetVariable_e4r');
    const next = (events.links as Json[]).find((l) => l.sourceActivityId === first.id && l.conditionExpr === 'out')?.targetActivityId as string;
    addFailingSetVariable(f, 'SetVariable_e4r', 'SetVariable_bad');
    link(f, 'SetVariable_e4r', 'out', 'SetVariable_bad');
    link(f, 'SetVariable_bad', 'out', events.activities[next].name as string);
  };
  const report = await grade(both(extraSetVariable, failingNext));
  expect(resultOf(report, 'run-task-created')).toMatchObject({
    status: 'failed',
    hint: 'Event Flows → SetVariable_bad → it fails before the call reaches CallBackAPI_HTTPRequest: correct it, or drag the connection of SetVariable_e4r from SetVariable_bad to CallBackAPI_HTTPRequest (Build step 8).',
  });
});

/**
 * One edit, one wording: where the static checks (Build steps 7 and 8) and the simulated call hint
 * the same connection of OnGlobalError's way, they say it in the same words — an attendee reading
 * both must read one edit. A connected exit has its connection dragged, an open one is connected,
 * and one to an End Flow is deleted first (Build step 7, the guide's words).
 */
const SAME_EDIT: [string, string, string[], string][] = [
  ['→ SetVariable_e4r → DisconnectContact_k2z', both(extraSetVariable, disconnect, (f) => link(f, 'SetVariable_e4r', 'out', 'DisconnectContact_k2z')), ['callback-api-after-global-error', 'run-task-created'],
    'Event Flows → drag the connection of SetVariable_e4r from DisconnectContact_k2z to CallBackAPI_HTTPRequest (Build step 8).'],
  ['→ DisconnectContact_k2z', both(disconnect, (f) => link(f, 'GlobalErrorHandling', 'out', 'DisconnectContact_k2z')), ['callback-api-after-global-error', 'run-task-created'],
    'Event Flows → drag the connection of OnGlobalError from DisconnectContact_k2z to CallBackAPI_HTTPRequest (Build step 8).'],
  ['→ nothing', both((f) => unlink(f, 'GlobalErrorHandling', 'out')), ['callback-api-after-global-error', 'run-task-created'],
    'Event Flows → connect OnGlobalError to CallBackAPI_HTTPRequest (Build step 8).'],
  ['→ SetVariable_e4r → nothing', both(extraSetVariable, (f) => unlink(f, 'SetVariable_e4r', 'out')), ['callback-api-after-global-error', 'run-task-created'],
    'Event Flows → connect SetVariable_e4r to CallBackAPI_HTTPRequest (Build step 8).'],
  ['→ EndFlow_kid', both((f) => link(f, 'GlobalErrorHandling', 'out', 'EndFlow_kid')), errorChecks,
    'Event Flows → delete the connection from OnGlobalError to EndFlow_kid (Build step 7), then connect OnGlobalError to CallBackAPI_HTTPRequest (Build step 8).'],
  ['→ SetVariable_e4r → EndFlow_kid', both((f) => link(f, 'GlobalErrorHandling', 'out', 'EndFlow_kid'), extraSetVariable), errorChecks,
    'Event Flows → delete the connection from SetVariable_e4r to EndFlow_kid (Build step 7), then connect SetVariable_e4r to CallBackAPI_HTTPRequest (Build step 8).'],
  ['→ SetVariable_e4r → SetVariable_b7q → SetVariable_e4r (a loop)', both(extraSetVariable, LOOPS['A → B → A'][0]), ['callback-api-after-global-error', 'run-task-created'],
    'Event Flows → drag the connection of SetVariable_b7q from SetVariable_e4r to CallBackAPI_HTTPRequest (Build step 8).'],
];

for (const [name, flow, ids, hint] of SAME_EDIT) {
  test(`OnGlobalError ${name}: ${ids.join(', ')} hint the same edit in the same words`, async () => {
    const report = await grade(flow);
    for (const id of ids) expect(said(report, id), id).toMatchObject({ status: 'failed', hint });
  });
}

test('OnGlobalError → SetVariable_e4r → a Play Message that fails (no caller) → Disconnect: the simulated call names the failing one, and the connection to drag in the static check\'s words', async () => {
  const report = await grade(both(extraSetVariable, playMessage, disconnect, (f) => {
    link(f, 'SetVariable_e4r', 'out', 'PlayMessage_x1y');
    link(f, 'PlayMessage_x1y', 'default', 'DisconnectContact_k2z');
  }));
  const drag = 'drag the connection of SetVariable_e4r from PlayMessage_x1y to CallBackAPI_HTTPRequest (Build step 8).';
  expect(resultOf(report, 'callback-api-after-global-error').hint).toBe(`Event Flows → ${drag}`);
  expect(resultOf(report, 'run-task-created').hint).toBe(`Event Flows → PlayMessage_x1y → it fails before the call reaches CallBackAPI_HTTPRequest: correct it, or ${drag}`);
});

/**
 * The Condition before the request that goes on only with a callback number (mutations.ts TOLERATED)
 * is no HTTPStatusCode: with the request not connected to HTTPStatusCode, it was found in its place
 * (the only Condition OnGlobalError reached), and judged as a status test it is not (find.ts).
 */
for (const [name, mistake] of [
  ['not connected to HTTPStatusCode', (f: Json) => unlink(f, 'CallBackAPI_HTTPRequest', 'default')],
  ['straight to EndFlow', (f: Json) => link(f, 'CallBackAPI_HTTPRequest', 'default', 'EndFlow_kid')],
] as [string, Mutation][]) {
  test(`CallBackAPI_HTTPRequest ${name}, in a flow whose Condition before the request goes on only with a callback number: HTTPStatusCode is still the one judged`, async () => {
    const [variant, alone] = await Promise.all([grade(both(mistake, TOLERATED['create-task-only-with-a-callback-number'])), grade(both(mistake))]);
    expect(failedIds(variant)).toEqual(failedIds(alone));
    for (const id of ['status-condition-after-callback-api', 'status-condition-label', 'status-condition-expression', 'run-status-true-on-201', 'run-status-false-on-400']) {
      expect(resultOf(variant, id).message, id).toBe(resultOf(alone, id).message);
    }
    expect(variant.score).toEqual(alone.score);
  });
}
