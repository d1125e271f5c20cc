import { defineCheck } from '../../engine/check.js';
import { wrongExitNote } from './lib/graph.js';
import { isNewNumber, OPTION3_HOLDS_NOTE } from './lib/menu-options.js';
import { mission2OptionOutcome } from './lib/option-regression.js';

export default defineCheck({
  id: 'want-callback-option1-regression',
  title: 'WantCallback option 1 still leads to NewNumber (Callback Mission 2)',
  step: 3,
  points: 1,
  severity: 'recommended',
  hint: 'WantCallback → connect the exit of option 1 to NewNumber (the Collect Digits activity of Callback Mission 2).',
  description: [
    'A regression check. Build step 3 only adds option 3; option 1 ("Callback") must still lead where',
    'Callback Mission 2 put it: the Collect Digits activity **NewNumber** that asks for the callback number.',
    '',
    'Tolerances: activities between the menu and NewNumber are allowed ("leads to" means reachable,',
    'not necessarily adjacent), and NewNumber may carry another label as long as it is a Collect Digits.',
    'Not through this mission\'s GET_CBID, SetGetResult or SimulateGlobalError: the value of SimulateGlobalError',
    'fails by design, so a call never gets past it.',
    '',
    'When option 1 itself was deleted, the hint says to add it again (Custom Menu Links → Add New); when WantCallback',
    'has option 3 instead, [`want-callback-option3`](want-callback-option3.md) (required) reports it, and this check is not judged.',
    '',
    'Recommended only: it guards the previous mission, not this one.',
    ...wrongExitNote('"NewNumber is connected to option 2 of WantCallback, not to option 1"'),
    '',
    'When NewNumber is in the flow, the hint names the connection back to it (NewNumber relabelled: the one Collect',
    'Digits the call does not pass on its way to the menu, by its label; of two, none), in the words of',
    '[`get-cbid-after-option3`](get-cbid-after-option3.md) for the same connection: "Connect WantCallback option 1 to',
    'NewNumber, as Callback Mission 2 left it." when option 1 is open, "Drag the connection of WantCallback option 1 from',
    'Music to NewNumber, as Callback Mission 2 left it." when it leads elsewhere.',
    ...OPTION3_HOLDS_NOTE,
  ].join('\n'),
  run(ctx) {
    return mission2OptionOutcome(ctx, { option: '1', place: 'NewNumber', belongs: isNewNumber, expected: 'option 1 → NewNumber (Collect Digits)' });
  },
});
