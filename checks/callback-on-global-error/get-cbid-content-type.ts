import { defineCheck } from '../../engine/check.js';
import { requestContentTypeOf, sameContentType } from './lib/http.js';
import { getCbidOf } from './lib/nodes.js';
import { failed, passed } from './lib/outcome.js';

export default defineCheck({
  id: 'get-cbid-content-type',
  title: 'GET_CBID Content Type is Application/JSON',
  step: 4,
  points: 1,
  severity: 'recommended',
  hint: 'GET_CBID → Content Type: Application/JSON.',
  description: [
    'Verifies the request **Content Type** Build step 4 sets on GET_CBID: Application/JSON.',
    '',
    'Tolerances: compared without case or spaces ("application/json" passes).',
    '',
    'Recommended only: a GET request has no body, so its content type does not change the answer.',
  ].join('\n'),
  run(ctx) {
    const get = getCbidOf(ctx);
    if (!get.ok) return get.outcome;
    const type = requestContentTypeOf(get.activity);
    if (!sameContentType(type, 'Application/JSON')) {
      return failed(`${get.activity.label} has the Content Type ${type || '(none)'}`, { expected: 'Application/JSON', actual: type || 'none', activity: get.activity });
    }
    return passed(`${get.activity.label} has the Content Type ${type}`);
  },
});
