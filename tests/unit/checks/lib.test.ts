/** The helpers behind the tolerances: JSONPath spellings, URLs with templates, JSON bodies, defaults. */
import { test, expect } from '@playwright/test';
import { compareBody, guideBody, parseBody, wrongFields } from '../../../checks/callback-on-global-error/lib/body.js';
import { canonicalPath, samePath } from '../../../checks/callback-on-global-error/lib/jsonpath.js';
import { flowScope, sameTemplate } from '../../../checks/callback-on-global-error/lib/templates.js';
import { failed } from '../../../checks/callback-on-global-error/lib/outcome.js';
import { requireActivity } from '../../../checks/callback-on-global-error/lib/require.js';
import { splitUrl } from '../../../checks/callback-on-global-error/lib/url.js';
import { declaredSpelling, isEmptyDefault, nameWritten } from '../../../checks/callback-on-global-error/lib/variables.js';
import { isAuthenticated, parseContentTypeOf, parseRowsOf, queryParametersOf, requestHeaderOf, requestUrlOf, sameContentType } from '../../../checks/callback-on-global-error/lib/http.js';
import { canvasExitName, leadingTo } from '../../../checks/callback-on-global-error/lib/graph.js';
import { callsTasksApi, missionNodes } from '../../../checks/callback-on-global-error/lib/find.js';
import { loadFlow } from '../../../engine/loader.js';
import { addActivity, link, mutated, props, relabel, variable, type Mutation } from './support.js';
import { assignments } from '../../../checks/callback-on-global-error/lib/set-variable.js';
import type { Activity, FlowModel } from '../../../engine/model.js';
import { ssmlWords } from '../../../checks/callback-on-global-error/lib/ssml.js';
import { HINTS, joinHints } from '../../../checks/callback-on-global-error/lib/hints.js';
import { gotForcedAnswer, seenRequestOf } from '../../../checks/callback-on-global-error/lib/mock-record.js';
import type { ScenarioRun } from '../../../engine/check.js';
import type { HttpExchange, TraceEntry } from '../../../engine/trace.js';
import type { SeenRequest } from '../../../mocks/index.js';

test('JSONPath: equivalent spellings of a simple path are the same; others are not', () => {
  for (const path of ['$[0].tacnumber', "$[0]['tacnumber']", '$[0]["tacnumber"]', ' $[ 0 ][ "tacnumber" ] ', '[0].tacnumber', '$.[0].tacnumber', "$.[0].['tacnumber']", '$[0]tacnumber', '[0]tacnumber']) {
    expect(canonicalPath(path), path).toBe('$[0].tacnumber');
  }
  // A name straight after `]` only (Jayway: not after `$` or after a name), and never in quotes after a dot (part of the key then).
  expect(canonicalPath("$[0]['record']tacnumber")).toBe('$[0].record.tacnumber');
  for (const path of ['$tacnumber', "$[0].'tacnumber'", '$[0].tacnumber\'', '$[0]."tacnumber"']) expect(samePath(path, '$[0].tacnumber'), path).toBe(false);
  // Spaces outside brackets do not parse in Flow Designer's JsonPath (Jayway) nor in the simulator.
  for (const path of ['$ [0].tacnumber', '$[0]. tacnumber', '$[0] .tacnumber', '$[0].tac number', '$ [ 0 ] . tacnumber']) {
    expect(canonicalPath(path), path).toBeUndefined();
    expect(samePath(path, '$[0].tacnumber'), path).toBe(false);
  }
  expect(canonicalPath('$.tacnumber')).toBe('$.tacnumber');
  expect(canonicalPath('tacnumber')).toBe('$.tacnumber');
  expect(canonicalPath('$..tacnumber')).toBeUndefined();
  expect(canonicalPath('$[*].tacnumber')).toBeUndefined();
  expect(samePath('$[1].tacnumber', '$[0].tacnumber')).toBe(false);
  expect(samePath('$[0].tacNumber', '$[0].tacnumber')).toBe(false);
  expect(samePath('$..tacnumber', '$[0].tacnumber')).toBe(false);
});

test('URL: split without touching the templates in the query', () => {
  expect(splitUrl('https://674481b1b4e2e04abea27c6e.MockAPI.io/flowdesigner/Lab/DynVars?dn={{NewPhoneContact.DNIS | slice(2) }}&x=1')).toEqual({
    scheme: 'https',
    host: '674481b1b4e2e04abea27c6e.mockapi.io',
    path: '/flowdesigner/Lab/DynVars',
    query: [
      ['dn', '{{NewPhoneContact.DNIS | slice(2) }}'],
      ['x', '1'],
    ],
  });
  expect(splitUrl('674481b1b4e2e04abea27c6e.mockapi.io/flowdesigner')).toBeUndefined();
});

test('URL: a parameter name is read decoded (d%6E is dn, a space sent as %20 kept); one that does not decode (a stray %) is kept as written', () => {
  const names = (url: string) => splitUrl(url)!.query.map(([name]) => name);
  expect(names('https://h.mockapi.io/p?d%6E=1&dn%20=2')).toEqual(['dn', 'dn ']);
  expect(names('https://h.mockapi.io/p?d%ZZn=1&%=2')).toEqual(['d%ZZn', '%']);
});

test('templates compare with whitespace inside {{ }} ignored, nothing else', () => {
  expect(sameTemplate('{{NewPhoneContact.DNIS|slice(2)}}', '{{ NewPhoneContact.DNIS | slice(2) }}')).toBe(true);
  expect(sameTemplate('{{ NewPhoneContact.DNIS }}', '{{NewPhoneContact.DNIS | slice(2) }}')).toBe(false);
  expect(sameTemplate('{{outdialcbid}}', '{{outdialCBID}}')).toBe(false);
});

test('Create Task body: a key a letter or two off a field of the guide is named as its spelling, not the field as missing', () => {
  const guide = guideBody('customani');
  const { destination, entryPointId, mediaType, outboundType, ...rest } = guide;
  const typos = { ...rest, entryPiontId: entryPointId, destinaton: destination, outbondType: outboundType, mediaTyp: mediaType, description: 'a field of its own' };
  expect(compareBody(typos, guide)).toEqual([
    'field "entryPointId" is spelled "entryPiontId"',
    'field "destination" is spelled "destinaton"',
    'field "outboundType" is spelled "outbondType"',
    'field "mediaType" is spelled "mediaTyp"',
  ]);
  expect(wrongFields(typos, guide).actual).toBe(`"entryPiontId": "{{outdialcbid}}", "destinaton": "{{customani}}", "outbondType": "CALLBACK", "mediaTyp": "telephony"`);
  // Further off, or a key of the guide's own: missing.
  expect(compareBody({ ...rest, entryPointId, outboundType, mediaType, dest: destination }, guide)).toEqual(['field "destination" is missing']);
  const { callbackType: _type, ...origin } = guide.callback as Record<string, unknown>;
  expect(compareBody({ ...guide, callback: { ...origin, callbackOrigi: 'web' } }, guide)).toEqual(['field "callback.callbackType" is missing']);
});

test('Create Task body: parsed, compared field by field, every problem named', () => {
  const guide = guideBody('customani');
  const minified = parseBody(JSON.stringify({ ...guide, entryPointId: '{{ outdialcbid }}' }));
  expect(minified.ok && compareBody(minified.value, guide)).toEqual([]);
  const wrong = { ...guide, destination: '{{customANI}}', mediatype: 'telephony', callback: { callbackOrigin: 'web' } } as Record<string, unknown>;
  delete wrong.mediaType;
  expect(compareBody(wrong, guide)).toEqual([
    'field "destination" is "{{customANI}}", expected "{{customani}}"',
    'field "mediaType" is spelled "mediatype"',
    'field "callback.callbackType" is missing',
  ]);
  expect(compareBody({ ...guide, attributes: 'tester' }, guide)).toEqual(['field "attributes" must be an object of text values, not "tester"']);
  const { attributes: _demo, ...withoutAttributes } = guide;
  expect(compareBody(withoutAttributes, guide)).toEqual([]); // demo data the API does not require
  const { mediaType: _required, ...withoutMediaType } = guide;
  expect(compareBody(withoutMediaType, guide)).toEqual(['field "mediaType" is missing']);
  expect(compareBody([guide], guide)).toEqual(['the body is a list, not a JSON object']);
  const broken = parseBody('{\n  "a": "x"\n  "b": 1\n}');
  expect(broken.ok).toBe(false);
  expect(!broken.ok && broken.error).toContain('line 3, column 3');
  expect(parseBody('  ')).toEqual({ ok: false, error: 'the Request Body is empty' });
});

test('Create Task body: templates compare by the text they render, not by their spelling', () => {
  const guide = guideBody('customani');
  // A filter that changes nothing a phone number in E.164 holds is no change: the request sends the same.
  for (const destination of [
    '{{ customani | trim }}', "{{customani|default('')}}", "{{ customani ~ '' }}", '{{ customani | replace({" ": ""}) }}', '{{ customani | replace({"-": ""}) }}',
    '{{ customani | lower }}', '{{ customani | upper }}', '{{ customani | escape }}', '{{ customani | abbreviate(20) }}',
  ]) {
    expect(compareBody({ ...guide, destination }, guide), destination).toEqual([]);
  }
  for (const destination of [
    '{{ outdialcbid }}', '{{customani}}{{typo}}', '+{{customani}}', ' {{customani}}', '{{customani}} ', '{{ NewPhoneContact.ANI }}', '{{ customani',
    '{{ customani | urlencode }}', '{{ customani | replace({"+": ""}) }}', '{{ customani | abbreviate(10) }}', '{{ customani | replace({"+1": "+"}) }}',
  ]) {
    expect(compareBody({ ...guide, destination }, guide), destination).toEqual([`field "destination" is ${JSON.stringify(destination)}, expected "{{customani}}"`]);
  }
  // An entry point id holds hex letters and dashes: changing their case or taking them away is a change.
  for (const entryPointId of ['{{ outdialcbid | upper }}', '{{ outdialcbid | replace({"-": ""}) }}', '{{ outdialcbid | abbreviate(30) }}']) {
    expect(compareBody({ ...guide, entryPointId }, guide), entryPointId).toEqual([`field "entryPointId" is ${JSON.stringify(entryPointId)}, expected "{{outdialcbid}}"`]);
  }
  for (const entryPointId of ['{{ outdialcbid | lower }}', '{{ outdialcbid | replace({" ": ""}) | trim }}']) expect(compareBody({ ...guide, entryPointId }, guide), entryPointId).toEqual([]);
});

test('an empty default: nothing, blank, the text null, or the text empty the 2025 guide shows', () => {
  for (const raw of [null, '', '   ', 'null', 'NULL', 'empty', ' Empty ']) expect(isEmptyDefault(raw), String(raw)).toBe(true);
  for (const raw of ['0', ' x ', 'empty string', '+14085267209']) expect(isEmptyDefault(raw), raw).toBe(false);
});

test('SSML is read as the words it speaks: each tag a space, a < without > is text', () => {
  expect(ssmlWords('<speak>Press <say-as interpret-as="digits">3</say-as> now<break time="1s"/>.</speak>')).toBe(' Press  3  now . ');
  expect(ssmlWords('press 3 if < 5 minutes')).toBe('press 3 if < 5 minutes');
  expect(ssmlWords('a<b>c<d')).toBe('a c<d');
});

/** An HTTP Request with these properties (and UI copies), as the loader gives it. */
function request(props: Record<string, unknown>, ui: Record<string, unknown> = {}): Activity {
  return { id: 'r', label: 'R', type: 'http-request-v2', group: 'action', props, ui, pointer: '', exits: {}, knownExits: null } as unknown as Activity;
}

test('JSONPath: a negative index of the first step counts from the end of the list the path runs on, when its length is known', () => {
  expect(canonicalPath('$[-1].tacnumber', 1)).toBe('$[0].tacnumber');
  expect(canonicalPath('$[-1].tacnumber', 3)).toBe('$[2].tacnumber');
  expect(canonicalPath('$[ -01 ]["tacnumber"]', 1)).toBe('$[0].tacnumber');
  expect(canonicalPath('$[-1].tacnumber')).toBe('$[-1].tacnumber');
  expect(canonicalPath('$[-2].tacnumber', 1)).toBe('$[-2].tacnumber');
  expect(canonicalPath('$[0].x[-1]', 1)).toBe('$[0].x[-1]');
  expect(samePath('$[-1].tacnumber', '$[0].tacnumber', 1)).toBe(true);
  expect(samePath('$[0].tacnumber', '$[-1].tacnumber', 1)).toBe(true); // the expected path read as the actual is
  expect(samePath('$[-1].tacnumber', '$[0].tacnumber', 2)).toBe(false);
  expect(samePath('$[-2].tacnumber', '$[0].tacnumber', 2)).toBe(true);
  expect(samePath('$[-1].tacnumber', '$[0].tacnumber')).toBe(false);
});

test('JSONPath: an index with leading zeros is that index (Jayway reads it with Integer.parseInt)', () => {
  expect(canonicalPath('$[00].tacnumber')).toBe('$[0].tacnumber');
  expect(samePath('$[000].outboundcallbackep', '$[0].outboundcallbackep')).toBe(true);
});

test('URL: a query name is read decoded, and the fragment is no part of the query', () => {
  expect(splitUrl('https://h.io/p?d%6E=1')?.query).toEqual([['dn', '1']]);
  expect(splitUrl('https://h.io/p?dn=1#top')).toEqual({ scheme: 'https', host: 'h.io', path: '/p', query: [['dn', '1']] });
});

test('HTTP Request settings as the panel shows them', () => {
  expect(isAuthenticated(request({ authenticated: ' True ' }))).toBe(true);
  expect(isAuthenticated(request({ authenticated: 'false' }))).toBe(false);
  // Parsing Settings Content Type left on "Select" (any case) is none chosen
  for (const contentType of ['Select', 'SELECT', ' select ']) expect(parseContentTypeOf(request({ contentType })), contentType).toBe('');
  expect(parseContentTypeOf(request({}, { 'contentType:name': 'JSON' }))).toBe('JSON');
  // a half-filled row is kept (its check names what is missing); an empty placeholder row is not
  const rows = [{ outputVariable: 'outdialcbid', jsonPathExp: '' }, { outputVariable: ' ', jsonPathExp: '' }, { outputVariable: '', jsonPathExp: '$[0].tacnumber' }];
  expect(parseRowsOf(request({ outputVariableArray: rows }))).toEqual([
    { variable: 'outdialcbid', path: '' },
    { variable: '', path: '$[0].tacnumber' },
  ]);
  // rows of {key|name, value}, or one {name: value} object
  expect(queryParametersOf(request({ httpQueryParameters: [{ name: 'dn', value: '1' }, { key: ' page ', value: 2 }, { value: 'x' }] }))).toEqual([['dn', '1'], ['page', '2']]);
  expect(queryParametersOf(request({ httpQueryParameters: { dn: '1' } }))).toEqual([['dn', '1']]);
  expect(requestHeaderOf(request({ httpRequestHeaders: [{ key: 'Content-Type', value: 'text/plain' }] }), 'content-type')).toBe('text/plain');
  // the Request URL trimmed: one of only spaces is none
  expect(requestUrlOf(request({ httpRequestUrl: '   ' }))).toBe('');
  expect(requestUrlOf(request({ httpRequestUrl: ' https://h.io/p ' }))).toBe('https://h.io/p');
  expect(sameContentType('application/ json', 'Application/JSON')).toBe(true);
  expect(sameContentType('application/xml', 'Application/JSON')).toBe(false);
});

test('exits in the canvas\'s words: the single way out has no name, a menu digit is an option', () => {
  expect(canvasExitName('out')).toBe('');
  expect(canvasExitName('default')).toBe('');
  expect(canvasExitName('3')).toBe('option 3');
});

test('a mission variable declared in another case or with spaces: the spelling activities write', () => {
  const model = { variables: [{ name: ' getResult ' }] } as unknown as FlowModel;
  expect(declaredSpelling(model, 'getresult')).toBe('getResult');
  // writing the guide's name too: the guide's name is the one used
  expect(nameWritten(model, 'getresult', ['getResult'])).toBe('getResult');
  expect(nameWritten(model, 'getresult', ['getResult', 'getresult'])).toBe('getresult');
});

test('Create Task body: a text value is compared as it is sent, and attributes must all be texts', () => {
  const guide = guideBody('customani');
  expect(compareBody({ ...guide, outboundType: ' CALLBACK' }, guide)).toEqual(['field "outboundType" is " CALLBACK", expected "CALLBACK"']);
  expect(compareBody({ ...guide, attributes: { Message: 'tester', 'To Queue': 5 } }, guide)).toEqual(['field "attributes" must be an object of text values, not {"Message":"tester","To Queue":5}']);
});

test('Create Task body: a template right for one set of samples only is not the same value', () => {
  const guide = guideBody('customani');
  // Between them the two rounds hold every digit and hex letter: a filter taking away one only a round holds is a change.
  for (const digit of '0123456789') {
    const destination = `{{ customani | replace({"${digit}": ""}) }}`;
    expect(compareBody({ ...guide, destination }, guide), destination).toEqual([`field "destination" is ${JSON.stringify(destination)}, expected "{{customani}}"`]);
  }
  for (const hex of '0123456789abcdef') {
    const entryPointId = `{{ outdialcbid | replace({"${hex}": "x"}) }}`;
    expect(compareBody({ ...guide, entryPointId }, guide), entryPointId).toHaveLength(1);
  }
});

test('Request Body not JSON: where it broke, the 40 characters before marked cut only when more came before', () => {
  const at40 = parseBody(`{"${'a'.repeat(33)}": 1 x}`);
  expect(!at40.ok && at40.where).toBe(`line 1, column 41: {"${'a'.repeat(33)}": 1 x}`);
  const at41 = parseBody(`{"${'a'.repeat(34)}": 1 x}`);
  expect(!at41.ok && at41.where).toBe(`line 1, column 42: …"${'a'.repeat(34)}": 1 x}`);
});

test('Request Body not JSON: the whole message, 20 characters before the place and 10 after, V8\'s position left out; 20 characters after it shown whole, more cut', () => {
  expect(parseBody('{"entryPointId": "{{outdialcbid}}"\n  "destination": "{{customani}}", "mediaType": "telephony"}')).toEqual({
    ok: false,
    error: 'the Request Body is not valid JSON at line 2, column 3 (near: "{{outdialcbid}}" "destinati): Expected \',\' or \'}\' after property value',
    where: 'line 2, column 3: {"entryPointId": "{{outdialcbid}}" "destination": "{{cu…',
  });
  const after20 = parseBody(`{"a": 1 x${'b'.repeat(18)}}`);
  expect(!after20.ok && after20.where).toBe(`line 1, column 9: {"a": 1 x${'b'.repeat(18)}}`);
  // 40 characters before, never half of one (an emoji is two UTF-16 units).
  const emoji = parseBody(`{"a": "${'\u{1F600}'.repeat(45)}" x}`);
  expect(!emoji.ok && emoji.where).toBe(`line 1, column 100: …${'\u{1F600}'.repeat(38)}" x}`);
  // The excerpt of the message too: never half of a character (a lone surrogate shows as \uFFFD).
  const cut = parseBody(`{"a": "${'\u{1F600}'.repeat(10)}y" x}`);
  expect(!cut.ok && cut.error).toBe(`the Request Body is not valid JSON at line 1, column 31 (near: {"a": "${'\u{1F600}'.repeat(10)}y" x}): Expected ',' or '}' after property value`);
});

test('Request Body not JSON from its first character (a quote typed as in JavaScript, or curly): where and why, as anywhere else', () => {
  expect(parseBody("'x'")).toEqual({
    ok: false,
    error: 'the Request Body is not valid JSON at line 1, column 1 (near: \'x\'): Unexpected token \'\'\'; JSON needs double quotes (") around names and texts, not single quotes (\')',
    where: "line 1, column 1: 'x'",
  });
  // Every curly quote a word processor makes, opening or closing, single or double.
  for (const quote of ['\u201C', '\u201D', '\u2018', '\u2019']) {
    const curly = parseBody(`{"a": ${quote}web${quote}}`);
    expect(!curly.ok && curly.error, quote).toBe(`the Request Body is not valid JSON at line 1, column 7 (near: {"a": ${quote}web${quote}}): Unexpected token '${quote}'; JSON needs straight double quotes ("), not curly ones (\u201C \u201D)`);
  }
});

test('Request Body with a comma before } or ]: told to remove it, naming the field or item it follows', () => {
  const error = (text: string) => {
    const parsed = parseBody(text);
    return !parsed.ok && parsed.error;
  };
  expect(error('{"callback": {"callbackOrigin": "web", "callbackType": "immediate", }}')).toBe(
    'the Request Body is not valid JSON at line 1, column 69 (near: Type": "immediate", }}): Expected double-quoted property name; JSON allows no comma before a closing }: remove the comma after "callbackType": "immediate"',
  );
  // After an object or a list, the field holding it, its value shortened; white space and line breaks between.
  expect(error('{"a": 1,\n  "callback": {"callbackOrigin":"web","callbackType":"immediate"},\n}')).toMatch(/: Expected double-quoted property name; JSON allows no comma before a closing }: remove the comma after "callback": \{…\}$/);
  expect(error('{"a": [1, 2,]}')).toMatch(/; JSON allows no comma before a closing \]: remove the comma after 2$/);
  expect(error('{"a": [[1], [2] ,\t]}')).toMatch(/; JSON allows no comma before a closing \]: remove the comma after \[…\]$/);
  // A key spaced from its colon is named without the spaces.
  expect(error('{"a" \t: 1,}')).toMatch(/: remove the comma after "a": 1$/);
  // A comma, brace or bracket inside a text is no mark; a long value is cut.
  expect(error('{"a": "x,}]", "b": "{[,", }')).toMatch(/remove the comma after "b": "\{\[,"$/);
  expect(error(`{"a": "${'x'.repeat(50)}",}`)).toMatch(new RegExp(`remove the comma after "a": "${'x'.repeat(28)}…$`));
  // Not a trailing comma: no such advice.
  expect(error('{"a": 1 }}')).not.toContain('comma');
  expect(error('{"a": 1, , }')).not.toContain('remove the comma');
});

test('a Create Task request: POST, or no method chosen yet, to /v1/tasks', () => {
  expect(callsTasksApi(request({ httpRequestPath: '/v1/tasks' }))).toBe(true);
  expect(callsTasksApi(request({ httpRequestMethod: 'post', httpRequestPath: 'v1/tasks' }))).toBe(true);
  expect(callsTasksApi(request({ httpRequestMethod: 'GET', httpRequestPath: '/v1/tasks' }))).toBe(false);
});

test('Set Variable rows: an empty setVariablesArray leaves the top-level fields; the variable name trimmed', () => {
  const activity = { ...request({ setVariablesArray: [], srcVariable: ' getresult ', setTo: 'set-to-variable', expr: 'GET_CBID.httpResponseBody' }), type: 'set-variable' };
  expect(assignments(activity)).toEqual([{ target: 'getresult', setTo: 'set-to-variable', value: 'GET_CBID.httpResponseBody' }]);
});

test('Set Variable rows: a value exported as a number or boolean is its text, as the simulator sets it', () => {
  const activity = { ...request({ setVariablesArray: [{ srcVariable: 'n', expr: null, literal: 7 }, { srcVariable: 'b', setTo: 'set-to-literal', literal: true }] }), type: 'set-variable' };
  expect(assignments(activity)).toEqual([
    { target: 'n', setTo: 'set-to-literal', value: '7' },
    { target: 'b', setTo: 'set-to-literal', value: 'true' },
  ]);
});

test('the scope a check evaluates in: a variable wins over a label of its name; no default is empty text for a String only', () => {
  const model = {
    main: { activities: [], start: undefined },
    variables: [{ name: 'X', type: 'STRING', defaultValue: 'v' }, { name: 'n', type: 'INTEGER' }, { name: 's', type: 'STRING' }],
  } as unknown as FlowModel;
  const scope = flowScope(model, { X: { out: 1 } });
  expect([scope.get('X'), scope.get('n'), scope.get('s')]).toEqual(['v', null, '']);
});

test('a failure leaves out an empty trace excerpt', () => {
  expect(failed('m', { traceExcerpt: [] })).toEqual({ status: 'failed', message: 'm' });
});

test('an activity built on the other canvas is found there in any case', () => {
  const other = { ...request({}), label: 'get_cbid' };
  const model = { main: { activities: [] }, events: { activities: [other] } } as unknown as FlowModel;
  const found = requireActivity(undefined, 'http-request-v2', 'GET_CBID', 'the main flow', model);
  expect(!found.ok && found.outcome.message).toBe('get_cbid was built in the Event Flows; it belongs in the main flow');
});

function modelOf(mutation: Mutation): FlowModel {
  const loaded = loadFlow(mutated(mutation));
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.model;
}

test('finding the mission activities: a label in another case only when one activity has it; the ANI spelling the activities use', () => {
  // two activities labelled GET_CBID but for case: neither is taken by label, the request is found by its place after option 3
  const twoLabels = missionNodes(modelOf((f) => {
    relabel(f, 'Music', 'get_cbid');
    relabel(f, 'GET_CBID', 'Get_Cbid');
  }));
  expect([twoLabels.getCbid?.label, twoLabels.getCbid?.type]).toEqual(['Get_Cbid', 'http-request-v2']);
  // customANI declared beside customani, a parse row writing it, the body reading customani: the guide's spelling is used
  const both = missionNodes(modelOf((f) => {
    f.variables.push({ ...variable(f, 'customani'), name: 'customANI' });
    props(f, 'GET_CBID').outputVariableArray[1].outputVariable = 'customANI';
  }));
  expect(both.aniVariable).toBe('customani');
});

test('two hints of one activity joined as one sentence: the second\'s activity left out, a hint of another activity kept whole', () => {
  expect(joinHints(HINTS.getCbidMethod, HINTS.getCbidUrl)).toBe(`GET_CBID → Method: GET; Request URL: ${HINTS.getCbidUrl.slice('GET_CBID → Request URL: '.length)}`);
  expect(joinHints(HINTS.getCbidMethod, HINTS.getCbidUnauthenticated)).toBe('GET_CBID → Method: GET; Use Authenticated Endpoint: Off, then paste the full MockAPI address into Request URL.');
  // Not the same activity (nor one whose label starts as the first's): the second said as it is.
  expect(joinHints('GET_CBID → Method: GET.', 'SetGetResult → Variable: getresult.')).toBe('GET_CBID → Method: GET; SetGetResult → Variable: getresult.');
  expect(joinHints('GET_CBID → Method: GET.', 'GET_CBID_2 → Method: GET.')).toBe('GET_CBID → Method: GET; GET_CBID_2 → Method: GET.');
});

test("a trace entry's request found in the mocks' record: counted among the requests a mock answered, a blocked one left out; none when the two are out of step", () => {
  const entry = (activity: string, http?: Partial<HttpExchange>): TraceEntry => ({
    flow: 'main',
    activity,
    activityId: activity,
    type: 'http-request-v2',
    outcome: 'default',
    modifiedVariables: {},
    ...(http ? { http: { method: 'POST', url: 'https://api.wxcc-us1.cisco.com/v1/tasks', requestHeaders: {}, status: null, ...http } } : {}),
  });
  const trace = [
    entry('GET_CBID', { method: 'GET', url: 'https://674481b1b4e2e04abea27c6e.mockapi.io/flowdesigner/Lab/DynVars?dn=4694096861', status: 200 }),
    entry('Log', { url: 'https://example.com/log', unmocked: true }),
    entry('SetGetResult'),
    entry('CallBackAPI_HTTPRequest', { status: 400 }),
  ];
  const api = trace[3]!;
  const dynvars: SeenRequest = { service: 'dynvars', method: 'GET', url: trace[0]!.http!.url, status: 200 };
  const forced: SeenRequest = { service: 'tasks-api', method: 'POST', url: api.http!.url, status: 400, forced: true };
  const run = (requests: SeenRequest[]): ScenarioRun => ({ result: { status: 'completed', summary: '', trace, variables: {}, globalErrorRaised: true, callerConnected: false }, tasks: [], requests });
  expect(seenRequestOf(run([dynvars, forced]), api)).toBe(forced);
  expect(gotForcedAnswer(run([dynvars, forced]), api)).toBe(true);
  // The same 400 the API gave for the Authorization header: not the forced answer.
  expect(gotForcedAnswer(run([dynvars, { ...forced, forced: undefined }]), api)).toBe(false);
  // Out of step (a record missing): never another request's record.
  expect(seenRequestOf(run([forced]), api)).toBeUndefined();
  expect(gotForcedAnswer(run([forced]), api)).toBe(false);
  // A record in its place that is of another request: another status, another method.
  expect(seenRequestOf(run([dynvars, { ...forced, status: 401 }]), api)).toBeUndefined();
  expect(seenRequestOf(run([dynvars, { ...forced, method: 'PUT' }]), api)).toBeUndefined();
  // A request that timed out (no status) was answered by a mock all the same: it is counted.
  const timedOut = [entry('GET_CBID', { ...trace[0]!.http, status: null, timedOut: true }), ...trace.slice(1)];
  const afterTimeout: ScenarioRun = { ...run([{ ...dynvars, status: null }, forced]), result: { ...run([]).result, trace: timedOut } };
  expect(seenRequestOf(afterTimeout, timedOut[3]!)).toBe(forced);
  // Blocked, or no request at all: nothing recorded.
  expect(seenRequestOf(run([dynvars, forced]), trace[1]!)).toBeUndefined();
  expect(seenRequestOf(run([dynvars, forced]), trace[2]!)).toBeUndefined();
});

test('leadingTo finds every activity from which the target can be reached, also one of two leading into an activity the walk already passed', () => {
  // OnGlobalError → HasNumber: True → the request, False → Default → the request; Retry (a leftover) → Default.
  const model = modelOf((f) => {
    addActivity(f, 'GlobalErrorHandling', 'HasNumber', { activityName: 'condition-activity', activityId: 'condition-activity', expression: '{{customani is not empty}}' }, 'enum-gateway');
    addActivity(f, 'GlobalErrorHandling', 'Default', { activityName: 'set-variable', activityId: 'set-variable', srcVariable: 'customani', setTo: 'set-to-literal', expr: '+14085267209' }, 'set-variable');
    addActivity(f, 'GlobalErrorHandling', 'Retry', { activityName: 'condition-activity', activityId: 'condition-activity', expression: '{{true}}' }, 'enum-gateway');
    link(f, 'GlobalErrorHandling', 'out', 'HasNumber');
    link(f, 'HasNumber', 'true', 'CallBackAPI_HTTPRequest');
    link(f, 'HasNumber', 'false', 'Default');
    link(f, 'Default', 'out', 'CallBackAPI_HTTPRequest');
    link(f, 'Retry', 'true', 'Default');
  });
  const request = model.events.activities.find((a) => a.label === 'CallBackAPI_HTTPRequest')!;
  const labels = [...leadingTo(model.events, request)].map((a) => a.label).sort();
  expect(labels).toEqual(['CallBackAPI_HTTPRequest', 'Default', 'GlobalErrorHandling', 'HasNumber', 'Retry']);
});
