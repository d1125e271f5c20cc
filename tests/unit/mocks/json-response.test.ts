import { test, expect } from '@playwright/test';
import { HttpResponse } from 'msw';
import { jsonResponse } from '../../../mocks/json-response.js';

/** What a client of the mock sees of a response. */
async function seen(response: Response) {
  return { status: response.status, statusText: response.statusText, headers: [...response.headers], body: await response.text() };
}

for (const [name, body, status] of [
  ['an ASCII object', { meta: { orgId: 'org' }, data: { id: 'task-1' } }, 201],
  ['non-ASCII text (Content-Length counts UTF-8 bytes)', { description: 'Café → 📞 naïve' }, 400],
  ['a bare string', 'Not found', 404],
  ['an empty array, default status', [], undefined],
] as const) {
  test(`jsonResponse answers exactly as HttpResponse.json: ${name}`, async () => {
    const ours = await seen(jsonResponse(body, status));
    expect(ours).toEqual(await seen(HttpResponse.json(body, { status })));
    expect(Number(ours.headers.find(([header]) => header === 'content-length')?.[1])).toBe(new TextEncoder().encode(ours.body).byteLength);
  });
}
