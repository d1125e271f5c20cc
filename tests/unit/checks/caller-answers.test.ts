/**
 * lib/caller-answers.ts on its own: what the simulated caller presses at each Menu and Collect
 * Digits on the way (attendee-variants.test.ts grades such flows whole). Each case pins a rule of
 * its doc comment that a whole-flow grade does not tell apart (session 32's mutation sweep).
 */
import { test, expect } from '@playwright/test';
import { answersOnTheWay } from '../../../checks/callback-on-global-error/lib/caller-answers.js';
import { missionNodes } from '../../../checks/callback-on-global-error/lib/find.js';
import { loadFlow } from '../../../engine/loader.js';
import { addActivity, gradeMutation, link, mutated, props, type Json, type Mutation } from './support.js';

function answersOf(mutation: Mutation): Record<string, string> {
  const loaded = loadFlow(mutated(mutation));
  if (!loaded.ok) throw new Error(loaded.error.message);
  return { ...answersOnTheWay(loaded.model, missionNodes(loaded.model)) };
}

/** A Menu `label` with the option keys `keys`, not linked yet. */
const addMenu = (f: Json, label: string, keys: string[]): void => {
  addActivity(f, 'WantCallback', label, { activityName: 'ivr-menu', activityId: '5f1145ceef5cfc454fbbf134', menuLinks: keys, menuLinks_input: keys, 'menuLinks:input': keys }, 'enum-gateway');
};

/** A Play Message `label`, not linked yet. */
const addPlay = (f: Json, label: string): void => {
  addActivity(f, 'WantCallback', label, { activityName: 'play-message', activityId: 'play-message', promptsTts: [{ type: 'tts', value: label, name: label }] });
};

test('a Menu before the Queue: the first option on a shortest way, not one as long as staying put', () => {
  // 1 leads on through a Play Message (as far from the Queue as the menu itself), 2 and 3 straight to it.
  expect(answersOf((f) => {
    addMenu(f, 'M', ['1', '2', '3']);
    addPlay(f, 'Detour');
    link(f, 'WelcomePrompt', 'default', 'M');
    link(f, 'M', '1', 'Detour');
    link(f, 'Detour', 'default', 'Queue');
    link(f, 'M', '2', 'Queue');
    link(f, 'M', '3', 'Queue');
  }).M).toBe('2');
});

test('a Collect Digits on the way: 1 as many times as its Minimum Digits, at least once; once when it gives none', () => {
  const collect = (minDigits: unknown) => answersOf((f) => {
    const { minDigits: _m, ...rest } = props(f, 'NewNumber');
    addActivity(f, 'WelcomePrompt', 'Account', { ...rest, name: 'Account', ...(minDigits === undefined ? {} : { minDigits }) });
    link(f, 'WelcomePrompt', 'default', 'Account');
    link(f, 'Account', 'default', 'Queue');
  }).Account;
  expect(collect(3)).toBe('111');
  expect(collect(0)).toBe('1');
  expect(collect(undefined)).toBe('1');
  // No caller keys a hundred digits and more: such a Minimum Digits (an edited export's) gets no answer.
  expect(collect(100)).toBe('1'.repeat(100));
  expect(collect(101)).toBeUndefined();
});

test('a Collect Digits asking for 99999999999 digits: the flow is graded (the caller times out there), not an internal error', async () => {
  // Before: '1'.repeat(99999999999) threw "Invalid string length", and `check` printed no report for any file.
  const report = await gradeMutation((f) => {
    const { minDigits: _m, ...rest } = props(f, 'NewNumber');
    addActivity(f, 'WelcomePrompt', 'Account', { ...rest, name: 'Account', minDigits: '99999999999' });
    link(f, 'WelcomePrompt', 'default', 'Account');
    link(f, 'Account', 'default', 'Queue');
  });
  expect(report.verdict).toBe('failed');
  expect(report.scenarios[0]!.trace.find((entry) => entry.activity === 'Account')?.outcome).toBe('timeout');
});

test('a Collect Digits whose default exit does not lead on gets no answer', () => {
  expect(answersOf((f) => {
    addActivity(f, 'WelcomePrompt', 'Account', { ...props(f, 'NewNumber'), name: 'Account' });
    link(f, 'WelcomePrompt', 'default', 'Account');
    link(f, 'Account', 'default', 'DisconnectContact_3zq');
    link(f, 'Account', 'timeout', 'Queue');
  })).not.toHaveProperty('Account');
});

test('after option 3, a way back through WantCallback does not count, however short', () => {
  // Confirm's 1 goes back to WantCallback, whose option 1 is made to lead straight to GET_CBID: two
  // steps, as many as Confirm's 2 through a Play Message.
  expect(answersOf((f) => {
    addMenu(f, 'Confirm', ['1', '2']);
    addPlay(f, 'Confirmed');
    link(f, 'WantCallback', '3', 'Confirm');
    link(f, 'WantCallback', '1', 'GET_CBID');
    link(f, 'Confirm', '1', 'WantCallback');
    link(f, 'Confirm', '2', 'Confirmed');
    link(f, 'Confirmed', 'default', 'GET_CBID');
  }).Confirm).toBe('2');
});

test('a Menu met both before WantCallback and after option 3 answers as on the way to WantCallback', () => {
  expect(answersOf((f) => {
    addMenu(f, 'Both', ['1', '2']);
    link(f, 'WelcomePrompt', 'default', 'Both');
    link(f, 'Both', '1', 'Queue');
    link(f, 'Both', '2', 'GET_CBID');
    link(f, 'WantCallback', '3', 'Both');
  }).Both).toBe('1');
});

test('a Menu option with no key (a blank row of menuLinks) is never the answer: nothing is what the caller could press', () => {
  expect(answersOf((f) => {
    addMenu(f, 'M', ['', '2']);
    link(f, 'WelcomePrompt', 'default', 'M');
    link(f, 'M', '', 'Queue');
    link(f, 'M', '2', 'Queue');
  }).M).toBe('2');
});
