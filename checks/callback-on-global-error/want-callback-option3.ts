import { defineCheck } from '../../engine/check.js';
import type { Activity, FlowModel } from '../../engine/model.js';
import { menuDescriptions, missionNodes, NO_OPTION3_CAUSE } from './lib/find.js';
import { menuKeys } from '../../engine/activity-types.js';
import { exitReaches } from './lib/graph.js';
import { LABELS } from './lib/names.js';
import { wantCallbackOf } from './lib/nodes.js';
import { addOptionAgainHint, MISSION_2_OPTIONS, optionLostCause, type Mission2Key } from './lib/option-regression.js';
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
    'error or leading to GET_CBID, the message names that menu (and the digit, when it is not 3; never 1 or 2, that',
    'menu\'s own options) and the hint says to move the option. When such an option was added to WantCallback on',
    'another digit than 3 (0, 4, …; not on 1 or 2, Callback Mission 2\'s), the message names that digit and the hint',
    'says to change its Digit Number to 3, not to add a new option. A Digit Number',
    'with white space beside the 3 (`" 3"`, which Flow Designer\'s dropdown cannot make but an edited export can) is',
    'no option 3: the simulated caller pressing 3 gets Unmatched Entry, and the message names the stray space. When there is',
    'no WantCallback at all, the hint says it is the Menu Callback Mission 2 builds, to be built first.',
    '',
    'Option 3 is added beside options 1 and 2 ("Add Option 3"; the guide extends the prompt, which still offers',
    'them): a WantCallback that has option 3 but no longer option 1 or 2 (the row of option 2 edited into option 3',
    'instead of a new one added) fails, as a caller pressing that digit gets Unmatched Entry; the hint says to add',
    'the option again, connected where Callback Mission 2 left it. The regression check of that option is then',
    'not judged (one cause, reported here); an option 1 or 2 kept but connected elsewhere is the regression',
    'checks\' alone to report.',
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
      // A Digit Number 3 with white space around it (an edited export): the call pressing 3 leaves by Unmatched Entry.
      const spaced = keys.find((key) => key.trim() === '3');
      if (spaced !== undefined) {
        return failed(`${menu.label} has no option 3: its Digit Number ${JSON.stringify(spaced)} holds ${spaceWords(spaced)} beside the 3, so a caller pressing 3 gets Unmatched Entry`, {
          expected: 'options 1, 2 and 3',
          actual: `options ${keys.map((key) => JSON.stringify(key)).join(', ')}`,
          activity: menu,
          cause: NO_OPTION3_CAUSE,
          hint: `${menu.label} → Custom Menu Links: make the Digit Number of that option 3 alone (in the export, "menuLinks" holds ${JSON.stringify(spaced)}; in Flow Designer, delete the option and add it again with Digit Number 3).`,
        });
      }
      const getCbid = missionNodes(ctx.model).getCbid?.label ?? LABELS.getCbid;
      // Added on another digit of this menu (0, 4, …): the Digit Number is what is wrong, not a missing option.
      const onDigit = missionOptionKey(ctx.model, menu, keys.filter((key) => !Object.hasOwn(MISSION_2_OPTIONS, key)));
      if (onDigit !== undefined) {
        const described = menuDescriptions(menu)[keys.indexOf(onDigit)]?.trim();
        const told = described && SIMULATED_ERROR.test(described) ? `its option "${described}" is on digit ${onDigit}` : `its option on digit ${onDigit} leads to ${getCbid}`;
        return failed(`${menu.label} has no option 3: ${told}`, {
          expected: 'options 1, 2 and 3',
          actual: `options ${keys.join(', ')}`,
          activity: menu,
          cause: NO_OPTION3_CAUSE,
          hint: `${menu.label} → Custom Menu Links: change the Digit Number of option ${onDigit}${described ? ` "${described}"` : ''} to 3.`,
        });
      }
      // Added to another menu (VerifyNumber, of Callback Mission 2) instead: say where it went.
      const other = optionElsewhere(ctx.model, menu);
      const where = other && (other.key === '3' ? `; option 3 was added to ${other.menu.label} instead` : `; option 3 was added to ${other.menu.label} instead, on digit ${other.key}`);
      return failed(`${menu.label} has no option 3 (its options: ${keys.join(', ') || 'none'})${where ?? ''}`, {
        expected: 'options 1, 2 and 3',
        actual: `options ${keys.join(', ') || 'none'}`,
        activity: menu,
        cause: NO_OPTION3_CAUSE,
        ...(other ? { hint: `${other.menu.label} → Custom Menu Links: delete option ${other.key}; ${menu.label} → Custom Menu Links → Add New: Digit Number 3, Link Description "Simulate an error", connected to ${getCbid}.` } : {}),
      });
    }
    // Option 3 made of option 1 or 2 (its row edited instead of one added): that option is gone, and a
    // caller pressing its digit, which the prompt still offers, gets Unmatched Entry.
    const lost = (Object.keys(MISSION_2_OPTIONS) as Mission2Key[]).filter((key) => !keys.includes(key));
    if (lost.length > 0) {
      const which = lost.length === 1 ? `option ${lost[0]}` : 'options 1 and 2';
      return failed(`${menu.label} has option 3 but no longer ${which}: Build step 3 adds option 3 beside Callback Mission 2's options 1 and 2, and a caller pressing ${lost.join(' or ')} gets Unmatched Entry`, {
        expected: 'options 1, 2 and 3',
        actual: `options ${keys.join(', ')}`,
        activity: menu,
        cause: optionLostCause(lost[0]!),
        hint: lost.map((key) => addOptionAgainHint(menu, key)).join(' '),
      });
    }
    return passed(`${menu.label} has option 3`);
  },
});

/** The white space of a spaced key in words: `a space`, `a tab`, `2 spaces`, … (`white space` for a mix or another kind). */
function spaceWords(key: string): string {
  const space = key.replace(/\S/g, '');
  if (/^ +$/.test(space)) return space.length === 1 ? 'a space' : `${space.length} spaces`;
  if (/^\t+$/.test(space)) return space.length === 1 ? 'a tab' : `${space.length} tabs`;
  return 'white space';
}

/** A Link Description that tells the option made for Build step 3 ("Simulate an error"). */
const SIMULATED_ERROR = /simulat|error/i;

/**
 * The mission's option added to another menu of the main flow than `menu` (VerifyNumber, say): on
 * digit 3 first, else on a digit that menu's Callback Mission 2 options (1, 2) do not use.
 */
function optionElsewhere(model: FlowModel, menu: Activity): { menu: Activity; key: string } | undefined {
  const others = model.main.activities.filter((a) => a !== menu && a.type === 'ivr-menu');
  const onDigits = (kept: (key: string) => boolean) => {
    for (const other of others) {
      const key = missionOptionKey(model, other, menuKeys(other).filter(kept));
      if (key !== undefined) return { menu: other, key };
    }
    return undefined;
  };
  return onDigits((key) => key === '3') ?? onDigits((key) => !Object.hasOwn(MISSION_2_OPTIONS, key));
}

/**
 * Which of `keys` of a menu is the option made for this mission: described as the simulated error,
 * or leading to GET_CBID (the first so described, else the first so connected).
 */
function missionOptionKey(model: FlowModel, menu: Activity, keys: readonly string[]): string | undefined {
  const all = menuKeys(menu);
  const described = keys.find((key) => SIMULATED_ERROR.test(menuDescriptions(menu)[all.indexOf(key)] ?? ''));
  if (described !== undefined) return described;
  const getCbid = missionNodes(model).getCbid;
  return getCbid === undefined ? undefined : keys.find((key) => exitReaches(model.main, menu, key, (a) => a === getCbid) !== undefined);
}
