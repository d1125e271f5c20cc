import { missionNodes } from './lib/find.js';
import { labelCheck } from './lib/label-check.js';
import { LABELS } from './lib/names.js';
import { setGetResultOf } from './lib/nodes.js';

export default labelCheck({
  id: 'set-get-result-label',
  step: 5,
  role: 'the Set Variable writing getresult',
  label: LABELS.setGetResult,
  why: 'the name Testing step 7 looks for in the Debug tool',
  find: setGetResultOf,
  // Not filled in yet, found as the Set Variable GET_CBID leads to: it writes nothing yet.
  roleOf: (ctx) => {
    const nodes = missionNodes(ctx.model);
    return nodes.byPlace.has('setGetResult') ? `the Set Variable after ${nodes.getCbid?.label ?? LABELS.getCbid}` : undefined;
  },
});
