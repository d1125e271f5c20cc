import { defineCheck } from '../../engine/check.js';
import { missionNodes } from './lib/find.js';
import { exitTarget, pastSetVariables, requestConnectionHint } from './lib/graph.js';
import { LABELS } from './lib/names.js';
import { failed, passed } from './lib/outcome.js';
import { missingIn } from './lib/require.js';

export default defineCheck({
  id: 'global-error-not-to-endflow',
  title: 'OnGlobalError no longer goes straight to EndFlow',
  step: 7,
  points: 4,
  severity: 'required',
  hint: 'Event Flows → delete the connection from OnGlobalError to EndFlow (Build step 7), then connect OnGlobalError to CallBackAPI_HTTPRequest (Build step 8).',
  description: [
    'Verifies Build step 7: in the **Event Flows**, the template connection **OnGlobalError → EndFlow** is',
    'deleted. While it exists, the global error ends the event flow at once and no callback is requested.',
    '',
    'Tolerances: the End Flow is recognised by type, whatever its random suffix (`EndFlow_kid`, …). An',
    'unconnected OnGlobalError passes this check (the next check, `callback-api-after-global-error`, fails).',
    '',
    'A Set Variable put between OnGlobalError and the End Flow (OnGlobalError → SetVariable_e4r → EndFlow_kid,',
    'keeping the time of the error) still ends the event flow before any request: it fails as the straight',
    'connection does, "OnGlobalError still goes to EndFlow_kid (through SetVariable_e4r)", and the hint says to',
    'delete the connection from the Set Variable to the End Flow, then connect the Set Variable to the request',
    '(a Set Variable before the request is allowed).',
    '',
    'The hint names the End Flow by its label, in the same words as `callback-api-after-global-error` and the',
    'simulated call (`run-task-created`), which fail for the same connection: "Event Flows → delete the connection',
    'from SetVariable_e4r to EndFlow_kid (Build step 7), then connect SetVariable_e4r to CallBackAPI_HTTPRequest',
    '(Build step 8)."',
    '',
    'An export of a subflow, which has no Event Flows, fails with a hint saying so and to export the flow instead, in the',
    'words of `flow-name`: "The export is a subflow, "ErrorHandler_Template", which has no Event Flows. Export the flow you extended: …"',
  ].join('\n'),
  run(ctx) {
    const { globalError: node, callbackApi } = missionNodes(ctx.model);
    if (!node) return missingIn('The OnGlobalError event handler', 'the Event Flows', ctx.model, '/eventFlows');
    // The request by the flow's label (CallBackAPI_Request of the January 2025 guide), as the hint names it.
    const request = callbackApi?.label ?? LABELS.callbackApi;
    // A Set Variable on the way (errortime = now()) is allowed, but it still leads to the End Flow:
    // the connection step 7 deletes is then the last Set Variable's, and the Set Variables may stay.
    const past = pastSetVariables(ctx.model.events, node, 'out');
    if (past.target?.type === 'end') {
      const end = past.target.label;
      const through = past.via.map((a) => a.label);
      const chain = ['OnGlobalError', ...through].join(' → ');
      const last = through.at(-1);
      return failed(last === undefined ? `OnGlobalError still goes straight to ${end}` : `OnGlobalError still goes to ${end} (through ${through.join(', ')})`, {
        expected: `${chain} → ${request}`,
        actual: `${chain} → ${end} (End Flow)`,
        activity: node,
        // The End Flow by its label, and the edit in the words of callback-api-after-global-error and the simulated call.
        hint: requestConnectionHint(last ?? 'OnGlobalError', { label: end, isEnd: true }, request),
      });
    }
    const target = exitTarget(ctx.model.events, node, 'out');
    return passed(target ? `OnGlobalError goes to ${target.label}` : 'OnGlobalError is no longer connected to EndFlow');
  },
});
