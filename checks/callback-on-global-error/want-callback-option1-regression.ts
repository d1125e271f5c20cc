import { defineCheck } from '../../engine/check.js';
import { menuKeys, missionNodes } from './lib/find.js';
import { wantCallbackOf } from './lib/nodes.js';
import { connectionSentence, missedLink, wrongExitNote } from './lib/graph.js';
import { backToMission2Edit, isNewNumber, option3HoldsHint, optionReaches, OPTION3_HOLDS_NOTE } from './lib/menu-options.js';
import { failed, passed } from './lib/outcome.js';

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
    'When option 1 itself was deleted, the hint says to add it again (Custom Menu Links → Add New).',
    '',
    'Recommended only: it guards the previous mission, not this one.',
    ...wrongExitNote('"NewNumber is connected to option 2 of WantCallback, not to option 1"'),
    '',
    'When NewNumber is in the flow, the hint names the connection back to it, in the words of',
    '[`get-cbid-after-option3`](get-cbid-after-option3.md) for the same connection: "Connect WantCallback option 1 to',
    'NewNumber, as Callback Mission 2 left it." when option 1 is open, "Drag the connection of WantCallback option 1 from',
    'Music to NewNumber, as Callback Mission 2 left it." when it leads elsewhere.',
    ...OPTION3_HOLDS_NOTE,
  ].join('\n'),
  run(ctx) {
    const found = wantCallbackOf(ctx);
    if (!found.ok) return found.outcome;
    const menu = found.activity;
    if (!menuKeys(menu).includes('1')) {
      // The option itself deleted: it has no exit to connect, so the hint says to add it again.
      return failed(`${menu.label} no longer has option 1`, {
        expected: 'option 1 → NewNumber',
        actual: 'no option 1',
        activity: menu,
        hint: `${menu.label} → Custom Menu Links → Add New: Digit Number 1, Link Description "Callback", connected to NewNumber.`,
      });
    }
    const { getCbid, setGetResult, simulateError } = missionNodes(ctx.model);
    const target = optionReaches(ctx.model.main, menu, '1', isNewNumber, [getCbid, setGetResult, simulateError]);
    if (!target) {
      const { message, ...said } = missedLink(ctx.model.main, menu, '1', isNewNumber, { message: `Option 1 of ${menu.label} no longer leads to NewNumber` });
      // Option 3 holding NewNumber while GET_CBID waits for it: the option 3 checks' sequence of edits.
      // Else, unless another option holds it (missedLink's move), the connection back to NewNumber: connected
      // when open, dragged when it leads elsewhere, in get-cbid-after-option3's words for the same edit.
      const back = said.hint === undefined ? backToMission2Edit(ctx.model.main, menu, '1') : undefined;
      const hint = option3HoldsHint(ctx.model.main, menu, missionNodes(ctx.model).getCbid, '1') ?? (back && connectionSentence(ctx.model.main.kind, `${back}, as Callback Mission 2 left it`));
      return failed(message, { expected: 'option 1 → NewNumber (Collect Digits)', activity: menu, ...said, ...(hint ? { hint } : {}) });
    }
    return passed(`Option 1 of ${menu.label} leads to ${target.label}`);
  },
});
