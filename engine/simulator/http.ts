/**
 * HTTP Request (`http-request-v2`). The request is built from the activity (URL or connector +
 * path, query parameters, headers, body), sent ONLY through MSW's `getResponse(handlers, request)`
 * — never the network — and its response exposed as `Label.httpStatusCode` (number),
 * `Label.httpResponseBody` (text) and `Label.httpResponseHeaders` (object), then parsed by the
 * parse settings. Every HTTP status leaves by `default`. No answer (unmocked), a network error
 * or a timeout fails the activity; as it has no error port, that raises OnGlobalError. A failure
 * of one setting (a template that does not render, a header it cannot carry, a Parsing Settings
 * row) names it (HTTP_SETTINGS), for the trace entry's `failedSetting`.
 */
import { getResponse, RequestHandler } from 'msw';
import type { HttpExchange } from '../trace.js';
import { boolProp, prop, text, textProp } from './activities/read.js';
import { connectorSetting, formDataRows, methodSetting, queryParameterRows, requestContentTypeSetting, requestHeaderRows } from './activities/http-settings.js';
import { exit, type ActivityHandler, type ActivityRun } from './context.js';
import { ActivityError, inSetting } from './errors.js';
import { JAVA_JSON_MAX_DEPTH, levels, nestedDeeperThan } from '../json-text.js';
import { applyParseSettings } from './parse-settings.js';
import { getOwn, setOwn } from './variables.js';
import { messageOf } from '../error-message.js';
import { javaTrim } from '../java-whitespace.js';
import { sendableAddress, type AddressProblem } from '../sendable-url.js';

const NO_BODY_METHODS = new Set(['GET', 'HEAD']);

/** The settings of the activity a failure can name, by their labels in Flow Designer's panel. */
export const HTTP_SETTINGS = {
  method: 'Method',
  connector: 'Connector',
  url: 'Request URL',
  path: 'Request Path',
  query: 'Query Parameters',
  headers: 'Request Headers',
  contentType: 'Content Type',
  body: 'Request Body',
  parsing: 'Parsing Settings',
} as const;

export const httpRequest: ActivityHandler = async (run) => {
  const method = requestMethod(run);
  inSetting(HTTP_SETTINGS.method, () => assertSendableMethod(method));
  const authenticated = boolProp(run.activity, 'authenticated');
  const url = requestUrl(run, authenticated);
  const headers = new Headers();
  inSetting(HTTP_SETTINGS.headers, () => {
    for (const [name, value] of rendered(run, requestHeaderRows(run.activity), 'a request header')) appendHeader(headers, name, value);
  });
  const body = NO_BODY_METHODS.has(method) ? undefined : inSetting(HTTP_SETTINGS.body, () => requestBody(run));
  if (body && !headers.has('content-type')) inSetting(HTTP_SETTINGS.contentType, () => appendHeader(headers, 'Content-Type', body.mime ?? 'text/plain;charset=UTF-8'));
  if (authenticated) headers.set('Authorization', `Bearer ${run.services.bearerToken}`);

  let request: Request;
  try {
    request = new Request(url.href, { method, headers, body: body?.text });
  } catch (error) {
    throw new ActivityError(`cannot build the ${method} request to ${url.href}: ${messageOf(error)}`);
  }
  const exchange: HttpExchange = {
    method,
    url: url.href,
    // As the activity sets them: a browser drops some (Cookie, Host, User-Agent…) from the request.
    requestHeaders: headerRecord(headers),
    ...(body !== undefined ? { requestBody: body.text } : {}),
    status: null,
  };
  run.http(exchange);

  let response: Response | undefined;
  try {
    response = await mockedResponse(run.services.handlers, request);
  } catch (error) {
    throw new ActivityError(`${method} ${url.href} failed: the mock threw ${messageOf(error)}`);
  }
  if (response === undefined || isPassthrough(response)) {
    exchange.unmocked = true;
    throw new ActivityError(`${method} ${url.href} is not answered by any mock: the request was blocked and nothing was sent`);
  }
  if (response.type === 'error') {
    exchange.timedOut = true;
    throw new ActivityError(`${method} ${url.href} got no response (timeout or network error)`);
  }
  const responseBody = await response.text();
  exchange.status = response.status;
  exchange.responseBody = responseBody;

  const label = run.activity.label;
  run.vars.setOutput(label, 'httpStatusCode', response.status);
  run.vars.setOutput(label, 'httpResponseBody', responseBody);
  run.vars.setOutput(label, 'httpResponseHeaders', headerRecord(response.headers));
  inSetting(HTTP_SETTINGS.parsing, () => applyParseSettings(run, responseBody));
  return exit('default');
};

/**
 * MSW's answer to `request`. Before a request's handlers run, MSW clones it (once, kept in the
 * public `RequestHandler.cache`, request → clone) only so that its logging can read the body
 * again; `getResponse` logs nothing and drops the clone. The request is registered as its own
 * clone, which saves a Request, a tee of its body stream and an AbortSignal per request: a tenth
 * of the simulations' time on Node 20 (docs/performance.md). The handlers still get the request.
 */
function mockedResponse(handlers: RequestHandler[], request: Request): Promise<Response | undefined> {
  RequestHandler.cache.set(request, request);
  return getResponse(handlers, request);
}

/** The chosen Method; GET when none is, as a new HTTP Request's panel shows. */
function requestMethod(run: ActivityRun): string {
  return methodSetting(run.activity) || 'GET';
}

/**
 * Authenticated: connector base URL + rendered Request Path; otherwise the rendered Request URL
 * (an address that cannot be sent is that setting's failure). Query parameters appended.
 */
function requestUrl(run: ActivityRun, authenticated: boolean): URL {
  const target = authenticated ? connectorTarget(run) : inSetting(HTTP_SETTINGS.url, () => urlTarget(run));
  const url = inSetting(authenticated ? HTTP_SETTINGS.path : HTTP_SETTINGS.url, () => sendableUrl(target));
  inSetting(HTTP_SETTINGS.query, () => appendQuery(run, url));
  return url;
}

/** The connector's base URL joined with the rendered Request Path. */
function connectorTarget(run: ActivityRun): string {
  const connector = connectorSetting(run.activity);
  const base = inSetting(HTTP_SETTINGS.connector, () => connectorBase(run, connector));
  const path = inSetting(HTTP_SETTINGS.path, () => javaTrim(run.expr.render(textProp(run.activity, 'httpRequestPath') ?? '', run.vars.scope(), 'the request path')));
  return joinUrl(base, path);
}

function connectorBase(run: ActivityRun, connector: string | undefined): string {
  if (!connector) throw new ActivityError('Use Authenticated Endpoint is on but no connector is selected');
  let base: string;
  try {
    base = run.services.connectorBaseUrl(connector);
  } catch (error) {
    throw new ActivityError(`connector '${connector}' is not available: ${messageOf(error)}`);
  }
  if (!base) throw new ActivityError(`connector '${connector}' is not available`);
  return base;
}

/** The rendered Request URL. */
function urlTarget(run: ActivityRun): string {
  const raw = textProp(run.activity, 'httpRequestUrl') ?? '';
  if (javaTrim(raw) === '') throw new ActivityError('no request URL');
  // Trimmed as Java trims: a no-break space pasted at the end stays, and is sent (%C2%A0).
  return javaTrim(run.expr.render(raw, run.vars.scope(), 'the request URL'));
}

/** What the activity error says of a Request URL (given quoted) that is no sendable address. */
const REQUEST_URL_REFUSALS: Record<AddressProblem, (quoted: string) => string> = {
  'internationalised-host': (quoted) => `request URL ${quoted} names an internationalised host (xn--…), which no mock answers`,
  invalid: (quoted) => `invalid request URL ${quoted}`,
  'not-http': (quoted) => `request URL ${quoted} is not http(s)`,
  credentials: (quoted) => `request URL ${quoted} holds a user name or password (user:password@): not sent`,
};

/** `target` as a URL the activity can send to. */
function sendableUrl(target: string): URL {
  const address = sendableAddress(target);
  if ('problem' in address) throw new ActivityError(REQUEST_URL_REFUSALS[address.problem](JSON.stringify(target)));
  return address.url;
}

/** The rendered Query Parameters appended to `url`. */
function appendQuery(run: ActivityRun, url: URL): void {
  // Appended all at once: each `url.searchParams.append` writes the whole query again.
  const parameters = rendered(run, queryParameterRows(run.activity), 'a query parameter');
  if (parameters.length > 0) {
    const query = new URLSearchParams(url.search);
    for (const [name, value] of parameters) query.append(name, value);
    url.search = query.toString();
  }
}

export function joinUrl(base: string, path: string): string {
  if (path === '') return base;
  const trimmedBase = base.replace(/\/+$/, '');
  return path.startsWith('/') ? `${trimmedBase}${path}` : `${trimmedBase}/${path}`;
}

interface Body {
  text: string;
  mime?: string;
}

/**
 * The body by request content type: GraphQL → `{"query", "variables"}` JSON; form data →
 * urlencoded; anything else → the rendered Request Body text. No body text → no body.
 */
function requestBody(run: ActivityRun): Body | undefined {
  const contentType = requestContentTypeSetting(run.activity);
  const kind = contentType.toLowerCase();
  const scope = run.vars.scope();
  if (kind.includes('graphql')) {
    const gql = prop(run.activity, 'httpRequestBodyGQL');
    const query = run.expr.render(text(getOwn(gql, 'query')) ?? '', scope, 'the GraphQL query');
    const variablesText = run.expr.render(text(getOwn(gql, 'variables')) ?? '', scope, 'the GraphQL variables').trim();
    let variables: unknown = {};
    if (variablesText !== '') {
      try {
        variables = JSON.parse(variablesText);
      } catch {
        throw new ActivityError('the GraphQL variables are not valid JSON');
      }
      if (nestedDeeperThan(variables, JAVA_JSON_MAX_DEPTH)) throw new ActivityError(`the GraphQL variables nest deeper than ${levels(JAVA_JSON_MAX_DEPTH)}, which Java's JSON readers refuse`);
    }
    return { text: JSON.stringify({ query, variables }), mime: 'application/json' };
  }
  if (kind.includes('form')) {
    const form = new URLSearchParams();
    for (const [name, value] of rendered(run, formDataRows(run.activity), 'a form field')) form.append(name, value);
    const encoded = form.toString();
    return encoded === '' ? undefined : { text: encoded, mime: 'application/x-www-form-urlencoded' };
  }
  const raw = textProp(run.activity, 'httpRequestBody');
  if (raw === undefined || raw === '') return undefined;
  return { text: run.expr.render(raw, scope, 'the request body'), mime: mimeOf(kind) };
}

function mimeOf(kind: string): string | undefined {
  if (kind.includes('json')) return 'application/json';
  if (kind.includes('xml')) return 'application/xml';
  if (kind.includes('html')) return 'text/html';
  if (kind.includes('text')) return 'text/plain';
  // A media type typed in (image/svg) as it is; none, '' or another word (None, Binary): no label.
  return kind.includes('/') ? kind : undefined;
}

/** Name/value rows (settingRows) with their names and values rendered; `what` names a row in a template's error. */
function rendered(run: ActivityRun, rows: [string, string][], what: string): [string, string][] {
  const scope = run.vars.scope();
  return rows.map(([name, value]) => [run.expr.render(name, scope, what), run.expr.render(value, scope, what)]);
}

/** An HTTP token (RFC 9110): what a method or a header name may hold. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Header names and values are checked here, in our words, before the platform sees them: Node and
 * browsers refuse the same headers with different messages, and a report must read the same
 * wherever it was made.
 */
function appendHeader(headers: Headers, name: string, value: string): void {
  if (!TOKEN.test(name)) throw new ActivityError(`invalid request header name ${JSON.stringify(name)}: only letters, digits and !#$%&'*+-.^_\`|~ are allowed`);
  if (/[\0\r\n]/.test(value)) throw new ActivityError(`invalid value of request header ${name}: it holds a line break or a NUL character`);
  const beyondLatin1 = /[^\0-\xff]/u.exec(value)?.[0];
  if (beyondLatin1 !== undefined) throw new ActivityError(`invalid value of request header ${name}: it holds a character beyond Latin-1 (${JSON.stringify(beyondLatin1)}); encode it first, e.g. with | urlencode`);
  headers.append(name, value);
}

/** Methods no HTTP client sends for an activity (fetch forbids them); other methods must be tokens. */
const UNSENDABLE_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

function assertSendableMethod(method: string): void {
  if (!TOKEN.test(method)) throw new ActivityError(`invalid request method ${JSON.stringify(method)}: a method is one word without spaces or accents, such as GET or POST`);
  if (UNSENDABLE_METHODS.has(method)) throw new ActivityError(`request method ${method} cannot be sent by an HTTP Request activity`);
}

function headerRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => setOwn(record, name, value));
  return record;
}

/** MSW's `passthrough()` answer means "send it to the real network": never done here, so it counts as unmocked. */
function isPassthrough(response: Response): boolean {
  return response.status === 302 && response.headers.get('x-msw-intention') === 'passthrough';
}
