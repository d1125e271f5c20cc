import { defineCheck } from '../../engine/check.js';
import { requestContentTypeOf, sameContentType } from './lib/http.js';
import { CREATE_TASK } from './lib/names.js';
import { callbackApiOf } from './lib/nodes.js';
import { failed, passed } from './lib/outcome.js';

export default defineCheck({
  id: 'callback-api-content-type',
  title: 'CallBackAPI_HTTPRequest Content Type is Application/JSON',
  step: 8,
  points: 2,
  severity: 'required',
  hint: 'CallBackAPI_HTTPRequest → Content Type: Application/JSON.',
  description: [
    'Verifies Build step 8: the request **Content Type** is **Application/JSON**; the Create Task API reads a',
    'JSON body.',
    '',
    'Tolerances: compared without case or spaces ("application/json" passes).',
  ].join('\n'),
  run(ctx) {
    const api = callbackApiOf(ctx);
    if (!api.ok) return api.outcome;
    const type = requestContentTypeOf(api.activity);
    if (!sameContentType(type, CREATE_TASK.contentType)) {
      return failed(`${api.activity.label} has the Content Type ${type || '(none)'}`, { expected: CREATE_TASK.contentType, actual: type || 'none', activity: api.activity });
    }
    return passed(`${api.activity.label} has the Content Type ${type}`);
  },
});
