/** Small hand-written flows in the real export format, and fake services, for simulator tests. */
import { http, HttpResponse, type RequestHandler } from 'msw';
import { loadFlow } from '../../../engine/loader.js';
import type { FlowModel } from '../../../engine/model.js';
import type { SimulatorServices } from '../../../engine/simulator/index.js';

export interface Node {
  label: string;
  /** activityName (`play-message`, …) or 'event' for event nodes. */
  type: string;
  props?: Record<string, unknown>;
}
/** [from label, exit, to label] */
export type Edge = [string, string, string];

export interface FlowSpec {
  variables?: { name: string; type: string; value: string | null; source?: string }[];
  /** Main-flow activities after the NewPhoneContact start node (which is added automatically). */
  main: Node[];
  /** Main-flow links; the start node is called NewPhoneContact. */
  links: Edge[];
  /** Event-flow activities besides the GlobalErrorHandling node (which is added automatically). */
  events?: Node[];
  /** Event-flow links; the error handler node is called GlobalErrorHandling. */
  eventLinks?: Edge[];
  /** Leave out the OnGlobalError node altogether. */
  noGlobalErrorNode?: boolean;
  /** Use a subflow start instead of NewPhoneContact (then called StartSubflow). */
  subflow?: boolean;
}

function activity(id: string, node: Node): Record<string, unknown> {
  const properties: Record<string, unknown> = { name: node.label, ...node.props };
  if (node.type === 'event') {
    Object.assign(properties, { activityId: 'event', eventSpecificationName: node.label });
  } else {
    properties.activityName = node.type;
  }
  return { id, name: node.label, group: node.type === 'event' ? 'event' : 'action', properties };
}

function graph(prefix: string, nodes: Node[], edges: Edge[]) {
  const id = (label: string) => `${prefix}-${label}`;
  const activities: Record<string, unknown> = {};
  for (const node of nodes) activities[id(node.label)] = activity(id(node.label), node);
  const links = edges.map(([from, exit, to], i) => ({
    id: `${prefix}-link-${i}`,
    sourceActivityId: id(from),
    targetActivityId: id(to),
    conditionExpr: exit,
    properties: { value: exit },
  }));
  return { activities, links };
}

/** The export for a spec (a plain object; `JSON.stringify` it to load). */
export function exportOf(spec: FlowSpec): Record<string, unknown> {
  const start: Node = spec.subflow
    ? { label: 'StartSubflow', type: 'NewSubFlowStart', props: { activityId: 'start-subflow' } }
    : { label: 'NewPhoneContact', type: 'NewPhoneContact', props: { activityId: 'start', event: 'NewPhoneContact' } };
  const events: Node[] = [...(spec.events ?? [])];
  if (!spec.noGlobalErrorNode) {
    events.unshift({ label: 'GlobalErrorHandling', type: 'event', props: { event: 'OnGlobalError', displayName: 'OnGlobalError' } });
  }
  const eventGraph = graph('e', events, spec.eventLinks ?? []);
  return {
    orgId: 'org',
    version: 1,
    id: '0123456789abcdef01234567',
    flowType: spec.subflow ? 'SUBFLOW' : 'FLOW',
    name: 'Main_Flow_207',
    variables: (spec.variables ?? []).map((v) => ({ source: '', ...v })),
    process: graph('m', [start, ...spec.main], spec.links),
    eventFlows: spec.noGlobalErrorNode && !spec.events
      ? { eventsMap: {} }
      : {
          eventsMap: {
            GLOBAL_EVENTS: {
              id: 'GLOBAL_EVENTS',
              process: eventGraph,
              onEvents: spec.noGlobalErrorNode ? {} : { GlobalErrorHandling: 'e-GlobalErrorHandling' },
            },
          },
        },
  };
}

export function buildFlow(spec: FlowSpec): FlowModel {
  const result = loadFlow(JSON.stringify(exportOf(spec)));
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.model;
}

export const CONNECTOR_BASE = 'https://api.wxcc-us1.cisco.com';
/** The lab's MockAPI DynVars resource, and the outdial entry point its record holds (mocks/data/dynvars.json). */
export const DYNVARS_URL = 'https://674481b1b4e2e04abea27c6e.mockapi.io/flowdesigner/Lab/DynVars';
export const OUTDIAL_EP = '0011ed11-ca98-4c67-8621-9c54be08e692';
export const TOKEN = 'test-token';

/** Services with the given MSW handlers; the connector `WxCC_API` maps to CONNECTOR_BASE. */
export function fakeServices(handlers: RequestHandler[] = []): SimulatorServices & { seen: Request[] } {
  const seen: Request[] = [];
  const recording = http.all('*', ({ request }) => {
    seen.push(request.clone());
    return undefined; // fall through to the real handlers
  });
  return {
    handlers: [recording, ...handlers],
    connectorBaseUrl(name: string): string {
      if (name === 'WxCC_API') return CONNECTOR_BASE;
      throw new Error(`unknown connector ${name}`);
    },
    bearerToken: TOKEN,
    seen,
  };
}

export { http, HttpResponse };

/** Shorthands for activities. */
export const tts = (text: string) => ({ toggle: true, promptsTts: [{ type: 'tts', value: text, name: text }], prompts: null });
export const play = (label: string, text: string): Node => ({ label, type: 'play-message', props: tts(text) });
export const disconnect = (label = 'Disconnect'): Node => ({ label, type: 'disconnect-contact' });
export const endFlow = (label = 'EndFlow'): Node => ({ label, type: 'end' });
export const setVar = (label: string, variable: string, expr: string, setTo = 'set-to-literal'): Node => ({
  label,
  type: 'set-variable',
  props: { srcVariable: variable, srcVariableType: 'STRING', setTo, expr, literal_invalid_error: false },
});
export const condition = (label: string, expression: string): Node => ({ label, type: 'condition-activity', props: { expression } });
/** An HTTP Request: an unauthenticated GET parsing JSON with no rows, unless `props` say otherwise. */
export const httpRequest = (label: string, props: Record<string, unknown>): Node => ({
  label,
  type: 'http-request-v2',
  props: {
    authenticated: false,
    httpRequestMethod: 'GET',
    httpContentType: 'Application/JSON',
    httpRequestHeaders: {},
    httpQueryParameters: {},
    contentType: 'JSON',
    outputVariableArray: [],
    ...props,
  },
});
export const menu = (label: string, keys: string[], text = 'Press a key'): Node => ({
  label,
  type: 'ivr-menu',
  props: { ...tts(text), menuLinks: keys, 'menuLinks:input': keys.map((k) => `option ${k}`) },
});
