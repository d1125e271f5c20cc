import { defineCheck } from '../../engine/check.js';
import { HAPPY_PATH, stageOutcome } from './lib/happy-path/index.js';

export default defineCheck({
  id: 'run-getresult-holds-body',
  title: 'Simulated call: SetGetResult stores the DynVars response in getresult',
  step: 5,
  points: 2,
  severity: 'required',
  scenario: HAPPY_PATH,
  hint: 'In the Debug tool, SetGetResult → Modified Variables must show getresult holding the whole GET_CBID response. Connect GET_CBID to SetGetResult and use Set To Variable GET_CBID.httpResponseBody.',
  description: [
    'Behaviour (Testing step 7), on the `happy-path` call: after GET_CBID the call runs SetGetResult, which',
    'succeeds and leaves `getresult` equal to the response body GET_CBID received. When another activity between',
    'GET_CBID and SetGetResult fails (its error is raised there), the hint names that activity. When SetGetResult is',
    'connected to another exit of GET_CBID (an Undefined Error exit), the message says so and the hint says to move',
    'that connection to the success exit; else, with no way from GET_CBID to SetGetResult, it names the connection in',
    'the words of [`set-get-result-after-get-cbid`](set-get-result-after-get-cbid.md): "Connect GET_CBID to SetGetResult',
    '(Build step 5)." when its exit is open, "Drag the connection of GET_CBID from SimulateGlobalError to SetGetResult',
    '(Build step 5)." when it leads elsewhere. When the call reached SetGetResult but it failed (no Variable chosen yet) or',
    'stored something else, the hint names its settings, as [`set-get-result-value`](set-get-result-value.md)\'s does, not',
    'the connection to it.',
    '',
    'Nothing later in the call reads `getresult`: when only its value is wrong (SetGetResult ran, but stored',
    'something else, or the variable is declared JSON), the later simulated-call checks are still judged on their',
    'own — unless a Condition or Case on OnGlobalError\'s way to the Create Task request reads it and would have',
    'gone on with the response body (the DynVars record, when GET_CBID got another answer too; as text, when the',
    'variable is declared JSON): then the request, its 201 status and the error scenarios are not judged, naming',
    'this check (or GET_CBID\'s, or the variable\'s). When the call',
    'never reached SetGetResult, or SetGetResult failed, they are not judged.',
  ].join('\n'),
  run: (ctx) => stageOutcome(ctx, 'getresult', 'SetGetResult stored the response body in getresult'),
});
