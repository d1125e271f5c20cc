/**
 * One round trip per check: an attendee checks Main_Flow, fixes what the report says, and checks
 * again. When one check's scope holds two or three mistakes at once (one variable, one URL, one
 * request body, the Parsing Settings rows, the status condition's expression), its message names
 * every one of them, so that one round of fixes clears the check; where the first makes the others
 * impossible to judge (a body that is not JSON), the message says so. Mistakes in settings judged
 * by separate checks of one node (authentication, method, content type, path, labels) are each
 * named by their own check in the same report. lab-mistakes.test.ts checks mistakes in different
 * scopes; this file checks several inside one.
 */
import { test, expect } from '@playwright/test';
import type { GradeReport } from '../../../engine/report.js';
import { NO_COLOR, renderConsole } from '../../../reports/console.js';
import { firstFix } from '../../../reports/summary.js';
import { activity, grade, mutated, props, variable, type Json, type Mutation } from './support.js';

interface Case {
  /** The mistakes, in the attendee's words. */
  name: string;
  edit: Mutation;
  /** The check whose scope holds them all. */
  check: string;
  /** A fragment of its message per mistake: each must be there. */
  names: string[];
}

const DYNVARS = 'https://674481b1b4e2e04abea27c6e.mockapi.io/flowdesigner/Lab/DynVars';
const setUrl = (f: Json, url: string) => {
  props(f, 'GET_CBID').httpRequestUrl = url;
};
const setBody = (f: Json, edit: (body: Json) => void) => {
  const p = props(f, 'CallBackAPI_HTTPRequest');
  const body = JSON.parse(p.httpRequestBody as string) as Json;
  edit(body);
  p.httpRequestBody = JSON.stringify(body, null, 4);
};
const setRows = (f: Json, rows: [string, string][]) => {
  props(f, 'GET_CBID').outputVariableArray = rows.map(([outputVariable, jsonPathExp]) => ({ outputVariable, jsonPathExp }));
};
const setCondition = (f: Json, expression: string) => {
  props(f, 'HTTPStatusCode').expression = expression;
};
const setMethod = (f: Json, label: string, method: string) => {
  const p = props(f, label);
  p.httpRequestMethod = p['httpRequestMethod:name'] = p.httpRequestMethod_name = method;
};
const setContentType = (f: Json, label: string, type: string) => {
  const p = props(f, label);
  p.httpContentType = p['httpContentType:name'] = p.httpContentType_name = type;
};
const relabel = (f: Json, label: string, to: string) => {
  const a = activity(f, label);
  a.name = a.properties.name = to;
};

const CASES: Case[] = [
  // Build step 2: one variable, its name, type and default value
  { name: 'getresult: declared getResult, Integer, default 5', check: 'variable-getresult', names: ['declared as getResult', 'type Integer, not String', 'default value "5"'], edit: (f) => {
    Object.assign(variable(f, 'getresult'), { name: 'getResult', type: 'INTEGER', value: '5' });
  } },
  { name: 'getresult: Integer, default 5', check: 'variable-getresult', names: ['type Integer, not String', 'default value "5"'], edit: (f) => {
    Object.assign(variable(f, 'getresult'), { type: 'INTEGER', value: '5' });
  } },
  { name: 'customani: spaces around the name, a default value', check: 'variable-customani', names: ['with spaces around the name', 'default value "+14085267209"'], edit: (f) => {
    Object.assign(variable(f, 'customani'), { name: ' customani', value: '+14085267209' });
  } },
  { name: 'outdialcbid: declared OutdialCBID, Boolean', check: 'variable-outdialcbid', names: ['declared as OutdialCBID', 'type Boolean, not String'], edit: (f) => {
    Object.assign(variable(f, 'outdialcbid'), { name: 'OutdialCBID', type: 'BOOLEAN', value: 'false' });
  } },
  { name: 'simulatederror: declared SimulatedError, default "error"', check: 'variable-simulatederror', names: ['declared as SimulatedError', 'default value "error"'], edit: (f) => {
    Object.assign(variable(f, 'simulatederror'), { name: 'SimulatedError', value: 'error' });
  } },
  // Build step 4: the Request URL's host, path and query
  { name: 'URL: host without its 6, /lowdesigner/', check: 'get-cbid-url', names: ['host 74481b1b4e2e04abea27c6e.mockapi.io', 'path /lowdesigner/Lab/DynVars'], edit: (f) => setUrl(f, `${DYNVARS.replace('//6', '//').replace('/flowdesigner/', '/lowdesigner/')}?dn={{NewPhoneContact.DNIS | slice(2) }}`) },
  { name: 'URL: host, path and dn without slice(2)', check: 'get-cbid-url', names: ['host 74481b1b4e2e04abea27c6e.mockapi.io', 'path /lowdesigner/Lab/DynVars', 'not "4694096861"'], edit: (f) => setUrl(f, `${DYNVARS.replace('//6', '//').replace('/flowdesigner/', '/lowdesigner/')}?dn={{NewPhoneContact.DNIS}}`) },
  { name: 'URL: path and dn=*{DNIS}*', check: 'get-cbid-url', names: ['path /lowdesigner/Lab/DynVars', '{DNIS}'], edit: (f) => setUrl(f, `${DYNVARS.replace('/flowdesigner/', '/lowdesigner/')}?dn=*{DNIS}*`) },
  // Build step 4: the Parsing Settings rows
  { name: 'Parsing: both paths without [0]', check: 'get-cbid-parse-paths', names: ['outdialcbid ← $.outboundcallbackep', 'customani ← $.tacnumber'], edit: (f) => setRows(f, [['outdialcbid', '$.outboundcallbackep'], ['customani', '$.tacnumber']]) },
  { name: 'Parsing: one path without [0], the other row not added', check: 'get-cbid-parse-paths', names: ['outdialcbid ← $.outboundcallbackep', 'no row writes customani'], edit: (f) => setRows(f, [['outdialcbid', '$.outboundcallbackep']]) },
  { name: 'Parsing: variables swapped, one path without [0]', check: 'get-cbid-parse-paths', names: ['outdialcbid ← $.tacnumber', 'customani ← $[0].outboundcallbackep'], edit: (f) => setRows(f, [['customani', '$[0].outboundcallbackep'], ['outdialcbid', '$.tacnumber']]) },
  { name: 'Parsing: customANI for customani, outdialcbid without [0]', check: 'get-cbid-parse-paths', names: ['outdialcbid ← $.outboundcallbackep', 'the row for customani writes customANI'], edit: (f) => setRows(f, [['outdialcbid', '$.outboundcallbackep'], ['customANI', '$[0].tacnumber']]) },
  // Build steps 5 and 6: the one row of a Set Variable, its Variable and its value
  { name: 'SetGetResult: Variable customani, Set Value GET_CBID.httpResponseBody', check: 'set-get-result-value', names: ['does not set getresult', 'sets customani', 'choose Set To Variable'], edit: (f) => {
    Object.assign(props(f, 'SetGetResult'), { srcVariable: 'customani', setTo: 'set-to-literal', expr: 'GET_CBID.httpResponseBody' });
  } },
  { name: 'SetGetResult: Variable customani, Set To Variable GET_CBID.httpResponse', check: 'set-get-result-value', names: ['does not set getresult', 'sets customani', '"GET_CBID.httpResponse"'], edit: (f) => {
    Object.assign(props(f, 'SetGetResult'), { srcVariable: 'customani', expr: 'GET_CBID.httpResponse' });
  } },
  { name: 'SimulateGlobalError: Variable getresult, value {{ANI}}', check: 'simulate-error-value-fails', names: ['does not set simulatederror', 'sets getresult to "{{ANI}}", which evaluates without error'], edit: (f) => {
    Object.assign(props(f, 'SimulateGlobalError'), { srcVariable: 'getresult', expr: '{{ANI}}' });
  } },
  { name: 'Parsing: outdialcbid without [0], the customani row writing getresult with a typo', check: 'get-cbid-parse-paths', names: ['outdialcbid ← $.outboundcallbackep', 'no row writes customani', 'getresult ← $[0].tacnumbr', 'expected customani ← $[0].tacnumber'], edit: (f) => setRows(f, [['outdialcbid', '$.outboundcallbackep'], ['getresult', '$[0].tacnumbr']]) },
  // Build step 8: the Create Task body
  { name: 'body: entryPointId {{customani}}, no "callback"', check: 'callback-api-body', names: ['"entryPointId" is "{{customani}}"', '"callback" is missing'], edit: (f) => setBody(f, (b) => {
    b.entryPointId = '{{customani}}';
    delete b.callback;
  }) },
  { name: 'body: mediaType chat, outboundType callback, callbackType later', check: 'callback-api-body', names: ['"mediaType" is "chat"', '"outboundType" is "callback"', '"callback.callbackType" is "later"'], edit: (f) => setBody(f, (b) => {
    b.mediaType = 'chat';
    b.outboundType = 'callback';
    b.callback.callbackType = 'later';
  }) },
  { name: 'body: destination {{customANI}}, no mediaType', check: 'callback-api-body', names: ['customANI', '"mediaType" is missing'], edit: (f) => setBody(f, (b) => {
    b.destination = '{{customANI}}';
    delete b.mediaType;
  }) },
  { name: 'body: a template that does not parse in destination, mediaType chat', check: 'callback-api-body', names: ['a template that does not parse', '"mediaType" is "chat"'], edit: (f) => setBody(f, (b) => {
    b.destination = '{{customani | }}';
    b.mediaType = 'chat';
  }) },
  // A comma missing: the fields cannot be read until it is JSON, and the message says so.
  { name: 'body: a comma missing, entryPointId {{customani}}', check: 'callback-api-body', names: ['not valid JSON at line', 'its fields are judged once it is valid JSON'], edit: (f) => {
    const p = props(f, 'CallBackAPI_HTTPRequest');
    p.httpRequestBody = (p.httpRequestBody as string).replace('"telephony",', '"telephony"').replace('{{outdialcbid}}', '{{customani}}');
  } },
  // Build step 9: the status condition's expression
  { name: 'condition: CallBackAPI_Request, == 200', check: 'status-condition-expression', names: ['it tests 200 (OK)', 'it reads CallBackAPI_Request'], edit: (f) => setCondition(f, '{{CallBackAPI_Request.httpStatusCode == 200}}') },
  { name: 'condition: HTTP_PUT, == 200', check: 'status-condition-expression', names: ['it tests 200 (OK)', 'it reads HTTP_PUT'], edit: (f) => setCondition(f, '{{HTTP_PUT.httpStatusCode == 200}}') },
  { name: 'condition: no {{ }}, == 200', check: 'status-condition-expression', names: ['has no {{ }}', 'it tests 200 (OK)'], edit: (f) => setCondition(f, 'CallBackAPI_HTTPRequest.httpStatusCode == 200') },
  { name: 'condition: no {{ }}, CallBackAPI_Request', check: 'status-condition-expression', names: ['has no {{ }}', 'it reads CallBackAPI_Request'], edit: (f) => setCondition(f, 'CallBackAPI_Request.httpStatusCode == 201') },
  { name: 'condition: httpStatus, != 201', check: 'status-condition-expression', names: ['wrong way round', 'it reads CallBackAPI_HTTPRequest.httpStatus'], edit: (f) => setCondition(f, '{{CallBackAPI_HTTPRequest.httpStatus != 201}}') },
  { name: 'condition: httpstatuscode, == 200', check: 'status-condition-expression', names: ['it tests 200 (OK)', 'names are case-sensitive, the output is httpStatusCode'], edit: (f) => setCondition(f, '{{CallBackAPI_HTTPRequest.httpstatuscode == 200}}') },
  { name: 'condition: no {{ }}, one =', check: 'status-condition-expression', names: ['has no {{ }}', 'compare with =='], edit: (f) => setCondition(f, 'CallBackAPI_HTTPRequest.httpStatusCode = 201') },
  { name: 'condition: "200" in quotes', check: 'status-condition-expression', names: ['"200" in quotes is text', 'it tests 200 (OK)'], edit: (f) => setCondition(f, '{{CallBackAPI_HTTPRequest.httpStatusCode == "200"}}') },
  { name: 'condition: != "201"', check: 'status-condition-expression', names: ['"201" in quotes is text', 'wrong way round'], edit: (f) => setCondition(f, '{{CallBackAPI_HTTPRequest.httpStatusCode != "201"}}') },
  { name: 'condition: HTTP_PUT, != 201', check: 'status-condition-expression', names: ['wrong way round', 'it reads HTTP_PUT'], edit: (f) => setCondition(f, '{{HTTP_PUT.httpStatusCode != 201}}') },
];

/** Several settings of one node, each judged by its own check: every one is named in the same report. */
interface NodeCase {
  name: string;
  edit: Mutation;
  /** Check → a fragment of its message. */
  named: Record<string, string>;
}

const NODE_CASES: NodeCase[] = [
  { name: 'GET_CBID: method POST, Content Type Application/XML', named: { 'get-cbid-method': 'uses method POST', 'get-cbid-content-type': 'Application/XML' }, edit: (f) => {
    setMethod(f, 'GET_CBID', 'POST');
    setContentType(f, 'GET_CBID', 'Application/XML');
  } },
  { name: 'CallBackAPI_HTTPRequest: unauthenticated, PUT, Application/XML, /v1/task', named: { 'callback-api-authenticated': 'does not use an authenticated endpoint', 'callback-api-method': 'uses method PUT', 'callback-api-content-type': 'Application/XML', 'callback-api-path': '/v1/task' }, edit: (f) => {
    Object.assign(props(f, 'CallBackAPI_HTTPRequest'), { authenticated: false, connectorId: null, 'connectorId:name': null, connectorId_name: null, httpRequestPath: null, httpRequestUrl: 'https://api.wxcc-us1.cisco.com/v1/task' });
    setMethod(f, 'CallBackAPI_HTTPRequest', 'PUT');
    setContentType(f, 'CallBackAPI_HTTPRequest', 'Application/XML');
  } },
  { name: 'labels: GET_CBI and SetGetResults', named: { 'get-cbid-label': 'labelled GET_CBI, not GET_CBID', 'set-get-result-label': 'labelled SetGetResults, not SetGetResult' }, edit: (f) => {
    relabel(f, 'GET_CBID', 'GET_CBI');
    relabel(f, 'SetGetResult', 'SetGetResults');
  } },
];

const failedCheck = (report: GradeReport, id: string) => report.checks.find((c) => c.id === id && c.status === 'failed');

for (const c of CASES) {
  test(`${c.name}: ${c.check} names each mistake`, async () => {
    const report = await grade(mutated(c.edit));
    const result = failedCheck(report, c.check);
    expect(result, `${c.check} fails`).toBeDefined();
    for (const fragment of c.names) expect(result!.message, c.name).toContain(fragment);
  });
}

for (const c of NODE_CASES) {
  test(`${c.name}: each is named by its own check`, async () => {
    const report = await grade(mutated(c.edit));
    for (const [id, fragment] of Object.entries(c.named)) expect(failedCheck(report, id)?.message, `${c.name}: ${id}`).toContain(fragment);
  });
}

// An empty body is one mistake: the simulated call's answer says what the body check says, not
// that the body is "not valid JSON" (which sends the attendee looking for a typo that is not there).
test('an empty Create Task body: the body check and the simulated call both say it is empty', async () => {
  const report = await grade(mutated((f) => {
    props(f, 'CallBackAPI_HTTPRequest').httpRequestBody = '';
  }));
  expect(failedCheck(report, 'callback-api-body')?.message).toBe('CallBackAPI_HTTPRequest: the Request Body is empty');
  const call = report.checks.find((c) => c.id === 'run-task-created');
  expect(call?.message).toContain('400: request body is empty');
  expect(call?.message).not.toContain('not valid JSON');
});

// --quiet lists the failures in Build-step order, a recommended one among them: the first listed
// is not always the one to fix first, so quiet output names it too (without repeating its hint).
test('--quiet names what to fix first when a recommended failure is listed before it', async () => {
  const report = await grade(mutated((f) => {
    const p = props(f, 'WantCallback');
    p.menuLinks_input = p['menuLinks:input'] = ['Callback', 'Stay in queue', 'Error'];
    setUrl(f, `${DYNVARS}?dn={{NewPhoneContact.DNIS}}`);
  }));
  const quiet = renderConsole(report, { color: NO_COLOR, quiet: true }).split('\n');
  const first = firstFix(report);
  expect([first?.id, first?.severity]).toEqual(['get-cbid-url', 'required']);
  // The first failure listed is the recommended option 3 description (Build step 3).
  expect(quiet.find((line) => line.startsWith('  ✗ '))).toContain('[recommended]');
  expect(quiet[0]).toBe(`Fix first: Step ${first!.step} — ${first!.title}`);
  expect(quiet[1]).not.toContain(first!.hint);
});
