/**
 * callback-api-label's January 2025 label, accepted only when the Condition agrees (label-check.ts,
 * callback-api-label.ts): its edges, each pinned by a mutation sweep.
 */
import { test, expect } from '@playwright/test';
import { activity, addActivity, gradeMutation, props, relabel, resultOf } from './support.js';

const WHY = "the name the guide's Condition expression of Build step 9 reads ({{CallBackAPI_HTTPRequest.httpStatusCode == 201}})";

test('the older label in another case, beside a Condition typed from today\'s guide, fails as the older label does', async () => {
  const result = resultOf(await gradeMutation((f) => relabel(f, 'CallBackAPI_HTTPRequest', 'callbackapi_request')), 'callback-api-label');
  expect([result.status, result.message, result.actual, result.hint]).toEqual([
    'failed',
    `The Create Task request is labelled callbackapi_request, the January 2025 guide's label, but HTTPStatusCode reads CallBackAPI_HTTPRequest.httpStatusCode: ${WHY}`,
    'callbackapi_request',
    'callbackapi_request → Activity Label: CallBackAPI_HTTPRequest',
  ]);
});

test('a label of neither guide, beside a Condition reading today\'s, fails as any other label, not as the older guide\'s', async () => {
  const result = resultOf(await gradeMutation((f) => relabel(f, 'CallBackAPI_HTTPRequest', 'CreateTask')), 'callback-api-label');
  expect([result.status, result.message]).toEqual(['failed', `The Create Task request is labelled CreateTask, not CallBackAPI_HTTPRequest: ${WHY}`]);
});

test('the older label passes when another activity, in the event flow, carries today\'s (a leftover: the Condition\'s check explains it)', async () => {
  const result = resultOf(await gradeMutation((f) => {
    const request = activity(f, 'CallBackAPI_HTTPRequest');
    relabel(f, 'CallBackAPI_HTTPRequest', 'CallBackAPI_Request');
    addActivity(f, 'CallBackAPI_Request', 'CallBackAPI_HTTPRequest', { ...structuredClone(request.properties), name: 'CallBackAPI_HTTPRequest' }, request.group);
  }), 'callback-api-label');
  expect([result.status, result.message]).toEqual(['passed', 'The Create Task request is labelled CallBackAPI_Request']);
});

test('the older label beside a Condition with no expression yet passes (nothing reads today\'s label)', async () => {
  const result = resultOf(await gradeMutation((f) => {
    relabel(f, 'CallBackAPI_HTTPRequest', 'CallBackAPI_Request');
    delete props(f, 'HTTPStatusCode').expression;
  }), 'callback-api-label');
  expect([result.status, result.message]).toEqual(['passed', 'The Create Task request is labelled CallBackAPI_Request']);
});

test('the older label passes beside a Condition reading another name that only starts like today\'s', async () => {
  const result = resultOf(await gradeMutation((f) => {
    relabel(f, 'CallBackAPI_HTTPRequest', 'CallBackAPI_Request');
    props(f, 'HTTPStatusCode').expression = '{{CallBackAPI_HTTPRequest2.httpStatusCode == 201}}';
  }), 'callback-api-label');
  expect([result.status, result.message]).toEqual(['passed', 'The Create Task request is labelled CallBackAPI_Request']);
});

test('a leftover in the event flow holding today\'s label is named, the request labelled otherwise', async () => {
  const result = resultOf(await gradeMutation((f) => {
    const request = activity(f, 'CallBackAPI_HTTPRequest');
    relabel(f, 'CallBackAPI_HTTPRequest', 'CreateTask');
    addActivity(f, 'CreateTask', 'CallBackAPI_HTTPRequest', { ...structuredClone(request.properties), name: 'CallBackAPI_HTTPRequest' }, request.group);
  }), 'callback-api-label');
  expect([result.status, result.message, result.hint]).toEqual([
    'failed',
    `The Create Task request is labelled CreateTask, not CallBackAPI_HTTPRequest; CallBackAPI_HTTPRequest is the label of another activity, one the call does not reach: ${WHY}`,
    'CreateTask → Activity Label: CallBackAPI_HTTPRequest (first delete the other CallBackAPI_HTTPRequest, or rename it)',
  ]);
});

// Activity labels are read in their exact case (docs/simulator.md, "Our choices"): a label in
// another case is another name, for the Condition as for this check's question "does the flow
// still read today's label?".
test('the older label fails beside a leftover holding today\'s label in another case: the Condition reads today\'s exact name, which nothing carries', async () => {
  const result = resultOf(await gradeMutation((f) => {
    const request = activity(f, 'CallBackAPI_HTTPRequest');
    relabel(f, 'CallBackAPI_HTTPRequest', 'CallBackAPI_Request');
    addActivity(f, 'CallBackAPI_Request', 'callbackapi_httprequest', { ...structuredClone(request.properties), name: 'callbackapi_httprequest' }, request.group);
  }), 'callback-api-label');
  expect([result.status, result.message]).toEqual([
    'failed',
    `The Create Task request is labelled CallBackAPI_Request, the January 2025 guide's label, but HTTPStatusCode reads CallBackAPI_HTTPRequest.httpStatusCode: ${WHY}`,
  ]);
});

test('the older label passes beside a Condition reading today\'s label in another case (a name no activity carries: the Condition\'s own check reports it)', async () => {
  const result = resultOf(await gradeMutation((f) => {
    relabel(f, 'CallBackAPI_HTTPRequest', 'CallBackAPI_Request');
    props(f, 'HTTPStatusCode').expression = '{{callbackapi_httprequest.httpStatusCode == 201}}';
  }), 'callback-api-label');
  expect([result.status, result.message]).toEqual(['passed', 'The Create Task request is labelled CallBackAPI_Request']);
});

// Renaming an activity leaves what reads its outputs by its old label (label-check.ts,
// readersToChange): a hint naming the label alone would break a flow that works.
test('a request labelled otherwise, read by that label, is renamed with its reader: the hint names the Condition to change', async () => {
  const result = resultOf(await gradeMutation((f) => {
    relabel(f, 'CallBackAPI_HTTPRequest', 'HTTPRequest_k2m');
    props(f, 'HTTPStatusCode').expression = '{{HTTPRequest_k2m.httpStatusCode == 201}}';
  }), 'callback-api-label');
  expect([result.status, result.hint]).toEqual([
    'failed',
    'HTTPRequest_k2m → Activity Label: CallBackAPI_HTTPRequest; then, where HTTPStatusCode reads HTTPRequest_k2m.httpStatusCode, read CallBackAPI_HTTPRequest.httpStatusCode',
  ]);
});

test('every reader is named, in either flow, a Set To Variable row by its bare name too; a name that only starts like the label is not', async () => {
  const result = resultOf(await gradeMutation((f) => {
    relabel(f, 'GET_CBID', 'HTTPRequest_abc');
    Object.assign(props(f, 'SetGetResult'), { setTo: 'set-to-variable', expr: 'HTTPRequest_abc.httpResponseBody' });
    addActivity(f, 'HTTPStatusCode', 'Guard', { activityName: 'condition', expression: '{{HTTPRequest_abc.httpStatusCode == 200 and HTTPRequest_abc.httpResponseBody != ""}}' });
    addActivity(f, 'HTTPStatusCode', 'Other', { activityName: 'condition', expression: '{{HTTPRequest_abc2.httpStatusCode == 200}}' });
  }), 'get-cbid-label');
  expect([result.status, result.hint]).toEqual([
    'failed',
    'HTTPRequest_abc → Activity Label: GET_CBID; then, where SetGetResult reads HTTPRequest_abc.httpResponseBody, read GET_CBID.httpResponseBody; ' +
      'where Guard reads HTTPRequest_abc.httpStatusCode and HTTPRequest_abc.httpResponseBody, read GET_CBID.httpStatusCode and GET_CBID.httpResponseBody',
  ]);
});

// Pebble names are case-sensitive (docs/simulator.md, "Our choices"): a label differing from the
// guide's only in case is another name for what reads the guide's. Accepted in any case only when
// the flow's references agree with it (or nothing reads it), as the older label is.
test('the guide\'s label in another case, read by the guide\'s exact label, fails with the rename hint', async () => {
  const request = resultOf(await gradeMutation((f) => relabel(f, 'CallBackAPI_HTTPRequest', 'CallbackAPI_HTTPRequest')), 'callback-api-label');
  expect([request.status, request.message, request.expected, request.actual, request.hint]).toEqual([
    'failed',
    `The Create Task request is labelled CallbackAPI_HTTPRequest, CallBackAPI_HTTPRequest in another case, but HTTPStatusCode reads CallBackAPI_HTTPRequest.httpStatusCode (names are case-sensitive): ${WHY}`,
    'CallBackAPI_HTTPRequest',
    'CallbackAPI_HTTPRequest',
    'CallbackAPI_HTTPRequest → Activity Label: CallBackAPI_HTTPRequest',
  ]);
  const get = resultOf(await gradeMutation((f) => relabel(f, 'GET_CBID', 'Get_CBID')), 'get-cbid-label');
  expect([get.status, get.message, get.hint]).toEqual([
    'failed',
    'The HTTP Request after option 3 is labelled Get_CBID, GET_CBID in another case, but SetGetResult reads GET_CBID.httpResponseBody (names are case-sensitive): the name Testing steps 5 and 6 look for in the Debug tool',
    'Get_CBID → Activity Label: GET_CBID',
  ]);
});

test('the guide\'s label in another case, read by the exact label with a subscript (GET_CBID[\'httpResponseBody\']), fails as with a dot', async () => {
  const result = resultOf(await gradeMutation((f) => {
    relabel(f, 'GET_CBID', 'Get_CBID');
    props(f, 'SetGetResult').expr = "{{ GET_CBID['httpResponseBody'] }}";
  }), 'get-cbid-label');
  expect([result.status, result.message]).toEqual([
    'failed',
    'The HTTP Request after option 3 is labelled Get_CBID, GET_CBID in another case, but SetGetResult reads GET_CBID.httpResponseBody (names are case-sensitive): the name Testing steps 5 and 6 look for in the Debug tool',
  ]);
});

test('the guide\'s label in another case also read in that case: the hint names that reader too', async () => {
  const result = resultOf(await gradeMutation((f) => {
    relabel(f, 'GET_CBID', 'Get_CBID');
    addActivity(f, 'HTTPStatusCode', 'Guard', { activityName: 'condition', expression: '{{Get_CBID.httpStatusCode == 200}}' });
  }), 'get-cbid-label');
  expect([result.status, result.hint]).toEqual(['failed', 'Get_CBID → Activity Label: GET_CBID; then, where Guard reads Get_CBID.httpStatusCode, read GET_CBID.httpStatusCode']);
});

test('the guide\'s label in another case passes when the flow reads it in that case, or nothing reads it', async () => {
  const agreed = resultOf(await gradeMutation((f) => {
    relabel(f, 'CallBackAPI_HTTPRequest', 'CallbackAPI_HTTPRequest');
    props(f, 'HTTPStatusCode').expression = '{{CallbackAPI_HTTPRequest.httpStatusCode == 201}}';
  }), 'callback-api-label');
  expect([agreed.status, agreed.message]).toEqual(['passed', 'The Create Task request is labelled CallbackAPI_HTTPRequest']);
  const unread = resultOf(await gradeMutation((f) => relabel(f, 'SetGetResult', 'setgetresult')), 'set-get-result-label');
  expect(unread.status).toBe('passed');
});

test('the guide\'s label in another case passes beside a leftover holding the exact label (the reference\'s own check explains it)', async () => {
  const result = resultOf(await gradeMutation((f) => {
    const request = activity(f, 'CallBackAPI_HTTPRequest');
    relabel(f, 'CallBackAPI_HTTPRequest', 'CallbackAPI_HTTPRequest');
    addActivity(f, 'CallbackAPI_HTTPRequest', 'CallBackAPI_HTTPRequest', { ...structuredClone(request.properties), name: 'CallBackAPI_HTTPRequest' }, request.group);
  }), 'callback-api-label');
  expect([result.status, result.message]).toEqual(['passed', 'The Create Task request is labelled CallbackAPI_HTTPRequest']);
});
