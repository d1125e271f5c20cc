import { labelCheck } from './lib/label-check.js';
import { LABELS } from './lib/names.js';
import { callbackApiOf } from './lib/nodes.js';

export default labelCheck({
  id: 'callback-api-label',
  step: 8,
  role: 'the Create Task request',
  label: LABELS.callbackApi,
  alsoAccepted: { label: LABELS.callbackApiOld, guide: "The January 2025 guide's" },
  why: `the name the guide's Condition expression of Build step 9 reads ({{${LABELS.callbackApi}.httpStatusCode == 201}})`,
  find: callbackApiOf,
});
