import { defineCheck } from '../../engine/check.js';
import { connectHint, connectionNote, exitLeadsTo, missedLink, wrongExitNote } from './lib/graph.js';
import { setGetResultOf, simulateErrorOf } from './lib/nodes.js';
import { failed, passed } from './lib/outcome.js';

export default defineCheck({
  id: 'simulate-error-after-set-get-result',
  title: 'SetGetResult leads to the Set Variable SimulateGlobalError',
  step: 6,
  points: 2,
  severity: 'required',
  hint: 'Add a Set Variable activity (Activity Label: SimulateGlobalError) and connect the exit of SetGetResult to it.',
  description: [
    'Verifies Build step 6: a **Set Variable** activity labelled **SimulateGlobalError** exists and',
    'SetGetResult leads to it.',
    '',
    'Tolerances: reachable from SetGetResult, not necessarily adjacent; SimulateGlobalError is found by its',
    'label (also in another case), else as the Set Variable that writes simulatederror.',
    ...wrongExitNote('"SimulateGlobalError is connected to the Undefined Error exit of SetGetResult, not to its success exit"'),
    ...connectionNote('main', 'SetGetResult', 'DisconnectContact_g9e', 'SimulateGlobalError', 6),
  ].join('\n'),
  run(ctx) {
    // Its own activity first: when both are missing, this check is the one that says to add it.
    const sim = simulateErrorOf(ctx);
    if (!sim.ok) return sim.outcome;
    const set = setGetResultOf(ctx);
    if (!set.ok) return set.outcome;
    if (!exitLeadsTo(ctx.model.main, set.activity, 'out', sim.activity)) {
      const { message, ...said } = missedLink(ctx.model.main, set.activity, 'out', (a) => a.id === sim.activity.id, {
        message: `${set.activity.label} does not lead to ${sim.activity.label}`,
        // Both exist: the fix is the connection, not a new activity.
        hint: connectHint(ctx.model.main, set.activity, 'out', sim.activity, 6),
      });
      return failed(message, { expected: `${set.activity.label} → ${sim.activity.label}`, activity: set.activity, ...said });
    }
    return passed(`${set.activity.label} leads to ${sim.activity.label}`);
  },
});
