/**
 * A host no mock knows: a public one gets the mock's 404, recorded as not mocked (the product would
 * reach it, and the HTTP Request goes on by its one exit whatever the answer); a name that never
 * resolves publicly, an IP address, or a mistyped address of the lab's services stays blocked.
 */
import { test, expect } from '@playwright/test';
import { getResponse } from 'msw';
import { createMockServices, requestsNotMocked, notMockedReason } from '../../../mocks/index.js';

async function answer(url: string) {
  const services = createMockServices();
  const response = await getResponse(services.handlers, new Request(url, { method: 'POST', body: '{}' }));
  return { status: response?.status, recorded: services.requests.map((r) => r.service) };
}

test('a public host no mock knows gets the mock\'s 404, recorded as other and not mocked, with the host named', async () => {
  for (const url of ['https://hooks.slack.com/services/T000/B000/XXXX', 'https://0d1c3f5e-1111-4222-8333-944455556666.dnshook.site/', 'https://crm.acme.io/api/customers?ani=1', 'https://hooks.slack.com./x']) {
    expect([url, await answer(url)]).toEqual([url, { status: 404, recorded: ['other'] }]);
  }
  const services = createMockServices();
  await getResponse(services.handlers, new Request('https://hooks.slack.com/services/T000'));
  const [request] = requestsNotMocked(services.requests);
  expect(notMockedReason(request!)).toBe('flowgrade does not mock hooks.slack.com, so what the call did after it may not be what it does in the product');
});

test('names that never resolve publicly, IP addresses and mistyped addresses of the lab\'s services stay blocked', async () => {
  for (const url of [
    'https://example.com/', 'https://api.example.org/x', 'https://x.invalid/', 'https://svc.test/', 'http://localhost/', 'http://app.localhost/',
    'http://metadata.google.internal/computeMetadata/v1/', 'http://printer.local/', 'http://intranet/',
    'http://169.254.169.254/latest/meta-data', 'http://[::1]:8080/', 'http://10.0.0.1/',
    'https://api.wxcc-us1.cisco.ch/v1/tasks', 'https://74481b1b4e2e04abea27c6e.mockapi.io/flowdesigner/Lab/DynVars', 'https://evilwebhook.site/x',
  ]) {
    expect([url, await answer(url)]).toEqual([url, { status: undefined, recorded: [] }]);
  }
});
