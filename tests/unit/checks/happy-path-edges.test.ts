/**
 * The happy-path call as the checks read it (checks/callback-on-global-error/lib/happy-path/ and
 * replay.ts) on edges a mutation sweep found no test holding: the handler's event node known by its
 * flow as well as by its label, a wrong getresult shown whole up to 160 characters, a variable
 * a request fills taking the check's value again when a Set Variable had written it before, and
 * SetGetResult or SimulateGlobalError never reached, told whole (and, deleted, not judged twice).
 */
import { test, expect } from '@playwright/test';
import { activity, addActivity, gradeMutation, link, props, removeActivity, resultOf, variable, type Json } from './support.js';
import { MISTAKES } from './mutations.js';
import { LAB_MISTAKES, withMistakes } from './lab-mistakes.js';
import { HINTS } from '../../../checks/callback-on-global-error/lib/hints.js';
import { firstFix } from '../../../reports/summary.js';

test('OnGlobalError whose event node carries another label still counts as the global error handler', async () => {
  const report = await gradeMutation((f) => {
    const event = activity(f, 'GlobalErrorHandling');
    event.name = 'OnGlobalError_2';
  });
  const result = resultOf(report, 'run-global-error-raised');
  expect([result.status, result.message]).toEqual(['passed', expect.any(String)]);
  expect(report.verdict).toBe('passed');
});

test('a wrong getresult is shown whole up to 160 characters, cut with ... beyond', async () => {
  const set = (text: string) => (f: Record<string, any>) => Object.assign(props(f, 'SetGetResult'), { setTo: 'set-to-literal', expr: text });
  const whole = resultOf(await gradeMutation(set('x'.repeat(158))), 'run-getresult-holds-body');
  expect(whole.message).toBe(`After SetGetResult, getresult = "${'x'.repeat(158)}", not the response body of GET_CBID`);
  const cut = resultOf(await gradeMutation(set('x'.repeat(159))), 'run-getresult-holds-body');
  expect(cut.message).toBe(`After SetGetResult, getresult = "${'x'.repeat(156)}..., not the response body of GET_CBID`);
});

test('getresult declared JSON holds the response body converted: said so, not that it is another value; declared JSON and set to something else, as any other value', async () => {
  const json = (f: Json) => Object.assign(variable(f, 'getresult'), { type: 'JSON', value: '' });
  const converted = resultOf(await gradeMutation(json), 'run-getresult-holds-body');
  expect([converted.status, converted.message]).toEqual([
    'skipped',
    expect.stringMatching(/^Not judged: After SetGetResult, getresult holds the response body of GET_CBID converted to JSON, the variable's type, not as text: \[\{"id":140,"dn":"4694096861",.*\.\.\. \(reported under “Flow variable getresult/),
  ]);
  const other = resultOf(await gradeMutation((f) => {
    json(f);
    Object.assign(props(f, 'SetGetResult'), { setTo: 'set-to-literal', expr: '{"a": 1}' });
  }), 'run-getresult-holds-body');
  expect(other.message).toMatch(/^Not judged: After SetGetResult, getresult = \{"a":1\}, not the response body of GET_CBID \(reported under/);
});

/** A Set Variable `label` writing `name` = `value`, put on the link `from` → `exit` (which then leads where it led). */
function setOnTheWay(f: Json, from: string, exit: string, to: string, label: string, name: string, value: string): void {
  addActivity(f, from, label, { activityName: 'set-variable', activityId: 'set-variable', srcVariable: name, srcVariableType: 'STRING', setTo: 'set-to-literal', expr: value }, 'set-variable');
  link(f, from, exit, label);
  link(f, label, 'out', to);
}

test('the body read through a copy of customani: the value GET_CBID fills is the check\'s again, whatever a Set Variable wrote before', async () => {
  const report = await gradeMutation((f) => {
    f.variables.push({ ...variable(f, 'getresult'), name: 'dest', value: '' });
    setOnTheWay(f, 'WantCallback', '3', 'GET_CBID', 'Set_clear', 'customani', 'cleared');
    setOnTheWay(f, 'SetGetResult', 'out', 'SimulateGlobalError', 'Set_dest', 'dest', '{{customani}}');
    props(f, 'CallBackAPI_HTTPRequest').httpRequestBody = props(f, 'CallBackAPI_HTTPRequest').httpRequestBody.replace('{{customani}}', '{{dest}}');
  });
  const body = resultOf(report, 'callback-api-body');
  expect([body.status, body.message]).toEqual(['passed', expect.any(String)]);
  expect(resultOf(report, 'run-task-created').status).toBe('passed');
});

// Stages 3 and 4 say "never reached" with one neverReachedAfter: each names the activity it left
// from (the one whose connection to drag) and shows the call from there.
test('SetGetResult or SimulateGlobalError never reached: the message, the hint, the activity left from and the excerpt', async () => {
  const cases = [
    [(f: Json) => link(f, 'GET_CBID', 'default', 'SimulateGlobalError'), 'run-getresult-holds-body', 'After GET_CBID the call never reached SetGetResult (it went on to SimulateGlobalError, which raises the global error on purpose, so nothing after it runs)', 'Drag the connection of GET_CBID from SimulateGlobalError to SetGetResult (Build step 5).', 'GET_CBID', ['GET_CBID', 'SimulateGlobalError', 'GlobalErrorHandling']],
    [(f: Json) => link(f, 'SetGetResult', 'out', 'DisconnectContact_g9e'), 'run-global-error-raised', 'After SetGetResult the call never reached SimulateGlobalError (it went on to DisconnectContact_g9e)', 'Drag the connection of SetGetResult from DisconnectContact_g9e to SimulateGlobalError (Build step 6).', 'SetGetResult', ['SetGetResult', 'DisconnectContact_g9e']],
  ] as const;
  for (const [mutate, id, message, hint, from, excerpt] of cases) {
    const result = resultOf(await gradeMutation(mutate), id);
    expect([result.status, result.message, result.hint, result.activity, result.traceExcerpt?.map((e) => e.activity)], id).toEqual(['failed', message, hint, from, excerpt]);
  }
});

// The activity never reached is not there at all: its static check reports it (the same cause), and
// the simulated call's stage is not judged, rather than failing a second time for it.
test('SetGetResult or SimulateGlobalError deleted: the stage that never reached it points to the check that reports it missing', async () => {
  const cases: [string, string, string][] = [
    ['SetGetResult', 'run-getresult-holds-body', 'set-get-result-after-get-cbid'],
    ['SimulateGlobalError', 'run-global-error-raised', 'simulate-error-after-set-get-result'],
  ];
  for (const [label, run, missing] of cases) {
    const report = await gradeMutation((f) => removeActivity(f, label));
    const own = resultOf(report, missing);
    expect([label, own.status]).toEqual([label, 'failed']);
    const call = resultOf(report, run);
    expect([label, call.status, call.message]).toEqual([label, 'skipped', expect.stringContaining(`never reached ${label}`)]);
    expect(call.message).toContain(`(reported under “${own.title}”)`);
  }
});

// Stage 5 reads from where the handler starts (taskCreated, split from callbackApiReached): two tasks
// are shown from OnGlobalError on, not from SimulateGlobalError before it.
test('two Create Task requests in the handler: the excerpt is the handler\'s run, from OnGlobalError to the end', async () => {
  const result = resultOf(await gradeMutation(MISTAKES['callback-api-twice']), 'run-task-created');
  expect([result.status, result.message]).toEqual(['failed', '2 tasks were created instead of one']);
  expect(result.traceExcerpt?.map((e) => e.activity)).toEqual(['GlobalErrorHandling', 'CallBackAPI_HTTPRequest', 'CallBackAPI_again', 'HTTPStatusCode', 'EndFlow_kid']);
});

// A Create Task request copied into the main flow creates a task before the global error, and
// OnGlobalError's another: the tasks are counted over the whole call, each where it was created,
// not from OnGlobalError on (which read "CallBackAPI_HTTPRequest ran more than once").
test('a Create Task request copied into the main flow: the hint removes it from the main flow, the excerpt shows both requests', async () => {
  const result = resultOf(
    await gradeMutation((f) => {
      // Pasted between SetGetResult and SimulateGlobalError with its label (the helpers find the main flow's first).
      addActivity(f, 'SetGetResult', 'CallBackAPI_HTTPRequest', structuredClone(activity(f, 'CallBackAPI_HTTPRequest').properties));
      link(f, 'SetGetResult', 'out', 'CallBackAPI_HTTPRequest');
      link(f, 'CallBackAPI_HTTPRequest', 'default', 'SimulateGlobalError');
    }),
    'run-task-created',
  );
  expect([result.status, result.message, result.hint]).toEqual([
    'failed',
    '2 tasks were created instead of one',
    "CallBackAPI_HTTPRequest in the main flow → remove it (connect the activity before it to the one after it): it creates a task before the global error; the callback task is CallBackAPI_HTTPRequest's, in Event Flows on the way from OnGlobalError (Build step 8).",
  ]);
  expect(result.traceExcerpt?.map((e) => [e.flow, e.activity])).toEqual([
    ['main', 'CallBackAPI_HTTPRequest'],
    ['OnGlobalError', 'CallBackAPI_HTTPRequest'],
  ]);
});

// The one task of the call created in the main flow, while OnGlobalError's request was refused: the
// task is no callback for the global error, and the refusal is told (it read as "CallBackAPI_HTTPRequest
// created one callback task", the refusal then blamed on HTTPStatusCode's Expression).
test('a Create Task request in the main flow creates the one task while OnGlobalError\'s is refused: the refusal is told, and the copy to remove', async () => {
  const result = resultOf(
    await gradeMutation((f) => {
      MISTAKES['callback-api-copied-into-the-main-flow'](f);
      props(f, 'CallBackAPI_HTTPRequest').httpRequestBody = props(f, 'CreateTask_main').httpRequestBody.replace('"CALLBACK"', '"CALLBAK"');
    }),
    'run-task-created',
  );
  expect([result.status, result.message, result.hint]).toEqual([
    'failed',
    'CallBackAPI_HTTPRequest created no callback task: the Tasks API answered 400: outboundType must be one of CALLBACK, OUTDIAL, EXECUTE_FLOW (CreateTask_main in the main flow created the one task)',
    `${HINTS.callbackApiBody} CreateTask_main in the main flow → remove it (connect the activity before it to the one after it): it creates a task before the global error; the callback task is CallBackAPI_HTTPRequest's, in Event Flows on the way from OnGlobalError (Build step 8).`,
  ]);
  expect(result.traceExcerpt?.map((e) => [e.flow, e.activity])).toEqual([
    ['main', 'CreateTask_main'],
    ['OnGlobalError', 'CallBackAPI_HTTPRequest'],
  ]);
});

/**
 * The Create Task request parsing its answer as XML, which flowgrade does not simulate: the task is
 * created, then the call stops there, where no stage failed. HTTPStatusCode's call is not judged for
 * it and names no check: not itself, nor one that failed at another activity (a wrong getresult).
 */
for (const [name, other] of [['alone', () => {}], ['beside getresult set to a literal', withMistakes(LAB_MISTAKES['getresult set to a literal']!)]] as [string, (f: Json) => void][]) {
  test(`a call stopped, not simulated, where no earlier stage failed names no check for the stage it did not reach (${name})`, async () => {
    const report = await gradeMutation((f) => {
      other(f);
      const p = props(f, 'CallBackAPI_HTTPRequest');
      p.contentType = p['contentType:name'] = p.contentType_name = 'XML';
      p.outputVariableArray = props(f, 'GET_CBID').outputVariableArray;
    });
    expect(resultOf(report, 'run-task-created').status).toBe('passed');
    const status = resultOf(report, 'run-status-true-on-201');
    expect(status.status).toBe('skipped');
    expect(status.message).toBe(
      'Not judged: the simulated call stopped at CallBackAPI_HTTPRequest: parse settings with content type XML (CallBackAPI_HTTPRequest) are not simulated; only JSON is; make this Testing step with a real call and the Debug tool',
    );
  });
}

// One Create Task request run again and again (HTTPStatusCode's True exit dragged back to it) is one
// request to keep, not several: it is named once, as the request that ran more than once.
test('CallBackAPI_HTTPRequest run again by a loop: the hint names it once, as run more than once', async () => {
  const result = resultOf(await gradeMutation((f) => link(f, 'HTTPStatusCode', 'true', 'CallBackAPI_HTTPRequest')), 'run-task-created');
  expect([result.status, result.message, result.hint]).toEqual([
    'failed',
    expect.stringMatching(/^\d+ tasks were created instead of one$/),
    'Event Flows → keep one Create Task request on the way from OnGlobalError: CallBackAPI_HTTPRequest ran more than once.',
  ]);
});

test('HTTPStatusCode connected before CallBackAPI_HTTPRequest: the simulated calls it turns away or runs too early are not judged, naming status-condition-after-callback-api, which is Fix first', async () => {
  const placement = ' (reported under “CallBackAPI_HTTPRequest leads to the Condition HTTPStatusCode”)';
  const before = (exit: string) => gradeMutation(withMistakes(LAB_MISTAKES[`HTTPStatusCode connected before CallBackAPI_HTTPRequest (${exit} on to it)`]!));
  const said = (report: Awaited<ReturnType<typeof before>>, id: string) => [id, resultOf(report, id).status, resultOf(report, id).message];
  const ids = ['run-task-created', 'run-status-true-on-201', 'run-status-false-on-400', 'run-status-false-on-500'];
  // True on to the request: HTTPStatusCode leaves by False before the request has answered (the guide's
  // Expression, right in itself). Before: run-task-created failed, its hint to correct the Expression or
  // delete HTTPStatusCode, undoing Build step 9, and was Fix first.
  const onTrue = await before('True');
  expect(ids.map((id) => said(onTrue, id))).toEqual([
    ['run-task-created', 'skipped', `Not judged: on the simulated call HTTPStatusCode ran before CallBackAPI_HTTPRequest, not on its answer, and left by False: it went on to EndFlow_kid${placement}`],
    ['run-status-true-on-201', 'skipped', `Not judged: the simulated call went wrong earlier${placement}`],
    ['run-status-false-on-400', 'skipped', `Not judged: the simulated call went wrong before HTTPStatusCode${placement}`],
    ['run-status-false-on-500', 'skipped', `Not judged: the simulated call went wrong before HTTPStatusCode${placement}`],
  ]);
  expect(firstFix(onTrue)?.id).toBe('status-condition-after-callback-api');
  // False on to the request: the task is created; HTTPStatusCode never tests its answer, so it is not
  // judged on 201 (before: failed, repeating the static check's hint), nor on 400 and 500 (before: passed,
  // as it leaves by False whatever the answer).
  const onFalse = await before('False');
  expect(ids.map((id) => said(onFalse, id))).toEqual([
    ['run-task-created', 'passed', 'CallBackAPI_HTTPRequest created one callback task with the DynVars values'],
    ['run-status-true-on-201', 'skipped', `Not judged: on the simulated call HTTPStatusCode ran before CallBackAPI_HTTPRequest, not on its answer; after CallBackAPI_HTTPRequest it went on to EndFlow_kid${placement}`],
    ['run-status-false-on-400', 'skipped', `Not judged: HTTPStatusCode ran before CallBackAPI_HTTPRequest, not on its answer, so it was not tried on 400${placement}`],
    ['run-status-false-on-500', 'skipped', `Not judged: HTTPStatusCode ran before CallBackAPI_HTTPRequest, not on its answer, so it was not tried on 500${placement}`],
  ]);
  expect(firstFix(onFalse)?.id).toBe('status-condition-after-callback-api');
  // HTTPStatusCode before the request and after it too (True → the request → HTTPStatusCode): the placement
  // check passes, so the Condition turning the call away is judged as any guard on the way.
  const twice = await gradeMutation((f) => {
    link(f, 'GlobalErrorHandling', 'out', 'HTTPStatusCode');
    link(f, 'HTTPStatusCode', 'true', 'CallBackAPI_HTTPRequest');
  });
  expect(resultOf(twice, 'status-condition-after-callback-api').status).toBe('passed');
  expect(said(twice, 'run-task-created')).toEqual(['run-task-created', 'failed', 'OnGlobalError ran, but CallBackAPI_HTTPRequest never did (HTTPStatusCode left by False: it went on to EndFlow_kid)']);
});
