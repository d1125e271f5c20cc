/**
 * WxCC Create Task: `POST <base>/v1/tasks` on every regional base (plus configured ones).
 * Authorization: none → 401; not `Bearer <token>` → 400; a token the mock did not issue → 401.
 * Body validated with ajv against the v1 schema → 400 naming the field (ApiErrorResponse shape);
 * `entryPointId` must be, for CALLBACK/OUTDIAL, an outdial entry point the dataset knows, and for
 * EXECUTE_FLOW not one (it needs an inbound entry point) → else 400 (our choice: the spec documents
 * no code). Success: 201 `{meta:{orgId}, data:{id}}`, and the task is recorded.
 * A scenario can force 400/401/403/500/503, 429 with Retry-After, or a timeout (network error);
 * a request refused for its Authorization header gets that refusal all the same (a timeout comes
 * first). Each request is recorded in `seen`, `forced: true` when it got the forced answer.
 */
import { HttpResponse, type RequestHandler } from 'msw';
import createTaskSchema from './schemas/create-task-v1.schema.json' with { type: 'json' };
import { describeError } from './ajv.js';
import { validatorFor } from '../engine/ajv.js';
import { JAVA_JSON_MAX_DEPTH, levels, nestedDeeperThan } from '../engine/json-text.js';
import { RequestTestHandler } from './handler.js';
import { jsonResponse } from './json-response.js';
import type { AcceptedTask, SeenRequest } from './types.js';

export type ForcedTasksBehaviour = { status: 400 | 401 | 403 | 500 | 503 } | { status: 429; retryAfter?: number } | { timeout: true };

interface TasksApiSetup {
  bases: readonly string[];
  token: string;
  outdialEntryPoints: ReadonlySet<string>;
  orgId: string;
  newId: () => string;
  forced?: ForcedTasksBehaviour;
  tasks: AcceptedTask[];
  seen: SeenRequest[];
}

const encoder = new TextEncoder();

/** Where a base answers the Tasks API. A base may carry a path (a gateway's prefix): /v1/tasks is answered below it. */
interface TaskBase {
  origin: string;
  tasksPath: string;
}

/**
 * `base` as a TaskBase; undefined unless it is an http(s) URL. Remembered: every simulated call
 * builds its mocks from the same few bases (seven regions, the connectors).
 */
function taskBase(base: string): TaskBase | undefined {
  if (parsedBases.has(base)) return parsedBases.get(base);
  let parsed: TaskBase | undefined;
  try {
    const url = new URL(base);
    if (url.protocol === 'http:' || url.protocol === 'https:') parsed = { origin: url.origin, tasksPath: `${url.pathname.replace(/\/+$/, '')}/v1/tasks` };
  } catch {
    parsed = undefined;
  }
  if (parsedBases.size >= REMEMBERED_BASES) parsedBases.clear();
  parsedBases.set(base, parsed);
  return parsed;
}

const parsedBases = new Map<string, TaskBase | undefined>();
const REMEMBERED_BASES = 100;

export function tasksApiHandlers(setup: TasksApiSetup): RequestHandler[] {
  const bases = setup.bases.map(taskBase).filter((base) => base !== undefined);
  const origins = new Set(bases.map((base) => base.origin));
  const isTasksUrl = (url: URL) => bases.some((base) => base.origin === url.origin && (url.pathname === base.tasksPath || url.pathname === `${base.tasksPath}/`));
  const record = (request: Request, response: Response, forced = false, service: SeenRequest['service'] = 'tasks-api') => {
    setup.seen.push({ service, method: request.method, url: request.url, status: response.type === 'error' ? null : response.status, ...(forced ? { forced: true } : {}) });
    return response;
  };
  return [
    new RequestTestHandler(
      'WxCC Create Task',
      (request) => request.method === 'POST' && isTasksUrl(new URL(request.url)),
      async ({ request }) => {
        const { response, forced } = await answer(request, setup);
        return record(request, response, forced);
      },
    ),
    // The rest of the WxCC API host: /v1/tasks with a method it has no operation for is 405; Get
    // Tasks (GET /v1/tasks), any other path (Search, configuration, …) is not mocked: 404, recorded
    // as `wxcc-api`. Still mocked: nothing leaves the machine.
    new RequestTestHandler(
      'WxCC API',
      (request) => origins.has(new URL(request.url).origin),
      ({ request }) => {
        const url = new URL(request.url);
        const refused = isTasksUrl(url) && request.method !== 'GET';
        const status = refused ? 405 : 404;
        const description = refused ? `${request.method} is not allowed on /v1/tasks` : `${request.method} ${url.pathname} is not mocked: flowgrade answers only Create Task (POST /v1/tasks) of the WxCC API`;
        return record(request, jsonResponse({ trackingId: `mock-tracking-${setup.seen.length + 1}`, error: { key: String(status), message: [{ description }] } }, status), false, refused ? 'tasks-api' : 'wxcc-api');
      },
    ),
  ];
}

/** The Create Task answer, and whether it is the one the scenario forced. */
interface Answer {
  response: Response;
  forced: boolean;
}

type ErrorAnswer = (status: number, description: string) => Response;

async function answer(request: Request, setup: TasksApiSetup): Promise<Answer> {
  const trackingId = `mock-tracking-${setup.seen.length + 1}`;
  const error: ErrorAnswer = (status, description) => jsonResponse({ trackingId, error: { key: String(status), message: [{ description }] } }, status);
  const forced = setup.forced;
  if (forced && 'timeout' in forced) return { response: HttpResponse.error(), forced: true };
  // The token is read before a forced answer is given: a request the API refuses for its
  // Authorization header gets that refusal, in every scenario.
  const refused = authorizationRefusal(request.headers.get('authorization'), setup.token, error);
  if (refused) return { response: refused, forced: false };
  if (forced) return { response: forcedAnswer(forced, error), forced: true };
  return { response: await answerToBody(request, setup, error), forced: false };
}

/** The API's answer to the Authorization header when it refuses it; undefined for `Bearer <token>` with the mock's token. */
function authorizationRefusal(authorization: string | null, token: string, error: ErrorAnswer): Response | undefined {
  if (authorization === null) return error(401, 'Unauthorized: no bearer token');
  const bearer = /^Bearer (\S+)$/.exec(authorization);
  if (!bearer) return error(400, 'Authorization header must be "Bearer <token>"');
  if (bearer[1] !== token) return error(401, 'Unauthorized, Token is Invalid');
  return undefined;
}

function forcedAnswer(forced: Exclude<ForcedTasksBehaviour, { timeout: true }>, error: ErrorAnswer): Response {
  if (forced.status === 429) return new HttpResponse(null, { status: 429, headers: { 'Retry-After': String(forced.retryAfter ?? 4) } });
  return error(forced.status, forcedDescription(forced.status));
}

/** The answer to an authorised request the scenario does not force: the body validated, then 201 and the task recorded. */
async function answerToBody(request: Request, setup: TasksApiSetup, error: ErrorAnswer): Promise<Response> {
  let body: unknown;
  const text = await request.text();
  // Our choice (the API's answer to it is not documented): an empty body is told as empty, as the
  // body check tells it, not as "not valid JSON", which sends the attendee looking for a typo.
  if (text.trim() === '') return error(400, 'request body is empty');
  try {
    body = JSON.parse(text);
  } catch {
    return error(400, 'request body is not valid JSON');
  }
  if (nestedDeeperThan(body, JAVA_JSON_MAX_DEPTH)) return error(400, `request body nests deeper than ${levels(JAVA_JSON_MAX_DEPTH)}`);
  const validate = validatorFor(createTaskSchema);
  if (!validate(body)) return error(400, describeError(validate.errors?.[0]) + conditionOf(validate.errors?.[0]?.schemaPath));
  const task = body as Record<string, unknown>;
  const oversized = oversizedAttribute(task.attributes as Record<string, string> | undefined);
  if (oversized) return error(400, oversized);
  const entryPointId = String(task.entryPointId);
  const outbound = setup.outdialEntryPoints.has(entryPointId);
  if ((task.outboundType === 'CALLBACK' || task.outboundType === 'OUTDIAL') && !outbound) {
    return error(400, `entryPointId ${JSON.stringify(entryPointId)} is not an outbound entry point of this tenant`);
  }
  // EXECUTE_FLOW runs a flow through an inbound entry point. The mock knows no inbound ones, so it
  // refuses only the entry points it knows are outbound.
  if (task.outboundType === 'EXECUTE_FLOW' && outbound) {
    return error(400, `entryPointId ${JSON.stringify(entryPointId)} is an outbound entry point: EXECUTE_FLOW needs an inbound entry point`);
  }
  const id = setup.newId();
  setup.tasks.push({ id, url: request.url, body: task });
  return jsonResponse({ meta: { orgId: setup.orgId }, data: { id } }, 201);
}

/** Attribute limits are in UTF-8 bytes: key ≤ 200, value ≤ 1024. */
function oversizedAttribute(attributes: Record<string, string> | undefined): string | undefined {
  for (const [key, value] of Object.entries(attributes ?? {})) {
    if (encoder.encode(key).length > 200) return `attributes key "${key.slice(0, 20)}…" is longer than 200 bytes`;
    if (encoder.encode(value).length > 1024) return `attributes.${key} is longer than 1024 bytes`;
  }
  return undefined;
}

/** The schema's conditional requirements, in words. */
function conditionOf(schemaPath: string | undefined): string {
  if (schemaPath?.startsWith('#/allOf/0/')) return ' when outboundType is CALLBACK';
  if (schemaPath?.startsWith('#/allOf/1/')) return ' when outboundType is OUTDIAL or EXECUTE_FLOW';
  return '';
}

function forcedDescription(status: number): string {
  return { 400: 'Bad Request', 401: 'Unauthorized, Token is Invalid', 403: 'Forbidden Request', 500: 'Internal Server Error', 503: 'Service Unavailable' }[status] ?? 'Error';
}
