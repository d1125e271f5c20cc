/**
 * Any other public host (a log to Slack or Teams, a CRM lookup on the way): the product sends the
 * request and the HTTP Request goes on by its one exit, whatever the answer (semantics R4). flowgrade
 * sends nothing and cannot know that answer, so it answers 404 itself, recorded as `other`, not
 * mocked, which the run's summary and `simulate` say.
 *
 * Left unanswered (blocked: the activity fails, as a request that cannot connect does): names that
 * never resolve publicly (RFC 2606 and 6761: `example.com`, `.example`, `.invalid`, `.test`,
 * `.localhost`; private-use names such as `.internal`, `.local`, `.lan`), a host without a dot, IP
 * addresses (cloud metadata, private ranges), and a name of the lab's services that their mocks do not
 * answer: one holding `mockapi`, `webhook` or `wxcc` is a mistyped address of MockAPI, webhook.site or
 * the WxCC API (`api.wxcc-us1.cisco.ch`, a mockapi.io name that is no project) — docs/mocks.md, our choice.
 */
import type { RequestHandler } from 'msw';
import { RequestTestHandler } from './handler.js';
import { jsonResponse } from './json-response.js';
import type { SeenRequest } from './types.js';

const NEVER_RESOLVED = /(?:^|\.)(?:example\.(?:com|net|org)|example|invalid|test|localhost|internal|local|localdomain|lan|home\.arpa|corp|intranet|private)$/;
const LAB_SERVICES = /mockapi|webhook|wxcc/;
const IP_ADDRESS = /^(?:\d+(?:\.\d+){3}|\[.*\])$/;

export function otherHostHandlers(seen: SeenRequest[]): RequestHandler[] {
  return [
    new RequestTestHandler(
      'other hosts',
      (request) => isOtherPublicHost(new URL(request.url)),
      ({ request }) => {
        const response = jsonResponse('Not found', 404);
        seen.push({ service: 'other', method: request.method, url: request.url, status: response.status });
        return response;
      },
    ),
  ];
}

/** A host a request may really reach, that no other mock answers (they are tried first). */
function isOtherPublicHost(url: URL): boolean {
  const host = url.hostname.replace(/\.$/, '');
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  return host.includes('.') && !IP_ADDRESS.test(host) && !NEVER_RESOLVED.test(host) && !LAB_SERVICES.test(host);
}
