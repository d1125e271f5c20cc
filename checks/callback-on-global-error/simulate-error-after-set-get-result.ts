import { defineCheck } from '../../engine/check.js';
import { connectionNote, wrongExitNote } from './lib/graph.js';
import { linkOutcome } from './lib/link-check.js';
import { setGetResultOf, simulateErrorOf } from './lib/nodes.js';

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
    'label (also in another case), else as the Set Variable that writes simulatederror, else, when none writes it, as',
    'the Set Variable the exit of SetGetResult leads straight to (its label left `SetVariable_k1p` and nothing filled in',
    'yet; never one that writes getresult): this check passes, and the others of the step say to rename it and fill it',
    'in. One Set Variable that sets both',
    'getresult and simulatederror (two rows) is the activity its label names, SetGetResult unless it is labelled',
    'SimulateGlobalError, and the other is reported missing: Build steps 5 and 6 add one each.',
    ...wrongExitNote('"SimulateGlobalError is connected to the Undefined Error exit of SetGetResult, not to its success exit"'),
    ...connectionNote('main', 'SetGetResult', 'DisconnectContact_g9e', 'SimulateGlobalError', 6),
  ].join('\n'),
  run(ctx) {
    return linkOutcome(ctx, 'main', setGetResultOf, 'out', simulateErrorOf, 6);
  },
});
