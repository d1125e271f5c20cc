import { defineCheck } from '../../engine/check.js';
import { isAuthenticated, requestPathOf, requestUrlOf } from './lib/http.js';
import { CREATE_TASK } from './lib/names.js';
import { callbackApiOf } from './lib/nodes.js';
import { failed, passed } from './lib/outcome.js';
import { splitUrl } from './lib/url.js';
import { HINTS } from './lib/hints.js';

export default defineCheck({
  id: 'callback-api-path',
  title: 'CallBackAPI_HTTPRequest calls /v1/tasks',
  step: 8,
  points: 2,
  severity: 'required',
  hint: HINTS.callbackApiPath,
  description: [
    'Verifies Build step 8: the **Request Path** is **/v1/tasks**, the Create Task API.',
    '',
    'Tolerances: surrounding spaces, a missing leading `/` (Flow Designer joins the path to the connector',
    'address) and a trailing `/` (the mocked API answers `/v1/tasks/` as `/v1/tasks`) are ignored; a space',
    'inside the path is not (the request then goes to another address). A query string after the path is not',
    'judged here (`/v1/tasks?source=lab` calls /v1/tasks, as the same parameter under Query Parameters would).',
    'When Use Authenticated Endpoint is',
    'Off, the path of the Request URL is judged instead (that mistake itself is reported by',
    '`callback-api-authenticated`); when the Request URL is empty and the path is still in Request Path (the toggle',
    'switched Off after the path was typed), the check fails saying so, with the hint to switch it back On.',
  ].join('\n'),
  run(ctx) {
    const api = callbackApiOf(ctx);
    if (!api.ok) return api.outcome;
    const authenticated = isAuthenticated(api.activity);
    if (!authenticated && requestUrlOf(api.activity) === '' && requestPathOf(api.activity) !== '') {
      // Switched Off after the path was typed: the panel now shows an empty Request URL; the fix is the toggle.
      return failed(`${api.activity.label} has no Request URL (Use Authenticated Endpoint is Off; the path is in Request Path: ${requestPathOf(api.activity)})`, {
        expected: `Use Authenticated Endpoint: On, Request Path: ${CREATE_TASK.path}`,
        actual: `Use Authenticated Endpoint: Off, no Request URL`,
        activity: api.activity,
        hint: HINTS.callbackApiAuthenticated,
      });
    }
    const raw = authenticated ? requestPathOf(api.activity) : (splitUrl(requestUrlOf(api.activity))?.path ?? requestUrlOf(api.activity));
    const path = raw.replace(/[?#][\s\S]*$/, '').trim().replace(/(.)\/$/, '$1');
    const normalised = path.startsWith('/') ? path : `/${path}`;
    if (normalised !== CREATE_TASK.path) {
      const field = authenticated ? 'Request Path' : 'Request URL path';
      return failed(`${api.activity.label} ${field} is ${raw || '(empty)'}`, { expected: CREATE_TASK.path, actual: raw || 'empty', activity: api.activity });
    }
    return passed(`${api.activity.label} calls ${CREATE_TASK.path}`);
  },
});
