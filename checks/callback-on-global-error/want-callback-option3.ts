import { defineCheck } from '../../engine/check.js';
import type { Activity, FlowModel } from '../../engine/model.js';
import { menuDescriptions, menuKeys, missionNodes, NO_OPTION3_CAUSE } from './lib/find.js';
import { exitReaches } from './lib/graph.js';
import { LABELS } from './lib/names.js';
import { wantCallbackOf } from './lib/nodes.js';
import { failed, passed } from './lib/outcome.js';

const FROM_MISSION_2 =
  'WantCallback is the Menu of Callback Mission 2 (Queue → WantCallback; option 1 "Callback" → NewNumber, option 2 "Stay in queue" → Music): build it first, then add option 3 "Simulate an error" (Build step 3).';

export default defineCheck({
  id: 'want-callback-option3',
  title: 'WantCallback has option 3',
  step: 3,
  points: 3,
  severity: 'required',
  hint: 'WantCallback → Custom Menu Links → Add New: Digit Number 3, Link Description "Simulate an error".',
  description: [
    'Verifies Build step 3: the Menu activity **WantCallback** (from Callback Mission 2) has a custom menu',
    'link for digit **3**.',
    '',
    'Tolerances: WantCallback is found by its label (also in another case), or else as the Menu whose',
    'option descriptions mention a callback. A WantCallback that nothing leads to any more, beside such a Menu',
    'that the call reaches (a new menu built for this step, Queue relinked to it), is a leftover: the Menu the',
    'caller hears is judged.',
    '',
    'When option 3 was added to another menu of the main flow instead (VerifyNumber), described as the simulated',
    'error or leading to GET_CBID, the message names that menu and the hint says to move the option. When there is',
    'no WantCallback at all, the hint says it is the Menu Callback Mission 2 builds, to be built first.',
  ].join('\n'),
  run(ctx) {
    const found = wantCallbackOf(ctx);
    if (!found.ok) {
      // No menu at all: Callback Mission 2, which builds it, was not done (or not in this flow).
      return found.outcome.status === 'failed' && found.outcome.actual === 'no such activity' ? { ...found.outcome, hint: FROM_MISSION_2 } : found.outcome;
    }
    const menu = found.activity;
    const keys = menuKeys(menu);
    if (!keys.includes('3')) {
      // Added to another menu (VerifyNumber, of Callback Mission 2) instead: say where it went.
      const other = ctx.model.main.activities.find((a) => a !== menu && a.type === 'ivr-menu' && isMissionOption3(ctx.model, a));
      return failed(`${menu.label} has no option 3 (its options: ${keys.join(', ') || 'none'})${other ? `; option 3 was added to ${other.label} instead` : ''}`, {
        expected: 'options 1, 2 and 3',
        actual: `options ${keys.join(', ') || 'none'}`,
        activity: menu,
        cause: NO_OPTION3_CAUSE,
        ...(other ? { hint: `${other.label} → Custom Menu Links: delete option 3; ${menu.label} → Custom Menu Links → Add New: Digit Number 3, Link Description "Simulate an error", connected to ${missionNodes(ctx.model).getCbid?.label ?? LABELS.getCbid}.` } : {}),
      });
    }
    return passed(`${menu.label} has option 3`);
  },
});

/** A menu's option 3 made for this mission: described as the simulated error, or leading to GET_CBID. */
function isMissionOption3(model: FlowModel, menu: Activity): boolean {
  const at = menuKeys(menu).indexOf('3');
  if (at < 0) return false;
  if (/simulat|error/i.test(menuDescriptions(menu)[at] ?? '')) return true;
  const getCbid = missionNodes(model).getCbid;
  return getCbid !== undefined && exitReaches(model.main, menu, '3', (a) => a === getCbid) !== undefined;
}
