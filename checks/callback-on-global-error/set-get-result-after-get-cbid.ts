import { defineCheck } from '../../engine/check.js';
import { connectionNote, wrongExitNote } from './lib/graph.js';
import { linkOutcome } from './lib/link-check.js';
import { getCbidOf, setGetResultOf } from './lib/nodes.js';

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
    'Tolerances: reachable from GET_CBID, not necessarily adjacent (a Play Message or another Set Variable in between',
    'is fine), but not through SimulateGlobalError, which fails on purpose (Build step 6), so that nothing after it',
    'runs: GET_CBID → SimulateGlobalError → SetGetResult fails, and its hint drags the connection of GET_CBID to',
    'SetGetResult, as the simulated call\'s does; SetGetResult is found by its label',
    '(also in another case), else as the Set Variable that writes getresult (one that also sets simulatederror and',
    'is labelled SimulateGlobalError is that activity, and SetGetResult is missing), else, when none writes it, as the',
    'Set Variable the exit of GET_CBID leads straight to (one dropped and connected, its label left `SetVariable_r2d` and',
    'nothing filled in yet): this check passes, and the others of the step say to rename it and fill it in. One that',
    'writes simulatederror, or is labelled SimulateGlobalError, is SimulateGlobalError put too early, never SetGetResult.',
    ...wrongExitNote('"SetGetResult is connected to the Undefined Error exit of GET_CBID, not to its success exit" (an exit Flow Designer does not give an HTTP Request, whose one exit every answer leaves by: only an export edited by hand has it)'),
    ...connectionNote('main', 'GET_CBID', 'SimulateGlobalError', 'SetGetResult', 5),
  ].join('\n'),
  run(ctx) {
    return linkOutcome(ctx, 'main', getCbidOf, 'default', setGetResultOf, 5);
  },
});
