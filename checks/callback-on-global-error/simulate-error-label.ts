import { labelCheck } from './lib/label-check.js';
import { LABELS } from './lib/names.js';
import { simulateErrorOf } from './lib/nodes.js';

export default labelCheck({
  id: 'simulate-error-label',
  step: 6,
  role: 'the Set Variable raising the global error',
  label: LABELS.simulateError,
  why: 'the name Testing step 8 looks for in the Debug tool',
  find: simulateErrorOf,
});
