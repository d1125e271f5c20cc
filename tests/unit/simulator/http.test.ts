import { test, expect } from '@playwright/test';
import { passthrough } from 'msw';
import { simulate } from '../../../engine/simulator/index.js';
import { createMockServices } from '../../../mocks/index.js';
import { buildFlow, CONNECTOR_BASE, condition, DYNVARS_URL, endFlow, fakeServices, http, HttpResponse, httpRequest, OUTDIAL_EP, setVar, TOKEN, type FlowSpec, type Node } from './helpers.js';

const RECORD = [{ outboundcallbackep: OUTDIAL_EP, tacnumber: '+14085267209', count: '12', vip: true }];

const variables = [
  { name: 'outdialcbid', type: 'STRING', value: '' },
  { name: 'customani', type: 'STRING', value: '' },
  { name: 'count', type: 'INTEGER', value: '0' },
  { name: 'blob', type: 'JSON', value: '{}' },
  { name: 'flag', type: 'BOOLEAN', value: 'false' },
];

/** NewPhoneContact → Req → Check ({{Req.httpStatusCode == 200}}) → EndFlow (true) / unlinked false. */
function flowWith(node: Node): FlowSpec {
  return {
    variables,
    main: [node, condition('Check', `{{${node.label}.httpStatusCode == 200}}`), endFlow()],
    links: [['NewPhoneContact', 'out', node.label], [node.label, 'default', 'Check'], ['Check', 'true', 'EndFlow']],
  };
}

const dynvars = () => http.get(DYNVARS_URL, () => HttpResponse.json(RECORD));

test.describe('request building', () => {
  test('unauthenticated: the rendered URL plus query parameters and headers; outputs by label', async () => {
    let seenUrl = '';
    let seenHeader: string | null = null;
    const services = fakeServices([
      http.get(DYNVARS_URL, ({ request }) => {
        seenUrl = request.url;
        seenHeader = request.headers.get('x-caller');
        return HttpResponse.json(RECORD, { headers: { 'X-Trace': 'abc' } });
      }),
    ]);
    const node = httpRequest('GET_CBID', {
      httpRequestUrl: `${DYNVARS_URL}?dn={{NewPhoneContact.DNIS | slice(2) }}`,
      httpQueryParameters: { ani: '{{NewPhoneContact.ANI}}' },
      httpRequestHeaders: { 'X-Caller': 'caller {{NewPhoneContact.ANI}}' },
    });
    const result = await simulate(buildFlow(flowWith(node)), {}, { services });
    expect(seenUrl).toBe(`${DYNVARS_URL}?dn=4694096861&ani=%2B14085551234`);
    expect(seenHeader).toBe('caller +14085551234');
    const entry = result.trace.find((e) => e.activity === 'GET_CBID')!;
    expect(entry.outcome).toBe('default');
    expect(entry.http).toMatchObject({ method: 'GET', url: seenUrl, status: 200, requestHeaders: { 'x-caller': 'caller +14085551234' } });
    expect(entry.http?.requestBody).toBeUndefined();
    expect(result.variables['GET_CBID.httpStatusCode']).toBe(200);
    expect(JSON.parse(result.variables['GET_CBID.httpResponseBody'] as string)).toEqual(RECORD);
    expect(result.variables['GET_CBID.httpResponseHeaders']).toMatchObject({ 'x-trace': 'abc', 'content-type': 'application/json' });
    expect(result.trace.find((e) => e.activity === 'Check')?.outcome).toBe('true');
  });

  test('authenticated: connector base + path, bearer token, rendered JSON body', async () => {
    let auth: string | null = null;
    let body = '';
    let contentType: string | null = null;
    const services = fakeServices([
      http.post(`${CONNECTOR_BASE}/v1/tasks`, async ({ request }) => {
        auth = request.headers.get('authorization');
        contentType = request.headers.get('content-type');
        body = await request.text();
        return HttpResponse.json({ data: { id: 't' } }, { status: 201 });
      }),
    ]);
    const node = httpRequest('CallBackAPI_HTTPRequest', {
      authenticated: true,
      connectorId: 'c-1',
      'connectorId:name': 'WxCC_API',
      httpRequestPath: '/v1/tasks',
      httpRequestUrl: null,
      httpRequestMethod: 'POST',
      httpRequestBody: '{"destination": "{{NewPhoneContact.ANI}}"}',
      contentType: null,
    });
    const result = await simulate(buildFlow(flowWith(node)), {}, { services });
    expect(auth).toBe(`Bearer ${TOKEN}`);
    expect(contentType).toBe('application/json');
    expect(JSON.parse(body)).toEqual({ destination: '+14085551234' });
    const entry = result.trace.find((e) => e.activity === 'CallBackAPI_HTTPRequest')!;
    expect(entry.http).toMatchObject({ url: `${CONNECTOR_BASE}/v1/tasks`, status: 201, requestBody: body });
    expect(result.variables['CallBackAPI_HTTPRequest.httpStatusCode']).toBe(201);
  });

  test('the trace keeps 10,000 characters of a long request or response body; the request is sent whole', async () => {
    let received = '';
    const long = 'B'.repeat(30_000);
    const services = fakeServices([
      http.post(`${CONNECTOR_BASE}/v1/tasks`, async ({ request }) => {
        received = await request.text();
        return HttpResponse.text(`${received}!`, { status: 201 });
      }),
    ]);
    const node = httpRequest('Big', { authenticated: true, 'connectorId:name': 'WxCC_API', httpRequestPath: '/v1/tasks', httpRequestMethod: 'POST', httpRequestBody: long, contentType: null });
    const result = await simulate(buildFlow(flowWith(node)), {}, { services });
    expect(received).toBe(long);
    const entry = result.trace.find((e) => e.activity === 'Big')!;
    expect(entry.http?.requestBody).toBe(`${'B'.repeat(10_000)}… (30000 characters)`);
    expect(entry.http?.responseBody).toBe(`${'B'.repeat(10_000)}… (30001 characters)`);
    expect(result.variables['Big.httpResponseBody']).toBe(`${long}!`);
  });

  test('a connector path without a leading slash is joined with one', async () => {
    let seenUrl = '';
    const services = fakeServices([http.get(`${CONNECTOR_BASE}/search`, ({ request }) => ((seenUrl = request.url), HttpResponse.json({})))]);
    const node = httpRequest('Search', { authenticated: true, 'connectorId:name': 'WxCC_API', httpRequestPath: 'search?x=1' });
    await simulate(buildFlow(flowWith(node)), {}, { services });
    expect(seenUrl).toBe(`${CONNECTOR_BASE}/search?x=1`);
  });

  test('a URL or path is trimmed as Java trims: a no-break space pasted at its end is sent (%C2%A0), a tab, a line break or a space before a path is not', async () => {
    const seen: string[] = [];
    const services = fakeServices([http.all(/.*/, ({ request }) => (seen.push(request.url), HttpResponse.json({})))]);
    const nodes = [
      httpRequest('Url', { httpRequestUrl: `${DYNVARS_URL}?dn=1\u00a0` }),
      httpRequest('Path', { authenticated: true, 'connectorId:name': 'WxCC_API', httpRequestPath: '/search\u00a0' }),
      httpRequest('Tabbed', { httpRequestUrl: `\t${DYNVARS_URL}?dn=1\n` }),
      httpRequest('SpacedPath', { authenticated: true, 'connectorId:name': 'WxCC_API', httpRequestPath: ' /search' }),
    ];
    for (const node of nodes) await simulate(buildFlow(flowWith(node)), {}, { services });
    expect(seen).toEqual([`${DYNVARS_URL}?dn=1%C2%A0`, `${CONNECTOR_BASE}/search%C2%A0`, `${DYNVARS_URL}?dn=1`, `${CONNECTOR_BASE}/search`]);
  });

  test("a Request URL's own query is sent as typed when no Query Parameters are added: not re-encoded (%20 stays, a bare name gets no =)", async () => {
    const seen: string[] = [];
    const services = fakeServices([http.all(/.*/, ({ request }) => (seen.push(request.url), HttpResponse.json({})))]);
    await simulate(buildFlow(flowWith(httpRequest('Req', { httpRequestUrl: `${DYNVARS_URL}?dn=a%20b&flag` }))), {}, { services });
    expect(seen).toEqual([`${DYNVARS_URL}?dn=a%20b&flag`]);
  });

  test('GraphQL bodies are sent as {query, variables} JSON', async () => {
    let body: unknown;
    const services = fakeServices([http.post(`${CONNECTOR_BASE}/search`, async ({ request }) => ((body = await request.json()), HttpResponse.json({})))]);
    const node = httpRequest('Search', {
      authenticated: true,
      'connectorId:name': 'WxCC_API',
      httpRequestPath: '/search',
      httpRequestMethod: 'POST',
      httpContentType: 'GraphQL',
      httpRequestBodyGQL: { query: '{ task(ani: "{{NewPhoneContact.ANI}}") { id } }', variables: ' ' },
    });
    await simulate(buildFlow(flowWith(node)), {}, { services });
    expect(body).toEqual({ query: '{ task(ani: "+14085551234") { id } }', variables: {} });
  });

  test('GraphQL variables are rendered and sent parsed; variables that are not JSON fail the activity, sending nothing', async () => {
    const bodies: unknown[] = [];
    const services = () => fakeServices([http.post(`${CONNECTOR_BASE}/search`, async ({ request }) => (bodies.push(await request.json()), HttpResponse.json({})))]);
    const node = (variables: string) =>
      httpRequest('Search', {
        authenticated: true,
        'connectorId:name': 'WxCC_API',
        httpRequestPath: '/search',
        httpRequestMethod: 'POST',
        httpContentType: 'GraphQL',
        httpRequestBodyGQL: { query: 'query($ani: String) { task(ani: $ani) { id } }', variables },
      });
    await simulate(buildFlow(flowWith(node('{"ani": "{{NewPhoneContact.ANI}}"}'))), {}, { services: services() });
    expect(bodies).toEqual([{ query: 'query($ani: String) { task(ani: $ani) { id } }', variables: { ani: '+14085551234' } }]);
    const broken = await simulate(buildFlow(flowWith(node('{ani: {{NewPhoneContact.ANI}}}'))), {}, { services: services() });
    expect(broken.trace.find((e) => e.activity === 'Search')?.error).toContain('the GraphQL variables are not valid JSON');
    expect(bodies).toHaveLength(1);
  });

  test('GraphQL variables nested deeper than 1,000 levels fail the activity as Java readers refuse them, sending nothing (5,000 levels overflowed the stack as they were sent)', async () => {
    const bodies: unknown[] = [];
    const services = () => fakeServices([http.post(`${CONNECTOR_BASE}/search`, async ({ request }) => (bodies.push(await request.json()), HttpResponse.json({})))]);
    const node = (depth: number) =>
      httpRequest('Search', { authenticated: true, 'connectorId:name': 'WxCC_API', httpRequestPath: '/search', httpRequestMethod: 'POST', httpContentType: 'GraphQL', httpRequestBodyGQL: { query: '{ x }', variables: `{"a": ${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}` } });
    for (const depth of [1001, 5000]) {
      const run = await simulate(buildFlow(flowWith(node(depth))), {}, { services: services() });
      expect(run.trace.find((e) => e.activity === 'Search')?.error).toBe('the GraphQL variables nest deeper than 1000 levels, which Java\'s JSON readers refuse');
    }
    expect(bodies).toHaveLength(0);
    await simulate(buildFlow(flowWith(node(1000))), {}, { services: services() });
    expect(bodies).toHaveLength(1);
  });

  test('a GraphQL body is labelled application/json and a form data one application/x-www-form-urlencoded, whatever the words of the content type; an empty form sends no body', async () => {
    const seen: string[] = [];
    const services = fakeServices([
      http.all(DYNVARS_URL, async ({ request }) => {
        seen.push(`${request.headers.get('content-type')} ${await request.text()}`);
        return HttpResponse.json({});
      }),
    ]);
    const graphql = { httpRequestBodyGQL: { query: '{ x }', variables: '' } };
    const form = { httpRequestBodyFormData: { ani: '{{NewPhoneContact.ANI}}' } };
    const cases: [string, Record<string, unknown>, string][] = [
      ['GraphQL', graphql, 'application/json {"query":"{ x }","variables":{}}'],
      ['application/graphql', graphql, 'application/json {"query":"{ x }","variables":{}}'],
      ['Application/x-www-form-urlencoded', form, 'application/x-www-form-urlencoded ani=%2B14085551234'],
      ['multipart/form-data', form, 'application/x-www-form-urlencoded ani=%2B14085551234'],
      ['Application/x-www-form-urlencoded', { httpRequestBodyFormData: {} }, 'null '],
    ];
    for (const [contentType, body] of cases) {
      const node = httpRequest('Req', { httpRequestUrl: DYNVARS_URL, httpRequestMethod: 'POST', httpContentType: contentType, ...body });
      await simulate(buildFlow(flowWith(node)), {}, { services });
    }
    expect(seen).toEqual(cases.map(([, , sent]) => sent));
  });

  test("each method Flow Designer offers is sent as chosen, in any case; the body's Content-Type follows the request content type", async () => {
    const body = '{"ani": "{{NewPhoneContact.ANI}}"}';
    const seen: string[] = [];
    const services = fakeServices([
      http.all(DYNVARS_URL, async ({ request }) => {
        seen.push(`${request.method} ${request.headers.get('content-type')} ${await request.text()}`);
        return HttpResponse.json({});
      }),
    ]);
    const cases: [string, string, string][] = [
      ['GET', 'Application/JSON', 'GET null '],
      ['HEAD', 'Application/JSON', 'HEAD null '],
      ['post', 'Application/JSON', 'POST application/json {"ani": "+14085551234"}'],
      ['PUT', 'Application/XML', 'PUT application/xml {"ani": "+14085551234"}'],
      ['Patch', 'Text/Plain', 'PATCH text/plain {"ani": "+14085551234"}'],
      ['DELETE', '', 'DELETE text/plain;charset=UTF-8 {"ani": "+14085551234"}'],
      ['OPTIONS', 'Application/JSON', 'OPTIONS application/json {"ani": "+14085551234"}'],
    ];
    for (const [method, contentType] of cases) {
      const node = httpRequest('Req', { httpRequestUrl: DYNVARS_URL, httpRequestMethod: method, httpContentType: contentType, httpRequestBody: body });
      const result = await simulate(buildFlow(flowWith(node)), {}, { services });
      expect(result.trace.find((e) => e.activity === 'Req')).toMatchObject({ outcome: 'default', http: { method: method.toUpperCase(), status: 200 } });
    }
    expect(seen).toEqual(cases.map(([, , sent]) => sent));
  });

  test('no method picked is sent as GET; the body of an HTML, None or other content type is labelled text/html, by default, or as typed when it names a media type', async () => {
    const body = '<p>{{NewPhoneContact.ANI}}</p>';
    const seen: string[] = [];
    const services = fakeServices([
      http.all(DYNVARS_URL, async ({ request }) => {
        seen.push(`${request.method} ${request.headers.get('content-type')} ${await request.text()}`);
        return HttpResponse.json({});
      }),
    ]);
    const cases: [string | null, string, string][] = [
      [null, 'Application/JSON', 'GET null '],
      ['  ', 'Application/JSON', 'GET null '],
      ['POST', 'Text/HTML', 'POST text/html <p>+14085551234</p>'],
      ['POST', 'None', 'POST text/plain;charset=UTF-8 <p>+14085551234</p>'],
      ['POST', 'image/svg', 'POST image/svg <p>+14085551234</p>'],
      ['POST', 'Binary', 'POST text/plain;charset=UTF-8 <p>+14085551234</p>'],
    ];
    for (const [method, contentType] of cases) {
      const node = httpRequest('Req', { httpRequestUrl: DYNVARS_URL, httpRequestMethod: method, httpContentType: contentType, httpRequestBody: body });
      const result = await simulate(buildFlow(flowWith(node)), {}, { services });
      expect(result.trace.find((e) => e.activity === 'Req')).toMatchObject({ outcome: 'default', http: { method: method?.trim() || 'GET', status: 200 } });
    }
    expect(seen).toEqual(cases.map(([, , sent]) => sent));
  });

  test('a Content-Type the activity sets itself is the one sent with the body, not a second one', async () => {
    let sent: string | null = null;
    const services = fakeServices([http.post(DYNVARS_URL, ({ request }) => ((sent = request.headers.get('content-type')), HttpResponse.json({})))]);
    const node = httpRequest('Req', { httpRequestUrl: DYNVARS_URL, httpRequestMethod: 'POST', httpRequestHeaders: { 'Content-Type': 'application/vnd.api+json' }, httpRequestBody: '{"a":1}' });
    const result = await simulate(buildFlow(flowWith(node)), {}, { services });
    expect(sent).toBe('application/vnd.api+json');
    expect(result.trace.find((e) => e.activity === 'Req')?.http?.requestHeaders).toEqual({ 'content-type': 'application/vnd.api+json' });
  });

  test('header rows named by "name" instead of "key" are sent; form data with no field sends no body', async () => {
    const sent: string[] = [];
    const services = fakeServices([http.post(DYNVARS_URL, async ({ request }) => (sent.push(`${request.headers.get('x-caller')} ${request.headers.get('content-type')} [${await request.text()}]`), HttpResponse.json({})))]);
    const node = httpRequest('Req', {
      httpRequestUrl: DYNVARS_URL,
      httpRequestMethod: 'POST',
      httpContentType: 'Application/x-www-form-urlencoded',
      httpRequestHeaders: [{ name: 'X-Caller', value: '{{NewPhoneContact.ANI}}' }],
      httpRequestBodyFormData: [{ key: '', value: '' }],
    });
    const result = await simulate(buildFlow(flowWith(node)), {}, { services });
    expect(sent).toEqual(['+14085551234 null []']);
    expect(result.trace.find((e) => e.activity === 'Req')?.http?.requestBody).toBeUndefined();
  });

  test('form data is sent urlencoded, names and values rendered', async () => {
    let sent = '';
    const services = fakeServices([http.post(DYNVARS_URL, async ({ request }) => ((sent = `${request.headers.get('content-type')} ${await request.text()}`), HttpResponse.json({})))]);
    const rows = [{ key: 'ani', value: '{{NewPhoneContact.ANI}}' }, { key: 'a b', value: 'c&d' }];
    const node = httpRequest('Req', { httpRequestUrl: DYNVARS_URL, httpRequestMethod: 'POST', httpContentType: 'Application/x-www-form-urlencoded', httpRequestBodyFormData: rows });
    await simulate(buildFlow(flowWith(node)), {}, { services });
    expect(sent).toBe('application/x-www-form-urlencoded ani=%2B14085551234&a+b=c%26d');
  });

  test('a GET request carries no body even when one is configured', async () => {
    const node = httpRequest('GET_CBID', { httpRequestUrl: DYNVARS_URL, httpRequestBody: '{"a":1}' });
    const result = await simulate(buildFlow(flowWith(node)), {}, { services: fakeServices([dynvars()]) });
    expect(result.trace.find((e) => e.activity === 'GET_CBID')?.http?.requestBody).toBeUndefined();
    expect(result.trace.find((e) => e.activity === 'GET_CBID')?.outcome).toBe('default');
  });
});

test.describe('responses and failures', () => {
  for (const status of [400, 500]) {
    test(`HTTP ${status} leaves by default; the following condition decides`, async () => {
      const services = fakeServices([http.get(DYNVARS_URL, () => HttpResponse.json({ error: 'x' }, { status }))]);
      const result = await simulate(buildFlow(flowWith(httpRequest('GET_CBID', { httpRequestUrl: DYNVARS_URL }))), {}, { services });
      expect(result.trace.find((e) => e.activity === 'GET_CBID')?.outcome).toBe('default');
      expect(result.variables['GET_CBID.httpStatusCode']).toBe(status);
      expect(result.trace.find((e) => e.activity === 'Check')?.outcome).toBe('false');
      expect(result.globalErrorRaised).toBe(false);
    });
  }

  for (const url of ['https://example.com/api', 'http://127.0.0.1:8080/x']) {
    test(`an unmocked request (${url}) is blocked, never sent, and fails the activity`, async () => {
      const realFetch = globalThis.fetch;
      let fetched = 0;
      globalThis.fetch = (async () => {
        fetched += 1;
        throw new Error('network used');
      }) as typeof fetch;
      try {
        const services = fakeServices([dynvars()]);
        const result = await simulate(buildFlow(flowWith(httpRequest('Req', { httpRequestUrl: url }))), {}, { services });
        const entry = result.trace.find((e) => e.activity === 'Req')!;
        expect(entry.outcome).toBe('error');
        expect(entry.http).toMatchObject({ url: new URL(url).href, status: null, unmocked: true });
        expect(entry.error).toContain('not answered by any mock');
        expect(entry.modifiedVariables).toEqual({});
        expect(result.globalErrorRaised).toBe(true);
        expect(fetched).toBe(0);
      } finally {
        globalThis.fetch = realFetch;
      }
    });
  }

  test('a passthrough answer counts as unmocked', async () => {
    const services = fakeServices([http.get(DYNVARS_URL, () => passthrough())]);
    const result = await simulate(buildFlow(flowWith(httpRequest('Req', { httpRequestUrl: DYNVARS_URL }))), {}, { services });
    expect(result.trace.find((e) => e.activity === 'Req')?.http?.unmocked).toBe(true);
  });

  test('a network error / timeout (Response.error) is timedOut and fails the activity', async () => {
    const services = fakeServices([http.get(DYNVARS_URL, () => HttpResponse.error())]);
    const result = await simulate(buildFlow(flowWith(httpRequest('Req', { httpRequestUrl: DYNVARS_URL }))), {}, { services });
    const index = result.trace.findIndex((e) => e.activity === 'Req');
    expect(result.trace[index]).toMatchObject({ outcome: 'error', http: { status: null, timedOut: true } });
    expect(result.trace[index + 1]).toMatchObject({ flow: 'OnGlobalError', activity: 'GlobalErrorHandling' });
  });

  test('an unknown connector or a URL that is not http(s) fails the activity', async () => {
    const unknown = httpRequest('Req', { authenticated: true, 'connectorId:name': 'Salesforce', httpRequestPath: '/x' });
    const a = await simulate(buildFlow(flowWith(unknown)), {}, { services: fakeServices() });
    expect(a.trace.find((e) => e.activity === 'Req')?.error).toContain("connector 'Salesforce' is not available");
    const ftp = await simulate(buildFlow(flowWith(httpRequest('Req', { httpRequestUrl: 'ftp://x/y' }))), {}, { services: fakeServices() });
    expect(ftp.trace.find((e) => e.activity === 'Req')?.error).toContain('is not http(s)');
  });

  test('a connector with no base address, or a blank Request URL, fails the activity by name', async () => {
    const connector = httpRequest('Req', { authenticated: true, 'connectorId:name': 'WxCC_API', httpRequestPath: '/x' });
    const services = { ...fakeServices(), connectorBaseUrl: () => '' };
    const a = await simulate(buildFlow(flowWith(connector)), {}, { services });
    expect(a.trace.find((e) => e.activity === 'Req')).toMatchObject({ outcome: 'error', error: "connector 'WxCC_API' is not available" });
    for (const httpRequestUrl of ['', '   ', '\t\n']) {
      const blank = await simulate(buildFlow(flowWith(httpRequest('Req', { httpRequestUrl }))), {}, { services: fakeServices() });
      expect(blank.trace.find((e) => e.activity === 'Req')).toMatchObject({ outcome: 'error', error: 'no request URL' });
    }
    // Blank as Java trims: a no-break space stays, and is a URL that is not one (as get-cbid-url says).
    const nbsp = await simulate(buildFlow(flowWith(httpRequest('Req', { httpRequestUrl: '\u00a0' }))), {}, { services: fakeServices() });
    expect(nbsp.trace.find((e) => e.activity === 'Req')).toMatchObject({ outcome: 'error', error: 'invalid request URL "\u00a0"' });
  });
});

test.describe('requests the platform would refuse: our words, the same in Node and in every browser', () => {
  const errorOf = async (props: Record<string, unknown>) => {
    const result = await simulate(buildFlow(flowWith(httpRequest('Req', { httpRequestUrl: DYNVARS_URL, ...props }))), {}, { services: fakeServices([dynvars()]) });
    return result.trace.find((e) => e.activity === 'Req')?.error;
  };

  test('header names and values, methods and credentials in the URL are checked before the request is built', async () => {
    expect(await errorOf({ httpRequestHeaders: { 'X Bad': '1' } })).toBe(`invalid request header name "X Bad": only letters, digits and !#$%&'*+-.^_\`|~ are allowed`);
    expect(await errorOf({ httpRequestHeaders: { 'X-Note': 'a\nb' } })).toBe('invalid value of request header X-Note: it holds a line break or a NUL character');
    expect(await errorOf({ httpRequestHeaders: { 'X-Note': 'a\0b' } })).toBe('invalid value of request header X-Note: it holds a line break or a NUL character');
    expect(await errorOf({ httpRequestHeaders: { 'X-Note': 'price 5€' } })).toBe('invalid value of request header X-Note: it holds a character beyond Latin-1 ("€"); encode it first, e.g. with | urlencode');
    expect(await errorOf({ httpRequestMethod: 'CONNECT' })).toBe('request method CONNECT cannot be sent by an HTTP Request activity');
    expect(await errorOf({ httpRequestMethod: 'PO ST' })).toBe('invalid request method "PO ST": a method is one word without spaces or accents, such as GET or POST');
    expect(await errorOf({ httpRequestUrl: 'https://user:pw@674481b1b4e2e04abea27c6e.mockapi.io/x' })).toBe('request URL "https://user:pw@674481b1b4e2e04abea27c6e.mockapi.io/x" holds a user name or password (user:password@): not sent');
    expect(await errorOf({ httpRequestUrl: 'https://:pw@674481b1b4e2e04abea27c6e.mockapi.io/x' })).toBe('request URL "https://:pw@674481b1b4e2e04abea27c6e.mockapi.io/x" holds a user name or password (user:password@): not sent');
    expect(await errorOf({ httpRequestHeaders: { 'X-Name': 'Zoë' } })).toBeUndefined(); // Latin-1 is fine
    expect(await errorOf({ httpRequestHeaders: [{ key: '', value: '' }, { key: ' ', value: 'x' }] })).toBeUndefined(); // empty placeholder rows are skipped
    // Told apart whatever the case, and behind a user name (which Node refuses as invalid, Chromium takes).
    for (const host of ['674481b1b4e2e04abea27c6e.xn--a.io', 'xn--a.674481b1b4e2e04abea27c6e.mockapi.io', 'XN--A.674481b1b4e2e04abea27c6e.mockapi.io', 'user@xn--a.674481b1b4e2e04abea27c6e.mockapi.io']) {
      expect(await errorOf({ httpRequestUrl: `https://${host}/x` })).toBe(`request URL "https://${host}/x" names an internationalised host (xn--…), which no mock answers`);
    }
  });

  test('a user name alone in the URL is refused too; a URL typed with spaces around it is judged, and quoted, trimmed', async () => {
    expect(await errorOf({ httpRequestUrl: 'https://user@674481b1b4e2e04abea27c6e.mockapi.io/x' })).toBe('request URL "https://user@674481b1b4e2e04abea27c6e.mockapi.io/x" holds a user name or password (user:password@): not sent');
    expect(await errorOf({ httpRequestUrl: ' https://xn--a.674481b1b4e2e04abea27c6e.mockapi.io/x ' })).toBe('request URL "https://xn--a.674481b1b4e2e04abea27c6e.mockapi.io/x" names an internationalised host (xn--…), which no mock answers');
    expect(await errorOf({ httpRequestUrl: ' ftp://x/y ' })).toBe('request URL "ftp://x/y" is not http(s)');
  });
});

test.describe('parse settings', () => {
  const parse = (rows: [string, string][], extra: Record<string, unknown> = {}) =>
    httpRequest('GET_CBID', { httpRequestUrl: DYNVARS_URL, outputVariableArray: rows.map(([outputVariable, jsonPathExp]) => ({ outputVariable, jsonPathExp })), ...extra });
  const runParse = async (node: Node, handler = dynvars()) => simulate(buildFlow(flowWith(node)), {}, { services: fakeServices([handler]) });

  test('JSONPath rows fill declared variables, converted to their types', async () => {
    const result = await runParse(parse([['outdialcbid', '$[0].outboundcallbackep'], ['customani', '[0].tacnumber'], ['count', '$[0].count'], ['flag', '$[0].vip'], ['blob', '$[0]']]));
    expect(result.trace.find((e) => e.activity === 'GET_CBID')?.modifiedVariables).toMatchObject({
      outdialcbid: '0011ed11-ca98-4c67-8621-9c54be08e692',
      customani: '+14085267209',
      count: 12,
      flag: true,
      blob: RECORD[0],
    });
  });

  test('a JSON variable a path fills reads the numbers of the body as Java does: 100.0 a Double, an integer beyond 2^53 a Long with every digit', async () => {
    const body = '[{"price": 100.0, "id": 1234567890123456789}, {"price": 2.0, "id": 7}]';
    const answer = http.get(DYNVARS_URL, () => HttpResponse.text(body, { headers: { 'Content-Type': 'application/json' } }));
    const show = (path: string, template: string) =>
      simulate(
        buildFlow({
          variables,
          main: [parse([['blob', path]]), setVar('Show', 'outdialcbid', template), endFlow()],
          links: [['NewPhoneContact', 'out', 'GET_CBID'], ['GET_CBID', 'default', 'Show'], ['Show', 'out', 'EndFlow']],
        }),
        {},
        { services: fakeServices([answer]) },
      );
    // One match (a record), a list of matches (each where it is in the body), the whole body.
    expect((await show('$[0]', '{{ blob.price }} {{ blob.price / 8 }} {{ blob.id }}')).variables.outdialcbid).toBe('100.0 12.5 1234567890123456789');
    expect((await show('$[*].price', '{{ blob[0] / 8 }} {{ blob[1] }}')).variables.outdialcbid).toBe('12.5 2.0');
    expect((await show('$', '{{ blob[1].price }} {{ blob[1].id / 2 }}')).variables.outdialcbid).toBe('2.0 3');
  });

  test('no match leaves the variable empty: "" for STRING, null for other types', async () => {
    const result = await runParse(parse([['outdialcbid', '$.outboundcallbackep'], ['count', '$.count']]));
    expect(result.variables.outdialcbid).toBe('');
    expect(result.variables.count).toBeNull();
  });

  test('a body that is not JSON matches nothing', async () => {
    const result = await runParse(parse([['outdialcbid', '$[0].outboundcallbackep']]), http.get(DYNVARS_URL, () => HttpResponse.text('<html>oops</html>', { status: 502 })));
    expect(result.variables.outdialcbid).toBe('');
    expect(result.variables['GET_CBID.httpStatusCode']).toBe(502);
  });

  test('an indefinite path matching nothing leaves the variable empty too, not an empty list (choice)', async () => {
    const result = await runParse(parse([['outdialcbid', '$[*].nothing'], ['customani', '$..nothing'], ['blob', '$[0].list[*]']]));
    expect(result.trace.find((e) => e.activity === 'GET_CBID')).toMatchObject({ outcome: 'default', modifiedVariables: { outdialcbid: '', customani: '', blob: null } });
  });

  test('an indefinite path gives the list of matches (text as JSON for a STRING variable)', async () => {
    const result = await runParse(parse([['outdialcbid', '$[*].tacnumber']]));
    expect(result.variables.outdialcbid).toBe('["+14085267209"]');
  });

  test('a deep scan (..) is indefinite too: a list, even when its one match is a child of the root', async () => {
    // Jayway: `..` makes a path indefinite, so the answer is a list however deep the matches are.
    const flat = http.get(DYNVARS_URL, () => HttpResponse.json({ tacnumber: '+14085267209', nested: { count: 3 } }));
    const result = await runParse(parse([['outdialcbid', '$..tacnumber'], ['customani', '$..count'], ['blob', '$.nested..count']]), flat);
    expect(result.variables.outdialcbid).toBe('["+14085267209"]');
    expect(result.variables.customani).toBe('[3]');
    expect(result.variables.blob).toEqual([3]);
  });

  test('$ gives the whole body even when it is false, 0 or an empty string', async () => {
    for (const [body, variable, expected] of [['false', 'flag', false], ['0', 'count', 0], ['""', 'outdialcbid', ''], ['true', 'flag', true]] as const) {
      const result = await runParse(parse([[variable, '$']]), http.get(DYNVARS_URL, () => HttpResponse.text(body, { headers: { 'Content-Type': 'application/json' } })));
      expect(result.trace.find((e) => e.activity === 'GET_CBID')?.modifiedVariables, body).toHaveProperty(variable, expected);
    }
  });

  test('a negative index counts from the end, as in Jayway: $[-1] is the last record', async () => {
    const records = http.get(DYNVARS_URL, () => HttpResponse.json([{ tacnumber: '+15550000001', list: [1, 2, 3] }, { tacnumber: '+15550000002', list: [4, 5] }]));
    const result = await runParse(
      parse([['outdialcbid', '$[-1].tacnumber'], ['customani', '$[-2].tacnumber'], ['count', '$[0].list[ -1 ]'], ['blob', '$[*].list[-1]'], ['flag', '$[-3].vip']]),
      records,
    );
    expect(result.trace.find((e) => e.activity === 'GET_CBID')?.error).toBeUndefined();
    expect(result.variables).toMatchObject({ outdialcbid: '+15550000002', customani: '+15550000001', count: 3, blob: [3, 5], flag: null });
    // A wildcard after it makes the path indefinite: every value, not the first.
    expect((await runParse(parse([['blob', '$[-1].*']]), records)).variables.blob).toEqual(['+15550000002', [4, 5]]);
  });

  test('an index written with leading zeros is that index, as Jayway reads it (Integer.parseInt): $[00] is $[0], $[-01] the last', async () => {
    const records = http.get(DYNVARS_URL, () => HttpResponse.json([{ tacnumber: '+15550000001', list: [1, 2, 3] }, { tacnumber: '+15550000002', list: [4, 5] }]));
    const result = await runParse(
      parse([['outdialcbid', '$[00].tacnumber'], ['customani', '$[-01].tacnumber'], ['count', '$[0].list[ 002 ]'], ['blob', '$[0].list[00:02]']]),
      records,
    );
    expect(result.trace.find((e) => e.activity === 'GET_CBID')?.error).toBeUndefined();
    expect(result.variables).toMatchObject({ outdialcbid: '+15550000001', customani: '+15550000002', count: 3, blob: [1, 2] });
    expect((await runParse(parse([['blob', '$[001,00].tacnumber']]), records)).variables.blob).toEqual(['+15550000002', '+15550000001']);
  });

  test('a {{ }} in a path is not rendered (choice, docs/simulator.md): it is part of a name, and in brackets unquoted it does not parse', async () => {
    const withKey = http.get(DYNVARS_URL, () => HttpResponse.json([{ tacnumber: '+14085267209', '{{x}}': 'literal key' }]));
    const result = await runParse(parse([['outdialcbid', '$[0].{{x}}'], ['customani', "$[0]['{{x}}']"]]), withKey);
    expect(result.variables).toMatchObject({ outdialcbid: 'literal key', customani: 'literal key' });
    const unquoted = await runParse(parse([['outdialcbid', '$[{{i}}].tacnumber']]));
    expect(unquoted.trace.find((e) => e.activity === 'GET_CBID')?.error).toContain('invalid JSONPath $[{{i}}].tacnumber');
  });

  test('a dot before a bracket reads as the bracket, not as a deep scan', async () => {
    const nested = http.get(DYNVARS_URL, () => HttpResponse.json([{ tacnumber: '+14085267209', more: [{ tacnumber: '+15550000000' }] }]));
    const result = await runParse(parse([['outdialcbid', '$.[0].tacnumber'], ['customani', '$..[0].tacnumber']]), nested);
    expect(result.variables.outdialcbid).toBe('+14085267209');
    expect(result.variables.customani).toBe('["+14085267209","+15550000000"]');
  });

  test('with no parse content type chosen nothing is parsed', async () => {
    const result = await runParse(parse([['outdialcbid', '$[0].outboundcallbackep']], { contentType: null }));
    expect(result.trace.find((e) => e.activity === 'GET_CBID')?.modifiedVariables).not.toHaveProperty('outdialcbid');
    expect(result.variables.outdialcbid).toBe('');
  });

  test('lower-case json content type is parsed; an empty placeholder row is ignored', async () => {
    const result = await runParse(parse([['outdialcbid', '$[0].outboundcallbackep'], ['Select', '']], { contentType: 'json' }));
    expect(result.variables.outdialcbid).toBe('0011ed11-ca98-4c67-8621-9c54be08e692');
  });

  test('an undeclared output variable or an unconvertible value fails the activity', async () => {
    const undeclared = await runParse(parse([['ghost', '$[0].tacnumber']]));
    expect(undeclared.trace.find((e) => e.activity === 'GET_CBID')?.error).toContain("'ghost', which is not a declared flow variable");
    const wrongType = await runParse(parse([['count', '$[0].outboundcallbackep']]));
    const entry = wrongType.trace.find((e) => e.activity === 'GET_CBID')!;
    expect(entry.outcome).toBe('error');
    expect(entry.modifiedVariables).toEqual({});
    expect(wrongType.globalErrorRaised).toBe(true);
  });

  // jsonpath-plus reads a path that does not parse as its longest valid prefix: `$[` as `$`
  // stored the whole body in the variable, `$[0` the whole record.
  const MALFORMED: [string, string][] = [
    ['$[', "invalid JSONPath $[: the '[' at position 2 is not closed"],
    ['$[0', "invalid JSONPath $[0: the '[' at position 2 is not closed"],
    ['[0', "invalid JSONPath $[0: the '[' at position 2 is not closed"],
    ['$[0].', "invalid JSONPath $[0].: the path ends with '.'"],
    ['$.', "invalid JSONPath $.: the path ends with '.'"],
    ['$..', "invalid JSONPath $..: the path ends with '..'"],
    ["$[']", 'invalid JSONPath $[\']: the quote at position 3 is not closed'],
    ["$[0]['tacnumber]", "invalid JSONPath $[0]['tacnumber]: the quote at position 6 is not closed"],
    ['$[0]["tacnumber', 'invalid JSONPath $[0]["tacnumber: the quote at position 6 is not closed'],
    ['$[]', 'invalid JSONPath $[]: empty brackets at position 2'],
    ['$]', "invalid JSONPath $]: unexpected ']' at position 2"],
    ['$...tacnumber', "invalid JSONPath $...tacnumber: unexpected '.' at position 4"],
    ['$^', "invalid JSONPath $^: unexpected '^' at position 2"],
    // Jayway JsonPath allows spaces inside brackets only (jsonpath-plus matched nothing for these).
    ['$ [0].tacnumber', 'invalid JSONPath $ [0].tacnumber: a space at position 2 (outside brackets a path has no spaces)'],
    ['$[0]. tacnumber', 'invalid JSONPath $[0]. tacnumber: a space at position 6 (outside brackets a path has no spaces)'],
    ['$[0] .tacnumber', 'invalid JSONPath $[0] .tacnumber: a space at position 5 (outside brackets a path has no spaces)'],
    ['$[0].tacnumber .vip', 'invalid JSONPath $[0].tacnumber .vip: a space at position 15 (outside brackets a path has no spaces)'],
    ['$[0].tac number', "invalid JSONPath $[0].tac number: a space at position 9 (outside brackets a path has no spaces; a name with spaces is written ['tac number'])"],
    // Jayway 2.10: InvalidPathException ("Expected ?, ', 0-9, *", "Failed to parse SliceOperation")
    ['$[0][tacnumber]', "invalid JSONPath $[0][tacnumber]: a name in brackets is quoted (['tacnumber']), at position 5"],
    ['$[0][tacnumber,vip]', "invalid JSONPath $[0][tacnumber,vip]: a name in brackets is quoted (['tacnumber']), at position 5"],
    ['$[ 0 : 1 ].tacnumber', 'invalid JSONPath $[ 0 : 1 ].tacnumber: no spaces inside a slice (0:1), at position 2'],
    ['$[+1]', "invalid JSONPath $[+1]: a name in brackets is quoted (['+1']), at position 2"],
    // Jayway 2.10: "Arguments to function: 'tacnumber' are not closed properly" (a name before `(` is a function).
    ['$[0].tacnumber(', "invalid JSONPath $[0].tacnumber(: the '(' at position 15 is not closed (Jayway reads a name before '(' as a function)"],
    ['$[0].tac(x', "invalid JSONPath $[0].tac(x: the '(' at position 9 is not closed (Jayway reads a name before '(' as a function)"],
    ['$[0].tac)x(', "invalid JSONPath $[0].tac)x(: the '(' at position 11 is not closed (Jayway reads a name before '(' as a function)"],
    ['$[0]((', "invalid JSONPath $[0]((: the '(' at position 5 is not closed (Jayway reads a name before '(' as a function)"],
  ];
  for (const [path, message] of MALFORMED) {
    test(`a path that does not parse fails the activity, the variable untouched: ${path}`, async () => {
      const result = await runParse(parse([['outdialcbid', path]]));
      const entry = result.trace.find((e) => e.activity === 'GET_CBID')!;
      expect(entry.outcome).toBe('error');
      expect(entry.error).toBe(message);
      expect(entry.modifiedVariables).toEqual({});
      expect(result.variables.outdialcbid).toBe('');
      expect(result.globalErrorRaised).toBe(true);
    });
  }

  test('a path that does not parse fails the activity even when the body is not JSON', async () => {
    const result = await runParse(parse([['outdialcbid', '$[']]), http.get(DYNVARS_URL, () => HttpResponse.text('<html>oops</html>', { status: 502 })));
    expect(result.trace.find((e) => e.activity === 'GET_CBID')?.error).toBe("invalid JSONPath $[: the '[' at position 2 is not closed");
  });

  test('paths that parse keep working: a trailing space, a dot before a bracket, slices, unions, wildcards', async () => {
    const handler = http.get(DYNVARS_URL, () => HttpResponse.json(RECORD));
    const paths: [string, unknown][] = [
      ['$', JSON.stringify(RECORD)],
      ['$.[0].tacnumber', '+14085267209'],
      // Rooted at @, Jayway's current node, which at the top of a path is the body.
      ['@[0].tacnumber', '+14085267209'],
      ['@', JSON.stringify(RECORD)],
      // Jayway parses an index with Integer.parseInt: -0 is 0.
      ['$[-0].tacnumber', '+14085267209'],
      ["$[0:1]['tacnumber']", '["+14085267209"]'],
      ['$[0,0].tacnumber', '["+14085267209","+14085267209"]'],
      ['$..tacnumber', '["+14085267209"]'],
      ['$[*].tacnumber', '["+14085267209"]'],
      ['$[0].tacnumber ', '+14085267209'],
      // Spaces inside brackets, as Jayway JsonPath reads them.
      ['$[ 0 ].tacnumber', '+14085267209'],
      ["$[0][ 'tacnumber' ]", '+14085267209'],
      ['$[0][ "tacnumber" ]', '+14085267209'],
      ['$[ 0 , 0 ].tacnumber', '["+14085267209","+14085267209"]'],
      ["$[ 0: ][ 'tacnumber' ]", '["+14085267209"]'],
      ['$[ * ].tacnumber', '["+14085267209"]'],
    ];
    for (const [path, expected] of paths) {
      const result = await runParse(parse([['outdialcbid', path]]), handler);
      expect(result.trace.find((e) => e.activity === 'GET_CBID')?.error, path).toBeUndefined();
      expect(result.variables.outdialcbid, path).toBe(expected);
    }
  });

  // Jayway 2.10 (PathCompiler): after `]` the next token may be a name without a dot; a dot-notation
  // name keeps its quotes as part of the key.
  test('a name straight after ] reads as after a dot, as Jayway reads it ($[0]tacnumber, the dot left out, finds the number)', async () => {
    const handler = http.get(DYNVARS_URL, () => HttpResponse.json(RECORD));
    const paths: [string, unknown][] = [
      ['$[0]tacnumber', '+14085267209'],
      ["$[0]['tacnumber']", '+14085267209'],
      ['$[*]tacnumber', '["+14085267209"]'],
      ['$[0]tacnumber.x', ''], // (a string has no keys: nothing)
      ['$[0]tac-number', ''], // (no such key)
    ];
    for (const [path, expected] of paths) {
      const result = await runParse(parse([['outdialcbid', path]]), handler);
      expect(result.trace.find((e) => e.activity === 'GET_CBID')?.error, path).toBeUndefined();
      expect(result.variables.outdialcbid, path).toBe(expected);
    }
    // Not after `$` (Jayway: "Illegal character at position 1 expected '.' or '['").
    const root = await runParse(parse([['outdialcbid', '$tacnumber']]), handler);
    expect(root.trace.find((e) => e.activity === 'GET_CBID')?.error).toBe("invalid JSONPath $tacnumber: unexpected 't' at position 2");
  });

  // Jayway 2.10 (PathCompiler.readPropertyOrFunctionToken, CharacterIndex.currentIsTail), each path run on RECORD.
  test('stray brackets and parentheses as Jayway reads them: ] and ) are part of a name, and the one character left after a step is never read', async () => {
    const handler = http.get(DYNVARS_URL, () => HttpResponse.json(RECORD));
    const paths: [string, unknown][] = [
      // A name runs to the next `.`, `[` or `(`: `]` and `)` are characters of it, also first (PathNotFound).
      ['$[0].tacnumber]', ''],
      ['$[0].tac]number', ''],
      ['$[0]].tacnumber', ''],
      ['$[0]]]', ''],
      ['$.]', ''],
      ['$[0].tacnumber)', ''],
      ['$[0]))', ''],
      // A step that ends one character before the end leaves it unread, whatever it is.
      ['$[0]]', JSON.stringify(RECORD[0])],
      ['$[0][', JSON.stringify(RECORD[0])],
      ['$[0](', JSON.stringify(RECORD[0])],
      ['$[0])', JSON.stringify(RECORD[0])],
      ['$[0]x', JSON.stringify(RECORD[0])],
      ['$[0]*', JSON.stringify(RECORD[0])],
      ['$[0]\u00a0', JSON.stringify(RECORD[0])],
      ['$[0].tacnumber[', '+14085267209'],
      ["$[0]['tacnumber']]", '+14085267209'],
      ["$[0]['tacnumber']x", '+14085267209'],
      ['$[*].tacnumber[', '["+14085267209"]'],
      ['$..tacnumber[', '["+14085267209"]'],
      // A `*` is a step of its own wherever a step starts, a name straight after it (`$[0]*xy` is `$[0].*.xy`).
      ['$[0].*x', JSON.stringify(Object.values(RECORD[0]))],
      ['$[0]*x', JSON.stringify(Object.values(RECORD[0]))],
      ['$[0].**', JSON.stringify(Object.values(RECORD[0]))],
      ['$[0]*xy', ''],
      // Only a space (U+0020) cannot start a name: a tab can (`$[0]\t.tacnumber` reads the key "\t").
      ['$[0]\t.tacnumber', ''],
    ];
    for (const [path, expected] of paths) {
      const result = await runParse(parse([['outdialcbid', path]]), handler);
      expect(result.trace.find((e) => e.activity === 'GET_CBID')?.error, path).toBeUndefined();
      expect(result.variables.outdialcbid, path).toBe(expected);
    }
    // A `]` in a name is read as `;` and `,` are: with such a key in the JSON the path is not simulated.
    const keyed = await runParse(parse([['outdialcbid', '$[0].t]']]), http.get(DYNVARS_URL, () => HttpResponse.json([{ 't]': 'tb' }])));
    expect(keyed.status).toBe('not-simulated');
    // A `)` is read as written by jsonpath-plus too (Jayway: "paren").
    const paren = await runParse(parse([['outdialcbid', '$[0].)']]), http.get(DYNVARS_URL, () => HttpResponse.json([{ ')': 'paren' }])));
    expect(paren.variables.outdialcbid).toBe('paren');
  });

  test("quotes in a dot-notation name are part of the key for Jayway ($[0].'tacnumber' looks for the key 'tacnumber' with its quotes): the path matches nothing, the variable stays empty", async () => {
    const handler = http.get(DYNVARS_URL, () => HttpResponse.json(RECORD));
    for (const path of ["$[0].'tacnumber'", "$[0].tacnumber'", '$[0]."tacnumber"', "$[*].'tacnumber'", "$..'tacnumber'"]) {
      const result = await runParse(parse([['outdialcbid', path]]), handler);
      expect(result.trace.find((e) => e.activity === 'GET_CBID')?.error, path).toBeUndefined();
      expect(result.variables.outdialcbid, path).toBe('');
    }
  });

  // Jayway 2.10 on RECORD: each is PathNotFound ("No results for path: $[0]['outboundcallbackep;']"), or [] when indefinite.
  test("a name holding ; or , (or, quoted, [ or ]) is that key for Jayway, which no record has: the path matches nothing, where jsonpath-plus split it into steps or a union", async () => {
    const handler = http.get(DYNVARS_URL, () => HttpResponse.json(RECORD));
    const paths = ['$[0].outboundcallbackep;', '$[0].outboundcallbackep,', "$[0]['outboundcallbackep;']", "$[0]['outboundcallbackep,']", '$[0].tacnumber,count', "$[0]['tacnumber,count']", '$[*].tacnumber;', '$..tacnumber,', "$[0]['tacnumber]']", "$[0]['tac[number']"];
    for (const path of paths) {
      const result = await runParse(parse([['outdialcbid', path]]), handler);
      expect(result.trace.find((e) => e.activity === 'GET_CBID')?.error, path).toBeUndefined();
      expect(result.variables.outdialcbid, path).toBe('');
    }
  });

  // Jayway 2.10 on such a body: `$[0].a;b` is "semi", `$[0]['a,b']` "comma", `$[*].a;b` ["semi"], `$[0].'q'` "quoted".
  test('a name holding ; or , (or, quoted, [ or ]; or, after a dot, quotes) when the JSON has a key spelled so is not simulated (jsonpath-plus cannot read it as that key)', async () => {
    const keyed = http.get(DYNVARS_URL, () => HttpResponse.json([{ tacnumber: '+14085267209', 'a;b': 'semi', 'a,b': 'comma', 'c[d': 'open', "'q'": 'quoted' }]));
    for (const path of ['$[0].a;b', "$[0]['a,b']", '$[*].a;b', "$[0]['c[d']", "$[0].'q'", "$.[-1]['a;b']"]) {
      const result = await runParse(parse([['outdialcbid', path]]), keyed);
      expect(result.status, path).toBe('not-simulated');
      expect(result.summary, path).toContain('which jsonpath-plus does not read as one key');
      expect(result.summary, path).toContain(`JSONPath ${path} (GET_CBID)`); // as written, not as rewritten for jsonpath-plus ($[-1:])
    }
  });

  test('a no-break or zero-width space pasted into a path is part of a name for Jayway (only U+0020 is trimmed or refused), so the path matches nothing', async () => {
    const handler = http.get(DYNVARS_URL, () => HttpResponse.json(RECORD));
    for (const path of ['$[0].tacnumber\u00a0', '\u00a0$[0].tacnumber', '$[0].tacnumber\u200b', '$[0].tac\u00a0number']) {
      const result = await runParse(parse([['outdialcbid', path]]), handler);
      const entry = result.trace.find((e) => e.activity === 'GET_CBID')!;
      expect([path, entry.outcome === 'error' ? 'error' : 'ran', result.variables.outdialcbid]).toEqual([path, expect.any(String), '']);
    }
    // The ends trimmed as Java trims: a tab or a newline kept by a paste is dropped.
    const tabbed = await runParse(parse([['outdialcbid', '\t$[0].tacnumber\n']]), handler);
    expect(tabbed.variables.outdialcbid).toBe('+14085267209');
  });

  test("JavaScript's own properties are not JSON: a string's or a list's length and a string's characters match nothing, as in Jayway", async () => {
    // jsonpath-plus follows any own property, and a string has `length` and `0`, `1`, … , a list `length`.
    const body = http.get(DYNVARS_URL, () => HttpResponse.json([{ tacnumber: '+14085267209', list: [1, 2, 3], length: 7 }]));
    const result = await runParse(
      parse([['outdialcbid', '$[0].tacnumber.length'], ['customani', '$[0].tacnumber[0]'], ['count', '$[0].length'], ['blob', '$..length'], ['flag', '$.length']]),
      body,
    );
    expect(result.trace.find((e) => e.activity === 'GET_CBID')?.error).toBeUndefined();
    expect(result.variables).toMatchObject({ outdialcbid: '', customani: '', count: 7, blob: [7], flag: null });
    const text = await runParse(parse([['count', '$.length'], ['outdialcbid', '$[1]'], ['customani', '$.*']]), http.get(DYNVARS_URL, () => HttpResponse.json('abc')));
    expect(text.trace.find((e) => e.activity === 'GET_CBID')?.error).toBeUndefined();
    expect(text.variables).toMatchObject({ count: null, outdialcbid: '', customani: '' });
  });

  test('a name matches only in an object and an index only in a list, as in Jayway: $.0 and $["0"] find no record, $[0] no key "0"', async () => {
    // Jayway 2.10: `$.0.a` and `$['0'].a` on [{"a":1}] are PathNotFound ("Expected to find an object
    // with property ['0']"), `$[0]` on {"0":"x"} too ("Filter: [0] can only be applied to arrays").
    // jsonpath-plus matched all three, so the simulation passed what Flow Designer leaves empty.
    const result = await runParse(parse([['outdialcbid', '$.0.outboundcallbackep'], ['customani', "$['0'].tacnumber"], ['count', '$[0].count']]));
    expect(result.trace.find((e) => e.activity === 'GET_CBID')?.error).toBeUndefined();
    expect(result.variables).toMatchObject({ outdialcbid: '', customani: '', count: 12 });
    const keyed = http.get(DYNVARS_URL, () => HttpResponse.json({ 0: { tacnumber: '+15550000000' }, list: [{ tacnumber: '+15550000001' }] }));
    const object = await runParse(parse([['outdialcbid', '$[0].tacnumber'], ['customani', "$['0'].tacnumber"], ['blob', '$.list[*].tacnumber'], ['flag', '$.list.0']]), keyed);
    expect(object.trace.find((e) => e.activity === 'GET_CBID')?.error).toBeUndefined();
    expect(object.variables).toMatchObject({ outdialcbid: '', customani: '+15550000000', blob: ['+15550000001'], flag: null });
  });

  test('a filter holding brackets and quotes ("]", \'"\', nested [ ]) parses, and is not simulated', async () => {
    for (const path of [`$[?(@.tacnumber == ']')]`, `$[?(@.tacnumber == '"')].dn`, '$[?(@.list[0] == "x")]', '$..[?(@.vip)]']) {
      const result = await runParse(parse([['outdialcbid', path]]));
      expect(result.status, path).toBe('not-simulated');
      expect(result.summary, path).toContain('filter or script expression');
    }
  });

  test("a union of quoted names ($[0]['tacnumber','vip'], a map in Jayway) is not simulated", async () => {
    const result = await runParse(parse([['blob', "$[0]['tacnumber','vip']"]]));
    expect(result.status).toBe('not-simulated');
    expect(result.summary).toContain("union of names ['tacnumber','vip']");
  });

  test("a name holding jsonpath-plus operators (~ ^ @ `), plain characters of a key in Jayway, is not simulated, never read as an operator", async () => {
    // jsonpath-plus: `$[0].tacnumber~` is the key's name "tacnumber", `$[0].tacnumber^` the whole
    // record, `$['a^']` nothing, `$.@x` an error; Jayway reads each as a key with those characters.
    for (const path of ['$[0].tacnumber~', '$[0].tacnumber^', "$[0]['tac^number']", '$[0].@type', '$[0].a`b', "$[0]['@type']", `$[0]["o'neil"]`]) {
      const result = await runParse(parse([['outdialcbid', path]]));
      expect(result.status, path).toBe('not-simulated');
      expect(result.variables.outdialcbid, path).toBe('');
    }
  });

  test('a JSONPath function ($.length(), Jayway counts the records) is not simulated, not left empty', async () => {
    for (const path of ['$.length()', '$[0].tacnumber.length()', '$.*.count.sum()']) {
      const result = await runParse(parse([['count', path]]));
      expect(result.status, path).toBe('not-simulated');
      expect(result.summary, path).toContain('function');
    }
  });

  test('a filter expression (script evaluation) is not simulated', async () => {
    const result = await runParse(parse([['outdialcbid', '$[?(@.vip)].outboundcallbackep']]));
    expect(result.status).toBe('not-simulated');
    expect(result.summary).toContain('filter or script expression');
  });

  test('parse settings for XML are not simulated', async () => {
    const result = await runParse(parse([['outdialcbid', '$.x']], { contentType: 'XML' }));
    expect(result.status).toBe('not-simulated');
  });
});

test('MSW gets the request itself, not a clone it would make for its logging: every handler tried reads the same request, and its body is still read by the one that answers', async () => {
  const clone = Request.prototype.clone;
  let clones = 0;
  Request.prototype.clone = function (this: Request) {
    clones++;
    return clone.call(this);
  };
  try {
    // The real mocks: the DynVars handler is tried first (no match), then the Tasks API answers.
    const services = createMockServices();
    const node = httpRequest('CallBackAPI_HTTPRequest', {
      authenticated: true,
      'connectorId:name': 'WxCC_API',
      httpRequestPath: '/v1/tasks',
      httpRequestMethod: 'POST',
      httpRequestBody: JSON.stringify({ entryPointId: OUTDIAL_EP, destination: '{{NewPhoneContact.ANI}}', direction: 'OUTBOUND', mediaType: 'telephony', outboundType: 'CALLBACK', attributes: {}, callback: { callbackOrigin: 'web', callbackType: 'immediate' } }),
    });
    const result = await simulate(buildFlow(flowWith(node)), {}, { services: { ...services, connectorBaseUrl: () => CONNECTOR_BASE } });
    expect(clones).toBe(0);
    expect(result.trace.find((e) => e.activity === 'CallBackAPI_HTTPRequest')?.http?.status).toBe(201);
    expect(services.tasks).toHaveLength(1);
    expect(services.tasks[0].body).toMatchObject({ destination: '+14085551234' });
  } finally {
    Request.prototype.clone = clone;
  }
});
