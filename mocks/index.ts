/**
 * The mocked HTTP services a simulated flow talks to, as real MSW handlers. Browser-safe: the
 * simulator resolves requests with `getResponse(handlers, request)`; nothing reaches the network.
 * Every call gives fresh state, so one attendee's run never affects another's.
 */
import type { RequestHandler } from 'msw';
import { connectorResolver, MOCK_BEARER_TOKEN, REGIONAL_TASK_BASES } from './connectors.js';
import { DEFAULT_DYNVARS, dynVarsHandlers, type DynVarsRecord, type MockApiFilter } from './dynvars.js';
import { tasksApiHandlers, type ForcedTasksBehaviour } from './tasks-api.js';
import type { AcceptedTask, SeenRequest } from './types.js';
import { webhookSiteHandlers } from './webhook-site.js';
import { otherHostHandlers } from './other-hosts.js';

export interface MockOptions {
  /** DynVars records; default the lab's record for dn 4694096861. */
  dynvars?: DynVarsRecord[];
  /** How MockAPI's query parameters match a record's fields; default `contains`. */
  mockapiFilter?: MockApiFilter;
  /** Force a Tasks API failure; default: behave like the real API. */
  tasks?: ForcedTasksBehaviour;
  /** Connector name → base URL; unknown names → US1. */
  connectors?: Record<string, string>;
  /** Outdial entry points accepted besides the dataset's `outboundcallbackep` values. */
  extraOutdialEntryPoints?: string[];
}

export interface MockServices {
  handlers: RequestHandler[];
  connectorBaseUrl(name: string): string;
  bearerToken: string;
  /** Tasks the mock accepted, in order. */
  tasks: AcceptedTask[];
  /** Every request a mock answered. */
  requests: SeenRequest[];
}

/** The tenant the simulated call belongs to: the same as its `NewPhoneContact.OrgId` (engine/simulator/activities/routing.ts). */
export const DEFAULT_ORG_ID = '5c3e1a9f-8b27-4d6e-a1f0-92c4e7b3d815';

export function createMockServices(options: MockOptions = {}): MockServices {
  const records = options.dynvars ?? DEFAULT_DYNVARS;
  const tasks: AcceptedTask[] = [];
  const requests: SeenRequest[] = [];
  const connectors = options.connectors ?? {};
  const outdialEntryPoints = new Set([
    ...records.map((r) => r.outboundcallbackep).filter((ep): ep is string => typeof ep === 'string' && ep !== ''),
    ...(options.extraOutdialEntryPoints ?? []),
  ]);
  return {
    handlers: withoutCallFrames(() => [
      ...dynVarsHandlers(records, requests, options.mockapiFilter),
      ...tasksApiHandlers({
        bases: [...REGIONAL_TASK_BASES, ...Object.values(connectors)],
        token: MOCK_BEARER_TOKEN,
        outdialEntryPoints,
        orgId: DEFAULT_ORG_ID,
        newId: counterIds(),
        forced: options.tasks,
        tasks,
        seen: requests,
      }),
      ...webhookSiteHandlers(requests),
      // Last: it answers the hosts no mock above knows.
      ...otherHostHandlers(requests),
    ]),
    connectorBaseUrl: connectorResolver(connectors),
    bearerToken: MOCK_BEARER_TOKEN,
    tasks,
    requests,
  };
}

/**
 * MSW's handler constructor records where the handler was declared, for its own logs, by taking
 * and formatting a stack trace: a fifth of a grading's time with fresh handlers per scenario, and
 * flowgrade never shows it. With stack traces off meanwhile, the handlers are the same, without
 * that note. (`Error.stackTraceLimit` is V8's; elsewhere setting it does nothing.)
 */
function withoutCallFrames<T>(build: () => T): T {
  // Frozen intrinsics (`node --frozen-intrinsics`, a hardened realm) make the property read-only:
  // then the handlers are built with their stack traces, a little slower, the same.
  if (!Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit')?.writable) return build();
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return build();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * The services whose 404 is the mock's own, not the service's (not mocked), each with what flowgrade
 * mocks instead: the one place that says which they are, for requestsNotMocked and notMockedReason.
 */
const NOT_MOCKED: Partial<Record<SeenRequest['service'], (request: SeenRequest) => string>> = {
  'wxcc-api': () => 'flowgrade mocks only Create Task (POST /v1/tasks) of the WxCC API',
  mockapi: () => "flowgrade mocks only a GET of MockAPI's DynVars list",
  other: (request) => `flowgrade does not mock ${new URL(request.url).host}`,
};

/**
 * The requests a WxCC API host got on a path flowgrade does not mock (the Search API, a
 * configuration API, a typo of /v1/tasks), those MockAPI got other than a GET of the DynVars list,
 * and those to a host no mock knows, each method and URL once, in the order sent: the flow went on
 * from the mock's 404, which the product may not answer.
 */
export function requestsNotMocked(requests: readonly SeenRequest[]): SeenRequest[] {
  const seen = new Set<string>();
  return requests.filter((request) => {
    const key = `${request.method} ${request.url}`;
    if (NOT_MOCKED[request.service] === undefined || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What a request flowgrade does not mock (requestsNotMocked) means for the call, said after the request. */
export function notMockedReason(request: SeenRequest): string {
  return `${NOT_MOCKED[request.service]?.(request) ?? 'flowgrade does not mock it'}, so what the call did after it may not be what it does in the product`;
}

/** `00000000-0000-4000-8000-000000000001`, `…002`, …: deterministic, UUID-shaped. */
function counterIds(): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
}

export { DEFAULT_DYNVARS, MOCK_BEARER_TOKEN };
export { DEFAULT_MOCKAPI_FILTER, dynVarsFound, validateDynVarsDataset } from './dynvars.js';
export type { DynVarsRecord, MockApiFilter, ForcedTasksBehaviour, AcceptedTask, SeenRequest };
