/**
 * The self-check page's settings with a second mission registered: the lab picker offers it with
 * the number its calls dial when the DNIS field is left empty (the field's placeholder), and the
 * settings read for it are its own.
 */
import { expect, test } from '@playwright/test';
import { missionChoices, readSettings } from '../../../web/options.js';
import { registerMission } from './conformance.js';
import helloWorld from './hello-world/index.js';

registerMission(helloWorld);

test('the lab picker offers each mission with its own default DNIS', () => {
  expect(missionChoices().map(({ id, dnis }) => [id, dnis])).toEqual([
    ['callback-on-global-error', '+14694096861'],
    ['hello-world', '+15550100140'],
  ]);
});

test('the settings read for the mission are its own', () => {
  const read = readSettings({ lab: 'hello-world', attendee: '', dnis: '+1 555 010 0777' });
  expect(read).toEqual({ ok: true, settings: { mission: helloWorld, dnis: '+15550100777' } });
});
