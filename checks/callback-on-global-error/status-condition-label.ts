import { labelCheck } from './lib/label-check.js';
import { LABELS } from './lib/names.js';
import { statusConditionOf } from './lib/nodes.js';

export default labelCheck({
  id: 'status-condition-label',
  step: 9,
  role: 'the Condition testing the status code',
  label: LABELS.statusCondition,
  why: 'the name the Debug tool shows for it when Testing step 10 looks at its exit',
  find: statusConditionOf,
});
