import { labelCheck } from './lib/label-check.js';
import { LABELS } from './lib/names.js';
import { getCbidOf } from './lib/nodes.js';

export default labelCheck({
  id: 'get-cbid-label',
  step: 4,
  role: 'the HTTP Request after option 3',
  label: LABELS.getCbid,
  why: 'the name Testing steps 5 and 6 look for in the Debug tool',
  find: getCbidOf,
});
