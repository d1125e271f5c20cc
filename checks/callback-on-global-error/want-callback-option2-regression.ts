import { defineCheck } from '../../engine/check.js';
import { menuKeys, missionNodes } from './lib/find.js';
import { wantCallbackOf } from './lib/nodes.js';
import { connectionSentence, missedLink, wrongExitNote } from './lib/graph.js';
import { backToMission2Edit, isQueueTreatment, option3HoldsHint, optionReaches, OPTION3_HOLDS_NOTE } from './lib/menu-options.js';
import { failed, passed } from './lib/outcome.js';

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
    'When option 2 itself was deleted, the hint says to add it again (Custom Menu Links → Add New).',
    '',
    'Recommended only: it guards the previous mission, not this one.',
    ...wrongExitNote('"Music is connected to option 3 of WantCallback, not to option 2"'),
    '',
    'When Music is in the flow, the hint names the connection back to it, in the words of',
    '[`get-cbid-after-option3`](get-cbid-after-option3.md) for the same connection: "Connect WantCallback option 2 to',
    'Music, as Callback Mission 2 left it." when option 2 is open, "Drag the connection of WantCallback option 2 from',
    'NewNumber to Music, as Callback Mission 2 left it." when it leads elsewhere.',
    ...OPTION3_HOLDS_NOTE,
  ].join('\n'),
  run(ctx) {
    const found = wantCallbackOf(ctx);
    if (!found.ok) return found.outcome;
    const menu = found.activity;
    if (!menuKeys(menu).includes('2')) {
      // The option itself deleted: it has no exit to connect, so the hint says to add it again.
      return failed(`${menu.label} no longer has option 2`, {
        expected: 'option 2 → Music',
        actual: 'no option 2',
        activity: menu,
        hint: `${menu.label} → Custom Menu Links → Add New: Digit Number 2, Link Description "Stay in queue", connected to Music.`,
      });
    }
    const { getCbid, setGetResult, simulateError } = missionNodes(ctx.model);
    const target = optionReaches(ctx.model.main, menu, '2', isQueueTreatment, [getCbid, setGetResult, simulateError]);
    if (!target) {
      const { message, ...said } = missedLink(ctx.model.main, menu, '2', isQueueTreatment, { message: `Option 2 of ${menu.label} no longer leads to the queue treatment (Music)` });
      // Option 3 holding Music while GET_CBID waits for it: the option 3 checks' sequence of edits.
      // Else, unless another option holds it (missedLink's move), the connection back to Music: connected
      // when open, dragged when it leads elsewhere, in get-cbid-after-option3's words for the same edit.
      const back = said.hint === undefined ? backToMission2Edit(ctx.model.main, menu, '2') : undefined;
      const hint = option3HoldsHint(ctx.model.main, menu, missionNodes(ctx.model).getCbid, '2') ?? (back && connectionSentence(ctx.model.main.kind, `${back}, as Callback Mission 2 left it`));
      return failed(message, { expected: 'option 2 → Music (Play Music)', activity: menu, ...said, ...(hint ? { hint } : {}) });
    }
    return passed(`Option 2 of ${menu.label} leads to ${target.label}`);
  },
});
