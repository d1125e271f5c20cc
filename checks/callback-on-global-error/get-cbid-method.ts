import { defineCheck } from '../../engine/check.js';
import { methodOf } from './lib/http.js';
import { getCbidOf } from './lib/nodes.js';
import { failed, passed } from './lib/outcome.js';
import { HINTS } from './lib/hints.js';

export default defineCheck({
  id: 'get-cbid-method',
  title: 'GET_CBID uses method GET',
  step: 4,
  points: 2,
  severity: 'required',
  hint: HINTS.getCbidMethod,
  description: ['Verifies Build step 4: GET_CBID reads the DynVars record with method **GET**.', '', 'Tolerances: the method is compared without case.'].join('\n'),
  run(ctx) {
    const get = getCbidOf(ctx);
    if (!get.ok) return get.outcome;
    const method = methodOf(get.activity);
    if (method !== 'GET') return failed(`${get.activity.label} uses method ${method || '(none)'}`, { expected: 'GET', actual: method || 'none', activity: get.activity });
    return passed(`${get.activity.label} uses method GET`);
  },
});
