/**
 * An attendee who built a new Menu for Build step 3 instead of editing WantCallback (options 1–3,
 * the three-option prompt, Queue relinked to it) and left the old WantCallback on the canvas with
 * nothing leading to it: the caller hears the new menu, so the new menu is the one judged. An old
 * WantCallback the call still reaches stays the one judged (option 3 added to another menu is a
 * mistake).
 */
import { test, expect } from '@playwright/test';
import { activity, failing, gradeMutation, props, resultOf, type Json } from './support.js';

const OLD_PROMPT = 'All agents are busy. Please press 1 if you want to schedule a callback. Press 2 if you want to wait in queue.';

/** A copy of WantCallback labelled `label`, with its links (its loops to itself); the old menu back to options 1–2; Queue relinked to the copy when `relinkQueue`. */
function rebuildMenu(label: string, relinkQueue: boolean) {
  return (f: Json): void => {
    const links: Json[] = f.process.links;
    const old = activity(f, 'WantCallback');
    const copy: Json = { ...structuredClone(old), id: `test-${label}`, name: label };
    copy.properties.name = label;
    f.process.activities[copy.id] = copy;
    for (const l of links.filter((x) => x.sourceActivityId === old.id)) {
      links.push({ ...l, id: `${l.id}-copy`, sourceActivityId: copy.id, targetActivityId: l.targetActivityId === old.id ? copy.id : l.targetActivityId });
    }
    f.process.links = links.filter((l) => !(l.sourceActivityId === old.id && l.conditionExpr === '3'));
    const p = props(f, 'WantCallback');
    for (const key of ['menuLinks', 'menuLinks:input', 'menuLinks_input']) p[key] = p[key].slice(0, 2);
    p.promptsTts = [{ type: 'tts', value: OLD_PROMPT, name: OLD_PROMPT }];
    if (relinkQueue) for (const l of f.process.links) if (l.targetActivityId === old.id && l.sourceActivityId !== old.id) l.targetActivityId = copy.id;
  };
}

for (const label of ['Menu_x7k', 'WantCallback_2']) {
  test(`a new menu ${label} that Queue leads to, the old WantCallback left unreachable: passes, the new menu judged`, async () => {
    const report = await gradeMutation(rebuildMenu(label, true));
    expect(failing(report)).toEqual([]);
    expect(report.verdict).toBe('passed');
    expect(resultOf(report, 'want-callback-option3').message).toContain(label);
  });
}

test('a new menu with option 3 that nothing leads to, the old WantCallback still reached: WantCallback is judged and fails', async () => {
  const report = await gradeMutation(rebuildMenu('Menu_x7k', false));
  expect(failing(report)).toEqual(expect.arrayContaining(['want-callback-option3', 'want-callback-prompt-option3']));
  expect(resultOf(report, 'want-callback-option3').message).toContain('WantCallback has no option 3');
});
