/**
 * Exploratory session d24: flows an attendee of the lab exports — the copy-button traps and typical
 * mistakes of shared/reference/lab-context.md §5 and variations a right solution may have — that no
 * fixture or mutation table held yet. Each row: the change to the solution, and exactly the checks
 * it must fail (none: the flow passes, 110/110).
 */
import { test, expect } from '@playwright/test';
import { activity, addActivity, failing, gradeMutation, link, props, relabel, removeActivity, resultOf, unlink, variable, type Json } from './support.js';

const BODY = (f: Json): Json => props(f, 'CallBackAPI_HTTPRequest');
const setBody = (f: Json, from: string | RegExp, to: string): void => { BODY(f).httpRequestBody = BODY(f).httpRequestBody.replace(from, to); };
const condition = (expression: string) => (f: Json): void => { props(f, 'HTTPStatusCode').expression = expression; };
const tacPath = (path: string) => (f: Json): void => { props(f, 'GET_CBID').outputVariableArray[1].jsonPathExp = path; };
const prompt = (text: string) => (f: Json): void => { props(f, 'WantCallback').promptsTts = [{ type: 'tts', value: text, name: text }]; };
const getCbidUrl = (url: string) => (f: Json): void => { props(f, 'GET_CBID').httpRequestUrl = url; };
const DYNVARS = 'https://674481b1b4e2e04abea27c6e.mockapi.io/flowdesigner/Lab/DynVars';
/** A Play Message `label` put on the `exit` of `from`, in front of what that exit led to. */
const playAfter = (from: string, exit: string, label: string) => (f: Json): void => {
  const g = [f.process, f.eventFlows.eventsMap.GLOBAL_EVENTS.process].find((x) => x.activities[activity(f, from).id]);
  const next = g.links.find((l: Json) => l.sourceActivityId === activity(f, from).id && l.conditionExpr === exit).targetActivityId;
  addActivity(f, from, label, { activityName: 'play-message', activityId: 'play-message', promptsTts: [{ type: 'tts', value: 'One moment.', name: 'One moment.' }] });
  link(f, from, exit, label);
  g.links.push({ id: `test-${label}-default`, sourceActivityId: `test-${label}`, targetActivityId: next, conditionExpr: 'default', properties: { value: 'default' } });
};

/** A Menu `label` (not linked yet) with the option keys `keys`, each described as the key. */
const addMenu = (f: Json, label: string, keys: string[], text: string): void => {
  addActivity(f, 'WantCallback', label, {
    activityName: 'ivr-menu', activityId: '5f1145ceef5cfc454fbbf134', toggle: true, interruptible: true, entryTimeout: 3,
    menuLinks: keys, menuLinks_input: keys, 'menuLinks:input': keys, promptsTts: [{ type: 'tts', value: text, name: text }],
  }, 'enum-gateway');
};

const STATUS_201 = ['status-condition-expression', 'run-status-true-on-201'];
const STATUS_ALL = [...STATUS_201, 'run-status-false-on-400', 'run-status-false-on-500'];
const PATHS = ['get-cbid-parse-paths', 'run-get-cbid-fills-variables'];
const TASK = ['callback-api-body', 'run-task-created'];

/** Options 1 and 2 as the guide's prompt offers them: a prompt's last sentence is the variant. */
const OPTIONS_1_2 = 'All agents are busy. Please press 1 if you want to schedule a callback. Press 2 if you want to wait in queue. ';

const cases: [string, (f: Json) => void, string[]][] = [
  // Copy-button traps of older guide versions (§5.3, §2.6)
  ['condition copied from API Mission 1: HTTP_PUT.httpStatusCode', condition('{{HTTP_PUT.httpStatusCode == 201}}'), STATUS_201],
  ['customANI declared and parsed, customani in the body', (f) => {
    variable(f, 'customani').name = 'customANI';
    props(f, 'GET_CBID').outputVariableArray[1].outputVariable = 'customANI';
  }, ['variable-customani']],
  ['customani declared and parsed, customANI in the body', (f) => setBody(f, '{{customani}}', '{{customANI}}'), TASK],
  ['old guide throughout: customANI and CallBackAPI_Request', (f) => {
    variable(f, 'customani').name = 'customANI';
    props(f, 'GET_CBID').outputVariableArray[1].outputVariable = 'customANI';
    setBody(f, '{{customani}}', '{{customANI}}');
    relabel(f, 'CallBackAPI_HTTPRequest', 'CallBackAPI_Request');
    condition('{{CallBackAPI_Request.httpStatusCode == 201}}')(f);
  }, []],
  // Typical mistakes (§5.4)
  ['Request Path /tasks', (f) => { BODY(f).httpRequestPath = '/tasks'; }, ['callback-api-path', 'run-task-created']],
  ['Request Path as a full URL', (f) => { BODY(f).httpRequestPath = 'https://api.wxcc-us1.cisco.com/v1/tasks'; }, ['callback-api-path', 'run-task-created']],
  ['a trailing comma in the body', (f) => setBody(f, '"immediate"', '"immediate",'), TASK],
  ['GET_CBID authenticated through WxCC_API with the DynVars path', (f) => Object.assign(props(f, 'GET_CBID'), {
    authenticated: true, connectorId: BODY(f).connectorId, 'connectorId:name': 'WxCC_API', connectorId_name: 'WxCC_API',
    httpRequestUrl: null, httpRequestPath: '/flowdesigner/Lab/DynVars?dn={{NewPhoneContact.DNIS | slice(2) }}',
  }), ['get-cbid-unauthenticated', 'get-cbid-url', 'run-get-cbid-fills-variables']],
  // The request reads what SetGetResult wrote: not judged after it (spared-stages.test.ts), not failed on a right Request Body.
  ['SetGetResult sets customani', (f) => { props(f, 'SetGetResult').srcVariable = 'customani'; }, ['set-get-result-value', 'run-getresult-holds-body']],
  ['SimulateGlobalError sets getresult', (f) => { props(f, 'SimulateGlobalError').srcVariable = 'getresult'; }, ['simulate-error-value-fails']],
  ['SimulateGlobalError to an EndFlow, not a Disconnect Contact', (f) => link(f, 'SimulateGlobalError', 'out', 'EndFlow_vb9'), ['simulate-error-to-disconnect']],
  ['option 3 straight to SimulateGlobalError', (f) => link(f, 'WantCallback', '3', 'SimulateGlobalError'), ['get-cbid-after-option3', 'run-option3-reaches-get-cbid']],
  ['only the False exit of HTTPStatusCode connected', (f) => unlink(f, 'HTTPStatusCode', 'true'), ['status-condition-exits-to-endflow']],
  ['both exits of HTTPStatusCode to a Disconnect Contact', (f) => {
    addActivity(f, 'HTTPStatusCode', 'DisconnectContact_e1', { activityName: 'disconnect-contact', activityId: 'disconnect-contact' }, 'terminating-action');
    link(f, 'HTTPStatusCode', 'true', 'DisconnectContact_e1');
    link(f, 'HTTPStatusCode', 'false', 'DisconnectContact_e1');
  }, ['status-condition-exits-to-endflow']],
  ['GET_CBID relabelled Get_CBID, SetGetResult still reading GET_CBID', (f) => relabel(f, 'GET_CBID', 'Get_CBID'), ['get-cbid-label', 'set-get-result-value', 'run-getresult-holds-body']],
  // Conditions
  ['condition with a single =', condition('{{CallBackAPI_HTTPRequest.httpStatusCode = 201}}'), STATUS_ALL],
  ['condition without {{ }}', condition('CallBackAPI_HTTPRequest.httpStatusCode == 201'), STATUS_201],
  ['condition != 201', condition('{{ CallBackAPI_HTTPRequest.httpStatusCode != 201 }}'), STATUS_ALL],
  ['condition true', condition('true'), ['status-condition-expression', 'run-status-false-on-400', 'run-status-false-on-500']],
  ['condition on any 2xx (true on 200 too)', condition('{{ CallBackAPI_HTTPRequest.httpStatusCode >= 200 and CallBackAPI_HTTPRequest.httpStatusCode < 300 }}'), ['status-condition-expression']],
  // Only the status code tells that the task was created: a 400's description may hold what a 201's body does.
  ['condition on the response body (contains "id")', condition('{{ CallBackAPI_HTTPRequest.httpResponseBody contains "id" }}'), ['status-condition-expression']],
  ['condition on 201 and the response body', condition('{{ CallBackAPI_HTTPRequest.httpStatusCode == 201 and CallBackAPI_HTTPRequest.httpResponseBody contains "id" }}'), []],
  ['condition with the equals operator', condition('{{CallBackAPI_HTTPRequest.httpStatusCode equals 201}}'), []],
  ['condition as a ternary', condition('{{ CallBackAPI_HTTPRequest.httpStatusCode == 201 ? true : false }}'), []],
  ['condition reversed, no spaces', condition('{{201==CallBackAPI_HTTPRequest.httpStatusCode}}'), []],
  // Parsing Settings paths (Jayway)
  ['deep scan $..tacnumber (a list)', tacPath('$..tacnumber'), PATHS],
  ['deep scan $[0]..tacnumber (a list)', tacPath('$[0]..tacnumber'), PATHS],
  ['wildcard $[*].tacnumber (a list)', tacPath('$[*].tacnumber'), PATHS],
  ['slice $[0:1].tacnumber (a list)', tacPath('$[0:1].tacnumber'), PATHS],
  ['filter $[?(@.dn==...)].tacnumber (a list)', tacPath("$[?(@.dn=='4694096861')].tacnumber"), PATHS],
  ['field in another case $[0].tacNumber', tacPath('$[0].tacNumber'), PATHS],
  ['$.0.tacnumber', tacPath('$.0.tacnumber'), PATHS],
  ['an empty path', tacPath(''), PATHS],
  ['one output row only', (f) => { props(f, 'GET_CBID').outputVariableArray.pop(); }, PATHS],
  ['a path without $: [0].tacnumber (Jayway prefixes $.)', tacPath('[0].tacnumber'), []],
  ['a path rooted at @: @[0].tacnumber (Jayway\'s current node, the body at the top)', tacPath('@[0].tacnumber'), []],
  // Jayway counts a negative index from the end: MockAPI answers one record, so [-1] is [0].
  ['negative index $[-1] in both rows (the last of the one record MockAPI answers)', (f) => {
    for (const row of props(f, 'GET_CBID').outputVariableArray) row.jsonPathExp = row.jsonPathExp.replace('[0]', '[-1]');
  }, []],
  ['negative index $[-2].tacnumber (before the first of one record: nothing)', tacPath('$[-2].tacnumber'), PATHS],
  ['the output rows in the other order', (f) => { props(f, 'GET_CBID').outputVariableArray.reverse(); }, []],
  ['a third output row', (f) => { props(f, 'GET_CBID').outputVariableArray.push({ outputVariable: 'getresult', jsonPathExp: '$[0].dn' }); }, []],
  // Request URL
  ['URL filter without spaces', getCbidUrl(`${DYNVARS}?dn={{NewPhoneContact.DNIS|slice(2)}}`), []],
  ['URL with slice(2,12)', getCbidUrl(`${DYNVARS}?dn={{ NewPhoneContact.DNIS | slice(2,12) }}`), []],
  // The contact's fields are read ignoring case (engine/contact-fields.ts); a flow variable's name is not.
  ['URL with NewPhoneContact.dnis in lower case', getCbidUrl(`${DYNVARS}?dn={{NewPhoneContact.dnis | slice(2) }}`), []],
  ['body with customANI for customani', (f) => setBody(f, '{{customani}}', '{{CUSTOMANI}}'), TASK],
  ['URL host in mixed case', getCbidUrl(`${DYNVARS.replace('mockapi.io', 'MockAPI.io')}?dn={{NewPhoneContact.DNIS | slice(2) }}`), []],
  ['URL with a trailing space', getCbidUrl(`${DYNVARS}?dn={{NewPhoneContact.DNIS | slice(2) }} `), []],
  ['URL with dn={DNIS} from the test box', getCbidUrl(`${DYNVARS}?dn={DNIS}`), ['get-cbid-url', 'run-get-cbid-fills-variables']],
  // Bodies a right solution may have
  ['body on one line', (f) => { BODY(f).httpRequestBody = BODY(f).httpRequestBody.replace(/\s*\n\s*/g, ''); }, []],
  ['body with CRLF line ends and tabs', (f) => { BODY(f).httpRequestBody = BODY(f).httpRequestBody.replace(/\n/g, '\r\n').replace(/ {4}/g, '\t'); }, []],
  ['body with spaces inside {{ }}', (f) => setBody(f, '{{customani}}', '{{ customani }}'), []],
  // Set Variables
  ['SimulateGlobalError without spaces: {{ANI|123}}', (f) => { props(f, 'SimulateGlobalError').expr = '{{ANI|123}}'; }, []],
  ['SimulateGlobalError as set-to-variable', (f) => { props(f, 'SimulateGlobalError').setTo = 'set-to-variable'; }, []],
  ['SetGetResult as a literal {{GET_CBID.httpResponseBody}}', (f) => Object.assign(props(f, 'SetGetResult'), { setTo: 'set-to-literal' }), []],
  ['SetGetResult as the variable name without braces', (f) => { props(f, 'SetGetResult').expr = 'GET_CBID.httpResponseBody'; }, []],
  // Set To Variable picked from the wrong entry of the list
  ['SetGetResult set to GET_CBID.httpStatusCode', (f) => { props(f, 'SetGetResult').expr = '{{GET_CBID.httpStatusCode}}'; }, ['set-get-result-value', 'run-getresult-holds-body']],
  ['SetGetResult set to NewPhoneContact.ANI', (f) => { props(f, 'SetGetResult').expr = '{{NewPhoneContact.ANI}}'; }, ['set-get-result-value', 'run-getresult-holds-body']],
  ['SetGetResult set to customani', (f) => { props(f, 'SetGetResult').expr = '{{customani}}'; }, ['set-get-result-value', 'run-getresult-holds-body']],
  ['SetGetResult set to GET_CBID.httpresponsebody', (f) => { props(f, 'SetGetResult').expr = '{{GET_CBID.httpresponsebody}}'; }, ['set-get-result-value', 'run-getresult-holds-body']],
  // Prompts
  ['prompt with a no-break space in "Press 3"', prompt('All agents are busy. Please press 1 if you want to schedule a callback. Press 2 if you want to wait in queue. Press\u00a03 to simulate global error.'), []],
  ['prompt "to simulate a global error press 3"', prompt('All agents are busy. For a callback press 1, to wait press 2, to simulate a global error press 3.'), []],
  ['prompt in capitals', prompt('ALL AGENTS ARE BUSY. PRESS 1 FOR CALLBACK. PRESS 2 TO WAIT. PRESS 3 TO SIMULATE GLOBAL ERROR.'), []],
  ['prompt "Press 1, 2 or 3."', prompt('All agents are busy. Press 1, 2 or 3.'), []],
  ['prompt "press one, two, or three"', prompt('All agents are busy. To be called back, to wait, or to simulate an error, press one, two, or three.'), []],
  ['prompt "Press the 3 key to …"', prompt(OPTIONS_1_2 + 'Press the 3 key to simulate global error.'), []],
  ['prompt "Press the 3 button to …"', prompt(OPTIONS_1_2 + 'Press the 3 button to simulate an error.'), []],
  ['prompt "To simulate a global error, press the 3 key"', prompt(OPTIONS_1_2 + 'To simulate a global error, press the 3 key.'), []],
  ['prompt "Tap 3 …"', prompt(OPTIONS_1_2 + 'Tap 3 to simulate a global error.'), []],
  ['prompt "Pick 3 …"', prompt(OPTIONS_1_2 + 'Pick 3 to simulate a global error.'), []],
  ['prompt "Type 3 …"', prompt(OPTIONS_1_2 + 'Type 3 to simulate a global error.'), []],
  ['prompt "Key in 3 …"', prompt(OPTIONS_1_2 + 'Key in 3 to simulate a global error.'), []],
  ['prompt "Dial the 3 …"', prompt(OPTIONS_1_2 + 'Dial the 3 to simulate a global error.'), []],
  ['prompt "(3) Simulate global error"', prompt(OPTIONS_1_2 + '(3) Simulate global error.'), []],
  ['prompt "… simulate a global error, then 3"', prompt(OPTIONS_1_2 + 'If you want to simulate a global error, then 3.'), []],
  ['prompt as a numbered list "1. … 2. … 3. …"', prompt('All agents are busy. 1. Schedule a callback. 2. Wait in queue. 3. Simulate a global error.'), []],
  ['prompt "Press 3 to take the erroneous path"', prompt(OPTIONS_1_2 + 'Press 3 to take the erroneous path.'), []],
  ['prompt "Press 3 to abort the call"', prompt(OPTIONS_1_2 + 'Press 3 to abort the call.'), []],
  ['prompt "Press 3 to terminate the call unexpectedly"', prompt(OPTIONS_1_2 + 'Press 3 to terminate the call unexpectedly.'), []],
  // Option 3 offered as options 1 and 2 are, in another language or other words (the same word before or after the key).
  ['prompt in Spanish', prompt('Todos los agentes están ocupados. Pulse 1 para una devolución de llamada. Pulse 2 para esperar en la cola. Pulse 3 para simular un error global.'), []],
  ['prompt in Spanish, one sentence', prompt('Todos los agentes están ocupados. Pulse 1 para una devolución de llamada, 2 para esperar o 3 para simular un error.'), []],
  ['prompt in French', prompt('Tous nos agents sont occupés. Appuyez sur 1 pour être rappelé, sur 2 pour patienter, sur 3 pour simuler une erreur.'), []],
  ['prompt in German', prompt('Alle Mitarbeiter sind beschäftigt. Drücken Sie 1 für einen Rückruf, 2 um zu warten, 3 um einen Fehler zu simulieren.'), []],
  ['prompt in Portuguese', prompt('Todos os agentes estão ocupados. Pressione 1 para retorno, 2 para aguardar ou 3 para simular um erro.'), []],
  ['prompt in Italian', prompt('Tutti gli operatori sono occupati. Premi 1 per essere richiamato, premi 2 per attendere, premi 3 per simulare un errore.'), []],
  ['prompt "number one …, number two …, number three …"', prompt('All agents are busy. Press number one for a callback, number two to wait, number three to simulate global error.'), []],
  ['prompt "… use 3."', prompt(OPTIONS_1_2 + 'If you want to simulate a global error, use 3.'), []],
  ['prompt "3 simulates a global error."', prompt(OPTIONS_1_2 + '3 simulates a global error.'), []],
  ['prompt "Press3 …" (no space)', prompt(OPTIONS_1_2 + 'Press3 to simulate global error.'), []],
  ['prompt in Spanish whose only 3 is an hour (no option 3)', prompt('Todos los agentes están ocupados. Pulse 1 para una devolución de llamada, pulse 2 para esperar. Abrimos a las 3.'), ['want-callback-prompt-option3']],
  ['prompt in French offering 3 for sales (3 for something else)', prompt('Tous nos agents sont occupés. Appuyez sur 1 pour être rappelé, sur 2 pour patienter, sur 3 pour le service commercial.'), ['want-callback-prompt-option3']],
  ['prompt "3 agents will call you back." opening a sentence (no option 3)', prompt(OPTIONS_1_2 + '3 agents will call you back.'), ['want-callback-prompt-option3']],
  ['prompt "Press 3 for errands" (not an error)', prompt(OPTIONS_1_2 + 'Press 3 for errands.'), ['want-callback-prompt-option3']],
  ['prompt "3 of our agents reported a system error today." (a count opening a sentence of an error)', prompt(OPTIONS_1_2 + '3 of our agents reported a system error today.'), ['want-callback-prompt-option3']],
  ['prompt "We use 3 backup systems in case of a failure." (use, not as an offer)', prompt(OPTIONS_1_2 + 'We use 3 backup systems in case of a failure.'), ['want-callback-prompt-option3']],
  ['prompt "about 2 minutes, or 3 minutes if a system error occurs" (a unit, not a key\'s place)', prompt(OPTIONS_1_2 + 'The wait is about 2 minutes, or 3 minutes if a system error occurs.'), ['want-callback-prompt-option3']],
  ['prompt "3 simultaneous calls are waiting." (simultaneous is no simulation)', prompt(OPTIONS_1_2 + '3 simultaneous calls are waiting.'), ['want-callback-prompt-option3']],
  ['prompt "Press 3 for simultaneous interpretation." (3 for something else)', prompt(OPTIONS_1_2 + 'Press 3 for simultaneous interpretation.'), ['want-callback-prompt-option3']],
  ['prompt whose only 3 is an opening hour "at 3." (no option 3)', prompt(OPTIONS_1_2 + 'Our office opens at 3.'), ['want-callback-prompt-option3']],
  ['prompt "3 agents are busy" (a count, no option 3)', prompt('All 3 agents are busy. Please press 1 if you want to schedule a callback. Press 2 if you want to wait in queue.'), ['want-callback-prompt-option3']],
  ['prompt "dial in 3 minutes" beside a dropped call (no option 3)', prompt(OPTIONS_1_2 + 'If your call drops, we will dial in 3 minutes.'), ['want-callback-prompt-option3']],
  ['prompt "get in touch in 3 days" beside a problem (no option 3)', prompt(OPTIONS_1_2 + 'If there is a problem, an agent will get in touch in 3 days.'), ['want-callback-prompt-option3']],
  ['prompt "choose a 3-hour slot" to test (no option 3)', prompt(OPTIONS_1_2 + 'To test our system, choose a 3-hour slot online.'), ['want-callback-prompt-option3']],
  ['prompt "three key offices" (no option 3)', prompt(OPTIONS_1_2 + 'Our global team has three key offices.'), ['want-callback-prompt-option3']],
  ['prompt "Technical problems: 3 to 5 business days" (no option 3)', prompt(OPTIONS_1_2 + 'Technical problems: 3 to 5 business days.'), ['want-callback-prompt-option3']],
  ['prompt "Error rate: 3.5 percent" (no option 3)', prompt(OPTIONS_1_2 + 'Error rate: 3.5 percent.'), ['want-callback-prompt-option3']],
  ['prompt "Queue position: 3." (no option 3)', prompt(OPTIONS_1_2 + 'Queue position: 3.'), ['want-callback-prompt-option3']],
  ['prompt "Press 3 for sales, sorry for the unexpected wait" (3 for something else)', prompt(OPTIONS_1_2 + 'Press 3 for sales, sorry for the unexpected wait.'), ['want-callback-prompt-option3']],
  ['prompt "open between 9 and 3" (no option 3)', prompt('All agents are busy. Press 1 for a callback, press 2 to wait. We are open between 9 and 3.'), ['want-callback-prompt-option3']],
  // What option 3 is for: the simulated error (Testing step 3), or nothing said; never something else.
  ['prompt "Press 3 for sales"', prompt('All agents are busy. Please press 1 if you want to schedule a callback. Press 2 if you want to wait in queue. Press 3 for sales.'), ['want-callback-prompt-option3']],
  ['prompt offering 3 for a callback (option 1 sentence copied)', prompt('All agents are busy. Please press 1 if you want to schedule a callback. Press 2 if you want to wait in queue. Press 3 if you want to schedule a callback.'), ['want-callback-prompt-option3']],
  ['prompt "for billing, press 3"', prompt('All agents are busy. For a callback press 1, to wait press 2, for billing press 3.'), ['want-callback-prompt-option3']],
  ['prompt "3 to simulate" after a list', prompt('All agents are busy. Press 1 to schedule a callback, 2 to wait in queue, 3 to simulate a global error.'), []],
  ['prompt "press 3 within 5 seconds to simulate an error"', prompt('All agents are busy. Press 1 for a callback. Press 2 to wait. Press 3 within 5 seconds to simulate an error.'), []],
  ['prompt "press 3 to change your number" (hang, not at a word\'s start)', prompt('All agents are busy. Press 1 for a callback. Press 2 to wait. Press 3 to change your number.'), ['want-callback-prompt-option3']],
  ['prompt "press 3 to end the call"', prompt('All agents are busy. Press 1 for a callback. Press 2 to wait. Press 3 to end the call.'), []],
  ['prompt "press 3 for endorsements" (end, not a word of its own)', prompt('All agents are busy. Press 1 for a callback. Press 2 to wait. Press 3 for endorsements.'), ['want-callback-prompt-option3']],
  ['prompt "press three for sales" (the word three is the key)', prompt('All agents are busy. Press one for a callback, press two to wait, press three for sales.'), ['want-callback-prompt-option3']],
  ['prompt "Press 3 for sales" with no full stop at its end', prompt('All agents are busy. Please press 1 if you want to schedule a callback. Press 2 if you want to wait in queue. Press 3 for sales'), ['want-callback-prompt-option3']],
  // The words with a 3 run from the key or sentence before it to the key or sentence after it: not
  // those of option 1 or 2 in the same sentence, which may tell of a dropped call.
  ['prompt "if your call dropped, press 1 …, press 3 for sales"', prompt('All agents are busy. If your call dropped, press 1 for a callback, press 2 to wait, press 3 for sales.'), ['want-callback-prompt-option3']],
  ['prompt "press 3 for sales, 1 …, 2 to report an error"', prompt('All agents are busy. Press 3 for sales, press 1 for a callback, press 2 to report an error.'), ['want-callback-prompt-option3']],
  ['prompt "press 2 to wait if our line drops; press 3 for sales" (a ; ends the words)', prompt('All agents are busy. Press 1 for a callback, or 2 to wait if our line drops; press 3 for sales.'), ['want-callback-prompt-option3']],
  ['prompt "press 3 after the tone to simulate an error" (one in tone is no key)', prompt('All agents are busy. Press 1 for a callback. Press 2 to wait. Press 3 after the tone to simulate an error.'), []],
  // One 3 for the error is enough: another 3 for something else does not fail the prompt.
  ['prompt offering 3 for the error and again "to hear this again"', prompt('All agents are busy. Please press 1 if you want to schedule a callback. Press 2 if you want to wait in queue. Press 3 to simulate global error. To hear this again, press 3.'), []],
  ['prompt whose only 3 is in a phone number', prompt('All agents are busy. Please press 1 if you want to schedule a callback. Press 2 if you want to wait in queue. Call 555-1234 for help.'), ['want-callback-prompt-option3']],
  // Fields Flow Designer hides but keeps from an earlier setting
  ['CallBackAPI_HTTPRequest authenticated with a stale Request URL', (f) => { BODY(f).httpRequestUrl = 'https://webhook.site/abc'; }, []],
  ['GET_CBID unauthenticated with a stale Request Path and connector', (f) => Object.assign(props(f, 'GET_CBID'), {
    httpRequestPath: '/v1/tasks', connectorId: BODY(f).connectorId, connectorId_name: 'WxCC_API', 'connectorId:name': 'WxCC_API',
  }), []],
  ['CallBackAPI_HTTPRequest with a stale GraphQL body', (f) => { BODY(f).httpRequestBodyGQL = { query: 'query{x}', variables: '{}' }; }, []],
  // Export generations
  ['an older export: no settings, comment null, version 0, no colon-named or _renderRequestTimestamp properties', (f) => {
    delete f.settings;
    Object.assign(f, { comment: null, version: 0 });
    for (const g of [f.process, f.eventFlows.eventsMap.GLOBAL_EVENTS.process]) {
      for (const a of Object.values(g.activities) as Json[]) for (const key of Object.keys(a.properties)) if (key.includes(':') || key === '_renderRequestTimestamp') delete a.properties[key];
    }
  }, []],
  // Canvas variations
  ['a Play Message between SetGetResult and SimulateGlobalError', playAfter('SetGetResult', 'out', 'PlayMessage_t1'), []],
  ['a Play Message between GET_CBID and SetGetResult', playAfter('GET_CBID', 'default', 'PlayMessage_t2'), []],
  ['a Play Message between SimulateGlobalError and its Disconnect', playAfter('SimulateGlobalError', 'out', 'PlayMessage_t3'), []],
  ['the Disconnect Contact relabelled', (f) => relabel(f, 'DisconnectContact_g9e', 'HangUp'), []],
  ['WantCallback with an option 4', (f) => {
    const w = props(f, 'WantCallback');
    for (const key of ['menuLinks:input', 'menuLinks_input']) w[key].push('Other');
    w.menuLinks.push('4');
  }, []],
  ['WantCallback options listed 3, 1, 2', (f) => {
    const w = props(f, 'WantCallback');
    w.menuLinks = ['3', '1', '2'];
    for (const key of ['menuLinks:input', 'menuLinks_input']) w[key] = ['Simulate an error', 'Callback', 'Stay in queue'];
  }, []],
  // Menus and Collect Digits of other missions on the caller's way: the simulated caller presses what leads on
  ['a language Menu before the Queue, looping on timeout and invalid', (f) => {
    addMenu(f, 'LanguageMenu', ['1', '2'], 'For English press 1. Para español oprima 2.');
    link(f, 'WelcomePrompt', 'default', 'LanguageMenu');
    for (const exit of ['1', '2']) link(f, 'LanguageMenu', exit, 'Queue');
    for (const exit of ['timeout', 'invalid']) link(f, 'LanguageMenu', exit, 'LanguageMenu');
  }, []],
  ['a Menu before the Queue whose option 1 only comes back to it', (f) => {
    addMenu(f, 'MainMenu', ['1', '2'], 'Press 1 to hear this again. Press 2 for an agent.');
    link(f, 'WelcomePrompt', 'default', 'MainMenu');
    addActivity(f, 'MainMenu', 'PlayMessage_again', { activityName: 'play-message', activityId: 'play-message', promptsTts: [{ type: 'tts', value: 'Again.', name: 'Again.' }] });
    link(f, 'MainMenu', '1', 'PlayMessage_again');
    link(f, 'PlayMessage_again', 'default', 'MainMenu');
    link(f, 'MainMenu', '2', 'Queue');
    for (const exit of ['timeout', 'invalid']) link(f, 'MainMenu', exit, 'MainMenu');
  }, []],
  ['a confirmation Menu between option 3 and GET_CBID', (f) => {
    addMenu(f, 'ConfirmError', ['1', '2'], 'Press 1 to confirm, 2 to go back.');
    link(f, 'WantCallback', '3', 'ConfirmError');
    link(f, 'ConfirmError', '1', 'GET_CBID');
    link(f, 'ConfirmError', '2', 'WantCallback');
    for (const exit of ['timeout', 'invalid']) link(f, 'ConfirmError', exit, 'ConfirmError');
  }, []],
  ['a Collect Digits (4 digits at least) before the Queue', (f) => {
    addActivity(f, 'WelcomePrompt', 'AccountNumber', { ...props(f, 'NewNumber'), name: 'AccountNumber', minDigits: 4, maxDigits: 8 });
    link(f, 'WelcomePrompt', 'default', 'AccountNumber');
    link(f, 'AccountNumber', 'default', 'Queue');
    for (const exit of ['timeout', 'invalid']) link(f, 'AccountNumber', exit, 'AccountNumber');
  }, []],
  ['a Menu before the Queue none of whose options leads to it', (f) => {
    addMenu(f, 'ClosedMenu', ['1'], 'Press 1 to leave a message.');
    link(f, 'WelcomePrompt', 'default', 'ClosedMenu');
    link(f, 'ClosedMenu', '1', 'DisconnectContact_3zq');
    for (const exit of ['timeout', 'invalid']) link(f, 'ClosedMenu', exit, 'ClosedMenu');
  }, ['run-option3-reaches-get-cbid']],
  ['variable types in lower case', (f) => { for (const v of f.variables) v.type = v.type.toLowerCase(); }, []],
  ['no canvas (diagram) at all', (f) => { delete f.diagram; delete f.eventFlows.eventsMap.GLOBAL_EVENTS.diagram; }, []],
];

for (const [name, mutation, fails] of cases) {
  test(`${name}: ${fails.length ? `fails ${fails.join(', ')}` : 'passes'}`, async () => {
    const report = await gradeMutation(mutation);
    expect(failing(report).sort()).toEqual([...fails].sort());
    expect(report.verdict).toBe(fails.length ? 'failed' : 'passed');
  });
}

// Build step 2 done, GET_CBID's rows and the Create Task body not filled in yet: neither names a
// spelling, so variable-customani judges the guide's customani, which is declared, not a leftover customANI.
test('customani declared beside a leftover customANI of another type, neither yet in GET_CBID\'s rows nor the Create Task body: variable-customani judges customani, and passes', async () => {
  const report = await gradeMutation((f) => {
    f.variables.push({ ...variable(f, 'customani'), name: 'customANI', type: 'INTEGER' });
    props(f, 'GET_CBID').outputVariableArray = [];
    BODY(f).httpRequestBody = '';
  });
  expect(resultOf(report, 'variable-customani')).toMatchObject({ status: 'passed', message: 'Flow variable customani is a String with an empty default' });
});

/** A Set Variable's properties made to set getresult (Build step 5) and simulatederror (Build step 6), in two rows. */
function setsBoth(setVariable: Json): void {
  for (const key of ['srcVariable', 'srcVariableType', 'setTo', 'expr']) delete setVariable[key];
  setVariable.setVariablesArray = [
    { srcVariable: 'getresult', srcVariableType: 'STRING', setTo: 'set-to-variable', expr: '{{GET_CBID.httpResponseBody}}' },
    { srcVariable: 'simulatederror', srcVariableType: 'STRING', setTo: 'set-to-literal', expr: '{{ ANI | 123}}', literal: '{{ ANI | 123}}' },
  ];
}

// Build steps 5 and 6 in one Set Variable (two rows): it is the activity its label names, and the other is missing.
for (const [kept, other] of [['SetGetResult', 'SimulateGlobalError'], ['SimulateGlobalError', 'SetGetResult']] as const) {
  test(`getresult and simulatederror set by one Set Variable labelled ${kept}: ${other} is reported missing, not ${kept} leading to itself`, async () => {
    const report = await gradeMutation((f) => {
      setsBoth(props(f, 'SetGetResult'));
      link(f, 'SetGetResult', 'out', 'DisconnectContact_g9e');
      removeActivity(f, 'SimulateGlobalError');
      relabel(f, 'SetGetResult', kept);
    });
    const missing = `The Set Variable activity ${other} was not found in the main flow`;
    const reportedHere = kept === 'SetGetResult' ? 'simulate-error-after-set-get-result' : 'set-get-result-after-get-cbid';
    expect(resultOf(report, reportedHere)).toMatchObject({ status: 'failed', message: missing });
    expect(report.checks.map((c) => c.message).join('\n')).not.toContain(`${kept} does not lead to ${kept}`);
  });
}

test('unlabelled, the Set Variable setting getresult alone is SetGetResult, and the one setting both SimulateGlobalError, whatever the order of the export\'s activities', async () => {
  // Before: the first writer of getresult in the export was SetGetResult: the same flow passed or FAILED by its key order.
  const results = [];
  for (const first of ['SetGetResult', 'SimulateGlobalError']) {
    const report = await gradeMutation((f) => {
      setsBoth(props(f, 'SimulateGlobalError'));
      const ids = [activity(f, first).id];
      f.process.activities = Object.fromEntries(Object.entries(f.process.activities as Record<string, Json>).sort(([a], [b]) => Number(!ids.includes(a)) - Number(!ids.includes(b))));
      relabel(f, 'SetGetResult', 'SetVariable_a1');
      relabel(f, 'SimulateGlobalError', 'SetVariable_b2');
    });
    results.push([report.verdict, failing(report)]);
  }
  expect(results[0]).toEqual(['passed', ['set-get-result-label', 'simulate-error-label']]);
  expect(results[1]).toEqual(results[0]);
});

test('OnGlobalError linked to EndFlow besides the request, on its one exit (a hand-edited export): ungradable whichever link comes first, not graded by the first', async () => {
  for (const at of ['first', 'last'] as const) {
    const report = await gradeMutation((f) => {
      const g = f.eventFlows.eventsMap.GLOBAL_EVENTS.process;
      const extra = { id: 'test-extra', sourceActivityId: activity(f, 'GlobalErrorHandling').id, targetActivityId: activity(f, 'EndFlow_kid').id, conditionExpr: 'out', properties: { value: 'out' } };
      if (at === 'first') g.links.unshift(extra);
      else g.links.push(extra);
    });
    expect([report.verdict, report.error?.code], at).toEqual(['ungradable', 'invalid-flow']);
    expect(report.error?.message, at).toMatch(/^not a valid flow export: \/eventFlows\/eventsMap\/GLOBAL_EVENTS\/process\/links\/\d+ is a second link on the out exit of GlobalErrorHandling \(the first leads to (EndFlow_kid|CallBackAPI_HTTPRequest), this one to (CallBackAPI_HTTPRequest|EndFlow_kid)\), which Flow Designer never saves/);
  }
});
