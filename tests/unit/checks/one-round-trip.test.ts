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

// The combined failure of one variable, whole: each mistake once in the message, what the variable
// has in `actual`, one hint listing every fix ("a, b and c"), under the name expected.
test('one variable with several mistakes: message, expected, actual and hint name each one once', async () => {
  const cases: [Mutation, string, Record<string, string>][] = [
    [(f) => Object.assign(variable(f, 'getresult'), { name: 'getResult', type: 'INTEGER', value: '5' }), 'variable-getresult', {
      message: 'Flow variable getresult is declared as getResult: names are case-sensitive, and the lab\'s steps use getresult; it also has type Integer, not String, and the default value "5" (it must be empty)',
      expected: 'getresult (String, empty default)',
      actual: 'getResult, type Integer, default "5"',
      hint: 'Global Flow Properties → Custom Variables → Flow Variables → getResult: rename it getresult (and use that name wherever the flow sets or reads it), set Type to String and clear its Default Value (leave it empty), as Build step 2 asks.',
    }],
    [(f) => Object.assign(variable(f, 'getresult'), { type: 'INTEGER', value: '5' }), 'variable-getresult', {
      message: 'Flow variable getresult has type Integer, not String; it also has the default value "5" (it must be empty)',
      expected: 'getresult (String, empty default)',
      actual: 'type Integer, default "5"',
      hint: 'Global Flow Properties → Custom Variables → Flow Variables → getresult: set Type to String and clear its Default Value (leave it empty), as Build step 2 asks.',
    }],
    // Boolean's own default, false, is no second mistake: two in all.
    [(f) => Object.assign(variable(f, 'outdialcbid'), { name: 'OutdialCBID', type: 'BOOLEAN', value: 'false' }), 'variable-outdialcbid', {
      message: 'Flow variable outdialcbid is declared as OutdialCBID: names are case-sensitive, and the lab\'s steps use outdialcbid; it also has type Boolean, not String',
      expected: 'outdialcbid (String, empty default)',
      actual: 'OutdialCBID, type Boolean',
      hint: 'Global Flow Properties → Custom Variables → Flow Variables → OutdialCBID: rename it outdialcbid (and use that name wherever the flow sets or reads it) and set Type to String, as Build step 2 asks.',
    }],
    [(f) => Object.assign(variable(f, 'customani'), { name: ' customani', value: '+14085267209' }), 'variable-customani', {
      message: 'Flow variable customani is declared as " customani", with spaces around the name: the lab\'s steps use customani; it also has the default value "+14085267209" (it must be empty)',
      expected: 'customani (String, empty default)',
      actual: '" customani", default "+14085267209"',
      hint: 'Global Flow Properties → Custom Variables → Flow Variables → customani: remove the spaces around its name and clear its Default Value (leave it empty), as Build step 2 asks.',
    }],
  ];
  for (const [edit, id, want] of cases) {
    const result = failedCheck(await grade(mutated(edit)), id);
    expect({ message: result?.message, expected: result?.expected, actual: result?.actual, hint: result?.hint }).toEqual(want);
  }
});

// The default each other type comes with (Integer 0, Decimal 0, Boolean false, JSON {}) is not a
// second mistake; any other value typed in is.
test('a variable of another type: its type\'s own blank default is not named, a value typed in is', async () => {
  const cases: [string, string, string][] = [
    ['INTEGER', '0', 'Flow variable getresult has type Integer, not String'],
    ['DECIMAL', '0', 'Flow variable getresult has type Decimal, not String'],
    ['BOOLEAN', 'false', 'Flow variable getresult has type Boolean, not String'],
    ['JSON', '{}', 'Flow variable getresult has type JSON, not String'],
    ['BOOLEAN', 'true', 'Flow variable getresult has type Boolean, not String; it also has the default value "true" (it must be empty)'],
    ['JSON', '[]', 'Flow variable getresult has type JSON, not String; it also has the default value "[]" (it must be empty)'],
    ['JSON', '{"a":1}', 'Flow variable getresult has type JSON, not String; it also has the default value "{\\"a\\":1}" (it must be empty)'],
  ];
  for (const [type, value, message] of cases) {
    const result = failedCheck(await grade(mutated((f) => Object.assign(variable(f, 'getresult'), { type, value }))), 'variable-getresult');
    expect([type, value, result?.message]).toEqual([type, value, message]);
  }
});

// What the condition's message says in full where the Expression holds one mistake, or two that
// need each other's words: nothing is claimed that the Expression does not hold.
test('status-condition-expression: the whole message, second mistakes named only where they are', async () => {
  const cases: [string, string][] = [
    // Right but for the braces: only the braces.
    ['CallBackAPI_HTTPRequest.httpStatusCode == 201', 'HTTPStatusCode expression gives "CallBackAPI_HTTPRequest.httpStatusCode == 201" with CallBackAPI_HTTPRequest.httpStatusCode = 201; it must give true: the Expression has no {{ }}, so it is plain text, not a test'],
    // Wrong in braces too, in a way with no name of its own: what it would give.
    ['CallBackAPI_HTTPRequest.httpStatusCode == 400', 'HTTPStatusCode expression gives "CallBackAPI_HTTPRequest.httpStatusCode == 400" with CallBackAPI_HTTPRequest.httpStatusCode = 201; it must give true: the Expression has no {{ }}, so it is plain text, not a test; in {{ }} it would still be wrong (it gives false with CallBackAPI_HTTPRequest.httpStatusCode = 201)'],
    // Two codes in quotes, both unquoted: still wrong, and not the wrong way round (false for 400).
    ['{{CallBackAPI_HTTPRequest.httpStatusCode != "201" and CallBackAPI_HTTPRequest.httpStatusCode != "400"}}', 'HTTPStatusCode expression gives true with CallBackAPI_HTTPRequest.httpStatusCode = 200; it must give false: "201", "400" in quotes are text, and the status code is a number; without the quotes it would still be wrong'],
    // True for every status code, 201 too: not "the wrong way round".
    ['{{true}}', 'HTTPStatusCode expression gives true with CallBackAPI_HTTPRequest.httpStatusCode = 200; it must give false'],
    // A quote inside a text is no status code in quotes: `'"201'` is the text "201 with its quote.
    ['{{CallBackAPI_HTTPRequest.httpStatusCode == \'"201\'}}', 'HTTPStatusCode expression gives false with CallBackAPI_HTTPRequest.httpStatusCode = 201; it must give true'],
    // The response body read where the status code belongs: a real output, not answered as the status code.
    ['{{CallBackAPI_HTTPRequest.httpResponseBody == 200}}', 'HTTPStatusCode expression gives false with CallBackAPI_HTTPRequest.httpStatusCode = 201; it must give true'],
  ];
  for (const [expression, message] of cases) {
    const result = failedCheck(await grade(mutated((f) => setCondition(f, expression))), 'status-condition-expression');
    expect([expression, result?.message]).toEqual([expression, message]);
  }
});

// The one row of a Set Variable for another variable: its value is named too only when it is
// wrong, and only for a single row with a Variable picked.
test('SetGetResult and SimulateGlobalError without their variable: the one row\'s value named only when it is wrong', async () => {
  const setGetResult = (row: Json) => (f: Json) => Object.assign(props(f, 'SetGetResult'), { srcVariable: 'customani', setTo: 'set-to-literal', ...row });
  const cases: [Mutation, string, string][] = [
    [setGetResult({ setTo: 'set-to-variable', expr: '{{GET_CBID.httpResponseBody}}' }), 'set-get-result-value', 'SetGetResult does not set getresult'],
    [setGetResult({ expr: "{{GET_CBID['httpResponseBody']}}" }), 'set-get-result-value', 'SetGetResult does not set getresult'],
    [setGetResult({ expr: ' {{GET_CBID.httpResponseBody}} ' }), 'set-get-result-value', 'SetGetResult does not set getresult; its one row sets customani, and its value is wrong too: " {{GET_CBID.httpResponseBody}} ": the spaces around the template are stored with the response body'],
    [setGetResult({ setTo: 'set-to-variable', expr: '' }), 'set-get-result-value', 'SetGetResult does not set getresult; its one row sets customani, and its value is wrong too: Set To Variable, but no variable is picked'],
    [setGetResult({ expr: '' }), 'set-get-result-value', 'SetGetResult does not set getresult; its one row sets customani, and its value is wrong too: Set Value, but the value is empty'],
    [setGetResult({ expr: '{# {{GET_CBID.httpResponseBody}} #}' }), 'set-get-result-value', 'SetGetResult does not set getresult; its one row sets customani, and its value is wrong too: Set Value "{# {{GET_CBID.httpResponseBody}} #}": what {# #} holds is a comment, never evaluated'],
    [setGetResult({ srcVariable: '', expr: 'GET_CBID.httpResponseBody' }), 'set-get-result-value', 'SetGetResult does not set getresult'],
    [(f) => {
      props(f, 'SetGetResult').setVariablesArray = [{ srcVariable: 'customani', setTo: 'set-to-literal', expr: 'x' }, { srcVariable: 'outdialcbid', setTo: 'set-to-literal', expr: 'y' }];
    }, 'set-get-result-value', 'SetGetResult does not set getresult'],
    [(f) => Object.assign(props(f, 'SimulateGlobalError'), { srcVariable: 'getresult', expr: '{# {{ 1 | nofilter }} #}' }), 'simulate-error-value-fails', 'SimulateGlobalError does not set simulatederror; its one row sets getresult to "{# {{ 1 | nofilter }} #}", which evaluates without error, so no global error would be raised either: what {# #} holds is a comment, never evaluated'],
    [(f) => Object.assign(props(f, 'SimulateGlobalError'), { srcVariable: '', expr: '{{ANI}}' }), 'simulate-error-value-fails', 'SimulateGlobalError does not set simulatederror'],
    [(f) => {
      props(f, 'SimulateGlobalError').setVariablesArray = [{ srcVariable: 'customani', setTo: 'set-to-literal', expr: 'x' }, { srcVariable: 'outdialcbid', setTo: 'set-to-literal', expr: 'y' }];
    }, 'simulate-error-value-fails', 'SimulateGlobalError does not set simulatederror'],
  ];
  for (const [edit, id, message] of cases) {
    const result = failedCheck(await grade(mutated(edit)), id);
    expect(result?.message).toBe(message);
  }
});

// A row for another variable stands in for a missing one only by its path, or as the one such row
// for the one row missing; a row with no variable, or for a mission variable in another case, is
// no such row. The whole message, "wrong" or "incomplete" included.
test('get-cbid-parse-paths: a row for another variable is named in place of a missing one only where it stands in for it', async () => {
  const outdialcbid: [string, string] = ['outdialcbid', '$[0].outboundcallbackep'];
  const cases: [[string, string][], string][] = [
    [[outdialcbid, ['getresult', '$[0].tacnumbr']], 'GET_CBID Parsing Settings are wrong: no row writes customani (the row getresult ← $[0].tacnumbr writes another variable; expected customani ← $[0].tacnumber)'],
    [[outdialcbid, ['getresult', '']], 'GET_CBID Parsing Settings are wrong: no row writes customani (the row getresult ← (no path) writes another variable; expected customani ← $[0].tacnumber)'],
    [[outdialcbid, ['getresult', '$[0].x'], ['simulatederror', '$[0].tacnumber']], 'GET_CBID Parsing Settings are wrong: the row for $[0].tacnumber writes simulatederror, not customani'],
    [[outdialcbid, ['getresult', '$[0].x'], ['simulatederror', '$[0].y']], 'GET_CBID Parsing Settings are incomplete: no row writes customani'],
    [[outdialcbid, ['', '$[0].tacnumbr']], 'GET_CBID Parsing Settings are incomplete: no row writes customani'],
    [[outdialcbid, ['OUTDIALCBID', '$[0].tacnumbr']], 'GET_CBID Parsing Settings are incomplete: no row writes customani'],
  ];
  for (const [rows, message] of cases) {
    const result = failedCheck(await grade(mutated((f) => setRows(f, rows))), 'get-cbid-parse-paths');
    expect([rows, result?.message]).toEqual([rows, message]);
  }
});

// Beside a template that does not parse, the body's other fields are named; the field whose own
// template does not parse (nested too) is that error, not a second mistake.
test('callback-api-body: beside a template that does not parse, only the other wrong fields are named', async () => {
  const cases: [(body: Json) => void, string][] = [
    [(b) => {
      b.destination = '{{customani | }}';
    }, 'CallBackAPI_HTTPRequest Request Body has a template that does not parse: Unexpected end of expression "}}" at position 75, expected a filter name'],
    [(b) => {
      b.callback.callbackType = '{{ callbacktype | }}';
      b.mediaType = 'chat';
    }, 'CallBackAPI_HTTPRequest Request Body has a template that does not parse: Unexpected end of expression "}}" at position 312, expected a filter name; also field "mediaType" is "chat", expected "telephony"'],
    // A body with a set tag is judged whole once it renders: no field is named beside the error.
    [(b) => {
      b.entryPointId = '{% set ep = outdialcbid %}{{ep}}';
      b.destination = '{{customani | }}';
    }, 'CallBackAPI_HTTPRequest Request Body has a template that does not parse: Unexpected end of expression "}}" at position 92, expected a filter name'],
    // Field by field, destination would read nothing ({{d}} is set in outboundType): not named.
    [(b) => {
      b.outboundType = '{% set d = customani %}OUTDIAL';
      b.destination = '{{d}}';
      b.mediaType = '{{ telephony | }}';
    }, 'CallBackAPI_HTTPRequest Request Body has a template that does not parse: Unexpected end of expression "}}" at position 240, expected a filter name'],
  ];
  for (const [edit, message] of cases) {
    const result = failedCheck(await grade(mutated((f) => setBody(f, edit))), 'callback-api-body');
    expect(result?.message).toBe(message);
  }
});

// Two rows missing and one row for another variable, with the path of one of them: it stands in for
// that one, not for the other as well (a message naming one row twice, expected two ways, was wrong).
test('get-cbid-parse-paths: one row for another variable is named in place of one missing row, never of two', async () => {
  const cases: [[string, string][], string][] = [
    [[['getresult', '$[0].tacnumber']], 'GET_CBID Parsing Settings are wrong: no row writes outdialcbid; the row for $[0].tacnumber writes getresult, not customani'],
    [[['getresult', '$[0].outboundcallbackep']], 'GET_CBID Parsing Settings are wrong: the row for $[0].outboundcallbackep writes getresult, not outdialcbid; no row writes customani'],
    // Its path is neither: it is no one's in particular.
    [[['getresult', '$[0].x']], 'GET_CBID Parsing Settings are incomplete: no row writes outdialcbid; no row writes customani'],
  ];
  for (const [rows, message] of cases) {
    const result = failedCheck(await grade(mutated((f) => setRows(f, rows))), 'get-cbid-parse-paths');
    expect([rows, result?.message]).toEqual([rows, message]);
  }
});
