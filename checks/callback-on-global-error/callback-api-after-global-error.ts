import { defineCheck } from '../../engine/check.js';
import { activityById, reachableFrom } from '../../engine/graph.js';
import type { EventHandler } from '../../engine/model.js';
import { callsTasksApi, isEndFlow, missionNodes } from './lib/find.js';
import { exitTarget, pastSetVariables, requestConnectionHint } from './lib/graph.js';
import { ENDED_IN_TEMPLATE } from './lib/names.js';
import { callbackApiOf } from './lib/nodes.js';
import { failed, passed } from './lib/outcome.js';
import { missingIn } from './lib/require.js';

export default defineCheck({
  id: 'callback-api-after-global-error',
  title: 'OnGlobalError leads to the HTTP Request CallBackAPI_HTTPRequest',
  step: 8,
  points: 3,
  severity: 'required',
  hint: 'Event Flows → add an HTTP Request (Activity Label: CallBackAPI_HTTPRequest) and connect the OnGlobalError output to it.',
  description: [
    'Verifies Build step 8: in the **Event Flows**, an **HTTP Request** labelled **CallBackAPI_HTTPRequest**',
    'exists and **OnGlobalError** leads to it — and no other event handler leads to it or to another request to',
    '/v1/tasks: PhoneContactEnded runs after every call and AgentDisconnected after every call an agent took,',
    'so a callback would be created again and again.',
    '',
    "When another event handler's output is connected to the request and OnGlobalError's is not, the failure",
    'says so ("CallBackAPI_HTTPRequest is connected to AgentDisconnected, not to OnGlobalError"), and the hint',
    'says to move that connection to OnGlobalError, and to connect the other handler to an End Flow again when the',
    "lab's template had it connected to one (every handler but CallbackFailed, which the template leaves unconnected,",
    'as it may stay). When OnGlobalError leads to the request and another handler does too, the hint says to connect',
    'that handler to an End Flow again, not to the request, or, for CallbackFailed, to delete its connection to it.',
    'When OnGlobalError still goes to its End Flow (Build step 7 not done), the hint says to delete that',
    'connection first, as step 7 does, then to connect OnGlobalError to the request. With Set Variables between',
    'OnGlobalError and where it goes instead (OnGlobalError → SetVariable_e4r → EndFlow_kid), the hint names the',
    "last Set Variable's connection, which may stay on the way to the request. An exit leads to one activity: the",
    'hint says to "connect" an open one (OnGlobalError\'s or the last Set Variable\'s), and to "drag" the',
    'connection of one that leads elsewhere (a Disconnect Contact, a Play Message), also back to an earlier Set',
    'Variable (SetVariable_e4r → SetVariable_b7q → SetVariable_e4r: "drag the connection of SetVariable_b7q from',
    'SetVariable_e4r to CallBackAPI_HTTPRequest (Build step 8)"). Step 7\'s check and the simulated call',
    '(`run-task-created`), failing for the same connection, give the same hint in the same words.',
    '',
    'Tolerances:',
    '- reachable, not necessarily adjacent: e.g. a Set Variable between OnGlobalError and the request passes;',
    '- the label `CallBackAPI_Request` of the January 2025 guide is accepted, and the request is otherwise',
    '  found by label in another case, or as the HTTP Request reached from OnGlobalError or calling /v1/tasks.',
    '',
    'An export of a subflow, which has no Event Flows, fails with a hint saying so and to export the flow instead, in the',
    'words of `flow-name`: "The export is a subflow, "ErrorHandler_Template", which has no Event Flows. Export the flow you extended: …"',
  ].join('\n'),
  run(ctx) {
    const api = callbackApiOf(ctx);
    if (!api.ok) return api.outcome;
    const node = missionNodes(ctx.model).globalError;
    if (!node) return missingIn('The OnGlobalError event handler', 'the Event Flows', ctx.model, '/eventFlows');
    const reached = reachableFrom(ctx.model.events, [node.id]).some((a) => a.id === api.activity.id);
    if (!reached) {
      const target = exitTarget(ctx.model.events, node, 'out');
      // Another handler's output dragged to the request instead of OnGlobalError's: the attendee did
      // connect it, from the wrong handler (as a wrong exit in lib/graph.ts wrongExit).
      const instead = ctx.model.handlers.find((h) => h.nodeId !== node.id && h.target === api.activity.id);
      if (instead) {
        return failed(`${api.activity.label} is connected to ${instead.display}, not to OnGlobalError`, {
          expected: `OnGlobalError → ${api.activity.label}`,
          actual: `${instead.display} → ${api.activity.label}, ${target ? `OnGlobalError → ${target.label}` : 'OnGlobalError not connected'}`,
          activity: api.activity,
          hint: `Event Flows → move the connection to ${api.activity.label} from ${instead.display} to OnGlobalError${target ? `, in place of the one to ${target.label}` : ''}${ENDED_IN_TEMPLATE.has(instead.name) ? `, then connect ${instead.display} to an End Flow again` : ''}: only OnGlobalError may lead to a Create Task request.`,
        });
      }
      // Set Variables on the way (errortime = now()) may stay: the connection to change is the last one's.
      const past = pastSetVariables(ctx.model.events, node, 'out');
      const from = past.via.at(-1)?.label ?? 'OnGlobalError';
      const chain = ['OnGlobalError', ...past.via.map((a) => a.label)].join(' → ');
      const next = past.target; // where the last exit on the way is connected, if it is
      return failed(`OnGlobalError does not lead to ${api.activity.label}`, {
        expected: `OnGlobalError → ${api.activity.label}`,
        actual: next ? `${chain} → ${next.label}` : past.via.length > 0 ? chain : 'OnGlobalError not connected',
        activity: api.activity,
        // Still to the End Flow: Build step 7 is not done, and its own check and the simulated call
        // say to delete that connection; all three hint the edit in the same words.
        hint: requestConnectionHint(from, next && { label: next.label, isEnd: isEndFlow(next) }, api.activity.label),
      });
    }
    // This request, or a copy of it: any request to /v1/tasks another event runs creates a task.
    const requests = new Set(ctx.model.events.activities.filter(callsTasksApi).map((a) => a.id)).add(api.activity.id);
    const createsTask = (id: string) => requests.has(id);
    const others = ctx.model.handlers.filter((h) => h.nodeId !== node.id && h.reaches.some(createsTask));
    if (others.length > 0) {
      const names = others.map((h) => h.display).join(', ');
      const reached = [...new Set(others.flatMap((h) => h.reaches.filter(createsTask)))].map((id) => activityById(ctx.model.events, id)?.label ?? id).join(', ');
      return failed(`${names} also ${others.length > 1 ? 'lead' : 'leads'} to ${reached === api.activity.label ? reached : `a Create Task request (${reached})`}: a callback would be created whenever ${others.length > 1 ? 'those events fire' : 'that event fires'}`, {
        expected: `only OnGlobalError → ${api.activity.label}`,
        actual: `${names} → ${reached} too`,
        activity: api.activity,
        // The request is there and OnGlobalError reaches it: the fix is the other handlers' connections.
        hint: others.every((h) => h.target !== undefined && createsTask(h.target))
          ? `Event Flows → ${undoEdits(others, reached)}: only OnGlobalError may lead to a Create Task request.`
          : `Event Flows → remove the connection that leads ${names} on to ${reached}: only OnGlobalError may lead to a Create Task request.`,
      });
    }
    return passed(`OnGlobalError leads to ${api.activity.label}`);
  },
});

/**
 * The edits that take `handlers`, each connected straight to a Create Task request (`reached`), off it:
 * back to an End Flow where the lab's template had one, else (CallbackFailed, which it leaves
 * unconnected) the connection deleted — "again" would name a connection the attendee never had.
 */
function undoEdits(handlers: readonly EventHandler[], reached: string): string {
  const ended = handlers.filter((h) => ENDED_IN_TEMPLATE.has(h.name)).map((h) => h.display);
  const open = handlers.filter((h) => !ENDED_IN_TEMPLATE.has(h.name)).map((h) => h.display);
  const edits = [
    ...(ended.length > 0 ? [`connect ${ended.join(', ')} to an End Flow again, not to ${reached}`] : []),
    ...(open.length > 0 ? [`delete the connection${open.length > 1 ? 's' : ''} from ${open.join(', ')} to ${reached}`] : []),
  ];
  return edits.join(', and ');
}
