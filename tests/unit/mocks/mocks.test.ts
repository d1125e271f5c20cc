import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getResponse } from 'msw';
import { createMockServices, DEFAULT_DYNVARS, DEFAULT_ORG_ID, MOCK_BEARER_TOKEN, requestsNotMocked, validateDynVarsDataset, type MockOptions } from '../../../mocks/index.js';
import { DEFAULT_CONTACT } from '../../../engine/simulator/index.js';
import { HAS_SHARED, SHARED } from '../../helpers.js';

const DYNVARS = 'https://674481b1b4e2e04abea27c6e.mockapi.io/flowdesigner/Lab/DynVars';
const TASKS = 'https://api.wxcc-us1.cisco.com/v1/tasks';
const EP = '0011ed11-ca98-4c67-8621-9c54be08e692';
const GOOD_BODY = {
  entryPointId: EP,
  destination: '+14085267209',
  attributes: { Message: 'tester', 'To Queue': 'sales' },
  outboundType: 'CALLBACK',
  mediaType: 'telephony',
  callback: { callbackOrigin: 'web', callbackType: 'immediate' },
};

/** What MockAPI answers when a filter matches no record (docs/mocks.md): 404 and the JSON text "Not found". */
const NOT_FOUND = '404 "Not found"';

/** The dn of each record answered, or NOT_FOUND. */
async function dnsAnswered(query: string, options: MockOptions = {}): Promise<string[] | typeof NOT_FOUND> {
  const { response, json } = await send(new Request(`${DYNVARS}?${query}`), options);
  if (response?.status === 404 && json === 'Not found') return NOT_FOUND;
  expect(response?.status, query).toBe(200);
  return (json as { dn: string }[]).map((r) => r.dn);
}

async function send(request: Request, options: MockOptions = {}) {
  const services = createMockServices(options);
  const response = await getResponse(services.handlers, request);
  const body = response && response.type !== 'error' ? await response.text() : undefined;
  return { services, response, body, json: body ? JSON.parse(body) : undefined };
}

function post(body: unknown, headers: Record<string, string> = { authorization: `Bearer ${MOCK_BEARER_TOKEN}` }, url = TASKS): Request {
  return new Request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

test.describe('DynVars', () => {
  test('a known dn answers the array with its record', async () => {
    const { response, json } = await send(new Request(`${DYNVARS}?dn=4694096861`));
    expect(response?.status).toBe(200);
    expect(json).toHaveLength(1);
    expect(json[0]).toMatchObject({ dn: '4694096861', outboundcallbackep: EP, tacnumber: '+14085267209' });
  });

  test('an unknown dn answers 404 "Not found", as MockAPI answers a filter no record matches; another MockAPI project id works too', async () => {
    const unknown = await send(new Request(`${DYNVARS}?dn=14694096861`));
    expect(unknown.response?.status).toBe(404);
    expect(unknown.json).toBe('Not found');
    expect(unknown.services.requests).toEqual([{ service: 'dynvars', method: 'GET', url: `${DYNVARS}?dn=14694096861`, status: 404 }]);
    expect((await send(new Request('https://0123456789abcdef01234567.mockapi.io/flowdesigner/Lab/DynVars?dn=4694096861'))).json).toHaveLength(1);
  });

  test('without ?dn= every record is answered, as MockAPI lists the whole resource; each answer is recorded', async () => {
    const two = [...DEFAULT_DYNVARS, { ...DEFAULT_DYNVARS[0]!, dn: '5551230000' }];
    const { json, services } = await send(new Request(DYNVARS), { dynvars: two });
    expect(json).toHaveLength(2);
    expect(services.requests).toEqual([{ service: 'dynvars', method: 'GET', url: DYNVARS, status: 200 }]);
  });

  // Only a filter no record matches is answered 404 (docs/mocks.md): an empty dataset (--dynvars [])
  // listed whole, paged or sorted (which filter nothing), is every record it has: 200 [].
  test('an empty dataset without a filter answers [], paged or sorted too; filtered, 404', async () => {
    for (const query of ['', '?page=1&limit=10', '?sortBy=id&order=desc']) {
      const { response, json } = await send(new Request(`${DYNVARS}${query}`), { dynvars: [] });
      expect([query, response?.status, json]).toEqual([query, 200, []]);
    }
    expect(await dnsAnswered('dn=4694096861', { dynvars: [] })).toEqual(NOT_FOUND);
  });

  test('every other query parameter filters by that field too, as MockAPI does; its paging and sorting ones do not', async () => {
    for (const mockapiFilter of ['contains', 'exact'] as const) {
      const dnOf = (query: string) => dnsAnswered(query, { mockapiFilter });
      expect(await dnOf('dn=4694096861&tacnumber=%2B14085267209&id=140'), mockapiFilter).toEqual(['4694096861']); // a number field compares as its text
      expect(await dnOf('dn=4694096861&tacnumber=14085267299'), mockapiFilter).toEqual(NOT_FOUND);
      expect(await dnOf('dn%20=4694096861'), mockapiFilter).toEqual(NOT_FOUND); // "dn " is another field: no record has it
      expect(await dnOf('Dn=4694096861'), mockapiFilter).toEqual(NOT_FOUND);
      expect(await dnOf('dn=4694096861&page=1&limit=10&sortBy=id&order=desc'), mockapiFilter).toEqual(['4694096861']);
      expect(await dnOf('toString=x'), mockapiFilter).toEqual(NOT_FOUND); // not a field of the record, whatever JavaScript objects inherit
      expect(await dnOf('dn=14694096861'), mockapiFilter).toEqual(NOT_FOUND); // more than the field holds
    }
  });

  test('a filter matches part of a value, in any case, as MockAPI\'s are seen to (categoryId=1 also gave 10 and 11); --mockapi-filter exact wants all of it', async () => {
    const records = [...DEFAULT_DYNVARS, { ...DEFAULT_DYNVARS[0]!, id: 141, dn: '4694096862', welcomePrompt1: 'Hello' }];
    const dnOf = (query: string, mockapiFilter?: 'contains' | 'exact') => dnsAnswered(query, { dynvars: records, ...(mockapiFilter ? { mockapiFilter } : {}) });
    // A dn cut a digit short (slice(3) for slice(2)) finds both numbers by default, in the dataset's order.
    expect(await dnOf('dn=469409686')).toEqual(['4694096861', '4694096862']);
    expect(await dnOf('dn=469409686', 'exact')).toEqual(NOT_FOUND);
    // An empty dn (a misspelt variable renders nothing) is part of every value: every record.
    expect(await dnOf('dn=')).toEqual(['4694096861', '4694096862']);
    expect(await dnOf('dn=', 'exact')).toEqual(NOT_FOUND);
    expect(await dnOf('welcomePrompt1=WELCOME%20to')).toEqual(['4694096861']);
    expect(await dnOf('welcomePrompt1=WELCOME%20to', 'exact')).toEqual(NOT_FOUND);
    expect(await dnOf('tacnumber=14085267209')).toEqual(['4694096861', '4694096862']);
    expect(await dnOf('dn=4694096862', 'contains')).toEqual(['4694096862']);
    expect(await dnOf('dn=4694096862', 'exact')).toEqual(['4694096862']);
  });

  test('a wrong path answers 404 "Not found" as MockAPI does', async () => {
    const { response, json } = await send(new Request(`https://674481b1b4e2e04abea27c6e.mockapi.io/lowdesigner/Lab/DynVars?dn=4694096861`));
    expect(response?.status).toBe(404);
    expect(json).toBe('Not found');
  });

  test('a 404 is recorded as MockAPI\'s own only for a resource the lab\'s project lacks; where MockAPI would answer otherwise, as not mocked', async () => {
    const serviceOf = async (url: string, method = 'GET') => {
      const { response, services } = await send(new Request(url, { method }));
      return [response?.status, services.requests[0]?.service];
    };
    const LAB = 'https://674481b1b4e2e04abea27c6e.mockapi.io';
    const OTHER = 'https://60ef3435f587af00179d3960.mockapi.io';
    expect(await serviceOf(`${LAB}/lowdesigner/Lab/DynVars?dn=4694096861`)).toEqual([404, 'dynvars']);
    expect(await serviceOf(`${LAB}/flowdesigner/Lab/DynVars/1`)).toEqual([404, 'mockapi']);
    expect(await serviceOf(`${LAB}/flowdesigner/Lab/DynVars?dn=4694096861`, 'POST')).toEqual([404, 'mockapi']);
    expect(await serviceOf(`${OTHER}/api/customers/1`)).toEqual([404, 'mockapi']);
    expect(await serviceOf(`${OTHER}/flowdesigner/Lab/DynVars?dn=4694096861`)).toEqual([200, 'dynvars']);
  });

  test("the guide's copy-button host (a digit short of a project id) is not answered: the request is blocked", async () => {
    const { response, services } = await send(new Request('https://74481b1b4e2e04abea27c6e.mockapi.io/flowdesigner/Lab/DynVars?dn=4694096861'));
    expect(response).toBeUndefined();
    expect(services.requests).toEqual([]);
  });

  test('a user dataset answers its own records', async () => {
    const dynvars = [{ dn: '2145550100', outboundcallbackep: 'ep-1', tacnumber: '+12145550199' }];
    const { json } = await send(new Request(`${DYNVARS}?dn=2145550100`), { dynvars });
    expect(json).toEqual(dynvars);
  });

  test("the default record is the lab's MockAPI answer for its number (2025-02, ../shared/real-flows/lab), field for field", () => {
    test.skip(!HAS_SHARED, '../shared/real-flows is not present');
    const lab: unknown = JSON.parse(readFileSync(path.join(SHARED, 'real-flows', 'lab', 'mockapi-dynvars_dn-4694096861_2025-02.json'), 'utf8'));
    expect(DEFAULT_DYNVARS).toEqual(lab);
  });

  test('datasets are validated', () => {
    expect(validateDynVarsDataset(DEFAULT_DYNVARS).ok).toBe(true);
    const bad = validateDynVarsDataset([{ number: '1' }]);
    expect(bad).toEqual({ ok: false, message: expect.stringMatching(/dn is required/) });
    // The whole dataset is named so, not "body" as the Tasks API's request is.
    expect(validateDynVarsDataset({})).toEqual({ ok: false, message: 'not a DynVars dataset: dataset must be an array (expected a JSON array of records, each with a string "dn" of digits)' });
    expect(validateDynVarsDataset([{ dn: 4694096861 }]).ok).toBe(false);
  });
});

test.describe('Tasks API', () => {
  test('a valid callback task is created: 201 {meta:{orgId}, data:{id}} and recorded', async () => {
    const { response, json, services } = await send(post(GOOD_BODY));
    expect(response?.status).toBe(201);
    expect(json).toEqual({ meta: { orgId: expect.any(String) }, data: { id: '00000000-0000-4000-8000-000000000001' } });
    expect(services.tasks).toEqual([{ id: json.data.id, url: TASKS, body: GOOD_BODY }]);
    expect(services.requests).toStrictEqual([{ service: 'tasks-api', method: 'POST', url: TASKS, status: 201 }]);
  });

  test('every regional base and configured connector bases answer', async () => {
    for (const dc of ['eu1', 'eu2', 'anz1', 'ca1', 'jp1', 'sg1']) {
      expect((await send(post(GOOD_BODY, undefined, `https://api.wxcc-${dc}.cisco.com/v1/tasks`))).response?.status).toBe(201);
    }
    const custom = await send(post(GOOD_BODY, undefined, 'https://wxcc.example.test/v1/tasks'), { connectors: { WxCC_API: 'https://wxcc.example.test' } });
    expect(custom.response?.status).toBe(201);
    expect(custom.services.connectorBaseUrl('WxCC_API')).toBe('https://wxcc.example.test');
    expect(createMockServices().connectorBaseUrl('AnyName')).toBe('https://api.wxcc-us1.cisco.com');
  });

  test('connector bases that are not http(s) URLs answer nothing, and the others still answer', async () => {
    const connectors = { Files: 'ftp://files.example.test', Broken: 'not a url', WxCC_API: 'https://wxcc.example.test' };
    for (let round = 0; round < 2; round++) {
      // (twice: the second time from what taskBase remembered)
      expect((await send(post(GOOD_BODY, undefined, 'ftp://files.example.test/v1/tasks'), { connectors })).response).toBeUndefined();
      expect((await send(post(GOOD_BODY, undefined, 'https://wxcc.example.test/v1/tasks'), { connectors })).response?.status).toBe(201);
      expect((await send(post(GOOD_BODY), { connectors })).response?.status).toBe(201);
    }
  });

  test('an attribute key of exactly 200 bytes and a value of exactly 1024 bytes are accepted', async () => {
    const { response, services } = await send(post({ ...GOOD_BODY, attributes: { ['é'.repeat(100)]: 'v'.repeat(1024) } }));
    expect(response?.status).toBe(201);
    expect(services.tasks).toHaveLength(1);
  });

  test('/v1/tasks/ with a trailing slash is the Create Task endpoint too', async () => {
    const { response, services } = await send(post(GOOD_BODY, undefined, `${TASKS}/`));
    expect(response?.status).toBe(201);
    expect(services.tasks).toHaveLength(1);
  });

  test('a connector base with a path answers /v1/tasks below that path only', async () => {
    const connectors = { WxCC_API: 'https://gateway.example.test/wxcc/' };
    expect((await send(post(GOOD_BODY, undefined, 'https://gateway.example.test/wxcc/v1/tasks'), { connectors })).response?.status).toBe(201);
    const outside = await send(post(GOOD_BODY, undefined, 'https://gateway.example.test/v1/tasks'), { connectors });
    expect(outside.response?.status).toBe(404);
    expect(outside.services.tasks).toEqual([]);
  });

  test('customAttributes are not limited to 20: the API keeps the first 20 rather than refusing the task', async () => {
    const customAttributes = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`x-header-${i}`, 'v']));
    const { response, services } = await send(post({ ...GOOD_BODY, customAttributes }));
    expect(response?.status).toBe(201);
    expect(services.tasks).toHaveLength(1);
  });

  const INVALID: [string, Record<string, unknown>, RegExp][] = [
    ['missing entryPointId', { ...GOOD_BODY, entryPointId: undefined }, /entryPointId is required/],
    ['missing destination', { ...GOOD_BODY, destination: undefined }, /destination is required/],
    ['missing mediaType', { ...GOOD_BODY, mediaType: undefined }, /mediaType is required/],
    ['wrong mediaType', { ...GOOD_BODY, mediaType: 'chat' }, /mediaType must be "telephony"/],
    ['unknown outboundType', { ...GOOD_BODY, outboundType: 'CALLBACKS' }, /outboundType must be one of CALLBACK, OUTDIAL, EXECUTE_FLOW/],
    ['CALLBACK without callback', { ...GOOD_BODY, callback: undefined }, /callback is required when outboundType is CALLBACK/],
    ['wrong callbackType', { ...GOOD_BODY, callback: { callbackOrigin: 'web', callbackType: 'scheduled' } }, /callback.callbackType must be "immediate"/],
    ['callback without its callbackOrigin (named inside callback)', { ...GOOD_BODY, callback: { callbackType: 'immediate' } }, /^callback\.callbackOrigin is required$/],
    ['OUTDIAL without origin', { ...GOOD_BODY, outboundType: 'OUTDIAL' }, /origin is required when outboundType is OUTDIAL or EXECUTE_FLOW/],
    ['destination over 36 characters', { ...GOOD_BODY, destination: '1'.repeat(37) }, /destination must be at most 36 characters/],
    ['empty entryPointId', { ...GOOD_BODY, entryPointId: '' }, /entryPointId must not be empty/],
    ['more than 30 attributes', { ...GOOD_BODY, attributes: Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`k${i}`, 'v'])) }, /attributes must have at most 30 entries/],
    ['an attribute value over 1024 bytes', { ...GOOD_BODY, attributes: { big: 'é'.repeat(513) } }, /attributes.big is longer than 1024 bytes/],
    ['an attribute key over 200 bytes (named as a key, not as the attributes object)', { ...GOOD_BODY, attributes: { ['k'.repeat(201)]: 'v' } }, /^attributes key "k{20}…" is longer than 200 bytes$/],
    ['an ASCII attribute value over 1024 bytes', { ...GOOD_BODY, attributes: { big: 'v'.repeat(1025) } }, /^attributes.big is longer than 1024 bytes$/],
    ['an entry point the tenant does not have', { ...GOOD_BODY, entryPointId: '+14085267209' }, /not an outbound entry point/],
    ['EXECUTE_FLOW with the outdial entry point (it needs an inbound one)', { ...GOOD_BODY, outboundType: 'EXECUTE_FLOW', origin: '+14806754092', callback: undefined }, /^entryPointId "0011ed11-ca98-4c67-8621-9c54be08e692" is an outbound entry point: EXECUTE_FLOW needs an inbound entry point$/],
  ];
  for (const [name, body, message] of INVALID) {
    test(`400 naming the field: ${name}`, async () => {
      const { response, json, services } = await send(post(JSON.parse(JSON.stringify(body))));
      expect(response?.status).toBe(400);
      expect(json.error.key).toBe('400');
      expect(json.error.message[0].description).toMatch(message);
      expect(services.tasks).toEqual([]);
    });
  }

  test('a body that is not JSON is a 400', async () => {
    const { response, json } = await send(post('{"entryPointId": "{{outdialcbid}}",'));
    expect(response?.status).toBe(400);
    expect(json.error.message[0].description).toMatch(/not valid JSON/);
  });

  test('a body nested deeper than 1,000 levels is a 400 saying so, as Java readers refuse it; 1,000 levels in a field of its own is taken', async () => {
    const nested = (depth: number) => `${JSON.stringify(GOOD_BODY).slice(0, -1)},"extra":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;
    for (const depth of [1001, 20_000]) {
      const { response, json } = await send(post(nested(depth)));
      expect([response?.status, json.error.message[0].description]).toEqual([400, 'request body nests deeper than 1000 levels']);
    }
    expect((await send(post(nested(1000)))).response?.status).toBe(201);
  });

  test('an empty body is a 400 saying it is empty, not that it is not valid JSON', async () => {
    for (const body of ['', '  \n']) {
      const { response, json } = await send(post(body));
      expect(response?.status).toBe(400);
      expect(json.error.message[0].description).toBe('request body is empty');
    }
  });

  test('a JSON body that is not an object is a 400 saying so, with the right article', async () => {
    const { response, json } = await send(post([]));
    expect(response?.status).toBe(400);
    expect(json.error.message[0].description).toBe('body must be an object');
    const attributes = await send(post({ ...GOOD_BODY, attributes: 'x' }));
    expect(attributes.json.error.message[0].description).toBe('attributes must be an object');
    const destination = await send(post({ ...GOOD_BODY, destination: 5 }));
    expect(destination.json.error.message[0].description).toBe('destination must be a string');
  });

  test('authorization: none → 401, malformed → 400, a foreign token → 401', async () => {
    expect((await send(post(GOOD_BODY, {}))).response?.status).toBe(401);
    expect((await send(post(GOOD_BODY, { authorization: 'Token abc' }))).response?.status).toBe(400);
    expect((await send(post(GOOD_BODY, { authorization: 'Bearer stolen' }))).response?.status).toBe(401);
  });

  for (const status of [400, 401, 403, 500, 503] as const) {
    test(`a scenario can force ${status}, recorded as the forced answer`, async () => {
      const { response, services } = await send(post(GOOD_BODY), { tasks: { status } });
      expect(response?.status).toBe(status);
      expect(services.tasks).toEqual([]);
      expect(services.requests).toStrictEqual([{ service: 'tasks-api', method: 'POST', url: TASKS, status, forced: true }]);
    });
  }

  test('an Authorization header the API refuses gets its own answer in a forced scenario, recorded as not the forced one', async () => {
    for (const status of [400, 500] as const) {
      for (const [headers, refusal] of [[{ authorization: 'Basic d3hjYzpsYWI=' }, 400], [{}, 401], [{ authorization: 'Bearer stolen' }, 401]] as const) {
        const { response, json, services } = await send(post(GOOD_BODY, headers), { tasks: { status } });
        expect(response?.status, `${status} forced, ${JSON.stringify(headers)}`).toBe(refusal);
        expect(json.error.message[0].description).not.toBe('Bad Request');
        expect(services.requests).toStrictEqual([{ service: 'tasks-api', method: 'POST', url: TASKS, status: refusal }]);
      }
    }
  });

  test('the record is all that marks a forced 400 apart from a refusal: the flow reads the same headers and fields, only the description differs', async () => {
    const forced = await send(post(GOOD_BODY), { tasks: { status: 400 } });
    const refused = await send(post(GOOD_BODY, { authorization: 'Basic d3hjYzpsYWI=' }), { tasks: { status: 400 } });
    expect([...forced.response!.headers.keys()]).toEqual([...refused.response!.headers.keys()]);
    expect({ ...forced.json, error: { ...forced.json.error, message: [] } }).toEqual({ ...refused.json, error: { ...refused.json.error, message: [] } });
  });

  test('a scenario can force 429 with Retry-After and no body, or a timeout', async () => {
    const limited = await send(post(GOOD_BODY), { tasks: { status: 429, retryAfter: 7 } });
    expect(limited.response?.status).toBe(429);
    expect(limited.response?.headers.get('retry-after')).toBe('7');
    expect(limited.body).toBe('');
    expect(limited.services.requests).toStrictEqual([{ service: 'tasks-api', method: 'POST', url: TASKS, status: 429, forced: true }]);
    const timeout = await send(post(GOOD_BODY), { tasks: { timeout: true } });
    expect(timeout.response?.type).toBe('error');
    expect(timeout.services.requests).toStrictEqual([{ service: 'tasks-api', method: 'POST', url: TASKS, status: null, forced: true }]);
  });
});

test('requests no mock answers stay unanswered (the simulator blocks them)', async () => {
  for (const url of ['https://example.com/', 'http://127.0.0.1:8080/x', 'http://[::1]:8080/', 'http://169.254.169.254/latest/meta-data', 'https://api.wxcc-us1.cisco.ch/v1/tasks']) {
    expect((await send(new Request(url))).response, url).toBeUndefined();
  }
});

test('each createMockServices call starts with fresh state', async () => {
  const first = await send(post(GOOD_BODY));
  expect(first.services.tasks).toHaveLength(1);
  const second = createMockServices();
  expect(second.tasks).toEqual([]);
  expect(second.requests).toEqual([]);
});

test('the rest of the WxCC API host answers like the real API: 405 for another method, 404 for another path', async () => {
  const put = await send(new Request(TASKS, { method: 'PUT', body: JSON.stringify(GOOD_BODY), headers: { authorization: `Bearer ${MOCK_BEARER_TOKEN}` } }));
  expect(put.response?.status).toBe(405);
  expect(put.services.tasks).toEqual([]);
  const path = await send(post(GOOD_BODY, undefined, 'https://api.wxcc-us1.cisco.com/v1/task'));
  expect(path.response?.status).toBe(404);
  expect(path.json.error.message[0].description).toBe('POST /v1/task is not mocked: flowgrade answers only Create Task (POST /v1/tasks) of the WxCC API');
  // Recorded as the Tasks API only on its own path: another path (the Search API's /search) is the rest of the WxCC API.
  expect(put.services.requests.map((request) => request.service)).toEqual(['tasks-api']);
  expect(path.services.requests.map((request) => request.service)).toEqual(['wxcc-api']);
});

test('GET /v1/tasks is Get Tasks, a real operation of the API that flowgrade does not mock: 404, recorded as not mocked (not 405)', async () => {
  const get = await send(new Request(TASKS, { headers: { authorization: `Bearer ${MOCK_BEARER_TOKEN}` } }));
  expect(get.response?.status).toBe(404);
  expect(get.json.error.message[0].description).toBe('GET /v1/tasks is not mocked: flowgrade answers only Create Task (POST /v1/tasks) of the WxCC API');
  expect(get.services.tasks).toEqual([]);
  expect(requestsNotMocked(get.services.requests).map((request) => `${request.method} ${request.url}`)).toEqual([`GET ${TASKS}`]);
});

test('the Tasks API answers for the tenant of the simulated call (its NewPhoneContact.OrgId)', () => {
  expect(DEFAULT_ORG_ID).toBe(DEFAULT_CONTACT.OrgId);
});
