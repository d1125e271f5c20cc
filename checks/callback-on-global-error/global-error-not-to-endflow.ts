import { defineCheck } from '../../engine/check.js';
import { missionNodes } from './lib/find.js';
import { exitTarget } from './lib/graph.js';
import { LABELS } from './lib/names.js';
import { failed, missing, passed } from './lib/outcome.js';

export default defineCheck({
  id: 'global-error-not-to-endflow',
  title: 'OnGlobalError no longer goes straight to EndFlow',
  step: 7,
  points: 4,
  severity: 'required',
  hint: 'Event Flows → delete the connection from OnGlobalError to EndFlow (then connect OnGlobalError to CallBackAPI_HTTPRequest).',
  description: [
    'Verifies Build step 7: in the **Event Flows**, the template connection **OnGlobalError → EndFlow** is',
    'deleted. While it exists, the global error ends the event flow at once and no callback is requested.',
    '',
    'Tolerances: the End Flow is recognised by type, whatever its random suffix (`EndFlow_kid`, …). An',
    'unconnected OnGlobalError passes this check (the next check, `callback-api-after-global-error`, fails).',
  ].join('\n'),
  run(ctx) {
    const { globalError: node, callbackApi } = missionNodes(ctx.model);
    if (!node) return missing('The OnGlobalError event handler', 'the Event Flows', '/eventFlows');
    const target = exitTarget(ctx.model.events, node, 'out');
    if (target?.type === 'end') {
      // The request by the flow's label (CallBackAPI_Request of the January 2025 guide), as the hint names it.
      const request = callbackApi?.label ?? LABELS.callbackApi;
      return failed(`OnGlobalError still goes straight to ${target.label}`, { expected: `OnGlobalError → ${request}`, actual: `OnGlobalError → ${target.label} (End Flow)`, activity: node });
    }
    return passed(target ? `OnGlobalError goes to ${target.label}` : 'OnGlobalError is no longer connected to EndFlow');
  },
});
