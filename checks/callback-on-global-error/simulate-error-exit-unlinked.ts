import { defineCheck } from '../../engine/check.js';
import { exitTarget } from './lib/graph.js';
import { simulateErrorOf } from './lib/nodes.js';
import { failed, passed } from './lib/outcome.js';

export default defineCheck({
  id: 'simulate-error-exit-unlinked',
  title: 'The Undefined Error exit of SimulateGlobalError is not connected',
  step: 6,
  points: 3,
  severity: 'required',
  hint: 'SimulateGlobalError → delete the connection from its Undefined Error exit, so the error reaches OnGlobalError.',
  description: [
    'Verifies that the **Undefined Error** exit of SimulateGlobalError is left unconnected. Build step 6 does',
    'not say so in words (it only connects SimulateGlobalError to Disconnect Contact), but Testing steps 8–9',
    'need it: when an activity fails and its error exit is connected, the flow follows that exit and the',
    '**OnGlobalError** event flow never runs.',
  ].join('\n'),
  run(ctx) {
    const sim = simulateErrorOf(ctx);
    if (!sim.ok) return sim.outcome;
    // The loader keeps no link to an activity that is not there: a connected exit has its target.
    const target = exitTarget(ctx.model.main, sim.activity, 'error');
    if (target) {
      return failed(`The Undefined Error exit of ${sim.activity.label} is connected to ${target.label}, so OnGlobalError never runs`, {
        expected: 'Undefined Error exit not connected',
        actual: `Undefined Error → ${target.label}`,
        activity: sim.activity,
      });
    }
    return passed(`The Undefined Error exit of ${sim.activity.label} is not connected`);
  },
});
