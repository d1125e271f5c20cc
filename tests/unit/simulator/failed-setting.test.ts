/**
 * An HTTP Request that fails for one of its settings names it in its trace entry's `failedSetting`,
 * by the setting's label in Flow Designer's panel (engine/simulator/http.ts HTTP_SETTINGS): the
 * checks read which setting failed there, not in the wording of the error. A request that failed as
 * a whole (no mock answered it, no response came) names none.
 */
import { expect, test } from '@playwright/test';
import { simulate } from '../../../engine/simulator/index.js';
import { ActivityError, inSetting, NotSimulatedError } from '../../../engine/simulator/errors.js';
import { HTTP_SETTINGS } from '../../../engine/simulator/http.js';
import type { TraceEntry } from '../../../engine/trace.js';
import { buildFlow, CONNECTOR_BASE, DYNVARS_URL, endFlow, fakeServices, http, HttpResponse, httpRequest, type FlowSpec } from './helpers.js';

const RECORD = [{ outboundcallbackep: 'ep', tacnumber: '+14085267209' }];
const BROKEN = '{{ NewPhoneContact.ANI | nosuchfilter }}';
const AUTHENTICATED = { authenticated: true, 'connectorId:name': 'WxCC_API', httpRequestUrl: null, httpRequestPath: '/v1/tasks', httpRequestMethod: 'POST', httpRequestBody: '{}' };
const rows = (outputVariable: string, jsonPathExp: string) => ({ outputVariableArray: [{ outputVariable, jsonPathExp }] });

/** The trace entry of `Req`, an HTTP Request with `props`, in NewPhoneContact → Req → EndFlow, DynVars and the Tasks API mocked. */
async function entryOf(props: Record<string, unknown>, services = fakeServices([http.get(DYNVARS_URL, () => HttpResponse.json(RECORD)), http.post(`${CONNECTOR_BASE}/v1/tasks`, () => HttpResponse.json({}, { status: 201 }))])): Promise<TraceEntry> {
  const spec: FlowSpec = {
    variables: [
      { name: 'outdialcbid', type: 'STRING', value: '' },
      { name: 'count', type: 'INTEGER', value: '0' },
    ],
    main: [httpRequest('Req', { httpRequestUrl: DYNVARS_URL, ...props }), endFlow()],
    links: [['NewPhoneContact', 'out', 'Req'], ['Req', 'default', 'EndFlow']],
  };
  const result = await simulate(buildFlow(spec), {}, { services });
  return result.trace.find((entry) => entry.activity === 'Req')!;
}

const FAILURES: [string, Record<string, unknown>, string][] = [
  ['a method that is not a token', { httpRequestMethod: 'PO ST' }, HTTP_SETTINGS.method],
  ['a method no activity sends', { httpRequestMethod: 'TRACE' }, HTTP_SETTINGS.method],
  ['no connector selected', { ...AUTHENTICATED, 'connectorId:name': null }, HTTP_SETTINGS.connector],
  ['a connector the services do not know', { ...AUTHENTICATED, 'connectorId:name': 'Salesforce' }, HTTP_SETTINGS.connector],
  ['a Request Path that does not render', { ...AUTHENTICATED, httpRequestPath: `/v1/tasks/${BROKEN}` }, HTTP_SETTINGS.path],
  ['no Request URL', { httpRequestUrl: ' ' }, HTTP_SETTINGS.url],
  ['a Request URL that does not render', { httpRequestUrl: `${DYNVARS_URL}?dn=${BROKEN}` }, HTTP_SETTINGS.url],
  ['a Request URL that is not http(s)', { httpRequestUrl: 'ftp://x/y' }, HTTP_SETTINGS.url],
  ['a Request URL holding a password', { httpRequestUrl: 'https://user:pw@674481b1b4e2e04abea27c6e.mockapi.io/x' }, HTTP_SETTINGS.url],
  ['a query parameter that does not render', { httpQueryParameters: { dn: BROKEN } }, HTTP_SETTINGS.query],
  ['a header that does not render', { httpRequestHeaders: { 'X-Caller': BROKEN } }, HTTP_SETTINGS.headers],
  ['a header name with a space', { httpRequestHeaders: { 'X Bad': '1' } }, HTTP_SETTINGS.headers],
  ['a header value beyond Latin-1', { httpRequestHeaders: { 'X-Note': 'price 5€' } }, HTTP_SETTINGS.headers],
  ['a content type typed in that no header carries', { ...AUTHENTICATED, httpContentType: 'image/€' }, HTTP_SETTINGS.contentType],
  ['a Request Body that does not render', { ...AUTHENTICATED, httpRequestBody: `{"destination": "${BROKEN}"}` }, HTTP_SETTINGS.body],
  ['GraphQL variables that are not JSON', { ...AUTHENTICATED, httpContentType: 'GraphQL', httpRequestBodyGQL: { query: '{ x }', variables: '{oops' } }, HTTP_SETTINGS.body],
  ['a form field that does not render', { ...AUTHENTICATED, httpContentType: 'Form Data', httpRequestBodyFormData: { a: BROKEN } }, HTTP_SETTINGS.body],
  ['a Parsing Settings row writing an undeclared variable', rows('ghost', '$[0].tacnumber'), HTTP_SETTINGS.parsing],
  ['a Parsing Settings path that is no JSONPath', rows('outdialcbid', '$['), HTTP_SETTINGS.parsing],
  ["a match its variable's type cannot hold", rows('count', '$[0].outboundcallbackep'), HTTP_SETTINGS.parsing],
];

for (const [what, props, setting] of FAILURES) {
  test(`${what} fails the request, its trace entry naming the setting: ${setting}`, async () => {
    const entry = await entryOf(props);
    expect(entry.outcome).toBe('error');
    expect(entry.error).toBeTruthy();
    expect(entry.failedSetting).toBe(setting);
  });
}

test('a request that failed as a whole names no setting: unmocked, no response, a mock that threw', async () => {
  const unmocked = await entryOf({ httpRequestUrl: 'https://example.com/api' });
  const timedOut = await entryOf({}, fakeServices([http.get(DYNVARS_URL, () => HttpResponse.error())]));
  const threw = await entryOf(
    {},
    fakeServices([
      http.get(DYNVARS_URL, () => {
        throw new Error('mock broke');
      }),
    ]),
  );
  for (const entry of [unmocked, timedOut, threw]) {
    expect(entry.outcome).toBe('error');
    expect(entry).not.toHaveProperty('failedSetting');
  }
});

test('a request that went through names no setting', async () => {
  const entry = await entryOf(rows('outdialcbid', '$[0].outboundcallbackep'));
  expect(entry.outcome).toBe('default');
  expect(entry).not.toHaveProperty('failedSetting');
});

/** What `run` throws. */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('nothing was thrown');
}

const throwing = (error: Error) => (): never => {
  throw error;
};

test('inSetting names the setting of an activity error that names none, keeps the one an inner setting named, and lets other errors through as they are', () => {
  expect(inSetting('Outer', () => 42)).toBe(42);
  const named = thrownBy(() => inSetting('Outer', throwing(new ActivityError('bad'))));
  expect(named).toBeInstanceOf(ActivityError);
  expect(named).toMatchObject({ message: 'bad', setting: 'Outer' });
  expect(thrownBy(() => inSetting('Outer', () => inSetting('Inner', throwing(new ActivityError('bad')))))).toMatchObject({ message: 'bad', setting: 'Inner' });
  const notSimulated = new NotSimulatedError('not simulated');
  expect(thrownBy(() => inSetting('Outer', throwing(notSimulated)))).toBe(notSimulated);
});
