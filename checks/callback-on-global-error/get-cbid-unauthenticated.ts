import { defineCheck } from '../../engine/check.js';
import { connectorOf, isAuthenticated } from './lib/http.js';
import { getCbidOf } from './lib/nodes.js';
import { failed, passed } from './lib/outcome.js';
import { HINTS } from './lib/hints.js';

export default defineCheck({
  id: 'get-cbid-unauthenticated',
  title: 'GET_CBID does not use an authenticated endpoint',
  step: 4,
  points: 3,
  severity: 'required',
  hint: HINTS.getCbidUnauthenticated,
  description: [
    'Verifies Build step 4: **Use Authenticated Endpoint** is **Off** on GET_CBID. MockAPI is a public',
    'service: with the toggle on, Flow Designer sends the request to a connector (e.g. WxCC_API) instead.',
    '',
    'Tolerances: the toggle may be exported as `false`, as the text "false", or left out.',
  ].join('\n'),
  run(ctx) {
    const get = getCbidOf(ctx);
    if (!get.ok) return get.outcome;
    if (isAuthenticated(get.activity)) {
      const connector = connectorOf(get.activity);
      return failed(`${get.activity.label} uses an authenticated endpoint${connector ? ` (connector ${connector})` : ''}`, {
        expected: 'Use Authenticated Endpoint: Off',
        actual: `On${connector ? `, connector ${connector}` : ''}`,
        activity: get.activity,
      });
    }
    return passed(`${get.activity.label} calls an unauthenticated endpoint`);
  },
});
