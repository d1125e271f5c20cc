import { defineCheck } from '../../engine/check.js';
import { menuKeys, NO_OPTION3_CAUSE } from './lib/find.js';
import { wantCallbackOf } from './lib/nodes.js';
import { failed, passed } from './lib/outcome.js';

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
    'option descriptions mention a callback.',
  ].join('\n'),
  run(ctx) {
    const found = wantCallbackOf(ctx);
    if (!found.ok) return found.outcome;
    const menu = found.activity;
    const keys = menuKeys(menu);
    if (!keys.includes('3')) {
      return failed(`${menu.label} has no option 3 (its options: ${keys.join(', ') || 'none'})`, {
        expected: 'options 1, 2 and 3',
        actual: `options ${keys.join(', ') || 'none'}`,
        activity: menu,
        cause: NO_OPTION3_CAUSE,
      });
    }
    return passed(`${menu.label} has option 3`);
  },
});
