/**
 * A simulated call that never reaches WantCallback because an activity on the way failed (a
 * Set Variable whose Pebble tag is mistyped, `{% endfi %}`, raises the global error): the failure
 * names that activity and its error, and the excerpt shows it, not only OnGlobalError's last rows;
 * the hint points at that activity, not at a Condition another mission left set.
 */
import { test, expect } from '@playwright/test';
import { gradeMutation, props, resultOf, type Json } from './support.js';

test('an activity that fails before WantCallback is named with its error, and the hint points at it', async () => {
  const report = await gradeMutation((f: Json) => {
    props(f, 'SetVariable_c7q').expr = '{% if NewPhoneContact.ANI %}en-US{% endfi %}';
  });
  const result = resultOf(report, 'run-option3-reaches-get-cbid');
  expect(result.status).toBe('failed');
  expect(result.message).toBe(
    'The simulated call never reached WantCallback: SetVariable_c7q failed on the way, raising the global error (expression error in the value of Global_Language "{% if NewPhoneContact.ANI %}en-US{% endfi %}": Unexpected tag name "endfi" at position 36)',
  );
  expect(result.hint).toBe('SetVariable_c7q → it fails before the call reaches WantCallback: correct it (its Error row in the simulated call says why).');
  expect(result.hint).not.toContain('EmergencyGV');
  expect(result.traceExcerpt?.[0]).toMatchObject({ activity: 'SetVariable_c7q', outcome: 'error' });
});

test('SimulateGlobalError put before WantCallback is told to move, as it fails on purpose', async () => {
  const report = await gradeMutation((f: Json) => {
    // NewPhoneContact → SimulateGlobalError (the rest left as it is): the call fails before the menu.
    const graph = f.process;
    const by = (label: string) => Object.values(graph.activities as Record<string, Json>).find((a) => a.name === label)!.id;
    const out = graph.links.find((l: Json) => l.sourceActivityId === by('NewPhoneContact'));
    out.targetActivityId = by('SimulateGlobalError');
  });
  const result = resultOf(report, 'run-option3-reaches-get-cbid');
  expect(result.status).toBe('failed');
  expect(result.message).toMatch(/^The simulated call never reached WantCallback: SimulateGlobalError failed on the way, raising the global error \(/);
  expect(result.hint).toBe('SimulateGlobalError fails on purpose (Build step 6), so nothing after it runs: leave the way to WantCallback as Callback Mission 2 left it, and put SimulateGlobalError after SetGetResult.');
});
