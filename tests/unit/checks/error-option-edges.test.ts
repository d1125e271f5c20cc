/**
 * want-callback-option3 when the option made for Build step 3 is not WantCallback's option 3, in
 * the two cases a mutation sweep found no test deciding (O4, O6): two options of WantCallback that
 * each look like it (described as the simulated error, or leading to GET_CBID), and VerifyNumber
 * holding it on digit 3 beside another (the option 3 named).
 */
import { test, expect } from '@playwright/test';
import { MISTAKES } from './mutations.js';
import { gradeMutation, link, props, resultOf, unlink } from './support.js';

/** WantCallback's options 1 and 2, then `extra` ([digit, Link Description, where it leads or undefined]) in that order; no option 3. */
function wantCallbackWith(extra: [string, string, string | undefined][]) {
  return gradeMutation((f) => {
    const menu = props(f, 'WantCallback');
    menu.menuLinks = ['1', '2', ...extra.map(([key]) => key)];
    menu['menuLinks:input'] = menu.menuLinks_input = ['Callback', 'Stay in queue', ...extra.map(([, description]) => description)];
    unlink(f, 'WantCallback', '3');
    for (const [key, , to] of extra) if (to) link(f, 'WantCallback', key, to);
  });
}

const shown = (r: { status: string; message: string; hint?: string }) => [r.status, r.message, r.hint];

test('two options of WantCallback described as the simulated error (4, then 0): the first in the menu\'s order is named (O4)', async () => {
  const r = resultOf(await wantCallbackWith([['4', 'Simulated error', undefined], ['0', 'Simulate an error', 'GET_CBID']]), 'want-callback-option3');
  expect(shown(r)).toEqual(['failed', 'WantCallback has no option 3: its option "Simulated error" is on digit 4', 'WantCallback → Custom Menu Links: change the Digit Number of option 4 "Simulated error" to 3.']);
});

test('one option of WantCallback leading to GET_CBID (0, "Other") and a later one described as the simulated error (4): the description tells it before the connection (O4)', async () => {
  const r = resultOf(await wantCallbackWith([['0', 'Other', 'GET_CBID'], ['4', 'Simulate an error', undefined]]), 'want-callback-option3');
  expect(shown(r)).toEqual(['failed', 'WantCallback has no option 3: its option "Simulate an error" is on digit 4', 'WantCallback → Custom Menu Links: change the Digit Number of option 4 "Simulate an error" to 3.']);
});

test('two options of WantCallback leading to GET_CBID, neither described so (5, then 0): the first in the menu\'s order is named (O4)', async () => {
  const r = resultOf(await wantCallbackWith([['5', 'Other', 'GET_CBID'], ['0', 'Operator', 'GET_CBID']]), 'want-callback-option3');
  expect(shown(r)).toEqual(['failed', 'WantCallback has no option 3: its option on digit 5 leads to GET_CBID', 'WantCallback → Custom Menu Links: change the Digit Number of option 5 "Other" to 3.']);
});

test('VerifyNumber holding "Simulate an error" on digit 4 and an option 3 leading to GET_CBID, WantCallback without option 3: the option 3 is the one said to be added there (O6)', async () => {
  const report = await gradeMutation((f) => {
    MISTAKES['option3-removed'](f);
    const verify = props(f, 'VerifyNumber');
    verify.menuLinks = [...verify.menuLinks, '4', '3'];
    verify['menuLinks:input'] = verify.menuLinks_input = [...verify.menuLinks_input, 'Simulate an error', 'Other'];
    link(f, 'VerifyNumber', '4', 'NewNumber');
    link(f, 'VerifyNumber', '3', 'GET_CBID');
  });
  const r = resultOf(report, 'want-callback-option3');
  expect([r.status, r.message, r.actual]).toEqual(['failed', 'WantCallback has no option 3 (its options: 1, 2); option 3 was added to VerifyNumber instead', 'options 1, 2']);
  expect(r.hint).toBe('VerifyNumber → Custom Menu Links: delete option 3; WantCallback → Custom Menu Links → Add New: Digit Number 3, Link Description "Simulate an error", connected to GET_CBID.');
});
