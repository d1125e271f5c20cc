/**
 * The lab's typical mistakes in this mission, one edit each of the solution export: the Final
 * Challenge's kinds (a wrong connection, a wrong setting inside a node), lab-context.md §5.2–§5.4 and
 * the guide's old copy buttons and typos (§5.3, §2.6). `own` is the check that names the mistake: the
 * report's "Fix first" when it is the only one, and a failing check whatever else is wrong.
 */
import { link, props, relabel, removeActivity, unlink, variable, type Json, type Mutation } from './support.js';

export interface LabMistake {
  /** Build step the mistake breaks. */
  step: number;
  /** The Final Challenge's two kinds: "an incorrect node connection", "mistakes inside nodes". */
  kind: 'connection' | 'setting';
  /** What is changed, in the attendee's words. */
  edit: Mutation;
  /** The check naming it. */
  own: string;
  /** A fragment of that check's message. */
  says: string;
  /** What in the flow the edit changes or relies on: two mistakes at once never share one. */
  at: string[];
  /** It renames an activity: made after the other mistakes, which find activities by the guide's labels. */
  renames?: true;
}

/** Whether two of `mistakes` change (or rely on) the same thing, so that one undoes or is the other. */
export function overlap(...mistakes: LabMistake[]): boolean {
  return mistakes.some((a, i) => mistakes.slice(i + 1).some((b) => a.at.some((x) => b.at.includes(x))));
}

/** The solution with `mistakes` made, renames last. */
export function withMistakes(...mistakes: LabMistake[]): Mutation {
  return (f) => {
    for (const m of mistakes) if (!m.renames) m.edit(f);
    for (const m of mistakes) if (m.renames) m.edit(f);
  };
}

const DYNVARS = 'https://674481b1b4e2e04abea27c6e.mockapi.io/flowdesigner/Lab/DynVars';
const setUrl = (f: Json, url: string) => {
  props(f, 'GET_CBID').httpRequestUrl = url;
};
const setBody = (f: Json, edit: (body: string) => string) => {
  const p = props(f, 'CallBackAPI_HTTPRequest');
  p.httpRequestBody = edit(p.httpRequestBody as string);
};
const setMethod = (f: Json, label: string, method: string) => {
  const p = props(f, label);
  p.httpRequestMethod = p['httpRequestMethod:name'] = p.httpRequestMethod_name = method;
};
const setCondition = (f: Json, expression: string) => {
  props(f, 'HTTPStatusCode').expression = expression;
};

/** OnGlobalError → HTTPStatusCode, its `exit` on to CallBackAPI_HTTPRequest, the other and the request to EndFlow_kid. */
const conditionFirst = (exit: 'true' | 'false') => (f: Json) => {
  link(f, 'GlobalErrorHandling', 'out', 'HTTPStatusCode');
  link(f, 'HTTPStatusCode', exit, 'CallBackAPI_HTTPRequest');
  link(f, 'HTTPStatusCode', exit === 'true' ? 'false' : 'true', 'EndFlow_kid');
  link(f, 'CallBackAPI_HTTPRequest', 'default', 'EndFlow_kid');
};

export const LAB_MISTAKES: Record<string, LabMistake> = {
  // Build step 2: the flow variables
  'getresult never added': { step: 2, kind: 'setting', at: ['getresult variable'], own: 'variable-getresult', says: 'getresult is not declared', edit: (f) => {
    f.variables = (f.variables as Json[]).filter((v) => v.name !== 'getresult');
  } },
  'outdialcbid typed Integer': { step: 2, kind: 'setting', at: ['outdialcbid variable'], own: 'variable-outdialcbid', says: 'type Integer, not String', edit: (f) => {
    Object.assign(variable(f, 'outdialcbid'), { type: 'INTEGER', value: '0' });
  } },
  'customani given a default value': { step: 2, kind: 'setting', at: ['customani variable'], own: 'variable-customani', says: 'it must be empty', edit: (f) => {
    variable(f, 'customani').value = '+14085267209';
  } },
  // The guide of 2025-01-16/17 named it customANI: declared so, the rest typed from today's guide.
  'customANI declared (old guide), customani used': { step: 2, kind: 'setting', at: ['customani spelling', 'customani variable'], own: 'variable-customani', says: 'customANI', edit: (f) => {
    variable(f, 'customani').name = 'customANI';
  } },
  // Build step 3: WantCallback
  'prompt not extended with option 3': { step: 3, kind: 'setting', at: ['WantCallback prompt'], own: 'want-callback-prompt-option3', says: 'does not offer option 3', edit: (f) => {
    const tts = props(f, 'WantCallback').promptsTts[0];
    tts.value = tts.name = 'All agents are busy. Please press 1 if you want to schedule a callback. Press 2 if you want to wait in queue.';
  } },
  // Build step 4: GET_CBID
  'option 3 not connected': { step: 4, kind: 'connection', at: ['WantCallback 3'], own: 'get-cbid-after-option3', says: 'Option 3 of WantCallback is not connected to GET_CBID', edit: (f) => unlink(f, 'WantCallback', '3') },
  'option 3 to NewNumber': { step: 4, kind: 'connection', at: ['WantCallback 3'], own: 'get-cbid-after-option3', says: 'does not lead to GET_CBID', edit: (f) => link(f, 'WantCallback', '3', 'NewNumber') },
  'option 2 to GET_CBID, option 3 to Music (swapped)': { step: 4, kind: 'connection', at: ['WantCallback 3', 'WantCallback 2'], own: 'get-cbid-after-option3', says: 'GET_CBID is connected to option 2 of WantCallback, not to option 3', edit: (f) => {
    link(f, 'WantCallback', '2', 'GET_CBID');
    link(f, 'WantCallback', '3', 'Music');
  } },
  'GET_CBID left authenticated': { step: 4, kind: 'setting', at: ['GET_CBID endpoint'], own: 'get-cbid-unauthenticated', says: 'uses an authenticated endpoint', edit: (f) => {
    Object.assign(props(f, 'GET_CBID'), { authenticated: true, connectorId: '289ac483-1775-44f5-b5a3-fc7503c10043', 'connectorId:name': 'WxCC_API', connectorId_name: 'WxCC_API', httpRequestPath: `${DYNVARS}?dn={{NewPhoneContact.DNIS | slice(2) }}`, httpRequestUrl: null });
  } },
  'GET_CBID method POST': { step: 4, kind: 'setting', at: ['GET_CBID method'], own: 'get-cbid-method', says: 'uses method POST', edit: (f) => setMethod(f, 'GET_CBID', 'POST') },
  'dn without slice(2)': { step: 4, kind: 'setting', at: ['GET_CBID endpoint'], own: 'get-cbid-url', says: 'not "4694096861"', edit: (f) => setUrl(f, `${DYNVARS}?dn={{NewPhoneContact.DNIS}}`) },
  'host without its leading 6 (old copy button)': { step: 4, kind: 'setting', at: ['GET_CBID endpoint'], own: 'get-cbid-url', says: 'host 74481b1b4e2e04abea27c6e.mockapi.io', edit: (f) => setUrl(f, `${DYNVARS.replace('//6', '//')}?dn={{NewPhoneContact.DNIS | slice(2) }}`) },
  '/lowdesigner/ (FinalBoss hint)': { step: 4, kind: 'setting', at: ['GET_CBID endpoint'], own: 'get-cbid-url', says: 'path /lowdesigner/Lab/DynVars', edit: (f) => setUrl(f, `${DYNVARS.replace('/flowdesigner/', '/lowdesigner/')}?dn={{NewPhoneContact.DNIS | slice(2) }}`) },
  'dn=*{DNIS}* (test box copied)': { step: 4, kind: 'setting', at: ['GET_CBID endpoint'], own: 'get-cbid-url', says: '{DNIS}', edit: (f) => setUrl(f, `${DYNVARS}?dn=*{DNIS}*`) },
  'JSONPath without [0]': { step: 4, kind: 'setting', at: ['GET_CBID parsing'], own: 'get-cbid-parse-paths', says: 'the response is an array, add [0]', edit: (f) => {
    props(f, 'GET_CBID').outputVariableArray = [{ outputVariable: 'outdialcbid', jsonPathExp: '$.outboundcallbackep' }, { outputVariable: 'customani', jsonPathExp: '$.tacnumber' }];
  } },
  'parse Content Type left on Select': { step: 4, kind: 'setting', at: ['GET_CBID parsing'], own: 'get-cbid-parse-json', says: 'not chosen ("Select")', edit: (f) => {
    Object.assign(props(f, 'GET_CBID'), { contentType: null, 'contentType:name': null, contentType_name: null });
  } },
  // Build step 5: SetGetResult
  'GET_CBID not connected to SetGetResult': { step: 5, kind: 'connection', at: ['GET_CBID exit'], own: 'set-get-result-after-get-cbid', says: 'GET_CBID', edit: (f) => unlink(f, 'GET_CBID', 'default') },
  'GET_CBID straight to SimulateGlobalError': { step: 5, kind: 'connection', at: ['GET_CBID exit'], own: 'set-get-result-after-get-cbid', says: 'SetGetResult', edit: (f) => link(f, 'GET_CBID', 'default', 'SimulateGlobalError') },
  'getresult set to a literal': { step: 5, kind: 'setting', at: ['SetGetResult value'], own: 'set-get-result-value', says: 'choose Set To Variable', edit: (f) => {
    Object.assign(props(f, 'SetGetResult'), { setTo: 'set-to-literal', expr: 'GET_CBID.httpResponseBody' });
  } },
  // Build step 6: SimulateGlobalError
  'SetGetResult not connected to SimulateGlobalError': { step: 6, kind: 'connection', at: ['SetGetResult exit'], own: 'simulate-error-after-set-get-result', says: 'does not lead to SimulateGlobalError', edit: (f) => unlink(f, 'SetGetResult', 'out') },
  'SetGetResult straight to the Disconnect Contact': { step: 6, kind: 'connection', at: ['SetGetResult exit', 'DisconnectContact_g9e'], own: 'simulate-error-after-set-get-result', says: 'SimulateGlobalError', edit: (f) => link(f, 'SetGetResult', 'out', 'DisconnectContact_g9e') },
  'SimulateGlobalError given a valid value': { step: 6, kind: 'setting', at: ['SimulateGlobalError value'], own: 'simulate-error-value-fails', says: 'evaluates without error', edit: (f) => {
    props(f, 'SimulateGlobalError').expr = '{{ANI}}';
  } },
  'Undefined Error exit of SimulateGlobalError wired': { step: 6, kind: 'connection', at: ['DisconnectContact_g9e'], own: 'simulate-error-exit-unlinked', says: 'is connected to DisconnectContact_g9e, so OnGlobalError never runs', edit: (f) => link(f, 'SimulateGlobalError', 'error', 'DisconnectContact_g9e') },
  'no Disconnect Contact after SimulateGlobalError': { step: 6, kind: 'connection', at: ['DisconnectContact_g9e'], own: 'simulate-error-to-disconnect', says: 'does not lead to a Disconnect Contact', edit: (f) => removeActivity(f, 'DisconnectContact_g9e') },
  // Build step 7
  'OnGlobalError → EndFlow not deleted': { step: 7, kind: 'connection', at: ['OnGlobalError exit'], own: 'global-error-not-to-endflow', says: 'still goes straight to EndFlow_kid', edit: (f) => link(f, 'GlobalErrorHandling', 'out', 'EndFlow_kid') },
  'OnGlobalError → EndFlow deleted, nothing connected': { step: 8, kind: 'connection', at: ['OnGlobalError exit'], own: 'callback-api-after-global-error', says: 'OnGlobalError', edit: (f) => unlink(f, 'GlobalErrorHandling', 'out') },
  // Build step 8: CallBackAPI_HTTPRequest
  'CallBackAPI_HTTPRequest unauthenticated': { step: 8, kind: 'setting', at: ['CallBackAPI endpoint'], own: 'callback-api-authenticated', says: 'does not use an authenticated endpoint', edit: (f) => {
    Object.assign(props(f, 'CallBackAPI_HTTPRequest'), { authenticated: false, connectorId: null, 'connectorId:name': null, connectorId_name: null, httpRequestPath: null, httpRequestUrl: 'https://api.wxcc-us1.cisco.com/v1/tasks' });
  } },
  'CallBackAPI_HTTPRequest method PUT': { step: 8, kind: 'setting', at: ['CallBackAPI method'], own: 'callback-api-method', says: 'uses method PUT', edit: (f) => setMethod(f, 'CallBackAPI_HTTPRequest', 'PUT') },
  'Request Path /v1/task': { step: 8, kind: 'setting', at: ['CallBackAPI endpoint'], own: 'callback-api-path', says: 'Request Path is /v1/task', edit: (f) => {
    props(f, 'CallBackAPI_HTTPRequest').httpRequestPath = '/v1/task';
  } },
  'body without "callback"': { step: 8, kind: 'setting', at: ['CallBackAPI body'], own: 'callback-api-body', says: 'field "callback" is missing', edit: (f) => setBody(f, (b) => JSON.stringify({ ...JSON.parse(b), callback: undefined })) },
  'body entryPointId {{customani}}': { step: 8, kind: 'setting', at: ['CallBackAPI body'], own: 'callback-api-body', says: 'field "entryPointId" is "{{customani}}"', edit: (f) => setBody(f, (b) => b.replace('"{{outdialcbid}}"', '"{{customani}}"')) },
  'body with a comma missing': { step: 8, kind: 'setting', at: ['CallBackAPI body'], own: 'callback-api-body', says: 'not valid JSON', edit: (f) => setBody(f, (b) => b.replace('"telephony",', '"telephony"')) },
  'body destination {{customANI}} (old guide)': { step: 8, kind: 'setting', at: ['CallBackAPI body', 'customani spelling'], own: 'callback-api-body', says: 'customANI', edit: (f) => setBody(f, (b) => b.replace('{{customani}}', '{{customANI}}')) },
  // Build step 9: HTTPStatusCode
  'condition tests 200': { step: 9, kind: 'setting', at: ['HTTPStatusCode expression'], own: 'status-condition-expression', says: 'it tests 200 (OK), but a task created is answered 201 Created', edit: (f) => setCondition(f, '{{CallBackAPI_HTTPRequest.httpStatusCode == 200}}') },
  'condition reads HTTP_PUT (old copy button)': { step: 9, kind: 'setting', at: ['HTTPStatusCode expression'], own: 'status-condition-expression', says: 'it reads HTTP_PUT', edit: (f) => setCondition(f, '{{HTTP_PUT.httpStatusCode == 201}}') },
  'condition reads CallBackAPI_Request (old copy button)': { step: 9, kind: 'setting', at: ['HTTPStatusCode expression', 'CallBackAPI label'], own: 'status-condition-expression', says: 'it reads CallBackAPI_Request', edit: (f) => setCondition(f, '{{CallBackAPI_Request.httpStatusCode == 201}}') },
  'request labelled CallBackAPI_Request (old guide), condition from today\'s': { step: 8, kind: 'setting', at: ['CallBackAPI label'], renames: true, own: 'status-condition-expression', says: 'the HTTP Request is labelled CallBackAPI_Request', edit: (f) => relabel(f, 'CallBackAPI_HTTPRequest', 'CallBackAPI_Request') },
  'CallBackAPI_HTTPRequest not connected to HTTPStatusCode': { step: 9, kind: 'connection', at: ['CallBackAPI exit'], own: 'status-condition-after-callback-api', says: 'HTTPStatusCode', edit: (f) => unlink(f, 'CallBackAPI_HTTPRequest', 'default') },
  'CallBackAPI_HTTPRequest straight to EndFlow': { step: 9, kind: 'connection', at: ['CallBackAPI exit'], own: 'status-condition-after-callback-api', says: 'HTTPStatusCode', edit: (f) => link(f, 'CallBackAPI_HTTPRequest', 'default', 'EndFlow_kid') },
  // HTTPStatusCode put between OnGlobalError and the request (a review of attendee mistakes): it runs before the request has answered.
  'HTTPStatusCode connected before CallBackAPI_HTTPRequest (True on to it)': { step: 9, kind: 'connection', at: ['OnGlobalError exit', 'CallBackAPI exit', 'HTTPStatusCode true'], own: 'status-condition-after-callback-api', says: 'does not lead to HTTPStatusCode', edit: conditionFirst('true') },
  'HTTPStatusCode connected before CallBackAPI_HTTPRequest (False on to it)': { step: 9, kind: 'connection', at: ['OnGlobalError exit', 'CallBackAPI exit', 'HTTPStatusCode false'], own: 'status-condition-after-callback-api', says: 'does not lead to HTTPStatusCode', edit: conditionFirst('false') },
  'only False connected to EndFlow': { step: 9, kind: 'connection', at: ['HTTPStatusCode true'], own: 'status-condition-exits-to-endflow', says: 'the True exit is not connected', edit: (f) => unlink(f, 'HTTPStatusCode', 'true') },
  'only True connected to EndFlow': { step: 9, kind: 'connection', at: ['HTTPStatusCode false'], own: 'status-condition-exits-to-endflow', says: 'the False exit is not connected', edit: (f) => unlink(f, 'HTTPStatusCode', 'false') },
};
