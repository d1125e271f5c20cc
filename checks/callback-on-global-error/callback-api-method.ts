import { defineCheck } from '../../engine/check.js';
import { methodOf } from './lib/http.js';
import { callbackApiOf } from './lib/nodes.js';
import { failed, passed } from './lib/outcome.js';
import { HINTS } from './lib/hints.js';

export default defineCheck({
  id: 'callback-api-method',
  title: 'CallBackAPI_HTTPRequest uses method POST',
  step: 8,
  points: 2,
  severity: 'required',
  hint: HINTS.callbackApiMethod,
  description: ['Verifies Build step 8: the Create Task request uses method **POST**.', '', 'Tolerances: the method is compared without case.'].join('\n'),
  run(ctx) {
    const api = callbackApiOf(ctx);
    if (!api.ok) return api.outcome;
    const method = methodOf(api.activity);
    if (method !== 'POST') return failed(`${api.activity.label} uses method ${method || '(none)'}`, { expected: 'POST', actual: method || 'none', activity: api.activity });
    return passed(`${api.activity.label} uses method POST`);
  },
});
