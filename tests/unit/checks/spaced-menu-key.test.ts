/**
 * A Digit Number with white space beside the 3 (`" 3"` in WantCallback's `menuLinks`): Flow
 * Designer's dropdown cannot make one, an edited export can, and what Flow Designer then does is
 * not known (semantics.md §2.4 gives digits 0–9 only). The simulator takes the key as written, so a
 * caller pressing 3 leaves by Unmatched Entry, and want-callback-option3 agrees: no option 3, the
 * stray space named, the checks that need option 3 pointing to it. It passed before, the menu's
 * keys trimmed, while the simulated call failed for a reason no message named.
 */
import { test, expect } from '@playwright/test';
import { gradeMutation, props, resultOf, type Json } from './support.js';

const spacedKey = (key: string, linkToo: boolean) => (flow: Json) => {
  const p = props(flow, 'WantCallback');
  p.menuLinks = p.menuLinks.map((k: string) => (k === '3' ? key : k));
  if (!linkToo) return;
  const id = Object.values(flow.process.activities as Record<string, Json>).find((a) => a.name === 'WantCallback')!.id;
  for (const l of flow.process.links as Json[]) if (l.sourceActivityId === id && l.conditionExpr === '3') l.conditionExpr = l.properties.value = key;
};

for (const linkToo of [false, true]) {
  test(`WantCallback's Digit Number " 3"${linkToo ? ', its link renamed with it' : ', its link still on 3'}: want-callback-option3 fails naming the space, and the simulated call pressing 3 leaves by Unmatched Entry`, async () => {
    const report = await gradeMutation(spacedKey(' 3', linkToo));
    const option3 = resultOf(report, 'want-callback-option3');
    expect([option3.status, option3.message, option3.expected, option3.actual, option3.hint]).toEqual([
      'failed',
      'WantCallback has no option 3: its Digit Number " 3" holds a space beside the 3, so a caller pressing 3 gets Unmatched Entry',
      'options 1, 2 and 3',
      'options "1", "2", " 3"',
      'WantCallback → Custom Menu Links: make the Digit Number of that option 3 alone (in the export, "menuLinks" holds " 3"; in Flow Designer, delete the option and add it again with Digit Number 3).',
    ]);
    const menuStep = report.scenarios[0].trace.find((e) => e.activity === 'WantCallback')!;
    expect(menuStep.outcome).toBe('invalid');
    const run = resultOf(report, 'run-option3-reaches-get-cbid');
    expect([run.status, run.message]).toEqual(['skipped', 'Not judged: The caller pressed 3, but WantCallback did not leave by option 3 (it left by Unmatched Entry) (reported under “WantCallback has option 3”)']);
    expect(resultOf(report, 'want-callback-option3-description').status).toBe('skipped');
  });
}

test('a Digit Number "3\\t" or "  3" names its tab or its spaces', async () => {
  expect(resultOf(await gradeMutation(spacedKey('3\t', false)), 'want-callback-option3').message).toBe('WantCallback has no option 3: its Digit Number "3\\t" holds a tab beside the 3, so a caller pressing 3 gets Unmatched Entry');
  expect(resultOf(await gradeMutation(spacedKey('  3', false)), 'want-callback-option3').message).toBe('WantCallback has no option 3: its Digit Number "  3" holds 2 spaces beside the 3, so a caller pressing 3 gets Unmatched Entry');
});
