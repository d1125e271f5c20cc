import { defineCheck } from '../../engine/check.js';
import { wrongExitNote } from './lib/graph.js';
import { isQueueTreatment, OPTION3_HOLDS_NOTE } from './lib/menu-options.js';
import { mission2OptionOutcome } from './lib/option-regression.js';

export default defineCheck({
  id: 'want-callback-option2-regression',
  title: 'WantCallback option 2 still leads to the queue treatment (Callback Mission 2)',
  step: 3,
  points: 1,
  severity: 'recommended',
  hint: 'WantCallback → connect the exit of option 2 to Music (the Play Music that keeps the caller waiting in queue).',
  description: [
    'A regression check. Build step 3 only adds option 3; option 2 ("Stay in queue") must still lead where',
    'Callback Mission 2 put it: the queue treatment, i.e. the Play Music activity **Music**.',
    '',
    'Tolerances: activities between the menu and the treatment are allowed (reachable, not necessarily',
    'adjacent); the treatment may be any Play Music, a Queue Contact, or a Subflow, whatever its label (the',
    '2026 Core Mission 6 deletes Music and plays the queue treatment from a Subflow). Not through this mission\'s',
    'GET_CBID, SetGetResult or SimulateGlobalError: the value of SimulateGlobalError fails by design, so a call',
    'never gets past it.',
    '',
    'When option 2 itself was deleted, the hint says to add it again (Custom Menu Links → Add New); when WantCallback',
    'has option 3 instead, [`want-callback-option3`](want-callback-option3.md) (required) reports it, and this check is not judged.',
    '',
    'Recommended only: it guards the previous mission, not this one.',
    ...wrongExitNote('"Music is connected to option 3 of WantCallback, not to option 2"'),
    '',
    'When Music is in the flow, the hint names the connection back to it (Music relabelled: the one Play Music, Queue',
    'Contact or Subflow the call does not pass on its way to the menu, by its label; of two, none), in the words of',
    '[`get-cbid-after-option3`](get-cbid-after-option3.md) for the same connection: "Connect WantCallback option 2 to',
    'Music, as Callback Mission 2 left it." when option 2 is open, "Drag the connection of WantCallback option 2 from',
    'NewNumber to Music, as Callback Mission 2 left it." when it leads elsewhere.',
    ...OPTION3_HOLDS_NOTE,
  ].join('\n'),
  run(ctx) {
    return mission2OptionOutcome(ctx, { option: '2', place: 'the queue treatment (Music)', belongs: isQueueTreatment, expected: 'option 2 → Music (Play Music)' });
  },
});
