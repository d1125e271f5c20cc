import { defineCheck } from '../../engine/check.js';
import { parseContentTypeOf } from './lib/http.js';
import { getCbidOf } from './lib/nodes.js';
import { failed, passed } from './lib/outcome.js';
import { HINTS } from './lib/hints.js';

export default defineCheck({
  id: 'get-cbid-parse-json',
  title: 'GET_CBID parses the response as JSON',
  step: 4,
  points: 2,
  severity: 'required',
  hint: HINTS.getCbidParseJson,
  description: [
    'Verifies Build step 4: **Parsing Settings → Content Type** of GET_CBID is **JSON**. Left on "Select",',
    'Flow Designer does not parse the response, so outdialcbid and customani stay empty.',
    '',
    'Tolerances: compared without case.',
    '',
    'An open point: the lab author\'s own screenshot of GET_CBID (`AM2_HTTPRequest1.gif`, its last frame) still shows',
    'the Parsing Settings Content Type on "Select" with both rows filled in, before the activity is connected on. The',
    'guide\'s text asks for JSON, and flowgrade follows the text: whether Flow Designer would parse JSON anyway is not',
    'documented anywhere we know of.',
  ].join('\n'),
  run(ctx) {
    const get = getCbidOf(ctx);
    if (!get.ok) return get.outcome;
    const type = parseContentTypeOf(get.activity);
    if (type.toUpperCase() !== 'JSON') {
      return failed(`${get.activity.label} Parsing Settings Content Type is ${type || 'not chosen ("Select")'}`, { expected: 'JSON', actual: type || 'Select (none)', activity: get.activity });
    }
    return passed(`${get.activity.label} parses the response as JSON`);
  },
});
