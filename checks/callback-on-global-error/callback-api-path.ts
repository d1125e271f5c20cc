import { defineCheck } from '../../engine/check.js';
import { isAuthenticated, requestPathOf, requestUrlOf } from './lib/http.js';
import { CREATE_TASK } from './lib/names.js';
import { callbackApiOf } from './lib/nodes.js';
import { failed, passed } from './lib/outcome.js';
import { splitUrl } from './lib/url.js';
import { HINTS } from './lib/hints.js';
import { javaTrim } from '../../engine/java-whitespace.js';

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
    'The other way round, a whole address in Request URL with the toggle On and no Request Path, or typed into',
    'Request Path (`https://api.wxcc-us1.cisco.com/v1/tasks`), fails with the hint that the connector gives the host.',
    'A request with neither a Request URL nor a Request Path (just added) is told it has no Request Path; with the toggle',
    'still Off, the hint says to switch it On and choose WxCC_API first, as the panel shows Request Path only then.',
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
    // The connector gives the host: a whole address typed in (Request URL before the toggle was
    // switched On, or Request Path) is told so.
    const hostHint = `${api.activity.label} → Request Path: ${CREATE_TASK.path} (the path only: the connector ${CREATE_TASK.connector} gives the host).`;
    if (authenticated && requestPathOf(api.activity) === '' && requestUrlOf(api.activity) !== '') {
      return failed(`${api.activity.label} has no Request Path (Use Authenticated Endpoint is On; the address is in Request URL: ${requestUrlOf(api.activity)})`, {
        expected: `Request Path: ${CREATE_TASK.path}`,
        actual: 'no Request Path',
        activity: api.activity,
        hint: hostHint,
      });
    }
    if (requestPathOf(api.activity) === '' && requestUrlOf(api.activity) === '') {
      // Nothing typed yet (the request just added, Build step 8 begun): the path goes into Request
      // Path, which the panel shows once the toggle is On; not "Request URL path is (empty)".
      return failed(`${api.activity.label} has no Request Path${authenticated ? '' : ' (Use Authenticated Endpoint is Off)'}`, {
        expected: `Request Path: ${CREATE_TASK.path}`,
        actual: 'no Request Path',
        activity: api.activity,
        ...(authenticated ? {} : { hint: `${api.activity.label} → Use Authenticated Endpoint: On, Connector: ${CREATE_TASK.connector}, then Request Path: ${CREATE_TASK.path}.` }),
      });
    }
    const raw = authenticated ? requestPathOf(api.activity) : (splitUrl(requestUrlOf(api.activity))?.path ?? requestUrlOf(api.activity));
    const path = javaTrim(raw.replace(/[?#][\s\S]*$/, '')).replace(/(.)\/$/, '$1');
    const normalised = path.startsWith('/') ? path : `/${path}`;
    if (normalised !== CREATE_TASK.path) {
      const field = authenticated ? 'Request Path' : 'Request URL path';
      const address = authenticated && /^[a-z][a-z0-9+.-]*:\/\//i.test(raw.trim());
      return failed(`${api.activity.label} ${field} is ${raw || '(empty)'}`, { expected: CREATE_TASK.path, actual: raw || 'empty', activity: api.activity, ...(address ? { hint: hostHint } : {}) });
    }
    return passed(`${api.activity.label} calls ${CREATE_TASK.path}`);
  },
});
