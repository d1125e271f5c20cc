/**
 * A simulated call that never reaches the callback menu names it by the label the flow gives it,
 * as the hint and every other check do: a menu left with its default label (Menu_q2w) or named
 * otherwise (a public sample flow's LongWaitTime) is found by its Callback option, and an attendee
 * told "never reached WantCallback" looks for an activity their flow does not have.
 */
import { test, expect } from '@playwright/test';
import { activity, gradeMutation, resultOf, type Json } from './support.js';

/** WantCallback labelled `label`, and Queue's link to it deleted: the caller waits at Queue's unlinked default exit. */
function renamedAndUnreached(label: string) {
  return (f: Json): void => {
    const menu = activity(f, 'WantCallback');
    menu.name = label;
    menu.properties.name = label;
    const queue = activity(f, 'Queue');
    f.process.links = f.process.links.filter((l: Json) => !(l.sourceActivityId === queue.id && l.targetActivityId === menu.id));
  };
}

test('a callback menu labelled otherwise that the call never reaches is named by its label in the message, as in the hint', async () => {
  const check = resultOf(await gradeMutation(renamedAndUnreached('Menu_q2w')), 'run-option3-reaches-get-cbid');
  expect(check.status).toBe('failed');
  expect(check.message).toBe("The simulated call never reached Menu_q2w (ended: exit 'default' of Queue is not linked)");
  expect(check.hint).toContain('Menu_q2w');
  expect(check.message).not.toContain('WantCallback');
});
