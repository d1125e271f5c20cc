import { missionNodes } from './lib/find.js';
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
  // Not filled in yet, found as the Set Variable SetGetResult leads to: it raises nothing of its own yet.
  roleOf: (ctx) => {
    const nodes = missionNodes(ctx.model);
    return nodes.byPlace.has('simulateError') ? `the Set Variable after ${nodes.setGetResult?.label ?? LABELS.setGetResult}` : undefined;
  },
});
