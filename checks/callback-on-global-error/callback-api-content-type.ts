import { defineCheck } from '../../engine/check.js';
import { requestContentTypeOf, requestHeaderOf, sameContentType } from './lib/http.js';
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
    'Tolerances: compared without case or spaces ("application/json" passes). A `Content-Type` set among the',
    'Request Headers is what the request really sends (it wins over the field), so it must be JSON too',
    '(`application/json`, with or without `; charset=…`).',
  ].join('\n'),
  run(ctx) {
    const api = callbackApiOf(ctx);
    if (!api.ok) return api.outcome;
    const type = requestContentTypeOf(api.activity);
    if (!sameContentType(type, CREATE_TASK.contentType)) {
      return failed(`${api.activity.label} has the Content Type ${type || '(none)'}`, { expected: CREATE_TASK.contentType, actual: type || 'none', activity: api.activity });
    }
    const header = requestHeaderOf(api.activity, 'content-type');
    if (header !== undefined && !sameContentType(header.split(';')[0], CREATE_TASK.contentType)) {
      return failed(`${api.activity.label} sends the request header Content-Type: ${header}, which wins over its Content Type field`, {
        expected: `Content-Type ${CREATE_TASK.contentType} (or no Content-Type request header)`,
        actual: `request header Content-Type: ${header}`,
        activity: api.activity,
      });
    }
    return passed(`${api.activity.label} has the Content Type ${type}`);
  },
});
