/**
 * The webhook.site mock (mocks/webhook-site.ts): what its capture URLs answer, what a path that is no
 * token answers, and that no other host is answered (docs/mocks.md#webhooksite).
 */
import { test, expect } from '@playwright/test';
import { getResponse } from 'msw';
import { createMockServices } from '../../../mocks/index.js';

const TOKEN = '0d1c3f5e-1111-4222-8333-944455556666';
const HOOK = `https://webhook.site/${TOKEN}`;
const DEFAULT_CONTENT = `This URL has no default content configured. <a href="https://webhook.site/#!/edit/${TOKEN}">Change response in Webhook.site</a>.`;
const NOT_FOUND = { success: false, error: { message: 'Token not found', id: null } };

async function send(request: Request, services = createMockServices()) {
  const response = await getResponse(services.handlers, request);
  return { services, response, body: response ? await response.text() : undefined };
}

const post = (url: string, body = '{"ANI":"+14085551234"}') => new Request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

test('a POST with a JSON body to a token URL answers 200 with the default content as text/html, and is recorded', async () => {
  const { response, body, services } = await send(post(HOOK));
  expect(response?.status).toBe(200);
  expect(body).toBe(DEFAULT_CONTENT);
  expect(Object.fromEntries(response!.headers)).toEqual({
    'content-type': 'text/html',
    'content-length': String(new TextEncoder().encode(DEFAULT_CONTENT).byteLength),
    'x-request-id': '00000000-0000-4000-a000-000000000001',
    'x-token-id': TOKEN,
  });
  expect(services.requests).toEqual([{ service: 'webhook-site', method: 'POST', url: HOOK, status: 200 }]);
  expect(services.tasks).toEqual([]);
});

test('any method, with or without a body, and a query string are answered alike', async () => {
  for (const method of ['GET', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
    const { response, body } = await send(new Request(`${HOOK}?event=globalerror`, { method }));
    expect([method, response?.status, body]).toEqual([method, 200, DEFAULT_CONTENT]);
  }
  for (const body of ['', 'plain text', '<xml/>']) expect((await send(post(HOOK, body))).response?.status).toBe(200);
});

test('HEAD answers 200 without a body', async () => {
  const { response, body } = await send(new Request(HOOK, { method: 'HEAD' }));
  expect([response?.status, body, response?.headers.get('x-token-id')]).toEqual([200, '', TOKEN]);
});

test('a sub-path is captured too; a status as the first sub-path (200–599) is the answer\'s status', async () => {
  const statusOf = async (url: string) => (await send(post(url))).response?.status;
  expect(await statusOf(`${HOOK}/`)).toBe(200);
  expect(await statusOf(`${HOOK}/api/v1/log`)).toBe(200);
  expect(await statusOf(`${HOOK}/404`)).toBe(404);
  expect(await statusOf(`${HOOK}/500/retry`)).toBe(500);
  expect(await statusOf(`${HOOK}/201`)).toBe(201);
  // Not a status: the default answer.
  for (const other of ['199', '600', '2000', '20', 'log/404']) expect(await statusOf(`${HOOK}/${other}`), other).toBe(200);
  const { body } = await send(post(`${HOOK}/404`));
  expect(body).toBe(DEFAULT_CONTENT);
  const empty = await send(post(`${HOOK}/204`));
  expect([empty.response?.status, empty.body]).toEqual([204, '']);
});

test('the token as a subdomain is captured, over http or https, any path', async () => {
  for (const url of [`https://${TOKEN}.webhook.site`, `https://${TOKEN}.webhook.site/log/error`, `http://${TOKEN}.webhook.site/404`, `http://webhook.site/${TOKEN}`]) {
    const { response, body } = await send(post(url));
    expect([url, response?.status, body]).toEqual([url, 200, DEFAULT_CONTENT]);
  }
});

test('a path or subdomain that is not a token answers 404 "Token not found" in JSON', async () => {
  for (const url of [
    'https://webhook.site/',
    'https://webhook.site/0d1c3f5e-1111-4222-8333-94445555666', // a digit short
    `https://webhook.site/${TOKEN.toUpperCase()}`,
    `https://webhook.site/token/${TOKEN}`,
    'https://webhook.site/my-alias',
    `https://webhook.site/#!/view/${TOKEN}`, // the page's address: the fragment is not sent
    'https://www.webhook.site/',
  ]) {
    const { response, body, services } = await send(post(url));
    expect([url, response?.status, response?.headers.get('content-type'), JSON.parse(body!)]).toEqual([url, 404, 'application/json', NOT_FOUND]);
    expect(services.requests).toEqual([{ service: 'webhook-site', method: 'POST', url: new Request(url).url, status: 404 }]);
  }
});

test('no other host is answered as webhook.site: a name like it stays blocked and nothing is recorded', async () => {
  for (const url of [
    `https://webhook.site.example.com/${TOKEN}`,
    `https://evilwebhook.site/${TOKEN}`,
    `https://a.${TOKEN}.webhook.site/`,
    `https://webhook.sites/${TOKEN}`,
    'https://example.com/',
  ]) {
    const { response, services } = await send(post(url));
    expect([url, response]).toEqual([url, undefined]);
    expect(services.requests).toEqual([]);
  }
});

test('request ids count the webhook.site requests the mocks saw, the other services aside', async () => {
  const services = createMockServices();
  await send(new Request('https://674481b1b4e2e04abea27c6e.mockapi.io/flowdesigner/Lab/DynVars?dn=4694096861'), services);
  const first = await send(post(HOOK), services);
  const second = await send(post(`https://${TOKEN}.webhook.site/`), services);
  expect([first.response?.headers.get('x-request-id'), second.response?.headers.get('x-request-id')]).toEqual([
    '00000000-0000-4000-a000-000000000001',
    '00000000-0000-4000-a000-000000000002',
  ]);
  expect(services.requests.map((r) => r.service)).toEqual(['dynvars', 'webhook-site', 'webhook-site']);
});
