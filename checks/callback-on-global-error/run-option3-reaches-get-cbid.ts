import { defineCheck } from '../../engine/check.js';
import { HAPPY_PATH, stageOutcome } from './lib/happy-path.js';

export default defineCheck({
  id: 'run-option3-reaches-get-cbid',
  title: 'Simulated call: pressing 3 at WantCallback runs GET_CBID',
  step: 4,
  points: 2,
  severity: 'required',
  scenario: HAPPY_PATH,
  hint: 'Open the Debug tool on your last call: WantCallback must leave by Option 3 and continue through GET_CBID. Connect WantCallback option 3 to GET_CBID.',
  description: [
    'Behaviour (Testing step 5), judged on the simulated call of the `happy-path` scenario: the caller dials',
    'the lab number, no agent is available, and the caller presses **3** at WantCallback. The call must',
    'leave WantCallback by option 3 and then run GET_CBID.',
    '',
    'Tolerances: any activities before WantCallback (Core-track nodes, Business Hours, …) and between',
    'option 3 and GET_CBID are fine. At another Menu or Collect Digits on the way (a language menu of another',
    'track, a confirmation after option 3) the simulated caller presses what leads on, as a real caller would:',
    'the option on a shortest way to WantCallback (after option 3: to GET_CBID), or `1` as many times as a',
    "Collect Digits' Minimum Digits; one that only No-Input Timeout leads on from gets no answer.",
    'The failure shows the trace entries where the call went elsewhere; a call',
    'that never reaches WantCallback is told where it ended and to follow it from the start (a Condition on a',
    'variable another mission left set, such as EmergencyGV_<ID> of API Mission 1, sends every call elsewhere).',
    'An activity between option 3 and GET_CBID that fails (its error is raised there) is named in the hint. When',
    'GET_CBID is connected to another option of WantCallback (options 2 and 3 swapped), the hint says to move that',
    'connection to option 3.',
    'When WantCallback has no option 3 at all, this check is not judged and points to',
    '[`want-callback-option3`](want-callback-option3.md).',
  ].join('\n'),
  run: (ctx) => stageOutcome(ctx, 'reach-get-cbid', 'WantCallback left by option 3 and GET_CBID ran'),
});
