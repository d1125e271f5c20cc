import { defineCheck } from '../../engine/check.js';
import { connectorIdOf, connectorNameOf, isAuthenticated } from './lib/http.js';
import { CREATE_TASK } from './lib/names.js';
import { callbackApiOf } from './lib/nodes.js';
import { failed, passed } from './lib/outcome.js';
import { HINTS } from './lib/hints.js';

export default defineCheck({
  id: 'callback-api-authenticated',
  title: 'CallBackAPI_HTTPRequest uses the authenticated connector WxCC_API',
  step: 8,
  points: 3,
  severity: 'required',
  hint: HINTS.callbackApiAuthenticated,
  description: [
    'Verifies Build step 8: **Use Authenticated Endpoint** is **On** and the **Connector** is **WxCC_API**, so',
    'Flow Designer sends the Create Task request to the Webex Contact Center API with its credentials.',
    '',
    'Tolerances: the connector is read from its display name in the export (`connectorId:name`) and compared',
    'without case. A connector the export holds by its id alone (`connectorId`, no or a blank `connectorId:name`) is',
    'accepted: Flow Designer keeps the chosen connector by its id, the name being only the panel\'s copy of it,',
    'and the simulated call sends the request through that connector too; its name cannot be compared then.',
  ].join('\n'),
  run(ctx) {
    const api = callbackApiOf(ctx);
    if (!api.ok) return api.outcome;
    const connector = connectorNameOf(api.activity);
    const id = connectorIdOf(api.activity);
    const expected = `Use Authenticated Endpoint: On, Connector: ${CREATE_TASK.connector}`;
    if (!isAuthenticated(api.activity)) {
      return failed(`${api.activity.label} does not use an authenticated endpoint`, { expected, actual: 'Use Authenticated Endpoint: Off', activity: api.activity });
    }
    // No name to compare: the connector chosen by its id is the one the request goes through (as simulated).
    if (connector === undefined && id !== undefined) return passed(`${api.activity.label} uses the connector with id ${id} (the export holds no name for it)`);
    if (connector?.toLowerCase() !== CREATE_TASK.connector.toLowerCase()) {
      return failed(`${api.activity.label} uses the connector ${connector ?? '(none)'}`, { expected, actual: `Connector: ${connector ?? 'none'}`, activity: api.activity });
    }
    return passed(`${api.activity.label} uses the connector ${connector}`);
  },
});
