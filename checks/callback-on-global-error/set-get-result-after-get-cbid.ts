import { defineCheck } from '../../engine/check.js';
import { connectHint, connectionNote, exitLeadsTo, missedLink, wrongExitNote } from './lib/graph.js';
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
    ...wrongExitNote('"SetGetResult is connected to the Undefined Error exit of GET_CBID, not to its success exit" (an exit Flow Designer does not give an HTTP Request, whose one exit every answer leaves by: only an export edited by hand has it)'),
    ...connectionNote('main', 'GET_CBID', 'SimulateGlobalError', 'SetGetResult', 5),
  ].join('\n'),
  run(ctx) {
    // Its own activity first: when both are missing, this check is the one that says to add it.
    const set = setGetResultOf(ctx);
    if (!set.ok) return set.outcome;
    const get = getCbidOf(ctx);
    if (!get.ok) return get.outcome;
    if (!exitLeadsTo(ctx.model.main, get.activity, 'default', set.activity)) {
      const { message, ...said } = missedLink(ctx.model.main, get.activity, 'default', (a) => a.id === set.activity.id, {
        message: `${get.activity.label} does not lead to ${set.activity.label}`,
        // Both exist: the fix is the connection, not a new activity.
        hint: connectHint(ctx.model.main, get.activity, 'default', set.activity, 5),
      });
      return failed(message, { expected: `${get.activity.label} → ${set.activity.label}`, activity: get.activity, ...said });
    }
    return passed(`${get.activity.label} leads to ${set.activity.label}`);
  },
});
