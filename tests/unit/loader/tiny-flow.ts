import { loadFlow } from '../../../engine/loader.js';

/** A minimal export in the real format, for loader tests (start → play message → disconnect). */
export function tinyFlow(overrides: Record<string, unknown> = {}): Record<string, any> {
  return {
    orgId: 'org', version: 1, id: '0123456789abcdef01234567', flowType: 'FLOW', name: 'Main_Flow_207',
    variables: [
      { name: 'count', type: 'INTEGER', value: '0', source: '' },
      { name: 'flag', type: 'BOOLEAN', value: 'false' },
      { name: 'blob', type: 'JSON', value: '{}' },
      { name: 'nothing', type: 'JSON', value: 'null' },
      { name: 'text', type: 'STRING', value: '' },
      { name: 'unset', type: 'STRING', value: null },
    ],
    process: {
      activities: {
        s: { id: 's', name: 'NewPhoneContact', group: 'start', properties: { activityName: 'NewPhoneContact', activityId: 'start', name: 'NewPhoneContact' } },
        p: { id: 'p', name: 'Welcome', group: 'action', properties: { activityName: 'play-message', name: 'Welcome', connector: 'Cisco Cloud Text-to-Speech', 'connector:name': 'TTS display', connector_name: 'TTS underscore' } },
        d: { id: 'd', name: 'Bye', group: 'terminating-action', properties: { activityName: 'disconnect-contact', name: 'Bye' } },
        orphan: { id: 'orphan', name: 'Orphan', group: 'action', properties: { activityName: 'play-message', name: 'Orphan' } },
      },
      links: [
        { id: 'l1', sourceActivityId: 's', targetActivityId: 'p', conditionExpr: 'out', properties: { value: 'out' } },
        { id: 'l2', sourceActivityId: 'p', targetActivityId: 'd', conditionExpr: 'default', properties: { value: 'default' } },
      ],
    },
    diagram: { widgets: { s: { point: { x: 10, y: 20 } }, p: { point: { x: 200, y: 20 } } } },
    eventFlows: {
      eventsMap: {
        GLOBAL_EVENTS: {
          id: 'GLOBAL_EVENTS',
          process: {
            activities: {
              e1: { id: 'e1', name: 'GlobalErrorHandling', group: 'event', properties: { activityId: 'event', name: 'GlobalErrorHandling', event: 'OnGlobalError', displayName: 'OnGlobalError', eventSpecificationName: 'GlobalErrorHandling' } },
              end: { id: 'end', name: 'EndFlow_kid', group: 'end', properties: { activityName: 'end', activityId: 'end', name: 'EndFlow_kid' } },
            },
            links: [{ id: 'el', sourceActivityId: 'e1', targetActivityId: 'end', conditionExpr: 'out', properties: { value: 'out' } }],
          },
          onEvents: { GlobalErrorHandling: 'e1' },
        },
      },
    },
    settings: [],
    ...overrides,
  };
}

/**
 * The tiny flow with one more activity, `label` of type `type`, its `exits` linked to Bye: what
 * the model makes of its exits (known, unlinked) and the unknown-exit findings.
 */
export function exitsOfActivity(type: string, exits: string[], label = 'Under_Test', properties: Record<string, unknown> = {}) {
  const flow = tinyFlow();
  flow.process.activities.x = { id: 'x', name: label, group: 'action', properties: { activityName: type, name: label, ...properties } };
  exits.forEach((exit, i) => flow.process.links.push({ id: `lx${i}`, sourceActivityId: 'x', targetActivityId: 'd', conditionExpr: exit, properties: { value: exit } }));
  const result = loadFlow(JSON.stringify(flow));
  if (!result.ok) throw new Error(result.error.message);
  const x = result.model.main.activities.find((a) => a.id === 'x')!;
  return { known: x.knownExits, unlinked: x.unlinkedExits, unknown: result.model.findings.filter((f) => f.code === 'unknown-exit').map((f) => f.message) };
}
