import { defineCheck } from '../../engine/check.js';
import { menuDescriptions } from './lib/find.js';
import { menuKeys } from '../../engine/activity-types.js';
import { wantCallbackOf } from './lib/nodes.js';
import { failed, passed, skipped } from './lib/outcome.js';

const EXPECTED = 'Simulate an error';

/** Case, spacing and trailing punctuation do not matter. */
function canonical(text: string): string {
  const spaced = text.toLowerCase().replace(/\s+/g, ' ').trim();
  // Not `/[.!:;,]+$/`: tried from every punctuation mark of a long run, it is quadratic.
  let end = spaced.length;
  while (end > 0 && '.!:;,'.includes(spaced[end - 1])) end--;
  return spaced.slice(0, end);
}

export default defineCheck({
  id: 'want-callback-option3-description',
  title: 'WantCallback option 3 is described "Simulate an error"',
  step: 3,
  points: 1,
  severity: 'recommended',
  hint: 'WantCallback → Custom Menu Links → the link for digit 3 → Link Description: Simulate an error.',
  description: [
    'Verifies the name Build step 3 gives option 3 of **WantCallback**: the link description',
    '"Simulate an error".',
    '',
    'Tolerances: case, repeated spaces and trailing punctuation are ignored ("simulate an Error." passes).',
    '',
    'Recommended only: the description is what the Debug tool and the canvas show, it does not change',
    'what the flow does. Skipped when the menu has no option 3 (see `want-callback-option3`).',
  ].join('\n'),
  run(ctx) {
    const found = wantCallbackOf(ctx);
    if (!found.ok) return found.outcome;
    const menu = found.activity;
    const index = menuKeys(menu).indexOf('3');
    if (index < 0) return skipped(`Not judged: ${menu.label} has no option 3 to describe`, 'want-callback-option3');
    const actual = menuDescriptions(menu)[index] ?? '';
    if (canonical(actual) !== canonical(EXPECTED)) {
      const said = actual.trim() === '' ? 'has no Link Description' : `is described ${JSON.stringify(actual)}`;
      return failed(`Option 3 of ${menu.label} ${said}`, { expected: EXPECTED, actual: JSON.stringify(actual), activity: menu });
    }
    return passed(`Option 3 of ${menu.label} is described ${JSON.stringify(actual)}`);
  },
});
