import { defineCheck } from '../../engine/check.js';
import { HAPPY_PATH, stageOutcome } from './lib/happy-path/index.js';

export default defineCheck({
  id: 'run-global-error-raised',
  title: 'Simulated call: SimulateGlobalError ends in Error and OnGlobalError runs',
  step: 6,
  points: 3,
  severity: 'required',
  scenario: HAPPY_PATH,
  hint: 'In the Debug tool, SimulateGlobalError must show Outcome Error and the next activity must be GlobalErrorHandling. Set Value {{ ANI | 123}} and leave its Undefined Error exit unconnected.',
  description: [
    'Behaviour (Testing steps 8–9), on the `happy-path` call: after SetGetResult the call runs',
    'SimulateGlobalError, whose Outcome is **Error**, and the very next activity is **GlobalErrorHandling**',
    '(the OnGlobalError event flow).',
    '',
    'A valid value (no error), a connected Undefined Error exit (the flow follows it instead), or a missing',
    'link from SetGetResult fail here, with the trace entries that show it. So does another activity that fails',
    'between SetGetResult and SimulateGlobalError (its error is raised instead): the hint then names that activity.',
    'When SimulateGlobalError is connected to the Undefined Error exit of SetGetResult instead of its success exit,',
    'the message says so and the hint says to move that connection; else, with no way from SetGetResult to',
    'SimulateGlobalError, it names the connection in the words of',
    '[`simulate-error-after-set-get-result`](simulate-error-after-set-get-result.md): "Connect SetGetResult to',
    'SimulateGlobalError (Build step 6)." when its exit is open, "Drag the connection of SetGetResult from',
    'DisconnectContact_g9e to SimulateGlobalError (Build step 6)." when it leads elsewhere.',
  ].join('\n'),
  run: (ctx) => stageOutcome(ctx, 'global-error', 'SimulateGlobalError ended in Error and GlobalErrorHandling ran next'),
});
