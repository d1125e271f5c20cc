/**
 * Named changes to the solution: mistakes no fixture carries (each must make a check fail), and
 * tolerated variations (each must keep the checks passing). Applied to a parsed copy of
 * fixtures/flows/solution.json by `mutated()`.
 */
import { activity, addActivity, addFailingSetVariable, link, props, relabel, unlink, variable, type Json, type Mutation } from './support.js';

const GUIDE_BODY = JSON.parse(
  '{"entryPointId":"{{outdialcbid}}","destination":"{{customani}}","attributes":{"Message":"tester","To Queue":"sales"},"outboundType":"CALLBACK","mediaType":"telephony","callback":{"callbackOrigin":"web","callbackType":"immediate"}}',
) as Record<string, unknown>;

const DYNVARS_URL = 'https://674481b1b4e2e04abea27c6e.mockapi.io/flowdesigner/Lab/DynVars';

function setMethod(f: Json, label: string, method: string): void {
  const p = props(f, label);
  p.httpRequestMethod = p['httpRequestMethod:name'] = p.httpRequestMethod_name = method;
}

function setContentType(f: Json, label: string, type: string | null): void {
  const p = props(f, label);
  p.httpContentType = p['httpContentType:name'] = p.httpContentType_name = type;
}

/**
 * A STRING variable `name` set to `value` by a Set Variable put on the link `from` → `exit`, which
 * then leads to where that link led: a value passed through a variable before a field reads it.
 */
export function throughVariable(f: Json, from: string, exit: string, name: string, value: string): void {
  const graph = [f.process, f.eventFlows.eventsMap.GLOBAL_EVENTS.process].find((g) => g.activities[activity(f, from).id]);
  const next = (graph.links as Json[]).find((l) => l.sourceActivityId === activity(f, from).id && l.conditionExpr === exit)!;
  const to = graph.activities[next.targetActivityId].name as string;
  f.variables.push({ ...variable(f, 'getresult'), name, value: '' });
  const label = `Set_${name}`;
  addActivity(f, from, label, { activityName: 'set-variable', activityId: 'set-variable', srcVariable: name, srcVariableType: 'STRING', setTo: 'set-to-literal', expr: value }, 'set-variable');
  link(f, from, exit, label);
  link(f, label, 'out', to);
}

/** A Condition `label` testing `expression`, put on the link `from` → `exit`: True leads to `onTrue`, False to `onFalse`. */
export function conditionOn(f: Json, from: string, exit: string, label: string, expression: string, onTrue: string, onFalse: string): void {
  addActivity(f, from, label, { activityName: 'condition-activity', activityId: 'condition-activity', expression }, 'enum-gateway');
  link(f, from, exit, label);
  link(f, label, 'true', onTrue);
  link(f, label, 'false', onFalse);
}

function setBodyDestination(f: Json, destination: string): void {
  props(f, 'CallBackAPI_HTTPRequest').httpRequestBody = JSON.stringify(GUIDE_BODY).replace('"{{customani}}"', `"${destination}"`);
}

/** HTTPStatusCode tests `{{status == "201"}}`, `status` set to `value` just after the Create Task request. */
function statusThroughVariable(f: Json, value: string): void {
  throughVariable(f, 'CallBackAPI_HTTPRequest', 'default', 'status', value);
  props(f, 'HTTPStatusCode').expression = '{{status == "201"}}';
}

/** GET_CBID's URL reads `?dn={{dn}}`, `dn` set to `value` between option 3 and GET_CBID. */
function dnThroughVariable(f: Json, value: string): void {
  throughVariable(f, 'WantCallback', '3', 'dn', value);
  props(f, 'GET_CBID').httpRequestUrl = `${DYNVARS_URL}?dn={{dn}}`;
}

/** The body's destination reads `{{dest}}`, `dest` set to `value` as OnGlobalError starts. */
function destinationThroughVariable(f: Json, value: string): void {
  throughVariable(f, 'GlobalErrorHandling', 'out', 'dest', value);
  setBodyDestination(f, '{{dest}}');
}

/** Mistakes: name → change. */
export const MISTAKES = {
  'status-variable-set-to-a-constant': (f) => statusThroughVariable(f, '201'),
  // The simulator reads the start node's outputs under its label: the guide's URL then reads nothing.
  'start-node-relabelled-url-unchanged': (f) => relabel(f, 'NewPhoneContact', 'NewContact'),
  'dn-variable-hard-coded': (f) => dnThroughVariable(f, '4694096861'),
  'body-destination-variable-hard-coded': (f) => destinationThroughVariable(f, '+14085267209'),
  'body-json-once-rendered-reads-another-variable': (f) => setBodyDestination(f, '{{ outdialcbid | default("+14085267209") }}'),
  'flow-renamed': (f) => {
    f.name = 'Callback_Copy_140';
  },
  'simulatederror-boolean': (f) => {
    Object.assign(variable(f, 'simulatederror'), { type: 'BOOLEAN', value: 'false' });
  },
  'customani-declared-with-a-trailing-space': (f) => {
    variable(f, 'customani').name = 'customani ';
  },
  'customani-old-spelling-declared-only': (f) => {
    variable(f, 'customani').name = 'customANI';
  },
  'option3-removed': (f) => {
    const p = props(f, 'WantCallback');
    p.menuLinks = ['1', '2'];
    p['menuLinks:input'] = p.menuLinks_input = ['Callback', 'Stay in queue'];
    unlink(f, 'WantCallback', '3');
  },
  'option1-removed': (f) => {
    const p = props(f, 'WantCallback');
    p.menuLinks = ['2', '3'];
    p['menuLinks:input'] = p.menuLinks_input = ['Stay in queue', 'Simulate an error'];
    unlink(f, 'WantCallback', '1');
  },
  // A second status test before HTTPStatusCode: a refused request ends the event flow without reaching it.
  'status-condition-reached-only-on-201': (f) =>
    conditionOn(f, 'CallBackAPI_HTTPRequest', 'default', 'Created', '{{CallBackAPI_HTTPRequest.httpStatusCode == 201}}', 'HTTPStatusCode', 'EndFlow_kid'),
  'option3-described-error': (f) => {
    const p = props(f, 'WantCallback');
    p['menuLinks:input'] = p.menuLinks_input = ['Callback', 'Stay in queue', 'Error'];
  },
  'prompt-offers-13': (f) => {
    props(f, 'WantCallback').promptsTts[0].value = 'All agents are busy. Press 1 for a callback, press 2 to wait, press 13 for the operator.';
  },
  'get-cbid-text-plain': (f) => {
    const p = props(f, 'GET_CBID');
    p.httpContentType = p['httpContentType:name'] = p.httpContentType_name = 'text/plain';
  },
  'get-cbid-not-linked': (f) => unlink(f, 'GET_CBID', 'default'),
  'callback-api-other-connector': (f) => {
    const p = props(f, 'CallBackAPI_HTTPRequest');
    p['connectorId:name'] = p.connectorId_name = 'Webhook_API';
  },
  'callback-api-text-plain': (f) => {
    const p = props(f, 'CallBackAPI_HTTPRequest');
    p.httpContentType = p['httpContentType:name'] = p.httpContentType_name = 'text/plain';
  },
  'callback-api-not-linked': (f) => unlink(f, 'CallBackAPI_HTTPRequest', 'default'),
  'callback-api-content-type-header': (f) => {
    props(f, 'CallBackAPI_HTTPRequest').httpRequestHeaders = { 'Content-Type': 'text/plain' };
  },
  'phone-contact-ended-creates-a-task': (f) => {
    addActivity(f, 'CallBackAPI_HTTPRequest', 'PhoneContactEnded', { activityId: 'event', eventSpecificationName: 'ContactEnded' }, 'event');
    link(f, 'PhoneContactEnded', 'out', 'CallBackAPI_HTTPRequest');
  },
  'extra-callback-activity': (f) => {
    addActivity(f, 'SetGetResult', 'Callback_x', { activityName: 'callback', callbackDn: '{{customani}}' });
    link(f, 'SetGetResult', 'out', 'Callback_x');
    link(f, 'Callback_x', 'default', 'SimulateGlobalError');
  },
  'get-cbid-default-label': (f) => relabel(f, 'GET_CBID', 'HTTPRequest_k2m'),
  // Labels other than the guide's, every reference agreeing: only the recommended label checks fail.
  'get-cbid-relabelled-with-its-reader': (f) => {
    relabel(f, 'GET_CBID', 'HTTPRequest_k2m');
    props(f, 'SetGetResult').expr = '{{HTTPRequest_k2m.httpResponseBody}}';
  },
  'set-variables-and-condition-with-default-labels': (f) => {
    relabel(f, 'SetGetResult', 'SetVariable_q1w');
    relabel(f, 'SimulateGlobalError', 'SetVariable_7hk');
    relabel(f, 'HTTPStatusCode', 'Condition_x1');
  },
  'callback-api-relabelled-with-its-condition': (f) => {
    relabel(f, 'CallBackAPI_HTTPRequest', 'HTTPRequest_abc');
    props(f, 'HTTPStatusCode').expression = '{{HTTPRequest_abc.httpStatusCode == 201}}';
  },
  'option1-also-to-get-cbid': (f) => link(f, 'WantCallback', '1', 'GET_CBID'),
  'no-input-to-get-cbid': (f) => link(f, 'WantCallback', 'timeout', 'GET_CBID'),
  'no-input-to-simulate-error': (f) => link(f, 'WantCallback', 'timeout', 'SimulateGlobalError'),
  'simulate-error-back-to-the-menu': (f) => link(f, 'SimulateGlobalError', 'out', 'WantCallback'),
  'option2-to-set-get-result': (f) => link(f, 'WantCallback', '2', 'SetGetResult'),
  'unmatched-entry-to-get-cbid': (f) => link(f, 'WantCallback', 'invalid', 'GET_CBID'),
  // The template's AgentDisconnected handler (label FCAsk(ContactLastAgentRemoved)) led on to the request: every call an agent took would create a task.
  'agent-disconnected-creates-a-task': (f) => link(f, 'FCAsk(ContactLastAgentRemoved)', 'out', 'CallBackAPI_HTTPRequest'),
  // Text around the template is sent with the value: "++14085267209" is not the caller's number.
  'body-destination-with-a-plus-before-the-template': (f) => setBodyDestination(f, '+{{customani}}'),
  'contact-ended-runs-a-copy-with-path-without-slash': (f) => {
    const copy = structuredClone(activity(f, 'CallBackAPI_HTTPRequest'));
    addActivity(f, 'CallBackAPI_HTTPRequest', 'HTTPRequest_dup', { ...copy.properties, httpRequestPath: 'v1/tasks' });
    link(f, 'ContactEnded', 'out', 'HTTPRequest_dup');
  },
  'false-retries-through-a-condition': (f) => {
    addActivity(f, 'HTTPStatusCode', 'RetryCheck', { activityName: 'condition-activity', expression: '{{CallBackAPI_HTTPRequest.httpStatusCode != 201}}' });
    link(f, 'HTTPStatusCode', 'false', 'RetryCheck');
    link(f, 'RetryCheck', 'true', 'CallBackAPI_HTTPRequest');
    link(f, 'RetryCheck', 'false', 'EndFlow_kid');
  },
  'condition-also-true-on-401': (f) => {
    props(f, 'HTTPStatusCode').expression = '{{CallBackAPI_HTTPRequest.httpStatusCode == 201 or CallBackAPI_HTTPRequest.httpStatusCode == 401}}';
  },
  // True on one error answer only: the check of that error scenario fails, the other one's passes.
  'condition-also-true-on-400': (f) => {
    props(f, 'HTTPStatusCode').expression = '{{CallBackAPI_HTTPRequest.httpStatusCode == 201 or CallBackAPI_HTTPRequest.httpStatusCode == 400}}';
  },
  'condition-also-true-on-500': (f) => {
    props(f, 'HTTPStatusCode').expression = '{{CallBackAPI_HTTPRequest.httpStatusCode == 201 or CallBackAPI_HTTPRequest.httpStatusCode == 500}}';
  },
  'phone-contact-ended-runs-a-copy-of-the-request': (f) => {
    const copy = structuredClone(activity(f, 'CallBackAPI_HTTPRequest'));
    addActivity(f, 'CallBackAPI_HTTPRequest', 'HTTPRequest_dup', copy.properties);
    addActivity(f, 'CallBackAPI_HTTPRequest', 'PhoneContactEnded', { activityId: 'event', eventSpecificationName: 'ContactEnded' }, 'event');
    link(f, 'PhoneContactEnded', 'out', 'HTTPRequest_dup');
  },
  'menu-plays-audio-files': (f) => {
    const p = props(f, 'WantCallback');
    p.toggle = false;
    p.prompts = [{ type: 'audioFile', value: 'AllAgentsBusy.wav', name: 'AllAgentsBusy.wav' }];
  },
  'callback-api-path-inner-space': (f) => {
    props(f, 'CallBackAPI_HTTPRequest').httpRequestPath = '/v1/ tasks';
  },
  'condition-compares-text-201': (f) => {
    props(f, 'HTTPStatusCode').expression = '{{CallBackAPI_HTTPRequest.httpStatusCode == "201"}}';
  },
  'old-label-with-new-condition': (f) => relabel(f, 'CallBackAPI_HTTPRequest', 'CallBackAPI_Request'),
  'body-destination-outdialcbid': (f) => {
    props(f, 'CallBackAPI_HTTPRequest').httpRequestBody = JSON.stringify({ ...GUIDE_BODY, destination: '{{outdialcbid}}' });
  },
  // A space inside the quotes is sent with the value: destination " +14085267209" is not the caller's number.
  'body-destination-with-a-leading-space': (f) => {
    props(f, 'CallBackAPI_HTTPRequest').httpRequestBody = JSON.stringify({ ...GUIDE_BODY, destination: ' {{customani}}' });
  },
  'body-outbound-type-lowercase': (f) => {
    props(f, 'CallBackAPI_HTTPRequest').httpRequestBody = JSON.stringify({ ...GUIDE_BODY, outboundType: 'callback' });
  },
  // From a mutation-testing review: one defect per setting the checks judge, beside the fixtures'.
  'get-cbid-url-without-dn': (f) => {
    props(f, 'GET_CBID').httpRequestUrl = `${DYNVARS_URL}`;
  },
  'get-cbid-dn-hard-coded': (f) => {
    props(f, 'GET_CBID').httpRequestUrl = `${DYNVARS_URL}?dn=4694096861`;
  },
  'get-cbid-url-http': (f) => {
    props(f, 'GET_CBID').httpRequestUrl = `${DYNVARS_URL.replace('https:', 'http:')}?dn={{NewPhoneContact.DNIS | slice(2) }}`;
  },
  'get-cbid-url-extra-filter': (f) => {
    props(f, 'GET_CBID').httpRequestUrl = `${DYNVARS_URL}?dn={{NewPhoneContact.DNIS | slice(2) }}&tacnumber=14085267209`;
  },
  // A space typed after `dn=` is sent with the value: MockAPI finds no record for " 4694096861".
  'get-cbid-dn-with-a-leading-space': (f) => {
    props(f, 'GET_CBID').httpRequestUrl = `${DYNVARS_URL}?dn= {{NewPhoneContact.DNIS | slice(2) }}`;
  },
  // A space typed before `=` is sent with the name (dn%20): MockAPI filters by a field "dn " that no record has.
  'get-cbid-dn-with-a-space-in-its-name': (f) => {
    props(f, 'GET_CBID').httpRequestUrl = `${DYNVARS_URL}?dn ={{NewPhoneContact.DNIS | slice(2) }}`;
  },
  // The bold-italic markers of the guide's text copied with the address: the request is never sent.
  'get-cbid-url-with-markdown-asterisks': (f) => {
    props(f, 'GET_CBID').httpRequestUrl = `***${DYNVARS_URL}?dn={{NewPhoneContact.DNIS | slice(2) }}***`;
  },
  'get-cbid-dn-twice': (f) => {
    props(f, 'GET_CBID').httpRequestUrl = `${DYNVARS_URL}?dn={{NewPhoneContact.DNIS | slice(2) }}&dn=1`;
  },
  'get-cbid-path-lower-case': (f) => {
    props(f, 'GET_CBID').httpRequestUrl = `${DYNVARS_URL.toLowerCase()}?dn={{NewPhoneContact.DNIS | slice(2) }}`;
  },
  // A space typed before the template is stored with the body: getresult is not the response as it came.
  'getresult-set-value-with-a-leading-space': (f) => {
    Object.assign(props(f, 'SetGetResult'), { setTo: 'set-to-literal', expr: ' {{GET_CBID.httpResponseBody}}' });
  },
  // A second row for getresult, added after the right one: the rows run in order, the last one wins.
  'getresult-overridden-by-a-later-row': (f) => {
    const p = props(f, 'SetGetResult');
    p.setVariablesArray = [
      { srcVariable: 'getresult', setTo: 'set-to-variable', expr: '{{GET_CBID.httpResponseBody}}' },
      { srcVariable: 'getresult', setTo: 'set-to-literal', expr: 'GET_CBID.httpResponseBody' },
    ];
  },
  'get-cbid-skips-set-get-result': (f) => link(f, 'GET_CBID', 'default', 'SimulateGlobalError'),
  'set-get-result-skips-simulate-error': (f) => link(f, 'SetGetResult', 'out', 'DisconnectContact_g9e'),
  'callback-api-straight-to-end': (f) => link(f, 'CallBackAPI_HTTPRequest', 'default', 'EndFlow_kid'),
  'option1-to-music': (f) => link(f, 'WantCallback', '1', 'Music'),
  'option2-to-new-number': (f) => link(f, 'WantCallback', '2', 'NewNumber'),
  'simulate-error-to-music': (f) => link(f, 'SimulateGlobalError', 'out', 'Music'),
  'simulate-error-to-new-number': (f) => link(f, 'SimulateGlobalError', 'out', 'NewNumber'),
  'status-true-unlinked': (f) => unlink(f, 'HTTPStatusCode', 'true'),
  'status-true-to-a-dead-end': (f) => {
    addActivity(f, 'HTTPStatusCode', 'PlayMessage_x', { activityName: 'play-message' });
    link(f, 'HTTPStatusCode', 'true', 'PlayMessage_x');
  },
  // True leads to End Flow, but through a Play Message: after the global error the caller's leg is gone, so it fails.
  'status-true-plays-a-message': (f) => {
    addActivity(f, 'HTTPStatusCode', 'PlayMessage_x', { activityName: 'play-message', toggle: true, promptsTts: [{ type: 'tts', value: 'Your callback is scheduled.' }] });
    link(f, 'HTTPStatusCode', 'true', 'PlayMessage_x');
    link(f, 'PlayMessage_x', 'default', 'EndFlow_kid');
  },
  // Only the simulated call can tell: option 3 still reaches GET_CBID on the canvas (through True), but the call takes False.
  'option3-through-a-condition-that-goes-elsewhere': (f) => conditionOn(f, 'WantCallback', '3', 'CheckHours', '{{ 1 == 2 }}', 'GET_CBID', 'NewNumber'),
  // SimulateGlobalError is still reached on the canvas, but an activity before it fails first: its error is raised there.
  'set-get-result-then-a-failing-set-variable': (f) => {
    addFailingSetVariable(f, 'SetGetResult', 'SetVariable_zz');
    link(f, 'SetGetResult', 'out', 'SetVariable_zz');
    link(f, 'SetVariable_zz', 'out', 'SimulateGlobalError');
  },
  'get-cbid-method-put': (f) => setMethod(f, 'GET_CBID', 'PUT'),
  'callback-api-method-get': (f) => setMethod(f, 'CallBackAPI_HTTPRequest', 'GET'),
  'get-cbid-parse-xml': (f) => {
    const p = props(f, 'GET_CBID');
    p.contentType = p['contentType:name'] = p.contentType_name = 'XML';
  },
  'get-cbid-no-content-type': (f) => setContentType(f, 'GET_CBID', null),
  'callback-api-no-content-type': (f) => setContentType(f, 'CallBackAPI_HTTPRequest', null),
  // Pasted with a no-break space after it: sent with the path (/v1/tasks%C2%A0), which the API does not know.
  'callback-api-path-with-a-trailing-no-break-space': (f) => {
    props(f, 'CallBackAPI_HTTPRequest').httpRequestPath = '/v1/tasks\u00a0';
  },
  // Pasted with a no-break space after it: sent with dn (%C2%A0), and MockAPI finds no record.
  'get-cbid-url-with-a-trailing-no-break-space': (f) => {
    props(f, 'GET_CBID').httpRequestUrl = `${DYNVARS_URL}?dn={{NewPhoneContact.DNIS | slice(2) }}\u00a0`;
  },
  'callback-api-path-v2': (f) => {
    props(f, 'CallBackAPI_HTTPRequest').httpRequestPath = '/v2/tasks';
  },
  'callback-api-path-upper-case': (f) => {
    props(f, 'CallBackAPI_HTTPRequest').httpRequestPath = '/V1/TASKS';
  },
  'callback-api-unauthenticated-with-connector': (f) => {
    props(f, 'CallBackAPI_HTTPRequest').authenticated = false;
  },
  'callback-api-authenticated-without-connector': (f) => {
    const p = props(f, 'CallBackAPI_HTTPRequest');
    p.connectorId = p['connectorId:name'] = p.connectorId_name = null;
  },
  // Use Authenticated Endpoint off, the Tasks API's URL typed in, and an Authorization header typed by
  // hand beside it: the API takes only "Bearer <token>" (the connector's), and answers this with 400.
  'callback-api-unauthenticated-with-a-basic-authorization-header': (f) => {
    Object.assign(props(f, 'CallBackAPI_HTTPRequest'), { authenticated: false, connectorId: null, 'connectorId:name': null, connectorId_name: null, httpRequestPath: null, httpRequestUrl: 'https://api.wxcc-us1.cisco.com/v1/tasks', httpRequestHeaders: { Authorization: 'Basic d3hjYzpsYWI=' } });
  },
  'get-cbid-authenticated-without-connector': (f) => {
    props(f, 'GET_CBID').authenticated = true;
  },
  'getresult-json-empty': (f) => {
    Object.assign(variable(f, 'getresult'), { type: 'JSON', value: '' });
  },
  // "Add New" clicked again instead of fixing the row: the rows run in order, the last one wins.
  'parse-row-overridden-by-a-later-wrong-row': (f) => {
    (props(f, 'GET_CBID').outputVariableArray as Json[]).push({ outputVariable: 'customani', jsonPathExp: '$.tacnumber' });
  },
  'parse-path-with-a-space-after-the-dot': (f) => {
    const rows = props(f, 'GET_CBID').outputVariableArray as Json[];
    rows.find((row) => row.outputVariable === 'customani')!.jsonPathExp = '$[0]. tacnumber';
  },
  // Pasted from a PDF: a no-break space after the path, which Jayway reads as part of the name.
  'parse-path-with-a-trailing-no-break-space': (f) => {
    const rows = props(f, 'GET_CBID').outputVariableArray as Json[];
    rows.find((row) => row.outputVariable === 'customani')!.jsonPathExp = '$[0].tacnumber\u00a0';
  },
  // Jayway's first() to take the first record's tacnumber: a function the simulator does not run (the call stops at GET_CBID).
  'parse-path-with-a-function-not-simulated': (f) => {
    const rows = props(f, 'GET_CBID').outputVariableArray as Json[];
    rows.find((row) => row.outputVariable === 'customani')!.jsonPathExp = '$..tacnumber.first()';
  },
  'parse-row-writes-CustomANI': (f) => {
    const rows = props(f, 'GET_CBID').outputVariableArray as Json[];
    rows.find((row) => row.outputVariable === 'customani')!.outputVariable = 'CustomANI';
  },
  'body-template-escaped-quotes': (f) => {
    props(f, 'CallBackAPI_HTTPRequest').httpRequestBody = JSON.stringify({ ...GUIDE_BODY, destination: '{{customani | default("x")}}' });
  },
  // A Content-Type header added by hand, its name typed with the colon of "Content-Type: application/json".
  'callback-api-header-name-with-a-colon': (f) => {
    props(f, 'CallBackAPI_HTTPRequest').httpRequestHeaders = { 'Content-Type:': 'application/json' };
  },
  // A filter name mistyped in the body: it parses, and fails once the request renders it.
  'body-template-unknown-filter': (f) => {
    props(f, 'CallBackAPI_HTTPRequest').httpRequestBody = JSON.stringify({ ...GUIDE_BODY, destination: '{{customani | trimm}}' });
  },
  // The task id kept from the answer, into a variable never declared: the request fails after the task is created.
  'callback-api-parses-into-an-undeclared-variable': (f) => {
    const p = props(f, 'CallBackAPI_HTTPRequest');
    p.contentType = p['contentType:name'] = p.contentType_name = 'JSON';
    p.outputVariableArray = [{ outputVariable: 'taskid', jsonPathExp: '$.data.id' }];
  },
  // The Create Task request pasted into the main flow too, between SetGetResult and SimulateGlobalError.
  'callback-api-copied-into-the-main-flow': (f) => {
    addActivity(f, 'SetGetResult', 'CreateTask_main', structuredClone(activity(f, 'CallBackAPI_HTTPRequest').properties));
    link(f, 'SetGetResult', 'out', 'CreateTask_main');
    link(f, 'CreateTask_main', 'default', 'SimulateGlobalError');
  },
  'callback-api-twice': (f) => {
    const copy = structuredClone(activity(f, 'CallBackAPI_HTTPRequest'));
    addActivity(f, 'CallBackAPI_HTTPRequest', 'CallBackAPI_again', copy.properties);
    link(f, 'CallBackAPI_HTTPRequest', 'default', 'CallBackAPI_again');
    link(f, 'CallBackAPI_again', 'default', 'HTTPStatusCode');
  },
  'no-global-error-handler': (f) => {
    const g = f.eventFlows.eventsMap.GLOBAL_EVENTS.process;
    const id = activity(f, 'GlobalErrorHandling').id;
    delete g.activities[id];
    g.links = (g.links as Json[]).filter((l) => l.sourceActivityId !== id);
  },
  // Build step 7 done (the connection to EndFlow deleted), Build step 8's connection never made.
  'global-error-not-connected': (f) => unlink(f, 'GlobalErrorHandling', 'out'),
  'flow-named-with-suffix': (f) => {
    f.name = 'Main_Flow_140_copy';
  },
  // The option 3 sentence pasted over the whole message: options 1 and 2 are no longer offered.
  'prompt-replaced-by-the-option3-sentence': (f) => {
    props(f, 'WantCallback').promptsTts[0].value = 'Press 3 to simulate global error.';
  },
  'prompt-offers-33': (f) => {
    props(f, 'WantCallback').promptsTts[0].value = 'All agents are busy. Press 1 for a callback, press 2 to wait, press 33 for the operator.';
  },
} satisfies Record<string, Mutation>;

/** Variations every check must tolerate: name → change. */
export const TOLERATED = {
  // Values passed through variables first: the checks evaluate them as the call would (lib/replay.ts).
  'status-copied-into-a-text-variable': (f) => statusThroughVariable(f, '{{CallBackAPI_HTTPRequest.httpStatusCode}}'),
  // Through two Set Variables, the second reading the first: `code` takes the status, then `status` takes `code`.
  'status-copied-through-two-variables': (f) => {
    statusThroughVariable(f, '{{code}}');
    throughVariable(f, 'CallBackAPI_HTTPRequest', 'default', 'code', '{{CallBackAPI_HTTPRequest.httpStatusCode}}');
  },
  'dn-computed-by-a-set-variable': (f) => dnThroughVariable(f, '{{NewPhoneContact.DNIS | slice(2) }}'),
  'body-destination-through-a-variable': (f) => destinationThroughVariable(f, '{{customani}}'),
  // JSON only once rendered (quotes bare inside the braces), as Flow Designer renders before it parses.
  'body-json-once-rendered': (f) => setBodyDestination(f, '{{ customani | default("+14085267209") }}'),
  'get-cbid-method-lower-case': (f) => setMethod(f, 'GET_CBID', 'get'),
  // The dot after [0] left out: Flow Designer's JsonPath (Jayway) reads a name straight after `]` as after a dot.
  'parse-paths-without-the-dot-after-the-index': (f) => {
    for (const row of props(f, 'GET_CBID').outputVariableArray as Json[]) row.jsonPathExp = String(row.jsonPathExp).replace('[0].', '[0]');
  },
  'callback-api-path-without-slash': (f) => {
    props(f, 'CallBackAPI_HTTPRequest').httpRequestPath = 'v1/tasks';
  },
  'get-cbid-url-upper-case-scheme-and-trailing-slash': (f) => {
    props(f, 'GET_CBID').httpRequestUrl = `${DYNVARS_URL.replace('https:', 'HTTPS:')}/?dn={{NewPhoneContact.DNIS | slice(2) }}`;
  },
  'body-with-byte-order-mark': (f) => {
    props(f, 'CallBackAPI_HTTPRequest').httpRequestBody = `\uFEFF${JSON.stringify(GUIDE_BODY)}`;
  },
  'callback-api-json-content-type-header': (f) => {
    props(f, 'CallBackAPI_HTTPRequest').httpRequestHeaders = [{ key: 'content-type', value: 'application/json; charset=utf-8' }];
  },
  'set-get-result-bracket-access': (f) => {
    const p = props(f, 'SetGetResult');
    for (const row of [p, ...(p.setVariablesArray ?? [])]) if (row.srcVariable === 'getresult') Object.assign(row, { setTo: 'set-to-literal', expr: "{{ GET_CBID['httpResponseBody'] }}", literal: "{{ GET_CBID['httpResponseBody'] }}" });
  },
  'body-without-attributes': (f) => {
    props(f, 'CallBackAPI_HTTPRequest').httpRequestBody = JSON.stringify({ ...GUIDE_BODY, attributes: undefined });
  },
  'jsonpath-dot-before-bracket': (f) => {
    props(f, 'GET_CBID').outputVariableArray = [
      { outputVariable: 'outdialcbid', jsonPathExp: '$.[0].outboundcallbackep' },
      { outputVariable: 'customani', jsonPathExp: '$.[0].tacnumber' },
    ];
  },
  'start-node-labelled-newcontact': (f) => {
    relabel(f, 'NewPhoneContact', 'NewContact');
    props(f, 'GET_CBID').httpRequestUrl = props(f, 'GET_CBID').httpRequestUrl.replace('NewPhoneContact.DNIS', 'NewContact.DNIS');
  },
  'customani-old-spelling-throughout-beside-a-leftover-customani': (f) => {
    f.variables.push({ ...variable(f, 'customani'), name: 'customANI' });
    const rows = props(f, 'GET_CBID').outputVariableArray as { outputVariable: string }[];
    for (const row of rows) if (row.outputVariable === 'customani') row.outputVariable = 'customANI';
    props(f, 'CallBackAPI_HTTPRequest').httpRequestBody = props(f, 'CallBackAPI_HTTPRequest').httpRequestBody.replace('{{customani}}', '{{customANI}}');
  },
  'true-path-reads-the-task-back': (f) => {
    // GET /v1/tasks/{id} reads the task just created: it creates nothing, so no retry loop.
    const copy = structuredClone(activity(f, 'CallBackAPI_HTTPRequest'));
    addActivity(f, 'HTTPStatusCode', 'ReadTask', { ...copy.properties, httpRequestMethod: 'GET', httpRequestPath: '/v1/tasks/{{CallBackAPI_HTTPRequest.httpResponseBody}}', httpRequestBody: '' });
    link(f, 'HTTPStatusCode', 'true', 'ReadTask');
    link(f, 'ReadTask', 'default', 'EndFlow_kid');
  },
  'condition-written-several-ways-right-for-numbers': (f) => {
    // The status code is a number: a test that also accepts the text "201" is still right.
    props(f, 'HTTPStatusCode').expression = '{{CallBackAPI_HTTPRequest.httpStatusCode == 201 or CallBackAPI_HTTPRequest.httpStatusCode == "201"}}';
  },
  'mockapi-paging-parameters-and-default-port': (f) => {
    props(f, 'GET_CBID').httpRequestUrl = 'https://674481b1b4e2e04abea27c6e.mockapi.io:443/flowdesigner/Lab/DynVars?limit=1&dn={{NewPhoneContact.DNIS | slice(2) }}&page=1';
  },
  'prompt-in-ssml': (f) => {
    props(f, 'WantCallback').promptsTts[0].value =
      '<speak>All agents are busy. Please press 1 if you want to schedule a callback. Press 2 if you want to wait in queue. Press <say-as interpret-as="digits">3</say-as> to simulate global error.</speak>';
  },
  'option2-to-a-subflow': (f) => {
    // 2026 Core Mission 6 deletes Music and plays the queue treatment from a Subflow.
    const music = activity(f, 'Music');
    addActivity(f, 'Music', 'Subflow_140', { activityName: 'subflow-handoff', subflowName: 'WaitTreatment' });
    link(f, 'WantCallback', '2', 'Subflow_140');
    const g = [f.process].find((x) => x.activities[music.id])!;
    delete g.activities[music.id];
    g.links = g.links.filter((l: { sourceActivityId: string; targetActivityId: string }) => l.sourceActivityId !== music.id && l.targetActivityId !== music.id);
  },
  'prompt-as-a-list': (f) => {
    props(f, 'WantCallback').promptsTts[0].value = 'All agents are busy. Press 1 to schedule a callback, 2 to wait in queue, 3 to simulate a global error.';
  },
  'prompt-option3-in-its-own-message': (f) => {
    const tts = props(f, 'WantCallback').promptsTts;
    tts[0].value = 'All agents are busy. Press 1 to schedule a callback. Press 2 to wait in queue.';
    tts.push({ ...tts[0], value: '3 - simulate global error.' });
  },
  'defaults-typed-in-as-empty': (f) => {
    for (const name of ['outdialcbid', 'customani', 'getresult', 'simulatederror']) variable(f, name).value = name === 'getresult' ? 'EMPTY' : 'empty';
  },
  'menu-label-of-2026-guide': (f) => relabel(f, 'WantCallback', 'WantCallBack'),
  'menu-default-label': (f) => relabel(f, 'WantCallback', 'Menu_k3x'),
  'start-node-of-2026-exports': (f) => {
    const start = Object.values(f.process.activities as Record<string, Json>).find((a) => a.group === 'start')!;
    start.properties.activityName = 'NewContact';
  },
  'callback-api-path-trailing-slash': (f) => {
    props(f, 'CallBackAPI_HTTPRequest').httpRequestPath = ' /v1/tasks/ ';
  },
  // As a Query Parameters row would send it (the API ignores a parameter it does not know).
  'callback-api-path-with-query-string': (f) => {
    props(f, 'CallBackAPI_HTTPRequest').httpRequestPath = '/v1/tasks\n?source=lab';
  },
  'body-destination-trimmed': (f) => {
    props(f, 'CallBackAPI_HTTPRequest').httpRequestBody = JSON.stringify({ ...GUIDE_BODY, destination: '{{ customani | trim }}' });
  },
  'labels-in-other-case': (f) => {
    relabel(f, 'SetGetResult', 'setGetResult');
    relabel(f, 'HTTPStatusCode', 'httpStatusCode');
  },
  // The wrong row fixed by adding a right one after it: the last row wins, as at run time.
  'parse-row-corrected-by-a-later-row': (f) => {
    (props(f, 'GET_CBID').outputVariableArray as Json[]).unshift({ outputVariable: 'customani', jsonPathExp: '$.tacnumber' });
  },
  // A wrong row fixed by a right one added after it: the last one wins, as at run time.
  'getresult-corrected-by-a-later-row': (f) => {
    const p = props(f, 'SetGetResult');
    p.setVariablesArray = [
      { srcVariable: 'getresult', setTo: 'set-to-literal', expr: 'GET_CBID.httpResponseBody' },
      { srcVariable: 'getresult', setTo: 'set-to-variable', expr: '{{GET_CBID.httpResponseBody}}' },
    ];
  },
  // Two rows for simulatederror, the failing one second: the rows run in order and the second still fails.
  'simulate-error-failing-value-in-a-second-row': (f) => {
    props(f, 'SimulateGlobalError').setVariablesArray = [
      { srcVariable: 'simulatederror', setTo: 'set-to-literal', expr: 'about to fail' },
      { srcVariable: 'simulatederror', setTo: 'set-to-literal', expr: '{{ ANI | 123}}' },
    ];
  },
  'jsonpath-spaces-inside-brackets': (f) => {
    props(f, 'GET_CBID').outputVariableArray = [
      { outputVariable: 'outdialcbid', jsonPathExp: '$[ 0 ].outboundcallbackep' },
      { outputVariable: 'customani', jsonPathExp: "$[0][ 'tacnumber' ]" },
    ];
  },
  'jsonpath-bracket-notation': (f) => {
    props(f, 'GET_CBID').outputVariableArray = [
      { outputVariable: 'customani', jsonPathExp: "$[0]['tacnumber']" },
      { outputVariable: 'outdialcbid', jsonPathExp: '$[0]["outboundcallbackep"]' },
    ];
  },
  // Jayway counts a negative index from the end: the lab's answer is one record, so [-1] is [0].
  'jsonpath-negative-index': (f) => {
    for (const row of props(f, 'GET_CBID').outputVariableArray) row.jsonPathExp = row.jsonPathExp.replace('[0]', '[-1]');
  },
  'dn-by-replace': (f) => {
    props(f, 'GET_CBID').httpRequestUrl = "https://674481B1B4E2E04ABEA27C6E.mockapi.io/flowdesigner/Lab/DynVars?dn={{ NewPhoneContact.DNIS | replace({'+1': ''}) }}";
  },
  'dn-as-query-parameter': (f) => {
    const p = props(f, 'GET_CBID');
    p.httpRequestUrl = 'https://674481b1b4e2e04abea27c6e.mockapi.io/flowdesigner/Lab/DynVars';
    p.httpQueryParameters = { dn: '{{NewPhoneContact.DNIS|slice(2)}}' };
  },
  'getresult-bare-variable-name': (f) => {
    props(f, 'SetGetResult').expr = 'GET_CBID.httpResponseBody';
  },
  'getresult-set-value-template': (f) => {
    Object.assign(props(f, 'SetGetResult'), { setTo: 'set-to-literal', expr: '{{ GET_CBID.httpResponseBody }}' });
  },
  'simulate-error-unknown-filter': (f) => {
    props(f, 'SimulateGlobalError').expr = '{{ ANI | nosuchfilter }}';
  },
  'condition-in-parentheses': (f) => {
    props(f, 'HTTPStatusCode').expression = '{{ (CallBackAPI_HTTPRequest.httpStatusCode == 201) }}';
  },
  'prompt-press-three': (f) => {
    props(f, 'WantCallback').promptsTts[0].value = 'All agents are busy. Press one for a callback, press two to wait in queue, or press THREE to simulate a global error!';
  },
  'option3-description-spacing': (f) => {
    const p = props(f, 'WantCallback');
    p['menuLinks:input'] = p.menuLinks_input = ['Callback', 'Stay in queue', '  simulate AN error. '];
  },
  'play-message-before-get-cbid': (f) => {
    addActivity(f, 'WantCallback', 'PleaseWait', { activityName: 'play-message', toggle: true, promptsTts: [{ type: 'tts', value: 'One moment please.' }] });
    link(f, 'WantCallback', '3', 'PleaseWait');
    link(f, 'PleaseWait', 'default', 'GET_CBID');
  },
  'separate-endflows-for-true-and-false': (f) => {
    addActivity(f, 'HTTPStatusCode', 'EndFlow_z9z', { activityName: 'end' }, 'end');
    link(f, 'HTTPStatusCode', 'false', 'EndFlow_z9z');
  },
  // Tolerances the checks' pages state (docs/checks/<id>.md), each held to its word here.
  'get-cbid-authenticated-as-the-text-false': (f) => {
    props(f, 'GET_CBID').authenticated = 'false';
  },
  'get-cbid-authenticated-left-out': (f) => {
    delete props(f, 'GET_CBID').authenticated;
  },
  'callback-api-connector-in-lower-case': (f) => {
    const p = props(f, 'CallBackAPI_HTTPRequest');
    p['connectorId:name'] = p.connectorId_name = 'wxcc_api';
  },
  'callback-api-method-lower-case': (f) => setMethod(f, 'CallBackAPI_HTTPRequest', 'post'),
  'get-cbid-parse-json-lower-case': (f) => {
    const p = props(f, 'GET_CBID');
    p.contentType = p['contentType:name'] = p.contentType_name = 'json';
  },
  'prompt-dial-3': (f) => {
    props(f, 'WantCallback').promptsTts[0].value = 'All agents are busy. Press 1 for a callback or 2 to wait in queue. Dial 3 to simulate a global error.';
  },
  'prompt-option-3': (f) => {
    props(f, 'WantCallback').promptsTts[0].value = 'All agents are busy. Press 1 for a callback or 2 to wait in queue. To simulate a global error, choose option 3.';
  },
  'mockapi-sorting-parameters': (f) => {
    props(f, 'GET_CBID').httpRequestUrl = `${DYNVARS_URL}?dn={{NewPhoneContact.DNIS | slice(2) }}&sortBy=dn&order=desc`;
  },
  'simulate-error-unclosed-template': (f) => {
    props(f, 'SimulateGlobalError').expr = '{{ ANI';
  },
  'body-with-a-field-the-guide-does-not-have': (f) => {
    props(f, 'CallBackAPI_HTTPRequest').httpRequestBody = JSON.stringify({ ...GUIDE_BODY, priority: 'high' });
  },
  'parse-row-for-another-variable': (f) => {
    (props(f, 'GET_CBID').outputVariableArray as Json[]).push({ outputVariable: 'getresult', jsonPathExp: '$[0].dn' });
  },
  'flow-name-with-letters-in-the-id': (f) => {
    f.name = 'Main_Flow_ab140';
  },
  // From the instructor's audit of every Build step: variants the guide allows, each graded as correct.
  'simulate-error-to-the-callback-branch-disconnect': (f) => link(f, 'SimulateGlobalError', 'out', 'DisconnectContact_3zq'),
  'status-exits-to-another-handlers-endflow': (f) => {
    link(f, 'HTTPStatusCode', 'true', 'EndFlow_m29');
    link(f, 'HTTPStatusCode', 'false', 'EndFlow_m29');
  },
  'create-task-only-with-a-callback-number': (f) => conditionOn(f, 'GlobalErrorHandling', 'out', 'HasNumber', '{{customani is not empty}}', 'CallBackAPI_HTTPRequest', 'EndFlow_kid'),
  'create-task-only-when-get-cbid-got-200': (f) => conditionOn(f, 'GlobalErrorHandling', 'out', 'GotRecord', '{{GET_CBID.httpStatusCode == 200}}', 'CallBackAPI_HTTPRequest', 'EndFlow_kid'),
  'create-task-only-with-the-record-in-getresult': (f) => conditionOn(f, 'GlobalErrorHandling', 'out', 'HasRecord', '{{getresult contains "outboundcallbackep"}}', 'CallBackAPI_HTTPRequest', 'EndFlow_kid'),
  'variables-agent-viewable-and-reportable': (f) => {
    for (const name of ['outdialcbid', 'customani', 'getresult', 'simulatederror']) Object.assign(variable(f, name), { isCAD: true, desktopLabel: name, isReportable: true, description: 'lab' });
  },
  'body-with-other-attributes': (f) => {
    props(f, 'CallBackAPI_HTTPRequest').httpRequestBody = JSON.stringify({ ...GUIDE_BODY, attributes: { reason: 'global error' } }, null, 8);
  },
} satisfies Record<string, Mutation>;

export type MistakeName = keyof typeof MISTAKES;
