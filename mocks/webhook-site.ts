/**
 * webhook.site, the logging service of the lab's Core Mission 3 (an unauthenticated POST of the
 * call's data to the attendee's URL), which attendees also add to this mission's flows to log what
 * happens. Its capture URLs answer any method, with or without a body, with the token's default
 * response: `https://webhook.site/<token>`, `…/<token>/<anything>` and `https://<token>.webhook.site/…`,
 * a token being the UUID webhook.site gave. `…/<token>/<status>` answers with that status instead
 * (200–599). A path or subdomain that is not a token (the site's own pages, an alias the mock does not
 * know) answers 404 `{"success":false,"error":{"message":"Token not found","id":null}}`. Only
 * webhook.site and its one-label subdomains are answered: every other host stays blocked.
 * docs/mocks.md gives the sources and marks what is our choice.
 */
import { HttpResponse, type RequestHandler } from 'msw';
import { RequestTestHandler } from './handler.js';
import { jsonResponse } from './json-response.js';
import type { SeenRequest } from './types.js';

const HOST = 'webhook.site';
/** A token id as webhook.site issues them: a UUID in lower-case hex (its router's pattern). */
const TOKEN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** `/<token>/<status>`: a status a Response can carry (webhook.site's `default_status` is 200–599 too). */
const STATUS_SEGMENT = /^[2-5][0-9][0-9]$/;
/** Statuses whose response has no body (the Fetch standard's null body statuses among 200–599). */
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

const encoder = new TextEncoder();

/** What a token created on webhook.site's page answers until its owner edits the response (its docs' example, 2025-07). */
function defaultContent(token: string): string {
  return `This URL has no default content configured. <a href="https://webhook.site/#!/edit/${token}">Change response in Webhook.site</a>.`;
}

/** webhook.site's answer for a token it does not have (expired after a week, mistyped, never made). */
const TOKEN_NOT_FOUND = { success: false, error: { message: 'Token not found', id: null } };

export function webhookSiteHandlers(seen: SeenRequest[]): RequestHandler[] {
  return [
    new RequestTestHandler(
      'webhook.site',
      (request) => isWebhookSiteHost(new URL(request.url).hostname),
      ({ request }) => {
        const response = answer(request, seen);
        seen.push({ service: 'webhook-site', method: request.method, url: request.url, status: response.status });
        return response;
      },
    ),
  ];
}

/** webhook.site or one of its one-label subdomains: the hosts this mock answers (the checks tell log requests apart by it). */
export function isWebhookSiteHost(hostname: string): boolean {
  return tokenHost(hostname) !== undefined;
}

/**
 * For a webhook.site host: the token its subdomain names ('' for webhook.site itself, which takes
 * the token from the path); undefined for any other host.
 */
function tokenHost(hostname: string): string | undefined {
  if (hostname === HOST) return '';
  if (!hostname.endsWith(`.${HOST}`)) return undefined;
  const label = hostname.slice(0, -HOST.length - 1);
  return label.includes('.') ? undefined : label;
}

function answer(request: Request, seen: readonly SeenRequest[]): Response {
  const url = new URL(request.url);
  const segments = url.pathname.split('/').slice(1);
  const fromSubdomain = tokenHost(url.hostname) !== '';
  const token = fromSubdomain ? tokenHost(url.hostname)! : (segments[0] ?? '');
  if (!TOKEN.test(token)) return jsonResponse(TOKEN_NOT_FOUND, 404);
  const statusSegment = fromSubdomain ? undefined : segments[1];
  const status = statusSegment !== undefined && STATUS_SEGMENT.test(statusSegment) ? Number(statusSegment) : 200;
  // Counted from what the mocks saw, not kept in a closure: a scenario forked from a shared run
  // (engine/run-scenarios.ts) copies the requests seen so far, and so numbers its own alike.
  const number = seen.filter((r) => r.service === 'webhook-site').length + 1;
  const headers: Record<string, string> = {
    'Content-Type': 'text/html',
    'X-Request-Id': `00000000-0000-4000-a000-${String(number).padStart(12, '0')}`,
    'X-Token-Id': token,
  };
  if (request.method === 'HEAD' || NULL_BODY_STATUSES.has(status)) return new HttpResponse(null, { status, headers });
  const body = defaultContent(token);
  return new HttpResponse(body, { status, headers: { ...headers, 'Content-Length': String(encoder.encode(body).byteLength) } });
}
