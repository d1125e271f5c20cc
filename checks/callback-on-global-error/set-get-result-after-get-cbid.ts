import { defineCheck } from '../../engine/check.js';
import { connectHint, describeExit, exitLeadsTo } from './lib/graph.js';
import { getCbidOf, setGetResultOf } from './lib/nodes.js';
import { failed, passed } from './lib/outcome.js';

export default defineCheck({
  id: 'set-get-result-after-get-cbid',
  title: 'GET_CBID leads to the Set Variable SetGetResult',
  step: 5,
  points: 2,
  severity: 'required',
  hint: 'Add a Set Variable activity (Activity Label: SetGetResult) and connect the exit of GET_CBID to it.',
  description: [
    'Verifies Build step 5: a **Set Variable** activity labelled **SetGetResult** exists and GET_CBID leads to it.',
    '',
    'Tolerances: reachable from GET_CBID, not necessarily adjacent; SetGetResult is found by its label',
    '(also in another case), else as the Set Variable that writes getresult.',
  ].join('\n'),
  run(ctx) {
    // Its own activity first: when both are missing, this check is the one that says to add it.
    const set = setGetResultOf(ctx);
    if (!set.ok) return set.outcome;
    const get = getCbidOf(ctx);
    if (!get.ok) return get.outcome;
    if (!exitLeadsTo(ctx.model.main, get.activity, 'default', set.activity)) {
      return failed(`${get.activity.label} does not lead to ${set.activity.label}`, {
        expected: `${get.activity.label} → ${set.activity.label}`,
        actual: describeExit(ctx.model.main, get.activity, 'default'),
        activity: get.activity,
        // Both exist: the fix is the connection, not a new activity.
        hint: connectHint(ctx.model.main, get.activity, 'default', set.activity),
      });
    }
    return passed(`${get.activity.label} leads to ${set.activity.label}`);
  },
});
